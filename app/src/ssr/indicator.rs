//! `/indicators/{id}`: what the page shows around the series explorer: the
//! indicator's facts, its mappings, its selectors and the district bars.

use std::collections::{BTreeMap, BTreeSet};

use indicators::{AreaKind, Indicator, Series};

use super::DashboardData;
use crate::chart;
use crate::error::AppError;
use crate::format::{self, Locale};
use crate::types::{Badge, DimensionChoice, Figure, IndicatorView};
use crate::words::capitalise;

/// The page for `indicator` (a public indicator the server function found).
pub fn indicator(data: &DashboardData, indicator: &Indicator) -> Result<IndicatorView, AppError> {
    let index = &data.index;
    let goal = indicator
        .primary_goal()
        .and_then(indicators::sdg::goal)
        .ok_or_else(|| {
            tracing::error!(indicator = %indicator.id, "indicator maps to no known goal");
            AppError::Internal
        })?;
    let block = index.block(&indicator.id);
    let series = &block.series;
    let framework = indicators::sdg::framework();
    let last_period = series
        .iter()
        .filter_map(|s| s.points.last())
        .max_by(|a, b| a.period.cmp(&b.period))
        .map(|p| p.period.label.clone())
        .unwrap_or_default();
    let area_badges = |kind: AreaKind| -> Vec<Badge> {
        indicator
            .areas(kind)
            .iter()
            .map(|id| Badge {
                id: id.clone(),
                name: data
                    .area(kind, id)
                    .map(|a| a.name().to_owned())
                    .unwrap_or_else(|| id.clone()),
            })
            .collect()
    };
    Ok(IndicatorView {
        id: indicator.id.clone(),
        title: indicator.title().to_owned(),
        unit: indicator.unit.clone(),
        goal_number: goal.number,
        goal_title: goal.short_title.to_owned(),
        goal_colour: goal.colour.to_owned(),
        status: index.status_of(&indicator.id),
        definition: indicator.definition.clone(),
        source: indicator.source.clone(),
        owner: indicator.owner.clone(),
        narrative: indicator.narrative.clone(),
        targets: indicator
            .sdg_targets
            .iter()
            .map(|t| Badge {
                id: t.clone(),
                name: framework
                    .target(t)
                    .map(|x| x.title.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        rights: area_badges(AreaKind::Rights),
        policies: area_badges(AreaKind::Policy),
        dimensions: dimension_choices(series),
        last_period,
        published: index.published.clone(),
        districts: district_figure(indicator, series, index.locale),
    })
}

/// Every disaggregation with its values, for one selector each.
pub fn dimension_choices(series: &[Series]) -> Vec<DimensionChoice> {
    let mut dimensions: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in series {
        for (name, value) in s.key.dimensions.pairs() {
            dimensions.entry(name).or_default().insert(value);
        }
    }
    dimensions
        .into_iter()
        .map(|(name, values)| DimensionChoice {
            name: name.to_owned(),
            label: capitalise(name),
            values: values.into_iter().map(str::to_owned).collect(),
        })
        .collect()
}

/// The latest year with district values, as bars, with the city's value as
/// the reference line.
fn district_figure(indicator: &Indicator, series: &[Series], locale: Locale) -> Option<Figure> {
    let district_series: Vec<&Series> = series
        .iter()
        .filter(|s| s.key.dimensions.district().is_some())
        .collect();
    let period = district_series
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| &p.period)
        .max()?;
    let mut bars: Vec<(String, f64)> = district_series
        .iter()
        .filter_map(|s| {
            let point = s.at(period)?;
            Some((s.key.dimensions.district()?.to_owned(), point.value))
        })
        .collect();
    bars.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let decimals = usize::from(indicator.decimals);
    let city = series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .and_then(|s| s.at(period))
        .map(|p| p.value);
    let (highest, lowest) = (bars.first()?, bars.last()?);
    let value = |v: f64| format::with_unit(v, decimals, &indicator.unit, locale);
    let mut title = format!(
        "{} by district, {}: highest {} ({}), lowest {} ({})",
        indicator.title(),
        period.label,
        highest.0,
        value(highest.1),
        lowest.0,
        value(lowest.1)
    );
    if let Some(city) = city {
        title.push_str(&format!("; whole city {}", value(city)));
    }
    let svg = chart::bar_chart_svg(&bars, city, &indicator.unit, decimals, locale, &title)
        .map_err(|err| tracing::error!(indicator = %indicator.id, %err, "district chart failed"))
        .ok()?;
    Some(Figure {
        svg,
        caption: format!(
            "{} by district in {} ({}){}",
            indicator.title(),
            period.label,
            indicator.unit,
            if city.is_some() {
                "; the dashed line is the whole city"
            } else {
                ""
            }
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn the_view_names_mappings_selectors_and_districts() {
        let data = testing::data();
        let poverty = data.public_indicator("poverty").expect("poverty");
        let view = indicator(&data, poverty).expect("view");
        assert_eq!(view.goal_number, 1);
        let targets: Vec<&str> = view.targets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(targets, ["1.2", "10.2"]);
        assert_eq!(view.rights[0].name, "Right to housing");
        assert_eq!(view.policies[0].name, "Social affairs");
        let selectors: Vec<(&str, usize)> = view
            .dimensions
            .iter()
            .map(|d| (d.label.as_str(), d.values.len()))
            .collect();
        assert_eq!(selectors, [("District", 2), ("Sex", 2)]);
        assert_eq!(view.last_period, "2020");
        assert_eq!(view.published, "2026-11-27");
        let districts = view.districts.expect("district bars");
        assert!(districts.caption.contains("by district in 2020"));
        assert!(districts
            .svg
            .contains("highest Nord (20.0 %), lowest Süd (10.0 %); whole city 16.0 %"));
    }
}
