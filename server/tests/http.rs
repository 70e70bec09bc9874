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
    app_for(&demo_dataset()).await
}

async fn app_for(dataset: &std::path::Path) -> Router {
    let options = get_configuration(None)
        .expect("leptos configuration")
        .leptos_options;
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let data_dir =
        std::env::temp_dir().join(format!("localgoals-http-test-{}-{n}", std::process::id()));
    // `#[tokio::test]` is a current-thread runtime: loading must still work
    // there (regression: polars panicked when called on an async worker).
    let state = server::AppState::load(options, Some(dataset), &data_dir)
        .await
        .expect("demo dataset loads");
    server::app(state)
}

async fn get(path: &str) -> (StatusCode, String) {
    get_from(test_app().await, path).await
}

async fn get_from(app: Router, path: &str) -> (StatusCode, String) {
    let response = app
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
    // 14 years of data, one table row each, then the target row.
    let table = section(&body, "<table class=\"data-table\">", "</table>");
    assert_eq!(table.matches("<th scope=\"row\">").count(), 14 + 1);
    assert!(
        table.contains("<tr class=\"target-row\"><th scope=\"row\">Target 2030</th><td>10.0</td>"),
        "the target is the table's last row"
    );
    let sex = section(&body, "<select id=\"dim-sex\" name=\"sex\">", "</select>");
    assert!(
        sex.contains("<option value=\"female\""),
        "one selector per disaggregation: {sex}"
    );
    let age = section(&body, "<select id=\"dim-age\" name=\"age\">", "</select>");
    assert!(age.contains("<option value=\"0-17\""), "{age}");
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
    // Two selectors at once: a combination the city does not publish.
    let (status, body) = get("/indicators/poverty-rate?age=0-17&sex=female").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body.contains("Not every combination is published"),
        "{body}"
    );
    assert!(
        body.contains("<h1>Residents living below the poverty line</h1>"),
        "the indicator itself is still shown"
    );
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

/// The text from `start` to the next `end` (both included); panics naming
/// `start` when it is missing, so a failing test says what it looked for.
fn section<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not in the page"));
    let to = body[from..]
        .find(end)
        .map(|i| from + i + end.len())
        .unwrap_or(body.len());
    &body[from..to]
}

/// Ids and titles of the demo catalogue's internal indicators.
fn internal_indicators() -> Vec<(String, String)> {
    let mut reader =
        csv::Reader::from_path(demo_dataset().join("catalogue.csv")).expect("catalogue");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, title, visibility) = (column("id"), column("title_en"), column("visibility"));
    reader
        .records()
        .map(|r| r.expect("record"))
        .filter(|r| r.get(visibility) == Some("internal"))
        .map(|r| (r[id].to_string(), r[title].to_string()))
        .collect()
}

fn assert_no_internal(path: &str, body: &str) {
    let internal = internal_indicators();
    assert_eq!(internal.len(), 4);
    for (id, title) in internal {
        assert!(
            !body.contains(&format!("/indicators/{id}")) && !body.contains(&title),
            "{path} shows the internal indicator {id}"
        );
    }
}

/// The headline summary of an indicator, computed independently.
fn headline<'a>(
    statuses: &'a indicators::release::Statuses,
    id: &str,
) -> &'a indicators::summary::SeriesSummary {
    statuses
        .series
        .iter()
        .find(|s| s.indicator_id == id && s.dimensions.is_headline())
        .unwrap_or_else(|| panic!("{id} has a headline series"))
}

#[tokio::test]
async fn goal_page_lists_every_target_and_the_indicators_under_each() {
    let (status, body) = get("/goals/1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>Goal 1: No poverty · Local Goals</title>"));
    assert!(body.contains("End poverty in all its forms everywhere"));
    let targets: Vec<_> = indicators::sdg::framework().targets_of_goal(1).collect();
    assert_eq!(targets.len(), 7);
    for target in &targets {
        assert!(
            body.contains(&format!("id=\"target-{}\"", target.id)),
            "target {} listed",
            target.id
        );
    }
    let target_1_2 = section(&body, "id=\"target-1.2\"", "</section>");
    let statuses = expected_statuses().await;
    let poverty = headline(&statuses, "poverty-rate");
    let latest = poverty.latest.as_ref().expect("latest");
    let change = poverty.change_since_baseline.expect("change");
    let card = section(target_1_2, "data-indicator=\"poverty-rate\"", "</li>");
    assert!(card.contains(&format!("{:.1} %", latest.value)), "{card}");
    assert!(card.contains(&format!("({})", latest.period.label)));
    assert!(
        card.contains(&format!(
            "−{:.1} since 2015 (better)",
            change.absolute.abs()
        )),
        "poverty fell, which is better: {card}"
    );
    assert!(card.contains(poverty.progress.status.label()), "{card}");
    assert!(card.contains("class=\"sparkline\""), "sparkline drawn");
    assert!(section(&body, "id=\"target-1.1\"", "</section>").contains("No indicator here yet."));
    assert_no_internal("/goals/1", &body);
}

#[tokio::test]
async fn an_indicator_mapped_to_several_targets_shows_under_each() {
    // poverty-rate maps to 1.2 and 10.2.
    let (_, body) = get("/goals/10").await;
    assert!(section(&body, "id=\"target-10.2\"", "</section>")
        .contains("data-indicator=\"poverty-rate\""));
    assert!(!section(&body, "id=\"target-10.1\"", "</section>")
        .contains("data-indicator=\"poverty-rate\""));
}

#[tokio::test]
async fn unknown_goals_are_404s_that_say_what_goals_exist() {
    for path in ["/goals/18", "/goals/0", "/goals/poverty"] {
        let (status, body) = get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("The goals are numbered 1 to 17"), "{path}");
    }
}

#[tokio::test]
async fn rights_area_page_names_the_instrument_holders_and_linked_indicators() {
    let (status, body) = get("/rights/adequate-housing").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>Right to adequate housing</h1>"));
    assert!(body.contains("ICESCR Art. 11(1)"));
    assert!(body.contains("tenants, people experiencing homelessness, low-income households"));
    assert!(body.contains("data-indicator=\"rent-burden\""));
    let statuses = expected_statuses().await;
    for (status, n) in &statuses.public.by_rights_area["adequate-housing"] {
        assert!(
            body.contains(&format!("{n} × {}", status.label())),
            "{status:?} {n}"
        );
    }
    assert_no_internal("/rights/adequate-housing", &body);
}

#[tokio::test]
async fn policy_area_page_lists_its_public_indicators() {
    let (status, body) = get("/policy/social-affairs").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Policy area"));
    assert!(body.contains("data-indicator=\"poverty-rate\""));
    assert_no_internal("/policy/social-affairs", &body);
}

#[tokio::test]
async fn areas_are_found_only_under_their_own_kind() {
    let (status, body) = get("/policy/adequate-housing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("There is no policy area “adequate-housing”"));
    let (status, _) = get("/rights/no-such-right").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// `data-indicator` ids in page order.
fn card_ids(body: &str) -> Vec<String> {
    body.split("data-indicator=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn progress_page_shows_every_public_indicator_once_per_goal() {
    let (status, body) = get("/progress").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("45 indicators shown."));
    let statuses = expected_statuses().await;
    let per_goal: usize = statuses
        .public
        .by_goal
        .values()
        .flat_map(|c| c.values())
        .sum();
    assert_eq!(
        card_ids(&body).len(),
        per_goal,
        "each indicator under each goal it maps to"
    );
    assert_no_internal("/progress", &body);
}

#[tokio::test]
async fn progress_page_filters_by_goal_and_area() {
    let (_, body) = get("/progress?goal=1").await;
    let ids = card_ids(&body);
    let statuses = expected_statuses().await;
    let goal1: usize = statuses.public.by_goal[&1].values().sum();
    assert_eq!(ids.len(), goal1);
    assert!(ids.contains(&"poverty-rate".to_string()));
    assert!(
        body.contains("<option value=\"1\" selected"),
        "the form shows the filter"
    );

    let (_, body) = get("/progress?area=adequate-housing&group=rights").await;
    let ids = card_ids(&body);
    assert!(ids.contains(&"rent-burden".to_string()));
    assert!(!ids.contains(&"poverty-rate".to_string()), "{ids:?}");
}

#[tokio::test]
async fn progress_page_sorts_by_change_since_baseline() {
    let (_, body) = get("/progress?goal=11&sort=improved").await;
    let ids = card_ids(&body);
    let statuses = expected_statuses().await;
    let dataset = tokio::task::spawn_blocking(|| {
        indicators::read::read_dataset(&demo_dataset(), &|_, _, _| {}).dataset
    })
    .await
    .expect("read");
    // The improvement in the desired direction, in percent.
    let improvement = |id: &str| {
        let indicator = dataset.indicator(id).expect("indicator");
        let sign = match indicator.direction {
            indicators::Direction::Higher => 1.0,
            indicators::Direction::Lower => -1.0,
        };
        headline(&statuses, id)
            .change_since_baseline
            .and_then(|c| c.percent)
            .map(|p| p * sign)
    };
    let values: Vec<f64> = ids.iter().filter_map(|id| improvement(id)).collect();
    assert!(values.len() >= 5, "{ids:?}");
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "most improved first: {values:?}"
    );
    let (_, body) = get("/progress?goal=11&sort=worsened").await;
    let worst_first: Vec<f64> = card_ids(&body)
        .iter()
        .filter_map(|id| improvement(id))
        .collect();
    assert!(
        worst_first.windows(2).all(|w| w[0] <= w[1]),
        "{worst_first:?}"
    );
}

#[tokio::test]
async fn bad_progress_filters_are_400s_that_say_what_to_choose() {
    let (status, body) = get("/progress?goal=99").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("The filter “goal=99” is not one we know"));
    let (status, body) = get("/progress?sort=random").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("status, improved, worsened or title"));
}

#[tokio::test]
async fn home_shows_what_improved_and_worsened_most_and_ways_in() {
    let (_, body) = get("/").await;
    let statuses = expected_statuses().await;
    let improved = card_ids(section(&body, "<ul class=\"cards improved\">", "</ul>"));
    let worsened = card_ids(section(&body, "<ul class=\"cards worsened\">", "</ul>"));
    assert_eq!(improved.len(), 4);
    assert_eq!(worsened.len(), 4);
    for id in &improved {
        assert!(!worsened.contains(id));
    }
    // The strips are about change, so each improved card's change reads better.
    assert!(section(&body, "<ul class=\"cards improved\">", "</ul>").contains("(better)"));
    assert!(!section(&body, "<ul class=\"cards worsened\">", "</ul>").contains("(better)"));
    let rent = headline(&statuses, "rent-burden");
    assert!(
        rent.change_since_baseline.expect("change").absolute > 0.0,
        "rent burden rose"
    );
    assert!(
        body.contains("href=\"/rights/adequate-housing\""),
        "way in by right"
    );
    assert!(
        body.contains("href=\"/policy/housing\""),
        "way in by policy area"
    );
    assert!(
        body.contains("href=\"/districts/S%C3%BCdfeld\""),
        "way in by district"
    );
    assert!(
        body.contains("href=\"/goals/1\""),
        "goal tiles link to goal pages"
    );
    assert_no_internal("/", &body);
}

#[tokio::test]
async fn district_page_compares_the_district_with_the_city() {
    let (status, body) = get("/districts/S%C3%BCdfeld").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>Südfeld</h1>"));
    assert!(body.contains("href=\"/indicators/rent-burden?Stadtteil=S%C3%BCdfeld\""));
    assert!(body.contains(" of 10, highest first"));
    assert_no_internal("/districts/Südfeld", &body);
    let (status, body) = get("/districts/Atlantis").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("No indicator is reported for the district “Atlantis”"));
}

#[tokio::test]
async fn indicator_page_marks_baseline_target_projection_and_districts() {
    let (status, body) = get("/indicators/rent-burden").await;
    assert_eq!(status, StatusCode::OK);
    let statuses = expected_statuses().await;
    let rent = headline(&statuses, "rent-burden");
    let baseline = rent.baseline.as_ref().expect("baseline");
    let legend = section(&body, "class=\"legend\"", "</ul>");
    assert!(legend.contains(&format!(
        "Baseline {}: {:.1} %",
        baseline.label, baseline.value
    )));
    assert!(legend.contains("Target for 2030: 25.0 %"), "{legend}");
    let trend = rent.trend.expect("trend");
    assert!(
        legend.contains(&format!(
            "Trend projected to 2030: {:.1} %",
            trend.projected_value
        )),
        "{legend}"
    );
    // The chart's accessible name states the latest value and the direction.
    let latest = rent.latest.as_ref().expect("latest");
    assert!(body.contains(&format!(
        "<title>Tenant households spending over 30% of income on rent — Total: {:.1} % in {}, up",
        latest.value, latest.period.label
    )));
    let districts = section(&body, "<section class=\"districts\">", "</section>");
    assert!(districts.contains("by district in 2025"));
    assert_eq!(
        districts.matches("<rect").count() - districts.matches("fill=\"#FFFFFF\"").count(),
        10,
        "one bar per district"
    );
    let history = section(&body, "<table class=\"data-table history\">", "</table>");
    assert!(history.contains("r00001"));
    assert!(history.contains(rent.progress.status.label()));
    assert!(
        body.contains("href=\"/rights/adequate-housing\""),
        "rights badge links"
    );
    assert!(body.contains("Last update"));
}

#[tokio::test]
async fn dimension_query_selects_the_series_without_javascript() {
    let (status, body) = get("/indicators/poverty-rate?sex=female").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-series=\"sex=female\""));
    assert!(body.contains("<option value=\"female\" selected"));
    // "All" choices (empty values) are ignored, as the form sends them.
    let (_, body) = get("/indicators/poverty-rate?age=&sex=male").await;
    assert!(body.contains("data-series=\"sex=male\""));
}

/// A copy of the demo dataset with its catalogue and areas passed through
/// `edit_catalogue` and `edit_areas`.
fn demo_copy(
    edit_catalogue: impl Fn(String) -> String,
    edit_areas: impl Fn(String) -> String,
) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("localgoals-demo-copy-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("observations")).expect("mkdir");
    for entry in std::fs::read_dir(demo_dataset().join("observations")).expect("ls") {
        let entry = entry.expect("entry");
        std::fs::copy(
            entry.path(),
            dir.join("observations").join(entry.file_name()),
        )
        .expect("copy");
    }
    for (file, edit) in [
        (
            "catalogue.csv",
            &edit_catalogue as &dyn Fn(String) -> String,
        ),
        ("areas.csv", &edit_areas),
    ] {
        let text = std::fs::read_to_string(demo_dataset().join(file)).expect("read");
        std::fs::write(dir.join(file), edit(text)).expect("write");
    }
    dir
}

/// The demo dataset with hostile text in an indicator title and an area
/// name, as a careless or malicious file might carry.
fn hostile_dataset() -> PathBuf {
    demo_copy(
        |catalogue| {
            catalogue.replace(
                "poverty-rate,Residents living below the poverty line,",
                "poverty-rate,\"Poverty </script><script>alert('xss')</script><img src=x onerror=alert(1)>\",",
            )
        },
        |areas| {
            areas.replace(
                "Right to adequate housing",
                "<b onmouseover=alert(2)>Housing</b>",
            )
        },
    )
}

#[tokio::test]
async fn status_history_lists_the_status_in_every_release() {
    // Release 2 lowers the bar for poverty (target 15 % instead of 10 %), so
    // its status changes between the releases.
    let relaxed = demo_copy(
        |catalogue| {
            let line = catalogue
                .lines()
                .find(|l| l.starts_with("poverty-rate,"))
                .expect("poverty line")
                .to_string();
            catalogue.replace(
                &line,
                &line.replacen(",2015,10.0,2030,", ",2015,15.0,2030,", 1),
            )
        },
        |areas| areas,
    );
    let options = get_configuration(None)
        .expect("leptos configuration")
        .leptos_options;
    let data_dir =
        std::env::temp_dir().join(format!("localgoals-http-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    server::AppState::load(options.clone(), Some(&demo_dataset()), &data_dir)
        .await
        .expect("release 1");
    let state = server::AppState::load(options, Some(&relaxed), &data_dir)
        .await
        .expect("release 2");
    let (_, body) = get_from(server::app(state), "/indicators/poverty-rate").await;
    let history = section(&body, "<table class=\"data-table history\">", "</table>");
    let rows: Vec<&str> = history.split("<tr>").skip(2).collect();
    assert_eq!(rows.len(), 2, "{history}");
    assert!(
        rows[0].contains("r00001") && rows[0].contains("Moderate progress"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("r00002") && rows[1].contains("Target achieved"),
        "{}",
        rows[1]
    );
    let _ = std::fs::remove_dir_all(data_dir);
    let _ = std::fs::remove_dir_all(relaxed);
}

#[tokio::test]
async fn html_and_script_in_data_labels_are_shown_as_text() {
    let dataset = hostile_dataset();
    let app = app_for(&dataset).await;
    for path in [
        "/",
        "/indicators/poverty-rate",
        "/goals/1",
        "/rights/adequate-housing",
        "/progress",
    ] {
        let (status, body) = get_from(app.clone(), path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        for raw in ["<script>alert", "<img src=x", "<b onmouseover"] {
            assert!(!body.contains(raw), "{path} carries `{raw}` as markup");
        }
        assert!(
            body.contains("&lt;script&gt;alert") || body.contains("&lt;b onmouseover"),
            "{path} shows the label as text"
        );
    }
    let _ = std::fs::remove_dir_all(dataset);
}

/// Regression: leptos_meta 0.8 wrote `<Title>` text into `<head>` unescaped,
/// so an indicator titled `</script><script>…` ran as script.
#[tokio::test]
async fn regression_page_title_from_data_is_escaped() {
    let dataset = hostile_dataset();
    let (_, body) = get_from(app_for(&dataset).await, "/indicators/poverty-rate").await;
    assert!(
        body.contains("<title>Poverty &lt;/script&gt;&lt;script&gt;alert(&#39;xss&#39;)"),
        "{}",
        section(&body, "<title>", "</title>")
    );
    let _ = std::fs::remove_dir_all(dataset);
}

#[tokio::test]
async fn parameters_that_are_not_dimensions_are_ignored() {
    // Shared links pick up tracking parameters; the page must still work.
    let (status, body) = get("/indicators/poverty-rate?utm_source=newsletter&fbclid=abc").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-series=\"total\""));
    let (status, body) = get("/indicators/poverty-rate?sex=female&utm_source=newsletter").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-series=\"sex=female\""));
}

#[tokio::test]
async fn an_indicator_published_only_by_sex_shows_its_first_series() {
    // Open SDG data often has no headline row; the page and the cards fall
    // back to the first series instead of a 404 and an empty card.
    let dataset = demo_copy(
        |catalogue| {
            let line = catalogue
                .lines()
                .find(|l| l.starts_with("poverty-rate,"))
                .expect("poverty line")
                .replacen(
                    "poverty-rate,Residents living below the poverty line,",
                    "poverty-by-sex,Poverty by sex,",
                    1,
                );
            format!("{}\n{line}\n", catalogue.trim_end())
        },
        |areas| areas,
    );
    let mut rows = String::from("indicator,year,sex,value\n");
    for year in 2015..=2024 {
        let step = f64::from(year - 2015);
        rows.push_str(&format!(
            "poverty-by-sex,{year},female,{:.1}\n",
            16.0 - step * 0.3
        ));
        rows.push_str(&format!(
            "poverty-by-sex,{year},male,{:.1}\n",
            14.0 - step * 0.2
        ));
    }
    std::fs::write(dataset.join("observations/by-sex.csv"), rows).expect("write");
    let app = app_for(&dataset).await;
    let (status, body) = get_from(app.clone(), "/indicators/poverty-by-sex").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        section(&body, "<main", "</main>")
    );
    assert!(body.contains("data-series=\"sex=female\""));
    let (_, goal) = get_from(app, "/goals/1").await;
    let card = section(&goal, "data-indicator=\"poverty-by-sex\"", "</li>");
    assert!(card.contains("class=\"sparkline\""), "{card}");
    assert!(card.contains("13.3 %"), "latest female value: {card}");
    assert!(card.contains("since 2015 (better)"), "{card}");
    let _ = std::fs::remove_dir_all(dataset);
}
