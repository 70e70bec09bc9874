//! The project's own SDG goal table must match the UN reference in `../shared`.
#![cfg(feature = "pipeline")]

use std::path::PathBuf;

use indicators::GOALS;
use polars::prelude::*;

fn shared_goals_csv() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/sdg-framework/goals.csv")
}

#[test]
fn goal_table_matches_un_reference_titles_and_colours() {
    let path = shared_goals_csv();
    let frame = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .try_into_reader_with_file_path(Some(path.clone()))
        .and_then(|r| r.finish())
        .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    assert_eq!(frame.height(), GOALS.len());
    let numbers = frame
        .column("goal")
        .and_then(|c| c.str())
        .expect("goal column");
    let titles = frame
        .column("short_title")
        .and_then(|c| c.str())
        .expect("short_title column");
    let colours = frame
        .column("colour")
        .and_then(|c| c.str())
        .expect("colour column");
    for (row, goal) in GOALS.iter().enumerate() {
        assert_eq!(
            numbers.get(row),
            Some(goal.number.to_string().as_str()),
            "row {row}"
        );
        assert_eq!(
            titles.get(row),
            Some(goal.short_title),
            "goal {}",
            goal.number
        );
        assert_eq!(
            colours.get(row).map(str::to_uppercase),
            Some(goal.colour.to_string()),
            "goal {}",
            goal.number
        );
    }
}

fn shared_rows(file: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/sdg-framework")
        .join(file);
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    reader
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn targets_match_un_reference() {
    let framework = indicators::sdg::framework();
    let mut ours: Vec<Vec<String>> = framework
        .targets
        .iter()
        .map(|t| vec![t.id.clone(), t.goal.to_string(), t.title.clone()])
        .collect();
    let mut theirs = shared_rows("targets.csv");
    assert_eq!(theirs.len(), 169);
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);
}

#[test]
fn indicators_match_un_reference_including_repeats() {
    let framework = indicators::sdg::framework();
    let mut ours: Vec<Vec<String>> = framework
        .indicators
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.target.clone(),
                i.goal.to_string(),
                i.title.clone(),
            ]
        })
        .collect();
    let mut theirs = shared_rows("indicators.csv");
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);
    // 251 listings; repeated indicators (1.5.1 = 11.5.1 = 13.1.1) carry one
    // code per target, so the 235 distinct UN indicators show as 251 ids.
    assert_eq!(framework.indicators.len(), 251);
}

#[test]
fn goal_long_titles_match_un_reference() {
    let framework = indicators::sdg::framework();
    let theirs: Vec<(u8, String)> = shared_rows("goals.csv")
        .into_iter()
        .map(|r| (r[0].parse().expect("goal number"), r[1].clone()))
        .collect();
    assert_eq!(framework.goal_titles, theirs);
}
