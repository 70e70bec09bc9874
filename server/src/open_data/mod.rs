//! Open data and reuse: the release's figures as downloads (`/data/…`), the
//! JSON API (`/api/v1/…`, described at `/api/openapi.json`), Atom feeds
//! (`/feeds/…`) and bare chart pages for iframes (`/embed/{id}`). Public data
//! only, unless a signed-in staff member asks where a route says so.

pub mod api;
pub mod downloads;
pub mod embed;
pub mod feeds;

use axum::Router;

use crate::AppState;

/// Every open-data route, merged into [`crate::app`].
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(downloads::routes())
        .merge(api::routes())
        .merge(feeds::routes())
        .merge(embed::routes())
}
