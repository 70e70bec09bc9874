//! Everything a person reads that is made from a code or a number: status
//! labels, the "why" of a status, the words for a change, problems in a
//! file. The domain (`indicators`) hands over codes and values; pages and the
//! command line call these to word them. English today; a second language
//! adds its own functions behind the same names.

mod explanation;
mod problems;

use indicators::model::Dimensions;
use indicators::progress::{MethodClass, ProgressMethod, ProgressStatus};
use indicators::summary::BaselineRule;
use indicators::{AreaKind, Direction};

pub use explanation::status_explanation;
pub use problems::{problem_hint, problem_line, problem_message};

use crate::types::Movement;

/// Words for a status badge (colour is never the only signal).
pub fn status_label(status: ProgressStatus) -> &'static str {
    match status {
        ProgressStatus::TargetAchieved => "Target achieved",
        ProgressStatus::SubstantialProgress => "Substantial progress / on track",
        ProgressStatus::ModerateProgress => "Moderate progress / acceleration needed",
        ProgressStatus::LimitedProgress => "Limited progress",
        ProgressStatus::Deterioration => "Deterioration",
        ProgressStatus::NotAvailable => "Not available",
    }
}

/// A class as Eurostat or the UNSD Progress Chart publish it.
pub fn class_label(class: MethodClass) -> &'static str {
    match class {
        MethodClass::SignificantProgress => "significant progress",
        MethodClass::ModerateProgress => "moderate progress",
        MethodClass::ModerateMovementAway => "moderate movement away",
        MethodClass::SignificantMovementAway => "significant movement away",
        MethodClass::InsufficientProgress => "insufficient progress",
        MethodClass::MovementAway => "movement away from the target",
        MethodClass::OnTrackOrTargetMet => "on track or target met",
        MethodClass::FairProgress => "fair progress, but acceleration needed",
        MethodClass::StagnationOrRegression => "stagnation or regression",
    }
}

/// How a change reads next to its number: "(better)".
pub fn movement_word(movement: Movement) -> &'static str {
    match movement {
        Movement::Better => "better",
        Movement::Worse => "worse",
        Movement::Same => "no change",
    }
}

/// The published method's name.
pub fn method_name(method: ProgressMethod) -> &'static str {
    match method {
        ProgressMethod::OpenSdg => "Open SDG 2.4 / Statistics Canada",
        ProgressMethod::Eurostat => "Eurostat",
        ProgressMethod::UnsdProgressChart => "UNSD Progress Chart",
    }
}

/// Why the baseline is the year it is, in a few words.
pub fn baseline_rule(rule: BaselineRule) -> &'static str {
    match rule {
        BaselineRule::Catalogue => "catalogue",
        BaselineRule::CatalogueNextYearWithData => "catalogue next year with data",
        BaselineRule::DefaultYear => "default year",
        BaselineRule::FirstYearWithData => "first year with data",
    }
}

/// `Human-rights area` or `Policy area`.
pub fn area_kind_label(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Rights => "Human-rights area",
        AreaKind::Policy => "Policy area",
    }
}

/// `higher is better` or `lower is better`.
pub fn direction_words(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => "higher is better",
        Direction::Lower => "lower is better",
    }
}

/// A series as a reader names it: `Total`, or `Sex: female, Age: 0-17`.
pub fn series_label(dimensions: &Dimensions) -> String {
    if dimensions.is_headline() {
        return "Total".to_owned();
    }
    dimensions
        .pairs()
        .iter()
        .map(|(name, value)| format!("{}: {value}", capitalise(name)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first letter in upper case: `sex` → `Sex`.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `1 indicator`, `3 indicators`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A district's place among the districts: `3rd of 10, highest first
/// (lower is better)`.
pub fn rank(position: usize, of: usize, direction: Direction) -> String {
    format!(
        "{} of {of}, highest first ({})",
        ordinal(position),
        direction_words(direction)
    )
}

/// `up`, `down` or `unchanged`, for a chart's accessible name.
pub fn up_or_down(change: f64) -> &'static str {
    if change > 0.0 {
        "up"
    } else if change < 0.0 {
        "down"
    } else {
        "unchanged"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_label() {
        let labels: std::collections::BTreeSet<&str> = ProgressStatus::ALL
            .iter()
            .map(|s| status_label(*s))
            .collect();
        assert_eq!(labels.len(), ProgressStatus::ALL.len());
    }

    #[test]
    fn series_labels_name_each_dimension() {
        assert_eq!(series_label(&Dimensions::default()), "Total");
        assert_eq!(
            series_label(&Dimensions::new([("sex", "female"), ("age", "0-17")])),
            "Age: 0-17, Sex: female"
        );
    }

    #[test]
    fn ordinals_and_ranks_read_naturally() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal).into();
        assert_eq!(
            words,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
        assert_eq!(
            rank(3, 10, Direction::Lower),
            "3rd of 10, highest first (lower is better)"
        );
        assert_eq!(plural(1, "indicator"), "1 indicator");
        assert_eq!(plural(45, "indicator"), "45 indicators");
    }
}
