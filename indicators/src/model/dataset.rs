//! Everything read from one city dataset, and the series it holds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Action, Area, Dimensions, Indicator, Observation, Point, Series, SeriesKey, Supplements,
};

/// Everything read from one city dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub indicators: Vec<Indicator>,
    pub areas: Vec<Area>,
    /// Sorted by indicator, dimensions, period.
    pub observations: Vec<Observation>,
    /// What the city does and spends (`actions.csv`), each linked to
    /// indicators; empty in datasets and releases without actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Rights-holder groups, district boundaries, recommendations and
    /// qualitative statements (the optional rights files).
    #[serde(default, skip_serializing_if = "Supplements::is_empty")]
    pub supplements: Supplements,
}

impl Dataset {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The series of one indicator, headline first, then by dimensions.
    pub fn series_of(&self, indicator_id: &str) -> Vec<Series> {
        series_from(
            indicator_id,
            self.observations
                .iter()
                .filter(|o| o.indicator_id == indicator_id),
        )
    }

    /// The series of every indicator in one pass over the observations
    /// (`series_of` for each indicator would scan them once per indicator).
    pub fn series_by_indicator(&self) -> BTreeMap<&str, Vec<Series>> {
        let mut grouped: BTreeMap<&str, Vec<&Observation>> = BTreeMap::new();
        for o in &self.observations {
            grouped.entry(o.indicator_id.as_str()).or_default().push(o);
        }
        grouped
            .into_iter()
            .map(|(id, obs)| (id, series_from(id, obs.into_iter())))
            .collect()
    }
}

/// Groups one indicator's observations into series, headline first.
fn series_from<'a>(
    indicator_id: &str,
    observations: impl Iterator<Item = &'a Observation>,
) -> Vec<Series> {
    let mut by_key: BTreeMap<&Dimensions, Vec<Point>> = BTreeMap::new();
    for obs in observations {
        by_key.entry(&obs.dimensions).or_default().push(Point {
            period: obs.period.clone(),
            value: obs.value,
            flags: obs.flags.clone(),
            progress: obs.progress,
        });
    }
    // BTreeMap order puts the empty (headline) dimensions first.
    by_key
        .into_iter()
        .map(|(dimensions, mut points)| {
            points.sort_by(|a, b| a.period.cmp(&b.period));
            Series {
                key: SeriesKey {
                    indicator_id: indicator_id.to_owned(),
                    dimensions: dimensions.clone(),
                },
                points,
            }
        })
        .collect()
}

impl Dataset {
    /// Goal numbers that have at least one indicator with observations, ascending.
    pub fn goals_with_data(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self
            .indicators
            .iter()
            .filter(|i| self.observations.iter().any(|o| o.indicator_id == i.id))
            .flat_map(Indicator::goals)
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }

    /// The actions linked to `indicator_id`, in file order.
    pub fn actions_of<'a>(&'a self, indicator_id: &'a str) -> impl Iterator<Item = &'a Action> {
        self.actions.iter().filter(move |a| a.links(indicator_id))
    }

    /// The same dataset without internal indicators, their observations and
    /// any trace of them in the actions: an action linked only to internal
    /// indicators is left out, and the others lose their internal links.
    pub fn public_view(&self) -> Dataset {
        let public: Vec<Indicator> = self
            .indicators
            .iter()
            .filter(|i| i.is_public())
            .cloned()
            .collect();
        let observations = self
            .observations
            .iter()
            .filter(|o| public.iter().any(|i| i.id == o.indicator_id))
            .cloned()
            .collect();
        let is_public = |id: &String| public.iter().any(|i| &i.id == id);
        let actions = self
            .actions
            .iter()
            .filter(|a| a.indicators.iter().any(is_public))
            .map(|a| Action {
                indicators: a
                    .indicators
                    .iter()
                    .filter(|id| is_public(id))
                    .cloned()
                    .collect(),
                ..a.clone()
            })
            .collect();
        let supplements = self
            .supplements
            .public_view(|id| public.iter().any(|i| i.id == id));
        Dataset {
            indicators: public,
            areas: self.areas.clone(),
            observations,
            actions,
            supplements,
        }
    }
}
