//! `areas.csv`: the human-rights and policy areas indicators map to, and the
//! check that every area an indicator names exists under its kind.

use std::collections::BTreeMap;

use super::{language_columns, split_list, MAX_LABEL_CHARS};
use crate::model::{Area, AreaKind, Indicator};
use crate::problem::Problem;
use crate::read::table::Table;
use crate::suggest::nearest;

/// Reads `areas.csv`.
pub fn read_areas(table: &Table, file: &str) -> (Vec<Area>, Vec<Problem>) {
    let missing: Vec<Problem> = ["id", "kind"]
        .iter()
        .filter(|name| table.find(&[name]).is_none())
        .map(|name| Problem::missing_column(file, name))
        .collect();
    if !missing.is_empty() {
        return (Vec::new(), missing);
    }
    let names = language_columns(&table.headers, "name");
    let get = |name: &str, row: usize| {
        table
            .find(&[name])
            .map(|c| table.cell(c, row).trim())
            .unwrap_or("")
    };
    let mut problems = Vec::new();
    let mut out: Vec<Area> = Vec::new();
    for row in 0..table.height() {
        let line = table.lines[row];
        let id = get("id", row);
        let kind = match get("kind", row).to_ascii_lowercase().as_str() {
            "rights" | "right" | "human-rights" => AreaKind::Rights,
            "policy" => AreaKind::Policy,
            other => {
                problems.push(
                    Problem::bad_area_kind(file)
                        .at(line, "kind")
                        .with_value(other),
                );
                continue;
            }
        };
        if id.is_empty() || out.iter().any(|a| a.id == id) {
            problems.push(Problem::bad_area_id(file).at(line, "id").with_value(id));
            continue;
        }
        let mut name_map = BTreeMap::new();
        for (lang, c) in &names {
            let text = table.cell(*c, row).trim();
            let length = text.chars().count();
            if length > MAX_LABEL_CHARS {
                problems.push(
                    Problem::title_too_long(file, length, MAX_LABEL_CHARS)
                        .at(line, &table.headers[*c])
                        .with_value(text),
                );
            } else if !text.is_empty() {
                name_map.insert(lang.clone(), text.to_owned());
            }
        }
        out.push(Area {
            id: id.to_owned(),
            kind,
            names: name_map,
            instrument: get("instrument", row).to_owned(),
            article: get("article", row).to_owned(),
            rights_holders: split_list(get("rights_holders", row)),
        });
    }
    (out, problems)
}

/// Every rights or policy area an indicator names must exist, with the right
/// kind. `lines` gives each indicator's catalogue line.
pub fn check_area_references(
    indicators: &[Indicator],
    areas: &[Area],
    file: &str,
    lines: &BTreeMap<String, usize>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for indicator in indicators {
        for kind in AreaKind::ALL.iter().copied() {
            let of_kind = || areas.iter().filter(move |a| a.kind == kind);
            for id in indicator.areas(kind) {
                if of_kind().any(|a| &a.id == id) {
                    continue;
                }
                let suggestion = nearest(id, of_kind().map(|a| a.id.as_str()), 1)
                    .first()
                    .map(|s| s.to_string());
                let mut p = Problem::unknown_area(file, kind, suggestion)
                    .in_column(area_column(kind))
                    .with_value(id);
                if let Some(line) = lines.get(&indicator.id) {
                    p = p.at_line(*line);
                }
                problems.push(p);
            }
        }
    }
    problems
}

/// The catalogue column that lists the areas of `kind`.
pub fn area_column(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Rights => "rights_areas",
        AreaKind::Policy => "policy_areas",
    }
}
