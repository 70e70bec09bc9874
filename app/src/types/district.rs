//! `/districts/{name}`: one district's latest values against the city,
//! its rank on each indicator, and its maps.

use indicators::Direction;
use serde::{Deserialize, Serialize};

use super::{DistrictMaps, Text};

/// `/districts/{name}`: each district series' latest value against the city.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictView {
    pub name: String,
    pub rows: Vec<DistrictRow>,
    pub others: Vec<String>,
    /// Where the district is, and each indicator on the map.
    #[serde(default)]
    pub maps: DistrictMaps,
}

/// A district's place among all districts in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rank {
    /// 1 for the highest value.
    pub position: usize,
    pub of: usize,
    pub direction: Direction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictRow {
    pub indicator_id: String,
    pub title: Text,
    /// The link to the indicator with this district's series selected.
    pub href: String,
    pub period: String,
    pub value: String,
    pub city: Option<String>,
    pub rank: Rank,
}
