//! SIGKILL during uploads: right after one is answered, in the middle of
//! one's body, and at random moments in a run of uploads. After each kill
//! the staff database passes SQLite's checks, the served release is whole,
//! every acknowledged upload is listed with its bytes intact, and nothing
//! half-sent is listed; after a restart the half-written file is gone and
//! the staff go on to upload and publish.

use std::collections::HashSet;
use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::integrity::{assert_database_whole, assert_releases_whole, assert_uploads};
use crate::support::{
    csrf, housing_csv, leftovers, next_fraction, prepare, publish, served_2026, sha256, sign_in,
    upload, upload_body, Server, DRAFT_OPEN,
};

const UPLOADS: &str = "workspace/uploads";

/// Checks everything a kill must leave whole; the listed uploads.
async fn assert_consistent(
    data: &std::path::Path,
    acknowledged: &HashSet<String>,
    sent: &HashSet<String>,
    context: &str,
) -> Vec<String> {
    assert_database_whole(data, context).await;
    assert_releases_whole(data, context);
    assert_uploads(data, acknowledged, sent, context).await
}

/// After a restart: no half-written upload is left, the draft page and a
/// public page answer, and an upload then a publish go through (the
/// published value is the one uploaded).
fn assert_staff_go_on(data: &std::path::Path, session: &str, value: f64, context: &str) {
    let server = Server::start(data, None, &[]);
    assert_eq!(
        leftovers(&data.join(UPLOADS), ".incoming-"),
        Vec::<String>::new(),
        "{context}: a half-written upload is left after the restart"
    );
    assert_eq!(
        server.get("/indicators/homelessness", "").status,
        200,
        "{context}"
    );
    let answer = upload(&server.address, session, "housing.csv", &housing_csv(value))
        .expect("the upload is answered");
    assert_eq!(answer.status, 303, "{context}: {}", answer.body);
    assert!(
        server
            .get("/staff/draft", session)
            .body
            .contains(DRAFT_OPEN),
        "{context}: the draft is open"
    );
    let published = publish(&server.address, session);
    assert_eq!(published.status, 303, "{context}: {}", published.body);
    assert_eq!(
        served_2026(data),
        Some(value),
        "{context}: the new value is served"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_right_after_an_upload_and_mid_body_keeps_the_acknowledged_one_and_no_half() {
    let folder = tempfile::TempDir::new().expect("a data folder");
    let data = folder.path();
    prepare(data, None);
    let (mut acknowledged, mut sent) = (HashSet::new(), HashSet::new());

    // Killed the moment the upload is answered.
    let server = Server::start(data, None, &[]);
    let session = sign_in(&server.address);
    let first = housing_csv(41.0);
    let answer = upload(&server.address, &session, "housing.csv", &first).expect("upload");
    server.kill();
    assert_eq!(answer.status, 303, "{}", answer.body);
    acknowledged.insert(sha256(&first));
    sent.insert(sha256(&first));
    let listed = assert_consistent(data, &acknowledged, &sent, "right after").await;
    assert_eq!(listed, [sha256(&first)]);

    // Killed with half the body sent: the server is streaming it into the
    // archive (its `.incoming-` file exists) when it dies.
    let server = Server::start(data, None, &[]);
    let token = csrf(&server.address, &session).expect("csrf");
    let big: Vec<u8> = std::iter::once("indicator,year,value\n".to_owned())
        .chain((0..20_000).map(|i| format!("homelessness,{},{i}\n", 1000 + i % 1000)))
        .collect::<String>()
        .into_bytes();
    let (kind, body) = upload_body(&token, "housing.csv", &big);
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    write!(
        stream,
        "POST /staff/upload HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nSec-Fetch-Site: same-origin\r\n\
         Cookie: {session}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n",
        server.address,
        body.len()
    )
    .expect("head");
    stream
        .write_all(&body[..body.len() / 2])
        .expect("half the body");
    stream.flush().expect("flush");
    let start = Instant::now();
    while leftovers(&data.join(UPLOADS), ".incoming-").is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the server never started archiving the upload"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill();
    drop(stream);
    // The half is not listed (nothing was acknowledged or sent whole).
    let listed = assert_consistent(data, &acknowledged, &sent, "mid-body").await;
    assert_eq!(listed, [sha256(&first)], "mid-body: only the first upload");

    assert_staff_go_on(data, &session, 43.0, "after the kills");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_at_random_moments_in_a_run_of_uploads_keeps_every_acknowledged_upload_intact() {
    const ROUNDS: usize = 8;
    let folder = tempfile::TempDir::new().expect("a data folder");
    let data = folder.path().to_path_buf();
    prepare(&data, None);
    let (mut acknowledged, mut sent) = (HashSet::new(), HashSet::new());
    // How long one upload takes here: the kills fall within a few of them.
    let (session, took) = {
        let server = Server::start(&data, None, &[]);
        let session = sign_in(&server.address);
        let bytes = housing_csv(0.25);
        let start = Instant::now();
        let answer = upload(&server.address, &session, "housing.csv", &bytes).expect("upload");
        assert_eq!(answer.status, 303, "{}", answer.body);
        acknowledged.insert(sha256(&bytes));
        sent.insert(sha256(&bytes));
        (session, start.elapsed())
    };
    let mut seed: u64 = 0xFA17_5EED;
    let mut cut_off = 0;
    for round in 0..ROUNDS {
        let server = Server::start(&data, None, &[]);
        // Uploads one after another until the server dies under them.
        let uploader = std::thread::spawn({
            let (address, session) = (server.address.clone(), session.clone());
            move || {
                let mut outcomes = Vec::new();
                for i in 0.. {
                    let bytes = housing_csv(1000.0 * round as f64 + i as f64 + 0.5);
                    let hash = sha256(&bytes);
                    match upload(&address, &session, "housing.csv", &bytes) {
                        Ok(answer) if answer.status != 0 => outcomes.push((hash, Some(answer))),
                        _ => {
                            outcomes.push((hash, None));
                            return outcomes;
                        }
                    }
                }
                outcomes
            }
        });
        std::thread::sleep(took.mul_f64(0.1 + 4.0 * next_fraction(&mut seed)));
        server.kill();
        for (hash, answer) in uploader.join().expect("the uploader") {
            sent.insert(hash.clone());
            match answer {
                Some(answer) => {
                    assert_eq!(answer.status, 303, "round {round}: {}", answer.body);
                    acknowledged.insert(hash);
                }
                None => cut_off += 1,
            }
        }
        let context = format!("round {round}");
        assert_consistent(&data, &acknowledged, &sent, &context).await;
    }
    assert!(
        acknowledged.len() > ROUNDS / 4 + 1,
        "only {} uploads went through before the kills",
        acknowledged.len()
    );
    eprintln!(
        "figures: {ROUNDS} kills at random moments, {} uploads acknowledged, {cut_off} cut off, one upload {:.2} s",
        acknowledged.len(),
        took.as_secs_f64()
    );
    assert_staff_go_on(&data, &session, 77.0, "after the random kills");
}
