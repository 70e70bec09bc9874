//! What to do about a problem in a file, as a sentence or two, in the
//! language of the page (the `hint-*` messages of `problems.ftl`).

use indicators::model::DecimalSeparator;
use indicators::problem::{Problem, Reason};

use crate::i18n::{t, tr, Arg, Locale};

/// What to do about it, as a sentence or two.
pub fn problem_hint(locale: Locale, problem: &Problem) -> String {
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
    match &problem.reason {
        Unopenable { .. } => t(locale, "hint-unopenable"),
        NotCsv { .. } => t(locale, "hint-not-csv"),
        UnreadableWorkbook { .. } => t(locale, "hint-unreadable-workbook"),
        NoSuchSheet { sheets, .. } => tr(
            locale,
            "hint-no-such-sheet",
            &[("sheets", Arg::from(sheets.join(", ")))],
        ),
        DecodedAsWindows1252 => t(locale, "hint-windows-1252"),
        EmptyFile => t(locale, "hint-empty-file"),
        EmptySheet { .. } => t(locale, "hint-empty-sheet"),
        RaggedRow { .. } => t(locale, "hint-ragged-row"),
        Reason::UnclosedQuote | Reason::UnpairedQuotes => t(locale, "hint-unclosed-quote"),
        NoObservationFiles => t(locale, "hint-no-observation-files"),
        NotADataset => t(locale, "hint-not-a-dataset"),
        SettingsColumns => t(locale, "hint-settings-columns"),
        UnknownProgressMethod { allowed } => tr(
            locale,
            "hint-unknown-progress-method",
            &[("allowed", Arg::from(either_of(locale, allowed)))],
        ),
        UnknownSetting { known } => tr(
            locale,
            "hint-unknown-setting",
            &[("known", Arg::from(known.join(", ")))],
        ),
        DuplicateFile { .. } => t(locale, "hint-duplicate-file"),
        NoMetaFile { indicator } => tr(
            locale,
            "hint-no-meta-file",
            &[("indicator", Arg::from(indicator))],
        ),
        NoDataFile { indicator } => tr(
            locale,
            "hint-no-data-file",
            &[("indicator", Arg::from(indicator))],
        ),
        NoFrontMatter => t(locale, "hint-no-front-matter"),
        BadYaml { .. } => t(locale, "hint-bad-yaml"),
        UnknownTranslation { .. } => t(locale, "hint-unknown-translation"),
        BadLanguage => t(locale, "hint-bad-language"),
        MissingTranslation { .. } => t(locale, "hint-missing-translation"),
        Reason::UnknownActionKind { allowed } => tr(
            locale,
            "hint-unknown-action-kind",
            &[("allowed", Arg::from(either_of(locale, allowed)))],
        ),
        Reason::NoActionTitle => t(locale, "hint-no-action-title"),
        Reason::NoActionIndicators => t(locale, "hint-no-action-indicators"),
        Reason::DuplicateAction { .. } => t(locale, "hint-duplicate-action"),
        Reason::BadDate => t(locale, "hint-bad-date"),
        Reason::NotOneOf { allowed } => tr(
            locale,
            "hint-not-one-of",
            &[("allowed", Arg::from(either_of(locale, allowed)))],
        ),
        Reason::NotADate => t(locale, "hint-not-a-date"),
        Reason::NotADay => t(locale, "hint-bad-date"),
        Reason::NotALink => t(locale, "hint-bad-link"),
        Reason::DuplicateRecommendation { .. } => t(locale, "hint-duplicate-recommendation"),
        Reason::NoRecommendationText => t(locale, "hint-no-recommendation-text"),
        Reason::NoRecommendationArea => t(locale, "hint-no-recommendation-area"),
        Reason::StatusBeforeDate { .. } => t(locale, "hint-status-before-date"),
        Reason::NotQualitative => t(locale, "hint-not-qualitative"),
        Reason::NoStatementText => t(locale, "hint-no-statement-text"),
        Reason::QualitativeObservations { .. } => t(locale, "hint-qualitative-observations"),
        Reason::NoGroupDimension => t(locale, "hint-no-group-dimension"),
        Reason::NoGroupValue => t(locale, "hint-no-group-value"),
        Reason::NoGroupName => t(locale, "hint-no-group-name"),
        Reason::DuplicateGroup { .. } => t(locale, "hint-duplicate-group"),
        Reason::NotJson { .. } => t(locale, "hint-not-json"),
        Reason::NotAFeatureCollection => t(locale, "hint-not-a-feature-collection"),
        Reason::GeoJsonExpected { .. } => t(locale, "hint-geojson-expected"),
        Reason::NoDistrictId => t(locale, "hint-no-district-id"),
        Reason::DuplicateDistrict { .. } => t(locale, "hint-duplicate-district"),
        Reason::ShortRing { .. } => t(locale, "hint-short-ring"),
        Reason::OpenRing => t(locale, "hint-open-ring"),
        Reason::BadPosition => t(locale, "hint-bad-position"),
        Reason::GeoJsonTooLarge { .. } => t(locale, "hint-geojson-too-large"),
        Reason::UnusedBoundary => t(locale, "hint-unused-boundary"),
        Reason::NoBoundary { suggestion } => format!(
            "{}{}",
            did_you_mean(locale, suggestion.as_slice()),
            tr(
                locale,
                "hint-no-boundary",
                &[(
                    "value",
                    Arg::from(problem.value.as_deref().unwrap_or_default())
                )],
            )
        ),
        Reason::BadLink => t(locale, "hint-bad-link"),
        Reason::IncompleteBudget { .. } => t(locale, "hint-incomplete-budget"),
        Reason::BadAmount {
            decimal: DecimalSeparator::Comma,
        } => t(locale, "hint-bad-amount-comma"),
        Reason::BadAmount {
            decimal: DecimalSeparator::Point,
        } => t(locale, "hint-bad-amount-point"),
        Reason::NegativeAmount => t(locale, "hint-negative-amount"),
        Reason::BadCurrency => t(locale, "hint-bad-currency"),
        MissingColumn { column } => tr(
            locale,
            "hint-missing-column",
            &[("column", Arg::from(column))],
        ),
        NoTitleColumn => t(locale, "hint-no-title-column"),
        BadId => t(locale, "hint-bad-id"),
        BadDirection => t(locale, "hint-bad-direction"),
        BadDecimals { .. } => t(locale, "hint-bad-decimals"),
        BadNumber => t(locale, "hint-bad-number"),
        BadYear { .. } => t(locale, "hint-bad-year"),
        HalfATarget => t(locale, "hint-half-a-target"),
        BadVisibility => t(locale, "hint-bad-visibility"),
        BadUpdateFrequency => t(locale, "hint-bad-update-frequency"),
        BadDecimalSeparator => t(locale, "hint-bad-decimal-separator"),
        NoTarget => t(locale, "hint-no-target"),
        UnknownTarget { suggestions } => format!(
            "{}{}",
            did_you_mean(locale, suggestions),
            t(locale, "hint-unknown-target")
        ),
        NoTitle => t(locale, "hint-no-title"),
        TitleTooLong { .. } => t(locale, "hint-title-too-long"),
        LabelTooLong { .. } => t(locale, "hint-label-too-long"),
        DuplicateIndicator => t(locale, "hint-duplicate-indicator"),
        BadAreaKind => t(locale, "hint-bad-area-kind"),
        BadAreaId => t(locale, "hint-bad-area-id"),
        UnknownArea { suggestion, .. } => format!(
            "{}{}",
            did_you_mean(locale, suggestion.as_slice()),
            t(locale, "hint-unknown-area")
        ),
        BadSeriesSlug { .. } => t(locale, "hint-bad-series-slug"),
        UnknownSeries { suggestion, .. } => format!(
            "{}{}",
            did_you_mean(locale, suggestion.as_slice()),
            t(locale, "hint-unknown-series")
        ),
        NoYearOrValueColumn { .. } => t(locale, "hint-no-year-or-value-column"),
        NoIndicatorColumn => t(locale, "hint-no-indicator-column"),
        EmptyIndicatorId => t(locale, "hint-empty-indicator-id"),
        UnknownIndicator {
            suggestion: suggestion @ Some(_),
        } => format!(
            "{}{}",
            did_you_mean(locale, suggestion.as_slice()),
            t(locale, "hint-unknown-indicator-suggested")
        ),
        UnknownIndicator { suggestion: None } => t(locale, "hint-unknown-indicator"),
        UnitDiffersFromCatalogue { .. } => t(locale, "hint-unit-differs-from-catalogue"),
        UnitDiffersInSeries { .. } => t(locale, "hint-unit-differs-in-series"),
        BadPeriod { .. } => t(locale, "hint-bad-period"),
        NotANumber {
            decimal: DecimalSeparator::Comma,
        } => t(locale, "hint-not-a-number-comma"),
        NotANumber {
            decimal: DecimalSeparator::Point,
        } => t(locale, "hint-not-a-number-point"),
        ConflictInFile { .. } => t(locale, "hint-conflict-in-file"),
        RepeatedInFile { .. } | RepeatedWithoutValue { .. } => t(locale, "hint-repeated-in-file"),
        ConflictAcrossFiles { .. } => t(locale, "hint-conflict-across-files"),
        RepeatedAcrossFiles { .. } => t(locale, "hint-repeated-across-files"),
        MissingYears { .. } => t(locale, "hint-missing-years"),
        FlaggedValue { .. } => t(locale, "hint-flagged-value"),
    }
}

/// `Did you mean `a`? ` or `Did you mean 11.1, 11.2? ` (nothing without suggestions).
fn did_you_mean(locale: Locale, suggestions: &[String]) -> String {
    let what = match suggestions {
        [] => return String::new(),
        [one] => format!("`{one}`"),
        many => many.join(", "),
    };
    format!("{} ", tr(locale, "did-you-mean", &[("what", what.into())]))
}

/// `a`, `a or b`, `a, b or c`, each in backticks.
fn either_of(locale: Locale, names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => tr(
            locale,
            "expected-or",
            &[("list", rest.join(", ").into()), ("last", last.into())],
        ),
    }
}
