//! The methods against worked examples and edge cases.
use super::*;

fn inputs(
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

/// The class, status and progress value of `method` on one worked example.
fn rated(
    method: ProgressMethod,
    base: (i32, f64),
    current: (i32, f64),
    target: Option<f64>,
    direction: Direction,
) -> (Option<MethodClass>, ProgressStatus, f64) {
    let r = assess(method, inputs(base, current, target, direction, None));
    (r.class, r.status, r.value.unwrap_or(f64::NAN))
}

/// docs/methodology.md, Eurostat worked examples without a target: every
/// published class, and lower is better.
#[test]
fn eurostat_without_a_target_classes_growth_at_one_percent() {
    use MethodClass as C;
    use ProgressStatus as S;
    let e = |y0: f64, y: f64, d| rated(ProgressMethod::Eurostat, (2015, y0), (2020, y), None, d);
    let cases = [
        (
            e(50.0, 53.0, Direction::Higher),
            C::SignificantProgress,
            S::SubstantialProgress,
            0.0117220,
        ),
        (
            e(50.0, 51.0, Direction::Higher),
            C::ModerateProgress,
            S::ModerateProgress,
            0.00396838,
        ),
        (
            e(50.0, 49.0, Direction::Higher),
            C::ModerateMovementAway,
            S::Deterioration,
            -0.00403239,
        ),
        (
            e(50.0, 46.0, Direction::Higher),
            C::SignificantMovementAway,
            S::Deterioration,
            -0.0165380,
        ),
        (
            e(20.0, 18.0, Direction::Lower),
            C::SignificantProgress,
            S::SubstantialProgress,
            0.0208516,
        ),
        // A negative base value: from -50 to -46 is up, the right way.
        (
            e(-50.0, -46.0, Direction::Higher),
            C::SignificantProgress,
            S::SubstantialProgress,
            0.0165380,
        ),
    ];
    for ((class, status, v), want_class, want_status, want_v) in cases {
        assert_eq!((class, status), (Some(want_class), want_status));
        assert!((v - want_v).abs() < 1e-6, "{v} != {want_v}");
    }
}

/// docs/methodology.md, Eurostat worked examples with a target of 80 by 2030
/// from 50 in 2015 (required growth 3.18296 % a year).
#[test]
fn eurostat_with_a_target_classes_the_share_of_required_growth() {
    use MethodClass as C;
    use ProgressStatus as S;
    let e = |y: f64| {
        rated(
            ProgressMethod::Eurostat,
            (2015, 50.0),
            (2020, y),
            Some(80.0),
            Direction::Higher,
        )
    };
    let cases = [
        (
            e(59.0),
            C::SignificantProgress,
            S::SubstantialProgress,
            1.05741,
        ),
        (e(56.0), C::ModerateProgress, S::ModerateProgress, 0.720227),
        (
            e(52.0),
            C::InsufficientProgress,
            S::LimitedProgress,
            0.247411,
        ),
        (e(48.0), C::MovementAway, S::Deterioration, -0.255459),
    ];
    for ((class, status, v), want_class, want_status, want_v) in cases {
        assert_eq!((class, status), (Some(want_class), want_status));
        assert!((v - want_v).abs() < 1e-5, "{v} != {want_v}");
    }
    let met = e(85.0);
    assert_eq!(
        (met.0, met.1),
        (Some(C::SignificantProgress), S::TargetAchieved)
    );
}

/// docs/methodology.md, UNSD worked examples: from 50 in 2015 to a target of
/// 80 in 2030, the 2022 value projected at its growth rate; every class.
#[test]
fn unsd_with_a_target_classes_the_projected_share_of_the_way() {
    use MethodClass as C;
    use ProgressStatus as S;
    let u = |y: f64| {
        rated(
            ProgressMethod::UnsdProgressChart,
            (2015, 50.0),
            (2022, y),
            Some(80.0),
            Direction::Higher,
        )
    };
    let cases = [
        (
            u(62.0),
            C::OnTrackOrTargetMet,
            S::SubstantialProgress,
            0.975974,
        ),
        (u(57.0), C::FairProgress, S::ModerateProgress, 0.540259),
        (u(53.0), C::FairProgress, S::ModerateProgress, 0.221653),
        (
            u(50.5),
            C::StagnationOrRegression,
            S::LimitedProgress,
            0.0359185,
        ),
        (
            u(48.0),
            C::StagnationOrRegression,
            S::Deterioration,
            -0.139598,
        ),
    ];
    for ((class, status, v), want_class, want_status, want_v) in cases {
        assert_eq!((class, status), (Some(want_class), want_status));
        assert!((v - want_v).abs() < 1e-5, "{v} != {want_v}");
    }
    let met = u(82.0);
    assert_eq!(
        (met.0, met.1),
        (Some(C::OnTrackOrTargetMet), S::TargetAchieved)
    );
    // Lower is better: 40 to 30 by 2022, target 20.
    let lower = rated(
        ProgressMethod::UnsdProgressChart,
        (2015, 40.0),
        (2022, 30.0),
        Some(20.0),
        Direction::Lower,
    );
    assert_eq!(
        (lower.0, lower.1),
        (Some(C::FairProgress), S::ModerateProgress)
    );
    assert!((lower.2 - 0.920297).abs() < 1e-5, "{}", lower.2);
}

/// docs/methodology.md, UNSD worked examples without a target (2015 to 2022).
#[test]
fn unsd_without_a_target_classes_growth_at_two_and_half_a_percent() {
    use MethodClass as C;
    use ProgressStatus as S;
    let u = |y: f64| {
        rated(
            ProgressMethod::UnsdProgressChart,
            (2015, 50.0),
            (2022, y),
            None,
            Direction::Higher,
        )
    };
    let cases = [
        (
            u(58.0),
            C::OnTrackOrTargetMet,
            S::SubstantialProgress,
            0.0214292,
        ),
        (u(53.0), C::FairProgress, S::ModerateProgress, 0.00835887),
        (
            u(51.0),
            C::StagnationOrRegression,
            S::LimitedProgress,
            0.00283295,
        ),
        (
            u(47.0),
            C::StagnationOrRegression,
            S::Deterioration,
            -0.00880039,
        ),
    ];
    for ((class, status, v), want_class, want_status, want_v) in cases {
        assert_eq!((class, status), (Some(want_class), want_status));
        assert!((v - want_v).abs() < 1e-7, "{v} != {want_v}");
    }
}

#[test]
fn alternative_methods_treat_zeros_and_sign_changes_as_open_sdg_does() {
    for method in [ProgressMethod::Eurostat, ProgressMethod::UnsdProgressChart] {
        // A base value of 0 becomes 0.001.
        let zero = assess(
            method,
            inputs((2015, 0.0), (2020, 5.0), None, Direction::Higher, None),
        );
        assert_eq!(zero.inputs.map(|i| i.base_value), Some(0.001), "{method}");
        assert_eq!(zero.status, ProgressStatus::SubstantialProgress, "{method}");
        let flipped = assess(
            method,
            inputs((2015, -1.0), (2020, 2.0), None, Direction::Higher, None),
        );
        assert_eq!(
            flipped.unavailable,
            Some(Unavailable::OppositeSigns),
            "{method}"
        );
    }
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

#[test]
fn attention_rank_puts_deterioration_first_and_not_available_last() {
    let mut all = ProgressStatus::ALL.to_vec();
    all.sort_by_key(|s| s.attention_rank());
    assert_eq!(all.first(), Some(&ProgressStatus::Deterioration));
    assert_eq!(all.last(), Some(&ProgressStatus::NotAvailable));
}

#[test]
fn targets_no_growth_rate_leads_to_give_no_status_instead_of_a_division_by_zero() {
    // UNSD: a target equal to the base value, no longer met (zero deaths,
    // base 0 and target 0 both become 0.001, then 3).
    let r = assess(
        ProgressMethod::UnsdProgressChart,
        inputs((2015, 0.0), (2022, 3.0), Some(0.0), Direction::Lower, None),
    );
    assert_eq!(r.unavailable, Some(Unavailable::TargetUnreachableByGrowth));
    assert_eq!(r.status, ProgressStatus::NotAvailable);
    // Eurostat: a target of the other sign than the start value.
    let r = assess(
        ProgressMethod::Eurostat,
        inputs(
            (2015, -5.0),
            (2020, -3.0),
            Some(2.0),
            Direction::Higher,
            None,
        ),
    );
    assert_eq!(r.unavailable, Some(Unavailable::TargetUnreachableByGrowth));
    // Still met is still achieved.
    let r = assess(
        ProgressMethod::UnsdProgressChart,
        inputs((2015, 5.0), (2022, 4.0), Some(5.0), Direction::Lower, None),
    );
    assert_eq!(r.status, ProgressStatus::TargetAchieved);
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
fn without_scores_the_indicator_takes_the_most_common_status_ties_to_the_worse() {
    let rate = |y: f64| {
        assess(
            ProgressMethod::Eurostat,
            inputs((2015, 50.0), (2020, y), Some(80.0), Direction::Higher, None),
        )
    };
    let (substantial, limited, worse, met) = (rate(59.0), rate(52.0), rate(48.0), rate(85.0));
    assert_eq!(
        indicator_status(&[substantial.clone(), substantial.clone(), worse.clone()]),
        (ProgressStatus::SubstantialProgress, None)
    );
    assert_eq!(
        indicator_status(&[substantial.clone(), limited.clone()]).0,
        ProgressStatus::LimitedProgress,
        "a tie goes to the worse"
    );
    assert_eq!(
        indicator_status(&[met.clone(), met.clone()]).0,
        ProgressStatus::TargetAchieved
    );
    assert_eq!(
        indicator_status(&[met.clone(), met, worse]).0,
        ProgressStatus::SubstantialProgress,
        "achieved only when all are; otherwise it counts as substantial"
    );
    let none = assess(
        ProgressMethod::Eurostat,
        inputs((2015, 50.0), (2015, 52.0), None, Direction::Higher, None),
    );
    assert_eq!(indicator_status(&[none]).0, ProgressStatus::NotAvailable);
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
