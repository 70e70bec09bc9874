//! `actions.csv` (optional): what the city does and spends about its
//! indicators. One row per council decision, motion, programme or budget
//! line, linked to one or more catalogue indicators.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::catalogue::{language_columns, split_list};
use super::cell::{detect_decimal_separator, is_iso_date, parse_number};
use super::table::Table;
use crate::model::{Action, ActionKind, Indicator, SourceRef};
use crate::problem::{Problem, YEAR_RANGE};
use crate::suggest::{edit_distance, nearest};

pub const ACTIONS_FILE: &str = "actions.csv";

/// The columns every `actions.csv` must have (a title column may be
/// `title` or `title_XX`).
const REQUIRED: [&str; 4] = ["id", "kind", "title", "indicators"];

/// Reads `actions.csv`: every problem with its line and column, and the rows
/// without errors as actions. `indicators` is the catalogue (links must name
/// its ids); `languages` the dataset's languages, each title missing in one
/// of them a `missing-translation` warning.
pub fn read_actions(
    table: &Table,
    file: &str,
    indicators: &[Indicator],
    languages: &[String],
) -> (Vec<Action>, Vec<Problem>) {
    let titles = language_columns(&table.headers, "title");
    let mut problems: Vec<Problem> = REQUIRED
        .iter()
        .filter(|name| match **name {
            "title" => titles.is_empty(),
            name => table.find(&[name]).is_none(),
        })
        .map(|name| Problem::missing_column(file, name))
        .collect();
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    let column = |name: &str| table.find(&[name]);
    let amounts = column("amount");
    let decimal = detect_decimal_separator(
        (0..table.height()).map(|r| amounts.map_or("", |c| table.cell(c, r))),
        table.delimiter.unwrap_or(b','),
    );
    let mut reader = Rows {
        table,
        problems: Vec::new(),
        row: 0,
        source: Arc::from(file),
    };
    let known: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    let mut first_lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut actions = Vec::new();
    for row in 0..table.height() {
        reader.row = row;
        // A blank row, as spreadsheets leave them.
        if (0..table.headers.len()).all(|c| table.cell(c, row).trim().is_empty()) {
            continue;
        }
        let before = reader.problems.len();
        let line = table.lines[row];
        let id = reader.text("id").to_owned();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            reader.report(Problem::bad_id(file), "id", &id);
        } else if let Some(first) = first_lines.get(&id) {
            reader.report(Problem::duplicate_action(file, *first), "id", &id);
        } else {
            first_lines.insert(id.clone(), line);
        }
        let kind_text = reader.text("kind").to_ascii_lowercase();
        let kind = match kind_text.parse::<ActionKind>() {
            Ok(kind) => Some(kind),
            Err(err) => {
                reader.report(
                    Problem::unknown_action_kind(file, err.allowed),
                    "kind",
                    &kind_text,
                );
                None
            }
        };
        let (title_language, title_column) = &titles[0];
        let title = table.cell(*title_column, row).trim().to_owned();
        if title.is_empty() {
            let header = table.headers[*title_column].trim().to_owned();
            reader.report(Problem::no_action_title(file), &header, "");
        }
        let translations: BTreeMap<String, String> = titles[1..]
            .iter()
            .map(|(language, c)| (language.clone(), table.cell(*c, row).trim().to_owned()))
            .filter(|(_, text)| !text.is_empty())
            .collect();
        let linked = split_list(reader.text("indicators"));
        if linked.is_empty() {
            reader.report(Problem::no_action_indicators(file), "indicators", "");
        }
        for id in &linked {
            if !known.contains(&id.as_str()) {
                let suggestion = nearest(id, known.iter().copied(), 1)
                    .first()
                    .filter(|k| edit_distance(id, k) <= (id.chars().count() / 3).max(2))
                    .map(|k| k.to_string());
                reader.report(
                    Problem::unknown_indicator(file, suggestion),
                    "indicators",
                    id,
                );
            }
        }
        let date = reader.optional("date");
        if let Some(date) = &date {
            if !is_iso_date(date) {
                reader.report(Problem::bad_date(file), "date", date);
            }
        }
        let link = reader.optional("link");
        if let Some(link) = &link {
            if !is_web_address(link) {
                reader.report(Problem::bad_link(file), "link", link);
            }
        }
        let year = reader.optional("year").and_then(|text| {
            let year = text.parse::<i32>().ok().filter(|y| {
                let (min, max) = YEAR_RANGE;
                (min..=max).contains(y)
            });
            if year.is_none() {
                reader.report(Problem::bad_year(file), "year", &text);
            }
            year
        });
        let amount =
            reader
                .optional("amount")
                .and_then(|text| match parse_number(&text, decimal) {
                    None => {
                        reader.report(Problem::bad_amount(file, decimal), "amount", &text);
                        None
                    }
                    Some(amount) if amount < 0.0 => {
                        reader.report(Problem::negative_amount(file), "amount", &text);
                        None
                    }
                    Some(amount) => Some(amount),
                });
        let currency = reader.optional("currency");
        if let Some(currency) = &currency {
            if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
                reader.report(Problem::bad_currency(file), "currency", currency);
            }
        }
        if kind == Some(ActionKind::Budget) {
            // Only the cells left empty: a malformed one is reported above.
            let missing: Vec<&str> = ["year", "amount", "currency"]
                .into_iter()
                .filter(|name| reader.optional(name).is_none())
                .collect();
            if let Some(first) = missing.first() {
                reader.report(Problem::incomplete_budget(file, &missing), first, "");
            }
        }
        for language in languages {
            if language != title_language
                && !title.is_empty()
                && !translations.contains_key(language)
            {
                reader.problems.push(
                    Problem::missing_translation(file, language)
                        .at(line, &format!("title_{language}"))
                        .with_value(&id),
                );
            }
        }
        let errors = reader.problems[before..].iter().any(Problem::is_error);
        if let (false, Some(kind)) = (errors, kind) {
            actions.push(Action {
                id,
                kind,
                title,
                title_language: title_language.clone(),
                indicators: linked,
                date,
                reference: reader.optional("reference"),
                link,
                year,
                amount,
                currency,
                translations,
                source: SourceRef {
                    file: reader.source.clone(),
                    line,
                },
            });
        }
    }
    problems.append(&mut reader.problems);
    (actions, problems)
}

/// One row's cells, and the problems found in them.
struct Rows<'a> {
    table: &'a Table,
    problems: Vec<Problem>,
    row: usize,
    source: Arc<str>,
}

impl Rows<'_> {
    /// The trimmed cell of column `name` (empty without the column).
    fn text(&self, name: &str) -> &str {
        self.table
            .find(&[name])
            .map_or("", |c| self.table.cell(c, self.row).trim())
    }

    /// The cell of column `name`, `None` when empty or absent.
    fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name))
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    }

    /// A problem at this row, in column `name` (as the file heads it).
    fn report(&mut self, problem: Problem, name: &str, value: &str) {
        let header = self
            .table
            .find(&[name])
            .map_or(name.to_owned(), |c| self.table.headers[c].trim().to_owned());
        let mut problem = problem.at(self.table.lines[self.row], &header);
        if !value.is_empty() {
            problem = problem.with_value(value);
        }
        self.problems.push(problem);
    }
}

/// `http://…` or `https://…` with a host and no spaces.
pub(crate) fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !text.contains(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests;
