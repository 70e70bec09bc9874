//! Putting a frame in order (indicator, series, year) without copying it
//! more than once: text columns coded, a grouped frame ordered by its runs,
//! others by a radix sort of one packed key, and each column gathered once.

use polars::prelude::*;

use super::codes::Coded;
use super::{columns as c, dimensions_from_json, ObservationFrame};

/// A frame's keys as integers: each row's indicator and series as codes
/// (equal codes, equal texts) and its year.
pub(crate) struct RowKeys {
    ids: Coded,
    series: Coded,
    /// Each row's year, `i32::MIN` for none.
    years: Vec<i32>,
}

impl RowKeys {
    pub(crate) fn len(&self) -> usize {
        self.years.len()
    }

    /// A row's series: the codes of its indicator and its dimensions.
    pub(crate) fn series_of(&self, row: usize) -> (u32, u32) {
        (self.ids.codes[row], self.series.codes[row])
    }

    pub(crate) fn year(&self, row: usize) -> Option<i32> {
        Some(self.years[row]).filter(|&y| y != i32::MIN)
    }

    /// How many distinct indicators and series (codes count from 0).
    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.ids.distinct_count(), self.series.distinct_count())
    }

    /// Each indicator code's rank and each series code's rank in the order
    /// a sort puts them in.
    pub(crate) fn ranks(&self) -> (Vec<u32>, Vec<u32>) {
        (
            self.ids.rank_table(|id| id),
            self.series
                .rank_table(|d| dimensions_from_json(d).unwrap_or_default()),
        )
    }

    /// The text of an indicator code and of a series code.
    pub(crate) fn texts_of(&self, (id, series): (u32, u32)) -> (&str, &str) {
        (self.ids.text(id), self.series.text(series))
    }

    /// The order [`ObservationFrame::sort`] puts the rows in.
    pub(crate) fn arrange(self) -> PolarsResult<Arrangement> {
        const ID_RANK: &str = "__indicator_rank";
        const RANK: &str = "__series_rank";
        const ROW: &str = "__row";
        let n = self.len();
        if n < 2 {
            return Ok(Arrangement {
                keys: self,
                order: None,
            });
        }
        let (id_rank, series_rank) = self.ranks();
        let (ids, series, years) = (&self.ids, &self.series, &self.years);
        let key = |i: usize| {
            (
                id_rank[ids.codes[i] as usize],
                series_rank[series.codes[i] as usize],
                years[i],
            )
        };
        let order = match order_by_runs(n, key) {
            Some(RunOrder::Sorted) => None,
            Some(RunOrder::Gather(order)) => Some(order),
            None if (1..n).all(|i| key(i - 1) <= key(i)) => None,
            None => {
                let ranks = |i: usize| {
                    let (id, series, _) = key(i);
                    (id, series)
                };
                let counts = (id_rank.len(), series_rank.len());
                Some(match packed_order(counts, years, ranks) {
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
                })
            }
        };
        Ok(Arrangement { keys: self, order })
    }
}

/// Where each row of a frame goes when it is put in order (indicator,
/// series, year), worked out from its keys alone: enough to find the rows a
/// sort would put side by side without moving a single cell.
pub(crate) struct Arrangement {
    pub(crate) keys: RowKeys,
    /// The rows in order; `None` when they already are.
    order: Option<IdxCa>,
}

impl Arrangement {
    /// The rows in order.
    pub(crate) fn rows(&self) -> Box<dyn Iterator<Item = usize> + '_> {
        match &self.order {
            Some(order) => Box::new(order.into_no_null_iter().map(|row| row as usize)),
            None => Box::new(0..self.keys.len()),
        }
    }
}

impl ObservationFrame {
    /// Each row's keys as integers.
    pub(crate) fn row_keys(&self) -> PolarsResult<RowKeys> {
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
        let years: Vec<i32> = self
            .0
            .column(c::YEAR)?
            .i32()?
            .iter()
            .map(|y| y.unwrap_or(i32::MIN))
            .collect();
        Ok(RowKeys { ids, series, years })
    }

    /// Sorts by indicator, series (headline first, then as [`Dimensions`](crate::model::Dimensions)
    /// order them) and year; rows that tie keep their order (file order, then
    /// line). A frame already in order is left as it is, in one chunk per
    /// column.
    pub fn sort(&mut self) -> PolarsResult<()> {
        if self.height() < 2 {
            return Ok(());
        }
        let n = self.height();
        let Arrangement { keys, order } = self.row_keys()?.arrange()?;
        let RowKeys { ids, series, years } = keys;
        drop(years);
        let Some(order) = order else {
            // Later walks index rows, which in a column of many chunks
            // means finding the chunk first.
            self.0.rechunk_mut_par();
            return Ok(());
        };
        // The order from the keys alone, then each column gathered and its
        // old copy dropped before the next: sorting the whole frame held
        // both copies of every column at once (700 MB more for 10M rows).
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
pub(super) enum RunOrder {
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
pub(super) fn order_by_runs(n: usize, key: impl Fn(usize) -> (u32, u32, i32)) -> Option<RunOrder> {
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
pub(super) fn packed_order(
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
pub(super) fn radix_order<K: Copy + Into<u64>>(mut keys: Vec<K>, width: u32) -> Vec<IdxSize> {
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
