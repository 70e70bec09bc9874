//! `catalogue.csv` (one row per indicator) and `areas.csv` (rights and policy
//! areas): read, checked against the SDG framework and each other.
//!
//! A catalogue is read in named steps: find the columns, then read each row
//! cell by cell ([`RowReader`]), each cell check adding its own problem. A row
//! with any problem is left out, and every problem is reported.

mod areas;
mod columns;

use std::collections::{BTreeMap, HashSet};

pub use areas::{check_area_references, read_areas};

use super::cell::parse_number;
use super::table::{normalise_header, Table};
use crate::model::{
    CountedSeries, DecimalSeparator, Dimensions, Direction, Indicator, Quality, Translation,
    UpdateFrequency, Visibility,
};
use crate::problem::{Problem, YEAR_RANGE};
use crate::sdg;

/// Labels longer than this are rejected: they break pages and charts.
pub const MAX_LABEL_CHARS: usize = 300;

/// The most decimals a catalogue may ask for.
const MAX_DECIMALS: u8 = 6;

const REQUIRED: [&str; 4] = ["id", "unit", "direction", "sdg_targets"];

/// Reads the catalogue table. Rows with errors are left out (and reported).
pub fn read_catalogue(table: &Table, file: &str) -> (Vec<Indicator>, Vec<Problem>) {
    let titles = match find_columns(table, file) {
        Ok(titles) => titles,
        Err(problems) => return (Vec::new(), problems),
    };
    let mut seen = HashSet::new();
    let mut indicators = Vec::new();
    let mut problems = Vec::new();
    for row in 0..table.height() {
        let mut reader = RowReader {
            table,
            file,
            row,
            line: table.lines[row],
            problems: Vec::new(),
        };
        let indicator = reader.indicator(&titles);
        // Checked even when the row is broken: two rows with one id are an
        // error whichever of them is fixed first.
        let id = reader.text("id");
        if !id.is_empty() && !seen.insert(id.to_owned()) {
            reader.problems.push(
                Problem::duplicate_indicator(file)
                    .at(reader.line, "id")
                    .with_value(id),
            );
        }
        if reader.problems.is_empty() {
            indicators.push(indicator);
        }
        problems.append(&mut reader.problems);
    }
    (indicators, problems)
}

/// Checks the required columns are there; returns the title columns.
fn find_columns(table: &Table, file: &str) -> Result<Vec<(String, usize)>, Vec<Problem>> {
    let mut problems: Vec<Problem> = REQUIRED
        .iter()
        .filter(|name| table.find(&[name]).is_none())
        .map(|name| Problem::missing_column(file, name))
        .collect();
    // title_en, title_de ... (a plain `title` is English).
    let titles = language_columns(&table.headers, "title");
    if titles.is_empty() {
        problems.push(Problem::no_title_column(file));
    }
    if problems.is_empty() {
        Ok(titles)
    } else {
        Err(problems)
    }
}

/// Reads the cells of one catalogue row, collecting a problem per bad cell.
struct RowReader<'a> {
    table: &'a Table,
    file: &'a str,
    row: usize,
    line: usize,
    problems: Vec<Problem>,
}

impl<'a> RowReader<'a> {
    /// The trimmed cell of the column `name` (empty when there is no such column).
    fn text(&self, name: &str) -> &'a str {
        self.table
            .find(&[name])
            .map(|c| self.table.cell(c, self.row).trim())
            .unwrap_or("")
    }

    /// Records `problem` at this row, in `column`, echoing `value`.
    fn report(&mut self, problem: Problem, column: &str, value: &str) {
        self.problems
            .push(problem.at(self.line, column).with_value(value));
    }

    fn indicator(&mut self, titles: &[(String, usize)]) -> Indicator {
        let id = self.id();
        let direction = self.direction();
        let decimals = self.decimals();
        let target_value = self.number("target_value");
        let natural_limit = self.number("natural_limit");
        let baseline_year = self.year("baseline_year");
        let target_year = self.year("target_year");
        if target_value.is_some() != target_year.is_some() {
            let cell = self.text("target_year");
            self.report(Problem::half_a_target(self.file), "target_year", cell);
        }
        let visibility = self.visibility();
        let update_frequency = self.update_frequency();
        let decimal_separator = self.decimal_separator();
        let sdg_targets = self.targets();
        let counted_series = self.counted_series();
        let (titles, default_language) = self.titles(titles);
        let default_language = default_language.unwrap_or_else(|| "en".into());
        let (definition, narrative, quality_note, translations) =
            self.long_texts(&default_language);
        let (kind, ohchr_type, proxy) = (self.kind(), self.ohchr_type(), self.proxy());
        let (last_update, next_update) = (
            self.loose_date("last_update"),
            self.loose_date("next_update"),
        );
        Indicator {
            id: id.to_owned(),
            default_language,
            titles,
            unit: self.text("unit").to_owned(),
            direction,
            decimals,
            sdg_targets,
            rights_areas: split_list(self.text("rights_areas")),
            policy_areas: split_list(self.text("policy_areas")),
            baseline_year,
            target_value,
            target_year,
            natural_limit,
            visibility,
            source: self.text("source").to_owned(),
            owner: self.text("owner").to_owned(),
            definition,
            narrative,
            decimal_separator,
            reporting_status: None,
            graph_type: None,
            non_statistical: false,
            progress_options: Vec::new(),
            counted_series,
            update_frequency,
            translations,
            kind,
            ohchr_type,
            quality: Quality {
                proxy,
                note: quality_note,
                // Either spelling of the column.
                licence: [self.text("licence"), self.text("license")]
                    .into_iter()
                    .find(|l| !l.is_empty())
                    .map(str::to_owned),
                last_update,
                next_update,
            },
        }
    }

    /// `definition` and `narrative` in the default language, and in every
    /// other language with a `definition_nl` or `narrative_nl` column (a
    /// plain `definition` is English, as a plain `title` is).
    fn long_texts(
        &self,
        default_language: &str,
    ) -> (String, String, String, BTreeMap<String, Translation>) {
        let mut by_language: BTreeMap<String, Translation> = BTreeMap::new();
        for base in ["definition", "narrative", "quality_note"] {
            for (language, column) in language_columns(&self.table.headers, base) {
                let text = self.table.cell(column, self.row).trim();
                if text.is_empty() {
                    continue;
                }
                let entry = by_language.entry(language).or_default();
                match base {
                    "definition" => entry.definition = text.to_owned(),
                    "narrative" => entry.narrative = text.to_owned(),
                    _ => entry.quality_note = text.to_owned(),
                }
            }
        }
        let default = by_language.remove(default_language).unwrap_or_default();
        (
            default.definition,
            default.narrative,
            default.quality_note,
            by_language,
        )
    }

    /// `progress_series`: the series whose scores make the status, by slug,
    /// separated by `|` (slugs themselves use `;`). Empty: the headline rule.
    fn counted_series(&mut self) -> CountedSeries {
        let text = self.text("progress_series");
        let mut slugs = Vec::new();
        for slug in text.split('|').map(str::trim).filter(|s| !s.is_empty()) {
            match Dimensions::from_slug(slug) {
                // Stored as the data would spell it (sorted pairs), so it
                // compares equal to the series' own slug.
                Ok(dimensions) => slugs.push(dimensions.slug()),
                Err(piece) => {
                    self.report(
                        Problem::bad_series_slug(self.file, &piece),
                        "progress_series",
                        text,
                    );
                }
            }
        }
        if slugs.is_empty() {
            CountedSeries::Headline
        } else {
            CountedSeries::Named { slugs }
        }
    }

    /// Letters, digits, `-`, `_` and `.`: it goes into addresses and files.
    fn id(&mut self) -> &'a str {
        let id = self.text("id");
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid {
            self.report(Problem::bad_id(self.file), "id", id);
        }
        id
    }

    fn direction(&mut self) -> Direction {
        match self.text("direction").to_ascii_lowercase().as_str() {
            "higher" | "positive" | "up" => Direction::Higher,
            "lower" | "negative" | "down" => Direction::Lower,
            other => {
                self.report(Problem::bad_direction(self.file), "direction", other);
                Direction::Higher
            }
        }
    }

    fn decimals(&mut self) -> u8 {
        match self.text("decimals") {
            "" => 1,
            text => match text.parse::<u8>() {
                Ok(d) if d <= MAX_DECIMALS => d,
                _ => {
                    self.report(
                        Problem::bad_decimals(self.file, MAX_DECIMALS),
                        "decimals",
                        text,
                    );
                    1
                }
            },
        }
    }

    /// A number in either decimal style, or nothing for an empty cell.
    fn number(&mut self, name: &str) -> Option<f64> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        let value = parse_number(text, DecimalSeparator::Point)
            .or_else(|| parse_number(text, DecimalSeparator::Comma));
        if value.is_none() {
            self.report(Problem::bad_number(self.file), name, text);
        }
        value
    }

    fn year(&mut self, name: &str) -> Option<i32> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        let (min, max) = YEAR_RANGE;
        let year = text.parse::<i32>().ok().filter(|y| (min..=max).contains(y));
        if year.is_none() {
            self.report(Problem::bad_year(self.file), name, text);
        }
        year
    }

    fn visibility(&mut self) -> Visibility {
        match self.text("visibility").to_ascii_lowercase().as_str() {
            "" | "public" => Visibility::Public,
            "internal" | "private" => Visibility::Internal,
            other => {
                self.report(Problem::bad_visibility(self.file), "visibility", other);
                // Unclear means not public: never publish by mistake.
                Visibility::Internal
            }
        }
    }

    fn update_frequency(&mut self) -> Option<UpdateFrequency> {
        let text = self.text("update_frequency");
        if text.trim().is_empty() {
            return None;
        }
        let parsed = UpdateFrequency::parse(text);
        if parsed.is_none() {
            let text = text.to_owned();
            self.report(
                Problem::bad_update_frequency(self.file),
                "update_frequency",
                &text,
            );
        }
        parsed
    }

    fn decimal_separator(&mut self) -> Option<DecimalSeparator> {
        match self.text("decimal_separator") {
            "" => None,
            "," => Some(DecimalSeparator::Comma),
            "." => Some(DecimalSeparator::Point),
            other => {
                self.report(
                    Problem::bad_decimal_separator(self.file),
                    "decimal_separator",
                    other,
                );
                None
            }
        }
    }

    /// At least one target, each one of the framework's.
    fn targets(&mut self) -> Vec<String> {
        let targets = split_list(self.text("sdg_targets"));
        if targets.is_empty() {
            self.report(Problem::no_target(self.file), "sdg_targets", "");
        }
        let framework = sdg::framework();
        for target in &targets {
            if framework.target(target).is_none() {
                let suggestions = framework
                    .nearest_targets(target, 3)
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                self.report(
                    Problem::unknown_target(self.file, suggestions),
                    "sdg_targets",
                    target,
                );
            }
        }
        targets
    }

    /// The title per language (at least one, none too long) and the default
    /// language: the first title column, left to right, that has text.
    fn titles(
        &mut self,
        columns: &[(String, usize)],
    ) -> (BTreeMap<String, String>, Option<String>) {
        let mut titles = BTreeMap::new();
        let mut first_language = None;
        for (language, column) in columns {
            let text = self.table.cell(*column, self.row).trim();
            let header = &self.table.headers[*column];
            let length = text.chars().count();
            if length > MAX_LABEL_CHARS {
                let problem = Problem::title_too_long(self.file, length, MAX_LABEL_CHARS);
                self.report(problem, header, text);
            } else if !text.is_empty() {
                first_language.get_or_insert_with(|| language.clone());
                titles.insert(language.clone(), text.to_owned());
            }
        }
        if titles.is_empty() {
            let header = columns
                .first()
                .map(|(_, c)| self.table.headers[*c].as_str())
                .unwrap_or("title");
            self.problems
                .push(Problem::no_title(self.file).at(self.line, header));
        }
        (titles, first_language)
    }
}

/// `a; b;;c` → `[a, b, c]`.
pub fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `(language, column)` of `base_en`, `base_de` ... columns; a plain `base`
/// column is English.
pub(crate) fn language_columns(headers: &[String], base: &str) -> Vec<(String, usize)> {
    let prefix = format!("{base}_");
    headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let h = normalise_header(h);
            if h == base {
                Some(("en".to_owned(), i))
            } else {
                h.strip_prefix(&prefix).map(|lang| (lang.to_owned(), i))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
