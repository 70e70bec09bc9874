//! Observations to and from a Parquet file: the columnar copy of a release's
//! data (dimensions as a JSON list of pairs per row).

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use polars::prelude::*;

use super::{io, ReleaseError, OBSERVATIONS};
use crate::model::{Dimensions, Observation, Period, SourceRef};

/// The observations as a Parquet file's bytes.
pub(super) fn observations_parquet(observations: &[Observation]) -> Result<Vec<u8>, ReleaseError> {
    let n = observations.len();
    let dims: Vec<String> = observations
        .iter()
        .map(|o| serde_json::to_string(o.dimensions.pairs()).unwrap_or_default())
        .collect();
    let mut frame = DataFrame::new(
        n,
        vec![
            Column::new(
                "indicator_id".into(),
                observations
                    .iter()
                    .map(|o| o.indicator_id.as_str())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "year".into(),
                observations
                    .iter()
                    .map(|o| o.period.year)
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "period".into(),
                observations
                    .iter()
                    .map(|o| o.period.label.as_str())
                    .collect::<Vec<_>>(),
            ),
            Column::new("dimensions".into(), dims),
            Column::new(
                "value".into(),
                observations.iter().map(|o| o.value).collect::<Vec<_>>(),
            ),
            Column::new(
                "flags".into(),
                observations
                    .iter()
                    .map(|o| o.flags.as_str())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "progress".into(),
                observations.iter().map(|o| o.progress).collect::<Vec<_>>(),
            ),
            Column::new(
                "source_file".into(),
                observations
                    .iter()
                    .map(|o| o.source.file.as_ref())
                    .collect::<Vec<&str>>(),
            ),
            Column::new(
                "source_line".into(),
                observations
                    .iter()
                    .map(|o| o.source.line as u64)
                    .collect::<Vec<_>>(),
            ),
        ],
    )?;
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes).finish(&mut frame)?;
    Ok(bytes)
}

pub(super) fn read_observations_parquet(path: &Path) -> Result<Vec<Observation>, ReleaseError> {
    let file = File::open(path).map_err(io(path))?;
    let frame = ParquetReader::new(file).finish()?;
    let s = |name: &str| -> Result<StringChunked, ReleaseError> {
        Ok(frame.column(name)?.str()?.clone())
    };
    let (ids, periods, dims, flags, files) = (
        s("indicator_id")?,
        s("period")?,
        s("dimensions")?,
        s("flags")?,
        s("source_file")?,
    );
    let years = frame.column("year")?.i32()?.clone();
    let values = frame.column("value")?.f64()?.clone();
    let progress = frame.column("progress")?.f64()?.clone();
    let lines = frame.column("source_line")?.u64()?.clone();
    let mut interned_files: BTreeMap<String, Arc<str>> = BTreeMap::new();
    let mut out = Vec::with_capacity(frame.height());
    for i in 0..frame.height() {
        let pairs: Vec<(String, String)> = serde_json::from_str(dims.get(i).unwrap_or("[]"))
            .map_err(|source| ReleaseError::Json {
                file: OBSERVATIONS.into(),
                source,
            })?;
        let file = files.get(i).unwrap_or_default();
        let file = interned_files
            .entry(file.to_owned())
            .or_insert_with(|| Arc::from(file))
            .clone();
        out.push(Observation {
            indicator_id: ids.get(i).unwrap_or_default().to_owned(),
            period: Period {
                year: years.get(i).unwrap_or_default(),
                label: periods.get(i).unwrap_or_default().to_owned(),
            },
            dimensions: Dimensions::new(pairs),
            value: values.get(i).unwrap_or(f64::NAN),
            flags: flags.get(i).unwrap_or_default().to_owned(),
            progress: progress.get(i),
            source: SourceRef {
                file,
                line: lines.get(i).unwrap_or_default() as usize,
            },
        });
    }
    Ok(out)
}
