//! The project's own table of the UN SDG goals: number, official short title and
//! colour (as used by Open SDG). A test checks it against `../shared`.

use serde::{Deserialize, Serialize};

/// One of the 17 Sustainable Development Goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub number: u8,
    pub short_title: &'static str,
    /// Official colour, `#RRGGBB`.
    pub colour: &'static str,
}

macro_rules! goals {
    ($(($n:expr, $t:expr, $c:expr)),* $(,)?) => {
        [$(Goal { number: $n, short_title: $t, colour: $c }),*]
    };
}

/// The 17 goals in order.
pub const GOALS: [Goal; 17] = goals![
    (1, "No poverty", "#E5243B"),
    (2, "Zero hunger", "#DDA63A"),
    (3, "Good health and well-being", "#4C9F38"),
    (4, "Quality education", "#C5192D"),
    (5, "Gender equality", "#FF3A21"),
    (6, "Clean water and sanitation", "#26BDE2"),
    (7, "Affordable and clean energy", "#FCC30B"),
    (8, "Decent work and economic growth", "#A21942"),
    (9, "Industry, innovation and infrastructure", "#FD6925"),
    (10, "Reduced inequalities", "#DD1367"),
    (11, "Sustainable cities and communities", "#FD9D24"),
    (12, "Responsible consumption and production", "#BF8B2E"),
    (13, "Climate action", "#3F7E44"),
    (14, "Life below water", "#0A97D9"),
    (15, "Life on land", "#56C02B"),
    (16, "Peace, justice and strong institutions", "#00689D"),
    (17, "Partnerships for the goals", "#19486A"),
];

impl Goal {
    /// Black or white, whichever reads better on the goal colour (WCAG
    /// relative luminance), for text drawn on a goal-coloured badge.
    pub fn text_colour(&self) -> &'static str {
        let channel = |i: usize| {
            let v = u8::from_str_radix(self.colour.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        // Contrast with white is (1.05)/(L+0.05); with black (L+0.05)/0.05.
        if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 { "#FFFFFF" } else { "#000000" }
    }
}

/// The goal with this number, if it is one of the 17.
pub fn goal(number: u8) -> Option<&'static Goal> {
    GOALS.iter().find(|g| g.number == number)
}

/// The goal number of a target id such as `11.1` or `5.a`.
pub fn goal_of_target(target: &str) -> Option<u8> {
    let n: u8 = target.split('.').next()?.trim().parse().ok()?;
    goal(n).map(|g| g.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colour_is_dark_on_light_goal_colours() {
        let by_number = |n: u8| goal(n).map(Goal::text_colour);
        assert_eq!(by_number(7), Some("#000000"), "yellow");
        assert_eq!(by_number(16), Some("#FFFFFF"), "dark blue");
        assert_eq!(by_number(13), Some("#FFFFFF"), "dark green");
    }

    #[test]
    fn goal_of_target_reads_numeric_and_lettered_targets() {
        assert_eq!(goal_of_target("11.1"), Some(11));
        assert_eq!(goal_of_target("5.a"), Some(5));
        assert_eq!(goal_of_target("18.1"), None);
        assert_eq!(goal_of_target("x"), None);
    }
}
