//! Every series of a sorted observation frame summarised by one polars
//! group-by: the points a summary is made of ([`Picks`]: first, latest,
//! previous, baseline candidates, progress inputs) and the sums of each
//! trend line are aggregation expressions over the rows of each series, so
//! no series is ever built as structs. The rules that turn picks into a
//! summary are `Picks`' own, shared with the struct path.
//!
//! A sorted frame keeps each series in one run of rows, so the group key is
//! the run's number, marked sorted: polars then groups by slices instead of
//! hashing 10M keys.
//! Runs a position cannot summarise (a break, unusable points): `apart`.

use std::ops::Range;

use polars::prelude::*;

use super::{LineSums, Picks, PointRef};
use crate::frame::columns as c;
use crate::model::Point;
use crate::progress::DEFAULT_BASE_YEAR;

#[path = "grouped_apart.rs"]
mod apart;
#[path = "grouped_runs.rs"]
mod runs;
use apart::UsablePicks;
pub(crate) use runs::SeriesRuns;

/// Column names the group-by adds or answers with.
mod name {
    pub const RUN: &str = "run";
    pub const FROM: &str = "base_from";
    pub const N: &str = "n";
    pub const USABLE: &str = "usable";
    pub const BEFORE_BASE: &str = "before_base";
    pub const MEAN_X: &str = "mean_x";
    pub const MEAN_Y: &str = "mean_y";
    pub const SXX: &str = "sxx";
    pub const SXY: &str = "sxy";
    pub const LAST_YEAR: &str = "last_year";
    pub const BEFORE_EUROSTAT: &str = "before_eurostat";
}

/// The columns a point is read from.
const POINT: [&str; 5] = [c::YEAR, c::PERIOD, c::VALUE, c::FLAGS, c::PROGRESS];

/// About this many rows are grouped at a time, in whole runs, so the
/// group-by's own columns stay small next to a 10M-row frame.
const ROWS_AT_A_TIME: usize = 1 << 20;

/// Some of a frame's columns at one point of each run (null where a run
/// has no such point).
struct PointColumns {
    year: Int32Chunked,
    period: StringChunked,
    value: Float64Chunked,
    flags: StringChunked,
    progress: Float64Chunked,
}

impl PointColumns {
    /// The columns of `frame` (or of a group-by's answer) named `prefix`
    /// + the frame's names.
    fn of(frame: &DataFrame, prefix: &str) -> PolarsResult<Self> {
        let named = |column: &str| -> PolarsResult<Series> {
            Ok(frame
                .column(&format!("{prefix}{column}"))?
                .as_materialized_series()
                .rechunk())
        };
        Ok(PointColumns {
            year: named(c::YEAR)?.i32()?.clone(),
            period: named(c::PERIOD)?.str()?.clone(),
            value: named(c::VALUE)?.f64()?.clone(),
            flags: named(c::FLAGS)?.str()?.clone(),
            progress: named(c::PROGRESS)?.f64()?.clone(),
        })
    }

    fn at(&self, run: usize) -> Option<PointRef<'_>> {
        Some(PointRef {
            year: self.year.get(run)?,
            label: self.period.get(run).unwrap_or_default(),
            value: self.value.get(run).unwrap_or(f64::NAN),
            flags: self.flags.get(run).unwrap_or_default(),
            progress: self.progress.get(run),
        })
    }

    fn append(&mut self, other: &Self) -> PolarsResult<()> {
        self.year.append(&other.year)?;
        self.period.append(&other.period)?;
        self.value.append(&other.value)?;
        self.flags.append(&other.flags)?;
        self.progress.append(&other.progress)?;
        Ok(())
    }
}

/// The group-by's answer for every run, in run order.
pub(crate) struct Aggregated {
    n: Vec<u32>,
    usable: Vec<u32>,
    first: PointColumns,
    latest: PointColumns,
    previous: PointColumns,
    from_base: PointColumns,
    eurostat_base: PointColumns,
    mean_x: Vec<Option<f64>>,
    mean_y: Vec<Option<f64>>,
    sxx: Vec<Option<f64>>,
    sxy: Vec<Option<f64>>,
    /// The runs with points that are not usable.
    partly_usable: PlHashMap<usize, UsablePicks>,
    /// The runs with a break after their first point: their points and
    /// base year (picked by `Picks::of_points`, on the last segment).
    broken: PlHashMap<usize, (Vec<Point>, i32)>,
    eurostat: bool,
}

impl Aggregated {
    /// Summarises every run of `frame`, `base_from[run]` being the year its
    /// baseline is looked for from (the options' base year, else 2015).
    /// `eurostat`: whether to pick Eurostat's start too.
    pub(crate) fn of(
        frame: &DataFrame,
        runs: &SeriesRuns<'_>,
        base_from: &[i32],
        eurostat: bool,
    ) -> PolarsResult<Self> {
        let mut all: Option<Aggregated> = None;
        let mut first_run = 0;
        while first_run < runs.len() {
            let start = runs.rows(first_run).start;
            let mut end_run = first_run + 1;
            while end_run < runs.len() && runs.rows(end_run).end - start <= ROWS_AT_A_TIME {
                end_run += 1;
            }
            let part = group(frame, runs, first_run..end_run, base_from, eurostat)?;
            match &mut all {
                Some(all) => all.append(part, first_run)?,
                None => all = Some(part),
            }
            first_run = end_run;
        }
        match all {
            Some(all) => Ok(all),
            None => {
                let empty = frame.slice(0, 0);
                let runs = SeriesRuns::empty();
                group(&empty, &runs, 0..0, &[], eurostat)
            }
        }
    }

    /// Appends the answer for the runs from `first_run` on.
    fn append(&mut self, other: Aggregated, first_run: usize) -> PolarsResult<()> {
        self.n.extend(other.n);
        self.usable.extend(other.usable);
        self.first.append(&other.first)?;
        self.latest.append(&other.latest)?;
        self.previous.append(&other.previous)?;
        self.from_base.append(&other.from_base)?;
        self.eurostat_base.append(&other.eurostat_base)?;
        self.mean_x.extend(other.mean_x);
        self.mean_y.extend(other.mean_y);
        self.sxx.extend(other.sxx);
        self.sxy.extend(other.sxy);
        self.partly_usable.extend(
            other
                .partly_usable
                .into_iter()
                .map(|(run, picks)| (first_run + run, picks)),
        );
        self.broken.extend(
            other
                .broken
                .into_iter()
                .map(|(run, points)| (first_run + run, points)),
        );
        Ok(())
    }

    /// The picks of run `run`.
    pub(crate) fn picks(&self, run: usize) -> Picks<'_> {
        if let Some((points, from)) = self.broken.get(&run) {
            let mut picks = Picks::of_points(points, Some(*from));
            if !self.eurostat {
                picks.eurostat_base = None;
            }
            return picks;
        }
        let n = self.n[run] as usize;
        fn baseline(p: Option<PointRef<'_>>) -> Option<PointRef<'_>> {
            p.map(|p| PointRef { flags: "", ..p })
        }
        let (first, from_base, latest) = (
            self.first.at(run),
            self.from_base.at(run),
            self.latest.at(run),
        );
        let measured = |p: PointRef<'_>| (p.year, p.progress.unwrap_or(p.value));
        // Every point usable: the usable picks are the points themselves.
        let usable = match self.partly_usable.get(&run) {
            Some(&picks) => picks,
            None => UsablePicks {
                first: first.map(measured),
                from_base: from_base.map(measured),
                last: latest.map(measured),
                eurostat_base: self.eurostat_base.at(run).map(measured),
            },
        };
        Picks {
            first: baseline(first),
            from_base: baseline(from_base),
            latest,
            // A run of one point has no previous one.
            previous: self.previous.at(run).filter(|_| n >= 2),
            usable_first: usable.first,
            usable_from_base: usable.from_base,
            usable_last: usable.last,
            eurostat_base: usable.eurostat_base,
            line: LineSums {
                n,
                mean_x: self.mean_x[run].unwrap_or(f64::NAN),
                mean_y: self.mean_y[run].unwrap_or(f64::NAN),
                sxx: self.sxx[run].unwrap_or(f64::NAN),
                sxy: self.sxy[run].unwrap_or(f64::NAN),
            },
            break_year: None,
        }
    }
}

/// The answer for the runs `which` of `frame`, in two group-bys of plain
/// aggregations (first, last, the second-last, sums, means), which polars
/// computes over each run's slice of rows; an expression evaluated per
/// group instead (a filter, a mean subtracted inside the group) ran once
/// per series and took 4 s for 10M rows.
///
/// Rows in a run are in year order, so the point a year rule picks is a
/// position: the baseline is the first row from the base year, that is the
/// run's start plus the number of rows before the base year, a sum. Those
/// rows are then gathered from the frame.
fn group(
    frame: &DataFrame,
    runs: &SeriesRuns<'_>,
    which: Range<usize>,
    base_from: &[i32],
    eurostat: bool,
) -> PolarsResult<Aggregated> {
    let rows = match (which.start, which.end.checked_sub(1)) {
        (start, Some(last)) if start <= last => runs.rows(start).start..runs.rows(last).end,
        _ => 0..0,
    };
    let height = rows.len();
    let lengths: Vec<usize> = which.clone().map(|run| runs.rows(run).len()).collect();
    // Where each run starts in `part`.
    let starts: Vec<usize> = lengths
        .iter()
        .scan(0, |at, &len| {
            let start = *at;
            *at += len;
            Some(start)
        })
        .collect();
    let mut run_of_row: Vec<u32> = Vec::with_capacity(height);
    let mut from_of_row: Vec<i32> = Vec::with_capacity(height);
    for (i, &len) in lengths.iter().enumerate() {
        run_of_row.extend(std::iter::repeat_n(i as u32, len));
        from_of_row.extend(std::iter::repeat_n(base_from[which.start + i], len));
    }
    let mut run_column = UInt32Chunked::from_vec(name::RUN.into(), run_of_row);
    // The runs are in order: polars groups a sorted key by slices.
    run_column.set_sorted_flag(polars::series::IsSorted::Ascending);
    let part = frame.slice(rows.start as i64, height);
    let mut columns = vec![
        run_column.into_column(),
        Int32Chunked::from_vec(name::FROM.into(), from_of_row).into_column(),
    ];
    for column in POINT {
        columns.push(part.column(column)?.clone());
    }
    let mut rows_frame = DataFrame::new(height, columns)?;

    // First pass: the points by position, how many rows come before the
    // base year and are usable, and the means.
    let mut first_pass = vec![len().alias(name::N)];
    for column in POINT {
        first_pass.push(col(column).first().alias(format!("first_{column}")));
        first_pass.push(col(column).last().alias(format!("latest_{column}")));
        first_pass.push(
            col(column)
                .slice(lit(-2i64), lit(1u32))
                .first()
                .alias(format!("previous_{column}")),
        );
    }
    first_pass.push(col(name::BEFORE_BASE).sum());
    first_pass.push(col(name::USABLE).sum());
    // A frame's values are never null (a missing value is no observation).
    first_pass.push(
        col(c::YEAR)
            .cast(DataType::Float64)
            .mean()
            .alias(name::MEAN_X),
    );
    first_pass.push(col(c::VALUE).mean().alias(name::MEAN_Y));
    let answer = rows_frame
        .clone()
        .lazy()
        .with_columns([
            col(c::YEAR).lt(col(name::FROM)).alias(name::BEFORE_BASE),
            measured().is_finite().alias(name::USABLE),
        ])
        .group_by_stable([col(name::RUN)])
        .agg(first_pass)
        .collect()?;
    let floats = |frame: &DataFrame, column: &str| -> PolarsResult<Vec<Option<f64>>> {
        Ok(frame.column(column)?.f64()?.iter().collect())
    };
    let n = counts_of(&answer, name::N)?;
    let usable = counts_of(&answer, name::USABLE)?;
    let before_base = counts_of(&answer, name::BEFORE_BASE)?;
    let mean_x = floats(&answer, name::MEAN_X)?;
    let mean_y = floats(&answer, name::MEAN_Y)?;
    let latest = PointColumns::of(&answer, "latest_")?;

    // Second pass, with each run's means (and last year) on its rows: the
    // trend line's sums, and how many rows come before Eurostat's start.
    let per_row = |name: &str, of_run: &[Option<f64>]| -> Column {
        let mut out = Vec::with_capacity(height);
        for (mean, &len) in of_run.iter().zip(&lengths) {
            out.extend(std::iter::repeat_n(mean.unwrap_or(f64::NAN), len));
        }
        Float64Chunked::from_vec(name.into(), out).into_column()
    };
    rows_frame.with_column(per_row(name::MEAN_X, &mean_x))?;
    rows_frame.with_column(per_row(name::MEAN_Y, &mean_y))?;
    let dx = || col(c::YEAR).cast(DataType::Float64) - col(name::MEAN_X);
    let dy = || col(c::VALUE) - col(name::MEAN_Y);
    let mut row_wise = vec![
        (dx() * dx()).alias(name::SXX),
        (dx() * dy()).alias(name::SXY),
    ];
    let mut second_pass = vec![col(name::SXX).sum(), col(name::SXY).sum()];
    if eurostat {
        let mut last = Vec::with_capacity(height);
        for (i, &len) in lengths.iter().enumerate() {
            last.extend(std::iter::repeat_n(
                latest.year.get(i).unwrap_or_default(),
                len,
            ));
        }
        rows_frame
            .with_column(Int32Chunked::from_vec(name::LAST_YEAR.into(), last).into_column())?;
        row_wise.push(
            col(c::YEAR)
                .lt(col(name::LAST_YEAR) - lit(crate::progress::EUROSTAT_PERIOD_YEARS))
                .alias(name::BEFORE_EUROSTAT),
        );
        second_pass.push(col(name::BEFORE_EUROSTAT).sum());
    }
    let sums = rows_frame
        .lazy()
        .with_columns(row_wise)
        .group_by_stable([col(name::RUN)])
        .agg(second_pass)
        .collect()?;

    // The baseline's row: the first from the base year, if any.
    let at = |skip: &[u32], within: &dyn Fn(usize, usize) -> bool| -> IdxCa {
        (0..lengths.len())
            .map(|i| {
                let k = skip[i] as usize;
                (k < lengths[i] && within(i, starts[i] + k)).then(|| (starts[i] + k) as IdxSize)
            })
            .collect()
    };
    let gather = |rows: &IdxCa| -> PolarsResult<PointColumns> {
        let mut gathered = Vec::with_capacity(POINT.len());
        for column in POINT {
            gathered.push(part.column(column)?.take(rows)?);
        }
        PointColumns::of(&DataFrame::new(rows.len(), gathered)?, "")
    };
    let from_base = gather(&at(&before_base, &|_, _| true))?;
    // Eurostat's start: the first row from t − 5, if it is no later than
    // t − 3 (t the last year).
    let eurostat_base = if eurostat {
        let years = part.column(c::YEAR)?.i32()?.rechunk();
        let skip = counts_of(&sums, name::BEFORE_EUROSTAT)?;
        gather(&at(&skip, &|i, row| {
            let last = latest.year.get(i).unwrap_or_default();
            years
                .get(row)
                .is_some_and(|year| year <= last - crate::progress::EUROSTAT_MIN_PERIOD_YEARS)
        }))?
    } else {
        gather(&at(&vec![u32::MAX; lengths.len()], &|_, _| false))?
    };

    let bases = &base_from[which.start..which.end];
    let (partly_usable, broken) =
        apart::runs_apart(&part, &starts, &lengths, (&n, &usable), bases, eurostat)?;
    Ok(Aggregated {
        first: PointColumns::of(&answer, "first_")?,
        previous: PointColumns::of(&answer, "previous_")?,
        latest,
        from_base,
        eurostat_base,
        sxx: floats(&sums, name::SXX)?,
        sxy: floats(&sums, name::SXY)?,
        n,
        usable,
        mean_x,
        mean_y,
        partly_usable,
        broken,
        eurostat,
    })
}

fn counts_of(frame: &DataFrame, column: &str) -> PolarsResult<Vec<u32>> {
    Ok(frame
        .column(column)?
        .cast(&DataType::UInt32)?
        .u32()?
        .iter()
        .map(Option::unwrap_or_default)
        .collect())
}

/// The value progress is measured on: the `Progress` column where the
/// data has one, else the value.
fn measured() -> Expr {
    when(col(c::PROGRESS).is_not_null())
        .then(col(c::PROGRESS))
        .otherwise(col(c::VALUE))
}

/// The year a run's baseline is looked for from under `base_year`.
pub(crate) fn base_from(base_year: Option<i32>) -> i32 {
    base_year.unwrap_or(DEFAULT_BASE_YEAR)
}

#[cfg(test)]
#[path = "grouped_tests.rs"]
mod tests;
