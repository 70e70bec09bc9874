//! Reading releases back: verified against their manifest, decoded as
//! columns or as the model, and the one to serve chosen.

use std::collections::HashMap;
use std::fs::{self, File};
use std::path::Path;

use polars::prelude::ParquetReader;
use polars::prelude::SerReader;
use sha2::{Digest, Sha256};

use super::parquet::{for_each_row_group, read_observation_frame};
use super::series::{counted_of_frame, read_series, series_of_frame};
use super::{
    current_id, hex, io, release_id, release_numbers, releases_dir, Catalogue, Manifest, Release,
    ReleaseError, CATALOGUE, COUNTED, MANIFEST, OBSERVATIONS, SERIES, STATUSES,
};
use crate::frame::ObservationFrame;
use crate::model::Dataset;
use crate::statuses::Statuses;

/// Checks a release folder against its manifest: every file present, of the
/// recorded size and checksum.
pub fn verify(dir: &Path) -> Result<Manifest, ReleaseError> {
    let release = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let damaged = |reason: String| ReleaseError::Damaged {
        release: release.clone(),
        reason,
    };
    let bytes =
        fs::read(dir.join(MANIFEST)).map_err(|e| damaged(format!("no readable manifest ({e})")))?;
    let manifest: Manifest = serde_json::from_slice(&bytes)
        .map_err(|e| damaged(format!("the manifest is not valid ({e})")))?;
    if manifest.id != release {
        return Err(damaged(format!("the manifest names {}", manifest.id)));
    }
    for f in &manifest.files {
        // Hashed as it is read: a release's files may be larger than memory
        // can spare.
        let mut hasher = Sha256::new();
        let bytes = File::open(dir.join(&f.name))
            .and_then(|mut file| std::io::copy(&mut file, &mut hasher))
            .map_err(|e| damaged(format!("{} cannot be read ({e})", f.name)))?;
        if bytes != f.bytes || hex(&hasher.finalize()) != f.sha256 {
            return Err(damaged(format!("{} does not match its checksum", f.name)));
        }
    }
    Ok(manifest)
}

/// Loads a release by id, verifying it first.
pub fn load(data_dir: &Path, id: &str) -> Result<Release, ReleaseError> {
    let dir = releases_dir(data_dir).join(id);
    let manifest = verify(&dir)?;
    let (dataset, statuses) = decode(&dir)?;
    Ok(Release {
        manifest,
        dataset,
        statuses,
    })
}

/// Reads a release folder's files as `load` will, without listing the
/// observations as structs or holding them all: the catalogue and the
/// statuses, then the summaries' Parquet files a row group at a time, every
/// value decoded. The observations are checked by
/// [`check_observations_readable`].
pub(super) fn check_readable(dir: &Path) -> Result<(), ReleaseError> {
    check_json_readable(dir)?;
    if dir.join(SERIES).exists() {
        check_series_readable(&dir.join(SERIES))?;
    }
    if dir.join(COUNTED).exists() {
        check_counted_readable(&dir.join(COUNTED))?;
    }
    Ok(())
}

/// Reads a release folder's JSON files (the catalogue and the statuses)
/// as `load` will.
pub(super) fn check_json_readable(dir: &Path) -> Result<(), ReleaseError> {
    decode_json(dir).map(drop)
}

/// Reads `series.parquet` a row group at a time, every summary decoded.
pub(super) fn check_series_readable(path: &Path) -> Result<(), ReleaseError> {
    for_each_row_group(path, |frame| series_of_frame(&frame).map(drop))
}

/// Reads `counted.parquet` a row group at a time, every result decoded.
pub(super) fn check_counted_readable(path: &Path) -> Result<(), ReleaseError> {
    for_each_row_group(path, |frame| counted_of_frame(&frame).map(drop))
}

/// Reads an observations file a row group at a time, every value decoded and
/// checked against the schema.
pub(super) fn check_observations_readable(path: &Path) -> Result<(), ReleaseError> {
    for_each_row_group(path, |frame| {
        ObservationFrame::new(frame)?.view()?;
        Ok(())
    })
}

/// Reads a release folder's files into what the site serves.
fn decode(dir: &Path) -> Result<(Dataset, Statuses), ReleaseError> {
    let (catalogue, statuses, frame) = decode_columns(dir)?;
    Ok((
        Dataset {
            indicators: catalogue.indicators,
            areas: catalogue.areas,
            observations: frame.to_observations()?,
            actions: catalogue.actions,
            supplements: catalogue.supplements,
        },
        statuses,
    ))
}

/// A release folder's files, the observations as columns.
fn decode_columns(dir: &Path) -> Result<(Catalogue, Statuses, ObservationFrame), ReleaseError> {
    let (catalogue, mut statuses) = decode_json(dir)?;
    // Releases of format 1 kept the series in statuses.json.
    if dir.join(SERIES).exists() {
        statuses.series = read_series(&dir.join(SERIES))?;
    }
    if dir.join(COUNTED).exists() {
        let path = dir.join(COUNTED);
        let frame = ParquetReader::new(File::open(&path).map_err(io(&path))?).finish()?;
        let position: HashMap<String, usize> = statuses
            .indicators
            .iter()
            .enumerate()
            .map(|(i, s)| (s.indicator_id.clone(), i))
            .collect();
        for (id, result) in counted_of_frame(&frame)? {
            if let Some(&i) = position.get(&id) {
                statuses.indicators[i].counted.push(result);
            }
        }
    }
    let frame = read_observation_frame(&dir.join(OBSERVATIONS))?;
    Ok((catalogue, statuses, frame))
}

/// The catalogue and `statuses.json` (whose series are in `series.parquet`
/// from release format 2 on).
pub(super) fn decode_json(dir: &Path) -> Result<(Catalogue, Statuses), ReleaseError> {
    let read_json = |name: &str| -> Result<Vec<u8>, ReleaseError> {
        fs::read(dir.join(name)).map_err(io(&dir.join(name)))
    };
    let catalogue: Catalogue =
        serde_json::from_slice(&read_json(CATALOGUE)?).map_err(|source| ReleaseError::Json {
            file: CATALOGUE.into(),
            source,
        })?;
    let statuses: Statuses =
        serde_json::from_slice(&read_json(STATUSES)?).map_err(|source| ReleaseError::Json {
            file: STATUSES.into(),
            source,
        })?;
    Ok((catalogue, statuses))
}

/// The release to serve: the current one, or, if it cannot be loaded, the
/// newest earlier release that can (with the current one's error, to log).
/// `CURRENT` is left as it is: choosing what is current is staff's call.
pub fn load_servable(data_dir: &Path) -> Result<(Release, Option<ReleaseError>), ReleaseError> {
    servable(data_dir, load)
}

/// The current release as `open` reads it, or the newest earlier one it can
/// read (see [`load_servable`]).
pub(super) fn servable<T>(
    data_dir: &Path,
    open: impl Fn(&Path, &str) -> Result<T, ReleaseError>,
) -> Result<(T, Option<ReleaseError>), ReleaseError> {
    let current =
        current_id(data_dir).ok_or_else(|| ReleaseError::NoRelease(data_dir.to_path_buf()))?;
    let err = match open(data_dir, &current) {
        Ok(release) => return Ok((release, None)),
        Err(err) => err,
    };
    // Only earlier ones: a later release may be one staff rolled back from.
    let current_number = current
        .strip_prefix('r')
        .and_then(|n| n.parse::<u32>().ok());
    for number in release_numbers(data_dir).into_iter().rev() {
        if current_number.is_some_and(|c| number >= c) {
            continue;
        }
        if let Ok(release) = open(data_dir, &release_id(number)) {
            return Ok((release, Some(err)));
        }
    }
    Err(err)
}

/// Loads the current release.
pub fn load_current(data_dir: &Path) -> Result<Release, ReleaseError> {
    let id = current_id(data_dir).ok_or_else(|| ReleaseError::NoRelease(data_dir.to_path_buf()))?;
    load(data_dir, &id)
}

/// The indicator statuses of release `id`, its `statuses.json` checked
/// against the manifest (and nothing else read: a release's Parquet files
/// may be large).
pub fn indicator_statuses(
    data_dir: &Path,
    id: &str,
) -> Result<Vec<crate::statuses::IndicatorStatus>, ReleaseError> {
    let dir = releases_dir(data_dir).join(id);
    let damaged = |reason: String| ReleaseError::Damaged {
        release: id.to_owned(),
        reason,
    };
    let manifest: Manifest = fs::read(dir.join(MANIFEST))
        .map_err(|e| damaged(format!("no readable manifest ({e})")))
        .and_then(|bytes| {
            serde_json::from_slice(&bytes)
                .map_err(|e| damaged(format!("the manifest is not valid ({e})")))
        })?;
    let bytes = fs::read(dir.join(STATUSES)).map_err(io(&dir.join(STATUSES)))?;
    let recorded = manifest.files.iter().find(|f| f.name == STATUSES);
    if recorded.is_none_or(|f| f.sha256 != hex(&Sha256::digest(&bytes))) {
        return Err(damaged(format!("{STATUSES} does not match its checksum")));
    }
    let statuses: Statuses =
        serde_json::from_slice(&bytes).map_err(|source| ReleaseError::Json {
            file: STATUSES.into(),
            source,
        })?;
    Ok(statuses.indicators)
}

/// The release before `id` (by number), if there is one.
pub fn previous_release(data_dir: &Path, id: &str) -> Option<String> {
    let number: u32 = id.strip_prefix('r')?.parse().ok()?;
    release_numbers(data_dir)
        .into_iter()
        .filter(|n| *n < number)
        .max()
        .map(release_id)
}

/// The counted results of release `id` (`counted.parquet`; none for a
/// release of format 1), each with its indicator's id: what each status is
/// the mean of, with its inputs.
pub fn counted_results(
    data_dir: &Path,
    id: &str,
) -> Result<Vec<(String, crate::statuses::CountedResult)>, ReleaseError> {
    let path = releases_dir(data_dir).join(id).join(COUNTED);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let frame = ParquetReader::new(File::open(&path).map_err(io(&path))?).finish()?;
    counted_of_frame(&frame)
}
