//! Every outlook against hand-computed cases, and the outlook against the
//! status for many generated series under every method.

use super::*;
use crate::model::{Indicator, Period, Point, Series, SeriesKey};
use crate::progress::{assess, ProgressMethod, ProgressStatus};
use crate::summary::{options_for, summarize};
use crate::Dimensions;

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

fn indicator(direction: Direction, target: Option<(f64, i32)>) -> Indicator {
    let mut i = Indicator::new("p", "P", "%", direction, &["1.2"]);
    i.target_value = target.map(|(v, _)| v);
    i.target_year = target.map(|(_, y)| y);
    i
}

/// The narrative and the status of `points` by `method`.
fn told(
    points: &[(i32, f64)],
    direction: Direction,
    target: Option<(f64, i32)>,
    method: ProgressMethod,
) -> (Narrative, ProgressStatus) {
    let i = indicator(direction, target);
    let s = summarize(&series(points), &i, &options_for(&i), method);
    let n = narrative(&s, i.decimals, i.direction).expect("a narrative");
    (n, s.progress.status)
}

fn open_sdg(
    points: &[(i32, f64)],
    direction: Direction,
    target: Option<(f64, i32)>,
) -> (Narrative, ProgressStatus) {
    told(points, direction, target, ProgressMethod::OpenSdg)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn improving_and_the_target_is_reached_in_the_year_the_pace_gets_there() {
    // Higher is better, 100 in 2019 and 110 in 2020: a growth rate of
    // exactly 10 % a year. Projected: 121 in 2021, 133.1 in 2022 ≥ 130.
    let (n, status) = open_sdg(
        &[(2019, 100.0), (2020, 110.0)],
        Direction::Higher,
        Some((130.0, 2025)),
    );
    assert_eq!(n.movement, Movement::Rose);
    assert_eq!(n.better, Some(true));
    assert_eq!((n.from.year, n.from.value), (2019, 100.0));
    assert_eq!((n.to.year, n.to.value), (2020, 110.0));
    assert_eq!(
        n.outlook,
        Outlook::Reached {
            target: 130.0,
            target_year: 2025,
            year: 2022
        }
    );
    assert_eq!(status, ProgressStatus::SubstantialProgress);
}

#[test]
fn the_poverty_example_reaches_ten_percent_in_2028() {
    // 14.2 % in 2015, 11.6 % in 2022, lower is better, 10 % by 2030.
    // Per year: ln(11.6 / 14.2) / 7 = −0.028892; from 11.6 % to 10 % takes
    // ln(10 / 11.6) / −0.028892 = 5.14 years: the sixth, 2028, is the first
    // year at or below 10 % (2027: 11.6 × e^(−5 × 0.028892) = 10.04 %).
    let (n, status) = open_sdg(
        &[(2015, 14.2), (2018, 13.1), (2022, 11.6)],
        Direction::Lower,
        Some((10.0, 2030)),
    );
    assert_eq!((n.movement, n.better), (Movement::Fell, Some(true)));
    assert_eq!(
        n.outlook,
        Outlook::Reached {
            target: 10.0,
            target_year: 2030,
            year: 2028
        }
    );
    assert_eq!(status, ProgressStatus::SubstantialProgress);
}

#[test]
fn improving_too_slowly_misses_the_target_by_the_projected_gap() {
    // 10 % a year from 110 in 2020: 146.41 in 2023, short of 150 by 3.59.
    let (n, status) = open_sdg(
        &[(2019, 100.0), (2020, 110.0)],
        Direction::Higher,
        Some((150.0, 2023)),
    );
    let Outlook::Missed {
        target,
        target_year,
        projected,
        gap,
    } = n.outlook
    else {
        panic!("{:?}", n.outlook)
    };
    assert_eq!((target, target_year), (150.0, 2023));
    assert!(close(projected, 146.41), "{projected}");
    assert!(close(gap, 3.59), "{gap}");
    assert_ne!(status, ProgressStatus::Deterioration);
}

#[test]
fn lower_is_better_improving_reaches_and_the_gap_counts_downwards() {
    // −10 % a year from 90 in 2020: 81, 72.9, 65.61 (2023) ≤ 70.
    let (n, _) = open_sdg(
        &[(2019, 100.0), (2020, 90.0)],
        Direction::Lower,
        Some((70.0, 2025)),
    );
    assert_eq!((n.movement, n.better), (Movement::Fell, Some(true)));
    assert_eq!(
        n.outlook,
        Outlook::Reached {
            target: 70.0,
            target_year: 2025,
            year: 2023
        }
    );
    // The same pace to 60 by 2022: 72.9 is 12.9 above it.
    let (n, _) = open_sdg(
        &[(2019, 100.0), (2020, 90.0)],
        Direction::Lower,
        Some((60.0, 2022)),
    );
    let Outlook::Missed { projected, gap, .. } = n.outlook else {
        panic!("{:?}", n.outlook)
    };
    assert!(close(projected, 72.9) && close(gap, 12.9), "{gap}");
}

#[test]
fn lower_is_better_worsening_moves_away_next_to_deterioration() {
    let (n, status) = open_sdg(
        &[(2019, 100.0), (2020, 110.0)],
        Direction::Lower,
        Some((80.0, 2030)),
    );
    assert_eq!((n.movement, n.better), (Movement::Rose, Some(false)));
    assert_eq!(
        n.outlook,
        Outlook::MovingAway {
            target: 80.0,
            target_year: 2030
        }
    );
    assert_eq!(status, ProgressStatus::Deterioration);
}

#[test]
fn a_target_already_met_is_said_so_next_to_target_achieved() {
    let (n, status) = open_sdg(
        &[(2019, 100.0), (2020, 85.0)],
        Direction::Lower,
        Some((90.0, 2030)),
    );
    assert_eq!(
        n.outlook,
        Outlook::TargetMet {
            target: 90.0,
            target_year: 2030
        }
    );
    assert_eq!(status, ProgressStatus::TargetAchieved);
}

#[test]
fn without_a_target_there_is_nothing_to_reach() {
    let (n, status) = open_sdg(&[(2015, 20.0), (2020, 18.0)], Direction::Lower, None);
    assert_eq!((n.movement, n.better), (Movement::Fell, Some(true)));
    assert_eq!(n.outlook, Outlook::NoTarget);
    assert_ne!(status, ProgressStatus::NotAvailable);
}

#[test]
fn one_year_is_too_few_years_to_say() {
    let (n, status) = open_sdg(&[(2020, 5.0)], Direction::Lower, Some((4.0, 2030)));
    assert!(n.single_year());
    assert_eq!((n.from.year, n.to.value), (2020, 5.0));
    assert_eq!((n.movement, n.better), (Movement::Unchanged, None));
    assert_eq!(n.outlook, Outlook::TooFewYears);
    assert_eq!(status, ProgressStatus::NotAvailable);
    // Eurostat without a value three to five years back: the same.
    let (n, _) = told(
        &[(2019, 5.0), (2020, 4.0)],
        Direction::Lower,
        Some((4.5, 2030)),
        ProgressMethod::Eurostat,
    );
    assert_eq!(n.outlook, Outlook::TooFewYears);
}

#[test]
fn equal_values_are_flat_and_a_flat_pace_misses_by_the_whole_distance() {
    // A growth rate of 0: the projection stays at 100, 10 above 90.
    let (n, status) = open_sdg(
        &[(2015, 100.0), (2020, 100.0)],
        Direction::Lower,
        Some((90.0, 2030)),
    );
    assert_eq!((n.movement, n.better), (Movement::Unchanged, None));
    let Outlook::Missed { projected, gap, .. } = n.outlook else {
        panic!("{:?}", n.outlook)
    };
    assert!(close(projected, 100.0) && close(gap, 10.0));
    assert_eq!(status, ProgressStatus::LimitedProgress);
}

#[test]
fn flat_means_equal_at_the_published_decimals() {
    assert_eq!(movement(14.21, 14.24, 1), Movement::Unchanged);
    assert_eq!(movement(14.24, 14.26, 1), Movement::Rose, "14.2 → 14.3");
    assert_eq!(movement(14.24, 14.26, 0), Movement::Unchanged);
    assert_eq!(movement(3.0, 2.0, 0), Movement::Fell);
}

#[test]
fn a_target_year_that_has_passed_is_missed_by_the_latest_gap() {
    let (n, _) = open_sdg(
        &[(2015, 20.0), (2024, 15.0)],
        Direction::Lower,
        Some((12.0, 2020)),
    );
    let Outlook::Overdue { gap, .. } = n.outlook else {
        panic!("{:?}", n.outlook)
    };
    assert!(close(gap, 3.0), "{gap}");
}

#[test]
fn opposite_signs_give_no_pace() {
    let (n, status) = open_sdg(
        &[(2015, -5.0), (2020, 5.0)],
        Direction::Higher,
        Some((10.0, 2030)),
    );
    assert_eq!(
        n.outlook,
        Outlook::NoPace {
            why: Some(Unavailable::OppositeSigns)
        }
    );
    assert_eq!(status, ProgressStatus::NotAvailable);
}

#[test]
fn the_indicator_is_narrated_by_its_headline_else_its_first_counted_series() {
    let i = indicator(Direction::Lower, None);
    let mut female = summarize(
        &series(&[(2015, 4.0), (2020, 3.0)]),
        &i,
        &options_for(&i),
        ProgressMethod::OpenSdg,
    );
    female.dimensions = Dimensions::new([("sex", "female")]);
    let mut male = female.clone();
    male.dimensions = Dimensions::new([("sex", "male")]);
    male.counts = true;
    let total = summarize(
        &series(&[(2015, 8.0), (2020, 9.0)]),
        &i,
        &options_for(&i),
        ProgressMethod::OpenSdg,
    );
    let all = [female.clone(), male.clone(), total];
    assert!(narrated_summary(&all).is_some_and(|s| s.dimensions.is_headline()));
    let n = indicator_narrative(&all, 1, Direction::Lower).expect("narrative");
    assert_eq!((n.to.value, n.better), (9.0, Some(false)));
    let disaggregated = [female, male];
    assert_eq!(
        narrated_summary(&disaggregated).map(|s| s.dimensions.slug()),
        Some("sex=male".to_owned())
    );
    assert_eq!(indicator_narrative(&[], 1, Direction::Lower), None);
}

/// A small deterministic generator (no dependency for one test).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        // Rounded to one decimal: ties and exact equalities happen.
        ((lo + (hi - lo) * self.next()) * 10.0).round() / 10.0
    }
    fn year(&mut self, lo: i32, hi: i32) -> i32 {
        lo + (self.next() * f64::from(hi - lo + 1)) as i32
    }
}

#[test]
fn the_outlook_never_contradicts_the_status_under_any_method() {
    let mut rng = Lcg(2030);
    let methods = [
        ProgressMethod::OpenSdg,
        ProgressMethod::Eurostat,
        ProgressMethod::UnsdProgressChart,
    ];
    let mut seen = std::collections::HashSet::new();
    for case in 0..20_000 {
        let base_year = rng.year(2010, 2024);
        let current_year = base_year + rng.year(0, 8);
        let pick = |rng: &mut Lcg| match rng.year(0, 9) {
            0 => 0.0,
            1 => rng.range(-50.0, 0.0),
            _ => rng.range(0.0, 150.0),
        };
        let base_value = pick(&mut rng);
        let current_value = if rng.next() < 0.1 {
            base_value
        } else {
            pick(&mut rng)
        };
        let target = (rng.next() < 0.8).then(|| pick(&mut rng));
        let inputs = ProgressInputs {
            base_year,
            base_value,
            current_year,
            current_value,
            target,
            target_year: rng.year(2022, 2035),
            direction: if rng.next() < 0.5 {
                Direction::Lower
            } else {
                Direction::Higher
            },
            limit: None,
        };
        for method in methods {
            let result = assess(method, inputs);
            let o = outlook(&result);
            let status = result.status;
            let why = format!("case {case} {method}: {inputs:?} → {status:?}, {o:?}");
            seen.insert(std::mem::discriminant(&o));
            assert_eq!(
                status == ProgressStatus::TargetAchieved,
                matches!(o, Outlook::TargetMet { .. }),
                "{why}"
            );
            assert_eq!(
                status == ProgressStatus::NotAvailable,
                matches!(o, Outlook::TooFewYears | Outlook::NoPace { .. }),
                "{why}"
            );
            if let Outlook::Reached { year, .. } = o {
                assert_eq!(status, ProgressStatus::SubstantialProgress, "{why}");
                assert!(year <= inputs.target_year, "{why}");
            }
            if status == ProgressStatus::Deterioration {
                assert!(!matches!(o, Outlook::Reached { .. }), "{why}");
            }
            if let Outlook::Missed { gap, .. } | Outlook::Overdue { gap, .. } = o {
                assert!(gap >= 0.0, "{why}");
            }
            if matches!(o, Outlook::MovingAway { .. })
                && method != ProgressMethod::UnsdProgressChart
            {
                assert_eq!(status, ProgressStatus::Deterioration, "{why}");
            }
            if matches!(o, Outlook::NoTarget) {
                assert!(inputs.target.is_none(), "{why}");
            }
        }
    }
    assert_eq!(seen.len(), 8, "every outlook is generated");
}

#[test]
fn a_narrative_starts_after_the_last_break_and_says_so() {
    // Lower is better: 10 → 16 over all years would read "worse"; from the
    // break in 2018 it is 20 → 16, better.
    let i = indicator(Direction::Lower, None);
    let mut s = series(&[(2015, 10.0), (2017, 12.0), (2018, 20.0), (2020, 16.0)]);
    s.points[2].flags = "b".into();
    let summary = summarize(&s, &i, &options_for(&i), ProgressMethod::OpenSdg);
    let n = narrative(&summary, 1, Direction::Lower).expect("narrative");
    assert_eq!((n.from.year, n.from.value), (2018, 20.0));
    assert_eq!(n.better, Some(true));
    assert_eq!(n.series_break, Some(2018));
    let (plain, _) = open_sdg(&[(2015, 10.0), (2020, 16.0)], Direction::Lower, None);
    assert_eq!(plain.series_break, None);
}
