//! The council's yearly review: for a data year, what improved and what
//! worsened since the year before and since the baseline, and which statuses
//! changed. Every status is computed twice from the observations themselves,
//! once from the periods up to the year before and once from those up to the
//! year, so the answer does not depend on which releases happen to exist.
//! Pure computation over the model; the pages word it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::{Dataset, Dimensions, Direction, Indicator, Observation, Series, SourceRef};
use crate::progress::{ProgressMethod, ProgressStatus};
use crate::statuses::{compute, Statuses};
use crate::summary::{Baseline, SeriesSummary};

crate::wire_enum! {
    /// How a value moved between two years, judged by the indicator's
    /// desired direction.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Verdict: "verdict" {
        Improved = "improved",
        Worsened = "worsened",
        /// The change rounds to zero at the decimals the indicator publishes.
        Unchanged = "unchanged",
    }
}

/// A value in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearValue {
    pub year: i32,
    pub label: String,
    pub value: f64,
    pub flags: String,
}

/// One indicator in the yearly report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorYear {
    pub indicator_id: String,
    /// The series compared: the headline, or the first series of an
    /// indicator published only disaggregated (what its page opens on).
    pub dimensions: Dimensions,
    /// The value of the report year, if there is one.
    pub current: Option<YearValue>,
    /// The value of the year before, if there is one.
    pub previous: Option<YearValue>,
    /// The baseline, as chosen from the periods up to the report year.
    pub baseline: Option<Baseline>,
    /// `current` against `previous`; `None` when either is missing.
    pub since_previous: Option<Verdict>,
    /// `current` against the baseline; `None` without both, or when the
    /// baseline is the report year itself.
    pub since_baseline: Option<Verdict>,
    /// The compared series' breaks in series up to the report year (years
    /// where a new, not comparable segment starts). `since_previous` and
    /// `since_baseline` are `None` across one: a page says "series break".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<i32>,
    /// The indicator's status from the periods up to the year before.
    pub status_before: ProgressStatus,
    /// The indicator's status from the periods up to the report year.
    pub status_now: ProgressStatus,
    /// Every series of the indicator, periods up to the report year only
    /// (for charts as they stood), headline first.
    pub series: Vec<Series>,
    /// Their summaries from the same periods.
    pub summaries: Vec<SeriesSummary>,
}

impl IndicatorYear {
    pub fn status_changed(&self) -> bool {
        self.status_before != self.status_now
    }

    /// The compared series' summary (for its narrative).
    pub fn summary(&self) -> Option<&SeriesSummary> {
        self.summaries
            .iter()
            .find(|s| s.dimensions == self.dimensions)
    }
}

/// The yearly report's facts, indicator by indicator in catalogue order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearReport {
    pub year: i32,
    pub method: ProgressMethod,
    pub indicators: Vec<IndicatorYear>,
}

/// The data years a report can be made for: every year with an observation
/// of one of `indicators`, newest first.
pub fn report_years<'a>(observations: impl Iterator<Item = &'a Observation>) -> Vec<i32> {
    let years: BTreeSet<i32> = observations.map(|o| o.period.year).collect();
    years.into_iter().rev().collect()
}

/// The observations of `series`, in order, as a dataset would hold them.
/// Lines number them in the order given so that the status computation,
/// which reads a file top down, sees them in the same order.
pub fn observations_of(series: &[Series]) -> Vec<Observation> {
    let file: std::sync::Arc<str> = std::sync::Arc::from("");
    let mut line = 1;
    let mut out = Vec::new();
    for s in series {
        for p in &s.points {
            line += 1;
            out.push(Observation {
                indicator_id: s.key.indicator_id.clone(),
                period: p.period.clone(),
                dimensions: s.key.dimensions.clone(),
                value: p.value,
                flags: p.flags.clone(),
                progress: p.progress,
                source: SourceRef {
                    file: file.clone(),
                    line,
                },
            });
        }
    }
    out
}

/// The report for data year `year` over `indicators` and their
/// `observations`, statuses by `method`.
pub fn year_report(
    indicators: &[Indicator],
    observations: &[Observation],
    method: ProgressMethod,
    year: i32,
) -> YearReport {
    let up_to = |last: i32| Dataset {
        indicators: indicators.to_vec(),
        areas: Vec::new(),
        observations: observations
            .iter()
            .filter(|o| o.period.year <= last)
            .cloned()
            .collect(),
        ..Dataset::default()
    };
    let now_data = up_to(year);
    let now = compute(&now_data, method);
    let before = compute(&up_to(year - 1), method);
    let all_series = now_data.series_by_indicator();
    let items = indicators
        .iter()
        // A qualitative indicator has statements, not values or a status.
        .filter(|indicator| !indicator.is_qualitative())
        .map(|indicator| {
            let series = all_series
                .get(indicator.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            indicator_year(indicator, series, &now, &before, year)
        })
        .collect();
    YearReport {
        year,
        method,
        indicators: items,
    }
}

fn indicator_year(
    indicator: &Indicator,
    series: &[Series],
    now: &Statuses,
    before: &Statuses,
    year: i32,
) -> IndicatorYear {
    let status = |s: &Statuses| {
        s.indicator(&indicator.id)
            .map_or(ProgressStatus::NotAvailable, |s| s.status)
    };
    let compared = series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .or_else(|| series.first());
    let dimensions = compared
        .map(|s| s.key.dimensions.clone())
        .unwrap_or_default();
    let in_year = |wanted: i32| {
        compared.and_then(|s| {
            // The last period starting in that year (a year has one period
            // in most files; a school year `2019/2020` starts in 2019).
            s.points
                .iter()
                .rev()
                .find(|p| p.period.year == wanted)
                .map(|p| YearValue {
                    year: wanted,
                    label: p.period.label.clone(),
                    value: p.value,
                    flags: p.flags.clone(),
                })
        })
    };
    let current = in_year(year);
    let previous = in_year(year - 1);
    let breaks: Vec<i32> = compared
        .map(|s| {
            crate::model::breaks::break_periods(&s.points)
                .iter()
                .map(|p| p.year)
                .collect()
        })
        .unwrap_or_default();
    // Values on either side of a break are not comparable.
    let comparable = |from: i32, to: i32| !breaks.iter().any(|&b| from < b && b <= to);
    let summaries: Vec<SeriesSummary> = now
        .series
        .iter()
        .filter(|s| s.indicator_id == indicator.id)
        .cloned()
        .collect();
    let baseline = summaries
        .iter()
        .find(|s| s.dimensions == dimensions)
        .and_then(|s| s.baseline.clone());
    let decimals = usize::from(indicator.decimals);
    let since_previous = current
        .as_ref()
        .zip(previous.as_ref())
        .filter(|(c, p)| comparable(p.year, c.year))
        .map(|(c, p)| verdict(c.value - p.value, decimals, indicator.direction));
    let since_baseline = current
        .as_ref()
        .zip(baseline.as_ref())
        .filter(|(c, b)| b.year < c.year && comparable(b.year, c.year))
        .map(|(c, b)| verdict(c.value - b.value, decimals, indicator.direction));
    IndicatorYear {
        indicator_id: indicator.id.clone(),
        dimensions,
        current,
        previous,
        baseline,
        since_previous,
        since_baseline,
        breaks,
        status_before: status(before),
        status_now: status(now),
        series: series.to_vec(),
        summaries,
    }
}

/// Improved when the change goes the desired way, unchanged when it rounds
/// to zero at the published decimals (what a reader of the table sees).
pub fn verdict(change: f64, decimals: usize, direction: Direction) -> Verdict {
    let shown_precision = 10f64.powi(-(decimals as i32)) / 2.0;
    if change.abs() < shown_precision {
        Verdict::Unchanged
    } else if change * direction.sign() > 0.0 {
        Verdict::Improved
    } else {
        Verdict::Worsened
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Point, SeriesKey};

    fn indicator(id: &str, direction: Direction, target: Option<f64>) -> Indicator {
        let mut i = Indicator::new(id, id, "%", direction, &["1.2"]);
        i.target_value = target;
        i.decimals = 1;
        i
    }

    fn series(id: &str, dims: &[(&str, &str)], values: &[(i32, f64)]) -> Series {
        Series {
            key: SeriesKey {
                indicator_id: id.into(),
                dimensions: Dimensions::new(dims.iter().copied()),
            },
            points: values
                .iter()
                .map(|&(year, value)| Point {
                    period: Period::year(year),
                    value,
                    flags: String::new(),
                    progress: None,
                })
                .collect(),
        }
    }

    #[test]
    fn the_report_compares_the_year_with_the_year_before_and_the_baseline() {
        let poverty = indicator("poverty", Direction::Lower, None);
        let jobs = indicator("jobs", Direction::Higher, None);
        let observations = observations_of(&[
            series("poverty", &[], &[(2015, 14.2), (2022, 12.0), (2023, 12.4)]),
            series(
                "poverty",
                &[("sex", "female")],
                &[(2015, 15.0), (2023, 11.0)],
            ),
            series("jobs", &[], &[(2016, 60.0), (2022, 65.0), (2023, 65.04)]),
        ]);
        let report = year_report(
            &[poverty, jobs],
            &observations,
            ProgressMethod::OpenSdg,
            2023,
        );
        let p = &report.indicators[0];
        assert_eq!(p.dimensions, Dimensions::default(), "the headline");
        assert_eq!(p.current.as_ref().map(|v| v.value), Some(12.4));
        assert_eq!(p.previous.as_ref().map(|v| v.value), Some(12.0));
        // Lower is better: 12.0 → 12.4 is worse, 14.2 → 12.4 better.
        assert_eq!(p.since_previous, Some(Verdict::Worsened));
        assert_eq!(p.since_baseline, Some(Verdict::Improved));
        assert_eq!(p.baseline.as_ref().map(|b| b.year), Some(2015));
        let j = &report.indicators[1];
        // 65.0 → 65.04 shows as 65.0 both years.
        assert_eq!(j.since_previous, Some(Verdict::Unchanged));
        assert_eq!(j.since_baseline, Some(Verdict::Improved));
    }

    #[test]
    fn statuses_are_computed_from_the_periods_up_to_each_year() {
        // Poverty falls 2015–2022, then rises sharply in 2023: from data up
        // to 2022 the status is progress, with 2023 it turns to deterioration.
        let poverty = indicator("poverty", Direction::Lower, None);
        let observations = observations_of(&[series(
            "poverty",
            &[],
            &[(2015, 14.0), (2022, 12.0), (2023, 16.0)],
        )]);
        let report = year_report(&[poverty], &observations, ProgressMethod::OpenSdg, 2023);
        let p = &report.indicators[0];
        assert_eq!(p.status_before, ProgressStatus::SubstantialProgress);
        assert_eq!(p.status_now, ProgressStatus::Deterioration);
        assert!(p.status_changed());
        // The year before has one period up to 2022 only for 2022's report.
        let report = year_report(
            &[indicator("poverty", Direction::Lower, None)],
            &observations,
            ProgressMethod::OpenSdg,
            2015,
        );
        assert_eq!(
            report.indicators[0].status_now,
            ProgressStatus::NotAvailable
        );
        assert_eq!(
            report.indicators[0].since_baseline, None,
            "the baseline is that year"
        );
        assert_eq!(report.indicators[0].previous, None);
    }

    #[test]
    fn an_indicator_without_a_headline_is_compared_on_its_first_series() {
        let by_sex = indicator("by-sex", Direction::Higher, None);
        let observations = observations_of(&[
            series("by-sex", &[("sex", "female")], &[(2022, 1.0), (2023, 2.0)]),
            series("by-sex", &[("sex", "male")], &[(2022, 5.0), (2023, 1.0)]),
        ]);
        let report = year_report(&[by_sex], &observations, ProgressMethod::OpenSdg, 2023);
        let i = &report.indicators[0];
        assert_eq!(i.dimensions.slug(), "sex=female");
        assert_eq!(i.since_previous, Some(Verdict::Improved));
    }

    #[test]
    fn a_break_in_the_report_year_is_not_compared_with_the_years_before() {
        let rent = indicator("rent", Direction::Lower, None);
        let mut broken = series("rent", &[], &[(2015, 30.0), (2022, 31.0), (2023, 40.0)]);
        broken.points[2].flags = "b".into();
        let observations = observations_of(&[broken]);
        let report = year_report(
            std::slice::from_ref(&rent),
            &observations,
            ProgressMethod::OpenSdg,
            2023,
        );
        let r = &report.indicators[0];
        assert_eq!(r.breaks, [2023]);
        // 31 → 40 would read "worsened": it is a new way of counting.
        assert_eq!(r.since_previous, None);
        assert_eq!(r.since_baseline, None);
        assert_eq!(r.baseline.as_ref().map(|b| b.year), Some(2023));
        assert_eq!(r.status_now, ProgressStatus::NotAvailable);
        // The year before knows nothing of the break.
        let report = year_report(&[rent], &observations, ProgressMethod::OpenSdg, 2022);
        assert!(report.indicators[0].breaks.is_empty());
        assert_eq!(
            report.indicators[0].since_previous, None,
            "no value in 2021"
        );
        assert_eq!(report.indicators[0].since_baseline, Some(Verdict::Worsened));
    }

    #[test]
    fn report_years_are_the_years_with_data_newest_first() {
        let observations = observations_of(&[series("x", &[], &[(2019, 1.0), (2021, 2.0)])]);
        assert_eq!(report_years(observations.iter()), vec![2021, 2019]);
    }
}
