//! The alternative methods against the worked examples in
//! `docs/methodology.md`: every branch and published class.
use super::super::tests::inputs;
use super::super::{
    assess, indicator_status, Direction, ProgressMethod, ProgressStatus, Unavailable,
};
use super::MethodClass;

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
