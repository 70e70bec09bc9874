//! The error every server function returns. It crosses the wire as JSON, so
//! it carries only what a user may see; internals are logged on the server.

use http::StatusCode;
use indicators::AreaKind;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use leptos_router::params::ParamsError;
use serde::{Deserialize, Serialize};

use crate::i18n::{t, tr, Locale};

/// What a filter accepts, for the message that says what to choose instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expected {
    /// One of these names.
    OneOf(Vec<String>),
    /// A goal number from 1 to 17.
    GoalNumber,
    /// An area listed in the form.
    ListedArea,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::OneOf(names) => match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    write!(f, "{} or {last}", rest.join(", "))
                }
                _ => f.write_str(&names.join(", ")),
            },
            Expected::GoalNumber => f.write_str("a goal number from 1 to 17"),
            Expected::ListedArea => f.write_str("one of the listed rights or policy areas"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("There is no indicator “{0}”. Go back to the list of goals to find the indicator you are looking for.")]
    IndicatorNotFound(String),
    #[error("The indicator “{indicator}” has no series “{series}”. Not every combination is published: choose one value at a time in the selectors above, or “All”.")]
    SeriesNotFound { indicator: String, series: String },
    #[error("No data has been published for “{0}” yet; what it measures is described below. Check again after the city's next release.")]
    NoDataYet(String),
    #[error("There is no goal “{0}”. The goals are numbered 1 to 17; go back to the list of goals and choose one.")]
    GoalNotFound(String),
    #[error("There is no {kind} area “{id}”. Go back to the list of goals to find the areas the city reports on.")]
    AreaNotFound { kind: AreaKind, id: String },
    #[error("No indicator is reported for the district “{0}”. Choose one of the districts listed on the home page.")]
    DistrictNotFound(String),
    #[error("The filter “{name}={value}” is not one we know. Choose a value from the form on this page: {expected}.")]
    BadFilter {
        name: String,
        value: String,
        expected: Expected,
    },
    #[error("There is no yearly report for “{year}”. Reports exist for the years with data; choose one from the list of reports.")]
    ReportYearNotFound { year: String, latest: Option<i32> },
    #[error("Something went wrong on our side. Please try again in a minute; if it keeps happening, tell the city's data team.")]
    Internal,
    #[error("The request could not be completed ({0}). Reload the page and try again.")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    /// The HTTP status a page showing this error should carry.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::IndicatorNotFound(_)
            | AppError::SeriesNotFound { .. }
            | AppError::GoalNotFound(_)
            | AppError::AreaNotFound { .. }
            | AppError::DistrictNotFound(_)
            | AppError::ReportYearNotFound { .. } => StatusCode::NOT_FOUND,
            // The indicator exists and its page says what it measures.
            AppError::NoDataYet(_) => StatusCode::OK,
            AppError::BadFilter { .. } => StatusCode::BAD_REQUEST,
            AppError::Internal | AppError::ServerFn(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error behind a page's typed query that did not parse: the filter
    /// types put an `AppError` inside (see `params`).
    pub fn from_params(err: &ParamsError) -> AppError {
        match err {
            ParamsError::Params(inner) => inner
                .downcast_ref::<AppError>()
                .cloned()
                .unwrap_or(AppError::Internal),
            ParamsError::MissingParam(name) => AppError::BadFilter {
                name: name.clone(),
                value: String::new(),
                expected: Expected::OneOf(Vec::new()),
            },
        }
    }
}

impl AppError {
    /// What went wrong and what to do, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            AppError::IndicatorNotFound(id) => {
                tr(locale, "error-indicator-not-found", &[("id", id.into())])
            }
            AppError::SeriesNotFound { indicator, series } => tr(
                locale,
                "error-series-not-found",
                &[("indicator", indicator.into()), ("series", series.into())],
            ),
            AppError::NoDataYet(title) => {
                tr(locale, "error-no-data-yet", &[("title", title.into())])
            }
            AppError::GoalNotFound(goal) => {
                tr(locale, "error-goal-not-found", &[("goal", goal.into())])
            }
            AppError::AreaNotFound { kind, id } => tr(
                locale,
                "error-area-not-found",
                &[
                    (
                        "kind",
                        crate::words::area_kind_label(locale, *kind)
                            .to_lowercase()
                            .into(),
                    ),
                    ("id", id.into()),
                ],
            ),
            AppError::DistrictNotFound(name) => {
                tr(locale, "error-district-not-found", &[("name", name.into())])
            }
            AppError::BadFilter {
                name,
                value,
                expected,
            } => {
                let expected = match expected {
                    Expected::OneOf(names) => match names.split_last() {
                        Some((last, rest)) if !rest.is_empty() => tr(
                            locale,
                            "expected-or",
                            &[("list", rest.join(", ").into()), ("last", last.into())],
                        ),
                        _ => names.join(", "),
                    },
                    Expected::GoalNumber => t(locale, "expected-goal-number"),
                    Expected::ListedArea => t(locale, "expected-listed-area"),
                };
                tr(
                    locale,
                    "error-bad-filter",
                    &[
                        ("name", name.into()),
                        ("value", value.into()),
                        ("expected", expected.into()),
                    ],
                )
            }
            AppError::ReportYearNotFound { year, latest } => match latest {
                Some(latest) => tr(
                    locale,
                    "error-report-year-not-found",
                    &[("year", year.into()), ("latest", latest.to_string().into())],
                ),
                None => tr(locale, "error-no-report-yet", &[("year", year.into())]),
            },
            AppError::Internal => t(locale, "error-internal"),
            AppError::ServerFn(err) => tr(
                locale,
                "error-request",
                &[("detail", err.to_string().into())],
            ),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_values_read_as_a_list() {
        let names = ["status", "improved", "worsened", "title"].map(String::from);
        assert_eq!(
            Expected::OneOf(names.to_vec()).to_string(),
            "status, improved, worsened or title"
        );
        assert_eq!(
            AppError::AreaNotFound {
                kind: AreaKind::Policy,
                id: "x".into()
            }
            .to_string(),
            "There is no policy area “x”. Go back to the list of goals to find the areas the city reports on."
        );
        assert_eq!(
            AppError::GoalNotFound("0".into()).status(),
            StatusCode::NOT_FOUND
        );
    }
}
