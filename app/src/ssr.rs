//! Server-only glue: the data the server functions read, and response helpers.

use std::sync::Arc;

use indicators::Dataset;
use leptos::prelude::*;

use crate::error::AppError;

/// The dataset the dashboard shows, loaded once at start-up and shared.
#[derive(Clone, Debug)]
pub struct DashboardData(pub Arc<Dataset>);

/// The dashboard data from the request context.
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
