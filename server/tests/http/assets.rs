//! The site's files from a site folder of the test's own: content-hashed
//! names cached for a year, compressed bodies that decompress to the file,
//! plain names with a short cache, pages linking the hashed names, and
//! ETags with 304s on pages and files.

use std::io::{Read, Write};
use std::path::Path;

use axum::body::Body;
use axum::Router;
use http::{header, HeaderMap, Request, StatusCode};
use sha2::{Digest, Sha256};
use tempfile::TempDir;
use tower::ServiceExt;

use crate::common::{demo_dataset, leptos_options};

/// The router with the folders it reads, removed after the test.
struct SiteApp {
    router: Router,
    _site: TempDir,
    _data: TempDir,
}

/// A small site: stylesheet, JS glue, a wasm (magic number first) and an icon.
struct Files {
    css: Vec<u8>,
    js: Vec<u8>,
    wasm: Vec<u8>,
}

fn files() -> Files {
    let css = ".indicator { color: #123456; margin: 0 auto; }\n".repeat(40);
    let js = "export function hydrate() { return import('./snippet.js'); }\n".repeat(40);
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    for i in 0..4000u32 {
        wasm.extend_from_slice(&(i % 97).to_le_bytes());
    }
    Files {
        css: css.into_bytes(),
        js: js.into_bytes(),
        wasm,
    }
}

fn write_site(dir: &Path, files: &Files) {
    std::fs::create_dir_all(dir.join("pkg")).expect("pkg folder");
    std::fs::write(dir.join("pkg/localgoals.css"), &files.css).expect("css");
    std::fs::write(dir.join("pkg/localgoals.js"), &files.js).expect("js");
    std::fs::write(dir.join("pkg/localgoals.wasm"), &files.wasm).expect("wasm");
    std::fs::write(
        dir.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .expect("icon");
}

async fn app_with(site: TempDir) -> SiteApp {
    let data = TempDir::new().expect("data folder");
    let state = server::AppState::load(leptos_options(), Some(&demo_dataset()), data.path())
        .await
        .expect("the dataset loads");
    let table = server::site::Site::from_dir(site.path(), "localgoals");
    SiteApp {
        router: server::app_with_site(state, table),
        _site: site,
        _data: data,
    }
}

async fn site_app(files: &Files) -> SiteApp {
    let site = TempDir::new().expect("site folder");
    write_site(site.path(), files);
    app_with(site).await
}

impl SiteApp {
    async fn fetch(
        &self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).expect("request"))
            .await
            .expect("response");
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, 64 * 1024 * 1024)
            .await
            .expect("body");
        (parts.status, parts.headers, bytes.to_vec())
    }
}

/// `pkg/localgoals.{16 hex digits of SHA-256}.{extension}`, computed here.
fn hashed(bytes: &[u8], extension: &str) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("/pkg/localgoals.{hex}.{extension}")
}

fn header(headers: &HeaderMap, name: header::HeaderName) -> &str {
    headers
        .get(&name)
        .map(|v| v.to_str().expect("ascii header"))
        .unwrap_or_default()
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("a brotli body");
    out
}

fn ungzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a gzip body");
    out
}

fn assert_year_long(headers: &HeaderMap) {
    let cache = header(headers, header::CACHE_CONTROL);
    assert!(
        cache.contains("max-age=31536000") && cache.contains("immutable"),
        "a hashed name is cached for a year: {cache:?}"
    );
}

#[tokio::test]
async fn hashed_wasm_is_immutable_and_brotli_compressed() {
    let files = files();
    let app = site_app(&files).await;
    let path = hashed(&files.wasm, "wasm");
    let (status, headers, body) = app
        .fetch(&path, &[("accept-encoding", "gzip, deflate, br")])
        .await;
    assert_eq!(status, StatusCode::OK, "{path}");
    assert_year_long(&headers);
    assert_eq!(header(&headers, header::CONTENT_ENCODING), "br");
    assert_eq!(header(&headers, header::CONTENT_TYPE), "application/wasm");
    assert!(header(&headers, header::VARY).contains("accept-encoding"));
    assert!(body.len() < files.wasm.len(), "the body is compressed");
    assert_eq!(unbrotli(&body), files.wasm);
}

#[tokio::test]
async fn gzip_only_browsers_get_gzip_and_others_the_file() {
    let files = files();
    let app = site_app(&files).await;
    for (extension, bytes) in [
        ("wasm", &files.wasm),
        ("js", &files.js),
        ("css", &files.css),
    ] {
        let path = hashed(bytes, extension);
        let (status, headers, body) = app.fetch(&path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(header(&headers, header::CONTENT_ENCODING), "gzip", "{path}");
        assert_eq!(&ungzip(&body), bytes, "{path}");
        assert_year_long(&headers);

        let (_, headers, body) = app
            .fetch(&path, &[("accept-encoding", "br;q=0, identity")])
            .await;
        assert_eq!(header(&headers, header::CONTENT_ENCODING), "", "{path}");
        assert_eq!(&body, bytes, "{path}");
    }
    let (_, headers, _) = app.fetch(&hashed(&files.css, "css"), &[]).await;
    assert_eq!(
        header(&headers, header::CONTENT_TYPE),
        "text/css; charset=utf-8"
    );
    let (_, headers, _) = app.fetch(&hashed(&files.js, "js"), &[]).await;
    assert_eq!(
        header(&headers, header::CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
}

#[tokio::test]
async fn plain_names_still_answer_with_a_short_cache() {
    let files = files();
    let app = site_app(&files).await;
    for (path, bytes) in [
        ("/pkg/localgoals.wasm", &files.wasm),
        ("/pkg/localgoals.js", &files.js),
        ("/pkg/localgoals.css", &files.css),
    ] {
        let (status, headers, body) = app.fetch(path, &[("accept-encoding", "br")]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let cache = header(&headers, header::CACHE_CONTROL);
        assert!(
            !cache.contains("immutable")
                && !cache.contains("31536000")
                && cache.contains("max-age="),
            "{path}: {cache:?}"
        );
        assert_eq!(&unbrotli(&body), bytes, "{path}");
    }
    let (status, headers, body) = app.fetch("/favicon.svg", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&headers, header::CONTENT_TYPE), "image/svg+xml");
    assert!(body.starts_with(b"<svg"));
}

#[tokio::test]
async fn pages_link_the_hashed_names() {
    let files = files();
    let app = site_app(&files).await;
    for page in ["/", "/nl/", "/methodology"] {
        let (status, _, body) = app.fetch(page, &[]).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let body = String::from_utf8(body).expect("html");
        for (extension, bytes) in [
            ("css", &files.css),
            ("js", &files.js),
            ("wasm", &files.wasm),
        ] {
            let path = hashed(bytes, extension);
            assert!(
                body.contains(&format!("href=\"{path}\"")),
                "{page} links {path}"
            );
        }
        assert!(
            !body.contains("/pkg/localgoals.css\""),
            "{page} links the hashed stylesheet only"
        );
        assert!(
            !body.contains("/pkg/localgoals.wasm\""),
            "{page} links the hashed wasm only"
        );
    }
}

#[tokio::test]
async fn pages_render_with_the_plain_names_without_a_site() {
    let data = TempDir::new().expect("data folder");
    let state = server::AppState::load(leptos_options(), Some(&demo_dataset()), data.path())
        .await
        .expect("the dataset loads");
    let router = server::app_with_site(state, server::site::Site::default());
    let app = SiteApp {
        router,
        _site: TempDir::new().expect("folder"),
        _data: data,
    };
    let (status, _, body) = app.fetch("/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let body = String::from_utf8(body).expect("html");
    assert!(body.contains("href=\"/pkg/localgoals.css\""));
    assert!(body.contains("/pkg/localgoals.js\""));
}

#[tokio::test]
async fn pages_answer_304_to_their_etag() {
    let app = site_app(&files()).await;
    let (status, headers, body) = app.fetch("/", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let etag = header(&headers, header::ETAG).to_owned();
    assert!(etag.starts_with("W/\"") && etag.len() > 6, "{etag:?}");
    // The same page again: the same ETag (a hash of the body, not a
    // counter; leptos' per-request nonce left out).
    let (_, again, second) = app.fetch("/", &[]).await;
    assert_eq!(header(&again, header::ETAG), etag);
    assert_eq!(second.len(), body.len());

    let (status, headers, body) = app.fetch("/", &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(header(&headers, header::ETAG), etag);

    let (status, _, body) = app.fetch("/", &[("if-none-match", "W/\"0000\"")]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!body.is_empty());

    // Another page has another body, so another ETag.
    let (_, other, _) = app.fetch("/methodology", &[]).await;
    assert_ne!(header(&other, header::ETAG), etag);
}

#[tokio::test]
async fn assets_answer_304_to_their_etag() {
    let files = files();
    let app = site_app(&files).await;
    let path = hashed(&files.wasm, "wasm");
    let (_, headers, _) = app.fetch(&path, &[("accept-encoding", "br")]).await;
    let etag = header(&headers, header::ETAG).to_owned();
    assert!(!etag.is_empty());
    let (status, headers, body) = app
        .fetch(
            &path,
            &[("accept-encoding", "br"), ("if-none-match", &etag)],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_year_long(&headers);
    // The gzip body is another representation: its own ETag.
    let (status, headers, _) = app
        .fetch(
            &path,
            &[("accept-encoding", "gzip"), ("if-none-match", &etag)],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(header(&headers, header::ETAG), etag);
}

#[tokio::test]
async fn the_builds_compressed_copies_are_used_unless_stale() {
    let files = files();
    let site = TempDir::new().expect("site folder");
    write_site(site.path(), &files);
    // A brotli copy as `build-site.sh --release` writes (best quality) ...
    let mut copy = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut copy, 4096, 11, 22);
        writer.write_all(&files.wasm).expect("compress");
    }
    std::fs::write(site.path().join("pkg/localgoals.wasm.br"), &copy).expect("br copy");
    // ... and a stale gzip copy of an earlier wasm.
    let mut stale = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    stale.write_all(b"\0asm an older build").expect("compress");
    std::fs::write(
        site.path().join("pkg/localgoals.wasm.gz"),
        stale.finish().expect("gzip"),
    )
    .expect("gz copy");
    let app = app_with(site).await;
    let path = hashed(&files.wasm, "wasm");
    let (_, headers, body) = app.fetch(&path, &[("accept-encoding", "br")]).await;
    assert_eq!(header(&headers, header::CONTENT_ENCODING), "br");
    assert_eq!(body, copy, "the build's brotli copy is sent as it is");
    let (_, headers, body) = app.fetch(&path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&headers, header::CONTENT_ENCODING), "gzip");
    assert_eq!(ungzip(&body), files.wasm, "the stale copy is not sent");
    // The copies are not served under names of their own as files.
    let (status, _, _) = app.fetch("/pkg/localgoals.wasm.br", &[]).await;
    assert_ne!(status, StatusCode::OK);
}

#[tokio::test]
async fn staff_pages_are_never_stored_and_carry_no_etag() {
    let app = site_app(&files()).await;
    for path in ["/staff", "/staff/sign-in"] {
        let (_, headers, _) = app.fetch(path, &[]).await;
        assert_eq!(
            header(&headers, header::CACHE_CONTROL),
            "private, no-store",
            "{path}"
        );
        assert!(headers.get(header::ETAG).is_none(), "{path}");
    }
}
