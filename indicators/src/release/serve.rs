//! A release opened for serving: the catalogue and the indicators' statuses
//! in memory, each indicator's observations and series summaries read from
//! the Parquet files when a page asks for them. The files are sorted by
//! indicator, so one indicator is one run of rows; `index.json` says where
//! each run is, and a reader decodes only the row groups it touches.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::history::{json_series_statuses, SeriesStatus};
use super::load::{decode_json, verify};
use super::series::{series_of_frame, series_statuses_of_frame, STATUS_COLUMNS};
use super::{
    io, release_id, release_numbers, releases_dir, Manifest, ReleaseError, INDEX, OBSERVATIONS,
    SERIES,
};
use crate::frame::{self, ObservationFrame};
use crate::model::{Action, Area, Dataset, Indicator, Labels, Observation, Series, Supplements};
use crate::statuses::Statuses;
use crate::summary::SeriesSummary;

/// Rows `offset..offset + rows` of a Parquet file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowRange {
    pub offset: usize,
    pub rows: usize,
}

/// Where one indicator's rows are in a release's two Parquet files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorRows {
    pub observations: RowRange,
    pub series: RowRange,
}

/// `index.json`: each indicator's rows (indicators without data are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseIndex {
    pub indicators: BTreeMap<String, IndicatorRows>,
}

impl ReleaseIndex {
    /// The index of a release's frames, or an error naming an indicator
    /// whose rows are not in one run (they always are: both are written
    /// sorted by indicator).
    pub(super) fn of<'a>(
        observations: impl Iterator<Item = Option<&'a str>>,
        series: &[SeriesSummary],
    ) -> Result<Self, ReleaseError> {
        let mut index = ReleaseIndex::default();
        for (id, range) in runs(observations)? {
            index.indicators.entry(id).or_default().observations = range;
        }
        for (id, range) in runs(series.iter().map(|s| Some(s.indicator_id.as_str())))? {
            index.indicators.entry(id).or_default().series = range;
        }
        Ok(index)
    }
}

/// The runs of equal ids, each id in one run.
fn runs<'a>(
    ids: impl Iterator<Item = Option<&'a str>>,
) -> Result<Vec<(String, RowRange)>, ReleaseError> {
    let mut out: Vec<(String, RowRange)> = Vec::new();
    for (row, id) in ids.enumerate() {
        let id = id.unwrap_or_default();
        match out.last_mut() {
            Some((last, range)) if last == id => range.rows += 1,
            _ => out.push((
                id.to_owned(),
                RowRange {
                    offset: row,
                    rows: 1,
                },
            )),
        }
    }
    let mut seen: Vec<&str> = out.iter().map(|(id, _)| id.as_str()).collect();
    seen.sort_unstable();
    if let Some(pair) = seen.windows(2).find(|w| w[0] == w[1]) {
        return Err(ReleaseError::Column {
            file: INDEX.to_owned(),
            column: "indicator_id".to_owned(),
            row: 0,
            reason: format!("the rows of {} are not together", pair[0]),
        });
    }
    Ok(out)
}

/// One indicator's data, as a page needs it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorData {
    /// Headline first, then by dimensions (as [`Dataset::series_of`]).
    pub series: Vec<Series>,
    pub summaries: Vec<SeriesSummary>,
}

/// A release ready to serve: everything but the observations and series
/// summaries, which [`ServedRelease::indicator`] reads one indicator at a time.
#[derive(Debug, Clone)]
pub struct ServedRelease {
    pub manifest: Manifest,
    pub indicators: Vec<Indicator>,
    pub areas: Vec<Area>,
    /// What the city does and spends (`actions.csv`), internal links
    /// included: [`Dataset::public_view`] of [`ServedRelease::catalogue`]
    /// drops them.
    pub actions: Vec<Action>,
    /// Groups, district boundaries, recommendations and statements, internal
    /// links included (as `actions`).
    pub supplements: Supplements,
    /// The dataset's languages, the default first (empty: the default only).
    pub languages: Vec<String>,
    /// The dataset's licence (`settings.csv`), for indicators without one.
    pub licence: Option<String>,
    pub labels: Labels,
    /// The indicators' statuses and the counts; `series` is empty.
    pub statuses: Statuses,
    pub index: ReleaseIndex,
    dir: PathBuf,
}

impl ServedRelease {
    /// Verifies release `id` against its manifest and reads all but its
    /// observations and series summaries.
    pub fn open(data_dir: &Path, id: &str) -> Result<Self, ReleaseError> {
        let dir = releases_dir(data_dir).join(id);
        let manifest = verify(&dir)?;
        let (catalogue, mut statuses) = decode_json(&dir)?;
        let index = read_index(&dir)?;
        // A format 1 release carries its series in statuses.json: served
        // from there, they need not stay in memory twice.
        statuses.series.clear();
        Ok(ServedRelease {
            manifest,
            indicators: catalogue.indicators,
            areas: catalogue.areas,
            actions: catalogue.actions,
            supplements: catalogue.supplements,
            languages: catalogue.languages,
            licence: catalogue.licence,
            labels: catalogue.labels,
            statuses,
            index,
            dir,
        })
    }

    /// The catalogue as a dataset without observations.
    pub fn catalogue(&self) -> Dataset {
        Dataset {
            indicators: self.indicators.clone(),
            areas: self.areas.clone(),
            observations: Vec::new(),
            actions: self.actions.clone(),
            supplements: self.supplements.clone(),
        }
    }

    /// How many observations `indicator_id` has.
    pub fn observation_count(&self, indicator_id: &str) -> usize {
        self.index
            .indicators
            .get(indicator_id)
            .map_or(0, |r| r.observations.rows)
    }

    /// One indicator's series and summaries, read from the release's files.
    pub fn indicator(&self, indicator_id: &str) -> Result<IndicatorData, ReleaseError> {
        let Some(rows) = self.index.indicators.get(indicator_id) else {
            return Ok(IndicatorData::default());
        };
        let frame = read_rows(&self.dir.join(OBSERVATIONS), Some(rows.observations), None)?;
        let observations: Vec<Observation> = ObservationFrame::new(frame)?.to_observations()?;
        let series = Dataset {
            indicators: Vec::new(),
            areas: Vec::new(),
            observations,
            ..Dataset::default()
        }
        .series_of(indicator_id);
        let summaries = if self.dir.join(SERIES).exists() {
            series_of_frame(&read_rows(&self.dir.join(SERIES), Some(rows.series), None)?)?
        } else {
            // Format 1: the summaries are in statuses.json.
            let (_, statuses) = decode_json(&self.dir)?;
            statuses
                .series
                .into_iter()
                .filter(|s| s.indicator_id == indicator_id)
                .collect()
        };
        Ok(IndicatorData { series, summaries })
    }
}

/// The release to serve, opened: the current one, or, if it cannot be
/// opened, the newest earlier one that can (with the current one's error).
pub fn open_servable(
    data_dir: &Path,
) -> Result<(ServedRelease, Option<ReleaseError>), ReleaseError> {
    super::load::servable(data_dir, ServedRelease::open)
}

/// The statuses of `indicator_id`'s series in every intact release up to
/// `up_to` (included), oldest first, each with its release id and time.
/// Reads only that indicator's rows of each release.
pub fn indicator_history(
    data_dir: &Path,
    indicator_id: &str,
    up_to: &str,
) -> Vec<(String, u64, Vec<SeriesStatus>)> {
    let mut out = Vec::new();
    for number in release_numbers(data_dir) {
        let id = release_id(number);
        if id.as_str() > up_to {
            break;
        }
        let dir = releases_dir(data_dir).join(&id);
        let Some(created) = manifest_time(&dir) else {
            continue;
        };
        if let Some(series) = statuses_of(&dir, indicator_id) {
            out.push((id, created, series));
        }
    }
    out
}

/// A release's creation time from its manifest (not checksummed: a
/// history is a courtesy; the release served was verified).
fn manifest_time(dir: &Path) -> Option<u64> {
    let bytes = fs::read(dir.join(super::MANIFEST)).ok()?;
    serde_json::from_slice::<Manifest>(&bytes)
        .ok()
        .map(|m| m.created_unix)
}

fn statuses_of(dir: &Path, indicator_id: &str) -> Option<Vec<SeriesStatus>> {
    if !dir.join(SERIES).exists() {
        let mut all = json_series_statuses(dir)?;
        all.retain(|s| s.indicator_id == indicator_id);
        return Some(all);
    }
    let index = read_index(dir).ok()?;
    let Some(rows) = index.indicators.get(indicator_id) else {
        return Some(Vec::new());
    };
    let frame = read_rows(&dir.join(SERIES), Some(rows.series), Some(&STATUS_COLUMNS)).ok()?;
    series_statuses_of_frame(&frame).ok()
}

/// A release's index: `index.json`, or, for a release written before it
/// existed, worked out from the files' indicator columns.
fn read_index(dir: &Path) -> Result<ReleaseIndex, ReleaseError> {
    if let Ok(bytes) = fs::read(dir.join(INDEX)) {
        return serde_json::from_slice(&bytes).map_err(|source| ReleaseError::Json {
            file: INDEX.to_owned(),
            source,
        });
    }
    let ids = |path: &Path| -> Result<DataFrame, ReleaseError> {
        Ok(ParquetReader::new(File::open(path).map_err(io(path))?)
            .with_columns(Some(vec![frame::columns::INDICATOR.into()]))
            .finish()?)
    };
    let observations = ids(&dir.join(OBSERVATIONS))?;
    let (_, statuses) = decode_json(dir)?;
    let series = if dir.join(SERIES).exists() {
        series_of_frame(&read_rows(&dir.join(SERIES), None, None)?)?
    } else {
        statuses.series
    };
    let column = observations
        .column(frame::columns::INDICATOR)?
        .str()?
        .clone();
    ReleaseIndex::of(column.iter(), &series)
}

/// Rows of a Parquet file (all of them without a range), only `columns` if
/// given.
fn read_rows(
    path: &Path,
    range: Option<RowRange>,
    columns: Option<&[&str]>,
) -> Result<DataFrame, ReleaseError> {
    let mut reader = ParquetReader::new(File::open(path).map_err(io(path))?);
    if let Some(range) = range {
        reader = reader.with_slice(Some((range.offset, range.rows)));
    }
    if let Some(columns) = columns {
        reader = reader.with_columns(Some(columns.iter().map(|c| (*c).to_owned()).collect()));
    }
    Ok(reader.finish()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::ProgressMethod;
    use crate::release::{build, load_current, status_history};

    fn demo() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("demo-city")
    }

    #[test]
    fn one_indicator_read_from_the_files_is_what_loading_everything_gives() {
        let data = tempfile::tempdir().expect("temp");
        let data = data.path();
        build(&demo(), data, None).expect("build");
        let full = load_current(data).expect("load");
        let (served, unreadable) = open_servable(data).expect("open");
        assert!(unreadable.is_none());
        assert!(served.statuses.series.is_empty(), "summaries stay on disk");
        let lite = |s: &Statuses| -> Vec<_> {
            s.indicators
                .iter()
                .map(|i| (i.indicator_id.clone(), i.status, i.mean_score))
                .collect()
        };
        assert_eq!(lite(&served.statuses), lite(&full.statuses));
        assert!(
            served
                .statuses
                .indicators
                .iter()
                .all(|i| i.counted.is_empty()),
            "counted results stay on disk"
        );
        assert!(full
            .statuses
            .indicators
            .iter()
            .any(|i| !i.counted.is_empty()));
        assert_eq!(served.indicators, full.dataset.indicators);
        let mut observations = 0;
        for indicator in &full.dataset.indicators {
            let id = indicator.id.as_str();
            let one = served.indicator(id).expect("indicator");
            assert_eq!(one.series, full.dataset.series_of(id), "{id}");
            let summaries: Vec<_> = full
                .statuses
                .series
                .iter()
                .filter(|s| s.indicator_id == id)
                .cloned()
                .collect();
            assert_eq!(one.summaries, summaries, "{id}");
            assert_eq!(
                served.observation_count(id),
                one.series.iter().map(|s| s.points.len()).sum::<usize>()
            );
            observations += served.observation_count(id);
        }
        assert_eq!(observations, full.manifest.observations);
        assert!(served
            .indicator("no-such-indicator")
            .expect("empty")
            .series
            .is_empty());
    }

    #[test]
    fn a_release_without_an_index_is_indexed_from_its_files() {
        let data = tempfile::tempdir().expect("temp");
        let data = data.path();
        build(&demo(), data, None).expect("build");
        let dir = releases_dir(data).join("r00001");
        let written: ReleaseIndex =
            serde_json::from_slice(&fs::read(dir.join(INDEX)).expect("index")).expect("json");
        assert!(written.indicators.contains_key("poverty-rate"));
        fs::remove_file(dir.join(INDEX)).expect("remove");
        assert_eq!(read_index(&dir).expect("worked out"), written);
    }

    #[test]
    fn an_indicators_history_reads_only_its_rows_and_stops_at_the_served_release() {
        let data = tempfile::tempdir().expect("temp");
        let data = data.path();
        build(&demo(), data, None).expect("first");
        build(&demo(), data, Some(ProgressMethod::Eurostat)).expect("second");
        let all = status_history(data, "poverty-rate");
        let history = indicator_history(data, "poverty-rate", "r00002");
        let flat: Vec<(String, String)> = history
            .iter()
            .flat_map(|(release, _, series)| {
                series.iter().map(|s| (release.clone(), s.slug.clone()))
            })
            .collect();
        let expected: Vec<(String, String)> = all
            .iter()
            .map(|e| (e.release.clone(), e.slug.clone()))
            .collect();
        assert_eq!(flat, expected);
        assert!(history.iter().all(|(_, created, _)| *created > 0));
        let first_only = indicator_history(data, "poverty-rate", "r00001");
        assert_eq!(first_only.len(), 1);
        assert_eq!(first_only[0].0, "r00001");
    }
}
