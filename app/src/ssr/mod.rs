//! Server-side view building: the data the server functions read, prepared
//! once per release, and one module per page that turns it into view types.
//! Every function here gets arguments the server function already checked;
//! nothing here knows about pages or server functions (the arrows run pages
//! → `api` → `ssr` → `types`).

pub(crate) mod area;
pub(crate) mod district;
pub(crate) mod goal;
pub(crate) mod home;
mod index;
pub(crate) mod indicator;
pub(crate) mod progress;
pub(crate) mod series;

#[cfg(test)]
pub(crate) mod testing;

use std::sync::Arc;

use http::StatusCode;
use indicators::release::ReleaseStatuses;
use indicators::statuses::Statuses;
use indicators::{Area, AreaKind, Dataset, Indicator};
use leptos::prelude::*;

use crate::error::AppError;
pub(crate) use index::select_series;
pub use index::PublicIndex;

/// The dataset the dashboard shows, loaded once at start-up and shared.
#[derive(Clone, Debug)]
pub struct DashboardData {
    /// What anonymous visitors may see: internal indicators removed.
    pub public: Arc<Dataset>,
    /// The release's computed summaries and statuses.
    pub statuses: Arc<Statuses>,
    /// The public pages' data, derived once so a page view only looks up.
    pub index: Arc<PublicIndex>,
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
        let index = Arc::new(PublicIndex::build(&public, &statuses, releases, current));
        DashboardData {
            public,
            statuses: Arc::new(statuses),
            index,
        }
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
