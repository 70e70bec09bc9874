//! The yearly report's view types and "what the city does".

use indicators::progress::{ProgressMethod, ProgressStatus};
use serde::{Deserialize, Serialize};

use super::Text;

/// `/report`: the data years a yearly report exists for, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportListView {
    pub years: Vec<i32>,
    pub release: String,
    pub published: String,
}

/// `/report/{year}`: the council's yearly review, worded for one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub year: i32,
    pub release: String,
    /// The release's date, worded.
    pub published: String,
    pub method: ProgressMethod,
    pub counts: ReportCounts,
    /// Every public indicator, in catalogue order: the summary table.
    pub rows: Vec<ReportRow>,
    pub goals: Vec<ReportSection>,
    pub rights: Vec<ReportSection>,
    /// The other years with a report, newest first.
    pub other_years: Vec<i32>,
}

/// How many indicators moved which way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCounts {
    pub indicators: usize,
    pub improved_since_previous: usize,
    pub worsened_since_previous: usize,
    pub improved_since_baseline: usize,
    pub worsened_since_baseline: usize,
    pub status_changes: usize,
}

/// One indicator in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRow {
    pub id: String,
    pub title: Text,
    pub goal: u8,
    /// Which series is compared, when not the headline.
    pub series: Option<String>,
    /// Its slug (`total`, `sex=female`).
    pub slug: String,
    /// `12.4 %`, the report year's value.
    pub current: Option<String>,
    pub previous: Option<String>,
    /// `2015: 14.2 %`.
    pub baseline: Option<String>,
    pub since_previous: Option<indicators::report::Verdict>,
    /// The series breaks in the report year: not compared with the year
    /// before (the page says "series break" instead of a verdict).
    #[serde(default)]
    pub break_in_year: bool,
    pub since_baseline: Option<indicators::report::Verdict>,
    pub status_before: ProgressStatus,
    pub status_now: ProgressStatus,
    pub narrative: Option<String>,
    /// The address of its chart as it stood in the report year.
    pub chart: Option<String>,
    pub chart_alt: String,
    pub actions: Vec<ActionView>,
}

/// What the city does about an indicator: a decision, a motion, a
/// programme or a budget line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionView {
    pub kind: indicators::ActionKind,
    pub kind_label: String,
    pub title: Text,
    /// Date, reference and amount, worded: `12 March 2023 · 2023/114`.
    pub details: String,
    pub link: Option<String>,
}

/// One goal or rights area of the report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportSection {
    /// The anchor: `goal-1`, `right-housing`.
    pub anchor: String,
    pub title: Text,
    /// The goal's colour (goals only).
    pub colour: Option<String>,
    /// Indicator ids, catalogue order; the rows hold the rest.
    pub indicators: Vec<String>,
    pub improved_since_previous: Vec<String>,
    pub worsened_since_previous: Vec<String>,
    pub improved_since_baseline: Vec<String>,
    pub worsened_since_baseline: Vec<String>,
    pub status_changes: Vec<String>,
    /// Spending in the report year, one line per currency.
    pub spending: Vec<Spending>,
}

/// Budget lines of one currency, summed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spending {
    pub currency: String,
    /// Worded with the currency: `€ 1,250,000`.
    pub amount: String,
    pub lines: usize,
}
