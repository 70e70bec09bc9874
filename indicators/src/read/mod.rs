//! Reads a city's files into the model (behind the `pipeline` feature): a
//! dataset folder (catalogue, areas, observation files), an Open SDG data
//! folder, or a single file. Reading never stops at the first problem: it
//! collects every problem it can find, and only files without errors count.

pub mod actions;
pub mod catalogue;
pub mod cell;
mod checks;
mod dataset;
pub mod districts;
pub mod groups;
mod in_place;
pub mod observations;
pub mod opensdg;
pub mod recommendations;
pub mod statements;
pub mod supplements;
pub mod table;
pub mod text;
pub mod translations;
pub mod workbook;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::frame::ObservationFrame;
use crate::model::{Dataset, Indicator};
use crate::problem::{Problem, ProblemCode};
use checks::finish;
pub use checks::ObservationOrder;
pub(crate) use checks::{
    counted_series_exist, qualitative_without_numbers, sort_and_check, sort_problems,
};
pub(crate) use dataset::dataset_head;
pub use dataset::{default_rights_areas_csv, read_dataset, Settings};
pub use observations::{Context, FileSummary, FrameFile, ObservationFile, Shape};
pub use opensdg::read_open_sdg_data;

pub use actions::ACTIONS_FILE;
pub use supplements::{
    read_supplements, DISTRICTS_FILE, GROUPS_FILE, QUALITATIVE_FILE, RECOMMENDATIONS_FILE,
};
pub const CATALOGUE_FILE: &str = "catalogue.csv";
pub const AREAS_FILE: &str = "areas.csv";
pub const OBSERVATIONS_DIR: &str = "observations";
pub const SETTINGS_FILE: &str = "settings.csv";

/// Why a dataset cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path} is not a file or folder Local Goals can read. Give a dataset folder (with catalogue.csv), an Open SDG repository, or a CSV/XLSX file.")]
    NotFound { path: PathBuf },
    #[error("{path} has {errors} error(s), so it was not accepted. Run `localgoals check {path}` to see each one with its file, line and fix.")]
    Invalid { path: PathBuf, errors: usize },
}

/// Everything learnt from reading: what is usable, and every problem.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// The indicators, areas and the observations of files without errors.
    pub dataset: Dataset,
    pub files: Vec<FileSummary>,
    /// Every problem, by file then line.
    pub problems: Vec<Problem>,
    /// The dataset's `settings.csv`, or the defaults.
    pub settings: Settings,
    /// The dataset's `labels.csv`, or none.
    pub labels: crate::model::Labels,
    /// The observations as columns, sorted. `dataset.observations` holds the
    /// same rows as the model's list, except where a caller asked for the
    /// columns only ([`open_dataset_columns`]).
    #[serde(skip)]
    pub frame: ObservationFrame,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }

    /// Fills `dataset.observations` from the frame.
    pub(crate) fn with_observations(mut self) -> Self {
        self.dataset.observations = self.frame.to_observations().unwrap_or_default();
        self
    }
}

/// Progress callbacks: `(file, done, total)`.
pub type Progress<'a> = &'a dyn Fn(&str, usize, usize);

/// The kinds of dataset a release can be built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetKind {
    /// A folder with `catalogue.csv`, `areas.csv` and `observations/`.
    Folder,
    /// An Open SDG repository (`data/` and `meta/`) or its `data` folder.
    OpenSdg,
}

/// What kind of dataset `path` is, or `None` for a file or nothing.
pub fn dataset_kind(path: &Path) -> Option<DatasetKind> {
    if !path.is_dir() {
        None
    } else if path.join(CATALOGUE_FILE).is_file() {
        Some(DatasetKind::Folder)
    } else {
        Some(DatasetKind::OpenSdg)
    }
}

/// Reads a dataset a release can be built from: a dataset folder or an Open
/// SDG repository. The one place `build`, `serve` and `check` open datasets.
pub fn open_dataset(path: &Path, progress: Progress<'_>) -> Result<Report, ReadError> {
    open_dataset_columns(path, progress).map(Report::with_observations)
}

/// [`open_dataset`], keeping the observations as columns only (`frame`;
/// `dataset.observations` stays empty): what a build of millions of rows
/// reads.
pub fn open_dataset_columns(path: &Path, progress: Progress<'_>) -> Result<Report, ReadError> {
    open_dataset_in(path, progress, ObservationOrder::Sorted)
}

fn open_dataset_in(
    path: &Path,
    progress: Progress<'_>,
    order: ObservationOrder,
) -> Result<Report, ReadError> {
    match dataset_kind(path) {
        Some(DatasetKind::Folder) => Ok(dataset::read_dataset_columns(path, progress, order)),
        Some(DatasetKind::OpenSdg) => {
            let data = if path.join("data").is_dir() {
                path.join("data")
            } else {
                path.to_path_buf()
            };
            Ok(opensdg::read_open_sdg_columns(&data, path, progress, order))
        }
        None => Err(ReadError::NotFound {
            path: path.to_path_buf(),
        }),
    }
}

/// Reads whatever `path` is: a dataset (see [`open_dataset`]), one
/// observation file, or one sheet of a workbook (`book.xlsx#Sheet`). What
/// `localgoals check` reads.
pub fn read_path(path: &Path, progress: Progress<'_>) -> Result<Report, ReadError> {
    read_path_columns(path, progress).map(Report::with_observations)
}

/// [`read_path`], the observations as columns only (`Report::frame`), in
/// order.
pub fn read_path_columns(path: &Path, progress: Progress<'_>) -> Result<Report, ReadError> {
    read_path_in(path, progress, ObservationOrder::Sorted)
}

/// [`read_path_columns`] with the observations left in the order they were
/// read ([`ObservationOrder::AsRead`]): every problem found, in the same
/// order, and the same counts. What `localgoals check` reads when it only
/// reports.
pub fn check_path(path: &Path, progress: Progress<'_>) -> Result<Report, ReadError> {
    read_path_in(path, progress, ObservationOrder::AsRead)
}

fn read_path_in(
    path: &Path,
    progress: Progress<'_>,
    order: ObservationOrder,
) -> Result<Report, ReadError> {
    if dataset_kind(path).is_some() {
        return open_dataset_in(path, progress, order);
    }
    // `book.xlsx#Sheet name` reads one named sheet of a workbook.
    if !path.exists() {
        if let Some((file_part, sheet)) = path.to_str().and_then(|p| p.rsplit_once('#')) {
            let file_path = Path::new(file_part);
            if file_path.is_file() {
                let name = format!(
                    "{}#{sheet}",
                    display_name(file_path, file_path.parent().unwrap_or(Path::new("")))
                );
                let (table, problems) = table::load_table_sheet(file_path, &name, Some(sheet));
                let file = observations_of(table, problems, file_path, &name, None, None);
                let mut report = Report::default();
                add_file(&mut report, file);
                finish(&mut report, order);
                return Ok(report);
            }
        }
    }
    if path.is_file() {
        let name = display_name(path, path.parent().unwrap_or(Path::new("")));
        let file = read_file(path, &name, None, None);
        let mut report = Report::default();
        add_file(&mut report, file);
        finish(&mut report, order);
        return Ok(report);
    }
    Err(ReadError::NotFound {
        path: path.to_path_buf(),
    })
}

/// The id an Open SDG or single-indicator file names: `indicator_1-1-1.csv` → `1-1-1`.
pub fn indicator_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    Some(stem.strip_prefix("indicator_").unwrap_or(stem).to_owned())
}

pub(crate) fn read_file(
    path: &Path,
    name: &str,
    catalogue: Option<&[Indicator]>,
    translations: Option<&HashMap<String, String>>,
) -> FrameFile {
    let (table, problems) = table::load_table(path, name);
    observations_of(table, problems, path, name, catalogue, translations)
}

fn observations_of(
    table: table::Table,
    mut problems: Vec<Problem>,
    path: &Path,
    name: &str,
    catalogue: Option<&[Indicator]>,
    translations: Option<&HashMap<String, String>>,
) -> FrameFile {
    let file_indicator = indicator_from_file_name(path);
    let mut file = if problems
        .iter()
        .any(|p| p.code == ProblemCode::Unreadable || p.code == ProblemCode::NoData)
    {
        FrameFile {
            summary: FileSummary {
                file: name.to_owned(),
                encoding: table.encoding,
                line_ending: table.line_ending,
                ..FileSummary::default()
            },
            ..FrameFile::default()
        }
    } else {
        observations::read_observation_frame(
            &table,
            name,
            Context {
                catalogue,
                file_indicator: file_indicator.as_deref(),
                translations,
            },
        )
    };
    problems.append(&mut file.problems);
    file.problems = problems;
    file.summary.errors = file.problems.iter().filter(|p| p.is_error()).count();
    file.summary.warnings = file.problems.len() - file.summary.errors;
    file
}

/// Reads `count` files with `read`, on two threads when there are several
/// (each file's reading depends on no other's), and hands each to `add` in
/// order, so the report is the same as one thread's.
pub(crate) fn read_files_in_order(
    count: usize,
    read: impl Fn(usize) -> FrameFile + Sync,
    mut add: impl FnMut(usize, FrameFile),
) {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(2)
        .min(count);
    if workers <= 1 {
        (0..count).for_each(|i| add(i, read(i)));
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, FrameFile)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (sender, next, read) = (sender.clone(), &next, &read);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= count || sender.send((i, read(i))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        // Files finish out of order; each waits here for those before it.
        let mut waiting = std::collections::BTreeMap::new();
        let mut wanted = 0;
        for (i, file) in receiver {
            waiting.insert(i, file);
            while let Some(file) = waiting.remove(&wanted) {
                add(wanted, file);
                wanted += 1;
            }
        }
    });
}

/// Adds a file's problems, and its observations only if it has no errors: a
/// file with errors is never partly accepted.
pub(crate) fn add_file(report: &mut Report, mut file: FrameFile) {
    if file.summary.errors == 0 && report.frame.append(file.frame).is_err() {
        // Every file's frame has the same schema; should one not, its rows
        // are refused rather than half added.
        report.problems.push(Problem::not_csv(
            &file.summary.file,
            "its observations could not be combined with the other files'",
        ));
    }
    report.problems.append(&mut file.problems);
    report.files.push(file.summary);
}

pub(crate) fn display_name(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_read_on_two_threads_are_added_in_order() {
        // The first files take longest, so they finish last.
        let count = 6;
        let read = |i: usize| {
            std::thread::sleep(std::time::Duration::from_millis(10 * (count - i) as u64));
            FrameFile {
                summary: FileSummary {
                    file: format!("f{i}.csv"),
                    ..FileSummary::default()
                },
                ..FrameFile::default()
            }
        };
        let mut added = Vec::new();
        read_files_in_order(count, read, |i, file| added.push((i, file.summary.file)));
        let expected: Vec<(usize, String)> = (0..count).map(|i| (i, format!("f{i}.csv"))).collect();
        assert_eq!(added, expected);
    }

    #[test]
    fn file_names_give_open_sdg_ids() {
        assert_eq!(
            indicator_from_file_name(Path::new("data/indicator_10-x-2.csv")).as_deref(),
            Some("10-x-2")
        );
        assert_eq!(
            indicator_from_file_name(Path::new("rent-burden.csv")).as_deref(),
            Some("rent-burden")
        );
    }
}
