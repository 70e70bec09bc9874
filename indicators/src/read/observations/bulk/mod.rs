//! The bulk path: a table's cells checked a whole column at a time with polars
//! expressions. A row is clean when every cell reads plainly (an id the
//! catalogue knows, a period, a number or an empty cell, dimension labels
//! that need no trimming or translation, no flag, no unit the catalogue
//! contradicts) and its key is not repeated; every other row is handed to
//! the row-by-row path, which knows how to explain it.
//!
//! Periods and dimension sets have few distinct values: each distinct value
//! is read once in Rust and joined back, so `2014/2015` and `district=Nord`
//! are parsed once per file, not once per row.

use std::collections::HashMap;

use polars::prelude::*;

use super::super::cell::parse_period;
use super::super::table::Table;
use super::{Context, Roles, Shape};
use crate::frame::{columns as c, dimensions_json, ObservationFrame};
use crate::model::{DecimalSeparator, Dimensions, Period};
use keys::{bad_flags, distinct_failures, repeated_keys};

mod keys;

const ID: &str = "__id";
const PERIOD_RAW: &str = "__period_raw";
const VALUE_RAW: &str = "__value_raw";
const PROGRESS_RAW: &str = "__progress_raw";
const FLAG_RAW: &str = "__flag_raw";
const VALUE_NUMBER: &str = "__value_number";
const PROGRESS_NUMBER: &str = "__progress_number";
const UNIT_RAW: &str = "__unit_raw";
const CATALOGUE_UNIT: &str = "__catalogue_unit";
const LINE: &str = "__line";
const ROW: &str = "__row";
const YEAR: &str = "__year";
const LABEL: &str = "__label";
const CLEAN: &str = "__clean";

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
        .and_then(|cells| classify(cells, table, roles, decimal, ctx))
        .and_then(|cells| {
            split(
                cells,
                file,
                roles,
                roles.value.map(|v| table.headers[v].as_str()),
            )
        })
        .ok()
}

fn text(table: &Table, column: usize, name: &str) -> Column {
    table.columns[column]
        .clone()
        .with_name(name.into())
        .into_column()
}

/// Step 1: one row per value cell, with the columns its checks need.
fn cells(
    table: &Table,
    roles: &Roles,
    decimal: DecimalSeparator,
    ctx: Context<'_>,
) -> PolarsResult<LazyFrame> {
    let height = table.height();
    let mut base: Vec<Column> = Vec::new();
    match (roles.indicator, ctx.file_indicator) {
        (Some(column), _) => base.push(text(table, column, ID)),
        (None, Some(id)) => base.push(Column::new(ID.into(), vec![id; height])),
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
        base.push(as_point_decimal(
            &table.columns[column],
            decimal,
            PROGRESS_NUMBER,
        ));
    }
    base.push(Column::new(
        LINE.into(),
        table.lines.iter().map(|&l| l as u64).collect::<Vec<_>>(),
    ));
    base.push(Column::new(
        ROW.into(),
        (0..height as u32).collect::<Vec<_>>(),
    ));
    let base = DataFrame::new(height, base)?;
    // Null cells are empty cells (a column without any is left as it is,
    // not copied).
    let fill: Vec<Expr> = base
        .columns()
        .iter()
        .filter(|c| c.name().as_str() != LINE && c.name().as_str() != ROW)
        .filter(|c| c.null_count() > 0)
        .map(|c| col(c.name().as_str()).fill_null(lit("")))
        .collect();
    match roles.shape {
        Shape::Long => {
            let (Some(period), Some(value)) = (roles.period, roles.value) else {
                return Err(PolarsError::NoData("no period or value column".into()));
            };
            let mut frame = base;
            frame.with_column(text(table, period, PERIOD_RAW))?;
            frame.with_column(text(table, value, VALUE_RAW))?;
            frame.with_column(as_point_decimal(
                &table.columns[value],
                decimal,
                VALUE_NUMBER,
            ))?;
            let (year, label) = period_columns(&table.columns[period]);
            frame.with_column(year)?;
            frame.with_column(label)?;
            let raw: Vec<Expr> = [PERIOD_RAW, VALUE_RAW]
                .into_iter()
                .filter(|name| frame.column(name).is_ok_and(|c| c.null_count() > 0))
                .map(|name| col(name).fill_null(lit("")))
                .collect();
            Ok(frame.lazy().with_columns(fill).with_columns(raw))
        }
        Shape::Wide => {
            // Column by column; a row's cells are put back in column order
            // when the file's observations are listed.
            let mut parts = Vec::with_capacity(roles.wide_periods.len());
            for (column, period) in &roles.wide_periods {
                let mut part = base.clone();
                part.with_column(text(table, *column, VALUE_RAW))?;
                part.with_column(as_point_decimal(
                    &table.columns[*column],
                    decimal,
                    VALUE_NUMBER,
                ))?;
                parts.push(part.lazy().with_columns(fill.clone()).with_columns([
                    col(VALUE_RAW).fill_null(lit("")),
                    lit(period.year).alias(YEAR),
                    lit(period.label.as_str()).alias(LABEL),
                ]));
            }
            concat(parts, UnionArgs::default())
        }
    }
}

fn left_join() -> JoinArgs {
    JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Left)
    }
}

/// The year and label of each period cell, null where the cell is not a
/// period. Each distinct cell is parsed once (runs of one cell cost a
/// comparison), and where every label is its cell as written (`2014`), the
/// cells themselves are the labels, shared rather than copied.
fn period_columns(cells: &StringChunked) -> (Column, Column) {
    let mut parsed: HashMap<&str, Option<Period>> = HashMap::new();
    let mut years: Vec<Option<i32>> = Vec::with_capacity(cells.len());
    let mut relabelled = false;
    let mut previous: Option<(&str, Option<i32>)> = None;
    for cell in cells.iter() {
        let cell = cell.unwrap_or_default();
        let year = match previous {
            Some((text, year)) if text == cell => year,
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
/// number (thousands separators, flags and markers go to the row path).
/// Decimal-comma cells arrive with the comma already made a point
/// ([`as_point_decimal`]).
fn number(text: Expr) -> Expr {
    let value = text.cast(DataType::Float64);
    when(value.clone().is_finite())
        .then(value)
        .otherwise(lit(NULL).cast(DataType::Float64))
}

/// A value column ready for [`number`]: in a decimal-comma file `12,5`
/// becomes `12.5`, and a cell with a point (`1.234,5`, or `12.5` where
/// commas are decimal) becomes text no cast reads, for the row path.
fn as_point_decimal(cells: &StringChunked, decimal: DecimalSeparator, name: &str) -> Column {
    let out: StringChunked = match decimal {
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
    out.with_name(name.into()).into_column()
}

/// Step 2: which cells read plainly.
fn classify(
    cells: LazyFrame,
    table: &Table,
    roles: &Roles,
    decimal: DecimalSeparator,
    ctx: Context<'_>,
) -> PolarsResult<LazyFrame> {
    let mut cells = cells;
    let mut ok = col(YEAR).is_not_null();
    // Ids and labels have few distinct values: each is judged once, and
    // only the (usually no) failing ones are looked for in the rows.
    let (bad_ids, bad_labels) = distinct_failures(table, roles, decimal, ctx)?;
    if !bad_ids.is_empty() {
        let bad = Series::new("bad".into(), bad_ids);
        ok = ok.and(col(ID).is_in(lit(bad).implode(false), false).not());
    }
    for (k, bad) in bad_labels.into_iter().enumerate() {
        if !bad.is_empty() {
            let bad = Series::new("bad".into(), bad);
            ok = ok.and(
                col(dim(k).as_str())
                    .is_in(lit(bad).implode(false), false)
                    .not(),
            );
        }
    }
    if let Some(catalogue) = ctx.catalogue {
        if roles.unit.is_some() {
            let units = DataFrame::new(
                catalogue.len(),
                vec![
                    Column::new(
                        ID.into(),
                        catalogue.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
                    ),
                    Column::new(
                        CATALOGUE_UNIT.into(),
                        catalogue.iter().map(|i| i.unit.trim()).collect::<Vec<_>>(),
                    ),
                ],
            )?;
            cells = cells.join(units.lazy(), [col(ID)], [col(ID)], left_join());
        }
    }
    let value = number(col(VALUE_NUMBER));
    ok = ok.and(col(VALUE_RAW).eq(lit("")).or(value.clone().is_not_null()));
    if roles.progress.is_some() {
        let progress = number(col(PROGRESS_NUMBER));
        ok = ok.and(col(PROGRESS_RAW).eq(lit("")).or(progress.is_not_null()));
    }
    if let Some(column) = roles.flag {
        // A long table's plain flags are read here; in a wide table a flag
        // is about every period cell of its row, and the row path words it.
        ok = ok.and(match roles.shape {
            Shape::Long => {
                let bad = Series::new("bad".into(), bad_flags(table, column));
                col(FLAG_RAW).is_in(lit(bad).implode(false), false).not()
            }
            Shape::Wide => col(FLAG_RAW).eq(lit("")),
        });
    }
    if roles.unit.is_some() {
        let unit_ok = col(UNIT_RAW).eq(lit(""));
        ok = ok.and(if ctx.catalogue.is_some() {
            unit_ok.or(col(UNIT_RAW).eq(col(CATALOGUE_UNIT)))
        } else {
            unit_ok
        });
    }
    let mut computed = vec![ok.fill_null(lit(false)).alias(CLEAN), value.alias(c::VALUE)];
    if roles.progress.is_some() {
        computed.push(number(col(PROGRESS_NUMBER)).alias(c::PROGRESS));
    }
    Ok(cells.with_columns(computed))
}

/// Step 3: the clean rows as observations, and the rows to read one by one.
fn split(
    cells: LazyFrame,
    file: &str,
    roles: &Roles,
    value_header: Option<&str>,
) -> PolarsResult<Checked> {
    let mut cells = cells.collect()?;
    let repeated = repeated_keys(&cells, roles.dimensions.len())?;
    let clean = cells.column(CLEAN)?.bool()? & &!repeated;
    cells.with_column(clean.with_name(CLEAN.into()).into_column())?;
    let dirty = cells
        .clone()
        .lazy()
        .filter(col(CLEAN).not())
        .select([col(ROW)])
        .unique_stable(None, UniqueKeepStrategy::First)
        .sort([ROW], SortMultipleOptions::default())
        .collect()?;
    let dirty_rows: Vec<usize> = dirty
        .column(ROW)?
        .u32()?
        .into_no_null_iter()
        .map(|r| r as usize)
        .collect();
    let clean = match roles.shape {
        Shape::Long => cells.lazy().filter(col(CLEAN)),
        // In a wide row, one failing cell sends the whole row.
        Shape::Wide => cells.lazy().filter(col(CLEAN).all(true).over([col(ROW)])?),
    };
    let dims = if roles.dimensions.is_empty() {
        clean.with_column(lit("[]").alias(c::DIMENSIONS))
    } else {
        let keys: Vec<Expr> = (0..roles.dimensions.len())
            .map(|k| col(dim(k).as_str()))
            .collect();
        let series = clean
            .clone()
            .select(keys.clone())
            .unique(None, UniqueKeepStrategy::First)
            .collect()?;
        let series = dimension_texts(series, roles)?;
        clean.join(series.lazy(), keys.clone(), keys, left_join())
    };
    let frame = dims
        .select([
            col(ID).alias(c::INDICATOR),
            col(YEAR).alias(c::YEAR),
            col(LABEL).alias(c::PERIOD),
            col(c::DIMENSIONS),
            col(c::VALUE),
            lit(NULL).cast(DataType::String).alias(c::TEXT),
            if roles.flag.is_some() {
                col(FLAG_RAW).alias(c::FLAGS)
            } else {
                lit("").alias(c::FLAGS)
            },
            if roles.progress.is_some() {
                col(c::PROGRESS)
            } else {
                lit(NULL).cast(DataType::Float64).alias(c::PROGRESS)
            },
            lit(file).alias(c::SOURCE_FILE),
            col(LINE).alias(c::SOURCE_LINE),
            col(VALUE_RAW),
        ])
        .collect()?;
    let problems = flagged(&frame, file, value_header)?;
    Ok(Checked {
        clean: ObservationFrame::new(frame)?,
        dirty_rows,
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
    let flags = frame.column(c::FLAGS)?.str()?;
    if flags.iter().all(|f| f.is_none_or(str::is_empty)) {
        return Ok(Vec::new());
    }
    let (values, lines) = (
        frame.column(c::VALUE)?.f64()?,
        frame.column(c::SOURCE_LINE)?.u64()?,
    );
    let raw = frame.column(VALUE_RAW)?.str()?;
    let mut out = Vec::new();
    for (((flag, value), line), raw) in flags
        .iter()
        .zip(values.iter())
        .zip(lines.iter())
        .zip(raw.iter())
    {
        let (Some(flag), Some(_), Some(line)) = (flag, value, line) else {
            continue;
        };
        if flag.is_empty() {
            continue;
        }
        out.push(
            crate::problem::Problem::flagged_value(file, flag)
                .at(line as usize, value_header.unwrap_or_default())
                .with_value(raw.unwrap_or_default()),
        );
    }
    Ok(out)
}

/// Each distinct combination of dimension cells as the series' text.
fn dimension_texts(mut series: DataFrame, roles: &Roles) -> PolarsResult<DataFrame> {
    let columns: Vec<StringChunked> = (0..roles.dimensions.len())
        .map(|k| {
            series
                .column(dim(k).as_str())
                .and_then(|c| c.str().cloned())
        })
        .collect::<PolarsResult<_>>()?;
    let texts: Vec<String> =
        (0..series.height())
            .map(|row| {
                let dims =
                    Dimensions::new(roles.dimension_names.iter().zip(&columns).map(
                        |(name, values)| (name.as_str(), values.get(row).unwrap_or_default()),
                    ));
                dimensions_json(&dims)
            })
            .collect();
    series.with_column(Column::new(c::DIMENSIONS.into(), texts))?;
    Ok(series)
}
