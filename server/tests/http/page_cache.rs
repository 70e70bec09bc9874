//! The rendered-page cache: a public page is rendered once per release and
//! then answered from memory in every coding; a publish empties it; signed-in
//! staff are never answered from it nor stored in it; server-function calls
//! are kept per arguments.

use std::io::Read;

use axum::body::Body;
use http::{header, Request, StatusCode};
use leptos::server_fn::ServerFn;
use server::site::page_cache::CACHE_HEADER;
use server::staff::Role;

use crate::staff::{workspace, Answer, Workspace};
use crate::workspace_flow::people;

fn cache(answer: &Answer) -> Option<&str> {
    answer
        .headers
        .get(CACHE_HEADER)
        .and_then(|v| v.to_str().ok())
}

async fn get_with(
    app: &Workspace,
    path: &str,
    headers: &[(header::HeaderName, &str)],
) -> (Answer, Vec<u8>) {
    use tower::ServiceExt;
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = app
        .router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("answer");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), 8 * 1024 * 1024)
        .await
        .expect("body")
        .to_vec();
    let body = String::from_utf8_lossy(&bytes).into_owned();
    (
        Answer {
            status,
            headers,
            body,
        },
        bytes,
    )
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("brotli");
    out
}

fn ungzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out
}

#[tokio::test]
async fn a_public_page_is_rendered_once_then_answered_from_memory_in_every_coding() {
    let app = workspace().await;
    let path = "/indicators/poverty-rate";
    let (first, plain) = get_with(&app, path, &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(cache(&first), Some("miss"));
    assert!(String::from_utf8_lossy(&plain).contains("<h1"));
    let (second, again) = get_with(&app, path, &[]).await;
    assert_eq!(cache(&second), Some("hit"));
    assert_eq!(again, plain, "the kept body is the rendered one");
    let etag = first.headers.get(header::ETAG).expect("an ETag").clone();
    assert_eq!(second.headers.get(header::ETAG), Some(&etag));

    let (br, body) = get_with(&app, path, &[(header::ACCEPT_ENCODING, "gzip, br")]).await;
    assert_eq!(cache(&br), Some("hit"));
    assert_eq!(
        br.headers
            .get(header::CONTENT_ENCODING)
            .map(|v| v.as_bytes()),
        Some(&b"br"[..])
    );
    assert_eq!(unbrotli(&body), plain);
    let (gz, body) = get_with(&app, path, &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(
        gz.headers
            .get(header::CONTENT_ENCODING)
            .map(|v| v.as_bytes()),
        Some(&b"gzip"[..])
    );
    assert_eq!(ungzip(&body), plain);
    let vary = br
        .headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    assert!(vary.contains("accept-encoding"), "{vary}");

    let (not_modified, body) = get_with(
        &app,
        path,
        &[(header::IF_NONE_MATCH, etag.to_str().expect("ascii"))],
    )
    .await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    // The API's strong ETag names its plain bytes: compressed, it is weak.
    let (api, _) = get_with(&app, "/api/v1/goals/1", &[]).await;
    let strong = api
        .headers
        .get(header::ETAG)
        .expect("an ETag")
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(strong.starts_with('"'), "{strong}");
    let (api_br, _) = get_with(&app, "/api/v1/goals/1", &[(header::ACCEPT_ENCODING, "br")]).await;
    assert_eq!(cache(&api_br), Some("hit"));
    assert_eq!(
        api_br
            .headers
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok()),
        Some(format!("W/{strong}").as_str())
    );
    // Another address, another entry; the Dutch page is its own.
    let (dutch, _) = get_with(&app, "/nl/indicators/poverty-rate", &[]).await;
    assert_eq!(cache(&dutch), Some("miss"));
}

#[tokio::test]
async fn signed_in_staff_are_never_answered_from_nor_stored_in_the_cache() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    let path = "/indicators/homelessness";
    let staff = app.get(path, &[&session]).await;
    assert_eq!(staff.status, StatusCode::OK);
    assert_eq!(cache(&staff), None, "staff are answered afresh");
    // Nothing was stored for the staff member: the first public request renders.
    let public = app.get(path, &[]).await;
    assert_eq!(cache(&public), Some("miss"));
    assert_eq!(cache(&app.get(path, &[]).await), Some("hit"));
    let staff = app.get(path, &[&session]).await;
    assert_eq!(cache(&staff), None, "a kept page is not given to staff");
    // The workspace is never kept, whoever asks.
    for _ in 0..2 {
        let workspace = app.get("/staff/draft", &[&session]).await;
        assert_eq!(cache(&workspace), None);
    }
}

#[tokio::test]
async fn a_server_function_call_is_kept_per_arguments() {
    let app = workspace().await;
    let call = |series: &str| {
        let body = format!("id=poverty-rate&series={series}&locale=en");
        Request::post(app::api::FetchSeries::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::ACCEPT, "application/json")
            .body(Body::from(body))
            .expect("request")
    };
    let first = app.send(call("total")).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(cache(&first), Some("miss"));
    let second = app.send(call("total")).await;
    assert_eq!(cache(&second), Some("hit"));
    assert_eq!(second.body, first.body);
    let other = app.send(call("sex=female")).await;
    assert_eq!(
        cache(&other),
        Some("miss"),
        "other arguments, another answer"
    );
    assert_ne!(other.body, first.body);
}

#[tokio::test]
async fn publishing_empties_the_cache_so_the_next_request_shows_the_new_release() {
    let app = workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;
    let path = "/indicators/homelessness";
    let before = app.get(path, &[]).await;
    assert_eq!(cache(&app.get(path, &[]).await), Some("hit"));
    assert!(!before.body.contains("33.3"));
    let answer = app
        .upload(
            &editor,
            &editor_csrf,
            "housing.csv",
            b"indicator,year,value\nhomelessness,2026,33.3\n",
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    // A draft is not public: the kept page still answers.
    assert_eq!(cache(&app.get(path, &[]).await), Some("hit"));
    let preview = app.get("/staff/preview", &[&admin]).await;
    let version = preview
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a version")
        .to_owned();
    let published = app
        .post_form(
            "/staff/publish",
            &[&admin],
            &[
                ("csrf", &admin_csrf),
                ("version", &version),
                ("release", "r00001"),
            ],
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );
    let after = app.get(path, &[]).await;
    assert_eq!(
        cache(&after),
        Some("miss"),
        "rendered anew from the new release"
    );
    assert!(after.body.contains("33.3"), "the new figure is public");
    assert_eq!(cache(&app.get(path, &[]).await), Some("hit"));
}
