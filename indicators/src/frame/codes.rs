//! Texts as numbers: each row's text coded by first appearance, and ranked
//! by its distinct texts, so sorting and comparing 10M rows handles integers.

use polars::prelude::*;

/// The distinct texts of a column, in order of first appearance (runs of one
/// text, as a sorted or grouped file has, cost one comparison per row).
pub(crate) fn distinct(column: &StringChunked) -> Vec<&str> {
    walk(column, |_| {})
}

/// Each row's text as a number (the position of its first appearance), and
/// the distinct texts in that order.
fn codes(column: &StringChunked) -> (Vec<u32>, Vec<&str>) {
    let mut out = Vec::with_capacity(column.len());
    let texts = walk(column, |code| out.push(code));
    (out, texts)
}

/// Hands each row's code to `row` and returns the distinct texts. One hash
/// per run of equal texts.
fn walk(column: &StringChunked, mut row: impl FnMut(u32)) -> Vec<&str> {
    let mut seen: PlHashMap<&str, u32> = PlHashMap::default();
    let mut texts: Vec<&str> = Vec::new();
    let mut previous: Option<(&str, u32)> = None;
    for text in column.iter() {
        let text = text.unwrap_or_default();
        let code = match previous {
            Some((p, code)) if p == text => code,
            _ => *seen.entry(text).or_insert_with(|| {
                texts.push(text);
                (texts.len() - 1) as u32
            }),
        };
        previous = Some((text, code));
        row(code);
    }
    texts
}

/// Each row's rank among the column's distinct texts, ordered by `key`
/// (computed once per distinct text).
pub(super) fn ranks<'a, K: Ord>(column: &'a StringChunked, key: impl Fn(&'a str) -> K) -> Vec<u32> {
    let (mut codes, texts) = codes(column);
    let keys: Vec<K> = texts.iter().map(|t| key(t)).collect();
    let mut by_key: Vec<u32> = (0..texts.len() as u32).collect();
    by_key.sort_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
    let mut rank = vec![0u32; texts.len()];
    for (r, &code) in by_key.iter().enumerate() {
        rank[code as usize] = r as u32;
    }
    for code in &mut codes {
        *code = rank[*code as usize];
    }
    codes
}
