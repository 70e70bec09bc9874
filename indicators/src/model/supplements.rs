//! The optional files beside a catalogue that make the rights half of a
//! dataset: which disaggregation values are rights-holder groups
//! (`groups.csv`), the district boundaries (`districts.geojson`), the
//! recommendations the city received and how it follows them up
//! (`recommendations.csv`), and the dated statements of qualitative
//! indicators (`qualitative.csv`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Localized, SourceRef};

/// Everything read from the optional rights files; empty when a dataset has none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Supplements {
    /// `groups.csv`: disaggregation values that are rights-holder groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupMapping>,
    /// `districts.geojson`: the city's district boundaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub districts: Option<DistrictMap>,
    /// `recommendations.csv`: what treaty bodies, the UPR, the city's
    /// human-rights council or an ombudsperson recommended, and the follow-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<Recommendation>,
    /// `qualitative.csv`: the dated statements of qualitative indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

impl Supplements {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
            && self.districts.is_none()
            && self.recommendations.is_empty()
            && self.statements.is_empty()
    }

    /// The same, without any trace of the indicators `is_public` refuses:
    /// their statements go, and recommendations lose their links to them
    /// (a recommendation is the city's to publish whatever it links to).
    pub fn public_view(&self, is_public: impl Fn(&str) -> bool) -> Supplements {
        Supplements {
            groups: self.groups.clone(),
            districts: self.districts.clone(),
            recommendations: self
                .recommendations
                .iter()
                .map(|r| Recommendation {
                    indicators: r
                        .indicators
                        .iter()
                        .filter(|id| is_public(id))
                        .cloned()
                        .collect(),
                    ..r.clone()
                })
                .collect(),
            statements: self
                .statements
                .iter()
                .filter(|s| is_public(&s.indicator_id))
                .cloned()
                .collect(),
        }
    }

    /// The group a disaggregation value belongs to, if any.
    pub fn group_of(&self, dimension: &str, value: &str) -> Option<&GroupMapping> {
        self.groups
            .iter()
            .find(|g| g.dimension.eq_ignore_ascii_case(dimension) && g.value == value)
    }
}

/// One row of `groups.csv`: the series with `dimension` = `value` describe a
/// rights-holder group (`sex` = `female` → women, `district` = `Nordhafen` →
/// the residents of Nordhafen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMapping {
    pub dimension: String,
    pub value: String,
    /// The group's name in the default language (`language`), e.g. `women`.
    pub group: String,
    #[serde(default = "english")]
    pub language: String,
    /// The group's name in other languages (`group_nl` ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    #[serde(default)]
    pub source: SourceRef,
}

impl GroupMapping {
    pub fn localized_group(&self, language: &str) -> Localized<'_> {
        localized(&self.group, &self.language, &self.translations, language)
    }
}

/// The city's districts as polygons in longitude/latitude (WGS 84, as
/// GeoJSON has them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DistrictMap {
    pub districts: Vec<DistrictShape>,
}

/// A closed ring of `[longitude, latitude]` positions.
pub type Ring = Vec<[f64; 2]>;
/// An outer ring, then its holes.
pub type Polygon = Vec<Ring>;

/// One district's boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictShape {
    /// The value its series carry in the district dimension (`Nordhafen`).
    pub id: String,
    /// The name to show (the `name` property, else the id).
    pub name: String,
    pub polygons: Vec<Polygon>,
}

crate::wire_enum! {
    /// Who made a recommendation.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum RecommendationSource: "recommendation source" {
        /// A UN treaty body (CESCR, CRC, CEDAW, CRPD ...), in its concluding observations.
        TreatyBody = "treaty-body",
        /// The Universal Periodic Review.
        Upr = "upr",
        /// The city's own human-rights council.
        HumanRightsCouncil = "human-rights-council",
        /// An ombudsperson.
        Ombudsperson = "ombudsperson",
    }
}

crate::wire_enum! {
    /// How far the city has followed a recommendation up.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum FollowUpStatus: "follow-up status" {
        NotStarted = "not-started",
        InProgress = "in-progress",
        Implemented = "implemented",
        Rejected = "rejected",
    }
}

/// One row of `recommendations.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Unique within the dataset; used in addresses.
    pub id: String,
    pub source_kind: RecommendationSource,
    /// Who exactly, e.g. `CESCR` or `Lindenfeld Human Rights Council`.
    pub source_name: String,
    /// When it was made, ISO `yyyy-mm-dd`.
    pub date: String,
    /// The recommendation in the default language (`language`).
    pub text: String,
    /// The city's response in the default language (may be empty).
    #[serde(default)]
    pub response: String,
    #[serde(default = "english")]
    pub language: String,
    /// `text` and `response` in other languages (`text_nl`, `response_nl`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, RecommendationText>,
    pub rights_areas: Vec<String>,
    /// Linked indicators; internal ones are dropped from the public view.
    pub indicators: Vec<String>,
    pub status: FollowUpStatus,
    /// When the status was last set, ISO `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<String>,
    /// When the city means to have implemented it, ISO `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// An `http(s)` address of the source document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(default)]
    pub source: SourceRef,
}

/// A recommendation's texts in one more language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationText {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub response: String,
}

impl Recommendation {
    pub fn localized_text(&self, language: &str) -> Localized<'_> {
        self.pick(language, &self.text, |t| &t.text)
    }

    pub fn localized_response(&self, language: &str) -> Localized<'_> {
        self.pick(language, &self.response, |t| &t.response)
    }

    fn pick<'a>(
        &'a self,
        language: &str,
        default: &'a str,
        field: impl Fn(&'a RecommendationText) -> &'a String,
    ) -> Localized<'a> {
        match self
            .translations
            .get_key_value(language)
            .map(|(l, t)| (l, field(t)))
            .filter(|(_, text)| !text.is_empty())
        {
            Some((language, text)) => Localized { text, language },
            None => Localized {
                text: default,
                language: &self.language,
            },
        }
    }
}

/// One dated statement of a qualitative indicator (a row of
/// `qualitative.csv`): "Local anti-discrimination office opened" in 2019.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub indicator_id: String,
    /// `yyyy`, `yyyy-mm` or `yyyy-mm-dd`, as written.
    pub date: String,
    /// The year `date` falls in (for ordering and the report's year).
    pub year: i32,
    /// A yes/no answer (`value` column), when the indicator asks one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    /// The `text_value` in the default language (`language`).
    pub text: String,
    #[serde(default = "english")]
    pub language: String,
    /// `text_value_nl` ...
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    #[serde(default)]
    pub source: SourceRef,
}

impl Statement {
    pub fn localized_text(&self, language: &str) -> Localized<'_> {
        localized(&self.text, &self.language, &self.translations, language)
    }
}

fn localized<'a>(
    default: &'a str,
    default_language: &'a str,
    translations: &'a BTreeMap<String, String>,
    language: &str,
) -> Localized<'a> {
    match translations
        .get_key_value(language)
        .filter(|(_, t)| !t.is_empty())
    {
        Some((language, text)) => Localized { text, language },
        None => Localized {
            text: default,
            language: default_language,
        },
    }
}

fn english() -> String {
    "en".to_owned()
}
