//! Status histories: every intact release's series statuses, for "how did
//! this series' status change from release to release".

use std::fs;
use std::path::Path;

use super::series::read_series_statuses;
use super::{release_id, release_numbers, releases_dir, verify, SERIES, STATUSES};
use crate::progress::ProgressStatus;
use crate::statuses::Statuses;

/// One series' status in one release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesStatus {
    pub indicator_id: String,
    /// See [`crate::model::Dimensions::slug`].
    pub slug: String,
    pub status: ProgressStatus,
}

impl From<&crate::summary::SeriesSummary> for SeriesStatus {
    fn from(summary: &crate::summary::SeriesSummary) -> Self {
        SeriesStatus {
            indicator_id: summary.indicator_id.clone(),
            slug: summary.dimensions.slug(),
            status: summary.progress.status,
        }
    }
}

/// One release's series statuses, for status histories.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseStatuses {
    pub id: String,
    pub created_unix: u64,
    pub series: Vec<SeriesStatus>,
}

/// The statuses of every intact release, oldest first. Damaged or unreadable
/// releases are skipped: a history is a courtesy, never a reason to fail.
pub fn all_statuses(data_dir: &Path) -> Vec<ReleaseStatuses> {
    let mut out = Vec::new();
    for number in release_numbers(data_dir) {
        let id = release_id(number);
        let dir = releases_dir(data_dir).join(&id);
        let Ok(manifest) = verify(&dir) else {
            continue;
        };
        let Some(series) = series_statuses(&dir) else {
            continue;
        };
        out.push(ReleaseStatuses {
            id,
            created_unix: manifest.created_unix,
            series,
        });
    }
    out
}

/// A release folder's series statuses: three columns of `series.parquet`,
/// or, in releases of format 1, the series in `statuses.json`.
fn series_statuses(dir: &Path) -> Option<Vec<SeriesStatus>> {
    if dir.join(SERIES).exists() {
        return read_series_statuses(&dir.join(SERIES)).ok();
    }
    json_series_statuses(dir)
}

/// The series statuses a release of format 1 keeps in `statuses.json`.
pub(super) fn json_series_statuses(dir: &Path) -> Option<Vec<SeriesStatus>> {
    let bytes = fs::read(dir.join(STATUSES)).ok()?;
    let statuses = serde_json::from_slice::<Statuses>(&bytes).ok()?;
    Some(statuses.series.iter().map(SeriesStatus::from).collect())
}

/// One entry of a status history: a series' status in one release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub release: String,
    pub slug: String,
    pub status: ProgressStatus,
}

/// The status of every series of `indicator_id` in every release, oldest first.
pub fn status_history(data_dir: &Path, indicator_id: &str) -> Vec<HistoryEntry> {
    all_statuses(data_dir)
        .into_iter()
        .flat_map(|release| {
            let id = release.id;
            release
                .series
                .into_iter()
                .filter(|s| s.indicator_id == indicator_id)
                .map(move |s| HistoryEntry {
                    release: id.clone(),
                    slug: s.slug,
                    status: s.status,
                })
        })
        .collect()
}
