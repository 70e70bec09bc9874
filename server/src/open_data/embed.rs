//! `/embed/{id}` and `/embed/{id}?series={slug}`: a bare page with one public
//! series' chart, its caption, source, licence and a link back to the
//! indicator page, for other sites to show in an iframe. No header, footer or
//! script: the stamped chart of `/charts/{id}.svg` inline, scaled to the
//! frame's width. It is the one route other sites may frame
//! (`Content-Security-Policy: frame-ancestors *`); see [`frame_policy`] for
//! everything else.

use app::error::AppError;
use app::escape::{escape_html, url_encode};
use app::i18n::{t, tr, Locale};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::AppState;

/// What `/embed/` answers with: any site may frame it; nothing but inline
/// styles and the page's own inline SVG is allowed to load.
pub const EMBED_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors *";

/// What every other answer gets, unless it set a policy of its own: only
/// the site itself may frame its pages (clickjacking).
pub const SITE_FRAME_POLICY: &str = "frame-ancestors 'self'";

/// This module's routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/embed/{id}", get(embed_page))
}

/// `GET /embed/{id}`.
async fn embed_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
    locale: Option<Extension<Locale>>,
) -> Response {
    let locale = locale.map_or(Locale::En, |Extension(l)| l);
    let served = state.served.now();
    let public_url = state.staff.config.public_url.clone();
    let made = tokio::task::spawn_blocking(move || {
        let slug = app::params::slug_from_query(&pairs);
        let chart = EmbedChart::of(&served, &id, &slug, locale)?;
        Ok::<String, AppError>(chart.page(public_url.as_deref(), locale))
    })
    .await;
    match made {
        Ok(Ok(html)) => answer(StatusCode::OK, html),
        Ok(Err(err)) => {
            let status = match err.status() {
                // "No data yet" is a fine page but no chart.
                StatusCode::OK => StatusCode::NOT_FOUND,
                other => other,
            };
            answer(status, not_found_page(&err, locale))
        }
        Err(err) => {
            tracing::error!(%err, "making an embed page stopped unexpectedly");
            answer(
                StatusCode::INTERNAL_SERVER_ERROR,
                not_found_page(&AppError::Internal, locale),
            )
        }
    }
}

fn answer(status: StatusCode, html: String) -> Response {
    (
        status,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(EMBED_POLICY),
            ),
        ],
        html,
    )
        .into_response()
}

/// Everything an embed page shows, worded in the page's language.
struct EmbedChart {
    id: String,
    slug: String,
    title: String,
    series: String,
    svg: String,
    caption: String,
    status: Option<String>,
    unit: String,
    source: String,
    licence: Option<String>,
    release: String,
    published: String,
}

impl EmbedChart {
    /// Public indicator `id`'s series `slug`; an internal or unknown id, or
    /// a series that does not exist, is an error that answers 404.
    fn of(
        served: &crate::ServedState,
        id: &str,
        slug: &str,
        locale: Locale,
    ) -> Result<Self, AppError> {
        let data = &served.data;
        let image = app::ssr::public_chart_image(data, id, slug, locale)?;
        let indicator = data
            .public_indicator(id)
            .ok_or_else(|| AppError::IndicatorNotFound(id.to_owned()))?;
        // The series the chart drew (a slug that names no dimension gets
        // the default one): the one whose file name the image carries.
        let block = data.index.block(id);
        let chosen = block
            .series
            .iter()
            .find(|s| app::ssr::chart_image::file_stem(id, &s.key.slug()) == image.file_stem)
            .ok_or(AppError::Internal)?;
        let dimensions = &chosen.key.dimensions;
        let status = block
            .summaries
            .get(dimensions)
            .map(|s| app::words::status_label(locale, s.progress.status));
        let published = app::format::date(
            &app::ssr::date_of_unix(served.full.manifest.created_unix),
            locale,
        );
        Ok(EmbedChart {
            id: id.to_owned(),
            slug: chosen.key.slug(),
            title: indicator.localized_title(locale.code()).text.to_owned(),
            series: app::words::series_label(locale, &data.labels, dimensions),
            svg: image.svg,
            caption: image.alt,
            status,
            unit: indicator.unit.clone(),
            source: indicator.source.clone(),
            licence: indicator
                .quality
                .licence
                .clone()
                .or_else(|| data.licence.clone())
                .filter(|l| !l.is_empty()),
            release: served.release.clone(),
            published,
        })
    }

    /// The indicator page of this series, absolute when the site's public
    /// address is known (an embed lives on another site).
    fn page_href(&self, public_url: Option<&str>, locale: Locale) -> String {
        let mut path = format!("/indicators/{}", url_encode(&self.id));
        if self.slug != indicators::model::HEADLINE_SLUG && !self.slug.is_empty() {
            path.push_str(&format!("?series={}", url_encode(&self.slug)));
        }
        absolute(public_url, &locale.href(&path))
    }

    /// The whole page.
    fn page(&self, public_url: Option<&str>, locale: Locale) -> String {
        let title = tr(
            locale,
            "embed-title",
            &[
                ("title", self.title.as_str().into()),
                ("series", self.series.as_str().into()),
            ],
        );
        let mut facts = Vec::new();
        if let Some(status) = &self.status {
            facts.push(tr(locale, "embed-status", &[("status", status.into())]));
        }
        if !self.unit.is_empty() {
            facts.push(tr(
                locale,
                "embed-unit",
                &[("unit", self.unit.as_str().into())],
            ));
        }
        facts.push(tr(
            locale,
            "embed-release",
            &[
                ("release", self.release.as_str().into()),
                ("date", self.published.as_str().into()),
            ],
        ));
        let mut origin = Vec::new();
        if !self.source.is_empty() {
            origin.push(tr(
                locale,
                "embed-source",
                &[("source", self.source.as_str().into())],
            ));
        }
        if let Some(licence) = &self.licence {
            origin.push(tr(locale, "embed-licence", &[("licence", licence.into())]));
        }
        let link = tr(
            locale,
            "embed-link",
            &[("title", self.title.as_str().into())],
        );
        let body = format!(
            "<figure><div class=\"chart\">{svg}</div>\
             <figcaption><p class=\"caption\">{caption}</p>\
             <p class=\"facts\">{facts}</p><p class=\"origin\">{origin}</p></figcaption></figure>\
             <p class=\"back\"><a href=\"{href}\" target=\"_top\">{link}</a></p>",
            svg = self.svg,
            caption = escape_html(&self.caption),
            facts = escape_html(&facts.join(" · ")),
            origin = escape_html(&origin.join(" · ")),
            href = escape_html(&self.page_href(public_url, locale)),
            link = escape_html(&link),
        );
        document(locale, &title, &body)
    }
}

/// `path` under the site's public address, or as it is without one.
pub(crate) fn absolute(public_url: Option<&str>, path: &str) -> String {
    match public_url.map(|u| u.trim_end_matches('/')) {
        Some(base) if !base.is_empty() => format!("{base}{path}"),
        _ => path.to_owned(),
    }
}

/// The bare page an embed shows when there is no chart: what went wrong and
/// what to do.
fn not_found_page(err: &AppError, locale: Locale) -> String {
    let title = t(locale, "embed-not-found-title");
    let body = format!(
        "<main><h1>{}</h1><p>{}</p><p>{}</p></main>",
        escape_html(&title),
        escape_html(&err.message(locale)),
        escape_html(&t(locale, "embed-not-found-help")),
    );
    document(locale, &title, &body)
}

/// A self-contained HTML document: small inline styles, no scripts.
fn document(locale: Locale, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{title}</title><style>{STYLE}</style></head><body>{body}</body></html>",
        lang = locale.code(),
        title = escape_html(title),
    )
}

/// Just enough to read well in a frame of any width.
const STYLE: &str = "html{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;\
color:#1a1a1a;background:#fff}body{margin:0;padding:.5rem}figure{margin:0}\
.chart svg{display:block;width:100%;height:auto;max-width:100%}\
figcaption{font-size:.875rem;line-height:1.4}figcaption p{margin:.25rem 0}\
.caption{font-weight:600}.facts,.origin{color:#3d3d3d}\
.back{font-size:.875rem;margin:.5rem 0 0}a{color:#0b5cad}a:focus{outline:3px solid #f5a623}\
h1{font-size:1.25rem}";

/// Adds [`SITE_FRAME_POLICY`] (and the older `X-Frame-Options` for
/// browsers that do not read it) to an answer that set no framing policy of
/// its own: only `/embed/` sets one, so every other page can be framed by
/// the site itself only. For `axum::middleware::map_response`.
pub async fn frame_policy(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(SITE_FRAME_POLICY),
        );
        headers.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_absolute_only_with_a_public_address() {
        assert_eq!(absolute(None, "/nl/indicators/x"), "/nl/indicators/x");
        assert_eq!(
            absolute(Some("https://goals.example.org/"), "/indicators/x"),
            "https://goals.example.org/indicators/x"
        );
        assert_eq!(absolute(Some(""), "/indicators/x"), "/indicators/x");
    }

    #[tokio::test]
    async fn only_answers_without_a_policy_get_the_sites() {
        let plain = frame_policy(Response::new(axum::body::Body::empty())).await;
        assert_eq!(
            plain.headers().get(header::CONTENT_SECURITY_POLICY),
            Some(&HeaderValue::from_static(SITE_FRAME_POLICY))
        );
        assert_eq!(
            plain.headers().get(header::X_FRAME_OPTIONS),
            Some(&HeaderValue::from_static("SAMEORIGIN"))
        );
        let embed = frame_policy(answer(StatusCode::OK, String::new())).await;
        assert_eq!(
            embed.headers().get(header::CONTENT_SECURITY_POLICY),
            Some(&HeaderValue::from_static(EMBED_POLICY))
        );
        assert!(embed.headers().get(header::X_FRAME_OPTIONS).is_none());
    }
}
