//! Every public address of the site, found as `localgoals export-static`
//! finds them (from `/` and each language's home page, following every
//! local link, with the exporter's own link reader), answered in-process.
//! Unlike the exporter it leaves out what cannot carry escaped text and is
//! slow to render in a debug build: PNG charts, PDF reports, Parquet files,
//! the site's scripts, styles and wasm.

use std::collections::{BTreeMap, HashSet, VecDeque};

use axum::body::Body;
use axum::Router;
use http::{header, Request, StatusCode};
use server::export::{find_links, live_only, local, Kind};
use tower::ServiceExt;

/// Suffixes of addresses not fetched.
const SKIPPED: [&str; 8] = [
    ".png", ".pdf", ".parquet", ".wasm", ".js", ".css", ".ico", ".woff2",
];

/// One answer: the address asked, its content type and body.
pub struct Page {
    pub address: String,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// Crawls `router` from `starts` (the home page of each language; codes
/// in `languages`). Panics on any 5xx; 4xx answers (broken links) are
/// returned by address.
pub async fn crawl(
    router: &Router,
    starts: Vec<String>,
    languages: &[String],
) -> (Vec<Page>, BTreeMap<String, u16>) {
    let mut queue: VecDeque<String> = starts.into_iter().collect();
    let mut seen: HashSet<String> = queue.iter().cloned().collect();
    let mut pages = Vec::new();
    let mut broken = BTreeMap::new();
    while !queue.is_empty() {
        // Two at a time: the machines the tests run on have two cores.
        let batch: Vec<String> = (0..2).filter_map(|_| queue.pop_front()).collect();
        let mut running = tokio::task::JoinSet::new();
        for address in batch {
            let router = router.clone();
            running.spawn(async move {
                let request = Request::get(&address).body(Body::empty()).expect("request");
                let response = router.oneshot(request).await.expect("an answer");
                let status = response.status();
                let content_type = response
                    .headers()
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                let location = response
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned);
                let body = axum::body::to_bytes(response.into_body(), 256 * 1024 * 1024)
                    .await
                    .expect("a body");
                (address, status, content_type, location, body.to_vec())
            });
        }
        for done in running.join_all().await {
            let (address, status, content_type, location, body) = done;
            assert!(
                !status.is_server_error(),
                "{address} answered {status}: {}",
                String::from_utf8_lossy(&body)
            );
            let mut links = Vec::new();
            if status.is_redirection() {
                links.extend(location);
            } else if status != StatusCode::OK {
                broken.insert(address, status.as_u16());
                continue;
            }
            let kind = Kind::of(&content_type);
            if matches!(kind, Kind::Html) || content_type.starts_with("image/svg") {
                links.extend(find_links(&String::from_utf8_lossy(&body), Kind::Html));
            }
            for link in links {
                let Some((target, _)) = local(&link, &address) else {
                    continue;
                };
                if live_only(&target.path, languages)
                    || target.path.starts_with("/pkg/")
                    || target.path.starts_with("/favicon")
                    || SKIPPED.iter().any(|s| target.path.ends_with(s))
                {
                    continue;
                }
                let uri = target.uri();
                if seen.insert(uri.clone()) {
                    queue.push_back(uri);
                }
            }
            pages.push(Page {
                address,
                content_type,
                body,
            });
        }
    }
    (pages, broken)
}
