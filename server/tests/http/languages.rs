//! Dutch and English: the language in the address, Dutch words and number
//! formats on every page type, the catalogue's Dutch texts with a marked
//! fallback, and `Accept-Language` deciding only where `/` sends a visitor.

use axum::body::Body;
use http::{header, Request, StatusCode};
use tower::ServiceExt;

use crate::common::*;

#[tokio::test]
async fn every_page_type_renders_in_dutch_with_dutch_words_and_numbers() {
    let app = demo_app().await;
    let pages = [
        ("/nl/", "Onze stad en de Duurzame Ontwikkelingsdoelen"),
        ("/nl/goals/1", "Geen armoede"),
        (
            "/nl/indicators/poverty-rate",
            "Inwoners onder de armoedegrens",
        ),
        (
            "/nl/rights/adequate-housing",
            "Recht op behoorlijke huisvesting",
        ),
        ("/nl/policy/housing", "Wonen en stedelijke ontwikkeling"),
        ("/nl/progress", "Voortgang in één oogopslag"),
        (
            "/nl/methodology",
            "Deze pagina is alleen in het Engels beschikbaar",
        ),
    ];
    for (path, text) in pages {
        let (status, body) = app.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            body.contains("<html lang=\"nl\""),
            "{path} says it is Dutch"
        );
        assert!(body.contains(text), "{path} shows {text}");
        assert!(
            body.contains("Naar de inhoud"),
            "{path} has the Dutch skip link"
        );
    }
    // Cards: the latest value with a decimal comma, the change in Dutch.
    let (_, progress) = app.get("/nl/progress").await;
    let latest = section(&progress, "<span class=\"latest\">", "</span>");
    assert!(latest.contains(','), "a decimal comma: {latest}");
    assert!(
        progress.contains(" sinds 20"),
        "the change since the baseline year"
    );
    let (_, indicator) = app.get("/nl/indicators/poverty-rate").await;
    // 17.0 % in Dutch is 17,0 %; the table and the district bars use it too.
    assert!(indicator.contains("Over deze indicator"));
    let meta = section(&indicator, "<p class=\"meta\">", "</p>");
    let dutch_months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    assert!(
        dutch_months
            .iter()
            .any(|m| meta.contains(&format!(" {m} 20"))),
        "the publication date in Dutch: {meta}"
    );
    assert!(indicator.contains("Wat de stad doet"));
    assert!(indicator.contains("De afdeling Sociale Zaken rapporteert"));
    assert!(
        indicator.contains("<td>17,0</td>"),
        "a decimal comma in the table"
    );
    assert!(!indicator.contains("<td>17.0</td>"));
    assert!(
        indicator.contains("Geslacht"),
        "the labels file names the dimension"
    );
    assert!(indicator.contains(">vrouw</option>"), "and its values");
    assert!(
        indicator.contains("value=\"female\""),
        "the address keeps the data's value"
    );
    assert!(indicator.contains("action=\"/nl/indicators/poverty-rate\""));

    // The district bars come with their numbers as a table, in Dutch.
    let (_, rent) = app.get("/nl/indicators/rent-burden").await;
    let table = section(
        &rent,
        // With boundaries it is the map's table (`… district-values map-table`).
        "<table class=\"data-table district-values",
        "</table>",
    );
    assert!(table.contains("<th scope=\"col\">Wijk</th>"), "{table}");
    assert!(
        table.contains("<th scope=\"row\">Hele stad</th>"),
        "{table}"
    );
    assert!(table.contains(','), "values with a decimal comma: {table}");

    let district = app.get("/nl/districts/Altstadt").await;
    assert_eq!(district.0, StatusCode::OK);
    assert!(district.1.contains("Hele stad"));
}

#[tokio::test]
async fn links_stay_in_the_language_and_the_switch_keeps_the_page_and_selection() {
    let (_, body) = get("/nl/indicators/poverty-rate?sex=female").await;
    assert!(
        body.contains("href=\"/nl/goals/1\""),
        "breadcrumbs stay in Dutch"
    );
    assert!(body.contains("href=\"/nl/progress\""));
    assert!(
        body.contains("href=\"/en/indicators/poverty-rate?sex=female\""),
        "the switch leads to the same page and selection in English"
    );
    let (_, english) = get("/indicators/poverty-rate?sex=female").await;
    assert!(english.contains("<html lang=\"en\""));
    assert!(english.contains("href=\"/nl/indicators/poverty-rate?sex=female\""));
    let (status, explicit) = get("/en/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    assert!(explicit.contains("Residents living below the poverty line"));
}

#[tokio::test]
async fn a_missing_dutch_title_shows_the_english_one_marked() {
    let dir = demo_copy(
        |catalogue| {
            catalogue.replace(
                ",Inwoners onder de armoedegrens,\"Inwoners onder de armoedegrens,",
                ",,\"Inwoners onder de armoedegrens,",
            )
        },
        |areas| areas,
    );
    let app = app_for(dir.path()).await;
    let (status, body) = app.get("/nl/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<span lang=\"en\">Residents living below the poverty line</span>"),
        "the English title, with its language"
    );
    assert!(
        body.contains("(en: nog niet vertaald)"),
        "and a visible marker"
    );
}

#[tokio::test]
async fn accept_language_only_decides_where_the_root_sends_a_visitor() {
    let app = demo_app().await;
    let request = |path: &str, language: &str| {
        Request::get(path)
            .header(header::ACCEPT_LANGUAGE, language)
            .body(Body::empty())
            .expect("request")
    };
    let response = app
        .router
        .clone()
        .oneshot(request("/", "nl-NL,nl;q=0.9,en;q=0.5"))
        .await
        .expect("response");
    assert!(response.status().is_redirection());
    assert_eq!(response.headers()[header::LOCATION], "/nl/");
    assert!(varies_on_language(response.headers()));
    let english = app
        .router
        .clone()
        .oneshot(request("/", "en-GB,nl;q=0.5"))
        .await
        .expect("response");
    assert_eq!(english.status(), StatusCode::OK);
    assert!(varies_on_language(english.headers()));
    // Any other page answers in the language of its address.
    let page = app
        .router
        .clone()
        .oneshot(request("/goals/1", "nl"))
        .await
        .expect("response");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        !varies_on_language(page.headers()),
        "a page whose address names its language is one copy for caches"
    );
}

fn varies_on_language(headers: &http::HeaderMap) -> bool {
    headers
        .get_all(header::VARY)
        .iter()
        .any(|v| v.to_str().is_ok_and(|v| v.contains("accept-language")))
}

#[tokio::test]
async fn a_language_the_site_has_no_words_for_is_not_a_prefix() {
    let (status, _) = get("/de/indicators/poverty-rate").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = get("/nl/indicators/no-such-thing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Er is geen indicator “no-such-thing”"));
}

#[tokio::test]
async fn an_english_only_dataset_has_no_dutch_pages_but_the_workspace_still_speaks_dutch() {
    let dir = demo_copy(|catalogue| catalogue, |areas| areas);
    std::fs::write(dir.path().join("settings.csv"), "key,value\n").expect("settings");
    let app = app_for(dir.path()).await;
    let (status, _) = app.get("/nl/indicators/poverty-rate").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "Dutch is not one of the dataset's languages"
    );
    let (_, english) = app.get("/indicators/poverty-rate").await;
    assert!(
        !english.contains("hreflang=\"nl\""),
        "no switch to a language not offered"
    );
    let (status, staff) = app.get("/nl/staff/sign-in").await;
    assert_eq!(status, StatusCode::OK);
    assert!(staff.contains("<h1>Inloggen</h1>"), "{staff}");
}
