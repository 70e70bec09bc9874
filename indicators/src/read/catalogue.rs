//! `catalogue.csv` (one row per indicator) and `areas.csv` (rights and policy
//! areas): read, checked against the SDG framework and each other.

use std::collections::{BTreeMap, HashSet};

use super::table::{normalise_header, Table};
use crate::model::{Area, AreaKind, DecimalSeparator, Direction, Indicator, Visibility};
use crate::problem::{Problem, ProblemCode};
use crate::sdg;

/// Labels longer than this are rejected: they break pages and charts.
pub const MAX_LABEL_CHARS: usize = 300;

const REQUIRED: [&str; 4] = ["id", "unit", "direction", "sdg_targets"];

/// Reads the catalogue table. Rows with errors are left out (and reported).
pub fn read_catalogue(table: &Table, file: &str) -> (Vec<Indicator>, Vec<Problem>) {
    let mut problems = Vec::new();
    let column = |name: &str| {
        table
            .headers
            .iter()
            .position(|h| normalise_header(h) == name)
    };
    for name in REQUIRED {
        if column(name).is_none() {
            problems.push(
                Problem::error(
                    ProblemCode::MissingColumn,
                    file,
                    format!("the catalogue has no `{name}` column"),
                    format!("Add a column headed `{name}` (see docs/data-format.md)."),
                )
                .at_line(1),
            );
        }
    }
    // title_en, title_de ... (a plain `title` is English).
    let titles = language_columns(&table.headers, "title");
    if titles.is_empty() {
        problems.push(
            Problem::error(
                ProblemCode::MissingColumn,
                file,
                "the catalogue has no title column",
                "Add a column `title_en` (and `title_XX` for other languages).",
            )
            .at_line(1),
        );
    }
    if problems.iter().any(Problem::is_error) {
        return (Vec::new(), problems);
    }
    let get = |name: &str, row: usize| {
        column(name)
            .map(|c| table.cell(c, row).trim())
            .unwrap_or("")
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in 0..table.height() {
        let line = table.lines[row];
        let mut row_problems = Vec::new();
        let mut bad = |column: &str, value: &str, message: String, hint: &str| {
            row_problems.push(
                Problem::error(ProblemCode::BadCatalogueValue, file, message, hint)
                    .at_line(line)
                    .in_column(column)
                    .with_value(value),
            );
        };
        let id = get("id", row);
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            bad(
                "id",
                id,
                "the id must be letters, digits, `-`, `_` or `.`".into(),
                "Give every indicator a short unique id such as `poverty-rate`.",
            );
        }
        let direction = match get("direction", row).to_ascii_lowercase().as_str() {
            "higher" | "positive" | "up" => Some(Direction::Higher),
            "lower" | "negative" | "down" => Some(Direction::Lower),
            other => {
                bad(
                    "direction",
                    other,
                    "the direction is not `higher` or `lower`".into(),
                    "Write `higher` if a higher value is progress, else `lower`.",
                );
                None
            }
        };
        let decimals = match get("decimals", row) {
            "" => 1,
            text => match text.parse::<u8>() {
                Ok(d) if d <= 6 => d,
                _ => {
                    bad(
                        "decimals",
                        text,
                        "decimals must be a whole number from 0 to 6".into(),
                        "Write how many decimals to show, e.g. 1.",
                    );
                    1
                }
            },
        };
        let mut number = |name: &str| -> Option<f64> {
            let text = get(name, row);
            if text.is_empty() {
                return None;
            }
            let value = super::cell::parse_number(text, DecimalSeparator::Point)
                .or_else(|| super::cell::parse_number(text, DecimalSeparator::Comma));
            if value.is_none() {
                bad(
                    name,
                    text,
                    format!("`{name}` is not a number"),
                    "Write a number such as 25 or 12.5, or leave the cell empty.",
                );
            }
            value
        };
        let target_value = number("target_value");
        let natural_limit = number("natural_limit");
        let mut year = |name: &str| -> Option<i32> {
            let text = get(name, row);
            if text.is_empty() {
                return None;
            }
            let year = text
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y));
            if year.is_none() {
                bad(
                    name,
                    text,
                    format!("`{name}` is not a year"),
                    "Write a four-digit year such as 2030, or leave the cell empty.",
                );
            }
            year
        };
        let baseline_year = year("baseline_year");
        let target_year = year("target_year");
        if target_value.is_some() != target_year.is_some() {
            bad(
                "target_year",
                get("target_year", row),
                "a target needs both a value and a year".into(),
                "Fill in both `target_value` and `target_year`, or neither.",
            );
        }
        let visibility = match get("visibility", row).to_ascii_lowercase().as_str() {
            "" | "public" => Visibility::Public,
            "internal" | "private" => Visibility::Internal,
            other => {
                bad(
                    "visibility",
                    other,
                    "visibility must be `public` or `internal`".into(),
                    "Write `internal` to keep the indicator off public pages, else `public`.",
                );
                Visibility::Internal
            }
        };
        let decimal_separator = match get("decimal_separator", row) {
            "" => None,
            "," => Some(DecimalSeparator::Comma),
            "." => Some(DecimalSeparator::Point),
            other => {
                bad(
                    "decimal_separator",
                    other,
                    "the decimal separator must be `,` or `.`".into(),
                    "Leave it empty to let Local Goals detect it.",
                );
                None
            }
        };
        let targets = split_list(get("sdg_targets", row));
        if targets.is_empty() {
            bad(
                "sdg_targets",
                "",
                "no SDG target given".into(),
                "List at least one target such as `11.1`; separate several with `;`.",
            );
        }
        let framework = sdg::framework();
        for target in &targets {
            if framework.target(target).is_none() {
                let near = framework.nearest_targets(target, 3).join(", ");
                row_problems.push(
                    Problem::error(ProblemCode::UnknownTarget, file, format!("`{target}` is not an SDG target"), format!("Did you mean {near}? Targets are written goal.target, e.g. 11.1 or 5.a."))
                        .at_line(line)
                        .in_column("sdg_targets")
                        .with_value(target),
                );
            }
        }
        let mut title_map = BTreeMap::new();
        for (lang, c) in &titles {
            let text = table.cell(*c, row).trim();
            if text.chars().count() > MAX_LABEL_CHARS {
                row_problems.push(too_long(file, line, &table.headers[*c], text));
            } else if !text.is_empty() {
                title_map.insert(lang.clone(), text.to_string());
            }
        }
        if title_map.is_empty() {
            row_problems.push(
                Problem::error(
                    ProblemCode::BadCatalogueValue,
                    file,
                    "the indicator has no title",
                    "Fill in at least one title column.",
                )
                .at_line(line)
                .in_column(&table.headers[titles[0].1]),
            );
        }
        if !id.is_empty() && !seen.insert(id.to_string()) {
            row_problems.push(
                Problem::error(
                    ProblemCode::DuplicateIndicator,
                    file,
                    format!("the id `{id}` is used twice"),
                    "Give each indicator its own id.",
                )
                .at_line(line)
                .in_column("id")
                .with_value(id),
            );
        }
        let failed = !row_problems.is_empty();
        problems.append(&mut row_problems);
        if failed {
            continue;
        }
        let default_language = titles
            .iter()
            .map(|(l, _)| l.clone())
            .find(|l| title_map.contains_key(l))
            .unwrap_or_else(|| "en".into());
        out.push(Indicator {
            id: id.to_string(),
            titles: title_map,
            default_language,
            unit: get("unit", row).to_string(),
            direction: direction.unwrap_or(Direction::Higher),
            decimals,
            sdg_targets: targets,
            rights_areas: split_list(get("rights_areas", row)),
            policy_areas: split_list(get("policy_areas", row)),
            baseline_year,
            target_value,
            target_year,
            natural_limit,
            visibility,
            source: get("source", row).to_string(),
            owner: get("owner", row).to_string(),
            definition: get("definition", row).to_string(),
            narrative: get("narrative", row).to_string(),
            decimal_separator,
            reporting_status: None,
            graph_type: None,
            non_statistical: false,
            progress_options: Vec::new(),
        });
    }
    (out, problems)
}

fn too_long(file: &str, line: usize, column: &str, text: &str) -> Problem {
    Problem::error(
        ProblemCode::LabelTooLong,
        file,
        format!(
            "the text is {} characters long; the limit is {MAX_LABEL_CHARS}",
            text.chars().count()
        ),
        "Shorten it; put longer explanations in `definition` or `narrative`.",
    )
    .at_line(line)
    .in_column(column)
    .with_value(text)
}

/// `a; b;;c` → `[a, b, c]`.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads `areas.csv`.
pub fn read_areas(table: &Table, file: &str) -> (Vec<Area>, Vec<Problem>) {
    let mut problems = Vec::new();
    let column = |name: &str| {
        table
            .headers
            .iter()
            .position(|h| normalise_header(h) == name)
    };
    for name in ["id", "kind"] {
        if column(name).is_none() {
            problems.push(
                Problem::error(
                    ProblemCode::MissingColumn,
                    file,
                    format!("the areas table has no `{name}` column"),
                    format!("Add a column headed `{name}`."),
                )
                .at_line(1),
            );
        }
    }
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let names = language_columns(&table.headers, "name");
    let get = |name: &str, row: usize| {
        column(name)
            .map(|c| table.cell(c, row).trim())
            .unwrap_or("")
    };
    let mut out: Vec<Area> = Vec::new();
    for row in 0..table.height() {
        let line = table.lines[row];
        let id = get("id", row);
        let kind = match get("kind", row).to_ascii_lowercase().as_str() {
            "rights" | "right" | "human-rights" => AreaKind::Rights,
            "policy" => AreaKind::Policy,
            other => {
                problems.push(Problem::error(ProblemCode::BadCatalogueValue, file, "the kind must be `rights` or `policy`", "Write `rights` for a human-rights area, `policy` for a municipal policy area.").at_line(line).in_column("kind").with_value(other));
                continue;
            }
        };
        if id.is_empty() || out.iter().any(|a| a.id == id) {
            problems.push(
                Problem::error(
                    ProblemCode::BadCatalogueValue,
                    file,
                    "the area id is empty or used twice",
                    "Give each area its own short id such as `adequate-housing`.",
                )
                .at_line(line)
                .in_column("id")
                .with_value(id),
            );
            continue;
        }
        let mut name_map = BTreeMap::new();
        for (lang, c) in &names {
            let text = table.cell(*c, row).trim();
            if text.chars().count() > MAX_LABEL_CHARS {
                problems.push(too_long(file, line, &table.headers[*c], text));
            } else if !text.is_empty() {
                name_map.insert(lang.clone(), text.to_string());
            }
        }
        out.push(Area {
            id: id.to_string(),
            kind,
            names: name_map,
            instrument: get("instrument", row).to_string(),
            article: get("article", row).to_string(),
            rights_holders: split_list(get("rights_holders", row)),
        });
    }
    (out, problems)
}

/// Every rights or policy area an indicator names must exist, with the right kind.
pub fn check_area_references(
    indicators: &[Indicator],
    areas: &[Area],
    file: &str,
    lines: &BTreeMap<String, usize>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for indicator in indicators {
        let line = lines.get(&indicator.id).copied();
        for (column, ids, kind) in [
            ("rights_areas", &indicator.rights_areas, AreaKind::Rights),
            ("policy_areas", &indicator.policy_areas, AreaKind::Policy),
        ] {
            for id in ids {
                if !areas.iter().any(|a| &a.id == id && a.kind == kind) {
                    let mut near: Vec<(usize, &str)> = areas
                        .iter()
                        .filter(|a| a.kind == kind)
                        .map(|a| (sdg::edit_distance(id, &a.id), a.id.as_str()))
                        .collect();
                    near.sort();
                    let suggestion = near
                        .first()
                        .map(|(_, n)| format!("Did you mean `{n}`? "))
                        .unwrap_or_default();
                    let mut p = Problem::error(
                        ProblemCode::UnknownArea,
                        file,
                        format!("`{id}` is not an area of this kind in areas.csv"),
                        format!("{suggestion}Add it to areas.csv or correct the id."),
                    )
                    .in_column(column)
                    .with_value(id);
                    if let Some(line) = line {
                        p = p.at_line(line);
                    }
                    problems.push(p);
                }
            }
        }
    }
    problems
}

/// `(language, column)` of `base_en`, `base_de` ... columns; a plain `base`
/// column is English.
fn language_columns(headers: &[String], base: &str) -> Vec<(String, usize)> {
    let prefix = format!("{base}_");
    headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let h = normalise_header(h);
            if h == base {
                Some(("en".to_string(), i))
            } else {
                h.strip_prefix(&prefix).map(|lang| (lang.to_string(), i))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::table::load_csv;

    const HEADER: &str = "id,title_en,title_de,unit,direction,decimals,sdg_targets,rights_areas,policy_areas,baseline_year,target_value,target_year,natural_limit,visibility\n";

    fn catalogue(rows: &str) -> (Vec<Indicator>, Vec<Problem>) {
        let (table, problems) = load_csv(format!("{HEADER}{rows}").as_bytes(), "catalogue.csv");
        assert!(problems.is_empty(), "{problems:?}");
        read_catalogue(&table, "catalogue.csv")
    }

    #[test]
    fn a_full_row_reads_every_field() {
        let (indicators, problems) = catalogue("rent,Rent burden,Mietbelastung,%,lower,1,11.1;1.4,adequate-housing,housing,2015,25,2030,0,internal\n");
        assert!(problems.is_empty(), "{problems:?}");
        let i = &indicators[0];
        assert_eq!(i.title(), "Rent burden");
        assert_eq!(i.title_in("de"), "Mietbelastung");
        assert_eq!(i.sdg_targets, ["11.1", "1.4"]);
        assert_eq!(i.goals(), [1, 11]);
        assert_eq!(
            (
                i.baseline_year,
                i.target_value,
                i.target_year,
                i.natural_limit
            ),
            (Some(2015), Some(25.0), Some(2030), Some(0.0))
        );
        assert_eq!(i.visibility, Visibility::Internal);
    }

    #[test]
    fn unknown_target_suggests_the_nearest_ones() {
        let (indicators, problems) = catalogue("rent,Rent,,%,lower,1,11.11,,,,,,,\n");
        assert!(indicators.is_empty());
        let p = &problems[0];
        assert_eq!(
            (p.code, p.line, p.column.as_deref(), p.value.as_deref()),
            (
                ProblemCode::UnknownTarget,
                Some(2),
                Some("sdg_targets"),
                Some("11.11")
            )
        );
        assert!(p.hint.contains("11.1"), "{}", p.hint);
    }

    #[test]
    fn bad_cells_are_reported_each_with_line_and_column() {
        let (_, problems) =
            catalogue("a,A,,%,sideways,9,1.2,,,20x,,2030,,secret\na,B,,%,lower,1,1.2,,,,,,,\n");
        let columns: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.column.clone().unwrap_or_default()))
            .collect();
        for expected in [
            "direction",
            "decimals",
            "baseline_year",
            "target_year",
            "visibility",
        ] {
            assert!(
                columns.contains(&(Some(2), expected.to_string())),
                "{expected}: {columns:?}"
            );
        }
        assert!(
            problems
                .iter()
                .any(|p| p.code == ProblemCode::DuplicateIndicator && p.line == Some(3)),
            "two rows with one id, even if the first is broken"
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let (_, problems) = catalogue("a,A,,%,lower,1,1.2,,,,,,,\na,B,,%,lower,1,1.2,,,,,,,\n");
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.code, p.line))
                .collect::<Vec<_>>(),
            [(ProblemCode::DuplicateIndicator, Some(3))]
        );
    }

    #[test]
    fn missing_required_columns_are_named() {
        let (table, _) = load_csv(b"id,title\nx,X\n", "catalogue.csv");
        let (_, problems) = read_catalogue(&table, "catalogue.csv");
        let missing: Vec<_> = problems
            .iter()
            .filter(|p| p.code == ProblemCode::MissingColumn)
            .map(|p| p.message.clone())
            .collect();
        assert_eq!(missing.len(), 3, "{missing:?}");
    }

    #[test]
    fn overlong_titles_are_rejected() {
        let (_, problems) = catalogue(&format!("a,{},,%,lower,1,1.2,,,,,,,\n", "x".repeat(301)));
        assert_eq!(problems[0].code, ProblemCode::LabelTooLong);
    }

    #[test]
    fn areas_read_and_references_are_checked() {
        let (table, _) = load_csv(b"id,kind,name_en,instrument,article,rights_holders\nhousing-right,rights,Right to housing,ICESCR,Art. 11,tenants;homeless people\nhousing,policy,Housing,,,\n", "areas.csv");
        let (areas, problems) = read_areas(&table, "areas.csv");
        assert!(problems.is_empty());
        assert_eq!(areas[0].rights_holders, ["tenants", "homeless people"]);
        let mut indicator = Indicator::new("a", "A", "%", Direction::Lower, &["1.2"]);
        indicator.rights_areas = vec!["housing-rigth".into()];
        indicator.policy_areas = vec!["housing".into()];
        let problems = check_area_references(
            &[indicator],
            &areas,
            "catalogue.csv",
            &BTreeMap::from([("a".to_string(), 2)]),
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].hint.contains("housing-right"),
            "{}",
            problems[0].hint
        );
    }
}
