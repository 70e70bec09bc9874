//! `recommendations.csv` (optional): recommendations the city received
//! (from a UN treaty body, the UPR, its human-rights council or an
//! ombudsperson) and how it follows them up. One row per recommendation,
//! linked to rights areas and, optionally, to catalogue indicators.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::actions::is_web_address;
use super::catalogue::{language_columns, split_list};
use super::cell::is_iso_date;
use super::table::Table;
use crate::model::{
    Area, AreaKind, FollowUpStatus, Indicator, Recommendation, RecommendationSource,
    RecommendationText, SourceRef,
};
use crate::problem::Problem;
use crate::suggest::{edit_distance, nearest};

/// The columns every `recommendations.csv` must have (the text column may be
/// `text` or `text_XX`).
const REQUIRED: [&str; 6] = ["id", "source", "date", "text", "rights_areas", "status"];

/// Reads `recommendations.csv`: every problem with its line and column, and
/// the rows without errors as recommendations. `areas` are the dataset's
/// areas (links name rights areas), `indicators` the catalogue, `languages`
/// the dataset's languages (the first is the default; a text missing in
/// another is a `missing-translation` warning).
pub fn read_recommendations(
    table: &Table,
    file: &str,
    indicators: &[Indicator],
    areas: &[Area],
    languages: &[String],
) -> (Vec<Recommendation>, Vec<Problem>) {
    let texts = language_columns(&table.headers, "text");
    let responses = language_columns(&table.headers, "response");
    let problems: Vec<Problem> = REQUIRED
        .iter()
        .filter(|name| match **name {
            "text" => texts.is_empty(),
            name => table.find(&[name]).is_none(),
        })
        .map(|name| Problem::missing_column(file, name))
        .collect();
    if !problems.is_empty() {
        return (Vec::new(), problems);
    }
    // The default language: the dataset's first, when the file has its text
    // column; else the first text column's.
    let default = languages
        .first()
        .filter(|l| texts.iter().any(|(language, _)| language == *l))
        .cloned()
        .unwrap_or_else(|| texts[0].0.clone());
    let rights_areas: Vec<&str> = areas
        .iter()
        .filter(|a| a.kind == AreaKind::Rights)
        .map(|a| a.id.as_str())
        .collect();
    let known: Vec<&str> = indicators.iter().map(|i| i.id.as_str()).collect();
    let mut rows = Rows::new(table, file);
    let mut first_lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut recommendations = Vec::new();
    for row in 0..table.height() {
        rows.row = row;
        if rows.is_blank() {
            continue;
        }
        let before = rows.problems.len();
        let line = table.lines[row];
        let id = rows.text("id").to_owned();
        if !is_id(&id) {
            rows.report(Problem::bad_id(file), "id", &id);
        } else if let Some(first) = first_lines.get(&id) {
            rows.report(Problem::duplicate_recommendation(file, *first), "id", &id);
        } else {
            first_lines.insert(id.clone(), line);
        }
        let source_kind = rows.word::<RecommendationSource>("source", RecommendationSource::NAMES);
        let status = rows.word::<FollowUpStatus>("status", FollowUpStatus::NAMES);
        let date = rows.text("date").to_owned();
        if !is_iso_date(&date) {
            rows.report(Problem::not_a_day(file), "date", &date);
        }
        let status_date = rows.day("status_date");
        if let Some(status_date) = &status_date {
            // ISO days compare as text.
            if is_iso_date(&date) && status_date.as_str() < date.as_str() {
                rows.report(
                    Problem::status_before_date(file, &date),
                    "status_date",
                    status_date,
                );
            }
        }
        let due_date = rows.day("due_date");
        let link = rows.optional("link");
        if let Some(link) = &link {
            if !is_web_address(link) {
                rows.report(Problem::not_a_link(file), "link", link);
            }
        }
        let by_language = |columns: &[(String, usize)]| -> BTreeMap<String, String> {
            columns
                .iter()
                .map(|(language, c)| (language.clone(), table.cell(*c, row).trim().to_owned()))
                .filter(|(_, text)| !text.is_empty())
                .collect()
        };
        let (mut text_in, mut response_in) = (by_language(&texts), by_language(&responses));
        let text = text_in.remove(&default).unwrap_or_default();
        let response = response_in.remove(&default).unwrap_or_default();
        if text.is_empty() {
            rows.report(
                Problem::no_recommendation_text(file),
                &column_of("text", &default),
                "",
            );
        }
        let linked_areas = split_list(rows.text("rights_areas"));
        if linked_areas.is_empty() {
            rows.report(Problem::no_recommendation_area(file), "rights_areas", "");
        }
        for area in linked_areas
            .iter()
            .filter(|a| !rights_areas.contains(&a.as_str()))
        {
            let suggestion = close_to(area, &rights_areas);
            rows.report(
                Problem::unknown_area(file, AreaKind::Rights, suggestion),
                "rights_areas",
                area,
            );
        }
        let linked = split_list(rows.text("indicators"));
        for id in linked.iter().filter(|id| !known.contains(&id.as_str())) {
            let suggestion = close_to(id, &known);
            rows.report(
                Problem::unknown_indicator(file, suggestion),
                "indicators",
                id,
            );
        }
        for language in languages.iter().filter(|l| **l != default) {
            for (base, present, translated) in [
                ("text", !text.is_empty(), text_in.contains_key(language)),
                (
                    "response",
                    !response.is_empty(),
                    response_in.contains_key(language),
                ),
            ] {
                if present && !translated {
                    rows.problems.push(
                        Problem::missing_translation(file, language)
                            .at(line, &column_of(base, language))
                            .with_value(&id),
                    );
                }
            }
        }
        let mut translations: BTreeMap<String, RecommendationText> = BTreeMap::new();
        for (language, text) in text_in {
            translations.entry(language).or_default().text = text;
        }
        for (language, response) in response_in {
            translations.entry(language).or_default().response = response;
        }
        let errors = rows.problems[before..].iter().any(Problem::is_error);
        if let (false, Some(source_kind), Some(status)) = (errors, source_kind, status) {
            recommendations.push(Recommendation {
                id,
                source_kind,
                source_name: rows.text("source_name").to_owned(),
                date,
                text,
                response,
                language: default.clone(),
                translations,
                rights_areas: linked_areas,
                indicators: linked,
                status,
                status_date,
                due_date,
                link,
                source: SourceRef {
                    file: rows.source.clone(),
                    line,
                },
            });
        }
    }
    let mut problems = problems;
    problems.append(&mut rows.problems);
    (recommendations, problems)
}

/// An id an address can carry: letters, digits, `-`, `_` and `.`.
pub(super) fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The nearest of `known` to `word`, when it is near enough to be a typo
/// (as for actions' indicator links).
fn close_to(word: &str, known: &[&str]) -> Option<String> {
    nearest(word, known.iter().copied(), 1)
        .first()
        .filter(|k| edit_distance(word, k) <= (word.chars().count() / 3).max(2))
        .map(|k| k.to_string())
}

/// The column `base` in `language` as a file would head it (plain `base`
/// is English).
fn column_of(base: &str, language: &str) -> String {
    if language == "en" {
        base.to_owned()
    } else {
        format!("{base}_{language}")
    }
}

/// One row's cells at a time, and the problems found in them.
pub(super) struct Rows<'a> {
    table: &'a Table,
    file: &'a str,
    pub(super) problems: Vec<Problem>,
    pub(super) row: usize,
    pub(super) source: Arc<str>,
}

impl<'a> Rows<'a> {
    pub(super) fn new(table: &'a Table, file: &'a str) -> Self {
        Rows {
            table,
            file,
            problems: Vec::new(),
            row: 0,
            source: Arc::from(file),
        }
    }

    /// A blank row, as spreadsheets leave them.
    pub(super) fn is_blank(&self) -> bool {
        (0..self.table.headers.len()).all(|c| self.table.cell(c, self.row).trim().is_empty())
    }

    /// The trimmed cell of column `name` (empty without the column).
    pub(super) fn text(&self, name: &str) -> &'a str {
        self.table
            .find(&[name])
            .map_or("", |c| self.table.cell(c, self.row).trim())
    }

    /// The cell of column `name`, `None` when empty or absent.
    pub(super) fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name))
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    }

    /// An optional day (`yyyy-mm-dd`), reported when malformed.
    fn day(&mut self, name: &str) -> Option<String> {
        let day = self.optional(name)?;
        if is_iso_date(&day) {
            Some(day)
        } else {
            self.report(Problem::not_a_day(self.file), name, &day);
            None
        }
    }

    /// A cell that takes one of a few words (`allowed`, case-insensitive),
    /// reported when it is none of them.
    pub(super) fn word<T: std::str::FromStr>(&mut self, name: &str, allowed: &[&str]) -> Option<T> {
        // `In progress` and `in_progress` mean `in-progress`.
        let text = self
            .text(name)
            .to_ascii_lowercase()
            .replace([' ', '_'], "-");
        let parsed = text.parse::<T>().ok();
        if parsed.is_none() {
            self.report(Problem::not_one_of(self.file, allowed), name, &text);
        }
        parsed
    }

    /// A problem at this row, in column `name` (as the file heads it).
    pub(super) fn report(&mut self, problem: Problem, name: &str, value: &str) {
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

#[cfg(test)]
mod tests;
