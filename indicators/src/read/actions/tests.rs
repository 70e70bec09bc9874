use super::*;
use crate::model::Direction;
use crate::problem::{ProblemCode, Reason};
use crate::read::table::load_csv;

fn catalogue() -> Vec<Indicator> {
    vec![
        Indicator::new(
            "energy-poverty",
            "Energy poverty",
            "%",
            Direction::Lower,
            &["7.1"],
        ),
        Indicator::new("poverty-rate", "Poverty", "%", Direction::Lower, &["1.2"]),
    ]
}

const HEADER: &str = "id,kind,title,title_nl,indicators,date,reference,link,year,amount,currency\n";

fn read(rows: &str, languages: &[&str]) -> (Vec<Action>, Vec<Problem>) {
    let text = format!("{HEADER}{rows}");
    let (table, problems) = load_csv(text.as_bytes(), ACTIONS_FILE);
    assert!(problems.is_empty(), "{problems:?}");
    let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
    read_actions(&table, ACTIONS_FILE, &catalogue(), &languages)
}

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
fn good_rows_become_actions_with_their_source_line() {
    let (actions, problems) = read(
        "dec-2023-114,decision,Free public transport,Gratis openbaar vervoer,energy-poverty;poverty-rate,2023-05-14,2023/114,https://council.example/2023/114,,,\n\
         ,,,,,,,,,,\n\
         budget-2024,budget,Energy coaches,Energiecoaches,energy-poverty,,,,2024,\"1,250,000.50\",EUR\n",
        &["en", "nl"],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(actions.len(), 2);
    let decision = &actions[0];
    assert_eq!(decision.kind, ActionKind::Decision);
    assert_eq!(decision.indicators, ["energy-poverty", "poverty-rate"]);
    assert_eq!(decision.date.as_deref(), Some("2023-05-14"));
    assert_eq!(decision.reference.as_deref(), Some("2023/114"));
    assert_eq!(
        decision.localized_title("nl").text,
        "Gratis openbaar vervoer"
    );
    assert_eq!(decision.source.line, 2);
    let budget = &actions[1];
    assert_eq!(budget.budget(), Some((2024, 1_250_000.5, "EUR")));
    assert_eq!(budget.source.line, 4, "the blank line 3 is skipped");
}

#[test]
fn amounts_follow_the_files_decimal_comma() {
    let text = "id;kind;title;indicators;year;amount;currency\nb;budget;Coaches;energy-poverty;2024;1.250.000,50;EUR\n";
    let (table, _) = load_csv(text.as_bytes(), ACTIONS_FILE);
    let (actions, problems) = read_actions(&table, ACTIONS_FILE, &catalogue(), &[]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(actions[0].amount, Some(1_250_000.5));
}

#[test]
fn missing_required_columns_are_named_on_the_header_line() {
    let (table, _) = load_csv(b"id,name,indicators\na,A,poverty-rate\n", ACTIONS_FILE);
    let (actions, problems) = read_actions(&table, ACTIONS_FILE, &catalogue(), &[]);
    assert!(actions.is_empty());
    let missing: Vec<_> = problems
        .iter()
        .map(|p| match &p.reason {
            Reason::MissingColumn { column } => (p.line, column.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        missing,
        [(Some(1), "kind".to_owned()), (Some(1), "title".to_owned())]
    );
    assert!(problems.iter().all(Problem::is_error));
}

#[test]
fn each_error_is_reported_at_its_line_and_column() {
    let (actions, problems) = read(
        "a,law,Title,Titel,poverty-rate,,,,,,\n\
         b,decision,,,poverty-rate,,,,,,\n\
         c,motion,Title,Titel,poverty-rat;nothing-like-it,,,,,,\n\
         a,programme,Again,Opnieuw,poverty-rate,,,,,,\n\
         d,decision,Title,Titel,poverty-rate,2023-02-30,,,,,\n\
         e,decision,Title,Titel,poverty-rate,,,ftp://council.example,,,\n\
         f,budget,Title,Titel,poverty-rate,,,,2024,,\n\
         g,budget,Title,Titel,poverty-rate,,,,2024,12x,EUR\n\
         h,budget,Title,Titel,poverty-rate,,,,2024,-5,EUR\n\
         i,budget,Title,Titel,poverty-rate,,,,2024,5,eur\n\
         j,programme,Title,Titel,,,,,,,\n",
        &[],
    );
    let allowed: Vec<String> = ActionKind::NAMES.iter().map(|s| s.to_string()).collect();
    let s = |t: &str| t.to_owned();
    assert_eq!(
        places(&problems),
        vec![
            (
                Some(2),
                s("kind"),
                s("law"),
                Reason::UnknownActionKind { allowed }
            ),
            (Some(3), s("title"), s(""), Reason::NoActionTitle),
            (
                Some(4),
                s("indicators"),
                s("poverty-rat"),
                Reason::UnknownIndicator {
                    suggestion: Some(s("poverty-rate"))
                }
            ),
            (
                Some(4),
                s("indicators"),
                s("nothing-like-it"),
                Reason::UnknownIndicator { suggestion: None }
            ),
            (
                Some(5),
                s("id"),
                s("a"),
                Reason::DuplicateAction { first_line: 2 }
            ),
            (Some(6), s("date"), s("2023-02-30"), Reason::BadDate),
            (
                Some(7),
                s("link"),
                s("ftp://council.example"),
                Reason::BadLink
            ),
            (
                Some(8),
                s("amount"),
                s(""),
                Reason::IncompleteBudget {
                    missing: vec![s("amount"), s("currency")]
                }
            ),
            (
                Some(9),
                s("amount"),
                s("12x"),
                Reason::BadAmount {
                    decimal: crate::model::DecimalSeparator::Point
                }
            ),
            (Some(10), s("amount"), s("-5"), Reason::NegativeAmount),
            (Some(11), s("currency"), s("eur"), Reason::BadCurrency),
            (Some(12), s("indicators"), s(""), Reason::NoActionIndicators),
        ]
    );
    assert!(problems.iter().all(Problem::is_error));
    assert!(problems.iter().all(|p| p.code == ProblemCode::BadAction
        || p.code == ProblemCode::DuplicateAction
        || p.code == ProblemCode::UnknownIndicator));
    assert!(
        actions.is_empty(),
        "no row with an error is kept: {actions:?}"
    );
}

#[test]
fn dates_and_links_are_checked_as_written() {
    assert!(is_iso_date("2024-02-29"));
    assert!(!is_iso_date("2023-02-29"));
    assert!(!is_iso_date("14-05-2023"));
    assert!(!is_iso_date("2023-5-14"));
    assert!(is_web_address(
        "HTTPS://city.example/a b".split(' ').next().unwrap_or("")
    ));
    assert!(!is_web_address("https://"));
    assert!(!is_web_address("https://city.example/a b"));
    assert!(!is_web_address("www.city.example"));
}

#[test]
fn a_title_missing_in_a_declared_language_is_a_warning() {
    let (actions, problems) = read(
        "a,programme,Energy coaches,,energy-poverty,,,,,,\n",
        &["en", "nl"],
    );
    assert_eq!(actions.len(), 1, "a warning keeps the row");
    assert_eq!(
        places(&problems),
        vec![(
            Some(2),
            "title_nl".to_owned(),
            "a".to_owned(),
            Reason::MissingTranslation {
                language: "nl".into()
            }
        )]
    );
    assert!(!problems[0].is_error());
}
