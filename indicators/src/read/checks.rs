//! Checks across the files of a dataset (the same value in two files, years
//! missing inside a series) and the stable order observations are kept in,
//! run on the observation frame.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Report;
use crate::frame::{DimensionsCache, FrameView, ObservationFrame};
use crate::model::{CountedSeries, Indicator};
use crate::problem::{ObservationKey, Problem};

/// Every series a catalogue's `progress_series` names has data (else the
/// status would quietly rest on fewer series than the city chose).
pub(crate) fn counted_series_exist(
    indicators: &[Indicator],
    observations: &ObservationFrame,
    file: &str,
    lines: &BTreeMap<String, usize>,
) -> Vec<Problem> {
    if !indicators
        .iter()
        .any(|i| matches!(i.counted_series, CountedSeries::Named { .. }))
    {
        return Vec::new();
    }
    let mut present: HashMap<String, BTreeSet<String>> = HashMap::new();
    if let Ok(view) = observations.view() {
        let mut cache = DimensionsCache::default();
        let mut previous: Option<(&str, &str)> = None;
        for row in 0..view.len() {
            let key = (
                view.indicator.get(row).unwrap_or_default(),
                view.dimensions.get(row).unwrap_or("[]"),
            );
            if previous == Some(key) {
                continue;
            }
            previous = Some(key);
            present
                .entry(key.0.to_owned())
                .or_default()
                .insert(cache.get(key.1).slug());
        }
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

/// Cross-file checks, gaps, and a stable order (indicator, series, year).
pub(super) fn finish(report: &mut Report) {
    let mut found = sort_and_check(&mut report.frame);
    report.problems.append(&mut found);
    sort_problems(&mut report.problems);
}

/// Sorts observations (indicator, series, year) and checks them across
/// files: duplicates and gaps. The rows of whole indicators are enough.
pub(crate) fn sort_and_check(frame: &mut ObservationFrame) -> Vec<Problem> {
    if frame.sort().is_err() {
        // Sorting a frame of the schema's own columns does not fail; if it
        // ever did, the checks below would run on unsorted rows.
        *frame = ObservationFrame::default();
    }
    let mut found = Vec::new();
    if let Ok(view) = frame.view() {
        // Two walks that only read the frame: one on each core.
        let gaps = std::thread::scope(|scope| {
            let gaps = scope.spawn(|| missing_years(&view, &mut DimensionsCache::default()));
            found = duplicates_across_files(&view, &mut DimensionsCache::default());
            gaps.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        found.extend(gaps);
    }
    found
}

/// Problems by file, then line (stable: ties keep their order).
pub(crate) fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
}

/// The same key in two files (within a file it was caught already): next to
/// each other once sorted.
fn duplicates_across_files(view: &FrameView, cache: &mut DimensionsCache) -> Vec<Problem> {
    let mut found = Vec::new();
    for b in 1..view.len() {
        let a = b - 1;
        if view.year.get(a) == view.year.get(b)
            && view.indicator.get(a) == view.indicator.get(b)
            && view.dimensions.get(a) == view.dimensions.get(b)
            && view.source_file.get(a) != view.source_file.get(b)
        {
            let dimensions = cache.get(view.dimensions.get(b).unwrap_or("[]"));
            let period = view.period_at(b);
            let key = ObservationKey {
                indicator: view.indicator.get(b).unwrap_or_default(),
                period: &period.label,
                series: &dimensions,
            };
            let value = view.value.get(b).unwrap_or(f64::NAN);
            let first = (
                view.source_file.get(a).unwrap_or_default(),
                view.source_line.get(a).unwrap_or_default() as usize,
                view.value.get(a).unwrap_or(f64::NAN),
            );
            found.push(
                Problem::seen_before_in_another_file(
                    view.source_file.get(b).unwrap_or_default(),
                    key,
                    first,
                    value,
                )
                .at_line(view.source_line.get(b).unwrap_or_default() as usize)
                .with_value(&value.to_string()),
            );
        }
    }
    found
}

/// One warning per series with years missing between its first and last.
fn missing_years(view: &FrameView, cache: &mut DimensionsCache) -> Vec<Problem> {
    let mut out = Vec::new();
    // One buffer for every series: the years of a series, ascending, once each.
    let mut years: Vec<i32> = Vec::new();
    for (id, dims, rows) in view.series_ranges() {
        years.clear();
        years.extend(rows.clone().filter_map(|r| view.year.get(r)));
        years.sort_unstable();
        years.dedup();
        if let (Some(&lo), Some(&hi)) = (years.first(), years.last()) {
            if hi - lo + 1 == years.len() as i32 {
                continue;
            }
            let gaps: Vec<i32> = (lo..=hi)
                .filter(|y| years.binary_search(y).is_err())
                .collect();
            // Series reported every few years (censuses, surveys) are not gappy.
            let step_is_regular = years.len() > 1 && {
                let v = &years;
                v.windows(2).all(|w| w[1] - w[0] == v[1] - v[0]) && v[1] - v[0] > 1
            };
            if !gaps.is_empty() && !step_is_regular {
                out.push(Problem::missing_years(
                    view.source_file.get(rows.start).unwrap_or_default(),
                    id,
                    &cache.get(dims),
                    gaps,
                ));
            }
        }
    }
    out
}
