//! A dataset folder: `settings.csv`, `catalogue.csv`, `areas.csv` (or the
//! default rights areas) and the files under `observations/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::actions::{self, ACTIONS_FILE};
use super::translations::{self, LABELS_FILE};
use super::{
    add_file, catalogue, checks, display_name, finish, read_file, read_files_in_order, table,
    ObservationOrder, Progress, Report, AREAS_FILE, CATALOGUE_FILE, OBSERVATIONS_DIR,
    SETTINGS_FILE,
};
use crate::model::{Action, Area, Indicator, Supplements};
use crate::problem::Problem;
use crate::progress::ProgressMethod;

/// Dataset-wide choices, from an optional `settings.csv` (`key,value` rows).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Settings {
    /// `progress_method`: `open-sdg` (default), `eurostat` or `unsd-progress-chart`.
    pub progress_method: ProgressMethod,
    /// `languages`: the languages the dataset's texts are written in, as
    /// two-letter codes separated by `;` (`en;nl`), the default language
    /// first. Empty: the catalogue's default language only.
    pub languages: Vec<String>,
    /// `licence`: the licence of every indicator's figures that has none of
    /// its own in the catalogue (e.g. `CC BY 4.0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
}

/// The keys `settings.csv` may set.
const KNOWN_SETTINGS: &[&str] = &["progress_method", "languages", "licence"];

/// `en;nl` → `[en, nl]`, or the position of a code that is not one.
fn language_list(cell: &str) -> Result<Vec<String>, String> {
    let mut languages: Vec<String> = Vec::new();
    for code in cell.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let code = code.to_ascii_lowercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(code);
        }
        if !languages.contains(&code) {
            languages.push(code);
        }
    }
    Ok(languages)
}

fn read_settings(dir: &Path) -> (Settings, Vec<Problem>) {
    let path = dir.join(SETTINGS_FILE);
    let mut settings = Settings::default();
    if !path.is_file() {
        return (settings, Vec::new());
    }
    let (table, mut problems) = table::load_table(&path, SETTINGS_FILE);
    let (Some(key), Some(value)) = (table.find(&["key"]), table.find(&["value"])) else {
        problems.push(Problem::settings_columns(SETTINGS_FILE));
        return (settings, problems);
    };
    for row in 0..table.height() {
        let (k, v) = (table.cell(key, row).trim(), table.cell(value, row).trim());
        match k {
            "progress_method" => match v.parse::<ProgressMethod>() {
                Ok(method) => settings.progress_method = method,
                Err(_) => problems.push(
                    Problem::unknown_progress_method(SETTINGS_FILE, ProgressMethod::NAMES)
                        .at(table.lines[row], "value")
                        .with_value(v),
                ),
            },
            "languages" => match language_list(v) {
                Ok(languages) => settings.languages = languages,
                Err(code) => problems.push(
                    Problem::bad_language(SETTINGS_FILE)
                        .at(table.lines[row], "value")
                        .with_value(&code),
                ),
            },
            "licence" => settings.licence = (!v.is_empty()).then(|| v.to_owned()),
            "" => {}
            other => problems.push(
                Problem::unknown_setting(SETTINGS_FILE, KNOWN_SETTINGS)
                    .at(table.lines[row], "key")
                    .with_value(other),
            ),
        }
    }
    (settings, problems)
}

/// The extensions read as observation files.
const TABULAR: [&str; 7] = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];

/// Local Goals' default catalogue of rights areas, used when a dataset has no
/// `areas.csv`. In the project's own words, grounded in the instruments.
const DEFAULT_RIGHTS_AREAS: &str = include_str!("../../reference/rights-areas.csv");

/// Reads a dataset folder: `catalogue.csv`, `areas.csv` (or the default rights
/// areas) and every tabular file under `observations/`.
pub fn read_dataset(dir: &Path, progress: Progress<'_>) -> Report {
    read_dataset_columns(dir, progress, ObservationOrder::Sorted).with_observations()
}

/// [`read_dataset`], the observations as columns only (`Report::frame`).
pub(super) fn read_dataset_columns(
    dir: &Path,
    progress: Progress<'_>,
    order: ObservationOrder,
) -> Report {
    let mut head = dataset_head(dir);
    let names: Vec<String> = head.files.iter().map(|p| display_name(p, dir)).collect();
    let (files, catalogue) = (&head.files, &head.indicators);
    let report = &mut head.report;
    let read = |i: usize| read_file(&files[i], &names[i], Some(catalogue), None);
    read_files_in_order(files.len(), read, |i, file| {
        progress(&names[i], i, files.len());
        add_file(report, file);
    });
    progress("", head.files.len(), head.files.len());
    let mut report = head.report;
    report.problems.extend(checks::counted_series_exist(
        &head.indicators,
        &report.frame,
        CATALOGUE_FILE,
        &head.catalogue_lines,
    ));
    report.problems.extend(checks::qualitative_without_numbers(
        &head.indicators,
        &report.frame,
    ));
    if let Some(map) = &head.supplements.districts {
        let mut seen = super::districts::DistrictsSeen::default();
        seen.add(&report.frame);
        // Read again only to place each warning on its line.
        let text = std::fs::read(dir.join(super::DISTRICTS_FILE)).unwrap_or_default();
        report
            .problems
            .extend(seen.problems(map, super::DISTRICTS_FILE, &text));
    }
    report.dataset.indicators = head.indicators;
    report.dataset.areas = head.areas;
    report.dataset.actions = head.actions;
    report.dataset.supplements = head.supplements;
    finish(&mut report, order);
    report
}

/// A dataset folder read up to its observation files: the settings, the
/// catalogue and the areas, with their problems in `report`, and the
/// observation files to read.
#[derive(Debug)]
pub(crate) struct DatasetHead {
    pub report: Report,
    pub indicators: Vec<Indicator>,
    pub areas: Vec<Area>,
    /// `actions.csv`'s rows without errors (none without the file).
    pub actions: Vec<Action>,
    pub supplements: Supplements,
    /// The catalogue line of each indicator id.
    pub catalogue_lines: BTreeMap<String, usize>,
    pub files: Vec<PathBuf>,
}

pub(crate) fn dataset_head(dir: &Path) -> DatasetHead {
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
                .map(|c| (table.cell(c, r).trim().to_owned(), table.lines[r]))
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

    let labels_path = dir.join(LABELS_FILE);
    if labels_path.is_file() {
        let (table, mut problems) = table::load_table(&labels_path, LABELS_FILE);
        report.problems.append(&mut problems);
        let (labels, mut problems) = translations::read_labels(&table, LABELS_FILE);
        report.problems.append(&mut problems);
        report.labels = labels;
    }
    let actions_path = dir.join(ACTIONS_FILE);
    let actions = if actions_path.is_file() {
        let (table, mut problems) = table::load_table(&actions_path, ACTIONS_FILE);
        report.problems.append(&mut problems);
        let (actions, mut problems) = actions::read_actions(
            &table,
            ACTIONS_FILE,
            &indicators,
            &report.settings.languages,
        );
        report.problems.append(&mut problems);
        actions
    } else {
        Vec::new()
    };
    let area_lines = areas_path.is_file().then(|| {
        let (table, _) = table::load_table(&areas_path, AREAS_FILE);
        let lines: BTreeMap<String, usize> = (0..table.height())
            .filter_map(|r| {
                table
                    .find(&["id"])
                    .map(|c| (table.cell(c, r).trim().to_owned(), table.lines[r]))
            })
            .collect();
        lines
    });
    report.problems.extend(translations::missing_translations(
        &report.settings.languages,
        &indicators,
        (CATALOGUE_FILE, &catalogue_lines),
        area_lines
            .as_ref()
            .map(|lines| (areas.as_slice(), AREAS_FILE, lines)),
        &report.labels,
    ));

    let files = tabular_files(&dir.join(OBSERVATIONS_DIR));
    if files.is_empty() {
        report
            .problems
            .push(Problem::no_observation_files(OBSERVATIONS_DIR));
    }
    let (supplements, mut problems) =
        super::read_supplements(dir, &indicators, &areas, &report.settings.languages);
    report.problems.append(&mut problems);
    DatasetHead {
        report,
        indicators,
        areas,
        actions,
        supplements,
        catalogue_lines,
        files,
    }
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

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

    /// A dataset folder whose catalogue counts `progress_series` for `rent`.
    fn folder(progress_series: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("folder");
        std::fs::write(
            dir.path().join(CATALOGUE_FILE),
            format!("id,title,unit,direction,sdg_targets,progress_series\nrent,Rent,%,lower,11.1,{progress_series}\n"),
        )
        .expect("catalogue");
        std::fs::create_dir(dir.path().join(OBSERVATIONS_DIR)).expect("observations");
        std::fs::write(
            dir.path().join(OBSERVATIONS_DIR).join("rent.csv"),
            "indicator,year,district,value\nrent,2015,,30\nrent,2020,,20\nrent,2015,Nord,30\nrent,2020,Nord,40\n",
        )
        .expect("data");
        dir
    }

    #[test]
    fn the_series_a_catalogue_counts_make_the_status_and_must_exist() {
        use crate::progress::{ProgressMethod, ProgressStatus};
        use crate::statuses::compute;

        // The headline improves; Nord worsens. Counting Nord gives its status.
        let headline = read_dataset(folder("").path(), &|_, _, _| {});
        let named = read_dataset(folder("district=Nord").path(), &|_, _, _| {});
        assert_eq!(named.errors(), 0, "{:?}", named.problems);
        let status = |report: &Report| {
            let statuses = compute(&report.dataset, ProgressMethod::OpenSdg);
            let s = statuses.indicator("rent").expect("rent").clone();
            let counted: Vec<String> = statuses
                .series
                .iter()
                .filter(|s| s.counts)
                .map(|s| s.dimensions.slug())
                .collect();
            (s.status, counted)
        };
        assert_eq!(
            status(&headline),
            (
                ProgressStatus::SubstantialProgress,
                vec!["total".to_owned()]
            )
        );
        assert_eq!(
            status(&named),
            (
                ProgressStatus::Deterioration,
                vec!["district=Nord".to_owned()]
            )
        );

        let missing = read_dataset(folder("district=Noord").path(), &|_, _, _| {});
        let p = &missing.problems[0];
        assert_eq!(
            (p.code, p.line, p.column.as_deref(), p.value.as_deref()),
            (
                crate::ProblemCode::UnknownSeries,
                Some(2),
                Some("progress_series"),
                Some("district=Noord")
            )
        );
        assert_eq!(
            p.reason,
            crate::Reason::UnknownSeries {
                indicator: "rent".into(),
                suggestion: Some("district=Nord".into())
            }
        );
        assert!(p.is_error());
    }
}
