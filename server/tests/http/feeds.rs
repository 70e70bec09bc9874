//! The Atom feeds: they parse as Atom (RFC 4287's required elements), list
//! each published release and each status change of a public series between
//! consecutive releases, as computed independently from the two datasets;
//! per goal and per indicator only theirs; never an internal indicator, nor
//! a release built but not published; in the address's language.

use std::collections::BTreeSet;
use std::path::Path;

use http::{header, StatusCode};
use indicators::progress::ProgressMethod;
use tempfile::TempDir;

use crate::common::*;

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// One entry as read back.
#[derive(Debug, Clone)]
struct ReadEntry {
    id: String,
    title: String,
    updated: String,
    link: String,
    summary: String,
}

/// Parses `xml` as an Atom feed, checking what RFC 4287 requires of a feed
/// and of its entries; returns the feed's `xml:lang` and its entries.
fn parse_atom(path: &str, xml: &str) -> (String, Vec<ReadEntry>) {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{path}: not XML: {e}"));
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed", "{path}");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM_NS), "{path}");
    let one = |parent: roxmltree::Node<'_, '_>, name: &str| -> String {
        let found: Vec<_> = parent
            .children()
            .filter(|n| n.is_element() && n.tag_name().name() == name)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{path}: one <{name}> in <{}>",
            parent.tag_name().name()
        );
        found[0].text().unwrap_or_default().to_owned()
    };
    let is_date = |s: &str| {
        s.len() == 20
            && s.ends_with('Z')
            && s.as_bytes()[10] == b'T'
            && s[..4].parse::<u32>().is_ok()
    };
    assert!(!one(feed, "id").is_empty() && !one(feed, "title").is_empty());
    assert!(is_date(&one(feed, "updated")), "{path}");
    let author = feed
        .children()
        .find(|n| n.tag_name().name() == "author")
        .unwrap_or_else(|| panic!("{path}: a feed author"));
    assert!(!one(author, "name").is_empty());
    let rels: BTreeSet<String> = feed
        .children()
        .filter(|n| n.tag_name().name() == "link")
        .filter_map(|n| n.attribute("rel").map(str::to_owned))
        .collect();
    assert!(
        rels.contains("self") && rels.contains("alternate"),
        "{path}: {rels:?}"
    );
    let entries: Vec<ReadEntry> = feed
        .children()
        .filter(|n| n.tag_name().name() == "entry")
        .map(|entry| {
            let link = entry
                .children()
                .find(|n| n.tag_name().name() == "link")
                .and_then(|n| n.attribute("href"))
                .unwrap_or_else(|| panic!("{path}: an entry without a link"))
                .to_owned();
            let read = ReadEntry {
                id: one(entry, "id"),
                title: one(entry, "title"),
                updated: one(entry, "updated"),
                link,
                summary: one(entry, "summary"),
            };
            assert!(is_date(&read.updated), "{path}: {read:?}");
            read
        })
        .collect();
    let ids: BTreeSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), entries.len(), "{path}: entry ids are unique");
    let newest = entries.iter().map(|e| e.updated.clone()).max();
    if let Some(newest) = newest {
        assert_eq!(
            one(feed, "updated"),
            newest,
            "{path}: updated is the newest entry's"
        );
    }
    let lang = feed
        .attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .unwrap_or_default()
        .to_owned();
    (lang, entries)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("utf-8")
}

/// `(indicator, series slug)` of each status-change entry (their ids end
/// in `status/{release}/{indicator}/{slug}`).
fn changes(entries: &[ReadEntry]) -> BTreeSet<(String, String)> {
    entries
        .iter()
        .filter_map(|e| {
            e.id.split_once(":localgoals/status/")
                .map(|(_, rest)| rest.to_owned())
        })
        .map(|rest| {
            let mut parts = rest.splitn(3, '/');
            let (_, id, slug) = (
                parts.next(),
                parts.next().expect("id"),
                parts.next().expect("slug"),
            );
            (percent_decode(id), percent_decode(slug))
        })
        .collect()
}

/// The demo city, its poverty rate and one internal indicator turned to
/// "higher is better": their statuses change.
fn flipped_dataset() -> TempDir {
    demo_copy(
        |catalogue| {
            catalogue
                .lines()
                .map(|line| {
                    if line.starts_with("poverty-rate,")
                        || line.starts_with("domestic-violence-reports,")
                    {
                        line.replacen(",lower,", ",higher,", 1)
                    } else {
                        line.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        },
        |areas| areas,
    )
}

/// Every series whose status differs between the two datasets, computed
/// straight from them: `(indicator, slug)`, with whether it is public and
/// its goals.
async fn expected_changes(before: &Path, after: &Path) -> Vec<(String, String, bool, Vec<u8>)> {
    let (before, after) = (before.to_path_buf(), after.to_path_buf());
    tokio::task::spawn_blocking(move || {
        let read = |dir: &Path| indicators::read::read_dataset(dir, &|_, _, _| {}).dataset;
        let (a, b) = (read(&before), read(&after));
        let (sa, sb) = (
            indicators::statuses::compute(&a, ProgressMethod::OpenSdg),
            indicators::statuses::compute(&b, ProgressMethod::OpenSdg),
        );
        let mut out = Vec::new();
        for new in &sb.series {
            let Some(old) = sa
                .series
                .iter()
                .find(|s| s.indicator_id == new.indicator_id && s.dimensions == new.dimensions)
            else {
                continue;
            };
            if old.progress.status != new.progress.status {
                let indicator = b.indicator(&new.indicator_id).expect("in the catalogue");
                out.push((
                    new.indicator_id.clone(),
                    new.dimensions.slug(),
                    indicator.is_public(),
                    indicator.goals(),
                ));
            }
        }
        out
    })
    .await
    .expect("statuses computed")
}

/// Releases r00001 (the demo city) and r00002 (flipped, served), and
/// r00003 (the demo city again) built but not published.
struct TwoReleases {
    app: TestApp,
    data: TempDir,
    flipped: TempDir,
}

async fn two_releases() -> TwoReleases {
    let data = TempDir::new().expect("a data folder");
    let flipped = flipped_dataset();
    let (dir, flipped_dir) = (data.path().to_path_buf(), flipped.path().to_path_buf());
    tokio::task::spawn_blocking(move || {
        indicators::release::build(&demo_dataset(), &dir, None).expect("r00001");
        indicators::release::build(&flipped_dir, &dir, None).expect("r00002");
        indicators::release::build(&demo_dataset(), &dir, None).expect("r00003");
        indicators::release::set_current(&dir, "r00002").expect("serve r00002");
    })
    .await
    .expect("built");
    let state = server::AppState::load(leptos_options(), None, data.path())
        .await
        .expect("the releases load");
    TwoReleases {
        app: TestApp::from(server::app(state)),
        data,
        flipped,
    }
}

fn release_entries(entries: &[ReadEntry]) -> Vec<&ReadEntry> {
    entries
        .iter()
        .filter(|e| e.id.contains(":localgoals/release/"))
        .collect()
}

#[tokio::test]
async fn the_feeds_list_published_releases_and_public_status_changes() {
    let setup = two_releases().await;
    let app = &setup.app;
    let expected = expected_changes(&demo_dataset(), setup.flipped.path()).await;
    assert!(
        expected
            .iter()
            .any(|(id, _, public, _)| id == "poverty-rate" && *public),
        "the flip changes a public status: {expected:?}"
    );
    assert!(
        expected.iter().any(|(_, _, public, _)| !public),
        "and an internal one: {expected:?}"
    );
    let public_changes =
        |keep: &dyn Fn(&(String, String, bool, Vec<u8>)) -> bool| -> BTreeSet<(String, String)> {
            expected
                .iter()
                .filter(|c| c.2 && keep(c))
                .map(|(id, slug, _, _)| (id.clone(), slug.clone()))
                .collect()
        };

    let (status, headers, body) = app.get_bytes("/feeds/site.atom").await;
    let body = String::from_utf8(body).expect("utf-8");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/atom+xml; charset=utf-8")
    );
    let (lang, entries) = parse_atom("/feeds/site.atom", &body);
    assert_eq!(lang, "en");
    assert_no_internal("/feeds/site.atom", &body);
    assert!(
        !body.contains("r00003"),
        "a release built but not published"
    );
    // One entry per published release, newest first, dated by its manifest.
    let releases = release_entries(&entries);
    let titles: Vec<&str> = releases.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Release r00002 published", "Release r00001 published"]
    );
    for entry in &releases {
        let id = &entry.title["Release ".len().."Release r00001".len()];
        let manifest = indicators::release::manifest(setup.data.path(), id).expect("manifest");
        let date = app::ssr::date_of_unix(manifest.created_unix);
        assert!(entry.updated.starts_with(&format!("{date}T")), "{entry:?}");
    }
    assert_eq!(changes(&entries), public_changes(&|_| true));
    let poverty = entries
        .iter()
        .find(|e| {
            e.id.ends_with("/poverty-rate/total")
                || e.id.contains("/poverty-rate/") && e.link.ends_with("/indicators/poverty-rate")
        })
        .expect("the poverty rate's headline changed");
    assert!(
        poverty.title.contains("→") && poverty.summary.contains("r00002"),
        "{poverty:?}"
    );

    // Per goal: only its indicators' changes. Goal 5 has the internal one.
    for goal in [1u8, 5] {
        let path = format!("/feeds/goals/{goal}.atom");
        let (status, body) = app.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let (_, entries) = parse_atom(&path, &body);
        assert_no_internal(&path, &body);
        assert_eq!(
            changes(&entries),
            public_changes(&|c| c.3.contains(&goal)),
            "{path}"
        );
        assert_eq!(release_entries(&entries).len(), 2, "{path}");
    }
    // Per indicator: only its own.
    let (status, body) = app.get("/feeds/indicators/poverty-rate.atom").await;
    assert_eq!(status, StatusCode::OK);
    let (_, entries) = parse_atom("/feeds/indicators/poverty-rate.atom", &body);
    assert_eq!(
        changes(&entries),
        public_changes(&|c| c.0 == "poverty-rate")
    );
    assert!(!changes(&entries).is_empty());
}

#[tokio::test]
async fn internal_and_unknown_indicators_and_goals_have_no_feed() {
    let app = demo_app().await;
    for (id, _) in internal_indicators() {
        let (status, body) = app.get(&format!("/feeds/indicators/{id}.atom")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
        assert_no_internal(&id, &body);
        assert!(
            body.contains("Go back to the list of goals"),
            "says what to do: {body}"
        );
    }
    for path in [
        "/feeds/indicators/nothing.atom",
        "/feeds/goals/18.atom",
        "/feeds/goals/one.atom",
        "/feeds/goals/1.rss",
    ] {
        let (status, _) = app.get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_dutch_feed_is_in_dutch() {
    let setup = two_releases().await;
    let (status, body) = setup.app.get("/nl/feeds/site.atom").await;
    assert_eq!(status, StatusCode::OK);
    let (lang, entries) = parse_atom("/nl/feeds/site.atom", &body);
    assert_eq!(lang, "nl");
    let titles: Vec<&str> = release_entries(&entries)
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Release r00002 gepubliceerd", "Release r00001 gepubliceerd"]
    );
    let change = entries
        .iter()
        .find(|e| e.id.contains(":localgoals/status/"))
        .expect("a change");
    assert!(change.link.starts_with("/nl/indicators/"), "{change:?}");
    let dutch: Vec<String> = indicators::progress::ProgressStatus::ALL
        .iter()
        .map(|s| app::words::status_label(app::i18n::Locale::Nl, *s))
        .collect();
    assert!(
        dutch.iter().any(|w| change.title.contains(w.as_str())),
        "{change:?}"
    );
    assert!(!body.contains("published"));
    // The same entries as the English feed: ids do not depend on the language.
    let (_, english) = setup.app.get("/feeds/site.atom").await;
    let (_, english) = parse_atom("/feeds/site.atom", &english);
    let ids = |e: &[ReadEntry]| e.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&entries), ids(&english));
}

#[tokio::test]
async fn pages_link_their_feeds_in_the_head() {
    let app = demo_app().await;
    for (page, feed) in [
        ("/", "/feeds/site.atom"),
        ("/goals/1", "/feeds/goals/1.atom"),
        (
            "/indicators/poverty-rate",
            "/feeds/indicators/poverty-rate.atom",
        ),
        ("/nl/goals/1", "/nl/feeds/goals/1.atom"),
    ] {
        let (status, body) = app.get(page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let head = section(&body, "<head", "</head>");
        let link = head
            .split("<link ")
            .find(|l| l.contains(&format!("href=\"{feed}\"")))
            .unwrap_or_else(|| panic!("{page} links {feed} in its head"));
        let link = &link[..link.find('>').expect("tag end")];
        assert!(
            link.contains("rel=\"alternate\"") && link.contains("type=\"application/atom+xml\""),
            "{page}: {link}"
        );
        let (status, body) = app.get(feed).await;
        assert_eq!(status, StatusCode::OK, "{feed}");
        parse_atom(feed, &body);
    }
}
