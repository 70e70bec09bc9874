//! The workspace's view of every indicator, internal ones included: built
//! from the whole served release (the public index is built from public
//! indicators only, so nothing here can reach a public page through it).

use std::collections::HashMap;

use indicators::model::{Indicator, UpdateFrequency, Visibility};
use indicators::progress::{ProgressInputs, ProgressStatus};
use indicators::statuses::IndicatorStatus;

/// Why an indicator is listed before the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attention {
    /// Off track (limited progress or deterioration) or worse than in the
    /// release before.
    OffTrackOrWorse,
    /// Its status changed in the last release.
    Changed,
    /// New figures are due by its update frequency and not in.
    Overdue,
    /// Nothing calls for it.
    None,
}

impl Attention {
    /// Its message id in `staff.ftl` (`staff-attention-…`); nothing for `None`.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Attention::OffTrackOrWorse => Some("staff-attention-off-track"),
            Attention::Changed => Some("staff-attention-changed"),
            Attention::Overdue => Some("staff-attention-overdue"),
            Attention::None => None,
        }
    }
}

/// One indicator as the workspace lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffRow {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub internal: bool,
    pub status: ProgressStatus,
    /// Its status in the release before, if it was in one.
    pub previous: Option<ProgressStatus>,
    /// The inputs of the first series that makes its status: baseline and
    /// latest year and value.
    pub inputs: Option<ProgressInputs>,
    pub attention: Attention,
    /// When new figures are due by its update frequency and are not in:
    /// the frequency and the latest period's year.
    pub overdue: Option<(UpdateFrequency, i32)>,
    /// A qualitative indicator: statements, no progress score.
    pub qualitative: bool,
}

/// Every indicator of the served release, what needs attention first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StaffIndex {
    pub rows: Vec<StaffRow>,
    /// The release compared with, if any.
    pub previous_release: Option<String>,
    /// The warnings of the check the served release was built after.
    pub warnings: Vec<indicators::Problem>,
}

/// This calendar year (UTC).
pub fn current_year() -> i32 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    app::ssr::date_of_unix(now)
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(1970)
}

impl StaffIndex {
    /// The index of a served release, compared with the release before it;
    /// data is overdue as of calendar year `year` ([`current_year`]).
    pub fn of_release(
        data_dir: &std::path::Path,
        release: &indicators::release::ServedRelease,
        year: i32,
    ) -> Self {
        use indicators::release::{counted_results, indicator_statuses, previous_release};
        let previous = previous_release(data_dir, &release.manifest.id).and_then(|id| {
            match indicator_statuses(data_dir, &id) {
                Ok(statuses) => Some((id, statuses)),
                Err(err) => {
                    tracing::warn!(%err, release = %id, "the release before cannot be read; the workspace shows no changes");
                    None
                }
            }
        });
        // The counted results (with each status' inputs) stay on disk for
        // the public pages; the workspace lists them for every indicator.
        let mut current = release.statuses.indicators.clone();
        match counted_results(data_dir, &release.manifest.id) {
            Ok(counted) => {
                let at: HashMap<String, usize> = current
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.indicator_id.clone(), i))
                    .collect();
                for (id, result) in counted {
                    if let Some(&i) = at.get(&id) {
                        current[i].counted.push(result);
                    }
                }
            }
            Err(err) => {
                tracing::warn!(%err, "the counted results cannot be read; the workspace shows no baselines")
            }
        }
        let mut index = Self::build(&release.indicators, &current, previous, year);
        index.warnings = indicators::release::warnings(data_dir, &release.manifest.id)
            .unwrap_or_else(|err| {
                tracing::warn!(%err, "the release's warnings cannot be read");
                Vec::new()
            });
        index
    }

    /// The index of `catalogue` with its statuses `current`, compared with
    /// `previous`; data is overdue as of calendar year `year`.
    pub fn build(
        catalogue: &[Indicator],
        current: &[IndicatorStatus],
        previous: Option<(String, Vec<IndicatorStatus>)>,
        year: i32,
    ) -> Self {
        let now: HashMap<&str, &IndicatorStatus> = current
            .iter()
            .map(|s| (s.indicator_id.as_str(), s))
            .collect();
        let (previous_release, before) = match &previous {
            Some((id, statuses)) => (
                Some(id.clone()),
                statuses
                    .iter()
                    .map(|s| (s.indicator_id.as_str(), s.status))
                    .collect::<HashMap<_, _>>(),
            ),
            None => (None, HashMap::new()),
        };
        let mut rows: Vec<StaffRow> = catalogue
            .iter()
            .map(|indicator| {
                let found = now.get(indicator.id.as_str());
                let status = found.map_or(ProgressStatus::NotAvailable, |s| s.status);
                let previous = before.get(indicator.id.as_str()).copied();
                let off_track = matches!(
                    status,
                    ProgressStatus::LimitedProgress | ProgressStatus::Deterioration
                );
                // Worse: a later place in the legend, both known.
                let worse = previous.is_some_and(|p| {
                    p != ProgressStatus::NotAvailable
                        && status != ProgressStatus::NotAvailable
                        && status > p
                });
                let inputs = found.and_then(|s| s.counted.iter().find_map(|c| c.progress.inputs));
                // The latest period of the series that make the status.
                let latest = found.and_then(|s| {
                    s.counted
                        .iter()
                        .filter_map(|c| c.progress.inputs.map(|i| i.current_year))
                        .max()
                });
                let overdue = indicator
                    .update_frequency
                    .zip(latest)
                    .filter(|(frequency, latest)| frequency.overdue(*latest, year));
                let attention = if off_track || worse {
                    Attention::OffTrackOrWorse
                } else if previous.is_some_and(|p| p != status) {
                    Attention::Changed
                } else if overdue.is_some() {
                    Attention::Overdue
                } else {
                    Attention::None
                };
                StaffRow {
                    id: indicator.id.clone(),
                    title: indicator.title().to_owned(),
                    unit: indicator.unit.clone(),
                    internal: indicator.visibility == Visibility::Internal,
                    status,
                    previous,
                    inputs,
                    attention,
                    overdue,
                    qualitative: indicator.is_qualitative(),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (a.attention, a.status.attention_rank(), &a.id).cmp(&(
                b.attention,
                b.status.attention_rank(),
                &b.id,
            ))
        });
        StaffIndex {
            rows,
            previous_release,
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicators::model::Direction;

    fn status(id: &str, status: ProgressStatus) -> IndicatorStatus {
        IndicatorStatus {
            indicator_id: id.into(),
            status,
            mean_score: None,
            counted: Vec::new(),
        }
    }

    #[test]
    fn off_track_and_worsened_come_first_then_changed_then_the_rest() {
        use ProgressStatus::*;
        let catalogue: Vec<Indicator> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|id| Indicator::new(id, id, "%", Direction::Lower, &["1.2"]))
            .collect();
        let current = vec![
            status("a", TargetAchieved),
            status("b", ModerateProgress),    // was substantial: worse
            status("c", SubstantialProgress), // was moderate: changed, better
            status("d", Deterioration),       // off track
            status("e", ModerateProgress),    // unchanged
        ];
        let previous = vec![
            status("a", TargetAchieved),
            status("b", SubstantialProgress),
            status("c", ModerateProgress),
            status("d", Deterioration),
            status("e", ModerateProgress),
        ];
        let index = StaffIndex::build(
            &catalogue,
            &current,
            Some(("r00001".into(), previous)),
            2026,
        );
        let order: Vec<(&str, Attention)> = index
            .rows
            .iter()
            .map(|r| (r.id.as_str(), r.attention))
            .collect();
        assert_eq!(
            order,
            [
                ("d", Attention::OffTrackOrWorse),
                ("b", Attention::OffTrackOrWorse),
                ("c", Attention::Changed),
                ("e", Attention::None),
                ("a", Attention::None),
            ]
        );
        assert_eq!(index.previous_release.as_deref(), Some("r00001"));
        // Without an earlier release nothing "changed".
        let alone = StaffIndex::build(&catalogue, &current, None, 2026);
        assert!(alone.rows.iter().all(|r| r.attention != Attention::Changed));
    }
}
