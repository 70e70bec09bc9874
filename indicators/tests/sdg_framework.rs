//! The SDG tables the app uses (`indicators::sdg`: the goal table, the parsed
//! framework and its lookups) against the UN reference in `tests/fixtures`.
#![cfg(feature = "pipeline")]

mod common;

use std::collections::BTreeMap;

use indicators::sdg::{framework, goal, goal_of_target};
use indicators::GOALS;

/// The reference file's rows, header left out.
fn reference_rows(file: &str) -> Vec<Vec<String>> {
    let path = common::fixture(&format!("sdg-framework/{file}"));
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()));
    reader
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn goal_table_matches_un_reference_titles_and_colours() {
    let rows = reference_rows("goals.csv");
    assert_eq!(rows.len(), GOALS.len());
    for row in &rows {
        let number: u8 = row[0].parse().expect("goal number");
        let ours = goal(number).unwrap_or_else(|| panic!("goal {number} is known"));
        assert_eq!(ours.short_title, row[2], "goal {number}");
        assert_eq!(ours.colour, row[3].to_uppercase(), "goal {number}");
    }
    assert!(goal(0).is_none() && goal(18).is_none());
}

#[test]
fn goal_long_titles_match_un_reference() {
    let theirs: Vec<(u8, String)> = reference_rows("goals.csv")
        .into_iter()
        .map(|r| (r[0].parse().expect("goal number"), r[1].clone()))
        .collect();
    assert_eq!(framework().goal_titles, theirs);
}

#[test]
fn targets_match_un_reference_and_are_found_by_id_and_goal() {
    let framework = framework();
    let mut ours: Vec<Vec<String>> = framework
        .targets
        .iter()
        .map(|t| vec![t.id.clone(), t.goal.to_string(), t.title.clone()])
        .collect();
    let mut theirs = reference_rows("targets.csv");
    assert_eq!(theirs.len(), 169);
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);

    let mut per_goal: BTreeMap<u8, usize> = BTreeMap::new();
    for row in &theirs {
        let (id, goal_number) = (&row[0], row[1].parse::<u8>().expect("goal"));
        *per_goal.entry(goal_number).or_default() += 1;
        let found = framework
            .target(id)
            .unwrap_or_else(|| panic!("target {id} found"));
        assert_eq!(found.title, row[2]);
        assert_eq!(goal_of_target(id), Some(goal_number), "{id}");
    }
    for (goal_number, count) in per_goal {
        assert_eq!(
            framework.targets_of_goal(goal_number).count(),
            count,
            "goal {goal_number}"
        );
    }
    assert!(framework.target("11.11").is_none());
    assert!(framework.nearest_targets("11.11", 3).contains(&"11.1"));
}

#[test]
fn indicators_match_un_reference_including_repeats() {
    let framework = framework();
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
    let mut theirs = reference_rows("indicators.csv");
    ours.sort();
    theirs.sort();
    assert_eq!(ours, theirs);
    // 251 listings; repeated indicators (1.5.1 = 11.5.1 = 13.1.1) carry one
    // code per target, so the 235 distinct UN indicators show as 251 ids.
    assert_eq!(framework.indicators.len(), 251);
}
