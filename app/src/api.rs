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
    /// Public indicators per status, most positive first.
    pub status_counts: Vec<(StatusBadge, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLink {
    pub id: String,
    pub title: String,
    pub status: Option<StatusBadge>,
}

/// A status as a badge: words always, colour as a second signal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusBadge {
    pub label: String,
    /// CSS modifier, e.g. `substantial_progress`.
    pub class: String,
}

/// Why a status is what it is: the sentence and the numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusView {
    pub badge: StatusBadge,
    pub explanation: String,
    pub score: Option<String>,
    pub method: String,
}

#[cfg(feature = "ssr")]
fn badge(status: indicators::progress::ProgressStatus) -> StatusBadge {
    let class = serde_json_string(&status);
    StatusBadge {
        label: status.label().to_string(),
        class,
    }
}

#[cfg(feature = "ssr")]
fn serde_json_string<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn status_view(result: &indicators::progress::ProgressResult) -> StatusView {
    StatusView {
        badge: badge(result.status),
        explanation: result.explanation.clone(),
        score: result.score.map(|s| format!("{s:.2}")),
        method: serde_json_string(&result.method),
    }
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
    /// The indicator's status (from its headline series).
    pub status: Option<StatusBadge>,
    pub definition: String,
    pub source: String,
    pub owner: String,
    pub narrative: String,
    /// `(target id, title)` of every SDG target it maps to.
    pub targets: Vec<(String, String)>,
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
    /// This series' status and why.
    pub status: Option<StatusView>,
    /// e.g. `Baseline 2015: 15.5 (catalogue)`.
    pub baseline: Option<String>,
}

/// The goals that have at least one indicator with data, in goal order.
#[server]
pub async fn list_goals() -> Result<Vec<GoalSummary>, AppError> {
    let dataset = crate::ssr::public_data()?;
    let statuses = crate::ssr::statuses()?;
    let status_of = |id: &str| {
        statuses
            .indicators
            .iter()
            .find(|s| s.indicator_id == id)
            .map(|s| s.status)
    };
    Ok(dataset
        .goals_with_data()
        .into_iter()
        .filter_map(|number| {
            let goal = indicators::sdg::goal(number)?;
            let indicators = dataset
                .indicators
                .iter()
                .filter(|i| i.goals().contains(&number))
                .map(|i| IndicatorLink {
                    id: i.id.clone(),
                    title: i.title().to_string(),
                    status: status_of(&i.id).map(badge),
                })
                .collect();
            // The public aggregate: internal indicators are not counted.
            let status_counts = statuses
                .public
                .by_goal
                .get(&number)
                .map(|counts| counts.iter().map(|(s, n)| (badge(*s), *n)).collect())
                .unwrap_or_default();
            Some(GoalSummary {
                number,
                short_title: goal.short_title.to_string(),
                colour: goal.colour.to_string(),
                text_colour: goal.text_colour().to_string(),
                indicators,
                status_counts,
            })
        })
        .collect())
}

/// The indicator's description and the series a reader can choose from.
#[server]
pub async fn fetch_indicator(id: String) -> Result<IndicatorView, AppError> {
    let dataset = crate::ssr::public_data()?;
    let indicator = dataset
        .indicator(&id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
    let goal = indicator
        .primary_goal()
        .and_then(indicators::sdg::goal)
        .ok_or_else(|| {
            tracing::error!(indicator = %indicator.id, "indicator maps to no known goal");
            AppError::Internal
        })?;
    let series = dataset
        .series_of(&indicator.id)
        .iter()
        .map(|s| SeriesOption {
            slug: s.key.slug(),
            label: s.key.label(),
        })
        .collect();
    let statuses = crate::ssr::statuses()?;
    let framework = indicators::sdg::framework();
    Ok(IndicatorView {
        status: statuses
            .indicators
            .iter()
            .find(|s| s.indicator_id == indicator.id)
            .map(|s| badge(s.status)),
        definition: indicator.definition.clone(),
        source: indicator.source.clone(),
        owner: indicator.owner.clone(),
        narrative: indicator.narrative.clone(),
        targets: indicator
            .sdg_targets
            .iter()
            .map(|t| {
                (
                    t.clone(),
                    framework
                        .target(t)
                        .map(|x| x.title.clone())
                        .unwrap_or_default(),
                )
            })
            .collect(),
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
    let indicator = dataset
        .indicator(&id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
    let all = dataset.series_of(&indicator.id);
    let chosen =
        all.iter()
            .find(|s| s.key.slug() == series)
            .ok_or_else(|| AppError::SeriesNotFound {
                indicator: id.clone(),
                series: series.clone(),
            })?;
    let colour = indicator
        .primary_goal()
        .and_then(indicators::sdg::goal)
        .map(|g| g.colour)
        .unwrap_or("#19486A");
    let caption = crate::chart::caption(indicator, chosen);
    let chart_svg = crate::chart::line_chart_svg(chosen, &indicator.unit, colour, &caption).map_err(|err| {
        tracing::error!(indicator = %indicator.id, series = %series, %err, "chart rendering failed");
        AppError::Internal
    })?;
    let decimals = usize::from(indicator.decimals);
    let statuses = crate::ssr::statuses()?;
    let summary = statuses
        .series
        .iter()
        .find(|s| s.indicator_id == indicator.id && s.dimensions == chosen.key.dimensions);
    Ok(SeriesView {
        status: summary.map(|s| status_view(&s.progress)),
        baseline: summary.and_then(|s| s.baseline.as_ref()).map(|b| {
            format!(
                "Baseline {}: {:.*} {} ({})",
                b.label,
                decimals,
                b.value,
                indicator.unit,
                serde_json_string(&b.rule).replace('-', " ")
            )
        }),
        slug: chosen.key.slug(),
        label: chosen.key.label(),
        caption,
        chart_svg,
        rows: chosen
            .points
            .iter()
            .map(|p| {
                (
                    p.period.label.clone(),
                    format!("{:.*}", decimals, p.value),
                    p.flags.clone(),
                )
            })
            .collect(),
    })
}

/// The methodology page: `docs/methodology.md` rendered on the server, so the
/// page and the repository say the same thing.
#[server]
pub async fn methodology_html() -> Result<String, AppError> {
    const TEXT: &str = include_str!("../../docs/methodology.md");
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(TEXT, pulldown_cmark::Options::ENABLE_TABLES),
    );
    Ok(html)
}
