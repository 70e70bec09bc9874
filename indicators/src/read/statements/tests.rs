use super::*;
use crate::model::{Direction, IndicatorKind};
use crate::problem::{ProblemCode, Reason, Severity};
use crate::read::supplements::QUALITATIVE_FILE as FILE;
use crate::read::table::load_csv;

fn catalogue() -> Vec<Indicator> {
    let mut office = Indicator::new(
        "anti-discrimination-office",
        "Office",
        "",
        Direction::Higher,
        &["10.3"],
    );
    office.kind = IndicatorKind::Qualitative;
    vec![
        office,
        Indicator::new(
            "rent-burden",
            "Rent burden",
            "%",
            Direction::Lower,
            &["11.1"],
        ),
    ]
}

fn read(text: &str, languages: &[&str]) -> (Vec<Statement>, Vec<Problem>) {
    let (table, problems) = load_csv(text.as_bytes(), FILE);
    assert!(problems.is_empty(), "{problems:?}");
    let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
    read_statements(&table, FILE, &catalogue(), &languages)
}

const HEADER: &str = "indicator,date,value,text_value,text_value_nl\n";

/// `(line, column, value, reason)` of each problem.
fn places(problems: &[Problem]) -> Vec<(Option<usize>, String, String, Reason)> {
    problems
        .iter()
        .map(|p| {
            (
                p.line,
                p.column.clone().unwrap_or_default(),
                p.value.clone().unwrap_or_default(),
                p.reason.clone(),
            )
        })
        .collect()
}

#[test]
fn statements_carry_their_date_year_answer_and_texts() {
    let (statements, problems) = read(
        &format!(
            "{HEADER}anti-discrimination-office,2019-03,yes,Office opened,Bureau geopend\n\
             anti-discrimination-office,2021,Nee,,\n\
             anti-discrimination-office,2023-06-01,,Budget doubled,Budget verdubbeld\n"
        ),
        &["en", "nl"],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let seen: Vec<(&str, i32, Option<bool>, &str, &str)> = statements
        .iter()
        .map(|s| {
            (
                s.date.as_str(),
                s.year,
                s.answer,
                s.text.as_str(),
                s.localized_text("nl").text,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "2019-03",
                2019,
                Some(true),
                "Office opened",
                "Bureau geopend"
            ),
            ("2021", 2021, Some(false), "", ""),
            (
                "2023-06-01",
                2023,
                None,
                "Budget doubled",
                "Budget verdubbeld"
            ),
        ]
    );
    assert_eq!(statements[1].source.line, 3);
    assert!(statements
        .iter()
        .all(|s| s.indicator_id == "anti-discrimination-office"));
}

#[test]
fn every_spelling_of_yes_and_no_is_read() {
    for (cell, answer) in [
        ("yes", true),
        ("JA", true),
        ("true", true),
        ("no", false),
        ("nee", false),
        ("False", false),
    ] {
        let (statements, problems) = read(
            &format!("indicator,date,value\nanti-discrimination-office,2020,{cell}\n"),
            &[],
        );
        assert!(problems.is_empty(), "{cell}: {problems:?}");
        assert_eq!(statements[0].answer, Some(answer), "{cell}");
    }
}

#[test]
fn a_quantitative_indicator_is_refused_with_the_way_out() {
    let (statements, problems) = read(
        &format!("{HEADER}rent-burden,2020,yes,Rent cap,Huurplafond\n"),
        &[],
    );
    assert!(statements.is_empty());
    assert_eq!(
        places(&problems),
        [(
            Some(2),
            "indicator".to_owned(),
            "rent-burden".to_owned(),
            Reason::NotQualitative
        )]
    );
    assert_eq!(problems[0].code, ProblemCode::BadQualitative);
}

#[test]
fn each_error_is_reported_at_its_line_and_column() {
    let (statements, problems) = read(
        &format!(
            "{HEADER}anti-discrimination-ofice,2020,yes,,\n\
             anti-discrimination-office,March 2020,yes,,\n\
             anti-discrimination-office,2020-13,maybe,,\n\
             anti-discrimination-office,2020,,,\n\
             anti-discrimination-office,2020,yes,,\n"
        ),
        &[],
    );
    let s = |t: &str| t.to_owned();
    assert_eq!(
        places(&problems),
        vec![
            (
                Some(2),
                s("indicator"),
                s("anti-discrimination-ofice"),
                Reason::UnknownIndicator {
                    suggestion: Some(s("anti-discrimination-office"))
                }
            ),
            (Some(3), s("date"), s("March 2020"), Reason::NotADate),
            (Some(4), s("date"), s("2020-13"), Reason::NotADate),
            (
                Some(4),
                s("value"),
                s("maybe"),
                Reason::NotOneOf {
                    allowed: vec![s("yes"), s("no")]
                }
            ),
            (Some(5), s("text_value"), s(""), Reason::NoStatementText),
        ]
    );
    assert!(problems.iter().all(Problem::is_error));
    assert_eq!(statements.len(), 1, "only line 6 is sound");
    assert_eq!(statements[0].source.line, 6);
}

#[test]
fn a_missing_translation_is_a_warning() {
    let (statements, problems) = read(
        &format!("{HEADER}anti-discrimination-office,2020,,Office opened,\n"),
        &["en", "nl"],
    );
    assert_eq!(statements.len(), 1);
    assert_eq!(
        places(&problems),
        [(
            Some(2),
            "text_value_nl".to_owned(),
            "anti-discrimination-office 2020".to_owned(),
            Reason::MissingTranslation {
                language: "nl".to_owned()
            }
        )]
    );
    assert_eq!(problems[0].severity, Severity::Warning);
}

#[test]
fn missing_columns_are_named() {
    let (statements, problems) = read("indicator,year,text\nx,2020,y\n", &[]);
    assert!(statements.is_empty());
    let missing: Vec<String> = problems
        .iter()
        .map(|p| match &p.reason {
            Reason::MissingColumn { column } => column.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(missing, ["date", "text_value"]);
}

/// A dataset whose catalogue has a qualitative indicator (`office`) with
/// statements, and an observation file with numbers for it on line 3.
fn dataset_with_numbers_for_a_qualitative_indicator() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("folder");
    std::fs::write(
        dir.path().join(crate::read::CATALOGUE_FILE),
        "id,title,unit,direction,sdg_targets,kind\nrent,Rent,%,lower,11.1,\noffice,Office,,higher,10.3,qualitative\n",
    )
    .expect("catalogue");
    std::fs::write(
        dir.path().join(FILE),
        "indicator,date,value,text_value\noffice,2019,yes,Opened\n",
    )
    .expect("qualitative");
    let observations = dir.path().join(crate::read::OBSERVATIONS_DIR);
    std::fs::create_dir(&observations).expect("observations");
    std::fs::write(
        observations.join("a.csv"),
        "indicator,year,value\nrent,2015,20\noffice,2019,1\nrent,2020,18\noffice,2020,1\n",
    )
    .expect("a");
    dir
}

#[test]
fn numbers_for_a_qualitative_indicator_are_an_error_where_they_are() {
    let dir = dataset_with_numbers_for_a_qualitative_indicator();
    let quiet = |_: &str, _: usize, _: usize| {};
    let report = crate::read::read_path_columns(dir.path(), &quiet).expect("read");
    let found: Vec<(&str, Option<usize>, &Reason)> = report
        .problems
        .iter()
        .filter(|p| p.code == ProblemCode::BadQualitative)
        .map(|p| (p.file.as_str(), p.line, &p.reason))
        .collect();
    assert_eq!(
        found,
        [(
            "observations/a.csv",
            Some(3),
            &Reason::QualitativeObservations {
                indicator: "office".to_owned(),
                rows: 2
            }
        )]
    );
    assert!(report.errors() > 0, "the dataset is refused");
    assert_eq!(report.dataset.supplements.statements.len(), 1);
}

#[test]
fn a_qualitative_indicator_has_no_status_and_is_in_no_count() {
    let dir = dataset_with_numbers_for_a_qualitative_indicator();
    let quiet = |_: &str, _: usize, _: usize| {};
    let report = crate::read::read_path(dir.path(), &quiet).expect("read");
    // Even given numbers, the status computation passes it by.
    let statuses =
        crate::statuses::compute(&report.dataset, crate::progress::ProgressMethod::default());
    let with_status: Vec<&str> = statuses
        .indicators
        .iter()
        .map(|s| s.indicator_id.as_str())
        .collect();
    assert_eq!(with_status, ["rent"]);
    assert!(
        !statuses.public.by_target.contains_key("10.3"),
        "office's target counts nothing"
    );
    assert_eq!(statuses.public.by_target["11.1"].values().sum::<usize>(), 1);
}
