//! Writing a release: the files into a staging folder, each fsynced and
//! checksummed, read back whole, then the manifest, the rename and
//! `CURRENT` (see the module docs of `release`).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::load::{
    check_counted_readable, check_json_readable, check_observations_readable, check_series_readable,
};
use super::parquet::{Writer, ROW_GROUP_ROWS};
use super::series::{counted_frame, series_frame};
use super::{
    current_id, fault_at, io, reached, release_id, release_numbers, releases_dir, switch_current,
    verify, Catalogue, FileEntry, Manifest, ReleaseError, ReleaseIndex, StatusesFile, WriteStep,
    CATALOGUE, COUNTED, FORMAT, INDEX, MANIFEST, OBSERVATIONS, PROBLEMS, SERIES, STATUSES,
};
use crate::model::{Action, Area, Indicator, Labels, Supplements};
use crate::progress::{ProgressMethod, ProgressStatus};
use crate::read::Report;
use crate::statuses::{compute_columns, IndicatorStatus, Statuses};
use crate::summary::SeriesSummary;
use crate::Problem;

/// Writes a file and forces it to disk.
pub(super) fn write_synced(path: &Path, bytes: &[u8]) -> Result<FileEntry, ReleaseError> {
    let mut file = File::create(path).map_err(io(path))?;
    file.write_all(bytes).map_err(io(path))?;
    file.sync_all().map_err(io(path))?;
    Ok(entry(path, bytes))
}

/// A file's entry, hashed as it is read (it may be larger than memory).
pub(super) fn file_entry(path: &Path) -> Result<FileEntry, ReleaseError> {
    let mut hasher = Sha256::new();
    let bytes = File::open(path)
        .and_then(|mut file| std::io::copy(&mut file, &mut hasher))
        .map_err(io(path))?;
    Ok(FileEntry {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes,
        sha256: hex(&hasher.finalize()),
    })
}

pub(super) fn entry(path: &Path, bytes: &[u8]) -> FileEntry {
    FileEntry {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes: bytes.len() as u64,
        sha256: hex(&Sha256::digest(bytes)),
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Makes a rename or a new file in `dir` durable.
pub(super) fn sync_dir(dir: &Path) -> Result<(), ReleaseError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

/// Compact JSON; only the manifest, which people open, is pretty-printed.
pub(super) fn json<T: Serialize>(file: &str, value: &T) -> Result<Vec<u8>, ReleaseError> {
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

/// Writes `series.parquet` a row group at a time: the frame of 400,000
/// summaries at once was 250 MB.
pub(super) fn write_series(
    path: &Path,
    series: &[SeriesSummary],
) -> Result<FileEntry, ReleaseError> {
    let mut writer = Writer::new(path, series_frame(&[])?.schema())?;
    for group in series.chunks(ROW_GROUP_ROWS) {
        writer.write(&series_frame(group)?)?;
    }
    writer.finish()
}

/// Writes `counted.parquet` about a row group at a time (an indicator's
/// results are never split).
pub(super) fn write_counted(
    path: &Path,
    indicators: &[IndicatorStatus],
) -> Result<FileEntry, ReleaseError> {
    let mut writer = Writer::new(path, counted_frame(&[])?.schema())?;
    let (mut start, mut rows) = (0, 0);
    for (i, indicator) in indicators.iter().enumerate() {
        rows += indicator.counted.len();
        if rows >= ROW_GROUP_ROWS || i + 1 == indicators.len() {
            writer.write(&counted_frame(&indicators[start..=i])?)?;
            (start, rows) = (i + 1, 0);
        }
    }
    writer.finish()
}

/// Computes the statuses of `dataset` by `method` and writes it as a new
/// release. The observations are encoded, written and read back on a second
/// thread while the statuses are computed and written: both only read the
/// frame, and they take about as long as each other. Each summaries file is
/// read back as soon as it is written, `series.parquet` on a thread of its
/// own while `counted.parquet` is made.
pub(super) fn write_release(
    data_dir: &Path,
    source: &str,
    dataset: &Report,
    method: ProgressMethod,
    warnings: &[&Problem],
) -> Result<(Manifest, Statuses), ReleaseError> {
    let staging = new_staging(data_dir)?;
    let joined = |handle: std::thread::ScopedJoinHandle<'_, Result<FileEntry, ReleaseError>>| {
        handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    };
    let (observations, rest) = std::thread::scope(|scope| {
        let observations = scope.spawn(|| {
            let path = staging.join(OBSERVATIONS);
            // A row group at a time: encoded whole, 10M rows held 600 MB of
            // pages until the file was written.
            let mut writer = Writer::new(&path, &crate::frame::schema())?;
            writer.write(dataset.frame.frame())?;
            let written = writer.finish()?;
            check_observations_readable(&path)?;
            Ok(written)
        });
        let rest = (|| {
            let statuses = compute_columns(&dataset.dataset.indicators, &dataset.frame, method)?;
            let series = staging.join(SERIES);
            let written = write_series(&series, &statuses.series)?;
            let series = scope.spawn(move || check_series_readable(&series).map(|()| written));
            let counted = staging.join(COUNTED);
            let files = vec![
                write_counted(&counted, &statuses.indicators)
                    .and_then(|written| check_counted_readable(&counted).map(|()| written))?,
                write_synced(
                    &staging.join(INDEX),
                    &json(INDEX, &release_index(&dataset.frame, &statuses.series)?)?,
                )?,
                joined(series)?,
            ];
            Ok::<_, ReleaseError>((statuses, files))
        })();
        (joined(observations), rest)
    });
    let (statuses, mut files) = match observations.and_then(|o| rest.map(|r| (o, r))) {
        Ok((observations, (statuses, files))) => {
            let mut all = vec![observations];
            all.extend(files);
            (statuses, all)
        }
        Err(err) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(err);
        }
    };
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let facts = ReleaseFacts {
        source,
        indicators: &dataset.dataset.indicators,
        areas: &dataset.dataset.areas,
        actions: &dataset.dataset.actions,
        supplements: &dataset.dataset.supplements,
        languages: &dataset.settings.languages,
        licence: dataset.settings.licence.as_deref(),
        labels: &dataset.labels,
        statuses: &statuses,
        warnings,
        series: statuses.series.len(),
        observations: dataset.frame.height(),
        counts: status_counts(&statuses.series),
    };
    let manifest = publish(data_dir, staging, files, &facts)?;
    Ok((manifest, statuses))
}

/// Series per status.
fn status_counts(series: &[crate::summary::SeriesSummary]) -> BTreeMap<ProgressStatus, usize> {
    let mut counts: BTreeMap<ProgressStatus, usize> = BTreeMap::new();
    for s in series {
        *counts.entry(s.progress.status).or_default() += 1;
    }
    counts
}

/// A new `.building-*` folder, after clearing the old ones: leftovers of
/// builds that died are never visible as releases (a young one may belong
/// to a build running right now).
pub(super) fn new_staging(data_dir: &Path) -> Result<PathBuf, ReleaseError> {
    let releases = releases_dir(data_dir);
    fs::create_dir_all(&releases).map_err(io(&releases))?;
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
    Ok(staging)
}

/// What a release's manifest and JSON files say, besides the data files.
pub(super) struct ReleaseFacts<'a> {
    pub(super) source: &'a str,
    pub(super) indicators: &'a [Indicator],
    pub(super) areas: &'a [Area],
    pub(super) actions: &'a [Action],
    pub(super) supplements: &'a Supplements,
    pub(super) languages: &'a [String],
    pub(super) licence: Option<&'a str>,
    pub(super) labels: &'a Labels,
    /// The indicators' statuses and counts (its `series` are not written).
    pub(super) statuses: &'a Statuses,
    pub(super) warnings: &'a [&'a Problem],
    pub(super) series: usize,
    pub(super) observations: usize,
    pub(super) counts: BTreeMap<ProgressStatus, usize>,
}

/// Writes the JSON files next to the data files already in `staging` (each
/// of them read back by the caller as `load` will read it), checks that the
/// JSON files load, and makes it the next release and
/// the current one (or keeps the current release if nothing changed).
pub(super) fn publish(
    data_dir: &Path,
    staging: PathBuf,
    mut files: Vec<FileEntry>,
    facts: &ReleaseFacts<'_>,
) -> Result<Manifest, ReleaseError> {
    let releases = releases_dir(data_dir);
    let written = (|| {
        files.push(write_synced(
            &staging.join(CATALOGUE),
            &json(
                CATALOGUE,
                &Catalogue {
                    indicators: facts.indicators.to_vec(),
                    areas: facts.areas.to_vec(),
                    actions: facts.actions.to_vec(),
                    supplements: facts.supplements.clone(),
                    languages: facts.languages.to_vec(),
                    licence: facts.licence.map(str::to_owned),
                    labels: facts.labels.clone(),
                },
            )?,
        )?);
        files.push(write_synced(
            &staging.join(STATUSES),
            &json(STATUSES, &StatusesFile::of(facts.statuses))?,
        )?);
        files.push(write_synced(
            &staging.join(PROBLEMS),
            &json(PROBLEMS, &facts.warnings)?,
        )?);
        files.sort_by(|a, b| a.name.cmp(&b.name));
        fault_at(WriteStep::FilesWritten, &staging.join(PROBLEMS))?;
        reached(WriteStep::FilesWritten);
        // Read back what was written, as `load` will: a release that cannot
        // be loaded must never become a release, let alone the current one.
        // (The Parquet files were read back as they were written.)
        check_json_readable(&staging)
    })();
    if let Err(err) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    let method = facts.statuses.method;
    // Nothing changed since the current release: keep it rather than pile up
    // identical releases (every `serve` builds).
    if let Some(current) = current_id(data_dir).and_then(|id| verify(&releases.join(id)).ok()) {
        // The same source too: the workspace reads which dataset a release
        // came from off its manifest.
        if current.files == files && current.method == method && current.source == facts.source {
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
            source: facts.source.to_owned(),
            method,
            indicators: facts.indicators.len(),
            series: facts.series,
            observations: facts.observations,
            warnings: facts.warnings.len(),
            statuses: facts.counts.clone(),
            files: files.clone(),
        };
        let target = releases.join(&id);
        // The manifest goes last: a release folder with a valid manifest is whole.
        let renamed = (|| {
            let path = staging.join(MANIFEST);
            fault_at(WriteStep::ManifestWritten, &path)?;
            write_synced(&path, &json(MANIFEST, &manifest)?)?;
            sync_dir(&staging)?;
            reached(WriteStep::ManifestWritten);
            fault_at(WriteStep::Renamed, &target)?;
            Ok(fs::rename(&staging, &target))
        })();
        match renamed {
            Ok(Ok(())) => {
                // Read back and checksummed in the staging folder already;
                // the rename changed no byte.
                let switched = sync_dir(&releases).and_then(|()| {
                    reached(WriteStep::Renamed);
                    switch_current(data_dir, &id)
                });
                if let Err(err) = switched {
                    // Not current (a full disk, say): take the release back
                    // out of sight at once (a rename), so it never shows as a
                    // release nobody published, and its number stays free.
                    // (If `CURRENT` names it, a later sync failed: keep it.)
                    if current_id(data_dir).as_deref() != Some(id.as_str())
                        && fs::rename(&target, &staging).is_ok()
                    {
                        let _ = sync_dir(&releases);
                        let _ = fs::remove_dir_all(&staging);
                    }
                    return Err(err);
                }
                return Ok(manifest);
            }
            // Another build took this number first: take the next one.
            Ok(Err(_)) if target.exists() => number += 1,
            Ok(Err(err)) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(io(&target)(err));
            }
            Err(err) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(err);
            }
        }
    }
}
