//! The working dataset and the draft, as dataset folders in the data
//! directory: `workspace/datasets/dNNNNN/`, each written whole under a
//! `.staging-*` name and renamed into place, never changed afterwards.
//!
//! Which folder is the *working* dataset is not stored anywhere of its own:
//! it is the folder the served release was built from (the release
//! manifest's `source` names it). Publishing a draft and rolling back are
//! therefore one switch, `releases/CURRENT`, and a crash can never leave the
//! served release and the working dataset disagreeing. A new version of the
//! draft hard-links the files it does not change, so a version costs the
//! size of what changed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The workspace's folder in the data directory.
pub const WORKSPACE_DIR: &str = "workspace";
/// How a release built from a workspace dataset names its source.
const SOURCE_PREFIX: &str = "workspace dataset ";

/// Why a dataset folder could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}. Check that the data directory is writable and has free space.")]
pub struct DatasetError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

fn at(path: &Path) -> impl FnOnce(io::Error) -> DatasetError + '_ {
    move |source| DatasetError {
        path: path.to_path_buf(),
        source,
    }
}

/// The dataset folders of one data directory.
#[derive(Debug, Clone)]
pub struct Datasets {
    root: PathBuf,
}

/// The release `source` of a build from workspace dataset `id`.
pub fn source_label(id: &str) -> String {
    format!("{SOURCE_PREFIX}{id}")
}

/// The workspace dataset a release was built from, from its `source`.
pub fn dataset_of_source(source: &str) -> Option<&str> {
    source
        .strip_prefix(SOURCE_PREFIX)
        .filter(|id| is_dataset_id(id))
}

fn is_dataset_id(id: &str) -> bool {
    id.len() == 6 && id.starts_with('d') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

impl Datasets {
    pub fn new(data_dir: &Path) -> Self {
        Datasets {
            root: data_dir.join(WORKSPACE_DIR).join("datasets"),
        }
    }

    /// The folder of dataset `id` (which may not exist).
    pub fn path(&self, id: &str) -> PathBuf {
        self.root.join(id)
    }

    /// Whether `id` names a dataset folder that exists.
    pub fn exists(&self, id: &str) -> bool {
        is_dataset_id(id) && self.path(id).is_dir()
    }

    fn next_id(&self) -> String {
        let highest = fs::read_dir(&self.root)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.strip_prefix('d').and_then(|n| n.parse::<u32>().ok())
                    })
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0);
        format!("d{:05}", highest + 1)
    }

    /// Writes a new dataset folder: `fill` writes into an empty staging
    /// folder, which is synced and renamed into place only if `fill`
    /// succeeds. Callers serialise (the workspace holds a lock).
    pub fn create<E>(&self, fill: impl FnOnce(&Path) -> Result<(), E>) -> Result<String, E>
    where
        E: From<DatasetError>,
    {
        fs::create_dir_all(&self.root).map_err(at(&self.root))?;
        let id = self.next_id();
        let staging = self.root.join(format!(".staging-{id}"));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(at(&staging))?;
        }
        fs::create_dir_all(&staging).map_err(at(&staging))?;
        if let Err(err) = fill(&staging) {
            let _ = fs::remove_dir_all(&staging);
            return Err(err);
        }
        sync_tree(&staging)?;
        let target = self.path(&id);
        fs::rename(&staging, &target).map_err(at(&target))?;
        sync_dir(&self.root)?;
        Ok(id)
    }

    /// A new dataset copied from `source` (a folder outside the workspace).
    pub fn import(&self, source: &Path) -> Result<String, DatasetError> {
        self.create(|into| copy_tree(source, into, Link::Copy))
    }

    /// A new dataset from dataset `base` changed by `change`: unchanged
    /// files are hard links to `base`'s (never written in place, so safe to
    /// share); `change` must replace a file, not write into it.
    pub fn derive<E>(
        &self,
        base: &str,
        change: impl FnOnce(&Path) -> Result<(), E>,
    ) -> Result<String, E>
    where
        E: From<DatasetError>,
    {
        let from = self.path(base);
        self.create(|into| {
            copy_tree(&from, into, Link::Hard)?;
            change(into)
        })
    }

    /// Removes dataset `id` (one that never became a release or a draft).
    pub fn remove(&self, id: &str) {
        if self.exists(id) {
            if let Err(err) = fs::remove_dir_all(self.path(id)) {
                tracing::warn!(%err, dataset = %id, "could not remove a dataset folder");
            }
        }
    }

    /// Removes dataset folders that are neither in `keep` nor being
    /// written; staging folders left by a crash go too.
    pub fn remove_unused(&self, keep: &[String]) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if keep.contains(&name) {
                continue;
            }
            if is_dataset_id(&name) || name.starts_with(".staging-") {
                if let Err(err) = fs::remove_dir_all(entry.path()) {
                    tracing::warn!(%err, dataset = %name, "could not remove an unused dataset folder");
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    Copy,
    Hard,
}

/// Copies the regular files and folders of `from` into `to` (hidden
/// entries and symbolic links are left out: a dataset has neither).
fn copy_tree(from: &Path, to: &Path, link: Link) -> Result<(), DatasetError> {
    for entry in fs::read_dir(from).map_err(at(from))? {
        let entry = entry.map_err(at(from))?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        let kind = entry.file_type().map_err(at(&source))?;
        if kind.is_dir() {
            fs::create_dir_all(&target).map_err(at(&target))?;
            copy_tree(&source, &target, link)?;
        } else if kind.is_file() {
            let linked = link == Link::Hard && fs::hard_link(&source, &target).is_ok();
            if !linked {
                fs::copy(&source, &target).map_err(at(&target))?;
            }
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file and a rename, synced:
/// a hard-linked file is replaced, never written into.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), DatasetError> {
    use std::io::Write as _;
    let tmp = path.with_extension("partial");
    let mut file = fs::File::create(&tmp).map_err(at(&tmp))?;
    file.write_all(bytes).map_err(at(&tmp))?;
    file.sync_all().map_err(at(&tmp))?;
    fs::rename(&tmp, path).map_err(at(path))
}

/// Syncs every file and folder under `dir`, so a rename that follows
/// publishes whole contents.
fn sync_tree(dir: &Path) -> Result<(), DatasetError> {
    for entry in fs::read_dir(dir).map_err(at(dir))? {
        let entry = entry.map_err(at(dir))?;
        let path = entry.path();
        if entry.file_type().map_err(at(&path))?.is_dir() {
            sync_tree(&path)?;
        } else {
            fs::File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(at(&path))?;
        }
    }
    sync_dir(dir)
}

pub fn sync_dir(dir: &Path) -> Result<(), DatasetError> {
    fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(at(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_dataset_shares_unchanged_files_and_leaves_its_base_alone() {
        let dir = tempfile::TempDir::new().expect("temp");
        let source = dir.path().join("city");
        fs::create_dir_all(source.join("observations")).expect("mkdir");
        fs::write(source.join("catalogue.csv"), "id\n").expect("write");
        fs::write(source.join("observations/a.csv"), "old").expect("write");
        let datasets = Datasets::new(dir.path());
        let first = datasets.import(&source).expect("import");
        assert_eq!(first, "d00001");
        let second = datasets
            .derive::<DatasetError>(&first, |into| {
                replace_file(&into.join("observations/a.csv"), b"new")
            })
            .expect("derive");
        assert_eq!(second, "d00002");
        let read = |id: &str, file: &str| fs::read_to_string(datasets.path(id).join(file));
        assert_eq!(read(&first, "observations/a.csv").expect("a"), "old");
        assert_eq!(read(&second, "observations/a.csv").expect("a"), "new");
        assert_eq!(read(&second, "catalogue.csv").expect("c"), "id\n");
        assert_eq!(
            dataset_of_source(&source_label(&second)),
            Some("d00002"),
            "the label names the dataset"
        );
        assert_eq!(dataset_of_source("/home/city"), None);
        // A failed change leaves nothing behind.
        let failed = datasets.derive(&second, |_| {
            Err(DatasetError {
                path: PathBuf::from("x"),
                source: io::Error::other("refused"),
            })
        });
        assert!(failed.is_err());
        datasets.remove_unused(std::slice::from_ref(&second));
        assert!(!datasets.exists(&first));
        assert!(datasets.exists(&second));
        assert_eq!(datasets.next_id(), "d00003");
    }
}
