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

/// Any frame as a Parquet file's bytes, in row groups of [`ROW_GROUP_ROWS`].
pub(super) fn frame_parquet(mut frame: DataFrame) -> Result<Vec<u8>, ReleaseError> {
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

/// Reads a Parquet file one row group at a time, handing each to `check`:
/// every value is decoded, as `load` will decode it, without the whole
/// file in memory. A file without row groups is read once, empty, so its
/// columns are still checked.
pub(super) fn for_each_row_group(
    path: &Path,
    mut check: impl FnMut(DataFrame) -> Result<(), ReleaseError>,
) -> Result<(), ReleaseError> {
    let open = || File::open(path).map_err(io(path));
    let metadata = ParquetReader::new(open()?).get_metadata()?.clone();
    let mut offset = 0;
    let mut groups = metadata.row_groups.iter().map(|g| g.num_rows()).peekable();
    if groups.peek().is_none() {
        return check(
            ParquetReader::new(open()?)
                .with_slice(Some((0, 0)))
                .finish()?,
        );
    }
    for rows in groups {
        let mut reader = ParquetReader::new(open()?);
        reader.set_metadata(metadata.clone());
        check(reader.with_slice(Some((offset, rows))).finish()?)?;
        offset += rows;
    }
    Ok(())
}
