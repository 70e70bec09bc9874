//! Server-side view building: the data the server functions read, prepared
//! once per release, and one module per page that turns it into view types.
//! Every function here gets arguments the server function already checked;
//! nothing here knows about pages or server functions (the arrows run pages
//! → `api` → `ssr` → `types`).

pub(crate) mod actions;
pub(crate) mod area;
mod area_rights;
pub mod chart_image;
pub(crate) mod compare;
pub mod data;
pub(crate) mod district;
pub(crate) mod district_bars;
pub(crate) mod equality;
pub mod export;
pub(crate) mod gap_figure;
pub(crate) mod goal;
pub(crate) mod home;
mod index;
pub(crate) mod indicator;
pub(crate) mod map;
pub(crate) mod progress;
pub(crate) mod qualitative;
pub(crate) mod quality;
pub(crate) mod recommendations;
pub mod report;
pub(crate) mod search;
pub(crate) mod series;
mod source;

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
pub(crate) mod testing_rights;

use std::path::Path;
use std::sync::Arc;

use http::StatusCode;
use indicators::release::{ReleaseStatuses, ServedRelease};
use indicators::statuses::Statuses;
use indicators::{Area, AreaKind, Dataset, Indicator, Labels, Localized};
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::types::Text;
pub(crate) use index::select_series;
pub use index::PublicIndex;
pub use series::public_chart_image;
pub use source::{IndicatorBlock, IndicatorSource, MemorySource, ReleaseSource};

/// The dataset the dashboard shows, loaded once at start-up and shared.
#[derive(Clone, Debug)]
pub struct DashboardData {
    /// What anonymous visitors may see: internal indicators removed. Its
    /// observations are empty when served from a release on disk: pages
    /// read them through `index`.
    pub public: Arc<Dataset>,
    /// The release's statuses and counts (series summaries: see `index`).
    pub statuses: Arc<Statuses>,
    /// The public pages' data, derived once so a page view only looks up.
    pub index: Arc<PublicIndex>,
    /// The languages pages are offered in, the default first: the dataset's
    /// `languages` that the site has words for.
    pub languages: Vec<Locale>,
    /// Words for disaggregation names and values (`labels.csv`).
    pub labels: Arc<Labels>,
    /// The id of the release served (empty for a dataset in memory).
    pub release: String,
    /// The dataset's licence (`settings.csv`), for indicators without one.
    pub licence: Option<String>,
    /// Yearly reports already computed for this release, by data year.
    pub(crate) reports: Arc<report::ReportCache>,
    /// Every public indicator's group gaps, computed when first asked.
    pub(crate) gaps: Arc<equality::GapCache>,
}

impl DashboardData {
    /// `releases` are the statuses of every release (for histories), and
    /// `current` the one being served.
    pub fn new(
        dataset: Dataset,
        statuses: Statuses,
        releases: &[ReleaseStatuses],
        current: &str,
    ) -> Self {
        let public = dataset.public_view();
        // A newer release (built but not current) is not yet public.
        let served = releases
            .iter()
            .position(|r| r.id == current)
            .map_or(releases.len(), |i| i + 1);
        let published = releases
            .iter()
            .find(|r| r.id == current)
            .map(|r| r.created_unix);
        let statuses = Arc::new(statuses);
        let source = MemorySource {
            dataset: Dataset {
                indicators: Vec::new(),
                areas: Vec::new(),
                observations: public.observations.clone(),
                ..Dataset::default()
            },
            statuses: Statuses::clone(&statuses),
            releases: releases[..served].to_vec(),
        };
        let index = PublicIndex::build(&public.indicators, &statuses, Arc::new(source), published)
            .with_statements(&public.supplements.statements);
        DashboardData {
            public: Arc::new(public),
            statuses,
            index: Arc::new(index),
            languages: vec![Locale::En],
            labels: Arc::default(),
            release: current.to_owned(),
            licence: None,
            reports: Arc::default(),
            gaps: Arc::default(),
        }
    }

    /// The dashboard of a release on disk: only the catalogue and the
    /// statuses stay in memory; each indicator is read when a page needs it.
    pub fn from_release(release: ServedRelease, data_dir: &Path) -> Self {
        let public = release.catalogue().public_view();
        let (languages, labels) = (release.languages.clone(), release.labels.clone());
        let licence = release.licence.clone();
        let statuses = Arc::new(release.statuses.clone());
        let published = Some(release.manifest.created_unix);
        let release_id = release.manifest.id.clone();
        let source = ReleaseSource {
            release,
            data_dir: data_dir.to_path_buf(),
        };
        let index = PublicIndex::build(&public.indicators, &statuses, Arc::new(source), published)
            .with_statements(&public.supplements.statements);
        DashboardData {
            public: Arc::new(public),
            statuses,
            index: Arc::new(index),
            languages: vec![Locale::En],
            labels: Arc::default(),
            release: release_id,
            licence,
            reports: Arc::default(),
            gaps: Arc::default(),
        }
        .with_languages(&languages, labels)
    }

    /// Offers pages in `languages` (codes, the default first) that the
    /// site has words for; English when none is left.
    pub fn with_languages(mut self, languages: &[String], labels: Labels) -> Self {
        let mut offered: Vec<Locale> = languages
            .iter()
            .filter_map(|code| Locale::from_code(code))
            .filter(|l| l.has_words())
            .collect();
        offered.dedup();
        // English pages are the unprefixed ones: always there.
        if !offered.contains(&Locale::En) {
            offered.insert(0, Locale::En);
        }
        self.languages = offered;
        self.labels = Arc::new(labels);
        self
    }

    /// A public indicator by id.
    pub fn public_indicator(&self, id: &str) -> Option<&Indicator> {
        self.public.indicator(id)
    }

    /// A public page's area by kind and id.
    pub fn area(&self, kind: AreaKind, id: &str) -> Option<&Area> {
        self.public
            .areas
            .iter()
            .find(|a| a.kind == kind && a.id == id)
    }

    /// How many public observations there are.
    pub fn public_observations(&self) -> usize {
        self.index.observations
    }

    /// Whether any public series is reported for the district `name`.
    pub fn has_district(&self, name: &str) -> bool {
        self.index.districts.iter().any(|d| d == name)
    }
}

/// The dashboard data from the request context. Until staff sign-in exists
/// every visitor is anonymous, so server functions read only its public parts.
pub fn data() -> Result<DashboardData, AppError> {
    use_context::<DashboardData>().ok_or_else(|| {
        tracing::error!("DashboardData missing from the server function context");
        AppError::Internal
    })
}

/// A text from the data for a page in `locale`, marked when it is in
/// another language.
pub(crate) fn text(localized: Localized<'_>, locale: Locale) -> Text {
    Text {
        text: localized.text.to_owned(),
        fallback: localized
            .is_fallback(locale.code())
            .then(|| localized.language.to_owned()),
    }
}

/// A text of the UN framework, which the site carries in English only.
pub(crate) fn english(text: &str, locale: Locale) -> Text {
    Text {
        text: text.to_owned(),
        fallback: (locale != Locale::En && !text.is_empty()).then(|| "en".to_owned()),
    }
}

/// Sets the HTTP status of the page being rendered (no-op outside a request).
pub fn set_status(status: StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// `YYYY-MM-DD` of a Unix time (UTC), without a date crate: Howard Hinnant's
/// days-to-civil algorithm.
pub fn date_of_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::date_of_unix;

    #[test]
    fn unix_times_become_calendar_dates() {
        assert_eq!(date_of_unix(0), "1970-01-01");
        assert_eq!(date_of_unix(951_782_400), "2000-02-29");
        assert_eq!(date_of_unix(1_795_737_600), "2026-11-27");
    }
}
