//! Observations as columns: the polars frame the pipeline keeps from the scan
//! to the Parquet file. One row per observation; the series a row belongs to
//! is its indicator and its `dimensions` (the sorted disaggregation pairs as
//! JSON, `[]` for the headline), so a million rows of one series share one
//! short text that compresses to nothing in Parquet.

use std::collections::HashMap;
use std::sync::Arc;

use polars::prelude::*;

mod codes;
pub(crate) use codes::distinct;
pub(crate) use codes::walk;
use codes::Coded;

use crate::model::{Dimensions, Observation, Period, Point, Series, SeriesKey, SourceRef};

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

    /// Sorts by indicator, series (headline first, then as [`Dimensions`]
    /// order them) and year; rows that tie keep their order (file order, then
    /// line). A frame already in order is left as it is, in one chunk per
    /// column.
    pub fn sort(&mut self) -> PolarsResult<()> {
        const ID_RANK: &str = "__indicator_rank";
        const RANK: &str = "__series_rank";
        const ROW: &str = "__row";
        if self.height() < 2 {
            return Ok(());
        }
        let n = self.height();
        // Integer ranks sort (and compare) far faster than the texts. The
        // columns are read in the chunks the CSV reader made: making them
        // one chunk first cost more than the rest of the sort (0.5 s for
        // 10M rows), and a gathered column is one chunk anyway.
        let (ids, series) = (
            self.0.column(c::INDICATOR)?.str()?,
            self.0.column(c::DIMENSIONS)?.str()?,
        );
        let (ids, series) = std::thread::scope(|scope| {
            let ids = scope.spawn(|| Coded::new(ids));
            let series = Coded::new(series);
            let ids = ids
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (ids, series)
        });
        let id_rank = ids.rank_table(|id| id);
        let series_rank = series.rank_table(|d| dimensions_from_json(d).unwrap_or_default());
        let years: Vec<i32> = self
            .0
            .column(c::YEAR)?
            .i32()?
            .iter()
            .map(|y| y.unwrap_or(i32::MIN))
            .collect();
        let key = |i: usize| {
            (
                id_rank[ids.codes[i] as usize],
                series_rank[series.codes[i] as usize],
                years[i],
            )
        };
        // The order from the keys alone, then each column gathered and its
        // old copy dropped before the next: sorting the whole frame held
        // both copies of every column at once (700 MB more for 10M rows).
        let order = match order_by_runs(n, key) {
            Some(RunOrder::Sorted) => {
                // Later walks index rows, which in a column of many chunks
                // means finding the chunk first.
                self.0.rechunk_mut_par();
                return Ok(());
            }
            Some(RunOrder::Gather(order)) => order,
            None if (1..n).all(|i| key(i - 1) <= key(i)) => {
                self.0.rechunk_mut_par();
                return Ok(());
            }
            None => {
                let ranks = |i: usize| (key(i).0, key(i).1);
                let counts = (id_rank.len(), series_rank.len());
                match packed_order(counts, &years, ranks) {
                    Some(order) => order,
                    None => {
                        let (id_ranks, series_ranks): (Vec<u32>, Vec<u32>) =
                            (0..n).map(ranks).unzip();
                        let keys = DataFrame::new(
                            n,
                            vec![
                                Column::new(ID_RANK.into(), id_ranks),
                                Column::new(RANK.into(), series_ranks),
                                Column::new(c::YEAR.into(), years.as_slice()),
                            ],
                        )?
                        .with_row_index(ROW.into(), None)?;
                        keys.sort(
                            [ID_RANK, RANK, c::YEAR],
                            SortMultipleOptions::default().with_maintain_order(true),
                        )?
                        .column(ROW)?
                        .idx()?
                        .rechunk()
                        .into_owned()
                    }
                }
            }
        };
        drop(years);
        let order_rows = order.cont_slice()?;
        let mut columns = std::mem::take(&mut self.0).into_columns();
        // The coded columns first, so that their codes are gone before the
        // others are gathered.
        for (coded, name) in [(ids, c::INDICATOR), (series, c::DIMENSIONS)] {
            if let Some(column) = columns.iter_mut().find(|column| column.name() == name) {
                *column = coded.gather(order_rows, name.into())?;
            }
        }
        let mut sorted = Vec::with_capacity(columns.len());
        for column in columns {
            let name = column.name().clone();
            let gathered = match name.as_str() {
                c::INDICATOR | c::DIMENSIONS => column,
                // Text of a few distinct cells (periods) in many chunks:
                // gathering it row by row across chunks copies every text.
                _ if column.dtype() == &DataType::String
                    && column.n_chunks() > 1
                    && column.null_count() == 0 =>
                {
                    Coded::new(column.str()?).gather(order_rows, name)?
                }
                _ => column.take(&order)?.rechunk(),
            };
            sorted.push(gathered);
        }
        self.0 = DataFrame::new(n, sorted)?;
        Ok(())
    }
}

/// How the runs of a frame's rows put it in order.
enum RunOrder {
    /// Already in order.
    Sorted,
    /// The rows in order.
    Gather(IdxCa),
}

/// The usual frame, put in order by its runs rather than its rows: files
/// hold each series' years together and rising, so 10M rows are a few
/// hundred thousand runs, and ordering the runs orders the rows. `None`
/// when the runs are short (rows in no order) or a series' runs overlap in
/// years; the rows are then sorted one by one.
fn order_by_runs(n: usize, key: impl Fn(usize) -> (u32, u32, i32)) -> Option<RunOrder> {
    // (first key, last year, first row, end row) of each run of one series
    // with rising years.
    let mut runs: Vec<((u32, u32, i32), i32, usize, usize)> = Vec::new();
    let mut start = 0;
    let mut previous = key(0);
    for i in 1..=n {
        let this = (i < n).then(|| key(i));
        let same_run =
            this.is_some_and(|k| (k.0, k.1) == (previous.0, previous.1) && k.2 > previous.2);
        if !same_run {
            runs.push((key(start), previous.2, start, i));
            if runs.len() > n / 8 + 1 {
                return None;
            }
            start = i;
        }
        if let Some(k) = this {
            previous = k;
        }
    }
    // Every key differs from every other, so the order is the one order
    // there is: ties cannot arise.
    let follows = |a: &((u32, u32, i32), i32, usize, usize),
                   b: &((u32, u32, i32), i32, usize, usize)| {
        (a.0 .0, a.0 .1) < (b.0 .0, b.0 .1)
            || ((a.0 .0, a.0 .1) == (b.0 .0, b.0 .1) && a.1 < b.0 .2)
    };
    if runs.windows(2).all(|w| follows(&w[0], &w[1])) {
        return Some(RunOrder::Sorted);
    }
    runs.sort_unstable_by_key(|r| (r.0, r.2));
    if !runs.windows(2).all(|w| follows(&w[0], &w[1])) {
        return None;
    }
    let mut order: Vec<IdxSize> = Vec::with_capacity(n);
    for run in &runs {
        order.extend(run.2 as IdxSize..run.3 as IdxSize);
    }
    Some(RunOrder::Gather(IdxCa::from_vec("order".into(), order)))
}

/// The rows' order by (indicator rank, series rank, year), ties in row
/// order, when the three fit one 64-bit key (always, but for absurd counts
/// of indicators, series or years): a stable radix sort of those keys.
fn packed_order(
    (id_count, series_count): (usize, usize),
    years: &[i32],
    ranks: impl Fn(usize) -> (u32, u32),
) -> Option<IdxCa> {
    let bits = |count: usize| 64 - (count.saturating_sub(1) as u64).leading_zeros();
    let first_year = years.iter().copied().min().unwrap_or(0);
    let last_year = years.iter().copied().max().unwrap_or(0);
    let (id_bits, series_bits) = (bits(id_count), bits(series_count));
    let year_bits = bits((i64::from(last_year) - i64::from(first_year) + 1) as usize);
    let width = id_bits + series_bits + year_bits;
    let key = |i: usize| {
        let (id, series) = ranks(i);
        (u64::from(id) << (series_bits + year_bits))
            | (u64::from(series) << year_bits)
            | (i64::from(years[i]) - i64::from(first_year)) as u64
    };
    let n = years.len();
    let order = match width {
        0..=32 => radix_order((0..n).map(|i| key(i) as u32).collect(), width),
        33..=64 => radix_order((0..n).map(key).collect(), width),
        _ => return None,
    };
    Some(IdxCa::from_vec("order".into(), order))
}

/// The positions of `keys` in ascending order, equal keys in their own
/// order: a least-significant-digit radix sort, 11 bits a pass, skipping a
/// digit that every key shares.
fn radix_order<K: Copy + Into<u64>>(mut keys: Vec<K>, width: u32) -> Vec<IdxSize> {
    const DIGIT: u32 = 11;
    let n = keys.len();
    let mut rows: Vec<IdxSize> = (0..n as IdxSize).collect();
    let (mut next_keys, mut next_rows) = (keys.clone(), rows.clone());
    let mut shift = 0;
    while shift < width {
        let digit = |k: K| ((k.into() >> shift) & ((1 << DIGIT) - 1)) as usize;
        let mut starts = vec![0usize; 1 << DIGIT];
        for &k in &keys {
            starts[digit(k)] += 1;
        }
        if starts.contains(&n) {
            shift += DIGIT;
            continue;
        }
        let mut total = 0;
        for start in &mut starts {
            (*start, total) = (total, total + *start);
        }
        for (&k, &row) in keys.iter().zip(&rows) {
            let at = &mut starts[digit(k)];
            next_keys[*at] = k;
            next_rows[*at] = row;
            *at += 1;
        }
        std::mem::swap(&mut keys, &mut next_keys);
        std::mem::swap(&mut rows, &mut next_rows);
        shift += DIGIT;
    }
    rows
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

    /// Where each series starts and ends in a sorted frame:
    /// `(indicator, dimensions text, rows)`.
    pub fn series_ranges(&self) -> Vec<(&str, &str, std::ops::Range<usize>)> {
        let mut out: Vec<(&str, &str, std::ops::Range<usize>)> = Vec::new();
        // Walked in step, not looked up by row (which finds the chunk first).
        let rows = self
            .indicator
            .iter()
            .zip(self.dimensions.iter())
            .enumerate();
        for (row, (id, dims)) in rows {
            let (id, dims) = (id.unwrap_or_default(), dims.unwrap_or("[]"));
            match out.last_mut() {
                Some((i, d, range)) if *i == id && *d == dims => range.end = row + 1,
                _ => out.push((id, dims, row..row + 1)),
            }
        }
        out
    }

    /// The series of one indicator from its rows of a sorted frame, with the
    /// first line each series starts on.
    pub fn series_of(
        &self,
        ranges: &[(&str, &str, std::ops::Range<usize>)],
        cache: &mut DimensionsCache,
    ) -> Vec<(Series, usize)> {
        ranges
            .iter()
            .map(|(id, dims, rows)| {
                let first_line = rows
                    .clone()
                    .filter_map(|r| self.source_line.get(r))
                    .min()
                    .unwrap_or(u64::MAX) as usize;
                let mut points: Vec<Point> = rows.clone().map(|r| self.point_at(r)).collect();
                // Sorted by year already; labels break ties as the model does.
                points.sort_by(|a, b| a.period.cmp(&b.period));
                let series = Series {
                    key: SeriesKey {
                        indicator_id: (*id).to_owned(),
                        dimensions: cache.get(dims),
                    },
                    points,
                };
                (series, first_line)
            })
            .collect()
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
