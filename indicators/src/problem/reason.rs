//! Every reason a file can be refused or warned about, with the facts a
//! message needs. The serde tag (`reason`) is part of `--json` and the
//! releases' `problems.json`: rename a variant only with a migration.

use serde::{Deserialize, Serialize};

use super::{GeoJsonPart, JsonKind, ProblemCode, Severity};
use crate::model::{AreaKind, DecimalSeparator, Dimensions};

crate::wire_enum! {
    /// The role a missing column would have had.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum MissingRole: "column role" {
        Year = "year",
        Value = "value",
    }
}

/// What exactly is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    // --- the file as a whole ------------------------------------------------
    /// The file could not be opened.
    Unopenable {
        error: String,
    },
    /// The text is not CSV a parser can read.
    NotCsv {
        error: String,
    },
    /// A workbook that calamine cannot read.
    UnreadableWorkbook {
        error: String,
    },
    /// `book.xlsx#Sheet` names a sheet the workbook does not have.
    NoSuchSheet {
        sheet: String,
        sheets: Vec<String>,
    },
    /// Not UTF-8, so read as Windows-1252 (a guess worth checking).
    DecodedAsWindows1252,
    EmptyFile,
    EmptySheet {
        sheet: String,
    },
    /// A quoted cell starts on this line and is never closed, so the rest of
    /// the file would be one cell.
    UnclosedQuote,
    /// The quote marks leave the rows ambiguous (read one way, the file has
    /// more rows than read another).
    UnpairedQuotes,
    /// A row has more or fewer cells than the header.
    RaggedRow {
        cells: usize,
        expected: usize,
    },

    // --- dataset layout -----------------------------------------------------
    /// A dataset folder without observation files.
    NoObservationFiles,
    /// Neither a dataset folder nor an Open SDG repository.
    NotADataset,
    /// `settings.csv` without `key` and `value` columns.
    SettingsColumns,
    /// `progress_method` names no method.
    UnknownProgressMethod {
        allowed: Vec<String>,
    },
    /// A setting Local Goals does not know (ignored).
    UnknownSetting {
        known: Vec<String>,
    },
    /// `languages` names something that is not a two-letter language code.
    BadLanguage,
    /// A text the dataset's `languages` promise is empty in this language:
    /// pages show the default language's text, marked.
    MissingTranslation {
        language: String,
    },
    /// A second Open SDG data file for one indicator.
    DuplicateFile {
        indicator: String,
        first_file: String,
    },
    /// An Open SDG data file without a meta file.
    NoMetaFile {
        indicator: String,
    },
    /// An Open SDG meta file without a data file.
    NoDataFile {
        indicator: String,
    },
    /// Open SDG metadata without `---` front matter.
    NoFrontMatter,
    /// Open SDG front matter that is not YAML.
    BadYaml {
        error: String,
    },
    /// `data.Key` without a translation: the key itself is shown.
    UnknownTranslation {
        key: String,
    },

    // --- catalogue and areas ------------------------------------------------
    /// A required column is missing.
    MissingColumn {
        column: String,
    },
    /// The catalogue has no `title` or `title_XX` column.
    NoTitleColumn,
    /// An indicator id with characters an address cannot carry.
    BadId,
    BadDirection,
    BadDecimals {
        max: u8,
    },
    /// A catalogue cell that must be a number.
    BadNumber,
    /// A catalogue cell that must be a year.
    BadYear {
        min: i32,
        max: i32,
    },
    /// A target value without a year, or a year without a value.
    HalfATarget,
    BadVisibility,
    /// `update_frequency` is not one of the known intervals.
    BadUpdateFrequency,
    BadDecimalSeparator,
    NoTarget,
    UnknownTarget {
        suggestions: Vec<String>,
    },
    NoTitle,
    /// A title or name longer than pages and charts can show.
    TitleTooLong {
        length: usize,
        limit: usize,
    },
    DuplicateIndicator,
    BadAreaKind,
    /// An area id that is empty or used twice.
    BadAreaId,
    /// An indicator names an area that is not in areas.csv under that kind.
    UnknownArea {
        kind: AreaKind,
        suggestion: Option<String>,
    },
    /// A `progress_series` entry that is not a series slug (`total` or
    /// `name=value;…`); `piece` is the part without `=`.
    BadSeriesSlug {
        piece: String,
    },
    /// A `progress_series` entry names a series the data does not have.
    UnknownSeries {
        indicator: String,
        suggestion: Option<String>,
    },

    // --- actions.csv --------------------------------------------------------
    /// `kind` is not one of the kinds of action.
    UnknownActionKind {
        allowed: Vec<String>,
    },
    /// An action without a title.
    NoActionTitle,
    /// An action linked to no indicator.
    NoActionIndicators,
    /// An action id used before, on `first_line`.
    DuplicateAction {
        first_line: usize,
    },
    /// A date that is not a calendar date written `yyyy-mm-dd`.
    BadDate,
    /// A link that is not an `http://` or `https://` address.
    BadLink,
    /// A budget line without its year, amount or currency (the columns
    /// left empty).
    IncompleteBudget {
        missing: Vec<String>,
    },
    /// An amount that is not a number (read with the file's decimal
    /// separator).
    BadAmount {
        decimal: DecimalSeparator,
    },
    NegativeAmount,
    /// A currency that is not three upper-case letters (ISO 4217).
    BadCurrency,

    // --- observation files --------------------------------------------------
    /// No period or value column, and not a wide table either.
    NoYearOrValueColumn {
        missing: MissingRole,
    },
    NoIndicatorColumn,
    EmptyIndicatorId,
    /// An id the catalogue does not have (reported once per file).
    UnknownIndicator {
        suggestion: Option<String>,
    },
    /// A disaggregation label longer than pages and charts can show.
    LabelTooLong {
        length: usize,
        limit: usize,
    },
    UnitDiffersFromCatalogue {
        catalogue_unit: String,
    },
    UnitDiffersInSeries {
        first_unit: String,
        first_line: usize,
    },
    BadPeriod {
        min: i32,
        max: i32,
    },
    NotANumber {
        decimal: DecimalSeparator,
    },
    /// The same indicator, period and series twice in a file, with two values.
    ConflictInFile {
        indicator: String,
        period: String,
        series: Dimensions,
        first_line: usize,
        first_value: f64,
    },
    /// The same indicator, period and series twice in a file, same value.
    RepeatedInFile {
        indicator: String,
        period: String,
        series: Dimensions,
        first_line: usize,
    },
    /// Repeated, once with a value and once without.
    RepeatedWithoutValue {
        indicator: String,
        period: String,
        series: Dimensions,
        first_line: usize,
    },
    /// The same key in two files, with two values.
    ConflictAcrossFiles {
        indicator: String,
        period: String,
        series: Dimensions,
        first_file: String,
        first_line: usize,
        first_value: f64,
    },
    /// The same key in two files, same value.
    RepeatedAcrossFiles {
        indicator: String,
        period: String,
        series: Dimensions,
        first_file: String,
        first_line: usize,
    },
    /// Years missing inside a series (shown as gaps).
    MissingYears {
        indicator: String,
        series: Dimensions,
        years: Vec<i32>,
    },
    /// A value carries flags (kept and shown).
    FlaggedValue {
        flags: String,
    },
    // --- any file: a cell that takes one of a few words, or a date ----------
    /// The cell is not one of the words its column takes.
    NotOneOf {
        allowed: Vec<String>,
    },
    /// The cell is not a date (`yyyy-mm-dd`, `yyyy-mm` or `yyyy`).
    NotADate,
    // --- recommendations.csv and qualitative.csv ----------------------------
    /// A date that must be a day, written `yyyy-mm-dd`.
    NotADay,
    /// A link that is not an `http://` or `https://` address (outside
    /// `actions.csv`, whose `BadLink` is a `bad-action`).
    NotALink,
    /// A recommendation id used before, on `first_line`.
    DuplicateRecommendation {
        first_line: usize,
    },
    /// A recommendation without its text.
    NoRecommendationText,
    /// A recommendation linked to no rights area.
    NoRecommendationArea,
    /// The follow-up status is dated before the recommendation was made (`date`).
    StatusBeforeDate {
        date: String,
    },
    /// `qualitative.csv` names an indicator the catalogue counts as quantitative.
    NotQualitative,
    /// A statement with neither a yes/no `value` nor a `text_value`.
    NoStatementText,
    /// An observation file has numbers for a qualitative indicator (`rows`
    /// rows in this file, the first on the problem's line).
    QualitativeObservations {
        indicator: String,
        rows: usize,
    },
    // --- groups.csv ----------------------------------------------------------
    /// A group mapping without its dimension.
    NoGroupDimension,
    /// A group mapping without the dimension's value.
    NoGroupValue,
    /// A group mapping without the group's name.
    NoGroupName,
    /// The same dimension and value mapped before, on `first_line`.
    DuplicateGroup {
        first_line: usize,
    },
    // --- districts.geojson ---------------------------------------------------
    /// Not JSON: the parser's words (English) and the character on the
    /// problem's line.
    NotJson {
        error: String,
        column: usize,
    },
    /// JSON, but not a GeoJSON FeatureCollection.
    NotAFeatureCollection,
    /// GeoJSON needs a value of `expected` kind here (the column's path).
    GeoJsonExpected {
        expected: JsonKind,
    },
    /// A feature with neither `properties.id` nor `properties.name`.
    NoDistrictId,
    /// A district id given a boundary before, on `first_line`.
    DuplicateDistrict {
        first_line: usize,
    },
    /// A polygon ring with fewer than four positions.
    ShortRing {
        positions: usize,
    },
    /// A ring whose last position is not its first.
    OpenRing,
    /// Not `[longitude, latitude]` numbers within ±180 and ±90.
    BadPosition,
    /// More of `part` than the reader takes (`limit`).
    GeoJsonTooLarge {
        part: GeoJsonPart,
        limit: usize,
    },
    /// A boundary for a district no series reports (a warning).
    UnusedBoundary,
    /// A district the series report without a boundary (a warning), with
    /// the nearest id the boundaries have.
    NoBoundary {
        suggestion: Option<String>,
    },
}

impl Reason {
    /// The stable code this reason is reported under.
    pub fn code(&self) -> ProblemCode {
        use Reason::{
            BadAreaId, BadAreaKind, BadDecimalSeparator, BadDecimals, BadDirection, BadId,
            BadNumber, BadPeriod, BadSeriesSlug, BadUpdateFrequency, BadVisibility, BadYaml,
            BadYear, ConflictAcrossFiles, ConflictInFile, DecodedAsWindows1252, DuplicateFile,
            DuplicateIndicator, EmptyFile, EmptyIndicatorId, EmptySheet, FlaggedValue, HalfATarget,
            LabelTooLong, MissingColumn, MissingYears, NoDataFile, NoFrontMatter,
            NoIndicatorColumn, NoMetaFile, NoObservationFiles, NoSuchSheet, NoTarget, NoTitle,
            NoTitleColumn, NoYearOrValueColumn, NotADataset, NotANumber, NotCsv, RaggedRow,
            RepeatedAcrossFiles, RepeatedInFile, RepeatedWithoutValue, SettingsColumns,
            TitleTooLong, UnitDiffersFromCatalogue, UnitDiffersInSeries, UnknownArea,
            UnknownIndicator, UnknownProgressMethod, UnknownSeries, UnknownSetting, UnknownTarget,
            UnknownTranslation, Unopenable, UnreadableWorkbook,
        };
        match self {
            Reason::BadLanguage => ProblemCode::BadCatalogueValue,
            Reason::MissingTranslation { .. } => ProblemCode::MissingTranslation,
            Reason::UnknownActionKind { .. }
            | Reason::NoActionTitle
            | Reason::NoActionIndicators
            | Reason::BadDate
            | Reason::BadLink
            | Reason::IncompleteBudget { .. }
            | Reason::BadAmount { .. }
            | Reason::NegativeAmount
            | Reason::BadCurrency => ProblemCode::BadAction,
            Reason::DuplicateAction { .. } => ProblemCode::DuplicateAction,
            Reason::NotOneOf { .. } | Reason::NotADate => ProblemCode::BadValue,
            Reason::NotADay | Reason::NotALink => ProblemCode::BadValue,
            Reason::DuplicateRecommendation { .. }
            | Reason::NoRecommendationText
            | Reason::NoRecommendationArea
            | Reason::StatusBeforeDate { .. } => ProblemCode::BadRecommendation,
            Reason::NotQualitative
            | Reason::NoStatementText
            | Reason::QualitativeObservations { .. } => ProblemCode::BadQualitative,
            Reason::NoGroupDimension
            | Reason::NoGroupValue
            | Reason::NoGroupName
            | Reason::DuplicateGroup { .. } => ProblemCode::BadGroup,
            Reason::NotJson { .. }
            | Reason::NotAFeatureCollection
            | Reason::GeoJsonExpected { .. }
            | Reason::NoDistrictId
            | Reason::ShortRing { .. }
            | Reason::OpenRing
            | Reason::BadPosition
            | Reason::GeoJsonTooLarge { .. } => ProblemCode::BadGeoJson,
            Reason::DuplicateDistrict { .. } => ProblemCode::DuplicateDistrict,
            Reason::UnusedBoundary | Reason::NoBoundary { .. } => ProblemCode::UnmatchedDistrict,
            Unopenable { .. } | NotCsv { .. } | UnreadableWorkbook { .. } | NoSuchSheet { .. } => {
                ProblemCode::Unreadable
            }
            DecodedAsWindows1252 => ProblemCode::DecodedAsWindows1252,
            EmptyFile
            | EmptySheet { .. }
            | NoObservationFiles
            | NotADataset
            | NoDataFile { .. } => ProblemCode::NoData,
            RaggedRow { .. } => ProblemCode::RaggedRow,
            Reason::UnclosedQuote | Reason::UnpairedQuotes => ProblemCode::UnclosedQuote,
            SettingsColumns
            | MissingColumn { .. }
            | NoTitleColumn
            | NoYearOrValueColumn { .. }
            | NoIndicatorColumn => ProblemCode::MissingColumn,
            UnknownProgressMethod { .. }
            | UnknownSetting { .. }
            | BadId
            | BadDirection
            | BadDecimals { .. }
            | BadNumber
            | BadYear { .. }
            | HalfATarget
            | BadVisibility
            | BadUpdateFrequency
            | BadDecimalSeparator
            | NoTarget
            | NoTitle
            | BadAreaKind
            | BadAreaId => ProblemCode::BadCatalogueValue,
            DuplicateFile { .. } => ProblemCode::DuplicateFile,
            NoMetaFile { .. } | NoFrontMatter | BadYaml { .. } => ProblemCode::BadMetadata,
            UnknownTranslation { .. } => ProblemCode::UnknownTranslation,
            UnknownTarget { .. } => ProblemCode::UnknownTarget,
            TitleTooLong { .. } | LabelTooLong { .. } => ProblemCode::LabelTooLong,
            DuplicateIndicator => ProblemCode::DuplicateIndicator,
            UnknownArea { .. } => ProblemCode::UnknownArea,
            BadSeriesSlug { .. } => ProblemCode::BadCatalogueValue,
            UnknownSeries { .. } => ProblemCode::UnknownSeries,
            EmptyIndicatorId | UnknownIndicator { .. } => ProblemCode::UnknownIndicator,
            UnitDiffersFromCatalogue { .. } | UnitDiffersInSeries { .. } => {
                ProblemCode::UnitMismatch
            }
            BadPeriod { .. } => ProblemCode::BadPeriod,
            NotANumber { .. } => ProblemCode::NotANumber,
            ConflictInFile { .. } | ConflictAcrossFiles { .. } => ProblemCode::DuplicateObservation,
            RepeatedInFile { .. } | RepeatedWithoutValue { .. } | RepeatedAcrossFiles { .. } => {
                ProblemCode::RepeatedObservation
            }
            MissingYears { .. } => ProblemCode::MissingYear,
            FlaggedValue { .. } => ProblemCode::FlaggedValue,
        }
    }

    /// Whether it blocks the file (error) or only deserves a look (warning).
    pub fn severity(&self) -> Severity {
        use Reason::{
            DecodedAsWindows1252, DuplicateFile, FlaggedValue, MissingYears, NoDataFile,
            NoMetaFile, RepeatedAcrossFiles, RepeatedInFile, RepeatedWithoutValue, UnknownSetting,
            UnknownTranslation,
        };
        match self {
            DecodedAsWindows1252
            | UnknownSetting { .. }
            | DuplicateFile { .. }
            | NoMetaFile { .. }
            | NoDataFile { .. }
            | UnknownTranslation { .. }
            | Reason::MissingTranslation { .. }
            | RepeatedInFile { .. }
            | RepeatedWithoutValue { .. }
            | RepeatedAcrossFiles { .. }
            | MissingYears { .. }
            | FlaggedValue { .. }
            | Reason::UnusedBoundary
            | Reason::NoBoundary { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}
