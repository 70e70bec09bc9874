//! `groups.csv` (optional): which disaggregation values are rights-holder
//! groups (`sex` = `female` → women), so gaps between each group and the
//! whole city can be computed (`crate::gaps`).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::catalogue::language_columns;
use super::table::Table;
use crate::model::{GroupMapping, SourceRef};
use crate::problem::Problem;

/// Reads `groups.csv`: `dimension,value,group` and `group_XX` for other
/// languages (a plain `group` is English; the first group column is the
/// default language). Every problem has its line, column, value and a fix;
/// rows with an error are left out. Each group name missing in one of the
/// dataset's `languages` is a `missing-translation` warning.
pub fn read_groups(
    table: &Table,
    file: &str,
    languages: &[String],
) -> (Vec<GroupMapping>, Vec<Problem>) {
    let names = language_columns(&table.headers, "group");
    let mut problems: Vec<Problem> = ["dimension", "value", "group"]
        .into_iter()
        .filter(|name| match *name {
            "group" => names.is_empty(),
            name => table.find(&[name]).is_none(),
        })
        .map(|name| Problem::missing_column(file, name))
        .collect();
    let (Some(dimension_column), Some(value_column), Some((language, name_column))) = (
        table.find(&["dimension"]),
        table.find(&["value"]),
        names.first(),
    ) else {
        return (Vec::new(), problems);
    };
    let header = |column: usize| table.headers[column].trim().to_owned();
    let source: Arc<str> = Arc::from(file);
    // The first line of each (dimension in lower case, value): dimensions
    // match series without regard to case, as `Supplements::group_of` does.
    let mut first_lines: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut groups = Vec::new();
    for row in 0..table.height() {
        // A blank row, as spreadsheets leave them.
        if (0..table.headers.len()).all(|c| table.cell(c, row).trim().is_empty()) {
            continue;
        }
        let line = table.lines[row];
        let cell = |column: usize| table.cell(column, row).trim().to_owned();
        let (dimension, value, group) = (
            cell(dimension_column),
            cell(value_column),
            cell(*name_column),
        );
        let before = problems.len();
        if dimension.is_empty() {
            problems.push(Problem::no_group_dimension(file).at(line, &header(dimension_column)));
        }
        if value.is_empty() {
            problems.push(Problem::no_group_value(file).at(line, &header(value_column)));
        }
        if group.is_empty() {
            problems.push(
                Problem::no_group_name(file)
                    .at(line, &header(*name_column))
                    .with_value(&format!("{dimension}={value}")),
            );
        }
        if !dimension.is_empty() && !value.is_empty() {
            let key = (dimension.to_lowercase(), value.clone());
            match first_lines.get(&key) {
                Some(first) => problems.push(
                    Problem::duplicate_group(file, *first)
                        .at(line, &header(value_column))
                        .with_value(&format!("{dimension}={value}")),
                ),
                None => {
                    first_lines.insert(key, line);
                }
            }
        }
        if problems.len() > before {
            continue;
        }
        let translations: BTreeMap<String, String> = names[1..]
            .iter()
            .map(|(language, c)| (language.clone(), cell(*c)))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        for wanted in languages {
            if wanted != language && !translations.contains_key(wanted) {
                problems.push(
                    Problem::missing_translation(file, wanted)
                        .at(line, &format!("group_{wanted}"))
                        .with_value(&format!("{dimension}={value}")),
                );
            }
        }
        groups.push(GroupMapping {
            dimension,
            value,
            group,
            language: language.clone(),
            translations,
            source: SourceRef {
                file: source.clone(),
                line,
            },
        });
    }
    (groups, problems)
}

#[cfg(test)]
mod tests;
