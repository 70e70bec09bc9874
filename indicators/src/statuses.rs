//! Every series' summary and every indicator's status for one dataset: what
//! a release stores and the pages show. Pure computation; storing it is
//! `release`'s job.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::aggregate::{aggregate_indicators, Aggregates, View};
use crate::model::{Dataset, Dimensions, Indicator, ProgressOptions, Series};
use crate::progress::{indicator_status, ProgressMethod, ProgressResult, ProgressStatus};
use crate::selection::{counted_series, Counted};
use crate::summary::{options_for, Picks, SeriesSummary};

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
        let plan = Plan::of(indicator, of_indicator, |d| {
            first_lines
                .get(&(indicator.id.as_str(), d))
                .copied()
                .unwrap_or(usize::MAX)
        });
        statuses.add(indicator, of_indicator, &plan, |i, options| {
            Picks::of_points(&of_indicator[i].points, options.base_year)
        });
    }
    statuses.finish(&dataset.indicators)
}

/// [`compute`] over observations kept as columns (sorted, as a read leaves
/// them): every series is summarised at once by one polars group-by
/// (`summary/grouped.rs`), which picks the points each summary is made of
/// and sums each trend line; no series is built as structs. The choice of
/// the series that count (and so of the options each is summarised with)
/// is made first, one indicator at a time, from the series' names alone.
/// The summaries are then made on every core, the indicators cut into one
/// contiguous run per core and the runs joined in catalogue order.
#[cfg(feature = "pipeline")]
pub fn compute_columns(
    indicators: &[crate::model::Indicator],
    observations: &crate::frame::ObservationFrame,
    method: ProgressMethod,
) -> Result<Statuses, polars::prelude::PolarsError> {
    use crate::summary::grouped::{base_from, Aggregated, SeriesRuns};
    use polars::prelude::PlHashMap;

    let frame = observations.frame();
    let runs = SeriesRuns::of(frame)?;
    let mut by_indicator: PlHashMap<&str, std::ops::Range<usize>> = PlHashMap::default();
    for (run, id) in runs.ids.iter().enumerate() {
        by_indicator
            .entry(id)
            .and_modify(|r| r.end = run + 1)
            .or_insert(run..run + 1);
    }
    let runs_of = |indicator: &Indicator| {
        by_indicator
            .get(indicator.id.as_str())
            .cloned()
            .unwrap_or_default()
    };
    // Each indicator's series, named but without points: all the choice of
    // counted series needs.
    let mut cache = crate::frame::DimensionsCache::default();
    let named: Vec<Vec<Series>> = indicators
        .iter()
        .map(|indicator| {
            runs_of(indicator)
                .map(|run| Series {
                    key: crate::model::SeriesKey {
                        indicator_id: indicator.id.clone(),
                        dimensions: cache.get(runs.dimensions[run]),
                    },
                    points: Vec::new(),
                })
                .collect()
        })
        .collect();
    let lines = frame
        .column(crate::frame::columns::SOURCE_LINE)?
        .u64()?
        .clone();
    let plans: Vec<Plan<'_>> = indicators
        .iter()
        .zip(&named)
        .map(|(indicator, series)| {
            let first = runs_of(indicator).start;
            Plan::of(indicator, series, |d| {
                // Only Open SDG's choice between series asks, rarely.
                series
                    .iter()
                    .position(|s| &s.key.dimensions == d)
                    .and_then(|i| {
                        let rows = runs.rows(first + i);
                        lines
                            .slice(rows.start as i64, rows.len())
                            .iter()
                            .flatten()
                            .min()
                    })
                    .map_or(usize::MAX, |line| line as usize)
            })
        })
        .collect();
    let mut base = vec![base_from(None); runs.len()];
    for (indicator, plan) in indicators.iter().zip(&plans) {
        for (run, options) in runs_of(indicator).zip(&plan.options) {
            base[run] = base_from(options.base_year);
        }
    }
    let aggregated = Aggregated::of(frame, &runs, &base, method == ProgressMethod::Eurostat)?;
    // A series counted under more options than the ones it is summarised
    // with (an Open SDG indicator may count one series twice) is assessed
    // again from its points, read from the frame.
    let points_of = |run: usize| -> Vec<crate::model::Point> {
        let rows = runs.rows(run);
        crate::frame::ObservationFrame::new(frame.slice(rows.start as i64, rows.len()))
            .and_then(|slice| slice.view())
            .map(|view| (0..rows.len()).map(|r| view.point_at(r)).collect())
            .unwrap_or_default()
    };

    let compute_run = |run: &[(usize, &Indicator)], capacity: usize| {
        let mut statuses = Builder::new(method);
        statuses.series.reserve(capacity);
        for &(k, indicator) in run {
            let first = runs_of(indicator).start;
            statuses.add_with(
                indicator,
                &named[k],
                &plans[k],
                |i| aggregated.picks(first + i),
                |i, options| {
                    Picks::of_points(&points_of(first + i), options.base_year)
                        .progress(indicator, options, method)
                },
            );
        }
        statuses
    };
    let numbered: Vec<(usize, &Indicator)> = indicators.iter().enumerate().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let parts = runs_of_equal_work(&numbered, threads, |(_, i)| runs_of(i).len() + 1);
    let parts: Vec<Builder> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                // The first part has room for every summary, so joining the
                // others never copies them all again (they are 220 MB for
                // 400,000 series).
                let capacity = if i == 0 {
                    runs.len()
                } else {
                    part.iter().map(|(_, i)| runs_of(i).len()).sum()
                };
                let compute_run = &compute_run;
                scope.spawn(move || compute_run(part, capacity))
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

/// Which of an indicator's series count toward its status, and the options
/// each series is summarised with: those of the first entry that counts it,
/// else the indicator's own.
struct Plan<'s> {
    counted: Vec<Counted<'s>>,
    /// Per series, in order.
    options: Vec<ProgressOptions>,
    /// Per series, the counted entry its summary was made under.
    entry: Vec<Option<usize>>,
}

impl<'s> Plan<'s> {
    fn of(
        indicator: &Indicator,
        series: &'s [Series],
        first_line: impl Fn(&Dimensions) -> usize,
    ) -> Self {
        let counted = counted_series(indicator, series, first_line);
        let mut entry = vec![None; series.len()];
        for (e, c) in counted.iter().enumerate() {
            // The series' position from its address: a counted series is
            // one of `series` (a search per series would be quadratic when
            // every series counts).
            if let Some(s) = c.series {
                let at = (s as *const Series as usize - series.as_ptr() as usize)
                    / std::mem::size_of::<Series>().max(1);
                if let Some(slot) = entry.get_mut(at) {
                    slot.get_or_insert(e);
                }
            }
        }
        let own = options_for(indicator);
        let options = entry
            .iter()
            .map(|e| e.map_or_else(|| own.clone(), |e| counted[e].options.clone()))
            .collect();
        Plan {
            counted,
            options,
            entry,
        }
    }
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

    /// Adds `indicator`, each series `i` of `series` picked by `picks(i,
    /// its options)`.
    fn add<'p>(
        &mut self,
        indicator: &Indicator,
        series: &[Series],
        plan: &Plan<'_>,
        picks: impl Fn(usize, &ProgressOptions) -> Picks<'p>,
    ) {
        let method = self.method;
        self.add_with(
            indicator,
            series,
            plan,
            |i| picks(i, &plan.options[i]),
            |i, options| picks(i, options).progress(indicator, options, method),
        );
    }

    /// Adds `indicator`: `picks(i)` are series `i`'s picks under its
    /// planned options, `assess(i, options)` its result under others.
    fn add_with<'p>(
        &mut self,
        indicator: &Indicator,
        series: &[Series],
        plan: &Plan<'_>,
        picks: impl Fn(usize) -> Picks<'p>,
        assess: impl Fn(usize, &ProgressOptions) -> ProgressResult,
    ) {
        // A qualitative indicator is answered in statements: it has no
        // progress score, so no status and no place in the counts.
        if indicator.is_qualitative() {
            return;
        }
        let method = self.method;
        let first = self.series.len();
        for (i, s) in series.iter().enumerate() {
            let options = &plan.options[i];
            let mut summary =
                picks(i).summary(indicator, s.key.dimensions.clone(), options, method);
            summary.counts = plan.entry[i].is_some();
            self.series.push(summary);
        }
        let position = |s: &Series| {
            (s as *const Series as usize - series.as_ptr() as usize)
                / std::mem::size_of::<Series>().max(1)
        };
        let results: Vec<CountedResult> = plan
            .counted
            .iter()
            .enumerate()
            .map(|(e, c)| {
                let progress = match c.series.map(position) {
                    // The entry the series was summarised under: its result.
                    Some(i) if plan.entry[i] == Some(e) => self.series[first + i].progress.clone(),
                    Some(i) => assess(i, &c.options),
                    None => Picks::of_points(&[], c.options.base_year)
                        .progress(indicator, &c.options, method),
                };
                CountedResult {
                    dimensions: c.series.map(|s| s.key.dimensions.clone()),
                    tag: c.tag.clone(),
                    progress,
                }
            })
            .collect();
        let basis: Vec<ProgressResult> = results.iter().map(|r| r.progress.clone()).collect();
        let (status, mean_score) = indicator_status(&basis);
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
