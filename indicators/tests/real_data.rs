//! One test per quirk of the real data in `tests/fixtures` (see its README):
//! Los Angeles' and Statistics Canada's Open SDG repositories and a messy
//! Eurostat extract. Each names the file and line it is about.
#![cfg(feature = "pipeline")]

mod common;

use indicators::read::text::{LineEnding, TextEncoding};
use indicators::read::{read_path, Report};
use indicators::{Dimensions, Observation, Problem, ProblemCode, Reason, Severity};

fn read(rel: &str) -> Report {
    read_path(&common::real(rel), &|_, _, _| {}).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The indicator a duplicate or repeat is about.
fn indicator_of(p: &Problem) -> Option<&str> {
    match &p.reason {
        Reason::DuplicateFile { indicator, .. }
        | Reason::ConflictInFile { indicator, .. }
        | Reason::RepeatedInFile { indicator, .. }
        | Reason::RepeatedWithoutValue { indicator, .. }
        | Reason::ConflictAcrossFiles { indicator, .. }
        | Reason::RepeatedAcrossFiles { indicator, .. } => Some(indicator),
        _ => None,
    }
}

/// The series a duplicate or repeat is about.
fn series_of(p: &Problem) -> Option<&Dimensions> {
    match &p.reason {
        Reason::ConflictInFile { series, .. }
        | Reason::RepeatedInFile { series, .. }
        | Reason::RepeatedWithoutValue { series, .. }
        | Reason::ConflictAcrossFiles { series, .. }
        | Reason::RepeatedAcrossFiles { series, .. } => Some(series),
        _ => None,
    }
}

/// The observation read from spreadsheet line `line`.
fn at_line(report: &Report, line: usize) -> &Observation {
    report
        .dataset
        .observations
        .iter()
        .find(|o| o.source.line == line)
        .unwrap_or_else(|| panic!("no observation from line {line}"))
}

fn observations(report: &Report, year: i32) -> Vec<&Observation> {
    report
        .dataset
        .observations
        .iter()
        .filter(|o| o.period.year == year)
        .collect()
}

#[test]
fn bare_cr_line_endings_la_5_c_1_and_8_3_1() {
    let r = read("los_angeles_city/data/indicator_5-c-1.csv");
    assert_eq!(r.files[0].line_ending, Some(LineEnding::Cr));
    let years: Vec<i32> = r
        .dataset
        .observations
        .iter()
        .map(|o| o.period.year)
        .collect();
    assert_eq!(years, [2016, 2017, 2018]);
    let r = read("los_angeles_city/data/indicator_8-3-1.csv");
    assert_eq!(r.files[0].line_ending, Some(LineEnding::Cr));
    assert_eq!(
        r.files[0].rows, 50,
        "51 lines separated by CR, one of them the header"
    );
    assert_eq!(r.errors(), 0);
}

#[test]
fn crlf_line_endings_la_1_1_1() {
    let r = read("los_angeles_city/data/indicator_1-1-1.csv");
    assert_eq!(r.files[0].line_ending, Some(LineEnding::CrLf));
    assert_eq!(r.files[0].rows, 168);
    assert_eq!(r.errors(), 0);
}

#[test]
fn utf8_bom_la_16_7_2_and_canada_15_5_1() {
    for rel in [
        "los_angeles_city/data/indicator_16-7-2.csv",
        "canada_cif/data/indicator_15-5-1.csv",
    ] {
        let r = read(rel);
        assert_eq!(r.files[0].encoding, Some(TextEncoding::Utf8Bom), "{rel}");
        assert!(
            r.files[0].observations > 0,
            "{rel}: the BOM must not hide the Year column"
        );
        assert_eq!(r.errors(), 0, "{rel}: {:?}", r.problems);
    }
}

#[test]
fn rolling_ranges_la_3_1_1_count_from_their_first_year() {
    let r = read("los_angeles_city/data/indicator_3-1-1.csv");
    let first = at_line(&r, 2);
    assert_eq!(
        (first.period.label.as_str(), first.period.year, first.value),
        ("2004-2013", 2004, 241.0)
    );
}

#[test]
fn fiscal_years_canada_3_4_1_slash_and_7_1_1_two_digit() {
    let r = read("canada_cif/data/indicator_3-4-1.csv");
    let line2 = at_line(&r, 2);
    assert_eq!(
        (line2.period.label.as_str(), line2.period.year),
        ("2014/2015", 2014)
    );
    let r = read("canada_cif/data/indicator_7-1-1.csv");
    let line2 = at_line(&r, 2);
    assert_eq!(
        (line2.period.label.as_str(), line2.period.year, line2.value),
        ("2017-18", 2017, 20.0)
    );
}

#[test]
fn prose_in_a_year_cell_la_5_a_2_is_reported_at_line_2() {
    let r = read("los_angeles_city/data/indicator_5-a-2.csv");
    let p = r
        .problems
        .iter()
        .find(|p| p.code == ProblemCode::BadPeriod)
        .expect("bad period");
    assert_eq!(
        (p.line, p.column.as_deref(), p.value.as_deref()),
        (
            Some(2),
            Some("Year"),
            Some("This is a non-statistical indicator")
        )
    );
    assert_eq!(p.severity, Severity::Error);
    assert!(
        r.dataset.observations.is_empty(),
        "a file with errors is never partly accepted"
    );
}

#[test]
fn ids_that_are_not_un_ids_la_10_x_2_5_5_2a_8_5_1a_and_canada_3_11_1() {
    let la = read("los_angeles_city");
    for id in ["10-x-2", "5-5-2a", "8-5-1a"] {
        assert!(la.dataset.indicator(id).is_some(), "{id}");
        assert!(
            la.dataset.observations.iter().any(|o| o.indicator_id == id),
            "{id} has data"
        );
    }
    assert_eq!(
        la.dataset
            .indicator("10-x-2")
            .map(|i| i.sdg_targets.clone()),
        Some(vec!["10.x".to_owned()])
    );
    let ca = read("canada_cif");
    assert!(ca
        .dataset
        .observations
        .iter()
        .any(|o| o.indicator_id == "3-11-1"));
}

#[test]
fn mixed_units_la_11_1_1_are_separate_series_not_errors() {
    let r = read("los_angeles_city/data/indicator_11-1-1.csv");
    assert_eq!(r.errors(), 0, "{:?}", r.problems);
    let line2 = at_line(&r, 2);
    assert_eq!(
        line2.dimensions.get("Units"),
        Some("Percent of Total Population")
    );
    assert_eq!(line2.value, 0.91);
    let line3 = at_line(&r, 3);
    assert_eq!(
        line3.dimensions.get("Units"),
        Some("Total by Sheltered/Unsheltered")
    );
}

#[test]
fn series_column_splits_and_geocode_does_not_canada_11_7_1() {
    let r = read("canada_cif/data/indicator_11-7-1.csv");
    assert_eq!(r.errors(), 0);
    assert!(
        r.dataset
            .observations
            .iter()
            .all(|o| o.dimensions.get("GeoCode").is_none()),
        "GeoCode is an attribute, not a disaggregation"
    );
    assert!(
        r.dataset
            .observations
            .iter()
            .any(|o| o.dimensions.get("Series").is_some()),
        "Series is kept as a dimension"
    );
}

#[test]
fn headline_rows_written_as_quoted_empty_strings_canada_1_1_1() {
    let r = read("canada_cif/data/indicator_1-1-1.csv");
    let line2 = r
        .dataset
        .observations
        .iter()
        .find(|o| o.source.line == 2)
        .expect("line 2: 2015,\"\",\"\",\"\",\"\",,14.5");
    assert!(line2.dimensions.is_headline(), "{:?}", line2.dimensions);
    assert_eq!((line2.period.year, line2.value), (2015, 14.5));
}

#[test]
fn empty_values_are_missing_not_errors_la_1_3_1() {
    let r = read("los_angeles_city/data/indicator_1-3-1.csv");
    assert_eq!(r.errors(), 0);
    assert_eq!(
        (r.files[0].rows, r.files[0].observations),
        (100, 85),
        "15 empty Value cells are gaps"
    );
    assert!(
        !r.dataset.observations.iter().any(|o| o.source.line == 76),
        "line 76 has no value"
    );
}

#[test]
fn canada_translation_keys_are_resolved_from_support_translations() {
    let r = read("canada_cif");
    let obs: Vec<_> = r
        .dataset
        .observations
        .iter()
        .filter(|o| o.indicator_id == "1-2-1")
        .collect();
    assert!(!obs.is_empty());
    assert!(obs.iter().all(|o| o
        .dimensions
        .pairs()
        .iter()
        .all(|(k, v)| !k.starts_with("data.") && !v.starts_with("data."))));
    assert!(
        obs.iter()
            .any(|o| o.dimensions.get("Geography") == Some("Canada")),
        "`data.Geography` / `data.Canada` resolved"
    );
    let unknown: Vec<_> = r
        .problems
        .iter()
        .filter(|p| p.code == ProblemCode::UnknownTranslation)
        .map(|p| (p.file.as_str(), p.line))
        .collect();
    assert_eq!(
        unknown,
        [
            ("data/indicator_9-4-1.csv", Some(101)),
            ("data/indicator_9-4-1.csv", Some(191)),
            ("data/indicator_9-4-1.csv", Some(281))
        ]
    );
}

#[test]
fn canada_progress_options_are_read_from_meta() {
    let r = read("canada_cif");
    let i = r.dataset.indicator("1-1-1").expect("1-1-1");
    assert_eq!((i.target_value, i.target_year), (Some(7.25), Some(2030)));
    assert!(i.title().starts_with("Poverty rate"), "{}", i.title());
    assert_eq!(i.unit, "Percentage");
    // 12-2-1.md lines 92-104: a positive direction and a disaggregation
    // selection in which an empty `value:` means an empty cell.
    let i = r.dataset.indicator("12-2-1").expect("12-2-1");
    let first = &i.progress_options[0];
    assert_eq!(first.direction, Some(indicators::Direction::Higher));
    assert!(first
        .disaggregation
        .contains(&("Geography".to_owned(), Some("Canada".to_owned()))));
    assert!(first
        .disaggregation
        .contains(&("Environmental management practices".to_owned(), None)));
}

#[test]
fn progress_column_canada_16_4_1_is_not_a_disaggregation() {
    let r = read("canada_cif/data/indicator_16-4-1.csv");
    assert!(r
        .dataset
        .observations
        .iter()
        .all(|o| o.dimensions.get("Progress").is_none()));
}

#[test]
fn canada_16_5_1_has_metadata_but_no_data_file() {
    let r = read("canada_cif");
    assert!(r.problems.iter().any(|p| p.code == ProblemCode::NoData
        && p.file == "meta/16-5-1.md"
        && p.severity == Severity::Warning));
    assert_eq!(r.errors(), 0, "everything else in the Canada repo loads");
    assert!(r.dataset.observations.len() > 70_000);
}

#[test]
fn la_duplicated_1_1_1_is_reported_and_its_extra_years_read() {
    let r = read("los_angeles_city");
    assert!(r
        .problems
        .iter()
        .any(|p| p.code == ProblemCode::DuplicateFile && indicator_of(p) == Some("1-1-1")));
    let repeats = r
        .problems
        .iter()
        .filter(|p| p.code == ProblemCode::RepeatedObservation && indicator_of(p) == Some("1-1-1"))
        .count();
    assert_eq!(
        repeats, 168,
        "every 2012-2019 row of the copy repeats the main file (7.0 = 7)"
    );
    assert!(
        observations(&r, 2022)
            .iter()
            .any(|o| o.indicator_id == "1-1-1"),
        "2021-2022 come from the copy"
    );
}

#[test]
fn la_4_1_2_conflicting_duplicate_key_is_an_error_at_line_49() {
    let r = read("los_angeles_city/data/indicator_4-1-2.csv");
    let p = r
        .problems
        .iter()
        .find(|p| p.code == ProblemCode::DuplicateObservation)
        .expect("duplicate");
    assert_eq!((p.line, p.value.as_deref()), (Some(49), Some("32.6")));
    assert!(
        matches!(p.reason, Reason::ConflictInFile { first_line: 43, .. }),
        "{:?}",
        p.reason
    );
}

#[test]
fn scientific_notation_la_17_11_1() {
    let r = read("los_angeles_city/data/indicator_17-11-1.csv");
    let line7 = at_line(&r, 7);
    assert_eq!(line7.value, 2.43573e11);
}

#[test]
fn every_real_open_sdg_file_loads_without_a_panic() {
    for repo in ["los_angeles_city", "canada_cif"] {
        let r = read(repo);
        assert!(r.files.len() >= 39, "{repo}: {}", r.files.len());
        let rejected: Vec<_> = r
            .files
            .iter()
            .filter(|f| f.errors > 0)
            .map(|f| f.file.clone())
            .collect();
        // Only files with real errors are held back: LA 4-1-2 and 5-a-2.
        let expected: Vec<String> = if repo == "los_angeles_city" {
            vec![
                "data/indicator_4-1-2.csv".into(),
                "data/indicator_5-a-2.csv".into(),
            ]
        } else {
            vec![]
        };
        assert_eq!(rejected, expected, "{repo}");
    }
}

#[test]
fn eurostat_missing_colons_flags_duplicates_and_replacement_characters() {
    let r = read("eurostat_urban_audit/urb_cpop1_1_Data.csv");
    let f = &r.files[0];
    assert_eq!(f.rows, 53_500);
    let count = |code| r.problems.iter().filter(|p| p.code == code).count();
    // 900 repeated keys: 290 with two different numbers (errors), 390 with
    // one `:` (warnings) and 220 with `:` twice (nothing to compare).
    assert_eq!(count(ProblemCode::DuplicateObservation), 290);
    assert_eq!(count(ProblemCode::RepeatedObservation), 390);
    // Flags from the "Flag and Footnotes" column are kept on the value.
    let flagged = r
        .problems
        .iter()
        .find(|p| p.code == ProblemCode::FlaggedValue && p.line == Some(17))
        .expect("line 17 flag e");
    assert_eq!(flagged.reason, Reason::FlaggedValue { flags: "e".into() });
    // The file has errors, so nothing is accepted; the names are still read
    // as written, U+FFFD included (the source data lost the letters).
    assert!(r.dataset.observations.is_empty());
    let names_with_fffd = r
        .problems
        .iter()
        .filter_map(series_of)
        .flat_map(|s| s.pairs())
        .filter(|(_, value)| value.contains('\u{FFFD}'))
        .count();
    assert!(names_with_fffd > 0, "U+FFFD names kept");
}
