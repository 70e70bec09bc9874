//! `/equality` and the rights-area pages' gap section: every public
//! indicator's gaps between rights-holder groups and the whole city
//! (`indicators::gaps`), computed once per release, ranked and worded.

use std::cmp::Ordering;
use std::sync::OnceLock;

use indicators::gaps::{group_gaps, GapTrend, GroupGap, Standing};
use indicators::{Area, AreaKind, Indicator};

use super::DashboardData;
use crate::escape::url_encode;
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::{EqualityView, GapRow};

/// How many gaps each list of `/equality` shows.
pub const LISTED: usize = 10;

/// Every public indicator's gaps, computed the first time a page asks
/// (reading each indicator once) and kept: a release never changes.
#[derive(Debug, Default)]
pub struct GapCache {
    all: OnceLock<Vec<GroupGap>>,
}

impl DashboardData {
    /// Every public indicator's group gaps, in catalogue order.
    pub(crate) fn all_gaps(&self) -> &[GroupGap] {
        self.gaps.all.get_or_init(|| {
            let groups = &self.public.supplements.groups;
            if groups.is_empty() {
                return Vec::new();
            }
            self.public
                .indicators
                .iter()
                .filter(|i| !i.is_qualitative() && self.index.with_data.contains(&i.id))
                .flat_map(|i| group_gaps(i, &self.index.series_only(&i.id), groups))
                .collect()
        })
    }
}

/// `/equality`: the widest gaps of groups behind the whole city and the
/// fastest-widening ones.
pub fn equality(data: &DashboardData, locale: Locale) -> EqualityView {
    let all = data.all_gaps();
    let behind: Vec<&GroupGap> = all
        .iter()
        .filter(|g| g.standing == Standing::Behind)
        .collect();
    let mut indicators: Vec<&str> = all.iter().map(|g| g.indicator_id.as_str()).collect();
    indicators.dedup();
    let rows = |gaps: Vec<&GroupGap>| -> Vec<GapRow> {
        gaps.into_iter()
            .take(LISTED)
            .filter_map(|g| gap_row(data, g, locale))
            .collect()
    };
    EqualityView {
        widest: rows(widest(&behind)),
        widening: rows(fastest_widening(&behind)),
        gaps: all.len(),
        behind: behind.len(),
        indicators: indicators.len(),
    }
}

/// A rights area's groups behind the whole city, widest first (nothing
/// for a policy area).
pub fn area_gaps(data: &DashboardData, area: &Area, locale: Locale) -> Vec<GapRow> {
    if area.kind != AreaKind::Rights {
        return Vec::new();
    }
    let behind: Vec<&GroupGap> = data
        .all_gaps()
        .iter()
        .filter(|g| g.standing == Standing::Behind)
        .filter(|g| {
            data.public_indicator(&g.indicator_id)
                .is_some_and(|i| i.maps_to(AreaKind::Rights, &area.id))
        })
        .collect();
    widest(&behind)
        .into_iter()
        .filter_map(|g| gap_row(data, g, locale))
        .collect()
}

/// Gaps with a relative gap, the widest first (ties: indicator, group).
pub fn widest<'a>(gaps: &[&'a GroupGap]) -> Vec<&'a GroupGap> {
    let mut ranked: Vec<&GroupGap> = gaps
        .iter()
        .copied()
        .filter(|g| g.latest().relative.is_some())
        .collect();
    let size = |g: &GroupGap| g.latest().relative.map_or(0.0, f64::abs);
    ranked.sort_by(|a, b| size(b).total_cmp(&size(a)).then_with(|| tie(a, b)));
    ranked
}

/// Widening gaps whose relative gap grows, the fastest first.
pub fn fastest_widening<'a>(gaps: &[&'a GroupGap]) -> Vec<&'a GroupGap> {
    let mut ranked: Vec<&GroupGap> = gaps
        .iter()
        .copied()
        .filter(|g| g.trend == Some(GapTrend::Widening) && g.pace.is_some_and(|p| p > 0.0))
        .collect();
    let pace = |g: &GroupGap| g.pace.unwrap_or(0.0);
    ranked.sort_by(|a, b| pace(b).total_cmp(&pace(a)).then_with(|| tie(a, b)));
    ranked
}

fn tie(a: &GroupGap, b: &GroupGap) -> Ordering {
    a.indicator_id
        .cmp(&b.indicator_id)
        .then_with(|| a.series.cmp(&b.series))
}

/// One gap, worded; `None` if its indicator is not public.
pub fn gap_row(data: &DashboardData, gap: &GroupGap, locale: Locale) -> Option<GapRow> {
    let indicator = data.public_indicator(&gap.indicator_id)?;
    Some(worded(indicator, gap, locale))
}

/// One gap of `indicator`, worded in `locale`.
pub fn worded(indicator: &Indicator, gap: &GroupGap, locale: Locale) -> GapRow {
    let code = locale.code();
    let decimals = usize::from(indicator.decimals);
    let unit = &indicator.unit;
    let latest = gap.latest();
    let start = gap.baseline();
    let size = |v: f64| format::number(v.abs(), decimals, locale);
    let trend_text = gap.trend.map_or_else(
        || t(locale, "gap-no-trend"),
        |trend| {
            let key = match trend {
                GapTrend::Narrowing => "gap-narrowing",
                GapTrend::Unchanged => "gap-unchanged",
                GapTrend::Widening => "gap-widening",
            };
            tr(
                locale,
                key,
                &[
                    ("year", start.period.label.clone().into()),
                    ("from", size(start.gap).into()),
                    ("to", size(latest.gap).into()),
                ],
            )
        },
    );
    let standing_key = match gap.standing {
        Standing::Behind => "gap-behind",
        Standing::Level => "gap-level",
        Standing::Ahead => "gap-ahead",
    };
    let with_unit = |text: String| {
        if unit.is_empty() {
            text
        } else {
            format!("{text} {unit}")
        }
    };
    GapRow {
        indicator_id: indicator.id.clone(),
        indicator: super::text(indicator.localized_title(code), locale),
        group: super::text(gap.group.localized_group(code), locale),
        series_query: gap
            .series
            .pairs()
            .iter()
            .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
            .collect::<Vec<_>>()
            .join("&"),
        period: latest.period.label.clone(),
        group_value: format::with_unit(latest.group, decimals, unit, locale),
        city_value: format::with_unit(latest.city, decimals, unit, locale),
        gap: with_unit(format::signed(latest.gap, decimals, locale)),
        relative: latest
            .relative
            .map(|r| format!("{} %", format::signed(r, 1, locale))),
        standing: gap.standing,
        standing_text: t(locale, standing_key),
        trend: gap.trend,
        trend_text,
        pace: gap.pace.map(|p| {
            tr(
                locale,
                "gap-pace",
                &[("pace", format::signed(p, 1, locale).into())],
            )
        }),
        flags: latest.flags.clone(),
    }
}

#[cfg(test)]
mod tests;
