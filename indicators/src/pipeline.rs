//! Reads a city dataset folder into a [`Dataset`] with polars.
//!
//! A dataset folder holds `catalogue.csv` (one row per indicator) and
//! `observations.csv` (one row per value, long shape). Every cell is read as text
//! by a lazy polars scan and then checked here, so an error can name the file,
//! the line as a spreadsheet shows it, the column and the value.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::model::{Dataset, Direction, Indicator, Observation};
use crate::sdg;

/// The catalogue file inside a dataset folder.
pub const CATALOGUE_FILE: &str = "catalogue.csv";
/// The observations file inside a dataset folder.
pub const OBSERVATIONS_FILE: &str = "observations.csv";

/// Why a dataset could not be read. Each variant says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("could not read {path}: {source}. Check that the file exists and is a comma-separated CSV file with a header row.")]
    Csv {
        path: PathBuf,
        #[source]
        source: PolarsError,
    },
    #[error("{path}: the column `{column}` is missing. Add a column with this exact header.")]
    MissingColumn { path: PathBuf, column: &'static str },
    #[error("{path}, line {line}, column `{column}`: {reason} (found {value:?}). {hint}")]
    InvalidValue {
        path: PathBuf,
        /// The line as a spreadsheet numbers it (the header is line 1).
        line: usize,
        column: &'static str,
        value: String,
        reason: &'static str,
        hint: &'static str,
    },
    #[error("{path}, line {line}, column `indicator_id`: no indicator `{id}` in the catalogue. Add it to catalogue.csv or correct the id.")]
    UnknownIndicator { path: PathBuf, line: usize, id: String },
}

/// Reads `catalogue.csv` and `observations.csv` from `dir`.
pub fn read_dataset(dir: &Path) -> Result<Dataset, ReadError> {
    let indicators = read_catalogue(&dir.join(CATALOGUE_FILE))?;
    let observations = read_observations(&dir.join(OBSERVATIONS_FILE), &indicators)?;
    Ok(Dataset { indicators, observations })
}

/// A CSV file read fully as text, with the columns this module asked for.
struct TextTable {
    path: PathBuf,
    frame: DataFrame,
}

impl TextTable {
    /// Scans `path` lazily with every column as text and keeps `columns`.
    fn scan(path: &Path, columns: &[&'static str]) -> Result<Self, ReadError> {
        let csv_err = |source| ReadError::Csv { path: path.to_path_buf(), source };
        let pl_path = PlRefPath::try_from_path(path).map_err(csv_err)?;
        let lazy = LazyCsvReader::new(pl_path)
            .with_has_header(true)
            // Everything as text: the checks below give errors with line numbers
            // instead of a type-inference failure somewhere in the file.
            .with_infer_schema_length(Some(0))
            .finish()
            .map_err(csv_err)?;
        let schema = lazy.clone().collect_schema().map_err(csv_err)?;
        for column in columns {
            if schema.get(column).is_none() {
                return Err(ReadError::MissingColumn { path: path.to_path_buf(), column });
            }
        }
        let frame = lazy
            .select(columns.iter().map(|c| col(*c)).collect::<Vec<_>>())
            .collect()
            .map_err(csv_err)?;
        Ok(Self { path: path.to_path_buf(), frame })
    }

    fn height(&self) -> usize {
        self.frame.height()
    }

    fn strings(&self, column: &'static str) -> Result<&StringChunked, ReadError> {
        self.frame
            .column(column)
            .and_then(|c| c.str())
            .map_err(|source| ReadError::Csv { path: self.path.clone(), source })
    }

    fn invalid(
        &self,
        row: usize,
        column: &'static str,
        value: Option<&str>,
        reason: &'static str,
        hint: &'static str,
    ) -> ReadError {
        ReadError::InvalidValue {
            path: self.path.clone(),
            line: row + 2,
            column,
            value: value.unwrap_or_default().to_string(),
            reason,
            hint,
        }
    }
}

fn read_catalogue(path: &Path) -> Result<Vec<Indicator>, ReadError> {
    let table = TextTable::scan(path, &["id", "title", "unit", "direction", "sdg_target"])?;
    let (ids, titles, units, directions, targets) = (
        table.strings("id")?,
        table.strings("title")?,
        table.strings("unit")?,
        table.strings("direction")?,
        table.strings("sdg_target")?,
    );
    let mut out = Vec::with_capacity(table.height());
    for row in 0..table.height() {
        let id = match ids.get(row).map(str::trim) {
            Some(id) if !id.is_empty() => id.to_string(),
            other => {
                return Err(table.invalid(row, "id", other, "the id is empty", "Give every indicator a short unique id such as `poverty-rate`."))
            }
        };
        let direction = match directions.get(row).map(str::trim) {
            Some("higher") => Direction::Higher,
            Some("lower") => Direction::Lower,
            other => {
                return Err(table.invalid(row, "direction", other, "the direction is not `higher` or `lower`", "Write `higher` if a higher value is progress, else `lower`."))
            }
        };
        let target = targets.get(row).map(str::trim).unwrap_or_default();
        let Some(goal) = sdg::goal_of_target(target) else {
            return Err(table.invalid(row, "sdg_target", Some(target), "this is not an SDG target id", "Write the target as goal.target, e.g. `1.2` or `5.a`."));
        };
        out.push(Indicator {
            id,
            title: titles.get(row).unwrap_or_default().trim().to_string(),
            unit: units.get(row).unwrap_or_default().trim().to_string(),
            direction,
            sdg_target: target.to_string(),
            goal,
        });
    }
    Ok(out)
}

fn read_observations(path: &Path, catalogue: &[Indicator]) -> Result<Vec<Observation>, ReadError> {
    let table = TextTable::scan(path, &["indicator_id", "year", "sex", "value"])?;
    let (ids, years, sexes, values) = (
        table.strings("indicator_id")?,
        table.strings("year")?,
        table.strings("sex")?,
        table.strings("value")?,
    );
    let mut out = Vec::with_capacity(table.height());
    for row in 0..table.height() {
        let id = ids.get(row).unwrap_or_default().trim();
        if !catalogue.iter().any(|i| i.id == id) {
            return Err(ReadError::UnknownIndicator { path: path.to_path_buf(), line: row + 2, id: id.to_string() });
        }
        let year_text = years.get(row);
        let year = match year_text.map(str::trim).and_then(|y| y.parse::<i32>().ok()) {
            Some(year) if (1900..=2100).contains(&year) => year,
            _ => return Err(table.invalid(row, "year", year_text, "the year is not a four-digit year", "Write the year as a number such as 2021.")),
        };
        let value_text = values.get(row).map(str::trim);
        let value = match value_text {
            // An empty cell is a missing value, not an error.
            None | Some("") => continue,
            Some(text) => match text.parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => return Err(table.invalid(row, "value", value_text, "the value is not a number", "Write a number with a dot for decimals, e.g. 12.5, or leave the cell empty if there is no value.")),
            },
        };
        let sex = sexes.get(row).map(str::trim).filter(|s| !s.is_empty()).map(str::to_lowercase);
        out.push(Observation { indicator_id: id.to_string(), year, sex, value });
    }
    out.sort_by(|a, b| {
        (a.indicator_id.as_str(), &a.sex, a.year).cmp(&(b.indicator_id.as_str(), &b.sex, b.year))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn dataset(catalogue: &str, observations: &str) -> (tempdir::Dir, Result<Dataset, ReadError>) {
        let dir = tempdir::Dir::new();
        fs::write(dir.path().join(CATALOGUE_FILE), catalogue).expect("write catalogue");
        fs::write(dir.path().join(OBSERVATIONS_FILE), observations).expect("write observations");
        let result = read_dataset(dir.path());
        (dir, result)
    }

    const CATALOGUE: &str = "id,title,unit,direction,sdg_target\npoverty,Residents in poverty,%,lower,1.2\n";

    #[test]
    fn reads_catalogue_and_observations_sorted_with_missing_values_skipped() {
        let (_dir, result) = dataset(
            CATALOGUE,
            "indicator_id,year,sex,value\npoverty,2021,,11.5\npoverty,2020,,12\npoverty,2020,Female,13\npoverty,2019,,\n",
        );
        let data = result.expect("valid dataset");
        assert_eq!(data.indicators[0].goal, 1);
        let points: Vec<_> = data.observations.iter().map(|o| (o.year, o.sex.as_deref(), o.value)).collect();
        assert_eq!(points, vec![(2020, None, 12.0), (2021, None, 11.5), (2020, Some("female"), 13.0)]);
    }

    #[test]
    fn non_numeric_value_names_line_column_and_value() {
        let (_dir, result) = dataset(CATALOGUE, "indicator_id,year,sex,value\npoverty,2020,,12\npoverty,2021,,twelve\n");
        match result {
            Err(ReadError::InvalidValue { line, column, value, .. }) => {
                assert_eq!((line, column, value.as_str()), (3, "value", "twelve"));
            }
            other => panic!("expected an invalid value error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_indicator_is_reported_with_its_line() {
        let (_dir, result) = dataset(CATALOGUE, "indicator_id,year,sex,value\npovrety,2020,,12\n");
        let err = result.expect_err("unknown id must fail");
        assert!(matches!(&err, ReadError::UnknownIndicator { line: 2, id, .. } if id == "povrety"), "{err}");
        assert!(err.to_string().contains("Add it to catalogue.csv"), "{err}");
    }

    #[test]
    fn missing_column_is_named() {
        let (_dir, result) = dataset(CATALOGUE, "indicator_id,year,value\npoverty,2020,12\n");
        assert!(matches!(result, Err(ReadError::MissingColumn { column: "sex", .. })));
    }

    #[test]
    fn bad_direction_is_rejected() {
        let (_dir, result) = dataset(
            "id,title,unit,direction,sdg_target\npoverty,P,%,down,1.2\n",
            "indicator_id,year,sex,value\n",
        );
        assert!(matches!(result, Err(ReadError::InvalidValue { column: "direction", line: 2, .. })));
    }

    /// A throwaway directory removed on drop (std only, to keep dependencies few).
    mod tempdir {
        use std::path::{Path, PathBuf};
        use std::sync::atomic::{AtomicUsize, Ordering};

        pub struct Dir(PathBuf);

        impl Dir {
            pub fn new() -> Self {
                static NEXT: AtomicUsize = AtomicUsize::new(0);
                let path = std::env::temp_dir().join(format!(
                    "localgoals-test-{}-{}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).expect("create temp dir");
                Self(path)
            }
            pub fn path(&self) -> &Path {
                &self.0
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }
}
