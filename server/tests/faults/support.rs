//! What every fault test needs: a data directory with the demo city and an
//! admin, a `localgoals serve` process to start and kill, and the staff
//! requests (sign in, upload, publish) as raw HTTP.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use indicators::release::load_current;
use sha2::{Digest, Sha256};

use crate::raw_http::{form, request, Answer};

pub const PASSWORD: &str = "a long enough password";
pub const ADMIN: &str = "admin@city.example";

/// The draft page's link to the preview: shown only while a draft is open.
pub const DRAFT_OPEN: &str = "Preview what publishing would change";

pub fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city")
}

pub fn localgoals(data: &Path, database: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_localgoals"));
    command.arg("--data").arg(data);
    if let Some(url) = database {
        command.arg("--database").arg(url);
    }
    command
}

pub fn sha256(bytes: &[u8]) -> String {
    server::staff::secret::hex(&Sha256::digest(bytes))
}

/// Imports the demo city into `data` and adds the admin.
pub fn prepare(data: &Path, database: Option<&str>) {
    let imported = localgoals(data, database)
        .arg("import")
        .arg(demo())
        .output()
        .expect("import");
    assert!(imported.status.success(), "{imported:?}");
    let mut add = localgoals(data, database)
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
}

/// A `localgoals serve` process and the address it printed; killed when
/// dropped.
pub struct Server {
    pub child: Child,
    pub address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts a server on `data` with the extra environment `env` (a fault
    /// hook, say).
    pub fn start(data: &Path, database: Option<&str>, env: &[(&str, &str)]) -> Server {
        let mut command = localgoals(data, database);
        command
            .args(["serve", "--addr", "127.0.0.1:0", "--dataset"])
            .arg(demo())
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
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
        // Drained, so the server never blocks on a full pipe; shown with
        // FAULTS_VERBOSE=1.
        if let Some(pipe) = child.stderr.take() {
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    if std::env::var_os("FAULTS_VERBOSE").is_some() {
                        eprintln!("server: {line}");
                    }
                }
            });
        }
        Server { child, address }
    }

    /// SIGKILL, and the proof it did not finish by itself.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        let status = self.child.wait().expect("wait");
        assert!(!status.success(), "killed, not finished");
    }

    pub fn get(&self, path: &str, cookie: &str) -> Answer {
        request(&self.address, "GET", path, cookie, None).expect("the server answers")
    }
}

/// Signs the admin in; the session cookie, or the answer that refused.
pub fn try_sign_in(address: &str) -> Result<String, Answer> {
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
    match answer.cookie("lg_session") {
        Some(cookie) if answer.status == 303 => Ok(cookie),
        _ => Err(answer),
    }
}

pub fn sign_in(address: &str) -> String {
    try_sign_in(address).unwrap_or_else(|a| panic!("sign-in refused: {} {}", a.status, a.body))
}

/// A CSV of one homelessness value for 2026 (distinct values, distinct
/// bytes).
pub fn housing_csv(value: f64) -> Vec<u8> {
    format!("indicator,year,value\nhomelessness,2026,{value}\n").into_bytes()
}

/// The multipart body of an upload form.
pub fn upload_body(csrf: &str, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----faults-test";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The form token of the session (from the draft page).
pub fn csrf(address: &str, session: &str) -> std::io::Result<String> {
    let page = request(address, "GET", "/staff/draft", session, None)?;
    if page.status != 200 {
        return Err(std::io::Error::other(format!("draft page {}", page.status)));
    }
    Ok(page.field("csrf"))
}

/// Uploads `bytes` as `name`; the answer (an error if the connection broke).
pub fn upload(address: &str, session: &str, name: &str, bytes: &[u8]) -> std::io::Result<Answer> {
    let csrf = csrf(address, session)?;
    let (kind, body) = upload_body(&csrf, name, bytes);
    request(
        address,
        "POST",
        "/staff/upload",
        session,
        Some((&kind, &body)),
    )
}

/// Publishes the draft as previewed; the answer.
pub fn publish(address: &str, session: &str) -> Answer {
    let preview = request(address, "GET", "/staff/preview", session, None).expect("preview");
    let body = form(&[
        ("csrf", &preview.field("csrf")),
        ("version", &preview.field("version")),
        ("release", &preview.field("release")),
    ]);
    request(
        address,
        "POST",
        "/staff/publish",
        session,
        Some(("application/x-www-form-urlencoded", &body)),
    )
    .expect("the publish is answered")
}

/// The served value of homelessness in 2026, read from the current release.
pub fn served_2026(data: &Path) -> Option<f64> {
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

/// Files in `dir` whose names start with `prefix`.
pub fn leftovers(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect()
}

/// A repeatable pseudo-random number in [0, 1) (a 64-bit LCG).
pub fn next_fraction(seed: &mut u64) -> f64 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*seed >> 33) as f64 / (1u64 << 31) as f64
}
