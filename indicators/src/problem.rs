//! What is wrong with a city's files, said so that the person who keeps the
//! spreadsheet can fix it: where (file, line, column), what (the value and the
//! reason) and what to do (the hint).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Errors block a dataset from being accepted; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A stable, machine-readable kind of problem (used in `--json` output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    Unreadable,
    MissingColumn,
    BadCatalogueValue,
    DuplicateIndicator,
    UnknownIndicator,
    UnknownTarget,
    UnknownArea,
    DuplicateObservation,
    RepeatedObservation,
    NotANumber,
    BadPeriod,
    RaggedRow,
    UnitMismatch,
    LabelTooLong,
    MissingYear,
    FlaggedValue,
    #[serde(rename = "decoded-as-windows-1252")]
    DecodedAsWindows1252,
    InvalidUtf8,
    NoData,
    DuplicateFile,
    UnknownTranslation,
    BadMetadata,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::Unreadable => "unreadable",
            ProblemCode::MissingColumn => "missing-column",
            ProblemCode::BadCatalogueValue => "bad-catalogue-value",
            ProblemCode::DuplicateIndicator => "duplicate-indicator",
            ProblemCode::UnknownIndicator => "unknown-indicator",
            ProblemCode::UnknownTarget => "unknown-target",
            ProblemCode::UnknownArea => "unknown-area",
            ProblemCode::DuplicateObservation => "duplicate-observation",
            ProblemCode::RepeatedObservation => "repeated-observation",
            ProblemCode::NotANumber => "not-a-number",
            ProblemCode::BadPeriod => "bad-period",
            ProblemCode::RaggedRow => "ragged-row",
            ProblemCode::UnitMismatch => "unit-mismatch",
            ProblemCode::LabelTooLong => "label-too-long",
            ProblemCode::MissingYear => "missing-year",
            ProblemCode::FlaggedValue => "flagged-value",
            ProblemCode::DecodedAsWindows1252 => "decoded-as-windows-1252",
            ProblemCode::InvalidUtf8 => "invalid-utf8",
            ProblemCode::NoData => "no-data",
            ProblemCode::DuplicateFile => "duplicate-file",
            ProblemCode::UnknownTranslation => "unknown-translation",
            ProblemCode::BadMetadata => "bad-metadata",
        }
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// The longest cell text a problem repeats back.
const MAX_VALUE_ECHO: usize = 200;

impl Problem {
    pub fn error(
        code: ProblemCode,
        file: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, code, file, message, hint)
    }

    pub fn warning(
        code: ProblemCode,
        file: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, code, file, message, hint)
    }

    fn new(
        severity: Severity,
        code: ProblemCode,
        file: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.to_string(),
            line: None,
            column: None,
            value: None,
            severity,
            code,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn in_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_string());
        self
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

impl fmt::Display for Problem {
    /// `social.csv:12 [value] error not-a-number: "12,x" is not a number. Write …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, " [{column}]")?;
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, " {severity} {}: {}", self.code, self.message)?;
        if let Some(value) = &self.value {
            write!(f, " (found {value:?})")?;
        }
        if !self.hint.is_empty() {
            write!(f, ". {}", self.hint)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_place_value_and_fix() {
        let p = Problem::error(
            ProblemCode::NotANumber,
            "social.csv",
            "the value is not a number",
            "Write a number such as 12.5",
        )
        .at_line(12)
        .in_column("value")
        .with_value("12,x");
        assert_eq!(
            p.to_string(),
            "social.csv:12 [value] error not-a-number: the value is not a number (found \"12,x\"). Write a number such as 12.5"
        );
    }

    #[test]
    fn long_values_are_truncated_when_echoed() {
        let p =
            Problem::warning(ProblemCode::LabelTooLong, "f", "m", "h").with_value(&"x".repeat(500));
        assert_eq!(p.value.as_deref().map(|v| v.chars().count()), Some(201));
    }

    #[test]
    fn codes_serialize_in_kebab_case() {
        assert_eq!(
            serde_json::to_string(&ProblemCode::DecodedAsWindows1252).expect("json"),
            "\"decoded-as-windows-1252\""
        );
        assert_eq!(
            ProblemCode::DecodedAsWindows1252.as_str(),
            "decoded-as-windows-1252"
        );
    }
}
