//! Summaries to columns: `series.parquet`'s and `counted.parquet`'s frames.
//!
//! The columns are filled a row at a time. A summary is a large struct, and
//! a pass per column read each of 400,000 of them 45 times (0.8 s); one pass
//! reads each once.

use polars::prelude::*;

use super::col;
use crate::frame::dimensions_json;
use crate::model::{Dimensions, Point};
use crate::progress::ProgressResult;
use crate::statuses::IndicatorStatus;
use crate::summary::{Change, SeriesSummary};

type StrOf<T> = Box<dyn for<'a> Fn(&'a T) -> Option<&'a str>>;
type IntOf<T> = Box<dyn Fn(&T) -> Option<i32>>;
type FloatOf<T> = Box<dyn Fn(&T) -> Option<f64>>;

/// How one column's cell is read from a row.
enum Get<T> {
    Str(StrOf<T>),
    Int(IntOf<T>),
    Float(FloatOf<T>),
}

/// A column being filled.
enum Values<'a> {
    Str(Vec<Option<&'a str>>),
    Int(Vec<Option<i32>>),
    Float(Vec<Option<f64>>),
}

/// Named columns over rows of type `T`, in the file's order.
struct Fields<T>(Vec<(String, Get<T>)>);

impl<T: 'static> Fields<T> {
    fn str(&mut self, name: &str, get: impl for<'a> Fn(&'a T) -> Option<&'a str> + 'static) {
        self.0.push((name.to_owned(), Get::Str(Box::new(get))));
    }

    fn int(&mut self, name: &str, get: impl Fn(&T) -> Option<i32> + 'static) {
        self.0.push((name.to_owned(), Get::Int(Box::new(get))));
    }

    fn float(&mut self, name: &str, get: impl Fn(&T) -> Option<f64> + 'static) {
        self.0.push((name.to_owned(), Get::Float(Box::new(get))));
    }

    /// The columns of `rows`, each row read once.
    fn columns<'a>(&self, rows: impl ExactSizeIterator<Item = &'a T>) -> Vec<Column> {
        let n = rows.len();
        let mut values: Vec<Values<'a>> = self
            .0
            .iter()
            .map(|(_, get)| match get {
                Get::Str(_) => Values::Str(Vec::with_capacity(n)),
                Get::Int(_) => Values::Int(Vec::with_capacity(n)),
                Get::Float(_) => Values::Float(Vec::with_capacity(n)),
            })
            .collect();
        for row in rows {
            for ((_, get), column) in self.0.iter().zip(values.iter_mut()) {
                match (get, column) {
                    (Get::Str(f), Values::Str(v)) => v.push(f(row)),
                    (Get::Int(f), Values::Int(v)) => v.push(f(row)),
                    (Get::Float(f), Values::Float(v)) => v.push(f(row)),
                    // Each column was made for its getter just above.
                    _ => unreachable!("a column of another kind than its getter"),
                }
            }
        }
        self.0
            .iter()
            .zip(values)
            .map(|((name, _), values)| match values {
                Values::Str(v) => Column::new(name.into(), v),
                Values::Int(v) => Column::new(name.into(), v),
                Values::Float(v) => Column::new(name.into(), v),
            })
            .collect()
    }

    /// The columns of `n` rows with every cell null.
    fn nulls(&self, n: usize) -> Vec<Column> {
        self.0
            .iter()
            .map(|(name, get)| {
                let dtype = match get {
                    Get::Str(_) => DataType::String,
                    Get::Int(_) => DataType::Int32,
                    Get::Float(_) => DataType::Float64,
                };
                Column::full_null(name.into(), n, &dtype)
            })
            .collect()
    }
}

/// A summary's own fields: baseline, latest and previous points, changes,
/// growth and trend.
fn summary_fields() -> Fields<SeriesSummary> {
    let mut f: Fields<SeriesSummary> = Fields(Vec::new());
    f.int("baseline_year", |s| s.baseline.as_ref().map(|b| b.year));
    f.str("baseline_label", |s| {
        s.baseline.as_ref().map(|b| b.label.as_str())
    });
    f.float("baseline_value", |s| s.baseline.as_ref().map(|b| b.value));
    f.str("baseline_rule", |s| {
        s.baseline.as_ref().map(|b| b.rule.as_str())
    });
    type PointOf = fn(&SeriesSummary) -> Option<&Point>;
    let points: [(&str, PointOf); 2] = [
        ("latest", |s| s.latest.as_ref()),
        ("previous", |s| s.previous.as_ref()),
    ];
    for (prefix, point) in points {
        f.int(&format!("{prefix}_year"), move |s| {
            point(s).map(|p| p.period.year)
        });
        f.str(&format!("{prefix}_label"), move |s| {
            point(s).map(|p| p.period.label.as_str())
        });
        f.float(&format!("{prefix}_value"), move |s| {
            point(s).map(|p| p.value)
        });
        f.str(&format!("{prefix}_flags"), move |s| {
            point(s).map(|p| p.flags.as_str())
        });
        f.float(&format!("{prefix}_progress"), move |s| {
            point(s).and_then(|p| p.progress)
        });
    }
    type ChangeOf = fn(&SeriesSummary) -> Option<Change>;
    let changes: [(&str, ChangeOf); 2] = [
        ("since_baseline", |s| s.change_since_baseline),
        ("since_previous", |s| s.change_since_previous),
    ];
    for (prefix, change) in changes {
        f.int(&format!("{prefix}_from"), move |s| {
            change(s).map(|c| c.from_year)
        });
        f.int(&format!("{prefix}_to"), move |s| {
            change(s).map(|c| c.to_year)
        });
        f.float(&format!("{prefix}_absolute"), move |s| {
            change(s).map(|c| c.absolute)
        });
        f.float(&format!("{prefix}_percent"), move |s| {
            change(s).and_then(|c| c.percent)
        });
    }
    f.float("cagr", |s| s.cagr);
    f.float("trend_slope", |s| s.trend.map(|t| t.slope_per_year));
    f.float("trend_intercept", |s| s.trend.map(|t| t.intercept));
    f.int("trend_year", |s| s.trend.map(|t| t.projected_year));
    f.float("trend_value", |s| s.trend.map(|t| t.projected_value));
    f
}

/// A progress result's fields: status, score and the method's inputs.
fn progress_fields() -> Fields<ProgressResult> {
    let mut f: Fields<ProgressResult> = Fields(Vec::new());
    f.str("method", |p| Some(p.method.as_str()));
    f.str(col::STATUS, |p| Some(p.status.as_str()));
    f.float("progress_value", |p| p.value);
    f.float("score", |p| p.score);
    f.float("progress_cagr", |p| p.cagr);
    f.float("required_cagr", |p| p.required_cagr);
    f.float("limit_factor", |p| p.limit_factor);
    f.int("calculation", |p| p.calculation.map(i32::from));
    f.str("unavailable", |p| p.unavailable.map(|u| u.as_str()));
    f.str("class", |p| p.class.map(|c| c.as_str()));
    f.int("base_year", |p| p.inputs.map(|i| i.base_year));
    f.float("base_value", |p| p.inputs.map(|i| i.base_value));
    f.int("current_year", |p| p.inputs.map(|i| i.current_year));
    f.float("current_value", |p| p.inputs.map(|i| i.current_value));
    f.float("target", |p| p.inputs.and_then(|i| i.target));
    f.int("target_year", |p| p.inputs.map(|i| i.target_year));
    f.str("direction", |p| p.inputs.map(|i| i.direction.as_str()));
    f.float("limit", |p| p.inputs.and_then(|i| i.limit));
    f.float("threshold_high", |p| p.thresholds.map(|t| t.high));
    f.float("threshold_med", |p| p.thresholds.map(|t| t.med));
    f.float("threshold_low", |p| p.thresholds.map(|t| t.low));
    f
}

/// The key columns: indicator, dimensions (as JSON, written once per
/// distinct series) and whether the row counts.
fn key_columns<'a>(rows: &[(&'a str, &'a Dimensions, bool)]) -> Vec<Column> {
    // A fast hash: a series' dimensions are long lists of texts.
    let mut texts: PlHashMap<&Dimensions, String> = PlHashMap::default();
    for (_, dimensions, _) in rows {
        texts
            .entry(dimensions)
            .or_insert_with(|| dimensions_json(dimensions));
    }
    vec![
        Column::new(
            col::INDICATOR.into(),
            rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        ),
        Column::new(
            col::DIMENSIONS.into(),
            rows.iter()
                .map(|r| texts.get(r.1).map(String::as_str))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            col::COUNTS.into(),
            rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        ),
    ]
}

/// `series.parquet`'s frame: one row per series.
pub(in crate::release) fn series_frame(series: &[SeriesSummary]) -> PolarsResult<DataFrame> {
    let keys: Vec<(&str, &Dimensions, bool)> = series
        .iter()
        .map(|s| (s.indicator_id.as_str(), &s.dimensions, s.counts))
        .collect();
    let mut columns = key_columns(&keys);
    columns.extend(summary_fields().columns(series.iter()));
    columns.extend(progress_fields().columns(series.iter().map(|s| &s.progress)));
    DataFrame::new(series.len(), columns)
}

/// `counted.parquet`: the results each indicator's status is the mean of,
/// one row per [`crate::statuses::CountedResult`]. It has `series.parquet`'s
/// columns (the summary's own fields null; `counts` says whether a series
/// is named) and the result's `tag`. An indicator without a headline counts
/// every series: kept in `statuses.json` these were 1.8 GB for 10^8
/// observations.
pub(in crate::release) fn counted_frame(indicators: &[IndicatorStatus]) -> PolarsResult<DataFrame> {
    let headline = Dimensions::default();
    let rows: Vec<(&str, &crate::statuses::CountedResult)> = indicators
        .iter()
        .flat_map(|i| i.counted.iter().map(|c| (i.indicator_id.as_str(), c)))
        .collect();
    let keys: Vec<(&str, &Dimensions, bool)> = rows
        .iter()
        .map(|(id, c)| {
            let dimensions = c.dimensions.as_ref();
            (*id, dimensions.unwrap_or(&headline), dimensions.is_some())
        })
        .collect();
    let mut columns = key_columns(&keys);
    columns.extend(summary_fields().nulls(rows.len()));
    columns.extend(progress_fields().columns(rows.iter().map(|(_, c)| &c.progress)));
    columns.push(Column::new(
        col::TAG.into(),
        rows.iter().map(|(_, c)| c.tag.as_str()).collect::<Vec<_>>(),
    ));
    DataFrame::new(rows.len(), columns)
}
