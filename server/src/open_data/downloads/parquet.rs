//! The Parquet file of a [`Table`]: typed columns (text, `year` as a 32-bit
//! integer, `value` as a double), a dimension a row lacks is null. Written
//! with polars, so it must run on a blocking thread.

use polars::prelude::*;

use super::table::{dimension_column, Table};
use super::write::WriteError;

/// The table as a zstd-compressed Parquet file.
pub fn parquet(table: &Table) -> Result<Vec<u8>, WriteError> {
    let text = |name: &str, get: &dyn Fn(usize) -> String| {
        Column::new(
            name.into(),
            (0..table.rows.len()).map(get).collect::<Vec<String>>(),
        )
    };
    let row = |i: usize| &table.rows[i];
    let facts = |i: usize| table.facts(&table.rows[i]);
    let mut columns = vec![
        text("indicator_id", &|i| facts(i).id.clone()),
        text("indicator_title", &|i| facts(i).title.clone()),
        text("goal", &|i| facts(i).goal.clone()),
        text("sdg_targets", &|i| facts(i).sdg_targets.clone()),
        text("unit", &|i| facts(i).unit.clone()),
        text("series", &|i| row(i).series.clone()),
        text("period", &|i| row(i).period.clone()),
        Column::new(
            "year".into(),
            table.rows.iter().map(|r| r.year).collect::<Vec<i32>>(),
        ),
        Column::new(
            "value".into(),
            table.rows.iter().map(|r| r.value).collect::<Vec<f64>>(),
        ),
        text("flags", &|i| row(i).flags.clone()),
    ];
    for (at, name) in table.dimensions.iter().enumerate() {
        columns.push(Column::new(
            dimension_column(name).as_str().into(),
            table
                .rows
                .iter()
                .map(|r| r.dimensions[at].clone())
                .collect::<Vec<Option<String>>>(),
        ));
    }
    let mut frame = DataFrame::new(table.rows.len(), columns)?;
    let mut out = Vec::new();
    ParquetWriter::new(&mut out)
        .with_compression(ParquetCompression::Zstd(None))
        .finish(&mut frame)?;
    Ok(out)
}
