//! Who is left behind: the gaps between rights-holder groups and the whole
//! city, as `/equality`, the rights-area pages and the indicator page show
//! them (the numbers come from `indicators::gaps`).

use indicators::gaps::{GapTrend, Standing};
use serde::{Deserialize, Serialize};

use super::Text;

/// One group's gap to the whole city for one indicator, worded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapRow {
    pub indicator_id: String,
    pub indicator: Text,
    /// The group's name, e.g. `women`.
    pub group: Text,
    /// The group's series in an address query, e.g. `sex=female`.
    pub series_query: String,
    /// The latest period both series have, as written.
    pub period: String,
    /// The group's and the whole city's values then, with the unit.
    pub group_value: String,
    pub city_value: String,
    /// `group − city` with its sign and unit, e.g. `+3.0 %`.
    pub gap: String,
    /// The gap relative to the city's value, e.g. `+16.7 %`.
    pub relative: Option<String>,
    pub standing: Standing,
    /// e.g. `behind the whole city`.
    pub standing_text: String,
    pub trend: Option<GapTrend>,
    /// e.g. `narrowing since 2015 (4.0 → 3.0)`; empty without a trend.
    pub trend_text: String,
    /// e.g. `+1.2 points a year`.
    pub pace: Option<String>,
    /// The flags of the latest values (the group's and the city's).
    pub flags: String,
}

/// `/equality`: the widest gaps and the fastest-widening ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EqualityView {
    /// Groups behind the whole city, widest relative gap first.
    pub widest: Vec<GapRow>,
    /// Groups behind whose gap widens, fastest first.
    pub widening: Vec<GapRow>,
    /// How many gaps there are (public indicators, every group).
    pub gaps: usize,
    /// How many of them are groups behind the whole city.
    pub behind: usize,
    /// How many public indicators have a gap.
    pub indicators: usize,
}

/// The gaps of one dimension's groups on the indicator page: a chart, its
/// legend and the values as tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapFigure {
    /// The dimension's label, e.g. `Sex`.
    pub dimension: String,
    pub svg: String,
    pub caption: String,
    /// The captions of the latest gaps' table and of the gaps over time.
    pub latest_caption: String,
    pub table_caption: String,
    /// One entry per line: its swatch (decorative SVG) and the group.
    pub legend: Vec<(String, Text)>,
    /// Each group's latest gap and its direction.
    pub rows: Vec<GapRow>,
    /// The gaps over time: a heading per group, then per period the
    /// gap of each group (empty where the group has no value).
    pub columns: Vec<Text>,
    pub periods: Vec<(String, Vec<String>)>,
}
