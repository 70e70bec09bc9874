//! The checks across files (a key in two files, years missing inside a
//! series) on a frame in any order: the rows are never moved, so a check
//! that only reports can leave them as read, and the problems come in the
//! order of the rows sorted (indicator, series, year) either way.

use crate::frame::{columns, Arrangement, DimensionsCache, ObservationFrame, RowKeys};
use crate::problem::{ObservationKey, Problem};

/// The problems across files, in the order of the rows sorted, the frame
/// left as it is.
pub(super) fn check_in_place(frame: &ObservationFrame) -> Vec<Problem> {
    let Ok(keys) = frame.row_keys() else {
        return Vec::new();
    };
    match by_bitmap(frame, &keys) {
        Some(found) => found,
        None => match keys.arrange() {
            Ok(arrangement) => by_order(frame, &arrangement),
            Err(_) => Vec::new(),
        },
    }
}

/// A frame's cells, one at a time: for the few rows a problem is about.
struct Cells<'a>(&'a ObservationFrame);

impl Cells<'_> {
    fn cell(&self, name: &str, row: usize) -> Option<polars::prelude::AnyValue<'_>> {
        self.0.frame().column(name).ok()?.get(row).ok()
    }

    fn text(&self, name: &str, row: usize) -> String {
        self.cell(name, row)
            .and_then(|cell| cell.extract_str().map(str::to_owned))
            .unwrap_or_default()
    }

    fn file(&self, row: usize) -> String {
        self.text(columns::SOURCE_FILE, row)
    }

    fn value(&self, row: usize) -> f64 {
        self.cell(columns::VALUE, row)
            .and_then(|cell| cell.extract::<f64>())
            .unwrap_or(f64::NAN)
    }

    fn line(&self, row: usize) -> usize {
        self.cell(columns::SOURCE_LINE, row)
            .and_then(|cell| cell.extract::<u64>())
            .unwrap_or_default() as usize
    }

    /// The problem when rows `a` and `b` (its neighbour in order) hold one
    /// key: `None` when they come from one file (caught while reading it).
    fn repeated(
        &self,
        keys: &RowKeys,
        cache: &mut DimensionsCache,
        (a, b): (usize, usize),
    ) -> Option<Problem> {
        let (file_a, file_b) = (self.file(a), self.file(b));
        if file_a == file_b {
            return None;
        }
        let (indicator, dimensions) = keys.texts_of(keys.series_of(b));
        let dimensions = cache.get(dimensions);
        let label = self.text(columns::PERIOD, b);
        let key = ObservationKey {
            indicator,
            period: &label,
            series: &dimensions,
        };
        let first = (file_a.as_str(), self.line(a), self.value(a));
        Some(seen_in_another_file(
            &file_b,
            self.line(b),
            key,
            first,
            self.value(b),
        ))
    }

    /// The problem of a series whose first row (in order) is `first`.
    fn gappy(
        &self,
        keys: &RowKeys,
        cache: &mut DimensionsCache,
        first: usize,
        gaps: Vec<i32>,
    ) -> Problem {
        let (indicator, dimensions) = keys.texts_of(keys.series_of(first));
        Problem::missing_years(&self.file(first), indicator, &cache.get(dimensions), gaps)
    }
}

/// One pass over the rows in order, a series at a time: a key repeated
/// across files is two neighbours of one series with one year.
fn by_order(frame: &ObservationFrame, arrangement: &Arrangement) -> Vec<Problem> {
    let (cells, keys) = (Cells(frame), &arrangement.keys);
    let rows: Vec<usize> = arrangement.rows().collect();
    let mut cache = DimensionsCache::default();
    let (mut found, mut gaps) = (Vec::new(), Vec::new());
    let mut years: Vec<i32> = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let series = keys.series_of(rows[start]);
        years.clear();
        let mut end = start;
        let mut previous: Option<(usize, Option<i32>)> = None;
        while end < rows.len() && keys.series_of(rows[end]) == series {
            let (b, year) = (rows[end], keys.year(rows[end]));
            years.extend(year);
            if let Some((a, _)) = previous.filter(|&(_, y)| y == year) {
                found.extend(cells.repeated(keys, &mut cache, (a, b)));
            }
            previous = Some((b, year));
            end += 1;
        }
        if let Some(missing) = gaps_in(&mut years) {
            gaps.push(cells.gappy(keys, &mut cache, rows[start], missing));
        }
        start = end;
    }
    // Repeats, then gaps, as the bitmap walk lists them.
    found.append(&mut gaps);
    found
}

/// The same problems without putting the rows in order: a bitmap of every
/// possible (series, year) key, filled in one pass in file order, tells
/// each series' years and which keys come twice; only those few rows and
/// the gappy series are then put in order. `None` when a row has no year
/// or the keys would not fit a bitmap (the rows are then put in order).
fn by_bitmap(frame: &ObservationFrame, keys: &RowKeys) -> Option<Vec<Problem>> {
    let n = keys.len();
    let years: Vec<i32> = (0..n).map(|row| keys.year(row)).collect::<Option<_>>()?;
    let (first, last) = (*years.iter().min()?, *years.iter().max()?);
    let span = u64::try_from(i64::from(last) - i64::from(first) + 1).ok()?;
    let (id_count, series_count) = keys.counts();
    let slots = (id_count as u64).checked_mul(series_count as u64)?;
    let space = slots.checked_mul(span)?;
    // Three numbers per possible series, and a bit per possible key.
    if slots > (n as u64).max(1 << 20) || space > (n as u64 * 8).max(1 << 26) {
        return None;
    }
    let slot_of = |row: usize| {
        let (id, series) = keys.series_of(row);
        u64::from(id) * series_count as u64 + u64::from(series)
    };
    let year_of = |row: usize| u64::from(years[row].abs_diff(first));
    let words = space.div_ceil(64) as usize;
    let (mut seen, mut again) = (vec![0u64; words], vec![0u64; words]);
    let mut any_again = false;
    // Per series: distinct years, the first and the last.
    let mut count = vec![0u32; slots as usize];
    let mut low = vec![u32::MAX; slots as usize];
    let mut high = vec![0u32; slots as usize];
    for row in 0..n {
        let (slot, year) = (slot_of(row), year_of(row));
        let key = slot * span + year;
        let (word, bit) = ((key / 64) as usize, 1u64 << (key % 64));
        if seen[word] & bit != 0 {
            again[word] |= bit;
            any_again = true;
            continue;
        }
        seen[word] |= bit;
        let s = slot as usize;
        count[s] += 1;
        low[s] = low[s].min(year as u32);
        high[s] = high[s].max(year as u32);
    }
    let (id_rank, series_rank) = keys.ranks();
    let rank_of_slot = |slot: u64| {
        let (id, series) = (slot / series_count as u64, slot % series_count as u64);
        (id_rank[id as usize], series_rank[series as usize])
    };
    let cells = Cells(frame);
    let mut cache = DimensionsCache::default();
    let mut found = Vec::new();
    if any_again {
        // Rows of a key that comes twice, in the order a sort gives them.
        let is_again = |key: u64| again[(key / 64) as usize] & (1 << (key % 64)) != 0;
        let mut twice: Vec<((u32, u32), u64, usize)> = (0..n)
            .filter(|&row| is_again(slot_of(row) * span + year_of(row)))
            .map(|row| (rank_of_slot(slot_of(row)), year_of(row), row))
            .collect();
        twice.sort_unstable();
        for pair in twice.windows(2) {
            if (pair[0].0, pair[0].1) == (pair[1].0, pair[1].1) {
                found.extend(cells.repeated(keys, &mut cache, (pair[0].2, pair[1].2)));
            }
        }
    }
    // Gappy series (few), in the order a sort gives them.
    let mut gappy: Vec<((u32, u32), u64)> = (0..slots)
        .filter(|&slot| {
            let s = slot as usize;
            count[s] > 0 && high[s] - low[s] + 1 != count[s]
        })
        .map(|slot| (rank_of_slot(slot), slot))
        .collect();
    if gappy.is_empty() {
        return Some(found);
    }
    gappy.sort_unstable();
    // Each gappy series' first row in order: its first year's first row.
    let mut first_row: std::collections::HashMap<u64, usize> =
        gappy.iter().map(|&(_, slot)| (slot, usize::MAX)).collect();
    for row in 0..n {
        let slot = slot_of(row);
        if let Some(at) = first_row.get_mut(&slot) {
            if *at == usize::MAX && year_of(row) == u64::from(low[slot as usize]) {
                *at = row;
            }
        }
    }
    let mut years_of_series: Vec<i32> = Vec::new();
    for (_, slot) in gappy {
        years_of_series.clear();
        for year in 0..span {
            let key = slot * span + year;
            if seen[(key / 64) as usize] & (1 << (key % 64)) != 0 {
                years_of_series.push(first + year as i32);
            }
        }
        if let Some(missing) = gaps_in(&mut years_of_series) {
            let row = first_row.get(&slot).copied().unwrap_or_default();
            found.push(cells.gappy(keys, &mut cache, row, missing));
        }
    }
    Some(found)
}

/// The problem of a key seen before in another file, at its line.
fn seen_in_another_file(
    file: &str,
    line: usize,
    key: ObservationKey<'_>,
    first: (&str, usize, f64),
    value: f64,
) -> Problem {
    Problem::seen_before_in_another_file(file, key, first, value)
        .at_line(line)
        .with_value(&value.to_string())
}

/// The years missing inside a series, given its years (sorted and made
/// distinct here); `None` when there are none, or when the years come at a
/// regular step longer than one (censuses, surveys: not gappy).
fn gaps_in(years: &mut Vec<i32>) -> Option<Vec<i32>> {
    years.sort_unstable();
    years.dedup();
    let (&lo, &hi) = (years.first()?, years.last()?);
    if hi - lo + 1 == years.len() as i32 {
        return None;
    }
    let gaps: Vec<i32> = (lo..=hi)
        .filter(|y| years.binary_search(y).is_err())
        .collect();
    let step_is_regular = years.len() > 1 && {
        let v = &years;
        v.windows(2).all(|w| w[1] - w[0] == v[1] - v[0]) && v[1] - v[0] > 1
    };
    (!gaps.is_empty() && !step_is_regular).then_some(gaps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read_path_columns, Report};

    /// Both walks give the problems of the sorted path, in its order.
    fn both_walks_match(sorted: &Report, as_read: &ObservationFrame) {
        let keys = as_read.row_keys().expect("keys");
        let bitmap = by_bitmap(as_read, &keys).expect("keys that fit a bitmap");
        let ordered = by_order(as_read, &keys.arrange().expect("order"));
        assert_eq!(bitmap, ordered);
        let from_sort: Vec<&Problem> = sorted
            .problems
            .iter()
            .filter(|p| {
                matches!(
                    p.reason,
                    crate::problem::Reason::MissingYears { .. }
                        | crate::problem::Reason::RepeatedAcrossFiles { .. }
                        | crate::problem::Reason::ConflictAcrossFiles { .. }
                )
            })
            .collect();
        let mut walked = bitmap;
        crate::read::sort_problems(&mut walked);
        assert_eq!(walked.iter().collect::<Vec<_>>(), from_sort);
    }

    #[test]
    fn the_bitmap_and_the_ordered_walk_find_the_same_problems() {
        let dir = super::super::checks::tests::unordered_dataset();
        let quiet = |_: &str, _: usize, _: usize| {};
        let sorted = read_path_columns(dir.path(), &quiet).expect("sorted");
        let as_read = crate::read::check_path(dir.path(), &quiet).expect("as read");
        both_walks_match(&sorted, &as_read.frame);
    }

    #[test]
    fn keys_too_many_for_a_bitmap_are_walked_in_order_with_the_same_problems() {
        // 1,100 indicators × 1,000 series texts: more possible series than
        // the bitmap takes for 3,300 rows. Every other indicator skips 2012.
        let dir = tempfile::tempdir().expect("folder");
        let path = dir.path().join("many.csv");
        let mut text = String::from("indicator,year,district,value\n");
        for i in 0..1100 {
            let last = if i % 2 == 0 { 2013 } else { 2012 };
            for year in [last, 2010, 2011] {
                text.push_str(&format!("i{i},{year},d{},{i}\n", i % 1000));
            }
        }
        std::fs::write(&path, text).expect("write");
        let quiet = |_: &str, _: usize, _: usize| {};
        let sorted = read_path_columns(&path, &quiet).expect("sorted");
        let as_read = crate::read::check_path(&path, &quiet).expect("as read");
        assert_eq!(as_read.problems, sorted.problems);
        let gappy = as_read
            .problems
            .iter()
            .filter(|p| matches!(p.reason, crate::problem::Reason::MissingYears { .. }))
            .count();
        assert_eq!(gappy, 550);
        let keys = as_read.frame.row_keys().expect("keys");
        assert!(by_bitmap(&as_read.frame, &keys).is_none());
    }
}
