//! The project's own table of the UN SDG framework after the 2025 review: the
//! 17 goals (official short titles and colours, as Open SDG uses them), the 169
//! targets and the global indicators, with ids that sort as people expect
//! (`1.2` before `1.10`, lettered targets such as `1.a` after the numbered ones).
//! The tables live in `indicators/reference/` and are embedded at compile time;
//! `tests/sdg_framework.rs` checks them against the UN reference in `../shared`.

use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

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
            let v = u8::from_str_radix(self.colour.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0)
                as f64
                / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        // Contrast with white is (1.05)/(L+0.05); with black (L+0.05)/0.05.
        if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 {
            "#FFFFFF"
        } else {
            "#000000"
        }
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

/// One part of an SDG id: a number (`12`) or a letter part (`a`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdPart {
    Number(u32),
    Letters(String),
}

impl Ord for IdPart {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (IdPart::Number(a), IdPart::Number(b)) => a.cmp(b),
            // Lettered parts (means of implementation: 1.a, 1.b) come last.
            (IdPart::Number(_), IdPart::Letters(_)) => Ordering::Less,
            (IdPart::Letters(_), IdPart::Number(_)) => Ordering::Greater,
            (IdPart::Letters(a), IdPart::Letters(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for IdPart {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// An SDG goal, target or indicator id such as `11`, `5.a`, `1.1.1`, or a
/// local variant written with dashes (`10-x-2`, `5-5-2a`). Compares part by
/// part, numbers numerically and letters after numbers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SdgId {
    text: String,
    parts: Vec<IdPart>,
}

impl SdgId {
    /// Parses an id; `None` if it is empty or has characters other than ASCII
    /// letters, digits, `.` and `-`.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty()
            || !text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            return None;
        }
        let mut parts = Vec::new();
        for piece in text.split(['.', '-']) {
            if piece.is_empty() {
                return None;
            }
            // `2a` is the number 2 followed by the letters `a`.
            let digits_end = piece
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(piece.len());
            if digits_end > 0 {
                parts.push(IdPart::Number(piece[..digits_end].parse().ok()?));
            }
            if digits_end < piece.len() {
                parts.push(IdPart::Letters(piece[digits_end..].to_ascii_lowercase()));
            }
        }
        Some(Self {
            text: text.to_owned(),
            parts,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn parts(&self) -> &[IdPart] {
        &self.parts
    }

    /// The goal number, if the id starts with one of the 17.
    pub fn goal(&self) -> Option<u8> {
        match self.parts.first() {
            Some(IdPart::Number(n)) => u8::try_from(*n).ok().and_then(goal).map(|g| g.number),
            _ => None,
        }
    }
}

impl Ord for SdgId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts
            .cmp(&other.parts)
            .then_with(|| self.text.cmp(&other.text))
    }
}

impl PartialOrd for SdgId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for SdgId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A target, e.g. 11.1 "By 2030, ensure access for all to adequate, safe and
/// affordable housing...".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub id: String,
    pub goal: u8,
    pub title: String,
}

/// A global indicator listing. Indicators that serve several targets (such as
/// 1.5.1 = 11.5.1 = 13.1.1) are listed once under each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlobalIndicator {
    pub id: String,
    pub target: String,
    pub goal: u8,
    pub title: String,
}

/// Goal titles (long form), targets and indicators, parsed once on first use.
#[derive(Debug)]
pub struct Framework {
    /// `(goal number, official long title)`, in goal order.
    pub goal_titles: Vec<(u8, String)>,
    /// In id order.
    pub targets: Vec<Target>,
    /// In id order, repeated indicators once per target.
    pub indicators: Vec<GlobalIndicator>,
}

const GOALS_CSV: &str = include_str!("../reference/sdg-goals.csv");
const TARGETS_CSV: &str = include_str!("../reference/sdg-targets.csv");
const INDICATORS_CSV: &str = include_str!("../reference/sdg-indicators.csv");

/// The embedded UN framework.
pub fn framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        // The embedded tables are checked by tests; a broken row is a build bug.
        let rows = |text: &str| -> Vec<Vec<String>> {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(text.as_bytes());
            reader
                .records()
                .filter_map(Result::ok)
                .map(|r| r.iter().map(str::to_owned).collect())
                .collect()
        };
        let goal_titles = rows(GOALS_CSV)
            .into_iter()
            .filter_map(|r| Some((r.first()?.parse().ok()?, r.get(1)?.clone())))
            .collect();
        let mut targets: Vec<Target> = rows(TARGETS_CSV)
            .into_iter()
            .filter_map(|r| {
                Some(Target {
                    id: r.first()?.clone(),
                    goal: r.get(1)?.parse().ok()?,
                    title: r.get(2)?.clone(),
                })
            })
            .collect();
        targets.sort_by_cached_key(|t| SdgId::parse(&t.id));
        let mut indicators: Vec<GlobalIndicator> = rows(INDICATORS_CSV)
            .into_iter()
            .filter_map(|r| {
                Some(GlobalIndicator {
                    id: r.first()?.clone(),
                    target: r.get(1)?.clone(),
                    goal: r.get(2)?.parse().ok()?,
                    title: r.get(3)?.clone(),
                })
            })
            .collect();
        indicators.sort_by_cached_key(|i| (SdgId::parse(&i.id), SdgId::parse(&i.target)));
        Framework {
            goal_titles,
            targets,
            indicators,
        }
    })
}

impl Framework {
    pub fn target(&self, id: &str) -> Option<&Target> {
        let id = id.trim();
        self.targets.iter().find(|t| t.id.eq_ignore_ascii_case(id))
    }

    pub fn targets_of_goal(&self, goal: u8) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.goal == goal)
    }

    /// Up to `n` target ids closest to `id` (edit distance, then same goal), for
    /// "did you mean" hints.
    pub fn nearest_targets(&self, id: &str, n: usize) -> Vec<&str> {
        let wanted_goal = SdgId::parse(id.trim()).and_then(|i| i.goal());
        crate::suggest::nearest_by(id, self.targets.iter().map(|t| t.id.as_str()), n, |t| {
            let parsed = SdgId::parse(t);
            (parsed.as_ref().and_then(SdgId::goal) != wanted_goal, parsed)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> SdgId {
        SdgId::parse(text).unwrap_or_else(|| panic!("{text} parses"))
    }

    #[test]
    fn ids_sort_numerically_with_lettered_parts_last() {
        let mut ids: Vec<SdgId> = ["1.10", "1.a", "1.2", "10.1", "1.b", "2.1", "1.1"]
            .iter()
            .map(|t| id(t))
            .collect();
        ids.sort();
        let sorted: Vec<&str> = ids.iter().map(SdgId::as_str).collect();
        assert_eq!(sorted, ["1.1", "1.2", "1.10", "1.a", "1.b", "2.1", "10.1"]);
    }

    #[test]
    fn local_dash_ids_parse_with_letter_suffixes() {
        assert_eq!(
            id("5-5-2a").parts(),
            &[
                IdPart::Number(5),
                IdPart::Number(5),
                IdPart::Number(2),
                IdPart::Letters("a".into())
            ]
        );
        assert_eq!(id("10-x-2").goal(), Some(10));
        assert!(id("5-5-2") < id("5-5-2a"));
        assert_eq!(SdgId::parse(""), None);
        assert_eq!(SdgId::parse("1..2"), None);
        assert_eq!(SdgId::parse("1.2<script>"), None);
        assert_eq!(id("18.1").goal(), None);
    }

    #[test]
    fn framework_has_169_targets_and_finds_them() {
        let fw = framework();
        assert_eq!(fw.targets.len(), 169);
        assert_eq!(fw.goal_titles.len(), 17);
        assert_eq!(fw.target("11.1").map(|t| t.goal), Some(11));
        assert_eq!(fw.targets_of_goal(17).count(), 19);
        assert_eq!(fw.targets.first().map(|t| t.id.as_str()), Some("1.1"));
        assert_eq!(fw.targets.last().map(|t| t.id.as_str()), Some("17.19"));
    }

    #[test]
    fn nearest_targets_suggest_close_ids() {
        let near = framework().nearest_targets("11.11", 3);
        assert!(near.contains(&"11.1"), "{near:?}");
        assert_eq!(framework().nearest_targets("1.x", 1).len(), 1);
    }

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
