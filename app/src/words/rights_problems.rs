//! The messages of the problems of `recommendations.csv`, `qualitative.csv`
//! and of numbers for qualitative indicators (their hints are in `hints`).

use indicators::problem::Reason;

use crate::i18n::{t, tr, Arg, Locale};

/// What is wrong, for the reasons `problem_message` hands over (the cell's
/// `value` as written).
pub(super) fn message(locale: Locale, reason: &Reason, value: &str) -> String {
    match reason {
        Reason::NotADay => t(locale, "problem-not-a-day"),
        Reason::NotALink => t(locale, "problem-bad-link"),
        Reason::DuplicateRecommendation { first_line } => tr(
            locale,
            "problem-duplicate-recommendation",
            &[
                ("value", Arg::from(value)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        Reason::NoRecommendationText => t(locale, "problem-no-recommendation-text"),
        Reason::NoRecommendationArea => t(locale, "problem-no-recommendation-area"),
        Reason::StatusBeforeDate { date } => tr(
            locale,
            "problem-status-before-date",
            &[("date", Arg::from(date))],
        ),
        Reason::NotQualitative => tr(
            locale,
            "problem-not-qualitative",
            &[("value", Arg::from(value))],
        ),
        Reason::NoStatementText => t(locale, "problem-no-statement-text"),
        Reason::QualitativeObservations { indicator, rows } => tr(
            locale,
            "problem-qualitative-observations",
            &[
                ("indicator", Arg::from(indicator)),
                ("rows", Arg::from(rows.to_string())),
            ],
        ),
        // `problem_message` hands over the reasons above only.
        _ => String::new(),
    }
}
