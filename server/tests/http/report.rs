//! The council's yearly report: its lists and status changes against numbers
//! computed here, straight from the demo city's files; the Dutch report; the
//! PDF read back with poppler; and the chart files decoded and compared with
//! the indicator page's own series.

use std::collections::{BTreeMap, BTreeSet};

use http::StatusCode;
use indicators::progress::{ProgressMethod, ProgressStatus};
use indicators::report::Verdict;
use indicators::{Dataset, Direction, Indicator, Observation};

use crate::common::*;

/// The demo city's data up to `year`.
fn up_to(dataset: &Dataset, year: i32) -> Dataset {
    Dataset {
        indicators: dataset.indicators.clone(),
        areas: dataset.areas.clone(),
        observations: dataset
            .observations
            .iter()
            .filter(|o| o.period.year <= year)
            .cloned()
            .collect(),
        ..Dataset::default()
    }
}

/// What the report should say about one indicator, worked out here.
#[derive(Debug)]
struct Expected {
    /// `None` without both values; then as [`moved`] says.
    since_previous: Option<Verdict>,
    since_baseline: Option<Verdict>,
    status_before: ProgressStatus,
    status_now: ProgressStatus,
}

/// Improved, worsened, or unchanged at the shown decimals, worked out here.
fn moved(from: f64, to: f64, indicator: &Indicator) -> Verdict {
    let change = to - from;
    let better = match indicator.direction {
        Direction::Higher => change > 0.0,
        Direction::Lower => change < 0.0,
    };
    if change.abs() < 0.5 * 10f64.powi(-i32::from(indicator.decimals)) {
        Verdict::Unchanged
    } else if better {
        Verdict::Improved
    } else {
        Verdict::Worsened
    }
}

fn value_in(observations: &[&Observation], year: i32) -> Option<f64> {
    observations
        .iter()
        .rev()
        .find(|o| o.period.year == year)
        .map(|o| o.value)
}

async fn expected_report(year: i32) -> BTreeMap<String, Expected> {
    let dataset = demo_dataset_read().await;
    let now = indicators::statuses::compute(&up_to(&dataset, year), ProgressMethod::OpenSdg);
    let before = indicators::statuses::compute(&up_to(&dataset, year - 1), ProgressMethod::OpenSdg);
    let status = |s: &indicators::statuses::Statuses, id: &str| {
        s.indicator(id)
            .map_or(ProgressStatus::NotAvailable, |s| s.status)
    };
    let mut out = BTreeMap::new();
    for indicator in dataset.indicators.iter().filter(|i| i.is_public()) {
        // The headline series, or the first one by its dimensions' names.
        let mut keys: Vec<&indicators::Dimensions> = dataset
            .observations
            .iter()
            .filter(|o| o.indicator_id == indicator.id)
            .map(|o| &o.dimensions)
            .collect();
        keys.sort();
        keys.dedup();
        let compared = keys.iter().find(|d| d.is_headline()).or(keys.first());
        let series: Vec<&Observation> = match compared {
            Some(d) => {
                let mut s: Vec<&Observation> = dataset
                    .observations
                    .iter()
                    .filter(|o| o.indicator_id == indicator.id && &&o.dimensions == d)
                    .collect();
                s.sort_by_key(|o| o.period.clone());
                s
            }
            None => Vec::new(),
        };
        let current = value_in(&series, year);
        let previous = value_in(&series, year - 1);
        let baseline = compared.and_then(|d| {
            now.series
                .iter()
                .find(|s| s.indicator_id == indicator.id && &&s.dimensions == d)
                .and_then(|s| s.baseline.clone())
        });
        out.insert(
            indicator.id.clone(),
            Expected {
                since_previous: current.zip(previous).map(|(c, p)| moved(p, c, indicator)),
                since_baseline: current
                    .zip(baseline.filter(|b| b.year < year))
                    .map(|(c, b)| moved(b.value, c, indicator)),
                status_before: status(&before, &indicator.id),
                status_now: status(&now, &indicator.id),
            },
        );
    }
    out
}

/// The `data-indicator` ids of the list with class `class` in `html`.
fn list_ids(html: &str, class: &str) -> BTreeSet<String> {
    let start = format!("class=\"report-list {class}\"");
    let list = section(html, &start, "</div>");
    list.split("data-indicator=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

async fn latest_year() -> i32 {
    demo_dataset_read()
        .await
        .observations
        .iter()
        .map(|o| o.period.year)
        .max()
        .expect("the demo city has data")
}

#[tokio::test]
async fn the_latest_report_lists_what_improved_and_worsened_as_computed_from_the_files() {
    let app = demo_app().await;
    let year = latest_year().await;
    let expected = expected_report(year).await;
    let dataset = demo_dataset_read().await;
    let (status, list) = app.get("/report").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list.contains(&format!("href=\"/report/{year}\"")),
        "the list links {year}"
    );
    let (status, html) = app.get(&format!("/report/{year}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("Yearly report {year}")));
    assert!(
        html.contains("Built from release r00001"),
        "names its release"
    );
    assert_no_internal(&format!("/report/{year}"), &html);

    let mut goals_checked = 0;
    for goal in 1..=17u8 {
        let members: Vec<&Indicator> = dataset
            .indicators
            .iter()
            .filter(|i| i.is_public() && i.goals().contains(&goal))
            .collect();
        let anchor = format!("<section id=\"goal-{goal}\"");
        if members.is_empty() {
            assert!(
                !html.contains(&anchor),
                "goal {goal} has no public indicator"
            );
            continue;
        }
        let part = &html[html.find(&anchor).expect("a section per goal")..];
        let ids_where = |f: &dyn Fn(&Expected) -> bool| -> BTreeSet<String> {
            members
                .iter()
                .filter(|i| f(&expected[&i.id]))
                .map(|i| i.id.clone())
                .collect()
        };
        assert_eq!(
            list_ids(part, "improved-previous"),
            ids_where(&|e| e.since_previous == Some(Verdict::Improved)),
            "goal {goal}: improved since {}",
            year - 1
        );
        assert_eq!(
            list_ids(part, "worsened-previous"),
            ids_where(&|e| e.since_previous == Some(Verdict::Worsened)),
            "goal {goal}: worsened since {}",
            year - 1
        );
        assert_eq!(
            list_ids(part, "improved-baseline"),
            ids_where(&|e| e.since_baseline == Some(Verdict::Improved)),
            "goal {goal}: improved since the baseline"
        );
        assert_eq!(
            list_ids(part, "worsened-baseline"),
            ids_where(&|e| e.since_baseline == Some(Verdict::Worsened)),
            "goal {goal}: worsened since the baseline"
        );
        assert_eq!(
            list_ids(part, "status-changes"),
            ids_where(&|e| e.status_before != e.status_now),
            "goal {goal}: statuses that changed"
        );
        goals_checked += 1;
    }
    assert!(goals_checked >= 10, "{goals_checked} goals checked");

    // Each goal's budget for the year, summed here from actions.csv: a line
    // once per goal it touches, per currency, public indicators only.
    let mut reader =
        csv::Reader::from_path(demo_dataset().join("actions.csv")).expect("actions.csv");
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (kind, ids, y, amount, currency) = (
        column("kind"),
        column("indicators"),
        column("year"),
        column("amount"),
        column("currency"),
    );
    let mut budgets: BTreeMap<u8, BTreeMap<String, (f64, usize)>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("a row");
        if &row[kind] != "budget" || row[y].parse::<i32>().ok() != Some(year) {
            continue;
        }
        let linked: BTreeSet<u8> = row[ids]
            .split(';')
            .filter_map(|id| dataset.indicators.iter().find(|i| i.id == id.trim()))
            .filter(|i| i.is_public())
            .flat_map(Indicator::goals)
            .collect();
        for goal in linked {
            let sum = budgets
                .entry(goal)
                .or_default()
                .entry(row[currency].to_owned())
                .or_default();
            sum.0 += row[amount].parse::<f64>().expect("an amount");
            sum.1 += 1;
        }
    }
    assert!(
        !budgets.is_empty(),
        "the demo city has budget lines for {year}"
    );
    for goal in 1..=17u8 {
        let anchor = format!("<section id=\"goal-{goal}\"");
        let Some(at) = html.find(&anchor) else {
            continue;
        };
        let spending = section(&html[at..], "<div class=\"report-spending\">", "</div>");
        let shown: Vec<(String, String)> = spending
            .split("<li data-currency=\"")
            .skip(1)
            .map(|li| {
                let currency = li.split('"').next().unwrap_or_default().to_owned();
                let amount = section(li, "<strong>", "</strong>")
                    .trim_start_matches("<strong>")
                    .trim_end_matches("</strong>")
                    .to_owned();
                (currency, amount)
            })
            .collect();
        let expected: Vec<(String, String)> = budgets
            .get(&goal)
            .map(|by_currency| {
                by_currency
                    .iter()
                    .map(|(c, (sum, _))| {
                        (
                            c.clone(),
                            format!(
                                "{} {c}",
                                app::format::number(*sum, 0, app::format::Locale::En)
                            ),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(shown, expected, "goal {goal}: the budget for {year}");
    }

    // The table of changed statuses: each row's before and after.
    let changed: Vec<(&String, &Expected)> = expected
        .iter()
        .filter(|(_, e)| e.status_before != e.status_now)
        .collect();
    assert!(
        !changed.is_empty(),
        "the demo city has status changes in {year}"
    );
    let table = section(
        &html,
        "class=\"data-table report-status-table\"",
        "</table>",
    );
    for (id, e) in &changed {
        let row = section(table, &format!("<tr data-indicator=\"{id}\""), "</tr>");
        let before = row
            .find(&format!("status-{}", e.status_before))
            .expect("before");
        let now = row.rfind(&format!("status-{}", e.status_now)).expect("now");
        assert!(
            before < now,
            "{id}: {} then {}",
            e.status_before,
            e.status_now
        );
    }
    assert_eq!(table.matches("<tr data-indicator=").count(), changed.len());
    // The latest year's statuses are the release's own.
    let released = expected_statuses().await;
    for (id, e) in &expected {
        assert_eq!(
            e.status_now,
            released
                .indicator(id)
                .map_or(ProgressStatus::NotAvailable, |s| s.status),
            "{id}: the latest report agrees with the release"
        );
    }
}

#[tokio::test]
async fn the_report_renders_in_dutch_and_unknown_years_are_not_found() {
    let app = demo_app().await;
    let year = latest_year().await;
    let (status, html) = app.get(&format!("/nl/report/{year}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"nl\""));
    for words in [
        format!("Jaarverslag {year}"),
        "Veranderde statussen".to_owned(),
        "Doel 1: Geen armoede".to_owned(),
        format!("Verbeterd sinds {}", year - 1),
        "Wat de stad doet".to_owned(),
    ] {
        assert!(html.contains(&words), "the Dutch report says {words}");
    }
    assert!(
        html.contains(&format!(
            "/nl/charts/poverty-rate.svg?series=total&amp;until={year}"
        )),
        "its charts are Dutch and stop at {year}"
    );
    for path in ["/report/1850", "/report/next", "/nl/report/1850"] {
        let (status, body) = app.get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            body.contains(&year.to_string()),
            "{path} names the latest year"
        );
    }
}

/// Runs a poppler tool on `pdf` (`pdftotext` writes to standard output);
/// the set-up installs them.
fn poppler(tool: &str, args: &[&str], pdf: &std::path::Path) -> String {
    let mut command = std::process::Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|err| {
            panic!("{tool} could not run ({err}): run scripts/setup.sh --browser, which installs poppler-utils")
        });
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn the_pdf_has_every_goal_title_pages_numbered_and_fonts_embedded() {
    let app = demo_app().await;
    let year = latest_year().await;
    let (status, headers, pdf) = app.get_bytes(&format!("/report/{year}/pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"report-{year}.pdf\"").as_str()
    );
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).expect("written");

    let text = poppler("pdftotext", &["-enc", "UTF-8"], &path);
    let (_, html) = app.get(&format!("/report/{year}")).await;
    let goals: Vec<String> = html
        .split("<section id=\"goal-")
        .skip(1)
        .map(|rest| {
            let h2 = section(rest, "<h2>", "</h2>");
            h2.trim_start_matches("<h2>")
                .trim_end_matches("</h2>")
                .replace("<!-- -->", "")
                .replace("&amp;", "&")
        })
        .collect();
    assert!(goals.len() >= 10, "{goals:?}");
    for goal in &goals {
        assert!(text.contains(goal.as_str()), "the PDF's text has “{goal}”");
    }
    assert!(text.contains(&format!("Yearly report {year}")));
    assert!(text.contains("Contents"));
    assert_no_internal("the PDF", &text);

    let info = poppler("pdfinfo", &[], &path);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    assert!(pages > 1, "{pages} pages");
    assert!(
        info.contains("Tagged:          yes"),
        "tagged for screen readers: {info}"
    );
    assert!(
        text.contains(&format!("page 2 / {pages}")),
        "numbered pages"
    );

    let fonts = poppler("pdffonts", &[], &path);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "fonts are listed: {fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type…, encoding, emb, sub, uni, object, generation
        let emb = columns[columns.len() - 5];
        let uni = columns[columns.len() - 3];
        assert_eq!(emb, "yes", "embedded: {row}");
        assert_eq!(uni, "yes", "a Unicode map, so text can be extracted: {row}");
    }

    // The Dutch PDF: Dutch words, the same goals.
    let (status, headers, pdf) = app.get_bytes(&format!("/nl/report/{year}/pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers["content-disposition"],
        format!("attachment; filename=\"report-{year}.pdf\"").as_str()
    );
    std::fs::write(&path, &pdf).expect("written");
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &path);
    for words in [
        format!("Jaarverslag {year}"),
        "Inhoud".to_owned(),
        "Doel 1: Geen armoede".to_owned(),
        "pagina 2 /".to_owned(),
    ] {
        assert!(text.contains(&words), "the Dutch PDF says {words}");
    }
}
