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
/// row path words those. Compared by a 64-bit hash of the key, so a rare
/// collision only sends two clean rows the slower way, never lets a
/// repeat through.
pub(super) fn repeated_keys(cells: &DataFrame, dimensions: usize) -> PolarsResult<Vec<bool>> {
    let ids = cells.column(ID)?.str()?;
    let years = cells.column(YEAR)?.i32()?;
    let dims: Vec<&StringChunked> = (0..dimensions)
        .map(|k| cells.column(dim(k).as_str()).and_then(|c| c.str()))
        .collect::<PolarsResult<_>>()?;
    let mut id_iter = ids.iter();
    let mut dim_iters: Vec<_> = dims.iter().map(|d| d.iter()).collect();
    // The series part of a key (id and dimension cells) is hashed once per
    // run of rows that share it.
    let mut series: Vec<u64> = Vec::with_capacity(cells.height());
    let mut key: Vec<&str> = Vec::with_capacity(dimensions + 1);
    let mut previous: Vec<&str> = Vec::with_capacity(dimensions + 1);
    let mut series_hash = Fnv::default().0;
    for row in 0..cells.height() {
        key.clear();
        key.push(id_iter.next().flatten().unwrap_or_default());
        for d in &mut dim_iters {
            key.push(d.next().flatten().unwrap_or_default());
        }
        if row == 0 || key != previous {
            let mut h = Fnv::default();
            for cell in &key {
                h.bytes(cell.as_bytes());
            }
            series_hash = h.0;
            std::mem::swap(&mut key, &mut previous);
        }
        series.push(series_hash);
    }
    let years: Vec<i32> = years.iter().map(|y| y.unwrap_or(i32::MIN)).collect();
    if no_repeats_by_runs(&series, &years) {
        return Ok(vec![false; series.len()]);
    }
    let hashes: Vec<u64> = series
        .iter()
        .zip(&years)
        .map(|(&s, y)| {
            let mut h = Fnv(s);
            h.bytes(&y.to_le_bytes());
            h.0
        })
        .collect();
    // Sorting a copy finds the repeated hashes (usually none) faster than a
    // hash table would.
    let mut sorted = hashes.clone();
    sorted.sort_unstable();
    let repeated: std::collections::HashSet<u64> = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    Ok(hashes.iter().map(|h| repeated.contains(h)).collect())
}

/// The usual file, proven free of repeats without hashing each row: each
/// run of one series has rising years, and no two runs of one series share
/// a year range. `false` means "could not tell" (a repeat, falling years
/// or two series whose hashes collide), and the caller looks row by row.
fn no_repeats_by_runs(series: &[u64], years: &[i32]) -> bool {
    // (series, first year, last year) of each run.
    let mut runs: Vec<(u64, i32, i32)> = Vec::new();
    for (i, (&s, &year)) in series.iter().zip(years).enumerate() {
        match runs.last_mut() {
            Some(run) if i > 0 && series[i - 1] == s => {
                if year <= run.2 {
                    return false;
                }
                run.2 = year;
            }
            _ => runs.push((s, year, year)),
        }
    }
    runs.sort_unstable();
    runs.windows(2).all(|w| w[0].0 != w[1].0 || w[0].2 < w[1].1)
}

/// FNV-1a, with a separator after each field so `ab|c` and `a|bc` differ.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(std::iter::once(&0xff)) {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
