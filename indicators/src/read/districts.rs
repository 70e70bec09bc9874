//! `districts.geojson` (optional): the city's district boundaries.

use crate::model::DistrictMap;
use crate::problem::Problem;

/// Reads a GeoJSON FeatureCollection of district polygons. (Skeleton: filled
/// in by the map work.)
pub fn read_districts(_bytes: &[u8], _file: &str) -> (Option<DistrictMap>, Vec<Problem>) {
    (None, Vec::new())
}
