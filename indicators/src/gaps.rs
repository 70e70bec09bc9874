//! Who is left behind: the gap between each rights-holder group's series
//! (a series split by one value that `groups.csv` maps to a group) and the
//! whole city's, over time, and whether it narrows or widens since the
//! baseline. The rule, as `docs/methodology.md` ("Gaps between groups")
//! states it:
//!
//! - `gap(t) = group(t) − city(t)` in the indicator's unit, for every period
//!   both series have;
//! - the group is **behind** when `gap × direction.sign() < 0`, **ahead**
//!   when it is `> 0`, and **level** when the gap rounds to 0 at the
//!   indicator's decimals;
//! - the baseline is the period of the indicator's `baseline_year` when both
//!   series have it, else their first common period; the latest is their
//!   last common period;
//! - the gap is **widening** when `|gap(latest)| − |gap(baseline)|` is
//!   positive, **narrowing** when negative and **unchanged** when it rounds
//!   to 0 at the indicator's decimals (none with one common period);
//! - the relative gap is `gap / |city| × 100` (when the city's value is not
//!   0), so gaps in different units can be ranked; the pace is the change of
//!   `|relative gap|` per year from the baseline to the latest period.

use crate::model::{Dimensions, Direction, GroupMapping, Indicator, Period, Series};

crate::wire_enum! {
    /// Where a group stands against the whole city in one period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Standing: "standing" {
        /// Worse off than the city as a whole, by the indicator's direction.
        Behind = "behind",
        /// The same, at the indicator's decimals.
        Level = "level",
        Ahead = "ahead",
    }
}

crate::wire_enum! {
    /// How the size of a gap changed from the baseline to the latest period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum GapTrend: "gap trend" {
        Narrowing = "narrowing",
        Unchanged = "unchanged",
        Widening = "widening",
    }
}

/// One period both series have.
#[derive(Debug, Clone, PartialEq)]
pub struct GapPoint {
    pub period: Period,
    /// The group's value.
    pub group: f64,
    /// The whole city's value.
    pub city: f64,
    /// `group − city`, in the indicator's unit.
    pub gap: f64,
    /// `gap / |city| × 100`; `None` when the city's value is 0.
    pub relative: Option<f64>,
    /// The flags of the group's and the city's values, each flag once.
    pub flags: String,
}

/// One group's gap to the whole city for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupGap {
    pub indicator_id: String,
    /// The group's series (one dimension and its value, as the data writes them).
    pub series: Dimensions,
    /// The mapping that makes the series a group's.
    pub group: GroupMapping,
    /// Every period both series have, ascending; never empty.
    pub points: Vec<GapPoint>,
    /// The position of the baseline period in `points`.
    pub baseline: usize,
    /// Where the group stands in the latest period.
    pub standing: Standing,
    /// `None` with a single common period.
    pub trend: Option<GapTrend>,
    /// `|gap(latest)| − |gap(baseline)|`, in the indicator's unit.
    pub change: Option<f64>,
    /// The change of `|relative gap|` per year, in percentage points.
    pub pace: Option<f64>,
}

impl GroupGap {
    pub fn latest(&self) -> &GapPoint {
        // `points` is never empty: `group_gaps` makes a gap from one point up.
        &self.points[self.points.len() - 1]
    }

    pub fn baseline(&self) -> &GapPoint {
        &self.points[self.baseline]
    }
}

/// The gap of every group series of `indicator` to its headline series,
/// in the order of `series`. Nothing without a headline series; a series
/// counts when it is split by exactly one dimension whose value `groups`
/// maps (the dimension without regard to case, the value exactly).
pub fn group_gaps(
    indicator: &Indicator,
    series: &[Series],
    groups: &[GroupMapping],
) -> Vec<GroupGap> {
    let Some(city) = series.iter().find(|s| s.key.dimensions.is_headline()) else {
        return Vec::new();
    };
    series
        .iter()
        .filter_map(|s| {
            let [(dimension, value)] = s.key.dimensions.pairs() else {
                return None;
            };
            let group = groups
                .iter()
                .find(|g| g.dimension.eq_ignore_ascii_case(dimension) && &g.value == value)?;
            gap(indicator, s, city, group)
        })
        .collect()
}

/// One group's gap, `None` when the two series share no period.
fn gap(
    indicator: &Indicator,
    group: &Series,
    city: &Series,
    mapping: &GroupMapping,
) -> Option<GroupGap> {
    let points: Vec<GapPoint> = group
        .points
        .iter()
        .filter_map(|g| {
            let c = city.at(&g.period)?;
            let gap = g.value - c.value;
            Some(GapPoint {
                period: g.period.clone(),
                group: g.value,
                city: c.value,
                gap,
                relative: (c.value != 0.0).then(|| gap / c.value.abs() * 100.0),
                flags: merged_flags(&g.flags, &c.flags),
            })
        })
        .collect();
    let latest = points.last()?;
    let decimals = indicator.decimals;
    // A break in either series starts a new segment: the direction never
    // compares across it (the first point of a series cannot break it).
    let segment = points
        .iter()
        .rposition(|p| crate::model::marks_break(&p.flags))
        .unwrap_or(0);
    let baseline = indicator
        .baseline_year
        .and_then(|year| points.iter().position(|p| p.period.year == year))
        .filter(|&i| i >= segment)
        .unwrap_or(segment);
    let start = &points[baseline];
    let compared = baseline != points.len() - 1;
    let change = compared.then(|| latest.gap.abs() - start.gap.abs());
    let trend = change.map(|change| {
        if rounds_to_zero(change, decimals) {
            GapTrend::Unchanged
        } else if change > 0.0 {
            GapTrend::Widening
        } else {
            GapTrend::Narrowing
        }
    });
    let years = latest.period.year - start.period.year;
    let pace = match (compared, start.relative, latest.relative) {
        (true, Some(from), Some(to)) if years > 0 => {
            Some((to.abs() - from.abs()) / f64::from(years))
        }
        _ => None,
    };
    Some(GroupGap {
        indicator_id: indicator.id.clone(),
        series: group.key.dimensions.clone(),
        group: mapping.clone(),
        standing: standing(latest.gap, indicator.direction, decimals),
        baseline,
        trend,
        change,
        pace,
        points,
    })
}

/// Where a group with `gap` stands, judged by `direction` at `decimals`.
pub fn standing(gap: f64, direction: Direction, decimals: u8) -> Standing {
    if rounds_to_zero(gap, decimals) {
        Standing::Level
    } else if gap * direction.sign() < 0.0 {
        Standing::Behind
    } else {
        Standing::Ahead
    }
}

/// Whether `x` shows as 0 with `decimals` decimals (half a last decimal and
/// more rounds away from 0).
fn rounds_to_zero(x: f64, decimals: u8) -> bool {
    (x.abs() * 10f64.powi(i32::from(decimals))).round() == 0.0
}

/// Each flag (one character: `p`, `e`, `b`, `*` …) of either value, once,
/// the group's first.
fn merged_flags(group: &str, city: &str) -> String {
    let mut flags = String::new();
    for flag in group.chars().chain(city.chars()) {
        if !flag.is_whitespace() && !flags.contains(flag) {
            flags.push(flag);
        }
    }
    flags
}

#[cfg(test)]
mod tests;
