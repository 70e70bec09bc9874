//! The view types: what server functions return and pages render, the wire
//! contract between the server and the browser (both targets compile it).
//! They carry typed values (statuses, kinds, movements) for anything a page
//! branches or sorts on, and display text already worded where numbers are
//! involved. This module imports neither pages nor server functions.

use indicators::progress::{ProgressMethod, ProgressStatus};
use indicators::{AreaKind, Direction};
use serde::{Deserialize, Serialize};

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
    pub title: String,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCard {
    pub id: String,
    pub title: String,
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
}

/// A rights or policy area in a list of ways in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaLink {
    pub id: String,
    pub name: String,
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
    pub title: String,
    pub colour: String,
    pub text_colour: String,
    pub status_counts: Vec<StatusCount>,
    pub targets: Vec<TargetView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    pub id: String,
    pub title: String,
    pub indicators: Vec<IndicatorCard>,
}

/// `/rights/{id}` and `/policy/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaView {
    pub id: String,
    pub kind: AreaKind,
    pub name: String,
    pub instrument: String,
    pub article: String,
    pub rights_holders: Vec<String>,
    pub status_counts: Vec<StatusCount>,
    pub indicators: Vec<IndicatorCard>,
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

/// `/districts/{name}`: each district series' latest value against the city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictView {
    pub name: String,
    pub rows: Vec<DistrictRow>,
    pub others: Vec<String>,
}

/// A district's place among all districts in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rank {
    /// 1 for the highest value.
    pub position: usize,
    pub of: usize,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictRow {
    pub indicator_id: String,
    pub title: String,
    /// The link to the indicator with this district's series selected.
    pub href: String,
    pub period: String,
    pub value: String,
    pub city: Option<String>,
    pub rank: Rank,
}

/// A chart drawn on the server with its caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub svg: String,
    pub caption: String,
}

/// One disaggregation and its values, for a selector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionChoice {
    /// The query parameter, as in the data file (e.g. `Stadtteil`).
    pub name: String,
    /// What a reader sees, e.g. `Stadtteil`.
    pub label: String,
    pub values: Vec<String>,
}

/// A target or an area an indicator maps to, as a badge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Badge {
    pub id: String,
    /// The target's title or the area's name.
    pub name: String,
}

/// What the indicator page shows above the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub goal_number: u8,
    pub goal_title: String,
    pub goal_colour: String,
    /// The indicator's status (from its headline series).
    pub status: Option<ProgressStatus>,
    pub definition: String,
    pub source: String,
    pub owner: String,
    pub narrative: String,
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
    /// e.g. `Baseline 2015: 15.5 % (catalogue)`.
    pub baseline: Option<String>,
    /// Oldest first.
    pub history: Vec<HistoryRow>,
}
