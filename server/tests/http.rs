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
    let options = get_configuration(None).expect("leptos configuration").leptos_options;
    let data_dir = std::env::temp_dir().join(format!("localgoals-http-test-{}", std::process::id()));
    // `#[tokio::test]` is a current-thread runtime: loading must still work
    // there (regression: polars panicked when called on an async worker).
    let state = server::AppState::load(options, &demo_dataset(), &data_dir).await.expect("demo dataset loads");
    server::app(state)
}

async fn get(path: &str) -> (StatusCode, String) {
    let response = test_app()
        .await
        .oneshot(Request::get(path).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 8 * 1024 * 1024).await.expect("body");
    (status, String::from_utf8(bytes.to_vec()).expect("utf-8 body"))
}

#[tokio::test]
async fn healthz_reports_what_is_loaded() {
    let (status, body) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["indicators"], 8);
    assert_eq!(json["observations"], 224);
}

#[tokio::test]
async fn home_lists_only_goals_with_data() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("No poverty"), "goal 1 has data");
    assert!(body.contains("Climate action"), "goal 13 has data");
    assert!(!body.contains("Life below water"), "goal 14 has no data in the demo city");
    assert!(body.contains("href=\"/indicators/poverty-rate\""));
    assert!(body.contains("/pkg/localgoals.js"), "the hydration script is linked");
}

#[tokio::test]
async fn indicator_page_has_svg_chart_in_a_figure_and_a_table() {
    let (status, body) = get("/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    let figure = body.find("<figure").expect("a figure");
    let svg = body[figure..].find("<svg").expect("an svg inside the figure") + figure;
    let caption = body[svg..].find("<figcaption>").expect("a caption after the chart") + svg;
    assert!(body[caption..].starts_with("<figcaption>Residents living below the poverty line — Total, 2012–2025 (%)"));
    // 14 years of data, one table row each.
    assert_eq!(body.matches("<th scope=\"row\">").count(), 14);
    assert!(body.contains("<option value=\"female\""), "the series selector offers the disaggregations");
}

#[tokio::test]
async fn series_query_selects_the_series_without_javascript() {
    let (status, body) = get("/indicators/poverty-rate?series=female").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("— Female, 2012–2025 (%)"), "female series rendered on the server");
    assert!(body.contains("data-series=\"female\""));
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
async fn unknown_path_is_a_404_page() {
    let (status, body) = get("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Page not found"));
}
