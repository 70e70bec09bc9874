//! Reads a city's files into the model (behind the `pipeline` feature): a
//! dataset folder (catalogue, areas, observation files), an Open SDG data
//! folder, or a single file. Reading never stops at the first problem: it
//! collects every problem it can find, and only files without errors count.

pub mod catalogue;
pub mod cell;
pub mod observations;
pub mod opensdg;
pub mod table;
pub mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::{Area, Dataset, Indicator, Observation};
use crate::problem::{Problem, ProblemCode};
pub use observations::{Context, FileSummary, ObservationFile, Shape};

pub const CATALOGUE_FILE: &str = "catalogue.csv";
pub const AREAS_FILE: &str = "areas.csv";
pub const OBSERVATIONS_DIR: &str = "observations";
pub const SETTINGS_FILE: &str = "settings.csv";

/// Dataset-wide choices, from an optional `settings.csv` (`key,value` rows).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Settings {
    /// `progress_method`: `open-sdg` (default), `eurostat` or `unsd-progress-chart`.
    pub progress_method: crate::progress::ProgressMethod,
    /// `city`: the name shown on pages.
    pub city: String,
}

fn read_settings(dir: &Path) -> (Settings, Vec<Problem>) {
    let path = dir.join(SETTINGS_FILE);
    let mut settings = Settings::default();
    if !path.is_file() {
        return (settings, Vec::new());
    }
    let (table, mut problems) = table::load_table(&path, SETTINGS_FILE);
    let (Some(key), Some(value)) = (table.find(&["key"]), table.find(&["value"])) else {
        problems.push(
            Problem::error(
                ProblemCode::MissingColumn,
                SETTINGS_FILE,
                "settings.csv needs the columns `key` and `value`",
                "Write one setting per row, e.g. `progress_method,eurostat`.",
            )
            .at_line(1),
        );
        return (settings, problems);
    };
    for row in 0..table.height() {
        let (k, v) = (table.cell(key, row).trim(), table.cell(value, row).trim());
        match k {
            "progress_method" => match serde_json::from_value(serde_json::Value::String(v.to_string())) {
                Ok(method) => settings.progress_method = method,
                Err(_) => problems.push(
                    Problem::error(ProblemCode::BadCatalogueValue, SETTINGS_FILE, "unknown progress method", "Write `open-sdg`, `eurostat` or `unsd-progress-chart` (see docs/methodology.md).")
                        .at_line(table.lines[row])
                        .in_column("value")
                        .with_value(v),
                ),
            },
            "city" => settings.city = v.to_string(),
            "" => {}
            other => problems.push(Problem::warning(ProblemCode::BadCatalogueValue, SETTINGS_FILE, format!("unknown setting `{other}` is ignored"), "Known settings: progress_method, city.").at_line(table.lines[row]).in_column("key").with_value(other)),
        }
    }
    (settings, problems)
}

/// The extensions read as observation files.
const TABULAR: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];

/// Local Goals' default catalogue of rights areas, used when a dataset has no
/// `areas.csv`. In the project's own words, grounded in the instruments.
const DEFAULT_RIGHTS_AREAS: &str = include_str!("../../reference/rights-areas.csv");

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
}

impl Report {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }

    /// The dataset, only if nothing is wrong with it.
    pub fn into_dataset(self, path: &Path) -> Result<Dataset, ReadError> {
        match self.errors() {
            0 => Ok(self.dataset),
            errors => Err(ReadError::Invalid {
                path: path.to_path_buf(),
                errors,
            }),
        }
    }
}

/// Progress callbacks: `(file, done, total)`.
pub type Progress<'a> = &'a dyn Fn(&str, usize, usize);

/// Reads whatever `path` is: a dataset folder, an Open SDG repository or data
/// folder, or one observation file.
pub fn read_path(path: &Path, progress: Progress<'_>) -> Result<Report, ReadError> {
    if path.is_dir() {
        if path.join(CATALOGUE_FILE).is_file() {
            return Ok(read_dataset(path, progress));
        }
        let data = if path.join("data").is_dir() {
            path.join("data")
        } else {
            path.to_path_buf()
        };
        return Ok(read_open_sdg_data(&data, path, progress));
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
                finish(&mut report);
                return Ok(report);
            }
        }
    }
    if path.is_file() {
        let name = display_name(path, path.parent().unwrap_or(Path::new("")));
        let file = read_file(path, &name, None, None);
        let mut report = Report::default();
        add_file(&mut report, file);
        finish(&mut report);
        return Ok(report);
    }
    Err(ReadError::NotFound {
        path: path.to_path_buf(),
    })
}

/// Reads a dataset folder: `catalogue.csv`, `areas.csv` (or the default rights
/// areas) and every tabular file under `observations/`.
pub fn read_dataset(dir: &Path, progress: Progress<'_>) -> Report {
    let mut report = Report::default();
    let (settings, mut problems) = read_settings(dir);
    report.settings = settings;
    report.problems.append(&mut problems);
    let (table, mut problems) = table::load_table(&dir.join(CATALOGUE_FILE), CATALOGUE_FILE);
    report.problems.append(&mut problems);
    let (indicators, mut problems) = catalogue::read_catalogue(&table, CATALOGUE_FILE);
    report.problems.append(&mut problems);
    let catalogue_lines: BTreeMap<String, usize> = (0..table.height())
        .filter_map(|r| {
            table
                .find(&["id"])
                .map(|c| (table.cell(c, r).trim().to_string(), table.lines[r]))
        })
        .collect();

    let areas_path = dir.join(AREAS_FILE);
    let (areas, mut problems) = if areas_path.is_file() {
        let (table, mut load_problems) = table::load_table(&areas_path, AREAS_FILE);
        let (areas, mut problems) = catalogue::read_areas(&table, AREAS_FILE);
        load_problems.append(&mut problems);
        (areas, load_problems)
    } else {
        default_areas()
    };
    report.problems.append(&mut problems);
    report.problems.extend(catalogue::check_area_references(
        &indicators,
        &areas,
        CATALOGUE_FILE,
        &catalogue_lines,
    ));

    let files = tabular_files(&dir.join(OBSERVATIONS_DIR));
    if files.is_empty() {
        report.problems.push(Problem::error(
            ProblemCode::NoData,
            OBSERVATIONS_DIR,
            "there are no observation files",
            "Put CSV or XLSX files with the indicators' values in the `observations` folder.",
        ));
    }
    for (i, path) in files.iter().enumerate() {
        let name = display_name(path, dir);
        progress(&name, i, files.len());
        let file = read_file(path, &name, Some(&indicators), None);
        add_file(&mut report, file);
    }
    progress("", files.len(), files.len());
    report.dataset.indicators = indicators;
    report.dataset.areas = areas;
    finish(&mut report);
    report
}

/// Reads an Open SDG repository (or its `data` folder): metadata from
/// `meta/`, translations, and every `indicator_<id>.csv` under `data/`.
pub fn read_open_sdg_data(data_dir: &Path, root: &Path, progress: Progress<'_>) -> Report {
    let mut report = Report::default();
    let translations = opensdg::load_translations(root);
    let mut indicators: Vec<Indicator> = Vec::new();
    for path in opensdg::meta_files(&root.join("meta")) {
        let name = display_name(&path, root);
        let Some(id) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let is_markdown = path.extension().and_then(|e| e.to_str()) == Some("md");
        match std::fs::read(&path).map(|b| text::decode(&b).text) {
            Ok(text) => {
                match opensdg::read_meta(&text, &id, &name, is_markdown, translations.as_ref()) {
                    Ok(indicator) => indicators.push(indicator),
                    Err(problem) => report.problems.push(problem),
                }
            }
            Err(err) => report.problems.push(Problem::error(
                ProblemCode::Unreadable,
                &name,
                format!("the file could not be opened: {err}"),
                "Check that Local Goals may read it.",
            )),
        }
    }
    let files = opensdg::data_files(data_dir);
    if files.is_empty() {
        report.problems.push(Problem::error(ProblemCode::NoData, &display_name(data_dir, root), "no catalogue.csv and no indicator_*.csv files here", "Give a dataset folder with catalogue.csv, an Open SDG repository (with data/indicator_*.csv) or a single file."));
    }
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    for (i, path) in files.iter().enumerate() {
        let name = display_name(path, root);
        progress(&name, i, files.len());
        let id = indicator_from_file_name(path).unwrap_or_default();
        if let Some(first) = seen_ids.get(&id) {
            report.problems.push(Problem::warning(
                ProblemCode::DuplicateFile,
                &name,
                format!("a second file for indicator {id}; {first} has it too"),
                "Keep one data file per indicator; remove the copy, or merge the years it adds into the main file.",
            ));
        } else {
            seen_ids.insert(id.clone(), name.clone());
        }
        if !indicators.iter().any(|ind| ind.id == id) {
            let mut indicator = Indicator::new(&id, &id, "", crate::model::Direction::Lower, &[]);
            indicator.sdg_targets = opensdg::target_of_id(&id).into_iter().collect();
            if root.join("meta").is_dir() {
                report.problems.push(Problem::warning(
                    ProblemCode::BadMetadata,
                    &name,
                    format!("no meta file for indicator {id}"),
                    format!("Add meta/{id}.md with at least indicator_name and computation_units."),
                ));
            }
            indicators.push(indicator);
        }
        add_file(
            &mut report,
            read_file(path, &name, None, translations.as_ref()),
        );
    }
    progress("", files.len(), files.len());
    for indicator in &indicators {
        if !seen_ids.contains_key(&indicator.id) {
            report.problems.push(Problem::warning(
                ProblemCode::NoData,
                &format!("meta/{}.md", indicator.id),
                format!("indicator {} has metadata but no data file", indicator.id),
                format!(
                    "Add data/indicator_{}.csv, or ignore this if the data is published elsewhere.",
                    indicator.id
                ),
            ));
        }
    }
    indicators.sort_by_cached_key(|i| crate::sdg::SdgId::parse(&i.id));
    report.dataset.indicators = indicators;
    finish(&mut report);
    report
}

/// The id an Open SDG or single-indicator file names: `indicator_1-1-1.csv` → `1-1-1`.
pub fn indicator_from_file_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    Some(stem.strip_prefix("indicator_").unwrap_or(stem).to_string())
}

fn read_file(
    path: &Path,
    name: &str,
    catalogue: Option<&[Indicator]>,
    translations: Option<&HashMap<String, String>>,
) -> ObservationFile {
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
) -> ObservationFile {
    let file_indicator = indicator_from_file_name(path);
    let mut file = if problems
        .iter()
        .any(|p| p.code == ProblemCode::Unreadable || p.code == ProblemCode::NoData)
    {
        ObservationFile {
            summary: FileSummary {
                file: name.to_string(),
                encoding: table.encoding,
                line_ending: table.line_ending,
                delimiter: None,
                decimal_separator: None,
                shape: None,
                rows: 0,
                observations: 0,
                errors: 0,
                warnings: 0,
            },
            observations: Vec::new(),
            problems: Vec::new(),
        }
    } else {
        observations::read_observations(
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

/// Adds a file's problems, and its observations only if it has no errors: a
/// file with errors is never partly accepted.
fn add_file(report: &mut Report, mut file: ObservationFile) {
    if file.summary.errors == 0 {
        report.dataset.observations.append(&mut file.observations);
    }
    report.problems.append(&mut file.problems);
    report.files.push(file.summary);
}

/// Cross-file checks, gaps, and a stable order.
fn finish(report: &mut Report) {
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
            let place = format!("{} {} {}", b.indicator_id, b.period.label, b.dimensions);
            duplicates.push(
                if a.value == b.value {
                    Problem::warning(
                        ProblemCode::RepeatedObservation,
                        &b.source.file,
                        format!(
                            "{place} repeats {} line {} with the same value",
                            a.source.file, a.source.line
                        ),
                        "Keep each value in one file only.",
                    )
                } else {
                    Problem::error(
                        ProblemCode::DuplicateObservation,
                        &b.source.file,
                        format!(
                            "{place} is {} in {} line {}",
                            a.value, a.source.file, a.source.line
                        ),
                        "Keep each value in one file only, and check which one is right.",
                    )
                }
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
            let gaps: Vec<String> = (lo..=hi)
                .filter(|y| !years.contains(y))
                .map(|y| y.to_string())
                .collect();
            // Series reported every few years (censuses, surveys) are not gappy.
            let step_is_regular = years.len() > 1 && {
                let v: Vec<i32> = years.iter().copied().collect();
                v.windows(2).all(|w| w[1] - w[0] == v[1] - v[0]) && v[1] - v[0] > 1
            };
            if !gaps.is_empty() && !step_is_regular {
                out.push(Problem::warning(
                    ProblemCode::MissingYear,
                    &first.source.file,
                    format!(
                        "{} {} has no value for {}",
                        first.indicator_id,
                        first.dimensions,
                        gaps.join(", ")
                    ),
                    "Add the missing years if they exist; a gap is shown as a gap in charts.",
                ));
            }
        }
        start = end;
    }
    out
}

fn default_areas() -> (Vec<Area>, Vec<Problem>) {
    let (table, _) = table::load_csv(DEFAULT_RIGHTS_AREAS.as_bytes(), "default rights areas");
    catalogue::read_areas(&table, "default rights areas")
}

/// The default rights areas as CSV, for a city to copy and edit.
pub fn default_rights_areas_csv() -> &'static str {
    DEFAULT_RIGHTS_AREAS
}

fn tabular_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| TABULAR.contains(&e.to_ascii_lowercase().as_str()))
                })
                // Spreadsheet lock files (~$name.xlsx) are not data.
                .filter(|p| {
                    !p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("~$") || n.starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn display_name(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_rights_areas_cover_the_instruments() {
        let (areas, problems) = default_areas();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(areas.len() >= 10);
        let instruments: BTreeSet<&str> = areas.iter().map(|a| a.instrument.as_str()).collect();
        for needed in [
            "UDHR",
            "ICESCR",
            "ICCPR",
            "CRC",
            "CRPD",
            "CEDAW",
            "ICERD",
            "EU Charter of Fundamental Rights",
            "European Social Charter (revised)",
        ] {
            assert!(instruments.contains(needed), "{needed}: {instruments:?}");
        }
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
