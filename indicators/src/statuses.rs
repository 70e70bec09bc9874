//! Every series' summary and every indicator's status for one dataset: what
//! a release stores and the pages show. Pure computation; storing it is
//! `release`'s job.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::aggregate::{aggregate, Aggregates, View};
use crate::model::{Dataset, Dimensions};
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
}

/// Computes every series' summary and every indicator's status.
pub fn compute(dataset: &Dataset, method: ProgressMethod) -> Statuses {
    let mut series = Vec::new();
    let mut indicators = Vec::new();
    let all_series = dataset.series_by_indicator();
    // Where each series starts in its file: sdg-build reads a file top down.
    let mut first_lines: HashMap<(&str, &Dimensions), usize> = HashMap::new();
    for o in &dataset.observations {
        let line = first_lines
            .entry((o.indicator_id.as_str(), &o.dimensions))
            .or_insert(usize::MAX);
        *line = (*line).min(o.source.line);
    }
    for indicator in &dataset.indicators {
        let of_indicator = all_series
            .get(indicator.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let counted = counted_series(indicator, of_indicator, |d| {
            first_lines
                .get(&(indicator.id.as_str(), d))
                .copied()
                .unwrap_or(usize::MAX)
        });
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
            series.push(summary);
        }
        indicators.push(IndicatorStatus {
            indicator_id: indicator.id.clone(),
            status,
            mean_score,
            counted: results,
        });
    }
    let by_id: BTreeMap<String, ProgressStatus> = indicators
        .iter()
        .map(|s| (s.indicator_id.clone(), s.status))
        .collect();
    let public = aggregate(dataset, &by_id, View::Public);
    let staff = aggregate(dataset, &by_id, View::Staff);
    Statuses {
        method,
        series,
        indicators,
        public,
        staff,
    }
}
