//! `localgoals export-static`: the demo city exported into a folder, served
//! by a plain static file server (tower-http's `ServeDir`, as nginx or a CDN
//! would), and read back over HTTP.

#[path = "http/common.rs"]
#[allow(dead_code)] // the HTTP tests' helpers; this binary uses a few
mod common;
#[path = "support/raw_http.rs"]
mod raw_http;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use server::export::{find_links, live_only, local, Kind};

/// The demo catalogue's public indicators as `(id, title_en, title_nl)`,
/// read straight from the file.
fn public_indicators() -> Vec<(String, String, String)> {
    let mut reader =
        csv::Reader::from_path(common::demo_dataset().join("catalogue.csv")).expect("catalogue");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, en, nl, visibility) = (
        column("id"),
        column("title_en"),
        column("title_nl"),
        column("visibility"),
    );
    reader
        .records()
        .map(|r| r.expect("record"))
        .filter(|r| &r[visibility] == "public")
        .map(|r| {
            let nl = if r[nl].is_empty() { &r[en] } else { &r[nl] };
            (r[id].to_owned(), r[en].to_owned(), nl.to_owned())
        })
        .collect()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// The same text as a page shows it (Leptos escapes `&`, `<` and `>`).
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Whether `haystack` holds `id` as an identifier: in a path, quoted, or a
/// CSV/JSON field (not a word of a sentence, as public prose may use one:
/// "Stop evictions of families …").
fn holds_id(haystack: &[u8], id: &str) -> bool {
    let id = id.as_bytes();
    let before = |b: u8| b"/\"'=,;\t\n>".contains(&b);
    let after = |b: u8| b"/\"'.,;?&#\t\r\n<".contains(&b);
    haystack.windows(id.len()).enumerate().any(|(at, window)| {
        window == id
            && at > 0
            && before(haystack[at - 1])
            && haystack.get(at + id.len()).is_some_and(|b| after(*b))
    })
}

/// The address of a link as a request line needs it (non-ASCII and spaces
/// percent-encoded).
fn request_path(path: &str) -> String {
    let mut out = String::new();
    for byte in path.bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// GET `path` from the static server, following its redirects (a folder
/// without its `/`).
fn get(address: &str, path: &str) -> raw_http::Answer {
    let mut path = request_path(path);
    for _ in 0..3 {
        let answer = raw_http::request(address, "GET", &path, "", None).expect("an answer");
        match answer.header("location") {
            Some(location) if (300..400).contains(&answer.status) => {
                path = location.to_owned();
            }
            _ => return answer,
        }
    }
    panic!("{path} redirects in circles");
}

/// A small site folder of the test's own (no build needed): stylesheet
/// with a font, JS glue importing a module, wasm and icon; `(name, bytes)`.
fn site_files(dir: &Path) -> Vec<(&'static str, Vec<u8>)> {
    let files: Vec<(&'static str, Vec<u8>)> = vec![
        (
            "pkg/localgoals.css",
            b"@font-face { font-family: T; src: url(\"font.woff2\") format(\"woff2\"); }\nbody { font-family: T; }\n".to_vec(),
        ),
        ("pkg/font.woff2", b"wOF2 test font".to_vec()),
        (
            "pkg/localgoals.js",
            b"import * as s from './snippet.js';\nexport function hydrate() { return s; }\n".to_vec(),
        ),
        ("pkg/snippet.js", b"export const snippet = 1;\n".to_vec()),
        ("pkg/localgoals.wasm", b"\0asm\x01\0\0\0 test".to_vec()),
        (
            "favicon.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(),
        ),
    ];
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        std::fs::write(path, bytes).expect("a site file");
    }
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_static_export_serves_every_public_page_and_nothing_internal() {
    let data = tempfile::TempDir::new().expect("a data folder");
    let out = tempfile::TempDir::new().expect("an output folder");
    let site = tempfile::TempDir::new().expect("a site folder");
    let assets = site_files(site.path());
    let mut options = common::leptos_options();
    options.site_root = site.path().to_string_lossy().as_ref().into();
    let state = server::AppState::load(options, Some(&common::demo_dataset()), data.path())
        .await
        .expect("the demo city loads");
    let languages: Vec<String> = state
        .served
        .now()
        .data
        .languages
        .iter()
        .map(|l| l.code().to_owned())
        .collect();
    assert_eq!(languages, ["en", "nl"], "the demo city's settings.csv");
    let summary = server::export::export_state(state, out.path())
        .await
        .expect("the export succeeds");
    assert!(
        summary.broken.is_empty(),
        "no link of the site is broken: {:?}",
        summary.broken
    );
    assert!(out.path().join("404.html").is_file(), "the not-found page");

    // Served as plain files, as any web server would.
    let service =
        tower_http::services::ServeDir::new(out.path()).append_index_html_on_directories(true);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("address").to_string();
    tokio::spawn(async move {
        axum::serve(listener, axum::Router::new().fallback_service(service))
            .await
            .expect("the static server runs");
    });

    let root = out.path().to_path_buf();
    let exported = files(&root);
    // Every site file, fetched through the router (whatever names it serves
    // them under): the stylesheet's font and the script's module too.
    let contents: BTreeSet<Vec<u8>> = exported
        .iter()
        .map(|f| std::fs::read(f).expect("an exported file"))
        .collect();
    for (name, bytes) in &assets {
        assert!(contents.contains(bytes), "the site file {name} is exported");
    }
    tokio::task::spawn_blocking(move || {
        // Every public indicator, in every language, with its title.
        let public = public_indicators();
        assert_eq!(public.len(), common::public_indicators_in_catalogue());
        for (id, en, nl) in &public {
            for (path, title) in [
                (format!("/indicators/{id}"), en),
                (format!("/nl/indicators/{id}"), nl),
            ] {
                let answer = get(&address, &path);
                assert_eq!(answer.status, 200, "{path}");
                assert!(
                    answer.body.contains(&escaped(title)),
                    "{path} shows its title {title:?}"
                );
            }
        }

        // No internal indicator anywhere, in any file.
        let internal = common::internal_indicators();
        assert_eq!(internal.len(), 5);
        for file in &exported {
            let bytes = std::fs::read(file).expect("an exported file");
            let name = file
                .strip_prefix(&root)
                .expect("under OUT")
                .to_string_lossy();
            for (id, title) in &internal {
                assert!(
                    !holds_id(name.as_bytes(), id) && !name.contains(&format!("-{id}.")),
                    "{name} is named after internal {id}"
                );
                assert!(!holds_id(&bytes, id), "{name} names internal {id}");
                for shown in [title.clone(), escaped(title)] {
                    assert!(
                        !bytes.windows(shown.len()).any(|w| w == shown.as_bytes()),
                        "{name} shows internal {title:?}"
                    );
                }
            }
        }

        // Every local link of every page leads to an exported file.
        let mut checked = BTreeSet::new();
        let pages: Vec<&PathBuf> = exported
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "html"))
            .collect();
        assert!(pages.len() > public.len() * 2, "{} pages", pages.len());
        for page in &pages {
            let html = std::fs::read_to_string(page).expect("a page");
            let here = format!(
                "/{}",
                page.strip_prefix(&root)
                    .expect("under OUT")
                    .to_string_lossy()
            );
            for link in find_links(&html, Kind::Html) {
                let Some((target, _)) = local(&link, &here) else {
                    continue;
                };
                if live_only(&target.path, &languages) {
                    continue;
                }
                assert_eq!(target.query, None, "{here} links {link} with a query");
                if checked.insert(target.path.clone()) {
                    let answer = get(&address, &target.path);
                    assert_eq!(answer.status, 200, "{here} links {link}");
                }
            }
        }
        assert!(
            checked.iter().any(|p| p.starts_with("/pkg/")),
            "the site's assets"
        );

        // A selection is a page of its own, linked from its indicator page.
        let poverty = get(&address, "/indicators/poverty-rate").body;
        assert!(
            !poverty.contains("series-selector") && !poverty.contains("fetch_series"),
            "no form and no server function in the export"
        );
        let selection = "/indicators/poverty-rate/_/series=sex=female/";
        assert!(
            poverty.contains(&format!("href=\"{selection}\"")),
            "the series links: {}",
            common::section(&poverty, "series-links", "</nav>")
        );
        let female = get(&address, selection);
        assert_eq!(female.status, 200);
        assert!(female.body.contains("data-series=\"sex=female\""));
        let dutch = get(&address, "/nl/indicators/poverty-rate/_/series=sex=female/");
        assert_eq!(dutch.status, 200);
        assert!(dutch.body.contains("lang=\"nl\""));
    })
    .await
    .expect("the checks ran");
}
