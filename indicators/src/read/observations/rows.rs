//! The row-by-row path: every cell of the given rows read one at a time,
//! with the exact problem, line and column for each one that fails. Only rows
//! that failed the bulk checks come here.

use std::collections::{BTreeSet, HashMap};

use super::super::catalogue::MAX_LABEL_CHARS;
use super::super::cell::{is_missing, parse_period, parse_value, ValueCell};
use super::super::table::Table;
use super::{translate, Context, Roles, Shape};
use crate::model::{DecimalSeparator, Dimensions, Observation, Period, SourceRef};
use crate::problem::{ObservationKey, Problem};
use crate::suggest::nearest;

/// What the rows held.
#[derive(Debug, Default)]
pub(super) struct RowsRead {
    pub observations: Vec<Observation>,
    pub problems: Vec<Problem>,
    /// Every (indicator, year, series) met, with or without a value.
    pub keys: Vec<(String, i32, Dimensions)>,
}

/// Reads `rows` (ascending) of `table` one by one.
pub(super) fn read_rows(
    table: &Table,
    file: &str,
    roles: &Roles,
    detected: DecimalSeparator,
    ctx: Context<'_>,
    rows: &[usize],
    untranslated: &mut BTreeSet<String>,
) -> RowsRead {
    let mut problems = Vec::new();
    let indicator_col = roles.indicator;
    let period_col = roles.period;
    let value_col = roles.value;
    let flag_col = roles.flag;
    let unit_col = roles.unit;
    let progress_col = roles.progress;
    let shape = roles.shape;
    let wide_periods = &roles.wide_periods;
    let dimension_cols = &roles.dimensions;
    let dimension_names = &roles.dimension_names;
    let mut observations = Vec::new();
    let mut keys = Vec::new();
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

    for &row in rows {
        let line = table.lines[row];
        let id = indicator_col
            .map(|c| super::super::cell::clean(table.cell(c, row)).to_owned())
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
                    && row > 0
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
                    let value = super::super::cell::clean(raw);
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
            let unit = super::super::cell::clean(table.cell(c, row));
            if !unit.is_empty() && !unit.eq_ignore_ascii_case(indicator.unit.trim()) {
                problems.push(
                    Problem::unit_differs_from_catalogue(file, &indicator.unit)
                        .at(line, &table.headers[c])
                        .with_value(unit),
                );
                continue;
            }
        } else if let Some(c) = unit_col {
            let unit = super::super::cell::clean(table.cell(c, row)).to_owned();
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
            .map(|c| super::super::cell::clean(table.cell(c, row)).to_owned())
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
                for (c, period) in wide_periods.iter() {
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
            keys.push((id.clone(), period.year, dims.clone()));
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
    RowsRead {
        observations,
        problems,
        keys,
    }
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
