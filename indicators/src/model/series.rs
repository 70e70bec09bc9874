//! Observations and the series they form: periods, disaggregations and the
//! slug that names a series in addresses and files.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// When an observation applies. `label` is what the file said (`2014/2015`);
/// `year` is the year the period starts, used for ordering and trends (the
/// rule Open SDG uses, which Statistics Canada's published results depend on).
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

/// The slug of the headline (not disaggregated) series.
pub const HEADLINE_SLUG: &str = "total";

/// The disaggregation values of a series, sorted by dimension name; empty for
/// the headline series (all residents, the whole city).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dimensions(Arc<[(String, String)]>);

impl Default for Dimensions {
    fn default() -> Self {
        Dimensions(Arc::from(Vec::new()))
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
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        pairs.sort();
        // Shared: every observation of a series holds the same set, cheaply.
        Dimensions(Arc::from(pairs))
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

    /// The form used in addresses, forms and files: `total`, or
    /// `district=Altstadt;sex=female`.
    pub fn slug(&self) -> String {
        if self.is_headline() {
            return HEADLINE_SLUG.to_owned();
        }
        self.0
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Reads a [`slug`](Self::slug) back. `total` and the empty slug are the
    /// headline; a piece without `=` that is not `total` names no series and
    /// comes back as the error.
    pub fn from_slug(slug: &str) -> Result<Dimensions, String> {
        let mut pairs = Vec::new();
        for piece in slug.split(';').filter(|p| !p.is_empty()) {
            match piece.split_once('=') {
                Some((k, v)) => pairs.push((k, v)),
                None if piece == HEADLINE_SLUG => {}
                None => return Err(piece.to_owned()),
            }
        }
        Ok(Dimensions::new(pairs))
    }

    /// Only the dimensions named in `keep`.
    pub fn only(&self, keep: impl Fn(&str) -> bool) -> Dimensions {
        Dimensions::new(
            self.0
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(k, v)| (k.as_str(), v.as_str())),
        )
    }

    /// The district, when the series is split by district and nothing else.
    pub fn district(&self) -> Option<&str> {
        self.district_dimension().map(|(_, value)| value)
    }

    /// `(dimension name, district)` when the series is split by district and
    /// nothing else, e.g. `("Stadtteil", "Südfeld")`.
    pub fn district_dimension(&self) -> Option<(&str, &str)> {
        match self.pairs() {
            [(name, value)] if is_district_dimension(name) => Some((name, value)),
            _ => None,
        }
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
    pub file: Arc<str>,
    pub line: usize,
}

impl Default for SourceRef {
    fn default() -> Self {
        SourceRef {
            file: Arc::from(""),
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

impl SeriesKey {
    /// See [`Dimensions::slug`].
    pub fn slug(&self) -> String {
        self.dimensions.slug()
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

    /// The point for `period`, if the series has one.
    pub fn at(&self, period: &Period) -> Option<&Point> {
        self.points.iter().find(|p| &p.period == period)
    }
}
