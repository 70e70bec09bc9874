//! Server-only glue: the data the server functions read, prepared once per
//! release, and response helpers.

pub mod views;

use std::collections::BTreeMap;
use std::sync::Arc;

use indicators::progress::ProgressStatus;
use indicators::release::{ReleaseStatuses, Statuses};
use indicators::summary::SeriesSummary;
use indicators::{Dataset, Series};
use leptos::prelude::*;

use crate::api::IndicatorCard;
use crate::error::AppError;
use crate::format::Locale;

/// The dataset the dashboard shows, loaded once at start-up and shared.
#[derive(Clone, Debug)]
pub struct DashboardData {
    /// Everything, internal indicators included (for staff pages).
    pub all: Arc<Dataset>,
    /// What anonymous visitors may see: internal indicators removed.
    pub public: Arc<Dataset>,
    /// The release's computed summaries and statuses.
    pub statuses: Arc<Statuses>,
    /// The public pages' data, derived once so a page view only looks up.
    pub index: Arc<PublicIndex>,
}

/// Everything public pages read, keyed for lookup. Built from the public
/// dataset only, so nothing internal can leak into a page through it.
#[derive(Debug, Default)]
pub struct PublicIndex {
    /// Each public indicator's series, headline first.
    pub series: BTreeMap<String, Vec<Series>>,
    /// `(indicator id, series slug)` → summary.
    pub summaries: BTreeMap<(String, String), SeriesSummary>,
    /// Each public indicator's status (its headline series').
    pub indicator_status: BTreeMap<String, ProgressStatus>,
    /// Each public indicator as a card, with its sparkline drawn.
    pub cards: BTreeMap<String, IndicatorCard>,
    /// `(indicator id, series slug)` → `(release, date, status)`, oldest first.
    pub history: BTreeMap<(String, String), Vec<(String, String, ProgressStatus)>>,
    /// The current release and the date it was published.
    pub release: String,
    pub published: String,
    pub locale: Locale,
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
        let public = Arc::new(dataset.public_view());
        let index = Arc::new(views::build_index(&public, &statuses, releases, current));
        DashboardData {
            all: Arc::new(dataset),
            public,
            statuses: Arc::new(statuses),
            index,
        }
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

/// Sets the HTTP status of the page being rendered (no-op outside a request).
pub fn set_status(code: u16) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        match http::StatusCode::from_u16(code) {
            Ok(status) => response.set_status(status),
            Err(err) => tracing::error!(code, %err, "invalid status code"),
        }
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
