//! Hand-computed cases of the rule in the module's documentation.

use super::*;
use crate::model::{Dimensions, Point, SeriesKey, SourceRef};

fn indicator(direction: Direction, decimals: u8, baseline_year: Option<i32>) -> Indicator {
    let mut indicator = Indicator::new("x", "X", "%", direction, &["1.2"]);
    indicator.decimals = decimals;
    indicator.baseline_year = baseline_year;
    indicator
}

fn series(dims: &[(&str, &str)], points: &[(i32, f64, &str)]) -> Series {
    Series {
        key: SeriesKey {
            indicator_id: "x".into(),
            dimensions: Dimensions::new(dims.iter().copied()),
        },
        points: points
            .iter()
            .map(|&(year, value, flags)| Point {
                period: Period::year(year),
                value,
                flags: flags.into(),
                progress: None,
            })
            .collect(),
    }
}

fn plain(dims: &[(&str, &str)], points: &[(i32, f64)]) -> Series {
    let points: Vec<(i32, f64, &str)> = points.iter().map(|&(y, v)| (y, v, "")).collect();
    series(dims, &points)
}

fn mapping(dimension: &str, value: &str, group: &str) -> GroupMapping {
    GroupMapping {
        dimension: dimension.into(),
        value: value.into(),
        group: group.into(),
        language: "en".into(),
        translations: Default::default(),
        source: SourceRef::default(),
    }
}

fn women() -> Vec<GroupMapping> {
    vec![mapping("sex", "female", "women")]
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a number");
    assert!((actual - expected).abs() < 1e-9, "{actual} ≠ {expected}");
}

/// The one gap of a city and a women's series.
fn only_gap(indicator: &Indicator, city: &[(i32, f64)], group: &[(i32, f64)]) -> GroupGap {
    let all = [plain(&[], city), plain(&[("sex", "female")], group)];
    let mut gaps = group_gaps(indicator, &all, &women());
    assert_eq!(gaps.len(), 1);
    gaps.remove(0)
}

#[test]
fn a_narrowing_gap_is_measured_from_the_baseline_year() {
    // Poverty, lower is better. Gaps 5, 4, 3.5, 3; the baseline year 2015
    // (gap 4), not the first common year 2014 (gap 5).
    let gap = only_gap(
        &indicator(Direction::Lower, 1, Some(2015)),
        &[(2014, 21.0), (2015, 20.0), (2016, 19.0), (2017, 18.0)],
        &[(2014, 26.0), (2015, 24.0), (2016, 22.5), (2017, 21.0)],
    );
    let gaps: Vec<f64> = gap.points.iter().map(|p| p.gap).collect();
    assert_eq!(gaps, [5.0, 4.0, 3.5, 3.0]);
    assert_eq!(gap.baseline().period, Period::year(2015));
    assert_eq!(gap.latest().period, Period::year(2017));
    assert_eq!(gap.standing, Standing::Behind, "more poverty than the city");
    assert_eq!(gap.trend, Some(GapTrend::Narrowing));
    close(gap.change, -1.0);
    // Relative gaps: 4 / 20 = 20 % in 2015, 3 / 18 = 16.67 % in 2017.
    close(gap.baseline().relative, 20.0);
    close(gap.latest().relative, 100.0 / 6.0);
    close(gap.pace, (100.0 / 6.0 - 20.0) / 2.0);
    assert_eq!(gap.group.group, "women");
    assert_eq!(gap.indicator_id, "x");
}

#[test]
fn a_widening_gap_where_higher_is_better() {
    // Employment: the group 60 → 58 while the city 70 → 72: gaps −10, −14.
    let gap = only_gap(
        &indicator(Direction::Higher, 1, None),
        &[(2015, 70.0), (2020, 72.0)],
        &[(2015, 60.0), (2020, 58.0)],
    );
    assert_eq!(gap.baseline, 0, "no baseline year: the first common year");
    assert_eq!(gap.standing, Standing::Behind, "below the city");
    assert_eq!(gap.trend, Some(GapTrend::Widening));
    close(gap.change, 4.0);
    close(gap.baseline().relative, -1000.0 / 70.0);
    close(gap.latest().relative, -1400.0 / 72.0);
    close(gap.pace, (1400.0 / 72.0 - 1000.0 / 70.0) / 5.0);
}

#[test]
fn a_change_that_rounds_to_zero_at_the_indicators_decimals_is_unchanged() {
    // Gaps −2.00 and −2.04: 0.04 shows as 0.0 with one decimal, 0.04 with two.
    let city = [(2015, 50.0), (2016, 50.0)];
    let group = [(2015, 48.0), (2016, 47.96)];
    let one = only_gap(&indicator(Direction::Higher, 1, None), &city, &group);
    assert_eq!(one.trend, Some(GapTrend::Unchanged));
    assert_eq!(one.standing, Standing::Behind);
    let two = only_gap(&indicator(Direction::Higher, 2, None), &city, &group);
    assert_eq!(two.trend, Some(GapTrend::Widening));
}

#[test]
fn behind_and_ahead_follow_the_direction_and_a_tiny_gap_is_level() {
    let city = [(2015, 10.0), (2016, 10.0)];
    let above = [(2015, 12.0), (2016, 13.0)];
    let lower = only_gap(&indicator(Direction::Lower, 1, None), &city, &above);
    let higher = only_gap(&indicator(Direction::Higher, 1, None), &city, &above);
    assert_eq!(lower.standing, Standing::Behind, "above is worse");
    assert_eq!(higher.standing, Standing::Ahead, "above is better");
    // The size of the gap grows either way: 2 → 3.
    assert_eq!(lower.trend, Some(GapTrend::Widening));
    assert_eq!(higher.trend, Some(GapTrend::Widening));

    let level = only_gap(
        &indicator(Direction::Lower, 1, None),
        &city,
        &[(2015, 12.0), (2016, 10.04)],
    );
    assert_eq!(level.standing, Standing::Level, "0.04 shows as 0.0");
    assert_eq!(level.trend, Some(GapTrend::Narrowing));
    assert_eq!(standing(-0.06, Direction::Higher, 1), Standing::Behind);
    assert_eq!(standing(0.004, Direction::Higher, 2), Standing::Level);
    assert_eq!(standing(0.06, Direction::Higher, 2), Standing::Ahead);
}

#[test]
fn a_group_ahead_of_the_city_and_catching_down() {
    // Women's unemployment below the city's (lower is better): gaps −3, −1.
    let gap = only_gap(
        &indicator(Direction::Lower, 1, None),
        &[(2018, 8.0), (2019, 7.0), (2020, 6.0)],
        &[(2018, 5.0), (2019, 5.0), (2020, 5.0)],
    );
    assert_eq!(gap.standing, Standing::Ahead);
    assert_eq!(gap.trend, Some(GapTrend::Narrowing));
    close(gap.change, -2.0);
    // −3 / 8 = −37.5 %, −1 / 6 = −16.67 %: |relative| falls 20.83 points in 2 years.
    close(gap.pace, (100.0 / 6.0 - 37.5) / 2.0);
}

#[test]
fn without_a_headline_there_is_no_gap() {
    let all = [
        plain(&[("sex", "female")], &[(2015, 12.0)]),
        plain(&[("sex", "male")], &[(2015, 10.0)]),
    ];
    let groups = vec![
        mapping("sex", "female", "women"),
        mapping("sex", "male", "men"),
    ];
    assert!(group_gaps(&indicator(Direction::Lower, 1, None), &all, &groups).is_empty());
}

#[test]
fn only_the_years_both_series_have_count_and_a_missing_baseline_year_falls_back() {
    // The city misses 2017, the group 2016; the baseline year 2016 is not
    // common, so the first common year 2015 is the baseline.
    let gap = only_gap(
        &indicator(Direction::Lower, 1, Some(2016)),
        &[(2015, 20.0), (2016, 19.0), (2018, 16.0), (2019, 16.0)],
        &[(2015, 22.0), (2017, 21.0), (2018, 19.0), (2019, 20.0)],
    );
    let years: Vec<i32> = gap.points.iter().map(|p| p.period.year).collect();
    assert_eq!(years, [2015, 2018, 2019]);
    assert_eq!(gap.baseline().period.year, 2015);
    assert_eq!(gap.trend, Some(GapTrend::Widening), "2 → 4");
    // 2 / 20 = 10 %, 4 / 16 = 25 %: 15 points in 4 years.
    close(gap.pace, 15.0 / 4.0);
}

#[test]
fn one_common_year_has_a_standing_but_no_trend() {
    let gap = only_gap(
        &indicator(Direction::Lower, 1, None),
        &[(2019, 10.0), (2020, 9.0)],
        &[(2020, 12.0), (2021, 11.0)],
    );
    assert_eq!(gap.points.len(), 1);
    assert_eq!(gap.standing, Standing::Behind);
    assert_eq!((gap.trend, gap.change, gap.pace), (None, None, None));
}

#[test]
fn a_city_value_of_zero_has_no_relative_gap_and_no_pace() {
    let gap = only_gap(
        &indicator(Direction::Lower, 0, None),
        &[(2015, 0.0), (2016, 2.0)],
        &[(2015, 1.0), (2016, 3.0)],
    );
    assert_eq!(gap.baseline().relative, None);
    close(gap.latest().relative, 50.0);
    assert_eq!(gap.pace, None);
    assert_eq!(gap.trend, Some(GapTrend::Unchanged), "1 → 1");
}

#[test]
fn only_mapped_one_dimension_series_count_and_flags_are_carried() {
    let all = [
        series(&[], &[(2015, 20.0, "b"), (2016, 19.0, "p")]),
        series(
            &[("sex", "female")],
            &[(2015, 22.0, ""), (2016, 21.0, "pe")],
        ),
        plain(&[("sex", "other")], &[(2015, 30.0), (2016, 30.0)]),
        plain(
            &[("age", "65+"), ("sex", "female")],
            &[(2015, 40.0), (2016, 40.0)],
        ),
        plain(&[("Stadtteil", "Am Kanal")], &[(2015, 25.0), (2016, 24.0)]),
    ];
    let groups = vec![
        mapping("Sex", "female", "women"),
        mapping("stadtteil", "Am Kanal", "residents of Am Kanal"),
        mapping("age", "65+", "older persons"),
    ];
    let gaps = group_gaps(&indicator(Direction::Lower, 1, None), &all, &groups);
    let names: Vec<&str> = gaps.iter().map(|g| g.group.group.as_str()).collect();
    assert_eq!(
        names,
        ["women", "residents of Am Kanal"],
        "in the order of the series; the unmapped and the two-dimension series are left out"
    );
    let women = &gaps[0];
    let flags: Vec<&str> = women.points.iter().map(|p| p.flags.as_str()).collect();
    assert_eq!(flags, ["b", "pe"], "either value's flags, each once");
}

#[test]
fn a_break_in_either_series_moves_the_baseline_to_the_segment_after_it() {
    // Baseline 2015: gaps 4.0 (2015), 3.0 (2017), then the city's series
    // breaks in 2018: gaps 6.0 (2018), 5.0 (2020). Compared from 2015 the gap
    // would be widening (4 → 5); within the last segment it narrows (6 → 5).
    let i = indicator(Direction::Lower, 1, Some(2015));
    let city = series(
        &[],
        &[
            (2015, 10.0, ""),
            (2017, 10.0, ""),
            (2018, 8.0, "b"),
            (2020, 8.0, ""),
        ],
    );
    let group = series(
        &[("sex", "female")],
        &[
            (2015, 14.0, ""),
            (2017, 13.0, ""),
            (2018, 14.0, ""),
            (2020, 13.0, ""),
        ],
    );
    let gaps = group_gaps(&i, &[city, group], &women());
    let gap = &gaps[0];
    assert_eq!(gap.baseline().period.year, 2018);
    assert_eq!(gap.trend, Some(GapTrend::Narrowing));
    close(gap.change, -1.0);
}
