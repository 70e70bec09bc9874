//! `POST /staff/upload`'s parsing: the body as a multipart form (axum's
//! `Multipart`, as the route extracts it), then `receive`: the CSRF field,
//! the file part, its name (`safe_name`), its kind (`classify`), the size
//! cap, the first-bytes and NUL checks, and the archive. An input is the raw
//! body; the boundary is fixed (`localgoalsfuzz`), as the seeds
//! (scripts/fuzz.sh) are written with it.
//!
//! The server's own `staff/upload.rs` and `staff/secret.rs` are compiled
//! here as they are; only their neighbours in the server crate (the change
//! kinds, the error type, the translated words) are stood in for below,
//! with the same names and variants. Should upload.rs come to use more of
//! the server, this target stops compiling, and a stand-in is added here.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart};
use libfuzzer_sys::fuzz_target;
use upload::{classify, receive, safe_name, UPLOADS_DIR};

#[path = "../../../server/src/staff/upload.rs"]
#[allow(dead_code)]
mod upload;

#[path = "../../../server/src/staff/secret.rs"]
#[allow(dead_code)]
mod secret;

/// Stand-in for `server::staff::drafts::ChangeKind` (same variants).
mod drafts {
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ChangeKind {
        Observations,
        Catalogue,
        Areas,
        Actions,
        Groups,
        Districts,
        Recommendations,
        Qualitative,
    }
}

/// Stand-in for `server::staff::StaffError` (the variants upload.rs uses).
#[derive(Debug)]
#[allow(dead_code)]
enum StaffError {
    Csrf,
    UploadBroken,
    Disk(String),
    DiskFull(String),
}

/// Stand-in for `server::staff::words` (the key, not the translation).
#[allow(dead_code)]
mod words {
    pub fn w(key: &str) -> String {
        key.to_owned()
    }
    pub fn wf(key: &str, args: &[(&'static str, String)]) -> String {
        format!("{key} {args:?}")
    }
}

/// Small, so the fuzzer reaches the size cap.
const LIMIT: u64 = 16 * 1024;
const TOKEN: &str = "token";

struct Scratch {
    runtime: tokio::runtime::Runtime,
    data_dir: PathBuf,
}

static SCRATCH: OnceLock<Scratch> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let scratch = SCRATCH.get_or_init(|| {
        let draft = localgoals_fuzz::Draft::new("upload");
        Scratch {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime"),
            data_dir: draft.dir().to_path_buf(),
        }
    });
    let request = axum::http::Request::builder()
        .method("POST")
        .uri("/staff/upload")
        .header(
            "content-type",
            "multipart/form-data; boundary=localgoalsfuzz",
        )
        .body(Body::from(data.to_vec()))
        .expect("a request");
    let archive = scratch.data_dir.join(UPLOADS_DIR);
    scratch.runtime.block_on(async {
        let Ok(mut multipart) = Multipart::from_request(request, &()).await else {
            return;
        };
        let received = receive(&mut multipart, &scratch.data_dir, LIMIT, 0, |t| t == TOKEN).await;
        if let Ok(Ok(received)) = &received {
            // What was accepted is what the checks accept, archived whole.
            assert_eq!(
                safe_name(&received.name).as_deref(),
                Ok(received.name.as_str())
            );
            assert_eq!(
                classify(&received.name),
                Ok((received.kind, received.format))
            );
            assert!(received.bytes > 0 && received.bytes <= LIMIT);
            let path = scratch.data_dir.join(&received.archived);
            let kept = std::fs::metadata(&path).expect("the accepted upload is archived");
            assert_eq!(kept.len(), received.bytes);
            std::fs::remove_file(&path).expect("the archived upload can be removed");
        }
    });
    // A refused or broken upload leaves nothing behind (and the accepted
    // one was removed above).
    if let Ok(left) = std::fs::read_dir(&archive) {
        let left: Vec<_> = left.flatten().map(|e| e.file_name()).collect();
        assert!(left.is_empty(), "left in the archive: {left:?}");
    }
});
