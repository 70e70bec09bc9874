//! Releases: every build of a dataset is written once, never changed, and
//! kept, so the site can show how a status changed from release to release.
//!
//! A release is a folder `releases/rNNNNN/` holding the processed observations
//! (Parquet), the catalogue as read, the computed statuses and the warnings,
//! and a `manifest.json` with each file's size and SHA-256. Writing is atomic:
//! everything goes to a `.building-*` folder first, each file is fsynced, the
//! folder is renamed into place, and only then does `releases/CURRENT` (itself
//! replaced by rename) point at it. A crash at any moment leaves the previous
//! release complete and current; a half-written folder is never visible under a
//! release name.

mod history;
mod load;
mod parquet;
mod series;
mod serve;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use polars::prelude::PolarsError;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Area, Dataset, Indicator};
use crate::progress::{ProgressMethod, ProgressStatus};
use crate::read::{open_dataset_columns, ReadError, Report};
use crate::statuses::{compute_columns, Statuses};
use crate::Problem;
pub use history::{all_statuses, status_history, HistoryEntry, ReleaseStatuses, SeriesStatus};
use load::check_readable;
pub use load::{load, load_current, load_servable, verify};
use parquet::observations_parquet;
use series::series_parquet;
pub use serve::{
    indicator_history, open_servable, IndicatorData, IndicatorRows, ReleaseIndex, RowRange,
    ServedRelease,
};

/// The folder under the data directory that holds releases.
pub const RELEASES_DIR: &str = "releases";
/// The file naming the current release.
pub const CURRENT_FILE: &str = "CURRENT";
const MANIFEST: &str = "manifest.json";
const OBSERVATIONS: &str = "observations.parquet";
const CATALOGUE: &str = "catalogue.json";
const STATUSES: &str = "statuses.json";
const SERIES: &str = "series.parquet";
const INDEX: &str = "index.json";
const PROBLEMS: &str = "problems.json";
/// 2: series summaries in `series.parquet`, no longer in `statuses.json`,
/// and `index.json`. Releases of format 1 still load.
const FORMAT: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(
        "{path}: {source}. Check that the data directory exists and Local Goals may write to it."
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write or read the processed data: {0}")]
    Data(#[from] PolarsError),
    #[error("could not encode or decode {file}: {source}")]
    Json {
        file: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}, column {column}, row {row}: {reason}. Rebuild the release with `localgoals build`.")]
    Column {
        file: String,
        column: String,
        row: usize,
        reason: String,
    },
    #[error("release {release} is damaged: {reason}. Rebuild it with `localgoals build`, or roll back to an earlier release.")]
    Damaged { release: String, reason: String },
    #[error("there is no release yet in {0}. Build one with `localgoals build DATASET`.")]
    NoRelease(PathBuf),
}

crate::wire_enum! {
    /// The steps of writing a release, in order: the points a crash test can
    /// stop a build at (see [`PAUSE_VARIABLE`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum WriteStep: "write step" {
        /// Every data file is written and fsynced in the `.building-*` folder.
        FilesWritten = "files-written",
        /// The manifest is written and the folder fsynced; not renamed yet.
        ManifestWritten = "manifest-written",
        /// The folder is renamed into place as `rNNNNN`; `CURRENT` unchanged.
        Renamed = "renamed",
        /// The new `CURRENT` is written to a temporary file, not renamed yet.
        CurrentWritten = "current-written",
        /// `CURRENT` names the new release.
        CurrentSwitched = "current-switched",
    }
}

/// Set to a [`WriteStep`] name, a build prints `paused at STEP` on standard
/// error when it reaches that step and waits there until it is killed. Only
/// the crash tests set it: it proves their kills land inside the write.
pub const PAUSE_VARIABLE: &str = "LOCALGOALS_PAUSE_AT";

fn reached(step: WriteStep) {
    if std::env::var(PAUSE_VARIABLE).is_ok_and(|v| v == step.as_str()) {
        eprintln!("paused at {step}");
        let _ = std::io::stderr().flush();
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ReleaseError + '_ {
    move |source| ReleaseError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// One file of a release, as the manifest records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What a release is: written last, and the proof the rest is whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub id: String,
    pub number: u32,
    /// Seconds since 1970-01-01 UTC.
    pub created_unix: u64,
    pub source: String,
    pub method: ProgressMethod,
    pub indicators: usize,
    pub series: usize,
    pub observations: usize,
    pub warnings: usize,
    /// Series per status.
    pub statuses: BTreeMap<ProgressStatus, usize>,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Catalogue {
    indicators: Vec<Indicator>,
    areas: Vec<Area>,
}

/// `statuses.json`: [`Statuses`] less its series, which go to
/// `series.parquet`.
#[derive(Serialize)]
struct StatusesFile<'a> {
    method: ProgressMethod,
    indicators: &'a [crate::statuses::IndicatorStatus],
    public: &'a crate::aggregate::Aggregates,
    staff: &'a crate::aggregate::Aggregates,
}

impl<'a> StatusesFile<'a> {
    fn of(statuses: &'a Statuses) -> Self {
        StatusesFile {
            method: statuses.method,
            indicators: &statuses.indicators,
            public: &statuses.public,
            staff: &statuses.staff,
        }
    }
}

/// A release read back from disk.
#[derive(Debug, Clone)]
pub struct Release {
    pub manifest: Manifest,
    pub dataset: Dataset,
    pub statuses: Statuses,
}

/// What `build` did. The report's observations are in its `frame` (a build
/// does not list them as structs).
#[derive(Debug)]
pub struct BuildOutcome {
    pub manifest: Manifest,
    pub report: Report,
}

/// Reads `dataset_dir` (a dataset folder or an Open SDG repository), refuses
/// it if it has errors, computes statuses and writes a new release that
/// becomes current.
pub fn build(
    dataset_dir: &Path,
    data_dir: &Path,
    method: Option<ProgressMethod>,
) -> Result<BuildOutcome, ReleaseError> {
    let report = open_dataset_columns(dataset_dir, &|_, _, _| {})?;
    if report.errors() > 0 {
        return Err(ReadError::Invalid {
            path: dataset_dir.to_path_buf(),
            errors: report.errors(),
        }
        .into());
    }
    let method = method.unwrap_or(report.settings.progress_method);
    let statuses = compute_columns(&report.dataset.indicators, &report.frame, method)?;
    let warnings: Vec<&Problem> = report.problems.iter().filter(|p| !p.is_error()).collect();
    let manifest = write_release(
        data_dir,
        &dataset_dir.display().to_string(),
        &report,
        &statuses,
        &warnings,
    )?;
    Ok(BuildOutcome { manifest, report })
}

fn releases_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(RELEASES_DIR)
}

/// Writes a file and forces it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<FileEntry, ReleaseError> {
    let mut file = File::create(path).map_err(io(path))?;
    file.write_all(bytes).map_err(io(path))?;
    file.sync_all().map_err(io(path))?;
    Ok(entry(path, bytes))
}

fn entry(path: &Path, bytes: &[u8]) -> FileEntry {
    FileEntry {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Makes a rename or a new file in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), ReleaseError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

/// Compact JSON; only the manifest, which people open, is pretty-printed.
fn json<T: Serialize>(file: &str, value: &T) -> Result<Vec<u8>, ReleaseError> {
    let encoded = if file == MANIFEST {
        serde_json::to_vec_pretty(value)
    } else {
        serde_json::to_vec(value)
    };
    encoded.map_err(|source| ReleaseError::Json {
        file: file.to_owned(),
        source,
    })
}

/// Where each indicator's rows are in the two Parquet files.
fn release_index(
    observations: &crate::frame::ObservationFrame,
    series: &[crate::summary::SeriesSummary],
) -> Result<ReleaseIndex, ReleaseError> {
    let ids = observations
        .frame()
        .column(crate::frame::columns::INDICATOR)?
        .str()?
        .clone();
    ReleaseIndex::of(ids.iter(), series)
}

/// Numbers of the releases present, ascending.
pub fn release_numbers(data_dir: &Path) -> Vec<u32> {
    let mut numbers: Vec<u32> = fs::read_dir(releases_dir(data_dir))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_prefix('r'))
                        .and_then(|n| n.parse().ok())
                })
                .collect()
        })
        .unwrap_or_default();
    numbers.sort_unstable();
    numbers
}

fn release_id(number: u32) -> String {
    format!("r{number:05}")
}

fn write_release(
    data_dir: &Path,
    source: &str,
    dataset: &Report,
    statuses: &Statuses,
    warnings: &[&Problem],
) -> Result<Manifest, ReleaseError> {
    let releases = releases_dir(data_dir);
    fs::create_dir_all(&releases).map_err(io(&releases))?;
    // Leftovers of builds that died are never visible as releases; clear the
    // old ones (a young one may belong to a build running right now).
    if let Ok(entries) = fs::read_dir(&releases) {
        for e in entries.filter_map(Result::ok) {
            let stale = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 600);
            if e.file_name().to_string_lossy().starts_with(".building-") && stale {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    let staging = releases.join(format!(
        ".building-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    fs::create_dir_all(&staging).map_err(io(&staging))?;

    let mut files = vec![
        write_synced(
            &staging.join(OBSERVATIONS),
            &observations_parquet(&dataset.frame)?,
        )?,
        write_synced(
            &staging.join(CATALOGUE),
            &json(
                CATALOGUE,
                &Catalogue {
                    indicators: dataset.dataset.indicators.clone(),
                    areas: dataset.dataset.areas.clone(),
                },
            )?,
        )?,
        write_synced(
            &staging.join(STATUSES),
            &json(STATUSES, &StatusesFile::of(statuses))?,
        )?,
        write_synced(&staging.join(SERIES), &series_parquet(&statuses.series)?)?,
        write_synced(
            &staging.join(INDEX),
            &json(INDEX, &release_index(&dataset.frame, &statuses.series)?)?,
        )?,
        write_synced(&staging.join(PROBLEMS), &json(PROBLEMS, &warnings)?)?,
    ];
    files.sort_by(|a, b| a.name.cmp(&b.name));
    reached(WriteStep::FilesWritten);
    // Read back what was written, as `load` will: a release that cannot be
    // loaded must never become a release, let alone the current one.
    if let Err(err) = check_readable(&staging) {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    let mut counts: BTreeMap<ProgressStatus, usize> = BTreeMap::new();
    for s in &statuses.series {
        *counts.entry(s.progress.status).or_default() += 1;
    }
    // Nothing changed since the current release: keep it rather than pile up
    // identical releases (every `serve` builds).
    if let Some(current) = current_id(data_dir).and_then(|id| verify(&releases.join(id)).ok()) {
        if current.files == files && current.method == statuses.method {
            let _ = fs::remove_dir_all(&staging);
            return Ok(current);
        }
    }
    let mut number = release_numbers(data_dir).last().copied().unwrap_or(0) + 1;
    loop {
        let id = release_id(number);
        let manifest = Manifest {
            format: FORMAT,
            id: id.clone(),
            number,
            created_unix: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            source: source.to_owned(),
            method: statuses.method,
            indicators: dataset.dataset.indicators.len(),
            series: statuses.series.len(),
            observations: dataset.frame.height(),
            warnings: warnings.len(),
            statuses: counts.clone(),
            files: files.clone(),
        };
        // The manifest goes last: a release folder with a valid manifest is whole.
        write_synced(&staging.join(MANIFEST), &json(MANIFEST, &manifest)?)?;
        sync_dir(&staging)?;
        reached(WriteStep::ManifestWritten);
        let target = releases.join(&id);
        match fs::rename(&staging, &target) {
            Ok(()) => {
                sync_dir(&releases)?;
                reached(WriteStep::Renamed);
                // Read back and checksummed in the staging folder already;
                // the rename changed no byte.
                switch_current(data_dir, &id)?;
                return Ok(manifest);
            }
            // Another build took this number first: take the next one.
            Err(_) if target.exists() => number += 1,
            Err(err) => return Err(io(&target)(err)),
        }
    }
}

/// Points `CURRENT` at `id` (atomically: write a temporary file, then
/// rename), once the release has loaded whole.
pub fn set_current(data_dir: &Path, id: &str) -> Result<(), ReleaseError> {
    let releases = releases_dir(data_dir);
    verify(&releases.join(id))?;
    check_readable(&releases.join(id))?;
    switch_current(data_dir, id)
}

/// Points `CURRENT` at `id`, a release known to be whole.
fn switch_current(data_dir: &Path, id: &str) -> Result<(), ReleaseError> {
    let releases = releases_dir(data_dir);
    let tmp = releases.join(format!(".{CURRENT_FILE}.{}", std::process::id()));
    write_synced(&tmp, format!("{id}\n").as_bytes())?;
    reached(WriteStep::CurrentWritten);
    let current = releases.join(CURRENT_FILE);
    fs::rename(&tmp, &current).map_err(io(&current))?;
    sync_dir(&releases)?;
    reached(WriteStep::CurrentSwitched);
    Ok(())
}

/// The id `CURRENT` names, if any.
pub fn current_id(data_dir: &Path) -> Option<String> {
    fs::read_to_string(releases_dir(data_dir).join(CURRENT_FILE))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests;
