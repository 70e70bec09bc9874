//! `/charts/{id}.svg` and `.png`: decoded, stamped with the page's selection,
//! carrying the page's values, the PNG the SVG's size; internal and unknown
//! ids are 404s.

use std::collections::BTreeSet;

use http::StatusCode;

use crate::common::*;

/// The text of every `<td>` in the series table of an indicator page.
fn page_values(html: &str) -> Vec<(String, String)> {
    let table = section(html, "<table class=\"data-table\">", "</table>");
    table
        .split("<tr><th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let period = row.split('<').next().unwrap_or_default().to_owned();
            let value = section(row, "<td>", "</td>")
                .trim_start_matches("<td>")
                .trim_end_matches("</td>")
                .to_owned();
            (period, value)
        })
        .collect()
}

#[tokio::test]
async fn chart_files_decode_and_carry_the_pages_selection_and_values() {
    let app = demo_app().await;
    let (status, page) = app.get("/indicators/poverty-rate?sex=female").await;
    assert_eq!(status, StatusCode::OK);
    let rows = page_values(&page);
    assert!(rows.len() >= 5, "{rows:?}");

    let (status, headers, svg) = app.get_bytes("/charts/poverty-rate.svg?sex=female").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/svg+xml; charset=utf-8");
    let svg = String::from_utf8(svg).expect("utf-8");
    let tree = server::charts::parse_svg(&svg).expect("the SVG decodes");
    let (width, height) = (tree.size().width(), tree.size().height());
    assert!(width > 100.0 && height > 100.0);
    // The stamp: the indicator, the selection, the source, the release.
    assert!(svg.contains("data-series=\"sex=female\""));
    let selection = section(&svg, "class=\"stamp-selection\"", "</text>");
    assert!(selection.contains("female"), "{selection}");
    assert!(svg.contains("Residents living below the poverty line"));
    assert!(svg.contains("release r00001"));
    assert!(svg.contains("Source: "));
    // The values in its description are the page's table, in order.
    let desc = section(&svg, "<desc", "</desc>");
    let mut at = 0;
    for (period, value) in &rows {
        let entry = format!("{period}: {value}");
        let found = desc[at..]
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry} in the chart's values: {desc}"));
        at += found + entry.len();
    }

    let (status, headers, png) = app.get_bytes("/charts/poverty-rate.png?sex=female").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/png");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("the PNG decodes");
    assert_eq!(
        (pixmap.width(), pixmap.height()),
        (width as u32, height as u32),
        "the PNG has the SVG's size"
    );
    // Not blank: drawn in several colours.
    let colours: BTreeSet<[u8; 4]> = pixmap
        .pixels()
        .iter()
        .map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
        .collect();
    assert!(colours.len() > 10, "{} colours", colours.len());

    // Internal and unknown ids: the same 404, in both formats.
    for (id, _) in internal_indicators() {
        for extension in ["svg", "png"] {
            let path = format!("/charts/{id}.{extension}");
            let (status, body) = app.get(&path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(
                !body.contains(&id) || body.contains("There is no indicator"),
                "{path}"
            );
            let until = format!("/charts/{id}.svg?until=2024");
            assert_eq!(app.get(&until).await.0, StatusCode::NOT_FOUND, "{until}");
        }
    }
    for path in [
        "/charts/no-such.svg",
        "/charts/poverty-rate.gif",
        "/charts/poverty-rate",
    ] {
        assert_eq!(app.get(path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    // The indicator page links its chart files for the selection shown.
    assert!(
        page.contains("/charts/poverty-rate.svg?series=sex%3Dfemale"),
        "links the SVG"
    );
    assert!(
        page.contains("/charts/poverty-rate.png?series=sex%3Dfemale"),
        "links the PNG"
    );
}
