//! The whole public release as one zip: the CSV, JSON, Parquet and
//! SDMX-CSV files, a README.md describing every column, and a Frictionless
//! `datapackage.json` (tabular data package) with the licence and a citation.

use std::io::{Cursor, Write};

use app::types::data::{file_name, DownloadFormat, ReleaseFacts, SDMX_STRUCTURE_ID};
use serde_json::{json, Value};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

use super::table::{is_number, Table, FIXED, FIXED_DESCRIPTIONS};
use super::write::{sdmx_header, WriteError, SDMX_NOT_APPLICABLE, SDMX_TOTAL};

/// The files of the whole release, made by the other writers.
pub struct Files<'a> {
    pub csv: &'a [u8],
    pub json: &'a [u8],
    pub parquet: &'a [u8],
    pub sdmx: &'a [u8],
}

/// Each CSV column with its Frictionless type and description.
pub fn csv_fields(table: &Table) -> Vec<(String, &'static str, String)> {
    let fixed = FIXED.iter().zip(FIXED_DESCRIPTIONS).map(|(name, what)| {
        let kind = match *name {
            "year" => "integer",
            "value" => "number",
            _ => "string",
        };
        debug_assert_eq!(is_number(name), kind != "string");
        ((*name).to_owned(), kind, what.to_owned())
    });
    let dimensions = table.dimensions.iter().map(|d| {
        (
            super::table::dimension_column(d),
            "string",
            format!(
                "The disaggregation dimension `{d}` of the series; empty when the series has none."
            ),
        )
    });
    fixed.chain(dimensions).collect()
}

/// Each SDMX-CSV column with its description.
fn sdmx_fields(table: &Table) -> Vec<(String, &'static str, String)> {
    let mut dims = table.dimensions.iter();
    sdmx_header(table)
        .into_iter()
        .map(|column| {
            let (kind, what) = match column.as_str() {
                "STRUCTURE" => ("string", "Always `dataflow`.".to_owned()),
                "STRUCTURE_ID" => ("string", format!("Always `{SDMX_STRUCTURE_ID}`.")),
                "ACTION" => ("string", "Always `I` (information).".to_owned()),
                "INDICATOR" => ("string", "Dimension: the indicator's id.".to_owned()),
                "TIME_PERIOD" => ("string", "Dimension: the period.".to_owned()),
                "OBS_VALUE" => ("number", "Measure: the observed value.".to_owned()),
                "UNIT_MEASURE" => ("string", "Attribute: the unit of OBS_VALUE.".to_owned()),
                "OBS_STATUS" => ("string", "Attribute: the observation's flags as the source writes them.".to_owned()),
                _ => (
                    "string",
                    format!(
                        "Dimension `{}`: its value, `{SDMX_TOTAL}` for the total, `{SDMX_NOT_APPLICABLE}` when the indicator has no such dimension.",
                        dims.next().map_or("", String::as_str)
                    ),
                ),
            };
            (column, kind, what)
        })
        .collect()
}

/// A Frictionless licence for the dataset's licence text: the Open
/// Definition id and address of the common ones, the text as the title.
fn licence(text: &str) -> Value {
    let known = [
        (
            "CC BY 4.0",
            "CC-BY-4.0",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        (
            "CC-BY-4.0",
            "CC-BY-4.0",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        (
            "CC BY-SA 4.0",
            "CC-BY-SA-4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
        (
            "CC0 1.0",
            "CC0-1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        (
            "CC0",
            "CC0-1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        (
            "ODbL",
            "ODbL-1.0",
            "https://opendatacommons.org/licenses/odbl/1-0/",
        ),
    ];
    match known
        .iter()
        .find(|(t, _, _)| t.eq_ignore_ascii_case(text.trim()))
    {
        Some((_, name, path)) => json!({ "name": name, "path": path, "title": text }),
        None => json!({ "name": text.trim(), "title": text }),
    }
}

fn schema(fields: &[(String, &'static str, String)]) -> Value {
    let fields: Vec<Value> = fields
        .iter()
        .map(|(name, kind, what)| json!({ "name": name, "type": kind, "description": what }))
        .collect();
    json!({ "fields": fields })
}

/// `datapackage.json`: the CSV and the SDMX-CSV as tabular resources (the
/// JSON and Parquet files hold the same rows; the README says so).
pub fn datapackage(table: &Table, facts: &ReleaseFacts) -> Result<Vec<u8>, WriteError> {
    let release = &facts.release;
    let licences: Vec<Value> = facts.licence.iter().map(|l| licence(l)).collect();
    let package = json!({
        "profile": "tabular-data-package",
        "name": format!("localgoals-{}", release.to_ascii_lowercase()),
        "title": format!("Local Goals open data, release {release}"),
        "description": "Every public observation of the release, one row per observation. The JSON and Parquet files in this zip hold the same rows; README.md describes every column.",
        "version": release,
        "created": facts.published,
        "licenses": licences,
        "citation": facts.cite,
        "resources": [
            {
                "name": "observations",
                "profile": "tabular-data-resource",
                "path": file_name(release, None, DownloadFormat::Csv),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": schema(&csv_fields(table)),
            },
            {
                "name": "observations-sdmx",
                "profile": "tabular-data-resource",
                "path": file_name(release, None, DownloadFormat::SdmxCsv),
                "format": "csv",
                "mediatype": "application/vnd.sdmx.data+csv",
                "encoding": "utf-8",
                "schema": schema(&sdmx_fields(table)),
            },
        ],
    });
    Ok(serde_json::to_vec_pretty(&package)?)
}

/// README.md: what the files are, every column, the licence and citation.
pub fn readme(table: &Table, facts: &ReleaseFacts) -> String {
    let release = &facts.release;
    let name = |f| file_name(release, None, f);
    let mut out = format!(
        "# Local Goals open data, release {release}\n\n\
         Published {published}. Every public indicator's observations, one row per observation.\n\n\
         - `{csv}`: CSV, UTF-8 with a byte order mark (Excel opens it). Text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` so that a spreadsheet does not run them as formulas; numbers are never changed.\n\
         - `{json}`: the same rows as JSON (text unchanged), with the statements of the qualitative indicators.\n\
         - `{parquet}`: the same rows as Parquet (typed columns; a dimension a row lacks is null).\n\
         - `{sdmx}`: SDMX-CSV 2.0, structure `dataflow` `{SDMX_STRUCTURE_ID}`.\n\
         - `datapackage.json`: a Frictionless tabular data package describing the CSV files.\n\n\
         ## Columns of the CSV, JSON and Parquet files\n\n| Column | Type | Meaning |\n|---|---|---|\n",
        published = facts.published,
        csv = name(DownloadFormat::Csv),
        json = name(DownloadFormat::Json),
        parquet = name(DownloadFormat::Parquet),
        sdmx = name(DownloadFormat::SdmxCsv),
    );
    for (column, kind, what) in csv_fields(table) {
        out.push_str(&format!("| `{column}` | {kind} | {what} |\n"));
    }
    out.push_str(
        "\n## Columns of the SDMX-CSV file\n\n| Column | Type | Meaning |\n|---|---|---|\n",
    );
    for (column, kind, what) in sdmx_fields(table) {
        out.push_str(&format!("| `{column}` | {kind} | {what} |\n"));
    }
    out.push_str(&format!(
        "\n## Licence\n\n{}\n\n## How to cite\n\n{}\n",
        facts
            .licence
            .as_deref()
            .unwrap_or("Not stated: ask the city before reusing the figures."),
        facts.cite
    ));
    out
}

/// The zip of the whole release.
pub fn zip(table: &Table, facts: &ReleaseFacts, files: &Files<'_>) -> Result<Vec<u8>, WriteError> {
    let release = &facts.release;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // Parquet is compressed already.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let readme = readme(table, facts);
    let datapackage = datapackage(table, facts)?;
    let entries: [(String, &[u8], SimpleFileOptions); 6] = [
        ("README.md".to_owned(), readme.as_bytes(), deflated),
        ("datapackage.json".to_owned(), &datapackage, deflated),
        (
            file_name(release, None, DownloadFormat::Csv),
            files.csv,
            deflated,
        ),
        (
            file_name(release, None, DownloadFormat::Json),
            files.json,
            deflated,
        ),
        (
            file_name(release, None, DownloadFormat::Parquet),
            files.parquet,
            stored,
        ),
        (
            file_name(release, None, DownloadFormat::SdmxCsv),
            files.sdmx,
            deflated,
        ),
    ];
    for (name, bytes, options) in entries {
        writer.start_file(name, options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}
