//! Atom feeds (RFC 4287) of new releases and status changes:
//! `/feeds/site.atom`, `/feeds/goals/{n}.atom` and
//! `/feeds/indicators/{id}.atom`, in the address's language. Built from
//! public indicators only, and only from releases up to the one served.

pub mod atom;
pub mod entries;

use app::error::AppError;
use app::i18n::{t, tr, Locale};
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::AppState;
use entries::{Addresses, Scope};

/// The feeds' media type.
pub const ATOM: &str = "application/atom+xml; charset=utf-8";

/// This module's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feeds/site.atom", get(site_feed))
        .route("/feeds/goals/{file}", get(goal_feed))
        .route("/feeds/indicators/{file}", get(indicator_feed))
}

async fn site_feed(state: State<AppState>, locale: Option<Extension<Locale>>) -> Response {
    feed(state, Ok(Scope::Site), locale).await
}

async fn goal_feed(
    state: State<AppState>,
    Path(file): Path<String>,
    locale: Option<Extension<Locale>>,
) -> Response {
    let stem = file.strip_suffix(".atom").unwrap_or(&file);
    let scope = stem
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=17).contains(n) && file.ends_with(".atom"))
        .map(Scope::Goal)
        .ok_or_else(|| AppError::GoalNotFound(stem.to_owned()));
    feed(state, scope, locale).await
}

async fn indicator_feed(
    state: State<AppState>,
    Path(file): Path<String>,
    locale: Option<Extension<Locale>>,
) -> Response {
    let scope = file
        .strip_suffix(".atom")
        .filter(|id| !id.is_empty())
        .map(|id| Scope::Indicator(id.to_owned()))
        .ok_or_else(|| AppError::IndicatorNotFound(file.clone()));
    feed(state, scope, locale).await
}

/// The feed of `scope`, or the reason there is none as plain text.
async fn feed(
    State(state): State<AppState>,
    scope: Result<Scope, AppError>,
    locale: Option<Extension<Locale>>,
) -> Response {
    let locale = locale.map_or(Locale::En, |Extension(l)| l);
    let scope = match scope {
        Ok(scope) => scope,
        Err(err) => return crate::charts::error_answer(&err, locale),
    };
    let served = state.served.now();
    let data_dir = state.data_dir.clone();
    let addresses = Addresses::new(state.staff.config.public_url.as_deref());
    let made = tokio::task::spawn_blocking(move || {
        let data = &served.data;
        let (title, path, page) = match &scope {
            Scope::Site => (
                t(locale, "feed-site-title"),
                "/feeds/site.atom".to_owned(),
                "/".to_owned(),
            ),
            Scope::Goal(n) => (
                tr(locale, "feed-goal-title", &[("n", n.to_string().into())]),
                format!("/feeds/goals/{n}.atom"),
                format!("/goals/{n}"),
            ),
            Scope::Indicator(id) => {
                // Internal and unknown indicators have no feed, alike.
                let indicator = data
                    .public_indicator(id)
                    .ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
                let encoded = app::escape::url_encode(id);
                (
                    tr(
                        locale,
                        "feed-indicator-title",
                        &[(
                            "title",
                            indicator.localized_title(locale.code()).text.into(),
                        )],
                    ),
                    format!("/feeds/indicators/{encoded}.atom"),
                    format!("/indicators/{encoded}"),
                )
            }
        };
        let releases = indicators::release::all_statuses(&data_dir);
        let self_path = locale.href(&path);
        let feed = atom::Feed {
            // The feed's address without the site's: stable when the
            // public address is configured later.
            id: addresses.tag(&format!("{}{path}", locale.code())),
            title,
            self_link: addresses.link(&self_path),
            alternate: addresses.link(&locale.href(&page)),
            author: t(locale, "feed-author"),
            lang: locale.code().to_owned(),
            fallback_updated_unix: served.full.manifest.created_unix,
            entries: entries::entries(data, &releases, &scope, &addresses, locale),
        };
        Ok::<String, AppError>(feed.to_xml())
    })
    .await;
    match made {
        Ok(Ok(xml)) => (
            [(header::CONTENT_TYPE, HeaderValue::from_static(ATOM))],
            xml,
        )
            .into_response(),
        Ok(Err(err)) => crate::charts::error_answer(&err, locale),
        Err(err) => {
            tracing::error!(%err, "making a feed stopped unexpectedly");
            crate::charts::error_answer(&AppError::Internal, locale)
        }
    }
}
