//! `/indicators/{id}`: what the page shows around the series explorer: the
//! indicator's facts, its mappings, its selectors and the district bars.

use std::collections::{BTreeMap, BTreeSet};

use indicators::{AreaKind, Indicator, Labels, Series};

use super::DashboardData;
use crate::error::AppError;
use crate::format::{self, Locale};
use crate::types::{Badge, DimensionChoice, IndicatorView, Text};
use crate::words::{dimension_label, value_label};

/// The page for `indicator` (a public indicator the server function found).
pub fn indicator(
    data: &DashboardData,
    indicator: &Indicator,
    locale: Locale,
) -> Result<IndicatorView, AppError> {
    let index = &data.index;
    let code = locale.code();
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
                name: data.area(kind, id).map_or_else(
                    || Text::plain(id.clone()),
                    |a| super::text(a.localized_name(code), locale),
                ),
            })
            .collect()
    };
    Ok(IndicatorView {
        id: indicator.id.clone(),
        title: super::text(indicator.localized_title(code), locale),
        unit: indicator.unit.clone(),
        goal_number: goal.number,
        goal_title: crate::words::goal_title(locale, goal.number),
        goal_colour: goal.colour.to_owned(),
        status: index.status_of(&indicator.id),
        definition: super::text(indicator.localized_definition(code), locale),
        source: indicator.source.clone(),
        owner: indicator.owner.clone(),
        narrative: super::text(indicator.localized_narrative(code), locale),
        targets: indicator
            .sdg_targets
            .iter()
            .map(|t| Badge {
                id: t.clone(),
                name: super::english(
                    &framework
                        .target(t)
                        .map(|x| x.title.clone())
                        .unwrap_or_default(),
                    locale,
                ),
            })
            .collect(),
        rights: area_badges(AreaKind::Rights),
        policies: area_badges(AreaKind::Policy),
        dimensions: dimension_choices(series, locale, &data.labels),
        last_period,
        published: format::date(&index.published, locale),
        districts: super::district_bars::district_figure(indicator, series, locale),
        map: super::map::indicator_map(data, indicator, series, None, locale),
        district_only: super::district_bars::district_only(series),
        actions: super::actions::action_views(data, &indicator.id, locale),
        ohchr_type: indicator.ohchr_type,
        qualitative: indicator.is_qualitative(),
        statements: super::qualitative::statement_views(data, &indicator.id, locale),
        gaps: super::gap_figure::gap_figures(data, indicator, series, locale),
        quality: super::quality::quality(data, indicator, series, locale),
    })
}

/// Every disaggregation with its values, for one selector each.
pub fn dimension_choices(
    series: &[Series],
    locale: Locale,
    labels: &Labels,
) -> Vec<DimensionChoice> {
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
            label: dimension_label(locale, labels, name),
            values: values
                .into_iter()
                .map(|v| (v.to_owned(), value_label(locale, labels, name, v)))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn the_view_names_mappings_selectors_and_districts() {
        let data = testing::data();
        let poverty = data.public_indicator("poverty").expect("poverty");
        let view = indicator(&data, poverty, Locale::En).expect("view");
        assert_eq!(view.goal_number, 1);
        let targets: Vec<&str> = view.targets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(targets, ["1.2", "10.2"]);
        assert_eq!(view.rights[0].name.text, "Right to housing");
        assert_eq!(view.policies[0].name.text, "Social affairs");
        let selectors: Vec<(&str, usize)> = view
            .dimensions
            .iter()
            .map(|d| (d.label.as_str(), d.values.len()))
            .collect();
        assert_eq!(selectors, [("District", 2), ("Sex", 2)]);
        assert_eq!(view.last_period, "2020");
        assert_eq!(view.published, "27 November 2026");
        let districts = view.districts.expect("district bars");
        assert!(districts.caption.contains("by district in 2020"));
        assert!(districts
            .svg
            .contains("highest Nord (20.0 %), lowest Süd (10.0 %); whole city 16.0 %"));
    }
}
