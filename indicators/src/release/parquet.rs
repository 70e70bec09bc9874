//! Observations to and from a Parquet file: the columnar copy of a release's
//! data, written straight from the observation frame (dimensions as a JSON
//! list of pairs, one short text per series that Parquet's dictionary keeps
//! once). Row groups are small and carry statistics, so a reader that wants
//! one indicator skips the rest.

use std::fs::File;
use std::path::Path;

use polars::prelude::*;

use super::{io, ReleaseError};
use crate::frame::ObservationFrame;

/// Rows per Parquet row group: small enough that a page's indicator is a
/// few groups, large enough to compress well.
pub(super) const ROW_GROUP_ROWS: usize = 64 * 1024;

/// The observations as a Parquet file's bytes.
pub(super) fn observations_parquet(
    observations: &ObservationFrame,
) -> Result<Vec<u8>, ReleaseError> {
    let mut frame = observations.frame().clone();
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes)
        .with_row_group_size(Some(ROW_GROUP_ROWS))
        .finish(&mut frame)?;
    Ok(bytes)
}

/// A release's observations, as columns.
pub(super) fn read_observation_frame(path: &Path) -> Result<ObservationFrame, ReleaseError> {
    let file = File::open(path).map_err(io(path))?;
    let frame = ParquetReader::new(file).finish()?;
    Ok(ObservationFrame::new(frame)?)
}
