//! Which requests the cache may answer and which answers it may keep,
//! and how it makes room.

use std::sync::atomic::Ordering;

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;

use super::{Kept, Key, LARGEST_ENTRY};

/// Drops the least recently used entries until at most `keep` bytes remain.
pub(super) fn evict(kept: &mut Kept, keep: usize) {
    let mut by_use: Vec<(u64, Key, usize)> = kept
        .entries
        .iter()
        .map(|(key, entry)| {
            (
                entry.used.load(Ordering::Relaxed),
                key.clone(),
                entry.size(),
            )
        })
        .collect();
    by_use.sort_by_key(|(used, _, _)| *used);
    for (_, key, size) in by_use {
        if kept.bytes <= keep {
            break;
        }
        kept.entries.remove(&key);
        kept.bytes = kept.bytes.saturating_sub(size);
    }
}

/// Whether the request carries a staff session (valid or not: a stale
/// cookie is rare and answering it afresh costs only time).
pub(super) fn signed_in(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, _)| name == crate::staff::SESSION_COOKIE)
}

/// Addresses answered afresh every time: the workspace, the health check
/// (it must show the server as it is), and the site's files (kept and
/// compressed by [`crate::site::Site`] already).
pub(super) fn is_live(path: &str) -> bool {
    path == "/staff"
        || path.starts_with("/staff/")
        || path == "/healthz"
        || path.starts_with("/pkg/")
}

/// Whether an answer may be kept: a whole 200 that sets no cookie and is
/// not private, not to be stored, streamed or already encoded.
pub(super) fn storable(response: &Response) -> bool {
    let headers = response.headers();
    if response.status() != StatusCode::OK
        || headers.contains_key(header::SET_COOKIE)
        || headers.contains_key(header::CONTENT_ENCODING)
    {
        return false;
    }
    let cache = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // `no-cache` asks browsers to revalidate (the API's answers): this
    // cache answers revalidations with the same ETag, so it may keep them.
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
    // Only bodies whose whole length is known (pages pass through the ETag
    // layer, which holds them whole): a stream is not held back to keep it.
    axum::body::HttpBody::size_hint(response.body())
        .exact()
        .is_some_and(|length| length <= LARGEST_ENTRY as u64)
}

/// Text shrinks; images other than SVG, archives and Parquet do not.
pub(super) fn worth_compressing(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence.starts_with("text/")
        || essence == "application/json"
        || essence == "application/xml"
        || essence == "image/svg+xml"
        || essence.ends_with("+xml")
        || essence.ends_with("+json")
}
