//! `groups.csv` (optional): which disaggregation values are rights-holder
//! groups.

use super::table::Table;
use crate::model::GroupMapping;
use crate::problem::Problem;

/// Reads `groups.csv`. (Skeleton: filled in by the groups work.)
pub fn read_groups(
    _table: &Table,
    _file: &str,
    _languages: &[String],
) -> (Vec<GroupMapping>, Vec<Problem>) {
    (Vec::new(), Vec::new())
}
