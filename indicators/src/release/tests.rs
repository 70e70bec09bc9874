//! Releases written, verified, kept and refused.
use super::*;

/// A fresh folder, removed when the test ends (pass or fail).
fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("demo-city")
}

#[test]
fn build_writes_a_verified_release_that_loads_back_identically() {
    let data = temp();
    let data = data.path();
    let outcome = build(&demo(), data, None).expect("build");
    assert_eq!(outcome.manifest.id, "r00001");
    assert_eq!(current_id(data).as_deref(), Some("r00001"));
    let release = load_current(data).expect("load");
    assert_eq!(
        release.dataset.observations, outcome.report.dataset.observations,
        "Parquet round trip is lossless"
    );
    assert_eq!(
        release.dataset.indicators,
        outcome.report.dataset.indicators
    );
    assert_eq!(
        release.statuses.indicators.len(),
        outcome.report.dataset.indicators.len()
    );
}

#[test]
fn releases_are_kept_and_history_lists_each() {
    let data = temp();
    let data = data.path();
    build(&demo(), data, None).expect("first");
    let same = build(&demo(), data, None).expect("unchanged");
    assert_eq!(
        same.manifest.id, "r00001",
        "an identical build keeps the current release"
    );
    build(&demo(), data, Some(ProgressMethod::Eurostat)).expect("second");
    assert_eq!(release_numbers(data), [1, 2]);
    assert_eq!(current_id(data).as_deref(), Some("r00002"));
    let history = status_history(data, "poverty-rate");
    let headline: Vec<_> = history
        .iter()
        .filter(|entry| entry.slug == "total")
        .map(|entry| entry.release.as_str())
        .collect();
    assert_eq!(headline, ["r00001", "r00002"]);
}

#[test]
fn a_damaged_file_is_detected_and_cannot_become_current() {
    let data = temp();
    let data = data.path();
    build(&demo(), data, None).expect("build");
    let file = releases_dir(data).join("r00001").join(STATUSES);
    let mut bytes = fs::read(&file).expect("read");
    bytes[10] ^= 1;
    fs::write(&file, bytes).expect("write");
    assert!(matches!(
        verify(&releases_dir(data).join("r00001")),
        Err(ReleaseError::Damaged { .. })
    ));
    assert!(matches!(
        set_current(data, "r00001"),
        Err(ReleaseError::Damaged { .. })
    ));
}

#[test]
fn a_dataset_with_errors_writes_nothing() {
    let data = temp();
    let data = data.path();
    let bad = temp();
    let bad = bad.path();
    fs::create_dir_all(bad.join("observations")).expect("dir");
    fs::write(
        bad.join("catalogue.csv"),
        "id,title_en,unit,direction,sdg_targets\np,P,%,lower,1.2\n",
    )
    .expect("catalogue");
    fs::write(
        bad.join("observations/p.csv"),
        "indicator,year,value\np,2020,twelve\n",
    )
    .expect("obs");
    assert!(matches!(
        build(bad, data, None),
        Err(ReleaseError::Read(ReadError::Invalid { errors: 1, .. }))
    ));
    assert!(release_numbers(data).is_empty());
    assert_eq!(current_id(data), None);
}

#[test]
fn a_single_file_is_not_a_dataset_to_build_from() {
    let data = temp();
    let file = demo().join("observations/social.csv");
    assert!(matches!(
        build(&file, data.path(), None),
        Err(ReleaseError::Read(ReadError::NotFound { .. }))
    ));
    assert!(release_numbers(data.path()).is_empty());
}
