//! The figures paths: an indicator's series and observations, the counts
//! per status, and the published releases.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use indicators::Dimensions;
use serde::Deserialize;

use super::answer;
use super::http::{ApiError, Caller};
use super::schema::{self, GoalCounts, Observations, Release, Releases, SeriesList, StatusCounts};
use crate::AppState;

fn dimensions(d: &Dimensions) -> BTreeMap<String, String> {
    d.pairs().iter().cloned().collect()
}

/// An indicator's series.
#[utoipa::path(get, path = "/api/v1/indicators/{id}/series", tag = "figures",
    params(("id" = String, Path, description = "The indicator's id")),
    responses(
        (status = 200, description = "Each series' slug, dimensions, status, baseline, latest value and trend, headline first", body = SeriesList),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 404, description = "No such indicator (or one only staff may see)", body = ApiError),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn series(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    answer(&state, &headers, move |view| {
        let indicator = view.indicator(&id)?;
        let (series, summaries) = view.series(indicator)?;
        let summaries: HashMap<&Dimensions, &indicators::summary::SeriesSummary> =
            summaries.iter().map(|s| (&s.dimensions, s)).collect();
        let series = series
            .iter()
            .map(|s| {
                let summary = summaries.get(&s.key.dimensions);
                schema::Series {
                    slug: s.key.slug(),
                    dimensions: dimensions(&s.key.dimensions),
                    headline: s.key.dimensions.is_headline(),
                    counts: summary.is_some_and(|m| m.counts),
                    status: summary
                        .map_or(schema::Status::NotAvailable, |m| m.progress.status.into()),
                    observations: s.points.len(),
                    baseline: summary
                        .and_then(|m| m.baseline.as_ref())
                        .map(|b| schema::Baseline {
                            year: b.year,
                            period: b.label.clone(),
                            value: b.value,
                            rule: b.rule.into(),
                        }),
                    latest: summary
                        .and_then(|m| m.latest.as_ref())
                        .map(|p| schema::Value {
                            year: p.period.year,
                            period: p.period.label.clone(),
                            value: p.value,
                        }),
                    trend: summary.and_then(|m| m.trend).map(|t| schema::Trend {
                        slope_per_year: t.slope_per_year,
                        intercept: t.intercept,
                        projected_year: t.projected_year,
                        projected_value: t.projected_value,
                    }),
                }
            })
            .collect();
        Ok(SeriesList {
            indicator: indicator.id.clone(),
            release: view.served.release.clone(),
            series,
        })
    })
    .await
}

/// `?series=` of the observations path.
#[derive(Debug, Deserialize)]
pub struct SeriesQuery {
    series: Option<String>,
}

/// An indicator's observations.
#[utoipa::path(get, path = "/api/v1/indicators/{id}/observations", tag = "figures",
    params(
        ("id" = String, Path, description = "The indicator's id"),
        ("series" = Option<String>, Query, description = "One series' slug (`total`, or `name=value;name=value`, URL-encoded), as /series lists them; all series when left out"),
    ),
    responses(
        (status = 200, description = "The observations, series by series (headline first), oldest first", body = Observations),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 404, description = "No such indicator (or one only staff may see), or no such series", body = ApiError),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn observations(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<SeriesQuery>,
    headers: HeaderMap,
) -> Response {
    answer(&state, &headers, move |view| {
        let indicator = view.indicator(&id)?;
        let (series, _) = view.series(indicator)?;
        let chosen: Vec<&indicators::Series> = match &query.series {
            None => series.iter().collect(),
            Some(slug) => {
                let found = Dimensions::from_slug(slug)
                    .ok()
                    .and_then(|d| series.iter().find(|s| s.key.dimensions == d));
                let Some(found) = found else {
                    return Err(ApiError::unknown_series(format!(
                        "`{id}` has no series `{slug}`; /api/v1/indicators/{id}/series lists its series' slugs"
                    )));
                };
                vec![found]
            }
        };
        let observations = chosen
            .iter()
            .flat_map(|s| {
                let (slug, dims) = (s.key.slug(), dimensions(&s.key.dimensions));
                s.points.iter().map(move |p| schema::Observation {
                    series: slug.clone(),
                    dimensions: dims.clone(),
                    year: p.period.year,
                    period: p.period.label.clone(),
                    value: p.value,
                    flags: p.flags.clone(),
                })
            })
            .collect();
        Ok(Observations {
            indicator: indicator.id.clone(),
            release: view.served.release.clone(),
            series: query.series.clone(),
            observations,
        })
    })
    .await
}

/// How many indicators have each status.
#[utoipa::path(get, path = "/api/v1/statuses", tag = "figures",
    responses(
        (status = 200, description = "Indicators per status, overall and per goal (qualitative indicators have no status and are not counted)", body = schema::Statuses),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn statuses(State(state): State<AppState>, headers: HeaderMap) -> Response {
    answer(&state, &headers, |view| {
        let statuses = &view.served.data.statuses;
        let visible: BTreeSet<&str> = view.indicators().iter().map(|i| i.id.as_str()).collect();
        let mut overall = StatusCounts::default();
        for s in statuses
            .indicators
            .iter()
            .filter(|s| visible.contains(s.indicator_id.as_str()))
        {
            overall.add(s.status, 1);
        }
        let aggregates = match view.caller {
            Caller::Anonymous => &statuses.public,
            Caller::Staff => &statuses.staff,
        };
        let by_goal = aggregates
            .by_goal
            .iter()
            .map(|(goal, counts)| {
                let mut c = StatusCounts::default();
                for (status, n) in counts {
                    c.add(*status, *n);
                }
                GoalCounts {
                    goal: *goal,
                    counts: c,
                }
            })
            .collect();
        Ok(schema::Statuses {
            release: view.served.release.clone(),
            indicators: overall,
            by_goal,
        })
    })
    .await
}

/// The published releases.
#[utoipa::path(get, path = "/api/v1/releases", tag = "figures",
    responses(
        (status = 200, description = "Every published release up to the current one, oldest first, with the indicators and observations the caller may see", body = Releases),
        (status = 304, description = "Not modified: the ETag sent in If-None-Match is current"),
        (status = 500, description = "The server failed", body = ApiError),
    ))]
pub async fn releases(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let data_dir = state.data_dir.clone();
    answer(&state, &headers, move |view| {
        let current = view.served.release.clone();
        let releases = indicators::release::release_ids(&data_dir)
            .into_iter()
            // A release built after the served one is not published yet.
            .filter(|id| *id <= current)
            .filter_map(|id| counts(&data_dir, &id, view.caller))
            .map(|mut r| {
                r.current = r.id == current;
                r
            })
            .collect();
        Ok(Releases { current, releases })
    })
    .await
}

/// A release's counts for `caller`; kept, since a release never changes.
/// `None` for a release that cannot be read (left out of the list).
fn counts(data_dir: &std::path::Path, id: &str, caller: Caller) -> Option<Release> {
    type Key = (PathBuf, String, bool);
    static KEPT: OnceLock<Mutex<HashMap<Key, Release>>> = OnceLock::new();
    let key = (
        data_dir.to_path_buf(),
        id.to_owned(),
        caller == Caller::Staff,
    );
    let kept = KEPT.get_or_init(Mutex::default);
    if let Some(found) = kept.lock().ok().and_then(|k| k.get(&key).cloned()) {
        return Some(found);
    }
    let release = match indicators::release::ServedRelease::open(data_dir, id) {
        Ok(release) => release,
        Err(err) => {
            tracing::warn!(release = %id, %err, "a release cannot be read; the API leaves it out");
            return None;
        }
    };
    let shown: Vec<&indicators::Indicator> = release
        .indicators
        .iter()
        .filter(|i| caller == Caller::Staff || i.is_public())
        .collect();
    let counted = Release {
        id: id.to_owned(),
        published: app::ssr::date_of_unix(release.manifest.created_unix),
        published_unix: release.manifest.created_unix,
        current: false,
        indicators: shown.len(),
        observations: shown.iter().map(|i| release.observation_count(&i.id)).sum(),
    };
    if let Ok(mut k) = kept.lock() {
        k.insert(key, counted.clone());
    }
    Some(counted)
}
