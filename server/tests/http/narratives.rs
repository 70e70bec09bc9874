//! Narratives written by the program: the indicator page and the staff
//! workspace show the sentence `app::words` makes from the status's own
//! numbers, in English and in Dutch.

use app::escape::escape_html;
use app::i18n::Locale;
use http::StatusCode;
use server::staff::Role;

use crate::common::*;
use crate::staff::workspace;

/// The narrative of the demo poverty rate's headline series in `locale`,
/// computed independently of the server.
async fn expected(locale: Locale) -> String {
    let dataset = demo_dataset_read().await;
    let statuses = expected_statuses().await;
    let poverty = dataset.indicator("poverty-rate").expect("poverty-rate");
    let text = app::words::series_narrative_text(
        locale,
        poverty,
        &indicators::Labels::default(),
        headline(&statuses, "poverty-rate"),
    )
    .expect("a narrative");
    escape_html(&text)
}

#[tokio::test]
async fn the_indicator_page_tells_its_narrative_in_english_and_dutch() {
    let app = demo_app().await;
    for (path, locale, start) in [
        (
            "/indicators/poverty-rate",
            Locale::En,
            "Residents living below the poverty line: ",
        ),
        (
            "/nl/indicators/poverty-rate",
            Locale::Nl,
            "Inwoners onder de armoedegrens: ",
        ),
    ] {
        let (status, body) = app.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let shown = section(&body, "<p class=\"narrative\">", "</p>");
        let want = expected(locale).await;
        assert!(want.starts_with(start), "{want}");
        assert!(
            shown.contains(&want),
            "{path} shows {want:?}, not {shown:?}"
        );
    }
    // A disaggregated series names itself and changes the sentence.
    let (_, female) = app.get("/nl/indicators/poverty-rate?sex=female").await;
    let shown = section(&female, "<p class=\"narrative\">", "</p>");
    assert!(
        shown.contains("Inwoners onder de armoedegrens (Geslacht: vrouw): "),
        "{shown}"
    );
}

#[tokio::test]
async fn the_staff_indicator_page_tells_the_narrative_in_the_staff_language() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    for (path, locale) in [
        ("/staff/indicators/poverty-rate", Locale::En),
        ("/nl/staff/indicators/poverty-rate", Locale::Nl),
    ] {
        let page = app.get(path, &[&session]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let want = format!("<p class=\"narrative\">{}</p>", expected(locale).await);
        assert!(page.body.contains(&want), "{path}: {want}\n{}", page.body);
    }
}
