//! Checks across the files of a dataset (the same value in two files, years
//! missing inside a series) and the stable order observations are kept in.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Report;
use crate::model::{CountedSeries, Indicator, Observation};
use crate::problem::{ObservationKey, Problem};

/// Every series a catalogue's `progress_series` names has data (else the
/// status would quietly rest on fewer series than the city chose).
pub(super) fn counted_series_exist(
    indicators: &[Indicator],
    observations: &[Observation],
    file: &str,
    lines: &BTreeMap<String, usize>,
) -> Vec<Problem> {
    let mut present: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for o in observations {
        present
            .entry(o.indicator_id.as_str())
            .or_default()
            .insert(o.dimensions.slug());
    }
    let empty = BTreeSet::new();
    let mut problems = Vec::new();
    for indicator in indicators {
        let CountedSeries::Named { slugs } = &indicator.counted_series else {
            continue;
        };
        let have = present.get(indicator.id.as_str()).unwrap_or(&empty);
        for slug in slugs.iter().filter(|s| !have.contains(*s)) {
            let suggestion = crate::suggest::nearest(slug, have.iter().map(String::as_str), 1)
                .first()
                .map(|s| (*s).to_owned());
            let mut problem = Problem::unknown_series(file, &indicator.id, suggestion);
            if let Some(&line) = lines.get(&indicator.id) {
                problem = problem.at(line, "progress_series");
            }
            problems.push(problem.with_value(slug));
        }
    }
    problems
}

/// Cross-file checks, gaps, and a stable order.
pub(super) fn finish(report: &mut Report) {
    sort_observations(&mut report.dataset.observations);
    let observations = &report.dataset.observations;
    // The same key in two files (within a file it was caught already).
    let mut duplicates = Vec::new();
    for pair in observations.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.indicator_id == b.indicator_id
            && a.dimensions == b.dimensions
            && a.period.year == b.period.year
            && a.source.file != b.source.file
        {
            let key = ObservationKey {
                indicator: &b.indicator_id,
                period: &b.period.label,
                series: &b.dimensions,
            };
            let first = (a.source.file.as_ref(), a.source.line, a.value);
            duplicates.push(
                Problem::seen_before_in_another_file(&b.source.file, key, first, b.value)
                    .at_line(b.source.line)
                    .with_value(&b.value.to_string()),
            );
        }
    }
    report.problems.append(&mut duplicates);
    report.problems.extend(missing_years(observations));
    report
        .problems
        .sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
}

/// Sorts by indicator, dimensions, year (stable). Ids and dimension sets are
/// ranked once and the sort runs on small integer keys: comparing strings a
/// million times dominated reading large files.
fn sort_observations(observations: &mut Vec<Observation>) {
    let keys: Vec<(u32, u32, i32, u32)> = {
        let mut ids: Vec<&str> = observations
            .iter()
            .map(|o| o.indicator_id.as_str())
            .collect::<std::collections::HashSet<_>>()
            .into_iter()
            .collect();
        ids.sort_unstable();
        let id_rank: HashMap<&str, u32> = ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id, i as u32))
            .collect();
        let mut dims: Vec<&crate::model::Dimensions> = observations
            .iter()
            .map(|o| &o.dimensions)
            .collect::<std::collections::HashSet<_>>()
            .into_iter()
            .collect();
        dims.sort_unstable();
        let dims_rank: HashMap<&crate::model::Dimensions, u32> = dims
            .into_iter()
            .enumerate()
            .map(|(i, d)| (d, i as u32))
            .collect();
        observations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                (
                    id_rank[o.indicator_id.as_str()],
                    dims_rank[&o.dimensions],
                    o.period.year,
                    i as u32,
                )
            })
            .collect()
    };
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    let mut keys = keys;
    keys.sort_unstable();
    let mut slots: Vec<Option<Observation>> =
        std::mem::take(observations).into_iter().map(Some).collect();
    observations.extend(
        keys.into_iter()
            .filter_map(|(_, _, _, i)| slots[i as usize].take()),
    );
}

/// One warning per series with years missing between its first and last.
fn missing_years(observations: &[Observation]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < observations.len() {
        let first = &observations[start];
        let mut end = start;
        while end < observations.len()
            && observations[end].indicator_id == first.indicator_id
            && observations[end].dimensions == first.dimensions
        {
            end += 1;
        }
        let years: BTreeSet<i32> = observations[start..end]
            .iter()
            .map(|o| o.period.year)
            .collect();
        if let (Some(&lo), Some(&hi)) = (years.first(), years.last()) {
            let gaps: Vec<i32> = (lo..=hi).filter(|y| !years.contains(y)).collect();
            // Series reported every few years (censuses, surveys) are not gappy.
            let step_is_regular = years.len() > 1 && {
                let v: Vec<i32> = years.iter().copied().collect();
                v.windows(2).all(|w| w[1] - w[0] == v[1] - v[0]) && v[1] - v[0] > 1
            };
            if !gaps.is_empty() && !step_is_regular {
                out.push(Problem::missing_years(
                    &first.source.file,
                    &first.indicator_id,
                    &first.dimensions,
                    gaps,
                ));
            }
        }
        start = end;
    }
    out
}
