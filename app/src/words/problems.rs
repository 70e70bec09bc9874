//! A problem in a file, worded: what is wrong (the message) and what to do
//! about it (the hint), for the person who keeps the spreadsheet.

use crate::i18n::Locale;
use indicators::model::DecimalSeparator;
use indicators::problem::{MissingRole, Problem, Reason};
use indicators::AreaKind;
use indicators::Labels;

use super::series_label;

/// What is wrong, in a sentence fragment: `the value is not a number`.
pub fn problem_message(problem: &Problem) -> String {
    use Reason::{
        BadAreaId, BadAreaKind, BadDecimalSeparator, BadDecimals, BadDirection, BadId, BadLanguage,
        BadNumber, BadPeriod, BadSeriesSlug, BadUpdateFrequency, BadVisibility, BadYaml, BadYear,
        ConflictAcrossFiles, ConflictInFile, DecodedAsWindows1252, DuplicateFile,
        DuplicateIndicator, EmptyFile, EmptyIndicatorId, EmptySheet, FlaggedValue, HalfATarget,
        LabelTooLong, MissingColumn, MissingTranslation, MissingYears, NoDataFile, NoFrontMatter,
        NoIndicatorColumn, NoMetaFile, NoObservationFiles, NoSuchSheet, NoTarget, NoTitle,
        NoTitleColumn, NoYearOrValueColumn, NotADataset, NotANumber, NotCsv, RaggedRow,
        RepeatedAcrossFiles, RepeatedInFile, RepeatedWithoutValue, SettingsColumns, TitleTooLong,
        UnitDiffersFromCatalogue, UnitDiffersInSeries, UnknownArea, UnknownIndicator,
        UnknownProgressMethod, UnknownSeries, UnknownSetting, UnknownTarget, UnknownTranslation,
        Unopenable, UnreadableWorkbook,
    };
    match &problem.reason {
        Unopenable { error } => format!("the file could not be opened: {error}"),
        NotCsv { error } => format!("the file could not be read as CSV: {error}"),
        UnreadableWorkbook { error } => format!("the workbook could not be read: {error}"),
        NoSuchSheet { sheet, .. } => format!("the workbook has no sheet \"{sheet}\""),
        DecodedAsWindows1252 => "the file is not UTF-8, so it was read as Windows-1252".into(),
        EmptyFile => "the file is empty".into(),
        EmptySheet { sheet } => format!("the sheet \"{sheet}\" is empty"),
        RaggedRow { cells, expected } => {
            format!("this row has {cells} cells but the header has {expected}")
        }
        NoObservationFiles => "there are no observation files".into(),
        NotADataset => "no catalogue.csv and no indicator_*.csv files here".into(),
        SettingsColumns => "settings.csv needs the columns `key` and `value`".into(),
        UnknownProgressMethod { .. } => "unknown progress method".into(),
        UnknownSetting { .. } => format!(
            "unknown setting `{}` is ignored",
            problem.value.as_deref().unwrap_or_default()
        ),
        DuplicateFile {
            indicator,
            first_file,
        } => format!("a second file for indicator {indicator}; {first_file} has it too"),
        NoMetaFile { indicator } => format!("no meta file for indicator {indicator}"),
        NoDataFile { indicator } => {
            format!("indicator {indicator} has metadata but no data file")
        }
        NoFrontMatter => "the file has no YAML front matter between `---` lines".into(),
        BadYaml { error } => format!("the metadata is not valid YAML: {error}"),
        UnknownTranslation { key } => {
            format!("`data.{key}` has no translation, so the key itself is shown")
        }
        BadLanguage => format!(
            "`{}` is not a two-letter language code",
            problem.value.as_deref().unwrap_or_default()
        ),
        MissingTranslation { language } => format!(
            "`{}` has no text in `{language}`, one of the dataset's languages, so its pages show the default language's text there",
            problem.value.as_deref().unwrap_or_default()
        ),
        MissingColumn { column } => format!("the table has no `{column}` column"),
        NoTitleColumn => "the catalogue has no title column".into(),
        BadId => "the id must be letters, digits, `-`, `_` or `.`".into(),
        BadDirection => "the direction is not `higher` or `lower`".into(),
        BadDecimals { max } => format!("decimals must be a whole number from 0 to {max}"),
        BadNumber => format!("`{}` is not a number", column(problem)),
        BadYear { .. } => format!("`{}` is not a year", column(problem)),
        HalfATarget => "a target needs both a value and a year".into(),
        BadVisibility => "visibility must be `public` or `internal`".into(),
        BadUpdateFrequency => "update_frequency is not an interval Local Goals knows".into(),
        BadDecimalSeparator => "the decimal separator must be `,` or `.`".into(),
        NoTarget => "no SDG target given".into(),
        UnknownTarget { .. } => format!(
            "`{}` is not an SDG target",
            problem.value.as_deref().unwrap_or_default()
        ),
        NoTitle => "the indicator has no title".into(),
        TitleTooLong { length, limit } | LabelTooLong { length, limit } => {
            format!("the text is {length} characters long; the limit is {limit}")
        }
        DuplicateIndicator => format!(
            "the id `{}` is used twice",
            problem.value.as_deref().unwrap_or_default()
        ),
        BadAreaKind => "the kind must be `rights` or `policy`".into(),
        BadAreaId => "the area id is empty or used twice".into(),
        UnknownArea { kind, .. } => format!(
            "`{}` is not a {} in areas.csv",
            problem.value.as_deref().unwrap_or_default(),
            match kind {
                AreaKind::Rights => "rights area",
                AreaKind::Policy => "policy area",
            }
        ),
        BadSeriesSlug { piece } => format!(
            "`{piece}` in `progress_series` is not a series: write `total` or dimension=value pairs"
        ),
        UnknownSeries { indicator, .. } => format!(
            "the data of `{indicator}` has no series `{}`",
            problem.value.as_deref().unwrap_or_default()
        ),
        NoYearOrValueColumn { missing } => format!(
            "the file has no {}, and it is not a wide table with years as column headers",
            match missing {
                MissingRole::Year => "`year` column",
                MissingRole::Value => "`value` column",
            }
        ),
        NoIndicatorColumn => "the file has no `indicator` column".into(),
        EmptyIndicatorId => "the indicator id is empty".into(),
        UnknownIndicator { .. } => format!(
            "no indicator `{}` in the catalogue",
            problem.value.as_deref().unwrap_or_default()
        ),
        UnitDiffersFromCatalogue { catalogue_unit } => {
            format!("the unit differs from the catalogue's `{catalogue_unit}`")
        }
        UnitDiffersInSeries {
            first_unit,
            first_line,
        } => {
            format!("the unit differs from `{first_unit}` on line {first_line} of the same series")
        }
        BadPeriod { min, max } => {
            format!("this is not a year or period between {min} and {max}")
        }
        NotANumber { .. } => "the value is not a number".into(),
        ConflictInFile {
            indicator,
            period,
            series,
            first_line,
            first_value,
        } => format!(
            "{indicator} {period} {} already has the value {first_value} on line {first_line}",
            series_label(Locale::En, &Labels::default(), series)
        ),
        RepeatedInFile {
            indicator,
            period,
            series,
            first_line,
        } => format!(
            "{indicator} {period} {} repeats line {first_line} with the same value",
            series_label(Locale::En, &Labels::default(), series)
        ),
        RepeatedWithoutValue {
            indicator,
            period,
            series,
            first_line,
        } => format!(
            "{indicator} {period} {} also appears on line {first_line}, once without a value",
            series_label(Locale::En, &Labels::default(), series)
        ),
        ConflictAcrossFiles {
            indicator,
            period,
            series,
            first_file,
            first_line,
            first_value,
        } => format!(
            "{indicator} {period} {} is {first_value} in {first_file} line {first_line}",
            series_label(Locale::En, &Labels::default(), series)
        ),
        RepeatedAcrossFiles {
            indicator,
            period,
            series,
            first_file,
            first_line,
        } => format!(
            "{indicator} {period} {} repeats {first_file} line {first_line} with the same value",
            series_label(Locale::En, &Labels::default(), series)
        ),
        MissingYears {
            indicator,
            series,
            years,
        } => format!(
            "{indicator} {} has no value for {}",
            series_label(Locale::En, &Labels::default(), series),
            years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        FlaggedValue { flags } => format!("the value carries the flag `{flags}`"),
    }
}

/// What to do about it, as a sentence or two.
pub fn problem_hint(problem: &Problem) -> String {
    use Reason::{
        BadAreaId, BadAreaKind, BadDecimalSeparator, BadDecimals, BadDirection, BadId, BadLanguage,
        BadNumber, BadPeriod, BadSeriesSlug, BadUpdateFrequency, BadVisibility, BadYaml, BadYear,
        ConflictAcrossFiles, ConflictInFile, DecodedAsWindows1252, DuplicateFile,
        DuplicateIndicator, EmptyFile, EmptyIndicatorId, EmptySheet, FlaggedValue, HalfATarget,
        LabelTooLong, MissingColumn, MissingTranslation, MissingYears, NoDataFile, NoFrontMatter,
        NoIndicatorColumn, NoMetaFile, NoObservationFiles, NoSuchSheet, NoTarget, NoTitle,
        NoTitleColumn, NoYearOrValueColumn, NotADataset, NotANumber, NotCsv, RaggedRow,
        RepeatedAcrossFiles, RepeatedInFile, RepeatedWithoutValue, SettingsColumns, TitleTooLong,
        UnitDiffersFromCatalogue, UnitDiffersInSeries, UnknownArea, UnknownIndicator,
        UnknownProgressMethod, UnknownSeries, UnknownSetting, UnknownTarget, UnknownTranslation,
        Unopenable, UnreadableWorkbook,
    };
    match &problem.reason {
        Unopenable { .. } => "Check that the file exists and that Local Goals may read it.".into(),
        NotCsv { .. } => "Open it in a spreadsheet and save it again as CSV.".into(),
        UnreadableWorkbook { .. } => "Open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV.".into(),
        NoSuchSheet { sheets, .. } => format!("Name one of its sheets: {}.", sheets.join(", ")),
        DecodedAsWindows1252 => "Check that accented letters look right in the preview; saving the file as \"CSV UTF-8\" avoids the guess.".into(),
        EmptyFile => "Add a header row and at least one row of data.".into(),
        EmptySheet { .. } => "Put the header in the first row and the data below it.".into(),
        RaggedRow { .. } => "Check for a missing or extra delimiter, or a text cell with an unclosed quote (\").".into(),
        NoObservationFiles => "Put CSV or XLSX files with the indicators' values in the `observations` folder.".into(),
        NotADataset => "Give a dataset folder with catalogue.csv, an Open SDG repository (with data/indicator_*.csv) or a single file.".into(),
        SettingsColumns => "Write one setting per row, e.g. `progress_method,eurostat`.".into(),
        UnknownProgressMethod { allowed } => format!(
            "Write {} (see docs/methodology.md).",
            either_of(allowed)
        ),
        UnknownSetting { known } => format!("Known settings: {}.", known.join(", ")),
        DuplicateFile { .. } => "Keep one data file per indicator; remove the copy, or merge the years it adds into the main file.".into(),
        NoMetaFile { indicator } => format!("Add meta/{indicator}.md with at least indicator_name and computation_units."),
        NoDataFile { indicator } => format!("Add data/indicator_{indicator}.csv, or ignore this if the data is published elsewhere."),
        NoFrontMatter => "Start the file with a line `---`, the metadata, and another `---` line.".into(),
        BadYaml { .. } => "Fix the YAML at this line (indentation, a missing `:` or an unclosed quote).".into(),
        UnknownTranslation { .. } => "Add the key to the repository's translations (data.yml).".into(),
        BadLanguage => "List languages as two-letter codes separated by `;`, for example `en;nl`.".into(),
        MissingTranslation { .. } => "Fill in the column, or leave it for now: the default language's text is shown with a note.".into(),
        MissingColumn { column } => format!("Add a column headed `{column}` (see docs/data-format.md)."),
        NoTitleColumn => "Add a column `title_en` (and `title_XX` for other languages).".into(),
        BadId => "Give every indicator a short unique id such as `poverty-rate`.".into(),
        BadDirection => "Write `higher` if a higher value is progress, else `lower`.".into(),
        BadDecimals { .. } => "Write how many decimals to show, e.g. 1.".into(),
        BadNumber => "Write a number such as 25 or 12.5, or leave the cell empty.".into(),
        BadYear { .. } => "Write a four-digit year such as 2030, or leave the cell empty.".into(),
        HalfATarget => "Fill in both `target_value` and `target_year`, or neither.".into(),
        BadVisibility => "Write `internal` to keep the indicator off public pages, else `public`.".into(),
        BadUpdateFrequency => "Write `monthly`, `quarterly`, `annual`, `biennial`, `triennial` or `quinquennial` (or leave it empty).".into(),
        BadDecimalSeparator => "Leave it empty to let Local Goals detect it.".into(),
        NoTarget => "List at least one target such as `11.1`; separate several with `;`.".into(),
        UnknownTarget { suggestions } => format!(
            "{}Targets are written goal.target, e.g. 11.1 or 5.a.",
            did_you_mean(suggestions)
        ),
        NoTitle => "Fill in at least one title column.".into(),
        TitleTooLong { .. } => "Shorten it; put longer explanations in `definition` or `narrative`.".into(),
        LabelTooLong { .. } => "Shorten the disaggregation label.".into(),
        DuplicateIndicator => "Give each indicator its own id.".into(),
        BadAreaKind => "Write `rights` for a human-rights area, `policy` for a municipal policy area.".into(),
        BadAreaId => "Give each area its own short id such as `adequate-housing`.".into(),
        UnknownArea { suggestion, .. } => format!(
            "{}Add it to areas.csv or correct the id.",
            did_you_mean(suggestion.as_slice())
        ),
        BadSeriesSlug { .. } => "Name each series as its address does: `total` for the headline, or `district=Nord;sex=female`; separate several series with `|`.".into(),
        UnknownSeries { suggestion, .. } => format!(
            "{}Name a series that has data, or leave `progress_series` empty to count the headline (or every series where there is none).",
            did_you_mean(suggestion.as_slice())
        ),
        NoYearOrValueColumn { .. } => "Add `year` and `value` columns (long shape), or put one period per column header such as 2019, 2020 (wide shape).".into(),
        NoIndicatorColumn => "Add an `indicator` column with catalogue ids, or name the file after the indicator (e.g. rent-burden.csv).".into(),
        EmptyIndicatorId => "Fill in the catalogue id of the indicator this row belongs to.".into(),
        UnknownIndicator { suggestion } => format!(
            "{}Add the indicator to catalogue.csv{}.",
            did_you_mean(suggestion.as_slice()),
            if suggestion.is_some() { " or correct the id" } else { "" }
        ),
        UnitDiffersFromCatalogue { .. } => "Convert the value to the catalogue's unit, or correct the unit in catalogue.csv.".into(),
        UnitDiffersInSeries { .. } => "Use one unit per series, or add a column that tells the series apart.".into(),
        BadPeriod { .. } => "Write a year (2021), a fiscal year (2020/2021 or 2020-21) or a range (2004-2013).".into(),
        NotANumber { decimal: DecimalSeparator::Comma } => "This file uses a decimal comma: write a number such as 12,5, or leave the cell empty (or `..`) if there is no value.".into(),
        NotANumber { decimal: DecimalSeparator::Point } => "Write a number such as 12.5, or leave the cell empty (or `..`) if there is no value.".into(),
        ConflictInFile { .. } => "Keep one row per indicator, period and disaggregation; delete or correct the other.".into(),
        RepeatedInFile { .. } | RepeatedWithoutValue { .. } => "Delete the repeated row.".into(),
        ConflictAcrossFiles { .. } => "Keep each value in one file only, and check which one is right.".into(),
        RepeatedAcrossFiles { .. } => "Keep each value in one file only.".into(),
        MissingYears { .. } => "Add the missing years if they exist; a gap is shown as a gap in charts.".into(),
        FlaggedValue { .. } => "Flags are kept and shown with the value; nothing to do if the flag is right.".into(),
    }
}

/// The whole problem on one line, as `localgoals check` prints it:
/// `social.csv:12 [value] error not-a-number: the value is not a number
/// (found "12,x"). Write a number such as 12.5 …`
pub fn problem_line(problem: &Problem) -> String {
    let mut out = problem.file.clone();
    if let Some(line) = problem.line {
        out.push_str(&format!(":{line}"));
    }
    if let Some(column) = &problem.column {
        out.push_str(&format!(" [{column}]"));
    }
    // Severity and code by their wire names, as `--json` writes them.
    out.push_str(&format!(
        " {} {}: {}",
        problem.severity,
        problem.code,
        problem_message(problem)
    ));
    if let Some(value) = &problem.value {
        out.push_str(&format!(" (found {value:?})"));
    }
    let hint = problem_hint(problem);
    if !hint.is_empty() {
        out.push_str(&format!(". {hint}"));
    }
    out
}

/// `Did you mean `a`? ` or `Did you mean 11.1, 11.2? ` (nothing without suggestions).
fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("Did you mean `{one}`? "),
        many => format!("Did you mean {}? ", many.join(", ")),
    }
}

/// `a`, `a or b`, `a, b or c`, each in backticks.
fn either_of(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn column(problem: &Problem) -> &str {
    problem.column.as_deref().unwrap_or("value")
}

#[cfg(test)]
mod tests {
    use indicators::model::Dimensions;
    use indicators::problem::ObservationKey;

    use super::*;

    #[test]
    fn a_problem_line_names_place_value_and_fix() {
        let p = Problem::not_a_number("social.csv", DecimalSeparator::Point)
            .at(12, "value")
            .with_value("12,x");
        assert_eq!(
            problem_line(&p),
            "social.csv:12 [value] error not-a-number: the value is not a number (found \"12,x\"). Write a number such as 12.5, or leave the cell empty (or `..`) if there is no value."
        );
    }

    #[test]
    fn suggestions_become_did_you_mean() {
        let p = Problem::unknown_target("catalogue.csv", vec!["11.1".into(), "11.2".into()])
            .with_value("11.11");
        assert_eq!(problem_message(&p), "`11.11` is not an SDG target");
        assert!(
            problem_hint(&p).starts_with("Did you mean 11.1, 11.2? "),
            "{}",
            problem_hint(&p)
        );
        let p = Problem::unknown_indicator("obs.csv", Some("poverty-rate".into()))
            .with_value("poverty-rat");
        assert_eq!(
            problem_hint(&p),
            "Did you mean `poverty-rate`? Add the indicator to catalogue.csv or correct the id."
        );
        let p = Problem::unknown_progress_method("settings.csv", &["open-sdg", "eurostat", "unsd"]);
        assert_eq!(
            problem_hint(&p),
            "Write `open-sdg`, `eurostat` or `unsd` (see docs/methodology.md)."
        );
    }

    #[test]
    fn duplicates_name_the_series_and_the_first_line() {
        let series = Dimensions::new([("sex", "female")]);
        let key = ObservationKey {
            indicator: "p",
            period: "2020",
            series: &series,
        };
        let p = Problem::seen_before_in_file("f.csv", key, 2, Some(1.0), Some(2.0))
            .expect("a conflict");
        assert_eq!(
            problem_message(&p),
            "p 2020 Sex: female already has the value 1 on line 2"
        );
        assert!(Problem::seen_before_in_file("f.csv", key, 2, None, None).is_none());
    }
}
