//! SIGKILL during a publish from the staff workspace, 20 times: the server
//! is stopped at each step of the release write in turn (the step is
//! printed when reached, so each kill is shown to land inside the publish),
//! restarted, and found serving the old or the new release whole, never a
//! mix, with every archived upload intact, the staff database passing
//! SQLite's integrity and foreign-key checks, and the draft closed exactly
//! when its release became current.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

#[path = "faults/integrity.rs"]
mod integrity;
#[path = "support/raw_http.rs"]
mod raw_http;

use indicators::release::{current_id, load_current, release_numbers, verify, WriteStep};
use raw_http::{form, request};
use sha2::{Digest, Sha256};

const PASSWORD: &str = "a long enough password";
const ADMIN: &str = "admin@city.example";

fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city")
}

fn localgoals(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_localgoals"));
    command.arg("--data").arg(data);
    command
}

/// A server process and the address it printed.
struct Server {
    child: Child,
    address: String,
    stderr: Option<std::process::ChildStderr>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(data: &Path, pause: Option<WriteStep>) -> Server {
    let mut command = localgoals(data);
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--dataset"])
        .arg(demo())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(step) = pause {
        command.env(indicators::release::PAUSE_VARIABLE, step.as_str());
    }
    let mut child = command.spawn().expect("start the server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the server prints its address");
    let address = line
        .trim()
        .strip_prefix("Local Goals is running at http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    let stderr = child.stderr.take();
    Server {
        child,
        address,
        stderr,
    }
}

/// Signs the admin in; the session cookie.
fn sign_in(address: &str) -> String {
    let page = request(address, "GET", "/staff/sign-in", "", None).expect("sign-in form");
    let csrf_cookie = page
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("a CSRF cookie")
        .to_owned();
    let body = form(&[
        ("email", ADMIN),
        ("password", PASSWORD),
        ("csrf", &page.field("csrf")),
    ]);
    let answer = request(
        address,
        "POST",
        "/staff/sign-in",
        &csrf_cookie,
        Some(("application/x-www-form-urlencoded", &body)),
    )
    .expect("sign in");
    assert_eq!(answer.status, 303, "{}", answer.body);
    answer
        .headers
        .iter()
        .filter(|(n, _)| n == "set-cookie")
        .find_map(|(_, v)| v.strip_prefix("lg_session="))
        .and_then(|v| v.split(';').next())
        .map(|token| format!("lg_session={token}"))
        .expect("a session cookie")
}

fn upload(address: &str, session: &str, name: &str, bytes: &[u8]) {
    let csrf = request(address, "GET", "/staff/draft", session, None)
        .expect("draft page")
        .field("csrf");
    let boundary = "----crash-test";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let answer = request(
        address,
        "POST",
        "/staff/upload",
        session,
        Some((&format!("multipart/form-data; boundary={boundary}"), &body)),
    )
    .expect("upload");
    assert_eq!(answer.status, 303, "{}", answer.body);
}

/// The served value of homelessness in 2026, read from the current release.
fn served_2026(data: &Path) -> Option<f64> {
    let release = load_current(data).expect("the current release loads whole");
    release
        .dataset
        .observations
        .iter()
        .find(|o| {
            o.indicator_id == "homelessness"
                && o.dimensions.is_headline()
                && o.period.label == "2026"
        })
        .map(|o| o.value)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_inside_a_publish_leaves_the_old_or_the_new_release_and_every_upload_intact() {
    let folder = tempfile::TempDir::new().expect("a data folder");
    let data = folder.path().to_path_buf();
    let imported = localgoals(&data)
        .arg("import")
        .arg(demo())
        .output()
        .expect("import");
    assert!(imported.status.success(), "{imported:?}");
    let mut add = localgoals(&data)
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

    let session = {
        let server = start(&data, None);
        sign_in(&server.address)
    };
    let mut kills = 0;
    let mut published = served_2026(&data);
    for round in 0..20 {
        let step = WriteStep::ALL[round % WriteStep::ALL.len()];
        let before = current_id(&data).expect("a current release");
        let value = 40.0 + round as f64;
        let mut server = start(&data, Some(step));
        let address = server.address.clone();
        upload(
            &address,
            &session,
            "housing.csv",
            format!("indicator,year,value\nhomelessness,2026,{value}\n").as_bytes(),
        );
        let preview = request(&address, "GET", "/staff/preview", &session, None).expect("preview");
        let body = form(&[
            ("csrf", &preview.field("csrf")),
            ("version", &preview.field("version")),
            ("release", &preview.field("release")),
        ]);
        // The publish hangs at the pause point until the kill.
        let publishing = std::thread::spawn({
            let (address, session) = (address.clone(), session.clone());
            move || {
                request(
                    &address,
                    "POST",
                    "/staff/publish",
                    &session,
                    Some(("application/x-www-form-urlencoded", &body)),
                )
            }
        });
        let wanted = format!("paused at {step}");
        let reached = BufReader::new(server.stderr.take().expect("stderr"))
            .lines()
            .map_while(Result::ok)
            .any(|line| line.contains(&wanted));
        assert!(reached, "round {round}: the publish never reached {step}");
        server.child.kill().expect("SIGKILL");
        let status = server.child.wait().expect("wait");
        assert!(!status.success(), "round {round}: killed, not finished");
        kills += 1;
        let answer = publishing.join().expect("the publish thread");
        assert!(
            answer.map_or(true, |a| a.status == 0),
            "round {round}: the publish answered though killed"
        );

        // Every visible release whole; the current one old or new.
        for number in release_numbers(&data) {
            let dir = data.join("releases").join(format!("r{number:05}"));
            verify(&dir).unwrap_or_else(|e| panic!("round {round}: r{number:05}: {e}"));
        }
        let after = current_id(&data).expect("CURRENT");
        let served = served_2026(&data);
        if step == WriteStep::CurrentSwitched {
            assert_ne!(after, before, "round {round}: {step} switched");
            assert_eq!(served, Some(value), "round {round}: the new release, whole");
            published = served;
        } else {
            assert_eq!(after, before, "round {round}: {step} is before the switch");
            assert_eq!(served, published, "round {round}: the old release, whole");
        }

        // Restarted: it serves that release and closes the draft only if
        // its release became current.
        let server = start(&data, None);
        let page = request(&server.address, "GET", "/staff/draft", &session, None).expect("draft");
        let draft_open = page.body.contains("Preview what publishing would change");
        assert_eq!(
            draft_open,
            step != WriteStep::CurrentSwitched,
            "round {round}: {step}: {}",
            page.body
        );
        drop(server);
        let store = server::staff::Store::open(&data)
            .await
            .expect("the database");
        let uploads = store.uploads().await.expect("uploads");
        assert_eq!(
            uploads.len(),
            round + 1,
            "round {round}: every upload recorded"
        );
        for upload in &uploads {
            let bytes = std::fs::read(data.join(&upload.archived))
                .unwrap_or_else(|e| panic!("round {round}: {}: {e}", upload.archived));
            assert_eq!(
                server::staff::secret::hex(&Sha256::digest(&bytes)),
                upload.sha256,
                "round {round}: {} intact",
                upload.archived
            );
        }
        drop(store);
        integrity::assert_database_whole(&data, &format!("round {round}: {step}")).await;
    }
    assert_eq!(kills, 20);
}
