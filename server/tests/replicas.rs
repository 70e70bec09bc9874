//! Two `localgoals` processes, each with its own data directory, on one
//! PostgreSQL database: a session from one works on the other, a draft made
//! through one is published through the other, and each serves the other's
//! publish and rollback within seconds.
//!
//! Needs a PostgreSQL server: `LOCALGOALS_TEST_POSTGRES` (scripts/test.sh
//! starts one with scripts/postgres.sh). Without it the test fails and says
//! so, unless `LOCALGOALS_SKIP_POSTGRES=1` is set.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support/raw_http.rs"]
mod raw_http;

use raw_http::{form, Answer};

const PASSWORD: &str = "a long enough password";
const ADMIN: &str = "admin@city.example";

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city")
}

fn localgoals(data: &Path, database: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_localgoals"));
    command
        .arg("--data")
        .arg(data)
        .arg("--database")
        .arg(database);
    command
}

struct Replica {
    child: Child,
    address: String,
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(data: &Path, database: &str) -> Replica {
    let mut child = localgoals(data, database)
        .args(["serve", "--addr", "127.0.0.1:0", "--dataset"])
        .arg(demo())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start a replica");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the replica prints its address");
    let address = line
        .trim()
        .strip_prefix("Local Goals is running at http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    Replica { child, address }
}

/// One request; the test fails if the replica does not answer.
fn request(
    address: &str,
    method: &str,
    path: &str,
    cookie: &str,
    body: Option<(&str, &[u8])>,
) -> Answer {
    raw_http::request(address, method, path, cookie, body).expect("the replica answers")
}

/// Waits up to 10 s until `address`'s public page of homelessness
/// satisfies `wanted`; how long it took.
fn until_served(address: &str, wanted: impl Fn(&str) -> bool) -> Duration {
    let start = Instant::now();
    loop {
        let page = request(address, "GET", "/indicators/homelessness", "", None);
        if wanted(&page.body) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{address} did not follow within 10 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_sessions_the_draft_and_serve_each_others_publish_and_rollback() {
    let Ok(admin_url) = std::env::var("LOCALGOALS_TEST_POSTGRES") else {
        assert!(
            std::env::var("LOCALGOALS_SKIP_POSTGRES").is_ok_and(|v| v == "1"),
            "this test needs a PostgreSQL server: run scripts/test.sh, or `eval \"$(scripts/postgres.sh start)\"` first (LOCALGOALS_SKIP_POSTGRES=1 skips it)"
        );
        return;
    };
    let database = {
        use sqlx::Connection as _;
        let name = format!("lg_replicas_{}", std::process::id());
        let mut connection = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("PostgreSQL");
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
            .execute(&mut connection)
            .await
            .expect("drop");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut connection)
            .await
            .expect("create");
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b);
        format!("{base}/{name}")
    };
    let (folder_a, folder_b) = (
        tempfile::TempDir::new().expect("a"),
        tempfile::TempDir::new().expect("b"),
    );
    let a = start(folder_a.path(), &database);
    // B starts with an empty data directory: it fetches what A released.
    let b = start(folder_b.path(), &database);
    for replica in [&a, &b] {
        let page = request(
            &replica.address,
            "GET",
            "/indicators/homelessness",
            "",
            None,
        );
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("66.6"));
    }
    let mut add = localgoals(folder_a.path(), &database)
        .args(["user", "add", ADMIN, "--role", "admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("user add");
    add.stdin
        .take()
        .expect("stdin")
        .write_all(format!("{PASSWORD}\n").as_bytes())
        .expect("password");
    assert!(add.wait().expect("user add").success());

    // Signed in through A, the session works on B.
    let sign_in = request(&a.address, "GET", "/staff/sign-in", "", None);
    let csrf_cookie = sign_in.cookie("lg_csrf").expect("a CSRF cookie");
    let signed = request(
        &a.address,
        "POST",
        "/staff/sign-in",
        &csrf_cookie,
        Some((
            "application/x-www-form-urlencoded",
            &form(&[
                ("email", ADMIN),
                ("password", PASSWORD),
                ("csrf", &sign_in.field("csrf")),
            ]),
        )),
    );
    assert_eq!(signed.status, 303, "{}", signed.body);
    let session = signed.cookie("lg_session").expect("a session");
    let draft_page = request(&b.address, "GET", "/staff/draft", &session, None);
    assert_eq!(draft_page.status, 200, "the session works on B");

    // An upload through B makes the draft; A previews and publishes it.
    let boundary = "----replicas";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"late.csv\"\r\n\r\n",
        draft_page.field("csrf")
    )
    .into_bytes();
    body.extend_from_slice(b"indicator,year,value\nhomelessness,2026,66.6\n");
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let uploaded = request(
        &b.address,
        "POST",
        "/staff/upload",
        &session,
        Some((&format!("multipart/form-data; boundary={boundary}"), &body)),
    );
    assert_eq!(uploaded.status, 303, "{}", uploaded.body);
    let preview = request(&a.address, "GET", "/staff/preview", &session, None);
    assert!(
        preview.body.contains("66.6"),
        "A previews B's draft: {}",
        preview.body
    );
    // Both replicas keep the public page rendered (the page cache): the
    // publish must empty it on each, not only where it happened.
    for replica in [&a, &b] {
        for _ in 0..2 {
            request(
                &replica.address,
                "GET",
                "/indicators/homelessness",
                "",
                None,
            );
        }
        let kept = request(
            &replica.address,
            "GET",
            "/indicators/homelessness",
            "",
            None,
        );
        assert_eq!(kept.header("x-localgoals-cache"), Some("hit"));
        assert!(!kept.body.contains("66.6"));
    }
    let published = request(
        &a.address,
        "POST",
        "/staff/publish",
        &session,
        Some((
            "application/x-www-form-urlencoded",
            &form(&[
                ("csrf", &preview.field("csrf")),
                ("version", &preview.field("version")),
                ("release", &preview.field("release")),
            ]),
        )),
    );
    assert_eq!(published.status, 303, "{}", published.body);
    until_served(&a.address, |body| body.contains("66.6"));
    let took = until_served(&b.address, |body| body.contains("66.6"));
    eprintln!("B served A's publish after {took:?}");

    // A rollback through B is served by A.
    let releases = request(&b.address, "GET", "/staff/releases", &session, None);
    assert!(
        releases.body.contains("Release r00002 is served"),
        "{}",
        releases.body
    );
    let restored = request(
        &b.address,
        "POST",
        "/staff/releases/r00001/restore",
        &session,
        Some((
            "application/x-www-form-urlencoded",
            &form(&[("csrf", &releases.field("csrf"))]),
        )),
    );
    assert_eq!(restored.status, 303, "{}", restored.body);
    let took = until_served(&a.address, |body| {
        !body.contains("66.6") && body.contains("23.9")
    });
    eprintln!("A served B's rollback after {took:?}");

    // A third replica started now serves the rolled-back release at once.
    drop(a);
    let folder_c = tempfile::TempDir::new().expect("c");
    let c = start(folder_c.path(), &database);
    let page = request(&c.address, "GET", "/indicators/homelessness", "", None);
    assert!(page.body.contains("23.9") && !page.body.contains("66.6"));
}
