//! The indicator page's comparison of districts as bars (the map is
//! `ssr::map`), and whether an indicator is reported by district only.

use indicators::{Indicator, Series};

use crate::chart::{self, Bar};
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::Figure;

/// Reported by district only: no whole-city series, and every series a
/// district's (alone or split further). Such a page opens on the
/// comparison of all districts rather than on the first one.
pub fn district_only(series: &[Series]) -> bool {
    let is_district = |s: &&Series| {
        s.key
            .dimensions
            .pairs()
            .iter()
            .any(|(name, _)| indicators::model::is_district_dimension(name))
    };
    !series.is_empty()
        && series.iter().all(|s| is_district(&s))
        && series.iter().any(|s| s.key.dimensions.district().is_some())
}

/// The latest year with district values, as bars (largest first, flags
/// beside the values), with the city's value as the reference line.
pub fn district_figure(indicator: &Indicator, series: &[Series], locale: Locale) -> Option<Figure> {
    let district_series: Vec<&Series> = series
        .iter()
        .filter(|s| s.key.dimensions.district().is_some())
        .collect();
    let period = district_series
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| &p.period)
        .max()?;
    let mut bars: Vec<Bar> = district_series
        .iter()
        .filter_map(|s| {
            let point = s.at(period)?;
            Some(Bar {
                label: s.key.dimensions.district()?.to_owned(),
                value: point.value,
                flags: point.flags.trim().to_owned(),
            })
        })
        .collect();
    bars.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.label.cmp(&b.label))
    });
    let decimals = usize::from(indicator.decimals);
    let city = series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .and_then(|s| s.at(period))
        .map(|p| p.value);
    let (highest, lowest) = (bars.first()?, bars.last()?);
    let value = |v: f64| format::with_unit(v, decimals, &indicator.unit, locale);
    let name = indicator.localized_title(locale.code()).text;
    let mut title = tr(
        locale,
        "district-chart-title",
        &[
            ("title", name.into()),
            ("period", period.label.clone().into()),
            ("highest", highest.label.clone().into()),
            ("highest-value", value(highest.value).into()),
            ("lowest", lowest.label.clone().into()),
            ("lowest-value", value(lowest.value).into()),
        ],
    );
    if let Some(city) = city {
        title.push_str(&tr(
            locale,
            "district-chart-city",
            &[("value", value(city).into())],
        ));
    }
    // The flags are in the accessible name too, not only beside the bars.
    let flagged: Vec<String> = bars
        .iter()
        .filter(|b| !b.flags.is_empty())
        .map(|b| format!("{} ({})", b.label, b.flags))
        .collect();
    if !flagged.is_empty() {
        title.push_str(&tr(
            locale,
            "district-chart-flagged",
            &[("list", flagged.join(", ").into())],
        ));
    }
    let svg = chart::bar_chart_svg(&bars, city, &indicator.unit, decimals, locale, &title)
        .map_err(|err| tracing::error!(indicator = %indicator.id, %err, "district chart failed"))
        .ok()?;
    let mut table: Vec<(String, String)> = bars
        .iter()
        .map(|b| {
            let shown = if b.flags.is_empty() {
                value(b.value)
            } else {
                format!("{} ({})", value(b.value), b.flags)
            };
            (b.label.clone(), shown)
        })
        .collect();
    if let Some(city) = city {
        table.push((t(locale, "col-whole-city"), value(city)));
    }
    Some(Figure {
        table,
        headings: (
            t(locale, "district-crumb"),
            tr(
                locale,
                "col-value",
                &[("unit", indicator.unit.clone().into())],
            ),
        ),
        svg,
        caption: format!(
            "{}{}",
            tr(
                locale,
                "district-chart-caption",
                &[
                    ("title", name.into()),
                    ("period", period.label.clone().into()),
                    ("unit", indicator.unit.clone().into()),
                ],
            ),
            if city.is_some() {
                t(locale, "district-chart-caption-city")
            } else {
                String::new()
            }
        ),
    })
}
