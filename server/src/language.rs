//! The language in the address: `/nl/indicators/x` is the Dutch page of
//! `/indicators/x`. The prefix is taken off before routing and the page's
//! [`Locale`] travels in the request's extensions (pages read it with
//! `app::i18n::use_locale`), so every route exists once and in every
//! language. `Accept-Language` decides only where a visitor landing on `/`
//! is sent.

use std::convert::Infallible;

use app::i18n::Locale;
use axum::body::Body;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use http::{header, HeaderValue, Request, Uri};
use tower::ServiceExt;

use crate::Served;

tokio::task_local! {
    /// The language of the request being answered, for pages built outside
    /// Leptos (the staff workspace, error pages).
    static LOCALE: Locale;
}

/// The language of the request being answered (English outside one).
pub fn current() -> Locale {
    LOCALE.try_with(|l| *l).unwrap_or_default()
}

/// `work` answering in the current request's language wherever it runs
/// (a spawned task does not inherit it otherwise).
pub fn in_current_language<F: std::future::Future>(
    work: F,
) -> impl std::future::Future<Output = F::Output> {
    LOCALE.scope(current(), work)
}

/// `inner` behind the language prefix, with `/` sending a browser that
/// prefers another offered language to that language's home page.
pub fn localized(inner: Router, served: Served) -> Router {
    let service = tower::service_fn(move |request: Request<Body>| {
        let (inner, served) = (inner.clone(), served.clone());
        async move {
            let offered = served.now().data.languages.clone();
            let root = request.uri().path() == "/";
            if root {
                if let Some(locale) =
                    preferred(request.headers().get(header::ACCEPT_LANGUAGE), &offered)
                        .filter(|l| *l != Locale::En)
                {
                    let mut response = Redirect::to(&locale.href("/")).into_response();
                    vary_on_language(&mut response);
                    return Ok::<Response, Infallible>(response);
                }
            }
            let request = strip_prefix(request, &offered);
            let locale = request
                .extensions()
                .get::<Locale>()
                .copied()
                .unwrap_or_default();
            let mut response = LOCALE.scope(locale, inner.oneshot(request)).await?;
            // The workspace redirects to its own pages: keep the language.
            if locale != Locale::En && response.status().is_redirection() {
                keep_language_in_redirect(&mut response, locale);
            }
            // Only `/` answers by the header; every other address names its
            // language, so caches keep one copy of it.
            if root {
                vary_on_language(&mut response);
            }
            Ok(response)
        }
    });
    Router::new().fallback_service(service)
}

/// `Location: /staff/draft` on a Dutch page becomes `/nl/staff/draft` (and
/// `/`, where signing out leads, `/nl/`).
fn keep_language_in_redirect(response: &mut Response, locale: Locale) {
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .filter(|l| l.starts_with("/staff") || *l == "/")
        .map(|l| locale.href(l))
    else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
}

/// `/` answers by `Accept-Language`: caches must keep one answer per value.
fn vary_on_language(response: &mut Response) {
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-language"));
}

/// Takes an offered language's prefix off the path and records the locale.
fn strip_prefix(mut request: Request<Body>, offered: &[Locale]) -> Request<Body> {
    let path = request.uri().path().to_owned();
    let (locale, rest) = Locale::split_path(&path);
    // A language the data is not offered in is no prefix: the path stays
    // as it is, and answers 404. The staff workspace is not the dataset's:
    // it is offered in every language the site has words for.
    let (locale, rest) = if offered.contains(&locale) || rest.starts_with("/staff") {
        (locale, rest.to_owned())
    } else {
        (Locale::En, path.clone())
    };
    if rest != path {
        let path_and_query = match request.uri().query() {
            Some(query) => format!("{rest}?{query}"),
            None => rest,
        };
        let mut parts = request.uri().clone().into_parts();
        if let Ok(value) = path_and_query.parse() {
            parts.path_and_query = Some(value);
            if let Ok(uri) = Uri::from_parts(parts) {
                *request.uri_mut() = uri;
            }
        }
    }
    request.extensions_mut().insert(locale);
    request
}

/// The offered language the browser ranks highest (`q` weights honoured).
pub(crate) fn preferred(header: Option<&HeaderValue>, offered: &[Locale]) -> Option<Locale> {
    let header = header?.to_str().ok()?;
    let mut ranked: Vec<(f32, usize, Locale)> = header
        .split(',')
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let locale = Locale::from_code(tag)?;
            (weight > 0.0 && offered.contains(&locale)).then_some((weight, position, locale))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.first().map(|(_, _, locale)| *locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_highest_ranked_offered_language_wins() {
        let offered = [Locale::En, Locale::Nl];
        let value = |s: &'static str| HeaderValue::from_static(s);
        assert_eq!(
            preferred(Some(&value("nl-NL,nl;q=0.9,en;q=0.8")), &offered),
            Some(Locale::Nl)
        );
        assert_eq!(
            preferred(Some(&value("en-GB,nl;q=0.5")), &offered),
            Some(Locale::En)
        );
        assert_eq!(
            preferred(Some(&value("de-DE,nl;q=0.3")), &offered),
            Some(Locale::Nl)
        );
        assert_eq!(preferred(Some(&value("fr")), &offered), None);
        assert_eq!(preferred(Some(&value("nl;q=0")), &offered), None);
        assert_eq!(preferred(None, &offered), None);
    }
}
