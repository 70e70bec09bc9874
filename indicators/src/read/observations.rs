//! Observation files, long or wide: which column is what, then every cell
//! checked with a problem a person can act on.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::catalogue::MAX_LABEL_CHARS;
use super::cell::{detect_decimal_separator, is_missing, parse_period, parse_value, ValueCell};
use super::table::{normalise_header, Table};
use super::text::{LineEnding, TextEncoding};
use crate::model::{DecimalSeparator, Dimensions, Indicator, Observation, Period, SourceRef};
use crate::problem::{Problem, ProblemCode};
use crate::sdg::edit_distance;

/// Header names (normalised) that give a column its role. Anything else is a
/// dimension (disaggregation).
const INDICATOR: &[&str] = &[
    "indicator",
    "indicator_id",
    "indikator",
    "indicateur",
    "indicador",
    "indic_ur",
];
const PERIOD: &[&str] = &[
    "year",
    "period",
    "fiscal_year",
    "jaar",
    "jahr",
    "année",
    "annee",
    "periode",
    "time",
    "time_period",
];
const VALUE: &[&str] = &["value", "waarde", "wert", "valeur", "obs_value"];
const FLAG: &[&str] = &[
    "flag",
    "flags",
    "obs_status",
    "obs_flag",
    "flag_and_footnotes",
];
const UNIT: &[&str] = &["unit", "eenheid", "einheit"];
/// Columns that are about a row but do not split a series.
const ATTRIBUTES: &[&str] = &[
    "comment_obs",
    "comment",
    "note",
    "notes",
    "geocode",
    "progress",
];

/// Long (one row per value) or wide (one column per period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Long,
    Wide,
}

/// What was learnt about one file while reading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    pub file: String,
    pub encoding: Option<TextEncoding>,
    pub line_ending: Option<LineEnding>,
    pub delimiter: Option<String>,
    pub decimal_separator: Option<DecimalSeparator>,
    pub shape: Option<Shape>,
    pub rows: usize,
    pub observations: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// One observation file read: what it holds and what is wrong with it.
#[derive(Debug, Clone)]
pub struct ObservationFile {
    pub summary: FileSummary,
    pub observations: Vec<Observation>,
    pub problems: Vec<Problem>,
}

/// What the reader checks ids and units against. With no catalogue (checking a
/// lone file) any id is accepted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub catalogue: Option<&'a [Indicator]>,
    /// The id to use when a file has no indicator column (from its name).
    pub file_indicator: Option<&'a str>,
    /// Open SDG translations: `data.Key` in headers and cells becomes the
    /// display text of `Key`.
    pub translations: Option<&'a HashMap<String, String>>,
}

/// Resolves `data.Key` through the translations; other text is returned as is.
/// `Err(key)` when the key has no translation (the key itself is then used).
fn translate<'t>(
    text: &'t str,
    translations: Option<&'t HashMap<String, String>>,
) -> Result<&'t str, &'t str> {
    match text.strip_prefix("data.") {
        None => Ok(text),
        Some(key) => match translations.and_then(|t| t.get(key)) {
            Some(display) => Ok(display.as_str()),
            None => Err(key),
        },
    }
}

/// Reads observations from a loaded table.
pub fn read_observations(table: &Table, file: &str, ctx: Context<'_>) -> ObservationFile {
    let mut problems = Vec::new();
    let mut summary = FileSummary {
        file: file.to_string(),
        encoding: table.encoding,
        line_ending: table.line_ending,
        delimiter: table.delimiter.map(|d| (d as char).to_string()),
        decimal_separator: None,
        shape: None,
        rows: table.height(),
        observations: 0,
        errors: 0,
        warnings: 0,
    };
    let indicator_col = table.find(INDICATOR);
    let period_col = table.find(PERIOD);
    let value_col = table.find(VALUE);
    let flag_col = table.find(FLAG);
    let unit_col = table.find(UNIT);
    let progress_col = table.find(&["progress"]);
    let wide_periods: Vec<(usize, Period)> = table
        .headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| parse_period(h).map(|p| (i, p)))
        .collect();
    let shape = match (period_col, value_col) {
        (Some(_), Some(_)) => Shape::Long,
        (None, None) if wide_periods.len() >= 2 => Shape::Wide,
        _ => {
            let missing = if period_col.is_none() {
                "a `year` column"
            } else {
                "a `value` column"
            };
            problems.push(
                Problem::error(ProblemCode::MissingColumn, file, format!("the file has no {missing}, and it is not a wide table with years as column headers"), "Add `year` and `value` columns (long shape), or put one period per column header such as 2019, 2020 (wide shape).")
                    .at_line(1),
            );
            return finish(summary, Vec::new(), problems);
        }
    };
    summary.shape = Some(shape);
    if indicator_col.is_none() && ctx.file_indicator.is_none() {
        problems.push(Problem::error(ProblemCode::MissingColumn, file, "the file has no `indicator` column", "Add an `indicator` column with catalogue ids, or name the file after the indicator (e.g. rent-burden.csv).").at_line(1));
        return finish(summary, Vec::new(), problems);
    }
    let role_columns: Vec<usize> = [indicator_col, period_col, value_col, flag_col, unit_col]
        .into_iter()
        .flatten()
        .collect();
    let dimension_cols: Vec<usize> = (0..table.headers.len())
        .filter(|c| !role_columns.contains(c))
        .filter(|c| !wide_periods.iter().any(|(w, _)| w == c) || shape == Shape::Long)
        .filter(|c| !ATTRIBUTES.contains(&normalise_header(&table.headers[*c]).as_str()))
        .filter(|c| {
            !table.headers[*c].trim().is_empty()
                || (0..table.height()).any(|r| !table.cell(*c, r).trim().is_empty())
        })
        .collect();
    let mut untranslated: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let dimension_names: Vec<String> = dimension_cols
        .iter()
        .map(|&c| {
            let h = table.headers[c].trim().trim_matches('"');
            let h = translate(h, ctx.translations).unwrap_or_else(|key| {
                untranslated.insert(key.to_string());
                key
            });
            if h.is_empty() {
                format!("column {}", c + 1)
            } else {
                h.to_string()
            }
        })
        .collect();

    // Cells that hold values, as (row, column, period when wide).
    let value_cells: Vec<&str> = match shape {
        Shape::Long => value_col
            .map(|c| (0..table.height()).map(|r| table.cell(c, r)).collect())
            .unwrap_or_default(),
        Shape::Wide => wide_periods
            .iter()
            .flat_map(|(c, _)| (0..table.height()).map(move |r| table.cell(*c, r)))
            .collect(),
    };
    let detected =
        detect_decimal_separator(value_cells.iter().copied(), table.delimiter.unwrap_or(b','));
    summary.decimal_separator = Some(detected);

    let mut observations = Vec::new();
    // Keys by interned id and dimension set: no string clones per row.
    let mut seen: HashMap<(u32, i32, u32), (usize, Option<f64>)> = HashMap::new();
    let mut id_numbers: HashMap<String, u32> = HashMap::new();
    let mut dims_numbers: HashMap<Dimensions, u32> = HashMap::new();
    let file_name: std::sync::Arc<str> = std::sync::Arc::from(file);
    let mut previous_dims: Option<(usize, Dimensions)> = None;
    let mut series_units: HashMap<(String, Dimensions), (String, usize)> = HashMap::new();
    let known_ids: Option<Vec<&str>> = ctx
        .catalogue
        .map(|c| c.iter().map(|i| i.id.as_str()).collect());
    let mut unknown_reported: HashMap<String, usize> = HashMap::new();

    for row in 0..table.height() {
        let line = table.lines[row];
        let id = indicator_col
            .map(|c| super::cell::clean(table.cell(c, row)).to_string())
            .or_else(|| ctx.file_indicator.map(str::to_string))
            .unwrap_or_default();
        if id.is_empty() {
            problems.push(
                Problem::error(
                    ProblemCode::UnknownIndicator,
                    file,
                    "the indicator id is empty",
                    "Fill in the catalogue id of the indicator this row belongs to.",
                )
                .at_line(line)
                .in_column(&table.headers[indicator_col.unwrap_or(0)]),
            );
            continue;
        }
        let indicator = ctx.catalogue.and_then(|c| c.iter().find(|i| i.id == id));
        if let Some(known) = &known_ids {
            if indicator.is_none() {
                // One error per unknown id and file is enough to act on.
                let count = unknown_reported.entry(id.clone()).or_insert(0);
                *count += 1;
                if *count == 1 {
                    let mut near: Vec<(usize, &str)> =
                        known.iter().map(|k| (edit_distance(&id, k), *k)).collect();
                    near.sort();
                    let hint = near.first().map(|(_, k)| format!("Did you mean `{k}`? Add the indicator to catalogue.csv or correct the id.")).unwrap_or_else(|| "Add the indicator to catalogue.csv.".into());
                    let column = indicator_col
                        .map(|c| table.headers[c].clone())
                        .unwrap_or_else(|| "(file name)".into());
                    problems.push(
                        Problem::error(
                            ProblemCode::UnknownIndicator,
                            file,
                            format!("no indicator `{id}` in the catalogue"),
                            hint,
                        )
                        .at_line(line)
                        .in_column(&column)
                        .with_value(&id),
                    );
                }
                continue;
            }
        }
        let decimal = indicator
            .and_then(|i| i.decimal_separator)
            .unwrap_or(detected);

        // Consecutive rows usually belong to the same series: reuse its set.
        let reuse = match &previous_dims {
            Some((previous_row, dims))
                if *previous_row + 1 == row
                    && dimension_cols
                        .iter()
                        .all(|&c| table.cell(c, row) == table.cell(c, row - 1)) =>
            {
                Some(dims.clone())
            }
            _ => None,
        };
        let dims = match reuse {
            Some(dims) => dims,
            None => {
                let mut dims = Vec::with_capacity(dimension_cols.len());
                let mut bad_label = false;
                for (k, &c) in dimension_cols.iter().enumerate() {
                    let raw = table.cell(c, row);
                    let value = super::cell::clean(raw);
                    let value = translate(value, ctx.translations).unwrap_or_else(|key| {
                        if untranslated.insert(key.to_string()) {
                            problems.push(
                                Problem::warning(ProblemCode::UnknownTranslation, file, format!("`data.{key}` has no translation, so the key itself is shown"), "Add the key to the repository's translations (data.yml).")
                                    .at_line(line)
                                    .in_column(&table.headers[c])
                                    .with_value(raw),
                            );
                        }
                        key
                    });
                    if value.chars().count() > MAX_LABEL_CHARS {
                        problems.push(Problem::error(ProblemCode::LabelTooLong, file, format!("the label is {} characters long; the limit is {MAX_LABEL_CHARS}", value.chars().count()), "Shorten the disaggregation label.").at_line(line).in_column(&table.headers[c]).with_value(value));
                        bad_label = true;
                    }
                    dims.push((dimension_names[k].clone(), value.to_string()));
                }
                if bad_label {
                    continue;
                }
                Dimensions::new(dims)
            }
        };
        previous_dims = Some((row, dims.clone()));

        if let (Some(c), Some(indicator)) = (unit_col, indicator) {
            let unit = super::cell::clean(table.cell(c, row));
            if !unit.is_empty() && !unit.eq_ignore_ascii_case(indicator.unit.trim()) {
                problems.push(Problem::error(ProblemCode::UnitMismatch, file, format!("the unit differs from the catalogue's `{}`", indicator.unit), "Convert the value to the catalogue's unit, or correct the unit in catalogue.csv.").at_line(line).in_column(&table.headers[c]).with_value(unit));
                continue;
            }
        } else if let Some(c) = unit_col {
            let unit = super::cell::clean(table.cell(c, row)).to_string();
            let key = (id.clone(), dims.clone());
            match series_units.get(&key) {
                Some((first, first_line)) if !unit.is_empty() && *first != unit => {
                    problems.push(Problem::error(ProblemCode::UnitMismatch, file, format!("the unit differs from `{first}` on line {first_line} of the same series"), "Use one unit per series, or add a column that tells the series apart.").at_line(line).in_column(&table.headers[c]).with_value(&unit));
                    continue;
                }
                None if !unit.is_empty() => {
                    series_units.insert(key, (unit, line));
                }
                _ => {}
            }
        }

        let id_number = match id_numbers.get(id.as_str()) {
            Some(&n) => n,
            None => {
                let n = id_numbers.len() as u32;
                id_numbers.insert(id.clone(), n);
                n
            }
        };
        let dims_number = match dims_numbers.get(&dims) {
            Some(&n) => n,
            None => {
                let n = dims_numbers.len() as u32;
                dims_numbers.insert(dims.clone(), n);
                n
            }
        };
        let flag_cell = flag_col
            .map(|c| super::cell::clean(table.cell(c, row)).to_string())
            .unwrap_or_default();
        let mut cells: Vec<(Period, &str, String)> = Vec::new();
        match shape {
            Shape::Long => {
                let Some(pc) = period_col else { continue };
                let raw = table.cell(pc, row);
                match parse_period(raw) {
                    Some(period) => cells.push((
                        period,
                        table.cell(value_col.unwrap_or(0), row),
                        table.headers[value_col.unwrap_or(0)].clone(),
                    )),
                    None => {
                        problems.push(
                            Problem::error(ProblemCode::BadPeriod, file, "this is not a year or period between 1900 and 2100", "Write a year (2021), a fiscal year (2020/2021 or 2020-21) or a range (2004-2013).")
                                .at_line(line)
                                .in_column(&table.headers[pc])
                                .with_value(raw),
                        );
                        continue;
                    }
                }
            }
            Shape::Wide => {
                for (c, period) in &wide_periods {
                    cells.push((
                        period.clone(),
                        table.cell(*c, row),
                        table.headers[*c].clone(),
                    ));
                }
            }
        }
        for (period, raw, column) in cells {
            let (value, flags) = match parse_value(raw, decimal) {
                ValueCell::Number { value, flags } => (Some(value), join_flags(&flags, &flag_cell)),
                ValueCell::Missing { flags } => (None, join_flags(&flags, &flag_cell)),
                ValueCell::Invalid => {
                    problems.push(
                        Problem::error(
                            ProblemCode::NotANumber,
                            file,
                            "the value is not a number",
                            number_hint(decimal),
                        )
                        .at_line(line)
                        .in_column(&column)
                        .with_value(raw),
                    );
                    continue;
                }
            };
            let key = (id_number, period.year, dims_number);
            if let Some((first_line, first_value)) = seen.get(&key) {
                let (code, message) = match (first_value, value) {
                    (Some(a), Some(b)) if a != &b => (Some(ProblemCode::DuplicateObservation), format!("{id} {} {dims} already has the value {a} on line {first_line}", period.label)),
                    (Some(_), Some(_)) => (Some(ProblemCode::RepeatedObservation), format!("{id} {} {dims} repeats line {first_line} with the same value", period.label)),
                    (None, None) => (None, String::new()),
                    _ => (Some(ProblemCode::RepeatedObservation), format!("{id} {} {dims} also appears on line {first_line}, once without a value", period.label)),
                };
                match code {
                    Some(ProblemCode::DuplicateObservation) => problems.push(
                        Problem::error(ProblemCode::DuplicateObservation, file, message, "Keep one row per indicator, period and disaggregation; delete or correct the other.")
                            .at_line(line)
                            .in_column(&column)
                            .with_value(raw),
                    ),
                    Some(code) => problems.push(Problem::warning(code, file, message, "Delete the repeated row.").at_line(line).in_column(&column).with_value(raw)),
                    None => {}
                }
                continue;
            }
            seen.insert(key, (line, value));
            let Some(value) = value else { continue };
            if !flags.is_empty() {
                problems.push(
                    Problem::warning(ProblemCode::FlaggedValue, file, format!("the value carries the flag `{flags}`"), "Flags are kept and shown with the value; nothing to do if the flag is right.")
                        .at_line(line)
                        .in_column(&column)
                        .with_value(raw),
                );
            }
            let progress =
                progress_col.and_then(|c| match parse_value(table.cell(c, row), decimal) {
                    ValueCell::Number { value, .. } => Some(value),
                    _ => None,
                });
            observations.push(Observation {
                indicator_id: id.clone(),
                period,
                dimensions: dims.clone(),
                value,
                flags,
                progress,
                source: SourceRef {
                    file: file_name.clone(),
                    line,
                },
            });
        }
    }
    finish(summary, observations, problems)
}

fn join_flags(inline: &str, column: &str) -> String {
    match (
        inline.is_empty(),
        column.is_empty() || is_missing(column) && column != "-",
    ) {
        (true, true) => String::new(),
        (false, true) => inline.to_string(),
        (true, false) => column.to_string(),
        (false, false) if inline == column => inline.to_string(),
        (false, false) => format!("{inline} {column}"),
    }
}

fn number_hint(decimal: DecimalSeparator) -> &'static str {
    match decimal {
        DecimalSeparator::Comma => "This file uses a decimal comma: write a number such as 12,5, or leave the cell empty (or `..`) if there is no value.",
        DecimalSeparator::Point => "Write a number such as 12.5, or leave the cell empty (or `..`) if there is no value.",
    }
}

fn finish(
    mut summary: FileSummary,
    observations: Vec<Observation>,
    problems: Vec<Problem>,
) -> ObservationFile {
    summary.observations = observations.len();
    summary.errors = problems.iter().filter(|p| p.is_error()).count();
    summary.warnings = problems.len() - summary.errors;
    ObservationFile {
        summary,
        observations,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Direction;
    use crate::read::table::load_csv;

    fn read(text: &str, catalogue: Option<&[Indicator]>) -> ObservationFile {
        let (table, problems) = load_csv(text.as_bytes(), "obs.csv");
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
        read_observations(
            &table,
            "obs.csv",
            Context {
                catalogue,
                file_indicator: None,
                translations: None,
            },
        )
    }

    fn codes(file: &ObservationFile) -> Vec<(ProblemCode, Option<usize>)> {
        file.problems.iter().map(|p| (p.code, p.line)).collect()
    }

    #[test]
    fn long_file_with_dimensions_flags_and_missing_values() {
        let f = read("indicator,year,sex,value,flag\np,2020,,12.5,\np,2021,,13.0,p\np,2021,female,..,\np,2022,female,14 e,\n", None);
        assert_eq!(f.summary.shape, Some(Shape::Long));
        assert_eq!(f.observations.len(), 3);
        assert_eq!(f.observations[1].flags, "p");
        assert_eq!(f.observations[2].flags, "e");
        assert_eq!(f.observations[2].dimensions.get("sex"), Some("female"));
        assert_eq!(
            codes(&f),
            [
                (ProblemCode::FlaggedValue, Some(3)),
                (ProblemCode::FlaggedValue, Some(5))
            ]
        );
    }

    #[test]
    fn wide_dutch_file_with_decimal_commas_and_headline_rows() {
        let f = read("Indikator;Stadtteil;2019;2020;2021\nrent;;34,1;34,6;..\nrent;Altstadt;36,2;1.036,0;36,9\n", None);
        assert_eq!(f.summary.shape, Some(Shape::Wide));
        assert_eq!(f.summary.decimal_separator, Some(DecimalSeparator::Comma));
        let values: Vec<_> = f
            .observations
            .iter()
            .map(|o| {
                (
                    o.period.year,
                    o.dimensions.get("Stadtteil").map(str::to_string),
                    o.value,
                )
            })
            .collect();
        assert_eq!(values[0], (2019, None, 34.1));
        assert_eq!(values[3], (2020, Some("Altstadt".into()), 1036.0));
        assert_eq!(f.observations.len(), 5);
    }

    #[test]
    fn fiscal_years_keep_their_label() {
        let f = read(
            "indicator,fiscal_year,value\nb,2017-18,1.5\nb,2018/2019,1.6\n",
            None,
        );
        let periods: Vec<_> = f
            .observations
            .iter()
            .map(|o| (o.period.year, o.period.label.as_str()))
            .collect();
        assert_eq!(periods, [(2017, "2017-18"), (2018, "2018/2019")]);
    }

    #[test]
    fn prose_in_a_year_cell_is_a_bad_period_with_line_and_column() {
        let f = read("indicator,Year,Value\np,2019,1\np,Prior to 2015,2\n", None);
        let p = &f.problems[0];
        assert_eq!(
            (p.code, p.line, p.column.as_deref(), p.value.as_deref()),
            (
                ProblemCode::BadPeriod,
                Some(3),
                Some("Year"),
                Some("Prior to 2015")
            )
        );
    }

    #[test]
    fn duplicate_keys_with_different_values_are_errors_and_same_values_warnings() {
        let f = read(
            "indicator,year,value\np,2020,1\np,2020,2\np,2021,3\np,2021,3\n",
            None,
        );
        assert_eq!(
            codes(&f),
            [
                (ProblemCode::DuplicateObservation, Some(3)),
                (ProblemCode::RepeatedObservation, Some(5))
            ]
        );
        assert!(
            f.problems[0].message.contains("line 2"),
            "{}",
            f.problems[0].message
        );
    }

    #[test]
    fn non_numeric_values_are_errors_naming_the_cell() {
        let f = read("indicator;jaar;waarde\np;2020;12,x\n", None);
        let p = &f.problems[0];
        assert_eq!(
            (p.code, p.line, p.column.as_deref(), p.value.as_deref()),
            (
                ProblemCode::NotANumber,
                Some(2),
                Some("waarde"),
                Some("12,x")
            )
        );
        assert!(p.hint.contains("decimal comma"));
    }

    #[test]
    fn unknown_indicator_suggests_the_nearest_catalogue_id_once_per_file() {
        let catalogue = [Indicator::new(
            "poverty-rate",
            "P",
            "%",
            Direction::Lower,
            &["1.2"],
        )];
        let f = read(
            "indicator,year,value\npoverty-rat,2020,1\npoverty-rat,2021,1\n",
            Some(&catalogue),
        );
        assert_eq!(codes(&f), [(ProblemCode::UnknownIndicator, Some(2))]);
        assert!(f.problems[0].hint.contains("`poverty-rate`"));
    }

    #[test]
    fn unit_must_agree_with_the_catalogue() {
        let catalogue = [Indicator::new("p", "P", "%", Direction::Lower, &["1.2"])];
        let f = read(
            "indicator,year,unit,value\np,2020,%,1\np,2021,per 1000,2\n",
            Some(&catalogue),
        );
        assert_eq!(codes(&f), [(ProblemCode::UnitMismatch, Some(3))]);
    }

    #[test]
    fn unit_must_be_constant_within_a_series_without_catalogue() {
        let f = read(
            "indicator,year,unit,value\np,2020,Percent,1\np,2021,Number,2\n",
            None,
        );
        assert_eq!(codes(&f), [(ProblemCode::UnitMismatch, Some(3))]);
    }

    #[test]
    fn file_name_gives_the_indicator_when_there_is_no_column() {
        let (table, _) = load_csv(b"Year,Value\n2020,1\n", "indicator_1-1-1.csv");
        let f = read_observations(
            &table,
            "indicator_1-1-1.csv",
            Context {
                catalogue: None,
                file_indicator: Some("1-1-1"),
                translations: None,
            },
        );
        assert_eq!(f.observations[0].indicator_id, "1-1-1");
    }

    #[test]
    fn translation_keys_in_headers_and_cells_are_resolved() {
        let translations = HashMap::from([
            ("Geography".to_string(), "Geography".to_string()),
            ("Canada".to_string(), "Canada (country)".to_string()),
        ]);
        let (table, _) = load_csv(b"\"Year\",\"data.Geography\",\"Value\"\n\"2020\",\"data.Canada\",1\n\"2021\",\"data.Atlantis\",2\n", "x.csv");
        let f = read_observations(
            &table,
            "x.csv",
            Context {
                catalogue: None,
                file_indicator: Some("x"),
                translations: Some(&translations),
            },
        );
        assert_eq!(
            f.observations[0].dimensions.get("Geography"),
            Some("Canada (country)")
        );
        assert_eq!(
            f.observations[1].dimensions.get("Geography"),
            Some("Atlantis")
        );
        assert_eq!(codes(&f), [(ProblemCode::UnknownTranslation, Some(3))]);
    }

    #[test]
    fn a_file_without_year_or_value_columns_says_what_shapes_work() {
        let f = read("indicator,when,amount\np,2020,1\n", None);
        assert_eq!(codes(&f), [(ProblemCode::MissingColumn, Some(1))]);
        assert!(f.problems[0].hint.contains("wide shape"));
    }
}
