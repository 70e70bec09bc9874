//! The indicator page's gap figures: for each dimension with rights-holder
//! groups, a chart of each group's gap to the whole city over time, its
//! legend, the latest gaps and every gap as a table.

use std::collections::BTreeSet;

use indicators::gaps::{group_gaps, GroupGap};
use indicators::{Indicator, Period, Series};

use super::equality::worded;
use super::DashboardData;
use crate::chart::{self, GapLine};
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::{GapFigure, Text};
use crate::words::dimension_label;

/// One figure per dimension whose values `groups.csv` maps, in the order
/// of the series; none without a headline series.
pub fn gap_figures(
    data: &DashboardData,
    indicator: &Indicator,
    series: &[Series],
    locale: Locale,
) -> Vec<GapFigure> {
    let gaps = group_gaps(indicator, series, &data.public.supplements.groups);
    let mut dimensions: Vec<&str> = Vec::new();
    for gap in &gaps {
        if let Some((name, _)) = gap.series.pairs().first() {
            if !dimensions.contains(&name.as_str()) {
                dimensions.push(name);
            }
        }
    }
    dimensions
        .into_iter()
        .filter_map(|name| {
            let of_dimension: Vec<&GroupGap> = gaps
                .iter()
                .filter(|g| g.series.pairs().first().is_some_and(|(n, _)| n == name))
                .collect();
            let label = dimension_label(locale, &data.labels, name);
            figure(indicator, &label, &of_dimension, locale)
        })
        .collect()
}

fn figure(
    indicator: &Indicator,
    dimension: &str,
    gaps: &[&GroupGap],
    locale: Locale,
) -> Option<GapFigure> {
    let code = locale.code();
    let decimals = usize::from(indicator.decimals);
    let title = indicator.localized_title(code).text;
    let groups: Vec<Text> = gaps
        .iter()
        .map(|g| super::text(g.group.localized_group(code), locale))
        .collect();
    let periods: BTreeSet<&Period> = gaps
        .iter()
        .flat_map(|g| g.points.iter().map(|p| &p.period))
        .collect();
    let years = match (periods.first(), periods.last()) {
        (Some(first), Some(last)) if first != last => format!("{}–{}", first.label, last.label),
        (Some(only), _) => only.label.clone(),
        _ => return None,
    };
    let cell = |gap: f64, flags: &str| {
        let value = format::signed(gap, decimals, locale);
        if flags.is_empty() {
            value
        } else {
            format!("{value} {flags}")
        }
    };
    let desc = gaps
        .iter()
        .zip(&groups)
        .map(|(gap, group)| {
            let values: Vec<String> = gap
                .points
                .iter()
                .map(|p| format!("{} {}", p.period.label, cell(p.gap, &p.flags)))
                .collect();
            format!("{}: {}", group.text, values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let lines: Vec<GapLine> = gaps
        .iter()
        .map(|g| GapLine {
            points: g
                .points
                .iter()
                .map(|p| (p.period.year, p.gap, !p.flags.is_empty()))
                .collect(),
        })
        .collect();
    let chart_title = tr(
        locale,
        "gap-chart-title",
        &[
            ("title", title.into()),
            ("dimension", dimension.to_owned().into()),
            ("years", years.into()),
        ],
    );
    let axis = tr(
        locale,
        "gap-axis",
        &[("unit", indicator.unit.clone().into())],
    );
    let svg = chart::gap_chart_svg(&lines, &axis, locale, &chart_title, &desc)
        .map_err(|err| tracing::error!(indicator = %indicator.id, %err, "gap chart failed"))
        .ok()?;
    let mut legend: Vec<(String, Text)> = groups
        .iter()
        .enumerate()
        .map(|(i, group)| (chart::gap_swatch(i), group.clone()))
        .collect();
    legend.push((
        chart::zero_swatch(),
        Text::plain(t(locale, "gap-legend-zero")),
    ));
    if gaps
        .iter()
        .any(|g| g.points.iter().any(|p| !p.flags.is_empty()))
    {
        legend.push((
            chart::flag_swatch(),
            Text::plain(t(locale, "gap-legend-flagged")),
        ));
    }
    let table = periods
        .iter()
        .map(|period| {
            let cells = gaps
                .iter()
                .map(|g| {
                    g.points
                        .iter()
                        .find(|p| &p.period == *period)
                        .map_or_else(String::new, |p| cell(p.gap, &p.flags))
                })
                .collect();
            (period.label.clone(), cells)
        })
        .collect();
    Some(GapFigure {
        dimension: dimension.to_owned(),
        svg,
        caption: tr(
            locale,
            "gap-chart-caption",
            &[
                ("title", title.into()),
                ("dimension", dimension.to_owned().into()),
                ("unit", indicator.unit.clone().into()),
            ],
        ),
        latest_caption: tr(
            locale,
            "gap-latest-caption",
            &[("dimension", dimension.to_owned().into())],
        ),
        table_caption: tr(
            locale,
            "gap-table-caption",
            &[
                ("dimension", dimension.to_owned().into()),
                ("unit", indicator.unit.clone().into()),
            ],
        ),
        legend,
        rows: gaps.iter().map(|g| worded(indicator, g, locale)).collect(),
        columns: groups,
        periods: table,
    })
}
