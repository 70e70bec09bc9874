//! The deployment promise: the `localgoals` binary, copied alone into an
//! empty folder next to a dataset and started there with no LEPTOS_*
//! settings, serves the site, and the wasm arrives compressed with a
//! year-long cache header.
//!
//! The binary is `LOCALGOALS_DEPLOY_BINARY` (scripts/deploy-check.sh sets
//! the release one), by default `target/debug/localgoals`; it must be built
//! with `--features embed-site` (scripts/test.sh does).

use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn deploy_binary() -> PathBuf {
    let path = std::env::var_os("LOCALGOALS_DEPLOY_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/debug/localgoals"));
    if path.is_absolute() {
        path
    } else {
        workspace_root().join(path)
    }
}

/// A child process killed when the test ends, pass or fail.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dataset folder");
    for entry in std::fs::read_dir(from).expect("the demo dataset") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy a dataset file");
        }
    }
}

/// An answer: status, lower-case headers, body (chunked transfer undone).
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

/// A plain HTTP/1.1 GET (the test must not lean on the server's own crates).
fn get(port: u16, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .expect("timeout");
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    if let Some(coding) = accept_encoding {
        request.push_str(&format!("Accept-Encoding: {coding}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn unchunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let mut line = String::new();
        raw.read_line(&mut line).expect("a chunk size");
        let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16)
            .expect("a hex chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[test]
fn the_binary_alone_serves_the_site_with_compressed_long_cached_wasm() {
    let binary = deploy_binary();
    assert!(
        binary.is_file(),
        "{} does not exist. Build it with `scripts/build-site.sh && cargo build -p server --bin localgoals --features embed-site` \
         (scripts/test.sh does), or set LOCALGOALS_DEPLOY_BINARY",
        binary.display()
    );
    let folder = tempfile::TempDir::new().expect("an empty folder");
    std::fs::copy(&binary, folder.path().join("localgoals")).expect("copy the binary");
    copy_dir(
        &workspace_root().join("indicators/demo-city"),
        &folder.path().join("demo-city"),
    );

    let port = free_port();
    let mut command = Command::new(folder.path().join("localgoals"));
    command
        .args(["--data", "./data", "serve", "--addr"])
        .arg(format!("127.0.0.1:{port}"))
        .args(["--dataset", "./demo-city"])
        .current_dir(folder.path())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null());
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("LEPTOS_") {
            command.env_remove(name);
        }
    }
    let mut server = Guard(command.spawn().expect("start the copied binary"));

    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!("the copied binary exited with {status} before answering /healthz");
        }
        if TcpStream::connect(("127.0.0.1", port)).is_ok()
            && get(port, "/healthz", None).status == 200
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "/healthz did not answer within 120 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    let home = get(port, "/", None);
    assert_eq!(home.status, 200, "the home page");
    let html = String::from_utf8_lossy(&home.body).into_owned();
    // leptos links the wasm it loads: `/pkg/localgoals.{hash}.wasm`.
    let wasm = html
        .split('"')
        .find(|part| part.starts_with("/pkg/localgoals.") && part.ends_with(".wasm"))
        .unwrap_or_else(|| panic!("the home page links no wasm under /pkg/"));
    assert_ne!(
        wasm, "/pkg/localgoals.wasm",
        "the page links the plain wasm name: {} was built without the site inside. \
         Build it with `scripts/build-site.sh && cargo build -p server --bin localgoals --features embed-site`",
        binary.display()
    );
    let css = html
        .split('"')
        .find(|part| part.starts_with("/pkg/localgoals.") && part.ends_with(".css"))
        .expect("the home page links its stylesheet");
    assert_eq!(get(port, css, Some("br")).status, 200, "{css}");

    let answer = get(port, wasm, Some("br"));
    assert_eq!(answer.status, 200, "{wasm}");
    assert_eq!(
        answer.header("content-encoding"),
        "br",
        "{wasm} arrives brotli-compressed"
    );
    let cache = answer.header("cache-control");
    assert!(
        cache.contains("max-age=31536000") && cache.contains("immutable"),
        "{wasm} is cached for a year: {cache:?}"
    );
    assert_eq!(answer.header("content-type"), "application/wasm");
    let mut bytes = Vec::new();
    brotli::Decompressor::new(&answer.body[..], 4096)
        .read_to_end(&mut bytes)
        .expect("the body is brotli");
    assert!(
        bytes.starts_with(b"\0asm"),
        "the body decompresses to a wasm module"
    );
    assert!(bytes.len() > answer.body.len(), "the body was compressed");

    let gzip = get(port, wasm, Some("gzip"));
    assert_eq!(
        gzip.header("content-encoding"),
        "gzip",
        "gzip-only browsers get gzip"
    );
}
