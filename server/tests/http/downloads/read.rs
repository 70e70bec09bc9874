//! Reading the downloads back, and the rows they must hold computed
//! independently from the demo dataset.

use std::io::Cursor;

use http::StatusCode;
use polars::prelude::*;
use tempfile::TempDir;

use crate::common::{self, TestApp};

/// The SDMX-CSV 2.0 columns that come before the dimensions.
pub const SDMX_FIRST: [&str; 3] = ["STRUCTURE", "STRUCTURE_ID", "ACTION"];

/// An app on `dataset` with its release id (and the data folder it keeps).
pub async fn app_on(dataset: &std::path::Path) -> (TestApp, String, TempDir) {
    let folder = TempDir::new().expect("a data folder");
    let state = server::AppState::load(common::leptos_options(), Some(dataset), folder.path())
        .await
        .expect("the dataset loads");
    let release = state.served.now().release.clone();
    (TestApp::from(server::app(state)), release, folder)
}

/// One public observation as every format must carry it:
/// (indicator, series slug, period, value).
pub type Key = (String, String, String, f64);

/// The demo dataset's public observations, read by `indicators` (not
/// through the server), sorted.
pub async fn expected_rows(only: Option<&str>) -> Vec<Key> {
    let public = common::demo_dataset_read().await.public_view();
    let mut rows: Vec<Key> = public
        .observations
        .iter()
        .filter(|o| only.is_none_or(|id| o.indicator_id == id))
        .map(|o| {
            (
                o.indicator_id.clone(),
                o.dimensions.slug(),
                o.period.label.clone(),
                o.value,
            )
        })
        .collect();
    rows.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    rows
}

pub fn sorted(mut rows: Vec<Key>) -> Vec<Key> {
    rows.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    rows
}

pub async fn download(app: &TestApp, path: &str) -> (http::HeaderMap, Vec<u8>) {
    let (status, headers, body) = app.get_bytes(path).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{path}: {}",
        String::from_utf8_lossy(&body)
    );
    (headers, body)
}

/// The CSV's header and records (the BOM checked and taken off first).
pub fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("the CSV starts with a UTF-8 byte order mark");
    let mut reader = csv::Reader::from_reader(body);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader.records().map(|r| r.expect("a CSV record")).collect();
    (header, records)
}

pub fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

pub fn csv_keys(header: &[String], records: &[csv::StringRecord]) -> Vec<Key> {
    let at = |n: &str| column(header, n);
    sorted(
        records
            .iter()
            .map(|r| {
                (
                    r[at("indicator_id")].to_owned(),
                    r[at("series")].to_owned(),
                    r[at("period")].to_owned(),
                    r[at("value")].parse().expect("value is a plain number"),
                )
            })
            .collect(),
    )
}

pub fn json_keys(json: &serde_json::Value) -> Vec<Key> {
    sorted(
        json["observations"]
            .as_array()
            .expect("observations")
            .iter()
            .map(|o| {
                (
                    o["indicator_id"].as_str().expect("id").to_owned(),
                    o["series"].as_str().expect("series").to_owned(),
                    o["period"].as_str().expect("period").to_owned(),
                    o["value"].as_f64().expect("value is a number"),
                )
            })
            .collect(),
    )
}

pub fn parquet_keys(bytes: &[u8]) -> Vec<Key> {
    let frame = ParquetReader::new(Cursor::new(bytes.to_vec()))
        .finish()
        .expect("the Parquet file reads");
    let text = |name: &str| -> Vec<String> {
        frame
            .column(name)
            .expect(name)
            .str()
            .expect("text")
            .iter()
            .map(|v| v.expect("no null").to_owned())
            .collect()
    };
    let values: Vec<f64> = frame
        .column("value")
        .expect("value")
        .f64()
        .expect("value is a double")
        .iter()
        .map(|v| v.expect("no null"))
        .collect();
    let (ids, series, periods) = (text("indicator_id"), text("series"), text("period"));
    sorted(
        (0..frame.height())
            .map(|i| {
                (
                    ids[i].clone(),
                    series[i].clone(),
                    periods[i].clone(),
                    values[i],
                )
            })
            .collect(),
    )
}

/// The demo dataset's licence, from its settings.csv.
pub fn settings_licence() -> String {
    let settings =
        std::fs::read_to_string(common::demo_dataset().join("settings.csv")).expect("settings");
    settings
        .lines()
        .find_map(|l| l.strip_prefix("licence,"))
        .expect("a licence")
        .trim()
        .to_owned()
}
