//! `/indicators/{id}`: the chart, the table, the selectors, the status and
//! why, districts and history, and what bad addresses get.

use http::StatusCode;

use app::words::status_label;

use crate::common::*;

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
        body.contains("District: Südfeld"),
        "umlauts decoded from Windows-1252 (and `Stadtteil` named by labels.csv)"
    );
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
            status_label(app::i18n::Locale::En, expected)
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
    // The bars' figure (the section also holds the map and its legend).
    let bars = section(
        districts,
        "class=\"chart-figure district-figure\"",
        "</figure>",
    );
    assert_eq!(
        bars.matches("<rect").count() - bars.matches("fill=\"#FFFFFF\"").count(),
        10,
        "one bar per district"
    );
    let history = section(&body, "<table class=\"data-table history\">", "</table>");
    assert!(history.contains("r00001"));
    assert!(history.contains(&status_label(app::i18n::Locale::En, rent.progress.status)));
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

#[tokio::test]
async fn status_history_lists_the_status_in_every_release() {
    // Release 2 lowers the bar for poverty (target 15 % instead of 10 %), so
    // its status changes between the releases.
    let relaxed = demo_copy(
        |catalogue| {
            let line = poverty_line(&catalogue);
            catalogue.replace(
                &line,
                &line.replacen(",2015,10.0,2030,", ",2015,15.0,2030,", 1),
            )
        },
        |areas| areas,
    );
    let data = tempfile::TempDir::new().expect("data folder");
    server::AppState::load(leptos_options(), Some(&demo_dataset()), data.path())
        .await
        .expect("release 1");
    // A later dataset reaches a running site through `localgoals import`
    // (a restart with another --dataset serves the working dataset).
    let (dir, source) = (data.path().to_path_buf(), relaxed.path().to_path_buf());
    tokio::task::spawn_blocking(move || server::staff::workflow::import(&dir, &source))
        .await
        .expect("import")
        .expect("release 2");
    let state = server::AppState::load(leptos_options(), Some(&demo_dataset()), data.path())
        .await
        .expect("release 2 served");
    let (_, body) = TestApp::from(server::app(state))
        .get("/indicators/poverty-rate")
        .await;
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
            let line = poverty_line(&catalogue).replacen(
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
    std::fs::write(dataset.path().join("observations/by-sex.csv"), rows).expect("write");
    let app = app_for(dataset.path()).await;
    let (status, body) = app.get("/indicators/poverty-by-sex").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        section(&body, "<main", "</main>")
    );
    assert!(body.contains("data-series=\"sex=female\""));
    let (_, goal) = app.get("/goals/1").await;
    let card = section(&goal, "data-indicator=\"poverty-by-sex\"", "</li>");
    assert!(card.contains("class=\"sparkline\""), "{card}");
    assert!(card.contains("13.3 %"), "latest female value: {card}");
    assert!(card.contains("since 2015 (better)"), "{card}");
}
