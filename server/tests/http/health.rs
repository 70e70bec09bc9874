//! Health, the methodology page, unknown addresses, and serving each kind
//! of dataset `localgoals build` takes.

use http::StatusCode;

use crate::common::*;

#[tokio::test]
async fn healthz_reports_public_counts_only() {
    let (status, body) = get("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(json["status"], "ok");
    assert_eq!(json["indicators"], public_indicators_in_catalogue());
    assert_eq!(
        public_indicators_in_catalogue(),
        49,
        "54 indicators (4 of them qualitative), 5 internal"
    );
    // Every observation of a public indicator, and none of an internal one.
    let dataset = demo_dataset_read().await;
    let public = dataset
        .observations
        .iter()
        .filter(|o| {
            dataset
                .indicator(&o.indicator_id)
                .is_some_and(|i| i.is_public())
        })
        .count();
    assert!(public < dataset.observations.len(), "internal data exists");
    assert_eq!(json["observations"], public, "{json}");
}

#[tokio::test]
async fn serve_builds_from_an_open_sdg_repository_like_build_does() {
    // A minimal Open SDG repository: one data file, one meta file.
    let repo = tempfile::TempDir::new().expect("repo");
    std::fs::create_dir_all(repo.path().join("data")).expect("data");
    std::fs::create_dir_all(repo.path().join("meta")).expect("meta");
    std::fs::write(
        repo.path().join("data/indicator_1-2-1.csv"),
        "Year,Value\n2015,14.5\n2016,14.0\n2017,13.1\n",
    )
    .expect("data file");
    std::fs::write(
        repo.path().join("meta/1-2-1.md"),
        "---\nindicator_name: Poverty in Open City\ncomputation_units: Percent\n---\n",
    )
    .expect("meta file");
    let app = app_for(repo.path()).await;
    let (status, body) = app.get("/indicators/1-2-1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>Poverty in Open City</h1>"), "{body}");
    assert!(body.contains("<th scope=\"row\">2017</th><td>13.1</td>"));
}

#[tokio::test]
async fn unknown_path_is_a_404_page() {
    let (status, body) = get("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Page not found"));
}

#[tokio::test]
async fn methodology_page_renders_the_project_document() {
    let (status, body) = get("/methodology").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>How Local Goals computes baselines, trends and progress</h1>"));
    assert!(body.contains("Worked example 1"));
    assert!(body.contains("<table>"), "tables rendered");
}
