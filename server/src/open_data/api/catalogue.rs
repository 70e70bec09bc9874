//! The catalogue paths: goals, a goal with its targets, targets, areas,
//! indicators and one indicator, each holding only what the caller may see.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use indicators::{AreaKind, Indicator};

use super::http::ApiError;
use super::schema::{self, Goal, GoalDetail, IndicatorDetail, Target};
use super::{answer, View};
use crate::AppState;

/// The ids of the visible indicators that `keep` holds for.
fn ids(view: &View, keep: impl Fn(&Indicator) -> bool) -> Vec<String> {
    view.indicators()
        .iter()
        .filter(|i| keep(i))
        .map(|i| i.id.clone())
        .collect()
}

fn goal_of(view: &View, number: u8) -> Option<Goal> {
    let goal = indicators::sdg::goal(number)?;
    let title = indicators::sdg::framework()
        .goal_titles
        .iter()
        .find(|(n, _)| *n == number)
        .map_or_else(|| goal.short_title.to_owned(), |(_, t)| t.clone());
    Some(Goal {
        number,
        short_title: goal.short_title.to_owned(),
        title,
        colour: goal.colour.to_owned(),
        indicators: ids(view, |i| i.goals().contains(&number)),
    })
}

fn target_of(view: &View, target: &indicators::sdg::Target) -> Target {
    Target {
        id: target.id.clone(),
        goal: target.goal,
        title: target.title.clone(),
        indicators: ids(view, |i| i.sdg_targets.contains(&target.id)),
    }
}

/// Every goal.
#[utoipa::path(get, path = "/api/v1/goals", tag = "catalogue",
    responses(
        (status = 200, description = "The 17 goals, each with the indicators that map to it", body = [Goal]),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn goals(State(state): State<AppState>, headers: HeaderMap) -> Response {
    answer(&state, &headers, |view| {
        Ok(indicators::GOALS
            .iter()
            .filter_map(|g| goal_of(view, g.number))
            .collect::<Vec<_>>())
    })
    .await
}

/// One goal with its targets.
#[utoipa::path(get, path = "/api/v1/goals/{n}", tag = "catalogue",
    params(("n" = u8, Path, description = "The goal's number, 1 to 17")),
    responses(
        (status = 200, description = "The goal and its targets", body = GoalDetail),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 404, description = "No such goal", body = ApiError),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn goal(
    State(state): State<AppState>,
    Path(n): Path<String>,
    headers: HeaderMap,
) -> Response {
    answer(&state, &headers, move |view| {
        let goal = n
            .parse::<u8>()
            .ok()
            .and_then(|number| goal_of(view, number))
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "there is no goal `{n}`; goals are numbered 1 to 17 (/api/v1/goals)"
                ))
            })?;
        let targets = indicators::sdg::framework()
            .targets_of_goal(goal.number)
            .map(|t| target_of(view, t))
            .collect();
        Ok(GoalDetail { goal, targets })
    })
    .await
}

/// Every SDG target.
#[utoipa::path(get, path = "/api/v1/targets", tag = "catalogue",
    responses(
        (status = 200, description = "The 169 targets, each with the indicators that map to it", body = [Target]),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn targets(State(state): State<AppState>, headers: HeaderMap) -> Response {
    answer(&state, &headers, |view| {
        Ok(indicators::sdg::framework()
            .targets
            .iter()
            .map(|t| target_of(view, t))
            .collect::<Vec<_>>())
    })
    .await
}

/// Every human-rights and policy area.
#[utoipa::path(get, path = "/api/v1/areas", tag = "catalogue",
    responses(
        (status = 200, description = "The rights areas, then the policy areas", body = [schema::Area]),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn areas(State(state): State<AppState>, headers: HeaderMap) -> Response {
    answer(&state, &headers, |view| {
        let mut areas: Vec<&indicators::Area> = view.areas().iter().collect();
        areas.sort_by_key(|a| a.kind);
        Ok(areas
            .into_iter()
            .map(|a| schema::Area {
                id: a.id.clone(),
                kind: a.kind.into(),
                name: a.name().to_owned(),
                names: a.names.clone(),
                instrument: a.instrument.clone(),
                article: a.article.clone(),
                rights_holders: a.rights_holders.clone(),
                indicators: ids(view, |i| i.maps_to(a.kind, &a.id)),
            })
            .collect::<Vec<_>>())
    })
    .await
}

pub(super) fn summary(view: &View, i: &Indicator) -> schema::Indicator {
    let status = if i.is_qualitative() {
        None
    } else {
        view.served
            .data
            .statuses
            .indicator(&i.id)
            .map(|s| s.status.into())
    };
    schema::Indicator {
        id: i.id.clone(),
        title: i.title().to_owned(),
        titles: i.titles.clone(),
        kind: i.kind.into(),
        unit: i.unit.clone(),
        direction: i.direction.into(),
        goals: i.goals(),
        targets: i.sdg_targets.clone(),
        rights_areas: i.areas(AreaKind::Rights).to_vec(),
        policy_areas: i.areas(AreaKind::Policy).to_vec(),
        status,
        internal: !i.is_public(),
        href: format!("/api/v1/indicators/{}", i.id),
    }
}

/// Every indicator the caller may see.
#[utoipa::path(get, path = "/api/v1/indicators", tag = "catalogue",
    responses(
        (status = 200, description = "The indicators in catalogue order (internal ones for signed-in staff only)", body = [schema::Indicator]),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn indicators(State(state): State<AppState>, headers: HeaderMap) -> Response {
    answer(&state, &headers, |view| {
        Ok(view
            .indicators()
            .iter()
            .map(|i| summary(view, i))
            .collect::<Vec<_>>())
    })
    .await
}

/// One indicator.
#[utoipa::path(get, path = "/api/v1/indicators/{id}", tag = "catalogue",
    params(("id" = String, Path, description = "The indicator's id, e.g. `poverty-rate`")),
    responses(
        (status = 200, description = "The indicator's catalogue details and its series' slugs", body = IndicatorDetail),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 404, description = "No such indicator (or one only staff may see)", body = ApiError),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn indicator(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    answer(&state, &headers, move |view| {
        let i = view.indicator(&id)?;
        let (series, _) = view.series(i)?;
        Ok(IndicatorDetail {
            indicator: summary(view, i),
            definition: i.definition.clone(),
            source: i.source.clone(),
            decimals: i.decimals,
            baseline_year: i.baseline_year,
            target_value: i.target_value,
            target_year: i.target_year,
            observations: series.iter().map(|s| s.points.len()).sum(),
            series: series.iter().map(|s| s.key.slug()).collect(),
        })
    })
    .await
}
