//! Observation files of every shape, and the problems they report.
use super::*;
use crate::model::Direction;
use crate::problem::{ProblemCode, Reason};
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
    let f = read(
        "Indikator;Stadtteil;2019;2020;2021\nrent;;34,1;34,6;..\nrent;Altstadt;36,2;1.036,0;36,9\n",
        None,
    );
    assert_eq!(f.summary.shape, Some(Shape::Wide));
    assert_eq!(f.summary.decimal_separator, Some(DecimalSeparator::Comma));
    let values: Vec<_> = f
        .observations
        .iter()
        .map(|o| {
            (
                o.period.year,
                o.dimensions.get("Stadtteil").map(str::to_owned),
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
        matches!(
            &f.problems[0].reason,
            Reason::ConflictInFile { first_line: 2, first_value, .. } if *first_value == 1.0
        ),
        "{:?}",
        f.problems[0].reason
    );
}

#[test]
fn a_series_that_comes_back_later_in_the_file_is_still_checked_for_repeats() {
    // Runs of one series with rising years are checked run against run:
    // series p comes back after q and repeats 2021.
    let f = read(
        "indicator,year,sex,value\np,2020,f,1\np,2021,f,2\nq,2020,f,5\np,2021,f,3\np,2022,f,4\n",
        None,
    );
    assert_eq!(codes(&f), [(ProblemCode::DuplicateObservation, Some(5))]);
    // Falling years inside one run are checked too.
    let f = read("indicator,year,value\np,2022,1\np,2021,2\np,2022,3\n", None);
    assert_eq!(codes(&f), [(ProblemCode::DuplicateObservation, Some(4))]);
    // The same series in two runs, years apart, is no repeat.
    let f = read("indicator,year,value\np,2020,1\nq,2020,2\np,2021,3\n", None);
    assert_eq!(codes(&f), []);
    assert_eq!(f.observations.len(), 3);
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
    assert_eq!(
        p.reason,
        Reason::NotANumber {
            decimal: DecimalSeparator::Comma
        },
        "the fix depends on the file's decimal separator"
    );
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
    assert_eq!(
        f.problems[0].reason,
        Reason::UnknownIndicator {
            suggestion: Some("poverty-rate".into())
        }
    );
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
        ("Geography".to_owned(), "Geography".to_owned()),
        ("Canada".to_owned(), "Canada (country)".to_owned()),
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
    assert_eq!(
        f.problems[0].reason,
        Reason::NoYearOrValueColumn {
            missing: MissingRole::Year
        }
    );
}

/// What the bulk checks leave for the row path: `(clean rows, dirty rows)`.
fn bulk_split(text: &str, catalogue: Option<&[Indicator]>) -> (usize, Vec<usize>) {
    let (table, _) = load_csv(text.as_bytes(), "obs.csv");
    let ctx = Context {
        catalogue,
        file_indicator: None,
        translations: None,
    };
    let roles = Roles::find(&table, "obs.csv", ctx).expect("roles");
    let decimal = detect_decimal_separator(roles.value_cells(&table), b',');
    let checked = bulk::check(&table, "obs.csv", &roles, decimal, ctx).expect("bulk checks ran");
    (checked.clean.height(), checked.dirty_rows)
}

#[test]
fn a_clean_file_is_read_in_bulk_without_the_row_path() {
    let text = "indicator,year,district,value\np,2020,Nord,12.5\np,2021,Nord,13\np,2020,,1e3\np,2021,,\np,2014/2015,Süd,-0.5\n";
    assert_eq!(bulk_split(text, None), (5, vec![]));
    let f = read(text, None);
    assert!(f.problems.is_empty(), "{:?}", f.problems);
    let values: Vec<(i32, f64)> = f
        .observations
        .iter()
        .map(|o| (o.period.year, o.value))
        .collect();
    assert_eq!(
        values,
        [(2020, 12.5), (2021, 13.0), (2020, 1000.0), (2014, -0.5)]
    );
    assert_eq!(f.observations[3].period.label, "2014/2015");
}

#[test]
fn decimal_comma_files_are_read_in_bulk_too() {
    let text = "indicator;year;value\np;2020;12,5\np;2021;13\np;2022;1.234,5\n";
    let (clean, dirty) = bulk_split(text, None);
    assert_eq!(
        (clean, dirty),
        (2, vec![2]),
        "only the thousands separator row"
    );
    let f = read(text, None);
    let values: Vec<f64> = f.observations.iter().map(|o| o.value).collect();
    assert_eq!(values, [12.5, 13.0, 1234.5]);
}

#[test]
fn only_rows_that_fail_in_bulk_are_read_one_by_one() {
    let text = "indicator,year,sex,value,flag\np,2020,,12.5,\np,2021,,x1,\np,2022,,13,p\np,2023, female,14,\np,2024,,15,\np,20x5,,16,\n";
    // Lines 3 (not a number), 5 (label to trim) and 7 (period); line 4's
    // plain flag is read in bulk.
    assert_eq!(bulk_split(text, None), (3, vec![1, 3, 5]));
    let f = read(text, None);
    assert_eq!(
        codes(&f),
        [
            (ProblemCode::NotANumber, Some(3)),
            (ProblemCode::FlaggedValue, Some(4)),
            (ProblemCode::BadPeriod, Some(7))
        ]
    );
    let lines: Vec<usize> = f.observations.iter().map(|o| o.source.line).collect();
    assert_eq!(
        lines,
        [2, 4, 5, 6],
        "file order, bulk and row-path rows mixed"
    );
    assert_eq!(f.observations[2].dimensions.get("sex"), Some("female"));
}

#[test]
fn a_row_that_repeats_a_clean_row_once_trimmed_is_still_reported() {
    // Line 3's id needs trimming, so it fails in bulk; read alone it looks
    // fine, but it repeats line 2 with another value.
    let text = "indicator,year,value\np,2020,12\n p ,2020,13\np,2021,14\n";
    let f = read(text, None);
    assert_eq!(codes(&f), [(ProblemCode::DuplicateObservation, Some(3))]);
    assert_eq!(f.observations.len(), 2);
}

#[test]
fn ids_the_catalogue_does_not_know_fail_in_bulk() {
    let catalogue = [Indicator::new("p", "P", "%", Direction::Lower, &["1.1"])];
    let text = "indicator,year,value,unit\np,2020,12,%\nq,2020,13,\np,2021,14,EUR\n";
    assert_eq!(bulk_split(text, Some(&catalogue)), (1, vec![1, 2]));
    let f = read(text, Some(&catalogue));
    assert_eq!(
        codes(&f),
        [
            (ProblemCode::UnknownIndicator, Some(3)),
            (ProblemCode::UnitMismatch, Some(4))
        ]
    );
}

/// What the row path alone makes of every row of `text`.
fn every_row(text: &str) -> Vec<Problem> {
    let (table, _) = load_csv(text.as_bytes(), "obs.csv");
    let ctx = Context::default();
    let roles = Roles::find(&table, "obs.csv", ctx).expect("roles");
    let decimal = detect_decimal_separator(roles.value_cells(&table), b',');
    let all: Vec<usize> = (0..table.height()).collect();
    let mut untranslated = roles.untranslated.clone();
    rows::read_rows(
        &table,
        "obs.csv",
        &roles,
        decimal,
        ctx,
        &all,
        &mut untranslated,
    )
    .problems
}

#[test]
fn plain_flags_are_read_in_bulk_with_the_row_paths_warnings() {
    // Line 3's flag is plain; line 4's needs trimming and line 5's is a
    // missing-value marker, which the row path reads; line 6 has no value.
    let text = "indicator,year,value,flag\np,2020,12.5,\np,2021,13,p\np,2022,14, e\np,2023,15,..\np,2024,,p\np,2025,16,*\n";
    assert_eq!(bulk_split(text, None), (4, vec![2, 3]));
    let f = read(text, None);
    assert_eq!(
        f.problems,
        every_row(text),
        "the same warnings, word for word"
    );
    assert_eq!(
        codes(&f),
        [
            (ProblemCode::FlaggedValue, Some(3)),
            (ProblemCode::FlaggedValue, Some(4)),
            (ProblemCode::FlaggedValue, Some(7)),
        ]
    );
    let flags: Vec<&str> = f.observations.iter().map(|o| o.flags.as_str()).collect();
    assert_eq!(flags, ["", "p", "e", "", "*"]);
}

#[test]
fn flags_in_a_wide_table_go_the_row_path() {
    let text = "indicator,2020,2021,flag\np,1,2,p\nq,3,4,\n";
    assert_eq!(bulk_split(text, None), (2, vec![0]));
}
