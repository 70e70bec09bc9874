//! `qualitative.csv` (optional): the dated statements of qualitative
//! indicators, one row each: a yes/no answer (`value`), what happened in
//! words (`text_value`, `text_value_XX`), or both.

use std::collections::BTreeMap;

use super::catalogue::language_columns;
use super::cell::loose_date_year;
use super::recommendations::Rows;
use super::table::Table;
use crate::model::{Indicator, SourceRef, Statement};
use crate::problem::Problem;
use crate::suggest::{edit_distance, nearest};

/// The words `value` takes, as a problem names them.
const ANSWERS: [&str; 2] = ["yes", "no"];

/// Reads `qualitative.csv`: every problem with its line and column, and the
/// rows without errors as statements, in the file's order. `indicators` is
/// the catalogue: each row names a qualitative indicator of it.
pub fn read_statements(
    table: &Table,
    file: &str,
    indicators: &[Indicator],
    languages: &[String],
) -> (Vec<Statement>, Vec<Problem>) {
    let texts = language_columns(&table.headers, "text_value");
    let mut problems: Vec<Problem> = ["indicator", "date"]
        .into_iter()
        .filter(|name| table.find(&[name]).is_none())
        .map(|name| Problem::missing_column(file, name))
        .collect();
    if table.find(&["value"]).is_none() && texts.is_empty() {
        problems.push(Problem::missing_column(file, "text_value"));
    }
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let default = languages
        .first()
        .filter(|l| texts.iter().any(|(language, _)| language == *l))
        .or_else(|| texts.first().map(|(language, _)| language))
        .cloned()
        .unwrap_or_else(|| "en".to_owned());
    let known: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    let mut rows = Rows::new(table, file);
    let mut statements = Vec::new();
    for row in 0..table.height() {
        rows.row = row;
        if rows.is_blank() {
            continue;
        }
        let before = rows.problems.len();
        let line = table.lines[row];
        let id = rows.text("indicator").to_owned();
        match indicators.iter().find(|i| i.id == id) {
            None => {
                let suggestion = nearest(&id, known.iter().copied(), 1)
                    .first()
                    .filter(|k| edit_distance(&id, k) <= (id.chars().count() / 3).max(2))
                    .map(|k| k.to_string());
                rows.report(
                    Problem::unknown_indicator(file, suggestion),
                    "indicator",
                    &id,
                );
            }
            Some(indicator) if !indicator.is_qualitative() => {
                rows.report(Problem::not_qualitative(file), "indicator", &id);
            }
            Some(_) => {}
        }
        let date = rows.text("date").to_owned();
        let year = loose_date_year(&date);
        if year.is_none() {
            rows.report(Problem::not_a_date(file), "date", &date);
        }
        let answer = match rows.text("value").to_ascii_lowercase().as_str() {
            "" => None,
            "yes" | "ja" | "true" | "y" | "j" => Some(true),
            "no" | "nee" | "false" | "n" => Some(false),
            other => {
                let other = other.to_owned();
                rows.report(Problem::not_one_of(file, &ANSWERS), "value", &other);
                None
            }
        };
        let mut by_language: BTreeMap<String, String> = texts
            .iter()
            .map(|(language, c)| (language.clone(), table.cell(*c, row).trim().to_owned()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        let text = by_language.remove(&default).unwrap_or_default();
        if text.is_empty() && answer.is_none() && rows.text("value").is_empty() {
            let column = if default == "en" {
                "text_value".to_owned()
            } else {
                format!("text_value_{default}")
            };
            rows.report(Problem::no_statement_text(file), &column, "");
        }
        for language in languages.iter().filter(|l| **l != default) {
            if !text.is_empty() && !by_language.contains_key(language) {
                rows.problems.push(
                    Problem::missing_translation(file, language)
                        .at(line, &format!("text_value_{language}"))
                        .with_value(&format!("{id} {date}")),
                );
            }
        }
        let errors = rows.problems[before..].iter().any(Problem::is_error);
        if let (false, Some(year)) = (errors, year) {
            statements.push(Statement {
                indicator_id: id,
                date,
                year,
                answer,
                text,
                language: default.clone(),
                translations: by_language,
                source: SourceRef {
                    file: rows.source.clone(),
                    line,
                },
            });
        }
    }
    problems.append(&mut rows.problems);
    (statements, problems)
}

#[cfg(test)]
mod tests;
