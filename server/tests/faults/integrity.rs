//! The consistency checks after a fault: the staff database passes
//! SQLite's own checks, every visible release verifies and the current one
//! loads whole, and every listed upload's archived bytes hash to what its
//! row records. Shared by `faults` and `publish_crash`.

#![allow(dead_code)] // each test binary uses its own part

use std::collections::HashSet;
use std::path::Path;

use indicators::release::{load_current, release_numbers, verify, RELEASES_DIR};
use sha2::{Digest, Sha256};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Row};

/// `PRAGMA integrity_check` says "ok" and `PRAGMA foreign_key_check` finds
/// nothing, on the staff database in `data`.
pub async fn assert_database_whole(data: &Path, context: &str) {
    let path = data.join(server::staff::store::DATABASE_FILE);
    let mut connection = SqliteConnectOptions::new()
        .filename(&path)
        .connect()
        .await
        .unwrap_or_else(|e| panic!("{context}: {}: {e}", path.display()));
    let checked: Vec<String> = sqlx::query("PRAGMA integrity_check")
        .fetch_all(&mut connection)
        .await
        .unwrap_or_else(|e| panic!("{context}: integrity_check: {e}"))
        .iter()
        .map(|row| row.get::<String, _>(0))
        .collect();
    assert_eq!(checked, ["ok"], "{context}: integrity_check");
    let broken = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut connection)
        .await
        .unwrap_or_else(|e| panic!("{context}: foreign_key_check: {e}"));
    assert!(
        broken.is_empty(),
        "{context}: {} row(s) break a foreign key",
        broken.len()
    );
}

/// Every visible release verifies; the current one loads whole.
pub fn assert_releases_whole(data: &Path, context: &str) {
    for number in release_numbers(data) {
        let dir = data.join(RELEASES_DIR).join(format!("r{number:05}"));
        verify(&dir).unwrap_or_else(|e| panic!("{context}: r{number:05}: {e}"));
    }
    let release = load_current(data)
        .unwrap_or_else(|e| panic!("{context}: the current release does not load: {e}"));
    assert!(!release.dataset.observations.is_empty(), "{context}");
}

/// The SHA-256 of every listed upload, after checking each one's archived
/// bytes hash to it.
pub async fn listed_uploads(data: &Path, context: &str) -> Vec<String> {
    let store = server::staff::Store::open(data)
        .await
        .unwrap_or_else(|e| panic!("{context}: the database: {e}"));
    let uploads = store.uploads().await.expect("uploads");
    let mut hashes = Vec::new();
    for upload in &uploads {
        let bytes = std::fs::read(data.join(&upload.archived))
            .unwrap_or_else(|e| panic!("{context}: {}: {e}", upload.archived));
        assert_eq!(
            server::staff::secret::hex(&Sha256::digest(&bytes)),
            upload.sha256,
            "{context}: {} intact",
            upload.archived
        );
        assert_eq!(
            bytes.len() as i64,
            upload.bytes,
            "{context}: {}",
            upload.archived
        );
        hashes.push(upload.sha256.clone());
    }
    drop(store);
    hashes
}

/// The listed uploads are intact, include every acknowledged one, and are
/// each one that was sent (nothing listed that no client sent whole).
pub async fn assert_uploads(
    data: &Path,
    acknowledged: &HashSet<String>,
    sent: &HashSet<String>,
    context: &str,
) -> Vec<String> {
    let listed = listed_uploads(data, context).await;
    let listed_set: HashSet<&String> = listed.iter().collect();
    for hash in acknowledged {
        assert!(
            listed_set.contains(hash),
            "{context}: acknowledged upload {hash} is not listed"
        );
    }
    for hash in &listed {
        assert!(
            sent.contains(hash),
            "{context}: {hash} listed but never sent"
        );
    }
    listed
}
