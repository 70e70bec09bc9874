use super::*;
use crate::model::{Direction, Visibility};
use crate::problem::{ProblemCode, Reason, Severity};
use crate::read::supplements::RECOMMENDATIONS_FILE as FILE;
use crate::read::table::load_csv;

fn catalogue() -> Vec<Indicator> {
    let mut secret = Indicator::new(
        "waiting-list",
        "Waiting",
        "months",
        Direction::Lower,
        &["11.1"],
    );
    secret.visibility = Visibility::Internal;
    vec![
        Indicator::new(
            "rent-burden",
            "Rent burden",
            "%",
            Direction::Lower,
            &["11.1"],
        ),
        secret,
    ]
}

fn areas() -> Vec<Area> {
    let area = |id: &str, kind| Area {
        id: id.to_owned(),
        kind,
        names: BTreeMap::new(),
        instrument: String::new(),
        article: String::new(),
        rights_holders: Vec::new(),
    };
    vec![
        area("adequate-housing", AreaKind::Rights),
        area("non-discrimination", AreaKind::Rights),
        area("housing", AreaKind::Policy),
    ]
}

const HEADER: &str = "id,source,source_name,date,text,text_nl,rights_areas,indicators,response,response_nl,status,status_date,due_date,link\n";

fn read(rows: &str, languages: &[&str]) -> (Vec<Recommendation>, Vec<Problem>) {
    let text = format!("{HEADER}{rows}");
    let (table, problems) = load_csv(text.as_bytes(), FILE);
    assert!(problems.is_empty(), "{problems:?}");
    let languages: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
    read_recommendations(&table, FILE, &catalogue(), &areas(), &languages)
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
fn good_rows_become_recommendations_with_their_texts_links_and_dates() {
    let (recommendations, problems) = read(
        "cescr-2023-12,treaty-body,CESCR,2023-03-01,Guarantee affordable rent,Waarborg betaalbare huur,adequate-housing;non-discrimination,rent-burden;waiting-list,Rent cap adopted,Huurplafond aangenomen,in-progress,2024-01-15,2026-12-31,https://tbinternet.ohchr.org/cescr\n\
         ,,,,,,,,,,,,,\n\
         upr-4-88,UPR,,2022-11-10,End evictions in winter,Geen huisuitzettingen in de winter,adequate-housing,,,,Not started,,,\n",
        &["en", "nl"],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(recommendations.len(), 2);
    let first = &recommendations[0];
    assert_eq!(first.id, "cescr-2023-12");
    assert_eq!(first.source_kind, RecommendationSource::TreatyBody);
    assert_eq!(first.source_name, "CESCR");
    assert_eq!(first.date, "2023-03-01");
    assert_eq!(
        first.rights_areas,
        ["adequate-housing", "non-discrimination"]
    );
    assert_eq!(first.indicators, ["rent-burden", "waiting-list"]);
    assert_eq!(first.status, FollowUpStatus::InProgress);
    assert_eq!(first.status_date.as_deref(), Some("2024-01-15"));
    assert_eq!(first.due_date.as_deref(), Some("2026-12-31"));
    assert_eq!(
        first.link.as_deref(),
        Some("https://tbinternet.ohchr.org/cescr")
    );
    assert_eq!(first.localized_text("nl").text, "Waarborg betaalbare huur");
    assert_eq!(first.localized_text("en").text, "Guarantee affordable rent");
    assert_eq!(
        first.localized_response("nl").text,
        "Huurplafond aangenomen"
    );
    assert_eq!(first.source.line, 2);
    let second = &recommendations[1];
    assert_eq!(
        (second.source_kind, second.status),
        (RecommendationSource::Upr, FollowUpStatus::NotStarted),
        "words are read case-insensitively, spaces as hyphens"
    );
    assert!(second.indicators.is_empty() && second.response.is_empty());
    assert_eq!(second.source.line, 4, "the blank line 3 is skipped");
}

#[test]
fn missing_required_columns_are_named() {
    let (table, _) = load_csv(b"id,source,date,rights_areas\na,upr,2023-01-01,x\n", FILE);
    let (recommendations, problems) =
        read_recommendations(&table, FILE, &catalogue(), &areas(), &[]);
    assert!(recommendations.is_empty());
    let missing: Vec<String> = problems
        .iter()
        .map(|p| match &p.reason {
            Reason::MissingColumn { column } => column.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(missing, ["text", "status"]);
}

#[test]
fn each_error_is_reported_at_its_line_and_column_with_a_fix() {
    let (recommendations, problems) = read(
        "a,council,,2023-01-01,Text,Tekst,adequate-housing,,,,implemented,,,\n\
         b,upr,,2023-02-30,Text,Tekst,adequate-housing,,,,finished,,,\n\
         c,upr,,2023-01-01,,,adequate-housng;policy-only,,,,rejected,,,\n\
         a,ombudsperson,,2023-01-01,Text,Tekst,,rent-burdn,,,implemented,2022-12-31,2024-13-01,ftp://x\n\
         bad id,upr,,2023-01-01,Text,Tekst,housing,,,,implemented,,,\n",
        &[],
    );
    let s = |t: &str| t.to_owned();
    let sources: Vec<String> = RecommendationSource::NAMES.iter().map(|n| s(n)).collect();
    let statuses: Vec<String> = FollowUpStatus::NAMES.iter().map(|n| s(n)).collect();
    assert_eq!(
        places(&problems),
        vec![
            (
                Some(2),
                s("source"),
                s("council"),
                Reason::NotOneOf { allowed: sources }
            ),
            (
                Some(3),
                s("status"),
                s("finished"),
                Reason::NotOneOf { allowed: statuses }
            ),
            (Some(3), s("date"), s("2023-02-30"), Reason::NotADay),
            (Some(4), s("text"), s(""), Reason::NoRecommendationText),
            (
                Some(4),
                s("rights_areas"),
                s("adequate-housng"),
                Reason::UnknownArea {
                    kind: AreaKind::Rights,
                    suggestion: Some(s("adequate-housing"))
                }
            ),
            (
                Some(4),
                s("rights_areas"),
                s("policy-only"),
                Reason::UnknownArea {
                    kind: AreaKind::Rights,
                    suggestion: None
                }
            ),
            (
                Some(5),
                s("id"),
                s("a"),
                Reason::DuplicateRecommendation { first_line: 2 }
            ),
            (
                Some(5),
                s("status_date"),
                s("2022-12-31"),
                Reason::StatusBeforeDate {
                    date: s("2023-01-01")
                }
            ),
            (Some(5), s("due_date"), s("2024-13-01"), Reason::NotADay),
            (Some(5), s("link"), s("ftp://x"), Reason::NotALink),
            (
                Some(5),
                s("rights_areas"),
                s(""),
                Reason::NoRecommendationArea
            ),
            (
                Some(5),
                s("indicators"),
                s("rent-burdn"),
                Reason::UnknownIndicator {
                    suggestion: Some(s("rent-burden"))
                }
            ),
            (Some(6), s("id"), s("bad id"), Reason::BadId),
            (
                Some(6),
                s("rights_areas"),
                s("housing"),
                Reason::UnknownArea {
                    kind: AreaKind::Rights,
                    suggestion: None
                }
            ),
        ]
    );
    assert!(problems.iter().all(Problem::is_error));
    assert!(recommendations.is_empty(), "every row has an error");
    let codes: Vec<ProblemCode> = problems.iter().map(|p| p.code).collect();
    assert!(codes.contains(&ProblemCode::BadRecommendation));
    assert!(codes.contains(&ProblemCode::BadValue));
}

#[test]
fn a_policy_area_is_not_a_rights_area() {
    let (recommendations, problems) = read(
        "a,upr,,2023-01-01,Text,Tekst,housing,,,,implemented,,,\n",
        &[],
    );
    assert!(recommendations.is_empty());
    assert!(matches!(
        problems[0].reason,
        Reason::UnknownArea {
            kind: AreaKind::Rights,
            ..
        }
    ));
}

#[test]
fn a_status_dated_on_the_day_itself_is_fine() {
    let (recommendations, problems) = read(
        "a,upr,,2023-01-01,Text,Tekst,adequate-housing,,,,implemented,2023-01-01,,\n",
        &[],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(recommendations.len(), 1);
}

#[test]
fn missing_translations_are_warnings_and_the_row_is_kept() {
    let (recommendations, problems) = read(
        "a,upr,,2023-01-01,Text,,adequate-housing,,Our answer,,implemented,,,\n\
         b,upr,,2023-01-01,Text,Tekst,adequate-housing,,,,implemented,,,\n",
        &["en", "nl"],
    );
    assert_eq!(recommendations.len(), 2);
    assert_eq!(
        places(&problems),
        vec![
            (
                Some(2),
                "text_nl".to_owned(),
                "a".to_owned(),
                Reason::MissingTranslation {
                    language: "nl".to_owned()
                }
            ),
            (
                Some(2),
                "response_nl".to_owned(),
                "a".to_owned(),
                Reason::MissingTranslation {
                    language: "nl".to_owned()
                }
            ),
        ]
    );
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    assert_eq!(
        recommendations[0].localized_text("nl").text,
        "Text",
        "the default language stands in"
    );
}

#[test]
fn the_datasets_first_language_is_the_default_when_the_file_has_it() {
    let text = "id,source,date,text,text_nl,rights_areas,status\na,upr,2023-01-01,Text,Tekst,adequate-housing,implemented\n";
    let (table, _) = load_csv(text.as_bytes(), FILE);
    let languages = ["nl".to_owned(), "en".to_owned()];
    let (recommendations, problems) =
        read_recommendations(&table, FILE, &catalogue(), &areas(), &languages);
    assert!(problems.is_empty(), "{problems:?}");
    let r = &recommendations[0];
    assert_eq!((r.language.as_str(), r.text.as_str()), ("nl", "Tekst"));
    assert_eq!(r.localized_text("en").text, "Text");
}
