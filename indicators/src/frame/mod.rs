//! Observations as columns: the polars frame the pipeline keeps from the scan
//! to the Parquet file. One row per observation; the series a row belongs to
//! is its indicator and its `dimensions` (the sorted disaggregation pairs as
//! JSON, `[]` for the headline), so a million rows of one series share one
//! short text that compresses to nothing in Parquet.

use std::collections::HashMap;
use std::sync::Arc;

use polars::prelude::*;

mod codes;
mod sort;
pub(crate) use codes::distinct;
pub(crate) use codes::walk;
#[cfg(test)]
use sort::{order_by_runs, packed_order, radix_order, RunOrder};
pub(crate) use sort::{Arrangement, RowKeys};

use crate::model::{Dimensions, Observation, Period, Point, SourceRef};

/// The column names, in the order a frame keeps them.
pub mod columns {
    pub const INDICATOR: &str = "indicator_id";
    /// The year the period starts (ordering, trends).
    pub const YEAR: &str = "year";
    /// The period as the file wrote it (`2014/2015`).
    pub const PERIOD: &str = "period";
    /// The series' disaggregation pairs as JSON (`[["sex","female"]]`).
    pub const DIMENSIONS: &str = "dimensions";
    pub const VALUE: &str = "value";
    /// Room for qualitative (text-valued) observations: null for numbers.
    pub const TEXT: &str = "text";
    pub const FLAGS: &str = "flags";
    pub const PROGRESS: &str = "progress";
    pub const SOURCE_FILE: &str = "source_file";
    pub const SOURCE_LINE: &str = "source_line";
    pub const ALL: [&str; 10] = [
        INDICATOR,
        YEAR,
        PERIOD,
        DIMENSIONS,
        VALUE,
        TEXT,
        FLAGS,
        PROGRESS,
        SOURCE_FILE,
        SOURCE_LINE,
    ];
}
use columns as c;

/// The JSON a frame stores for a series' dimensions.
pub fn dimensions_json(dimensions: &Dimensions) -> String {
    serde_json::to_string(dimensions.pairs()).unwrap_or_else(|_| "[]".to_owned())
}

/// Reads [`dimensions_json`] back; `None` when the text is not such JSON.
pub fn dimensions_from_json(text: &str) -> Option<Dimensions> {
    if text == "[]" || text.is_empty() {
        return Some(Dimensions::default());
    }
    serde_json::from_str::<Vec<(String, String)>>(text)
        .ok()
        .map(Dimensions::new)
}

/// The schema every [`ObservationFrame`] has.
pub fn schema() -> Schema {
    Schema::from_iter([
        Field::new(c::INDICATOR.into(), DataType::String),
        Field::new(c::YEAR.into(), DataType::Int32),
        Field::new(c::PERIOD.into(), DataType::String),
        Field::new(c::DIMENSIONS.into(), DataType::String),
        Field::new(c::VALUE.into(), DataType::Float64),
        Field::new(c::TEXT.into(), DataType::String),
        Field::new(c::FLAGS.into(), DataType::String),
        Field::new(c::PROGRESS.into(), DataType::Float64),
        Field::new(c::SOURCE_FILE.into(), DataType::String),
        Field::new(c::SOURCE_LINE.into(), DataType::UInt64),
    ])
}

/// Observations, column by column (see the module docs).
#[derive(Debug, Clone)]
pub struct ObservationFrame(DataFrame);

impl Default for ObservationFrame {
    fn default() -> Self {
        ObservationFrame(DataFrame::empty_with_schema(&schema()))
    }
}

impl ObservationFrame {
    /// Takes a frame with (at least) the schema's columns, in any order, and
    /// keeps exactly those, cast to the schema's types. A frame written
    /// before the `text` column existed gets an empty one.
    pub fn new(frame: DataFrame) -> PolarsResult<Self> {
        let height = frame.height();
        let schema = schema();
        let mut out = Vec::with_capacity(schema.len());
        for (name, dtype) in schema.iter() {
            let column = match frame.column(name.as_str()) {
                Ok(column) => column.cast(dtype)?,
                Err(_) if name.as_str() == c::TEXT => {
                    Column::full_null(name.clone(), height, dtype)
                }
                Err(err) => return Err(err),
            };
            out.push(column);
        }
        Ok(ObservationFrame(DataFrame::new(height, out)?))
    }

    pub fn frame(&self) -> &DataFrame {
        &self.0
    }

    pub fn into_frame(self) -> DataFrame {
        self.0
    }

    pub fn height(&self) -> usize {
        self.0.height()
    }

    pub fn is_empty(&self) -> bool {
        self.0.height() == 0
    }

    /// Adds `other`'s rows after this frame's.
    pub fn append(&mut self, other: ObservationFrame) -> PolarsResult<()> {
        if self.is_empty() {
            *self = other;
        } else if !other.is_empty() {
            self.0.vstack_mut_owned(other.0)?;
        }
        Ok(())
    }

    /// Without the rows that have no value (empty cells kept while checking
    /// for repeated keys).
    pub fn without_missing_values(self) -> Self {
        let frame = &self.0;
        // Filtering copies every column: not when there is nothing to drop.
        if frame.column(c::VALUE).is_ok_and(|v| v.null_count() == 0) {
            return self;
        }
        match frame
            .column(c::VALUE)
            .map(|v| v.is_not_null())
            .and_then(|mask| frame.filter(&mask))
        {
            Ok(filtered) => ObservationFrame(filtered),
            Err(_) => self,
        }
    }

    /// Whether any row has one of `keys` (indicator, year, series).
    pub fn has_any_key(&self, keys: &[(String, i32, Dimensions)]) -> PolarsResult<bool> {
        if keys.is_empty() || self.is_empty() {
            return Ok(false);
        }
        let wanted = DataFrame::new(
            keys.len(),
            vec![
                Column::new(
                    c::INDICATOR.into(),
                    keys.iter().map(|k| k.0.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(c::YEAR.into(), keys.iter().map(|k| k.1).collect::<Vec<_>>()),
                Column::new(
                    c::DIMENSIONS.into(),
                    keys.iter()
                        .map(|k| dimensions_json(&k.2))
                        .collect::<Vec<_>>(),
                ),
            ],
        )?;
        let on = [col(c::INDICATOR), col(c::YEAR), col(c::DIMENSIONS)];
        let hits = self
            .0
            .clone()
            .lazy()
            .select(on.clone())
            .join(
                wanted.lazy(),
                on.clone(),
                on,
                JoinArgs::new(JoinType::Inner),
            )
            .limit(1)
            .collect()?;
        Ok(hits.height() > 0)
    }

    /// The frame of a list of observations.
    pub fn from_observations(observations: &[Observation]) -> Self {
        let mut dims_cache: PlHashMap<&Dimensions, Arc<str>> = PlHashMap::default();
        let dims: Vec<Arc<str>> = observations
            .iter()
            .map(|o| {
                dims_cache
                    .entry(&o.dimensions)
                    .or_insert_with(|| Arc::from(dimensions_json(&o.dimensions)))
                    .clone()
            })
            .collect();
        let n = observations.len();
        let strs = |f: &dyn Fn(&Observation) -> &str| -> Vec<&str> {
            observations.iter().map(f).collect()
        };
        let columns = vec![
            Column::new(c::INDICATOR.into(), strs(&|o| o.indicator_id.as_str())),
            Column::new(
                c::YEAR.into(),
                observations
                    .iter()
                    .map(|o| o.period.year)
                    .collect::<Vec<_>>(),
            ),
            Column::new(c::PERIOD.into(), strs(&|o| o.period.label.as_str())),
            Column::new(
                c::DIMENSIONS.into(),
                dims.iter().map(|d| d.as_ref()).collect::<Vec<&str>>(),
            ),
            Column::new(
                c::VALUE.into(),
                observations.iter().map(|o| o.value).collect::<Vec<_>>(),
            ),
            Column::full_null(c::TEXT.into(), n, &DataType::String),
            Column::new(c::FLAGS.into(), strs(&|o| o.flags.as_str())),
            Column::new(
                c::PROGRESS.into(),
                observations.iter().map(|o| o.progress).collect::<Vec<_>>(),
            ),
            Column::new(c::SOURCE_FILE.into(), strs(&|o| o.source.file.as_ref())),
            Column::new(
                c::SOURCE_LINE.into(),
                observations
                    .iter()
                    .map(|o| o.source.line as u64)
                    .collect::<Vec<_>>(),
            ),
        ];
        // The columns are built to the schema, so this cannot fail.
        ObservationFrame(DataFrame::new(n, columns).unwrap_or_default())
    }

    /// The columns a reader walks row by row (one contiguous chunk each).
    pub fn view(&self) -> PolarsResult<FrameView> {
        let frame = &self.0;
        let s = |name: &str| -> PolarsResult<StringChunked> {
            Ok(frame.column(name)?.str()?.rechunk().into_owned())
        };
        // A column with one value in every row (a clean file's name, its
        // empty flags) is kept as that value, not written out per row.
        let cells = |name: &str| -> PolarsResult<TextCells> {
            Ok(match frame.column(name)? {
                Column::Scalar(same) if same.scalar().dtype() == &DataType::String => {
                    TextCells::Same(same.scalar().value().extract_str().map(str::to_owned))
                }
                _ => TextCells::Each(s(name)?),
            })
        };
        Ok(FrameView {
            indicator: s(c::INDICATOR)?,
            year: frame.column(c::YEAR)?.i32()?.rechunk().into_owned(),
            period: s(c::PERIOD)?,
            dimensions: s(c::DIMENSIONS)?,
            value: frame.column(c::VALUE)?.f64()?.rechunk().into_owned(),
            flags: cells(c::FLAGS)?,
            progress: frame.column(c::PROGRESS)?.f64()?.rechunk().into_owned(),
            source_file: cells(c::SOURCE_FILE)?,
            source_line: frame.column(c::SOURCE_LINE)?.u64()?.rechunk().into_owned(),
        })
    }

    /// Every row as an [`Observation`] (for callers that want the model:
    /// `localgoals check --json`, tests, the site of a small city).
    pub fn to_observations(&self) -> PolarsResult<Vec<Observation>> {
        let v = self.view()?;
        let mut dims = DimensionsCache::default();
        let mut files: HashMap<String, Arc<str>> = HashMap::new();
        let mut out = Vec::with_capacity(self.height());
        for row in 0..self.height() {
            let file = v.source_file.get(row).unwrap_or_default();
            let file = match files.get(file) {
                Some(f) => f.clone(),
                None => {
                    let f: Arc<str> = Arc::from(file);
                    files.insert(file.to_owned(), f.clone());
                    f
                }
            };
            out.push(Observation {
                indicator_id: v.indicator.get(row).unwrap_or_default().to_owned(),
                period: v.period_at(row),
                dimensions: dims.get(v.dimensions.get(row).unwrap_or("[]")),
                value: v.value.get(row).unwrap_or(f64::NAN),
                flags: v.flags.get(row).unwrap_or_default().to_owned(),
                progress: v.progress.get(row),
                source: SourceRef {
                    file,
                    line: v.source_line.get(row).unwrap_or_default() as usize,
                },
            });
        }
        Ok(out)
    }
}

#[derive(Debug, Clone)]
pub struct FrameView {
    pub indicator: StringChunked,
    pub year: Int32Chunked,
    pub period: StringChunked,
    pub dimensions: StringChunked,
    pub value: Float64Chunked,
    pub flags: TextCells,
    pub progress: Float64Chunked,
    pub source_file: TextCells,
    pub source_line: UInt64Chunked,
}

impl FrameView {
    pub fn len(&self) -> usize {
        self.indicator.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn period_at(&self, row: usize) -> Period {
        Period {
            year: self.year.get(row).unwrap_or_default(),
            label: self.period.get(row).unwrap_or_default().to_owned(),
        }
    }

    pub fn point_at(&self, row: usize) -> Point {
        Point {
            period: self.period_at(row),
            value: self.value.get(row).unwrap_or(f64::NAN),
            flags: self.flags.get(row).unwrap_or_default().to_owned(),
            progress: self.progress.get(row),
        }
    }
}

/// A text column of a [`FrameView`].
#[derive(Debug, Clone)]
pub enum TextCells {
    /// The same text (or none) in every row.
    Same(Option<String>),
    /// A cell per row, in one chunk.
    Each(StringChunked),
}

impl TextCells {
    pub fn get(&self, row: usize) -> Option<&str> {
        match self {
            TextCells::Same(text) => text.as_deref(),
            TextCells::Each(cells) => cells.get(row),
        }
    }
}

/// Parses each distinct dimensions text once.
#[derive(Debug, Default)]
pub struct DimensionsCache(PlHashMap<String, Dimensions>);

impl DimensionsCache {
    pub fn get(&mut self, text: &str) -> Dimensions {
        if let Some(d) = self.0.get(text) {
            return d.clone();
        }
        let d = dimensions_from_json(text).unwrap_or_default();
        self.0.insert(text.to_owned(), d.clone());
        d
    }
}

#[cfg(test)]
mod tests;
