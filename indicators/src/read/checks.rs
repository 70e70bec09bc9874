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

/// How a report leaves its observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationOrder {
    /// In a stable order (indicator, series, year): what a release is built
    /// from and what is listed.
    Sorted,
    /// As the files were read. The checks across files still see the rows
    /// in sorted order, through the order alone: a check that only reports
    /// problems and counts has no need to move 1M rows (a fifth of its time).
    AsRead,
}

/// Cross-file checks, gaps, and the order `order` asks for.
pub(super) fn finish(report: &mut Report, order: ObservationOrder) {
    let mut found = match order {
        ObservationOrder::Sorted => sort_and_check(&mut report.frame),
        ObservationOrder::AsRead => super::in_place::check_in_place(&report.frame),
    };
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
            found.push(seen_in_another_file(
                view.source_file.get(b).unwrap_or_default(),
                view.source_line.get(b).unwrap_or_default() as usize,
                key,
                first,
                value,
            ));
        }
    }
    found
}

/// The problem of a key seen before in another file, at its line.
pub(super) fn seen_in_another_file(
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
pub(super) fn gaps_in(years: &mut Vec<i32>) -> Option<Vec<i32>> {
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

/// One warning per series with years missing between its first and last.
fn missing_years(view: &FrameView, cache: &mut DimensionsCache) -> Vec<Problem> {
    let mut out = Vec::new();
    // One buffer for every series: the years of a series, ascending, once each.
    let mut years: Vec<i32> = Vec::new();
    for (id, dims, rows) in view.series_ranges() {
        years.clear();
        years.extend(rows.clone().filter_map(|r| view.year.get(r)));
        if let Some(gaps) = gaps_in(&mut years) {
            out.push(Problem::missing_years(
                view.source_file.get(rows.start).unwrap_or_default(),
                id,
                &cache.get(dims),
                gaps,
            ));
        }
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use crate::problem::Reason;
    use crate::read::{check_path, read_path_columns, CATALOGUE_FILE, OBSERVATIONS_DIR};

    /// Two files whose rows are in no order: a key in both (with another
    /// value), a series with years missing, one reported every third year
    /// (not gappy), and rows of one series split between the files.
    pub(crate) fn unordered_dataset() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("folder");
        std::fs::write(
            dir.path().join(CATALOGUE_FILE),
            "id,title,unit,direction,sdg_targets\nrent,Rent,%,lower,11.1\npoor,Poverty,%,lower,1.2\n",
        )
        .expect("catalogue");
        let observations = dir.path().join(OBSERVATIONS_DIR);
        std::fs::create_dir(&observations).expect("observations");
        std::fs::write(
            observations.join("a.csv"),
            "indicator,year,district,value\n\
             rent,2018,Nord,31\npoor,2016,,9\nrent,2015,Nord,30\npoor,2010,,12\n\
             rent,2015,,20\npoor,2013,,11\nrent,2020,,22\nrent,2019,,21\n",
        )
        .expect("a");
        std::fs::write(
            observations.join("b.csv"),
            "indicator,year,district,value\nrent,2016,,20.5\nrent,2015,Nord,35\nrent,2020,Nord,33\n",
        )
        .expect("b");
        dir
    }

    #[test]
    fn check_in_place_finds_what_sorting_finds_and_leaves_the_rows_as_read() {
        let dir = unordered_dataset();
        let quiet = |_: &str, _: usize, _: usize| {};
        let sorted = read_path_columns(dir.path(), &quiet).expect("sorted");
        let checked = check_path(dir.path(), &quiet).expect("checked");
        assert_eq!(checked.problems, sorted.problems);
        assert_eq!(checked.frame.height(), sorted.frame.height());
        let reasons: Vec<&Reason> = checked.problems.iter().map(|p| &p.reason).collect();
        let repeated = reasons
            .iter()
            .filter(|r| {
                matches!(
                    r,
                    Reason::RepeatedAcrossFiles { .. } | Reason::ConflictAcrossFiles { .. }
                )
            })
            .count();
        let gappy = reasons
            .iter()
            .filter(|r| matches!(r, Reason::MissingYears { .. }))
            .count();
        // rent 2015 Nord is in both files (with two values); rent's city
        // series lacks 2017 and 2018, rent Nord lacks 2016, 2017 and 2019;
        // poverty's every-third-year series is not gappy.
        assert_eq!((repeated, gappy), (1, 2), "{:#?}", checked.problems);
        let lines = |report: &crate::read::Report| -> Vec<u64> {
            let column = report
                .frame
                .frame()
                .column(crate::frame::columns::SOURCE_LINE);
            column
                .expect("lines")
                .u64()
                .expect("u64")
                .into_no_null_iter()
                .collect()
        };
        assert_eq!(lines(&checked)[..3], [2, 3, 4], "left as read");
        assert_ne!(lines(&sorted)[..3], [2, 3, 4], "put in order");
    }
}
