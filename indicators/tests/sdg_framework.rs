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
    let numbers = frame.column("goal").and_then(|c| c.str()).expect("goal column");
    let titles = frame.column("short_title").and_then(|c| c.str()).expect("short_title column");
    let colours = frame.column("colour").and_then(|c| c.str()).expect("colour column");
    for (row, goal) in GOALS.iter().enumerate() {
        assert_eq!(numbers.get(row), Some(goal.number.to_string().as_str()), "row {row}");
        assert_eq!(titles.get(row), Some(goal.short_title), "goal {}", goal.number);
        assert_eq!(colours.get(row).map(str::to_uppercase), Some(goal.colour.to_string()), "goal {}", goal.number);
    }
}
