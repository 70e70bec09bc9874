//! ETags and 304s for pages and every other GET answer that has none: a
//! hash of the body, so a browser revalidating an unchanged page gets an
//! empty 304. Staff pages are never cached (`private, no-store`) and get no
//! ETag.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use sha2::{Digest, Sha256};

/// Bodies above this are passed through without an ETag (pages are far
/// smaller; large downloads carry their own or need none).
const LARGEST: usize = 64 * 1024 * 1024;

/// Whether `If-None-Match` names `etag` (weak comparison, `*` matches any).
pub fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let wanted = bare(etag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == "*" || bare(tag) == wanted)
}

fn is_staff(path: &str) -> bool {
    path == "/staff" || path.starts_with("/staff/")
}

/// The middleware: adds `ETag` to GET 200 answers without one and
/// answers 304 when the browser already has that body.
pub async fn page_etags(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let staff = is_staff(request.uri().path());
    let conditions = request.headers().clone();
    let mut response = next.run(request).await;
    if staff {
        // Signed-in pages and answers are never stored by browsers or proxies.
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("private, no-store"));
        return response;
    }
    // HEAD answers arrive here without their body already: no ETag.
    if method != Method::GET
        || response.status() != StatusCode::OK
        || !wants_etag(response.headers())
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, LARGEST).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(%err, "an answer's body could not be read to compute its ETag");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    // Weak: the compression layer outside may send it in another coding.
    let etag = format!("W/\"{}\"", body_hash(&bytes));
    let Ok(value) = HeaderValue::from_str(&etag) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if if_none_match(&conditions, &etag) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        for name in [
            header::CACHE_CONTROL,
            header::VARY,
            header::CONTENT_LOCATION,
            header::EXPIRES,
        ] {
            if let Some(v) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, v.clone());
            }
        }
        not_modified.headers_mut().insert(header::ETAG, value);
        return not_modified;
    }
    parts.headers.insert(header::ETAG, value);
    Response::from_parts(parts, Body::from(bytes))
}

/// Answers that set their own ETag, are private or not stored, set a
/// cookie, stream events, or are too large to hold keep as they are.
fn wants_etag(headers: &HeaderMap) -> bool {
    if headers.contains_key(header::ETAG)
        || headers.contains_key(header::SET_COOKIE)
        || headers.contains_key(header::CONTENT_ENCODING)
    {
        return false;
    }
    let cache = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if cache.contains("no-store") || cache.contains("private") {
        return false;
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if content_type.starts_with("text/event-stream") {
        return false;
    }
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    length.is_none_or(|length| length <= LARGEST)
}

/// The first 16 hex digits of SHA-256 of the body, leaving out the nonce
/// leptos puts into every page's scripts (new on each request, so it would
/// make every ETag new). No CSP header names the nonce, so a browser that
/// reuses its copy after a 304 keeps a page consistent with itself.
fn body_hash(body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    match nonce(body) {
        Some(nonce) => {
            let mut rest = body;
            while let Some(at) = find(rest, nonce) {
                hasher.update(&rest[..at]);
                rest = &rest[at + nonce.len()..];
            }
            hasher.update(rest);
        }
        None => hasher.update(body),
    }
    hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The value of the first `nonce="…"` attribute.
fn nonce(body: &[u8]) -> Option<&[u8]> {
    const ATTRIBUTE: &[u8] = b" nonce=\"";
    let start = find(body, ATTRIBUTE)? + ATTRIBUTE.len();
    let length = body[start..].iter().take(64).position(|b| *b == b'"')?;
    (length > 0).then(|| &body[start..start + length])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::body_hash;

    #[test]
    fn pages_differing_only_in_their_nonce_share_an_etag() {
        let page = |nonce: &str, text: &str| {
            format!(
                "<link crossorigin=\"{nonce}\"><script nonce=\"{nonce}\">x</script><p>{text}</p>"
            )
        };
        let first = body_hash(page("l91lx4XVSsYl1dIiRhMmCQ", "a").as_bytes());
        assert_eq!(
            first,
            body_hash(page("br_e6JomaYNy_dTGbYpESg", "a").as_bytes())
        );
        assert_ne!(
            first,
            body_hash(page("br_e6JomaYNy_dTGbYpESg", "b").as_bytes())
        );
        assert_ne!(body_hash(b"<p>a</p>"), body_hash(b"<p>b</p>"));
    }
}
