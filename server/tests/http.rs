//! The router answered in-process with `tower::ServiceExt::oneshot`: pages are
//! server-rendered with the demo data, unknown things are 404s, health is JSON.

use std::path::PathBuf;

use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use leptos::config::get_configuration;
use tower::ServiceExt;

fn demo_dataset() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city")
}

async fn test_app() -> Router {
    let options = get_configuration(None)
        .expect("leptos configuration")
        .leptos_options;
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let data_dir =
        std::env::temp_dir().join(format!("localgoals-http-test-{}-{n}", std::process::id()));
    // `#[tokio::test]` is a current-thread runtime: loading must still work
    // there (regression: polars panicked when called on an async worker).
    let state = server::AppState::load(options, Some(&demo_dataset()), &data_dir)
        .await
        .expect("demo dataset loads");
    server::app(state)
}

async fn get(path: &str) -> (StatusCode, String) {
    let response = test_app()
        .await
        .oneshot(Request::get(path).body(Body::empty()).expect("request"))
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

/// Public indicators in the demo catalogue, counted straight from the file.
fn public_indicators_in_catalogue() -> usize {
    let mut reader =
        csv::Reader::from_path(demo_dataset().join("catalogue.csv")).expect("catalogue");
    let visibility = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "visibility")
        .expect("visibility column");
    reader
        .records()
        .filter(|r| {
            r.as_ref()
                .is_ok_and(|r| r.get(visibility) == Some("public"))
        })
        .count()
}

#[tokio::test]
async fn healthz_reports_public_counts_only() {
    let (status, body) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["indicators"], public_indicators_in_catalogue());
    assert_eq!(
        public_indicators_in_catalogue(),
        45,
        "49 indicators, 4 internal"
    );
    assert!(
        json["observations"].as_u64().is_some_and(|n| n > 1000),
        "{json}"
    );
}

#[tokio::test]
async fn home_lists_all_17_goals_and_public_indicators_only() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    for goal in indicators::GOALS {
        assert!(
            body.contains(&format!("id=\"goal-{}\"", goal.number)),
            "goal {} has demo data",
            goal.number
        );
    }
    assert!(body.contains("href=\"/indicators/poverty-rate\""));
    assert!(
        !body.contains("Domestic violence cases reported"),
        "internal indicators never reach anonymous visitors"
    );
    assert!(!body.contains("/indicators/complaints-resolved"));
    assert!(
        body.contains("/pkg/localgoals.js"),
        "the hydration script is linked"
    );
}

#[tokio::test]
async fn internal_indicator_page_is_a_404_for_anonymous_visitors() {
    let (status, body) = get("/indicators/domestic-violence-reports").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.contains("Domestic violence cases reported"));
}

#[tokio::test]
async fn indicator_page_has_svg_chart_in_a_figure_and_a_table() {
    let (status, body) = get("/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    let figure = body.find("<figure").expect("a figure");
    let svg = body[figure..]
        .find("<svg")
        .expect("an svg inside the figure")
        + figure;
    let caption = body[svg..]
        .find("<figcaption>")
        .expect("a caption after the chart")
        + svg;
    assert!(body[caption..]
        .starts_with("<figcaption>Residents living below the poverty line — Total, 2012–2025 (%)"));
    // 14 years of data, one table row each.
    assert_eq!(body.matches("<th scope=\"row\">").count(), 14);
    assert!(
        body.contains("<option value=\"sex=female\""),
        "the series selector offers the disaggregations"
    );
    assert!(body.contains("<option value=\"age=0-17\""));
}

#[tokio::test]
async fn series_query_selects_the_series_without_javascript() {
    let (status, body) = get("/indicators/poverty-rate?series=sex%3Dfemale").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("— Sex: female, 2012–2025 (%)"),
        "female series rendered on the server"
    );
    assert!(body.contains("data-series=\"sex=female\""));
}

#[tokio::test]
async fn unknown_indicator_is_a_404_with_a_way_back() {
    let (status, body) = get("/indicators/no-such-thing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("There is no indicator “no-such-thing”"));
    assert!(body.contains("href=\"/\""));
}

#[tokio::test]
async fn unknown_series_is_a_404_naming_it() {
    let (status, body) = get("/indicators/poverty-rate?series=martian").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("has no series “martian”"), "{body}");
}

#[tokio::test]
async fn fiscal_year_labels_are_shown_as_written() {
    let (status, body) = get("/indicators/development-cooperation").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<th scope=\"row\">2014/2015</th>"),
        "fiscal years keep their label"
    );
    assert!(
        body.contains("2012/2013–2025/2026"),
        "the caption spans the fiscal years as written"
    );
}

#[tokio::test]
async fn district_series_from_the_windows_1252_wide_file_are_offered() {
    let (status, body) = get("/indicators/rent-burden?series=Stadtteil%3DS%C3%BCdfeld").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Stadtteil: Südfeld"),
        "umlauts decoded from Windows-1252"
    );
}

/// The demo city's statuses, computed directly (polars must run off the
/// async worker: a current-thread runtime deadlocks it).
async fn expected_statuses() -> indicators::release::Statuses {
    tokio::task::spawn_blocking(|| {
        let report = indicators::read::read_dataset(&demo_dataset(), &|_, _, _| {});
        indicators::release::compute(
            &report.dataset,
            indicators::progress::ProgressMethod::OpenSdg,
        )
    })
    .await
    .expect("compute statuses")
}

#[tokio::test]
async fn indicator_page_shows_status_in_words_and_why() {
    let (status, body) = get("/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    // Statuses come from the release built at start-up; compute the expected
    // one independently from the demo dataset.
    let statuses = expected_statuses().await;
    let expected = statuses
        .indicators
        .iter()
        .find(|s| s.indicator_id == "poverty-rate")
        .expect("status")
        .status;
    assert!(
        body.contains(&format!(
            "Status: <span class=\"badge status-{}\">{}</span>",
            serde_json::to_value(expected)
                .expect("json")
                .as_str()
                .expect("str"),
            expected.label()
        )),
        "{expected:?}"
    );
    assert!(body.contains("aria-label=\"Why this status\""));
    assert!(
        body.contains("From 15.5 in 2015 to "),
        "the why names the numbers"
    );
    assert!(body.contains("Baseline 2015: 15.5 % (catalogue)"));
    assert!(
        body.contains("Target 1.2") && body.contains("Target 10.2"),
        "every mapped target is a badge"
    );
    assert!(body.contains("Social Affairs Department"), "owner shown");
}

#[tokio::test]
async fn home_goal_tiles_count_public_indicators_per_status() {
    let (_, body) = get("/").await;
    let statuses = expected_statuses().await;
    let goal5 = &statuses.public.by_goal[&5];
    let tile_start = body.find("id=\"goal-5\"").expect("goal 5 tile");
    let tile = &body[tile_start
        ..tile_start
            + body[tile_start..]
                .find("</li></ul></li>")
                .unwrap_or(4000)
                .min(body.len() - tile_start)];
    for (status, n) in goal5 {
        assert!(
            tile.contains(&format!("{n} × {}", status.label())),
            "{status:?} {n} in {tile}"
        );
    }
    let total: usize = goal5.values().sum();
    let staff_total: usize = statuses.staff.by_goal[&5].values().sum();
    assert!(
        total < staff_total,
        "goal 5 has an internal indicator that the public count leaves out"
    );
}

#[tokio::test]
async fn methodology_page_renders_the_project_document() {
    let (status, body) = get("/methodology").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>How Local Goals computes baselines, trends and progress</h1>"));
    assert!(body.contains("Worked example 1"));
    assert!(body.contains("<table>"), "tables rendered");
}

#[tokio::test]
async fn unknown_path_is_a_404_page() {
    let (status, body) = get("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Page not found"));
}
