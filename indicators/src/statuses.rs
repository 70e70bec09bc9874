//! Every series' summary and every indicator's status for one dataset: what
//! a release stores and the pages show. Pure computation; storing it is
//! `release`'s job.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::aggregate::{aggregate_indicators, Aggregates, View};
use crate::model::{Dataset, Dimensions, Indicator, Series};
use crate::progress::{indicator_status, ProgressMethod, ProgressResult, ProgressStatus};
use crate::selection::counted_series;
use crate::summary::{assess_series, options_for, summarize, SeriesSummary};

/// One series' result among those that make an indicator's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountedResult {
    /// The series, or `None` where the selected rows have no values.
    pub dimensions: Option<Dimensions>,
    /// How production names it (see [`crate::selection::Counted::tag`]).
    pub tag: String,
    pub progress: ProgressResult,
}

/// The status of one indicator, from its series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorStatus {
    pub indicator_id: String,
    pub status: ProgressStatus,
    pub mean_score: Option<f64>,
    /// The results the status is the mean of, one per counted series (an
    /// Open SDG indicator may count one series under several options).
    #[serde(default)]
    pub counted: Vec<CountedResult>,
}

/// Everything computed for a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statuses {
    pub method: ProgressMethod,
    /// In a release, `series.parquet` holds these (`statuses.json` did
    /// before release format 2).
    #[serde(default)]
    pub series: Vec<SeriesSummary>,
    pub indicators: Vec<IndicatorStatus>,
    /// Counts over public indicators only: what anonymous visitors may see.
    pub public: Aggregates,
    /// Counts over every indicator, for staff.
    pub staff: Aggregates,
}

impl Statuses {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorStatus> {
        self.indicators.iter().find(|s| s.indicator_id == id)
    }

    /// The statuses of indicators computed in parts (a build in indicator
    /// groups), in catalogue order with their counts; `series` is empty.
    pub fn from_indicators(
        method: ProgressMethod,
        catalogue: &[Indicator],
        mut indicators: Vec<IndicatorStatus>,
    ) -> Self {
        let order: HashMap<&str, usize> = catalogue
            .iter()
            .enumerate()
            .map(|(i, indicator)| (indicator.id.as_str(), i))
            .collect();
        indicators.sort_by_key(|s| order.get(s.indicator_id.as_str()).copied());
        Builder {
            method,
            series: Vec::new(),
            indicators,
        }
        .finish(catalogue)
    }
}

/// Computes every series' summary and every indicator's status.
pub fn compute(dataset: &Dataset, method: ProgressMethod) -> Statuses {
    let all_series = dataset.series_by_indicator();
    // Where each series starts in its file: sdg-build reads a file top down.
    let mut first_lines: HashMap<(&str, &Dimensions), usize> = HashMap::new();
    for o in &dataset.observations {
        let line = first_lines
            .entry((o.indicator_id.as_str(), &o.dimensions))
            .or_insert(usize::MAX);
        *line = (*line).min(o.source.line);
    }
    let mut statuses = Builder::new(method);
    for indicator in &dataset.indicators {
        let of_indicator = all_series
            .get(indicator.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        statuses.add(indicator, of_indicator, |d| {
            first_lines
                .get(&(indicator.id.as_str(), d))
                .copied()
                .unwrap_or(usize::MAX)
        });
    }
    statuses.finish(&dataset.indicators)
}

/// [`compute`] over observations kept as columns (sorted, as a read leaves
/// them): one indicator's series are built at a time, so a build of
/// millions of observations never holds them all as structs. The
/// indicators are cut into one contiguous run per core, each computed on
/// its own thread, and the runs joined in catalogue order.
#[cfg(feature = "pipeline")]
pub fn compute_columns(
    indicators: &[crate::model::Indicator],
    observations: &crate::frame::ObservationFrame,
    method: ProgressMethod,
) -> Result<Statuses, polars::prelude::PolarsError> {
    let view = observations.view()?;
    let ranges = view.series_ranges();
    use polars::prelude::PlHashMap;
    let mut by_indicator: PlHashMap<&str, std::ops::Range<usize>> = PlHashMap::default();
    for (i, (id, _, _)) in ranges.iter().enumerate() {
        by_indicator
            .entry(id)
            .and_modify(|r| r.end = i + 1)
            .or_insert(i..i + 1);
    }
    let series_of = |indicator: &Indicator| {
        by_indicator
            .get(indicator.id.as_str())
            .cloned()
            .unwrap_or_default()
    };
    let compute_run = |run: &[Indicator], capacity: usize| {
        let mut cache = crate::frame::DimensionsCache::default();
        let mut statuses = Builder::new(method);
        statuses.series.reserve(capacity);
        for indicator in run {
            let of_indicator = view.series_of(&ranges[series_of(indicator)], &mut cache);
            let (series, lines): (Vec<Series>, Vec<usize>) = of_indicator.into_iter().unzip();
            let first_lines: PlHashMap<&Dimensions, usize> = series
                .iter()
                .zip(lines)
                .map(|(s, line)| (&s.key.dimensions, line))
                .collect();
            statuses.add(indicator, &series, |d| {
                first_lines.get(d).copied().unwrap_or(usize::MAX)
            });
        }
        statuses
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let runs = runs_of_equal_work(indicators, threads, |i| series_of(i).len() + 1);
    let parts: Vec<Builder> = std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .enumerate()
            .map(|(i, run)| {
                // The first run has room for every summary, so joining the
                // others never copies them all again (they are 220 MB for
                // 400,000 series).
                let capacity = if i == 0 {
                    ranges.len()
                } else {
                    run.iter().map(|i| series_of(i).len()).sum()
                };
                scope.spawn(move || compute_run(run, capacity))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut parts = parts.into_iter();
    let mut statuses = parts.next().unwrap_or_else(|| Builder::new(method));
    for part in parts {
        statuses.series.extend(part.series);
        statuses.indicators.extend(part.indicators);
    }
    Ok(statuses.finish(indicators))
}

/// `items` cut into at most `parts` contiguous runs of about equal `work`.
#[cfg(feature = "pipeline")]
fn runs_of_equal_work<T>(items: &[T], parts: usize, work: impl Fn(&T) -> usize) -> Vec<&[T]> {
    let total: usize = items.iter().map(&work).sum();
    let share = total.div_ceil(parts.max(1)).max(1);
    let mut runs = Vec::with_capacity(parts);
    let (mut start, mut done) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        done += work(item);
        if done >= share && runs.len() + 1 < parts {
            runs.push(&items[start..=i]);
            (start, done) = (i + 1, 0);
        }
    }
    if start < items.len() || runs.is_empty() {
        runs.push(&items[start..]);
    }
    runs
}

/// Collects series summaries and indicator statuses, one indicator at a time.
struct Builder {
    method: ProgressMethod,
    series: Vec<SeriesSummary>,
    indicators: Vec<IndicatorStatus>,
}

impl Builder {
    fn new(method: ProgressMethod) -> Self {
        Builder {
            method,
            series: Vec::new(),
            indicators: Vec::new(),
        }
    }

    fn add(
        &mut self,
        indicator: &Indicator,
        of_indicator: &[Series],
        first_line: impl Fn(&Dimensions) -> usize,
    ) {
        let method = self.method;
        let counted = counted_series(indicator, of_indicator, first_line);
        let results: Vec<CountedResult> = counted
            .iter()
            .map(|c| CountedResult {
                dimensions: c.series.map(|s| s.key.dimensions.clone()),
                tag: c.tag.clone(),
                progress: assess_series(
                    c.series.map_or(&[], |s| s.points.as_slice()),
                    indicator,
                    &c.options,
                    method,
                ),
            })
            .collect();
        let basis: Vec<ProgressResult> = results.iter().map(|r| r.progress.clone()).collect();
        let (status, mean_score) = indicator_status(&basis);
        for s in of_indicator {
            // A counted series is summarised with the options that count it.
            let entry = counted
                .iter()
                .find(|c| c.series.is_some_and(|c| std::ptr::eq(c, s)));
            let options = entry.map_or_else(|| options_for(indicator), |c| c.options.clone());
            let mut summary = summarize(s, indicator, &options, method);
            summary.counts = entry.is_some();
            self.series.push(summary);
        }
        self.indicators.push(IndicatorStatus {
            indicator_id: indicator.id.clone(),
            status,
            mean_score,
            counted: results,
        });
    }

    fn finish(self, catalogue: &[Indicator]) -> Statuses {
        let by_id: BTreeMap<String, ProgressStatus> = self
            .indicators
            .iter()
            .map(|s| (s.indicator_id.clone(), s.status))
            .collect();
        Statuses {
            method: self.method,
            public: aggregate_indicators(catalogue, &by_id, View::Public),
            staff: aggregate_indicators(catalogue, &by_id, View::Staff),
            series: self.series,
            indicators: self.indicators,
        }
    }
}

#[cfg(all(test, feature = "pipeline"))]
mod tests {
    use super::runs_of_equal_work;

    #[test]
    fn indicators_are_cut_into_runs_of_about_equal_work_in_order() {
        let work = [5, 1, 1, 1, 1, 1, 4, 2];
        let runs = runs_of_equal_work(&work, 2, |w| *w);
        // 16 in all: 5+1+1+1 and 1+1+4+2.
        assert_eq!(runs, vec![&work[..4], &work[4..]]);
        // Every item once, in order, whatever the number of parts.
        for parts in 1..=10 {
            let runs = runs_of_equal_work(&work, parts, |w| *w);
            assert!(runs.len() <= parts.max(1), "{parts}: {runs:?}");
            assert_eq!(runs.concat(), work.to_vec(), "{parts}");
        }
        let none: [usize; 0] = [];
        assert_eq!(runs_of_equal_work(&none, 2, |w| *w), vec![&none[..]]);
    }
}
