//! `recommendations.csv` (optional): recommendations the city received and
//! how it follows them up.

use super::table::Table;
use crate::model::{Area, Indicator, Recommendation};
use crate::problem::Problem;

/// Reads `recommendations.csv`. (Skeleton: filled in by the recommendations work.)
pub fn read_recommendations(
    _table: &Table,
    _file: &str,
    _indicators: &[Indicator],
    _areas: &[Area],
    _languages: &[String],
) -> (Vec<Recommendation>, Vec<Problem>) {
    (Vec::new(), Vec::new())
}
