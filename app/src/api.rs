//! Server functions and the view types they return. Each function checks its
//! input against the loaded data; nothing from the client is trusted.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A goal that has data, with its indicators, for the home page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalSummary {
    pub number: u8,
    pub short_title: String,
    pub colour: String,
    /// Text colour that contrasts with `colour`.
    pub text_colour: String,
    pub indicators: Vec<IndicatorLink>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLink {
    pub id: String,
    pub title: String,
}

/// What the indicator page shows above the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub sdg_targets: Vec<String>,
    pub goal_number: u8,
    pub goal_title: String,
    pub goal_colour: String,
    /// The series a reader can choose, headline first.
    pub series: Vec<SeriesOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesOption {
    /// Used in the `series` query parameter, e.g. `total` or `female`.
    pub slug: String,
    pub label: String,
}

/// One series drawn as a chart, with the same numbers as a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesView {
    pub slug: String,
    pub label: String,
    pub caption: String,
    /// SVG markup rendered on the server by [`crate::chart`].
    pub chart_svg: String,
    /// `(period label, formatted value, flags)`, ascending by period.
    pub rows: Vec<(String, String, String)>,
}

/// The goals that have at least one indicator with data, in goal order.
#[server]
pub async fn list_goals() -> Result<Vec<GoalSummary>, AppError> {
    let dataset = crate::ssr::public_data()?;
    Ok(dataset
        .goals_with_data()
        .into_iter()
        .filter_map(|number| {
            let goal = indicators::sdg::goal(number)?;
            let indicators = dataset
                .indicators
                .iter()
                .filter(|i| i.goals().contains(&number))
                .map(|i| IndicatorLink { id: i.id.clone(), title: i.title().to_string() })
                .collect();
            Some(GoalSummary {
                number,
                short_title: goal.short_title.to_string(),
                colour: goal.colour.to_string(),
                text_colour: goal.text_colour().to_string(),
                indicators,
            })
        })
        .collect())
}

/// The indicator's description and the series a reader can choose from.
#[server]
pub async fn fetch_indicator(id: String) -> Result<IndicatorView, AppError> {
    let dataset = crate::ssr::public_data()?;
    let indicator = dataset.indicator(&id).ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
    let goal = indicator.primary_goal().and_then(indicators::sdg::goal).ok_or_else(|| {
        tracing::error!(indicator = %indicator.id, "indicator maps to no known goal");
        AppError::Internal
    })?;
    let series = dataset
        .series_of(&indicator.id)
        .iter()
        .map(|s| SeriesOption { slug: s.key.slug(), label: s.key.label() })
        .collect();
    Ok(IndicatorView {
        id: indicator.id.clone(),
        title: indicator.title().to_string(),
        unit: indicator.unit.clone(),
        sdg_targets: indicator.sdg_targets.clone(),
        goal_number: goal.number,
        goal_title: goal.short_title.to_string(),
        goal_colour: goal.colour.to_string(),
        series,
    })
}

/// One series of an indicator as a chart and a table. This is what the series
/// selector calls after hydration.
#[server]
pub async fn fetch_series(id: String, series: String) -> Result<SeriesView, AppError> {
    let dataset = crate::ssr::public_data()?;
    let indicator = dataset.indicator(&id).ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
    let all = dataset.series_of(&indicator.id);
    let chosen = all
        .iter()
        .find(|s| s.key.slug() == series)
        .ok_or_else(|| AppError::SeriesNotFound { indicator: id.clone(), series: series.clone() })?;
    let colour = indicator.primary_goal().and_then(indicators::sdg::goal).map(|g| g.colour).unwrap_or("#19486A");
    let caption = crate::chart::caption(indicator, chosen);
    let chart_svg = crate::chart::line_chart_svg(chosen, &indicator.unit, colour, &caption).map_err(|err| {
        tracing::error!(indicator = %indicator.id, series = %series, %err, "chart rendering failed");
        AppError::Internal
    })?;
    let decimals = usize::from(indicator.decimals);
    Ok(SeriesView {
        slug: chosen.key.slug(),
        label: chosen.key.label(),
        caption,
        chart_svg,
        rows: chosen
            .points
            .iter()
            .map(|p| (p.period.label.clone(), format!("{:.*}", decimals, p.value), p.flags.clone()))
            .collect(),
    })
}
