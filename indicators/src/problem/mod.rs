//! What is wrong with a city's files, as structured values: where (file,
//! line, column, the cell as written), how bad (severity), what kind (a stable
//! code) and the facts behind it (a [`Reason`] with its numbers and names).
//!
//! No sentences are made here: whoever shows a problem words it (the command
//! line and the pages in English today, other languages later), so the same
//! problem can be read by a person in their language and by a program.

mod constructors;
mod districts;
mod reason;
mod rights;

use serde::{Deserialize, Serialize};

pub use constructors::{ObservationKey, YEAR_RANGE};
pub use districts::{GeoJsonPart, JsonKind};
pub use reason::{MissingRole, Reason};

crate::wire_enum! {
    /// Errors block a dataset from being accepted; warnings do not.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Severity: "severity" {
        Error = "error",
        Warning = "warning",
    }
}

crate::wire_enum! {
    /// A stable, machine-readable kind of problem (used in `--json` output);
    /// several [`Reason`]s can share one.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum ProblemCode: "problem code" {
        Unreadable = "unreadable",
        MissingColumn = "missing-column",
        BadCatalogueValue = "bad-catalogue-value",
        DuplicateIndicator = "duplicate-indicator",
        UnknownIndicator = "unknown-indicator",
        UnknownTarget = "unknown-target",
        UnknownArea = "unknown-area",
        DuplicateObservation = "duplicate-observation",
        RepeatedObservation = "repeated-observation",
        NotANumber = "not-a-number",
        BadPeriod = "bad-period",
        RaggedRow = "ragged-row",
        UnclosedQuote = "unclosed-quote",
        UnitMismatch = "unit-mismatch",
        LabelTooLong = "label-too-long",
        MissingYear = "missing-year",
        FlaggedValue = "flagged-value",
        DecodedAsWindows1252 = "decoded-as-windows-1252",
        InvalidUtf8 = "invalid-utf8",
        NoData = "no-data",
        DuplicateFile = "duplicate-file",
        UnknownTranslation = "unknown-translation",
        BadMetadata = "bad-metadata",
        UnknownSeries = "unknown-series",
        MissingTranslation = "missing-translation",
        BadAction = "bad-action",
        DuplicateAction = "duplicate-action",
        BadValue = "bad-value",
        BadGeoJson = "bad-geojson",
        DuplicateDistrict = "duplicate-district",
        UnmatchedDistrict = "unmatched-district",
        BadRecommendation = "bad-recommendation",
        BadQualitative = "bad-qualitative",
        BadGroup = "bad-group",
    }
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Path of the file as given (relative to the dataset folder when there is one).
    pub file: String,
    /// The line as a spreadsheet shows it (header = 1); `None` for the whole file.
    pub line: Option<usize>,
    /// The column header, when one column is at fault.
    pub column: Option<String>,
    /// The offending cell, as written (truncated to 200 characters).
    pub value: Option<String>,
    pub severity: Severity,
    pub code: ProblemCode,
    /// What exactly is wrong, with the facts a message needs.
    #[serde(flatten)]
    pub reason: Reason,
}

/// The longest cell text a problem repeats back.
const MAX_VALUE_ECHO: usize = 200;

impl Problem {
    /// A problem in `file`; its severity and code follow from the reason.
    /// The named constructors (`Problem::not_a_number` …) are the usual way in.
    pub fn new(file: &str, reason: Reason) -> Self {
        Problem {
            file: file.to_owned(),
            line: None,
            column: None,
            value: None,
            severity: reason.severity(),
            code: reason.code(),
            reason,
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn in_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_owned());
        self
    }

    /// [`at_line`](Self::at_line) and [`in_column`](Self::in_column) together.
    pub fn at(self, line: usize, column: &str) -> Self {
        self.at_line(line).in_column(column)
    }

    pub fn with_value(mut self, value: &str) -> Self {
        let mut echoed: String = value.chars().take(MAX_VALUE_ECHO).collect();
        if echoed.len() < value.len() {
            echoed.push('…');
        }
        self.value = Some(echoed);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DecimalSeparator;

    #[test]
    fn constructors_set_severity_code_and_place() {
        let p = Problem::not_a_number("social.csv", DecimalSeparator::Comma)
            .at(12, "value")
            .with_value("12,x");
        assert_eq!(
            (
                p.severity,
                p.code,
                p.line,
                p.column.as_deref(),
                p.value.as_deref()
            ),
            (
                Severity::Error,
                ProblemCode::NotANumber,
                Some(12),
                Some("value"),
                Some("12,x")
            )
        );
        let flagged = Problem::flagged_value("f.csv", "p");
        assert_eq!(
            (flagged.severity, flagged.code),
            (Severity::Warning, ProblemCode::FlaggedValue)
        );
    }

    #[test]
    fn long_values_are_truncated_when_echoed() {
        let p = Problem::bad_period("f").with_value(&"x".repeat(500));
        assert_eq!(p.value.as_deref().map(|v| v.chars().count()), Some(201));
    }

    #[test]
    fn json_carries_codes_and_values_not_sentences() {
        let p = Problem::not_a_number("social.csv", DecimalSeparator::Comma).at(12, "value");
        let json = serde_json::to_value(&p).expect("json");
        assert_eq!(json["code"], "not-a-number");
        assert_eq!(json["reason"], "not-a-number");
        assert_eq!(json["decimal"], "comma");
        assert!(json.get("message").is_none() && json.get("hint").is_none());
        let back: Problem = serde_json::from_value(json).expect("back");
        assert_eq!(back, p);
        assert_eq!(
            serde_json::to_string(&ProblemCode::DecodedAsWindows1252).expect("json"),
            "\"decoded-as-windows-1252\""
        );
    }
}
