//! Rendered answers kept per served release. Every public page, chart,
//! feed and API answer is a pure function of the served release, the
//! address (path and query; the language is part of the path) and, for `/`
//! alone, the visitor's preferred language; the public server functions are
//! pure functions of the release and their arguments. So each is rendered
//! once, kept with its brotli and gzip forms and its ETag, and later
//! requests are answered from memory without rendering or compressing.
//!
//! The cache belongs to one served release: when publishing or rolling back
//! replaces it (here, or on another replica, which follows the shared
//! database and reloads), the next request drops every entry. Requests that
//! carry a staff session, and the workspace's addresses, are never answered
//! from it nor stored in it; neither are answers that set a cookie or are
//! marked private or not to be stored.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use app::i18n::Locale;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::asset::{compress, preferred_encoding, Encoding};
use super::etag::if_none_match;
use crate::{Served, ServedState};
use rules::{evict, is_live, signed_in, storable, worth_compressing};

/// Says whether an answer came from the cache (`hit`) or was rendered and
/// stored (`miss`); answers that bypass the cache carry none.
pub const CACHE_HEADER: &str = "x-localgoals-cache";
/// The memory the kept answers may take (all three forms of each).
pub const DEFAULT_BUDGET: usize = 256 * 1024 * 1024;
/// Larger answers (whole-release downloads) are made and kept by their own
/// routes; holding them twice would crowd out pages.
const LARGEST_ENTRY: usize = 4 * 1024 * 1024;
/// A server-function call with larger arguments is answered afresh.
const LARGEST_CALL: u64 = 16 * 1024;

/// The cache, shared by every request of one server.
#[derive(Clone, Debug)]
pub struct PageCache(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    served: Served,
    /// Server-function paths whose answers depend on their arguments and the
    /// release alone (`app::api::release_pure_paths`).
    pure_calls: HashSet<&'static str>,
    budget: usize,
    kept: RwLock<Kept>,
    /// Ticks for least-recently-used eviction.
    clock: AtomicU64,
}

/// The entries of one served release.
#[derive(Debug, Default)]
struct Kept {
    /// The release they were rendered from (compared by identity: any
    /// reload, even of the same id, starts afresh).
    release: Option<Arc<ServedState>>,
    entries: HashMap<Key, Arc<Entry>>,
    bytes: usize,
}

/// What an answer depends on besides the release.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    post: bool,
    /// Path and query exactly as asked, language prefix included.
    target: String,
    /// For `/` only: the offered language the browser prefers (the answer
    /// is a redirect to it, or the English home page).
    language: Option<Locale>,
    /// A server-function call's encoding and arguments.
    content_type: Option<HeaderValue>,
    body: Bytes,
}

/// One kept answer: a 200 with its headers and its body in each coding.
#[derive(Debug)]
struct Entry {
    headers: HeaderMap,
    etag: HeaderValue,
    plain: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
    used: AtomicU64,
}

impl Entry {
    fn size(&self) -> usize {
        self.plain.len()
            + self.brotli.as_ref().map_or(0, Bytes::len)
            + self.gzip.as_ref().map_or(0, Bytes::len)
            + 512
    }

    /// The answer for a request with these headers: a 304 when the browser
    /// has this body, else the body in the best coding it accepts.
    fn answer(&self, request: &HeaderMap, outcome: &'static str) -> Response {
        let mut response = if if_none_match(request, to_str(&self.etag)) {
            let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
            for name in [header::CACHE_CONTROL, header::VARY, header::EXPIRES] {
                for value in self.headers.get_all(&name) {
                    not_modified
                        .headers_mut()
                        .append(name.clone(), value.clone());
                }
            }
            not_modified
        } else {
            let accept = request
                .get(header::ACCEPT_ENCODING)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let compressed = self.brotli.is_some() || self.gzip.is_some();
            let (encoding, body) = match preferred_encoding(accept, compressed) {
                Encoding::Brotli => match &self.brotli {
                    Some(body) => (Encoding::Brotli, body.clone()),
                    None => (Encoding::Identity, self.plain.clone()),
                },
                Encoding::Gzip => match &self.gzip {
                    Some(body) => (Encoding::Gzip, body.clone()),
                    None => (Encoding::Identity, self.plain.clone()),
                },
                Encoding::Identity => (Encoding::Identity, self.plain.clone()),
            };
            let mut response = Response::new(Body::from(body));
            *response.headers_mut() = self.headers.clone();
            if let Some(coding) = encoding.header() {
                response
                    .headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
                // A strong ETag names the plain bytes; other bytes get
                // the weak form (the same for weak comparison).
                if !self.etag.as_bytes().starts_with(b"W/") {
                    if let Ok(weak) = HeaderValue::from_str(&format!("W/{}", to_str(&self.etag))) {
                        response.headers_mut().insert(header::ETAG, weak);
                    }
                }
            }
            response
        };
        let headers = response.headers_mut();
        if !headers.contains_key(header::ETAG) {
            headers.insert(header::ETAG, self.etag.clone());
        }
        headers.insert(
            HeaderName::from_static(CACHE_HEADER),
            HeaderValue::from_static(outcome),
        );
        response
    }
}

fn to_str(value: &HeaderValue) -> &str {
    value.to_str().unwrap_or_default()
}

impl PageCache {
    /// A cache for the releases `served` holds, taking at most `budget`
    /// bytes.
    pub fn new(served: Served, budget: usize) -> Self {
        PageCache(Arc::new(Inner {
            served,
            pure_calls: app::api::release_pure_paths().into_iter().collect(),
            budget,
            kept: RwLock::default(),
            clock: AtomicU64::new(0),
        }))
    }

    /// How many answers are kept now.
    pub fn len(&self) -> usize {
        self.read(|kept| kept.entries.len())
    }

    /// Whether no answer is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn read<T>(&self, f: impl FnOnce(&Kept) -> T) -> T {
        // A poisoned lock holds whole entries (each is inserted whole).
        match self.0.kept.read() {
            Ok(kept) => f(&kept),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    fn write<T>(&self, f: impl FnOnce(&mut Kept) -> T) -> T {
        match self.0.kept.write() {
            Ok(mut kept) => f(&mut kept),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    /// What the answer to `request` depends on, or `None` when it must be
    /// answered afresh and not kept.
    fn key(&self, request: &Request, release: &ServedState) -> Option<Key> {
        let post = match *request.method() {
            Method::GET => false,
            Method::POST => true,
            // HEAD answers come without their body; other methods change things.
            _ => return None,
        };
        let headers = request.headers();
        if signed_in(headers) || headers.contains_key(app::ssr::export::HEADER) {
            return None;
        }
        let path = request.uri().path();
        let (_, rest) = Locale::split_path(path);
        if is_live(path) || is_live(rest) {
            return None;
        }
        if post && !self.0.pure_calls.contains(rest) {
            return None;
        }
        let target = request
            .uri()
            .path_and_query()
            .map_or_else(|| path.to_owned(), |pq| pq.as_str().to_owned());
        let language = (path == "/")
            .then(|| {
                crate::language::preferred(
                    headers.get(header::ACCEPT_LANGUAGE),
                    &release.data.languages,
                )
            })
            .flatten();
        Some(Key {
            post,
            target,
            language,
            content_type: post
                .then(|| headers.get(header::CONTENT_TYPE).cloned())
                .flatten(),
            body: Bytes::new(),
        })
    }

    /// The kept answer for `key` rendered from `release`, if any; a new
    /// release empties the cache first.
    fn lookup(&self, key: &Key, release: &Arc<ServedState>) -> Option<Arc<Entry>> {
        let current = self.read(|kept| {
            let same = kept
                .release
                .as_ref()
                .is_some_and(|r| Arc::ptr_eq(r, release));
            same.then(|| kept.entries.get(key).cloned())
        });
        match current {
            Some(found) => {
                if let Some(entry) = &found {
                    let tick = self.0.clock.fetch_add(1, Ordering::Relaxed);
                    entry.used.store(tick, Ordering::Relaxed);
                }
                found
            }
            None => self.write(|kept| {
                let same = kept
                    .release
                    .as_ref()
                    .is_some_and(|r| Arc::ptr_eq(r, release));
                if !same {
                    tracing::debug!(
                        dropped = kept.entries.len(),
                        release = %release.release,
                        "a new release is served: the page cache starts afresh"
                    );
                    *kept = Kept {
                        release: Some(release.clone()),
                        ..Kept::default()
                    };
                }
                kept.entries.get(key).cloned()
            }),
        }
    }

    /// Keeps `entry` for `key` if `release` is still the one served,
    /// evicting the least recently used answers beyond the budget.
    fn store(&self, key: Key, entry: Arc<Entry>, release: &Arc<ServedState>) {
        let size = entry.size();
        if size > self.0.budget / 8 {
            return;
        }
        let tick = self.0.clock.fetch_add(1, Ordering::Relaxed);
        entry.used.store(tick, Ordering::Relaxed);
        self.write(|kept| {
            if !kept
                .release
                .as_ref()
                .is_some_and(|r| Arc::ptr_eq(r, release))
            {
                // Published meanwhile: this answer shows the old release.
                return;
            }
            if kept.bytes + size > self.0.budget {
                evict(
                    kept,
                    self.0.budget / 4 * 3 - size.min(self.0.budget / 4 * 3),
                );
            }
            kept.bytes += size;
            if let Some(old) = kept.entries.insert(key, entry) {
                kept.bytes = kept.bytes.saturating_sub(old.size());
            }
        });
    }
}

/// The middleware, outside everything that renders and inside the
/// compression layer (which then only compresses what bypassed the cache).
pub async fn answer(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let release = cache.0.served.now();
    let Some(mut key) = cache.key(&request, &release) else {
        return next.run(request).await;
    };
    let conditions = request.headers().clone();
    let (mut parts, mut body) = request.into_parts();
    if key.post {
        // Only calls that say how long they are, and are short, are read.
        let short = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|length| length <= LARGEST_CALL);
        if !short {
            return next.run(Request::from_parts(parts, body)).await;
        }
        match axum::body::to_bytes(body, LARGEST_CALL as usize).await {
            Ok(bytes) => {
                body = Body::from(bytes.clone());
                key.body = bytes;
            }
            Err(err) => {
                tracing::debug!(%err, "a server-function call's arguments could not be read");
                return (
                    StatusCode::BAD_REQUEST,
                    "The request's body could not be read. Please try again.",
                )
                    .into_response();
            }
        }
    }
    if let Some(entry) = cache.lookup(&key, &release) {
        return entry.answer(&conditions, "hit");
    }
    // Rendered plain: the cache makes the compressed forms once. A browser's
    // condition goes along: a 304 passes through, and the next request
    // without one renders and keeps the page.
    parts.headers.remove(header::ACCEPT_ENCODING);
    let response = next.run(Request::from_parts(parts, body)).await;
    if !storable(&response) {
        return response;
    }
    let (mut head, body) = response.into_parts();
    let plain = match axum::body::to_bytes(body, LARGEST_ENTRY).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(%err, target = %key.target, "an answer could not be read whole to keep it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let etag = head
        .headers
        .remove(header::ETAG)
        .or_else(|| {
            HeaderValue::from_str(&format!("W/\"{}\"", super::asset::content_hash(&plain))).ok()
        })
        .unwrap_or_else(|| HeaderValue::from_static("W/\"\""));
    head.headers.remove(header::CONTENT_LENGTH);
    let content_type = head
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let (brotli, gzip) = if worth_compressing(content_type) && plain.len() > 256 {
        let bytes = plain.clone();
        match tokio::task::spawn_blocking(move || {
            (
                compress(&bytes, Encoding::Brotli),
                compress(&bytes, Encoding::Gzip),
            )
        })
        .await
        {
            Ok(compressed) => compressed,
            Err(err) => {
                tracing::error!(%err, "compressing an answer to keep stopped unexpectedly");
                (None, None)
            }
        }
    } else {
        (None, None)
    };
    if brotli.is_some() || gzip.is_some() {
        head.headers
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    let entry = Arc::new(Entry {
        headers: head.headers,
        etag,
        plain,
        brotli,
        gzip,
        used: AtomicU64::new(0),
    });
    let answer = entry.answer(&conditions, "miss");
    cache.store(key, entry, &release);
    answer
}

mod rules;
#[cfg(test)]
mod tests;
