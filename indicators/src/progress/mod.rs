//! Progress status of a series, by published methods, with the inputs and
//! the formula behind every result so a page can say why.
//!
//! The default is the method Open SDG 2.4 and Statistics Canada use (after
//! Eurostat); see `docs/methodology.md` for the formulas and worked examples.
//! Pure functions over plain numbers: compiled for the browser too.

use serde::{Deserialize, Serialize};

use crate::model::Direction;

crate::wire_enum! {
    /// Which published method computes the status.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum ProgressMethod: "progress method" {
        /// Open SDG 2.4 / Statistics Canada (the default).
        #[default]
        OpenSdg = "open-sdg",
        /// Eurostat's EU SDG monitoring: average annual growth over the last 5 years.
        Eurostat = "eurostat",
        /// UNSD's Progress Chart (2023): the value projected to 2030.
        UnsdProgressChart = "unsd-progress-chart",
    }
}

crate::wire_enum! {
    /// The status a series or an indicator gets, best first: the order is the
    /// order of a legend, and "needs attention first" sorts it in reverse
    /// (with "not available" last, see [`ProgressStatus::attention_rank`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum ProgressStatus: "progress status" {
        TargetAchieved = "target_achieved",
        SubstantialProgress = "substantial_progress",
        ModerateProgress = "moderate_progress",
        LimitedProgress = "limited_progress",
        Deterioration = "deterioration",
        NotAvailable = "not_available",
    }
}

impl ProgressStatus {
    /// Worst first, for lists that lead with what needs attention:
    /// deterioration 0 … target achieved 4, not available 5.
    pub fn attention_rank(self) -> u8 {
        match self {
            ProgressStatus::Deterioration => 0,
            ProgressStatus::LimitedProgress => 1,
            ProgressStatus::ModerateProgress => 2,
            ProgressStatus::SubstantialProgress => 3,
            ProgressStatus::TargetAchieved => 4,
            ProgressStatus::NotAvailable => 5,
        }
    }
}

crate::wire_enum! {
    /// Why a series has no status.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Unavailable: "reason for no status" {
        /// Fewer than two years of data since the base year.
        TooFewYears = "too-few-years",
        /// The base or current value is missing.
        MissingValue = "missing-value",
        /// Base and current values have opposite signs: a growth rate means nothing.
        OppositeSigns = "opposite-signs",
        /// A zero value or a change of sign (alternative methods in releases
        /// written before they handled both as the Open SDG method does).
        ZeroOrSignChange = "zero-or-sign-change",
        /// Eurostat: no value from five to three years before the latest one.
        TooShortPeriod = "too-short-period",
        /// The target and the base value have opposite signs (Eurostat) or are
        /// equal (UNSD): no required growth rate or distance to measure against.
        TargetUnreachableByGrowth = "target-unreachable-by-growth",
        /// No value in or after the base year.
        NoDataFromBaseYear = "no-data-from-base-year",
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
    /// Why there is no status, when there is none. Everything else a
    /// sentence about the result needs is in the fields above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<Unavailable>,
    /// The class the alternative methods publish (Eurostat, UNSD), which the
    /// status is mapped from; `None` for the Open SDG method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<MethodClass>,
}

impl ProgressResult {
    /// No status, for `why`.
    pub fn not_available(
        method: ProgressMethod,
        inputs: Option<ProgressInputs>,
        why: Unavailable,
    ) -> Self {
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
            unavailable: Some(why),
            class: None,
        }
    }
}

/// Compound annual growth rate from `(t0, y0)` to `(t, y)`.
pub fn cagr(t0: i32, y0: f64, t: i32, y: f64) -> f64 {
    (y / y0).powf(1.0 / f64::from(t - t0)) - 1.0
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
        return ProgressResult::not_available(method, Some(inputs), Unavailable::TooFewYears);
    }
    if !inputs.base_value.is_finite() || !inputs.current_value.is_finite() {
        return ProgressResult::not_available(method, Some(inputs), Unavailable::MissingValue);
    }
    if inputs.base_value * inputs.current_value < 0.0 {
        return ProgressResult::not_available(method, Some(inputs), Unavailable::OppositeSigns);
    }
    let (t0, y0, t, y) = (
        inputs.base_year,
        inputs.base_value,
        inputs.current_year,
        inputs.current_value,
    );
    let d = inputs.direction.sign();
    let s = if y0 < 0.0 { -1.0 } else { 1.0 };
    let observed = cagr(t0, y0, t, y);
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
                unavailable: None,
                class: None,
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
                unavailable: None,
                class: None,
            }
        }
    }
}

/// The natural-limit factor C: thresholds shrink as the base value nears
/// the limit, since the last steps towards a limit are the hardest.
pub fn limit_factor(y0: f64, limit: Option<f64>) -> f64 {
    let Some(l) = limit else { return 1.0 };
    // On absolute values, as sdg-build does: a negative base value and a
    // positive limit would otherwise raise a negative number to 4.44 (NaN).
    let (b, l) = (y0.abs(), l.abs());
    if b >= 2.0 * l {
        1.0
    } else if b <= l {
        1.0 - (b / l).powf(4.44)
    } else {
        1.0 - ((2.0 * l - b) / l).powf(4.44)
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

/// Indicator level from its series. Open SDG: the mean score of the series
/// that have one decides, and "target achieved" only when every one of them
/// achieved its target (series without a score are left out, as in
/// sdg-build). The alternative methods have no scores: see [`most_common`].
pub fn indicator_status(series: &[ProgressResult]) -> (ProgressStatus, Option<f64>) {
    let scored: Vec<&ProgressResult> = series
        .iter()
        .filter(|r| r.status != ProgressStatus::NotAvailable && r.score.is_some())
        .collect();
    if scored.is_empty() {
        return (most_common(series), None);
    }
    let mean = scored.iter().filter_map(|r| r.score).sum::<f64>() / scored.len() as f64;
    if scored
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

/// The indicator status under a method without scores (Eurostat, UNSD):
/// the status most of its series have, a tie going to the worse status (a
/// council should not read a tie as good news); "target achieved" only when
/// every series with a status achieved its target (otherwise an achieved
/// target counts as substantial progress); not available when none has a
/// status.
pub fn most_common(series: &[ProgressResult]) -> ProgressStatus {
    let with_status: Vec<ProgressStatus> = series
        .iter()
        .map(|r| r.status)
        .filter(|s| *s != ProgressStatus::NotAvailable)
        .collect();
    if !with_status.is_empty()
        && with_status
            .iter()
            .all(|s| *s == ProgressStatus::TargetAchieved)
    {
        return ProgressStatus::TargetAchieved;
    }
    let mut counts: std::collections::BTreeMap<ProgressStatus, usize> =
        std::collections::BTreeMap::new();
    for status in with_status {
        let status = match status {
            ProgressStatus::TargetAchieved => ProgressStatus::SubstantialProgress,
            other => other,
        };
        *counts.entry(status).or_default() += 1;
    }
    // Equal counts: the lower attention rank (the worse status) wins.
    counts
        .into_iter()
        .max_by_key(|&(status, count)| (count, std::cmp::Reverse(status.attention_rank())))
        .map_or(ProgressStatus::NotAvailable, |(status, _)| status)
}

/// Whether the current value already meets the target, in the right direction.
pub(super) fn target_met(inputs: &ProgressInputs, target: f64) -> bool {
    match inputs.direction {
        Direction::Lower => inputs.current_value <= target,
        Direction::Higher => inputs.current_value >= target,
    }
}

mod alternative;

use alternative::{eurostat, unsd};
pub use alternative::{
    projected_value, MethodClass, EUROSTAT_MIN_PERIOD_YEARS, EUROSTAT_PERIOD_YEARS,
};

#[cfg(test)]
mod tests;
