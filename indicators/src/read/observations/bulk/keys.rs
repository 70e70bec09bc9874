//! The bulk checks that look at distinct values and keys rather than cells:
//! ids and labels judged once each, and repeated (indicator, year, series)
//! keys found by hash.

use polars::prelude::*;

use super::super::super::catalogue::MAX_LABEL_CHARS;
use super::super::super::cell;
use super::super::super::table::Table;
use super::super::{Context, Roles};
use super::{dim, ID, YEAR};
use crate::model::DecimalSeparator;

/// `text` needs no trimming and is not in quotes: what `clean` returns as is.
fn plain(text: &str) -> bool {
    text.trim() == text && !text.starts_with('"')
}

/// The distinct ids that fail (empty, untrimmed, unknown to the catalogue,
/// or an indicator with its own decimal separator) and, per dimension
/// column, the distinct labels that fail (untrimmed, `data.` keys to
/// translate, too long). Nearly always all empty.
pub(super) fn distinct_failures(
    table: &Table,
    roles: &Roles,
    decimal: DecimalSeparator,
    ctx: Context<'_>,
) -> PolarsResult<(Vec<String>, Vec<Vec<String>>)> {
    // Runs of one value are skipped before hashing: ids and labels come in
    // runs (a file is usually grouped by indicator and series).
    let distinct = |column: usize| -> PolarsResult<Vec<String>> {
        Ok(crate::frame::distinct(&table.columns[column])
            .into_iter()
            .map(str::to_owned)
            .collect())
    };
    let ids = match (roles.indicator, ctx.file_indicator) {
        (Some(column), _) => distinct(column)?,
        (None, Some(id)) => vec![id.to_owned()],
        (None, None) => Vec::new(),
    };
    let id_fails = |id: &str| -> bool {
        if id.is_empty() || !plain(id) {
            return true;
        }
        match ctx.catalogue {
            None => false,
            Some(catalogue) => match catalogue.iter().find(|i| i.id == id) {
                None => true,
                Some(i) => i.decimal_separator.is_some_and(|d| d != decimal),
            },
        }
    };
    let bad_ids = ids.into_iter().filter(|id| id_fails(id)).collect();
    let mut bad_labels = Vec::with_capacity(roles.dimensions.len());
    for &column in &roles.dimensions {
        let bad: Vec<String> = distinct(column)?
            .into_iter()
            .filter(|label| {
                !plain(label)
                    || label.starts_with("data.")
                    || label.chars().count() > MAX_LABEL_CHARS
            })
            .collect();
        bad_labels.push(bad);
    }
    Ok((bad_ids, bad_labels))
}

/// The distinct cells of the flag column that the row path must read: a
/// flag that needs trimming or is a missing-value marker (`-` excepted,
/// which is a flag). Plain flags (`p`, `e`, `*`) are kept as written.
pub(super) fn bad_flags(table: &Table, column: usize) -> Vec<String> {
    crate::frame::distinct(&table.columns[column])
        .into_iter()
        .filter(|flag| {
            !flag.is_empty()
                && (cell::clean(flag) != *flag || (cell::is_missing(flag) && *flag != "-"))
        })
        .map(str::to_owned)
        .collect()
}

/// Rows whose (indicator, year, dimension cells) another row has too: the
/// row path words those.
///
/// Each key column is coded (its distinct cells numbered, see
/// `frame::codes`) and a row's key is one integer made of its
/// codes and year, so the keys are compared exactly, never by a hash that
/// could collide. When the keys fit a bitmap of reasonable size (nearly
/// always: ids × series × years), one pass over it finds the repeats;
/// otherwise a sorted copy of the keys does.
pub(super) fn repeated_keys(cells: &DataFrame, dimensions: usize) -> PolarsResult<Vec<bool>> {
    let height = cells.height();
    let mut columns = vec![cells.column(ID)?.str()?];
    for k in 0..dimensions {
        columns.push(cells.column(dim(k).as_str())?.str()?);
    }
    // The series part: the codes of the id and dimension cells in mixed
    // radix (the first column's code counting least), renumbered densely
    // whenever the radix passes 2^32, so that it never overflows.
    let mut keys: Vec<u64> = vec![0; height];
    let mut radix: u64 = 1;
    for column in columns {
        if radix > u64::from(u32::MAX) {
            radix = dense(&mut keys);
        }
        let mut row = 0;
        let count = crate::frame::walk(column, |code| {
            keys[row] += u64::from(code) * radix;
            row += 1;
        })
        .len()
        .max(1) as u64;
        radix *= count;
    }
    let years = cells.column(YEAR)?.i32()?;
    let (first, last) = (years.min().unwrap_or(0), years.max().unwrap_or(0));
    let span = (i64::from(last) - i64::from(first) + 1) as u64;
    if radix.checked_mul(span).is_none() {
        radix = dense(&mut keys);
    }
    let space = radix * span;
    // A row without a year is read one by one anyway: it has no key.
    const NONE: u64 = u64::MAX;
    for (key, year) in keys.iter_mut().zip(years.iter()) {
        *key = match year {
            Some(y) => *key * span + (i64::from(y) - i64::from(first)) as u64,
            None => NONE,
        };
    }
    let keyed = || keys.iter().copied().filter(|&k| k != NONE);
    let repeated: Box<dyn Fn(u64) -> bool> = if space <= (height as u64 * 8).max(1 << 26) {
        let mut seen = vec![0u64; space.div_ceil(64) as usize];
        let mut again = vec![0u64; seen.len()];
        let mut any = false;
        for key in keyed() {
            let (word, bit) = ((key / 64) as usize, 1u64 << (key % 64));
            if seen[word] & bit != 0 {
                again[word] |= bit;
                any = true;
            }
            seen[word] |= bit;
        }
        if !any {
            return Ok(vec![false; height]);
        }
        Box::new(move |key| again[(key / 64) as usize] & (1 << (key % 64)) != 0)
    } else {
        let mut sorted: Vec<u64> = keyed().collect();
        sorted.sort_unstable();
        let again: std::collections::HashSet<u64> = sorted
            .windows(2)
            .filter(|w| w[0] == w[1])
            .map(|w| w[0])
            .collect();
        if again.is_empty() {
            return Ok(vec![false; height]);
        }
        Box::new(move |key| again.contains(&key))
    };
    Ok(keys
        .iter()
        .map(|&key| key != NONE && repeated(key))
        .collect())
}

/// Renumbers `values` 0, 1, 2... by first appearance; returns how many
/// distinct values there are.
fn dense(values: &mut [u64]) -> u64 {
    let mut numbers: PlHashMap<u64, u64> = PlHashMap::default();
    for value in values.iter_mut() {
        let next = numbers.len() as u64;
        *value = *numbers.entry(*value).or_insert(next);
    }
    numbers.len().max(1) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(ids: &[&str], dims: &[Vec<String>], years: &[Option<i32>]) -> DataFrame {
        let mut columns = vec![Column::new(ID.into(), ids)];
        for (k, d) in dims.iter().enumerate() {
            columns.push(Column::new(dim(k).as_str().into(), d));
        }
        columns.push(Column::new(YEAR.into(), years));
        DataFrame::new(ids.len(), columns).expect("frame")
    }

    #[test]
    fn repeats_far_apart_are_found_and_rows_without_a_year_never_repeat() {
        let d: Vec<String> = ["a", "b", "a", "b", "a", "a", "a"]
            .map(String::from)
            .to_vec();
        let ids = ["x", "x", "y", "x", "x", "y", "y"];
        let years = [
            Some(2020),
            Some(2020),
            Some(2020),
            Some(2021),
            Some(2020),
            None,
            None,
        ];
        let repeated = repeated_keys(&cells(&ids, &[d], &years), 1).expect("keys");
        assert_eq!(repeated, [true, false, false, false, true, false, false]);
    }

    #[test]
    fn keys_too_many_for_a_bitmap_are_compared_sorted() {
        // Three columns of 200 distinct cells in 200 rows: 200^4 series
        // codes times 150 years is far past the bitmap's size.
        let n = 200;
        let column = |salt: usize| -> Vec<String> {
            (0..n)
                .map(|i| format!("{salt}-{}", (i * 7 + salt) % n))
                .collect()
        };
        let ids: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let mut years: Vec<Option<i32>> = (0..n).map(|i| Some(1900 + (i % 150) as i32)).collect();
        let dims = vec![column(1), column(2), column(3)];
        let none = repeated_keys(&cells(&ids, &dims, &years), 3).expect("keys");
        assert!(none.iter().all(|r| !r));
        // Row 199 made a copy of row 0.
        let mut ids = ids;
        ids[199] = ids[0];
        let mut dims = dims;
        for d in &mut dims {
            d[199] = d[0].clone();
        }
        years[199] = years[0];
        let repeated = repeated_keys(&cells(&ids, &dims, &years), 3).expect("keys");
        let rows: Vec<usize> = (0..n).filter(|&r| repeated[r]).collect();
        assert_eq!(rows, [0, 199]);
    }
}
