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

mod groups;
mod history;
mod load;
mod parquet;
mod series;
mod serve;
mod write;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use polars::prelude::PolarsError;
use serde::{Deserialize, Serialize};

use crate::model::{Action, Area, Dataset, Indicator, Labels, Supplements};
use crate::progress::{ProgressMethod, ProgressStatus};
use crate::read::{open_dataset_columns, ReadError, Report};
use crate::statuses::Statuses;
use crate::Problem;
pub use history::{all_statuses, status_history, HistoryEntry, ReleaseStatuses, SeriesStatus};
use load::{check_observations_readable, check_readable};
pub use load::{
    counted_results, indicator_statuses, load, load_current, load_servable, previous_release,
    verify,
};
pub use serve::{
    indicator_history, open_servable, IndicatorData, IndicatorRows, ReleaseIndex, RowRange,
    ServedRelease,
};
#[cfg(test)]
use write::entry;
use write::{
    file_entry, hex, json, new_staging, publish, sync_dir, write_release, write_synced,
    ReleaseFacts,
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
const COUNTED: &str = "counted.parquet";
const PROBLEMS: &str = "problems.json";
/// 2: series summaries in `series.parquet` and counted results in
/// `counted.parquet`, no longer in `statuses.json`, and `index.json`. Releases of format 1 still load.
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

/// A test hook, like [`PAUSE_VARIABLE`]: set to a fault point's name (a
/// [`WriteStep`], or `upload` for the server's upload archive), the write
/// that completes that step fails as if the disk were full (an
/// [`std::io::ErrorKind::StorageFull`] error). Only the fault tests set it:
/// it proves a full disk is answered clearly and leaves nothing half-written.
pub const FAIL_VARIABLE: &str = "LOCALGOALS_FAIL_AT";

/// The injected "disk full" error if [`FAIL_VARIABLE`] names `point`.
pub fn injected_fault(point: &str) -> Result<(), std::io::Error> {
    if std::env::var(FAIL_VARIABLE).is_ok_and(|v| v == point) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            format!("no space left on device (injected by {FAIL_VARIABLE}={point})"),
        ));
    }
    Ok(())
}

/// [`injected_fault`] at a step of the release write, for the file at `path`.
fn fault_at(step: WriteStep, path: &Path) -> Result<(), ReleaseError> {
    injected_fault(step.as_str()).map_err(io(path))
}

impl ReleaseError {
    /// Whether the disk (or the user's quota) was full: the fix is to free
    /// space in the data directory, not to change the data.
    pub fn is_disk_full(&self) -> bool {
        let full = |err: &std::io::Error| {
            matches!(
                err.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
            )
        };
        match self {
            ReleaseError::Io { source, .. } => full(source),
            ReleaseError::Data(PolarsError::IO { error, .. }) => full(error),
            _ => false,
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
    /// The dataset's actions (`actions.csv`); empty in releases written
    /// before actions were kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actions: Vec<Action>,
    /// Groups, district boundaries, recommendations, statements; empty in
    /// releases written before they were kept.
    #[serde(default, skip_serializing_if = "Supplements::is_empty")]
    supplements: Supplements,
    /// The dataset's languages (`settings.csv`), the default first; empty in
    /// releases written before languages were kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    languages: Vec<String>,
    /// The dataset's licence (`settings.csv`), for indicators without one
    /// of their own; absent in releases written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    licence: Option<String>,
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    labels: Labels,
}

/// `statuses.json`: [`Statuses`] less its series, which go to
/// `series.parquet`.
#[derive(Serialize)]
struct StatusesFile<'a> {
    method: ProgressMethod,
    indicators: Vec<IndicatorLine<'a>>,
    public: &'a crate::aggregate::Aggregates,
    staff: &'a crate::aggregate::Aggregates,
}

/// An indicator's status less its counted results (`counted.parquet`).
#[derive(Serialize)]
struct IndicatorLine<'a> {
    indicator_id: &'a str,
    status: ProgressStatus,
    mean_score: Option<f64>,
}

impl<'a> StatusesFile<'a> {
    fn of(statuses: &'a Statuses) -> Self {
        StatusesFile {
            method: statuses.method,
            indicators: statuses
                .indicators
                .iter()
                .map(|i| IndicatorLine {
                    indicator_id: &i.indicator_id,
                    status: i.status,
                    mean_score: i.mean_score,
                })
                .collect(),
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

/// How a build holds the observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BuildMemory {
    /// All at once when the dataset's observation files are under
    /// [`IN_MEMORY_BYTES`], in groups of [`GROUP_ROWS`] above.
    #[default]
    Auto,
    /// All at once.
    Whole,
    /// A dataset folder's indicators in groups of about this many
    /// observations (an Open SDG repository is built whole).
    Groups(usize),
}

/// Observation files up to this size are built in memory (about ten times
/// their size at the peak).
pub const IN_MEMORY_BYTES: u64 = 512 * 1024 * 1024;
/// Observations per group when a build goes by groups.
pub const GROUP_ROWS: usize = 10_000_000;

/// Reads `dataset_dir` (a dataset folder or an Open SDG repository), refuses
/// it if it has errors, computes statuses and writes a new release that
/// becomes current.
pub fn build(
    dataset_dir: &Path,
    data_dir: &Path,
    method: Option<ProgressMethod>,
) -> Result<BuildOutcome, ReleaseError> {
    build_with(dataset_dir, data_dir, method, BuildMemory::Auto)
}

/// [`build`], choosing how the observations are held.
pub fn build_with(
    dataset_dir: &Path,
    data_dir: &Path,
    method: Option<ProgressMethod>,
    memory: BuildMemory,
) -> Result<BuildOutcome, ReleaseError> {
    build_labelled(
        dataset_dir,
        data_dir,
        method,
        memory,
        &dataset_dir.display().to_string(),
    )
}

/// [`build_with`], recording `source` as where the release came from (the
/// manifest's `source`; a folder's path unless the caller names it).
pub fn build_labelled(
    dataset_dir: &Path,
    data_dir: &Path,
    method: Option<ProgressMethod>,
    memory: BuildMemory,
    source: &str,
) -> Result<BuildOutcome, ReleaseError> {
    let folder = crate::read::dataset_kind(dataset_dir) == Some(crate::read::DatasetKind::Folder);
    let group_rows = match memory {
        BuildMemory::Groups(rows) if folder => Some(rows),
        BuildMemory::Auto if folder && observation_bytes(dataset_dir) > IN_MEMORY_BYTES => {
            Some(GROUP_ROWS)
        }
        _ => None,
    };
    if let Some(rows) = group_rows {
        return groups::build_in_groups(dataset_dir, data_dir, method, rows, source);
    }
    let report = open_dataset_columns(dataset_dir, &|_, _, _| {})?;
    if report.errors() > 0 {
        return Err(ReadError::Invalid {
            path: dataset_dir.to_path_buf(),
            errors: report.errors(),
        }
        .into());
    }
    let method = method.unwrap_or(report.settings.progress_method);
    let warnings: Vec<&Problem> = report.problems.iter().filter(|p| !p.is_error()).collect();
    let (manifest, _) = write_release(data_dir, source, &report, method, &warnings)?;
    Ok(BuildOutcome { manifest, report })
}

/// The size of a dataset folder's observation files.
fn observation_bytes(dataset_dir: &Path) -> u64 {
    fs::read_dir(dataset_dir.join(crate::read::OBSERVATIONS_DIR))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn releases_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(RELEASES_DIR)
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

/// Points `CURRENT` at `id` (atomically: write a temporary file, then
/// rename), once the release has loaded whole.
pub fn set_current(data_dir: &Path, id: &str) -> Result<(), ReleaseError> {
    let releases = releases_dir(data_dir);
    verify(&releases.join(id))?;
    check_observations_readable(&releases.join(id).join(OBSERVATIONS))?;
    check_readable(&releases.join(id))?;
    switch_current(data_dir, id)
}

/// Points `CURRENT` at `id`, a release known to be whole.
fn switch_current(data_dir: &Path, id: &str) -> Result<(), ReleaseError> {
    let releases = releases_dir(data_dir);
    let tmp = releases.join(format!(".{CURRENT_FILE}.{}", std::process::id()));
    let current = releases.join(CURRENT_FILE);
    let switched = (|| {
        fault_at(WriteStep::CurrentWritten, &tmp)?;
        write_synced(&tmp, format!("{id}\n").as_bytes())?;
        reached(WriteStep::CurrentWritten);
        fault_at(WriteStep::CurrentSwitched, &current)?;
        fs::rename(&tmp, &current).map_err(io(&current))
    })();
    if let Err(err) = switched {
        // A half-written temporary file must not be left (it is never read).
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    sync_dir(&releases)?;
    reached(WriteStep::CurrentSwitched);
    Ok(())
}

/// The manifest of release `id`, read without checking its files (see
/// [`verify`] for that): what a list of releases shows.
pub fn manifest(data_dir: &Path, id: &str) -> Result<Manifest, ReleaseError> {
    let path = releases_dir(data_dir).join(id).join(MANIFEST);
    let bytes = fs::read(&path).map_err(io(&path))?;
    serde_json::from_slice(&bytes).map_err(|source| ReleaseError::Json {
        file: format!("{id}/{MANIFEST}"),
        source,
    })
}

/// The warnings the check of release `id`'s dataset reported (its
/// `problems.json`), by file then line.
pub fn warnings(data_dir: &Path, id: &str) -> Result<Vec<Problem>, ReleaseError> {
    let path = releases_dir(data_dir).join(id).join(PROBLEMS);
    let bytes = fs::read(&path).map_err(io(&path))?;
    serde_json::from_slice(&bytes).map_err(|source| ReleaseError::Json {
        file: format!("{id}/{PROBLEMS}"),
        source,
    })
}

/// The ids of the releases present, oldest first.
pub fn release_ids(data_dir: &Path) -> Vec<String> {
    release_numbers(data_dir)
        .into_iter()
        .map(release_id)
        .collect()
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
