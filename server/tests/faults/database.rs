//! PostgreSQL stopped under a running server: public pages still answer
//! from the served release; staff requests are told the database is
//! unreachable (503, what to do), store nothing half-way; once PostgreSQL
//! is back the same server carries on without a restart.
//!
//! Runs its own throwaway PostgreSQL (scripts/postgres.sh), never the one
//! other tests share, since it stops it. Needs PostgreSQL installed, like
//! `replicas`: without `LOCALGOALS_TEST_POSTGRES` it fails and says so,
//! unless `LOCALGOALS_SKIP_POSTGRES=1`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{
    housing_csv, leftovers, localgoals, publish, served_2026, sha256, try_sign_in, upload, Server,
    ADMIN, PASSWORD,
};

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh")
}

/// A private PostgreSQL cluster: stopped and removed when dropped.
struct Postgres {
    url: String,
    dir: String,
    port: String,
    bin: PathBuf,
}

impl Postgres {
    fn start() -> Postgres {
        let out = Command::new("bash")
            .arg(script())
            .arg("start")
            .output()
            .expect("scripts/postgres.sh start");
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let value = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("export {name}=")))
                .unwrap_or_else(|| panic!("no {name} in {text}"))
                .to_owned()
        };
        let url = value("LOCALGOALS_TEST_POSTGRES");
        let dir = value("LOCALGOALS_TEST_POSTGRES_DIR");
        let port = url
            .rsplit_once(':')
            .and_then(|(_, rest)| rest.split('/').next())
            .expect("a port")
            .to_owned();
        // The folder of the initdb the script used.
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("bin"))
            .filter(|p| p.join("pg_ctl").exists())
            .max()
            .unwrap_or_default();
        Postgres {
            url,
            dir,
            port,
            bin,
        }
    }

    /// Runs `pg_ctl` as the cluster's owner (the script's `postgres` user
    /// when running as root).
    fn pg_ctl(&self, args: &[&str]) {
        let pg_ctl = self.bin.join("pg_ctl");
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        let mut command = if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&pg_ctl);
            c
        } else {
            Command::new(&pg_ctl)
        };
        let status = command
            .args(["-D", &format!("{}/data", self.dir)])
            .args(args)
            .stdout(Stdio::null())
            .status()
            .expect("pg_ctl");
        assert!(status.success(), "pg_ctl {args:?}");
    }

    fn stop(&self) {
        self.pg_ctl(&["-m", "immediate", "stop"]);
    }

    fn restart(&self) {
        let options = format!(
            "-p {} -k {} -h 127.0.0.1 -c fsync=off -c max_connections=200",
            self.port, self.dir
        );
        self.pg_ctl(&[
            "-l",
            &format!("{}/log", self.dir),
            "-o",
            &options,
            "-w",
            "start",
        ]);
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .args(["stop", &self.dir])
            .status();
    }
}

/// What a staff request must be told while the database is down.
fn assert_unreachable(answer: &crate::raw_http::Answer, context: &str) {
    assert_eq!(answer.status, 503, "{context}: {}", answer.body);
    assert!(answer.header("retry-after").is_some(), "{context}");
    for words in [
        "The database is unreachable",
        "Try again",
        "database server",
    ] {
        assert!(
            answer.body.contains(words),
            "{context}: the answer does not say {words:?}: {}",
            answer.body
        );
    }
}

/// The uploads PostgreSQL lists, each checked against its archived bytes.
async fn listed(url: &str, data: &Path) -> Vec<String> {
    let store = server::staff::Store::connect(&server::staff::Database::Postgres {
        url: url.to_owned(),
    })
    .await
    .expect("PostgreSQL");
    let uploads = store.uploads().await.expect("uploads");
    uploads
        .iter()
        .map(|u| {
            let bytes = std::fs::read(data.join(&u.archived)).expect("archived");
            assert_eq!(sha256(&bytes), u.sha256, "{} intact", u.archived);
            u.sha256.clone()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgresql_stopped_is_answered_with_503_and_the_server_recovers_when_it_is_back() {
    if std::env::var("LOCALGOALS_TEST_POSTGRES").is_err() {
        assert!(
            std::env::var("LOCALGOALS_SKIP_POSTGRES").is_ok_and(|v| v == "1"),
            "this test needs PostgreSQL: run scripts/test.sh, or `eval \"$(scripts/postgres.sh start)\"` first (LOCALGOALS_SKIP_POSTGRES=1 skips it)"
        );
        return;
    }
    let postgres = Postgres::start();
    let url = postgres.url.clone();
    let folder = tempfile::TempDir::new().expect("a data folder");
    let data = folder.path();
    let server = Server::start(data, Some(&url), &[]);
    let mut add = localgoals(data, Some(&url))
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
    let session = try_sign_in(&server.address).unwrap_or_else(|a| panic!("{}", a.body));
    let first = housing_csv(61.0);
    let answer = upload(&server.address, &session, "housing.csv", &first).expect("upload");
    assert_eq!(answer.status, 303, "{}", answer.body);
    let archive = data.join(server::staff::upload::UPLOADS_DIR);
    let archived: HashSet<String> = leftovers(&archive, "").into_iter().collect();
    let served = served_2026(data);
    let public = server.get("/indicators/homelessness", "").body;

    postgres.stop();
    let down = Instant::now();
    // The public site answers from the served release.
    for path in ["/", "/indicators/homelessness"] {
        let page = server.get(path, "");
        assert_eq!(page.status, 200, "{path} with PostgreSQL stopped");
    }
    assert_eq!(server.get("/indicators/homelessness", "").body, public);
    // Signed in, the same page still answers (the session cannot be
    // checked, so it is shown as to anyone).
    let page = server.get("/indicators/homelessness", &session);
    assert_eq!(page.status, 200, "a public page with a session cookie");
    // Staff are told, and nothing is stored.
    let refused = try_sign_in(&server.address).expect_err("no sign-in without the database");
    assert_unreachable(&refused, "sign-in");
    let (kind, body) = crate::support::upload_body("any", "housing.csv", &housing_csv(62.0));
    let answer = crate::raw_http::request(
        &server.address,
        "POST",
        "/staff/upload",
        &session,
        Some((&kind, &body)),
    )
    .expect("the upload is answered");
    assert_unreachable(&answer, "upload");
    let answer = server.get("/staff/draft", &session);
    assert_unreachable(&answer, "draft page");
    // (No preview can be had now: the form's fields as a stale page has them.)
    let body = crate::raw_http::form(&[("csrf", "any"), ("version", "1"), ("release", "r00001")]);
    let answer = crate::raw_http::request(
        &server.address,
        "POST",
        "/staff/publish",
        &session,
        Some(("application/x-www-form-urlencoded", &body)),
    )
    .expect("the publish is answered");
    assert_unreachable(&answer, "publish");
    let outage = down.elapsed();
    let after: HashSet<String> = leftovers(&archive, "").into_iter().collect();
    assert_eq!(
        after, archived,
        "nothing archived while the database was down"
    );
    assert_eq!(served_2026(data), served, "the served release is unchanged");

    // Back: the same process carries on.
    postgres.restart();
    let back = Instant::now();
    let session = loop {
        match try_sign_in(&server.address) {
            Ok(session) => break session,
            Err(answer) => {
                assert!(
                    back.elapsed() < Duration::from_secs(20),
                    "no recovery within 20 s: {} {}",
                    answer.status,
                    answer.body
                );
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    };
    let recovered = back.elapsed();
    assert_eq!(
        listed(&url, data).await,
        [sha256(&first)],
        "the earlier upload"
    );
    let second = housing_csv(63.0);
    let answer = upload(&server.address, &session, "housing.csv", &second).expect("upload");
    assert_eq!(answer.status, 303, "{}", answer.body);
    let published = publish(&server.address, &session);
    assert_eq!(published.status, 303, "{}", published.body);
    assert_eq!(served_2026(data), Some(63.0), "the new upload is published");
    let both: HashSet<String> = listed(&url, data).await.into_iter().collect();
    assert_eq!(both, HashSet::from([sha256(&first), sha256(&second)]));
    eprintln!(
        "figures: staff requests refused during {:.1} s of outage; signed in again {:.1} s after PostgreSQL was back",
        outage.as_secs_f64(),
        recovered.as_secs_f64()
    );
    drop(server);
}
