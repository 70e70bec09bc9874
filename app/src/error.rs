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
    #[error("The indicator “{indicator}” has no series “{series}”. Not every combination is published: choose one value at a time in the selectors above, or “All”.")]
    SeriesNotFound { indicator: String, series: String },
    #[error("There is no goal “{0}”. The goals are numbered 1 to 17; go back to the list of goals and choose one.")]
    GoalNotFound(String),
    #[error("There is no {kind} area “{id}”. Go back to the list of goals to find the areas the city reports on.")]
    AreaNotFound { kind: String, id: String },
    #[error("No indicator is reported for the district “{0}”. Choose one of the districts listed on the home page.")]
    DistrictNotFound(String),
    #[error("The filter “{name}={value}” is not one we know. Choose a value from the form on this page: {expected}.")]
    BadFilter {
        name: String,
        value: String,
        expected: String,
    },
    #[error("Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the city's data team.")]
    Internal,
    #[error("The request could not be completed ({0}). Reload the page and try again.")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    /// The HTTP status a page showing this error should carry.
    pub fn status(&self) -> u16 {
        match self {
            AppError::IndicatorNotFound(_)
            | AppError::SeriesNotFound { .. }
            | AppError::GoalNotFound(_)
            | AppError::AreaNotFound { .. }
            | AppError::DistrictNotFound(_) => 404,
            AppError::BadFilter { .. } => 400,
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
