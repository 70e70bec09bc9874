//! The hostile-input corpus on disk: `manifest.csv` read into entries, and
//! the folder walked, so a file without a manifest line (or a line without
//! its file) fails the test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The corpus folder, `server/tests/fixtures/hostile`.
pub fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// What must become of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Refused with a clear error; nothing of it published.
    Rejected,
    /// Accepted, published, and escaped and neutralised everywhere.
    Accepted,
}

/// One line of the manifest.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Path under `corpus/`.
    pub file: String,
    /// The name the browser sends.
    pub upload_as: String,
    pub kind: String,
    pub outcome: Outcome,
    /// For a refused file: the HTTP status and words the answer must have.
    pub status: Option<u16>,
    pub says: String,
    /// For an accepted file: the text its hostile strings carry, and the
    /// publish round it belongs to.
    pub marker: String,
    pub round: u8,
}

impl Entry {
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(folder().join("corpus").join(&self.file))
            .unwrap_or_else(|e| panic!("{}: {e}", self.file))
    }

    /// Whether publishing a later round replaces what this file brought
    /// (observation files are added under their own names and stay).
    pub fn replaced_by_later_rounds(&self) -> bool {
        !matches!(self.kind.as_str(), "observations" | "xlsx")
    }
}

/// Every manifest line.
pub fn manifest() -> Vec<Entry> {
    let mut reader = csv::Reader::from_path(folder().join("manifest.csv")).expect("manifest.csv");
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("manifest.csv has no {name} column"))
    };
    let (file, upload_as, kind, outcome, status, says, marker, round) = (
        column("file"),
        column("upload_as"),
        column("kind"),
        column("outcome"),
        column("status"),
        column("says"),
        column("marker"),
        column("round"),
    );
    reader
        .records()
        .map(|record| {
            let record = record.expect("a manifest line");
            let outcome = match &record[outcome] {
                "rejected" => Outcome::Rejected,
                "accepted" => Outcome::Accepted,
                other => panic!("{}: outcome {other:?}", &record[file]),
            };
            Entry {
                file: record[file].to_owned(),
                upload_as: record[upload_as].to_owned(),
                kind: record[kind].to_owned(),
                outcome,
                status: record[status].parse().ok(),
                says: record[says].to_owned(),
                marker: record[marker].to_owned(),
                round: record[round].parse().unwrap_or(0),
            }
        })
        .collect()
}

/// Every file under `dir`, relative, with `/` separators.
pub fn files_under(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                let parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.insert(parts.join("/"));
            }
        }
    }
    out
}

/// The manifest, after checking it names exactly the files in `corpus/`,
/// at least 100 of them, each refused file with what its answer must say
/// and each accepted one with its marker and round.
pub fn checked_manifest() -> Vec<Entry> {
    let entries = manifest();
    let listed: BTreeSet<String> = entries.iter().map(|e| e.file.clone()).collect();
    assert_eq!(listed.len(), entries.len(), "a file listed twice");
    let on_disk = files_under(&folder().join("corpus"));
    let unlisted: Vec<&String> = on_disk.difference(&listed).collect();
    let missing: Vec<&String> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "corpus/ and manifest.csv disagree: not in the manifest {unlisted:?}, missing from corpus/ {missing:?} (run make.py)"
    );
    assert!(
        entries.len() >= 100,
        "the corpus has {} files, fewer than 100",
        entries.len()
    );
    for entry in &entries {
        match entry.outcome {
            Outcome::Rejected => assert!(
                entry.status.is_some_and(|s| (400..500).contains(&s)) && !entry.says.is_empty(),
                "{}: a refused file needs a 4xx status and the words its answer says",
                entry.file
            ),
            Outcome::Accepted => assert!(
                entry.marker.starts_with("hx") && entry.round > 0,
                "{}: an accepted file needs a marker and a round",
                entry.file
            ),
        }
    }
    entries
}
