//! How every API answer goes out: JSON with a strong ETag (SHA-256 of the
//! body), `304 Not Modified` when `If-None-Match` has it, the cache rule of
//! who asked, and errors as `{ "error", "message" }`.

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// What went wrong, as a code a program can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No such goal, indicator or path (internal indicators count as unknown
    /// unless a signed-in staff member asks).
    NotFound,
    /// The `?series=` names no series of the indicator.
    UnknownSeries,
    /// The server failed; the message says what to try.
    InternalError,
}

/// An error answer: a code and a sentence saying what to do.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiError {
    pub error: ErrorCode,
    pub message: String,
    #[serde(skip)]
    status: StatusCode,
}

impl ApiError {
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            error: ErrorCode::NotFound,
            message: message.into(),
            status: StatusCode::NOT_FOUND,
        }
    }

    pub fn unknown_series(message: impl Into<String>) -> Self {
        ApiError {
            error: ErrorCode::UnknownSeries,
            message: message.into(),
            status: StatusCode::NOT_FOUND,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        ApiError {
            error: ErrorCode::InternalError,
            message: message.into(),
            status: StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Who is asking, which decides what an answer holds and how it is cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Staff,
}

/// The JSON answer `value` for `caller`, or 304 if the client holds it.
pub fn respond<T: Serialize>(value: &T, caller: Caller, request: &HeaderMap) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(%err, "could not write an API answer as JSON");
            return error_response(
                &ApiError::internal(
                    "the answer could not be written; please try again or report this as a bug",
                ),
                caller,
            );
        }
    };
    send(StatusCode::OK, body, caller, request)
}

/// An error as JSON (never cached).
pub fn error_response(error: &ApiError, caller: Caller) -> Response {
    let body = serde_json::to_vec(error).unwrap_or_default();
    let mut response = (error.status, body).into_response();
    headers(response.headers_mut(), caller, None);
    response
}

/// `body` with its ETag; `304` with no body when `If-None-Match` matches.
pub fn send(status: StatusCode, body: Vec<u8>, caller: Caller, request: &HeaderMap) -> Response {
    let tag = etag(&body);
    let matches = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == tag || t == "*");
    let mut response = if matches {
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::NOT_MODIFIED;
        r
    } else {
        let mut r = Response::new(Body::from(body));
        *r.status_mut() = status;
        r
    };
    headers(response.headers_mut(), caller, Some(&tag));
    response
}

/// A strong entity tag: the body's SHA-256.
fn etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

fn headers(map: &mut HeaderMap, caller: Caller, tag: Option<&str>) {
    map.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    // Anonymous answers may be kept but must be revalidated (a publish
    // changes them); a staff answer holds internal data: never stored.
    let cache = match caller {
        Caller::Anonymous => "no-cache",
        Caller::Staff => "private, no-store",
    };
    map.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // The same address answers staff and the public differently.
    map.insert(header::VARY, HeaderValue::from_static("Cookie"));
    if let Some(tag) = tag.and_then(|t| HeaderValue::from_str(t).ok()) {
        map.insert(header::ETAG, tag);
    }
}
