//! Observation files, long or wide: which column is what, then every cell
//! checked with a problem a person can act on.
//!
//! Cells are checked in bulk first ([`bulk`]: polars expressions over whole
//! columns). Only the rows with a cell that fails there go through the
//! row-by-row path ([`rows`]), which finds the exact problem, line and
//! column; a clean file never takes it.

mod bulk;
mod rows;

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::cell::{detect_decimal_separator, parse_period};
use super::table::{normalise_header, Table};
use super::text::{LineEnding, TextEncoding};
use crate::frame::ObservationFrame;
use crate::model::{DecimalSeparator, Indicator, Observation, Period};
use crate::problem::{MissingRole, Problem};

/// Header names (normalised) that give a column its role. Anything else is a
/// dimension (disaggregation).
const INDICATOR: &[&str] = &[
    "indicator",
    "indicator_id",
    "indikator",
    "indicateur",
    "indicador",
    "indic_ur",
];
const PERIOD: &[&str] = &[
    "year",
    "period",
    "fiscal_year",
    "jaar",
    "jahr",
    "année",
    "annee",
    "periode",
    "time",
    "time_period",
];
const VALUE: &[&str] = &["value", "waarde", "wert", "valeur", "obs_value"];
const FLAG: &[&str] = &[
    "flag",
    "flags",
    "obs_status",
    "obs_flag",
    "flag_and_footnotes",
];
const UNIT: &[&str] = &["unit", "eenheid", "einheit"];
/// Columns that are about a row but do not split a series.
const ATTRIBUTES: &[&str] = &[
    "comment_obs",
    "comment",
    "note",
    "notes",
    "geocode",
    "progress",
];

crate::wire_enum! {
    /// Long (one row per value) or wide (one column per period).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Shape: "table shape" {
        Long = "long",
        Wide = "wide",
    }
}

/// What was learnt about one file while reading it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    pub file: String,
    pub encoding: Option<TextEncoding>,
    pub line_ending: Option<LineEnding>,
    pub delimiter: Option<String>,
    pub decimal_separator: Option<DecimalSeparator>,
    pub shape: Option<Shape>,
    pub rows: usize,
    pub observations: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// One observation file read: what it holds and what is wrong with it.
#[derive(Debug, Clone)]
pub struct ObservationFile {
    pub summary: FileSummary,
    pub observations: Vec<Observation>,
    pub problems: Vec<Problem>,
}

/// One observation file read, its observations kept as columns.
#[derive(Debug, Clone, Default)]
pub struct FrameFile {
    pub summary: FileSummary,
    pub frame: ObservationFrame,
    pub problems: Vec<Problem>,
}

/// What the reader checks ids and units against. With no catalogue (checking a
/// lone file) any id is accepted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub catalogue: Option<&'a [Indicator]>,
    /// The id to use when a file has no indicator column (from its name).
    pub file_indicator: Option<&'a str>,
    /// Open SDG translations: `data.Key` in headers and cells becomes the
    /// display text of `Key`.
    pub translations: Option<&'a HashMap<String, String>>,
}

/// Resolves `data.Key` through the translations; other text is returned as is.
/// `Err(key)` when the key has no translation (the key itself is then used).
fn translate<'t>(
    text: &'t str,
    translations: Option<&'t HashMap<String, String>>,
) -> Result<&'t str, &'t str> {
    match text.strip_prefix("data.") {
        None => Ok(text),
        Some(key) => match translations.and_then(|t| t.get(key)) {
            Some(display) => Ok(display.as_str()),
            None => Err(key),
        },
    }
}

/// Which column plays which role in a table.
#[derive(Debug, Clone)]
struct Roles {
    shape: Shape,
    indicator: Option<usize>,
    period: Option<usize>,
    value: Option<usize>,
    flag: Option<usize>,
    unit: Option<usize>,
    progress: Option<usize>,
    /// Wide tables: the columns whose header is a period.
    wide_periods: Vec<(usize, Period)>,
    dimensions: Vec<usize>,
    /// Display names of `dimensions`, translated.
    dimension_names: Vec<String>,
    /// `data.` keys without a translation, each reported once.
    untranslated: BTreeSet<String>,
}

impl Roles {
    /// Finds each role's column, or the problem that stops the file.
    fn find(table: &Table, file: &str, ctx: Context<'_>) -> Result<Roles, Box<Problem>> {
        let indicator = table.find(INDICATOR);
        let period = table.find(PERIOD);
        let value = table.find(VALUE);
        let wide_periods: Vec<(usize, Period)> = table
            .headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| parse_period(h).map(|p| (i, p)))
            .collect();
        let shape = match (period, value) {
            (Some(_), Some(_)) => Shape::Long,
            (None, None) if wide_periods.len() >= 2 => Shape::Wide,
            _ => {
                let missing = if period.is_none() {
                    MissingRole::Year
                } else {
                    MissingRole::Value
                };
                return Err(Box::new(Problem::no_year_or_value_column(file, missing)));
            }
        };
        if indicator.is_none() && ctx.file_indicator.is_none() {
            return Err(Box::new(Problem::no_indicator_column(file)));
        }
        let (flag, unit) = (table.find(FLAG), table.find(UNIT));
        let role_columns: Vec<usize> = [indicator, period, value, flag, unit]
            .into_iter()
            .flatten()
            .collect();
        let dimensions: Vec<usize> = (0..table.headers.len())
            .filter(|c| !role_columns.contains(c))
            .filter(|c| !wide_periods.iter().any(|(w, _)| w == c) || shape == Shape::Long)
            .filter(|c| !ATTRIBUTES.contains(&normalise_header(&table.headers[*c]).as_str()))
            .filter(|c| {
                !table.headers[*c].trim().is_empty()
                    || (0..table.height()).any(|r| !table.cell(*c, r).trim().is_empty())
            })
            .collect();
        let mut untranslated = BTreeSet::new();
        let dimension_names: Vec<String> = dimensions
            .iter()
            .map(|&c| {
                let h = table.headers[c].trim().trim_matches('"');
                let h = translate(h, ctx.translations).unwrap_or_else(|key| {
                    untranslated.insert(key.to_owned());
                    key
                });
                if h.is_empty() {
                    format!("column {}", c + 1)
                } else {
                    h.to_owned()
                }
            })
            .collect();
        Ok(Roles {
            shape,
            indicator,
            period,
            value,
            flag,
            unit,
            progress: table.find(&["progress"]),
            wide_periods,
            dimensions,
            dimension_names,
            untranslated,
        })
    }

    /// The cells that hold values (long: the value column; wide: every
    /// period column).
    fn value_cells<'t>(&self, table: &'t Table) -> Box<dyn Iterator<Item = &'t str> + 't> {
        match self.shape {
            Shape::Long => match self.value {
                Some(c) => Box::new((0..table.height()).map(move |r| table.cell(c, r))),
                None => Box::new(std::iter::empty()),
            },
            Shape::Wide => {
                let columns: Vec<usize> = self.wide_periods.iter().map(|(c, _)| *c).collect();
                Box::new(
                    columns
                        .into_iter()
                        .flat_map(move |c| (0..table.height()).map(move |r| table.cell(c, r))),
                )
            }
        }
    }
}

/// Reads observations from a loaded table, as the model's list.
pub fn read_observations(table: &Table, file: &str, ctx: Context<'_>) -> ObservationFile {
    let read = read_observation_frame(table, file, ctx);
    let mut observations = read.frame.to_observations().unwrap_or_default();
    // File order: by line, and within a wide row by column.
    observations.sort_by_key(|o| o.source.line);
    ObservationFile {
        summary: read.summary,
        observations,
        problems: read.problems,
    }
}

/// Reads observations from a loaded table, kept as columns: the roles of the
/// columns, the decimal separator, every cell checked in bulk, the rows that
/// failed read one by one for their exact problems, and the two put together.
pub fn read_observation_frame(table: &Table, file: &str, ctx: Context<'_>) -> FrameFile {
    let mut summary = FileSummary {
        file: file.to_owned(),
        encoding: table.encoding,
        line_ending: table.line_ending,
        delimiter: table.delimiter.map(|d| (d as char).to_string()),
        rows: table.height(),
        ..FileSummary::default()
    };
    let roles = match Roles::find(table, file, ctx) {
        Ok(roles) => roles,
        Err(problem) => return finish(summary, ObservationFrame::default(), vec![*problem]),
    };
    summary.shape = Some(roles.shape);
    let decimal =
        detect_decimal_separator(roles.value_cells(table), table.delimiter.unwrap_or(b','));
    summary.decimal_separator = Some(decimal);

    let all_rows = || (0..table.height()).collect::<Vec<usize>>();
    let checked = bulk::check(table, file, &roles, decimal, ctx);
    let (clean, dirty, clean_problems) = match checked {
        Some(checked) => (checked.clean, checked.dirty_rows, checked.problems),
        // Polars could not run the checks (it should not happen): read
        // every row one by one, which is slower but never wrong.
        None => (ObservationFrame::default(), all_rows(), Vec::new()),
    };
    if dirty.is_empty() {
        return finish(summary, clean.without_missing_values(), clean_problems);
    }
    // Every row read in order is always exact: the answer whenever the two
    // paths' results cannot simply be put together.
    let every_row = |summary: FileSummary| {
        let every = rows::read_rows(
            table,
            file,
            &roles,
            decimal,
            ctx,
            &all_rows(),
            &mut roles.untranslated.clone(),
        );
        finish(
            summary,
            ObservationFrame::from_observations(&every.observations),
            every.problems,
        )
    };
    let mut untranslated = roles.untranslated.clone();
    let by_row = rows::read_rows(table, file, &roles, decimal, ctx, &dirty, &mut untranslated);
    if !clean.is_empty() && clean.has_any_key(&by_row.keys).unwrap_or(true) {
        // A row that failed in bulk turned out (once trimmed or translated)
        // to repeat a clean row: reading every row reports it as a person
        // reads the file.
        return every_row(summary);
    }
    let mut frame = clean.without_missing_values();
    let from_rows = ObservationFrame::from_observations(&by_row.observations);
    if frame.append(from_rows).is_err() {
        return every_row(summary);
    }
    // Both lists are in row order; a row is in one or the other.
    let mut problems = clean_problems;
    problems.extend(by_row.problems);
    problems.sort_by_key(|p| p.line);
    finish(summary, frame, problems)
}

fn finish(mut summary: FileSummary, frame: ObservationFrame, problems: Vec<Problem>) -> FrameFile {
    summary.observations = frame.height();
    summary.errors = problems.iter().filter(|p| p.is_error()).count();
    summary.warnings = problems.len() - summary.errors;
    FrameFile {
        summary,
        frame,
        problems,
    }
}

#[cfg(test)]
mod tests;
