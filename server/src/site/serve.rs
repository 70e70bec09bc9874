//! Answers a request for a site file from the table: the coding the
//! browser accepts, the cache lifetime of the name asked for, ETag and 304.
//! Anything not in the table goes on to leptos' file-and-404 handler.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::asset::{negotiate, Encoding};
use super::etag::if_none_match;
use super::{Entry, Site, IMMUTABLE, SHORT_CACHE};

/// The router's fallback: a site file from `site`, else `next` (leptos'
/// handler: files on disk, then the not-found page).
pub fn fallback<S, F>(
    site: Arc<Site>,
    next: F,
) -> impl Fn(State<S>, Request) -> Pin<Box<dyn Future<Output = Response> + Send>>
       + Clone
       + Send
       + Sync
       + 'static
where
    S: Clone + Send + Sync + 'static,
    F: Fn(Uri, State<S>, Request) -> Pin<Box<dyn Future<Output = Response> + Send>>
        + Clone
        + Send
        + Sync
        + 'static,
{
    move |state: State<S>, request: Request| {
        let site = site.clone();
        let next = next.clone();
        Box::pin(async move {
            let method = request.method().clone();
            if method == Method::GET || method == Method::HEAD {
                if let Some(entry) = site.get(request.uri().path()).cloned() {
                    return answer(&entry, &method, request.headers()).await;
                }
            }
            next(request.uri().clone(), state, request).await
        })
    }
}

/// The file in the best coding the request accepts, or 304.
pub async fn answer(entry: &Entry, method: &Method, headers: &HeaderMap) -> Response {
    let asset = entry.asset.clone();
    let accept = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let mut encoding = negotiate(accept, &asset);
    let body = if asset.is_ready(encoding) {
        asset.body(encoding)
    } else {
        // Compressing a several-MB wasm takes a while: off the async workers.
        let blocking = asset.clone();
        tokio::task::spawn_blocking(move || blocking.body(encoding))
            .await
            .ok()
            .flatten()
    };
    let body = match body {
        Some(body) => body,
        None => {
            encoding = Encoding::Identity;
            asset.bytes.clone()
        }
    };
    let etag = asset.etag(encoding);
    let cache = if entry.immutable {
        IMMUTABLE
    } else {
        SHORT_CACHE
    };
    let mut response = if if_none_match(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let length = body.len();
        let mut response = if method == Method::HEAD {
            Response::new(Body::empty())
        } else {
            Response::new(Body::from(body))
        };
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(asset.content_type),
        );
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        if let Some(coding) = encoding.header() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if asset.compressible() {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}
