//! The error every server function returns. It crosses the wire as JSON, so
//! it carries only what a user may see; internals are logged on the server.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("There is no indicator “{0}”. Go back to the list of goals to find the indicator you are looking for.")]
    IndicatorNotFound(String),
    #[error("The indicator “{indicator}” has no series “{series}”. Choose one of the series listed on the page.")]
    SeriesNotFound { indicator: String, series: String },
    #[error("Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the city's data team.")]
    Internal,
    #[error("The request could not be completed ({0}). Reload the page and try again.")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    /// The HTTP status a page showing this error should carry.
    pub fn status(&self) -> u16 {
        match self {
            AppError::IndicatorNotFound(_) | AppError::SeriesNotFound { .. } => 404,
            AppError::Internal | AppError::ServerFn(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}
