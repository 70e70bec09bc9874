//! Server functions and the view types they return. Each function checks its
//! input against the loaded data; nothing from the client is trusted.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A goal that has data, with its indicators, for the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalSummary {
    pub number: u8,
    pub short_title: String,
    pub colour: String,
    /// Text colour that contrasts with `colour`.
    pub text_colour: String,
    pub indicators: Vec<IndicatorLink>,
    /// Public indicators per status, most positive first.
    pub status_counts: Vec<(StatusBadge, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLink {
    pub id: String,
    pub title: String,
    pub status: Option<StatusBadge>,
}

/// A status as a badge: words always, colour as a second signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusBadge {
    pub label: String,
    /// CSS modifier, e.g. `substantial_progress`.
    pub class: String,
}

/// Why a status is what it is: the sentence and the numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusView {
    pub badge: StatusBadge,
    pub explanation: String,
    pub score: Option<String>,
    pub method: String,
}

/// One indicator in a list: what it is, where it stands, where it is going.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCard {
    pub id: String,
    pub title: String,
    pub goal_number: u8,
    pub unit: String,
    pub status: Option<StatusBadge>,
    /// e.g. `12.1 %`.
    pub latest: Option<String>,
    /// The latest period as written, e.g. `2025` or `2024/2025`.
    pub latest_period: Option<String>,
    /// e.g. `−3.4 since 2015, better`.
    pub change: Option<String>,
    /// `better`, `worse` or `same`, for styling next to the words.
    pub change_class: String,
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
    /// `rights` or `policy`: the URL segment.
    pub kind: String,
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
    pub status_counts: Vec<(StatusBadge, usize)>,
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
    /// `Human-rights area` or `Policy area`.
    pub kind_label: String,
    pub name: String,
    pub instrument: String,
    pub article: String,
    pub rights_holders: Vec<String>,
    pub status_counts: Vec<(StatusBadge, usize)>,
    pub indicators: Vec<IndicatorCard>,
}

/// `/progress`: every public indicator, grouped, filtered and sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressView {
    pub groups: Vec<(String, Vec<IndicatorCard>)>,
    pub total: usize,
    /// `(value, label)` choices for the filter form.
    pub goal_choices: Vec<(String, String)>,
    pub area_choices: Vec<(String, String)>,
}

/// `/districts/{name}`: each district series' latest value against the city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictView {
    pub name: String,
    pub rows: Vec<DistrictRow>,
    pub others: Vec<String>,
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
    /// e.g. `3rd of 10, highest first`.
    pub rank: String,
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
    pub status: Option<StatusBadge>,
    pub definition: String,
    pub source: String,
    pub owner: String,
    pub narrative: String,
    /// `(target id, title)` of every SDG target it maps to.
    pub targets: Vec<(String, String)>,
    /// `(id, name)` of the rights and policy areas it maps to.
    pub rights: Vec<(String, String)>,
    pub policies: Vec<(String, String)>,
    /// Every disaggregation with its values, for one selector each.
    pub dimensions: Vec<DimensionChoice>,
    /// The latest period with data, e.g. `2025`.
    pub last_period: String,
    /// The date the current release was published, e.g. `2026-11-27`.
    pub published: String,
    /// The latest year's values per district, where the indicator has them.
    pub districts: Option<Figure>,
}

/// One series drawn as a chart, with the same numbers as a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesView {
    pub slug: String,
    pub label: String,
    /// The selected value of each dimension, as in the address.
    pub selection: Vec<(String, String)>,
    pub caption: String,
    /// SVG markup rendered on the server by `crate::chart`.
    pub chart_svg: String,
    /// What the chart's marks mean: `(CSS class, words)`.
    pub legend: Vec<(String, String)>,
    /// `(period label, formatted value, flags)`, ascending by period.
    pub rows: Vec<(String, String, String)>,
    /// `(target year, formatted target value)`: the table's last row.
    pub target_row: Option<(String, String)>,
    /// This series' status and why.
    pub status: Option<StatusView>,
    /// e.g. `Baseline 2015: 15.5 % (catalogue)`.
    pub baseline: Option<String>,
    /// `(release, published date, status)`, oldest first.
    pub history: Vec<(String, String, StatusBadge)>,
}

/// The series slug a page address selects: `series=` when given (the form
/// before per-dimension selectors), else every other non-empty parameter as
/// a dimension, sorted by name like `indicators::Dimensions`.
pub fn slug_from_query(pairs: &[(String, String)]) -> String {
    if let Some((_, series)) = pairs.iter().find(|(k, v)| k == "series" && !v.is_empty()) {
        return series.clone();
    }
    let mut dims: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(k, v)| k != "series" && !v.trim().is_empty())
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    if dims.is_empty() {
        return indicators::model::HEADLINE_SLUG.to_string();
    }
    dims.sort();
    dims.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The home page's data.
#[server]
pub async fn load_home() -> Result<HomeView, AppError> {
    Ok(crate::ssr::views::home(&crate::ssr::data()?))
}

/// One goal with its targets and indicators.
#[server]
pub async fn load_goal(number: String) -> Result<GoalView, AppError> {
    crate::ssr::views::goal(&crate::ssr::data()?, &number)
}

/// A rights area (`kind` = `rights`) or a policy area (`policy`).
#[server]
pub async fn load_area(kind: String, id: String) -> Result<AreaView, AppError> {
    crate::ssr::views::area(&crate::ssr::data()?, &kind, &id)
}

/// Every public indicator, filtered by `goal` (a number) or `area` (an area
/// id), grouped by `group` (`goal`, `rights`, `policy`) and sorted by `sort`
/// (`status`, `improved`, `worsened`, `title`). Empty means the default.
#[server]
pub async fn load_progress(
    goal: String,
    area: String,
    group: String,
    sort: String,
) -> Result<ProgressView, AppError> {
    crate::ssr::views::progress(&crate::ssr::data()?, &goal, &area, &group, &sort)
}

/// One district across every indicator reported by district.
#[server]
pub async fn load_district(name: String) -> Result<DistrictView, AppError> {
    crate::ssr::views::district(&crate::ssr::data()?, &name)
}

/// The indicator's description and the series a reader can choose from.
#[server]
pub async fn fetch_indicator(id: String) -> Result<IndicatorView, AppError> {
    crate::ssr::views::indicator(&crate::ssr::data()?, &id)
}

/// One series of an indicator as a chart and a table. `series` is the series
/// slug (`total`, `sex=female`, `Stadtteil=Altstadt`). This is what the
/// selectors call after hydration.
#[server]
pub async fn fetch_series(id: String, series: String) -> Result<SeriesView, AppError> {
    crate::ssr::views::series(&crate::ssr::data()?, &id, &series)
}

/// The methodology page: `docs/methodology.md` rendered on the server, so the
/// page and the repository say the same thing.
#[server]
pub async fn methodology_html() -> Result<String, AppError> {
    const TEXT: &str = include_str!("../../docs/methodology.md");
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(TEXT, pulldown_cmark::Options::ENABLE_TABLES),
    );
    Ok(html)
}
