//! Where public pages get one indicator's series, summaries and status
//! history: a release on disk, read one indicator at a time (what the
//! server does, so a release larger than memory can be served), or a
//! dataset in memory (tests, and callers that built one). The last few
//! indicators read stay in a small cache.

use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use indicators::release::{IndicatorData, ReleaseStatuses, SeriesStatus, ServedRelease};
use indicators::statuses::Statuses;
use indicators::summary::SeriesSummary;
use indicators::{Dataset, Dimensions, Series};

use super::date_of_unix;
use crate::types::HistoryRow;

/// One indicator's series, summaries and status history.
#[derive(Debug, Default)]
pub struct IndicatorBlock {
    /// Headline first.
    pub series: Vec<Series>,
    pub summaries: BTreeMap<Dimensions, SeriesSummary>,
    /// Each series' status in every release up to the one served, oldest first.
    pub history: BTreeMap<Dimensions, Vec<HistoryRow>>,
}

impl IndicatorBlock {
    fn new(data: IndicatorData, releases: Vec<(String, u64, Vec<SeriesStatus>)>) -> Self {
        let mut history: BTreeMap<Dimensions, Vec<HistoryRow>> = BTreeMap::new();
        for (release, created, series) in releases {
            let published = date_of_unix(created);
            for entry in series {
                let Ok(dimensions) = Dimensions::from_slug(&entry.slug) else {
                    continue;
                };
                history.entry(dimensions).or_default().push(HistoryRow {
                    release: release.clone(),
                    published: published.clone(),
                    status: entry.status,
                });
            }
        }
        IndicatorBlock {
            series: data.series,
            summaries: data
                .summaries
                .into_iter()
                .map(|s| (s.dimensions.clone(), s))
                .collect(),
            history,
        }
    }

    pub fn summary(&self, dimensions: &Dimensions) -> Option<&SeriesSummary> {
        self.summaries.get(dimensions)
    }
}

/// Reads one indicator, with its status history if `history` (cards do
/// without). The index asks only for public indicators.
pub trait IndicatorSource: Send + Sync + std::fmt::Debug {
    fn load(&self, indicator_id: &str, history: bool) -> Result<IndicatorBlock, String>;
}

/// A release on disk (see [`ServedRelease`]).
#[derive(Debug)]
pub struct ReleaseSource {
    pub release: ServedRelease,
    pub data_dir: PathBuf,
}

impl IndicatorSource for ReleaseSource {
    fn load(&self, indicator_id: &str, history: bool) -> Result<IndicatorBlock, String> {
        let data = self
            .release
            .indicator(indicator_id)
            .map_err(|err| err.to_string())?;
        let history = if history {
            indicators::release::indicator_history(
                &self.data_dir,
                indicator_id,
                &self.release.manifest.id,
            )
        } else {
            Vec::new()
        };
        Ok(IndicatorBlock::new(data, history))
    }
}

/// A dataset and its statuses in memory.
#[derive(Debug)]
pub struct MemorySource {
    pub dataset: Dataset,
    pub statuses: Statuses,
    /// Every release's statuses up to the one served, oldest first.
    pub releases: Vec<ReleaseStatuses>,
}

impl IndicatorSource for MemorySource {
    fn load(&self, indicator_id: &str, history: bool) -> Result<IndicatorBlock, String> {
        let data = IndicatorData {
            series: self.dataset.series_of(indicator_id),
            summaries: self
                .statuses
                .series
                .iter()
                .filter(|s| s.indicator_id == indicator_id)
                .cloned()
                .collect(),
        };
        let history = self
            .releases
            .iter()
            .filter(|_| history)
            .map(|r| {
                let series = r
                    .series
                    .iter()
                    .filter(|s| s.indicator_id == indicator_id)
                    .cloned()
                    .collect();
                (r.id.clone(), r.created_unix, series)
            })
            .collect();
        Ok(IndicatorBlock::new(data, history))
    }
}

/// How many indicators stay read: a page and the pages around it.
const CACHED: usize = 64;

/// The last indicators read, most recent last.
#[derive(Debug, Default)]
pub struct BlockCache(Mutex<VecDeque<(String, Arc<IndicatorBlock>)>>);

impl BlockCache {
    pub fn get_or_load(
        &self,
        indicator_id: &str,
        load: impl FnOnce() -> Arc<IndicatorBlock>,
    ) -> Arc<IndicatorBlock> {
        if let Ok(mut cache) = self.0.lock() {
            if let Some(at) = cache.iter().position(|(id, _)| id == indicator_id) {
                if let Some(entry) = cache.remove(at) {
                    let block = entry.1.clone();
                    cache.push_back(entry);
                    return block;
                }
            }
        }
        // Read outside the lock: another page need not wait for this one.
        let block = load();
        if let Ok(mut cache) = self.0.lock() {
            if !cache.iter().any(|(id, _)| id == indicator_id) {
                cache.push_back((indicator_id.to_owned(), block.clone()));
                while cache.len() > CACHED {
                    cache.pop_front();
                }
            }
        }
        block
    }
}
