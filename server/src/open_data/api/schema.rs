//! The API's answer types: what each `/api/v1/…` path returns, with the
//! OpenAPI schema utoipa derives from them. Codes are typed enums that
//! serialise as the project's wire names (`target_achieved`, `rights`…).

use std::collections::BTreeMap;

use indicators::progress::ProgressStatus;
use serde::Serialize;
use utoipa::ToSchema;

/// An indicator's or a series' progress status (see docs/methodology.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    TargetAchieved,
    SubstantialProgress,
    ModerateProgress,
    LimitedProgress,
    Deterioration,
    NotAvailable,
}

impl From<ProgressStatus> for Status {
    fn from(status: ProgressStatus) -> Self {
        match status {
            ProgressStatus::TargetAchieved => Status::TargetAchieved,
            ProgressStatus::SubstantialProgress => Status::SubstantialProgress,
            ProgressStatus::ModerateProgress => Status::ModerateProgress,
            ProgressStatus::LimitedProgress => Status::LimitedProgress,
            ProgressStatus::Deterioration => Status::Deterioration,
            ProgressStatus::NotAvailable => Status::NotAvailable,
        }
    }
}

/// Numbers with a trend and a status, or dated statements with no status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Quantitative,
    Qualitative,
}

impl From<indicators::model::IndicatorKind> for Kind {
    fn from(kind: indicators::model::IndicatorKind) -> Self {
        match kind {
            indicators::model::IndicatorKind::Quantitative => Kind::Quantitative,
            indicators::model::IndicatorKind::Qualitative => Kind::Qualitative,
        }
    }
}

/// Whether a higher or a lower value is progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
}

impl From<indicators::Direction> for Direction {
    fn from(direction: indicators::Direction) -> Self {
        match direction {
            indicators::Direction::Higher => Direction::Higher,
            indicators::Direction::Lower => Direction::Lower,
        }
    }
}

/// A human-rights area or a municipal policy area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    Rights,
    Policy,
}

impl From<indicators::AreaKind> for AreaKind {
    fn from(kind: indicators::AreaKind) -> Self {
        match kind {
            indicators::AreaKind::Rights => AreaKind::Rights,
            indicators::AreaKind::Policy => AreaKind::Policy,
        }
    }
}

/// Why the baseline is the year it is (docs/methodology.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BaselineRule {
    Catalogue,
    CatalogueNextYearWithData,
    DefaultYear,
    FirstYearWithData,
    SeriesBreak,
}

impl From<indicators::summary::BaselineRule> for BaselineRule {
    fn from(rule: indicators::summary::BaselineRule) -> Self {
        use indicators::summary::BaselineRule as R;
        match rule {
            R::Catalogue => BaselineRule::Catalogue,
            R::CatalogueNextYearWithData => BaselineRule::CatalogueNextYearWithData,
            R::DefaultYear => BaselineRule::DefaultYear,
            R::FirstYearWithData => BaselineRule::FirstYearWithData,
            R::SeriesBreak => BaselineRule::SeriesBreak,
        }
    }
}

/// One of the 17 goals, with how many indicators map to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Goal {
    pub number: u8,
    pub short_title: String,
    pub title: String,
    /// Official colour, `#RRGGBB`.
    pub colour: String,
    /// The indicators (ids) that map to this goal.
    pub indicators: Vec<String>,
}

/// A goal with its targets.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalDetail {
    #[serde(flatten)]
    pub goal: Goal,
    pub targets: Vec<Target>,
}

/// An SDG target and the indicators (ids) that map to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Target {
    /// e.g. `11.1`.
    pub id: String,
    pub goal: u8,
    pub title: String,
    pub indicators: Vec<String>,
}

/// A human-rights or policy area and the indicators (ids) mapped to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Area {
    pub id: String,
    pub kind: AreaKind,
    /// The name in English (or the first language given).
    pub name: String,
    /// The name per language code.
    pub names: BTreeMap<String, String>,
    pub instrument: String,
    pub article: String,
    pub rights_holders: Vec<String>,
    pub indicators: Vec<String>,
}

/// An indicator as lists show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Indicator {
    pub id: String,
    /// The title in the catalogue's default language.
    pub title: String,
    /// The title per language code.
    pub titles: BTreeMap<String, String>,
    pub kind: Kind,
    pub unit: String,
    pub direction: Direction,
    pub goals: Vec<u8>,
    pub targets: Vec<String>,
    pub rights_areas: Vec<String>,
    pub policy_areas: Vec<String>,
    /// `null` for a qualitative indicator (no status).
    pub status: Option<Status>,
    /// True only for staff: the indicator is not public.
    pub internal: bool,
    /// This indicator's address in the API.
    pub href: String,
}

/// One indicator with its catalogue details and its series' slugs.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorDetail {
    #[serde(flatten)]
    pub indicator: Indicator,
    pub definition: String,
    pub source: String,
    pub decimals: u8,
    pub baseline_year: Option<i32>,
    pub target_value: Option<f64>,
    pub target_year: Option<i32>,
    /// The slugs of its series, headline (`total`) first.
    pub series: Vec<String>,
    pub observations: usize,
}

/// A value at a period.
#[derive(Debug, Serialize, ToSchema)]
pub struct Value {
    pub year: i32,
    /// The period as the file wrote it (`2019` or `2014/2015`).
    pub period: String,
    pub value: f64,
}

/// The value progress is measured from.
#[derive(Debug, Serialize, ToSchema)]
pub struct Baseline {
    pub year: i32,
    pub period: String,
    pub value: f64,
    pub rule: BaselineRule,
}

/// A least-squares line through the series, projected to a year.
#[derive(Debug, Serialize, ToSchema)]
pub struct Trend {
    pub slope_per_year: f64,
    pub intercept: f64,
    pub projected_year: i32,
    pub projected_value: f64,
}

/// One series of an indicator: a combination of disaggregation values.
#[derive(Debug, Serialize, ToSchema)]
pub struct Series {
    /// `total` for the headline, else `name=value;name=value` (the
    /// `?series=` of the observations path, URL-encoded).
    pub slug: String,
    pub dimensions: BTreeMap<String, String>,
    pub headline: bool,
    /// Whether its score makes the indicator's status.
    pub counts: bool,
    pub status: Status,
    pub observations: usize,
    pub baseline: Option<Baseline>,
    pub latest: Option<Value>,
    pub trend: Option<Trend>,
}

/// An indicator's series.
#[derive(Debug, Serialize, ToSchema)]
pub struct SeriesList {
    pub indicator: String,
    pub release: String,
    pub series: Vec<Series>,
}

/// One observation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Observation {
    pub series: String,
    pub dimensions: BTreeMap<String, String>,
    pub year: i32,
    pub period: String,
    pub value: f64,
    /// Flags as the file wrote them (`p` provisional, `e` estimated, `b` break…).
    pub flags: String,
}

/// An indicator's observations, of every series or of one.
#[derive(Debug, Serialize, ToSchema)]
pub struct Observations {
    pub indicator: String,
    pub release: String,
    /// The series asked for with `?series=`, if any.
    pub series: Option<String>,
    pub observations: Vec<Observation>,
}

/// How many indicators have each status.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct StatusCounts {
    pub target_achieved: usize,
    pub substantial_progress: usize,
    pub moderate_progress: usize,
    pub limited_progress: usize,
    pub deterioration: usize,
    pub not_available: usize,
}

impl StatusCounts {
    pub fn add(&mut self, status: ProgressStatus, n: usize) {
        let slot = match Status::from(status) {
            Status::TargetAchieved => &mut self.target_achieved,
            Status::SubstantialProgress => &mut self.substantial_progress,
            Status::ModerateProgress => &mut self.moderate_progress,
            Status::LimitedProgress => &mut self.limited_progress,
            Status::Deterioration => &mut self.deterioration,
            Status::NotAvailable => &mut self.not_available,
        };
        *slot += n;
    }
}

/// A goal's counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct GoalCounts {
    pub goal: u8,
    pub counts: StatusCounts,
}

/// Indicators per status, overall and per goal.
#[derive(Debug, Serialize, ToSchema)]
pub struct Statuses {
    pub release: String,
    pub indicators: StatusCounts,
    pub by_goal: Vec<GoalCounts>,
}

/// One published release.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Release {
    /// e.g. `r00003`.
    pub id: String,
    /// Publication date, `YYYY-MM-DD` (UTC).
    pub published: String,
    pub published_unix: u64,
    /// Whether this is the release served now.
    pub current: bool,
    pub indicators: usize,
    pub observations: usize,
}

/// The published releases, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct Releases {
    pub current: String,
    pub releases: Vec<Release>,
}
