//! Everything a person reads that is made from a code or a number: status
//! labels, the "why" of a status, the words for a change, problems in a
//! file. The domain (`indicators`) hands over codes and values; pages and the
//! command line call these to word them. English today; a second language
//! adds its own functions behind the same names.

mod explanation;
mod hints;
#[cfg(feature = "ssr")]
mod narrative;
mod problems;
mod rights_problems;

use indicators::model::Dimensions;
use indicators::progress::{MethodClass, ProgressMethod, ProgressStatus};
use indicators::summary::BaselineRule;
use indicators::{AreaKind, Direction, Labels};

pub use explanation::status_explanation;
#[cfg(feature = "ssr")]
pub use narrative::{
    indicator_narrative_text, narrative_subject, narrative_text, series_narrative_text,
};
pub use problems::{problem_hint, problem_line, problem_message};

use crate::i18n::{t, tr, Locale};
use crate::types::Movement;

/// Words for a status badge (colour is never the only signal).
pub fn status_label(locale: Locale, status: ProgressStatus) -> String {
    let key = match status {
        ProgressStatus::TargetAchieved => "status-target-achieved",
        ProgressStatus::SubstantialProgress => "status-substantial",
        ProgressStatus::ModerateProgress => "status-moderate",
        ProgressStatus::LimitedProgress => "status-limited",
        ProgressStatus::Deterioration => "status-deterioration",
        ProgressStatus::NotAvailable => "status-not-available",
    };
    t(locale, key)
}

/// A class as Eurostat or the UNSD Progress Chart publish it.
pub fn class_label(locale: Locale, class: MethodClass) -> String {
    let key = match class {
        MethodClass::SignificantProgress => "class-significant-progress",
        MethodClass::ModerateProgress => "class-moderate-progress",
        MethodClass::ModerateMovementAway => "class-moderate-movement-away",
        MethodClass::SignificantMovementAway => "class-significant-movement-away",
        MethodClass::InsufficientProgress => "class-insufficient-progress",
        MethodClass::MovementAway => "class-movement-away",
        MethodClass::OnTrackOrTargetMet => "class-on-track",
        MethodClass::FairProgress => "class-fair-progress",
        MethodClass::StagnationOrRegression => "class-stagnation",
    };
    t(locale, key)
}

/// How a change reads next to its number: "(better)".
pub fn movement_word(locale: Locale, movement: Movement) -> String {
    let key = match movement {
        Movement::Better => "movement-better",
        Movement::Worse => "movement-worse",
        Movement::Same => "movement-same",
    };
    t(locale, key)
}

/// The published method's name (a proper name: the same in every language).
pub fn method_name(method: ProgressMethod) -> &'static str {
    match method {
        ProgressMethod::OpenSdg => "Open SDG 2.4 / Statistics Canada",
        ProgressMethod::Eurostat => "Eurostat",
        ProgressMethod::UnsdProgressChart => "UNSD Progress Chart",
    }
}

/// Why the baseline is the year it is, in a few words.
pub fn baseline_rule(locale: Locale, rule: BaselineRule) -> String {
    let key = match rule {
        BaselineRule::Catalogue => "baseline-rule-catalogue",
        BaselineRule::CatalogueNextYearWithData => "baseline-rule-catalogue-next",
        BaselineRule::DefaultYear => "baseline-rule-default-year",
        BaselineRule::FirstYearWithData => "baseline-rule-first-year",
        BaselineRule::SeriesBreak => "break-baseline-rule",
    };
    t(locale, key)
}

/// `Human-rights area` or `Policy area`.
pub fn area_kind_label(locale: Locale, kind: AreaKind) -> String {
    match kind {
        AreaKind::Rights => t(locale, "area-kind-rights"),
        AreaKind::Policy => t(locale, "area-kind-policy"),
    }
}

/// `higher is better` or `lower is better`.
pub fn direction_words(locale: Locale, direction: Direction) -> String {
    match direction {
        Direction::Higher => t(locale, "direction-higher"),
        Direction::Lower => t(locale, "direction-lower"),
    }
}

/// A series as a reader names it: `Total`, or `Sex: female, Age: 0-17`,
/// in the words of the dataset's labels file where it has them.
pub fn series_label(locale: Locale, labels: &Labels, dimensions: &Dimensions) -> String {
    if dimensions.is_headline() {
        return t(locale, "series-total");
    }
    dimensions
        .pairs()
        .iter()
        .map(|(name, value)| {
            format!(
                "{}: {}",
                dimension_label(locale, labels, name),
                value_label(locale, labels, name, value)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A dimension's name as the labels file gives it, else capitalised.
pub fn dimension_label(locale: Locale, labels: &Labels, name: &str) -> String {
    labels
        .dimension(name, locale.code())
        .map_or_else(|| capitalise(name), str::to_owned)
}

/// A dimension's value as the labels file gives it, else as in the data.
pub fn value_label(locale: Locale, labels: &Labels, dimension: &str, value: &str) -> String {
    labels
        .value(dimension, value, locale.code())
        .unwrap_or(value)
        .to_owned()
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
pub fn indicator_count(locale: Locale, n: usize) -> String {
    tr(locale, "indicator-count", &[("n", n.into())])
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`; `1e`, `2e` in Dutch.
pub fn ordinal(locale: Locale, n: usize) -> String {
    if locale == Locale::Nl {
        return format!("{n}e");
    }
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
pub fn rank(locale: Locale, position: usize, of: usize, direction: Direction) -> String {
    tr(
        locale,
        "rank",
        &[
            ("position", ordinal(locale, position).into()),
            ("of", of.to_string().into()),
            ("direction", direction_words(locale, direction).into()),
        ],
    )
}

/// `up`, `down` or `unchanged`, for a chart's accessible name.
pub fn up_or_down(locale: Locale, change: f64) -> String {
    let key = if change > 0.0 {
        "up"
    } else if change < 0.0 {
        "down"
    } else {
        "unchanged"
    };
    t(locale, key)
}

/// A goal's short title in `locale`.
pub fn goal_title(locale: Locale, number: u8) -> String {
    t(locale, &format!("goal-{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_own_label_in_each_language() {
        for locale in [Locale::En, Locale::Nl] {
            let labels: std::collections::BTreeSet<String> = ProgressStatus::ALL
                .iter()
                .map(|s| status_label(locale, *s))
                .collect();
            assert_eq!(labels.len(), ProgressStatus::ALL.len());
        }
        assert_eq!(
            status_label(Locale::Nl, ProgressStatus::Deterioration),
            "Achteruitgang"
        );
    }

    #[test]
    fn series_labels_name_each_dimension_in_the_labels_words() {
        let none = Labels::default();
        assert_eq!(
            series_label(Locale::En, &none, &Dimensions::default()),
            "Total"
        );
        assert_eq!(
            series_label(Locale::Nl, &none, &Dimensions::default()),
            "Totaal"
        );
        let both = Dimensions::new([("sex", "female"), ("age", "0-17")]);
        assert_eq!(
            series_label(Locale::En, &none, &both),
            "Age: 0-17, Sex: female"
        );
        let mut labels = Labels::default();
        labels.insert("sex", "", "nl", "Geslacht");
        labels.insert("sex", "female", "nl", "vrouw");
        assert_eq!(
            series_label(Locale::Nl, &labels, &both),
            "Age: 0-17, Geslacht: vrouw"
        );
    }

    #[test]
    fn ordinals_and_ranks_read_naturally() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .map(|n| ordinal(Locale::En, n))
            .into();
        assert_eq!(
            words,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
        assert_eq!(
            rank(Locale::En, 3, 10, Direction::Lower),
            "3rd of 10, highest first (lower is better)"
        );
        assert_eq!(
            rank(Locale::Nl, 3, 10, Direction::Lower),
            "3e van 10, hoogste eerst (lager is beter)"
        );
        assert_eq!(indicator_count(Locale::En, 1), "1 indicator");
        assert_eq!(indicator_count(Locale::En, 45), "45 indicators");
        assert_eq!(indicator_count(Locale::Nl, 45), "45 indicatoren");
    }
}
