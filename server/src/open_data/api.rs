//! The JSON API under `/api/v1/…` (goals, targets, areas, indicators, their
//! series and observations, statuses, releases) and its OpenAPI description
//! at `/api/openapi.json`, generated from the handlers below by utoipa.
//!
//! Every route is registered through utoipa-axum's `routes!`, which adds
//! the handler and its documentation together, so no route can be served
//! undocumented. Anonymous callers get public data only; a signed-in staff
//! member also gets internal indicators, marked `"internal": true`. The
//! addresses are fixed (not the hashed server-function paths under `/api/`):
//! docs/api.md promises they stay for as long as `v1` does.

mod catalogue;
mod figures;
pub mod http;
pub mod schema;

use std::sync::{Arc, OnceLock};

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use indicators::summary::SeriesSummary;
use indicators::{Indicator, Series};
use serde::Serialize;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use self::http::{error_response, respond, send, ApiError, Caller};
use crate::{AppState, ServedState};

/// Where the OpenAPI description is served.
pub const OPENAPI_PATH: &str = "/api/openapi.json";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Local Goals open data API",
        version = "1",
        description = "The published figures of a city's Sustainable Development Goals and human-rights indicators. Public data only unless a signed-in staff member asks. Every answer carries an ETag; send it back in If-None-Match to get 304 Not Modified. See docs/api.md."
    ),
    components(schemas(http::ApiError, http::ErrorCode)),
    tags(
        (name = "catalogue", description = "Goals, targets, areas and indicators"),
        (name = "figures", description = "Series, observations, statuses and releases")
    )
)]
struct ApiDoc;

/// The documented routes and their OpenAPI description, built together.
fn documented() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(catalogue::goals))
        .routes(routes!(catalogue::goal))
        .routes(routes!(catalogue::targets))
        .routes(routes!(catalogue::areas))
        .routes(routes!(catalogue::indicators))
        .routes(routes!(catalogue::indicator))
        .routes(routes!(figures::series))
        .routes(routes!(figures::observations))
        .routes(routes!(figures::statuses))
        .routes(routes!(figures::releases))
        .split_for_parts()
}

/// The OpenAPI description as served (built once).
pub fn openapi_json() -> &'static [u8] {
    static JSON: OnceLock<Vec<u8>> = OnceLock::new();
    JSON.get_or_init(|| {
        let (_, doc) = documented();
        doc.to_pretty_json()
            .map(String::into_bytes)
            .unwrap_or_else(|err| {
                tracing::error!(%err, "could not write the OpenAPI description");
                Vec::new()
            })
    })
}

/// This module's routes: every documented path, the description, and a
/// JSON 404 for any other address under `/api/v1/`.
pub fn routes() -> Router<AppState> {
    let (router, _) = documented();
    router
        .route(OPENAPI_PATH, get(openapi))
        .route("/api/v1/{*rest}", get(unknown_path))
        .route("/api/v1", get(unknown_path))
}

/// `GET /api/openapi.json`.
async fn openapi(headers: HeaderMap) -> Response {
    send(
        StatusCode::OK,
        openapi_json().to_vec(),
        Caller::Anonymous,
        &headers,
    )
}

async fn unknown_path() -> Response {
    error_response(
        &ApiError::not_found(format!(
            "no such API path; {OPENAPI_PATH} lists every path (see docs/api.md)"
        )),
        Caller::Anonymous,
    )
}

/// What one caller may see of the served release.
pub(crate) struct View {
    pub served: Arc<ServedState>,
    pub caller: Caller,
}

impl View {
    /// The indicators the caller may see, in catalogue order.
    pub fn indicators(&self) -> &[Indicator] {
        match self.caller {
            Caller::Anonymous => &self.served.data.public.indicators,
            Caller::Staff => &self.served.full.indicators,
        }
    }

    /// An indicator the caller may see: an internal one is unknown to the
    /// public (the same 404 as a made-up id, so its existence does not leak).
    pub fn indicator(&self, id: &str) -> Result<&Indicator, ApiError> {
        self.indicators()
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "there is no indicator `{id}`; /api/v1/indicators lists every indicator"
                ))
            })
    }

    pub fn areas(&self) -> &[indicators::Area] {
        match self.caller {
            Caller::Anonymous => &self.served.data.public.areas,
            Caller::Staff => &self.served.full.areas,
        }
    }

    /// An indicator's series (headline first) and their summaries.
    pub fn series(
        &self,
        indicator: &Indicator,
    ) -> Result<(Vec<Series>, Vec<SeriesSummary>), ApiError> {
        match self.caller {
            Caller::Anonymous => {
                let block = self.served.data.index.block(&indicator.id);
                Ok((
                    block.series.clone(),
                    block.summaries.values().cloned().collect(),
                ))
            }
            Caller::Staff => {
                let data = self.served.full.indicator(&indicator.id).map_err(|err| {
                    tracing::error!(indicator = %indicator.id, %err, "could not read the indicator's data");
                    ApiError::internal(
                        "the release's files could not be read; please try again, and tell the site's administrator if it persists",
                    )
                })?;
                Ok((data.series, data.summaries))
            }
        }
    }
}

/// Who asks: a live staff session is staff, anything else anonymous.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<Caller, ApiError> {
    match crate::staff::require(state, headers, crate::staff::Role::Viewer).await {
        Ok(_) => Ok(Caller::Staff),
        Err(crate::staff::StaffError::SignInFirst) => Ok(Caller::Anonymous),
        Err(err) => {
            tracing::error!(%err, "could not check the staff session of an API request");
            Err(ApiError::internal(
                "your session could not be checked; please try again, or sign out and ask without it",
            ))
        }
    }
}

/// Answers with `make`'s value for this caller, worked out off the async
/// workers (reading a release's files runs polars, which must not block them).
pub(crate) async fn answer<T, F>(state: &AppState, headers: &HeaderMap, make: F) -> Response
where
    T: Serialize + Send + 'static,
    F: FnOnce(&View) -> Result<T, ApiError> + Send + 'static,
{
    let caller = match caller(state, headers).await {
        Ok(caller) => caller,
        Err(err) => return error_response(&err, Caller::Anonymous),
    };
    let view = View {
        served: state.served.now(),
        caller,
    };
    let worked = tokio::task::spawn_blocking(move || make(&view)).await;
    match worked {
        Ok(Ok(value)) => respond(&value, caller, headers),
        Ok(Err(err)) => error_response(&err, caller),
        Err(err) => {
            tracing::error!(%err, "an API answer stopped unexpectedly");
            error_response(
                &ApiError::internal(
                    "the answer stopped unexpectedly; please try again or report this as a bug",
                ),
                caller,
            )
        }
    }
}
