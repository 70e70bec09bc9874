//! The small city of [`super::testing`] with its rights files: OHCHR types,
//! a qualitative indicator with statements, and recommendations, some of
//! them linked to the internal indicator `secret`.
//!
//! | id | kind | OHCHR type | statements |
//! |---|---|---|---|
//! | `poverty` | quantitative | outcome | — |
//! | `office` | qualitative, rights area housing | structure | 2018 no; 2019-03-01 yes, office opened; 2023-06 budget doubled |
//! | `secret` | quantitative, internal | process | one (never public) |
//!
//! | recommendation | source | status | indicators |
//! |---|---|---|---|
//! | `cescr-1` (2023-03-01) | treaty body CESCR | in progress | poverty, secret |
//! | `upr-1` (2022-11-10) | UPR | not started | — |
//! | `council-1` (2024-05-02) | human-rights council | implemented | office |
//! | `ombuds-1` (2021-01-01) | ombudsperson | rejected | secret |

use std::collections::BTreeMap;

use indicators::model::{
    FollowUpStatus, IndicatorKind, OhchrType, Recommendation, RecommendationSource,
    RecommendationText, SourceRef, Statement,
};
use indicators::{Dataset, Direction, Indicator};

use super::testing;
use super::DashboardData;

fn statement(id: &str, date: &str, answer: Option<bool>, text: &str, nl: &str) -> Statement {
    Statement {
        indicator_id: id.to_owned(),
        date: date.to_owned(),
        year: date[..4].parse().unwrap_or_default(),
        answer,
        text: text.to_owned(),
        language: "en".to_owned(),
        translations: if nl.is_empty() {
            BTreeMap::new()
        } else {
            BTreeMap::from([("nl".to_owned(), nl.to_owned())])
        },
        source: SourceRef::default(),
    }
}

fn recommendation(
    id: &str,
    source_kind: RecommendationSource,
    date: &str,
    indicators: &[&str],
    status: FollowUpStatus,
) -> Recommendation {
    Recommendation {
        id: id.to_owned(),
        source_kind,
        source_name: match source_kind {
            RecommendationSource::TreatyBody => "CESCR".to_owned(),
            _ => String::new(),
        },
        date: date.to_owned(),
        text: format!("Text of {id}"),
        response: format!("Response to {id}"),
        language: "en".to_owned(),
        translations: BTreeMap::from([(
            "nl".to_owned(),
            RecommendationText {
                text: format!("Tekst van {id}"),
                response: String::new(),
            },
        )]),
        rights_areas: vec!["housing".to_owned()],
        indicators: indicators.iter().map(|i| i.to_string()).collect(),
        status,
        status_date: (status != FollowUpStatus::NotStarted).then(|| "2024-06-01".to_owned()),
        due_date: Some("2026-12-31".to_owned()),
        link: Some(format!("https://rights.example/{id}")),
        source: SourceRef::default(),
    }
}

/// The dataset described above.
pub fn dataset() -> Dataset {
    let mut dataset = testing::dataset();
    for indicator in &mut dataset.indicators {
        indicator.ohchr_type = match indicator.id.as_str() {
            "poverty" => Some(OhchrType::Outcome),
            "secret" => Some(OhchrType::Process),
            _ => None,
        };
    }
    let mut office = Indicator::new(
        "office",
        "Anti-discrimination office",
        "",
        Direction::Higher,
        &["10.3"],
    );
    office.kind = IndicatorKind::Qualitative;
    office.ohchr_type = Some(OhchrType::Structure);
    office.rights_areas = vec!["housing".to_owned()];
    dataset.indicators.push(office);
    dataset.supplements.statements = vec![
        statement(
            "office",
            "2019-03-01",
            Some(true),
            "Office opened",
            "Bureau geopend",
        ),
        statement("office", "2018", Some(false), "", ""),
        statement("secret", "2020", Some(true), "Secret statement", ""),
        statement("office", "2023-06", None, "Budget doubled", ""),
    ];
    use FollowUpStatus::{Implemented, InProgress, NotStarted, Rejected};
    use RecommendationSource::{HumanRightsCouncil, Ombudsperson, TreatyBody, Upr};
    dataset.supplements.recommendations = vec![
        recommendation(
            "cescr-1",
            TreatyBody,
            "2023-03-01",
            &["poverty", "secret"],
            InProgress,
        ),
        recommendation("upr-1", Upr, "2022-11-10", &[], NotStarted),
        recommendation(
            "council-1",
            HumanRightsCouncil,
            "2024-05-02",
            &["office"],
            Implemented,
        ),
        recommendation(
            "ombuds-1",
            Ombudsperson,
            "2021-01-01",
            &["secret"],
            Rejected,
        ),
    ];
    dataset
}

/// The dashboard data for [`dataset`].
pub fn data() -> DashboardData {
    testing::data_of(dataset())
}
