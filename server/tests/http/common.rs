//! Helpers every HTTP test shares: an app on the demo city (or a copy of it)
//! in a temporary data folder, requests answered in-process, and the facts
//! the tests compare pages with, computed independently from the dataset.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use indicators::statuses::Statuses;
use indicators::summary::SeriesSummary;
use leptos::config::get_configuration;
use tempfile::TempDir;
use tower::ServiceExt;

pub fn demo_dataset() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city")
}

/// The router with its data folder, removed when the test is done with both.
#[derive(Clone)]
pub struct TestApp {
    pub router: Router,
    _data: std::sync::Arc<TempDir>,
}

impl From<Router> for TestApp {
    /// A router whose data folder the caller keeps.
    fn from(router: Router) -> Self {
        TestApp {
            router,
            _data: std::sync::Arc::new(TempDir::new().expect("a folder")),
        }
    }
}

pub async fn demo_app() -> TestApp {
    app_for(&demo_dataset()).await
}

/// An app that built a release from `dataset` into a fresh data folder.
pub async fn app_for(dataset: &Path) -> TestApp {
    let data = TempDir::new().expect("a data folder");
    // `#[tokio::test]` is a current-thread runtime: loading must still work
    // there (regression: polars panicked when called on an async worker).
    let state = server::AppState::load(leptos_options(), Some(dataset), data.path())
        .await
        .expect("the dataset loads");
    TestApp {
        router: server::app(state),
        _data: std::sync::Arc::new(data),
    }
}

pub fn leptos_options() -> leptos::config::LeptosOptions {
    get_configuration(None)
        .expect("leptos configuration")
        .leptos_options
}

/// GET `path` from a fresh app on the demo city.
pub async fn get(path: &str) -> (StatusCode, String) {
    demo_app().await.get(path).await
}

impl TestApp {
    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// GET `path`: the status, the headers and the body as bytes (PDFs, PNGs).
    pub async fn get_bytes(&self, path: &str) -> (StatusCode, http::HeaderMap, Vec<u8>) {
        let response = self
            .router
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).expect("request"))
            .await
            .expect("response");
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, 64 * 1024 * 1024)
            .await
            .expect("body");
        (parts.status, parts.headers, bytes.to_vec())
    }

    /// POSTs `body` (of `content_type`) to `path`, as a browser calls a
    /// server function.
    pub async fn post(&self, path: &str, content_type: &str, body: String) -> (StatusCode, String) {
        self.send(
            Request::post(path)
                .header(http::header::CONTENT_TYPE, content_type)
                .header(http::header::ACCEPT, "application/json")
                .body(Body::from(body))
                .expect("request"),
        )
        .await
    }

    async fn send(&self, request: Request<Body>) -> (StatusCode, String) {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 8 * 1024 * 1024)
            .await
            .expect("body");
        (
            status,
            String::from_utf8(bytes.to_vec()).expect("utf-8 body"),
        )
    }
}

/// The text from `start` to the next `end` (both included); panics naming
/// `start` when it is missing, so a failing test says what it looked for.
pub fn section<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not in the page"));
    let to = body[from..]
        .find(end)
        .map(|i| from + i + end.len())
        .unwrap_or(body.len());
    &body[from..to]
}

/// `data-indicator` ids in page order.
pub fn card_ids(body: &str) -> Vec<String> {
    body.split("data-indicator=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// The demo catalogue's rows as `(id, title, visibility)`, read straight
/// from the file.
fn catalogue_rows() -> Vec<(String, String, String)> {
    let mut reader =
        csv::Reader::from_path(demo_dataset().join("catalogue.csv")).expect("catalogue");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, title, visibility) = (column("id"), column("title_en"), column("visibility"));
    reader
        .records()
        .map(|r| r.expect("record"))
        .map(|r| {
            (
                r[id].to_string(),
                r[title].to_string(),
                r[visibility].to_string(),
            )
        })
        .collect()
}

/// Public indicators in the demo catalogue, counted straight from the file.
pub fn public_indicators_in_catalogue() -> usize {
    catalogue_rows()
        .iter()
        .filter(|(_, _, visibility)| visibility == "public")
        .count()
}

/// Ids and titles of the demo catalogue's internal indicators.
pub fn internal_indicators() -> Vec<(String, String)> {
    catalogue_rows()
        .into_iter()
        .filter(|(_, _, visibility)| visibility == "internal")
        .map(|(id, title, _)| (id, title))
        .collect()
}

/// Fails if `body` names or links any internal indicator.
pub fn assert_no_internal(path: &str, body: &str) {
    // The language switch links the address the visitor asked for in the
    // other languages: an echo of the request, not something the data told.
    let switch = body
        .find("class=\"language-switch\"")
        .and_then(|at| body[..at].rfind("<nav"))
        .and_then(|start| Some((start, start + body[start..].find("</nav>")?)));
    let without_switch;
    let body = match switch {
        Some((start, end)) => {
            without_switch = format!("{}{}", &body[..start], &body[end..]);
            without_switch.as_str()
        }
        None => body,
    };
    let internal = internal_indicators();
    assert_eq!(internal.len(), 5);
    for (id, title) in internal {
        assert!(
            !body.contains(&format!("/indicators/{id}"))
                && !body.contains(&title)
                && !body.contains(&format!("\"{id}\"")),
            "{path} shows the internal indicator {id}"
        );
    }
}

/// The demo city's dataset, read directly (polars must run off the async
/// worker: a current-thread runtime deadlocks it).
pub async fn demo_dataset_read() -> indicators::Dataset {
    tokio::task::spawn_blocking(|| {
        indicators::read::read_dataset(&demo_dataset(), &|_, _, _| {}).dataset
    })
    .await
    .expect("read the demo city")
}

/// How many public qualitative indicators map to goal `goal` (all goals
/// for `None`): their cards say "no progress score", and statuses leave them out.
pub async fn public_qualitative(goal: Option<u8>) -> usize {
    demo_dataset_read()
        .await
        .indicators
        .iter()
        .filter(|i| i.is_public() && i.is_qualitative())
        .map(|i| goal.map_or(i.goals().len(), |g| usize::from(i.goals().contains(&g))))
        .sum()
}

/// The demo city's statuses, computed directly from the dataset.
pub async fn expected_statuses() -> Statuses {
    let dataset = demo_dataset_read().await;
    indicators::statuses::compute(&dataset, indicators::progress::ProgressMethod::OpenSdg)
}

/// The headline summary of an indicator, computed independently.
pub fn headline<'a>(statuses: &'a Statuses, id: &str) -> &'a SeriesSummary {
    statuses
        .series
        .iter()
        .find(|s| s.indicator_id == id && s.dimensions.is_headline())
        .unwrap_or_else(|| panic!("{id} has a headline series"))
}

/// A copy of the demo dataset with its catalogue and areas passed through
/// `edit_catalogue` and `edit_areas`, in a folder removed when dropped.
pub fn demo_copy(
    edit_catalogue: impl Fn(String) -> String,
    edit_areas: impl Fn(String) -> String,
) -> TempDir {
    let dir = TempDir::new().expect("a dataset folder");
    std::fs::create_dir_all(dir.path().join("observations")).expect("mkdir");
    for entry in std::fs::read_dir(demo_dataset().join("observations")).expect("ls") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            dir.path().join("observations").join(entry.file_name()),
        )
        .expect("copy");
    }
    for (file, edit) in [
        (
            "catalogue.csv",
            &edit_catalogue as &dyn Fn(String) -> String,
        ),
        ("areas.csv", &edit_areas),
    ] {
        let text = std::fs::read_to_string(demo_dataset().join(file)).expect("read");
        std::fs::write(dir.path().join(file), edit(text)).expect("write");
    }
    for file in ["settings.csv", "labels.csv", "actions.csv"] {
        std::fs::copy(demo_dataset().join(file), dir.path().join(file)).expect("copy");
    }
    dir
}

/// The demo dataset with hostile text in an indicator title and an area
/// name, as a careless or malicious file might carry.
pub fn hostile_dataset() -> TempDir {
    demo_copy(
        |catalogue| {
            catalogue.replace(
                "poverty-rate,Residents living below the poverty line,",
                "poverty-rate,\"Poverty </script><script>alert('xss')</script><img src=x onerror=alert(1)>\",",
            )
        },
        |areas| {
            areas.replace(
                "Right to adequate housing",
                "<b onmouseover=alert(2)>Housing</b>",
            )
        },
    )
}

/// `poverty-rate`'s catalogue line.
pub fn poverty_line(catalogue: &str) -> String {
    catalogue
        .lines()
        .find(|l| l.starts_with("poverty-rate,"))
        .expect("poverty line")
        .to_owned()
}
