//! The alternative methods, Eurostat's EU SDG monitoring and the UNSD
//! Progress Chart (2023): their published classes and how each maps to a
//! Local Goals status. See `docs/methodology.md`, methods 2 and 3.

use super::{
    cagr, target_met, ProgressInputs, ProgressMethod, ProgressResult, ProgressStatus, Thresholds,
    Unavailable,
};

crate::wire_enum! {
    /// The classes Eurostat and the UNSD Progress Chart publish, by their
    /// published names. Each maps to a [`ProgressStatus`] ([`MethodClass::status`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum MethodClass: "published class" {
        /// Eurostat: growth above 1 % a year, or at least 95 % of the required growth.
        SignificantProgress = "significant-progress",
        /// Eurostat: growth of 0 to 1 % a year, or 60 to 95 % of the required growth.
        ModerateProgress = "moderate-progress",
        /// Eurostat, no target: growth of 0 to −1 % a year.
        ModerateMovementAway = "moderate-movement-away",
        /// Eurostat, no target: growth below −1 % a year.
        SignificantMovementAway = "significant-movement-away",
        /// Eurostat, with a target: 0 to 60 % of the required growth.
        InsufficientProgress = "insufficient-progress",
        /// Eurostat, with a target: growth away from the target.
        MovementAway = "movement-away",
        /// UNSD: `CR` ≥ 0.95, or growth of 2 % a year or more.
        OnTrackOrTargetMet = "on-track-or-target-met",
        /// UNSD: `CR` from 0.10 to 0.95, or growth of 0.5 to 2 % a year.
        FairProgress = "fair-progress",
        /// UNSD: `CR` below 0.10, or growth below 0.5 % a year.
        StagnationOrRegression = "stagnation-or-regression",
    }
}

impl MethodClass {
    /// The Local Goals status a class is shown as, given the progress value
    /// `v` it came from. Movement away is deterioration; UNSD's "stagnation or
    /// regression" is split by the sign of `v` (limited progress when the value
    /// still moves the right way, deterioration when it moves away).
    pub fn status(self, v: f64) -> ProgressStatus {
        match self {
            MethodClass::SignificantProgress | MethodClass::OnTrackOrTargetMet => {
                ProgressStatus::SubstantialProgress
            }
            MethodClass::ModerateProgress | MethodClass::FairProgress => {
                ProgressStatus::ModerateProgress
            }
            MethodClass::InsufficientProgress => ProgressStatus::LimitedProgress,
            MethodClass::ModerateMovementAway
            | MethodClass::SignificantMovementAway
            | MethodClass::MovementAway => ProgressStatus::Deterioration,
            MethodClass::StagnationOrRegression if v >= 0.0 => ProgressStatus::LimitedProgress,
            MethodClass::StagnationOrRegression => ProgressStatus::Deterioration,
        }
    }
}

/// The alternative methods' inputs, prepared as the Open SDG method prepares
/// its own: a base value or target of 0 becomes 0.001, and base and current
/// values of opposite signs (or fewer than two years) give no status: then
/// the inputs as prepared and why.
fn prepared(raw: ProgressInputs) -> Result<(ProgressInputs, f64), (ProgressInputs, Unavailable)> {
    let mut inputs = raw;
    if inputs.base_value == 0.0 {
        inputs.base_value = 0.001;
    }
    if inputs.target == Some(0.0) {
        inputs.target = Some(0.001);
    }
    if inputs.current_year <= inputs.base_year {
        return Err((inputs, Unavailable::TooFewYears));
    }
    if !inputs.base_value.is_finite() || !inputs.current_value.is_finite() {
        return Err((inputs, Unavailable::MissingValue));
    }
    if inputs.base_value * inputs.current_value < 0.0 {
        return Err((inputs, Unavailable::OppositeSigns));
    }
    let observed = cagr(
        inputs.base_year,
        inputs.base_value,
        inputs.current_year,
        inputs.current_value,
    );
    Ok((inputs, observed))
}

/// A result of an alternative method: its published class, the Local Goals
/// status it maps to, and the numbers behind both.
fn classified(
    method: ProgressMethod,
    inputs: ProgressInputs,
    observed: f64,
    value: f64,
    required: Option<f64>,
    thresholds: Thresholds,
    class: MethodClass,
) -> ProgressResult {
    let status = match inputs.target {
        Some(target) if target_met(&inputs, target) => ProgressStatus::TargetAchieved,
        _ => class.status(value),
    };
    ProgressResult {
        method,
        status,
        value: Some(value),
        score: None,
        inputs: Some(inputs),
        cagr: Some(observed),
        required_cagr: required,
        thresholds: Some(thresholds),
        limit_factor: None,
        calculation: Some(if inputs.target.is_some() { 2 } else { 1 }),
        unavailable: None,
        class: Some(class),
    }
}

/// How many years back Eurostat's short-term assessment starts (`t − 5`).
pub const EUROSTAT_PERIOD_YEARS: i32 = 5;
/// The shortest period Eurostat assesses when `t − 5` has no value.
pub const EUROSTAT_MIN_PERIOD_YEARS: i32 = 3;

/// Eurostat's EU SDG monitoring, short term: the compound annual growth rate
/// over the period `t − 5` to `t` (the inputs' base year is chosen that way,
/// see `summary::progress_inputs`). Without a target the growth rate in the
/// desired direction is classed at ±1 % a year; with a target, the ratio of
/// actual to required growth (from the start of the period to the target) at
/// 95 %, 60 % and 0 %.
pub(super) fn eurostat(raw: ProgressInputs) -> ProgressResult {
    let method = ProgressMethod::Eurostat;
    let (inputs, observed) = match prepared(raw) {
        Ok(prepared) => prepared,
        Err((inputs, why)) => return ProgressResult::not_available(method, Some(inputs), why),
    };
    let d = inputs.direction.sign();
    let s = if inputs.base_value < 0.0 { -1.0 } else { 1.0 };
    match inputs.target {
        None => {
            let v = s * d * observed;
            let th = Thresholds {
                high: 0.01,
                med: 0.0,
                low: -0.01,
            };
            let class = if v > th.high {
                MethodClass::SignificantProgress
            } else if v > th.med {
                MethodClass::ModerateProgress
            } else if v >= th.low {
                MethodClass::ModerateMovementAway
            } else {
                MethodClass::SignificantMovementAway
            };
            classified(method, inputs, observed, v, None, th, class)
        }
        Some(target) if !target_met(&inputs, target) && target / inputs.base_value <= 0.0 => {
            ProgressResult::not_available(
                method,
                Some(inputs),
                Unavailable::TargetUnreachableByGrowth,
            )
        }
        Some(target) => {
            let required = cagr(
                inputs.base_year,
                inputs.base_value,
                inputs.target_year,
                target,
            );
            // As in the Open SDG method, `s·d` and `|required|` keep the
            // ratio's sign meaning "in the right direction" for any values.
            let v = s * d * observed / required.abs();
            let th = Thresholds {
                high: 0.95,
                med: 0.6,
                low: 0.0,
            };
            let class = if v >= th.high {
                MethodClass::SignificantProgress
            } else if v >= th.med {
                MethodClass::ModerateProgress
            } else if v >= th.low {
                MethodClass::InsufficientProgress
            } else {
                MethodClass::MovementAway
            };
            classified(method, inputs, observed, v, Some(required), th, class)
        }
    }
}

/// The current value carried to the target year at `growth` a year (the
/// UNSD Progress Chart's projection).
pub fn projected_value(inputs: &ProgressInputs, growth: f64) -> f64 {
    inputs.current_value * (1.0 + growth).powi(inputs.target_year - inputs.current_year)
}

/// UNSD Progress Chart (2023 technical note): with a target, the value
/// projected to the target year at the observed growth rate, as a share of
/// the distance from the base value to the target (`CR`), classed at 0.95 and
/// 0.10; without one, the growth rate in the desired direction at 2 % and
/// 0.5 % a year.
pub(super) fn unsd(raw: ProgressInputs) -> ProgressResult {
    let method = ProgressMethod::UnsdProgressChart;
    let (inputs, observed) = match prepared(raw) {
        Ok(prepared) => prepared,
        Err((inputs, why)) => return ProgressResult::not_available(method, Some(inputs), why),
    };
    let d = inputs.direction.sign();
    let s = if inputs.base_value < 0.0 { -1.0 } else { 1.0 };
    if let Some(target) = inputs.target {
        // No distance to cover: `CR` would divide by zero.
        if target == inputs.base_value && !target_met(&inputs, target) {
            return ProgressResult::not_available(
                method,
                Some(inputs),
                Unavailable::TargetUnreachableByGrowth,
            );
        }
    }
    let (v, th) = match inputs.target {
        Some(target) => (
            (projected_value(&inputs, observed) - inputs.base_value) / (target - inputs.base_value),
            Thresholds {
                high: 0.95,
                med: 0.10,
                low: 0.0,
            },
        ),
        None => (
            s * d * observed,
            Thresholds {
                high: 0.02,
                med: 0.005,
                low: 0.0,
            },
        ),
    };
    let class = if v >= th.high {
        MethodClass::OnTrackOrTargetMet
    } else if v >= th.med {
        MethodClass::FairProgress
    } else {
        MethodClass::StagnationOrRegression
    };
    classified(method, inputs, observed, v, None, th, class)
}

#[cfg(test)]
mod tests;
