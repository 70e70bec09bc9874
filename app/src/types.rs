//! The view types: what server functions return and pages render, the wire
//! contract between the server and the browser (both targets compile it).
//! They carry typed values (statuses, kinds, movements) for anything a page
//! branches or sorts on, and display text already worded where numbers are
//! involved. This module imports neither pages nor server functions.

use indicators::progress::{ProgressMethod, ProgressStatus};
use indicators::AreaKind;
use serde::{Deserialize, Serialize};

pub mod data;
mod district;
mod equality;
mod map;
mod quality;
mod report;
mod rights;
pub use district::{DistrictRow, DistrictView, Rank};
pub use equality::{EqualityView, GapFigure, GapRow};
pub use map::{DistrictMaps, MapFigure, MapRow};
pub use quality::QualityView;
pub use report::{
    ActionView, ReportCounts, ReportListView, ReportRow, ReportSection, ReportView, Spending,
};
pub use rights::{
    CardStatement, DateView, FollowUpCount, OhchrGroup, RecommendationView, RecommendationsView,
    StatementView,
};

indicators::wire_enum! {
    /// Which way a value moved, judged by the indicator's desired direction.
    /// (Not `indicators::summary::Change`, which holds the numbers.)
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Movement: "movement" {
        Better = "better",
        Worse = "worse",
        Same = "same",
    }
}

indicators::wire_enum! {
    /// What a chart's mark means, for its legend entry.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Mark: "chart mark" {
        Observed = "observed",
        Baseline = "baseline",
        Target = "target",
        Projection = "projection",
        Flagged = "flagged",
        /// A break in series: a dashed vertical line, labelled.
        SeriesBreak = "series-break",
    }
}

/// A text from the data in the page's language, or in another language
/// when it has no translation yet: then `fallback` names that language and
/// the page marks the text (and sets its `lang`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Text {
    pub text: String,
    pub fallback: Option<String>,
}

impl Text {
    /// A text in the page's language.
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            text: text.into(),
            fallback: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// How many indicators have one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: ProgressStatus,
    pub count: usize,
}

/// A goal that has data, with its indicators, for the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalSummary {
    pub number: u8,
    pub short_title: String,
    pub colour: String,
    /// Text colour that contrasts with `colour`.
    pub text_colour: String,
    pub indicators: Vec<IndicatorLink>,
    /// Public indicators per status, best first.
    pub status_counts: Vec<StatusCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLink {
    pub id: String,
    pub title: Text,
    pub status: Option<ProgressStatus>,
}

/// Why a status is what it is: the sentence and the numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusView {
    pub status: ProgressStatus,
    pub explanation: String,
    /// The -5 … 5 score (Open SDG method only).
    pub score: Option<f64>,
    pub method: ProgressMethod,
}

/// The change since the baseline as a card shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardChange {
    pub movement: Movement,
    /// e.g. `−3.4 since 2015`.
    pub text: String,
}

/// One indicator in a list: what it is, where it stands, where it is going.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCard {
    pub id: String,
    pub title: Text,
    pub status: Option<ProgressStatus>,
    /// e.g. `12.1 %`.
    pub latest: Option<String>,
    /// The latest period as written, e.g. `2025` or `2024/2025`.
    pub latest_period: Option<String>,
    pub change: Option<CardChange>,
    /// Change since the baseline in percent, positive when it is an
    /// improvement in the indicator's desired direction; for sorting.
    pub improvement: Option<f64>,
    /// Decorative sparkline SVG (the card says the same in words).
    pub sparkline_svg: String,
    /// A qualitative indicator: no status, its latest statement instead.
    #[serde(default)]
    pub qualitative: bool,
    #[serde(default)]
    pub statement: Option<CardStatement>,
    /// A proxy indicator (marked on the card).
    #[serde(default)]
    pub proxy: bool,
}

/// A rights or policy area in a list of ways in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaLink {
    pub id: String,
    pub name: Text,
    pub kind: AreaKind,
    pub indicators: usize,
}

/// The home page: goals, what moved most, and the other ways in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeView {
    pub goals: Vec<GoalSummary>,
    pub improved: Vec<IndicatorCard>,
    pub worsened: Vec<IndicatorCard>,
    pub rights: Vec<AreaLink>,
    pub policies: Vec<AreaLink>,
    pub districts: Vec<String>,
}

/// `/goals/{n}`: a goal, its targets and the city's indicators under each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalView {
    pub number: u8,
    pub short_title: String,
    pub title: Text,
    pub colour: String,
    pub text_colour: String,
    pub status_counts: Vec<StatusCount>,
    pub targets: Vec<TargetView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    pub id: String,
    pub title: Text,
    pub indicators: Vec<IndicatorCard>,
}

/// `/rights/{id}` and `/policy/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaView {
    pub id: String,
    pub kind: AreaKind,
    pub name: Text,
    pub instrument: String,
    pub article: String,
    pub rights_holders: Vec<String>,
    pub status_counts: Vec<StatusCount>,
    pub indicators: Vec<IndicatorCard>,
    /// Rights areas: the same indicators by OHCHR type (structure, process,
    /// outcome, then those without a type), groups without any left out.
    #[serde(default)]
    pub ohchr_groups: Vec<OhchrGroup>,
    /// Rights areas: the recommendations that name it, newest first.
    #[serde(default)]
    pub recommendations: Vec<RecommendationView>,
    /// Rights areas: the groups behind the whole city in its indicators.
    pub gaps: Vec<GapRow>,
}

/// A value and its label in a filter form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// Cards under one heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardGroup {
    pub heading: String,
    pub cards: Vec<IndicatorCard>,
}

/// `/progress`: every public indicator, grouped, filtered and sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressView {
    pub groups: Vec<CardGroup>,
    /// Indicators shown (each once, however many groups it is in).
    pub total: usize,
    pub goal_choices: Vec<Choice>,
    pub area_choices: Vec<Choice>,
}

/// A chart drawn on the server with its caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub svg: String,
    pub caption: String,
    /// The chart's numbers as a table: `(name, value)` rows under the
    /// `(name, value)` column headings.
    pub table: Vec<(String, String)>,
    pub headings: (String, String),
}

/// One disaggregation and its values, for a selector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionChoice {
    /// The query parameter, as in the data file (e.g. `Stadtteil`).
    pub name: String,
    /// What a reader sees, e.g. `Stadtteil` or `Wijk`.
    pub label: String,
    /// Each value as in the data (the query value) and as a reader sees it.
    pub values: Vec<(String, String)>,
}

/// A target or an area an indicator maps to, as a badge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Badge {
    pub id: String,
    /// The target's title or the area's name.
    pub name: Text,
}

/// What the indicator page shows above the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: String,
    pub title: Text,
    pub unit: String,
    pub goal_number: u8,
    pub goal_title: String,
    pub goal_colour: String,
    /// The indicator's status (from its headline series).
    pub status: Option<ProgressStatus>,
    pub definition: Text,
    pub source: String,
    pub owner: String,
    pub narrative: Text,
    pub targets: Vec<Badge>,
    pub rights: Vec<Badge>,
    pub policies: Vec<Badge>,
    /// Every disaggregation with its values, for one selector each.
    pub dimensions: Vec<DimensionChoice>,
    /// The latest period with data, e.g. `2025`.
    pub last_period: String,
    /// The date the current release was published, e.g. `2026-11-27`.
    pub published: String,
    /// The latest year's values per district, where the indicator has them.
    pub districts: Option<Figure>,
    /// What the city does about it (`actions.csv`).
    pub actions: Vec<ActionView>,
    /// The latest period's values on the district map (with the
    /// boundaries of `districts.geojson`).
    #[serde(default)]
    pub map: Option<MapFigure>,
    /// Reported by district only (no whole-city series): the page opens on
    /// the comparison of all districts, not on one of them.
    #[serde(default)]
    pub district_only: bool,
    /// The OHCHR type (`indicator_type`), when the catalogue gives one.
    #[serde(default)]
    pub ohchr_type: Option<indicators::model::OhchrType>,
    /// A qualitative indicator: its statements replace the chart and the status.
    #[serde(default)]
    pub qualitative: bool,
    /// Its statements, newest first (public indicators only reach here).
    #[serde(default)]
    pub statements: Vec<StatementView>,
    /// The gaps between its groups and the whole city, one figure per
    /// dimension (`groups.csv`).
    pub gaps: Vec<GapFigure>,
    /// "About these figures": proxy mark, breaks, updates, note, licence,
    /// "Cite this".
    #[serde(default)]
    pub quality: QualityView,
}

/// The value chosen for one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selected {
    pub dimension: String,
    pub value: String,
}

/// What one chart mark means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegendEntry {
    pub mark: Mark,
    pub text: String,
}

/// One row of a series' table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// As written, e.g. `2014/2015`.
    pub period: String,
    pub value: String,
    pub flags: String,
}

/// The target as the table's last row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRow {
    pub year: i32,
    pub value: String,
}

/// A series' status in one release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub release: String,
    pub published: String,
    pub status: ProgressStatus,
}

/// One series drawn as a chart, with the same numbers as a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesView {
    pub slug: String,
    pub label: String,
    /// The selected value of each dimension, as in the address.
    pub selection: Vec<Selected>,
    pub caption: String,
    /// SVG markup rendered on the server by `crate::chart`.
    pub chart_svg: String,
    pub legend: Vec<LegendEntry>,
    /// Ascending by period.
    pub rows: Vec<TableRow>,
    pub target_row: Option<TargetRow>,
    /// This series' status and why.
    pub status: Option<StatusView>,
    /// What the series did since its baseline and where it is heading at
    /// its status's pace, in the page's language
    /// (`crate::words::narrative_text`).
    #[serde(default)]
    pub narrative: Option<String>,
    /// e.g. `Baseline 2015: 15.5 % (catalogue)`.
    pub baseline: Option<String>,
    /// Oldest first.
    pub history: Vec<HistoryRow>,
    /// The words of this series' figure, in the page's language (the
    /// island that shows it has no translations of its own).
    pub words: SeriesWords,
}

/// A series figure's words, worded on the server.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SeriesWords {
    /// `Values — Sex: female`.
    pub values_caption: String,
    /// `Value (%)`.
    pub value_header: String,
    /// `Target 2030`.
    pub target_row: Option<String>,
    /// `score 1.25 of −5 to 5`.
    pub score: Option<String>,
    /// `method: Eurostat`.
    pub method: String,
    /// What the live region says when a selector brings this series.
    pub announcement: String,
    /// Each status's words, for the badges.
    pub statuses: Vec<(ProgressStatus, String)>,
}

impl SeriesWords {
    /// The words of `status`.
    pub fn status(&self, status: ProgressStatus) -> String {
        self.statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map(|(_, words)| words.clone())
            .unwrap_or_else(|| status.to_string())
    }
}

/// The series explorer's fixed words, worded on the server for the island.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExplorerWords {
    pub all: String,
    pub show: String,
    pub unavailable: String,
    pub unavailable_text: String,
    pub legend: String,
    pub why_status: String,
    pub how_computed: String,
    /// The methodology page in the page's language.
    pub methodology_href: String,
    pub year: String,
    pub flags: String,
    pub target_flag: String,
    pub history_caption: String,
    pub release: String,
    pub published: String,
    pub status: String,
    /// "Download this chart:".
    pub chart_files: String,
    /// `/nl/charts/poverty`: the chart files' address without extension.
    pub charts_href: String,
    /// "Figures:": the shown series' data files (CSV, JSON).
    pub data_files: String,
    /// `/data/localgoals-r00003-poverty`: the indicator's data files'
    /// address without extension (empty: no links).
    pub data_href: String,
}

/// One indicator a search found, with the fields its words were found in
/// (`title`, `definition`, `target`, `goal`, `rights`, `policy`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub card: IndicatorCard,
    pub matched_in: Vec<String>,
}

/// `/search?q=`: what was asked and what was found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchView {
    pub query: String,
    /// Whether the hits match every word (else they match some).
    pub complete: bool,
    /// How many indicators matched (the list may be shorter).
    pub total: usize,
    pub hits: Vec<SearchHit>,
}

/// One indicator on `/compare`: its chosen series as a chart and a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedView {
    pub id: String,
    pub title: Text,
    pub status: Option<ProgressStatus>,
    /// The series shown, e.g. `District: Altstadt` or `Total`.
    pub label: String,
    pub chart_svg: String,
    pub caption: String,
    pub value_header: String,
    pub rows: Vec<TableRow>,
    /// Asked for a district the indicator is not reported for: the whole
    /// city is shown instead.
    pub district_missing: bool,
}

/// `/compare?a=&b=&c=&d=&district=`: up to four indicators on the same years.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CompareView {
    pub items: Vec<ComparedView>,
    /// The years every chart spans.
    pub years: Option<(i32, i32)>,
    /// The districts any of the indicators is reported for.
    pub districts: Vec<String>,
    pub district: Option<String>,
    /// Every public indicator, for the pickers.
    pub choices: Vec<Choice>,
}
