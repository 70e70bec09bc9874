//! `/embed/{id}`: the bare chart page other sites frame. It shows the
//! public series' chart, its caption and facts as the release has them, a
//! link back that leaves the frame, may be framed by any site, and answers
//! 404 for what a visitor may not see or does not exist. The indicator page
//! offers the code that frames it.

use http::{header, StatusCode};

use crate::common::*;

/// The catalogue row of `id` in the demo city, read straight from the file.
async fn catalogue(id: &str) -> indicators::Indicator {
    demo_dataset_read()
        .await
        .indicators
        .into_iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("{id} in the demo catalogue"))
}

fn escaped(text: &str) -> String {
    app::escape::escape_html(text)
}

/// The demo city's licence, read from its settings file.
fn demo_licence() -> String {
    let settings = std::fs::read_to_string(demo_dataset().join("settings.csv")).expect("settings");
    let line = settings
        .lines()
        .find(|l| l.starts_with("licence,"))
        .expect("a licence setting");
    line.trim_start_matches("licence,")
        .trim_matches('"')
        .to_owned()
}

#[tokio::test]
async fn the_embed_page_is_the_bare_chart_with_caption_facts_and_a_link_back() {
    let app = demo_app().await;
    let (status, headers, body) = app.get_bytes("/embed/poverty-rate").await;
    let body = String::from_utf8(body).expect("utf-8");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("text/html; charset=utf-8")
    );
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .expect("a content security policy");
    assert!(policy.contains("frame-ancestors *"), "{policy}");
    assert!(headers.get(header::X_FRAME_OPTIONS).is_none());
    // Bare: no script, no site navigation; an accessible inline chart.
    assert!(body.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    for absent in ["<script", "<nav", "<header", "<footer", "<link"] {
        assert!(!body.contains(absent), "{absent} in an embed");
    }
    assert!(body.contains("<svg") && body.contains("role=\"img\""));
    assert!(body.contains("<title id=\"chart-image-title\">"));
    // The facts, as the catalogue and the release have them.
    let indicator = catalogue("poverty-rate").await;
    let statuses = expected_statuses().await;
    let status = headline(&statuses, "poverty-rate").progress.status;
    let title = indicator.localized_title("en").text.to_owned();
    assert!(body.contains(&format!("<title>{} (", escaped(&title))));
    for fact in [
        format!(
            "Status: {}",
            app::words::status_label(app::i18n::Locale::En, status)
        ),
        format!("Unit: {}", indicator.unit),
        format!("Source: {}", indicator.source),
        format!("Licence: {}", demo_licence()),
    ] {
        assert!(body.contains(&escaped(&fact)), "{fact} missing");
    }
    // The chart's own caption, as the indicator page shows it.
    let (_, page) = app.get("/indicators/poverty-rate").await;
    let caption = section(&page, "<figcaption", "</figcaption>");
    let caption =
        &caption[caption.find('>').expect("tag end") + 1..caption.len() - "</figcaption>".len()];
    assert!(
        body.contains(&format!("<p class=\"caption\">{caption}</p>")),
        "the page's caption `{caption}` in the embed"
    );
    assert!(body.contains("<a href=\"/indicators/poverty-rate\" target=\"_top\">"));
}

#[tokio::test]
async fn a_series_the_address_selects_is_embedded_and_linked_back() {
    let app = demo_app().await;
    let (status, body) = app.get("/embed/poverty-rate?series=sex=female").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("data-series=\"sex=female\""),
        "the female series drawn"
    );
    assert!(body.contains("href=\"/indicators/poverty-rate?series=sex%3Dfemale\" target=\"_top\""));
    // The same series as the chart file draws.
    let (_, svg) = app.get("/charts/poverty-rate.svg?series=sex=female").await;
    assert!(body.contains(&svg), "the chart file's SVG inline");
}

#[tokio::test]
async fn the_dutch_embed_is_in_dutch_and_links_to_the_dutch_page() {
    let (status, body) = get("/nl/embed/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
    let title = catalogue("poverty-rate")
        .await
        .localized_title("nl")
        .text
        .to_owned();
    assert!(body.contains(&escaped(&title)), "{title}");
    assert!(body.contains("Bron: ") && body.contains("Licentie: "));
    assert!(body.contains("href=\"/nl/indicators/poverty-rate\" target=\"_top\""));
}

#[tokio::test]
async fn internal_unknown_and_missing_series_are_bare_404s_that_say_what_to_do() {
    let app = demo_app().await;
    let internal = internal_indicators();
    let (id, title) = &internal[0];
    for path in [
        format!("/embed/{id}"),
        "/embed/no-such-indicator".to_owned(),
        "/embed/poverty-rate?series=sex=alien".to_owned(),
    ] {
        let (status, headers, body) = app.get_bytes(&path).await;
        let body = String::from_utf8(body).expect("utf-8");
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            !body.contains(title.as_str()) && !body.contains("<svg"),
            "{path}"
        );
        assert!(body.contains("Chart not found"), "{path}");
        assert!(
            body.contains("copy a fresh embed code"),
            "{path}: says what to do"
        );
        assert!(
            !body.contains("<script") && !body.contains("<nav"),
            "{path}"
        );
        assert!(
            headers
                .get(header::CONTENT_SECURITY_POLICY)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|p| p.contains("frame-ancestors *")),
            "{path}: the embedding site shows the message"
        );
        assert_no_internal(&path, &body);
    }
}

#[tokio::test]
async fn only_the_embed_may_be_framed_by_any_site() {
    let app = demo_app().await;
    for path in ["/", "/indicators/poverty-rate", "/goals/1"] {
        let (status, headers, _) = app.get_bytes(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let policy = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert_eq!(policy, "frame-ancestors 'self'", "{path}");
        assert_eq!(
            headers.get(header::X_FRAME_OPTIONS).map(|v| v.as_bytes()),
            Some(&b"SAMEORIGIN"[..]),
            "{path}"
        );
    }
}

#[tokio::test]
async fn with_a_public_address_the_link_back_is_absolute() {
    let data = tempfile::TempDir::new().expect("a data folder");
    let config = server::staff::StaffConfig {
        public_url: Some("https://goals.example.org/".into()),
        ..server::staff::StaffConfig::default()
    };
    let state =
        server::AppState::load_with(leptos_options(), Some(&demo_dataset()), data.path(), config)
            .await
            .expect("the dataset loads");
    let app = TestApp::from(server::app(state));
    let (status, body) = app.get("/nl/embed/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body
        .contains("href=\"https://goals.example.org/nl/indicators/poverty-rate\" target=\"_top\""));
    // The indicator page's embed code frames the site's public address.
    let (status, page) = app.get("/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("src=&quot;https://goals.example.org/embed/poverty-rate")
            || page.contains("src=\"https://goals.example.org/embed/poverty-rate"),
        "the embed code should carry the public address"
    );
}

#[tokio::test]
async fn the_indicator_page_offers_the_code_that_frames_its_series() {
    let app = demo_app().await;
    let (_, page) = app.get("/indicators/poverty-rate").await;
    let snippet = section(&page, "aria-labelledby=\"embed-heading\"", "</section>");
    assert!(snippet.contains("Embed this chart"));
    let title = catalogue("poverty-rate")
        .await
        .localized_title("en")
        .text
        .to_owned();
    // The code as a reader sees it: the page's text escapes `&`, `<`, `>`.
    let text = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let code = text(&format!(
        "<iframe src=\"/embed/poverty-rate\" title=\"Chart: {}\" width=\"100%\"",
        escaped(&title)
    ));
    assert!(snippet.contains(&code), "{snippet}");
    assert!(
        snippet.contains("put this site"),
        "says to add the site's address"
    );
    let (_, page) = app.get("/nl/indicators/poverty-rate?sex=female").await;
    let snippet = section(&page, "aria-labelledby=\"embed-heading\"", "</section>");
    assert!(
        snippet.contains("/nl/embed/poverty-rate?series=sex%3Dfemale"),
        "{snippet}"
    );
    // What the code frames is there.
    let (status, _) = app.get("/nl/embed/poverty-rate?series=sex%3Dfemale").await;
    assert_eq!(status, StatusCode::OK);
}
