//! Building a release larger than memory, one group of indicators at a time.
//!
//! Everything a build checks and computes after reading a file concerns one
//! indicator's rows at a time: duplicates across files, missing years, the
//! series summaries and the status. So the files are read one by one as
//! usual (each file must fit in memory; their problems are the same), their
//! observations spilled to Parquet in the staging folder, and then the
//! indicators are taken in id order, in groups of about `group_rows`
//! observations: a group's rows are scanned back from the spill, sorted,
//! checked, summarised and appended to the release's files. The release is
//! the same as an in-memory build's; only a group is ever held.

use std::collections::HashMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::parquet::{parquet_writer, Writer};
use super::series::{counted_frame, series_frame};
use super::serve::ReleaseIndex;
use super::{
    io, json, new_staging, publish, write_synced, BuildOutcome, ReleaseError, ReleaseFacts,
    COUNTED, INDEX, OBSERVATIONS, SERIES,
};
use crate::frame::{self, ObservationFrame};
use crate::model::Indicator;
use crate::progress::{ProgressMethod, ProgressStatus};
use crate::read::{
    add_file, counted_series_exist, dataset_head, display_name, qualitative_without_numbers,
    read_file, sort_and_check, sort_problems, ReadError, CATALOGUE_FILE,
};
use crate::statuses::{compute_columns, Statuses};
use crate::Problem;

/// Builds `dataset_dir` (a dataset folder) in groups of about `group_rows`
/// observations; see the module docs.
pub(super) fn build_in_groups(
    dataset_dir: &Path,
    data_dir: &Path,
    method: Option<ProgressMethod>,
    group_rows: usize,
    source: &str,
) -> Result<BuildOutcome, ReleaseError> {
    let staging = new_staging(data_dir)?;
    let built = build_into(
        dataset_dir,
        data_dir,
        &staging,
        method,
        group_rows.max(1),
        source,
    );
    if built.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    built
}

fn build_into(
    dataset_dir: &Path,
    data_dir: &Path,
    staging: &Path,
    method: Option<ProgressMethod>,
    group_rows: usize,
    source: &str,
) -> Result<BuildOutcome, ReleaseError> {
    let mut head = dataset_head(dataset_dir);
    let spill = staging.join(".spill");
    fs::create_dir_all(&spill).map_err(io(&spill))?;
    let mut parts: Vec<PathBuf> = Vec::new();
    let mut rows_of: HashMap<String, usize> = HashMap::new();
    for path in &head.files {
        let name = display_name(path, dataset_dir);
        let mut file = read_file(path, &name, Some(&head.indicators), None);
        if file.summary.errors == 0 && !file.frame.is_empty() {
            let mut frame = std::mem::take(&mut file.frame);
            frame.sort()?;
            for id in frame
                .frame()
                .column(frame::columns::INDICATOR)?
                .str()?
                .iter()
            {
                *rows_of
                    .entry(id.unwrap_or_default().to_owned())
                    .or_default() += 1;
            }
            let part = spill.join(format!("part-{:05}.parquet", parts.len()));
            let mut out = File::create(&part).map_err(io(&part))?;
            parquet_writer(&mut out).finish(&mut frame.into_frame())?;
            parts.push(part);
        }
        add_file(&mut head.report, file);
    }
    let mut report = head.report;
    let method = method.unwrap_or(report.settings.progress_method);

    let mut observations = Writer::new(&staging.join(OBSERVATIONS), &frame::schema())?;
    let mut series = Writer::new(&staging.join(SERIES), series_frame(&[])?.schema())?;
    let mut counted = Writer::new(&staging.join(COUNTED), counted_frame(&[])?.schema())?;
    let mut index = ReleaseIndex::default();
    let mut statuses = Vec::new();
    let mut counts: std::collections::BTreeMap<ProgressStatus, usize> = Default::default();
    let mut districts_seen = crate::read::districts::DistrictsSeen::default();
    for group in groups(&head.indicators, &rows_of, group_rows) {
        let mut frame = scan_group(&parts, &group)?;
        report.problems.append(&mut sort_and_check(&mut frame));
        let indicators: Vec<Indicator> = head
            .indicators
            .iter()
            .filter(|i| group.contains(&i.id))
            .cloned()
            .collect();
        report.problems.extend(counted_series_exist(
            &indicators,
            &frame,
            CATALOGUE_FILE,
            &head.catalogue_lines,
        ));
        report
            .problems
            .extend(qualitative_without_numbers(&indicators, &frame));
        districts_seen.add(&frame);
        let computed = compute_columns(&indicators, &frame, method)?;
        let ids = frame
            .frame()
            .column(frame::columns::INDICATOR)?
            .str()?
            .clone();
        let part = ReleaseIndex::of(ids.iter(), &computed.series)?;
        for (id, mut rows) in part.indicators {
            rows.observations.offset += observations.rows;
            rows.series.offset += series.rows;
            index.indicators.insert(id, rows);
        }
        for s in &computed.series {
            *counts.entry(s.progress.status).or_default() += 1;
        }
        observations.write(frame.frame())?;
        series.write(&series_frame(&computed.series)?)?;
        counted.write(&counted_frame(&computed.indicators)?)?;
        // Their counted results are in counted.parquet now.
        statuses.extend(computed.indicators.into_iter().map(|mut i| {
            i.counted = Vec::new();
            i
        }));
    }
    if let Some(map) = &head.supplements.districts {
        let text = fs::read(dataset_dir.join(crate::read::DISTRICTS_FILE)).unwrap_or_default();
        let found = districts_seen.problems(map, crate::read::DISTRICTS_FILE, &text);
        report.problems.extend(found);
    }
    let _ = fs::remove_dir_all(&spill);
    sort_problems(&mut report.problems);
    if report.errors() > 0 {
        return Err(ReadError::Invalid {
            path: dataset_dir.to_path_buf(),
            errors: report.errors(),
        }
        .into());
    }
    let (observation_count, series_count) = (observations.rows, series.rows);
    let observations = observations.finish()?;
    super::load::check_observations_readable(&staging.join(OBSERVATIONS))?;
    let (series, counted) = (series.finish()?, counted.finish()?);
    super::load::check_series_readable(&staging.join(SERIES))?;
    super::load::check_counted_readable(&staging.join(COUNTED))?;
    let files = vec![
        observations,
        series,
        counted,
        write_synced(&staging.join(INDEX), &json(INDEX, &index)?)?,
    ];
    let statuses = Statuses::from_indicators(method, &head.indicators, statuses);
    let warnings: Vec<&Problem> = report.problems.iter().filter(|p| !p.is_error()).collect();
    let facts = ReleaseFacts {
        source,
        indicators: &head.indicators,
        areas: &head.areas,
        actions: &head.actions,
        supplements: &head.supplements,
        languages: &report.settings.languages,
        licence: report.settings.licence.as_deref(),
        labels: &report.labels,
        statuses: &statuses,
        warnings: &warnings,
        series: series_count,
        observations: observation_count,
        counts,
    };
    let manifest = publish(data_dir, staging.to_path_buf(), files, &facts)?;
    drop(warnings);
    report.dataset.indicators = head.indicators;
    report.dataset.areas = head.areas;
    report.dataset.actions = head.actions;
    report.dataset.supplements = head.supplements;
    Ok(BuildOutcome { manifest, report })
}

/// The catalogue's ids (and any other id with rows), in id order, cut into
/// runs of about `group_rows` observations (an indicator is never split).
fn groups(
    catalogue: &[Indicator],
    rows_of: &HashMap<String, usize>,
    group_rows: usize,
) -> Vec<Vec<String>> {
    let mut ids: Vec<&str> = catalogue.iter().map(|i| i.id.as_str()).collect();
    ids.extend(rows_of.keys().map(String::as_str));
    ids.sort_unstable();
    ids.dedup();
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut rows = 0;
    for id in ids {
        let n = rows_of.get(id).copied().unwrap_or(0);
        match out.last_mut() {
            Some(group) if rows + n <= group_rows || rows == 0 => group.push(id.to_owned()),
            _ => {
                out.push(vec![id.to_owned()]);
                rows = 0;
            }
        }
        rows += n;
    }
    out
}

/// A group's observations from the spilled parts, in file order.
fn scan_group(parts: &[PathBuf], group: &[String]) -> Result<ObservationFrame, ReleaseError> {
    if parts.is_empty() {
        return Ok(ObservationFrame::default());
    }
    let paths = parts
        .iter()
        .map(|p| PlRefPath::try_from_path(p))
        .collect::<PolarsResult<Vec<_>>>()?;
    let ids = Series::new("ids".into(), group);
    let frame = LazyFrame::scan_parquet_files(
        polars_buffer::Buffer::from_iter(paths),
        ScanArgsParquet::default(),
    )?
    .filter(col(frame::columns::INDICATOR).is_in(lit(ids).implode(false), false))
    .collect()?;
    Ok(ObservationFrame::new(frame)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::release::{build_with, current_id, load_current, BuildMemory};

    fn demo() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("demo-city")
    }

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).expect("dir");
        for entry in fs::read_dir(from).expect("read").filter_map(Result::ok) {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).expect("copy");
            }
        }
    }

    #[test]
    fn a_build_in_groups_gives_the_release_a_build_in_memory_gives() {
        let (whole, grouped) = (
            tempfile::tempdir().expect("t"),
            tempfile::tempdir().expect("t"),
        );
        let a = build_with(&demo(), whole.path(), None, BuildMemory::Whole).expect("whole");
        // About 50 observations a group: dozens of groups.
        let b = build_with(&demo(), grouped.path(), None, BuildMemory::Groups(50)).expect("groups");
        assert!(a.report.frame.height() > 2000 && b.report.frame.is_empty());
        let (ma, mb) = (&a.manifest, &b.manifest);
        assert_eq!(
            (
                ma.indicators,
                ma.series,
                ma.observations,
                ma.warnings,
                &ma.statuses
            ),
            (
                mb.indicators,
                mb.series,
                mb.observations,
                mb.warnings,
                &mb.statuses
            )
        );
        assert_eq!(
            a.report.problems, b.report.problems,
            "the same problems, in order"
        );
        let (ra, rb) = (
            load_current(whole.path()).expect("a"),
            load_current(grouped.path()).expect("b"),
        );
        assert_eq!(
            ra.dataset, rb.dataset,
            "the same observations, in the same order"
        );
        assert_eq!(ra.statuses.indicators, rb.statuses.indicators);
        assert_eq!(ra.statuses.public, rb.statuses.public);
        assert_eq!(ra.statuses.staff, rb.statuses.staff);
        // Summaries come in id order rather than catalogue order.
        let sorted = |mut s: Vec<crate::summary::SeriesSummary>| {
            s.sort_by(|x, y| {
                (&x.indicator_id, &x.dimensions).cmp(&(&y.indicator_id, &y.dimensions))
            });
            s
        };
        assert_eq!(sorted(ra.statuses.series), sorted(rb.statuses.series));
        let (sa, _) = super::super::open_servable(whole.path()).expect("a");
        let (sb, _) = super::super::open_servable(grouped.path()).expect("b");
        for indicator in &sa.indicators {
            assert_eq!(
                sa.indicator(&indicator.id).expect("a"),
                sb.indicator(&indicator.id).expect("b"),
                "{}",
                indicator.id
            );
        }
    }

    #[test]
    fn a_duplicate_across_files_refuses_a_build_in_groups_and_leaves_nothing() {
        let dataset = tempfile::tempdir().expect("t");
        copy_dir(&demo(), dataset.path());
        fs::write(
            dataset.path().join("observations/zz-late.csv"),
            "indicator,fiscal_year,value,flag\ndevelopment-cooperation,2012/2013,0.99,\n",
        )
        .expect("write");
        let data = tempfile::tempdir().expect("t");
        let err = build_with(dataset.path(), data.path(), None, BuildMemory::Groups(50))
            .expect_err("a duplicate is an error");
        assert!(
            matches!(
                err,
                ReleaseError::Read(ReadError::Invalid { errors: 1, .. })
            ),
            "{err}"
        );
        assert_eq!(current_id(data.path()), None);
        let left: Vec<_> = fs::read_dir(data.path().join(super::super::RELEASES_DIR))
            .expect("releases")
            .filter_map(Result::ok)
            .collect();
        assert!(left.is_empty(), "no staging folder, no spill: {left:?}");
    }
}
