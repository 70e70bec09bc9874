//! The district map: on the indicator page of every indicator reported by
//! district and on the district pages, without JavaScript; the Dutch city
//! without a city total that issue 15 was reported on (it opened on the
//! alphabetically first district, cut "Leidsche Rijn – Centrum" and lost
//! Overvecht's `*`); and a bad `districts.geojson` refused with its place.

use std::path::{Path, PathBuf};

use http::StatusCode;

use crate::common::*;

fn wijken() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wijken")
}

/// Every `data-district` of a map, in drawing order.
fn districts_drawn(svg: &str) -> Vec<&str> {
    svg.split("data-district=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// The first `<svg …>…</svg>` after `start`.
fn svg_after<'a>(body: &'a str, start: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not in the page"));
    section(&body[from..], "<svg", "</svg>")
}

#[tokio::test]
async fn a_district_only_indicator_opens_on_the_map_and_bars_of_all_districts() {
    let app = app_for(&wijken()).await;
    let (status, body) = app.get("/indicators/armoede").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let comparison = body.find("class=\"districts\"").expect("the comparison");
    let selector = body
        .find("class=\"series-selector\"")
        .expect("the selectors");
    assert!(comparison < selector, "the page opens on the comparison");
    assert!(
        !body.contains("data-series=\"wijk=Binnenstad\""),
        "not on the alphabetically first district"
    );
    assert!(
        body.contains("class=\"choose-district\""),
        "a district is offered instead"
    );
    let map = svg_after(&body, "class=\"chart-figure map-figure\"");
    assert!(map.contains("class=\"chart map\"") && map.contains("role=\"img\""));
    assert_eq!(
        districts_drawn(map),
        [
            "Binnenstad",
            "Leidsche Rijn – Centrum",
            "Overvecht",
            "Vleuten"
        ]
    );
    assert!(
        map.contains("<title>Overvecht *: 23.4 % (flag *)</title>"),
        "the flag on the map: {map}"
    );
    assert!(map.contains("data-district=\"Vleuten\" data-class=\"none\""));
    let table = section(
        &body,
        "<table class=\"data-table district-values map-table\">",
        "</table>",
    );
    assert!(
        table.contains("<td>23.4 %</td><td class=\"flags\">*</td><td>3 of 3 (18.6 to 23.4)</td>"),
        "{table}"
    );
    assert!(
        table.contains("<a href=\"/districts/Overvecht\">Overvecht</a>"),
        "{table}"
    );
}

/// Regression: the bars cut "Leidsche Rijn – Centrum" to "idsche Rijn –
/// Centrum" and drew Overvecht's provisional value without its `*`.
#[tokio::test]
async fn the_district_bars_show_leidsche_rijn_centrum_whole_and_overvechts_flag() {
    let app = app_for(&wijken()).await;
    let (_, body) = app.get("/indicators/armoede").await;
    let bars = svg_after(&body, "class=\"chart-figure district-figure\"");
    let texts: Vec<&str> = bars
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split("</text>").next())
        })
        .map(str::trim)
        .collect();
    let names = texts.join(" ");
    assert!(names.contains("Leidsche Rijn – Centrum"), "{texts:?}");
    assert!(texts.contains(&"23.4 (*)"), "{texts:?}");
    assert!(
        bars.contains("flagged values: Overvecht (*)"),
        "in the accessible name"
    );
}

#[tokio::test]
async fn choosing_a_district_shows_its_series_and_dutch_pages_word_the_map() {
    let app = app_for(&wijken()).await;
    let (status, body) = app.get("/indicators/armoede?wijk=Overvecht").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("data-series=\"wijk=Overvecht\""));
    assert!(!body.contains("class=\"choose-district\""));
    assert!(
        body.contains("class=\"chart map\""),
        "the map stays on the page"
    );
    let (_, dutch) = app.get("/nl/indicators/armoede").await;
    // The legend in Dutch (its heading wraps onto two lines).
    for words in [
        "Donkerder kleuren betekenen hogere waarden (%).",
        "Lager is beter.",
    ] {
        assert!(dutch.contains(words), "{words}");
    }
    assert!(dutch.contains("<title>Overvecht *: 23,4 % (markering *)</title>"));
}

#[tokio::test]
async fn a_district_page_shows_where_it_is_and_no_internal_indicator() {
    let app = app_for(&wijken()).await;
    let (status, body) = app.get("/districts/Overvecht").await;
    assert_eq!(status, StatusCode::OK);
    let locator = svg_after(&body, "class=\"district-where\"");
    assert!(
        locator.contains("data-highlight=\"Overvecht\""),
        "{locator}"
    );
    assert!(
        body.contains("<details class=\"district-map\">"),
        "each indicator's map"
    );
    let maps = section(&body, "class=\"district-maps\"", "</section>");
    assert!(maps.contains("tr class=\"current-district\""), "{maps}");
    for internal in ["77.7", "77,7", "66.6", "66,6", "Internal district figure"] {
        assert!(!body.contains(internal), "{internal} leaked");
    }
    let (status, _) = app.get("/indicators/intern").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_demo_city_has_maps_on_indicator_and_district_pages() {
    let app = demo_app().await;
    let (_, body) = app.get("/indicators/rent-burden").await;
    let map = svg_after(&body, "class=\"chart-figure map-figure\"");
    assert_eq!(districts_drawn(map).len(), 10, "the demo's ten districts");
    assert!(map.contains("<desc>"), "{map}");
    let (status, district) = app.get("/districts/S%C3%BCdfeld").await;
    assert_eq!(status, StatusCode::OK);
    assert!(district.contains("data-highlight=\"Südfeld\""));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("read").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

#[test]
fn a_bad_districts_geojson_is_refused_by_check_with_its_line_path_and_fix() {
    let dir = tempfile::TempDir::new().expect("folder");
    copy_dir(&wijken(), dir.path());
    let geojson = dir.path().join("districts.geojson");
    let text = std::fs::read_to_string(&geojson).expect("read");
    // Overvecht's ring (line 8) no longer ends where it starts.
    let broken = text.replacen(
        "[5.110, 52.122], [5.106, 52.096]]]",
        "[5.110, 52.122], [5.107, 52.096]]]",
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&geojson, broken).expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .args(["check", dir.path().to_str().expect("utf-8 path")])
        .output()
        .expect("run localgoals");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(
            "districts.geojson:8 [features[2].geometry.coordinates[0][5]] error bad-geojson: the ring is not closed"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("Repeat the ring's first position as its last."),
        "{stdout}"
    );

    // Not JSON at all: the parser's line and character.
    std::fs::write(
        &geojson,
        "{\"type\": \"FeatureCollection\",\n \"features\": [,]}",
    )
    .expect("write");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_localgoals"))
        .args(["check", dir.path().to_str().expect("utf-8 path")])
        .output()
        .expect("run localgoals");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("districts.geojson:2 error bad-geojson: the file is not JSON: expected value (character 15 of the line)"),
        "{stdout}"
    );
}
