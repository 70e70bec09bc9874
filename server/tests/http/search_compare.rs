//! `/search` and `/compare`, rendered on the server (no JavaScript), in
//! English and Dutch, public indicators only.

use http::StatusCode;

use crate::common::*;

#[tokio::test]
async fn search_finds_a_misspelt_word_and_a_part_of_a_dutch_compound_without_javascript() {
    let app = demo_app().await;
    // "unemploymnet": two letters swapped.
    let (status, body) = app.get("/search?q=unemploymnet").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        card_ids(&body).contains(&"unemployment".to_owned()),
        "{:?}",
        card_ids(&body)
    );
    // "grens" is the end of "armoedegrens" (poverty line) in the Dutch title.
    let (status, body) = app.get("/nl/search?q=grens").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        card_ids(&body).contains(&"poverty-rate".to_owned()),
        "{:?}",
        card_ids(&body)
    );
    assert!(
        body.contains("gevonden voor “grens”"),
        "the count, in Dutch"
    );
    assert!(body.contains("Gevonden in: titel"));
    assert!(
        body.contains("class=\"badge status-"),
        "each result has its status"
    );
    // "huurders" (tenants) misspelt inside its sentence.
    let (_, body) = app.get("/nl/search?q=huurdres").await;
    assert!(
        card_ids(&body).contains(&"rent-burden".to_owned()),
        "{:?}",
        card_ids(&body)
    );
    // By a rights area's name.
    let (_, body) = app.get("/search?q=adequate%20housing").await;
    assert!(card_ids(&body).contains(&"rent-burden".to_owned()));
}

#[tokio::test]
async fn search_never_shows_an_internal_indicator() {
    let app = demo_app().await;
    for (_, title) in internal_indicators() {
        for word in title.split_whitespace().filter(|w| w.len() > 4) {
            let path = format!("/search?q={}", word.replace(' ', "+"));
            let (status, body) = app.get(&path).await;
            assert_eq!(status, StatusCode::OK);
            assert_no_internal(&path, &body);
        }
    }
}

#[tokio::test]
async fn every_page_has_a_search_box_in_the_header() {
    let (_, body) = get("/nl/goals/1").await;
    assert!(body.contains("<form role=\"search\" method=\"get\" action=\"/nl/search\""));
    assert!(body.contains("<label for=\"header-search-q\">Zoeken</label>"));
}

#[tokio::test]
async fn compare_shows_charts_on_the_same_years_and_district() {
    let app = demo_app().await;
    let (status, body) = app
        .get("/compare?a=rent-burden&b=social-assistance&district=Altstadt")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let sections: Vec<&str> = body
        .split("<section aria-labelledby=\"compare-")
        .skip(1)
        .collect();
    assert_eq!(sections.len(), 2);
    assert!(sections[0].contains("data-indicator=\"rent-burden\""));
    assert!(sections[1].contains("data-indicator=\"social-assistance\""));
    for section in &sections {
        assert!(section.contains("<svg"), "a chart");
        assert!(
            section.contains("District: Altstadt"),
            "the chosen district's series"
        );
        assert!(
            section.contains("<table class=\"data-table\">"),
            "next to its table"
        );
    }
    // The same years on both x axes: the axis labels of the two charts.
    let axis_years = |section: &str| -> Vec<String> {
        let svg = section.split("</svg>").next().unwrap_or_default();
        svg.split('>')
            .filter_map(|piece| piece.split('<').next())
            .map(str::trim)
            .filter(|text| text.len() == 4 && text.starts_with("20") && text.parse::<u16>().is_ok())
            .map(str::to_owned)
            .collect()
    };
    let first = axis_years(sections[0]);
    assert!(first.len() >= 2, "{first:?}");
    assert_eq!(
        first,
        axis_years(sections[1]),
        "the same years on both charts"
    );
    assert!(body.contains("<option value=\"Altstadt\" selected"));

    let (status, body) = app.get("/nl/compare?a=poverty-rate&b=rent-burden").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Indicatoren vergelijken"));
    assert!(body.contains("Inwoners onder de armoedegrens"));
}

#[tokio::test]
async fn compare_answers_an_internal_id_like_an_unknown_one_with_404() {
    let app = demo_app().await;
    let (internal, _) = internal_indicators().into_iter().next().expect("internal");
    let (status, body) = app
        .get(&format!("/compare?a=poverty-rate&b={internal}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (unknown_status, unknown) = app.get("/compare?a=poverty-rate&b=no-such-thing").await;
    assert_eq!(unknown_status, StatusCode::NOT_FOUND);
    // The same answer but for the id (and the page's nonce).
    assert_eq!(
        section(&body, "<main", "</main>").replace(&internal, "no-such-thing"),
        section(&unknown, "<main", "</main>")
    );
}

#[tokio::test]
async fn every_indicator_page_links_to_compare() {
    let (_, body) = get("/nl/indicators/rent-burden").await;
    assert!(body.contains("href=\"/nl/compare?a=rent-burden\""));
}
