//! Every route and server function, walked as anonymous, viewer, editor and
//! admin, for a public and an internal indicator. The lists come from the
//! application itself (Leptos' route list, the workspace's `ROUTES`, the
//! server-function registry), so a route added later is walked too.

use axum::body::Body;
use http::{header, Method, Request, StatusCode};
use server::staff::{Access, Role, ROUTES};

use crate::common::{assert_no_internal, internal_indicators};
use crate::staff::{workspace, Answer, Workspace};

const PUBLIC: &str = "poverty-rate";

/// Values for a path parameter: named ones from the demo city, and for any
/// other (a later route's) a public id, an internal one and a number.
fn values(path: &str, param: &str, internal: &str) -> Vec<String> {
    match (path.split('/').nth(1).unwrap_or_default(), param) {
        ("goals", _) => vec!["1".into(), "17".into()],
        ("rights", _) => vec!["adequate-housing".into()],
        ("policy", _) => vec!["social-affairs".into()],
        ("districts", _) => vec!["S%C3%BCdfeld".into()],
        ("staff", "token") => vec!["0".repeat(64)],
        ("staff", "release") => vec!["r00001".into()],
        // The workspace opens the indicators of the release, any of them.
        ("staff", "id") => vec![PUBLIC.into(), internal.into()],
        _ => vec![PUBLIC.into(), internal.into(), "1".into()],
    }
}

/// `path` with each `{param}` replaced, in every combination.
fn expand(path: &str, internal: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for segment in path.split('/').skip(1) {
        let options = match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(param) => values(path, param.trim_start_matches('*'), internal),
            None => vec![segment.to_owned()],
        };
        out = out
            .iter()
            .flat_map(|prefix| options.iter().map(move |o| format!("{prefix}/{o}")))
            .collect();
    }
    out.into_iter()
        .map(|p| if p.is_empty() { "/".to_owned() } else { p })
        .collect()
}

async fn send(
    app: &Workspace,
    method: &Method,
    path: &str,
    session: Option<&str>,
    body: (&str, String),
) -> Answer {
    let mut request = Request::builder()
        .method(method.clone())
        .uri(path)
        .header("sec-fetch-site", "same-origin");
    if let Some(session) = session {
        request = request.header(header::COOKIE, session);
    }
    if *method == Method::POST {
        request = request.header(header::CONTENT_TYPE, body.0);
    }
    app.send(request.body(Body::from(body.1)).expect("request"))
        .await
}

#[tokio::test]
async fn every_route_and_server_function_answers_each_role_as_it_may_and_leaks_nothing() {
    let app = workspace().await;
    let mut sessions: Vec<(Option<Role>, Option<String>)> = vec![(None, None)];
    for role in Role::ALL {
        let email = format!("{role}@city.example");
        app.add(&email, *role).await;
        sessions.push((Some(*role), Some(app.sign_in(&email).await)));
    }
    let internal = internal_indicators();
    let (internal_id, internal_title) = internal.first().cloned().expect("an internal indicator");
    let mut walked = 0;

    // The pages: public, whoever asks; an internal indicator is never on them.
    let pages = leptos_axum::generate_route_list(app::App);
    assert!(pages.len() >= 8, "{}", pages.len());
    for page in &pages {
        for path in expand(page.path(), &internal_id) {
            for (role, session) in &sessions {
                let answer = send(
                    &app,
                    &Method::GET,
                    &path,
                    session.as_deref(),
                    ("", String::new()),
                )
                .await;
                assert!(
                    matches!(answer.status, StatusCode::OK | StatusCode::NOT_FOUND),
                    "{path} as {role:?}: {}",
                    answer.status
                );
                assert_no_internal(&format!("{path} as {role:?}"), &answer.body);
                if path.ends_with(&format!("/{internal_id}")) {
                    assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path} as {role:?}");
                }
                walked += 1;
            }
        }
    }

    // The server functions, with every argument any of them takes. An
    // internal id is answered exactly as an id that does not exist (an
    // error may name the id it was asked for: the caller's own text).
    let functions: Vec<(&str, Method)> = leptos::server_fn::axum::server_fn_paths().collect();
    assert!(functions.len() >= 8, "{functions:?}");
    const UNKNOWN: &str = "no-such-indicator";
    let bodies = |id: &str| {
        [
            (
                "application/x-www-form-urlencoded",
                format!("id={id}&number=1&kind=rights&name=S%C3%BCdfeld&series=total&locale=nl"),
            ),
            (
                "application/json",
                format!(
                    r#"{{"id":"{id}","ids":["{id}"],"query":{{"goal":null,"area":null,"group":"goal","sort":"status"}},"locale":"en"}}"#
                ),
            ),
        ]
    };
    for (path, method) in &functions {
        for (role, session) in &sessions {
            for (k, public) in bodies(PUBLIC).into_iter().enumerate() {
                let context = format!("{path} as {role:?}");
                let answer = send(&app, method, path, session.as_deref(), public).await;
                assert_no_internal(&context, &answer.body);
                let hidden = send(
                    &app,
                    method,
                    path,
                    session.as_deref(),
                    bodies(&internal_id)[k].clone(),
                )
                .await;
                let unknown = send(
                    &app,
                    method,
                    path,
                    session.as_deref(),
                    bodies(UNKNOWN)[k].clone(),
                )
                .await;
                assert!(!hidden.body.contains(&internal_title), "{context}");
                assert_eq!(hidden.status, unknown.status, "{context}");
                assert_eq!(
                    hidden.body,
                    unknown.body.replace(UNKNOWN, &internal_id),
                    "{context}"
                );
                walked += 3;
            }
        }
    }

    // The workspace: each route answers each role as its access says.
    for route in ROUTES {
        for path in expand(route.path, &internal_id) {
            for (role, session) in &sessions {
                // No token: a form is refused, whoever sends it.
                let answer = send(
                    &app,
                    &route.method,
                    &path,
                    session.as_deref(),
                    (
                        "application/x-www-form-urlencoded",
                        "email=someone%40city.example&password=forged-password&csrf=forged"
                            .to_owned(),
                    ),
                )
                .await;
                let (status, location) = (answer.status, answer.location().map(str::to_owned));
                let context = format!("{} {path} as {role:?}: {status}", route.method);
                let get = route.method == Method::GET;
                match (route.access, role) {
                    (Access::AtLeast(_), None) => {
                        assert_eq!(status, StatusCode::SEE_OTHER, "{context}");
                        assert_eq!(location.as_deref(), Some("/staff/sign-in"), "{context}");
                    }
                    (Access::AtLeast(least), Some(role)) if *role < least => {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{context}");
                        assert!(answer.body.contains("cannot do this"), "{context}");
                    }
                    (Access::AtLeast(_), Some(_)) if get => {
                        assert_eq!(status, StatusCode::OK, "{context}");
                    }
                    _ if !get => {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{context}");
                        assert!(answer.body.contains("reload the page"), "{context}");
                    }
                    (Access::Anyone, _) => {
                        assert!(
                            matches!(
                                status,
                                StatusCode::OK | StatusCode::SEE_OTHER | StatusCode::NOT_FOUND
                            ),
                            "{context}"
                        );
                    }
                    _ => panic!("{context}: a route this test does not know how to judge"),
                }
                if role.is_none() {
                    assert_no_internal(&context, &answer.body);
                }
                // Whoever may not use a route is told so before anything
                // reads the request: a body that is no form at all gets the
                // same answer.
                let refused = match (route.access, role) {
                    (Access::AtLeast(_), None) => true,
                    (Access::AtLeast(least), Some(role)) => *role < least,
                    (Access::Anyone, _) => false,
                };
                if !get && refused {
                    let bare = send(
                        &app,
                        &route.method,
                        &path,
                        session.as_deref(),
                        ("text/plain", "not a form".to_owned()),
                    )
                    .await;
                    assert_eq!(bare.status, status, "{context} (a body that is no form)");
                    walked += 1;
                }
                walked += 1;
            }
        }
    }
    // Every session survived the walk (no forged form ended one).
    for (role, session) in &sessions {
        if let (Some(role), Some(session)) = (role, session) {
            let page = app.get("/staff", &[session]).await;
            assert_eq!(page.status, StatusCode::OK, "{role}");
        }
    }
    assert!(walked >= 250, "{walked} requests");
}
