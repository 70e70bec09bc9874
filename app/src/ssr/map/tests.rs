//! The maps the pages get, on a Dutch city whose districts have no city
//! total (the case issue 15 was reported on).
use indicators::model::{DistrictMap, DistrictShape, SourceRef, Supplements};
use indicators::{Dataset, Dimensions, Direction, Indicator, Observation, Period, Visibility};

use super::*;
use crate::ssr::testing;

fn square(id: &str, lon: f64) -> DistrictShape {
    DistrictShape {
        id: id.to_owned(),
        name: id.to_owned(),
        polygons: vec![vec![vec![
            [lon, 52.0],
            [lon + 0.05, 52.0],
            [lon + 0.05, 52.04],
            [lon, 52.04],
            [lon, 52.0],
        ]]],
    }
}

fn row(id: &str, wijk: &str, year: i32, value: f64, flags: &str) -> Observation {
    Observation {
        indicator_id: id.into(),
        period: Period::year(year),
        dimensions: Dimensions::new([("wijk", wijk)]),
        value,
        flags: flags.into(),
        progress: None,
        source: SourceRef::default(),
    }
}

/// `armoede` by district only, Overvecht's latest value provisional (`*`);
/// `geheim` internal; boundaries for the three districts and Vleuten.
pub(crate) fn utrecht() -> DashboardData {
    let armoede = Indicator::new("armoede", "Armoede", "%", Direction::Lower, &["1.2"]);
    let mut geheim = Indicator::new("geheim", "Geheim", "%", Direction::Lower, &["1.2"]);
    geheim.visibility = Visibility::Internal;
    let mut observations = Vec::new();
    for year in [2022, 2023] {
        let provisional = if year == 2023 { "*" } else { "" };
        observations.push(row("armoede", "Leidsche Rijn – Centrum", year, 14.2, ""));
        observations.push(row("armoede", "Overvecht", year, 23.4, provisional));
        observations.push(row("armoede", "Binnenstad", year, 9.1, ""));
        observations.push(row("geheim", "Overvecht", year, 99.0, ""));
    }
    let mut dataset = Dataset {
        indicators: vec![armoede, geheim],
        observations,
        ..Dataset::default()
    };
    dataset.supplements = Supplements {
        districts: Some(DistrictMap {
            districts: [
                "Binnenstad",
                "Leidsche Rijn – Centrum",
                "Overvecht",
                "Vleuten",
            ]
            .iter()
            .enumerate()
            .map(|(i, id)| square(id, 5.0 + 0.05 * i as f64))
            .collect(),
        }),
        ..Supplements::default()
    };
    testing::data_of(dataset)
}

#[test]
fn a_district_only_indicator_opens_on_the_comparison_of_all_districts() {
    let data = utrecht();
    let armoede = data.public_indicator("armoede").expect("public");
    let view = crate::ssr::indicator::indicator(&data, armoede, Locale::Nl).expect("view");
    assert!(view.district_only, "no city total: district only");
    let opens = |slug: &str| crate::components::opens_on_districts(&view, slug);
    assert!(opens(""), "nothing chosen: the comparison, not Binnenstad");
    assert!(
        opens("utm_source=nieuwsbrief"),
        "a tracking parameter chooses nothing"
    );
    assert!(
        !opens("wijk=Overvecht"),
        "a chosen district shows its series"
    );
    let map = view.map.expect("a map");
    assert!(view.districts.is_some(), "and the bars");
    assert_eq!(map.period, "2023");
    let rows: Vec<(&str, &str, &str, &str)> = map
        .rows
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.value.as_str(),
                r.flags.as_str(),
                r.class.as_str(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Binnenstad", "9,1 %", "", "1 van 3 (9,1 tot 13,9)"),
            (
                "Leidsche Rijn – Centrum",
                "14,2 %",
                "",
                "2 van 3 (13,9 tot 18,6)"
            ),
            ("Overvecht", "23,4 %", "*", "3 van 3 (18,6 tot 23,4)"),
            ("Vleuten", "geen gegevens", "", "geen gegevens"),
        ]
    );
    assert_eq!(map.city, None, "no city total to show");
    assert_eq!(map.rows[2].href, "/nl/districts/Overvecht");
    assert_eq!(map.rows[3].href, "", "Vleuten has no district page");
    assert!(map
        .svg
        .contains("data-district=\"Overvecht\" data-class=\"3\""));
    assert!(map.svg.contains("Overvecht *: 23,4 % (markering *)"));
    // The bars keep the flag too, in the table and the accessible name.
    let bars = view.districts.expect("bars");
    assert!(
        bars.table
            .contains(&("Overvecht".to_owned(), "23,4 % (*)".to_owned())),
        "{:?}",
        bars.table
    );
    assert!(bars.svg.contains("gemarkeerde waarden: Overvecht (*)"));
}

#[test]
fn an_indicator_with_a_city_total_is_not_district_only() {
    let data = testing::data();
    let poverty = data.public_indicator("poverty").expect("poverty");
    let view = crate::ssr::indicator::indicator(&data, poverty, Locale::En).expect("view");
    assert!(!view.district_only);
    assert_eq!(view.map, None, "no boundaries, no map");
    assert!(!crate::components::opens_on_districts(&view, ""));
}

#[test]
fn a_district_page_shows_where_it_is_and_each_map_with_it_outlined() {
    let data = utrecht();
    let page = crate::ssr::district::district(&data, "Overvecht", Locale::En);
    let locator = page.maps.locator.expect("a locator map");
    assert!(locator.svg.contains("data-highlight=\"Overvecht\""));
    assert!(locator.rows.is_empty(), "no values on the locator");
    assert!(locator
        .svg
        .contains("Overvecht is outlined among the city&#39;s 4 districts"));
    assert_eq!(
        page.maps.indicators.len(),
        1,
        "armoede only: geheim is internal"
    );
    let (title, map) = &page.maps.indicators[0];
    assert_eq!(title.text, "Armoede");
    assert!(map.svg.contains("data-highlight=\"Overvecht\""));
    let current: Vec<&str> = map
        .rows
        .iter()
        .filter(|r| r.current)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(current, ["Overvecht"]);
    assert!(!map.svg.contains("99"), "nothing of the internal indicator");
}
