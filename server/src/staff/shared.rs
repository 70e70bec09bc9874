//! Several replicas on one PostgreSQL database (`--database postgres://…`).
//!
//! Release folders, workspace dataset folders and archived uploads are
//! written once and never changed, so each file is stored in the `files`
//! table under its path in the data directory, and every replica keeps a
//! copy of what it needs in its own data directory (a cache: a replica
//! with an empty data directory fetches everything). Which release is
//! served is the `current_release` pointer. A change of the workspace
//! (upload, metadata, publish, rollback) runs under a PostgreSQL advisory
//! lock, after fetching what other replicas wrote, so ids and release
//! numbers are allocated once across replicas. Each replica checks the
//! pointer every second and serves a release another one published.

use std::path::{Path, PathBuf};

use sqlx::{Any, Row, Transaction};

use super::store::{Store, StoreError};

/// The advisory lock's key: "LG" in ASCII.
const LOCK_KEY: i64 = 0x4C47;
const CURRENT: &str = "current_release";

/// Why sharing files through the database failed.
#[derive(Debug, thiserror::Error)]
pub enum SharedError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the shared database failed: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{path}: {source}. Check that the data directory is writable and has free space.")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the work stopped unexpectedly: {0}")]
    Stopped(String),
    #[error("{path} is in the shared database with other contents; this replica's copy was not shared. Restart this replica to fetch the shared one.")]
    Conflict { path: String },
}

impl SharedError {
    /// Whether the shared database could not be reached (see
    /// [`StoreError::is_unreachable`]).
    pub fn is_unreachable(&self) -> bool {
        match self {
            SharedError::Store(err) => err.is_unreachable(),
            SharedError::Database(err) => super::store::unreachable(err),
            _ => false,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SharedError + '_ {
    move |source| SharedError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The files and the pointer the replicas share.
#[derive(Debug, Clone)]
pub struct Shared {
    store: Store,
}

/// Held while a replica changes the workspace: other replicas wait.
#[derive(Debug)]
pub struct SharedLock {
    _transaction: Transaction<'static, Any>,
}

/// The folders that hold whole, never-changed sets of files.
fn folder_of(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["releases", release, _, ..] => Some(format!("releases/{release}")),
        ["workspace", "datasets", dataset, _, ..] => Some(format!("workspace/datasets/{dataset}")),
        _ => None,
    }
}

/// Every regular file under `dir`, as `(path relative to base, full path)`.
fn files_under(
    base: &Path,
    dir: &Path,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), SharedError> {
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(io(&path))?;
        if kind.is_dir() {
            files_under(base, &path, out)?;
        } else if kind.is_file() {
            let relative = path
                .strip_prefix(base)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            out.push((relative, path));
        }
    }
    Ok(())
}

impl Shared {
    pub fn new(store: Store) -> Self {
        Shared { store }
    }

    /// Waits for the workspace lock (held until the returned value drops).
    pub async fn lock(&self) -> Result<SharedLock, SharedError> {
        let mut transaction = self.store.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(LOCK_KEY)
            .execute(&mut *transaction)
            .await?;
        Ok(SharedLock {
            _transaction: transaction,
        })
    }

    /// The release every replica serves, if one was published.
    pub async fn current(&self) -> Result<Option<String>, SharedError> {
        let row = sqlx::query("SELECT value FROM pointers WHERE name = $1")
            .bind(CURRENT)
            .fetch_optional(&self.store.pool)
            .await?;
        Ok(row.map(|r| r.get::<String, _>(0)))
    }

    pub async fn set_current(&self, release: &str) -> Result<(), SharedError> {
        sqlx::query(
            "INSERT INTO pointers (name, value) VALUES ($1, $2) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        )
        .bind(CURRENT)
        .bind(release)
        .execute(&self.store.pool)
        .await?;
        Ok(())
    }

    /// Stores the files of `relative` (a folder or a file under
    /// `data_dir`) that the database does not have yet.
    pub async fn push(&self, data_dir: &Path, relative: &str) -> Result<(), SharedError> {
        let (base, target) = (data_dir.to_path_buf(), data_dir.join(relative));
        let files = tokio::task::spawn_blocking(move || {
            let mut files = Vec::new();
            if target.is_dir() {
                files_under(&base, &target, &mut files)?;
            } else {
                let name = target
                    .strip_prefix(&base)
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                files.push((name, target));
            }
            files
                .into_iter()
                .map(|(name, path)| {
                    let bytes = std::fs::read(&path).map_err(io(&path))?;
                    use sha2::Digest as _;
                    let sha = super::secret::hex(&sha2::Sha256::digest(&bytes));
                    Ok((name, bytes, sha))
                })
                .collect::<Result<Vec<_>, SharedError>>()
        })
        .await
        .map_err(|err| SharedError::Stopped(err.to_string()))??;
        for (name, bytes, sha) in files {
            let inserted = sqlx::query(
                "INSERT INTO files (path, bytes, sha256) VALUES ($1, $2, $3) ON CONFLICT (path) DO NOTHING",
            )
            .bind(&name)
            .bind(bytes)
            .bind(&sha)
            .execute(&self.store.pool)
            .await?
            .rows_affected();
            if inserted == 0 {
                // A path names one content: another content under it means
                // two replicas wrote the same id, which the lock prevents.
                let stored: String = sqlx::query("SELECT sha256 FROM files WHERE path = $1")
                    .bind(&name)
                    .fetch_one(&self.store.pool)
                    .await?
                    .get(0);
                if stored != sha {
                    return Err(SharedError::Conflict { path: name });
                }
            }
        }
        Ok(())
    }

    /// Fetches every release and dataset folder the data directory lacks;
    /// each appears whole (written under a staging name, then renamed).
    ///
    /// Under the lock, and once the database names a current release, a
    /// local release or dataset folder the database does not have is the
    /// leftover of a change that stopped before sharing it: it is removed,
    /// so its id can never stand for other contents here than elsewhere.
    pub async fn pull_all(&self, data_dir: &Path) -> Result<(), SharedError> {
        let paths: Vec<String> = sqlx::query("SELECT path FROM files")
            .fetch_all(&self.store.pool)
            .await?
            .iter()
            .map(|r| r.get::<String, _>(0))
            .collect();
        let mut folders: Vec<String> = paths.iter().filter_map(|p| folder_of(p)).collect();
        folders.sort();
        folders.dedup();
        if self.current().await?.is_some() {
            let (dir, known) = (data_dir.to_path_buf(), folders.clone());
            tokio::task::spawn_blocking(move || remove_unshared(&dir, &known))
                .await
                .map_err(|err| SharedError::Stopped(err.to_string()))?;
        }
        for folder in folders {
            self.pull_folder(data_dir, &folder).await?;
        }
        Ok(())
    }

    /// Fetches folder `relative` (`releases/r00002`) unless it is there.
    pub async fn pull_folder(&self, data_dir: &Path, relative: &str) -> Result<(), SharedError> {
        let target = data_dir.join(relative);
        if target.is_dir() {
            return Ok(());
        }
        let prefix = format!("{relative}/");
        let rows = sqlx::query("SELECT path, bytes FROM files WHERE starts_with(path, $1)")
            .bind(&prefix)
            .fetch_all(&self.store.pool)
            .await?;
        let files: Vec<(String, Vec<u8>)> = rows
            .iter()
            .map(|r| (r.get::<String, _>(0), r.get::<Vec<u8>, _>(1)))
            .collect();
        if files.is_empty() {
            return Ok(());
        }
        let (data_dir, relative) = (data_dir.to_path_buf(), relative.to_owned());
        tokio::task::spawn_blocking(move || write_folder(&data_dir, &relative, &files))
            .await
            .map_err(|err| SharedError::Stopped(err.to_string()))?
    }
}

/// Removes the local release and dataset folders not in `shared`.
fn remove_unshared(data_dir: &Path, shared: &[String]) {
    for parent in ["releases", "workspace/datasets"] {
        let Ok(entries) = std::fs::read_dir(data_dir.join(parent)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.path().is_dir() {
                continue;
            }
            let relative = format!("{parent}/{name}");
            if !shared.contains(&relative) {
                tracing::warn!(folder = %relative, "removing a folder no replica shared (a change stopped before sharing it)");
                if let Err(err) = std::fs::remove_dir_all(entry.path()) {
                    tracing::warn!(%err, folder = %relative, "could not remove it");
                }
            }
        }
    }
}

/// Writes `files` (paths under `relative`) into a staging folder, syncs
/// them and renames the folder into place.
fn write_folder(
    data_dir: &Path,
    relative: &str,
    files: &[(String, Vec<u8>)],
) -> Result<(), SharedError> {
    use std::io::Write as _;
    let target = data_dir.join(relative);
    let parent = target.parent().unwrap_or(data_dir).to_path_buf();
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A name of its own: pulls of one folder may run side by side.
    let staging = parent.join(format!(
        ".pulling-{name}-{}",
        super::secret::Token::new().reveal()
    ));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    for (path, bytes) in files {
        let inside = path.strip_prefix(&format!("{relative}/")).unwrap_or(path);
        let file = staging.join(inside);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(io(folder))?;
        }
        let mut out = std::fs::File::create(&file).map_err(io(&file))?;
        out.write_all(bytes).map_err(io(&file))?;
        out.sync_all().map_err(io(&file))?;
    }
    match std::fs::rename(&staging, &target) {
        Ok(()) => Ok(()),
        // Another task fetched it first.
        Err(_) if target.is_dir() => {
            let _ = std::fs::remove_dir_all(&staging);
            Ok(())
        }
        Err(err) => Err(io(&target)(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::folder_of;

    #[test]
    fn files_belong_to_the_release_or_dataset_folder_they_are_in() {
        assert_eq!(
            folder_of("releases/r00002/manifest.json").as_deref(),
            Some("releases/r00002")
        );
        assert_eq!(
            folder_of("workspace/datasets/d00003/observations/a.csv").as_deref(),
            Some("workspace/datasets/d00003")
        );
        assert_eq!(folder_of("workspace/uploads/1-ab-a.csv"), None);
        assert_eq!(folder_of("releases/CURRENT"), None);
    }
}
