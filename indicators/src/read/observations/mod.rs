//! Observation files, long or wide: which column is what, then every cell
//! checked with a problem a person can act on.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::catalogue::MAX_LABEL_CHARS;
use super::cell::{detect_decimal_separator, is_missing, parse_period, parse_value, ValueCell};
use super::table::{normalise_header, Table};
use super::text::{LineEnding, TextEncoding};
use crate::model::{DecimalSeparator, Dimensions, Indicator, Observation, Period, SourceRef};
use crate::problem::{MissingRole, ObservationKey, Problem};
use crate::suggest::nearest;

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// Reads observations from a loaded table.
pub fn read_observations(table: &Table, file: &str, ctx: Context<'_>) -> ObservationFile {
    let mut problems = Vec::new();
    let mut summary = FileSummary {
        file: file.to_owned(),
        encoding: table.encoding,
        line_ending: table.line_ending,
        delimiter: table.delimiter.map(|d| (d as char).to_string()),
        decimal_separator: None,
        shape: None,
        rows: table.height(),
        observations: 0,
        errors: 0,
        warnings: 0,
    };
    let indicator_col = table.find(INDICATOR);
    let period_col = table.find(PERIOD);
    let value_col = table.find(VALUE);
    let flag_col = table.find(FLAG);
    let unit_col = table.find(UNIT);
    let progress_col = table.find(&["progress"]);
    let wide_periods: Vec<(usize, Period)> = table
        .headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| parse_period(h).map(|p| (i, p)))
        .collect();
    let shape = match (period_col, value_col) {
        (Some(_), Some(_)) => Shape::Long,
        (None, None) if wide_periods.len() >= 2 => Shape::Wide,
        _ => {
            let missing = if period_col.is_none() {
                MissingRole::Year
            } else {
                MissingRole::Value
            };
            problems.push(Problem::no_year_or_value_column(file, missing));
            return finish(summary, Vec::new(), problems);
        }
    };
    summary.shape = Some(shape);
    if indicator_col.is_none() && ctx.file_indicator.is_none() {
        problems.push(Problem::no_indicator_column(file));
        return finish(summary, Vec::new(), problems);
    }
    let role_columns: Vec<usize> = [indicator_col, period_col, value_col, flag_col, unit_col]
        .into_iter()
        .flatten()
        .collect();
    let dimension_cols: Vec<usize> = (0..table.headers.len())
        .filter(|c| !role_columns.contains(c))
        .filter(|c| !wide_periods.iter().any(|(w, _)| w == c) || shape == Shape::Long)
        .filter(|c| !ATTRIBUTES.contains(&normalise_header(&table.headers[*c]).as_str()))
        .filter(|c| {
            !table.headers[*c].trim().is_empty()
                || (0..table.height()).any(|r| !table.cell(*c, r).trim().is_empty())
        })
        .collect();
    let mut untranslated: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let dimension_names: Vec<String> = dimension_cols
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

    // Cells that hold values, as (row, column, period when wide).
    let value_cells: Vec<&str> = match shape {
        Shape::Long => value_col
            .map(|c| (0..table.height()).map(|r| table.cell(c, r)).collect())
            .unwrap_or_default(),
        Shape::Wide => wide_periods
            .iter()
            .flat_map(|(c, _)| (0..table.height()).map(move |r| table.cell(*c, r)))
            .collect(),
    };
    let detected =
        detect_decimal_separator(value_cells.iter().copied(), table.delimiter.unwrap_or(b','));
    summary.decimal_separator = Some(detected);

    let mut observations = Vec::new();
    // Keys by interned id and dimension set: no string clones per row.
    let mut seen: HashMap<(u32, i32, u32), (usize, Option<f64>)> = HashMap::new();
    let mut id_numbers: HashMap<String, u32> = HashMap::new();
    let mut dims_numbers: HashMap<Dimensions, u32> = HashMap::new();
    let file_name: std::sync::Arc<str> = std::sync::Arc::from(file);
    let mut previous_dims: Option<(usize, Dimensions)> = None;
    let mut series_units: HashMap<(String, Dimensions), (String, usize)> = HashMap::new();
    let known_ids: Option<Vec<&str>> = ctx
        .catalogue
        .map(|c| c.iter().map(|i| i.id.as_str()).collect());
    let mut unknown_reported: HashMap<String, usize> = HashMap::new();

    for row in 0..table.height() {
        let line = table.lines[row];
        let id = indicator_col
            .map(|c| super::cell::clean(table.cell(c, row)).to_owned())
            .or_else(|| ctx.file_indicator.map(str::to_owned))
            .unwrap_or_default();
        if id.is_empty() {
            problems.push(
                Problem::empty_indicator_id(file)
                    .at(line, &table.headers[indicator_col.unwrap_or(0)]),
            );
            continue;
        }
        let indicator = ctx.catalogue.and_then(|c| c.iter().find(|i| i.id == id));
        if let Some(known) = &known_ids {
            if indicator.is_none() {
                // One error per unknown id and file is enough to act on.
                let count = unknown_reported.entry(id.clone()).or_insert(0);
                *count += 1;
                if *count == 1 {
                    let suggestion = nearest(&id, known.iter().copied(), 1)
                        .first()
                        .map(|k| k.to_string());
                    let column = indicator_col
                        .map(|c| table.headers[c].clone())
                        .unwrap_or_else(|| "(file name)".into());
                    problems.push(
                        Problem::unknown_indicator(file, suggestion)
                            .at(line, &column)
                            .with_value(&id),
                    );
                }
                continue;
            }
        }
        let decimal = indicator
            .and_then(|i| i.decimal_separator)
            .unwrap_or(detected);

        // Consecutive rows usually belong to the same series: reuse its set.
        let reuse = match &previous_dims {
            Some((previous_row, dims))
                if *previous_row + 1 == row
                    && dimension_cols
                        .iter()
                        .all(|&c| table.cell(c, row) == table.cell(c, row - 1)) =>
            {
                Some(dims.clone())
            }
            _ => None,
        };
        let dims = match reuse {
            Some(dims) => dims,
            None => {
                let mut dims = Vec::with_capacity(dimension_cols.len());
                let mut bad_label = false;
                for (k, &c) in dimension_cols.iter().enumerate() {
                    let raw = table.cell(c, row);
                    let value = super::cell::clean(raw);
                    let value = translate(value, ctx.translations).unwrap_or_else(|key| {
                        if untranslated.insert(key.to_owned()) {
                            problems.push(
                                Problem::unknown_translation(file, key)
                                    .at(line, &table.headers[c])
                                    .with_value(raw),
                            );
                        }
                        key
                    });
                    if value.chars().count() > MAX_LABEL_CHARS {
                        problems.push(
                            Problem::label_too_long(file, value.chars().count(), MAX_LABEL_CHARS)
                                .at(line, &table.headers[c])
                                .with_value(value),
                        );
                        bad_label = true;
                    }
                    dims.push((dimension_names[k].clone(), value.to_owned()));
                }
                if bad_label {
                    continue;
                }
                Dimensions::new(dims)
            }
        };
        previous_dims = Some((row, dims.clone()));

        if let (Some(c), Some(indicator)) = (unit_col, indicator) {
            let unit = super::cell::clean(table.cell(c, row));
            if !unit.is_empty() && !unit.eq_ignore_ascii_case(indicator.unit.trim()) {
                problems.push(
                    Problem::unit_differs_from_catalogue(file, &indicator.unit)
                        .at(line, &table.headers[c])
                        .with_value(unit),
                );
                continue;
            }
        } else if let Some(c) = unit_col {
            let unit = super::cell::clean(table.cell(c, row)).to_owned();
            let key = (id.clone(), dims.clone());
            match series_units.get(&key) {
                Some((first, first_line)) if !unit.is_empty() && *first != unit => {
                    problems.push(
                        Problem::unit_differs_in_series(file, first, *first_line)
                            .at(line, &table.headers[c])
                            .with_value(&unit),
                    );
                    continue;
                }
                None if !unit.is_empty() => {
                    series_units.insert(key, (unit, line));
                }
                _ => {}
            }
        }

        let id_number = match id_numbers.get(id.as_str()) {
            Some(&n) => n,
            None => {
                let n = id_numbers.len() as u32;
                id_numbers.insert(id.clone(), n);
                n
            }
        };
        let dims_number = match dims_numbers.get(&dims) {
            Some(&n) => n,
            None => {
                let n = dims_numbers.len() as u32;
                dims_numbers.insert(dims.clone(), n);
                n
            }
        };
        let flag_cell = flag_col
            .map(|c| super::cell::clean(table.cell(c, row)).to_owned())
            .unwrap_or_default();
        let mut cells: Vec<(Period, &str, String)> = Vec::new();
        match shape {
            Shape::Long => {
                let Some(pc) = period_col else { continue };
                let raw = table.cell(pc, row);
                match parse_period(raw) {
                    Some(period) => cells.push((
                        period,
                        table.cell(value_col.unwrap_or(0), row),
                        table.headers[value_col.unwrap_or(0)].clone(),
                    )),
                    None => {
                        problems.push(
                            Problem::bad_period(file)
                                .at(line, &table.headers[pc])
                                .with_value(raw),
                        );
                        continue;
                    }
                }
            }
            Shape::Wide => {
                for (c, period) in &wide_periods {
                    cells.push((
                        period.clone(),
                        table.cell(*c, row),
                        table.headers[*c].clone(),
                    ));
                }
            }
        }
        for (period, raw, column) in cells {
            let (value, flags) = match parse_value(raw, decimal) {
                ValueCell::Number { value, flags } => (Some(value), join_flags(&flags, &flag_cell)),
                ValueCell::Missing { flags } => (None, join_flags(&flags, &flag_cell)),
                ValueCell::Invalid => {
                    problems.push(
                        Problem::not_a_number(file, decimal)
                            .at(line, &column)
                            .with_value(raw),
                    );
                    continue;
                }
            };
            let key = (id_number, period.year, dims_number);
            if let Some((first_line, first_value)) = seen.get(&key) {
                let key = ObservationKey {
                    indicator: &id,
                    period: &period.label,
                    series: &dims,
                };
                if let Some(problem) =
                    Problem::seen_before_in_file(file, key, *first_line, *first_value, value)
                {
                    problems.push(problem.at(line, &column).with_value(raw));
                }
                continue;
            }
            seen.insert(key, (line, value));
            let Some(value) = value else { continue };
            if !flags.is_empty() {
                problems.push(
                    Problem::flagged_value(file, &flags)
                        .at(line, &column)
                        .with_value(raw),
                );
            }
            let progress =
                progress_col.and_then(|c| match parse_value(table.cell(c, row), decimal) {
                    ValueCell::Number { value, .. } => Some(value),
                    _ => None,
                });
            observations.push(Observation {
                indicator_id: id.clone(),
                period,
                dimensions: dims.clone(),
                value,
                flags,
                progress,
                source: SourceRef {
                    file: file_name.clone(),
                    line,
                },
            });
        }
    }
    finish(summary, observations, problems)
}

fn join_flags(inline: &str, column: &str) -> String {
    match (
        inline.is_empty(),
        column.is_empty() || is_missing(column) && column != "-",
    ) {
        (true, true) => String::new(),
        (false, true) => inline.to_owned(),
        (true, false) => column.to_owned(),
        (false, false) if inline == column => inline.to_owned(),
        (false, false) => format!("{inline} {column}"),
    }
}

fn finish(
    mut summary: FileSummary,
    observations: Vec<Observation>,
    problems: Vec<Problem>,
) -> ObservationFile {
    summary.observations = observations.len();
    summary.errors = problems.iter().filter(|p| p.is_error()).count();
    summary.warnings = problems.len() - summary.errors;
    ObservationFile {
        summary,
        observations,
        problems,
    }
}

#[cfg(test)]
mod tests;
