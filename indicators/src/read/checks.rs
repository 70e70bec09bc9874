//! Checks across the files of a dataset (the same value in two files, years
//! missing inside a series) and the stable order observations are kept in,
//! run on the observation frame.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::Report;
use crate::frame::{DimensionsCache, ObservationFrame};
use crate::model::{CountedSeries, Indicator};
use crate::problem::Problem;

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

/// A qualitative indicator is answered in `qualitative.csv`, never in
/// numbers: rows of one in an observation file are an error, reported once
/// per file at its first such row (the catalogue's `kind` or the rows are
/// wrong, and only the city knows which).
pub(crate) fn qualitative_without_numbers(
    indicators: &[Indicator],
    observations: &ObservationFrame,
) -> Vec<Problem> {
    let qualitative: BTreeSet<&str> = indicators
        .iter()
        .filter(|i| i.is_qualitative())
        .map(|i| i.id.as_str())
        .collect();
    if qualitative.is_empty() {
        return Vec::new();
    }
    // (indicator, file) → (first line, rows)
    let mut found: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    if let Ok(view) = observations.view() {
        for row in 0..view.len() {
            let id = view.indicator.get(row).unwrap_or_default();
            if !qualitative.contains(id) {
                continue;
            }
            let file = view.source_file.get(row).unwrap_or_default().to_owned();
            let line = view.source_line.get(row).unwrap_or_default() as usize;
            let entry = found.entry((id.to_owned(), file)).or_insert((line, 0));
            entry.0 = entry.0.min(line);
            entry.1 += 1;
        }
    }
    found
        .into_iter()
        .map(|((indicator, file), (line, rows))| {
            Problem::qualitative_observations(&file, &indicator, rows)
                .at_line(line)
                .with_value(&indicator)
        })
        .collect()
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
    // The checks find the same problems, in the same order, whatever the
    // rows' order.
    super::in_place::check_in_place(frame)
}

/// Problems by file, then line (stable: ties keep their order).
pub(crate) fn sort_problems(problems: &mut [Problem]) {
    problems.sort_by(|a, b| (&a.file, a.line, a.severity).cmp(&(&b.file, b.line, b.severity)));
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
