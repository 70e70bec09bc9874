//! The JSON API (`/api/v1/…`) and its OpenAPI description: the document is
//! valid OpenAPI 3.1, every documented path answers with its documented
//! schema, no internal indicator reaches an anonymous caller, values equal
//! the release, ETags give 304s, and signed-in staff see internal indicators.

use std::collections::BTreeSet;

use axum::body::Body;
use http::{header, Request, StatusCode};
use serde_json::Value;
use tower::ServiceExt;

use crate::common::{assert_no_internal, demo_app, internal_indicators, TestApp};

mod answers;

const BASE: &str = "https://localgoals.test/openapi.json";

/// GET `path` with extra headers: status, headers, body.
async fn ask(
    app: &TestApp,
    path: &str,
    extra: &[(header::HeaderName, &str)],
) -> (StatusCode, http::HeaderMap, Vec<u8>) {
    let mut request = Request::get(path);
    for (name, value) in extra {
        request = request.header(name, *value);
    }
    let response = app
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

async fn json(app: &TestApp, path: &str) -> Value {
    let (status, _, body) = ask(app, path, &[]).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{path}: {}",
        String::from_utf8_lossy(&body)
    );
    serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

/// A JSON pointer token (RFC 6901).
fn token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// The documented JSON schema of `path`'s GET answer with `status`, as a
/// validator that resolves `#/components/schemas` refs in the document.
fn validator(doc: &Value, path: &str, status: StatusCode) -> jsonschema::Validator {
    let pointer = format!(
        "/paths/{}/get/responses/{}/content/application~1json/schema",
        token(path),
        status.as_u16()
    );
    assert!(
        doc.pointer(&pointer).is_some(),
        "{path} documents no JSON body for {status}"
    );
    let registry = jsonschema::Registry::new()
        .add(BASE, doc.clone())
        .expect("the document as a resource")
        .prepare()
        .expect("a registry");
    jsonschema::options()
        .with_registry(&registry)
        // In a URI fragment the pointer's braces are percent-encoded.
        .build(&serde_json::json!({
            "$ref": format!("{BASE}#{}", pointer.replace('{', "%7B").replace('}', "%7D"))
        }))
        .unwrap_or_else(|e| panic!("{path} {status}: the documented schema does not compile: {e}"))
}

fn check_against(doc: &Value, path: &str, template: &str, status: StatusCode, body: &[u8]) {
    let documented = doc["paths"][template]["get"]["responses"]
        .as_object()
        .expect("responses");
    assert!(
        documented.contains_key(status.as_str()),
        "{path} answered {status}, which {template} does not document"
    );
    if status == StatusCode::NOT_MODIFIED {
        return;
    }
    let value: Value = serde_json::from_slice(body).expect("a JSON answer");
    let validator = validator(doc, template, status);
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{path} does not match its documented schema: {errors:?}"
    );
}

/// The document's GET paths.
fn documented_paths(doc: &Value) -> Vec<String> {
    doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .filter(|(_, item)| item.get("get").is_some())
        .map(|(p, _)| p.clone())
        .collect()
}

/// `template` with its path parameters filled in.
fn fill(template: &str, id: &str) -> String {
    template.replace("{n}", "1").replace("{id}", id)
}

#[tokio::test]
async fn the_openapi_document_validates_against_the_openapi_3_1_schema() {
    let app = demo_app().await;
    let doc = json(&app, "/api/openapi.json").await;
    let schema: Value = serde_json::from_str(include_str!(
        "../fixtures/openapi/oas-3.1-schema-2022-10-07.json"
    ))
    .expect("the OpenAPI 3.1 schema");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(doc["openapi"]
        .as_str()
        .is_some_and(|v| v.starts_with("3.1")));
    // A broken document is refused: the check can fail.
    let mut broken = doc.clone();
    broken["paths"]["/api/v1/goals"]["get"]["responses"] = serde_json::json!("none");
    assert!(!validator.is_valid(&broken));
    // Every path is under /api/v1/ and each GET documents its 200 answer.
    for path in documented_paths(&doc) {
        assert!(path.starts_with("/api/v1/"), "{path}");
        assert!(
            doc["paths"][&path]["get"]["responses"]["200"].is_object(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn every_documented_path_answers_anonymously_as_documented() {
    let app = demo_app().await;
    let doc = json(&app, "/api/openapi.json").await;
    let paths = documented_paths(&doc);
    assert!(paths.len() >= 10, "{paths:?}");
    let public_id = "poverty-rate";
    let series = json(&app, &format!("/api/v1/indicators/{public_id}/series")).await;
    let slugs: Vec<String> = series["series"]
        .as_array()
        .expect("series")
        .iter()
        .map(|s| s["slug"].as_str().expect("slug").to_owned())
        .collect();
    assert!(slugs.len() > 1, "{slugs:?}");
    for template in &paths {
        let mut asks = vec![fill(template, public_id)];
        if template.ends_with("/observations") {
            for slug in &slugs {
                asks.push(format!(
                    "{}?series={}",
                    asks[0],
                    app::escape::url_encode(slug)
                ));
            }
            asks.push(format!("{}?series=nope%3Dnothing", asks[0]));
        }
        if template.contains("{id}") {
            asks.push(fill(template, "no-such-indicator"));
        }
        if template.contains("{n}") {
            asks.push(template.replace("{n}", "18"));
        }
        for path in asks {
            let (status, headers, body) = ask(&app, &path, &[]).await;
            assert_eq!(
                headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok()),
                Some("application/json"),
                "{path}"
            );
            check_against(&doc, &path, template, status, &body);
            let text = String::from_utf8(body).expect("UTF-8");
            assert_no_internal(&path, &text);
            let expect_found =
                !path.contains("no-such") && !path.contains("nope") && !path.ends_with("/18");
            assert_eq!(
                status == StatusCode::OK,
                expect_found,
                "{path}: {status} {text}"
            );
            if !expect_found {
                let error: Value = serde_json::from_str(&text).expect("JSON");
                assert!(
                    error["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("/api/v1/")),
                    "{text}"
                );
            }
        }
    }
    // The documented schemas are strict enough to catch a wrong answer.
    let list = validator(&doc, "/api/v1/indicators", StatusCode::OK);
    assert!(!list.is_valid(&serde_json::json!([{ "id": 5 }])));
    let detail = validator(&doc, "/api/v1/indicators/{id}", StatusCode::OK);
    let mut good = json(&app, &format!("/api/v1/indicators/{public_id}")).await;
    assert!(detail.is_valid(&good));
    good["status"] = serde_json::json!("doing_fine");
    assert!(!detail.is_valid(&good), "an unknown status code is refused");
    let goal = validator(&doc, "/api/v1/goals/{n}", StatusCode::OK);
    assert!(!goal.is_valid(&serde_json::json!({ "number": 1 })));
    // An address under /api/v1/ that is no path: a JSON 404 pointing to the document.
    let (status, _, body) = ask(&app, "/api/v1/goal", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(String::from_utf8_lossy(&body).contains("/api/openapi.json"));
}

#[tokio::test]
async fn no_internal_indicator_reaches_an_anonymous_caller() {
    let app = demo_app().await;
    let doc = json(&app, "/api/openapi.json").await;
    let indicators = json(&app, "/api/v1/indicators").await;
    let ids: Vec<String> = indicators
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect();
    // Every path, with every public indicator.
    for template in documented_paths(&doc) {
        let fills: Vec<String> = if template.contains("{id}") {
            ids.clone()
        } else {
            vec![String::new()]
        };
        for id in fills {
            let path = fill(&template, &id);
            let (status, _, body) = ask(&app, &path, &[]).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            let text = String::from_utf8(body).expect("UTF-8");
            assert_no_internal(&path, &text);
            assert!(!text.contains("\"internal\":true"), "{path}");
        }
    }
    // An internal id is answered exactly as an id that does not exist.
    for (id, _) in internal_indicators() {
        for template in documented_paths(&doc).iter().filter(|t| t.contains("{id}")) {
            let (status, headers, body) = ask(&app, &fill(template, &id), &[]).await;
            let (unknown_status, unknown_headers, unknown) =
                ask(&app, &fill(template, "zz-unknown"), &[]).await;
            assert_eq!(
                (status, unknown_status),
                (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
            );
            assert_eq!(
                String::from_utf8_lossy(&body).replace(&id, "ID"),
                String::from_utf8_lossy(&unknown).replace("zz-unknown", "ID")
            );
            assert_eq!(
                headers.get(header::CACHE_CONTROL),
                unknown_headers.get(header::CACHE_CONTROL)
            );
        }
    }
}

#[test]
fn every_registered_route_is_documented() {
    // Routes are registered only through `routes!(handler)`, which documents
    // them; a plain `.route(` is allowed for the description and the JSON
    // 404 alone. Each handler's documented path appears in the document.
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/open_data");
    let mut sources = vec![std::fs::read_to_string(folder.join("api.rs")).expect("api.rs")];
    for entry in std::fs::read_dir(folder.join("api")).expect("api/") {
        sources.push(std::fs::read_to_string(entry.expect("entry").path()).expect("source"));
    }
    let all = sources.join("\n");
    let plain: Vec<&str> = all
        .lines()
        .filter(|l| l.contains(".route("))
        .map(str::trim)
        .collect();
    assert_eq!(
        plain,
        vec![
            ".route(OPENAPI_PATH, get(openapi))",
            ".route(\"/api/v1/{*rest}\", get(unknown_path))",
            ".route(\"/api/v1\", get(unknown_path))",
        ],
        "a route added with `.route(` is not documented: use `.routes(routes!(handler))`"
    );
    let registered = all.matches(".routes(routes!(").count();
    let annotated: BTreeSet<&str> = all
        .split("#[utoipa::path(get, path = \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(registered, annotated.len());
    let doc: Value = serde_json::from_slice(server::open_data::api::openapi_json()).expect("JSON");
    let documented: BTreeSet<&str> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(documented, annotated);
}

#[test]
fn api_paths_do_not_collide_with_server_functions() {
    let paths: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p)
        .collect();
    assert!(
        paths.iter().any(|p| p.starts_with("/api/")),
        "server functions are under /api/: {paths:?}"
    );
    let doc: Value = serde_json::from_slice(server::open_data::api::openapi_json()).expect("JSON");
    for path in paths {
        assert!(
            !path.starts_with("/api/v1/") && path != "/api/v1" && path != "/api/openapi.json",
            "{path}"
        );
        assert!(doc["paths"].get(path).is_none(), "{path}");
    }
}
