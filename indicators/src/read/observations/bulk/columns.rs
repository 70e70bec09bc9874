//! Table cells as the columns an observation frame keeps: periods as years
//! and labels, value cells as numbers, dimension cells as each series' text.

use polars::prelude::*;

use super::super::super::cell::parse_period;
use super::super::Roles;
use super::{dim, texts, LABEL, YEAR};
use crate::frame::{columns as c, dimensions_json, walk};
use crate::model::{DecimalSeparator, Dimensions, Period};

/// The year and label of each period cell, null where the cell is not a
/// period. Each distinct cell is parsed once (runs of one cell cost a
/// comparison), and where every label is its cell as written (`2014`), the
/// cells themselves are the labels, shared rather than copied.
pub(super) fn period_columns(cells: &StringChunked) -> (Column, Column) {
    let mut parsed: PlHashMap<&str, Option<Period>> = PlHashMap::default();
    let mut years: Vec<Option<i32>> = Vec::with_capacity(cells.len());
    let mut relabelled = false;
    let mut previous: Option<(&str, Option<i32>)> = None;
    for cell in cells.iter() {
        let cell = cell.unwrap_or_default();
        let year = match previous {
            Some((text, year)) if text == cell => year,
            // A plain year (most cells) needs no table: parse_period reads
            // four digits as the year they are, labelled as written.
            _ if cell.len() == 4 && cell.bytes().all(|b| b.is_ascii_digit()) => {
                let year: i32 = cell.bytes().fold(0, |y, b| y * 10 + i32::from(b - b'0'));
                (1900..=2100).contains(&year).then_some(year)
            }
            _ => {
                let period = parsed.entry(cell).or_insert_with(|| parse_period(cell));
                relabelled |= period.as_ref().is_some_and(|p| p.label != cell);
                period.as_ref().map(|p| p.year)
            }
        };
        previous = Some((cell, year));
        years.push(year);
    }
    let label = if relabelled {
        cells
            .iter()
            .map(|cell| {
                parsed
                    .get(cell.unwrap_or_default())
                    .and_then(Option::as_ref)
                    .map(|p| p.label.as_str())
            })
            .collect::<StringChunked>()
    } else {
        cells.clone()
    };
    (
        Column::new(YEAR.into(), years),
        label.with_name(LABEL.into()).into_column(),
    )
}

/// A number cell read in bulk: null where the cell is not a plain, finite
/// number (thousands separators, flags and markers go to the row path). In a
/// decimal-comma file `12,5` reads as 12.5, and a cell with a point
/// (`1.234,5`, or `12.5` where commas are decimal) is not plain.
pub(super) fn number(
    cells: &StringChunked,
    decimal: DecimalSeparator,
    name: &str,
) -> PolarsResult<Column> {
    let text: StringChunked = match decimal {
        DecimalSeparator::Point => cells.clone(),
        DecimalSeparator::Comma => cells
            .iter()
            .map(|cell| {
                cell.map(|cell| {
                    if cell.contains('.') {
                        "not plain".to_owned()
                    } else {
                        cell.replace(',', ".")
                    }
                })
            })
            .collect(),
    };
    let numbers = text.cast(&DataType::Float64)?;
    let numbers = numbers.f64()?;
    let out = if numbers.iter().flatten().all(f64::is_finite) {
        numbers.clone()
    } else {
        numbers
            .iter()
            .map(|v| v.filter(|v| v.is_finite()))
            .collect()
    };
    Ok(out.with_name(name.into()).into_column())
}

/// Each row's series as text: each distinct combination of dimension cells
/// is written once, and the rows point at it (as a join would), so 10M rows
/// of a few thousand series hold a few thousand texts. Each dimension
/// column is coded by its string views first ([`walk`]), and a row's series
/// is one integer of those codes.
pub(super) fn dimension_texts(cells: &DataFrame, roles: &Roles) -> PolarsResult<Column> {
    let columns: Vec<&StringChunked> = (0..roles.dimensions.len())
        .map(|k| texts(cells, &dim(k)))
        .collect::<PolarsResult<_>>()?;
    let height = cells.height();
    let mut keys: Vec<u64> = vec![0; height];
    let mut radixes: Vec<u64> = Vec::with_capacity(columns.len());
    let mut column_texts: Vec<Vec<&str>> = Vec::with_capacity(columns.len());
    let mut radix: u64 = 1;
    for column in &columns {
        let mut row = 0;
        let texts = walk(column, |code| {
            keys[row] += u64::from(code) * radix;
            row += 1;
        });
        radixes.push(radix);
        let Some(next) = radix.checked_mul(texts.len().max(1) as u64) else {
            // More combinations than 64 bits count: coded by their texts.
            return dimension_texts_by_cells(&columns, height, roles);
        };
        column_texts.push(texts);
        radix = next;
    }
    let mut seen: PlHashMap<u64, IdxSize> = PlHashMap::default();
    let mut distinct: Vec<String> = Vec::new();
    let mut codes: Vec<IdxSize> = Vec::with_capacity(height);
    let mut previous: Option<(u64, IdxSize)> = None;
    for key in keys {
        // Runs of one series cost a comparison; others one lookup of an
        // integer, and only a new series writes its text.
        let code = match previous {
            Some((p, code)) if p == key => code,
            _ => *seen.entry(key).or_insert_with(|| {
                let dims =
                    Dimensions::new(roles.dimension_names.iter().enumerate().map(|(k, name)| {
                        let count = column_texts[k].len().max(1) as u64;
                        let code = (key / radixes[k]) % count;
                        let value = column_texts[k].get(code as usize).copied();
                        (name.as_str(), value.unwrap_or_default())
                    }));
                distinct.push(dimensions_json(&dims));
                (distinct.len() - 1) as IdxSize
            }),
        };
        previous = Some((key, code));
        codes.push(code);
    }
    pointing_at(&distinct, codes)
}

/// Each row's text among `distinct`, the rows sharing the distinct texts.
fn pointing_at(distinct: &[String], codes: Vec<IdxSize>) -> PolarsResult<Column> {
    let distinct: StringChunked = distinct.iter().map(|t| Some(t.as_str())).collect();
    let codes = IdxCa::from_vec("codes".into(), codes);
    Ok(distinct
        .take(&codes)?
        .with_name(c::DIMENSIONS.into())
        .into_column())
}

/// [`dimension_texts`] for combinations too many for one integer: each
/// row's cells looked up together.
fn dimension_texts_by_cells(
    columns: &[&StringChunked],
    height: usize,
    roles: &Roles,
) -> PolarsResult<Column> {
    let mut iters: Vec<_> = columns.iter().map(|c| c.iter()).collect();
    let mut seen: PlHashMap<Vec<&str>, IdxSize> = PlHashMap::default();
    let mut distinct: Vec<String> = Vec::new();
    let mut codes: Vec<IdxSize> = Vec::with_capacity(height);
    let mut key: Vec<&str> = Vec::with_capacity(columns.len());
    let mut previous: Vec<&str> = Vec::with_capacity(columns.len());
    let mut code: IdxSize = 0;
    for row in 0..height {
        key.clear();
        key.extend(
            iters
                .iter_mut()
                .map(|i| i.next().flatten().unwrap_or_default()),
        );
        if row == 0 || key != previous {
            code = match seen.get(key.as_slice()) {
                Some(&code) => code,
                None => {
                    let dims = Dimensions::new(
                        roles
                            .dimension_names
                            .iter()
                            .zip(&key)
                            .map(|(name, value)| (name.as_str(), *value)),
                    );
                    distinct.push(dimensions_json(&dims));
                    let code = (distinct.len() - 1) as IdxSize;
                    seen.insert(key.clone(), code);
                    code
                }
            };
            std::mem::swap(&mut key, &mut previous);
        }
        codes.push(code);
    }
    pointing_at(&distinct, codes)
}
