//! The map: a path per district with its value and class, the legend's
//! classes, the accessible text, districts without data, labels.
use indicators::model::DistrictShape;
use indicators::Direction;

use super::*;

/// A `w` × `h` degree rectangle at (`lon`, `lat`).
fn rect(id: &str, lon: f64, lat: f64, w: f64, h: f64) -> DistrictShape {
    DistrictShape {
        id: id.to_owned(),
        name: id.to_owned(),
        polygons: vec![vec![vec![
            [lon, lat],
            [lon + w, lat],
            [lon + w, lat + h],
            [lon, lat + h],
            [lon, lat],
        ]]],
    }
}

/// Four districts in a row of a city at 52° N, 0.04° wide each.
fn city() -> Vec<DistrictShape> {
    ["Binnenstad", "Leidsche Rijn – Centrum", "Overvecht", "Zuid"]
        .iter()
        .enumerate()
        .map(|(i, id)| rect(id, 5.0 + 0.04 * i as f64, 52.0, 0.04, 0.03))
        .collect()
}

fn value(id: &str, value: f64, flags: &str) -> MapValue {
    MapValue {
        id: id.to_owned(),
        value,
        flags: flags.to_owned(),
    }
}

fn spec<'a>(shapes: &'a [DistrictShape], values: &'a [MapValue]) -> MapSpec<'a> {
    MapSpec {
        shapes,
        values,
        unit: "%",
        decimals: 1,
        direction: Direction::Lower,
        locale: Locale::En,
        title: "Poverty by district, 2024",
        highlight: None,
    }
}

/// Each `<path data-district>` as (district, class, title).
fn paths(svg: &str) -> Vec<(String, String, String)> {
    svg.split("<path ")
        .skip(1)
        .filter(|p| p.contains("data-district=\""))
        .map(|p| {
            let attr = |name: &str| {
                p.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .unwrap_or_default()
                    .to_owned()
            };
            let title = p
                .split("<title>")
                .nth(1)
                .and_then(|r| r.split("</title>").next())
                .unwrap_or_default()
                .to_owned();
            (attr("data-district"), attr("data-class"), title)
        })
        .collect()
}

/// The legend's words, its lines joined by spaces.
fn legend_words(svg: &str) -> String {
    between(svg, "<g class=\"map-legend\"", "</g>")
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, r)| r.split("</text>").next())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn between<'a>(svg: &'a str, open: &str, close: &str) -> &'a str {
    svg.split(open)
        .nth(1)
        .and_then(|r| r.split(close).next())
        .unwrap_or_default()
}

#[test]
fn every_district_is_a_path_with_its_value_and_class() {
    let shapes = city();
    let values = [
        value("Binnenstad", 10.0, ""),
        value("Leidsche Rijn – Centrum", 12.5, ""),
        value("Overvecht", 20.0, "*"),
        value("Zuid", 15.0, ""),
    ];
    let map = choropleth(&spec(&shapes, &values)).expect("map");
    assert_eq!(
        paths(&map.svg),
        [
            ("Binnenstad".into(), "1".into(), "Binnenstad: 10.0 %".into()),
            (
                "Leidsche Rijn – Centrum".into(),
                "2".into(),
                "Leidsche Rijn – Centrum: 12.5 %".into()
            ),
            (
                "Overvecht".into(),
                "4".into(),
                "Overvecht *: 20.0 % (flag *)".into()
            ),
            ("Zuid".into(), "3".into(), "Zuid: 15.0 %".into()),
        ]
    );
    // 10.0 … 20.0 in four classes (four different values): 2.5 wide.
    let ranges: Vec<(f64, f64)> = map.classes.iter().map(|c| (c.lower, c.upper)).collect();
    assert_eq!(
        ranges,
        [(10.0, 12.5), (12.5, 15.0), (15.0, 17.5), (17.5, 20.0)]
    );
    let legend = legend_words(&map.svg);
    for expected in [
        "10.0 to 12.5 (1 district)",
        "12.5 to 15.0 (1 district)",
        "15.0 to 17.5 (1 district)",
        "17.5 to 20.0 (1 district)",
        "Darker colours mean higher values (%). Lower is better.",
    ] {
        assert!(legend.contains(expected), "{expected}: {legend}");
    }
    assert!(
        legend.contains("* The value has a flag"),
        "the flag is explained: {legend}"
    );
    assert!(!legend.contains("no data"), "every district has a value");
    assert!(!between(&map.svg, "<g class=\"map-legend\"", "</g>").contains("url(#"));
    let colours: Vec<&str> = map.classes.iter().map(|c| c.colour).collect();
    assert_eq!(colours, [PALETTE[0], PALETTE[1], PALETTE[3], PALETTE[4]]);
    assert!(map
        .svg
        .contains(&format!("fill=\"{}\" fill-rule", PALETTE[4])));
}

#[test]
fn the_accessible_text_names_and_values_every_district() {
    let shapes = city();
    let values = [
        value("Binnenstad", 10.0, ""),
        value("Overvecht", 20.0, "p"),
        value("Zuid", 15.0, ""),
        value("Vleuten", 11.0, ""),
    ];
    let map = choropleth(&spec(&shapes, &values)).expect("map");
    assert!(map.svg.starts_with("<svg") && map.svg.contains("role=\"img\""));
    assert_eq!(
        between(&map.svg, "<title>", "</title>"),
        "Poverty by district, 2024",
        "the map's own title comes first"
    );
    let desc = between(&map.svg, "<desc>", "</desc>");
    assert_eq!(
        desc,
        "Each district with its value and class: Binnenstad: 10.0 % (class 1 of 4, 10.0 to 12.5); \
         Leidsche Rijn – Centrum: no data; Overvecht *: 20.0 % (flag p) (class 4 of 4, 17.5 to 20.0); \
         Vleuten: 11.0 % (class 1 of 4, 10.0 to 12.5) (not on the map: no boundary); \
         Zuid: 15.0 % (class 3 of 4, 15.0 to 17.5)."
    );
    // The table's rows: every district, by name.
    let rows: Vec<(&str, Option<usize>, bool)> = map
        .districts
        .iter()
        .map(|d| (d.name.as_str(), d.class, d.has_boundary))
        .collect();
    assert_eq!(
        rows,
        [
            ("Binnenstad", Some(0), true),
            ("Leidsche Rijn – Centrum", None, true),
            ("Overvecht", Some(3), true),
            ("Vleuten", Some(0), false),
            ("Zuid", Some(2), true),
        ]
    );
}

#[test]
fn a_district_without_a_value_is_hatched_and_in_the_legend() {
    let shapes = city();
    let values = [value("Binnenstad", 3.0, ""), value("Zuid", 4.0, "")];
    let map = choropleth(&spec(&shapes, &values)).expect("map");
    let overvecht = paths(&map.svg)
        .into_iter()
        .find(|p| p.0 == "Overvecht")
        .expect("a path without data");
    assert_eq!(overvecht.1, "none");
    assert_eq!(overvecht.2, "Overvecht: no data");
    let pattern = between(&map.svg, "<pattern id=\"", "\"");
    assert!(
        map.svg
            .contains(&format!("fill=\"url(#{pattern})\" fill-rule=\"evenodd\" stroke=\"#ffffff\" stroke-width=\"1.5\" data-district=\"Overvecht\"")),
        "{}",
        map.svg
    );
    let legend = between(&map.svg, "<g class=\"map-legend\"", "</g>");
    assert!(legend.contains(&format!("fill=\"url(#{pattern})\"")));
    assert!(legend.contains(">no data</text>"), "{legend}");
}

#[test]
fn names_are_drawn_whole_where_they_fit_and_numbered_where_not() {
    // A wide district and a sliver too narrow for any name.
    let shapes = vec![
        rect("Westpark", 8.60, 50.10, 0.08, 0.05),
        rect("Leidsche Rijn – Centrum", 8.68, 50.10, 0.002, 0.05),
    ];
    let values = [
        value("Westpark", 1.0, ""),
        value("Leidsche Rijn – Centrum", 2.0, ""),
    ];
    let map = choropleth(&spec(&shapes, &values)).expect("map");
    let labels: Vec<&str> = map
        .svg
        .split("class=\"map-label\">")
        .skip(1)
        .filter_map(|r| r.split("</text>").next())
        .collect();
    assert!(
        labels.iter().any(|l| l.contains(">Westpark<")),
        "{labels:?}"
    );
    assert!(
        labels.contains(&"1"),
        "the sliver gets a number: {labels:?}"
    );
    assert!(
        labels.iter().all(|l| !l.contains("Rijn")),
        "no part of a name that does not fit: {labels:?}"
    );
    let legend = between(&map.svg, "<g class=\"map-legend\"", "</g>");
    assert!(legend.contains("Numbers on the map:"), "{legend}");
    assert!(
        legend.contains(">1 Leidsche Rijn – Centrum</text>"),
        "{legend}"
    );
    let sliver = map
        .districts
        .iter()
        .find(|d| d.id == "Leidsche Rijn – Centrum")
        .expect("row");
    assert_eq!(sliver.key, Some(1));
}

#[test]
fn the_highlighted_district_is_outlined_and_the_map_is_worded_in_dutch() {
    let shapes = city();
    let values = [value("Binnenstad", 10.0, ""), value("Zuid", 12.0, "")];
    let map = choropleth(&MapSpec {
        highlight: Some("Zuid"),
        locale: Locale::Nl,
        direction: Direction::Higher,
        ..spec(&shapes, &values)
    })
    .expect("map");
    assert!(map
        .svg
        .contains("class=\"map-highlight\" data-highlight=\"Zuid\""));
    let legend = legend_words(&map.svg);
    assert!(
        legend.contains("Donkerder kleuren betekenen hogere waarden (%). Hoger is beter."),
        "{legend}"
    );
    assert!(legend.contains("10,0 tot 11,0 (1 wijk)"), "{legend}");
    assert!(legend.ends_with("geen gegevens"), "{legend}");
}

#[test]
fn the_projection_keeps_a_square_km_square_and_north_up() {
    // 0.01° of latitude is 1.11 km; 0.01° of longitude at 60° N is half that.
    let shapes = vec![rect("A", 10.0, 60.0, 0.02, 0.01)];
    let map = choropleth(&spec(&shapes, &[])).expect("map");
    let d = between(&map.svg, "<path d=\"", "\"");
    let points: Vec<(f64, f64)> = d
        .trim_start_matches('M')
        .trim_end_matches('Z')
        .split('L')
        .filter_map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect();
    let (x0, y0) = points[0];
    let (x2, y2) = points[2];
    let (width, height) = ((x2 - x0).abs(), (y2 - y0).abs());
    assert!((width / height - 1.0).abs() < 0.02, "{width} × {height}");
    assert!(y2 < y0, "the northern edge is drawn above the southern one");
    assert!(matches!(
        choropleth(&spec(&[], &[])),
        Err(ChartError::Empty)
    ));
}
