//! The bundled demo city, Lindenfeld: what the README's run command shows.
//! It must cover what the product promises and be exactly what its seeded
//! generator writes.
#![cfg(feature = "pipeline")]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use indicators::read::read_dataset;
use indicators::{AreaKind, Direction, Visibility};

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("demo-city")
}

#[test]
fn demo_city_reads_without_errors_and_covers_what_the_product_promises() {
    let report = read_dataset(&demo(), &|_, _, _| {});
    assert_eq!(
        report.errors(),
        0,
        "{:#?}",
        report
            .problems
            .iter()
            .filter(|p| p.is_error())
            .collect::<Vec<_>>()
    );
    let d = &report.dataset;
    assert!(
        d.indicators.len() >= 40,
        "{} indicators",
        d.indicators.len()
    );
    let goals: BTreeSet<u8> = d.indicators.iter().flat_map(|i| i.goals()).collect();
    assert_eq!(goals.len(), 17, "all 17 goals: {goals:?}");
    assert!(
        d.indicators
            .iter()
            .filter(|i| i.visibility == Visibility::Internal)
            .count()
            >= 3
    );
    assert!(
        d.areas
            .iter()
            .filter(|a| a.kind == AreaKind::Rights)
            .count()
            >= 10
    );
    assert!(
        d.areas
            .iter()
            .filter(|a| a.kind == AreaKind::Policy)
            .count()
            >= 8
    );
    assert!(
        d.indicators
            .iter()
            .any(|i| i.sdg_targets.len() > 1 && i.goals().len() > 1),
        "some indicators map across goals"
    );

    let years: BTreeSet<i32> = d.observations.iter().map(|o| o.period.year).collect();
    assert_eq!((years.first(), years.last()), (Some(&2012), Some(&2025)));
    let districts: BTreeSet<&str> = d
        .observations
        .iter()
        .filter_map(|o| o.dimensions.get("Stadtteil"))
        .collect();
    assert_eq!(districts.len(), 10, "{districts:?}");
    assert!(d
        .observations
        .iter()
        .any(|o| o.dimensions.get("sex") == Some("female")));
    assert!(d
        .observations
        .iter()
        .any(|o| o.dimensions.get("age") == Some("65+")));
    assert!(
        d.observations.iter().any(|o| !o.flags.is_empty()),
        "some values are flagged"
    );
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.code == indicators::ProblemCode::MissingYear),
        "some series have gaps"
    );

    // Some indicators improve, some worsen, some stay flat (headline series,
    // first vs last value, measured against the direction of progress).
    let (mut improving, mut worsening, mut flat) = (0, 0, 0);
    for indicator in &d.indicators {
        let Some(headline) = d
            .series_of(&indicator.id)
            .into_iter()
            .find(|s| s.key.dimensions.is_headline())
        else {
            continue;
        };
        let (Some(first), Some(last)) = (headline.points.first(), headline.points.last()) else {
            continue;
        };
        let change = (last.value - first.value) / first.value.abs().max(1e-9);
        let better = if indicator.direction == Direction::Higher {
            change
        } else {
            -change
        };
        match better {
            b if b > 0.05 => improving += 1,
            b if b < -0.05 => worsening += 1,
            _ => flat += 1,
        }
    }
    assert!(
        improving >= 10 && worsening >= 5 && flat >= 3,
        "improving {improving}, worsening {worsening}, flat {flat}"
    );
}

#[test]
fn demo_city_files_are_what_the_seeded_generator_writes() {
    let out = tempfile::TempDir::new().expect("a folder for the generator");
    let out = out.path();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/gen_demo_city.py");
    let status = Command::new("python3")
        .arg(&script)
        .arg(out)
        .status()
        .expect("python3 runs the generator");
    assert!(status.success());
    let mut compared = 0;
    for rel in [
        "catalogue.csv",
        "areas.csv",
        "settings.csv",
        "labels.csv",
        "actions.csv",
        "groups.csv",
        "recommendations.csv",
        "qualitative.csv",
        "districts.geojson",
    ]
    .into_iter()
    .map(String::from)
    .chain(
        std::fs::read_dir(demo().join("observations"))
            .expect("observations")
            .filter_map(Result::ok)
            .map(|e| format!("observations/{}", e.file_name().to_string_lossy())),
    ) {
        let committed = std::fs::read(demo().join(&rel)).expect("committed file");
        let generated =
            std::fs::read(out.join(&rel)).unwrap_or_else(|_| panic!("generator wrote no {rel}"));
        assert!(
            committed == generated,
            "{rel} differs from the generator's output: run `python3 scripts/gen_demo_city.py`"
        );
        compared += 1;
    }
    assert_eq!(compared, 17);
}

#[test]
fn demo_city_shows_the_rights_half_groups_boundaries_recommendations_and_statements() {
    let report = read_dataset(&demo(), &|_, _, _| {});
    assert_eq!(report.errors(), 0);
    let d = &report.dataset;
    let s = &d.supplements;
    // At least 8 public indicators with a split the groups file names, and a
    // whole-city series to compare it with.
    let with_groups: BTreeSet<&str> = d
        .indicators
        .iter()
        .filter(|i| i.is_public())
        .filter(|i| {
            let series = d.series_of(&i.id);
            series.iter().any(|s| s.key.dimensions.is_headline())
                && series.iter().any(|s| match s.key.dimensions.pairs() {
                    [(dimension, value)] => d.supplements.group_of(dimension, value).is_some(),
                    _ => false,
                })
        })
        .map(|i| i.id.as_str())
        .collect();
    assert!(with_groups.len() >= 8, "{with_groups:?}");
    // Boundaries for each of the ten districts the data names.
    let map = s.districts.as_ref().expect("districts.geojson");
    let districts: BTreeSet<&str> = d
        .observations
        .iter()
        .filter_map(|o| o.dimensions.district())
        .collect();
    assert_eq!(districts.len(), 10, "{districts:?}");
    let drawn: BTreeSet<&str> = map.districts.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(drawn, districts);
    // Ten recommendations or more, from three kinds of source or more.
    assert!(s.recommendations.len() >= 10);
    let sources: BTreeSet<_> = s.recommendations.iter().map(|r| r.source_kind).collect();
    assert!(sources.len() >= 3, "{sources:?}");
    // Four qualitative indicators, each with dated statements and no numbers.
    let qualitative: Vec<&str> = d
        .indicators
        .iter()
        .filter(|i| i.is_qualitative())
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(qualitative.len(), 4, "{qualitative:?}");
    for id in &qualitative {
        assert!(s.statements.iter().any(|st| st.indicator_id == *id), "{id}");
        assert!(d.observations.iter().all(|o| o.indicator_id != *id), "{id}");
    }
    // A series break the trends respect.
    assert!(d
        .observations
        .iter()
        .any(|o| o.indicator_id == "household-waste" && o.flags.contains('b')));
}
