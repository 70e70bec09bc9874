use super::*;
use crate::problem::{ProblemCode, Reason, Severity};

const FILE: &str = "districts.geojson";

/// A square ring around (`lon`, `lat`), closed.
fn square(lon: f64, lat: f64) -> String {
    format!(
        "[[{lon}, {lat}], [{}, {lat}], [{}, {}], [{lon}, {}], [{lon}, {lat}]]",
        lon + 0.01,
        lon + 0.01,
        lat + 0.01,
        lat + 0.01
    )
}

fn feature(properties: &str, geometry: &str) -> String {
    format!("{{\"type\": \"Feature\", \"properties\": {properties},\n  \"geometry\": {geometry}}}")
}

fn collection(features: &[String]) -> String {
    format!(
        "{{\"type\": \"FeatureCollection\",\n\"features\": [\n{}\n]}}",
        features.join(",\n")
    )
}

fn polygon(ring: &str) -> String {
    format!("{{\"type\": \"Polygon\", \"coordinates\": [{ring}]}}")
}

fn read(text: &str) -> (Option<DistrictMap>, Vec<Problem>) {
    read_districts(text.as_bytes(), FILE)
}

/// The only problem of `text`, which must have exactly one.
fn only_problem(text: &str) -> Problem {
    let (map, problems) = read(text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(map.is_none(), "an error refuses the file");
    problems.into_iter().next().expect("one")
}

#[test]
fn polygons_and_multipolygons_are_read_with_ids_and_names() {
    let text = collection(&[
        feature(
            r#"{"id": "Leidsche Rijn – Centrum", "name": "Leidsche Rijn Centrum"}"#,
            &polygon(&square(5.05, 52.09)),
        ),
        feature(
            r#"{"name": "Overvecht"}"#,
            &format!(
                "{{\"type\": \"MultiPolygon\", \"coordinates\": [[{}], [{}, {}]]}}",
                square(5.1, 52.11),
                square(5.2, 52.2),
                square(5.201, 52.201)
            ),
        ),
        feature(r#"{"id": 344}"#, &polygon(&square(5.0, 52.0))),
    ]);
    let (map, problems) = read(&text);
    assert!(problems.is_empty(), "{problems:#?}");
    let map = map.expect("a map");
    let summary: Vec<(&str, &str, usize, usize)> = map
        .districts
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.name.as_str(),
                d.polygons.len(),
                d.polygons.iter().map(Vec::len).sum(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Leidsche Rijn – Centrum", "Leidsche Rijn Centrum", 1, 1),
            ("Overvecht", "Overvecht", 2, 3),
            ("344", "344", 1, 1),
        ],
        "the id falls back to the name, the name to the id; a hole is a second ring"
    );
    assert_eq!(map.districts[0].polygons[0][0][2], [5.06, 52.1]);
}

#[test]
fn a_syntax_error_names_its_line_and_character() {
    let text = "{\"type\": \"FeatureCollection\",\n\"features\": [\n  {\"type\": \"Feature\" \"properties\": {}}\n]}";
    let problem = only_problem(text);
    assert_eq!(problem.line, Some(3));
    assert_eq!(problem.code, ProblemCode::BadGeoJson);
    let Reason::NotJson { error, column } = &problem.reason else {
        panic!("{problem:?}");
    };
    assert_eq!(*column, 22, "the character after `\"Feature\" `");
    assert!(error.contains("expected `,` or `}`"), "{error}");
    assert!(
        !error.contains("line"),
        "the place is not repeated: {error}"
    );
}

#[test]
fn structural_problems_carry_the_line_and_the_json_path() {
    // Line 1 opens the collection, 2 opens `features`; each feature then
    // takes two lines: its properties (3, 5), its geometry (4, 6).
    let good = feature(r#"{"id": "A"}"#, &polygon(&square(8.6, 50.1)));
    let cases: Vec<(String, usize, &str, Reason, Option<&str>)> = vec![
        (
            feature(
                r#"{"id": "B"}"#,
                &polygon("[[8.6, 50.1], [8.7, 50.1], [8.6, 50.1]]"),
            ),
            6,
            "features[1].geometry.coordinates[0]",
            Reason::ShortRing { positions: 3 },
            None,
        ),
        (
            feature(
                r#"{"id": "B"}"#,
                &polygon("[[8.6, 50.1], [8.7, 50.1], [8.7, 50.2], [8.6, 50.2], [8.6, 50.3]]"),
            ),
            6,
            "features[1].geometry.coordinates[0][4]",
            Reason::OpenRing,
            Some("[8.6,50.3]"),
        ),
        (
            feature(
                r#"{"id": "B"}"#,
                &polygon("[[8.6, 50.1], [8.7, 95.1], [8.7, 50.2], [8.6, 50.1]]"),
            ),
            6,
            "features[1].geometry.coordinates[0][1]",
            Reason::BadPosition,
            Some("[8.7,95.1]"),
        ),
        (
            feature(
                r#"{"id": "B"}"#,
                &polygon("[[8.6, 50.1], [\"8.7\", 50.1], [8.7, 50.2], [8.6, 50.1]]"),
            ),
            6,
            "features[1].geometry.coordinates[0][1]",
            Reason::BadPosition,
            Some("[\"8.7\",50.1]"),
        ),
        (
            feature(
                r#"{"id": "B"}"#,
                r#"{"type": "Point", "coordinates": [8.6, 50.1]}"#,
            ),
            6,
            "features[1].geometry.type",
            Reason::NotOneOf {
                allowed: vec!["Polygon".into(), "MultiPolygon".into()],
            },
            Some("Point"),
        ),
        (
            feature(r#"{"id": "B"}"#, "null"),
            6,
            "features[1].geometry",
            Reason::GeoJsonExpected {
                expected: JsonKind::Object,
            },
            Some("null"),
        ),
        (
            feature(r#"{"population": 1200}"#, &polygon(&square(8.7, 50.1))),
            5,
            "features[1].properties",
            Reason::NoDistrictId,
            None,
        ),
        (
            feature(r#"{"id": "A"}"#, &polygon(&square(8.7, 50.1))),
            5,
            "features[1].properties.id",
            Reason::DuplicateDistrict { first_line: 3 },
            Some("A"),
        ),
    ];
    for (bad, line, path, reason, value) in cases {
        let text = collection(&[good.clone(), bad]);
        let problem = only_problem(&text);
        assert_eq!(
            (problem.line, problem.column.as_deref(), &problem.reason),
            (Some(line), Some(path), &reason),
            "{text}"
        );
        assert_eq!(problem.value.as_deref(), value, "{text}");
        assert_eq!(problem.severity, Severity::Error);
    }
}

#[test]
fn a_file_that_is_not_a_feature_collection_is_refused_at_its_type() {
    let problem = only_problem("{\n\"type\": \"Feature\", \"geometry\": null}");
    assert_eq!(problem.reason, Reason::NotAFeatureCollection);
    assert_eq!(
        (
            problem.line,
            problem.column.as_deref(),
            problem.value.as_deref()
        ),
        (Some(2), Some("type"), Some("Feature"))
    );
    let problem = only_problem("[1, 2]");
    assert_eq!(problem.reason, Reason::NotAFeatureCollection);
    let problem = only_problem("{\"type\": \"FeatureCollection\",\n \"features\": {}}");
    assert_eq!(
        (problem.line, problem.column.as_deref(), &problem.reason),
        (
            Some(2),
            Some("features"),
            &Reason::GeoJsonExpected {
                expected: JsonKind::Array
            }
        )
    );
    let (map, problems) = read("  \n");
    assert!(map.is_none());
    assert_eq!(problems[0].reason, Reason::EmptyFile);
}

#[test]
fn every_problem_of_a_file_is_found_in_one_reading() {
    let text = collection(&[
        feature("{}", &polygon("[[0, 0], [1, 0], [0, 0]]")),
        feature(
            r#"{"id": "C"}"#,
            &polygon("[[0, 0], [1, 0], [1, 1], [0, 2]]"),
        ),
    ]);
    let (map, problems) = read(&text);
    assert!(map.is_none());
    let reasons: Vec<&Reason> = problems.iter().map(|p| &p.reason).collect();
    assert_eq!(
        reasons,
        [
            &Reason::NoDistrictId,
            &Reason::ShortRing { positions: 3 },
            &Reason::OpenRing
        ]
    );
}

#[test]
fn hostile_files_are_stopped_at_a_stated_limit() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(
        only_problem(&deep).reason,
        Reason::GeoJsonTooLarge {
            part: GeoJsonPart::Nesting,
            limit: MAX_DEPTH
        }
    );
    let many = collection(&vec!["{}".to_owned(); MAX_FEATURES + 1]);
    let problem = only_problem(&many);
    assert_eq!(
        (problem.reason, problem.column.as_deref()),
        (
            Reason::GeoJsonTooLarge {
                part: GeoJsonPart::Features,
                limit: MAX_FEATURES
            },
            Some("features")
        )
    );
    // One ring with a million and one positions.
    let mut ring = String::from("[[0, 0]");
    for _ in 0..MAX_POSITIONS - 1 {
        ring.push_str(",[1,1]");
    }
    ring.push_str(",[0, 0]]");
    let problem = only_problem(&collection(&[feature(r#"{"id": "X"}"#, &polygon(&ring))]));
    assert_eq!(
        problem.reason,
        Reason::GeoJsonTooLarge {
            part: GeoJsonPart::Positions,
            limit: MAX_POSITIONS
        }
    );
}

#[test]
fn a_byte_order_mark_and_an_altitude_are_accepted() {
    let text = format!(
        "\u{feff}{}",
        collection(&[feature(
            r#"{"id": "A"}"#,
            &polygon("[[0, 0, 12], [1, 0, 12], [1, 1, 12], [0, 0, 12]]")
        )])
    );
    let (map, problems) = read(&text);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(map.expect("map").districts[0].polygons[0][0][1], [1.0, 0.0]);
}

#[test]
fn boundaries_and_series_that_name_different_districts_are_warned_about() {
    use crate::model::{Dimensions, Observation, Period, SourceRef};
    let map = DistrictMap {
        districts: ["Overvecht", "Leidsche Rijn – Centrum", "Vleuten"]
            .into_iter()
            .map(|id| DistrictShape {
                id: id.to_owned(),
                name: id.to_owned(),
                polygons: Vec::new(),
            })
            .collect(),
    };
    let row = |wijk: &str, line: usize| Observation {
        indicator_id: "armoede".into(),
        period: Period::year(2024),
        dimensions: Dimensions::new([("wijk", wijk)]),
        value: 1.0,
        flags: String::new(),
        progress: None,
        source: SourceRef {
            file: "observations/wijken.csv".into(),
            line,
        },
    };
    let frame = crate::frame::ObservationFrame::from_observations(&[
        row("Overvecht", 2),
        row("Leidsche Rijn - Centrum", 5),
        row("Leidsche Rijn - Centrum", 3),
    ]);
    let mut seen = DistrictsSeen::default();
    seen.add(&frame);
    let text = collection(&[
        feature(r#"{"id": "Overvecht"}"#, &polygon(&square(5.1, 52.1))),
        feature(
            r#"{"id": "Leidsche Rijn – Centrum"}"#,
            &polygon(&square(5.0, 52.1)),
        ),
        feature(r#"{"id": "Vleuten"}"#, &polygon(&square(4.9, 52.1))),
    ]);
    let problems = seen.problems(&map, FILE, text.as_bytes());
    let summary: Vec<(&str, Option<usize>, Option<&str>, Option<&str>)> = problems
        .iter()
        .map(|p| {
            (
                p.file.as_str(),
                p.line,
                p.column.as_deref(),
                p.value.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                FILE,
                Some(5),
                Some("features[1].properties.id"),
                Some("Leidsche Rijn – Centrum")
            ),
            (
                FILE,
                Some(7),
                Some("features[2].properties.id"),
                Some("Vleuten")
            ),
            (
                "observations/wijken.csv",
                Some(3),
                Some("wijk"),
                Some("Leidsche Rijn - Centrum")
            ),
        ]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    assert_eq!(
        problems[2].reason,
        Reason::NoBoundary {
            suggestion: Some("Leidsche Rijn – Centrum".into())
        },
        "a hyphen for the en dash: the nearest id is suggested"
    );
}

/// Found by the hostile-input corpus (server/tests/fixtures/hostile): a
/// 400 kB district name was accepted and shown on every map and page.
#[test]
fn a_district_name_or_id_over_300_characters_is_refused_like_any_label() {
    let name = "N".repeat(301);
    let text = collection(&[feature(
        &format!("{{\"id\": \"Nord\", \"name\": \"{name}\"}}"),
        &polygon(&square(8.0, 50.0)),
    )]);
    let problem = only_problem(&text);
    assert_eq!(problem.code, ProblemCode::LabelTooLong);
    assert_eq!(
        problem.column.as_deref(),
        Some("features[0].properties.name")
    );
    let id = "i".repeat(400);
    let text = collection(&[feature(
        &format!("{{\"id\": \"{id}\"}}"),
        &polygon(&square(8.0, 50.0)),
    )]);
    assert_eq!(
        only_problem(&text).column.as_deref(),
        Some("features[0].properties.id")
    );
    // 300 characters are still a name.
    let name = "N".repeat(300);
    let (map, problems) = read(&collection(&[feature(
        &format!("{{\"id\": \"Nord\", \"name\": \"{name}\"}}"),
        &polygon(&square(8.0, 50.0)),
    )]));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(map.expect("a map").districts[0].name, name);
}
