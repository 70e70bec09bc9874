//! A full disk, injected with `LOCALGOALS_FAIL_AT` at each step of the
//! release write during a publish, and while an upload is archived: the
//! answer says the disk is full and what to do, the old release is served,
//! no half-written release or file is left, the draft and the uploads stay,
//! and once the fault is gone the same publish goes through.

use std::collections::HashSet;

use indicators::release::{current_id, release_numbers, WriteStep, FAIL_VARIABLE, RELEASES_DIR};

use crate::integrity::{assert_database_whole, assert_releases_whole, listed_uploads};
use crate::support::{
    housing_csv, leftovers, prepare, publish, served_2026, sha256, sign_in, upload, Server,
    DRAFT_OPEN,
};

/// What the answer to a full disk must say: what happened and what to do.
fn assert_says_disk_full(answer: &crate::raw_http::Answer, context: &str) {
    assert_eq!(answer.status, 507, "{context}: {}", answer.body);
    for words in [
        "The disk is full",
        "free space in Local Goals",
        "then publish or upload again",
    ] {
        assert!(
            answer.body.contains(words),
            "{context}: the answer does not say {words:?}: {}",
            answer.body
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_in_a_publish_or_an_upload_is_answered_clearly_and_loses_nothing() {
    let folder = tempfile::TempDir::new().expect("a data folder");
    let data = folder.path();
    prepare(data, None);
    let value = 52.0;
    let uploaded = housing_csv(value);
    let session = {
        let server = Server::start(data, None, &[]);
        let session = sign_in(&server.address);
        let answer = upload(&server.address, &session, "housing.csv", &uploaded).expect("upload");
        assert_eq!(answer.status, 303, "{}", answer.body);
        session
    };
    let before = current_id(data).expect("a current release");
    let numbers = release_numbers(data);
    let served = served_2026(data);
    assert_ne!(
        served,
        Some(value),
        "the draft's value differs from the served one"
    );
    let uploads = listed_uploads(data, "before").await;
    assert_eq!(uploads, [sha256(&uploaded)]);
    let releases = data.join(RELEASES_DIR);

    for step in WriteStep::ALL {
        let context = format!("full disk at {step}");
        let server = Server::start(data, None, &[(FAIL_VARIABLE, step.as_str())]);
        let answer = publish(&server.address, &session);
        assert_says_disk_full(&answer, &context);
        // The old release, still served, whole; nothing new visible.
        assert_eq!(
            current_id(data).as_deref(),
            Some(before.as_str()),
            "{context}"
        );
        assert_eq!(release_numbers(data), numbers, "{context}: no new release");
        assert_eq!(served_2026(data), served, "{context}");
        assert_releases_whole(data, &context);
        assert_eq!(
            leftovers(&releases, ".building-"),
            Vec::<String>::new(),
            "{context}"
        );
        assert_eq!(
            leftovers(&releases, ".CURRENT"),
            Vec::<String>::new(),
            "{context}"
        );
        assert_eq!(
            server.get("/indicators/homelessness", "").status,
            200,
            "{context}"
        );
        // The draft and the uploads are kept.
        let draft = server.get("/staff/draft", &session);
        assert!(
            draft.body.contains(DRAFT_OPEN),
            "{context}: the draft is open"
        );
        drop(server);
        assert_eq!(listed_uploads(data, &context).await, uploads, "{context}");
        assert_database_whole(data, &context).await;
    }

    // A full disk while an upload is archived: refused, nothing half kept.
    {
        let context = "full disk in an upload";
        let archive = data.join(server::staff::upload::UPLOADS_DIR);
        let files: HashSet<String> = leftovers(&archive, "").into_iter().collect();
        let server = Server::start(
            data,
            None,
            &[(FAIL_VARIABLE, server::staff::upload::UPLOAD_FAULT)],
        );
        let answer = upload(&server.address, &session, "housing.csv", &housing_csv(53.0))
            .expect("the upload is answered");
        assert_says_disk_full(&answer, context);
        drop(server);
        let after: HashSet<String> = leftovers(&archive, "").into_iter().collect();
        assert_eq!(after, files, "{context}: nothing added to the archive");
        assert_eq!(listed_uploads(data, context).await, uploads, "{context}");
        assert_database_whole(data, context).await;
    }

    // Space again: the same draft publishes.
    let server = Server::start(data, None, &[]);
    let answer = publish(&server.address, &session);
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(
        served_2026(data),
        Some(value),
        "the draft's value is served"
    );
    let next = numbers.last().copied().unwrap_or(0) + 1;
    assert_eq!(
        current_id(data),
        Some(format!("r{next:05}")),
        "the failed publishes took no release number"
    );
    assert_releases_whole(data, "after");
}
