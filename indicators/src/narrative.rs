//! The facts of a narrative: what a series did from its baseline to its
//! latest year, and where it is heading at the pace its status is computed
//! from. No words: `app::words::narrative_text` words a [`Narrative`] in the
//! page's language from audited templates.
//!
//! The pace is the status method's own: [`ProgressResult::cagr`] over its
//! inputs ([`ProgressResult::inputs`], as the method used them: after its
//! 0 → 0.001 adjustments, and for Eurostat over its `t − 5` period), and the
//! projection is the one the UNSD Progress Chart uses,
//! `current × (1 + cagr)^(t − current year)`. So the outlook cannot
//! contradict the status beside it (see `docs/methodology.md`, "Narratives"):
//!
//! - [`Outlook::TargetMet`] exactly when the status is "target achieved";
//! - [`Outlook::Reached`] only with "substantial progress" (reaching the
//!   target by the target year at the observed rate is a progress value of
//!   at least 1, or UNSD's `CR` ≥ 1), never next to "deterioration";
//! - [`Outlook::MovingAway`] with "deterioration" (Open SDG, Eurostat);
//! - [`Outlook::TooFewYears`] and [`Outlook::NoPace`] only when there is no
//!   status.
//!
//! Pure: compiled for the browser too.

use serde::{Deserialize, Serialize};

use crate::model::Direction;
use crate::progress::{target_met, ProgressInputs, ProgressResult, Unavailable};
use crate::summary::{BaselineRule, SeriesSummary};

/// A year (its period label as the file wrote it) and the value in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearValue {
    pub year: i32,
    /// `2015`, or `2014/2015` for a period that is not a calendar year.
    pub label: String,
    pub value: f64,
}

crate::wire_enum! {
    /// Which way the values went from the baseline to the latest year, as a
    /// reader sees them: at the indicator's published decimals.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Movement: "movement" {
        Rose = "rose",
        Fell = "fell",
        /// The two values are the same at the published decimals.
        Unchanged = "unchanged",
    }
}

/// Where the series is heading, at the pace its status is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outlook", rename_all = "kebab-case")]
pub enum Outlook {
    /// One year of data (or, for Eurostat, none three to five years before
    /// the latest): too few years to say.
    TooFewYears,
    /// A status without a target: nothing to reach.
    NoTarget,
    /// The latest value (as the method used it) already meets the target.
    TargetMet { target: f64, target_year: i32 },
    /// At the current pace the projection meets the target in `year`
    /// (`year` ≤ `target_year`).
    Reached {
        target: f64,
        target_year: i32,
        year: i32,
    },
    /// At the current pace the projection falls short of the target in the
    /// target year by `gap` (≥ 0, in the indicator's unit, in the desired
    /// direction: `projected` − `target` for lower-is-better).
    Missed {
        target: f64,
        target_year: i32,
        projected: f64,
        gap: f64,
    },
    /// The target year is the latest year or before it, and the target is
    /// not met: it was missed by `gap` (≥ 0, as in [`Outlook::Missed`]) in
    /// the latest year. No pace is projected backwards.
    Overdue {
        target: f64,
        target_year: i32,
        gap: f64,
    },
    /// The values move away from the target: the pace never reaches it.
    MovingAway { target: f64, target_year: i32 },
    /// The method gives no pace for another reason (opposite signs, a target
    /// no growth rate can reach …).
    NoPace { why: Option<Unavailable> },
}

impl Outlook {
    /// The target and its year, when the outlook is about one.
    pub fn target(&self) -> Option<(f64, i32)> {
        match *self {
            Outlook::TargetMet {
                target,
                target_year,
            }
            | Outlook::Reached {
                target,
                target_year,
                ..
            }
            | Outlook::Missed {
                target,
                target_year,
                ..
            }
            | Outlook::Overdue {
                target,
                target_year,
                ..
            }
            | Outlook::MovingAway {
                target,
                target_year,
            } => Some((target, target_year)),
            _ => None,
        }
    }
}

/// What a series did and where it is heading, ready to be worded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Narrative {
    /// The baseline (the latest point when there is no baseline).
    pub from: YearValue,
    /// The latest point; the same as `from` when there is one year only.
    pub to: YearValue,
    pub movement: Movement,
    /// Whether the movement is good news: `Some(true)` for better, `Some(false)`
    /// for worse, `None` when unchanged.
    pub better: Option<bool>,
    pub direction: Direction,
    pub outlook: Outlook,
    /// The year of the series' last break when `from` is the first period
    /// after it (the baseline year lies before the break): the sentence
    /// says so, since earlier years are not comparable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_break: Option<i32>,
}

impl Narrative {
    /// Whether the narrative covers one year only (`from` is `to`).
    pub fn single_year(&self) -> bool {
        self.from.year == self.to.year
    }
}

/// The narrative of one series, with its values compared at `decimals`
/// (the indicator's published decimals). Better and worse follow the
/// direction the status method used (its inputs'), else `direction` (the
/// indicator's). `None` when the series has no value at all.
pub fn narrative(summary: &SeriesSummary, decimals: u8, direction: Direction) -> Option<Narrative> {
    let latest = summary.latest.as_ref()?;
    let to = YearValue {
        year: latest.period.year,
        label: latest.period.label.clone(),
        value: latest.value,
    };
    let from = summary
        .baseline
        .as_ref()
        .filter(|b| b.year < to.year)
        .map_or_else(
            || to.clone(),
            |b| YearValue {
                year: b.year,
                label: b.label.clone(),
                value: b.value,
            },
        );
    let direction = summary.progress.inputs.map_or(direction, |i| i.direction);
    let movement = movement(from.value, to.value, decimals);
    let better = match movement {
        Movement::Unchanged => None,
        Movement::Rose => Some(direction == Direction::Higher),
        Movement::Fell => Some(direction == Direction::Lower),
    };
    // One year has no pace: the method says so too (its base and current
    // years are the same), so the outlook is its own in every case.
    let outlook = outlook(&summary.progress);
    let series_break = summary
        .baseline
        .as_ref()
        .filter(|b| b.rule == BaselineRule::SeriesBreak)
        .map(|b| b.year);
    Some(Narrative {
        from,
        to,
        movement,
        better,
        direction,
        outlook,
        series_break,
    })
}

/// Rose, fell or unchanged: the two values compared as they are shown,
/// rounded to `decimals`, so a sentence never says "rose from 14.2 % to
/// 14.2 %" nor "stayed at 14.2 %" between two different shown values.
pub fn movement(from: f64, to: f64, decimals: u8) -> Movement {
    let scale = 10f64.powi(i32::from(decimals));
    let (a, b) = ((from * scale).round(), (to * scale).round());
    if a == b {
        Movement::Unchanged
    } else if b > a {
        Movement::Rose
    } else {
        Movement::Fell
    }
}

/// The value `inputs.current_value` carried to `year` (after the latest
/// year) at `growth` a year: `current × (1 + growth)^(year − current year)`,
/// [`crate::progress::projected_value`] for any year.
pub fn project(inputs: &ProgressInputs, growth: f64, year: i32) -> f64 {
    inputs.current_value * (1.0 + growth).powi(year - inputs.current_year)
}

/// Where a series is heading by the method behind `progress`, at its pace.
pub fn outlook(progress: &ProgressResult) -> Outlook {
    if let Some(why) = progress.unavailable {
        return match why {
            Unavailable::TooFewYears | Unavailable::TooShortPeriod => Outlook::TooFewYears,
            other => Outlook::NoPace { why: Some(other) },
        };
    }
    let (Some(inputs), Some(growth)) = (progress.inputs, progress.cagr) else {
        return Outlook::NoPace { why: None };
    };
    if !growth.is_finite() {
        return Outlook::NoPace { why: None };
    }
    let Some(target) = inputs.target else {
        return Outlook::NoTarget;
    };
    let target_year = inputs.target_year;
    if target_met(&inputs, target) {
        return Outlook::TargetMet {
            target,
            target_year,
        };
    }
    if inputs.current_year >= target_year {
        return Outlook::Overdue {
            target,
            target_year,
            gap: inputs.direction.sign() * (target - inputs.current_value),
        };
    }
    // The projection moves the way `current × (1 + g)` does: for a negative
    // value a positive rate makes it more negative, as the methods' `s`
    // factor says.
    let sign = if inputs.current_value < 0.0 {
        -1.0
    } else {
        1.0
    };
    if sign * inputs.direction.sign() * growth < 0.0 {
        return Outlook::MovingAway {
            target,
            target_year,
        };
    }
    let meets = |value: f64| match inputs.direction {
        Direction::Lower => value <= target,
        Direction::Higher => value >= target,
    };
    if let Some(year) =
        (inputs.current_year + 1..=target_year).find(|&t| meets(project(&inputs, growth, t)))
    {
        return Outlook::Reached {
            target,
            target_year,
            year,
        };
    }
    let projected = project(&inputs, growth, target_year);
    Outlook::Missed {
        target,
        target_year,
        projected,
        gap: inputs.direction.sign() * (target - projected),
    }
}

/// The series an indicator's narrative is about: the headline series when
/// it has one (the series its card and page show first), else the first
/// series that counts toward its status, else the first series.
pub fn narrated_summary(summaries: &[SeriesSummary]) -> Option<&SeriesSummary> {
    summaries
        .iter()
        .find(|s| s.dimensions.is_headline())
        .or_else(|| summaries.iter().find(|s| s.counts))
        .or_else(|| summaries.first())
}

/// The indicator-level narrative: the narrative of [`narrated_summary`],
/// with the indicator's published `decimals` and desired `direction`.
pub fn indicator_narrative(
    summaries: &[SeriesSummary],
    decimals: u8,
    direction: Direction,
) -> Option<Narrative> {
    narrative(narrated_summary(summaries)?, decimals, direction)
}

#[cfg(test)]
mod tests;
