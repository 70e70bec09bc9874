//! `localgoals export-static OUT`: the public site as plain files. The
//! router answers in-process (no network), starting from `/` and each
//! offered language's home page; every local link of every page, style sheet
//! and script is followed and its answer written under OUT, so whatever a
//! public page links (assets, charts, downloads, feeds, embeds) is exported.
//! The crawl is anonymous, so only public pages exist for it. Pages learn
//! they are exported from the [`HEADER`] request header and leave out what
//! needs the server (forms, server functions). See docs/static-export.md.

mod links;

use std::collections::{HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::time::Instant;

use axum::body::Body;
use axum::Router;
use http::{header, Request, StatusCode};
use tokio::task::JoinSet;
use tower::ServiceExt;

pub use links::{encode_query, links as find_links, live_only, local, Address, Kind, LIVE_ONLY};

/// The request header every exported page is rendered with.
pub const HEADER: &str = app::ssr::export::HEADER;

/// How many addresses are rendered at once.
const PARALLEL: usize = 4;

/// Where the site's not-found page is written (most static hosts and CDNs
/// serve it for a missing file).
pub const NOT_FOUND_FILE: &str = "404.html";

/// Why an export stopped. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write {path}: {source}. Check that the output folder is writable and its disk has space, then export again.")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the server failed on {} address(es) while exporting, first {} (linked from {}); the files written so far are incomplete. The log above says why; fix that and export again.", .0.len(), .0.first().map_or("", |b| b.address.as_str()), .0.first().map_or("", |b| b.linked_from.as_str()))]
    ServerErrors(Vec<Broken>),
    #[error("the in-process server did not answer {uri}: {message}; please report this as a bug")]
    Router { uri: String, message: String },
}

/// A link the crawl found whose answer was not a page or file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The address as asked (with its query).
    pub address: String,
    pub status: u16,
    /// The exported address that links it.
    pub linked_from: String,
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Summary {
    pub out: PathBuf,
    /// HTML pages (redirect pages and `404.html` included).
    pub pages: usize,
    /// Every other file: assets, charts, downloads, feeds.
    pub files: usize,
    pub bytes: u64,
    /// Links that answered 4xx: not written, reported as warnings.
    pub broken: Vec<Broken>,
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "Exported {} pages and {} other files ({:.1} MB) into {} in {:.1} s.",
            self.pages,
            self.files,
            self.bytes as f64 / 1_000_000.0,
            self.out.display(),
            self.seconds
        )?;
        if self.broken.is_empty() {
            writeln!(f, "No broken links.")?;
        } else {
            writeln!(
                f,
                "Warning: {} broken link(s), not exported (fix the link or the data, then export again):",
                self.broken.len()
            )?;
            for b in &self.broken {
                writeln!(
                    f,
                    "  {} ({}), linked from {}",
                    b.address, b.status, b.linked_from
                )?;
            }
        }
        writeln!(
            f,
            "Serve the folder from the root of a domain; search and the staff workspace need the live server."
        )
    }
}

/// Exports the site `state` serves into `out` (created if missing).
pub async fn export_state(state: crate::AppState, out: &Path) -> Result<Summary, ExportError> {
    let languages = state.served.now().data.languages.clone();
    export(crate::app(state), &languages, out).await
}

/// One answer of the router.
struct Fetched {
    address: Address,
    linked_from: String,
    status: StatusCode,
    content_type: String,
    location: Option<String>,
    body: Vec<u8>,
}

async fn fetch(
    router: Router,
    address: Address,
    linked_from: String,
) -> Result<Fetched, ExportError> {
    let uri = address.uri();
    let request = Request::get(&uri)
        .header(HEADER, "1")
        .body(Body::empty())
        .map_err(|err| ExportError::Router {
            uri: uri.clone(),
            message: err.to_string(),
        })?;
    let response = router
        .oneshot(request)
        .await
        .map_err(|err| ExportError::Router {
            uri: uri.clone(),
            message: err.to_string(),
        })?;
    let (parts, body) = response.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .map_err(|err| ExportError::Router {
            uri: uri.clone(),
            message: err.to_string(),
        })?;
    let text = |name: header::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    Ok(Fetched {
        content_type: text(header::CONTENT_TYPE).unwrap_or_default(),
        location: text(header::LOCATION),
        status: parts.status,
        address,
        linked_from,
        body: body.to_vec(),
    })
}

/// The crawl's state: what is queued, seen and written.
struct Crawl {
    out: PathBuf,
    languages: Vec<String>,
    queue: VecDeque<(Address, String)>,
    seen: HashSet<String>,
    summary: Summary,
    failed: Vec<Broken>,
}

impl Crawl {
    /// Queues every local, exportable link `text` holds.
    fn follow(&mut self, text: &str, kind: Kind, base: &str) {
        for link in links::links(text, kind) {
            let Some((address, _)) = local(&link, base) else {
                continue;
            };
            if live_only(&address.path, &self.languages) {
                continue;
            }
            if self.seen.insert(address.uri()) {
                self.queue.push_back((address, base.to_owned()));
            }
        }
    }

    async fn write(&mut self, file: &Path, bytes: &[u8], page: bool) -> Result<(), ExportError> {
        let path = self.out.join(file);
        let failed = |source| ExportError::Write {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await.map_err(failed)?;
        }
        tokio::fs::write(&path, bytes).await.map_err(failed)?;
        if page {
            self.summary.pages += 1;
        } else {
            self.summary.files += 1;
        }
        self.summary.bytes += bytes.len() as u64;
        Ok(())
    }

    async fn handle(&mut self, got: Fetched) -> Result<(), ExportError> {
        let Fetched {
            address,
            linked_from,
            status,
            content_type,
            location,
            body,
        } = got;
        let uri = address.uri();
        if status.is_redirection() {
            let target = location.as_deref().and_then(|l| local(l, &address.path));
            let (Some((target, _)), false) = (target, address.has_extension()) else {
                tracing::warn!(%uri, ?location, "a redirect elsewhere is not exported");
                return Ok(());
            };
            let to = target.exported(!target.has_extension());
            if !live_only(&target.path, &self.languages) && self.seen.insert(target.uri()) {
                self.queue.push_back((target, uri.clone()));
            }
            let page = format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url={to}\"><link rel=\"canonical\" href=\"{to}\"></head><body><a href=\"{to}\">{to}</a></body></html>\n"
            );
            if let Some(file) = address.file(true) {
                self.write(&file, page.as_bytes(), true).await?;
            }
            return Ok(());
        }
        if status.is_server_error() {
            tracing::error!(%uri, %status, from = %linked_from, "the server failed");
            self.failed.push(Broken {
                address: uri,
                status: status.as_u16(),
                linked_from,
            });
            return Ok(());
        }
        if status != StatusCode::OK {
            tracing::warn!(%uri, %status, from = %linked_from, "broken link");
            self.summary.broken.push(Broken {
                address: uri,
                status: status.as_u16(),
                linked_from,
            });
            return Ok(());
        }
        let kind = Kind::of(&content_type);
        let html = kind == Kind::Html;
        let Some(file) = address.file(html) else {
            tracing::warn!(%uri, "an address outside the output folder is not exported");
            return Ok(());
        };
        match kind {
            Kind::Html | Kind::Css => {
                let text = String::from_utf8_lossy(&body);
                self.follow(&text, kind, &address.path);
                let rewritten = links::rewrite(&text, kind, &address.path);
                self.write(&file, rewritten.as_bytes(), html).await?;
            }
            Kind::Js => {
                self.follow(&String::from_utf8_lossy(&body), kind, &address.path);
                self.write(&file, &body, false).await?;
            }
            Kind::Other => self.write(&file, &body, false).await?,
        }
        let done = self.summary.pages + self.summary.files;
        if done.is_multiple_of(250) {
            tracing::info!(done, queued = self.queue.len(), "exporting");
        }
        Ok(())
    }
}

/// Crawls `router` from `/` and each of `languages`' home pages and writes
/// every answer under `out`. A 5xx anywhere is an error (after the crawl, so
/// the log lists them all); a 4xx is a broken link in the summary.
pub async fn export(
    router: Router,
    languages: &[app::i18n::Locale],
    out: &Path,
) -> Result<Summary, ExportError> {
    let started = Instant::now();
    let mut crawl = Crawl {
        out: out.to_path_buf(),
        languages: languages.iter().map(|l| l.code().to_owned()).collect(),
        queue: VecDeque::new(),
        seen: HashSet::new(),
        summary: Summary {
            out: out.to_path_buf(),
            pages: 0,
            files: 0,
            bytes: 0,
            broken: Vec::new(),
            seconds: 0.0,
        },
        failed: Vec::new(),
    };
    tokio::fs::create_dir_all(out)
        .await
        .map_err(|source| ExportError::Write {
            path: out.to_path_buf(),
            source,
        })?;
    let mut starts = vec!["/".to_owned()];
    starts.extend(languages.iter().map(|l| l.href("/")));
    for start in starts {
        if let Some((address, _)) = local(&start, "/") {
            if crawl.seen.insert(address.uri()) {
                crawl.queue.push_back((address, "(start)".to_owned()));
            }
        }
    }
    let mut running = JoinSet::new();
    loop {
        while running.len() < PARALLEL {
            let Some((address, from)) = crawl.queue.pop_front() else {
                break;
            };
            running.spawn(fetch(router.clone(), address, from));
        }
        let Some(joined) = running.join_next().await else {
            break;
        };
        let fetched = joined.map_err(|err| ExportError::Router {
            uri: "(a page)".to_owned(),
            message: err.to_string(),
        })??;
        crawl.handle(fetched).await?;
    }
    // The not-found page, for static hosts: `/404.html` and one per
    // language (`/nl/404.html`), which its language switch links.
    let mut missing_pages = vec![format!("/{NOT_FOUND_FILE}")];
    for locale in languages {
        for path in [
            locale.href(&format!("/{NOT_FOUND_FILE}")),
            locale.explicit_href(&format!("/{NOT_FOUND_FILE}")),
        ] {
            if !missing_pages.contains(&path) {
                missing_pages.push(path);
            }
        }
    }
    for path in missing_pages {
        let address = Address { path, query: None };
        let missing = fetch(
            router.clone(),
            address.clone(),
            "(not-found page)".to_owned(),
        )
        .await?;
        if missing.status == StatusCode::NOT_FOUND && Kind::of(&missing.content_type) == Kind::Html
        {
            let text = String::from_utf8_lossy(&missing.body).into_owned();
            let text = links::rewrite(&text, Kind::Html, "/");
            if let Some(file) = address.file(false) {
                crawl.write(&file, text.as_bytes(), true).await?;
            }
        }
    }
    crawl.summary.seconds = started.elapsed().as_secs_f64();
    crawl
        .summary
        .broken
        .sort_by(|a, b| a.address.cmp(&b.address));
    if !crawl.failed.is_empty() {
        return Err(ExportError::ServerErrors(crawl.failed));
    }
    Ok(crawl.summary)
}
