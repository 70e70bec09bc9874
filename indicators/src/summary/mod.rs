//! Everything the dashboard says about one series: its baseline (and which
//! rule chose it), latest value, changes since the baseline and since the
//! previous year, growth rate, a linear trend projected to the target year,
//! and the progress status with its reasons. A series with a break (flag
//! `b`) is summarised on its last segment only: the points from the last
//! break on.

use serde::{Deserialize, Serialize};

#[cfg(feature = "pipeline")]
pub(crate) mod grouped;

use crate::model::{
    breaks, CountedSeries, Dimensions, Indicator, Period, Point, ProgressOptions, Series,
};
use crate::progress::{
    self, ProgressInputs, ProgressMethod, ProgressResult, Unavailable, DEFAULT_BASE_YEAR,
    DEFAULT_TARGET_YEAR,
};

crate::wire_enum! {
    /// Why the baseline is the year it is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum BaselineRule: "baseline rule" {
        /// The catalogue's (or Open SDG options') baseline year, which has data.
        Catalogue = "catalogue",
        /// The catalogue's baseline year has no data; the next later year does.
        CatalogueNextYearWithData = "catalogue-next-year-with-data",
        /// No baseline year set: 2015 (Open SDG's default), or the next later year with data.
        DefaultYear = "default-year",
        /// No baseline set and no data from 2015 on: the first year with data.
        FirstYearWithData = "first-year-with-data",
        /// The baseline year (set, or 2015) lies before the series' last
        /// break: the first period after the break, since earlier values
        /// are not comparable (see [`crate::model::breaks`]).
        SeriesBreak = "series-break",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub year: i32,
    pub label: String,
    pub value: f64,
    pub rule: BaselineRule,
}

/// A change between two values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub from_year: i32,
    pub to_year: i32,
    pub absolute: f64,
    /// `None` when the earlier value is 0.
    pub percent: Option<f64>,
}

impl Change {
    fn between(from: PointRef<'_>, to: PointRef<'_>) -> Self {
        let absolute = to.value - from.value;
        Change {
            from_year: from.year,
            to_year: to.year,
            absolute,
            percent: (from.value != 0.0).then(|| absolute / from.value.abs() * 100.0),
        }
    }
}

/// A least-squares line through the series, projected to `year`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub slope_per_year: f64,
    pub intercept: f64,
    pub projected_year: i32,
    pub projected_value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesSummary {
    pub indicator_id: String,
    pub dimensions: Dimensions,
    pub baseline: Option<Baseline>,
    pub latest: Option<Point>,
    pub previous: Option<Point>,
    pub change_since_baseline: Option<Change>,
    pub change_since_previous: Option<Change>,
    /// Compound annual growth rate from the baseline to the latest year.
    pub cagr: Option<f64>,
    pub trend: Option<Trend>,
    pub progress: ProgressResult,
    /// Whether its score is one of those that make the indicator's status
    /// ([`crate::selection::counted_series`]).
    #[serde(default)]
    pub counts: bool,
}

/// The progress options that apply: the indicator's first Open SDG option
/// entry, or the catalogue's fields.
pub fn options_for(indicator: &Indicator) -> ProgressOptions {
    indicator
        .progress_options
        .first()
        .cloned()
        .unwrap_or_else(|| ProgressOptions {
            direction: Some(indicator.direction),
            base_year: indicator.baseline_year,
            target: indicator.target_value,
            target_year: indicator.target_year,
            limit: indicator.natural_limit,
            ..ProgressOptions::default()
        })
}

/// One observation as a summary needs it, borrowed from wherever the
/// series is kept: a [`Point`], or a row of the group-by's answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PointRef<'a> {
    pub year: i32,
    pub label: &'a str,
    pub value: f64,
    pub flags: &'a str,
    pub progress: Option<f64>,
}

impl<'a> PointRef<'a> {
    fn of(point: &'a Point) -> Self {
        PointRef {
            year: point.period.year,
            label: &point.period.label,
            value: point.value,
            flags: &point.flags,
            progress: point.progress,
        }
    }

    fn to_point(self) -> Point {
        Point {
            period: Period {
                year: self.year,
                label: self.label.to_owned(),
            },
            value: self.value,
            flags: self.flags.to_owned(),
            progress: self.progress,
        }
    }
}

/// `(year, the value progress is measured on)` of a point that has one: its
/// `Progress` column where the data has one, else its value, if finite.
pub(crate) type Usable = (i32, f64);

/// The sums a least-squares line over `(year, value)` is made of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LineSums {
    pub n: usize,
    pub mean_x: f64,
    pub mean_y: f64,
    /// Σ (year − mean year)².
    pub sxx: f64,
    /// Σ (year − mean year)(value − mean value).
    pub sxy: f64,
}

impl LineSums {
    fn of(points: &[Point]) -> Self {
        let n = points.len() as f64;
        let mean_x = points.iter().map(|p| f64::from(p.period.year)).sum::<f64>() / n;
        let mean_y = points.iter().map(|p| p.value).sum::<f64>() / n;
        LineSums {
            n: points.len(),
            mean_x,
            mean_y,
            sxx: points
                .iter()
                .map(|p| (f64::from(p.period.year) - mean_x).powi(2))
                .sum(),
            sxy: points
                .iter()
                .map(|p| (f64::from(p.period.year) - mean_x) * (p.value - mean_y))
                .sum(),
        }
    }

    /// The line projected to `year`: none through fewer than two points or
    /// a single year.
    fn trend(&self, year: i32) -> Option<Trend> {
        if self.n < 2 || self.sxx == 0.0 {
            return None;
        }
        let slope = self.sxy / self.sxx;
        let intercept = self.mean_y - slope * self.mean_x;
        Some(Trend {
            slope_per_year: slope,
            intercept,
            projected_year: year,
            projected_value: intercept + slope * f64::from(year),
        })
    }
}

/// What a series' summary and status are made of: a few of its points,
/// chosen by position and year, and the sums of its trend line. They are
/// picked from structs by [`Picks::of_points`], or for every series of a
/// frame at once by one polars group-by (`grouped.rs`); from the picks on
/// there is one code path, so the rules below are written once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Picks<'a> {
    pub first: Option<PointRef<'a>>,
    /// The first point in or after the base year: the options' base year,
    /// else [`DEFAULT_BASE_YEAR`].
    pub from_base: Option<PointRef<'a>>,
    pub latest: Option<PointRef<'a>>,
    /// The point before the latest.
    pub previous: Option<PointRef<'a>>,
    /// The first usable point, the first in or after the base year, the last.
    pub usable_first: Option<Usable>,
    pub usable_from_base: Option<Usable>,
    pub usable_last: Option<Usable>,
    /// Eurostat's start: the first usable point from `t − 5` to `t − 3`,
    /// `t` the last usable year.
    pub eurostat_base: Option<Usable>,
    pub line: LineSums,
    /// The year of the last break in series, when the series has one after
    /// its first point: every pick above is from that point on.
    pub break_year: Option<i32>,
}

impl<'a> Picks<'a> {
    /// The picks of `points` (sorted by period) for a series whose options
    /// set `base_year`, from its last break on (values before a break are
    /// not comparable with those after it).
    pub(crate) fn of_points(points: &'a [Point], base_year: Option<i32>) -> Self {
        let start = breaks::last_segment_start(points);
        let break_year = (start > 0).then(|| points[start].period.year);
        let points = &points[start..];
        let from = base_year.unwrap_or(DEFAULT_BASE_YEAR);
        let usable: Vec<Usable> = points
            .iter()
            .map(|p| (p.period.year, p.progress.unwrap_or(p.value)))
            .filter(|(_, value)| value.is_finite())
            .collect();
        let eurostat_base = usable.last().and_then(|&(t, _)| {
            usable
                .iter()
                .find(|(year, _)| {
                    (t - progress::EUROSTAT_PERIOD_YEARS..=t - progress::EUROSTAT_MIN_PERIOD_YEARS)
                        .contains(year)
                })
                .copied()
        });
        Picks {
            first: points.first().map(PointRef::of),
            from_base: points
                .iter()
                .find(|p| p.period.year >= from)
                .map(PointRef::of),
            latest: points.last().map(PointRef::of),
            previous: points
                .len()
                .checked_sub(2)
                .and_then(|i| points.get(i))
                .map(PointRef::of),
            usable_first: usable.first().copied(),
            usable_from_base: usable.iter().find(|(year, _)| *year >= from).copied(),
            usable_last: usable.last().copied(),
            eurostat_base,
            line: LineSums::of(points),
            break_year,
        }
    }

    /// The baseline point and its rule, for options that set `set_year`.
    fn baseline(&self, set_year: Option<i32>) -> Option<(PointRef<'a>, BaselineRule)> {
        // A baseline year before the last break: the segment's first period
        // (the picks hold nothing before it).
        if let Some(break_year) = self.break_year {
            if set_year.unwrap_or(DEFAULT_BASE_YEAR) < break_year {
                return self.first.map(|p| (p, BaselineRule::SeriesBreak));
            }
        }
        match set_year {
            // The first point in or after the set year: that year if it has
            // data, else the next year that does.
            Some(year) => self.from_base.map(|p| {
                let rule = if p.year == year {
                    BaselineRule::Catalogue
                } else {
                    BaselineRule::CatalogueNextYearWithData
                };
                (p, rule)
            }),
            None => self
                .from_base
                .map(|p| (p, BaselineRule::DefaultYear))
                .or_else(|| self.first.map(|p| (p, BaselineRule::FirstYearWithData))),
        }
    }

    /// The inputs of the progress calculation under `options`.
    fn progress_inputs(
        &self,
        indicator: &Indicator,
        options: &ProgressOptions,
    ) -> Option<ProgressInputs> {
        let (base_year, base_value) = match options.base_year {
            Some(_) => self.usable_from_base?,
            None => match self.usable_from_base {
                Some(base) => base,
                // sdg-build's base year is 2015 or a later year with data,
                // never an earlier one: an Open SDG series with data only
                // before it has no inputs.
                None if indicator.counted_series == CountedSeries::OpenSdgOptions => return None,
                None => self.usable_first?,
            },
        };
        let (current_year, current_value) = self.usable_last?;
        Some(Self::inputs(
            (base_year, base_value),
            (current_year, current_value),
            indicator,
            options,
        ))
    }

    /// Eurostat's short-term inputs: from `t − 5` to the latest year `t`;
    /// where `t − 5` has no value, the first later year that has one, as
    /// long as the period still spans three years (`t − 3`). The baseline
    /// does not apply: the period moves as data arrives.
    fn eurostat_inputs(
        &self,
        indicator: &Indicator,
        options: &ProgressOptions,
    ) -> Option<ProgressInputs> {
        Some(Self::inputs(
            self.eurostat_base?,
            self.usable_last?,
            indicator,
            options,
        ))
    }

    fn inputs(
        (base_year, base_value): Usable,
        (current_year, current_value): Usable,
        indicator: &Indicator,
        options: &ProgressOptions,
    ) -> ProgressInputs {
        ProgressInputs {
            base_year,
            base_value,
            current_year,
            current_value,
            target: options.target,
            target_year: options.target_year.unwrap_or(DEFAULT_TARGET_YEAR),
            direction: options.direction.unwrap_or(indicator.direction),
            limit: options.limit,
        }
    }

    /// The progress result under `options`. Without a value in or after the
    /// base year there are no inputs (and none are made up: a NaN input
    /// would be written as `null` and make the release unreadable).
    pub(crate) fn progress(
        &self,
        indicator: &Indicator,
        options: &ProgressOptions,
        method: ProgressMethod,
    ) -> ProgressResult {
        if method == ProgressMethod::Eurostat {
            return match self.eurostat_inputs(indicator, options) {
                Some(inputs) => progress::assess(method, inputs),
                None if self.usable_last.is_some() => {
                    ProgressResult::not_available(method, None, Unavailable::TooShortPeriod)
                }
                None => {
                    ProgressResult::not_available(method, None, Unavailable::NoDataFromBaseYear)
                }
            };
        }
        match self.progress_inputs(indicator, options) {
            Some(inputs) => progress::assess(method, inputs),
            None => ProgressResult::not_available(method, None, Unavailable::NoDataFromBaseYear),
        }
    }

    /// The summary of the series `dimensions` of `indicator`, under
    /// `options` (those the picks were made for).
    pub(crate) fn summary(
        &self,
        indicator: &Indicator,
        dimensions: Dimensions,
        options: &ProgressOptions,
        method: ProgressMethod,
    ) -> SeriesSummary {
        let baseline = self.baseline(options.base_year);
        let latest = self.latest;
        let target_year = options.target_year.unwrap_or(DEFAULT_TARGET_YEAR);
        let since_baseline = baseline
            .zip(latest)
            .filter(|((b, _), l)| b.year < l.year)
            .map(|((b, _), l)| (b, l));
        SeriesSummary {
            indicator_id: indicator.id.clone(),
            dimensions,
            baseline: baseline.map(|(p, rule)| Baseline {
                year: p.year,
                label: p.label.to_owned(),
                value: p.value,
                rule,
            }),
            latest: latest.map(PointRef::to_point),
            previous: self.previous.map(PointRef::to_point),
            change_since_baseline: since_baseline.map(|(b, l)| Change::between(b, l)),
            change_since_previous: self
                .previous
                .zip(latest)
                .map(|(p, l)| Change::between(p, l)),
            cagr: since_baseline
                .filter(|(b, l)| b.value * l.value > 0.0)
                .map(|(b, l)| progress::cagr(b.year, b.value, l.year, l.value)),
            trend: self
                .line
                .trend(target_year.max(latest.map_or(target_year, |l| l.year))),
            progress: self.progress(indicator, options, method),
            counts: false,
        }
    }
}

/// The inputs of the progress calculation for a series under `options`. The
/// value used is the `Progress` column where the data has one.
pub fn progress_inputs(
    points: &[Point],
    indicator: &Indicator,
    options: &ProgressOptions,
) -> Option<ProgressInputs> {
    Picks::of_points(points, options.base_year).progress_inputs(indicator, options)
}

/// Summarises one series of `indicator` by `method` with `options` (the
/// entry of the progress options that counts it, else [`options_for`]).
pub fn summarize(
    series: &Series,
    indicator: &Indicator,
    options: &ProgressOptions,
    method: ProgressMethod,
) -> SeriesSummary {
    Picks::of_points(&series.points, options.base_year).summary(
        indicator,
        series.key.dimensions.clone(),
        options,
        method,
    )
}

/// The progress result of one series under `options`.
pub fn assess_series(
    points: &[Point],
    indicator: &Indicator,
    options: &ProgressOptions,
    method: ProgressMethod,
) -> ProgressResult {
    Picks::of_points(points, options.base_year).progress(indicator, options, method)
}

/// Eurostat's short-term inputs of a series (see [`Picks`]).
pub fn eurostat_inputs(
    points: &[Point],
    indicator: &Indicator,
    options: &ProgressOptions,
) -> Option<ProgressInputs> {
    Picks::of_points(points, options.base_year).eurostat_inputs(indicator, options)
}

/// Ordinary least squares over `(year, value)`, projected to `year`.
pub fn linear_trend(points: &[Point], year: i32) -> Option<Trend> {
    LineSums::of(points).trend(year)
}

#[cfg(test)]
mod tests;
