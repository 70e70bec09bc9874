//! An accepted upload, applied to a new version of the draft: placed in a
//! copy of the draft (or of the working dataset), the whole dataset
//! checked, and only a dataset without errors kept. An observation file
//! whose name (less its extension) is already in the dataset is merged
//! with it: values are matched by indicator, period and disaggregation,
//! and the upload's value wins.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use indicators::read::observations::read_observations;
use indicators::read::table::load_table;
use indicators::read::{
    check_path, Context, ReadError, Report, DISTRICTS_FILE, GROUPS_FILE, OBSERVATIONS_DIR,
    QUALITATIVE_FILE, RECOMMENDATIONS_FILE,
};
use indicators::{Indicator, Observation};

use super::datasets::{replace_file, DatasetError, Datasets};
use super::drafts::ChangeKind;
use super::upload::Received;

/// Why an upload did not change the draft.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The dataset with this file has errors: the report lists them.
    #[error("the file has {} error(s)", .0.errors())]
    Problems(Box<Report>),
    #[error(transparent)]
    Dataset(#[from] DatasetError),
    #[error(transparent)]
    Read(#[from] ReadError),
}

/// A new version of the draft.
#[derive(Debug, Clone)]
pub struct Applied {
    pub dataset: String,
    /// One line for the draft's list of changes.
    pub summary: String,
    /// The check's warnings in the new version.
    pub warnings: usize,
}

/// The rows of a file as the reader saw them: its headers and first rows.
#[derive(Debug, Clone, Default)]
pub struct FirstRows {
    pub headers: Vec<String>,
    /// `(spreadsheet line, cells)`.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The first `count` rows of an archived upload, as read (none of the
/// boundaries file, which is JSON: its problems give line and column).
pub fn first_rows(path: &Path, name: &str, count: usize) -> FirstRows {
    if name.eq_ignore_ascii_case(DISTRICTS_FILE) {
        return FirstRows::default();
    }
    let (table, _) = load_table(path, name);
    let rows = (0..table.height().min(count))
        .map(|r| {
            let line = table.lines.get(r).copied().unwrap_or(r + 2);
            let cells = (0..table.headers.len())
                .map(|c| table.cell(c, r).to_owned())
                .collect();
            (line, cells)
        })
        .collect();
    FirstRows {
        headers: table.headers.clone(),
        rows,
    }
}

/// Applies `upload` (archived under `data_dir`) to dataset `base`.
pub fn apply(data_dir: &Path, base: &str, upload: &Received) -> Result<Applied, ApplyError> {
    let archived = data_dir.join(&upload.archived);
    let bytes = fs::read(&archived).map_err(|source| DatasetError {
        path: archived.clone(),
        source,
    })?;
    apply_file(data_dir, base, upload.kind, &upload.name, &bytes)
}

/// The file `name` of `kind` with contents `bytes`, applied to dataset
/// `base` as an upload is.
pub fn apply_file(
    data_dir: &Path,
    base: &str,
    kind: ChangeKind,
    name: &str,
    bytes: &[u8],
) -> Result<Applied, ApplyError> {
    let upload = Named { kind, name };
    let datasets = Datasets::new(data_dir);
    let base_dir = datasets.path(base);
    let mut summary = String::new();
    let mut warnings = 0;
    let dataset = datasets.derive(base, |dir| -> Result<(), ApplyError> {
        let target = match upload.kind {
            ChangeKind::Catalogue => dir.join(indicators::read::CATALOGUE_FILE),
            ChangeKind::Areas => dir.join(indicators::read::AREAS_FILE),
            ChangeKind::Actions => dir.join(indicators::read::ACTIONS_FILE),
            ChangeKind::Groups => dir.join(GROUPS_FILE),
            ChangeKind::Districts => dir.join(DISTRICTS_FILE),
            ChangeKind::Recommendations => dir.join(RECOMMENDATIONS_FILE),
            ChangeKind::Qualitative => dir.join(QUALITATIVE_FILE),
            ChangeKind::Observations => dir.join(OBSERVATIONS_DIR).join(upload.name),
        };
        let folder = dir.join(OBSERVATIONS_DIR);
        fs::create_dir_all(&folder).map_err(|source| DatasetError {
            path: folder.clone(),
            source,
        })?;
        // The file this upload continues: same name, or same name with
        // another extension (a CSV that replaces last year's workbook).
        let earlier = match upload.kind {
            ChangeKind::Observations => same_stem(&base_dir.join(OBSERVATIONS_DIR), upload.name),
            _ => None,
        };
        if let Some(earlier) = &earlier {
            remove(&folder.join(earlier))?;
        }
        if target.exists() {
            remove(&target)?;
        }
        replace_file(&target, bytes)?;
        let report = check_path(dir, &|_, _, _| {})?;
        if report.errors() > 0 {
            return Err(ApplyError::Problems(Box::new(report)));
        }
        summary = match (upload.kind, &earlier) {
            (ChangeKind::Observations, Some(earlier)) => {
                let catalogue = &report.dataset.indicators;
                let old = base_dir.join(OBSERVATIONS_DIR).join(earlier);
                let (merged, counts) = merge(&old, earlier, &target, upload.name, Some(catalogue));
                // The merged values replace the upload as a long CSV.
                let merged_name = format!("{}.csv", stem(upload.name));
                remove(&target)?;
                replace_file(&folder.join(&merged_name), merged.as_bytes())?;
                let report = check_path(dir, &|_, _, _| {})?;
                if report.errors() > 0 {
                    return Err(ApplyError::Problems(Box::new(report)));
                }
                warnings = report.warnings();
                format!(
                    "{} merged into {merged_name}: {} new value(s), {} changed, {} unchanged",
                    upload.name, counts.added, counts.changed, counts.unchanged
                )
            }
            (ChangeKind::Observations, None) => {
                warnings = report.warnings();
                let values = report
                    .files
                    .iter()
                    .find(|f| f.file.ends_with(upload.name))
                    .map_or(0, |f| f.observations);
                format!("{} added: {values} value(s)", upload.name)
            }
            (ChangeKind::Actions, _) => {
                warnings = report.warnings();
                format!(
                    "{} replaced ({} actions)",
                    ChangeKind::Actions,
                    report.dataset.actions.len()
                )
            }
            (
                ChangeKind::Groups
                | ChangeKind::Districts
                | ChangeKind::Recommendations
                | ChangeKind::Qualitative,
                _,
            ) => {
                warnings = report.warnings();
                rights_file_summary(upload.kind, &report.dataset.supplements)
            }
            (kind, _) => {
                warnings = report.warnings();
                format!(
                    "{} replaced ({} indicators, {} areas)",
                    kind,
                    report.dataset.indicators.len(),
                    report.dataset.areas.len()
                )
            }
        };
        Ok(())
    })?;
    Ok(Applied {
        dataset,
        summary,
        warnings,
    })
}

/// The draft's line for a rights file that replaced its predecessor: what
/// the whole dataset now has of it.
fn rights_file_summary(kind: ChangeKind, supplements: &indicators::model::Supplements) -> String {
    let (file, count, what) = match kind {
        ChangeKind::Groups => (GROUPS_FILE, supplements.groups.len(), "group mappings"),
        ChangeKind::Districts => (
            DISTRICTS_FILE,
            supplements
                .districts
                .as_ref()
                .map_or(0, |m| m.districts.len()),
            "districts",
        ),
        ChangeKind::Recommendations => (
            RECOMMENDATIONS_FILE,
            supplements.recommendations.len(),
            "recommendations",
        ),
        _ => (QUALITATIVE_FILE, supplements.statements.len(), "statements"),
    };
    format!("{file} replaced ({count} {what})")
}

/// What `apply_file` places: a file's kind and name.
struct Named<'a> {
    kind: ChangeKind,
    name: &'a str,
}

fn remove(path: &Path) -> Result<(), DatasetError> {
    fs::remove_file(path).map_err(|source| DatasetError {
        path: path.to_path_buf(),
        source,
    })
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The observation file in `folder` with `name`'s stem, if any.
fn same_stem(folder: &Path, name: &str) -> Option<String> {
    let wanted = stem(name).to_lowercase();
    fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|file| stem(file).to_lowercase() == wanted)
}

/// How a merge went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// Both files' values by (indicator, period, disaggregation), the new
/// file's winning, as a long CSV: `indicator,year,value,flag` and one
/// column per dimension.
pub fn merge(
    old: &Path,
    old_name: &str,
    new: &Path,
    new_name: &str,
    catalogue: Option<&[Indicator]>,
) -> (String, MergeCounts) {
    let read = |path: &Path, name: &str| {
        let (table, _) = load_table(path, name);
        let from_name = indicators::read::indicator_from_file_name(path);
        let context = Context {
            catalogue,
            file_indicator: from_name.as_deref(),
            translations: None,
        };
        read_observations(&table, name, context).observations
    };
    type Key = (String, String, String);
    let key = |o: &Observation| {
        (
            o.indicator_id.clone(),
            o.dimensions.slug(),
            o.period.label.clone(),
        )
    };
    let mut values: BTreeMap<Key, Observation> = read(old, old_name)
        .into_iter()
        .map(|o| (key(&o), o))
        .collect();
    let mut counts = MergeCounts::default();
    for o in read(new, new_name) {
        match values.insert(key(&o), o.clone()) {
            None => counts.added += 1,
            Some(before) if before.value == o.value && before.flags == o.flags => {
                counts.unchanged += 1;
            }
            Some(_) => counts.changed += 1,
        }
    }
    let mut dimensions: Vec<String> = values
        .values()
        .flat_map(|o| o.dimensions.pairs().iter().map(|(name, _)| name.clone()))
        .collect();
    dimensions.sort();
    dimensions.dedup();
    // Open SDG's `Progress` column, kept where a file had one.
    let progress = values.values().any(|o| o.progress.is_some());
    let mut out = csv_line(
        ["indicator", "year", "value", "flag"]
            .into_iter()
            .chain(progress.then_some("progress"))
            .map(str::to_owned)
            .chain(dimensions.iter().cloned()),
    );
    // Ordered by indicator, series, then year.
    let mut rows: Vec<&Observation> = values.values().collect();
    rows.sort_by(|a, b| {
        (&a.indicator_id, a.dimensions.slug(), &a.period).cmp(&(
            &b.indicator_id,
            b.dimensions.slug(),
            &b.period,
        ))
    });
    for o in rows {
        out.push_str(&csv_line(
            [
                o.indicator_id.clone(),
                o.period.label.clone(),
                o.value.to_string(),
                o.flags.clone(),
            ]
            .into_iter()
            .chain(progress.then(|| o.progress.map_or_else(String::new, |p| p.to_string())))
            .chain(
                dimensions
                    .iter()
                    .map(|d| o.dimensions.get(d).unwrap_or_default().to_owned()),
            ),
        ));
    }
    (out, counts)
}

pub(super) fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let mut line = cells
        .map(|cell| {
            if cell.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_keeps_old_values_and_takes_new_and_changed_ones_from_the_upload() {
        let dir = tempfile::TempDir::new().expect("temp");
        let old = dir.path().join("old.csv");
        let new = dir.path().join("new.csv");
        fs::write(
            &old,
            "indicator;year;value;district\nrent;2020;30,5;\nrent;2021;31,0;\nrent;2021;40;\"Nord, Alt\"\n",
        )
        .expect("write");
        fs::write(
            &new,
            "indicator,year,value,flag,district\nrent,2021,31.5,p,\nrent,2022,32,,\nrent,2021,40,,\"Nord, Alt\"\n",
        )
        .expect("write");
        let (merged, counts) = merge(&old, "old.csv", &new, "new.csv", None);
        assert_eq!(
            counts,
            MergeCounts {
                added: 1,
                changed: 1,
                unchanged: 1
            }
        );
        assert_eq!(
            merged,
            "indicator,year,value,flag,district\n\
             rent,2021,40,,\"Nord, Alt\"\n\
             rent,2020,30.5,,\n\
             rent,2021,31.5,p,\n\
             rent,2022,32,,\n"
        );
    }
}
