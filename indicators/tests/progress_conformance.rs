//! Conformance with Statistics Canada's production progress results (sdg-build
//! 2.4): every series in `components_flat.csv` and every indicator aggregate in
//! `indicator_level.csv` that is not a manual override.

mod common;

use std::collections::BTreeMap;

use indicators::progress::{
    indicator_status, open_sdg, ProgressInputs, ProgressResult, ProgressStatus,
};
use indicators::{Dataset, Dimensions, Direction, Indicator, ProgressOptions, Series};

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

/// From Statistics Canada's raw CSV and meta files to the same base and
/// current years and values, and the same status, for every indicator whose
/// progress options select the headline series (no disaggregation).
#[test]
fn raw_canada_repository_gives_the_production_inputs_and_status() {
    use indicators::read::read_path;
    use indicators::summary::{options_for, progress_inputs};

    let repo = common::real("canada_cif");
    let report = read_path(&repo, &|_, _, _| {}).expect("Canada repository");
    let dataset = &report.dataset;
    let mut reader = vectors("components_flat.csv");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| column(&headers, name);
    let (ind, tag, by, bv, cy, cv, es) = (
        col("indicator"),
        col("series_tag"),
        col("base_year"),
        col("base_value"),
        col("current_year"),
        col("current_value"),
        col("expected_status"),
    );
    let (mut checked, mut mismatches) = (0, Vec::new());
    for record in reader.records().map(|r| r.expect("record")) {
        let id = &record[ind];
        if record[tag] != *id {
            continue; // a disaggregated series
        }
        let Some(indicator) = dataset.indicator(id) else {
            mismatches.push(format!("{id}: not in the repository"));
            continue;
        };
        let options = options_for(indicator);
        if !options.disaggregation.is_empty() {
            continue;
        }
        let Some(series) = progress_series(dataset, indicator, &options) else {
            mismatches.push(format!("{id}: no headline series"));
            continue;
        };
        let Some(inputs) = progress_inputs(&series.points, indicator, &options) else {
            mismatches.push(format!("{id}: no inputs"));
            continue;
        };
        let result = open_sdg(inputs);
        let expected = (
            number(&record[by]).map(|y| y as i32),
            number(&record[bv]),
            number(&record[cy]).map(|y| y as i32),
            number(&record[cv]),
            status(&record[es]),
        );
        let actual = (
            Some(inputs.base_year),
            Some(inputs.base_value),
            Some(inputs.current_year),
            Some(inputs.current_value),
            result.status,
        );
        let same = expected.0 == actual.0
            && expected.2 == actual.2
            && expected.4 == actual.4
            && expected.1.zip(actual.1).is_some_and(|(e, a)| close(a, e))
            && expected.3.zip(actual.3).is_some_and(|(e, a)| close(a, e));
        if !same {
            mismatches.push(format!("{id}: expected {expected:?}, got {actual:?}"));
        }
        checked += 1;
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // Every headline indicator of the snapshot without a disaggregation.
    assert_eq!(checked, 66, "headline indicators checked");
}

/// Columns that pick a series rather than disaggregate it (Open SDG).
const SELECTOR_COLUMNS: [&str; 2] = ["Series", "Units"];

/// The series the progress status is computed on, as Open SDG picks it
/// (here until `localgoals build` chooses series this way too): the
/// options' disaggregation (a `None` value = an empty cell) or else the
/// headline; within it the options' `series` and `unit`, or else the first
/// series and unit the data lists.
fn progress_series(
    dataset: &Dataset,
    indicator: &Indicator,
    options: &ProgressOptions,
) -> Option<Series> {
    let all = dataset.series_of(&indicator.id);
    let wanted: Vec<(&str, &str)> = options
        .disaggregation
        .iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k.as_str(), v)))
        .collect();
    let selected = |dims: &Dimensions| -> bool {
        let pairs = dims.pairs();
        let mut rest = pairs
            .iter()
            .filter(|(k, _)| !SELECTOR_COLUMNS.contains(&k.as_str()));
        let disaggregation_ok = if wanted.is_empty() {
            rest.next().is_none()
        } else {
            let rest: Vec<(&str, &str)> = rest.map(|(k, v)| (k.as_str(), v.as_str())).collect();
            rest.len() == wanted.len() && wanted.iter().all(|w| rest.contains(w))
        };
        disaggregation_ok
            && options
                .series
                .as_deref()
                .is_none_or(|s| dims.get("Series") == Some(s))
            && options
                .unit
                .as_deref()
                .is_none_or(|u| dims.get("Units") == Some(u))
    };
    // "First" in the order of the file: the candidate seen on the lowest line.
    let first_line = |dims: &Dimensions| {
        dataset
            .observations
            .iter()
            .filter(|o| o.indicator_id == indicator.id && &o.dimensions == dims)
            .map(|o| o.source.line)
            .min()
            .unwrap_or(usize::MAX)
    };
    all.into_iter()
        .filter(|s| selected(&s.key.dimensions))
        .min_by_key(|s| first_line(&s.key.dimensions))
}
