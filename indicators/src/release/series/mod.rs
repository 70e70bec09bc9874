//! Series summaries to and from a Parquet file: one row per series, one typed
//! column per field, enums as their wire names (which Parquet's dictionary
//! keeps once). A release of 400,000 series wrote 620 MB of JSON before;
//! this is a few columns that compress, and a reader that wants only the
//! statuses (release histories) reads three of them.
//!
//! A nested `Option` (a baseline, a change, a trend, the progress inputs)
//! is present exactly when its first column is not null.

use std::fs::File;
use std::path::Path;
use std::str::FromStr;

use polars::prelude::*;

use super::history::SeriesStatus;
use super::{io, ReleaseError};
use crate::frame::DimensionsCache;
use crate::model::{Period, Point};
use crate::progress::{ProgressInputs, ProgressResult, ProgressStatus, Thresholds};
use crate::statuses::CountedResult;
use crate::summary::{Baseline, Change, SeriesSummary, Trend};

mod columns;
pub(super) use columns::{counted_frame, series_frame};

/// Column names, in the file's order.
mod col {
    pub const INDICATOR: &str = "indicator_id";
    pub const DIMENSIONS: &str = "dimensions";
    pub const COUNTS: &str = "counts";
    pub const STATUS: &str = "status";
    pub const TAG: &str = "tag";
}

/// The counted results a frame of `counted.parquet` holds, with their
/// indicator ids.
pub(super) fn counted_of_frame(
    frame: &DataFrame,
) -> Result<Vec<(String, CountedResult)>, ReleaseError> {
    let rows = series_of_frame(frame)?;
    let tags = Columns { frame }.str(col::TAG)?;
    Ok(rows
        .into_iter()
        .enumerate()
        .map(|(row, s)| {
            let result = CountedResult {
                dimensions: s.counts.then_some(s.dimensions),
                tag: tags.get(row).unwrap_or_default().to_owned(),
                progress: s.progress,
            };
            (s.indicator_id, result)
        })
        .collect())
}

/// A release's series summaries.
pub(super) fn read_series(path: &Path) -> Result<Vec<SeriesSummary>, ReleaseError> {
    let frame = ParquetReader::new(File::open(path).map_err(io(path))?).finish()?;
    series_of_frame(&frame)
}

/// The summaries a frame of `series.parquet`'s columns holds.
pub(super) fn series_of_frame(frame: &DataFrame) -> Result<Vec<SeriesSummary>, ReleaseError> {
    let c = Columns { frame };
    let (ids, dims, counts) = (c.str(col::INDICATOR)?, c.str(col::DIMENSIONS)?, c.bool()?);
    let baseline = (
        c.i32("baseline_year")?,
        c.str("baseline_label")?,
        c.f64("baseline_value")?,
        c.str("baseline_rule")?,
    );
    let point = |prefix: &str| -> Result<_, ReleaseError> {
        Ok((
            c.i32(&format!("{prefix}_year"))?,
            c.str(&format!("{prefix}_label"))?,
            c.f64(&format!("{prefix}_value"))?,
            c.str(&format!("{prefix}_flags"))?,
            c.f64(&format!("{prefix}_progress"))?,
        ))
    };
    let change = |prefix: &str| -> Result<_, ReleaseError> {
        Ok((
            c.i32(&format!("{prefix}_from"))?,
            c.i32(&format!("{prefix}_to"))?,
            c.f64(&format!("{prefix}_absolute"))?,
            c.f64(&format!("{prefix}_percent"))?,
        ))
    };
    let (latest, previous) = (point("latest")?, point("previous")?);
    let (since_baseline, since_previous) = (change("since_baseline")?, change("since_previous")?);
    let trend = (
        c.f64("trend_slope")?,
        c.f64("trend_intercept")?,
        c.i32("trend_year")?,
        c.f64("trend_value")?,
    );
    let (cagr, method, status) = (c.f64("cagr")?, c.str("method")?, c.str(col::STATUS)?);
    let (value, score, p_cagr, required) = (
        c.f64("progress_value")?,
        c.f64("score")?,
        c.f64("progress_cagr")?,
        c.f64("required_cagr")?,
    );
    let (limit_factor, calculation, unavailable, class) = (
        c.f64("limit_factor")?,
        c.i32("calculation")?,
        c.str("unavailable")?,
        c.str("class")?,
    );
    let inputs = (
        c.i32("base_year")?,
        c.f64("base_value")?,
        c.i32("current_year")?,
        c.f64("current_value")?,
        c.f64("target")?,
        c.i32("target_year")?,
        c.str("direction")?,
        c.f64("limit")?,
    );
    let thresholds = (
        c.f64("threshold_high")?,
        c.f64("threshold_med")?,
        c.f64("threshold_low")?,
    );
    let mut cache = DimensionsCache::default();
    let mut out = Vec::with_capacity(frame.height());
    for row in 0..frame.height() {
        let point_at = |p: &(Ints, Strs<'_>, Floats, Strs<'_>, Floats)| -> Option<Point> {
            Some(Point {
                period: Period {
                    year: p.0.get(row)?,
                    label: p.1.get(row).unwrap_or_default().to_owned(),
                },
                value: p.2.get(row).unwrap_or(f64::NAN),
                flags: p.3.get(row).unwrap_or_default().to_owned(),
                progress: p.4.get(row),
            })
        };
        let change_at = |c: &(Ints, Ints, Floats, Floats)| -> Option<Change> {
            Some(Change {
                from_year: c.0.get(row)?,
                to_year: c.1.get(row).unwrap_or_default(),
                absolute: c.2.get(row).unwrap_or(f64::NAN),
                percent: c.3.get(row),
            })
        };
        let baseline = match baseline.0.get(row) {
            Some(year) => Some(Baseline {
                year,
                label: baseline.1.get(row).unwrap_or_default().to_owned(),
                value: baseline.2.get(row).unwrap_or(f64::NAN),
                rule: parse(&baseline.3, row, "baseline_rule")?,
            }),
            None => None,
        };
        let inputs = match inputs.0.get(row) {
            Some(base_year) => Some(ProgressInputs {
                base_year,
                base_value: inputs.1.get(row).unwrap_or(f64::NAN),
                current_year: inputs.2.get(row).unwrap_or_default(),
                current_value: inputs.3.get(row).unwrap_or(f64::NAN),
                target: inputs.4.get(row),
                target_year: inputs.5.get(row).unwrap_or_default(),
                direction: parse(&inputs.6, row, "direction")?,
                limit: inputs.7.get(row),
            }),
            None => None,
        };
        out.push(SeriesSummary {
            indicator_id: ids.get(row).unwrap_or_default().to_owned(),
            dimensions: cache.get(dims.get(row).unwrap_or("[]")),
            baseline,
            latest: point_at(&latest),
            previous: point_at(&previous),
            change_since_baseline: change_at(&since_baseline),
            change_since_previous: change_at(&since_previous),
            cagr: cagr.get(row),
            trend: trend.0.get(row).map(|slope_per_year| Trend {
                slope_per_year,
                intercept: trend.1.get(row).unwrap_or(f64::NAN),
                projected_year: trend.2.get(row).unwrap_or_default(),
                projected_value: trend.3.get(row).unwrap_or(f64::NAN),
            }),
            progress: ProgressResult {
                method: parse(&method, row, "method")?,
                status: parse(&status, row, col::STATUS)?,
                value: value.get(row),
                score: score.get(row),
                inputs,
                cagr: p_cagr.get(row),
                required_cagr: required.get(row),
                thresholds: thresholds.0.get(row).map(|high| Thresholds {
                    high,
                    med: thresholds.1.get(row).unwrap_or(f64::NAN),
                    low: thresholds.2.get(row).unwrap_or(f64::NAN),
                }),
                limit_factor: limit_factor.get(row),
                calculation: calculation.get(row).and_then(|c| u8::try_from(c).ok()),
                unavailable: parse_optional(&unavailable, row, "unavailable")?,
                class: parse_optional(&class, row, "class")?,
            },
            counts: counts.get(row).unwrap_or(false),
        });
    }
    Ok(out)
}

/// The columns a series' status alone needs.
pub(super) const STATUS_COLUMNS: [&str; 3] = [col::INDICATOR, col::DIMENSIONS, col::STATUS];

/// Each series' status alone, reading only the three columns it needs.
pub(super) fn read_series_statuses(path: &Path) -> Result<Vec<SeriesStatus>, ReleaseError> {
    let frame = ParquetReader::new(File::open(path).map_err(io(path))?)
        .with_columns(Some(STATUS_COLUMNS.map(str::to_owned).to_vec()))
        .finish()?;
    series_statuses_of_frame(&frame)
}

/// The statuses a frame of [`STATUS_COLUMNS`] holds.
pub(super) fn series_statuses_of_frame(
    frame: &DataFrame,
) -> Result<Vec<SeriesStatus>, ReleaseError> {
    let c = Columns { frame };
    let (ids, dims, status) = (
        c.str(col::INDICATOR)?,
        c.str(col::DIMENSIONS)?,
        c.str(col::STATUS)?,
    );
    let mut cache = DimensionsCache::default();
    (0..frame.height())
        .map(|row| {
            Ok(SeriesStatus {
                indicator_id: ids.get(row).unwrap_or_default().to_owned(),
                slug: cache.get(dims.get(row).unwrap_or("[]")).slug(),
                status: parse::<ProgressStatus>(&status, row, col::STATUS)?,
            })
        })
        .collect()
}

type Ints = Cells<i32>;
type Floats = Cells<f64>;
type Strs<'a> = Cells<&'a str>;

/// One column's cells, copied out once: indexing a vector is far cheaper
/// than asking polars for each cell.
struct Cells<T>(Vec<Option<T>>);

impl<T: Copy> Cells<T> {
    fn get(&self, row: usize) -> Option<T> {
        self.0.get(row).copied().flatten()
    }
}

/// Typed columns of a series frame.
struct Columns<'a> {
    frame: &'a DataFrame,
}

impl<'a> Columns<'a> {
    fn str(&self, name: &str) -> PolarsResult<Strs<'a>> {
        Ok(Cells(self.frame.column(name)?.str()?.iter().collect()))
    }
    fn i32(&self, name: &str) -> PolarsResult<Ints> {
        Ok(Cells(self.frame.column(name)?.i32()?.iter().collect()))
    }
    fn f64(&self, name: &str) -> PolarsResult<Floats> {
        Ok(Cells(self.frame.column(name)?.f64()?.iter().collect()))
    }
    fn bool(&self) -> PolarsResult<Cells<bool>> {
        Ok(Cells(
            self.frame.column(col::COUNTS)?.bool()?.iter().collect(),
        ))
    }
}

/// A wire name in `column` at `row`, which must be there.
fn parse<T: FromStr<Err = crate::wire::UnknownName>>(
    column: &Strs<'_>,
    row: usize,
    name: &str,
) -> Result<T, ReleaseError> {
    parse_optional(column, row, name)?.ok_or_else(|| unreadable(name, row, "no value".into()))
}

fn parse_optional<T: FromStr<Err = crate::wire::UnknownName>>(
    column: &Strs<'_>,
    row: usize,
    name: &str,
) -> Result<Option<T>, ReleaseError> {
    column
        .get(row)
        .map(|text| {
            text.parse()
                .map_err(|e| unreadable(name, row, format!("{e}")))
        })
        .transpose()
}

fn unreadable(column: &str, row: usize, reason: String) -> ReleaseError {
    ReleaseError::Column {
        file: super::SERIES.to_owned(),
        column: column.to_owned(),
        row,
        reason,
    }
}
