//! The optional rights files beside the catalogue, each read by its own
//! module and checked against the catalogue: `groups.csv`,
//! `districts.geojson`, `recommendations.csv` and `qualitative.csv`.

use std::path::Path;

use super::{districts, groups, recommendations, statements, table};
use crate::model::{Area, Indicator, Supplements};
use crate::problem::Problem;

pub const GROUPS_FILE: &str = "groups.csv";
pub const DISTRICTS_FILE: &str = "districts.geojson";
pub const RECOMMENDATIONS_FILE: &str = "recommendations.csv";
pub const QUALITATIVE_FILE: &str = "qualitative.csv";

/// Reads whichever of the rights files `dir` has; every problem carries its
/// file and line (or position, for GeoJSON).
pub fn read_supplements(
    dir: &Path,
    indicators: &[Indicator],
    areas: &[Area],
    languages: &[String],
) -> (Supplements, Vec<Problem>) {
    let mut supplements = Supplements::default();
    let mut problems = Vec::new();
    let path = dir.join(GROUPS_FILE);
    if path.is_file() {
        let (table, mut found) = table::load_table(&path, GROUPS_FILE);
        problems.append(&mut found);
        let (groups, mut found) = groups::read_groups(&table, GROUPS_FILE, languages);
        problems.append(&mut found);
        supplements.groups = groups;
    }
    let path = dir.join(DISTRICTS_FILE);
    if path.is_file() {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let (map, mut found) = districts::read_districts(&bytes, DISTRICTS_FILE);
                problems.append(&mut found);
                supplements.districts = map;
            }
            Err(err) => problems.push(Problem::unopenable(DISTRICTS_FILE, err)),
        }
    }
    let path = dir.join(RECOMMENDATIONS_FILE);
    if path.is_file() {
        let (table, mut found) = table::load_table(&path, RECOMMENDATIONS_FILE);
        problems.append(&mut found);
        let (recommendations, mut found) = recommendations::read_recommendations(
            &table,
            RECOMMENDATIONS_FILE,
            indicators,
            areas,
            languages,
        );
        problems.append(&mut found);
        supplements.recommendations = recommendations;
    }
    let path = dir.join(QUALITATIVE_FILE);
    if path.is_file() {
        let (table, mut found) = table::load_table(&path, QUALITATIVE_FILE);
        problems.append(&mut found);
        let (statements, mut found) =
            statements::read_statements(&table, QUALITATIVE_FILE, indicators, languages);
        problems.append(&mut found);
        supplements.statements = statements;
    }
    (supplements, problems)
}
