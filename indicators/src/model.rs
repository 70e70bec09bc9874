//! The domain types, shared by the server and the WebAssembly front end.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Whether a higher or a lower value is progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

/// Whether anonymous visitors may see an indicator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    #[default]
    Public,
    Internal,
}

/// Which character separates the decimals in a file's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecimalSeparator {
    Point,
    Comma,
}

/// A local indicator from the city's catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable id used in URLs and files, e.g. `poverty-rate`.
    pub id: String,
    /// Title per language code; `default_language` names the one to fall back to.
    pub titles: BTreeMap<String, String>,
    pub default_language: String,
    /// Unit as shown next to values, e.g. `%` or `t CO2e per resident`.
    pub unit: String,
    pub direction: Direction,
    /// Decimals shown.
    pub decimals: u8,
    /// SDG targets, e.g. `11.1`, in the order the catalogue lists them.
    pub sdg_targets: Vec<String>,
    pub rights_areas: Vec<String>,
    pub policy_areas: Vec<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<f64>,
    pub target_year: Option<i32>,
    /// A value the indicator cannot pass (0 for a rate, 100 for a share).
    pub natural_limit: Option<f64>,
    pub visibility: Visibility,
    pub source: String,
    pub owner: String,
    pub definition: String,
    pub narrative: String,
    /// Overrides the decimal separator detected in this indicator's files.
    pub decimal_separator: Option<DecimalSeparator>,
    /// Open SDG `reporting_status`: `complete`, `inprogress`, `notstarted`.
    #[serde(default)]
    pub reporting_status: Option<String>,
    /// Open SDG `graph_type`: `line`, `bar` ...
    #[serde(default)]
    pub graph_type: Option<String>,
    /// Open SDG `data_non_statistical`: the indicator is reported in words.
    #[serde(default)]
    pub non_statistical: bool,
    /// Open SDG `progress_calculation_options`: which series the progress
    /// status is computed on, and with which inputs.
    #[serde(default)]
    pub progress_options: Vec<ProgressOptions>,
}

/// One entry of Open SDG's `progress_calculation_options`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressOptions {
    pub direction: Option<Direction>,
    pub base_year: Option<i32>,
    pub target: Option<f64>,
    pub target_year: Option<i32>,
    pub limit: Option<f64>,
    /// Selects rows by the `Series` column.
    pub series: Option<String>,
    /// Selects rows by the `Units` column.
    pub unit: Option<String>,
    /// Selects rows by disaggregation: `(column, value)`; `None` = empty cell.
    pub disaggregation: Vec<(String, Option<String>)>,
}

impl Indicator {
    /// A minimal public indicator, for tests and for readers that only know
    /// an id, a title and a unit (such as Open SDG data without metadata).
    pub fn new(
        id: &str,
        title: &str,
        unit: &str,
        direction: Direction,
        sdg_targets: &[&str],
    ) -> Self {
        Indicator {
            id: id.to_string(),
            titles: BTreeMap::from([("en".to_string(), title.to_string())]),
            default_language: "en".to_string(),
            unit: unit.to_string(),
            direction,
            decimals: 1,
            sdg_targets: sdg_targets.iter().map(|t| t.to_string()).collect(),
            rights_areas: Vec::new(),
            policy_areas: Vec::new(),
            baseline_year: None,
            target_value: None,
            target_year: None,
            natural_limit: None,
            visibility: Visibility::Public,
            source: String::new(),
            owner: String::new(),
            definition: String::new(),
            narrative: String::new(),
            decimal_separator: None,
            reporting_status: None,
            graph_type: None,
            non_statistical: false,
            progress_options: Vec::new(),
        }
    }

    /// The title in the default language.
    pub fn title(&self) -> &str {
        self.title_in(&self.default_language)
    }

    /// The title in `language`, else in the default language, else any.
    pub fn title_in(&self, language: &str) -> &str {
        self.titles
            .get(language)
            .or_else(|| self.titles.get(&self.default_language))
            .or_else(|| self.titles.values().next())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }

    /// The goals of its targets, ascending, each once.
    pub fn goals(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self
            .sdg_targets
            .iter()
            .filter_map(|t| crate::sdg::goal_of_target(t))
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }

    /// The first goal it maps to: the one whose colour it wears.
    pub fn primary_goal(&self) -> Option<u8> {
        self.sdg_targets
            .iter()
            .find_map(|t| crate::sdg::goal_of_target(t))
    }

    pub fn is_public(&self) -> bool {
        self.visibility == Visibility::Public
    }
}

/// Whether an area is a human-rights area or a municipal policy area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaKind {
    Rights,
    Policy,
}

/// A human-rights area (grounded in an instrument and article, with the
/// rights-holder groups concerned) or a municipal policy area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub kind: AreaKind,
    pub names: BTreeMap<String, String>,
    pub instrument: String,
    pub article: String,
    pub rights_holders: Vec<String>,
}

impl Area {
    pub fn name(&self) -> &str {
        self.names
            .get("en")
            .or_else(|| self.names.values().next())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }
}

/// When an observation applies. `label` is what the file said (`2014/2015`);
/// `year` is the year the period ends, used for ordering and trends.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Period {
    pub year: i32,
    pub label: String,
}

impl Period {
    pub fn year(year: i32) -> Self {
        Period {
            year,
            label: year.to_string(),
        }
    }
}

/// The disaggregation values of a series, sorted by dimension name; empty for
/// the headline series (all residents, the whole city).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dimensions(std::sync::Arc<[(String, String)]>);

impl Default for Dimensions {
    fn default() -> Self {
        Dimensions(std::sync::Arc::from(Vec::new()))
    }
}

impl Dimensions {
    /// Builds from `(name, value)` pairs, dropping empty values and sorting.
    pub fn new<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        pairs.sort();
        // Shared: every observation of a series holds the same set, cheaply.
        Dimensions(std::sync::Arc::from(pairs))
    }

    pub fn is_headline(&self) -> bool {
        self.0.is_empty()
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Dimension names that mean "a part of the city", in the languages of the
/// cities we serve: a series split by one of these is a district series, shown
/// in the district comparison and on the district pages.
pub const DISTRICT_DIMENSIONS: &[&str] = &[
    "district",
    "districts",
    "neighbourhood",
    "neighborhood",
    "borough",
    "ward",
    "stadtteil",
    "stadtbezirk",
    "bezirk",
    "ortsteil",
    "wijk",
    "stadsdeel",
    "buurt",
    "quartier",
    "arrondissement",
    "stadsdel",
];

/// Whether a dimension name is one of [`DISTRICT_DIMENSIONS`] (any case).
pub fn is_district_dimension(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    DISTRICT_DIMENSIONS.contains(&name.as_str())
}

impl Dimensions {
    /// The district, when the series is split by district and nothing else.
    pub fn district(&self) -> Option<&str> {
        match self.pairs() {
            [(name, value)] if is_district_dimension(name) => Some(value),
            _ => None,
        }
    }
}

impl fmt::Display for Dimensions {
    /// `Total`, or `District: Altstadt, Sex: female`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("Total");
        }
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            let mut name = k.chars();
            let first = name
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            write!(f, "{first}{}: {v}", name.as_str())?;
        }
        Ok(())
    }
}

/// One value of one indicator for one period and one combination of
/// disaggregation values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub indicator_id: String,
    pub period: Period,
    pub dimensions: Dimensions,
    pub value: f64,
    /// Flags as written (`p`, `e`, `b`, `*` ...), never dropped.
    pub flags: String,
    /// Open SDG's `Progress` column: the value to use in the progress
    /// calculation instead of `value`, where a repository gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Where it came from: file and spreadsheet line.
    pub source: SourceRef,
}

/// A file and a spreadsheet line (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Shared by every observation of a file (a million rows, one name).
    pub file: std::sync::Arc<str>,
    pub line: usize,
}

impl Default for SourceRef {
    fn default() -> Self {
        SourceRef {
            file: std::sync::Arc::from(""),
            line: 0,
        }
    }
}

/// Identifies one series of an indicator.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SeriesKey {
    pub indicator_id: String,
    pub dimensions: Dimensions,
}

/// The slug of the headline (not disaggregated) series.
pub const HEADLINE_SLUG: &str = "total";

impl SeriesKey {
    /// The form used in URLs and forms: `total`, or `district=Altstadt;sex=female`.
    pub fn slug(&self) -> String {
        if self.dimensions.is_headline() {
            return HEADLINE_SLUG.to_string();
        }
        self.dimensions
            .pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    /// A label a resident reads, e.g. `Total` or `Sex: female`.
    pub fn label(&self) -> String {
        self.dimensions.to_string()
    }
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub period: Period,
    pub value: f64,
    pub flags: String,
    /// See [`Observation::progress`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
}

/// The observations of one series, sorted by period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub key: SeriesKey,
    pub points: Vec<Point>,
}

impl Series {
    /// `(year, value)` pairs, ascending.
    pub fn years_and_values(&self) -> impl Iterator<Item = (i32, f64)> + Clone + '_ {
        self.points.iter().map(|p| (p.period.year, p.value))
    }
}

/// Everything read from one city dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub indicators: Vec<Indicator>,
    pub areas: Vec<Area>,
    /// Sorted by indicator, dimensions, period.
    pub observations: Vec<Observation>,
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
                    indicator_id: indicator_id.to_string(),
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

    /// The same dataset without internal indicators and their observations.
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
        Dataset {
            indicators: public,
            areas: self.areas.clone(),
            observations,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_series_are_recognised_in_several_languages_and_only_alone() {
        assert_eq!(
            Dimensions::new([("Stadtteil", "Altstadt")]).district(),
            Some("Altstadt")
        );
        assert_eq!(
            Dimensions::new([("wijk", "Noord")]).district(),
            Some("Noord")
        );
        assert_eq!(Dimensions::new([("sex", "female")]).district(), None);
        assert_eq!(
            Dimensions::new([("district", "Nord"), ("sex", "female")]).district(),
            None,
            "a district split further by sex is not the district's own series"
        );
        assert_eq!(Dimensions::default().district(), None);
    }

    fn obs(id: &str, year: i32, dims: &[(&str, &str)], value: f64) -> Observation {
        Observation {
            indicator_id: id.into(),
            period: Period::year(year),
            dimensions: Dimensions::new(dims.iter().copied()),
            value,
            flags: String::new(),
            progress: None,
            source: SourceRef::default(),
        }
    }

    #[test]
    fn series_of_groups_by_dimensions_headline_first_and_sorts_periods() {
        let data = Dataset {
            indicators: vec![Indicator::new("a", "A", "%", Direction::Lower, &["1.2"])],
            areas: vec![],
            observations: vec![
                obs("a", 2021, &[("sex", "male")], 3.0),
                obs("a", 2020, &[], 1.0),
                obs("a", 2019, &[("sex", "")], 2.0),
                obs("b", 2019, &[], 9.0),
            ],
        };
        let series = data.series_of("a");
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].key.slug(), "total");
        assert_eq!(
            series[0].years_and_values().collect::<Vec<_>>(),
            vec![(2019, 2.0), (2020, 1.0)]
        );
        assert_eq!(series[1].key.slug(), "sex=male");
        assert_eq!(series[1].key.label(), "Sex: male");
    }

    #[test]
    fn dimensions_sort_by_name_and_drop_empty_values() {
        let dims = Dimensions::new([("sex", "female"), ("district", "Altstadt"), ("age", " ")]);
        assert_eq!(
            dims.pairs(),
            &[
                ("district".to_string(), "Altstadt".to_string()),
                ("sex".to_string(), "female".to_string())
            ]
        );
        assert_eq!(dims.get("sex"), Some("female"));
        assert!(Dimensions::new([("sex", "")]).is_headline());
    }

    #[test]
    fn goals_with_data_counts_every_target_goal_and_skips_empty_indicators() {
        let data = Dataset {
            indicators: vec![
                Indicator::new("a", "A", "%", Direction::Lower, &["3.4", "11.6"]),
                Indicator::new("b", "B", "%", Direction::Lower, &["1.2"]),
                Indicator::new("c", "C", "%", Direction::Lower, &["7.2"]),
            ],
            areas: vec![],
            observations: vec![obs("a", 2020, &[], 1.0), obs("b", 2020, &[], 1.0)],
        };
        assert_eq!(data.goals_with_data(), vec![1, 3, 11]);
    }

    #[test]
    fn public_view_drops_internal_indicators_and_their_data() {
        let mut internal = Indicator::new("secret", "S", "%", Direction::Lower, &["5.2"]);
        internal.visibility = Visibility::Internal;
        let data = Dataset {
            indicators: vec![
                Indicator::new("a", "A", "%", Direction::Lower, &["1.2"]),
                internal,
            ],
            areas: vec![],
            observations: vec![obs("a", 2020, &[], 1.0), obs("secret", 2020, &[], 1.0)],
        };
        let public = data.public_view();
        assert_eq!(public.indicators.len(), 1);
        assert!(public.observations.iter().all(|o| o.indicator_id == "a"));
    }

    #[test]
    fn title_falls_back_to_the_default_language() {
        let mut i = Indicator::new("a", "Poverty", "%", Direction::Lower, &["1.2"]);
        i.titles.insert("de".into(), "Armut".into());
        assert_eq!(i.title_in("de"), "Armut");
        assert_eq!(i.title_in("fr"), "Poverty");
    }
}
