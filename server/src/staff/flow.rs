//! The workspace's routes from upload to publish: the draft page, the
//! upload route, the preview, publish, discard, the list of releases with
//! rollback, and the archive of uploads.

use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::apply::{apply, first_rows, ApplyError};
use super::drafts::{NewVersion, UploadOutcome};
use super::store::{AuditAction, Role};
use super::upload::{receive, Refusal};
use super::workflow::{announce, begin_change, blocking, fetch_dataset, share, WorkflowError};
use super::{flow_pages, require, same_site, secret, StaffError};
use crate::AppState;

/// A signed-in form of someone with at least `role`: role first (so a
/// role that may not do this is told so), then origin and token.
async fn checked(
    state: &AppState,
    headers: &HeaderMap,
    role: Role,
    csrf: &str,
) -> Result<super::Session, StaffError> {
    let session = require(state, headers, role).await?;
    same_site(headers)?;
    if !secret::same_secret(&session.csrf, csrf) {
        return Err(StaffError::Csrf);
    }
    Ok(session)
}

/// `GET /staff/draft`: the draft, who changed what, and the upload form.
pub async fn draft_page(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Viewer).await?;
    let draft = state.staff.store.draft().await?;
    let served = state.served.now();
    Ok(flow_pages::draft(
        &session,
        draft.as_ref(),
        served.working.is_some(),
        state.staff.config.upload_limit,
    )
    .into_response())
}

/// `POST /staff/upload`: a CSV or XLSX file into the draft.
pub async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Editor).await?;
    same_site(&headers)?;
    // Not a multipart form: not one of ours.
    let mut multipart = Multipart::from_request(request, &state)
        .await
        .map_err(|_| StaffError::Csrf)?;
    let now = state.staff.clock.now();
    let received = receive(
        &mut multipart,
        &state.data_dir,
        state.staff.config.upload_limit,
        now,
        |token| secret::same_secret(&session.csrf, token),
    )
    .await?
    .map_err(StaffError::Refused)?;
    detached(upload_change(state, session, received, now)).await
}

async fn upload_change(
    state: AppState,
    session: super::Session,
    received: super::upload::Received,
    now: i64,
) -> Result<Response, StaffError> {
    let store = &state.staff.store;
    let upload_id = store
        .record_upload(&super::drafts::Upload {
            id: 0,
            at: now,
            actor: session.user.email.clone(),
            name: received.name.clone(),
            bytes: received.bytes as i64,
            sha256: received.sha256.clone(),
            archived: received.archived.clone(),
            outcome: UploadOutcome::Received,
        })
        .await;
    let upload_id = match upload_id {
        Ok(id) => id,
        Err(err) => {
            // Not listed (the database is unreachable, say): nothing of it
            // is kept, so the archive holds only listed uploads.
            let _ = tokio::fs::remove_file(state.data_dir.join(&received.archived)).await;
            return Err(err.into());
        }
    };
    store
        .audit(
            Some(&session.user.email),
            AuditAction::Upload,
            &format!(
                "{} ({} bytes, SHA-256 {})",
                received.name, received.bytes, received.sha256
            ),
            now,
        )
        .await?;
    share(&state, &received.archived).await?;
    let _change = begin_change(&state).await?;
    let draft = store.draft().await?;
    let working = state.served.now().working.clone();
    let (base, dataset) = match (&draft, working) {
        (Some(draft), _) => (draft.base.clone(), draft.dataset.clone()),
        (None, Some(working)) => (working.clone(), working),
        (None, None) => return Err(StaffError::Refused(Refusal::NoWorkingDataset)),
    };
    let data_dir = state.data_dir.clone();
    let job = received.clone();
    let applied = blocking(move || {
        apply(&data_dir, &dataset, &job).map_err(|err| match err {
            ApplyError::Problems(report) => WorkflowError::Problems(report),
            ApplyError::Dataset(err) => WorkflowError::Dataset(err),
            ApplyError::Read(err) => WorkflowError::Release(err.into()),
        })
    })
    .await;
    match applied {
        Ok(applied) => {
            share(&state, &format!("workspace/datasets/{}", applied.dataset)).await?;
            let summary = format!(
                "{} (the draft's check: {} warning(s))",
                applied.summary, applied.warnings
            );
            store
                .change_draft(NewVersion {
                    dataset: &applied.dataset,
                    base: &base,
                    actor: &session.user.email,
                    kind: received.kind,
                    file: &received.name,
                    summary: &summary,
                    upload: Some(upload_id),
                    at: now,
                })
                .await?;
            store
                .audit(
                    Some(&session.user.email),
                    AuditAction::DraftChanged,
                    &summary,
                    now,
                )
                .await?;
            Ok(Redirect::to("/staff/draft").into_response())
        }
        Err(WorkflowError::Problems(report)) => {
            store
                .set_upload_outcome(upload_id, UploadOutcome::Problems)
                .await?;
            // The reader runs polars: off the async workers.
            let (path, name) = (
                state.data_dir.join(&received.archived),
                received.name.clone(),
            );
            let rows = blocking(move || Ok(first_rows(&path, &name, 10)))
                .await
                .unwrap_or_default();
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                flow_pages::problems(
                    &session,
                    &received.name,
                    &super::words::text_with(
                        "staff-correct-and-upload",
                        &[("sha", received.sha256.as_str().into())],
                    ),
                    &report,
                    &rows,
                ),
            )
                .into_response())
        }
        Err(err) => Err(StaffError::Workflow(err)),
    }
}

/// `GET /staff/preview`: what publishing the draft would change.
pub async fn preview(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Editor).await?;
    let Some(draft) = state.staff.store.draft().await? else {
        return Ok(flow_pages::no_draft(&session).into_response());
    };
    let served = state.served.now();
    fetch_dataset(&state, &draft.dataset).await?;
    if let Some(working) = &served.working {
        fetch_dataset(&state, working).await?;
    }
    let data_dir = state.data_dir.clone();
    let (working, dataset) = (served.working.clone(), draft.dataset.clone());
    let preview = blocking(move || {
        let datasets = super::datasets::Datasets::new(&data_dir);
        let before = working.map(|w| datasets.path(&w));
        super::preview::preview(before.as_deref(), &datasets.path(&dataset))
            .map_err(|err| WorkflowError::Release(err.into()))
    })
    .await
    .map_err(StaffError::Workflow)?;
    Ok(flow_pages::preview(&session, &draft, &preview, &served.release).into_response())
}

#[derive(Debug, Deserialize)]
pub struct PublishForm {
    csrf: String,
    /// The draft version the preview showed (none: a stale form).
    #[serde(default)]
    version: i64,
    /// The release served when the preview was made: a rollback since
    /// makes the preview stale too.
    #[serde(default)]
    release: String,
}

/// Runs a change of the workspace to its end even if the browser goes
/// away: axum drops a handler when its connection closes, which would
/// stop a publish between its steps (the release switched, the draft not
/// closed) and free the lock while a build still runs.
pub(super) async fn detached<F>(work: F) -> Result<Response, StaffError>
where
    F: std::future::Future<Output = Result<Response, StaffError>> + Send + 'static,
{
    tokio::spawn(crate::language::in_current_language(work))
        .await
        .map_err(|err| StaffError::Workflow(WorkflowError::Stopped(err.to_string())))?
}

/// `POST /staff/publish`: the previewed draft becomes the new release.
pub async fn publish(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<PublishForm>,
) -> Result<Response, StaffError> {
    let session = checked(&state, &headers, Role::Admin, &form.csrf).await?;
    detached(publish_change(state, session, form)).await
}

async fn publish_change(
    state: AppState,
    session: super::Session,
    form: PublishForm,
) -> Result<Response, StaffError> {
    let _change = begin_change(&state).await?;
    let store = &state.staff.store;
    let Some(draft) = store.draft().await? else {
        return Ok(flow_pages::no_draft(&session).into_response());
    };
    let previous = state.served.now().release.clone();
    if draft.version() != form.version || form.release != previous {
        return Ok((
            StatusCode::CONFLICT,
            flow_pages::stale_preview(&session, &draft, form.version, &form.release, &previous),
        )
            .into_response());
    }
    let (data_dir, dataset) = (state.data_dir.clone(), draft.dataset.clone());
    let outcome = blocking(move || Ok(super::workflow::release(&data_dir, &dataset)?))
        .await
        .map_err(StaffError::Workflow)?;
    announce(&state, &outcome.manifest.id, &previous).await?;
    // Published: the draft is closed and the publish recorded before this
    // server loads the release, so a failure to load cannot invite a
    // second publish of the same draft.
    store.clear_draft().await?;
    let now = state.staff.clock.now();
    store
        .audit(
            Some(&session.user.email),
            AuditAction::Publish,
            &format!(
                "release {} from dataset {} (draft version {}, {} change(s))",
                outcome.manifest.id,
                draft.dataset,
                draft.version(),
                draft.changes.len()
            ),
            now,
        )
        .await?;
    if let Err(err) = state.reload().await {
        tracing::error!(%err, release = %outcome.manifest.id, "published, but this server could not load the release");
        return Ok((
            StatusCode::INTERNAL_SERVER_ERROR,
            super::pages::message(
                &super::words::text("staff-published-not-served"),
                &super::words::text_with(
                    "staff-published-not-served-text",
                    &[("release", outcome.manifest.id.as_str().into())],
                ),
            ),
        )
            .into_response());
    }
    Ok(Redirect::to("/staff/releases").into_response())
}

#[derive(Debug, Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

/// `POST /staff/draft/discard`: throws the draft away.
pub async fn discard(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, StaffError> {
    let session = checked(&state, &headers, Role::Editor, &form.csrf).await?;
    detached(discard_change(state, session)).await
}

async fn discard_change(state: AppState, session: super::Session) -> Result<Response, StaffError> {
    let _change = begin_change(&state).await?;
    let store = &state.staff.store;
    if let Some(draft) = store.draft().await? {
        store.clear_draft().await?;
        store
            .audit(
                Some(&session.user.email),
                AuditAction::DraftDiscarded,
                &format!(
                    "dataset {} with {} change(s)",
                    draft.dataset,
                    draft.changes.len()
                ),
                state.staff.clock.now(),
            )
            .await?;
    }
    Ok(Redirect::to("/staff/draft").into_response())
}

/// `GET /staff/releases`: every release, the served one marked.
pub async fn releases(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Viewer).await?;
    let data_dir = state.data_dir.clone();
    let manifests = blocking(move || {
        Ok(indicators::release::release_ids(&data_dir)
            .iter()
            .rev()
            .filter_map(|id| indicators::release::manifest(&data_dir, id).ok())
            .collect::<Vec<_>>())
    })
    .await
    .map_err(StaffError::Workflow)?;
    let served = state.served.now();
    Ok(flow_pages::releases(&session, &manifests, &served.release).into_response())
}

/// `POST /staff/releases/{release}/restore`: serves an earlier release again.
pub async fn restore(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(release): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, StaffError> {
    let session = checked(&state, &headers, Role::Admin, &form.csrf).await?;
    detached(restore_change(state, session, release)).await
}

async fn restore_change(
    state: AppState,
    session: super::Session,
    release: String,
) -> Result<Response, StaffError> {
    let _change = begin_change(&state).await?;
    let data_dir = state.data_dir.clone();
    if !indicators::release::release_ids(&data_dir).contains(&release) {
        return Ok((
            StatusCode::NOT_FOUND,
            super::pages::message(
                &super::words::text("staff-no-such-release"),
                &super::words::text("staff-no-such-release-text"),
            ),
        )
            .into_response());
    }
    let before = state.served.now().release.clone();
    let id = release.clone();
    blocking(move || Ok(indicators::release::set_current(&data_dir, &id)?))
        .await
        .map_err(StaffError::Workflow)?;
    announce(&state, &release, &before).await?;
    state.reload().await.map_err(StaffError::reload)?;
    state
        .staff
        .store
        .audit(
            Some(&session.user.email),
            AuditAction::Rollback,
            &format!("from {before} to {release}"),
            state.staff.clock.now(),
        )
        .await?;
    Ok(Redirect::to("/staff/releases").into_response())
}

/// `GET /staff/uploads`: every archived upload with its checksum.
pub async fn uploads(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Editor).await?;
    let uploads = state.staff.store.uploads().await?;
    Ok(flow_pages::uploads(&session, &uploads).into_response())
}
