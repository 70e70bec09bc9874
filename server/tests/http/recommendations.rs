//! Recommendations, qualitative indicators and the OHCHR types over HTTP, on
//! a small city of its own: `/recommendations` filtered by status and by
//! source (by content, in English and Dutch, a bad filter a 400), the
//! rights-area page with its indicators by type and its recommendations,
//! the qualitative indicator's timeline without a status, and no trace of
//! the internal indicators (one quantitative, one qualitative) anywhere.

use http::StatusCode;
use tempfile::TempDir;

use crate::common::{app_for, card_ids, section, TestApp};

const CATALOGUE: &str = "\
id,title_en,title_nl,unit,direction,decimals,sdg_targets,rights_areas,baseline_year,visibility,kind,indicator_type
poverty,Residents below the poverty line,Inwoners onder de armoedegrens,%,lower,1,1.2,housing,2015,public,,outcome
office,Anti-discrimination office,Antidiscriminatiebureau,,higher,0,10.3,housing;work,,public,qualitative,structure
shelter-wait,Confidential shelter waiting list,Vertrouwelijke wachtlijst opvang,%,lower,1,1.2,housing,,internal,,process
helpline,Confidential helpline log,Vertrouwelijk meldlijnlogboek,,higher,0,10.3,work,,internal,qualitative,structure
";

const AREAS: &str = "\
id,kind,name_en,name_nl,instrument,article,rights_holders
housing,rights,Right to housing,Recht op huisvesting,ICESCR,Art. 11,tenants
work,rights,Right to work,Recht op werk,ICESCR,Art. 6,workers
";

const OBSERVATIONS: &str = "\
indicator,year,value
poverty,2015,20.0
poverty,2016,19.0
poverty,2017,18.0
shelter-wait,2015,10.0
shelter-wait,2016,11.0
shelter-wait,2017,12.0
";

/// Two in progress (`cescr-2023-12`, `upr-4-90`), two from the UPR
/// (`upr-4-88`, `upr-4-90`); `cescr-2023-12` and `ombuds-2021-7` name the
/// internal `shelter-wait`, `upr-4-90` the internal `helpline`.
const RECOMMENDATIONS: &str = "\
id,source,source_name,date,text,text_nl,rights_areas,indicators,response,response_nl,status,status_date,due_date,link
cescr-2023-12,treaty-body,CESCR,2023-03-01,Guarantee affordable rent for low-income tenants,Waarborg betaalbare huur voor huurders met een laag inkomen,housing,poverty;shelter-wait,Rent cap adopted,Huurplafond aangenomen,in-progress,2024-01-15,2026-12-31,https://tbinternet.ohchr.org/
upr-4-88,upr,,2022-11-10,End evictions in winter,Geen huisuitzettingen in de winter,housing,,,,not-started,,,
council-2024-3,human-rights-council,Lindenfeld Human Rights Council,2024-05-02,Open a local anti-discrimination office,Open een lokaal antidiscriminatiebureau,housing;work,office,Office opened,Bureau geopend,implemented,2024-09-01,,
ombuds-2021-7,ombudsperson,City Ombudsperson,2021-01-15,Publish shelter waiting times,Publiceer de wachttijden voor de opvang,housing,shelter-wait,Not feasible,Niet haalbaar,rejected,2021-06-01,,
upr-4-90,upr,,2022-11-10,Collect data on discrimination complaints,Verzamel gegevens over discriminatieklachten,work,helpline,,,in-progress,2023-02-01,,
";

const QUALITATIVE: &str = "\
indicator,date,value,text_value,text_value_nl
office,2018,no,,
office,2019-03,yes,Local anti-discrimination office opened,Lokaal antidiscriminatiebureau geopend
office,2023-06-01,,Office budget doubled,Budget van het bureau verdubbeld
helpline,2020,yes,Hotline log started,Meldlijnlogboek gestart
";

/// Words of the internal indicators that no anonymous page may carry.
const INTERNAL: [&str; 7] = [
    "shelter-wait",
    "Confidential",
    "Vertrouwelijk",
    "helpline",
    "Hotline log",
    "Meldlijnlogboek",
    "Confidential helpline",
];

fn dataset() -> TempDir {
    let dir = TempDir::new().expect("a dataset folder");
    std::fs::create_dir_all(dir.path().join("observations")).expect("mkdir");
    for (file, text) in [
        ("catalogue.csv", CATALOGUE),
        ("areas.csv", AREAS),
        ("settings.csv", "key,value\nlanguages,en;nl\n"),
        ("recommendations.csv", RECOMMENDATIONS),
        ("qualitative.csv", QUALITATIVE),
        ("observations/city.csv", OBSERVATIONS),
    ] {
        std::fs::write(dir.path().join(file), text).expect("write");
    }
    dir
}

async fn app() -> TestApp {
    let dir = dataset();
    app_for(dir.path()).await
}

/// `data-recommendation` ids in page order.
fn recommendation_ids(body: &str) -> Vec<String> {
    body.split("data-recommendation=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

async fn page(app: &TestApp, path: &str) -> String {
    let (status, body) = app.get(path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

#[tokio::test]
async fn the_list_shows_every_recommendation_newest_first_with_counts_per_status() {
    let app = app().await;
    let body = page(&app, "/recommendations").await;
    assert_eq!(
        recommendation_ids(&body),
        [
            "council-2024-3",
            "cescr-2023-12",
            "upr-4-88",
            "upr-4-90",
            "ombuds-2021-7"
        ]
    );
    let counts = section(&body, "class=\"follow-up-counts\"", "</ul>");
    for count in [
        "Not started: 1",
        "In progress: 2",
        "Implemented: 1",
        "Rejected: 1",
    ] {
        assert!(counts.contains(count), "{count} in {counts}");
    }
    assert!(counts.contains("href=\"/recommendations?status=in-progress\""));
    // A recommendation with its source, date, text, links, response and follow-up.
    let cescr = section(
        &body,
        "data-recommendation=\"cescr-2023-12\"",
        "data-recommendation=\"upr-4-88\"",
    );
    for fact in [
        "UN treaty body: CESCR",
        "<time datetime=\"2023-03-01\">1 March 2023</time>",
        "Guarantee affordable rent for low-income tenants",
        "Rent cap adopted",
        "In progress",
        "<time datetime=\"2024-01-15\">15 January 2024</time>",
        "<time datetime=\"2026-12-31\">31 December 2026</time>",
        "href=\"/rights/housing\"",
        "href=\"/indicators/poverty\"",
        "href=\"https://tbinternet.ohchr.org/\"",
    ] {
        assert!(cescr.contains(fact), "{fact} in {cescr}");
    }
    assert!(
        body.contains("href=\"/recommendations\""),
        "the nav links the list"
    );
}

#[tokio::test]
async fn filtering_by_status_lists_exactly_those_of_that_status() {
    let app = app().await;
    let body = page(&app, "/recommendations?status=in-progress").await;
    assert_eq!(recommendation_ids(&body), ["cescr-2023-12", "upr-4-90"]);
    assert!(
        body.contains("<option value=\"in-progress\" selected"),
        "the form keeps the choice"
    );
    let body = page(&app, "/recommendations?status=rejected&source=").await;
    assert_eq!(recommendation_ids(&body), ["ombuds-2021-7"]);
    let body = page(&app, "/nl/recommendations?status=implemented").await;
    assert_eq!(recommendation_ids(&body), ["council-2024-3"]);
    assert!(body.contains("Open een lokaal antidiscriminatiebureau"));
    assert!(body.contains("Uitgevoerd") && body.contains("Bureau geopend"));
}

#[tokio::test]
async fn filtering_by_source_lists_exactly_those_of_that_source() {
    let app = app().await;
    let body = page(&app, "/recommendations?source=upr").await;
    assert_eq!(recommendation_ids(&body), ["upr-4-88", "upr-4-90"]);
    let counts = section(&body, "class=\"follow-up-counts\"", "</ul>");
    assert!(counts.contains("Not started: 1") && counts.contains("In progress: 1"));
    assert!(counts.contains("Implemented: 0"), "{counts}");
    assert!(counts.contains("href=\"/recommendations?status=in-progress&amp;source=upr\""));
    let body = page(&app, "/recommendations?source=upr&status=not-started").await;
    assert_eq!(recommendation_ids(&body), ["upr-4-88"]);
    let body = page(
        &app,
        "/recommendations?source=ombudsperson&status=implemented",
    )
    .await;
    assert!(recommendation_ids(&body).is_empty());
    assert!(body.contains("No recommendation matches."));
}

#[tokio::test]
async fn an_unknown_filter_is_a_400_that_names_the_words() {
    let app = app().await;
    let (status, body) = app.get("/recommendations?status=done").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("not-started, in-progress, implemented or rejected"),
        "{body}"
    );
    let (status, body) = app.get("/recommendations?source=un").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains("treaty-body, upr, human-rights-council or ombudsperson"),
        "{body}"
    );
}

#[tokio::test]
async fn a_rights_area_groups_its_indicators_by_type_and_lists_its_recommendations() {
    let app = app().await;
    let body = page(&app, "/rights/housing").await;
    let structure = body
        .find("<h3>Structure indicators</h3>")
        .expect("structure");
    let outcome = body.find("<h3>Outcome indicators</h3>").expect("outcome");
    assert!(structure < outcome, "structure, process, outcome");
    assert!(
        !body.contains("Process indicators"),
        "its only process indicator is internal"
    );
    assert!(body.contains("Commitments the city made in rules, strategies and institutions."));
    assert_eq!(card_ids(&body), ["office", "poverty"]);
    let recommendations = section(&body, "id=\"area-recommendations\"", "</section>");
    assert!(recommendations.contains("Recommendations (4)"));
    assert_eq!(
        recommendation_ids(recommendations),
        [
            "council-2024-3",
            "cescr-2023-12",
            "upr-4-88",
            "ombuds-2021-7"
        ]
    );
    assert!(recommendations.contains("Rejected") && recommendations.contains("Not started"));
    let body = page(&app, "/nl/rights/housing").await;
    assert!(
        body.contains("<h3>Structuurindicatoren</h3>") && body.contains("Resultaatindicatoren")
    );
    assert!(body.contains("Aanbevelingen (4)"));
}

#[tokio::test]
async fn a_qualitative_indicator_shows_a_timeline_and_no_status() {
    let app = app().await;
    let body = page(&app, "/indicators/office").await;
    let timeline = section(&body, "class=\"timeline\"", "</ol>");
    let dates: Vec<&str> = timeline
        .split("<time datetime=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(dates, ["2023-06-01", "2019-03", "2018"], "newest first");
    assert!(timeline.contains("<time datetime=\"2019-03\">March 2019</time>"));
    assert!(timeline.contains("<strong class=\"answer\">Yes</strong>"));
    assert!(timeline.contains("<strong class=\"answer\">No</strong>"));
    assert!(timeline.contains("Local anti-discrimination office opened"));
    assert!(body.contains("has no progress score"));
    assert!(!body.contains("indicator-status") && !body.contains("badge status-"));
    assert!(!body.contains("Data to ,"), "no empty data period");
    assert!(!body.contains("series-view") && !body.contains("No data has been published"));
    assert!(
        body.contains("Indicator type (OHCHR):") && body.contains("ohchr-badge ohchr-structure")
    );
    let body = page(&app, "/nl/indicators/office").await;
    assert!(body.contains("<strong class=\"answer\">Ja</strong>"));
    assert!(body.contains("Lokaal antidiscriminatiebureau geopend"));
    // A quantitative indicator keeps its status and shows its type.
    let body = page(&app, "/indicators/poverty").await;
    assert!(body.contains("indicator-status") && body.contains("ohchr-outcome"));
    assert!(body.contains("series-view"), "with its chart");
    assert!(!body.contains("class=\"timeline\""));
}

#[tokio::test]
async fn a_qualitative_card_shows_its_latest_statement_instead_of_a_status() {
    let app = app().await;
    let body = page(&app, "/progress").await;
    let card = section(&body, "data-indicator=\"office\"", "</li>");
    assert!(
        card.contains("<time datetime=\"2023-06-01\">1 June 2023</time>"),
        "{card}"
    );
    assert!(card.contains("Office budget doubled"));
    assert!(card.contains("no progress score") && !card.contains("badge status-"));
}

#[tokio::test]
async fn no_anonymous_page_shows_a_trace_of_an_internal_indicator() {
    let app = app().await;
    for path in [
        "/",
        "/progress",
        "/recommendations",
        "/recommendations?status=in-progress",
        "/recommendations?status=rejected",
        "/recommendations?source=upr",
        "/recommendations?source=ombudsperson",
        "/nl/recommendations",
        "/rights/housing",
        "/rights/work",
        "/nl/rights/work",
        "/indicators/office",
        "/indicators/poverty",
        "/search?q=confidential",
    ] {
        let body = page(&app, path).await;
        for word in INTERNAL {
            assert!(!body.contains(word), "{path} shows {word}");
        }
    }
    // The recommendation that named only `shelter-wait` lists no indicator.
    let body = page(&app, "/recommendations?status=rejected").await;
    assert!(
        !body.contains("href=\"/indicators/"),
        "ombuds-2021-7 links nothing"
    );
    let (status, _) = app.get("/indicators/helpline").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The server functions the pages read answer the same, without a trace.
    use leptos::server_fn::ServerFn;
    for (path, body, content_type) in [
        (
            app::api::LoadRecommendations::PATH,
            r#"{"query":{"status":null,"source":null},"locale":"en"}"#,
            "application/json",
        ),
        (
            app::api::LoadArea::PATH,
            "kind=rights&id=work&locale=nl",
            "application/x-www-form-urlencoded",
        ),
        (
            app::api::FetchIndicator::PATH,
            "id=office&locale=en",
            "application/x-www-form-urlencoded",
        ),
    ] {
        let (status, answer) = app.post(path, content_type, body.to_owned()).await;
        assert_eq!(status, StatusCode::OK, "{path}: {answer}");
        assert!(
            answer.contains("council-2024-3") || answer.contains("2019-03"),
            "{path}"
        );
        for word in INTERNAL {
            assert!(!answer.contains(word), "{path} answers {word}");
        }
    }
}
