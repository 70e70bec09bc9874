//! `GET /data/{file}`: the served release's public figures as files to
//! download: the whole release (`localgoals-{release}.csv|json|parquet|
//! sdmx.csv|zip`) or one indicator (`localgoals-{release}-{id}.…`, with
//! `?series=` for one series). Each file is made once per release on a
//! blocking thread (polars) and kept; docs/downloads.md describes the formats.

mod package;
mod parquet;
pub mod table;
pub mod write;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use app::i18n::{tr, Locale};
use app::ssr::{DashboardData, PublicIndex};
use app::types::data::{file_name, DownloadFormat, FILE_PREFIX};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::AppState;
use write::WriteError;

/// This module's routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/data/{file}", get(download))
}

/// What a download asked for, from its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub release: String,
    /// `None`: the whole release.
    pub indicator: Option<String>,
    pub format: DownloadFormat,
}

/// `localgoals-r00003-poverty-rate.csv` → release `r00003`, indicator
/// `poverty-rate`, CSV. Release ids have no `-`, indicator ids may.
pub fn parse(file: &str) -> Option<Asked> {
    let (stem, format) = DownloadFormat::split(file)?;
    let rest = stem.strip_prefix(FILE_PREFIX)?;
    let (release, indicator) = match rest.split_once('-') {
        Some((release, id)) => (release, Some(id.to_owned())),
        None => (rest, None),
    };
    (!release.is_empty() && indicator.as_deref() != Some("")).then(|| Asked {
        release: release.to_owned(),
        indicator,
        format,
    })
}

/// Why a file cannot be sent.
#[derive(Debug, thiserror::Error)]
enum DownloadError {
    #[error("no such file")]
    NoSuchFile,
    #[error("another release")]
    OtherRelease { asked: String },
    #[error("unknown indicator")]
    UnknownIndicator(String),
    #[error("unknown series")]
    UnknownSeries {
        indicator: String,
        series: String,
        known: Vec<String>,
    },
    #[error("{0}")]
    Write(#[from] WriteError),
}

impl DownloadError {
    /// The answer: 404 with what to do in the reader's language, or 500.
    fn answer(&self, locale: Locale, current: &str) -> Response {
        let data_page = locale.href("/data");
        let message = match self {
            DownloadError::NoSuchFile => tr(
                locale,
                "downloads-no-such-file",
                &[("data", data_page.into())],
            ),
            DownloadError::OtherRelease { asked } => tr(
                locale,
                "downloads-other-release",
                &[
                    ("asked", asked.clone().into()),
                    ("current", current.to_owned().into()),
                    ("data", data_page.into()),
                ],
            ),
            DownloadError::UnknownIndicator(id) => tr(
                locale,
                "downloads-unknown-indicator",
                &[("id", id.clone().into()), ("data", data_page.into())],
            ),
            DownloadError::UnknownSeries {
                indicator,
                series,
                known,
            } => tr(
                locale,
                "downloads-unknown-series",
                &[
                    ("series", series.clone().into()),
                    ("id", indicator.clone().into()),
                    ("known", known.join(", ").into()),
                    (
                        "page",
                        locale
                            .href(&format!(
                                "/indicators/{}",
                                app::escape::url_encode(indicator)
                            ))
                            .into(),
                    ),
                ],
            ),
            DownloadError::Write(err) => {
                tracing::error!(%err, "a download could not be made");
                app::error::AppError::Internal.message(locale)
            }
        };
        let status = match self {
            DownloadError::Write(_) => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::NOT_FOUND,
        };
        (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            )],
            message,
        )
            .into_response()
    }
}

/// `GET /data/{file}`.
async fn download(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
    locale: Option<Extension<Locale>>,
) -> Response {
    let locale = locale.map_or(Locale::En, |Extension(l)| l);
    let served = state.served.now();
    let current = served.release.clone();
    let series = pairs
        .into_iter()
        .find(|(k, v)| k == "series" && !v.is_empty())
        .map(|(_, v)| v);
    let made =
        tokio::task::spawn_blocking(move || make(&served.data, &file, series.as_deref())).await;
    match made {
        Ok(Ok((format, name, bytes))) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(format.content_type()),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                        .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
                ),
            ],
            bytes.to_vec(),
        )
            .into_response(),
        Ok(Err(err)) => err.answer(locale, &current),
        Err(err) => {
            tracing::error!(%err, "making a download stopped unexpectedly");
            DownloadError::Write(WriteError::Io(std::io::Error::other(err.to_string())))
                .answer(locale, &current)
        }
    }
}

/// The file `file` of the served release (for `series` of its indicator):
/// its format, the name it is saved as, and its bytes.
fn make(
    data: &DashboardData,
    file: &str,
    series: Option<&str>,
) -> Result<(DownloadFormat, String, Arc<Vec<u8>>), DownloadError> {
    let asked = parse(file).ok_or(DownloadError::NoSuchFile)?;
    if asked.release != data.release {
        return Err(DownloadError::OtherRelease {
            asked: asked.release,
        });
    }
    let Some(id) = asked.indicator else {
        let bytes = whole_release(data, asked.format)?;
        return Ok((
            asked.format,
            file_name(&data.release, None, asked.format),
            bytes,
        ));
    };
    // The zip is the whole release only.
    if asked.format == DownloadFormat::Zip {
        return Err(DownloadError::NoSuchFile);
    }
    let indicator = data
        .public_indicator(&id)
        .ok_or_else(|| DownloadError::UnknownIndicator(id.clone()))?;
    let id = indicator.id.clone();
    let slug = match series {
        None => None,
        Some(asked) => {
            let all = data.index.series_only(&id);
            let chosen = app::ssr::data::pick_series(&all, asked).map_err(|series| {
                DownloadError::UnknownSeries {
                    indicator: id.clone(),
                    series,
                    known: all.iter().map(|s| s.key.dimensions.slug()).collect(),
                }
            })?;
            Some(chosen.key.dimensions.slug())
        }
    };
    let key = format!(
        "{id}\u{0}{}\u{0}{}",
        slug.as_deref().unwrap_or(""),
        asked.format
    );
    let bytes = kept(data, &key, || {
        let ids = [id.as_str()];
        let table = table::build(
            data,
            Some(&ids),
            |s| {
                slug.as_ref()
                    .is_none_or(|slug| &s.key.dimensions.slug() == slug)
            },
            slug.is_none(),
        );
        single(data, &table, asked.format, Some(&id), slug.as_deref())
    })?;
    let name = match &slug {
        Some(slug) => format!(
            "{FILE_PREFIX}{}-{id}-{}.{}",
            data.release,
            file_safe(slug),
            asked.format
        ),
        None => file_name(&data.release, Some(&id), asked.format),
    };
    Ok((asked.format, name, bytes))
}

/// A series slug as part of a file name: `sex=female;age=0-17` →
/// `sex-female-age-0-17`.
fn file_safe(slug: &str) -> String {
    slug.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// One table written in `format` (not the zip).
fn single(
    data: &DashboardData,
    table: &table::Table,
    format: DownloadFormat,
    indicator: Option<&str>,
    series: Option<&str>,
) -> Result<Vec<u8>, WriteError> {
    match format {
        DownloadFormat::Csv => write::csv(table),
        DownloadFormat::SdmxCsv => write::sdmx_csv(table),
        DownloadFormat::Json => {
            // Files are the same for every reader: cited in English.
            let facts = app::ssr::data::facts(data, Locale::En);
            write::json(table, &facts, indicator, series)
        }
        DownloadFormat::Parquet => parquet::parquet(table),
        DownloadFormat::Zip => zip_of(data, table, |f| {
            single(data, table, f, None, None).map(Arc::new)
        }),
    }
}

/// The zip of `table`, its four files made by `part`.
fn zip_of(
    data: &DashboardData,
    table: &table::Table,
    part: impl Fn(DownloadFormat) -> Result<Arc<Vec<u8>>, WriteError>,
) -> Result<Vec<u8>, WriteError> {
    let facts = app::ssr::data::facts(data, Locale::En);
    let (csv, json) = (part(DownloadFormat::Csv)?, part(DownloadFormat::Json)?);
    let (parquet, sdmx) = (
        part(DownloadFormat::Parquet)?,
        part(DownloadFormat::SdmxCsv)?,
    );
    package::zip(
        table,
        &facts,
        &package::Files {
            csv: &csv,
            json: &json,
            parquet: &parquet,
            sdmx: &sdmx,
        },
    )
}

/// A whole-release file, kept. The zip is made from the kept files (made
/// from the same one read of the release when not yet kept), so it holds
/// exactly the bytes of the separate downloads.
fn whole_release(data: &DashboardData, format: DownloadFormat) -> Result<Arc<Vec<u8>>, WriteError> {
    let key = |f: DownloadFormat| format!("\u{0}{f}");
    let read = || table::build(data, None, |_| true, true);
    if format != DownloadFormat::Zip {
        return kept(data, &key(format), || {
            single(data, &read(), format, None, None)
        });
    }
    kept(data, &key(format), || {
        let table = read();
        zip_of(data, &table, |f| {
            kept(data, &key(f), || single(data, &table, f, None, None))
        })
    })
}

/// The files made for one release: keyed by the release's public index,
/// which a publish or rollback replaces (a `Weak` so that an old index's
/// address is not reused while it is remembered).
struct Kept {
    owner: Weak<PublicIndex>,
    files: HashMap<String, Arc<Vec<u8>>>,
}

static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

/// How many files a release keeps (every format of every indicator of a
/// large city, with room for some series).
const KEPT_FILES: usize = 1024;

/// The file `key` of `data`'s release, made by `make` the first time. Two
/// requests at once may both make it; the file is the same.
fn kept<E>(
    data: &DashboardData,
    key: &str,
    make: impl FnOnce() -> Result<Vec<u8>, E>,
) -> Result<Arc<Vec<u8>>, E> {
    let lock = || KEPT.lock().unwrap_or_else(|p| p.into_inner());
    let ours = |kept: &Kept| Weak::ptr_eq(&kept.owner, &Arc::downgrade(&data.index));
    if let Some(file) = lock()
        .as_ref()
        .filter(|k| ours(k))
        .and_then(|k| k.files.get(key))
    {
        return Ok(file.clone());
    }
    let file = Arc::new(make()?);
    let mut guard = lock();
    let kept = match guard.as_mut() {
        Some(k) if ours(k) && k.files.len() < KEPT_FILES => k,
        _ => guard.insert(Kept {
            owner: Arc::downgrade(&data.index),
            files: HashMap::new(),
        }),
    };
    kept.files.insert(key.to_owned(), file.clone());
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_parse_into_release_indicator_and_format() {
        assert_eq!(
            parse("localgoals-r00003-poverty-rate.sdmx.csv"),
            Some(Asked {
                release: "r00003".into(),
                indicator: Some("poverty-rate".into()),
                format: DownloadFormat::SdmxCsv
            })
        );
        assert_eq!(
            parse("localgoals-r00003.zip"),
            Some(Asked {
                release: "r00003".into(),
                indicator: None,
                format: DownloadFormat::Zip
            })
        );
        assert_eq!(parse("localgoals-r00003-.csv"), None);
        assert_eq!(parse("other-r00003.csv"), None);
        assert_eq!(parse("localgoals-r00003.xlsx"), None);
    }

    #[test]
    fn series_slugs_become_safe_file_name_parts() {
        assert_eq!(file_safe("sex=female;age=0-17"), "sex-female-age-0-17");
    }
}
