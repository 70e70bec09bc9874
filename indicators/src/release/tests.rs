//! Releases written, verified, kept and refused.
use super::*;
use crate::read::open_dataset_columns;
use crate::statuses::compute_columns;

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
        release.dataset.observations,
        outcome.report.frame.to_observations().expect("rows"),
        "Parquet round trip is lossless"
    );
    assert_eq!(
        release.dataset.indicators,
        outcome.report.dataset.indicators
    );
    // Qualitative indicators have statements, not a status.
    assert_eq!(
        release.statuses.indicators.len(),
        outcome
            .report
            .dataset
            .indicators
            .iter()
            .filter(|i| !i.is_qualitative())
            .count()
    );
    assert_eq!(
        release.dataset.supplements,
        outcome.report.dataset.supplements
    );
    assert!(release.dataset.supplements.districts.is_some());
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

/// An Open SDG repository whose one series has a single value before the
/// base year (Canada 9-6-1, British Columbia, Biodiesel).
fn repository_with_a_value_before_the_base_year() -> tempfile::TempDir {
    let repo = temp();
    fs::create_dir_all(repo.path().join("data")).expect("data");
    fs::create_dir_all(repo.path().join("meta")).expect("meta");
    fs::write(
        repo.path().join("data/indicator_9-6-1.csv"),
        "Year,Geography,Value\n2015,,10\n2020,,12\n2010,British Columbia,3.5\n",
    )
    .expect("data file");
    fs::write(
        repo.path().join("meta/9-6-1.md"),
        "---\nindicator_name: Biofuels\nauto_progress_calculation: true\nprogress_calculation_options:\n- direction: positive\n  base_year: 2015\n  disaggregation:\n  - field: Geography\n    value: British Columbia\n---\n",
    )
    .expect("meta file");
    repo
}

#[test]
fn regression_a_series_with_no_value_from_the_base_year_on_gives_a_release_that_loads() {
    let repo = repository_with_a_value_before_the_base_year();
    let data = temp();
    build(repo.path(), data.path(), None).expect("build");
    // Before the fix the inputs were NaN, written as `null`, and this failed.
    let release = load_current(data.path()).expect("the release loads");
    let status = release.statuses.indicator("9-6-1").expect("9-6-1");
    assert_eq!(status.status, ProgressStatus::NotAvailable);
    let counted = &status.counted[0];
    assert_eq!(counted.tag, "9-6-1 / British Columbia");
    assert_eq!(counted.progress.inputs, None);
    assert_eq!(
        counted.progress.unavailable,
        Some(crate::progress::Unavailable::NoDataFromBaseYear)
    );
}

#[test]
fn a_release_that_cannot_be_loaded_never_becomes_current_and_the_last_good_one_is_served() {
    let data = temp();
    let data = data.path();
    build(&demo(), data, None).expect("first");
    build(&demo(), data, Some(ProgressMethod::Eurostat)).expect("second");
    assert_eq!(current_id(data).as_deref(), Some("r00002"));
    // Make r00002 unreadable in a way its checksums do not catch: statuses
    // that do not decode, with a manifest that matches them.
    let dir = releases_dir(data).join("r00002");
    let bad = b"{\"method\":\"open-sdg\",\"series\":[{\"base_value\":null}]}".to_vec();
    fs::write(dir.join(STATUSES), &bad).expect("write");
    let mut manifest: Manifest =
        serde_json::from_slice(&fs::read(dir.join(MANIFEST)).expect("manifest")).expect("json");
    for f in &mut manifest.files {
        if f.name == STATUSES {
            *f = entry(&dir.join(STATUSES), &bad);
        }
    }
    fs::write(dir.join(MANIFEST), json(MANIFEST, &manifest).expect("json")).expect("write");
    assert!(verify(&dir).is_ok(), "the checksums alone cannot tell");

    // It cannot be made current again …
    set_current(data, "r00001").expect("r00001 is whole");
    assert!(matches!(
        set_current(data, "r00002"),
        Err(ReleaseError::Json { .. })
    ));
    assert_eq!(current_id(data).as_deref(), Some("r00001"));
    // … and if it is current anyway, the newest readable release is served.
    fs::write(releases_dir(data).join(CURRENT_FILE), "r00002\n").expect("write");
    let (served, error) = load_servable(data).expect("something to serve");
    assert_eq!(served.manifest.id, "r00001");
    assert!(
        matches!(error, Some(ReleaseError::Json { .. })),
        "{error:?}"
    );
}

/// A dataset folder: one indicator, yearly from 2014 to 2021, rising, and
/// `settings.csv` choosing `method`.
fn dataset_choosing(method: &str) -> tempfile::TempDir {
    let dir = temp();
    fs::write(
        dir.path().join("settings.csv"),
        format!("key,value\nprogress_method,{method}\n"),
    )
    .expect("settings");
    fs::write(
        dir.path().join("catalogue.csv"),
        "id,title,unit,direction,sdg_targets\nshare,Share,%,higher,11.1\n",
    )
    .expect("catalogue");
    fs::create_dir(dir.path().join("observations")).expect("observations");
    let rows: String = (2014..=2021)
        .map(|y| format!("share,{y},{}\n", 40 + 2 * (y - 2014)))
        .collect();
    fs::write(
        dir.path().join("observations/share.csv"),
        format!("indicator,year,value\n{rows}"),
    )
    .expect("data");
    dir
}

#[test]
fn the_method_settings_csv_chooses_is_the_one_the_release_computes() {
    let eurostat = dataset_choosing("eurostat");
    let data = temp();
    let outcome = build(eurostat.path(), data.path(), None).expect("build");
    assert_eq!(outcome.manifest.method, ProgressMethod::Eurostat);
    let release = load_current(data.path()).expect("load");
    assert_eq!(release.statuses.method, ProgressMethod::Eurostat);
    let result = &release.statuses.indicator("share").expect("share").counted[0].progress;
    // Eurostat's period: t − 5 = 2016 to 2021, not the 2015 baseline.
    let inputs = result.inputs.expect("inputs");
    assert_eq!((inputs.base_year, inputs.current_year), (2016, 2021));
    assert_eq!(result.method, ProgressMethod::Eurostat);
    assert_eq!(
        result.class,
        Some(crate::progress::MethodClass::SignificantProgress)
    );
    // The indicator takes its one counted series' status (no scores here).
    let share = release.statuses.indicator("share").expect("share");
    assert_eq!(
        (share.status, share.mean_score),
        (ProgressStatus::SubstantialProgress, None)
    );

    let unsd = dataset_choosing("unsd-progress-chart");
    let data = temp();
    build(unsd.path(), data.path(), None).expect("build");
    let release = load_current(data.path()).expect("load");
    let result = &release.statuses.indicator("share").expect("share").counted[0].progress;
    assert_eq!(result.method, ProgressMethod::UnsdProgressChart);
    assert_eq!(result.inputs.map(|i| i.base_year), Some(2015), "UNSD: 2015");
    assert_eq!(
        result.class,
        Some(crate::progress::MethodClass::OnTrackOrTargetMet)
    );
    // The command line overrides settings.csv.
    let data = temp();
    build(unsd.path(), data.path(), Some(ProgressMethod::OpenSdg)).expect("build");
    assert_eq!(
        load_current(data.path()).expect("load").statuses.method,
        ProgressMethod::OpenSdg
    );
}

#[test]
fn a_release_staff_rolled_back_from_is_not_served_in_place_of_an_unreadable_current_one() {
    let data = temp();
    let data = data.path();
    build(&demo(), data, None).expect("r00001");
    build(&demo(), data, Some(ProgressMethod::Eurostat)).expect("r00002");
    build(&demo(), data, Some(ProgressMethod::UnsdProgressChart)).expect("r00003");
    // Staff roll back to r00002; then r00002 becomes unreadable.
    set_current(data, "r00002").expect("roll back");
    fs::write(releases_dir(data).join("r00002").join(STATUSES), b"{}").expect("write");
    let (served, error) = load_servable(data).expect("something to serve");
    assert_eq!(served.manifest.id, "r00001", "not r00003, rolled back from");
    assert!(error.is_some());
}

#[test]
fn series_summaries_of_every_method_round_trip_through_parquet_exactly() {
    let repo = repository_with_a_value_before_the_base_year();
    let reports = [demo(), repo.path().to_path_buf()]
        .map(|d| open_dataset_columns(&d, &|_, _, _| {}).expect("dataset"));
    let dir = temp();
    for &method in ProgressMethod::ALL {
        let mut series = Vec::new();
        for report in &reports {
            let statuses = compute_columns(&report.dataset.indicators, &report.frame, method)
                .expect("statuses");
            series.extend(statuses.series);
        }
        let series = &series;
        // The demo city has the cases each optional column exists for.
        assert_eq!(
            series.iter().any(|s| s.progress.class.is_some()),
            method != ProgressMethod::OpenSdg
        );
        assert!(series
            .iter()
            .any(|s| s.trend.is_some() && s.previous.is_some()));
        assert!(series.iter().any(|s| s.progress.unavailable.is_some()));
        assert!(series
            .iter()
            .any(|s| s.progress.inputs.is_some_and(|i| i.target.is_some())));
        assert!(series.iter().any(|s| !s.dimensions.is_headline()));
        let path = dir.path().join(format!("{method}.parquet"));
        super::write::write_series(&path, series).expect("write");
        assert_eq!(
            &series::read_series(&path).expect("read"),
            series,
            "{method}"
        );
        let statuses_only = series::read_series_statuses(&path).expect("statuses");
        assert_eq!(
            statuses_only,
            series.iter().map(SeriesStatus::from).collect::<Vec<_>>()
        );
    }
}

#[test]
fn summaries_and_counted_results_round_trip_through_many_row_groups() {
    use super::parquet::{for_each_row_group, ROW_GROUP_ROWS};
    let report = open_dataset_columns(&demo(), &|_, _, _| {}).expect("dataset");
    let statuses = compute_columns(
        &report.dataset.indicators,
        &report.frame,
        ProgressMethod::OpenSdg,
    )
    .expect("statuses");
    let dir = temp();
    // More rows than one row group holds, so the files are written in parts.
    let many: Vec<_> = statuses
        .series
        .iter()
        .cycle()
        .take(ROW_GROUP_ROWS + 100)
        .cloned()
        .collect();
    let path = dir.path().join("series.parquet");
    super::write::write_series(&path, &many).expect("write");
    assert_eq!(series::read_series(&path).expect("read"), many);
    let per_round: usize = statuses.indicators.iter().map(|i| i.counted.len()).sum();
    assert!(per_round > 0, "the demo city counts some series");
    let indicators: Vec<_> = statuses
        .indicators
        .iter()
        .cycle()
        .take(statuses.indicators.len() * (ROW_GROUP_ROWS / per_round + 2))
        .cloned()
        .collect();
    let path = dir.path().join("counted.parquet");
    super::write::write_counted(&path, &indicators).expect("write");
    let (mut back, mut groups) = (Vec::new(), 0);
    for_each_row_group(&path, |frame| {
        groups += 1;
        back.extend(series::counted_of_frame(&frame)?);
        Ok(())
    })
    .expect("read");
    let expected: Vec<_> = indicators
        .iter()
        .flat_map(|i| {
            i.counted
                .iter()
                .map(|c| (i.indicator_id.clone(), c.clone()))
        })
        .collect();
    assert!(expected.len() > ROW_GROUP_ROWS);
    assert!(groups >= 2, "{groups} row groups");
    assert_eq!(back, expected);
}

#[test]
fn a_release_of_format_1_with_its_series_in_statuses_json_still_loads() {
    let data = temp();
    let data = data.path();
    build(&demo(), data, None).expect("build");
    let written = load_current(data).expect("load").statuses;
    // Turn r00001 into what format 1 wrote: every series in statuses.json.
    let dir = releases_dir(data).join("r00001");
    let old = json(STATUSES, &written).expect("json");
    fs::write(dir.join(STATUSES), &old).expect("write");
    for file in [SERIES, COUNTED, INDEX] {
        fs::remove_file(dir.join(file)).expect("remove");
    }
    let mut manifest: Manifest =
        serde_json::from_slice(&fs::read(dir.join(MANIFEST)).expect("manifest")).expect("json");
    manifest.format = 1;
    manifest
        .files
        .retain(|f| ![SERIES, COUNTED, INDEX].contains(&f.name.as_str()));
    for f in &mut manifest.files {
        if f.name == STATUSES {
            *f = entry(&dir.join(STATUSES), &old);
        }
    }
    fs::write(dir.join(MANIFEST), json(MANIFEST, &manifest).expect("json")).expect("write");

    let loaded = load_current(data).expect("a format 1 release loads");
    // As JSON decodes them (serde_json may round a float's last digit,
    // which Parquet does not).
    let as_json: Statuses = serde_json::from_slice(&old).expect("decode");
    assert_eq!(loaded.statuses, as_json);
    assert_eq!(loaded.statuses.series.len(), written.series.len());
    assert!(!loaded.statuses.series.is_empty());
    let history = status_history(data, "poverty-rate");
    assert!(history
        .iter()
        .any(|e| e.slug == "total" && e.release == "r00001"));
}

#[test]
fn observations_missing_a_column_never_become_current_even_with_matching_checksums() {
    let data = temp();
    let data = data.path();
    build(&demo(), data, None).expect("first");
    build(&demo(), data, Some(ProgressMethod::Eurostat)).expect("second");
    let dir = releases_dir(data).join("r00002");
    let mut frame = parquet::read_observation_frame(&dir.join(OBSERVATIONS))
        .expect("read")
        .into_frame()
        .drop("value")
        .expect("drop");
    let mut bad = Vec::new();
    polars::prelude::ParquetWriter::new(&mut bad)
        .finish(&mut frame)
        .expect("write");
    fs::write(dir.join(OBSERVATIONS), &bad).expect("write");
    let mut manifest: Manifest =
        serde_json::from_slice(&fs::read(dir.join(MANIFEST)).expect("manifest")).expect("json");
    for f in &mut manifest.files {
        if f.name == OBSERVATIONS {
            *f = entry(&dir.join(OBSERVATIONS), &bad);
        }
    }
    fs::write(dir.join(MANIFEST), json(MANIFEST, &manifest).expect("json")).expect("write");
    set_current(data, "r00001").expect("r00001 is whole");
    assert!(matches!(
        set_current(data, "r00002"),
        Err(ReleaseError::Data(_))
    ));
    assert_eq!(current_id(data).as_deref(), Some("r00001"));
}

mod actions;
mod counted_twice;
mod quality;
