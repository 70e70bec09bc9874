//! Counts of indicators per status, per goal, target, rights area and policy
//! area: what a council's overview and the goal tiles show.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{AreaKind, Dataset, Indicator};
use crate::progress::ProgressStatus;

/// Indicators per status in one group.
pub type StatusCounts = BTreeMap<ProgressStatus, usize>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Aggregates {
    pub by_goal: BTreeMap<u8, StatusCounts>,
    pub by_target: BTreeMap<String, StatusCounts>,
    pub by_rights_area: BTreeMap<String, StatusCounts>,
    pub by_policy_area: BTreeMap<String, StatusCounts>,
}

impl Aggregates {
    /// The counts per area of one kind.
    pub fn by_area(&self, kind: AreaKind) -> &BTreeMap<String, StatusCounts> {
        match kind {
            AreaKind::Rights => &self.by_rights_area,
            AreaKind::Policy => &self.by_policy_area,
        }
    }

    fn by_area_mut(&mut self, kind: AreaKind) -> &mut BTreeMap<String, StatusCounts> {
        match kind {
            AreaKind::Rights => &mut self.by_rights_area,
            AreaKind::Policy => &mut self.by_policy_area,
        }
    }
}

/// Who is looking: the public view leaves internal indicators out of every count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Public,
    Staff,
}

/// Counts each indicator once per group it maps to (an indicator mapped to
/// two goals counts in both).
pub fn aggregate(
    dataset: &Dataset,
    indicator_status: &BTreeMap<String, ProgressStatus>,
    view: View,
) -> Aggregates {
    aggregate_indicators(&dataset.indicators, indicator_status, view)
}

/// [`aggregate`] over a catalogue.
pub fn aggregate_indicators(
    indicators: &[Indicator],
    indicator_status: &BTreeMap<String, ProgressStatus>,
    view: View,
) -> Aggregates {
    let mut out = Aggregates::default();
    for indicator in indicators
        .iter()
        .filter(|i| view == View::Staff || i.is_public())
        // Qualitative indicators have no progress score to count.
        .filter(|i| !i.is_qualitative())
    {
        let status = indicator_status
            .get(&indicator.id)
            .copied()
            .unwrap_or(ProgressStatus::NotAvailable);
        let add = |map: &mut StatusCounts| *map.entry(status).or_default() += 1;
        for goal in indicator.goals() {
            add(out.by_goal.entry(goal).or_default());
        }
        for target in &indicator.sdg_targets {
            add(out.by_target.entry(target.clone()).or_default());
        }
        for &kind in AreaKind::ALL {
            for area in indicator.areas(kind) {
                add(out.by_area_mut(kind).entry(area.clone()).or_default());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Indicator, Visibility};

    #[test]
    fn counts_per_group_and_leaves_internal_indicators_out_of_the_public_view() {
        let mut housing = Indicator::new("rent", "Rent", "%", Direction::Lower, &["11.1", "1.4"]);
        housing.rights_areas = vec!["adequate-housing".into()];
        housing.policy_areas = vec!["housing".into()];
        let mut waiting =
            Indicator::new("waiting", "Waiting", "months", Direction::Lower, &["11.1"]);
        waiting.visibility = Visibility::Internal;
        waiting.rights_areas = vec!["adequate-housing".into()];
        let dataset = Dataset {
            indicators: vec![housing, waiting],
            ..Dataset::default()
        };
        let statuses = BTreeMap::from([
            ("rent".to_owned(), ProgressStatus::Deterioration),
            ("waiting".to_owned(), ProgressStatus::SubstantialProgress),
        ]);

        let public = aggregate(&dataset, &statuses, View::Public);
        assert_eq!(
            public.by_goal[&11],
            BTreeMap::from([(ProgressStatus::Deterioration, 1)])
        );
        assert_eq!(
            public.by_goal[&1],
            BTreeMap::from([(ProgressStatus::Deterioration, 1)])
        );
        assert_eq!(
            public.by_rights_area["adequate-housing"]
                .values()
                .sum::<usize>(),
            1
        );
        assert_eq!(
            public.by_policy_area["housing"][&ProgressStatus::Deterioration],
            1
        );

        let staff = aggregate(&dataset, &statuses, View::Staff);
        assert_eq!(staff.by_target["11.1"].values().sum::<usize>(), 2);
        assert_eq!(
            staff.by_rights_area["adequate-housing"][&ProgressStatus::SubstantialProgress],
            1
        );
    }

    #[test]
    fn indicators_without_a_status_count_as_not_available() {
        let dataset = Dataset {
            indicators: vec![Indicator::new("a", "A", "%", Direction::Lower, &["3.4"])],
            ..Dataset::default()
        };
        let counts = aggregate(&dataset, &BTreeMap::new(), View::Public);
        assert_eq!(
            counts.by_goal[&3],
            BTreeMap::from([(ProgressStatus::NotAvailable, 1)])
        );
    }
}
