//! The text formats of a [`Table`]: CSV for spreadsheets (UTF-8 with a BOM,
//! text cells that a spreadsheet would run as a formula neutralised), the
//! same rows as SDMX-CSV 2.0 for statistics offices, and JSON.

use std::borrow::Cow;

use app::types::data::{ReleaseFacts, SDMX_STRUCTURE_ID};
use serde::Serialize;

use super::table::{Row, StatementRow, Table};

/// Why a file could not be written (a bug or a full disk, not the reader's doing).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing Parquet: {0}")]
    Parquet(#[from] polars::prelude::PolarsError),
    #[error("writing the zip: {0}")]
    Zip(#[from] zip::result::ZipError),
}

/// The byte order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// A text cell as a spreadsheet may open it safely: one starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be read as a formula
/// (CSV injection), so it gets a leading `'`, which spreadsheets show as
/// text. Numbers are never passed through here: `-3.5` stays a number.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A number as written in every text format: Rust's shortest form that
/// reads back to the same value, `.` as the decimal separator.
fn number(value: f64) -> String {
    value.to_string()
}

/// The CSV: a BOM, the header, one row per observation.
pub fn csv(table: &Table) -> Result<Vec<u8>, WriteError> {
    let mut out = BOM.as_bytes().to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(table.columns().iter().map(|c| neutralise(c).into_owned()))?;
        for row in &table.rows {
            writer.write_record(csv_cells(table, row))?;
        }
        writer.flush()?;
    }
    Ok(out)
}

fn csv_cells(table: &Table, row: &Row) -> Vec<String> {
    let facts = table.facts(row);
    let text = |s: &str| neutralise(s).into_owned();
    let mut cells = vec![
        text(&facts.id),
        text(&facts.title),
        text(&facts.goal),
        text(&facts.sdg_targets),
        text(&facts.unit),
        text(&row.series),
        text(&row.period),
        row.year.to_string(),
        number(row.value),
        text(&row.flags),
    ];
    cells.extend(
        row.dimensions
            .iter()
            .map(|v| v.as_deref().map(text).unwrap_or_default()),
    );
    cells
}

/// SDMX's code for "the total" (a row without a dimension its indicator has).
pub const SDMX_TOTAL: &str = "_T";
/// SDMX's code for "not applicable" (a dimension its indicator never has).
pub const SDMX_NOT_APPLICABLE: &str = "_Z";

/// The SDMX-CSV columns before the disaggregation dimensions.
pub const SDMX_LEADING: [&str; 4] = ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR"];
/// The SDMX-CSV columns after them: the time dimension, the measure, the attributes.
pub const SDMX_TRAILING: [&str; 4] = ["TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS"];

/// A dimension's SDMX column: upper case, letters, digits and `_` only
/// (`age group` → `AGE_GROUP`); one that would clash with a fixed column
/// gets a `DIM_` prefix.
pub fn sdmx_column(name: &str) -> String {
    let id: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    let clashes = SDMX_LEADING.contains(&id.as_str()) || SDMX_TRAILING.contains(&id.as_str());
    if clashes || id.is_empty() || id.starts_with(|c: char| c.is_ascii_digit()) {
        format!("DIM_{id}")
    } else {
        id
    }
}

/// The SDMX-CSV 2.0 header of `table`.
pub fn sdmx_header(table: &Table) -> Vec<String> {
    SDMX_LEADING
        .iter()
        .map(|c| (*c).to_owned())
        .chain(table.dimensions.iter().map(|d| sdmx_column(d)))
        .chain(SDMX_TRAILING.iter().map(|c| (*c).to_owned()))
        .collect()
}

/// SDMX-CSV 2.0: `STRUCTURE` is `dataflow`, `STRUCTURE_ID`
/// [`SDMX_STRUCTURE_ID`], `ACTION` `I` (information); a dimension the row
/// lacks is `_T` when its indicator has it elsewhere (the total) and `_Z`
/// when it never has it. No BOM: it is read by software, not spreadsheets;
/// text cells are neutralised as in the CSV.
pub fn sdmx_csv(table: &Table) -> Result<Vec<u8>, WriteError> {
    let mut out = Vec::new();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(sdmx_header(table))?;
        for row in &table.rows {
            let facts = table.facts(row);
            let text = |s: &str| neutralise(s).into_owned();
            let mut cells = vec![
                "dataflow".to_owned(),
                SDMX_STRUCTURE_ID.to_owned(),
                "I".to_owned(),
                text(&facts.id),
            ];
            for (name, value) in table.dimensions.iter().zip(&row.dimensions) {
                cells.push(match value {
                    Some(v) => text(v),
                    None if facts.dimension_names.contains(name) => SDMX_TOTAL.to_owned(),
                    None => SDMX_NOT_APPLICABLE.to_owned(),
                });
            }
            cells.extend([
                text(&row.period),
                number(row.value),
                text(&facts.unit),
                text(&row.flags),
            ]);
            writer.write_record(cells)?;
        }
        writer.flush()?;
    }
    Ok(out)
}

#[derive(Serialize)]
struct JsonFile<'a> {
    release: &'a str,
    published: &'a str,
    licence: Option<&'a str>,
    citation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a str>,
    columns: Vec<String>,
    observations: Vec<JsonRow<'a>>,
    statements: &'a [StatementRow],
}

#[derive(Serialize)]
struct JsonRow<'a> {
    indicator_id: &'a str,
    indicator_title: &'a str,
    goal: &'a str,
    sdg_targets: &'a str,
    unit: &'a str,
    series: &'a str,
    period: &'a str,
    year: i32,
    value: f64,
    flags: &'a str,
    /// Only the dimensions the row has, by name.
    dimensions: std::collections::BTreeMap<&'a str, &'a str>,
}

/// The JSON: the release's facts, the column names, the observations (text
/// as in the data: JSON is not opened by spreadsheets, so nothing is
/// neutralised) and the public qualitative indicators' statements.
pub fn json(
    table: &Table,
    facts: &ReleaseFacts,
    indicator: Option<&str>,
    series: Option<&str>,
) -> Result<Vec<u8>, WriteError> {
    let observations = table
        .rows
        .iter()
        .map(|row| {
            let f = table.facts(row);
            JsonRow {
                indicator_id: &f.id,
                indicator_title: &f.title,
                goal: &f.goal,
                sdg_targets: &f.sdg_targets,
                unit: &f.unit,
                series: &row.series,
                period: &row.period,
                year: row.year,
                value: row.value,
                flags: &row.flags,
                dimensions: table
                    .dimensions
                    .iter()
                    .zip(&row.dimensions)
                    .filter_map(|(k, v)| Some((k.as_str(), v.as_deref()?)))
                    .collect(),
            }
        })
        .collect();
    let file = JsonFile {
        release: &facts.release,
        published: &facts.published,
        licence: facts.licence.as_deref(),
        citation: &facts.cite,
        indicator,
        series,
        columns: table.columns(),
        observations,
        statements: &table.statements,
    };
    Ok(serde_json::to_vec_pretty(&file)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_kept() {
        for hostile in ["=1+1", "+31 20", "-cmd", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(hostile), format!("'{hostile}"));
        }
        for kept in ["Poverty", "", "'quoted", " =spaced", "0-17", "2021-Q3"] {
            assert_eq!(neutralise(kept), kept);
        }
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(number(-3.5), "-3.5");
        assert_eq!(number(10.0), "10");
        assert_eq!(number(0.1 + 0.2).parse::<f64>(), Ok(0.1 + 0.2));
    }

    #[test]
    fn sdmx_columns_are_upper_case_ids_that_never_clash() {
        assert_eq!(sdmx_column("sex"), "SEX");
        assert_eq!(sdmx_column("age group"), "AGE_GROUP");
        assert_eq!(sdmx_column("indicator"), "DIM_INDICATOR");
        assert_eq!(sdmx_column("1st"), "DIM_1ST");
    }
}
