//! One named constructor per reason, so a reader's code says what it found:
//! `Problem::not_a_number(file, decimal).at(line, column).with_value(cell)`.

use super::{MissingRole, Problem, Reason};
use crate::model::{AreaKind, DecimalSeparator, Dimensions};

/// The years a catalogue or a period may name.
pub const YEAR_RANGE: (i32, i32) = (1900, 2100);

impl Problem {
    pub fn unopenable(file: &str, error: impl ToString) -> Self {
        Self::new(
            file,
            Reason::Unopenable {
                error: error.to_string(),
            },
        )
    }

    pub fn not_csv(file: &str, error: impl ToString) -> Self {
        Self::new(
            file,
            Reason::NotCsv {
                error: error.to_string(),
            },
        )
    }

    pub fn unreadable_workbook(file: &str, error: impl ToString) -> Self {
        Self::new(
            file,
            Reason::UnreadableWorkbook {
                error: error.to_string(),
            },
        )
    }

    pub fn no_such_sheet(file: &str, sheet: &str, sheets: &[String]) -> Self {
        Self::new(
            file,
            Reason::NoSuchSheet {
                sheet: sheet.to_owned(),
                sheets: sheets.to_vec(),
            },
        )
    }

    pub fn decoded_as_windows_1252(file: &str) -> Self {
        Self::new(file, Reason::DecodedAsWindows1252)
    }

    pub fn empty_file(file: &str) -> Self {
        Self::new(file, Reason::EmptyFile)
    }

    pub fn empty_sheet(file: &str, sheet: &str) -> Self {
        Self::new(
            file,
            Reason::EmptySheet {
                sheet: sheet.to_owned(),
            },
        )
    }

    /// A quoted cell whose closing quote is missing (put it on its line).
    pub fn unclosed_quote(file: &str) -> Self {
        Self::new(file, Reason::UnclosedQuote)
    }

    /// Quotes that leave the rows ambiguous, with no one line to blame.
    pub fn unpaired_quotes(file: &str) -> Self {
        Self::new(file, Reason::UnpairedQuotes)
    }

    pub fn ragged_row(file: &str, cells: usize, expected: usize) -> Self {
        Self::new(file, Reason::RaggedRow { cells, expected })
    }

    pub fn no_observation_files(folder: &str) -> Self {
        Self::new(folder, Reason::NoObservationFiles)
    }

    pub fn not_a_dataset(folder: &str) -> Self {
        Self::new(folder, Reason::NotADataset)
    }

    pub fn settings_columns(file: &str) -> Self {
        Self::new(file, Reason::SettingsColumns).at_line(1)
    }

    pub fn unknown_progress_method(file: &str, allowed: &[&str]) -> Self {
        Self::new(
            file,
            Reason::UnknownProgressMethod {
                allowed: allowed.iter().map(|s| s.to_string()).collect(),
            },
        )
    }

    pub fn unknown_setting(file: &str, known: &[&str]) -> Self {
        Self::new(
            file,
            Reason::UnknownSetting {
                known: known.iter().map(|s| s.to_string()).collect(),
            },
        )
    }

    pub fn bad_language(file: &str) -> Self {
        Self::new(file, Reason::BadLanguage)
    }

    pub fn missing_translation(file: &str, language: &str) -> Self {
        Self::new(
            file,
            Reason::MissingTranslation {
                language: language.to_owned(),
            },
        )
    }

    pub fn unknown_action_kind(file: &str, allowed: &[&str]) -> Self {
        Self::new(
            file,
            Reason::UnknownActionKind {
                allowed: allowed.iter().map(|s| s.to_string()).collect(),
            },
        )
    }

    pub fn no_action_title(file: &str) -> Self {
        Self::new(file, Reason::NoActionTitle)
    }

    pub fn no_action_indicators(file: &str) -> Self {
        Self::new(file, Reason::NoActionIndicators)
    }

    pub fn duplicate_action(file: &str, first_line: usize) -> Self {
        Self::new(file, Reason::DuplicateAction { first_line })
    }

    pub fn no_group_dimension(file: &str) -> Self {
        Self::new(file, Reason::NoGroupDimension)
    }

    pub fn no_group_value(file: &str) -> Self {
        Self::new(file, Reason::NoGroupValue)
    }

    pub fn no_group_name(file: &str) -> Self {
        Self::new(file, Reason::NoGroupName)
    }

    /// The same dimension and value as on `first_line`.
    pub fn duplicate_group(file: &str, first_line: usize) -> Self {
        Self::new(file, Reason::DuplicateGroup { first_line })
    }

    pub fn bad_date(file: &str) -> Self {
        Self::new(file, Reason::BadDate)
    }

    pub fn bad_link(file: &str) -> Self {
        Self::new(file, Reason::BadLink)
    }

    pub fn incomplete_budget(file: &str, missing: &[&str]) -> Self {
        Self::new(
            file,
            Reason::IncompleteBudget {
                missing: missing.iter().map(|s| s.to_string()).collect(),
            },
        )
    }

    pub fn bad_amount(file: &str, decimal: DecimalSeparator) -> Self {
        Self::new(file, Reason::BadAmount { decimal })
    }

    pub fn negative_amount(file: &str) -> Self {
        Self::new(file, Reason::NegativeAmount)
    }

    pub fn bad_currency(file: &str) -> Self {
        Self::new(file, Reason::BadCurrency)
    }

    pub fn duplicate_file(file: &str, indicator: &str, first_file: &str) -> Self {
        Self::new(
            file,
            Reason::DuplicateFile {
                indicator: indicator.to_owned(),
                first_file: first_file.to_owned(),
            },
        )
    }

    pub fn no_meta_file(file: &str, indicator: &str) -> Self {
        Self::new(
            file,
            Reason::NoMetaFile {
                indicator: indicator.to_owned(),
            },
        )
    }

    pub fn no_data_file(file: &str, indicator: &str) -> Self {
        Self::new(
            file,
            Reason::NoDataFile {
                indicator: indicator.to_owned(),
            },
        )
    }

    pub fn no_front_matter(file: &str) -> Self {
        Self::new(file, Reason::NoFrontMatter).at_line(1)
    }

    pub fn bad_yaml(file: &str, error: impl ToString) -> Self {
        Self::new(
            file,
            Reason::BadYaml {
                error: error.to_string(),
            },
        )
    }

    pub fn unknown_translation(file: &str, key: &str) -> Self {
        Self::new(
            file,
            Reason::UnknownTranslation {
                key: key.to_owned(),
            },
        )
    }

    /// A required column is missing (reported on the header line).
    pub fn missing_column(file: &str, column: &str) -> Self {
        Self::new(
            file,
            Reason::MissingColumn {
                column: column.to_owned(),
            },
        )
        .at_line(1)
    }

    pub fn no_title_column(file: &str) -> Self {
        Self::new(file, Reason::NoTitleColumn).at_line(1)
    }

    pub fn bad_id(file: &str) -> Self {
        Self::new(file, Reason::BadId)
    }

    pub fn bad_direction(file: &str) -> Self {
        Self::new(file, Reason::BadDirection)
    }

    pub fn bad_decimals(file: &str, max: u8) -> Self {
        Self::new(file, Reason::BadDecimals { max })
    }

    pub fn bad_number(file: &str) -> Self {
        Self::new(file, Reason::BadNumber)
    }

    pub fn bad_year(file: &str) -> Self {
        let (min, max) = YEAR_RANGE;
        Self::new(file, Reason::BadYear { min, max })
    }

    pub fn half_a_target(file: &str) -> Self {
        Self::new(file, Reason::HalfATarget)
    }

    pub fn bad_visibility(file: &str) -> Self {
        Self::new(file, Reason::BadVisibility)
    }

    pub fn bad_update_frequency(file: &str) -> Self {
        Self::new(file, Reason::BadUpdateFrequency)
    }

    pub fn bad_decimal_separator(file: &str) -> Self {
        Self::new(file, Reason::BadDecimalSeparator)
    }

    pub fn no_target(file: &str) -> Self {
        Self::new(file, Reason::NoTarget)
    }

    pub fn unknown_target(file: &str, suggestions: Vec<String>) -> Self {
        Self::new(file, Reason::UnknownTarget { suggestions })
    }

    pub fn no_title(file: &str) -> Self {
        Self::new(file, Reason::NoTitle)
    }

    pub fn title_too_long(file: &str, length: usize, limit: usize) -> Self {
        Self::new(file, Reason::TitleTooLong { length, limit })
    }

    pub fn duplicate_indicator(file: &str) -> Self {
        Self::new(file, Reason::DuplicateIndicator)
    }

    pub fn bad_area_kind(file: &str) -> Self {
        Self::new(file, Reason::BadAreaKind)
    }

    pub fn bad_area_id(file: &str) -> Self {
        Self::new(file, Reason::BadAreaId)
    }

    pub fn unknown_area(file: &str, kind: AreaKind, suggestion: Option<String>) -> Self {
        Self::new(file, Reason::UnknownArea { kind, suggestion })
    }

    pub fn bad_series_slug(file: &str, piece: &str) -> Self {
        Self::new(
            file,
            Reason::BadSeriesSlug {
                piece: piece.to_owned(),
            },
        )
    }

    pub fn unknown_series(file: &str, indicator: &str, suggestion: Option<String>) -> Self {
        Self::new(
            file,
            Reason::UnknownSeries {
                indicator: indicator.to_owned(),
                suggestion,
            },
        )
    }

    pub fn no_year_or_value_column(file: &str, missing: MissingRole) -> Self {
        Self::new(file, Reason::NoYearOrValueColumn { missing }).at_line(1)
    }

    pub fn no_indicator_column(file: &str) -> Self {
        Self::new(file, Reason::NoIndicatorColumn).at_line(1)
    }

    pub fn empty_indicator_id(file: &str) -> Self {
        Self::new(file, Reason::EmptyIndicatorId)
    }

    pub fn unknown_indicator(file: &str, suggestion: Option<String>) -> Self {
        Self::new(file, Reason::UnknownIndicator { suggestion })
    }

    pub fn label_too_long(file: &str, length: usize, limit: usize) -> Self {
        Self::new(file, Reason::LabelTooLong { length, limit })
    }

    pub fn unit_differs_from_catalogue(file: &str, catalogue_unit: &str) -> Self {
        Self::new(
            file,
            Reason::UnitDiffersFromCatalogue {
                catalogue_unit: catalogue_unit.to_owned(),
            },
        )
    }

    pub fn unit_differs_in_series(file: &str, first_unit: &str, first_line: usize) -> Self {
        Self::new(
            file,
            Reason::UnitDiffersInSeries {
                first_unit: first_unit.to_owned(),
                first_line,
            },
        )
    }

    pub fn bad_period(file: &str) -> Self {
        let (min, max) = YEAR_RANGE;
        Self::new(file, Reason::BadPeriod { min, max })
    }

    pub fn not_a_number(file: &str, decimal: DecimalSeparator) -> Self {
        Self::new(file, Reason::NotANumber { decimal })
    }

    /// A key seen before in the same file (`None` = a row without a value).
    /// Two values conflict; one value twice, or once with and once without
    /// a value, repeats; two empty rows are no problem at all.
    pub fn seen_before_in_file(
        file: &str,
        key: ObservationKey<'_>,
        first_line: usize,
        first_value: Option<f64>,
        value: Option<f64>,
    ) -> Option<Self> {
        let (indicator, period, series) = key.owned();
        let reason = match (first_value, value) {
            (None, None) => return None,
            (Some(first_value), Some(value)) if first_value != value => Reason::ConflictInFile {
                indicator,
                period,
                series,
                first_line,
                first_value,
            },
            (Some(_), Some(_)) => Reason::RepeatedInFile {
                indicator,
                period,
                series,
                first_line,
            },
            _ => Reason::RepeatedWithoutValue {
                indicator,
                period,
                series,
                first_line,
            },
        };
        Some(Self::new(file, reason))
    }

    /// A key seen before in another file: a conflict if the values differ.
    pub fn seen_before_in_another_file(
        file: &str,
        key: ObservationKey<'_>,
        first: (&str, usize, f64),
        value: f64,
    ) -> Self {
        let (indicator, period, series) = key.owned();
        let (first_file, first_line, first_value) = (first.0.to_owned(), first.1, first.2);
        let reason = if first_value == value {
            Reason::RepeatedAcrossFiles {
                indicator,
                period,
                series,
                first_file,
                first_line,
            }
        } else {
            Reason::ConflictAcrossFiles {
                indicator,
                period,
                series,
                first_file,
                first_line,
                first_value,
            }
        };
        Self::new(file, reason)
    }

    pub fn missing_years(
        file: &str,
        indicator: &str,
        series: &Dimensions,
        years: Vec<i32>,
    ) -> Self {
        Self::new(
            file,
            Reason::MissingYears {
                indicator: indicator.to_owned(),
                series: series.clone(),
                years,
            },
        )
    }

    pub fn flagged_value(file: &str, flags: &str) -> Self {
        Self::new(
            file,
            Reason::FlaggedValue {
                flags: flags.to_owned(),
            },
        )
    }
}

/// Which observation a duplicate is about: indicator, period label, series.
#[derive(Debug, Clone, Copy)]
pub struct ObservationKey<'a> {
    pub indicator: &'a str,
    pub period: &'a str,
    pub series: &'a Dimensions,
}

impl ObservationKey<'_> {
    fn owned(self) -> (String, String, Dimensions) {
        (
            self.indicator.to_owned(),
            self.period.to_owned(),
            self.series.clone(),
        )
    }
}
