//! The whole Statistics Canada repository (the real-data fixture), built,
//! loaded and served as `localgoals serve --dataset` does.

use http::StatusCode;

use crate::common::*;
use crate::fixtures;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_canada_repository_is_served_health_and_every_indicator_page() {
    let repo = fixtures::real("canada_cif");
    let app = app_for(&repo).await;
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let health: serde_json::Value = serde_json::from_str(&body).expect("json");
    let dataset = tokio::task::spawn_blocking(move || {
        indicators::read::read_path(&repo, &|_, _, _| {})
            .expect("the repository reads")
            .dataset
    })
    .await
    .expect("read");
    let public: Vec<&str> = dataset
        .indicators
        .iter()
        .filter(|i| i.is_public())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        public.len(),
        86,
        "every indicator of the repository is public"
    );
    assert_eq!(health["indicators"], public.len(), "{health}");
    for id in public {
        let (status, body) = app.get(&format!("/indicators/{id}")).await;
        assert_eq!(status, StatusCode::OK, "/indicators/{id}");
        let title = dataset.indicator(id).expect("indicator").title().to_owned();
        let escaped = title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(body.contains(&escaped), "/indicators/{id} names {title:?}");
        // 16-5-1's data file is missing from the repository: its page says so.
        assert_eq!(
            body.contains("No data has been published"),
            id == "16-5-1",
            "/indicators/{id}"
        );
    }
}
