//! The methods against worked examples and edge cases.
use super::*;

pub(super) fn inputs(
    base: (i32, f64),
    current: (i32, f64),
    target: Option<f64>,
    direction: Direction,
    limit: Option<f64>,
) -> ProgressInputs {
    ProgressInputs {
        base_year: base.0,
        base_value: base.1,
        current_year: current.0,
        current_value: current.1,
        target,
        target_year: 2030,
        direction,
        limit,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1e-12)
}

/// docs/methodology.md, worked example 1 (a target): Canada 1-1-1.
#[test]
fn worked_example_with_target_poverty_rate() {
    let r = open_sdg(inputs(
        (2015, 14.5),
        (2023, 10.4),
        Some(7.25),
        Direction::Lower,
        None,
    ));
    assert_eq!(r.status, ProgressStatus::ModerateProgress);
    assert!(
        close(r.value.expect("v"), 0.9010899546976208),
        "{:?}",
        r.value
    );
    assert!(close(r.score.expect("score"), 2.1506954374096354));
    assert_eq!(r.calculation, Some(2));
}

/// Worked example 2 (no target, a natural limit of 100): Canada 1-2-1.
#[test]
fn worked_example_without_target_with_limit() {
    let r = open_sdg(inputs(
        (2016, 66.6),
        (2023, 71.4),
        None,
        Direction::Higher,
        Some(100.0),
    ));
    assert_eq!(r.status, ProgressStatus::ModerateProgress);
    assert!(close(r.value.expect("v"), 0.009991483690946268));
    assert!(close(r.score.expect("score"), 1.739752850099936));
    let c = r.limit_factor.expect("C");
    assert!(
        c < 1.0 && c > 0.0,
        "the limit shrinks the thresholds: C = {c}"
    );
}

/// Worked example 3: the target is already achieved (Canada 15-5-1).
#[test]
fn worked_example_target_already_achieved() {
    let r = open_sdg(inputs(
        (2015, 70.0),
        (2023, 55.0),
        Some(100.0),
        Direction::Lower,
        None,
    ));
    assert_eq!(
        (r.status, r.score),
        (ProgressStatus::TargetAchieved, Some(5.0))
    );
    assert!(close(r.value.expect("v"), 1.2340549664701979));
}

#[test]
fn negative_values_flip_the_growth_sign() {
    // Both negative, moving towards zero while higher is better: progress.
    let r = open_sdg(inputs(
        (2015, -10.0),
        (2020, -5.0),
        None,
        Direction::Higher,
        None,
    ));
    assert!(r.value.expect("v") > 0.0, "{r:?}");
    assert_eq!(r.status, ProgressStatus::SubstantialProgress);
}

#[test]
fn opposite_signs_and_single_years_are_not_available() {
    assert_eq!(
        open_sdg(inputs(
            (2015, -1.0),
            (2020, 2.0),
            None,
            Direction::Higher,
            None
        ))
        .status,
        ProgressStatus::NotAvailable
    );
    assert_eq!(
        open_sdg(inputs(
            (2022, 18.41),
            (2022, 18.41),
            None,
            Direction::Higher,
            Some(100.0)
        ))
        .status,
        ProgressStatus::NotAvailable
    );
}

#[test]
fn zero_base_and_zero_target_are_nudged_to_a_thousandth() {
    let r = open_sdg(inputs(
        (2015, 0.0),
        (2020, 1.0),
        Some(0.0),
        Direction::Lower,
        None,
    ));
    let used = r.inputs.expect("inputs");
    assert_eq!((used.base_value, used.target), (0.001, Some(0.001)));
    assert_eq!(r.status, ProgressStatus::Deterioration);
}

#[test]
fn limit_factor_is_one_without_a_limit_and_zero_at_it() {
    assert_eq!(limit_factor(50.0, None), 1.0);
    assert_eq!(limit_factor(100.0, Some(100.0)), 0.0);
    assert!(close(
        limit_factor(150.0, Some(100.0)),
        1.0 - 0.5f64.powf(4.44)
    ));
    assert_eq!(limit_factor(300.0, Some(100.0)), 1.0);
}

#[test]
fn at_the_limit_any_progress_scores_five() {
    let r = open_sdg(inputs(
        (2015, 100.0),
        (2020, 100.0),
        None,
        Direction::Higher,
        Some(100.0),
    ));
    assert_eq!(
        (r.status, r.score),
        (ProgressStatus::SubstantialProgress, Some(5.0))
    );
}

#[test]
fn indicator_level_is_the_mean_score_and_achieved_only_if_all_are() {
    let a = open_sdg(inputs(
        (2015, 70.0),
        (2023, 55.0),
        Some(100.0),
        Direction::Lower,
        None,
    ));
    let b = open_sdg(inputs(
        (2015, 14.5),
        (2023, 10.4),
        Some(7.25),
        Direction::Lower,
        None,
    ));
    let (status, mean) = indicator_status(&[a.clone(), b.clone()]);
    assert_eq!(status, ProgressStatus::SubstantialProgress);
    assert!(close(mean.expect("mean"), (5.0 + 2.1506954374096354) / 2.0));
    assert_eq!(
        indicator_status(&[a.clone(), a]).0,
        ProgressStatus::TargetAchieved
    );
    assert_eq!(indicator_status(&[]).0, ProgressStatus::NotAvailable);
}

#[test]
fn eurostat_and_unsd_methods_rate_growth() {
    let i = inputs((2019, 100.0), (2024, 90.0), None, Direction::Lower, None);
    assert_eq!(
        assess(ProgressMethod::Eurostat, i).status,
        ProgressStatus::SubstantialProgress,
        "-2.1% a year, lower is better"
    );
    assert_eq!(
        assess(ProgressMethod::UnsdProgressChart, i).status,
        ProgressStatus::SubstantialProgress
    );
    let slow = inputs((2019, 100.0), (2024, 99.0), None, Direction::Lower, None);
    assert_eq!(
        assess(ProgressMethod::Eurostat, slow).status,
        ProgressStatus::ModerateProgress
    );
    let unsd_slow = assess(ProgressMethod::UnsdProgressChart, slow);
    assert_eq!(
        (unsd_slow.class, unsd_slow.status),
        (
            Some(MethodClass::StagnationOrRegression),
            ProgressStatus::LimitedProgress
        ),
        "0.2% a year is below UNSD's 0.5%, but still the right way"
    );
}

#[test]
fn a_negative_base_value_with_a_limit_uses_absolute_values_as_sdg_build() {
    // (-50/100)^4.44 would be NaN; sdg-build uses |y0| and |L|.
    assert!((limit_factor(-50.0, Some(100.0)) - (1.0 - 0.5f64.powf(4.44))).abs() < 1e-12);
    assert_eq!(limit_factor(-250.0, Some(100.0)), 1.0);
    assert_eq!(limit_factor(5.0, Some(0.0)), 1.0);
    let r = open_sdg(inputs(
        (2015, -50.0),
        (2020, -40.0),
        None,
        Direction::Higher,
        Some(100.0),
    ));
    assert!(r.score.is_some_and(f64::is_finite), "{r:?}");
}

#[test]
fn open_sdg_achieved_needs_every_scored_series_not_the_unscored_ones() {
    let met = open_sdg(inputs(
        (2015, 70.0),
        (2023, 55.0),
        Some(100.0),
        Direction::Lower,
        None,
    ));
    let mut single = inputs((2015, 10.0), (2015, 10.0), None, Direction::Lower, None);
    single.current_year = 2015;
    let unscored = open_sdg(single);
    assert_eq!(unscored.score, None);
    // sdg-build leaves series without a score out of `all(targets)`.
    assert_eq!(
        indicator_status(&[met, unscored]).0,
        ProgressStatus::TargetAchieved
    );
}

#[test]
fn results_without_a_status_say_why_in_a_code() {
    let r = open_sdg(inputs(
        (2015, -1.0),
        (2020, 2.0),
        None,
        Direction::Higher,
        None,
    ));
    assert_eq!(r.unavailable, Some(Unavailable::OppositeSigns));
    let r = open_sdg(inputs(
        (2015, 14.5),
        (2023, 10.4),
        Some(7.25),
        Direction::Lower,
        None,
    ));
    assert_eq!(r.unavailable, None);
    let json = serde_json::to_value(&r).expect("json");
    assert!(
        json.get("explanation").is_none(),
        "no sentences in statuses.json"
    );
}
