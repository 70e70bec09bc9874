//! Where the tests find the real-data fixtures (see `fixtures/README.md`).
//! The archive is unpacked once into cargo's target folder; concurrent test
//! processes (nextest runs one per test) each unpack into their own folder
//! and the first to finish renames it into place, so none sees half a tree.

#![allow(dead_code)] // each test file uses a different part

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

/// The fixtures folder in the repository (this module is also compiled into
/// other crates' tests, which sit beside `indicators/`).
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/tests/fixtures")
}

/// A file among the fixtures, e.g. `progress-vectors/components_flat.csv`.
pub fn fixture(rel: &str) -> PathBuf {
    fixtures().join(rel)
}

/// The unpacked real data: `canada_cif/`, `los_angeles_city/`,
/// `eurostat_urban_audit/`.
pub fn real_data() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(unpack_real_data)
}

/// A path inside the unpacked real data, e.g. `canada_cif/data/indicator_1-1-1.csv`.
pub fn real(rel: &str) -> PathBuf {
    real_data().join(rel)
}

fn unpack_real_data() -> PathBuf {
    let archive = fixture("real-data.tar.zst");
    let bytes = std::fs::read(&archive).unwrap_or_else(|e| panic!("{}: {e}", archive.display()));
    // Named after the archive's content: a changed archive unpacks afresh.
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    let parent = option_env!("CARGO_TARGET_TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir)
        .join("localgoals-fixtures");
    let target = parent.join(format!("real-data-{digest}"));
    if target.is_dir() {
        return target;
    }
    std::fs::create_dir_all(&parent).expect("fixture folder");
    let staging = tempfile::tempdir_in(&parent).expect("staging folder");
    let decoder = zstd::stream::read::Decoder::new(bytes.as_slice()).expect("zstd archive");
    tar::Archive::new(decoder)
        .unpack(staging.path())
        .expect("unpack the real-data fixtures");
    let staged = staging.keep();
    if std::fs::rename(&staged, &target).is_err() {
        // Another process got there first; theirs is complete.
        let _ = std::fs::remove_dir_all(&staged);
        assert!(
            target.is_dir(),
            "could not unpack into {}",
            target.display()
        );
    }
    target
}
