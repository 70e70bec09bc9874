//! `POST /staff/upload` at the door: the file is streamed to disk under a
//! size cap, its name and kind checked, and, if accepted, archived with its
//! SHA-256 before anything else happens to it. What is refused leaves
//! nothing behind.

use std::path::{Path, PathBuf};

use axum::extract::Multipart;
use axum::http::StatusCode;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::drafts::ChangeKind;
use super::StaffError;

/// The fault point of [`indicators::release::FAIL_VARIABLE`] that fails
/// archiving an upload as if the disk were full.
pub const UPLOAD_FAULT: &str = "upload";

/// The archive of accepted uploads, under the data directory.
pub const UPLOADS_DIR: &str = "workspace/uploads";

/// Why a file was refused at the door; each says what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refusal {
    #[error("The form had no file. Choose a CSV or XLSX file and send the form again.")]
    NoFile,
    #[error("{name:?} is over the upload limit of {limit_mb} MB. Split it into smaller files (one per department or per indicator) and upload each.")]
    TooLarge { name: String, limit_mb: u64 },
    #[error("{name:?} is empty. Check that you chose the right file, or export it again.")]
    Empty { name: String },
    #[error("{name:?} is not a CSV or XLSX file. Save it from your spreadsheet as CSV (.csv, .tsv, .txt) or Excel workbook (.xlsx) and upload that.")]
    NotCsvOrXlsx { name: String },
    #[error("{name:?} is not a file name the workspace accepts: use letters, digits, spaces, '-', '_' and '.', no folders, and a name not starting with '.'. Rename the file and upload it again.")]
    BadName { name: String },
    #[error("{name:?} would replace the catalogue, areas, actions, groups, recommendations or qualitative statements, which must be CSV: save it as catalogue.csv, areas.csv, actions.csv, groups.csv, recommendations.csv or qualitative.csv.")]
    MetadataNotCsv { name: String },
    #[error("{name:?} is GeoJSON: the workspace reads district boundaries only from a file named districts.geojson. Rename it and upload it again.")]
    GeoJsonName { name: String },
    #[error("There is no working dataset yet to add files to. Import one first: localgoals import DATASET_FOLDER.")]
    NoWorkingDataset,
}

/// Why `refusal` happened and what to do, in the request's language,
/// escaped for HTML (the `Display` text is the English one, for logs).
pub(super) fn refusal_words(refusal: &Refusal) -> String {
    use super::words::{w, wf};
    let quoted = |name: &str| format!("{name:?}");
    match refusal {
        Refusal::NoFile => w("staff-refusal-no-file"),
        Refusal::TooLarge { name, limit_mb } => wf(
            "staff-refusal-too-large",
            &[
                ("name", quoted(name).into()),
                ("mb", limit_mb.to_string().into()),
            ],
        ),
        Refusal::Empty { name } => wf("staff-refusal-empty", &[("name", quoted(name).into())]),
        Refusal::NotCsvOrXlsx { name } => {
            wf("staff-refusal-not-csv", &[("name", quoted(name).into())])
        }
        Refusal::BadName { name } => wf("staff-refusal-bad-name", &[("name", quoted(name).into())]),
        Refusal::MetadataNotCsv { name } => wf(
            "staff-refusal-metadata-not-csv",
            &[("name", quoted(name).into())],
        ),
        Refusal::GeoJsonName { name } => wf(
            "staff-refusal-geojson-name",
            &[("name", quoted(name).into())],
        ),
        Refusal::NoWorkingDataset => w("staff-refusal-no-working-dataset"),
    }
}

impl Refusal {
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::NotCsvOrXlsx { .. }
            | Refusal::MetadataNotCsv { .. }
            | Refusal::GeoJsonName { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::NoWorkingDataset => StatusCode::CONFLICT,
            _ => StatusCode::BAD_REQUEST,
        }
    }
}

/// A file's format, from its name and checked against its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.csv`, `.tsv` or `.txt`.
    Text,
    Xlsx,
    /// `districts.geojson`: JSON, which the boundaries reader checks
    /// (with the line and column of each problem).
    Json,
}

/// An accepted, archived upload.
#[derive(Debug, Clone)]
pub struct Received {
    pub name: String,
    pub kind: ChangeKind,
    pub format: Format,
    pub bytes: u64,
    pub sha256: String,
    /// Where it is archived, relative to the data directory.
    pub archived: String,
}

/// The name as a plain file name, or why it is refused. Browsers send the
/// base name only; anything with a folder in it did not come from one.
pub fn safe_name(raw: &str) -> Result<String, Refusal> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Refusal::NoFile);
    }
    let bad = || Refusal::BadName {
        name: name.chars().take(120).collect(),
    };
    if name.len() > 120
        || name.starts_with('.')
        || name.contains("..")
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '))
    {
        return Err(bad());
    }
    Ok(name.to_owned())
}

/// The files beside the observations that must be CSV, by name less its
/// extension: `groups.xlsx` is refused rather than read as observations.
const METADATA_STEMS: [&str; 6] = [
    "catalogue",
    "areas",
    "actions",
    "groups",
    "recommendations",
    "qualitative",
];

/// The format a name claims, and which part of the dataset it changes.
pub fn classify(name: &str) -> Result<(ChangeKind, Format), Refusal> {
    let lower = name.to_lowercase();
    let format = match lower.rsplit_once('.').map(|(_, ext)| ext) {
        Some("csv" | "tsv" | "txt") => Format::Text,
        Some("xlsx") => Format::Xlsx,
        Some("geojson" | "json") => Format::Json,
        _ => {
            return Err(Refusal::NotCsvOrXlsx {
                name: name.to_owned(),
            })
        }
    };
    let kind = match lower.as_str() {
        "catalogue.csv" => ChangeKind::Catalogue,
        "areas.csv" => ChangeKind::Areas,
        "actions.csv" => ChangeKind::Actions,
        "groups.csv" => ChangeKind::Groups,
        "recommendations.csv" => ChangeKind::Recommendations,
        "qualitative.csv" => ChangeKind::Qualitative,
        "districts.geojson" => ChangeKind::Districts,
        // Only the boundaries are JSON, under one name.
        _ if format == Format::Json => {
            return Err(Refusal::GeoJsonName {
                name: name.to_owned(),
            })
        }
        _ if METADATA_STEMS
            .iter()
            .any(|stem| lower.strip_prefix(stem).is_some_and(|r| r.starts_with('.'))) =>
        {
            return Err(Refusal::MetadataNotCsv {
                name: name.to_owned(),
            })
        }
        _ => ChangeKind::Observations,
    };
    Ok((kind, format))
}

/// Whether the first bytes fit the format: a workbook is a zip archive;
/// text has no NUL byte (unless it starts with a UTF-16 byte-order mark).
pub fn looks_like(format: Format, head: &[u8]) -> bool {
    match format {
        Format::Xlsx => head.starts_with(b"PK\x03\x04"),
        Format::Json => !(head.contains(&0) || head.starts_with(b"PK\x03\x04")),
        Format::Text => {
            head.starts_with(&[0xFF, 0xFE])
                || head.starts_with(&[0xFE, 0xFF])
                || !(head.contains(&0) || head.starts_with(b"PK\x03\x04"))
        }
    }
}

/// Whether a NUL byte found anywhere in the file makes it binary: in a
/// text or JSON file (not UTF-16, whose every ASCII letter has one). The
/// first bytes alone let a file with binary content further on through.
pub fn nul_means_binary(format: Format, head: &[u8]) -> bool {
    match format {
        Format::Xlsx => false,
        Format::Json => true,
        Format::Text => !(head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF])),
    }
}

/// Reads the form after its CSRF field: the file part streamed into the
/// archive, checked on the way. `check_csrf` sees the first field's text.
pub async fn receive(
    multipart: &mut Multipart,
    data_dir: &Path,
    limit: u64,
    now: i64,
    check_csrf: impl FnOnce(&str) -> bool,
) -> Result<Result<Received, Refusal>, StaffError> {
    // The token comes first (the form puts it first, and browsers send
    // fields in order), so nothing of a forged form is read further.
    let Ok(Some(field)) = multipart.next_field().await else {
        return Err(StaffError::Csrf);
    };
    if field.name() != Some("csrf") {
        return Err(StaffError::Csrf);
    }
    let token = field.text().await.map_err(|_| StaffError::Csrf)?;
    if !check_csrf(&token) {
        return Err(StaffError::Csrf);
    }
    let mut field = match multipart.next_field().await {
        Ok(Some(field)) if field.name() == Some("file") => field,
        _ => return Ok(Err(Refusal::NoFile)),
    };
    let name = match safe_name(field.file_name().unwrap_or_default()) {
        Ok(name) => name,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let (kind, format) = match classify(&name) {
        Ok(found) => found,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let archive = data_dir.join(UPLOADS_DIR);
    tokio::fs::create_dir_all(&archive)
        .await
        .map_err(|e| io_failure(&archive, &e))?;
    let incoming = archive.join(format!(
        ".incoming-{}",
        super::secret::Token::new().reveal()
    ));
    let written = stream(&mut field, &incoming, limit).await;
    let refuse = |refusal: Refusal| async {
        let _ = tokio::fs::remove_file(&incoming).await;
        Ok(Err(refusal))
    };
    let (bytes, sha256, head, nul) = match written {
        Ok(Streamed::Whole {
            bytes,
            sha256,
            head,
            nul,
        }) => (bytes, sha256, head, nul),
        Ok(Streamed::TooLarge) => {
            return refuse(Refusal::TooLarge {
                name,
                limit_mb: limit / (1024 * 1024),
            })
            .await
        }
        Err(err) => {
            let _ = tokio::fs::remove_file(&incoming).await;
            return Err(err);
        }
    };
    if bytes == 0 {
        return refuse(Refusal::Empty { name }).await;
    }
    if !looks_like(format, &head) || (nul && nul_means_binary(format, &head)) {
        return refuse(Refusal::NotCsvOrXlsx { name }).await;
    }
    let relative = format!("{UPLOADS_DIR}/{now}-{}-{name}", &sha256[..12]);
    let target = data_dir.join(&relative);
    tokio::fs::rename(&incoming, &target)
        .await
        .map_err(|e| io_failure(&target, &e))?;
    if let Ok(dir) = tokio::fs::File::open(&archive).await {
        let _ = dir.sync_all().await;
    }
    Ok(Ok(Received {
        name,
        kind,
        format,
        bytes,
        sha256,
        archived: relative,
    }))
}

enum Streamed {
    Whole {
        bytes: u64,
        sha256: String,
        head: Vec<u8>,
        /// Whether a NUL byte came anywhere in the file.
        nul: bool,
    },
    TooLarge,
}

/// Writes the field to `path` chunk by chunk, hashing as it goes; stops at
/// `limit` bytes.
async fn stream(
    field: &mut axum::extract::multipart::Field<'_>,
    path: &Path,
    limit: u64,
) -> Result<Streamed, StaffError> {
    let mut file = tokio::fs::File::create(path)
        .await
        .map_err(|e| io_failure(path, &e))?;
    let (mut bytes, mut hasher, mut head, mut nul) = (0u64, Sha256::new(), Vec::new(), false);
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            // The body ended early or broke the multipart format: the
            // browser will show the failure; nothing is kept.
            Err(err) => {
                tracing::warn!(%err, "an upload stopped part-way");
                return Err(StaffError::UploadBroken);
            }
        };
        bytes += chunk.len() as u64;
        if bytes > limit {
            // Read on (up to four times the limit, keeping nothing) so a
            // browser still sending sees the answer rather than a reset
            // connection.
            drop(file);
            let _ = tokio::fs::remove_file(path).await;
            while bytes <= limit.saturating_mul(4) {
                match field.chunk().await {
                    Ok(Some(chunk)) => bytes += chunk.len() as u64,
                    _ => break,
                }
            }
            return Ok(Streamed::TooLarge);
        }
        if head.len() < 8192 {
            head.extend_from_slice(&chunk[..chunk.len().min(8192 - head.len())]);
        }
        nul = nul || chunk.contains(&0);
        hasher.update(&chunk);
        file.write_all(&chunk)
            .await
            .map_err(|e| io_failure(path, &e))?;
        // The fault tests' "disk full" (see `FAIL_VARIABLE`).
        indicators::release::injected_fault(UPLOAD_FAULT).map_err(|e| io_failure(path, &e))?;
    }
    file.sync_all().await.map_err(|e| io_failure(path, &e))?;
    Ok(Streamed::Whole {
        bytes,
        sha256: super::secret::hex(&hasher.finalize()),
        head,
        nul,
    })
}

fn io_failure(path: &Path, err: &std::io::Error) -> StaffError {
    let shown = format!("{}: {err}", path.display());
    match err.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            StaffError::DiskFull(shown)
        }
        _ => StaffError::Disk(shown),
    }
}

/// The archived file's full path.
pub fn archived_path(data_dir: &Path, relative: &str) -> PathBuf {
    data_dir.join(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_folders_or_hidden_names_are_refused() {
        for name in [
            "../../etc/passwd",
            "..\\..\\boot.ini",
            "a/b.csv",
            ".env.csv",
            "x..csv",
            "rent\u{0}.csv",
        ] {
            assert!(
                matches!(safe_name(name), Err(Refusal::BadName { .. })),
                "{name}"
            );
        }
        assert_eq!(
            safe_name(" wijk data_2024.csv "),
            Ok("wijk data_2024.csv".into())
        );
        assert_eq!(safe_name(""), Err(Refusal::NoFile));
    }

    #[test]
    fn only_csv_and_xlsx_are_accepted_and_metadata_must_be_csv() {
        assert_eq!(
            classify("housing.CSV"),
            Ok((ChangeKind::Observations, Format::Text))
        );
        assert_eq!(
            classify("catalogue.csv"),
            Ok((ChangeKind::Catalogue, Format::Text))
        );
        assert_eq!(classify("Areas.csv"), Ok((ChangeKind::Areas, Format::Text)));
        assert_eq!(
            classify("actions.csv"),
            Ok((ChangeKind::Actions, Format::Text))
        );
        assert!(classify("actions.xlsx").is_err());
        for (name, kind) in [
            ("groups.csv", ChangeKind::Groups),
            ("Recommendations.csv", ChangeKind::Recommendations),
            ("qualitative.csv", ChangeKind::Qualitative),
        ] {
            assert_eq!(classify(name), Ok((kind, Format::Text)), "{name}");
        }
        assert_eq!(
            classify("districts.geojson"),
            Ok((ChangeKind::Districts, Format::Json))
        );
        for name in [
            "groups.xlsx",
            "recommendations.tsv.xlsx",
            "qualitative.xlsx",
        ] {
            assert!(
                matches!(classify(name), Err(Refusal::MetadataNotCsv { .. })),
                "{name}"
            );
        }
        for name in ["wijken.geojson", "districts.json"] {
            assert!(
                matches!(classify(name), Err(Refusal::GeoJsonName { .. })),
                "{name}"
            );
        }
        // Only the exact stem is metadata: an observation file may start
        // with the same letters.
        assert_eq!(
            classify("groupsize.csv"),
            Ok((ChangeKind::Observations, Format::Text))
        );
        assert_eq!(
            classify("book.xlsx"),
            Ok((ChangeKind::Observations, Format::Xlsx))
        );
        assert!(matches!(
            classify("catalogue.xlsx"),
            Err(Refusal::MetadataNotCsv { .. })
        ));
        for name in ["passwd", "report.pdf", "macro.xlsm", "data.xls"] {
            assert!(
                matches!(classify(name), Err(Refusal::NotCsvOrXlsx { .. })),
                "{name}"
            );
        }
    }

    #[test]
    fn contents_must_match_the_name() {
        assert!(looks_like(Format::Text, b"indicator;year;value\n"));
        assert!(looks_like(Format::Text, &[0xFF, 0xFE, b'i', 0]));
        assert!(!looks_like(Format::Text, b"\x7fELF\x02\x01\x01\0"));
        assert!(!looks_like(Format::Text, b"PK\x03\x04rest"));
        assert!(looks_like(Format::Xlsx, b"PK\x03\x04rest"));
        assert!(looks_like(
            Format::Json,
            b"{\"type\": \"FeatureCollection\""
        ));
        assert!(!looks_like(Format::Json, b"PK\x03\x04rest"));
        assert!(!looks_like(Format::Xlsx, b"indicator,year\n"));
    }

    /// Found by the hostile-input corpus: only the first 8 KiB were looked
    /// at, so a CSV with NUL bytes further on was read, and its NULs
    /// published in a label.
    #[test]
    fn a_nul_byte_anywhere_makes_text_or_json_binary_but_not_utf16_or_a_workbook() {
        assert!(nul_means_binary(Format::Text, b"indicator,year,value\n"));
        assert!(nul_means_binary(Format::Json, b"{\"type\": 1}"));
        assert!(!nul_means_binary(Format::Text, &[0xFF, 0xFE, b'i', 0]));
        assert!(!nul_means_binary(Format::Text, &[0xFE, 0xFF, 0, b'i']));
        assert!(!nul_means_binary(Format::Xlsx, b"PK\x03\x04"));
    }
}
