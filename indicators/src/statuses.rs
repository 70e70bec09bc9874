//! Every series' summary and every indicator's status for one dataset: what
//! a release stores and the pages show. Pure computation; storing it is
//! `release`'s job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::aggregate::{aggregate, Aggregates, View};
use crate::model::Dataset;
use crate::progress::{indicator_status, ProgressMethod, ProgressStatus};
use crate::summary::{summarize, SeriesSummary};

/// The status of one indicator, from its series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorStatus {
    pub indicator_id: String,
    pub status: ProgressStatus,
    pub mean_score: Option<f64>,
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

/// Computes every series' summary and every indicator's status.
pub fn compute(dataset: &Dataset, method: ProgressMethod) -> Statuses {
    let mut series = Vec::new();
    let mut indicators = Vec::new();
    let all_series = dataset.series_by_indicator();
    for indicator in &dataset.indicators {
        let summaries: Vec<SeriesSummary> = all_series
            .get(indicator.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|s| summarize(s, indicator, method))
            .collect();
        // The indicator's status comes from its headline series where there is
        // one (Open SDG's default selection), else from all its series.
        let headline: Vec<_> = summaries
            .iter()
            .filter(|s| s.dimensions.is_headline())
            .map(|s| s.progress.clone())
            .collect();
        let basis = if headline.is_empty() {
            summaries.iter().map(|s| s.progress.clone()).collect()
        } else {
            headline
        };
        let (status, mean_score) = indicator_status(&basis);
        indicators.push(IndicatorStatus {
            indicator_id: indicator.id.clone(),
            status,
            mean_score,
        });
        series.extend(summaries);
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
