//! What goes wrong in a staff request, and the page each answer shows:
//! what to do, and nothing internal.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::{flow_pages, pages, shared, upload, workflow, Role, StoreError};

/// What went wrong in a staff request; the page says what to do, and
/// nothing internal reaches it.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("sign in first")]
    SignInFirst,
    #[error("your role ({role}) cannot do this; an admin can give you more")]
    Forbidden { role: Role },
    #[error("this form has expired or came from another site")]
    Csrf,
    #[error("too many failed sign-ins")]
    Throttled { retry_after: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(upload::Refusal),
    #[error("the upload stopped part-way")]
    UploadBroken,
    #[error("could not write to the data directory: {0}")]
    Disk(String),
    /// The disk of the data directory is full (or the quota reached).
    #[error("the disk is full: {0}")]
    DiskFull(String),
    #[error(transparent)]
    Workflow(#[from] workflow::WorkflowError),
    #[error("could not serve the new release: {0}")]
    Reload(String),
    #[error(transparent)]
    Shared(#[from] shared::SharedError),
}

impl StaffError {
    pub(crate) fn reload(err: crate::StartError) -> Self {
        StaffError::Reload(err.to_string())
    }

    /// Whether the staff database could not be reached: worth trying again
    /// once it is back, and nothing was stored by the failed step.
    pub fn database_unreachable(&self) -> bool {
        match self {
            StaffError::Store(err) | StaffError::Workflow(workflow::WorkflowError::Store(err)) => {
                err.is_unreachable()
            }
            StaffError::Shared(err)
            | StaffError::Workflow(workflow::WorkflowError::Shared(err)) => err.is_unreachable(),
            _ => false,
        }
    }

    /// Whether the data directory's disk was full: the fix is free space,
    /// not other data.
    pub fn disk_full(&self) -> bool {
        let full = |err: &std::io::Error| {
            matches!(
                err.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
            )
        };
        match self {
            StaffError::DiskFull(_) => true,
            StaffError::Workflow(workflow::WorkflowError::Release(err)) => err.is_disk_full(),
            StaffError::Workflow(workflow::WorkflowError::Dataset(err)) => full(&err.source),
            _ => false,
        }
    }
}

/// A message in the request's language, unescaped (`pages::message`
/// escapes it).
fn t(key: &str) -> String {
    app::i18n::t(crate::language::current(), key)
}

fn tr(key: &str, args: &[(&'static str, app::i18n::Arg)]) -> String {
    app::i18n::tr(crate::language::current(), key, args)
}

impl IntoResponse for StaffError {
    fn into_response(self) -> Response {
        if self.database_unreachable() {
            tracing::error!(err = %self, "the staff database is unreachable");
            let mut response = (
                StatusCode::SERVICE_UNAVAILABLE,
                pages::message(&t("staff-database-down"), &t("staff-database-down-text")),
            )
                .into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
            return response;
        }
        if self.disk_full() {
            tracing::error!(err = %self, "the data directory's disk is full");
            return (
                StatusCode::INSUFFICIENT_STORAGE,
                pages::message(&t("staff-disk-full"), &t("staff-disk-full-text")),
            )
                .into_response();
        }
        match self {
            StaffError::SignInFirst => Redirect::to("/staff/sign-in").into_response(),
            StaffError::Forbidden { role } => (
                StatusCode::FORBIDDEN,
                pages::message(
                    &t("staff-not-allowed"),
                    &tr(
                        "staff-not-allowed-text",
                        &[("role", pages::role_words(role).into())],
                    ),
                ),
            )
                .into_response(),
            StaffError::Csrf => (
                StatusCode::FORBIDDEN,
                pages::message(&t("staff-form-expired"), &t("staff-form-expired-text")),
            )
                .into_response(),
            StaffError::Throttled { retry_after } => {
                let minutes = (retry_after + 59) / 60;
                let mut response = (
                    StatusCode::TOO_MANY_REQUESTS,
                    pages::sign_in(
                        "",
                        None,
                        Some(&tr("staff-throttled", &[("minutes", minutes.into())])),
                    ),
                )
                    .into_response();
                if let Ok(value) = HeaderValue::from_str(&retry_after.max(1).to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                response
            }
            StaffError::Refused(refusal) => {
                (refusal.status(), flow_pages::refused(&refusal)).into_response()
            }
            StaffError::UploadBroken => (
                StatusCode::BAD_REQUEST,
                pages::message(&t("staff-upload-stopped"), &t("staff-upload-stopped-text")),
            )
                .into_response(),
            StaffError::Workflow(workflow::WorkflowError::Release(
                indicators::release::ReleaseError::Read(indicators::read::ReadError::Invalid {
                    errors,
                    ..
                }),
            )) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::message(
                    &t("staff-not-published"),
                    &tr("staff-not-published-text", &[("n", errors.into())]),
                ),
            )
                .into_response(),
            err @ (StaffError::Disk(_)
            | StaffError::DiskFull(_)
            | StaffError::Workflow(_)
            | StaffError::Reload(_)
            | StaffError::Shared(_)) => {
                tracing::error!(%err, "a workspace change failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    pages::message(&t("staff-not-done"), &t("staff-not-done-text")),
                )
                    .into_response()
            }
            StaffError::Store(err) => {
                tracing::error!(%err, "staff request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    pages::message(&t("staff-went-wrong"), &t("staff-went-wrong-text")),
                )
                    .into_response()
            }
        }
    }
}
