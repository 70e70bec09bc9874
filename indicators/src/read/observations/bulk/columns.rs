//! Table cells as the columns an observation frame keeps: periods as years
//! and labels, value cells as numbers, dimension cells as each series' text.

use polars::prelude::*;

use super::super::super::cell::parse_period;
use super::super::Roles;
use super::{dim, texts, LABEL, YEAR};
use crate::frame::{columns as c, dimensions_json, walk};
use crate::model::{DecimalSeparator, Dimensions, Period};

/// The year and label of each period cell, null where the cell is not a
/// period. Each distinct cell is parsed once (the cells are coded by their
/// string views first, see [`walk`]), and where every label is its cell as
/// written (`2014`), the cells themselves are the labels, shared rather
/// than copied.
pub(super) fn period_columns(cells: &StringChunked) -> (Column, Column) {
    let mut codes: Vec<u32> = Vec::with_capacity(cells.len());
    let distinct = walk(cells, |code| codes.push(code));
    let periods: Vec<Option<Period>> = distinct.iter().map(|cell| parse_period(cell)).collect();
    let years: Vec<Option<i32>> = codes
        .iter()
        .map(|&code| periods[code as usize].as_ref().map(|p| p.year))
        .collect();
    let relabelled = periods
        .iter()
        .zip(&distinct)
        .any(|(period, cell)| period.as_ref().is_some_and(|p| p.label != *cell));
    let label = if relabelled {
        let labels: StringChunked = periods
            .iter()
            .map(|p| p.as_ref().map(|p| p.label.as_str()))
            .collect();
        let codes = IdxCa::from_vec("codes".into(), codes);
        labels.take(&codes).unwrap_or_else(|_| cells.clone())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_years_lost_their_labels_when_another_period_cell_was_trimmed() {
        // Before, a plain year took a shortcut that skipped the labels
        // table, so "2014" lost its label once "2015 " had to be trimmed.
        let cells: StringChunked = [
            Some("2014"),
            Some("2015 "),
            None,
            Some("2014/2015"),
            Some("2014"),
        ]
        .into_iter()
        .collect();
        let (years, labels) = period_columns(&cells);
        let years: Vec<Option<i32>> = years.i32().expect("years").iter().collect();
        let range = parse_period("2014/2015").map(|p| p.year);
        assert_eq!(years, [Some(2014), Some(2015), None, range, Some(2014)]);
        let labels: Vec<Option<&str>> = labels.str().expect("labels").iter().collect();
        assert_eq!(
            labels,
            [
                Some("2014"),
                Some("2015"),
                None,
                Some("2014/2015"),
                Some("2014")
            ]
        );
    }
}
