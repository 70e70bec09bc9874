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
        // Uploads a stop cut short (the browser went away mid-file).
        let archive = data_dir.join(super::upload::UPLOADS_DIR);
        for entry in std::fs::read_dir(&archive).into_iter().flatten().flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(".incoming-")
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
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
    #[error(transparent)]
    Shared(#[from] super::shared::SharedError),
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

/// Held while one change of the workspace runs: in this process, and with
/// PostgreSQL across every replica.
#[derive(Debug)]
pub struct ChangeGuard {
    _local: tokio::sync::OwnedMutexGuard<()>,
    _shared: Option<super::shared::SharedLock>,
}

/// Waits until no other change of the workspace runs here or (with
/// PostgreSQL) on another replica, then fetches what other replicas wrote,
/// so new dataset ids and release numbers follow theirs.
pub async fn begin_change(state: &AppState) -> Result<ChangeGuard, super::StaffError> {
    let local = state.workspace_lock.clone().lock_owned().await;
    let shared = match &state.shared {
        Some(shared) => {
            let lock = shared.lock().await?;
            shared.pull_all(&state.data_dir).await?;
            // Serve what the replicas serve before changing anything: a
            // draft or a publish must start from the newest release.
            if let Some(wanted) = shared.current().await? {
                if wanted != state.served.now().release {
                    let (dir, id) = (state.data_dir.clone(), wanted.clone());
                    blocking(move || Ok(indicators::release::set_current(&dir, &id)?)).await?;
                    state.reload().await.map_err(super::StaffError::reload)?;
                }
            }
            Some(lock)
        }
        None => None,
    };
    Ok(ChangeGuard {
        _local: local,
        _shared: shared,
    })
}

/// Shares `relative` (a file or folder under the data directory) with the
/// other replicas; nothing to do with SQLite.
pub async fn share(state: &AppState, relative: &str) -> Result<(), super::StaffError> {
    if let Some(shared) = &state.shared {
        shared.push(&state.data_dir, relative).await?;
    }
    Ok(())
}

/// Makes sure workspace dataset `id` is in this replica's data directory.
pub async fn fetch_dataset(state: &AppState, id: &str) -> Result<(), super::StaffError> {
    if let Some(shared) = &state.shared {
        shared
            .pull_folder(&state.data_dir, &format!("workspace/datasets/{id}"))
            .await?;
    }
    Ok(())
}

/// After this replica made `release` current: every replica serves it.
/// If the database cannot be told, this replica goes back to `previous`,
/// so the replicas never disagree.
pub async fn announce(
    state: &AppState,
    release: &str,
    previous: &str,
) -> Result<(), super::StaffError> {
    let Some(shared) = &state.shared else {
        return Ok(());
    };
    let told = async {
        shared
            .push(&state.data_dir, &format!("releases/{release}"))
            .await?;
        if let Some(working) = working_dataset(&state.data_dir) {
            shared
                .push(&state.data_dir, &format!("workspace/datasets/{working}"))
                .await?;
        }
        shared.set_current(release).await
    };
    if let Err(err) = told.await {
        // Back to the release every replica serves, and the unshared one
        // gone, so its number is free for the next publish anywhere.
        let (dir, previous, release) = (
            state.data_dir.clone(),
            previous.to_owned(),
            release.to_owned(),
        );
        let _ = blocking(move || {
            indicators::release::set_current(&dir, &previous)?;
            let _ = std::fs::remove_dir_all(dir.join("releases").join(&release));
            Ok(())
        })
        .await;
        return Err(err.into());
    }
    Ok(())
}

/// With PostgreSQL: checks every second which release the replicas serve,
/// and serves it here too when another replica published or rolled back.
pub async fn follow(state: AppState) {
    let Some(shared) = state.shared.clone() else {
        return;
    };
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        tick.tick().await;
        let wanted = match shared.current().await {
            Ok(Some(id)) => id,
            Ok(None) => continue,
            Err(err) => {
                tracing::warn!(%err, "could not read the current release from the database");
                continue;
            }
        };
        if wanted == state.served.now().release {
            continue;
        }
        // A change running here announces its own release.
        let Ok(_local) = state.workspace_lock.clone().try_lock_owned() else {
            continue;
        };
        // Read again now that no change runs here: one may have just
        // published a newer release than the one read above.
        let wanted = match shared.current().await {
            Ok(Some(id)) if id != state.served.now().release => id,
            _ => continue,
        };
        let followed = async {
            shared
                .pull_folder(&state.data_dir, &format!("releases/{wanted}"))
                .await?;
            let (dir, id) = (state.data_dir.clone(), wanted.clone());
            blocking(move || Ok(indicators::release::set_current(&dir, &id)?)).await?;
            state.reload().await.map_err(super::StaffError::reload)?;
            Ok::<(), super::StaffError>(())
        };
        match followed.await {
            Ok(()) => {
                tracing::info!(release = %wanted, "serving the release another replica published")
            }
            Err(err) => {
                tracing::error!(%err, release = %wanted, "could not serve the release another replica published")
            }
        }
    }
}
