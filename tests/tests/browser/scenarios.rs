//! The scenarios: what a reader does on each page. Each runs twice (see
//! `main.rs`): JavaScript off and on.

use std::time::Duration;

use fantoccini::Locator;

use crate::harness::{Ctx, Js};

pub async fn home_lists_goals_with_data(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    let goals = ctx.texts(".goal .goal-title").await;
    let expected: Vec<String> = indicators::GOALS
        .iter()
        .map(|g| g.short_title.to_owned())
        .collect();
    assert_eq!(
        goals, expected,
        "the demo city has data for all 17 goals, in goal order"
    );
    let links = ctx.texts(".indicator-links a").await;
    assert!(
        links.contains(&"Residents living below the poverty line".to_owned()),
        "{links:?}"
    );
    assert!(
        !links.iter().any(|l| l.contains("Domestic violence")),
        "internal indicators stay internal: {links:?}"
    );
    assert_eq!(
        ctx.client().title().await.expect("title"),
        "Goals · Local Goals"
    );
    ctx
}

pub async fn indicator_page_has_chart_caption_and_table(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    // Follow the link as a reader would: a client-side navigation when hydrated.
    ctx.click_link("Residents living below the poverty line")
        .await;
    let figure = ctx.wait_for("figure.chart-figure").await;
    figure
        .find(Locator::Css("svg[role='img'] circle"))
        .await
        .expect("an SVG chart with markers in the figure");
    let caption = ctx.text("figure.chart-figure figcaption").await;
    assert_eq!(
        caption,
        "Residents living below the poverty line — Total, 2012–2025 (%)"
    );
    // The values table: not the release history nor the gap tables below.
    let rows = ctx
        .texts(".data-table:not(.history):not(.gap-table):not(.gap-values) tbody tr")
        .await;
    assert_eq!(rows.len(), 14 + 1, "a row a year, then the target");
    assert!(rows[14].starts_with("Target 2030"), "{rows:?}");
    let legend = ctx.texts("figure.chart-figure .legend li").await;
    assert!(
        legend.iter().any(|l| l.starts_with("Baseline 2015:")),
        "the chart's marks are explained: {legend:?}"
    );
    assert_eq!(ctx.path().await, "/indicators/poverty-rate");
    ctx
}

pub async fn series_selector_switches_the_chart(ctx: Ctx) -> Ctx {
    ctx.open("/indicators/poverty-rate").await;
    assert!(ctx.text("figcaption").await.contains("— Total,"));
    let total_values = ctx
        .texts(".data-table:not(.history) tbody td:nth-child(2)")
        .await;
    if ctx.js == Js::On {
        ctx.set_marker().await;
    }
    ctx.choose_and_submit(".series-selector", "select#dim-sex", "female")
        .await;
    ctx.wait_for("figure[data-series='sex=female']").await;
    assert!(
        ctx.text("figcaption")
            .await
            .starts_with("Residents living below the poverty line — Sex: female, 2012–2025 (%)"),
        "caption names the series"
    );
    assert_eq!(
        ctx.text(".data-table caption").await,
        "Values — Sex: female",
        "the table follows the chart"
    );
    let female_values = ctx
        .texts(".data-table:not(.history) tbody td:nth-child(2)")
        .await;
    assert_eq!(female_values.len(), total_values.len());
    assert_ne!(female_values, total_values, "the table shows other numbers");
    assert_eq!(
        ctx.chosen_in_address().await,
        ["sex=female"],
        "the choice is in the address, so it can be shared"
    );
    if ctx.js == Js::On {
        assert_eq!(
            ctx.client().current_url().await.expect("url").query(),
            Some("sex=female"),
            "the island writes only what was chosen into the address"
        );
        ctx.assert_same_page().await;
    }
    ctx
}

pub async fn methodology_page_is_reachable_from_an_indicator(ctx: Ctx) -> Ctx {
    ctx.open("/indicators/co2-per-resident").await;
    let why = ctx.text(".why .why-text").await;
    assert!(why.contains("% a year"), "{why}");
    ctx.click_link("how statuses are computed").await;
    let heading = ctx
        .wait_for("article.prose h1")
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(
        heading,
        "How Local Goals computes baselines, trends and progress"
    );
    assert_eq!(ctx.path().await, "/methodology");
    ctx
}

pub async fn goal_page_lists_targets_and_indicator_cards(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    ctx.client()
        .find(Locator::Css("#goal-1 a.goal-link"))
        .await
        .expect("goal 1 tile links to its page")
        .click()
        .await
        .expect("click");
    let heading = ctx
        .wait_for(".goal-page h1")
        .await
        .text()
        .await
        .expect("text");
    assert!(
        heading.starts_with('1') && heading.ends_with("No poverty"),
        "{heading}"
    );
    assert_eq!(ctx.path().await, "/goals/1");
    let targets = ctx.texts(".target .target-id").await;
    assert_eq!(targets.len(), 7, "{targets:?}");
    let cards = ctx.texts("[id='target-1.2'] .card .card-title").await;
    assert!(
        cards.contains(&"Residents living below the poverty line".to_owned()),
        "{cards:?}"
    );
    let latest = ctx.text("[id='target-1.2'] .card .latest").await;
    assert!(latest.ends_with('%'), "latest value with unit: {latest}");
    let badge = ctx.text("[id='target-1.2'] .card .badge").await;
    assert!(!badge.is_empty(), "status in words");
    ctx
}

pub async fn rights_and_policy_pages_are_reachable_from_an_indicator(ctx: Ctx) -> Ctx {
    ctx.open("/indicators/rent-burden").await;
    ctx.click_link("Right to adequate housing").await;
    let heading = ctx
        .wait_for(".area-page h1")
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(heading, "Right to adequate housing");
    assert_eq!(ctx.path().await, "/rights/adequate-housing");
    assert!(ctx.text(".area-facts").await.contains("ICESCR Art. 11(1)"));
    let cards = ctx.texts(".card .card-title").await;
    assert!(
        cards.contains(&"Tenant households spending over 30% of income on rent".to_owned()),
        "{cards:?}"
    );
    ctx.open("/policy/housing").await;
    assert_eq!(
        ctx.text(".area-page h1").await,
        "Housing and urban development"
    );
    assert!(
        !ctx.texts(".status-counts li").await.is_empty(),
        "status summary"
    );
    ctx
}

pub async fn progress_page_filters_by_goal(ctx: Ctx) -> Ctx {
    ctx.open("/progress").await;
    // 45 with a status and 4 qualitative ones (a card with no score).
    assert_eq!(ctx.text(".result-count").await, "49 indicators shown.");
    ctx.choose_and_submit(".filters", "select[name='goal']", "1")
        .await;
    ctx.client()
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::XPath(
            "//p[@class='result-count' and text()='6 indicators shown.']",
        ))
        .await
        .expect("the list is filtered to goal 1");
    assert_eq!(
        ctx.texts(".progress-group h2").await,
        ["Goal 1 · No poverty"]
    );
    assert_eq!(ctx.chosen_in_address().await, ["goal=1"]);
    ctx.check_hydration().await;
    ctx
}

pub async fn district_page_leads_to_the_district_series(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    ctx.click_link("Südfeld").await;
    let heading = ctx.wait_for("main h1").await.text().await.expect("text");
    assert_eq!(heading, "Südfeld");
    let rows = ctx.texts(".district-table tbody tr").await;
    assert!(rows.len() >= 5, "{rows:?}");
    ctx.click_link("Tenant households spending over 30% of income on rent")
        .await;
    ctx.wait_for("figure[data-series='Stadtteil=Südfeld']")
        .await;
    assert_eq!(
        ctx.text("select#dim-stadtteil option:checked").await,
        "Südfeld",
        "the selector shows the district chosen by the link"
    );
    ctx
}

/// At 360 px nothing sticks out sideways: charts scale, tables and forms wrap.
pub async fn pages_fit_a_360_px_phone(ctx: Ctx) -> Ctx {
    ctx.client()
        .set_window_size(360, 800)
        .await
        .expect("phone-sized window");
    for path in [
        "/",
        "/indicators/rent-burden",
        "/progress",
        "/goals/11",
        "/report/2025",
        "/equality",
        "/recommendations",
        "/rights/adequate-housing",
    ] {
        ctx.open(path).await;
        let viewport = ctx
            .client()
            .find(Locator::Css("html"))
            .await
            .expect("html")
            .rectangle()
            .await
            .expect("rect")
            .2;
        assert!(viewport <= 360.0, "{path}: viewport {viewport}");
        // A table in a `.table-scroll` region may be wider: the region
        // scrolls, and must itself fit.
        for css in [
            "figure svg",
            "table:not(.table-scroll table)",
            ".table-scroll",
            "form",
            ".card",
            "h1",
        ] {
            for element in ctx
                .client()
                .find_all(Locator::Css(css))
                .await
                .expect("find")
            {
                let (x, _, width, _) = element.rectangle().await.expect("rect");
                assert!(
                    x + width <= viewport + 1.0,
                    "{path}: a {css} is {width} px wide at x={x}, wider than the {viewport} px screen"
                );
            }
        }
    }
    ctx
}

/// City staff, in the browser: sign in, upload a file, preview, publish;
/// the public page then shows the new figure. The workspace is plain HTML
/// forms, so both modes go through the same requests.
pub async fn staff_upload_preview_publish(ctx: Ctx) -> Ctx {
    const PASSWORD: &str = crate::harness::ADMIN_PASSWORD;
    ctx.add_admin("admin@city.example");

    ctx.open_plain("/staff/sign-in").await;
    ctx.fill("#email", "admin@city.example").await;
    ctx.fill("#password", PASSWORD).await;
    ctx.click("form[action='/staff/sign-in'] button[type='submit']")
        .await;
    ctx.wait_for("table tr[data-indicator='homelessness']")
        .await;
    assert_eq!(ctx.path().await, "/staff");

    ctx.click_link("Draft and upload").await;
    ctx.wait_for("input[type='file']").await;
    let file = tempfile::Builder::new()
        .prefix("housing-")
        .suffix(".csv")
        .tempfile()
        .expect("a file to upload");
    std::fs::write(
        file.path(),
        "indicator,year,value\nhomelessness,2026,44.4\n",
    )
    .expect("write the file");
    let name = file
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a name")
        .to_owned();
    ctx.fill("input[type='file']", &file.path().display().to_string())
        .await;
    ctx.click("form[action='/staff/upload'] button[type='submit']")
        .await;
    // The draft page again, now with a draft to preview.
    ctx.wait_for("a[href='/staff/preview']").await;
    let changes = ctx.texts("table tbody tr").await;
    assert!(
        changes.iter().any(|c| c.contains("admin@city.example")
            && c.contains(&format!("{name} added: 1 value(s)"))),
        "{changes:?}"
    );

    ctx.click_link("Preview what publishing would change").await;
    ctx.wait_for("section.preview-indicator[data-indicator='homelessness']")
        .await;
    let section = ctx
        .text("section.preview-indicator[data-indicator='homelessness']")
        .await;
    assert!(section.contains("44.4"), "{section}");
    ctx.wait_for("section.preview-indicator svg").await;
    ctx.click("form[action='/staff/publish'] button[type='submit']")
        .await;
    ctx.wait_for("tr[data-release='r00002']").await;
    assert_eq!(ctx.path().await, "/staff/releases");
    assert!(ctx.text("main").await.contains("Release r00002 is served"));

    ctx.open("/indicators/homelessness").await;
    let rows = ctx.texts(".data-table:not(.history) tbody tr").await;
    assert!(
        rows.iter()
            .any(|r| r.contains("2026") && r.contains("44.4")),
        "{rows:?}"
    );
    ctx
}

pub async fn compare_is_reached_from_an_indicator_and_aligns_two_charts(ctx: Ctx) -> Ctx {
    ctx.open("/nl/indicators/rent-burden").await;
    ctx.click_link("Vergelijk met andere indicatoren").await;
    ctx.wait_for("form.compare-form").await;
    assert_eq!(ctx.path().await, "/nl/compare");
    // Choose the second indicator, then the district, with the plain form.
    ctx.client()
        .find(Locator::Css("#compare-b"))
        .await
        .expect("the second picker")
        .select_by_value("social-assistance")
        .await
        .expect("choose social assistance");
    ctx.client()
        .find(Locator::Css("form.compare-form button[type='submit']"))
        .await
        .expect("the button")
        .click()
        .await
        .expect("submit");
    ctx.wait_for("section.compared[data-indicator='social-assistance']")
        .await;
    ctx.choose_and_submit("form.compare-form", "#compare-district", "Altstadt")
        .await;
    ctx.wait_for("option[value='Altstadt'][selected]").await;
    let sections = ctx.texts("section.compared h2").await;
    assert_eq!(sections.len(), 2, "{sections:?}");
    let captions = ctx.texts("section.compared figcaption").await;
    assert!(
        captions.iter().all(|c| c.contains("Wijk: Altstadt")),
        "both charts show the chosen district: {captions:?}"
    );
    let charts = ctx.texts("section.compared svg[role='img'] title").await;
    assert_eq!(charts.len(), 2, "a chart each");
    ctx
}

/// The council's report: reached from the header, its charts loaded, and
/// printed by the browser with each goal starting a page and the site's
/// header and controls left off the paper.
pub async fn the_yearly_report_prints_with_each_goal_on_a_page_of_its_own(ctx: Ctx) -> Ctx {
    ctx.open("/").await;
    ctx.click_link("Yearly report").await;
    ctx.wait_for("ul.report-years").await;
    assert_eq!(ctx.path().await, "/report");
    let latest = ctx.texts("ul.report-years li a").await;
    let title = latest.first().cloned().expect("a report year");
    ctx.click_link(&title).await;
    ctx.wait_for("article.report").await;
    assert_eq!(ctx.text("article.report h1").await, title);
    let goals = ctx.texts("section.report-goal > h2").await;
    assert!(goals.len() >= 10, "{goals:?}");
    // Every small multiple's chart has arrived (the PDF and the page draw
    // the same files).
    let loaded = ctx
        .client()
        .execute(
            "const imgs = [...document.querySelectorAll('.report-chart img')];\
             return [imgs.length, imgs.filter(i => i.complete && i.naturalWidth > 0).length];",
            vec![],
        )
        .await
        .expect("count the charts");
    let counts: Vec<u64> = serde_json::from_value(loaded).expect("two numbers");
    assert!(counts[0] >= 20, "{counts:?} charts");
    assert_eq!(counts[0], counts[1], "every chart loaded");

    let config = fantoccini::wd::PrintConfigurationBuilder::default()
        .build()
        .expect("default print settings");
    let pdf = ctx
        .client()
        .print(config)
        .await
        .expect("the browser prints");
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("printed.pdf");
    std::fs::write(&path, &pdf).expect("written");
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (scripts/setup.sh --browser installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(
        pages.len() > goals.len(),
        "{} pages for {} goals",
        pages.len(),
        goals.len()
    );
    for goal in &goals {
        let page = pages
            .iter()
            .find(|p| p.contains(goal.as_str()) && p.contains("Improved since"))
            .unwrap_or_else(|| panic!("{goal} is printed"));
        assert!(
            page.trim_start().starts_with(goal.as_str()),
            "{goal} starts its page: {}",
            &page.trim_start()[..page.trim_start().len().min(120)]
        );
    }
    assert!(pages[0].contains(&title), "the title on the first page");
    for left_off in ["Nederlands", "Skip to content", "Download as PDF"] {
        assert!(!text.contains(left_off), "{left_off} is not printed");
    }
    ctx
}
