//! What a city says about an indicator (its catalogue row) and the areas it
//! maps to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

crate::wire_enum! {
    /// Whether a higher or a lower value is progress.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Direction: "direction" {
        Higher = "higher",
        Lower = "lower",
    }
}

impl Direction {
    /// `+1` when higher is better, `-1` when lower is: multiply a change by
    /// it and a positive result is an improvement.
    pub fn sign(self) -> f64 {
        match self {
            Direction::Higher => 1.0,
            Direction::Lower => -1.0,
        }
    }
}

crate::wire_enum! {
    /// Whether anonymous visitors may see an indicator.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Visibility: "visibility" {
        #[default]
        Public = "public",
        Internal = "internal",
    }
}

crate::wire_enum! {
    /// Which character separates the decimals in a file's numbers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum DecimalSeparator: "decimal separator" {
        Point = "point",
        Comma = "comma",
    }
}

crate::wire_enum! {
    /// Whether an area is a human-rights area or a municipal policy area.
    /// The wire names are also the address segments (`/rights/…`, `/policy/…`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum AreaKind: "kind of area" {
        Rights = "rights",
        Policy = "policy",
    }
}

/// Which series make an indicator's status (their scores are averaged; see
/// `docs/methodology.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum CountedSeries {
    /// A city catalogue's default: the headline series (no dimensions) if the
    /// data has one, else every series.
    #[default]
    Headline,
    /// The series a city catalogue names in its `progress_series` column, by
    /// their slugs ([`crate::Dimensions::slug`]).
    Named { slugs: Vec<String> },
    /// Open SDG: one series per entry of `progress_calculation_options` (no
    /// entries = one entry with the defaults), chosen as sdg-build chooses it.
    OpenSdgOptions,
    /// Open SDG with `auto_progress_calculation` off: no computed status.
    Off,
}

/// A local indicator from the city's catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable id used in URLs and files, e.g. `poverty-rate`.
    pub id: String,
    /// Title per language code; `default_language` names the one to fall back to.
    pub titles: BTreeMap<String, String>,
    pub default_language: String,
    /// Unit as shown next to values, e.g. `%` or `t CO2e per resident`.
    pub unit: String,
    pub direction: Direction,
    /// Decimals shown.
    pub decimals: u8,
    /// SDG targets, e.g. `11.1`, in the order the catalogue lists them.
    pub sdg_targets: Vec<String>,
    pub rights_areas: Vec<String>,
    pub policy_areas: Vec<String>,
    pub baseline_year: Option<i32>,
    pub target_value: Option<f64>,
    pub target_year: Option<i32>,
    /// A value the indicator cannot pass (0 for a rate, 100 for a share).
    pub natural_limit: Option<f64>,
    pub visibility: Visibility,
    pub source: String,
    pub owner: String,
    pub definition: String,
    pub narrative: String,
    /// Overrides the decimal separator detected in this indicator's files.
    pub decimal_separator: Option<DecimalSeparator>,
    /// Open SDG `reporting_status`: `complete`, `inprogress`, `notstarted`.
    #[serde(default)]
    pub reporting_status: Option<String>,
    /// Open SDG `graph_type`: `line`, `bar` ...
    #[serde(default)]
    pub graph_type: Option<String>,
    /// Open SDG `data_non_statistical`: the indicator is reported in words.
    #[serde(default)]
    pub non_statistical: bool,
    /// Open SDG `progress_calculation_options`: which series the progress
    /// status is computed on, and with which inputs.
    #[serde(default)]
    pub progress_options: Vec<ProgressOptions>,
    /// Which series make the indicator's status.
    #[serde(default)]
    pub counted_series: CountedSeries,
    /// How often new figures are due: the staff workspace flags the data as
    /// overdue when the latest period is older than this allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_frequency: Option<UpdateFrequency>,
    /// The definition and narrative in languages other than the default
    /// (`definition_nl`, `narrative_nl` columns), by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
    /// Numbers with a chart and a status, or dated statements shown as a
    /// timeline with no status (the catalogue's `kind` column).
    #[serde(default, skip_serializing_if = "IndicatorKind::is_quantitative")]
    pub kind: IndicatorKind,
    /// The OHCHR framework's type (`indicator_type`): structure, process or outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ohchr_type: Option<OhchrType>,
    /// Proxy mark, quality note, licence and update dates.
    #[serde(default, skip_serializing_if = "Quality::is_empty")]
    pub quality: Quality,
}

crate::wire_enum! {
    /// The catalogue's `kind`: what an indicator's observations are.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum IndicatorKind: "kind of indicator" {
        /// Numbers (observation files): a chart, a trend and a status.
        #[default]
        Quantitative = "quantitative",
        /// Yes/no answers or dated text (`qualitative.csv`): a timeline, no status.
        Qualitative = "qualitative",
    }
}

impl IndicatorKind {
    pub fn is_quantitative(&self) -> bool {
        *self == IndicatorKind::Quantitative
    }
}

crate::wire_enum! {
    /// The OHCHR human-rights indicator framework's three types.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum OhchrType: "indicator type" {
        /// Commitments in law and policy (a strategy adopted, an office set up).
        Structure = "structure",
        /// What the city does to meet them (services, spending, coverage).
        Process = "process",
        /// What residents experience (poverty, evictions, health).
        Outcome = "outcome",
    }
}

/// Where an indicator's figures come from and how far to trust them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quality {
    /// The figures stand in for what the indicator means to measure (`proxy`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proxy: bool,
    /// `quality_note` in the default language (translations in
    /// [`Translation::quality_note`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// `licence` (e.g. `CC BY 4.0`); empty: the dataset's licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// `last_update`: when the figures were last updated (`yyyy-mm-dd`, `yyyy-mm` or `yyyy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update: Option<String>,
    /// `next_update`: when new figures are expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_update: Option<String>,
}

impl Quality {
    pub fn is_empty(&self) -> bool {
        self == &Quality::default()
    }
}

/// An indicator's long texts in one more language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub narrative: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quality_note: String,
}

/// A text in the language asked for, or in another one when it has no
/// translation (pages mark such a text with its language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The language `text` is in.
    pub language: &'a str,
}

impl Localized<'_> {
    /// Whether the text is in another language than `asked`.
    pub fn is_fallback(&self, asked: &str) -> bool {
        !self.text.is_empty() && self.language != asked
    }
}

crate::wire_enum! {
    /// The catalogue's `update_frequency`: how often new figures are due.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UpdateFrequency: "update frequency" {
        Monthly = "monthly",
        Quarterly = "quarterly",
        Annual = "annual",
        Biennial = "biennial",
        Triennial = "triennial",
        Quinquennial = "quinquennial",
    }
}

impl UpdateFrequency {
    /// A catalogue cell, in the words staff write (`annual`, `yearly`,
    /// `every 2 years` ...), any case.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Some(match text.as_str() {
            "monthly" | "every month" => UpdateFrequency::Monthly,
            "quarterly" | "every quarter" => UpdateFrequency::Quarterly,
            "annual" | "annually" | "yearly" | "every year" => UpdateFrequency::Annual,
            "biennial" | "every 2 years" | "every two years" => UpdateFrequency::Biennial,
            "triennial" | "every 3 years" | "every three years" => UpdateFrequency::Triennial,
            "quinquennial" | "every 5 years" | "every five years" => UpdateFrequency::Quinquennial,
            _ => return None,
        })
    }

    /// Years between two releases of the figures (periods are ordered by
    /// year, so monthly and quarterly figures count as yearly).
    pub fn years(self) -> i32 {
        match self {
            UpdateFrequency::Monthly | UpdateFrequency::Quarterly | UpdateFrequency::Annual => 1,
            UpdateFrequency::Biennial => 2,
            UpdateFrequency::Triennial => 3,
            UpdateFrequency::Quinquennial => 5,
        }
    }

    /// Whether figures whose latest period starts in `latest` are overdue
    /// in calendar year `now`: the next period (`latest` + the interval)
    /// has ended and a year has passed to publish it.
    pub fn overdue(self, latest: i32, now: i32) -> bool {
        latest + self.years() < now
    }
}

/// One entry of Open SDG's `progress_calculation_options`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressOptions {
    pub direction: Option<Direction>,
    pub base_year: Option<i32>,
    pub target: Option<f64>,
    pub target_year: Option<i32>,
    pub limit: Option<f64>,
    /// Selects rows by the `Series` column.
    pub series: Option<String>,
    /// Selects rows by the `Units` column.
    pub unit: Option<String>,
    /// Selects rows by disaggregation: `(column, value)`; `None` = empty cell.
    pub disaggregation: Vec<(String, Option<String>)>,
}

impl Indicator {
    /// A minimal public indicator, for tests and for readers that only know
    /// an id, a title and a unit (such as Open SDG data without metadata).
    pub fn new(
        id: &str,
        title: &str,
        unit: &str,
        direction: Direction,
        sdg_targets: &[&str],
    ) -> Self {
        Indicator {
            id: id.to_owned(),
            titles: BTreeMap::from([("en".to_owned(), title.to_owned())]),
            default_language: "en".to_owned(),
            unit: unit.to_owned(),
            direction,
            decimals: 1,
            sdg_targets: sdg_targets.iter().map(|t| t.to_string()).collect(),
            rights_areas: Vec::new(),
            policy_areas: Vec::new(),
            baseline_year: None,
            target_value: None,
            target_year: None,
            natural_limit: None,
            visibility: Visibility::Public,
            source: String::new(),
            owner: String::new(),
            definition: String::new(),
            narrative: String::new(),
            decimal_separator: None,
            reporting_status: None,
            graph_type: None,
            non_statistical: false,
            progress_options: Vec::new(),
            counted_series: CountedSeries::Headline,
            update_frequency: None,
            translations: BTreeMap::new(),
            kind: IndicatorKind::Quantitative,
            ohchr_type: None,
            quality: Quality::default(),
        }
    }

    /// The title in the default language.
    pub fn title(&self) -> &str {
        self.title_in(&self.default_language)
    }

    /// The title in `language`, else in the default language, else any.
    pub fn title_in(&self, language: &str) -> &str {
        self.titles
            .get(language)
            .or_else(|| self.titles.get(&self.default_language))
            .or_else(|| self.titles.values().next())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }

    /// The title in `language`, or the default language's, saying which.
    pub fn localized_title(&self, language: &str) -> Localized<'_> {
        match self.titles.get_key_value(language) {
            Some((language, text)) => Localized { text, language },
            None => Localized {
                text: self.title(),
                language: &self.default_language,
            },
        }
    }

    /// The definition in `language`, or the default language's.
    pub fn localized_definition(&self, language: &str) -> Localized<'_> {
        self.long_text(language, &self.definition, |t| &t.definition)
    }

    /// The quality note in `language`, or the default language's.
    pub fn localized_quality_note(&self, language: &str) -> Localized<'_> {
        self.long_text(language, &self.quality.note, |t| &t.quality_note)
    }

    /// Whether it is reported in dated statements rather than numbers.
    pub fn is_qualitative(&self) -> bool {
        self.kind == IndicatorKind::Qualitative
    }

    /// The narrative in `language`, or the default language's.
    pub fn localized_narrative(&self, language: &str) -> Localized<'_> {
        self.long_text(language, &self.narrative, |t| &t.narrative)
    }

    fn long_text<'a>(
        &'a self,
        language: &str,
        default: &'a str,
        field: impl Fn(&'a Translation) -> &'a String,
    ) -> Localized<'a> {
        if let Some((language, text)) = self
            .translations
            .get_key_value(language)
            .map(|(l, t)| (l, field(t)))
            .filter(|(_, text)| !text.is_empty())
        {
            return Localized { text, language };
        }
        Localized {
            text: default,
            language: &self.default_language,
        }
    }

    /// The goals of its targets, ascending, each once.
    pub fn goals(&self) -> Vec<u8> {
        let mut goals: Vec<u8> = self
            .sdg_targets
            .iter()
            .filter_map(|t| crate::sdg::goal_of_target(t))
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }

    /// The first goal it maps to: the one whose colour it wears.
    pub fn primary_goal(&self) -> Option<u8> {
        self.sdg_targets
            .iter()
            .find_map(|t| crate::sdg::goal_of_target(t))
    }

    /// The ids of the areas of `kind` it maps to.
    pub fn areas(&self, kind: AreaKind) -> &[String] {
        match kind {
            AreaKind::Rights => &self.rights_areas,
            AreaKind::Policy => &self.policy_areas,
        }
    }

    /// Whether it maps to the area `id` of `kind`.
    pub fn maps_to(&self, kind: AreaKind, id: &str) -> bool {
        self.areas(kind).iter().any(|a| a == id)
    }

    pub fn is_public(&self) -> bool {
        self.visibility == Visibility::Public
    }
}

/// A human-rights area (grounded in an instrument and article, with the
/// rights-holder groups concerned) or a municipal policy area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub kind: AreaKind,
    pub names: BTreeMap<String, String>,
    pub instrument: String,
    pub article: String,
    pub rights_holders: Vec<String>,
}

impl Area {
    /// The name in `language`, else in English, else in any language.
    pub fn localized_name(&self, language: &str) -> Localized<'_> {
        self.names
            .get_key_value(language)
            .or_else(|| self.names.get_key_value("en"))
            .or_else(|| self.names.iter().next())
            .map_or(
                Localized {
                    text: &self.id,
                    language: "",
                },
                |(language, text)| Localized { text, language },
            )
    }

    pub fn name(&self) -> &str {
        self.names
            .get("en")
            .or_else(|| self.names.values().next())
            .map(String::as_str)
            .unwrap_or(&self.id)
    }
}
