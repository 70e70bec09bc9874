//! `/data/…` downloads read back: the CSV (csv crate), JSON, Parquet
//! (polars), the zip and SDMX-CSV equal the release's public observations,
//! computed independently from the demo dataset read by `indicators`.

mod read;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use http::StatusCode;
use polars::prelude::*;

use crate::common;
use read::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_whole_release_file_equals_the_public_observations() {
    let (app, release, _folder) = app_on(&common::demo_dataset()).await;
    let expected = expected_rows(None).await;
    assert!(!expected.is_empty());

    // CSV: a BOM, the long format, numbers neither quoted nor neutralised.
    let (headers, csv) = download(&app, &format!("/data/localgoals-{release}.csv")).await;
    assert_eq!(
        headers[http::header::CONTENT_TYPE],
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        headers[http::header::CONTENT_DISPOSITION],
        format!("attachment; filename=\"localgoals-{release}.csv\"").as_str()
    );
    let (header, records) = read_csv(&csv);
    for name in [
        "indicator_id",
        "indicator_title",
        "goal",
        "unit",
        "series",
        "period",
        "value",
        "flags",
    ] {
        column(&header, name);
    }
    assert_eq!(csv_keys(&header, &records), expected);
    let (value, year) = (column(&header, "value"), column(&header, "year"));
    for r in &records {
        assert!(r[value].parse::<f64>().is_ok() && r[year].parse::<i32>().is_ok());
    }
    let text = String::from_utf8(csv.clone()).expect("UTF-8");
    assert!(
        !text.contains("\"17\"") && !text.contains(",'"),
        "numbers are never quoted or neutralised"
    );
    // A dimension column per disaggregation, empty where not applicable.
    let sex = column(&header, "sex");
    assert!(records.iter().any(|r| r[sex].is_empty()));
    assert!(records.iter().any(|r| !r[sex].is_empty()));

    // JSON.
    let (headers, json) = download(&app, &format!("/data/localgoals-{release}.json")).await;
    assert_eq!(headers[http::header::CONTENT_TYPE], "application/json");
    let json: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(json["release"], release.as_str());
    assert_eq!(json_keys(&json), expected);
    assert_eq!(
        json["columns"].as_array().expect("columns").len(),
        header.len()
    );

    // Parquet, read with polars.
    let (_, parquet) = download(&app, &format!("/data/localgoals-{release}.parquet")).await;
    assert_eq!(parquet_keys(&parquet), expected);

    // SDMX-CSV 2.0.
    let (headers, sdmx) = download(&app, &format!("/data/localgoals-{release}.sdmx.csv")).await;
    assert!(headers[http::header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .starts_with("application/vnd.sdmx.data+csv; version=2.0.0"));
    let mut reader = csv::Reader::from_reader(sdmx.as_slice());
    let sdmx_header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(&sdmx_header[..3], SDMX_FIRST);
    let (dims, rest) = sdmx_header[3..].split_at(sdmx_header.len() - 3 - 4);
    assert_eq!(
        rest,
        ["TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS"]
    );
    assert_eq!(dims[0], "INDICATOR");
    let csv_dims: Vec<String> = header[column(&header, "flags") + 1..]
        .iter()
        .map(|d| d.to_ascii_uppercase())
        .collect();
    assert_eq!(&dims[1..], csv_dims.as_slice());
    let sdmx_records: Vec<csv::StringRecord> =
        reader.records().map(|r| r.expect("record")).collect();
    let at = |n: &str| column(&sdmx_header, n);
    let mut sdmx_keys = Vec::new();
    for r in &sdmx_records {
        assert_eq!(&r[0], "dataflow");
        assert_eq!(&r[1], app::types::data::SDMX_STRUCTURE_ID);
        assert_eq!(&r[2], "I");
        // The series slug again, from the dimension columns (`_T` and `_Z`
        // are the total and "not applicable").
        let pairs: Vec<(String, String)> = header[column(&header, "flags") + 1..]
            .iter()
            .zip(&dims[1..])
            .filter(|(_, code)| !["_T", "_Z"].contains(&&r[at(code)]))
            .map(|(name, code)| (name.clone(), r[at(code)].to_owned()))
            .collect();
        sdmx_keys.push((
            r[at("INDICATOR")].to_owned(),
            indicators::Dimensions::new(pairs).slug(),
            r[at("TIME_PERIOD")].to_owned(),
            r[at("OBS_VALUE")].parse().expect("number"),
        ));
    }
    assert_eq!(sorted(sdmx_keys), expected);

    // The zip holds all of them, a README and a datapackage.json.
    let (headers, zip) = download(&app, &format!("/data/localgoals-{release}.zip")).await;
    assert_eq!(headers[http::header::CONTENT_TYPE], "application/zip");
    let mut archive = ::zip::ZipArchive::new(Cursor::new(zip)).expect("a zip");
    let mut entry = |name: &str| {
        let mut bytes = Vec::new();
        archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the zip"))
            .read_to_end(&mut bytes)
            .expect("read");
        bytes
    };
    assert_eq!(entry(&format!("localgoals-{release}.csv")), csv);
    assert_eq!(entry(&format!("localgoals-{release}.parquet")), parquet);
    assert_eq!(entry(&format!("localgoals-{release}.sdmx.csv")), sdmx);
    entry(&format!("localgoals-{release}.json"));
    let readme = String::from_utf8(entry("README.md")).expect("UTF-8");
    for name in &header {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README describes {name}"
        );
    }
    let package: serde_json::Value =
        serde_json::from_slice(&entry("datapackage.json")).expect("datapackage.json");
    assert_eq!(package["profile"], "tabular-data-package");
    let licence = settings_licence();
    assert_eq!(package["licenses"][0]["title"], licence.as_str());
    assert!(package["citation"]
        .as_str()
        .expect("citation")
        .contains(&release));
    let resource = package["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .find(|r| r["path"] == format!("localgoals-{release}.csv").as_str())
        .expect("the CSV is a resource");
    let fields: Vec<&str> = resource["schema"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["name"].as_str().expect("name"))
        .collect();
    assert_eq!(fields, header);
    let types: BTreeMap<&str, &str> = resource["schema"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["name"].as_str().expect("name"),
                f["type"].as_str().expect("type"),
            )
        })
        .collect();
    assert_eq!(types["value"], "number");
    assert_eq!(types["indicator_title"], "string");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_indicator_and_one_series_hold_only_their_rows() {
    let (app, release, _folder) = app_on(&common::demo_dataset()).await;
    let all = expected_rows(Some("poverty-rate")).await;
    let (_, csv) = download(
        &app,
        &format!("/data/localgoals-{release}-poverty-rate.csv"),
    )
    .await;
    let (header, records) = read_csv(&csv);
    assert_eq!(csv_keys(&header, &records), all);

    let slug = all
        .iter()
        .map(|k| k.1.clone())
        .find(|s| s != "total")
        .expect("poverty-rate is disaggregated");
    let only: Vec<Key> = all.iter().filter(|k| k.1 == slug).cloned().collect();
    let encoded = app::escape::url_encode(&slug);
    for format in ["csv", "json", "parquet", "sdmx.csv"] {
        let path = format!("/data/localgoals-{release}-poverty-rate.{format}?series={encoded}");
        let (headers, bytes) = download(&app, &path).await;
        let disposition = headers[http::header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii");
        assert!(
            disposition.starts_with(&format!(
                "attachment; filename=\"localgoals-{release}-poverty-rate-"
            )) && disposition.ends_with(&format!(".{format}\"")),
            "{disposition}"
        );
        let keys = match format {
            "csv" => {
                let (header, records) = read_csv(&bytes);
                csv_keys(&header, &records)
            }
            "json" => json_keys(&serde_json::from_slice(&bytes).expect("JSON")),
            "parquet" => parquet_keys(&bytes),
            _ => {
                let mut reader = csv::Reader::from_reader(bytes.as_slice());
                let h: Vec<String> = reader
                    .headers()
                    .expect("h")
                    .iter()
                    .map(str::to_owned)
                    .collect();
                let (i, p, v) = (
                    column(&h, "INDICATOR"),
                    column(&h, "TIME_PERIOD"),
                    column(&h, "OBS_VALUE"),
                );
                sorted(
                    reader
                        .records()
                        .map(|r| r.expect("record"))
                        .map(|r| {
                            (
                                r[i].to_owned(),
                                slug.clone(),
                                r[p].to_owned(),
                                r[v].parse().expect("number"),
                            )
                        })
                        .collect(),
                )
            }
        };
        assert_eq!(keys, only, "{path}");
    }

    // What cannot be sent says what to do instead.
    let (status, body) = app
        .get(&format!(
            "/data/localgoals-{release}-poverty-rate.csv?series=sex%3Dnobody"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body.contains(&slug) && body.contains("/indicators/poverty-rate"),
        "{body}"
    );
    let (status, body) = app.get("/data/localgoals-r99999.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains(&release) && body.contains("/data"), "{body}");
    let (status, body) = app
        .get(&format!(
            "/data/localgoals-{release}-no-such-indicator.json"
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("no-such-indicator"), "{body}");
    let (status, _) = app.get(&format!("/data/localgoals-{release}.xlsx")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The same under the language prefix, in Dutch.
    let (status, body) = app.get("/nl/data/localgoals-r99999.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        body.contains(&release) && body.contains("/nl/data"),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_title_starting_with_equals_is_neutralised_in_csv_and_raw_in_json() {
    let hostile = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let dataset = common::demo_copy(
        |catalogue| {
            catalogue.replace(
                "poverty-rate,Residents living below the poverty line,",
                &format!("poverty-rate,\"{}\",", hostile.replace('"', "\"\"")),
            )
        },
        |areas| areas,
    );
    // A negative number stays a number (a text "-…" would be neutralised).
    let social = dataset.path().join("observations/social.csv");
    let observations = std::fs::read_to_string(&social).expect("social.csv");
    let row = "poverty-rate,2012,,,17.0,";
    assert_eq!(observations.matches(row).count(), 1);
    std::fs::write(
        &social,
        observations.replace(row, "poverty-rate,2012,,,-3.5,"),
    )
    .expect("write");
    let (app, release, _folder) = app_on(dataset.path()).await;
    let (_, csv) = download(
        &app,
        &format!("/data/localgoals-{release}-poverty-rate.csv"),
    )
    .await;
    let text = String::from_utf8(csv).expect("UTF-8");
    assert!(text.contains(",2012,-3.5,"), "{text}");
    for path in [
        format!("/data/localgoals-{release}.csv"),
        format!("/data/localgoals-{release}-poverty-rate.csv"),
    ] {
        let (_, csv) = download(&app, &path).await;
        let (header, records) = read_csv(&csv);
        let (id, title) = (
            column(&header, "indicator_id"),
            column(&header, "indicator_title"),
        );
        let titles: Vec<&str> = records
            .iter()
            .filter(|r| &r[id] == "poverty-rate")
            .map(|r| &r[title])
            .collect();
        assert!(!titles.is_empty());
        assert!(
            titles.iter().all(|t| *t == format!("'{hostile}")),
            "{path}: {titles:?}"
        );
        // No text cell of the file starts a formula.
        for record in &records {
            for cell in record.iter().filter(|c| c.parse::<f64>().is_err()) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell}"
                );
            }
        }
    }
    let (_, json) = download(
        &app,
        &format!("/data/localgoals-{release}-poverty-rate.json"),
    )
    .await;
    let json: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(json["observations"][0]["indicator_title"], hostile);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_internal_indicator_is_in_any_download() {
    let (app, release, _folder) = app_on(&common::demo_dataset()).await;
    let internal = common::internal_indicators();
    assert!(!internal.is_empty());
    for format in ["csv", "json", "sdmx.csv", "parquet", "zip"] {
        let (_, bytes) = download(&app, &format!("/data/localgoals-{release}.{format}")).await;
        let text: String = match format {
            "parquet" => {
                let frame = ParquetReader::new(Cursor::new(bytes))
                    .finish()
                    .expect("parquet");
                format!(
                    "{:?}",
                    frame
                        .column("indicator_id")
                        .expect("ids")
                        .unique()
                        .expect("unique")
                )
            }
            "zip" => {
                let mut archive = ::zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
                let mut all = String::new();
                for i in 0..archive.len() {
                    let mut file = archive.by_index(i).expect("entry");
                    let mut b = Vec::new();
                    file.read_to_end(&mut b).expect("read");
                    all.push_str(&String::from_utf8_lossy(&b));
                }
                all
            }
            _ => String::from_utf8(bytes).expect("UTF-8"),
        };
        for (id, title) in &internal {
            assert!(
                !text.contains(&format!("{id},")) && !text.contains(&format!("\"{id}\"")),
                "{id} in the {format}"
            );
            assert!(!text.contains(title.as_str()), "{title} in the {format}");
        }
        common::assert_no_internal(&format!("/data/….{format}"), &text);
    }
    for (id, _) in &internal {
        let (status, _) = app
            .get(&format!("/data/localgoals-{release}-{id}.csv"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_page_lists_the_files_licence_and_citation() {
    let (app, release, _folder) = app_on(&common::demo_dataset()).await;
    let licence = settings_licence();
    for prefix in ["", "/nl"] {
        let (status, body) = app.get(&format!("{prefix}/data")).await;
        assert_eq!(status, StatusCode::OK);
        for format in ["csv", "json", "parquet", "sdmx.csv", "zip"] {
            let href = format!("href=\"/data/localgoals-{release}.{format}\"");
            assert!(body.contains(&href), "{prefix}/data links {href}");
        }
        assert!(body.contains(&licence));
        assert!(body.contains(app::types::data::SDMX_STRUCTURE_ID));
        assert!(body.contains("href=\"/api/openapi.json\""));
        assert!(body.contains("href=\"/feeds/site.atom\""));
        assert!(body.contains("class=\"cite\""));
        common::assert_no_internal(&format!("{prefix}/data"), &body);
    }
    // The footer links it, and an indicator page offers its own files.
    let (_, home) = app.get("/").await;
    assert!(home.contains("href=\"/data\""));
    let slug = expected_rows(Some("poverty-rate"))
        .await
        .into_iter()
        .map(|k| k.1)
        .find(|s| s != "total")
        .expect("a disaggregated series");
    let encoded = app::escape::url_encode(&slug);
    let (_, page) = app
        .get(&format!("/indicators/poverty-rate?series={encoded}"))
        .await;
    assert!(page.contains(&format!(
        "href=\"/data/localgoals-{release}-poverty-rate.csv\""
    )));
    assert!(page.contains(&format!(
        "href=\"/data/localgoals-{release}-poverty-rate.csv?series={encoded}\""
    )));
    // The explorer's figure links follow the series it shows.
    assert!(page.contains(&format!(
        "href=\"/data/localgoals-{release}-poverty-rate.json?series={encoded}\""
    )));
}
