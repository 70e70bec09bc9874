//! The bulk path: a table's cells checked a whole column at a time. A row is clean when every cell reads plainly (an id the
//! catalogue knows, a period, a number or an empty cell, dimension labels
//! that need no trimming or translation, no flag, no unit the catalogue
//! contradicts) and its key is not repeated; every other row is handed to
//! the row-by-row path, which knows how to explain it.
//!
//! Periods and dimension sets have few distinct values: each distinct value
//! is read once and the rows point at it, so `2014/2015` and
//! `district=Nord` are parsed once per file, not once per row.

use std::collections::{HashMap, HashSet};

use polars::prelude::*;

use super::super::table::Table;
use super::{Context, Roles, Shape};
use crate::frame::{columns as c, ObservationFrame};
use crate::model::DecimalSeparator;
use columns::{dimension_texts, number, period_columns};
use keys::{bad_flags, distinct_failures, repeated_keys};

mod columns;
mod keys;

const ID: &str = "__id";
const VALUE_RAW: &str = "__value_raw";
const PROGRESS_RAW: &str = "__progress_raw";
const FLAG_RAW: &str = "__flag_raw";
const UNIT_RAW: &str = "__unit_raw";
const LINE: &str = "__line";
const ROW: &str = "__row";
const YEAR: &str = "__year";
const LABEL: &str = "__label";

fn dim(k: usize) -> String {
    format!("__d{k}")
}

/// The outcome of the bulk checks.
pub(super) struct Checked {
    /// The clean rows' observations; cells with no value keep a null value
    /// (they still count as keys when the rows read one by one are compared).
    pub clean: ObservationFrame,
    /// Rows (ascending) to read one by one.
    pub dirty_rows: Vec<usize>,
    /// The clean rows' warnings (a flagged value), in row order.
    pub problems: Vec<crate::problem::Problem>,
}

/// Runs the bulk checks; `None` when they cannot tell (the caller then reads
/// every row one by one).
///
/// Everything here is eager and column by column: the table's columns come
/// from the CSV reader in hundreds of chunks, and a lazy query over them
/// copied every text column into one chunk (1 GB for 10M rows) before
/// evaluating the first expression.
pub(super) fn check(
    table: &Table,
    file: &str,
    roles: &Roles,
    decimal: DecimalSeparator,
    ctx: Context<'_>,
) -> Option<Checked> {
    // Two dimension columns with one name can make one series of two
    // different rows; only the row path sorts that out.
    let mut names = roles.dimension_names.clone();
    names.sort();
    names.dedup();
    if names.len() != roles.dimension_names.len() {
        return None;
    }
    cells(table, roles, decimal, ctx)
        .and_then(|cells| {
            // The plain-cell checks and the repeated keys read the same
            // columns and nothing of each other's: one on each core.
            let (clean, repeated) = std::thread::scope(|scope| {
                let repeated = scope.spawn(|| repeated_keys(&cells, roles.dimensions.len()));
                let clean = classify(&cells, table, roles, decimal, ctx);
                let repeated = repeated
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (clean, repeated)
            });
            let mut clean = clean?;
            for (clean, repeated) in clean.iter_mut().zip(&repeated?) {
                *clean &= !repeated;
            }
            split(
                cells,
                clean,
                file,
                roles,
                roles.value.map(|v| table.headers[v].as_str()),
            )
        })
        .ok()
}

/// A table column under a working name, nulls read as empty cells (a column
/// without any is shared, not copied).
fn text(table: &Table, column: usize, name: &str) -> Column {
    filled(&table.columns[column])
        .with_name(name.into())
        .into_column()
}

fn filled(cells: &StringChunked) -> StringChunked {
    if cells.null_count() == 0 {
        cells.clone()
    } else {
        cells
            .iter()
            .map(|cell| Some(cell.unwrap_or_default()))
            .collect()
    }
}

/// Step 1: one row per value cell, with the columns its checks need: the
/// id, the dimension cells, the row's flag, unit and progress, its line and
/// row, and the value cell as written and as a number.
fn cells(
    table: &Table,
    roles: &Roles,
    decimal: DecimalSeparator,
    ctx: Context<'_>,
) -> PolarsResult<DataFrame> {
    let height = table.height();
    let mut base: Vec<Column> = Vec::new();
    match (roles.indicator, ctx.file_indicator) {
        (Some(column), _) => base.push(text(table, column, ID)),
        (None, Some(id)) => base.push(Column::new_scalar(
            ID.into(),
            Scalar::from(PlSmallStr::from(id)),
            height,
        )),
        (None, None) => return Err(PolarsError::NoData("no indicator column".into())),
    }
    for (k, &column) in roles.dimensions.iter().enumerate() {
        base.push(text(table, column, &dim(k)));
    }
    for (role, name) in [
        (roles.progress, PROGRESS_RAW),
        (roles.flag, FLAG_RAW),
        (roles.unit, UNIT_RAW),
    ] {
        if let Some(column) = role {
            base.push(text(table, column, name));
        }
    }
    if let Some(column) = roles.progress {
        base.push(number(&table.columns[column], decimal, c::PROGRESS)?);
    }
    base.push(Column::new(
        LINE.into(),
        table.lines.iter().map(|&l| l as u64).collect::<Vec<_>>(),
    ));
    base.push(Column::new(
        ROW.into(),
        (0..height as u32).collect::<Vec<_>>(),
    ));
    let value_cells = |column: usize| -> PolarsResult<[Column; 2]> {
        Ok([
            text(table, column, VALUE_RAW),
            number(&table.columns[column], decimal, c::VALUE)?,
        ])
    };
    match roles.shape {
        Shape::Long => {
            let (Some(period), Some(value)) = (roles.period, roles.value) else {
                return Err(PolarsError::NoData("no period or value column".into()));
            };
            // The two longest steps, one on each core.
            let (values, (year, label)) = std::thread::scope(|scope| {
                let periods = scope.spawn(|| period_columns(&table.columns[period]));
                let values = value_cells(value);
                let periods = periods
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (values, periods)
            });
            base.extend(values?);
            base.extend([year, label]);
            DataFrame::new(height, base)
        }
        Shape::Wide => {
            // Column by column; a row's cells are put back in column order
            // when the file's observations are listed.
            let mut out: Option<DataFrame> = None;
            for (column, period) in &roles.wide_periods {
                let mut part = base.clone();
                part.extend(value_cells(*column)?);
                part.push(Column::new(YEAR.into(), vec![period.year; height]));
                part.push(Column::new(
                    LABEL.into(),
                    vec![period.label.as_str(); height],
                ));
                let part = DataFrame::new(height, part)?;
                match out.as_mut() {
                    None => out = Some(part),
                    Some(frame) => {
                        frame.vstack_mut_owned(part)?;
                    }
                }
            }
            out.ok_or_else(|| PolarsError::NoData("no period columns".into()))
        }
    }
}

/// Narrows `ok` to the rows where `cells` holds.
fn require(ok: &mut [bool], cells: impl Iterator<Item = bool>) {
    for (ok, cell) in ok.iter_mut().zip(cells) {
        *ok &= cell;
    }
}

fn texts<'a>(cells: &'a DataFrame, name: &str) -> PolarsResult<&'a StringChunked> {
    cells.column(name)?.str()
}

/// Step 2: which cells read plainly, one pass over the rows per check.
fn classify(
    cells: &DataFrame,
    table: &Table,
    roles: &Roles,
    decimal: DecimalSeparator,
    ctx: Context<'_>,
) -> PolarsResult<Vec<bool>> {
    let mut ok = vec![true; cells.height()];
    require(
        &mut ok,
        cells.column(YEAR)?.i32()?.iter().map(|y| y.is_some()),
    );
    // Ids and labels have few distinct values: each is judged once, and
    // only the (usually no) failing ones are looked for in the rows.
    let (bad_ids, bad_labels) = distinct_failures(table, roles, decimal, ctx)?;
    let absent = |ok: &mut [bool], name: &str, bad: &[String]| -> PolarsResult<()> {
        if !bad.is_empty() {
            let bad: HashSet<&str> = bad.iter().map(String::as_str).collect();
            let cells = texts(cells, name)?;
            require(
                ok,
                cells.iter().map(|v| !bad.contains(v.unwrap_or_default())),
            );
        }
        Ok(())
    };
    absent(&mut ok, ID, &bad_ids)?;
    for (k, bad) in bad_labels.iter().enumerate() {
        absent(&mut ok, &dim(k), bad)?;
    }
    let read = |ok: &mut [bool], raw: &str, number: &str| -> PolarsResult<()> {
        let (raw, number) = (texts(cells, raw)?, cells.column(number)?.f64()?);
        require(
            ok,
            raw.iter()
                .zip(number.iter())
                .map(|(raw, number)| number.is_some() || raw.is_none_or(str::is_empty)),
        );
        Ok(())
    };
    read(&mut ok, VALUE_RAW, c::VALUE)?;
    if roles.progress.is_some() {
        read(&mut ok, PROGRESS_RAW, c::PROGRESS)?;
    }
    if let Some(column) = roles.flag {
        // A long table's plain flags are read here; in a wide table a flag
        // is about every period cell of its row, and the row path words it.
        match roles.shape {
            Shape::Long => absent(&mut ok, FLAG_RAW, &bad_flags(table, column))?,
            Shape::Wide => require(
                &mut ok,
                texts(cells, FLAG_RAW)?
                    .iter()
                    .map(|f| f.is_none_or(str::is_empty)),
            ),
        }
    }
    if roles.unit.is_some() {
        // A unit is plain when empty or the catalogue's own.
        let units: HashMap<&str, &str> = ctx
            .catalogue
            .unwrap_or_default()
            .iter()
            .map(|i| (i.id.as_str(), i.unit.trim()))
            .collect();
        let (ids, unit) = (texts(cells, ID)?, texts(cells, UNIT_RAW)?);
        require(
            &mut ok,
            ids.iter().zip(unit.iter()).map(|(id, unit)| {
                let unit = unit.unwrap_or_default();
                unit.is_empty() || units.get(id.unwrap_or_default()) == Some(&unit)
            }),
        );
    }
    Ok(ok)
}

/// Step 3: the clean rows (plain and not repeated) as observations, and
/// the rows to read one by one.
fn split(
    cells: DataFrame,
    mut clean: Vec<bool>,
    file: &str,
    roles: &Roles,
    value_header: Option<&str>,
) -> PolarsResult<Checked> {
    // In a wide row, one failing cell sends the whole row.
    let rows = cells.column(ROW)?.u32()?;
    let mut dirty: Vec<usize> = rows
        .iter()
        .zip(&clean)
        .filter(|(_, clean)| !**clean)
        .filter_map(|(row, _)| row.map(|r| r as usize))
        .collect();
    dirty.sort_unstable();
    dirty.dedup();
    if roles.shape == Shape::Wide && !dirty.is_empty() {
        let mut bad = vec![false; rows.len()];
        for &row in &dirty {
            bad[row] = true;
        }
        for (clean, row) in clean.iter_mut().zip(rows.iter()) {
            *clean &= !row.is_some_and(|r| bad[r as usize]);
        }
    }
    let cells = if dirty.is_empty() {
        cells
    } else {
        cells.filter(&clean.into_iter().collect::<BooleanChunked>())?
    };
    let height = cells.height();
    let scalar = |name: &str, text: &str| {
        Column::new_scalar(name.into(), Scalar::from(PlSmallStr::from(text)), height)
    };
    let dimensions = if roles.dimensions.is_empty() {
        scalar(c::DIMENSIONS, "[]")
    } else {
        dimension_texts(&cells, roles)?
    };
    let column = |name: &str, alias: &str| -> PolarsResult<Column> {
        Ok(cells.column(name)?.clone().with_name(alias.into()))
    };
    let frame = DataFrame::new(
        height,
        vec![
            column(ID, c::INDICATOR)?,
            column(YEAR, c::YEAR)?,
            column(LABEL, c::PERIOD)?,
            dimensions,
            column(c::VALUE, c::VALUE)?,
            if roles.flag.is_some() {
                column(FLAG_RAW, c::FLAGS)?
            } else {
                scalar(c::FLAGS, "")
            },
            if roles.progress.is_some() {
                column(c::PROGRESS, c::PROGRESS)?
            } else {
                Column::full_null(c::PROGRESS.into(), height, &DataType::Float64)
            },
            scalar(c::SOURCE_FILE, file),
            column(LINE, c::SOURCE_LINE)?,
            column(VALUE_RAW, VALUE_RAW)?,
        ],
    )?;
    let problems = flagged(&frame, file, value_header)?;
    Ok(Checked {
        clean: ObservationFrame::new(frame)?,
        dirty_rows: dirty,
        problems,
    })
}

/// A warning for each clean value that carries a flag, as the row path
/// words it: at the value's line and column, with the value as written.
fn flagged(
    frame: &DataFrame,
    file: &str,
    value_header: Option<&str>,
) -> PolarsResult<Vec<crate::problem::Problem>> {
    let flags = frame.column(c::FLAGS)?;
    if let Column::Scalar(same) = flags {
        if same
            .scalar()
            .value()
            .extract_str()
            .is_none_or(str::is_empty)
        {
            return Ok(Vec::new());
        }
    }
    // Flagged rows are few: found in one pass over the flags, then their
    // other cells looked up one by one.
    let flagged: Vec<(usize, &str)> = flags
        .str()?
        .iter()
        .enumerate()
        .filter_map(|(row, flag)| flag.filter(|f| !f.is_empty()).map(|f| (row, f)))
        .collect();
    if flagged.is_empty() {
        return Ok(Vec::new());
    }
    let (values, lines) = (
        frame.column(c::VALUE)?.f64()?,
        frame.column(c::SOURCE_LINE)?.u64()?,
    );
    let raw = frame.column(VALUE_RAW)?.str()?;
    let mut out = Vec::new();
    for (row, flag) in flagged {
        let (Some(_), Some(line)) = (values.get(row), lines.get(row)) else {
            continue;
        };
        out.push(
            crate::problem::Problem::flagged_value(file, flag)
                .at(line as usize, value_header.unwrap_or_default())
                .with_value(raw.get(row).unwrap_or_default()),
        );
    }
    Ok(out)
}
