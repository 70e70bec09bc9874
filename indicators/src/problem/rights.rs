//! The constructors of the problems `recommendations.csv`, `qualitative.csv`
//! and the observations of qualitative indicators can have, and of the
//! catalogue's columns that take one of a few words or a date.

use super::{Problem, Reason};

impl Problem {
    /// A cell that must be one of `allowed` (wire names) and is not.
    pub fn not_one_of(file: &str, allowed: &[&str]) -> Self {
        Self::new(
            file,
            Reason::NotOneOf {
                allowed: allowed.iter().map(|a| a.to_string()).collect(),
            },
        )
    }

    /// A cell that must be a date (`yyyy-mm-dd`, `yyyy-mm` or `yyyy`).
    pub fn not_a_date(file: &str) -> Self {
        Self::new(file, Reason::NotADate)
    }

    /// A cell that must be a day, `yyyy-mm-dd`.
    pub fn not_a_day(file: &str) -> Self {
        Self::new(file, Reason::NotADay)
    }

    /// A cell that must be an `http(s)://` address.
    pub fn not_a_link(file: &str) -> Self {
        Self::new(file, Reason::NotALink)
    }

    pub fn duplicate_recommendation(file: &str, first_line: usize) -> Self {
        Self::new(file, Reason::DuplicateRecommendation { first_line })
    }

    pub fn no_recommendation_text(file: &str) -> Self {
        Self::new(file, Reason::NoRecommendationText)
    }

    pub fn no_recommendation_area(file: &str) -> Self {
        Self::new(file, Reason::NoRecommendationArea)
    }

    /// `date`: when the recommendation was made.
    pub fn status_before_date(file: &str, date: &str) -> Self {
        Self::new(
            file,
            Reason::StatusBeforeDate {
                date: date.to_owned(),
            },
        )
    }

    pub fn not_qualitative(file: &str) -> Self {
        Self::new(file, Reason::NotQualitative)
    }

    pub fn no_statement_text(file: &str) -> Self {
        Self::new(file, Reason::NoStatementText)
    }

    pub fn qualitative_observations(file: &str, indicator: &str, rows: usize) -> Self {
        Self::new(
            file,
            Reason::QualitativeObservations {
                indicator: indicator.to_owned(),
                rows,
            },
        )
    }
}
