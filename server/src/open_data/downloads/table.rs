//! The long table every download is written from: one row per public
//! observation with its indicator's id, title, goals, unit, series, period,
//! value, flags and the disaggregation dimensions (the union of the rows'
//! dimension names; `None` where a row has no such dimension). Read through
//! the public index only, so an internal indicator cannot get in.

use std::collections::{BTreeMap, BTreeSet};

use app::ssr::DashboardData;
use indicators::{Indicator, Series};

/// The columns every table has, before the dimensions, in file order.
pub const FIXED: [&str; 10] = [
    "indicator_id",
    "indicator_title",
    "goal",
    "sdg_targets",
    "unit",
    "series",
    "period",
    "year",
    "value",
    "flags",
];

/// What each fixed column holds (the README and the datapackage say it).
pub const FIXED_DESCRIPTIONS: [&str; 10] = [
    "The indicator's id, as in its page's address (/indicators/{id}).",
    "The indicator's title in the dataset's default language.",
    "The Sustainable Development Goals the indicator maps to, ascending, separated by `;`.",
    "The SDG targets the indicator maps to, separated by `;`.",
    "The unit of `value`.",
    "The series: `total` for the headline, else the disaggregation as `name=value` pairs separated by `;` (the indicator page's `?series=`).",
    "The period as the source writes it (a year, or e.g. `2021-Q3`).",
    "The calendar year the period falls in.",
    "The observed value, a plain number with `.` as decimal separator.",
    "Flags as the source writes them (`p` provisional, `e` estimated, `b` break in series …); empty when none.",
];

/// Which of the fixed columns hold numbers (the rest are text).
pub fn is_number(column: &str) -> bool {
    matches!(column, "year" | "value")
}

/// One observation, a row of every format.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Index into [`Table::indicators`].
    pub indicator: usize,
    pub series: String,
    pub period: String,
    pub year: i32,
    pub value: f64,
    pub flags: String,
    /// One entry per [`Table::dimensions`].
    pub dimensions: Vec<Option<String>>,
}

/// The indicator facts rows repeat.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorFacts {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub sdg_targets: String,
    pub unit: String,
    /// The dimension names any of its series has (for SDMX's "total" and
    /// "not applicable" codes).
    pub dimension_names: BTreeSet<String>,
}

/// One dated statement of a public qualitative indicator (JSON only).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatementRow {
    pub indicator_id: String,
    pub indicator_title: String,
    pub date: String,
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    pub text: String,
    pub language: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
}

/// The rows of a download and the names of its dimension columns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub indicators: Vec<IndicatorFacts>,
    /// Dimension names as in the data, sorted.
    pub dimensions: Vec<String>,
    pub rows: Vec<Row>,
    pub statements: Vec<StatementRow>,
}

impl Table {
    /// The file's column names: the fixed ones, then the dimensions (a
    /// dimension named like a fixed column gets a `dimension_` prefix).
    pub fn columns(&self) -> Vec<String> {
        FIXED
            .iter()
            .map(|c| (*c).to_owned())
            .chain(self.dimensions.iter().map(|d| dimension_column(d)))
            .collect()
    }

    /// The facts of `row`'s indicator.
    pub fn facts(&self, row: &Row) -> &IndicatorFacts {
        &self.indicators[row.indicator]
    }
}

/// The column a dimension is written in.
pub fn dimension_column(name: &str) -> String {
    if FIXED.contains(&name) {
        format!("dimension_{name}")
    } else {
        name.to_owned()
    }
}

fn facts_of(indicator: &Indicator, series: &[Series]) -> IndicatorFacts {
    let goals: Vec<String> = indicator.goals().iter().map(u8::to_string).collect();
    IndicatorFacts {
        id: indicator.id.clone(),
        title: indicator.title().to_owned(),
        goal: goals.join(";"),
        sdg_targets: indicator.sdg_targets.join(";"),
        unit: indicator.unit.clone(),
        dimension_names: series
            .iter()
            .flat_map(|s| s.key.dimensions.pairs().iter().map(|(k, _)| k.clone()))
            .collect(),
    }
}

/// The table of the public indicators `ids` (all public ones when `None`),
/// each with the series `keep` lets through. Statements come along when
/// `statements` is set.
pub fn build(
    data: &DashboardData,
    ids: Option<&[&str]>,
    keep: impl Fn(&Series) -> bool,
    statements: bool,
) -> Table {
    let mut table = Table::default();
    let mut rows: Vec<(usize, Series)> = Vec::new();
    let chosen = data
        .public
        .indicators
        .iter()
        .filter(|i| ids.is_none_or(|ids| ids.contains(&i.id.as_str())));
    for indicator in chosen {
        // Public ids only: `series_only` reads nothing for any other.
        let series = data.index.series_only(&indicator.id);
        let at = table.indicators.len();
        table.indicators.push(facts_of(indicator, &series));
        rows.extend(series.into_iter().filter(|s| keep(s)).map(|s| (at, s)));
    }
    let names: BTreeSet<String> = rows
        .iter()
        .flat_map(|(_, s)| s.key.dimensions.pairs().iter().map(|(k, _)| k.clone()))
        .collect();
    table.dimensions = names.into_iter().collect();
    for (at, series) in rows {
        let slug = series.key.dimensions.slug();
        let values: Vec<Option<String>> = table
            .dimensions
            .iter()
            .map(|d| series.key.dimensions.get(d).map(str::to_owned))
            .collect();
        for point in series.points {
            table.rows.push(Row {
                indicator: at,
                series: slug.clone(),
                period: point.period.label,
                year: point.period.year,
                value: point.value,
                flags: point.flags,
                dimensions: values.clone(),
            });
        }
    }
    if statements {
        let titles: BTreeMap<&str, &str> = table
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.title.as_str()))
            .collect();
        // The public dataset's statements: an internal indicator's never are.
        for s in &data.public.supplements.statements {
            if let Some(title) = titles.get(s.indicator_id.as_str()) {
                table.statements.push(StatementRow {
                    indicator_id: s.indicator_id.clone(),
                    indicator_title: (*title).to_owned(),
                    date: s.date.clone(),
                    year: s.year,
                    answer: s.answer,
                    text: s.text.clone(),
                    language: s.language.clone(),
                    translations: s.translations.clone(),
                });
            }
        }
    }
    table
}
