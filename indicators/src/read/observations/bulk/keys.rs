//! The bulk checks that look at distinct values and keys rather than cells:
//! ids and labels judged once each, and repeated (indicator, year, series)
//! keys found by hash.

use polars::prelude::*;

use super::super::super::catalogue::MAX_LABEL_CHARS;
use super::super::super::cell;
use super::super::super::table::Table;
use super::super::{Context, Roles};
use super::{dim, CLEAN, ID, YEAR};
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
pub(super) fn repeated_keys(cells: &DataFrame, dimensions: usize) -> PolarsResult<BooleanChunked> {
    let ids = cells.column(ID)?.str()?;
    let years = cells.column(YEAR)?.i32()?;
    let dims: Vec<&StringChunked> = (0..dimensions)
        .map(|k| cells.column(dim(k).as_str()).and_then(|c| c.str()))
        .collect::<PolarsResult<_>>()?;
    let mut id_iter = ids.iter();
    let mut year_iter = years.iter();
    let mut dim_iters: Vec<_> = dims.iter().map(|d| d.iter()).collect();
    let mut hashes: Vec<u64> = Vec::with_capacity(cells.height());
    // The series part of a key (id and dimension cells) is hashed once per
    // run of rows that share it; each row then only adds its year.
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
        let mut h = Fnv(series_hash);
        h.bytes(&year_iter.next().flatten().unwrap_or(i32::MIN).to_le_bytes());
        hashes.push(h.0);
    }
    // Sorting a copy finds the repeated hashes (usually none) faster than a
    // hash table would.
    let mut sorted = hashes.clone();
    sorted.sort_unstable();
    let repeated: std::collections::HashSet<u64> = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    let out: BooleanChunked = hashes.iter().map(|h| repeated.contains(h)).collect();
    Ok(out.with_name(CLEAN.into()))
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
