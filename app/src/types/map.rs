//! The district map as pages show it: the SVG drawn on the server and the
//! table beside it (every district, its value, flags and class).

use serde::{Deserialize, Serialize};

/// A district map with its table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapFigure {
    /// SVG markup drawn by `crate::chart::map`.
    pub svg: String,
    /// What the map shows: indicator, period, unit.
    pub caption: String,
    /// The table's caption.
    pub table_caption: String,
    /// The period the values are of, as written (`2024`).
    pub period: String,
    /// The table's column headings: district, value, flags, class.
    pub headings: [String; 4],
    /// Every district, by name.
    pub rows: Vec<MapRow>,
    /// The whole city's value in the same period, as a last row.
    pub city: Option<(String, String)>,
}

/// One district in a map's table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapRow {
    /// The name, with the number the map shows for it when the name did
    /// not fit its shape (`3 · Leidsche Rijn – Centrum`).
    pub name: String,
    /// The district's page.
    pub href: String,
    /// `12.3 %`, or `no data`.
    pub value: String,
    pub flags: String,
    /// `2 of 5 (12.0 to 14.0)`, `no data`, or `not on the map: no boundary`.
    pub class: String,
    /// The page's own district (district pages).
    pub current: bool,
}

/// A district page's maps: where it is, and each indicator with the
/// district outlined.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DistrictMaps {
    /// The district among the others, values aside.
    pub locator: Option<MapFigure>,
    /// `(indicator title, map)`, in the table's order.
    pub indicators: Vec<(super::Text, MapFigure)>,
}
