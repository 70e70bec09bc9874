//! `qualitative.csv` (optional): the dated statements of qualitative indicators.

use super::table::Table;
use crate::model::{Indicator, Statement};
use crate::problem::Problem;

/// Reads `qualitative.csv`. (Skeleton: filled in by the qualitative work.)
pub fn read_statements(
    _table: &Table,
    _file: &str,
    _indicators: &[Indicator],
    _languages: &[String],
) -> (Vec<Statement>, Vec<Problem>) {
    (Vec::new(), Vec::new())
}
