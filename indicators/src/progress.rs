//! Progress status of a series, by published methods, with the inputs and
//! the formula behind every result so a page can say why.
//!
//! The default is the method Open SDG 2.4 and Statistics Canada use (after
//! Eurostat); see `docs/methodology.md` for the formulas and worked examples.
//! Pure functions over plain numbers: compiled for the browser too.

use serde::{Deserialize, Serialize};

use crate::model::Direction;

/// Which published method computes the status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProgressMethod {
    /// Open SDG 2.4 / Statistics Canada (the default).
    #[default]
    OpenSdg,
    /// Eurostat's EU SDG monitoring: average annual growth over the last 5 years.
    Eurostat,
    /// UNSD's Progress Chart (2023): the value projected to 2030.
    UnsdProgressChart,
}

/// The status a series or an indicator gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressStatus {
    TargetAchieved,
    SubstantialProgress,
    ModerateProgress,
    LimitedProgress,
    Deterioration,
    NotAvailable,
}

impl ProgressStatus {
    /// Words for a badge (colour is never the only signal).
    pub fn label(self) -> &'static str {
        match self {
            ProgressStatus::TargetAchieved => "Target achieved",
            ProgressStatus::SubstantialProgress => "Substantial progress / on track",
            ProgressStatus::ModerateProgress => "Moderate progress / acceleration needed",
            ProgressStatus::LimitedProgress => "Limited progress",
            ProgressStatus::Deterioration => "Deterioration",
            ProgressStatus::NotAvailable => "Not available",
        }
    }
}

/// What the calculation starts from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProgressInputs {
    pub base_year: i32,
    pub base_value: f64,
    pub current_year: i32,
    pub current_value: f64,
    pub target: Option<f64>,
    pub target_year: i32,
    pub direction: Direction,
    /// A natural limit the indicator cannot pass (method without a target).
    pub limit: Option<f64>,
}

/// The default target year of the 2030 Agenda.
pub const DEFAULT_TARGET_YEAR: i32 = 2030;
/// Open SDG's default base year (or the next later year with data).
pub const DEFAULT_BASE_YEAR: i32 = 2015;

/// The thresholds a progress value was compared with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub high: f64,
    pub med: f64,
    pub low: f64,
}

/// Everything behind a status, for "why this status".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressResult {
    pub method: ProgressMethod,
    pub status: ProgressStatus,
    /// The progress value `v` compared with the thresholds.
    pub value: Option<f64>,
    /// The -5..5 score (Open SDG method only).
    pub score: Option<f64>,
    /// The inputs as used (after 0 → 0.001 adjustments).
    pub inputs: Option<ProgressInputs>,
    /// Observed compound annual growth rate.
    pub cagr: Option<f64>,
    /// The growth rate needed to reach the target in time.
    pub required_cagr: Option<f64>,
    pub thresholds: Option<Thresholds>,
    /// The natural-limit factor C (1 when there is no limit).
    pub limit_factor: Option<f64>,
    /// `1` without a target, `2` with one (Open SDG numbering).
    pub calculation: Option<u8>,
    /// One sentence a resident can read.
    pub explanation: String,
}

impl ProgressResult {
    fn not_available(method: ProgressMethod, inputs: Option<ProgressInputs>, why: &str) -> Self {
        ProgressResult {
            method,
            status: ProgressStatus::NotAvailable,
            value: None,
            score: None,
            inputs,
            cagr: None,
            required_cagr: None,
            thresholds: None,
            limit_factor: None,
            calculation: None,
            explanation: format!("No status: {why}."),
        }
    }
}

/// Compound annual growth rate from `(t0, y0)` to `(t, y)`.
pub fn cagr(t0: i32, y0: f64, t: i32, y: f64) -> f64 {
    (y / y0).powf(1.0 / f64::from(t - t0)) - 1.0
}

fn sign_of_direction(direction: Direction) -> f64 {
    match direction {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    }
}

/// Computes the status of one series by `method`.
pub fn assess(method: ProgressMethod, inputs: ProgressInputs) -> ProgressResult {
    match method {
        ProgressMethod::OpenSdg => open_sdg(inputs),
        ProgressMethod::Eurostat => eurostat(inputs),
        ProgressMethod::UnsdProgressChart => unsd(inputs),
    }
}

/// The Open SDG 2.4 / Statistics Canada method.
pub fn open_sdg(raw: ProgressInputs) -> ProgressResult {
    let method = ProgressMethod::OpenSdg;
    let mut inputs = raw;
    // Zeros would make growth rates undefined; sdg-build nudges them.
    if inputs.base_value == 0.0 {
        inputs.base_value = 0.001;
    }
    if inputs.target == Some(0.0) {
        inputs.target = Some(0.001);
    }
    if inputs.current_year <= inputs.base_year {
        return ProgressResult::not_available(
            method,
            Some(inputs),
            "fewer than two years of data since the base year",
        );
    }
    if !inputs.base_value.is_finite() || !inputs.current_value.is_finite() {
        return ProgressResult::not_available(
            method,
            Some(inputs),
            "the base or current value is missing",
        );
    }
    if inputs.base_value * inputs.current_value < 0.0 {
        return ProgressResult::not_available(
            method,
            Some(inputs),
            "the base and current values have opposite signs, so a growth rate means nothing",
        );
    }
    let (t0, y0, t, y) = (
        inputs.base_year,
        inputs.base_value,
        inputs.current_year,
        inputs.current_value,
    );
    let d = sign_of_direction(inputs.direction);
    let s = if y0 < 0.0 { -1.0 } else { 1.0 };
    let observed = cagr(t0, y0, t, y);
    let direction_words = if d > 0.0 {
        "higher is better"
    } else {
        "lower is better"
    };
    match inputs.target {
        None => {
            let v = s * d * observed;
            let c = limit_factor(y0, inputs.limit);
            let th = Thresholds {
                high: 0.015 * c,
                med: 0.005 * c,
                low: 0.0,
            };
            let score = if v < th.low {
                (125.0 * v - 2.5).max(-5.0)
            } else if c == 0.0 {
                5.0
            } else if v >= th.high {
                (500.0 * v / c - 5.0).min(5.0)
            } else if v >= th.med {
                250.0 * v / c - 1.25
            } else {
                500.0 * v / c - 2.5
            };
            let status = status_from(v, th);
            ProgressResult {
                method,
                status,
                value: Some(v),
                score: Some(score),
                inputs: Some(inputs),
                cagr: Some(observed),
                required_cagr: None,
                thresholds: Some(th),
                limit_factor: Some(c),
                calculation: Some(1),
                explanation: format!(
                    "From {y0} in {t0} to {y} in {t} the value changed by {:+.2}% a year ({direction_words}); without a target, {:.2}% a year or more in the right direction counts as substantial progress: {}.",
                    observed * 100.0,
                    th.high * 100.0,
                    status.label().to_lowercase()
                ),
            }
        }
        Some(target) => {
            let achieved = target_met(&inputs, target);
            let required = cagr(t0, y0, inputs.target_year, target);
            let v = s * d * observed / required.abs();
            let th = Thresholds {
                high: 0.95,
                med: 0.6,
                low: 0.0,
            };
            let (status, score) = if achieved {
                (ProgressStatus::TargetAchieved, 5.0)
            } else {
                let score = if v >= th.med {
                    (7.1429 * v - 4.2857).min(5.0)
                } else {
                    (4.1667 * v - 2.5).max(-5.0)
                };
                (status_from(v, th), score)
            };
            let explanation = if achieved {
                format!("The target of {target} for {} is already reached: the value is {y} in {t} ({direction_words}).", inputs.target_year)
            } else {
                format!(
                    "From {y0} in {t0} to {y} in {t} the value changed by {:+.2}% a year; reaching {target} by {} needs {:+.2}% a year. Actual growth is {:.0}% of the needed pace: {}.",
                    observed * 100.0,
                    inputs.target_year,
                    required * 100.0,
                    v * 100.0,
                    status.label().to_lowercase()
                )
            };
            ProgressResult {
                method,
                status,
                value: Some(v),
                score: Some(score),
                inputs: Some(inputs),
                cagr: Some(observed),
                required_cagr: Some(required),
                thresholds: Some(th),
                limit_factor: None,
                calculation: Some(2),
                explanation,
            }
        }
    }
}

/// The natural-limit factor C: thresholds shrink as the base value nears
/// the limit, since the last steps towards a limit are the hardest.
pub fn limit_factor(y0: f64, limit: Option<f64>) -> f64 {
    let Some(l) = limit else { return 1.0 };
    if l == 0.0 {
        return 1.0;
    }
    if y0.abs() <= l.abs() {
        1.0 - (y0 / l).powf(4.44)
    } else if y0.abs() < 2.0 * l.abs() {
        1.0 - ((2.0 * l - y0) / l).powf(4.44)
    } else {
        1.0
    }
}

fn status_from(v: f64, th: Thresholds) -> ProgressStatus {
    if v >= th.high {
        ProgressStatus::SubstantialProgress
    } else if v >= th.med {
        ProgressStatus::ModerateProgress
    } else if v >= th.low {
        ProgressStatus::LimitedProgress
    } else {
        ProgressStatus::Deterioration
    }
}

/// Indicator level from its series: the mean score decides, and "target
/// achieved" only when every series achieved its target.
pub fn indicator_status(series: &[ProgressResult]) -> (ProgressStatus, Option<f64>) {
    let scored: Vec<&ProgressResult> = series
        .iter()
        .filter(|r| r.status != ProgressStatus::NotAvailable && r.score.is_some())
        .collect();
    if scored.is_empty() {
        return (ProgressStatus::NotAvailable, None);
    }
    let mean = scored.iter().filter_map(|r| r.score).sum::<f64>() / scored.len() as f64;
    if scored.len() == series.len()
        && scored
            .iter()
            .all(|r| r.status == ProgressStatus::TargetAchieved)
    {
        return (ProgressStatus::TargetAchieved, Some(mean));
    }
    let status = if mean >= 2.5 {
        ProgressStatus::SubstantialProgress
    } else if mean >= 0.0 {
        ProgressStatus::ModerateProgress
    } else if mean >= -2.5 {
        ProgressStatus::LimitedProgress
    } else {
        ProgressStatus::Deterioration
    };
    (status, Some(mean))
}

/// Whether the current value already meets the target, in the right direction.
fn target_met(inputs: &ProgressInputs, target: f64) -> bool {
    match inputs.direction {
        Direction::Lower => inputs.current_value <= target,
        Direction::Higher => inputs.current_value >= target,
    }
}

/// The alternative methods share their shape: a growth rate, a value rated
/// against thresholds, and "target achieved" when the target is already met.
fn alternative(
    method: ProgressMethod,
    inputs: ProgressInputs,
    rate: impl Fn(f64) -> (f64, Option<f64>, Thresholds),
    describe: impl Fn(f64, ProgressStatus) -> String,
) -> ProgressResult {
    if inputs.current_year <= inputs.base_year || inputs.base_value * inputs.current_value <= 0.0 {
        return ProgressResult::not_available(
            method,
            Some(inputs),
            "fewer than two years of data, or values that are zero or change sign",
        );
    }
    let observed = cagr(
        inputs.base_year,
        inputs.base_value,
        inputs.current_year,
        inputs.current_value,
    );
    let (value, required, th) = rate(observed);
    let status = match inputs.target {
        Some(target) if target_met(&inputs, target) => ProgressStatus::TargetAchieved,
        _ => status_from(value, th),
    };
    ProgressResult {
        method,
        status,
        value: Some(value),
        score: None,
        inputs: Some(inputs),
        cagr: Some(observed),
        required_cagr: required,
        thresholds: Some(th),
        limit_factor: None,
        calculation: Some(if inputs.target.is_some() { 2 } else { 1 }),
        explanation: describe(observed, status),
    }
}

/// Eurostat: the growth rate per year (from the baseline, which Eurostat puts
/// five years back); with a target, actual over required growth.
fn eurostat(inputs: ProgressInputs) -> ProgressResult {
    let d = sign_of_direction(inputs.direction);
    alternative(
        ProgressMethod::Eurostat,
        inputs,
        |observed| match inputs.target {
            None => (
                d * observed,
                None,
                Thresholds {
                    high: 0.01,
                    med: 0.0,
                    low: -0.01,
                },
            ),
            Some(target) => {
                let required = cagr(
                    inputs.base_year,
                    inputs.base_value,
                    inputs.target_year,
                    target,
                );
                (
                    observed / required,
                    Some(required),
                    Thresholds {
                        high: 0.95,
                        med: 0.6,
                        low: 0.0,
                    },
                )
            }
        },
        |observed, status| {
            format!(
                "Eurostat method: {:+.2}% a year from {} to {}: {}.",
                observed * 100.0,
                inputs.base_year,
                inputs.current_year,
                status.label().to_lowercase()
            )
        },
    )
}

/// UNSD Progress Chart: project the current value to the target year at the
/// observed growth rate; compare with the target, or rate the growth itself.
fn unsd(inputs: ProgressInputs) -> ProgressResult {
    let d = sign_of_direction(inputs.direction);
    let projected = |observed: f64| {
        inputs.current_value * (1.0 + observed).powi(inputs.target_year - inputs.current_year)
    };
    alternative(
        ProgressMethod::UnsdProgressChart,
        inputs,
        |observed| match inputs.target {
            // "Limited or regression" below 0.10 is Local Goals' deterioration.
            Some(target) => (
                (projected(observed) - inputs.base_value) / (target - inputs.base_value),
                None,
                Thresholds {
                    high: 0.95,
                    med: 0.10,
                    low: 0.10,
                },
            ),
            None => (
                d * observed,
                None,
                Thresholds {
                    high: 0.02,
                    med: 0.005,
                    low: 0.005,
                },
            ),
        },
        |observed, status| {
            format!(
                "UNSD Progress Chart: at {:+.2}% a year the value would be {:.2} in {}: {}.",
                observed * 100.0,
                projected(observed),
                inputs.target_year,
                status.label().to_lowercase()
            )
        },
    )
}

#[cfg(test)]
mod tests {
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
        assert_eq!(
            assess(ProgressMethod::UnsdProgressChart, slow).status,
            ProgressStatus::Deterioration,
            "0.2% a year is below UNSD's 0.5%"
        );
    }

    #[test]
    fn explanations_name_the_numbers() {
        let r = open_sdg(inputs(
            (2015, 14.5),
            (2023, 10.4),
            Some(7.25),
            Direction::Lower,
            None,
        ));
        assert!(
            r.explanation.contains("14.5 in 2015") && r.explanation.contains("7.25 by 2030"),
            "{}",
            r.explanation
        );
    }
}
