//! The district maps pages show, from the public boundaries
//! (`districts.geojson`) and the public series: an indicator's latest
//! district values (its page, and each district page with that district
//! outlined), and a district's place in the city.

use indicators::{Indicator, Series};

use super::DashboardData;
use crate::chart::map::{self, choropleth, range_text, Choropleth, MapSpec, MapValue};
use crate::escape::url_encode;
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::{MapFigure, MapRow};

/// `indicator`'s district values in the latest period any district has,
/// on the map; `highlight` outlines one district. `None` without
/// boundaries or district values.
pub fn indicator_map(
    data: &DashboardData,
    indicator: &Indicator,
    series: &[Series],
    highlight: Option<&str>,
    locale: Locale,
) -> Option<MapFigure> {
    let shapes = &data.public.supplements.districts.as_ref()?.districts;
    let by_district: Vec<(&str, &Series)> = series
        .iter()
        .filter_map(|s| Some((s.key.dimensions.district()?, s)))
        .collect();
    let period = by_district
        .iter()
        .filter_map(|(_, s)| s.points.last())
        .map(|p| &p.period)
        .max()?;
    let values: Vec<MapValue> = by_district
        .iter()
        .filter_map(|(district, s)| {
            let point = s.at(period)?;
            Some(MapValue {
                id: (*district).to_owned(),
                value: point.value,
                flags: point.flags.clone(),
            })
        })
        .collect();
    let name = indicator.localized_title(locale.code()).text;
    let title = tr(
        locale,
        "map-title",
        &[
            ("title", name.into()),
            ("period", period.label.clone().into()),
        ],
    );
    let spec = MapSpec {
        shapes,
        values: &values,
        unit: &indicator.unit,
        decimals: usize::from(indicator.decimals),
        direction: indicator.direction,
        locale,
        title: &title,
        highlight,
    };
    let drawn = choropleth(&spec)
        .map_err(|err| tracing::error!(indicator = %indicator.id, %err, "district map failed"))
        .ok()?;
    let city = series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .and_then(|s| s.at(period))
        .map(|p| (t(locale, "col-whole-city"), map::value_text(p.value, &spec)));
    Some(MapFigure {
        caption: tr(
            locale,
            "map-caption",
            &[
                ("title", name.into()),
                ("period", period.label.clone().into()),
                ("unit", indicator.unit.clone().into()),
            ],
        ),
        table_caption: tr(
            locale,
            "map-table-caption",
            &[
                ("title", name.into()),
                ("period", period.label.clone().into()),
            ],
        ),
        period: period.label.clone(),
        headings: [
            t(locale, "district-crumb"),
            tr(
                locale,
                "col-value",
                &[("unit", indicator.unit.clone().into())],
            ),
            t(locale, "col-flags"),
            t(locale, "map-col-class"),
        ],
        rows: rows(data, &drawn, &spec, highlight),
        svg: drawn.svg,
        city,
    })
}

/// Where `district` lies among the others: every boundary, the district
/// filled and outlined, no values.
pub fn locator_map(data: &DashboardData, district: &str, locale: Locale) -> Option<MapFigure> {
    let shapes = &data.public.supplements.districts.as_ref()?.districts;
    let shape = shapes.iter().find(|s| s.id == district)?;
    let title = tr(
        locale,
        "map-locator-title",
        &[("name", shape.name.clone().into())],
    );
    let spec = MapSpec {
        shapes,
        values: &[],
        unit: "",
        decimals: 0,
        direction: indicators::Direction::Higher,
        locale,
        title: &title,
        highlight: Some(district),
    };
    let drawn = choropleth(&spec)
        .map_err(|err| tracing::error!(%district, %err, "locator map failed"))
        .ok()?;
    Some(MapFigure {
        svg: drawn.svg,
        caption: title,
        ..MapFigure::default()
    })
}

/// The table's rows: every district the map drew or listed, by name.
fn rows(
    data: &DashboardData,
    drawn: &Choropleth,
    spec: &MapSpec<'_>,
    highlight: Option<&str>,
) -> Vec<MapRow> {
    let locale = spec.locale;
    drawn
        .districts
        .iter()
        .map(|d| {
            let class = match (d.class, d.has_boundary) {
                (_, false) => t(locale, "map-no-boundary"),
                (None, true) => t(locale, "map-no-data"),
                (Some(k), true) => tr(
                    locale,
                    "map-class-of",
                    &[
                        ("class", (k + 1).into()),
                        ("of", drawn.classes.len().into()),
                        (
                            "range",
                            range_text(&drawn.classes[k], spec.decimals, locale).into(),
                        ),
                    ],
                ),
            };
            MapRow {
                name: match d.key {
                    Some(number) => format!("{number} · {}", d.name),
                    None => d.name.clone(),
                },
                href: if data.has_district(&d.id) {
                    locale.href(&format!("/districts/{}", url_encode(&d.id)))
                } else {
                    String::new()
                },
                value: d.value.map_or_else(
                    || t(locale, "map-no-data"),
                    |v| format::with_unit(v, spec.decimals, spec.unit, locale),
                ),
                flags: d.flags.clone(),
                class,
                current: highlight == Some(d.id.as_str()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
