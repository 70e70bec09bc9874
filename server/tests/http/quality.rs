//! "About these figures" on the rights city (`tests/fixtures/rights-city`):
//! the proxy mark, a break in series (the status from the last segment, the
//! table's note), dates, licences and "Cite this", in English and Dutch.

use std::path::PathBuf;

use http::StatusCode;

use crate::common::{app_for, section};

fn rights_city() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rights-city")
}

#[tokio::test]
async fn an_indicator_page_says_where_its_figures_come_from_and_where_its_series_breaks() {
    let app = app_for(&rights_city()).await;
    let (status, page) = app.get("/indicators/rent-burden").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let about = section(&page, "class=\"quality\"", "</section>");
    assert!(about.contains("About these figures"), "{about}");
    assert!(about.contains("Proxy indicator"), "{about}");
    assert!(about.contains("<li>2021 (Total)</li>"), "{about}");
    assert!(
        about.contains("Estimated from the housing survey"),
        "{about}"
    );
    // No licence in the catalogue: the dataset's (settings.csv).
    assert!(about.contains("CC BY 4.0"), "{about}");
    // Annual figures, latest 2023: 2024's are due in 2025.
    assert!(
        about.contains("figures for 2024 are expected in 2025"),
        "{about}"
    );
    let cite = section(about, "<pre class=\"cite\"><code>", "</code></pre>");
    assert!(cite.contains(">Housing Department ("), "{cite}");
    assert!(
        cite.contains(
            "). Households spending over 40 % of income on rent. Local Goals, release r00001 of "
        ),
        "{cite}"
    );
    assert!(
        cite.ends_with(". /indicators/rent-burden</code></pre>"),
        "{cite}"
    );
    // The table notes the break; the status is the last segment's: from
    // 40.0 (2021) to 36.0 (2023), lower is better, not 30.0 → 36.0 since 2017.
    assert!(page.contains("b (break in series: not comparable with earlier years)"));
    let status_line = section(&page, "<p class=\"indicator-status\"", "</p>");
    assert!(
        status_line.contains("status-substantial_progress"),
        "{status_line}"
    );
    assert!(
        page.contains("first year after a break in series"),
        "{page}"
    );

    let (_, nl) = app.get("/nl/indicators/rent-burden").await;
    for words in [
        "Over deze cijfers",
        "Proxy-indicator",
        "breuk in de reeks: niet vergelijkbaar met eerdere jaren",
        "Local Goals, release r00001 van ",
        "/nl/indicators/rent-burden</code></pre>",
    ] {
        assert!(nl.contains(words), "{words}");
    }

    // Its own licence and dates, written as dates.
    let (_, office) = app.get("/indicators/anti-discrimination-office").await;
    let about = section(&office, "class=\"quality\"", "</section>");
    for words in ["ODbL 1.0", "1 February 2025", "February 2026"] {
        assert!(about.contains(words), "{words} in {about}");
    }
    assert!(!about.contains("Proxy indicator"));

    // Cards carry the proxy mark; the internal indicator is nowhere.
    let (_, area) = app.get("/rights/adequate-housing").await;
    assert!(area.contains("class=\"proxy-badge\""), "{area}");
    let (status, _) = app.get("/indicators/waiting-list").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for page in [&page, &nl, &area] {
        assert!(!page.contains("Social housing waiting time"));
        assert!(!page.contains("waiting-list"));
    }
}
