//! The hostile-input corpus (`server/tests/fixtures/hostile`, made by its
//! `make.py`, listed in its `manifest.csv`) sent through the staff upload
//! route of a small city, as one test: every broken file is refused with a
//! clear, specific answer and changes nothing; every legal but hostile file
//! is accepted, published, and its formula-like and markup texts come out
//! escaped on every public page (the whole site crawled in English and
//! Dutch, the API and search), on the staff pages, and neutralised in every
//! CSV download (the zip's included). See docs/hostile-input.md.

mod corpus;
mod crawl;
mod scan;

use std::path::Path;
use std::time::{Duration, Instant};

use app::escape::escape_html as esc;
use http::StatusCode;
use server::staff::Role;

use self::corpus::{Entry, Outcome};
use crate::common::leptos_options;
use crate::staff_app::{test_database, Workspace};

/// The workspace on the corpus's own small city, and its state (to export).
async fn hostile_city() -> (Workspace, server::AppState) {
    let data = tempfile::TempDir::new().expect("a data folder");
    let database = test_database(data.path()).await;
    let state = server::AppState::load_in(
        leptos_options(),
        Some(&corpus::folder().join("city")),
        data.path(),
        server::staff::StaffConfig::default(),
        &database,
    )
    .await
    .expect("the hostile corpus's city loads");
    let staff = state.staff.clone();
    let app = Workspace {
        router: server::app(state.clone()),
        staff,
        data,
    };
    (app, state)
}

/// An editor's and an admin's session and form token.
async fn people(app: &Workspace) -> ((String, String), (String, String)) {
    let mut out = Vec::new();
    for (email, role) in [
        ("editor@city.example", Role::Editor),
        ("admin@city.example", Role::Admin),
    ] {
        app.add(email, role).await;
        let session = app.sign_in(email).await;
        let csrf = app.get("/staff/draft", &[&session]).await.csrf_field();
        out.push((session, csrf));
    }
    let admin = out.pop().expect("admin");
    (out.pop().expect("editor"), admin)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_hostile_file_is_refused_clearly_or_published_escaped_and_neutralised() {
    let started = Instant::now();
    let entries = corpus::checked_manifest();
    let (app, state) = hostile_city().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;

    // Broken files: a clear answer each, and nothing changes.
    let release = state.served.now().release.clone();
    let whole = format!("/data/localgoals-{release}.json");
    let (status, _, published_before) = crate::common::TestApp::from(app.router.clone())
        .get_bytes(&whole)
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut slowest = (Duration::ZERO, String::new());
    let mut failures = Vec::new();
    for entry in entries.iter().filter(|e| e.outcome == Outcome::Rejected) {
        let took = Instant::now();
        refused_clearly(&app, &editor, &editor_csrf, entry, &mut failures).await;
        if took.elapsed() > slowest.0 {
            slowest = (took.elapsed(), entry.file.clone());
        }
    }
    assert!(
        failures.is_empty(),
        "{} broken file(s) not refused as they should be:\n{}",
        failures.len(),
        failures
            .iter()
            .map(|f| f.chars().take(700).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    assert_eq!(state.served.now().release, release, "nothing was published");
    assert_eq!(
        indicators::release::current_id(app.data.path()).as_deref(),
        Some(release.as_str())
    );
    let (_, _, published_after) = crate::common::TestApp::from(app.router.clone())
        .get_bytes(&whole)
        .await;
    assert!(
        published_after == published_before,
        "the served data changed"
    );
    let refused_in = started.elapsed();

    // Legal but hostile files, in rounds (a round replaces what the one
    // before put in the catalogue, areas …): accepted, published, escaped.
    let rounds = entries.iter().map(|e| e.round).max().unwrap_or(0);
    for round in 1..=rounds {
        for entry in entries
            .iter()
            .filter(|e| e.outcome == Outcome::Accepted && e.round == round)
        {
            let before = app.staff.store.draft().await.expect("draft");
            let answer = app
                .upload(
                    &editor,
                    &editor_csrf,
                    &browser_name(&entry.upload_as),
                    &entry.bytes(),
                )
                .await;
            assert_eq!(
                answer.status,
                StatusCode::SEE_OTHER,
                "{} was not accepted: {}",
                entry.file,
                answer.body
            );
            let after = app
                .staff
                .store
                .draft()
                .await
                .expect("draft")
                .expect("a draft");
            assert_ne!(
                Some(&after),
                before.as_ref(),
                "{} changed the draft",
                entry.file
            );
            assert_eq!(
                after.changes.last().map(|c| c.file.as_str()),
                Some(entry.upload_as.as_str())
            );
        }
        let live = live_markers(&entries, round);
        staff_pages_are_safe(&app, &admin, &live).await;
        publish(&app, &state, &admin, &admin_csrf).await;
        site_is_safe(&app, &state, &live, round).await;
    }
    let total = started.elapsed();
    println!(
        "hostile corpus: {} files ({} refused in {:.1} s, slowest {} in {:.1} s), {} accepted in {} rounds; {:.1} s in all",
        entries.len(),
        entries.iter().filter(|e| e.outcome == Outcome::Rejected).count(),
        refused_in.as_secs_f64(),
        slowest.1,
        slowest.0.as_secs_f64(),
        entries.iter().filter(|e| e.outcome == Outcome::Accepted).count(),
        rounds,
        total.as_secs_f64()
    );
}

/// The name as a browser puts it in the form: quotes and line ends
/// percent-encoded (the HTML standard's multipart/form-data encoding).
fn browser_name(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Uploads a broken file: its status, its words, its name, and the draft
/// as it was. What is wrong is added to `failures` (all files are tried, so
/// one run lists every file that is not refused as it should be).
async fn refused_clearly(
    app: &Workspace,
    session: &str,
    csrf: &str,
    entry: &Entry,
    failures: &mut Vec<String>,
) {
    let draft = app.staff.store.draft().await.expect("draft");
    let sent = browser_name(&entry.upload_as);
    let answer = app.upload(session, csrf, &sent, &entry.bytes()).await;
    let file = &entry.file;
    let body = &answer.body;
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(format!("{file}: {what}"));
        }
    };
    check(
        Some(answer.status.as_u16()) == entry.status,
        format!(
            "answered {} instead of {:?}: {body}",
            answer.status, entry.status
        ),
    );
    check(
        body.contains(&entry.says),
        format!(
            "`{}` not in the answer: {}",
            entry.says,
            body.find("role=\"alert\"")
                .map_or(body.as_str(), |at| &body[at..])
        ),
    );
    if answer.status == StatusCode::UNPROCESSABLE_ENTITY {
        // The problem list: the file named, each problem in a row with its
        // file, line, column, value, reason and fix.
        check(
            body.contains(&format!("{} was not added", esc(&sent))),
            "the answer does not name the file".into(),
        );
        check(
            body.contains("the draft is unchanged"),
            "the answer does not say the draft is unchanged".into(),
        );
        let row = body.split("<tr class=\"problem\"><td>").nth(1);
        check(
            row.is_some_and(|r| !r.starts_with("</td>")),
            "no problem row naming a file".into(),
        );
        check(
            body.len() < 3_000_000,
            format!("a {} byte answer", body.len()),
        );
    } else {
        // Refused at the door, naming the file as sent.
        let name: String = sent.trim().chars().take(120).collect();
        let quoted = format!("{name:?}");
        let named = esc(quoted.trim_end_matches('"'));
        check(body.contains(&named), format!("{named} not in {body}"));
        check(
            body.contains("Nothing was stored"),
            "the answer does not say nothing was stored".into(),
        );
    }
    check(
        app.staff.store.draft().await.expect("draft") == draft,
        "the draft changed".into(),
    );
}

/// The markers whose texts the site shows after `round` is published.
fn live_markers(entries: &[Entry], round: u8) -> Vec<(String, String)> {
    entries
        .iter()
        .filter(|e| e.outcome == Outcome::Accepted)
        .filter(|e| e.round == round || (e.round < round && !e.replaced_by_later_rounds()))
        .map(|e| (e.marker.clone(), e.file.clone()))
        .collect()
}

fn markers_of(live: &[(String, String)]) -> Vec<String> {
    live.iter().map(|(m, _)| m.clone()).collect()
}

async fn staff_pages_are_safe(app: &Workspace, admin: &str, live: &[(String, String)]) {
    let markers = markers_of(live);
    for path in [
        "/staff",
        "/staff/draft",
        "/staff/preview",
        "/staff/uploads",
        "/staff/audit",
        "/staff/indicators/rent-burden",
        "/staff/indicators/unemployment/edit",
        "/nl/staff/preview",
    ] {
        let page = app.get(path, &[admin]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        let found = scan::unsafe_markup(&page.body, &markers);
        assert!(found.is_empty(), "{path}: {found:#?}");
    }
}

async fn publish(app: &Workspace, state: &server::AppState, admin: &str, csrf: &str) {
    let version = app
        .staff
        .store
        .draft()
        .await
        .expect("draft")
        .expect("a draft")
        .version();
    let release = state.served.now().release.clone();
    let published = app
        .post_form(
            "/staff/publish",
            &[admin],
            &[
                ("csrf", csrf),
                ("version", &version.to_string()),
                ("release", &release),
            ],
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    assert_ne!(
        state.served.now().release,
        release,
        "a new release is served"
    );
}

/// Crawls the whole public site (as `localgoals export-static` does, both
/// languages), then the live-only pages (search, API): no payload acts, each
/// marker shows, every CSV cell with one is neutralised.
async fn site_is_safe(
    app: &Workspace,
    state: &server::AppState,
    live: &[(String, String)],
    round: u8,
) {
    let markers = markers_of(live);
    let locales = state.served.now().data.languages.clone();
    let starts = locales.iter().map(|l| l.href("/")).collect();
    let codes: Vec<String> = locales.iter().map(|l| l.code().to_owned()).collect();
    let (pages, broken) = crawl::crawl(&app.router, starts, &codes).await;
    assert!(pages.len() > 100, "round {round}: {} pages", pages.len());
    println!(
        "hostile corpus: round {round} crawled {} addresses",
        pages.len()
    );
    assert!(
        broken.is_empty(),
        "round {round}: links the hostile texts broke: {broken:?}"
    );
    let mut shown = String::new();
    let mut csv_cells = String::new();
    for page in &pages {
        let extension = extension_of(&page.content_type);
        check_file(
            &page.address,
            extension,
            &page.body,
            &markers,
            &mut shown,
            &mut csv_cells,
        );
    }
    let live_only = crate::common::TestApp::from(app.router.clone());
    let mut addresses = vec![
        "/api/v1/indicators".to_owned(),
        "/api/v1/areas".to_owned(),
        "/api/v1/goals/8".to_owned(),
        "/api/v1/indicators/unemployment/series".to_owned(),
        "/api/v1/indicators/unemployment/observations".to_owned(),
        "/api/v1/indicators/rent-burden".to_owned(),
    ];
    for marker in &markers {
        addresses.push(format!("/search?q={marker}"));
        addresses.push(format!("/nl/search?q={marker}"));
    }
    for address in addresses {
        let (status, _, bytes) = live_only.get_bytes(&address).await;
        assert_eq!(status, StatusCode::OK, "round {round}: {address}");
        // The API answers JSON, which carries the texts as they are.
        let extension = if address.starts_with("/api/") {
            "json"
        } else {
            "html"
        };
        check_file(
            &address,
            extension,
            &bytes,
            &markers,
            &mut shown,
            &mut csv_cells,
        );
    }
    for (marker, file) in live {
        assert!(
            shown.contains(marker.as_str()),
            "round {round}: nothing of {file} ({marker}) is on any page"
        );
    }
    for (marker, file) in live.iter().filter(|(_, f)| {
        ["catalogue/", "observations/", "xlsx/"]
            .iter()
            .any(|k| f.starts_with(k))
    }) {
        assert!(
            csv_cells.contains(marker.as_str()),
            "round {round}: nothing of {file} ({marker}) is in the CSV downloads"
        );
    }
}

/// One crawled file: markup checked, CSV neutralisation checked, the zip's
/// files each in turn; what it shows appended to `shown` (and CSV text to
/// `csv_cells`).
fn check_file(
    name: &str,
    extension: &str,
    bytes: &[u8],
    markers: &[String],
    shown: &mut String,
    csv_cells: &mut String,
) {
    match extension {
        "zip" => {
            let mut archive =
                zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip download");
            for index in 0..archive.len() {
                let mut part = archive.by_index(index).expect("a zip entry");
                let inner = format!("{name}!{}", part.name().expect("an entry name"));
                let mut content = Vec::new();
                std::io::Read::read_to_end(&mut part, &mut content).expect("unzip");
                let extension = Path::new(&inner)
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                check_file(&inner, &extension, &content, markers, shown, csv_cells);
            }
        }
        "csv" => {
            let found = scan::formula_cells(bytes, markers);
            assert!(
                found.is_empty(),
                "{name}: cells a spreadsheet runs: {found:?}"
            );
            csv_cells.push_str(&String::from_utf8_lossy(bytes));
        }
        "parquet" | "png" | "pdf" | "wasm" | "ico" | "woff2" | "js" | "css" | "br" | "gz" => {}
        "html" | "svg" | "atom" | "xml" | "json" | "md" | "txt" => {
            let text = String::from_utf8_lossy(bytes);
            if !matches!(extension, "json" | "md") {
                let found = scan::unsafe_markup(&text, markers);
                assert!(found.is_empty(), "{name}: {found:#?}");
            }
            shown.push_str(&text);
        }
        _ => {
            // A page exported without an extension.
            let text = String::from_utf8_lossy(bytes);
            let found = scan::unsafe_markup(&text, markers);
            assert!(found.is_empty(), "{name}: {found:#?}");
            shown.push_str(&text);
        }
    }
}

/// The extension of a file of `content_type`, as `check_file` reads it.
fn extension_of(content_type: &str) -> &'static str {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    match essence {
        "text/csv" | "application/vnd.sdmx.data+csv" => "csv",
        "application/json" | "application/geo+json" | "application/schema+json" => "json",
        "application/zip" => "zip",
        "image/svg+xml" => "svg",
        "application/atom+xml" | "application/xml" | "text/xml" => "atom",
        "text/plain" => "txt",
        "text/markdown" => "md",
        "application/vnd.apache.parquet" => "parquet",
        "image/png" => "png",
        "application/pdf" => "pdf",
        _ => "html",
    }
}
