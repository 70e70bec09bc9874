//! `/search?q=`: public indicators found by the words of their title,
//! definition, SDG targets and goal, and rights and policy areas, in the
//! page's language.
//!
//! Matching is forgiving in the two ways residents need: a word may be
//! misspelt (one edit for words up to seven letters, two for longer ones)
//! and may be part of a longer word, as Dutch and German compounds are
//! (`armoede` finds `armoedegrens`, `grens` too). Every word of the query
//! must match; when no indicator has them all, the ones matching most are
//! shown. Only the public dataset is searched.

use indicators::{AreaKind, Indicator};

use super::DashboardData;
use crate::i18n::Locale;
use crate::types::{SearchHit, SearchView};

/// Query words shorter than this only match whole words or word starts.
const MIN_PART: usize = 4;
/// At most this many results are listed.
const MAX_RESULTS: usize = 50;

/// The indicators matching `query`, best first.
pub fn search(data: &DashboardData, query: &str, locale: Locale) -> SearchView {
    let words = tokens(query);
    let mut hits: Vec<(usize, u32, SearchHit)> = Vec::new();
    if !words.is_empty() {
        for indicator in &data.public.indicators {
            let fields = fields(data, indicator, locale);
            let field_words: Vec<(&str, Vec<String>)> = fields
                .iter()
                .map(|(name, text)| (*name, tokens(text)))
                .collect();
            let mut matched = 0;
            let mut score = 0;
            let mut matched_in: Vec<&str> = Vec::new();
            for word in &words {
                // The best field; on a tie the first (the title before the
                // definition that repeats it).
                let best = field_words
                    .iter()
                    .filter_map(|(name, candidates)| {
                        candidates
                            .iter()
                            .filter_map(|c| word_score(word, c))
                            .max()
                            .map(|s| (s, *name))
                    })
                    .fold(None, |best: Option<(u32, &str)>, (s, name)| match best {
                        Some((b, _)) if b >= s => best,
                        _ => Some((s, name)),
                    });
                if let Some((s, field)) = best {
                    matched += 1;
                    score += s;
                    if !matched_in.contains(&field) {
                        matched_in.push(field);
                    }
                }
            }
            if matched == 0 {
                continue;
            }
            hits.push((
                matched,
                score,
                SearchHit {
                    card: data.index.card_in(indicator, locale).unwrap_or_default(),
                    matched_in: matched_in.iter().map(|f| (*f).to_owned()).collect(),
                },
            ));
        }
    }
    let all_words = words.len();
    let complete = hits.iter().any(|(matched, _, _)| *matched == all_words);
    if complete {
        hits.retain(|(matched, _, _)| *matched == all_words);
    }
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.2.card.title.cmp(&b.2.card.title))
    });
    let total = hits.len();
    SearchView {
        query: query.trim().to_owned(),
        complete,
        total,
        hits: hits
            .into_iter()
            .take(MAX_RESULTS)
            .map(|(_, _, h)| h)
            .collect(),
    }
}

/// The texts of `indicator` a search reads, each named by its field.
fn fields(
    data: &DashboardData,
    indicator: &Indicator,
    locale: Locale,
) -> Vec<(&'static str, String)> {
    let code = locale.code();
    let framework = indicators::sdg::framework();
    let mut fields = vec![
        ("title", indicator.localized_title(code).text.to_owned()),
        (
            "definition",
            indicator.localized_definition(code).text.to_owned(),
        ),
    ];
    for target in &indicator.sdg_targets {
        let title = framework
            .target(target)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        fields.push(("target", format!("{target} {title}")));
    }
    for goal in indicator.goals() {
        fields.push(("goal", crate::words::goal_title(locale, goal)));
        if locale != Locale::En {
            // The framework's long titles are in English only.
            fields.push(("goal", crate::words::goal_title(Locale::En, goal)));
        }
    }
    for kind in [AreaKind::Rights, AreaKind::Policy] {
        for id in indicator.areas(kind) {
            if let Some(area) = data.area(kind, id) {
                let field = match kind {
                    AreaKind::Rights => "rights",
                    AreaKind::Policy => "policy",
                };
                fields.push((field, area.localized_name(code).text.to_owned()));
            }
        }
    }
    fields
}

/// Lower-case words without accents: `Één-ouder` → `een`, `ouder`.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).map(fold).collect())
        .collect()
}

/// A letter without its accent (the common Latin ones).
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ß' => 's',
        other => other,
    }
}

/// How well the query word `word` matches the text's word `candidate`:
/// whole word 6, word start 5, part of a compound 4, one or two letters off
/// (the whole word or a part of the compound) 2 or 1; else no match.
fn word_score(word: &str, candidate: &str) -> Option<u32> {
    if word == candidate {
        return Some(6);
    }
    if candidate.starts_with(word) && (word.chars().count() >= 3 || candidate.len() <= 4) {
        return Some(5);
    }
    let length = word.chars().count();
    if length >= MIN_PART && candidate.contains(word) {
        return Some(4);
    }
    if length < MIN_PART {
        return None;
    }
    let allowed = if length <= 7 { 1 } else { 2 };
    // The whole word, or a stretch of a compound as long as the query word
    // (give or take the allowed edits).
    let candidate: Vec<char> = candidate.chars().collect();
    let word: Vec<char> = word.chars().collect();
    let mut best = edits(&word, &candidate);
    if candidate.len() > word.len() {
        for start in 0..candidate.len() {
            for len in word.len().saturating_sub(allowed)..=word.len() + allowed {
                if start + len <= candidate.len() && len > 0 {
                    best = best.min(edits(&word, &candidate[start..start + len]));
                }
            }
        }
    }
    match best {
        0 => Some(4),
        d if d <= allowed => Some(if d == 1 { 2 } else { 1 }),
        _ => None,
    }
}

/// Optimal string alignment distance (a swap of two letters is one edit).
fn edits(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn words_match_whole_by_start_inside_compounds_and_misspelt() {
        assert_eq!(word_score("armoede", "armoede"), Some(6));
        assert_eq!(word_score("armo", "armoedegrens"), Some(5));
        assert_eq!(word_score("grens", "armoedegrens"), Some(4));
        assert_eq!(
            word_score("povrety", "poverty"),
            Some(2),
            "a swap is one edit"
        );
        assert_eq!(word_score("unemploymnet", "unemployment"), Some(2));
        assert_eq!(word_score("armoed", "armoedegrens"), Some(5));
        assert_eq!(
            word_score("amroede", "armoedegrens"),
            Some(2),
            "misspelt part of a compound"
        );
        assert_eq!(
            word_score("zorg", "jeugdzorg"),
            Some(4),
            "a four-letter part of a compound"
        );
        assert_eq!(
            word_score("age", "percentage"),
            None,
            "shorter words do not match inside others"
        );
        assert_eq!(
            word_score("cat", "car"),
            None,
            "short words are not corrected"
        );
        assert_eq!(word_score("housing", "health"), None);
        assert_eq!(
            tokens("Één-ouder gezin, 2024"),
            ["een", "ouder", "gezin", "2024"]
        );
    }

    #[test]
    fn search_finds_public_indicators_by_title_area_and_typo_never_internal_ones() {
        let data = testing::data();
        let ids = |q: &str| -> Vec<String> {
            search(&data, q, Locale::En)
                .hits
                .into_iter()
                .map(|h| h.card.id)
                .collect()
        };
        assert!(
            ids("povrety").contains(&"poverty".to_owned()),
            "{:?}",
            ids("povrety")
        );
        assert!(
            ids("housing").contains(&"poverty".to_owned()),
            "by its rights area"
        );
        assert!(
            !ids("secret").contains(&"secret".to_owned()),
            "internal stays out"
        );
        assert!(ids("").is_empty());
    }
}
