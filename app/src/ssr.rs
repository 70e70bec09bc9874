//! Server-only glue: the data the server functions read, and response helpers.

use std::sync::Arc;

use indicators::release::Statuses;
use indicators::Dataset;
use leptos::prelude::*;

use crate::error::AppError;

/// The dataset the dashboard shows, loaded once at start-up and shared.
#[derive(Clone, Debug)]
pub struct DashboardData {
    /// Everything, internal indicators included (for staff pages).
    pub all: Arc<Dataset>,
    /// What anonymous visitors may see: internal indicators removed.
    pub public: Arc<Dataset>,
    /// The release's computed summaries and statuses.
    pub statuses: Arc<Statuses>,
}

impl DashboardData {
    pub fn new(dataset: Dataset, statuses: Statuses) -> Self {
        let public = Arc::new(dataset.public_view());
        DashboardData {
            all: Arc::new(dataset),
            public,
            statuses: Arc::new(statuses),
        }
    }
}

/// The statuses from the request context.
pub fn statuses() -> Result<Arc<Statuses>, AppError> {
    use_context::<DashboardData>()
        .map(|d| d.statuses)
        .ok_or_else(|| {
            tracing::error!("DashboardData missing from the server function context");
            AppError::Internal
        })
}

/// The public part of the dashboard data from the request context. Until
/// staff sign-in exists every visitor is anonymous, so this is all a server
/// function may read.
pub fn public_data() -> Result<Arc<Dataset>, AppError> {
    use_context::<DashboardData>()
        .map(|d| d.public)
        .ok_or_else(|| {
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
