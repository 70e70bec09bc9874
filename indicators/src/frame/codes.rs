//! Texts as numbers: each row's text coded by first appearance, and ranked
//! by its distinct texts, so sorting and comparing 10M rows handles integers.

use polars::prelude::*;
use polars_arrow::array::Array;

/// The distinct texts of a column, in order of first appearance (runs of one
/// text, as a sorted or grouped file has, cost one comparison per row).
pub(crate) fn distinct(column: &StringChunked) -> Vec<&str> {
    walk(column, |_| {})
}

/// Each row's text as a number (the position of its first appearance, a
/// null coded as the empty text), and the distinct texts in that order.
fn codes(column: &StringChunked) -> (Vec<u32>, Vec<&str>) {
    let mut out = Vec::with_capacity(column.len());
    let texts = walk(column, |code| out.push(code));
    (out, texts)
}

/// Hands each row's code to `row` and returns the distinct texts.
///
/// Rows are told apart by their 16-byte string view before their text: a
/// short text (12 bytes or less) is held in its view, and the rows of a long
/// one that point at the same bytes (a gathered column: every row of a
/// series points at one copy of its text) have one view. So a row costs a
/// comparison when it repeats the row before, a hash of 16 bytes otherwise,
/// and only a view not met before in its chunk hashes its text.
pub(crate) fn walk(column: &StringChunked, mut row: impl FnMut(u32)) -> Vec<&str> {
    let mut by_text: PlHashMap<&str, u32> = PlHashMap::default();
    let mut by_view: PlHashMap<u128, u32> = PlHashMap::default();
    let mut texts: Vec<&str> = Vec::new();
    for array in column.downcast_iter() {
        // A long text's view names a buffer of its own chunk.
        by_view.clear();
        let nulls = array.null_count() > 0;
        let mut previous: Option<(u128, u32)> = None;
        for (i, view) in array.views().iter().enumerate() {
            let null = nulls && array.is_null(i);
            // 0 is the empty text's view.
            let key = if null { 0 } else { view.as_u128() };
            let code = match previous {
                Some((p, code)) if p == key => code,
                _ => match by_view.get(&key) {
                    Some(&code) => code,
                    None => {
                        let text = if null { "" } else { array.value(i) };
                        let code = *by_text.entry(text).or_insert_with(|| {
                            texts.push(text);
                            (texts.len() - 1) as u32
                        });
                        by_view.insert(key, code);
                        code
                    }
                },
            };
            previous = Some((key, code));
            row(code);
        }
    }
    texts
}

/// A text column as codes and its distinct texts (nulls read as empty),
/// owning both: what a sort ranks rows by and rebuilds the column from.
pub(super) struct Coded {
    pub(super) codes: Vec<u32>,
    texts: StringChunked,
}

impl Coded {
    pub(super) fn new(column: &StringChunked) -> Coded {
        let (codes, texts) = codes(column);
        Coded {
            codes,
            texts: texts.into_iter().map(Some).collect(),
        }
    }

    /// How many distinct texts.
    pub(super) fn distinct_count(&self) -> usize {
        self.texts.len()
    }

    /// The text of `code`.
    pub(super) fn text(&self, code: u32) -> &str {
        self.texts.get(code as usize).unwrap_or_default()
    }

    /// Each distinct text's rank (by its code) among the distinct texts,
    /// ordered by `key` (computed once per distinct text).
    pub(super) fn rank_table<'a, K: Ord>(&'a self, key: impl Fn(&'a str) -> K) -> Vec<u32> {
        let keys: Vec<K> = self
            .texts
            .iter()
            .map(|t| key(t.unwrap_or_default()))
            .collect();
        let mut by_key: Vec<u32> = (0..keys.len() as u32).collect();
        by_key.sort_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
        let mut rank = vec![0u32; keys.len()];
        for (r, &code) in by_key.iter().enumerate() {
            rank[code as usize] = r as u32;
        }
        rank
    }

    /// The column's rows in `order`, as one chunk whose rows share their
    /// distinct texts' bytes.
    pub(super) fn gather(&self, order: &[IdxSize], name: PlSmallStr) -> PolarsResult<Column> {
        let codes: Vec<IdxSize> = order
            .iter()
            .map(|&row| self.codes[row as usize] as IdxSize)
            .collect();
        Ok(self
            .texts
            .take(&IdxCa::from_vec("codes".into(), codes))?
            .with_name(name)
            .into_column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_one_text_get_one_code_across_chunks_views_and_nulls() {
        let long = "a text longer than twelve bytes";
        // Three chunks: inline texts, long texts each with its own copy,
        // a gathered column whose rows share one copy, and nulls.
        let mut column: StringChunked = [Some("b"), Some(long), None, Some("b"), Some("")]
            .into_iter()
            .collect();
        let second: StringChunked = [Some(long), Some("c"), Some(long)].into_iter().collect();
        column.append(&second).expect("append");
        let distinct: StringChunked = [Some(long), Some("b")].into_iter().collect();
        let gathered = distinct
            .take(&IdxCa::from_vec("i".into(), vec![0, 0, 1, 0]))
            .expect("take");
        column.append(&gathered).expect("append");
        assert!(column.chunks().len() >= 2);
        let (codes, texts) = codes(&column);
        assert_eq!(texts, ["b", long, "", "c"]);
        assert_eq!(codes, [0, 1, 2, 0, 2, 1, 3, 1, 1, 1, 0, 1]);
        let coded = Coded::new(&column);
        assert_eq!(coded.rank_table(|t| t), [2, 1, 0, 3]);
        // Rebuilt in another order, nulls as empty texts, in one chunk.
        let gathered = coded.gather(&[6, 2, 1, 0], "g".into()).expect("gather");
        let gathered = gathered.str().expect("text");
        assert_eq!(gathered.chunks().len(), 1);
        let rows: Vec<Option<&str>> = gathered.iter().collect();
        assert_eq!(rows, [Some("c"), Some(""), Some(long), Some("b")]);
    }
}
