//! Recommendations and their follow-up, qualitative indicators' statements
//! and the OHCHR indicator types, as `/recommendations`, the rights-area
//! pages, the indicator page and the cards show them.

use indicators::model::{FollowUpStatus, OhchrType, RecommendationSource};
use serde::{Deserialize, Serialize};

use super::{Badge, Choice, IndicatorCard, Text};

/// A date as `<time datetime=iso>text</time>` shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateView {
    /// As the data wrote it: `2023-05-14`, `2023-05` or `2023`.
    pub iso: String,
    /// Worded for the page, e.g. `14 May 2023`.
    pub text: String,
}

/// One recommendation, with the city's response and follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationView {
    pub id: String,
    pub source_kind: RecommendationSource,
    /// The kind worded, e.g. `UN treaty body`.
    pub source_label: String,
    /// Who exactly, e.g. `CESCR` (may be empty).
    pub source_name: String,
    pub date: DateView,
    pub text: Text,
    /// The city's response (empty when it has given none).
    pub response: Text,
    /// The public rights areas it names.
    pub areas: Vec<Badge>,
    /// The public indicators it names (internal ones never get here).
    pub indicators: Vec<Badge>,
    pub status: FollowUpStatus,
    /// The status worded, e.g. `in progress`.
    pub status_label: String,
    pub status_date: Option<DateView>,
    pub due_date: Option<DateView>,
    pub link: Option<String>,
}

/// How many recommendations have one follow-up status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpCount {
    pub status: FollowUpStatus,
    pub label: String,
    pub count: usize,
}

/// `/recommendations?status=&source=`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecommendationsView {
    /// Those the filters let through, newest first.
    pub items: Vec<RecommendationView>,
    /// How many the dataset has in all.
    pub total: usize,
    /// Per status, over the recommendations of the chosen source (every
    /// status, zeros included, in the order of the follow-up).
    pub counts: Vec<FollowUpCount>,
    pub status_choices: Vec<Choice>,
    pub source_choices: Vec<Choice>,
}

/// One dated statement of a qualitative indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementView {
    pub date: DateView,
    /// The yes/no answer, worded (`Yes`), when the statement gives one.
    pub answer: Option<String>,
    pub text: Text,
}

/// A qualitative indicator's latest statement on its card.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CardStatement {
    pub date: DateView,
    /// `Yes — Office opened`.
    pub text: String,
}

/// A rights area's indicators of one OHCHR type (`None`: the catalogue
/// gives no type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OhchrGroup {
    pub kind: Option<OhchrType>,
    /// e.g. `Structure indicators`.
    pub heading: String,
    /// What indicators of this type show, in one line.
    pub explanation: String,
    pub cards: Vec<IndicatorCard>,
}
