//! The domain types, shared by the server and the WebAssembly front end.

use serde::{Deserialize, Serialize};

/// Whether a higher or a lower value is progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

/// A local indicator from the city's catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable id used in URLs and files, e.g. `poverty-rate`.
    pub id: String,
    pub title: String,
    /// Unit as shown next to values, e.g. `%` or `t CO2e per resident`.
    pub unit: String,
    pub direction: Direction,
    /// The SDG target the indicator reports on, e.g. `1.2`.
    pub sdg_target: String,
    /// The goal number derived from `sdg_target`.
    pub goal: u8,
}

/// One value of one indicator in one year, for one combination of
/// disaggregation values (empty `sex` means the headline, all people).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub indicator_id: String,
    pub year: i32,
    pub sex: Option<String>,
    pub value: f64,
}

/// Identifies one series of an indicator: the headline (`None`) or a
/// disaggregation value such as `female`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SeriesKey {
    pub indicator_id: String,
    pub sex: Option<String>,
}

impl SeriesKey {
    /// The form used in URLs and forms: `total` for the headline series.
    pub fn slug(&self) -> &str {
        self.sex.as_deref().unwrap_or(HEADLINE_SLUG)
    }

    /// A label a resident reads, e.g. `Female` or `Total`.
    pub fn label(&self) -> String {
        let slug = self.slug();
        let mut chars = slug.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The slug of the headline (not disaggregated) series.
pub const HEADLINE_SLUG: &str = "total";

/// The observations of one series, sorted by year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub key: SeriesKey,
    /// `(year, value)` pairs, ascending by year, one per year.
    pub points: Vec<(i32, f64)>,
}

/// Everything read from one city dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub indicators: Vec<Indicator>,
    /// Sorted by indicator, series, year.
    pub observations: Vec<Observation>,
}

impl Dataset {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The series of one indicator, headline first, then disaggregations by name.
    pub fn series_of(&self, indicator_id: &str) -> Vec<Series> {
        let mut out: Vec<Series> = Vec::new();
        for obs in self.observations.iter().filter(|o| o.indicator_id == indicator_id) {
            let key = SeriesKey { indicator_id: obs.indicator_id.clone(), sex: obs.sex.clone() };
            match out.iter_mut().find(|s| s.key == key) {
                Some(series) => series.points.push((obs.year, obs.value)),
                None => out.push(Series { key, points: vec![(obs.year, obs.value)] }),
            }
        }
        for series in &mut out {
            series.points.sort_by_key(|(year, _)| *year);
        }
        // `None` sorts before `Some`, so the headline comes first.
        out.sort_by(|a, b| a.key.cmp(&b.key));
        out
    }

    /// Goal numbers that have at least one indicator with observations, ascending.
    pub fn goals_with_data(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self
            .indicators
            .iter()
            .filter(|i| self.observations.iter().any(|o| o.indicator_id == i.id))
            .map(|i| i.goal)
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(id: &str, year: i32, sex: Option<&str>, value: f64) -> Observation {
        Observation { indicator_id: id.into(), year, sex: sex.map(Into::into), value }
    }

    fn indicator(id: &str, goal: u8) -> Indicator {
        Indicator {
            id: id.into(),
            title: id.into(),
            unit: "%".into(),
            direction: Direction::Lower,
            sdg_target: format!("{goal}.1"),
            goal,
        }
    }

    #[test]
    fn series_of_groups_by_sex_headline_first_and_sorts_years() {
        let data = Dataset {
            indicators: vec![indicator("a", 1)],
            observations: vec![
                obs("a", 2021, Some("male"), 3.0),
                obs("a", 2020, None, 1.0),
                obs("a", 2019, None, 2.0),
                obs("b", 2019, None, 9.0),
            ],
        };
        let series = data.series_of("a");
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].key.slug(), "total");
        assert_eq!(series[0].points, vec![(2019, 2.0), (2020, 1.0)]);
        assert_eq!(series[1].key.label(), "Male");
    }

    #[test]
    fn goals_with_data_skips_indicators_without_observations() {
        let data = Dataset {
            indicators: vec![indicator("a", 3), indicator("b", 1), indicator("c", 7)],
            observations: vec![obs("a", 2020, None, 1.0), obs("b", 2020, None, 1.0)],
        };
        assert_eq!(data.goals_with_data(), vec![1, 3]);
    }
}
