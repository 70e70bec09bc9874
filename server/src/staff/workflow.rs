//! The workspace's changes to what is served: importing a dataset,
//! publishing the draft, rolling back, and putting things right after a
//! crash. Each ends with one atomic switch of `releases/CURRENT` (see
//! [`super::datasets`] for why that is the only switch).

use std::path::Path;

use indicators::release::{
    build_labelled, current_id, manifest, release_ids, BuildMemory, BuildOutcome, ReleaseError,
};

use super::datasets::{dataset_of_source, source_label, DatasetError, Datasets};
use super::store::{AuditAction, StoreError};
use crate::{AppState, StartError};

/// The working dataset: the workspace dataset the current release was
/// built from, if it was and still exists.
pub fn working_dataset(data_dir: &Path) -> Option<String> {
    let id = current_id(data_dir)?;
    let source = manifest(data_dir, &id).ok()?.source;
    let dataset = dataset_of_source(&source)?;
    Datasets::new(data_dir)
        .exists(dataset)
        .then(|| dataset.to_owned())
}

/// Copies `dataset` (a dataset folder or an Open SDG repository) into the
/// workspace and releases it: it becomes the working dataset. Nothing is
/// kept if it has errors.
pub fn import(data_dir: &Path, dataset: &Path) -> Result<BuildOutcome, StartError> {
    if !dataset.is_dir() {
        return Err(StartError::Release(ReleaseError::Read(
            indicators::read::ReadError::NotFound {
                path: dataset.to_path_buf(),
            },
        )));
    }
    let datasets = Datasets::new(data_dir);
    let id = datasets.import(dataset)?;
    release(data_dir, &id).map_err(|err| {
        datasets.remove(&id);
        err.into()
    })
}

/// Builds workspace dataset `id` into a new release that becomes current.
pub fn release(data_dir: &Path, id: &str) -> Result<BuildOutcome, ReleaseError> {
    let datasets = Datasets::new(data_dir);
    build_labelled(
        &datasets.path(id),
        data_dir,
        None,
        BuildMemory::Auto,
        &source_label(id),
    )
}

/// The datasets to keep: every release's (for rollback) and the draft's.
fn keep(data_dir: &Path, draft: Option<&super::drafts::Draft>) -> Vec<String> {
    let mut keep: Vec<String> = release_ids(data_dir)
        .iter()
        .filter_map(|id| manifest(data_dir, id).ok())
        .filter_map(|m| dataset_of_source(&m.source).map(str::to_owned))
        .collect();
    if let Some(draft) = draft {
        keep.push(draft.dataset.clone());
        keep.push(draft.base.clone());
    }
    keep
}

/// Puts the workspace right at start: a publish stopped after its release
/// became current but before the draft was closed is closed now, and
/// dataset folders nothing refers to (a crash mid-write, replaced draft
/// versions) are removed.
pub async fn recover(state: &AppState) -> Result<(), StartError> {
    let store = &state.staff.store;
    let working = state.served.now().working.clone();
    let mut draft = store.draft().await?;
    if let Some(open) = &draft {
        if working.as_deref() == Some(open.dataset.as_str()) {
            store.clear_draft().await?;
            store
                .audit(
                    None,
                    AuditAction::Publish,
                    &format!(
                        "a publish of dataset {} was completed at start-up (the server stopped before it closed the draft)",
                        open.dataset
                    ),
                    state.staff.clock.now(),
                )
                .await?;
            draft = None;
        }
    }
    let data_dir = state.data_dir.clone();
    tokio::task::spawn_blocking(move || {
        Datasets::new(&data_dir).remove_unused(&keep(&data_dir, draft.as_ref()));
    })
    .await
    .map_err(|err| StartError::Loader(err.to_string()))?;
    Ok(())
}

/// Why a publish or a rollback did not happen.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error(transparent)]
    Release(#[from] ReleaseError),
    #[error(transparent)]
    Dataset(#[from] DatasetError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the work stopped unexpectedly: {0}")]
    Stopped(String),
    /// An upload's check found errors (shown to its sender, not logged).
    #[error("the check found {} error(s)", .0.errors())]
    Problems(Box<indicators::read::Report>),
}

/// Runs blocking work (a build) off the async workers.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, WorkflowError> + Send + 'static,
) -> Result<T, WorkflowError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| WorkflowError::Stopped(err.to_string()))?
}
