//! "Did you mean …?": the known names nearest to one that was not found, by
//! edit distance. Every suggestion Local Goals makes (SDG targets, catalogue
//! ids, area ids) comes from here.

/// Up to `n` of `candidates` nearest to `word` (ignoring case), nearest
/// first; ties go alphabetically.
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    nearest_by(word, candidates, n, |c| c.to_owned())
}

/// [`nearest`] with ties broken by `tie_break` (smaller first).
pub fn nearest_by<'a, K: Ord>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
    tie_break: impl Fn(&str) -> K,
) -> Vec<&'a str> {
    let word = word.trim().to_lowercase();
    let mut scored: Vec<(usize, K, &str)> = candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &c.to_lowercase()), tie_break(c), c))
        .collect();
    scored.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    scored.into_iter().take(n).map(|(_, _, c)| c).collect()
}

/// Levenshtein distance over chars; ids are short, so the simple table is fine.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("11.1", "11.1"), 0);
        assert_eq!(edit_distance("11.1", "11.2"), 1);
        assert_eq!(edit_distance("1.1", "11.1"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn nearest_ranks_by_distance_then_alphabet_and_ignores_case() {
        let ids = [
            "rent-burden",
            "poverty-rate",
            "child-poverty",
            "poverty-gap",
        ];
        assert_eq!(nearest("Poverty-Rat", ids, 1), ["poverty-rate"]);
        assert_eq!(
            nearest("poverty-rat", ids, 2),
            ["poverty-rate", "poverty-gap"]
        );
        assert_eq!(
            nearest("poverty-ga", ids, 2),
            ["poverty-gap", "poverty-rate"]
        );
        assert!(nearest("x", [], 3).is_empty());
    }
}
