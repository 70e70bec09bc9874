//! A problem in a file, worded: what is wrong (the message) and what to do
//! about it (the hint), for the person who keeps the spreadsheet, in the
//! language of the page or, on the command line, in English. The words are
//! the `problem-*` and `hint-*` messages of `app/locales/*/problems.ftl`.

use indicators::model::Dimensions;
use indicators::problem::{MissingRole, Problem, Reason};
use indicators::Labels;

pub use super::hints::problem_hint;
use super::{area_kind_label, series_label};
use crate::i18n::{t, tr, Arg, Locale};

/// What is wrong, in a sentence fragment: `the value is not a number`.
pub fn problem_message(locale: Locale, problem: &Problem) -> String {
    use Reason::{
        BadAreaId, BadAreaKind, BadDecimalSeparator, BadDecimals, BadDirection, BadId, BadLanguage,
        BadNumber, BadPeriod, BadSeriesSlug, BadUpdateFrequency, BadVisibility, BadYaml, BadYear,
        ConflictAcrossFiles, ConflictInFile, DecodedAsWindows1252, DuplicateFile,
        DuplicateIndicator, EmptyFile, EmptyIndicatorId, EmptySheet, FlaggedValue, HalfATarget,
        LabelTooLong, MissingColumn, MissingTranslation, MissingYears, NoDataFile, NoFrontMatter,
        NoIndicatorColumn, NoMetaFile, NoObservationFiles, NoSuchSheet, NoTarget, NoTitle,
        NoTitleColumn, NoYearOrValueColumn, NotADataset, NotANumber, NotCsv, RaggedRow,
        RepeatedAcrossFiles, RepeatedInFile, RepeatedWithoutValue, SettingsColumns, TitleTooLong,
        UnitDiffersFromCatalogue, UnitDiffersInSeries, UnknownArea, UnknownIndicator,
        UnknownProgressMethod, UnknownSeries, UnknownSetting, UnknownTarget, UnknownTranslation,
        Unopenable, UnreadableWorkbook,
    };
    let value = problem.value.as_deref().unwrap_or_default();
    let series_words = |series: &Dimensions| series_label(locale, &Labels::default(), series);
    match &problem.reason {
        Unopenable { error } => tr(locale, "problem-unopenable", &[("error", Arg::from(error))]),
        NotCsv { error } => tr(locale, "problem-not-csv", &[("error", Arg::from(error))]),
        UnreadableWorkbook { error } => tr(
            locale,
            "problem-unreadable-workbook",
            &[("error", Arg::from(error))],
        ),
        NoSuchSheet { sheet, .. } => tr(
            locale,
            "problem-no-such-sheet",
            &[("sheet", Arg::from(sheet))],
        ),
        DecodedAsWindows1252 => t(locale, "problem-windows-1252"),
        EmptyFile => t(locale, "problem-empty-file"),
        EmptySheet { sheet } => tr(
            locale,
            "problem-empty-sheet",
            &[("sheet", Arg::from(sheet))],
        ),
        RaggedRow { cells, expected } => tr(
            locale,
            "problem-ragged-row",
            &[
                ("cells", Arg::from(cells.to_string())),
                ("expected", Arg::from(expected.to_string())),
            ],
        ),
        Reason::UnclosedQuote => t(locale, "problem-unclosed-quote"),
        Reason::UnpairedQuotes => t(locale, "problem-unpaired-quotes"),
        NoObservationFiles => t(locale, "problem-no-observation-files"),
        NotADataset => t(locale, "problem-not-a-dataset"),
        SettingsColumns => t(locale, "problem-settings-columns"),
        UnknownProgressMethod { .. } => t(locale, "problem-unknown-progress-method"),
        UnknownSetting { .. } => tr(
            locale,
            "problem-unknown-setting",
            &[("value", Arg::from(value))],
        ),
        DuplicateFile {
            indicator,
            first_file,
        } => tr(
            locale,
            "problem-duplicate-file",
            &[
                ("indicator", Arg::from(indicator)),
                ("first", Arg::from(first_file)),
            ],
        ),
        NoMetaFile { indicator } => tr(
            locale,
            "problem-no-meta-file",
            &[("indicator", Arg::from(indicator))],
        ),
        NoDataFile { indicator } => tr(
            locale,
            "problem-no-data-file",
            &[("indicator", Arg::from(indicator))],
        ),
        NoFrontMatter => t(locale, "problem-no-front-matter"),
        BadYaml { error } => tr(locale, "problem-bad-yaml", &[("error", Arg::from(error))]),
        UnknownTranslation { key } => tr(
            locale,
            "problem-unknown-translation",
            &[("key", Arg::from(key))],
        ),
        BadLanguage => tr(
            locale,
            "problem-bad-language",
            &[("value", Arg::from(value))],
        ),
        MissingTranslation { language } => tr(
            locale,
            "problem-missing-translation",
            &[
                ("value", Arg::from(value)),
                ("language", Arg::from(language)),
            ],
        ),
        Reason::UnknownActionKind { .. } => tr(
            locale,
            "problem-unknown-action-kind",
            &[("value", Arg::from(value))],
        ),
        Reason::NoActionTitle => t(locale, "problem-no-action-title"),
        Reason::NoActionIndicators => t(locale, "problem-no-action-indicators"),
        Reason::DuplicateAction { first_line } => tr(
            locale,
            "problem-duplicate-action",
            &[
                ("value", Arg::from(value)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        Reason::BadDate => t(locale, "problem-bad-date"),
        Reason::NotOneOf { .. } => tr(locale, "problem-not-one-of", &[("value", Arg::from(value))]),
        Reason::NotADate => t(locale, "problem-not-a-date"),
        reason @ (Reason::NotADay
        | Reason::NotALink
        | Reason::DuplicateRecommendation { .. }
        | Reason::NoRecommendationText
        | Reason::NoRecommendationArea
        | Reason::StatusBeforeDate { .. }
        | Reason::NotQualitative
        | Reason::NoStatementText
        | Reason::QualitativeObservations { .. }) => {
            super::rights_problems::message(locale, reason, value)
        }
        Reason::NoGroupDimension => t(locale, "problem-no-group-dimension"),
        Reason::NoGroupValue => t(locale, "problem-no-group-value"),
        Reason::NoGroupName => tr(
            locale,
            "problem-no-group-name",
            &[("value", Arg::from(value))],
        ),
        Reason::DuplicateGroup { first_line } => tr(
            locale,
            "problem-duplicate-group",
            &[
                ("value", Arg::from(value)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        Reason::NotJson { error, column } => tr(
            locale,
            "problem-not-json",
            &[
                ("error", Arg::from(error)),
                ("column", Arg::from(column.to_string())),
            ],
        ),
        Reason::NotAFeatureCollection => t(locale, "problem-not-a-feature-collection"),
        Reason::GeoJsonExpected { expected } => tr(
            locale,
            "problem-geojson-expected",
            &[("kind", Arg::from(expected.as_str()))],
        ),
        Reason::NoDistrictId => t(locale, "problem-no-district-id"),
        Reason::DuplicateDistrict { first_line } => tr(
            locale,
            "problem-duplicate-district",
            &[
                ("value", Arg::from(value)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        Reason::ShortRing { positions } => tr(
            locale,
            "problem-short-ring",
            &[("positions", Arg::from(positions.to_string()))],
        ),
        Reason::OpenRing => t(locale, "problem-open-ring"),
        Reason::BadPosition => t(locale, "problem-bad-position"),
        Reason::GeoJsonTooLarge { part, limit } => {
            // Bytes read best as MiB.
            let limit = match part {
                indicators::problem::GeoJsonPart::Bytes => *limit / (1024 * 1024),
                _ => *limit,
            };
            tr(
                locale,
                "problem-geojson-too-large",
                &[
                    ("part", Arg::from(part.as_str())),
                    ("limit", Arg::from(grouped(limit, locale))),
                ],
            )
        }
        Reason::UnusedBoundary => tr(
            locale,
            "problem-unused-boundary",
            &[("value", Arg::from(value))],
        ),
        Reason::NoBoundary { .. } => tr(
            locale,
            "problem-no-boundary",
            &[("value", Arg::from(value))],
        ),
        Reason::BadLink => t(locale, "problem-bad-link"),
        Reason::IncompleteBudget { missing } => tr(
            locale,
            "problem-incomplete-budget",
            &[(
                "missing",
                Arg::from(
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            )],
        ),
        Reason::BadAmount { .. } => t(locale, "problem-bad-amount"),
        Reason::NegativeAmount => t(locale, "problem-negative-amount"),
        Reason::BadCurrency => t(locale, "problem-bad-currency"),
        MissingColumn { column } => tr(
            locale,
            "problem-missing-column",
            &[("column", Arg::from(column))],
        ),
        NoTitleColumn => t(locale, "problem-no-title-column"),
        BadId => t(locale, "problem-bad-id"),
        BadDirection => t(locale, "problem-bad-direction"),
        BadDecimals { max } => tr(
            locale,
            "problem-bad-decimals",
            &[("max", Arg::from(max.to_string()))],
        ),
        BadNumber => tr(
            locale,
            "problem-bad-number",
            &[("column", Arg::from(column(problem)))],
        ),
        BadYear { .. } => tr(
            locale,
            "problem-bad-year",
            &[("column", Arg::from(column(problem)))],
        ),
        HalfATarget => t(locale, "problem-half-a-target"),
        BadVisibility => t(locale, "problem-bad-visibility"),
        BadUpdateFrequency => t(locale, "problem-bad-update-frequency"),
        BadDecimalSeparator => t(locale, "problem-bad-decimal-separator"),
        NoTarget => t(locale, "problem-no-target"),
        UnknownTarget { .. } => tr(
            locale,
            "problem-unknown-target",
            &[("value", Arg::from(value))],
        ),
        NoTitle => t(locale, "problem-no-title"),
        TitleTooLong { length, limit } | LabelTooLong { length, limit } => tr(
            locale,
            "problem-too-long",
            &[
                ("length", Arg::from(length.to_string())),
                ("limit", Arg::from(limit.to_string())),
            ],
        ),
        DuplicateIndicator => tr(
            locale,
            "problem-duplicate-indicator",
            &[("value", Arg::from(value))],
        ),
        BadAreaKind => t(locale, "problem-bad-area-kind"),
        BadAreaId => t(locale, "problem-bad-area-id"),
        UnknownArea { kind, .. } => tr(
            locale,
            "problem-unknown-area",
            &[
                ("value", Arg::from(value)),
                (
                    "kind",
                    Arg::from(area_kind_label(locale, *kind).to_lowercase()),
                ),
            ],
        ),
        BadSeriesSlug { piece } => tr(
            locale,
            "problem-bad-series-slug",
            &[("piece", Arg::from(piece))],
        ),
        UnknownSeries { indicator, .. } => tr(
            locale,
            "problem-unknown-series",
            &[
                ("indicator", Arg::from(indicator)),
                ("value", Arg::from(value)),
            ],
        ),
        NoYearOrValueColumn {
            missing: MissingRole::Year,
        } => t(locale, "problem-no-year-column"),
        NoYearOrValueColumn {
            missing: MissingRole::Value,
        } => t(locale, "problem-no-value-column"),
        NoIndicatorColumn => t(locale, "problem-no-indicator-column"),
        EmptyIndicatorId => t(locale, "problem-empty-indicator-id"),
        UnknownIndicator { .. } => tr(
            locale,
            "problem-unknown-indicator",
            &[("value", Arg::from(value))],
        ),
        UnitDiffersFromCatalogue { catalogue_unit } => tr(
            locale,
            "problem-unit-differs-from-catalogue",
            &[("unit", Arg::from(catalogue_unit))],
        ),
        UnitDiffersInSeries {
            first_unit,
            first_line,
        } => tr(
            locale,
            "problem-unit-differs-in-series",
            &[
                ("unit", Arg::from(first_unit)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        BadPeriod { min, max } => tr(
            locale,
            "problem-bad-period",
            &[
                ("min", Arg::from(min.to_string())),
                ("max", Arg::from(max.to_string())),
            ],
        ),
        NotANumber { .. } => t(locale, "problem-not-a-number"),
        ConflictInFile {
            indicator,
            period,
            series,
            first_line,
            first_value,
        } => tr(
            locale,
            "problem-conflict-in-file",
            &[
                ("indicator", Arg::from(indicator)),
                ("period", Arg::from(period)),
                ("series", Arg::from(series_words(series))),
                ("first", Arg::from(first_value.to_string())),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        RepeatedInFile {
            indicator,
            period,
            series,
            first_line,
        } => tr(
            locale,
            "problem-repeated-in-file",
            &[
                ("indicator", Arg::from(indicator)),
                ("period", Arg::from(period)),
                ("series", Arg::from(series_words(series))),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        RepeatedWithoutValue {
            indicator,
            period,
            series,
            first_line,
        } => tr(
            locale,
            "problem-repeated-without-value",
            &[
                ("indicator", Arg::from(indicator)),
                ("period", Arg::from(period)),
                ("series", Arg::from(series_words(series))),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        ConflictAcrossFiles {
            indicator,
            period,
            series,
            first_file,
            first_line,
            first_value,
        } => tr(
            locale,
            "problem-conflict-across-files",
            &[
                ("indicator", Arg::from(indicator)),
                ("period", Arg::from(period)),
                ("series", Arg::from(series_words(series))),
                ("first", Arg::from(first_value.to_string())),
                ("file", Arg::from(first_file)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        RepeatedAcrossFiles {
            indicator,
            period,
            series,
            first_file,
            first_line,
        } => tr(
            locale,
            "problem-repeated-across-files",
            &[
                ("indicator", Arg::from(indicator)),
                ("period", Arg::from(period)),
                ("series", Arg::from(series_words(series))),
                ("file", Arg::from(first_file)),
                ("line", Arg::from(first_line.to_string())),
            ],
        ),
        MissingYears {
            indicator,
            series,
            years,
        } => tr(
            locale,
            "problem-missing-years",
            &[
                ("indicator", Arg::from(indicator)),
                ("series", Arg::from(series_words(series))),
                (
                    "years",
                    Arg::from(
                        years
                            .iter()
                            .map(i32::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ),
            ],
        ),
        FlaggedValue { flags } => tr(
            locale,
            "problem-flagged-value",
            &[("flags", Arg::from(flags))],
        ),
    }
}

/// The whole problem on one line, as `localgoals check` prints it:
/// `social.csv:12 [value] error not-a-number: the value is not a number
/// (found "12,x"). Write a number such as 12.5 …`
pub fn problem_line(problem: &Problem) -> String {
    let locale = Locale::En;
    let mut out = problem.file.clone();
    if let Some(line) = problem.line {
        out.push_str(&format!(":{line}"));
    }
    if let Some(column) = &problem.column {
        out.push_str(&format!(" [{column}]"));
    }
    // Severity and code by their wire names, as `--json` writes them.
    out.push_str(&format!(
        " {} {}: {}",
        problem.severity,
        problem.code,
        problem_message(locale, problem)
    ));
    if let Some(value) = &problem.value {
        out.push_str(&format!(" (found {value:?})"));
    }
    let hint = problem_hint(locale, problem);
    if !hint.is_empty() {
        out.push_str(&format!(". {hint}"));
    }
    out
}

/// `1000000` as `1,000,000` (`1.000.000` in Dutch).
fn grouped(n: usize, locale: Locale) -> String {
    let (group, _) = locale.separators();
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

fn column(problem: &Problem) -> &str {
    problem.column.as_deref().unwrap_or("value")
}

#[cfg(test)]
mod tests;
