//! Conformance with Statistics Canada's production progress results (sdg-build
//! 2.4): every series in `components_flat.csv` and every indicator aggregate in
//! `indicator_level.csv` that is not a manual override.

mod common;

use std::collections::BTreeMap;

use indicators::progress::{
    indicator_status, open_sdg, ProgressInputs, ProgressResult, ProgressStatus,
};
use indicators::Direction;

fn vectors(file: &str) -> csv::Reader<std::fs::File> {
    let path = common::fixture(&format!("progress-vectors/{file}"));
    csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn status(text: &str) -> ProgressStatus {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .unwrap_or_else(|e| panic!("status {text}: {e}"))
}

fn number(text: &str) -> Option<f64> {
    (!text.trim().is_empty()).then(|| {
        text.trim()
            .parse()
            .unwrap_or_else(|e| panic!("number {text:?}: {e}"))
    })
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1e-300) || actual == expected
}

/// The index of the column called `name`.
fn column(headers: &csv::StringRecord, name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("column {name}"))
}

/// Every series, keyed by indicator, with its result.
fn compute_all() -> Vec<(String, String, ProgressResult, csv::StringRecord)> {
    let mut reader = vectors("components_flat.csv");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| column(&headers, name);
    let (ind, tag, by, bv, cy, cv, t, ty, dir, lim) = (
        col("indicator"),
        col("series_tag"),
        col("base_year"),
        col("base_value"),
        col("current_year"),
        col("current_value"),
        col("target"),
        col("target_year"),
        col("direction"),
        col("limit"),
    );
    reader
        .records()
        .map(|r| r.expect("record"))
        .map(|r| {
            let year = |i: usize| number(&r[i]).map(|y| y as i32);
            let inputs = ProgressInputs {
                base_year: year(by).unwrap_or(0),
                base_value: number(&r[bv]).unwrap_or(f64::NAN),
                current_year: year(cy).unwrap_or(0),
                current_value: number(&r[cv]).unwrap_or(f64::NAN),
                target: number(&r[t]),
                target_year: year(ty).unwrap_or(2030),
                direction: if number(&r[dir]) == Some(1.0) {
                    Direction::Higher
                } else {
                    Direction::Lower
                },
                limit: number(&r[lim]),
            };
            (r[ind].to_string(), r[tag].to_string(), open_sdg(inputs), r)
        })
        .collect()
}

#[test]
fn all_132_series_match_value_score_and_status() {
    let mut reader = vectors("components_flat.csv");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| column(&headers, name);
    let (ev, es, esc) = (
        col("expected_progress_value"),
        col("expected_status"),
        col("expected_score"),
    );
    let results = compute_all();
    assert_eq!(results.len(), 132);
    let mut mismatches = Vec::new();
    for (indicator, tag, result, record) in &results {
        let expected_status = status(&record[es]);
        if result.status != expected_status {
            mismatches.push(format!(
                "{indicator} {tag}: status {:?} != {expected_status:?}",
                result.status
            ));
        }
        match (number(&record[ev]), result.value) {
            (Some(e), Some(a)) if !close(a, e) => {
                mismatches.push(format!("{indicator} {tag}: value {a} != {e}"))
            }
            (Some(e), None) => {
                mismatches.push(format!("{indicator} {tag}: no value, expected {e}"))
            }
            _ => {}
        }
        match (number(&record[esc]), result.score) {
            (Some(e), Some(a)) if !close(a, e) => {
                mismatches.push(format!("{indicator} {tag}: score {a} != {e}"))
            }
            (Some(e), None) => {
                mismatches.push(format!("{indicator} {tag}: no score, expected {e}"))
            }
            (None, Some(a)) if expected_status != ProgressStatus::NotAvailable => {
                mismatches.push(format!("{indicator} {tag}: score {a}, expected none"))
            }
            _ => {}
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn indicator_level_matches_except_manual_overrides() {
    let mut by_indicator: BTreeMap<String, Vec<ProgressResult>> = BTreeMap::new();
    for (indicator, _, result, _) in compute_all() {
        by_indicator.entry(indicator).or_default().push(result);
    }
    let mut reader = vectors("indicator_level.csv");
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for record in reader.records().map(|r| r.expect("record")) {
        let (indicator, expected_status, expected_score) =
            (&record[0], &record[2], number(&record[3]));
        if expected_status.is_empty() || expected_status == "not_available_manual" {
            continue;
        }
        let series = by_indicator
            .get(indicator)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let (actual_status, actual_score) = indicator_status(series);
        if actual_status != status(expected_status) {
            mismatches.push(format!(
                "{indicator}: {actual_status:?} != {expected_status}"
            ));
        }
        match (expected_score, actual_score) {
            (Some(e), Some(a)) if !close(a, e) => {
                mismatches.push(format!("{indicator}: score {a} != {e}"))
            }
            (Some(e), None) => mismatches.push(format!("{indicator}: no score, expected {e}")),
            _ => {}
        }
        checked += 1;
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert_eq!(
        checked, 82,
        "86 indicators less 3 manual overrides and 7-1-1, which has no result"
    );
}

/// Indicators production does not compute, with why: their status is set by
/// hand in the metadata (`auto_progress_calculation` off).
const MANUAL_OVERRIDES: [&str; 3] = ["13-1-1", "15-6-1", "6-4-1"];

/// Series in `components_flat.csv` whose data file is missing from the
/// repository snapshot (as in the source: see `fixtures/README.md`).
const NO_DATA_FILE: [&str; 1] = ["16-5-1"];

/// The whole Statistics Canada repository through the code behind `localgoals
/// build` (read, choose series, compute, write, load): every indicator of
/// `indicator_level.csv` that is not a manual override and every series of
/// `components_flat.csv` whose data file is present gets production's base
/// and current year and value, progress value, score and status.
#[test]
fn canada_repository_built_and_loaded_matches_production() {
    use indicators::release;

    let repo = common::real("canada_cif");
    let data = tempfile::TempDir::new().expect("data folder");
    let outcome = release::build(&repo, data.path(), None).expect("the repository builds");
    assert_eq!(outcome.report.errors(), 0);
    let loaded = release::load_current(data.path()).expect("the release loads");
    let statuses = &loaded.statuses;
    assert_eq!(statuses.indicators.len(), 86);

    // Indicators.
    let (mut checked, mut mismatches) = (0, Vec::new());
    let mut reader = vectors("indicator_level.csv");
    for record in reader.records().map(|r| r.expect("record")) {
        let (id, expected, score) = (&record[0], &record[2], number(&record[3]));
        if MANUAL_OVERRIDES.contains(&id) {
            assert_eq!(expected, "not_available_manual", "{id}");
            continue;
        }
        if NO_DATA_FILE.contains(&id) {
            continue;
        }
        let Some(actual) = statuses.indicator(id) else {
            mismatches.push(format!("{id}: not in the release"));
            continue;
        };
        // Production leaves the status empty where nothing is computed (7-1-1).
        let expected = if expected.is_empty() {
            ProgressStatus::NotAvailable
        } else {
            status(expected)
        };
        let same_score = match (score, actual.mean_score) {
            (Some(e), Some(a)) => close(a, e),
            (e, a) => e.is_none() && a.is_none(),
        };
        if actual.status != expected || !same_score {
            mismatches.push(format!(
                "{id}: expected {expected:?} {score:?}, got {:?} {:?}",
                actual.status, actual.mean_score
            ));
        }
        checked += 1;
    }
    let indicators_checked = checked;

    // Series.
    let mut reader = vectors("components_flat.csv");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| column(&headers, name);
    let (ind, tag, by, bv, cy, cv, ev, es, esc) = (
        col("indicator"),
        col("series_tag"),
        col("base_year"),
        col("base_value"),
        col("current_year"),
        col("current_value"),
        col("expected_progress_value"),
        col("expected_status"),
        col("expected_score"),
    );
    let (mut checked, mut absent) = (0, 0);
    for record in reader.records().map(|r| r.expect("record")) {
        let id = &record[ind];
        if NO_DATA_FILE.contains(&id) {
            absent += 1;
            continue;
        }
        let wanted = &record[tag];
        let Some(result) = statuses
            .indicator(id)
            .and_then(|s| s.counted.iter().find(|c| same_tag(wanted, &c.tag)))
        else {
            mismatches.push(format!("{wanted}: not counted"));
            continue;
        };
        let p = &result.progress;
        let year = |i: usize| number(&record[i]).map(|y| y as i32);
        let same = |e: Option<f64>, a: Option<f64>| match (e, a) {
            (Some(e), Some(a)) => close(a, e),
            (e, a) => e.is_none() && a.is_none(),
        };
        let inputs = p.inputs;
        // Where the selected rows have no values, production reports only
        // the configured base year; there are no inputs to compare.
        let no_data = year(cy).is_none() && inputs.is_none();
        let ok = (no_data || year(by) == inputs.map(|i| i.base_year))
            && year(cy) == inputs.map(|i| i.current_year)
            && same(number(&record[bv]), inputs.map(|i| i.base_value))
            && same(number(&record[cv]), inputs.map(|i| i.current_value))
            && same(number(&record[ev]), p.value)
            && same(number(&record[esc]), p.score)
            && status(&record[es]) == p.status;
        if !ok {
            mismatches.push(format!("{wanted}: expected {record:?}, got {p:?}"));
        }
        checked += 1;
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert_eq!(
        (checked, absent),
        (131, 1),
        "132 series, 16-5-1's without data"
    );
    assert_eq!(
        indicators_checked, 82,
        "86 indicators less 3 manual overrides and 16-5-1, which has no data file"
    );
}

/// Whether `tag` is the vectors' `wanted`, which shortens long parts to
/// about 40 characters and "...".
fn same_tag(wanted: &str, tag: &str) -> bool {
    let (wanted, tag): (Vec<&str>, Vec<&str>) =
        (wanted.split(" / ").collect(), tag.split(" / ").collect());
    wanted.len() == tag.len()
        && wanted
            .iter()
            .zip(&tag)
            .all(|(w, t)| match w.strip_suffix("...") {
                Some(prefix) => t.starts_with(prefix),
                None => w == t,
            })
}
