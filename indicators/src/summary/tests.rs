//! Summaries of series, hand-computed.

use super::*;
use crate::model::{Direction, Period, SeriesKey};
use crate::progress::ProgressStatus;

fn series(points: &[(i32, f64)]) -> Series {
    Series {
        key: SeriesKey {
            indicator_id: "p".into(),
            dimensions: Dimensions::default(),
        },
        points: points
            .iter()
            .map(|&(y, value)| Point {
                period: Period::year(y),
                value,
                flags: String::new(),
                progress: None,
            })
            .collect(),
    }
}

#[test]
fn catalogue_baseline_year_is_used_and_recorded() {
    let mut i = Indicator::new("p", "P", "%", Direction::Lower, &["1.2"]);
    i.baseline_year = Some(2016);
    let s = summarize(
        &series(&[(2014, 20.0), (2016, 18.0), (2020, 15.0), (2021, 14.0)]),
        &i,
        &options_for(&i),
        ProgressMethod::OpenSdg,
    );
    let b = s.baseline.expect("baseline");
    assert_eq!(
        (b.year, b.value, b.rule),
        (2016, 18.0, BaselineRule::Catalogue)
    );
    let since = s.change_since_baseline.expect("change");
    assert_eq!(
        (since.from_year, since.to_year, since.absolute),
        (2016, 2021, -4.0)
    );
    assert!((since.percent.expect("%") - (-4.0 / 18.0 * 100.0)).abs() < 1e-12);
    let prev = s.change_since_previous.expect("previous");
    assert_eq!((prev.from_year, prev.absolute), (2020, -1.0));
}

#[test]
fn baseline_rules_cover_missing_years() {
    let s = series(&[(2012, 1.0), (2013, 2.0), (2017, 3.0)]);
    assert_eq!(
        Picks::of_points(&s.points, Some(2015))
            .baseline(Some(2015))
            .map(|(p, r)| (p.year, r)),
        Some((2017, BaselineRule::CatalogueNextYearWithData))
    );
    assert_eq!(
        Picks::of_points(&s.points, None)
            .baseline(None)
            .map(|(p, r)| (p.year, r)),
        Some((2017, BaselineRule::DefaultYear))
    );
    let old = series(&[(2010, 1.0), (2012, 2.0)]);
    assert_eq!(
        Picks::of_points(&old.points, None)
            .baseline(None)
            .map(|(p, r)| (p.year, r)),
        Some((2010, BaselineRule::FirstYearWithData))
    );
}

#[test]
fn trend_is_least_squares_projected_to_the_target_year() {
    let t = linear_trend(
        &series(&[(2020, 10.0), (2021, 12.0), (2022, 14.0)]).points,
        2030,
    )
    .expect("trend");
    assert!((t.slope_per_year - 2.0).abs() < 1e-12);
    assert!((t.projected_value - 30.0).abs() < 1e-9);
}

#[test]
fn cagr_and_progress_come_with_the_summary() {
    let mut i = Indicator::new("p", "P", "%", Direction::Lower, &["1.2"]);
    i.target_value = Some(7.25);
    i.target_year = Some(2030);
    let s = summarize(
        &series(&[(2015, 14.5), (2019, 12.0), (2023, 10.4)]),
        &i,
        &options_for(&i),
        ProgressMethod::OpenSdg,
    );
    assert_eq!(s.progress.status, ProgressStatus::ModerateProgress);
    assert!((s.cagr.expect("cagr") - ((10.4f64 / 14.5).powf(1.0 / 8.0) - 1.0)).abs() < 1e-12);
}

#[test]
fn eurostat_looks_five_years_back_or_at_least_three() {
    let i = Indicator::new("p", "P", "%", Direction::Higher, &["1.2"]);
    let options = options_for(&i);
    let years = |points: &[(i32, f64)]| {
        eurostat_inputs(&series(points).points, &i, &options)
            .map(|inputs| (inputs.base_year, inputs.current_year))
    };
    let yearly: Vec<(i32, f64)> = (2012..=2021).map(|y| (y, f64::from(y))).collect();
    assert_eq!(years(&yearly), Some((2016, 2021)), "t - 5");
    assert_eq!(
        years(&[(2015, 1.0), (2018, 2.0), (2021, 3.0)]),
        Some((2018, 2021)),
        "t - 5 and t - 4 missing: t - 3"
    );
    assert_eq!(years(&[(2015, 1.0), (2019, 2.0), (2021, 3.0)]), None);
    let short = assess_series(
        &series(&[(2015, 1.0), (2019, 2.0), (2021, 3.0)]).points,
        &i,
        &options,
        ProgressMethod::Eurostat,
    );
    assert_eq!(short.unavailable, Some(Unavailable::TooShortPeriod));
}

#[test]
fn an_open_sdg_series_with_data_only_before_2015_has_no_inputs() {
    let mut i = Indicator::new("p", "P", "%", Direction::Higher, &["1.2"]);
    let old = series(&[(2010, 1.0), (2012, 2.0)]);
    // A city dataset falls back to the first year with data …
    assert!(progress_inputs(&old.points, &i, &options_for(&i)).is_some());
    // … sdg-build does not.
    i.counted_series = CountedSeries::OpenSdgOptions;
    assert_eq!(progress_inputs(&old.points, &i, &options_for(&i)), None);
}

#[test]
fn one_point_series_is_not_available_but_still_summarised() {
    let i = Indicator::new("p", "P", "%", Direction::Lower, &["1.2"]);
    let s = summarize(
        &series(&[(2020, 5.0)]),
        &i,
        &options_for(&i),
        ProgressMethod::OpenSdg,
    );
    assert_eq!(s.progress.status, ProgressStatus::NotAvailable);
    assert_eq!(s.latest.map(|p| p.value), Some(5.0));
    assert!(s.change_since_previous.is_none() && s.trend.is_none());
}

#[test]
fn progress_column_replaces_value_in_the_calculation() {
    let i = Indicator::new("p", "P", "%", Direction::Higher, &["1.2"]);
    let mut s = series(&[(2015, 10.0), (2020, 10.0)]);
    s.points[0].progress = Some(50.0);
    s.points[1].progress = Some(60.0);
    let inputs = progress_inputs(&s.points, &i, &options_for(&i)).expect("inputs");
    assert_eq!((inputs.base_value, inputs.current_value), (50.0, 60.0));
}

/// A series of `(year, value, flags)`.
fn flagged(points: &[(i32, f64, &str)]) -> Series {
    let mut s = series(&points.iter().map(|&(y, v, _)| (y, v)).collect::<Vec<_>>());
    for (p, &(_, _, flags)) in s.points.iter_mut().zip(points) {
        p.flags = flags.to_owned();
    }
    s
}

#[test]
fn a_series_with_a_break_gets_the_status_of_its_last_segment() {
    // Lower is better, no target. Over all years 10 → 16 is a rise
    // (deterioration); from the break in 2018 on, 20 → 16 is a fall:
    // growth (16/20)^(1/2) − 1 = −10.56 % a year, against the desired
    // direction's sign +10.56 % ≥ 1.5 %: substantial progress.
    let i = Indicator::new("p", "P", "%", Direction::Lower, &["1.2"]);
    let values = [
        (2015, 10.0, ""),
        (2016, 11.0, "p"),
        (2017, 12.0, ""),
        (2018, 20.0, "b"),
        (2019, 18.0, ""),
        (2020, 16.0, "e"),
    ];
    let broken = flagged(&values);
    let whole = flagged(&values.map(|(y, v, f)| (y, v, if f == "b" { "" } else { f })));
    let method = ProgressMethod::OpenSdg;
    let s = summarize(&broken, &i, &options_for(&i), method);
    assert_eq!(
        summarize(&whole, &i, &options_for(&i), method)
            .progress
            .status,
        ProgressStatus::Deterioration
    );
    assert_eq!(s.progress.status, ProgressStatus::SubstantialProgress);
    let inputs = s.progress.inputs.expect("inputs");
    assert_eq!(
        (
            inputs.base_year,
            inputs.base_value,
            inputs.current_year,
            inputs.current_value
        ),
        (2018, 20.0, 2020, 16.0)
    );
    let growth = (16.0f64 / 20.0).powf(0.5) - 1.0;
    assert!((s.progress.cagr.expect("cagr") - growth).abs() < 1e-12);
    // The baseline year 2015 lies before the break: the segment's first year.
    let b = s.baseline.expect("baseline");
    assert_eq!(
        (b.year, b.value, b.rule),
        (2018, 20.0, BaselineRule::SeriesBreak)
    );
    let since = s.change_since_baseline.expect("change");
    assert_eq!((since.from_year, since.absolute), (2018, -4.0));
    // The trend is fitted to 2018–2020 only: −2 a year.
    let trend = s.trend.expect("trend");
    assert!((trend.slope_per_year + 2.0).abs() < 1e-12);
    assert_eq!(s.previous.map(|p| p.period.year), Some(2019));
}

#[test]
fn a_break_keeps_a_baseline_year_inside_the_last_segment_and_nothing_before_it() {
    let mut i = Indicator::new("p", "P", "%", Direction::Higher, &["1.2"]);
    i.baseline_year = Some(2019);
    let s = flagged(&[
        (2015, 50.0, ""),
        (2017, 60.0, "b"),
        (2019, 40.0, ""),
        (2021, 44.0, ""),
    ]);
    let summary = summarize(&s, &i, &options_for(&i), ProgressMethod::OpenSdg);
    let b = summary.baseline.expect("baseline");
    assert_eq!((b.year, b.rule), (2019, BaselineRule::Catalogue));
    // The latest value is the break itself: nothing before it to compare.
    let at_break = flagged(&[(2015, 50.0, ""), (2017, 60.0, ""), (2019, 40.0, "b")]);
    let summary = summarize(&at_break, &i, &options_for(&i), ProgressMethod::OpenSdg);
    assert!(summary.previous.is_none() && summary.change_since_previous.is_none());
    assert_eq!(summary.progress.status, ProgressStatus::NotAvailable);
    // A `b` on the first point breaks from nothing.
    let i = Indicator::new("p", "P", "%", Direction::Higher, &["1.2"]);
    let first = flagged(&[(2015, 10.0, "b"), (2020, 12.0, "")]);
    let summary = summarize(&first, &i, &options_for(&i), ProgressMethod::OpenSdg);
    assert_eq!(
        summary.baseline.map(|b| (b.year, b.rule)),
        Some((2015, BaselineRule::DefaultYear))
    );
}
