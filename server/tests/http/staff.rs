//! The staff workspace: sign-in with its CSRF token, sessions and their
//! timeouts, throttling, roles, sign-out, links and the audit log, each
//! through the router as a browser would use it.

use axum::body::Body;
use http::{header, Request, StatusCode};
use server::staff::Role;
use tempfile::TempDir;

use crate::common::{demo_dataset, internal_indicators, leptos_options};
pub(crate) use crate::staff_app::{
    cookie_pair, workspace, workspace_with, Answer, Workspace, PASSWORD,
};

#[tokio::test]
async fn a_viewer_signs_in_sees_internal_indicators_marked_and_signs_out() {
    let app = workspace().await;
    app.add("Viewer@City.example", Role::Viewer).await;
    // Anonymous: sent to sign in, and the form works without JavaScript.
    let anonymous = app.get("/staff", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.location(), Some("/staff/sign-in"));
    let form = app.get("/staff/sign-in", &[]).await;
    assert!(form
        .body
        .contains("<form method=\"post\" action=\"/staff/sign-in\""));
    let csrf_cookie = form.set_cookie("lg_csrf").expect("CSRF cookie");
    assert!(csrf_cookie.contains("HttpOnly") && csrf_cookie.contains("SameSite=Lax"));

    // The email is matched whatever its case.
    let answer = app.try_sign_in("viewer@city.example", PASSWORD).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let set = answer.set_cookie("lg_session").expect("session cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set.contains(attribute), "{set}");
    }
    assert!(!set.contains("Secure"), "plain HTTP: {set}");
    let session = cookie_pair(&set);

    let page = app.get("/staff", &[&session]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("viewer@city.example"));
    for (id, title) in internal_indicators() {
        assert!(page.body.contains(&title), "{id} missing from /staff");
    }
    assert!(page.body.contains(">Internal<"));
    // Viewers do not see the audit log.
    let audit = app.get("/staff/audit", &[&session]).await;
    assert_eq!(audit.status, StatusCode::FORBIDDEN);
    assert!(audit.body.contains("Your role (viewer) cannot do this"));

    // Signing out needs the session's token; then the cookie is dead.
    let csrf = page.csrf_field();
    let forged = app
        .post_form("/staff/sign-out", &[&session], &[("csrf", "0123")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let out = app
        .post_form("/staff/sign-out", &[&session], &[("csrf", &csrf)])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(out
        .set_cookie("lg_session")
        .is_some_and(|c| c.contains("Max-Age=0")));
    assert_eq!(
        app.get("/staff", &[&session]).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_wrong_password_or_unknown_email_is_refused_with_one_message() {
    let app = workspace().await;
    app.add("editor@city.example", Role::Editor).await;
    for (email, password) in [
        ("editor@city.example", "not the password"),
        ("nobody@city.example", PASSWORD),
    ] {
        let answer = app.try_sign_in(email, password).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert!(answer.body.contains("Wrong email or password"));
        assert!(answer.set_cookie("lg_session").is_none());
    }
}

#[tokio::test]
async fn the_sign_in_form_refuses_a_missing_or_wrong_token_and_other_sites() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    let (cookie, csrf) = app.sign_in_form().await;
    let fields = |token: &str| {
        vec![
            ("email", "viewer@city.example".to_owned()),
            ("password", PASSWORD.to_owned()),
            ("csrf", token.to_owned()),
        ]
    };
    let send = |cookies: Vec<String>, fields: Vec<(&'static str, String)>, site: &'static str| {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", app::escape::url_encode(v)))
            .collect();
        let mut request = Request::post("/staff/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", site);
        if !cookies.is_empty() {
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        request.body(Body::from(body.join("&"))).expect("request")
    };
    // No cookie, a token that is not the cookie's, another site.
    for request in [
        send(Vec::new(), fields(&csrf), "same-origin"),
        send(vec![cookie.clone()], fields(&"f".repeat(64)), "same-origin"),
        send(vec![cookie.clone()], fields(&csrf), "cross-site"),
    ] {
        let answer = app.send(request).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
        assert!(answer.body.contains("reload the page"));
        assert!(answer.set_cookie("lg_session").is_none());
    }
    let answer = app
        .send(send(vec![cookie], fields(&csrf), "same-origin"))
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
}

/// Regression: the count was checked before a failure was recorded, so
/// guesses sent side by side all passed the check.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guesses_sent_side_by_side_cannot_pass_the_limit_together() {
    use tower::ServiceExt as _;
    let app = workspace().await;
    app.add("target@city.example", Role::Viewer).await;
    let (cookie, csrf) = app.sign_in_form().await;
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..12 {
        let router = app.router.clone();
        let body = format!("email=target%40city.example&password=guess-{n}&csrf={csrf}");
        let request = Request::post("/staff/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .header(header::COOKIE, cookie.clone())
            .body(Body::from(body))
            .expect("request");
        guesses.spawn(async move { router.oneshot(request).await.expect("answer").status() });
    }
    let statuses: Vec<StatusCode> = guesses.join_all().await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let held = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked + held, 12, "{statuses:?}");
    assert!(checked <= 5, "{checked} guesses were checked: {statuses:?}");
}

#[tokio::test]
async fn five_failures_make_the_account_wait_fifteen_minutes() {
    let app = workspace().await;
    app.add("admin@city.example", Role::Admin).await;
    for _ in 0..5 {
        let answer = app.try_sign_in("admin@city.example", "guess").await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password waits, and the page says how long.
    let throttled = app.try_sign_in("admin@city.example", PASSWORD).await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        throttled.body.contains("Try again in 15 minutes"),
        "{}",
        throttled.body
    );
    let retry: i64 = throttled.headers[header::RETRY_AFTER]
        .to_str()
        .expect("text")
        .parse()
        .expect("seconds");
    assert!((800..=900).contains(&retry), "{retry}");
    // Another account is not held up by this one.
    app.add("viewer@city.example", Role::Viewer).await;
    app.sign_in("viewer@city.example").await;
    app.staff.clock.advance(15 * 60 + 1);
    app.sign_in("admin@city.example").await;
    // The audit log shows the failures, to an admin.
    let session = app.sign_in("admin@city.example").await;
    let audit = app.get("/staff/audit", &[&session]).await;
    assert_eq!(audit.status, StatusCode::OK);
    assert_eq!(audit.body.matches("failed-sign-in").count(), 5);
    assert!(audit.body.contains("sign-in"));
}

#[tokio::test]
async fn twenty_failures_from_one_address_make_it_wait_whatever_the_account() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    for i in 0..20 {
        let answer = app
            .try_sign_in(&format!("guess{i}@city.example"), "guess")
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let answer = app.try_sign_in("viewer@city.example", PASSWORD).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_session_ends_when_idle_for_30_minutes_or_12_hours_after_sign_in() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    app.staff.clock.advance(29 * 60);
    assert_eq!(app.get("/staff", &[&session]).await.status, StatusCode::OK);
    app.staff.clock.advance(31 * 60);
    assert_eq!(
        app.get("/staff", &[&session]).await.status,
        StatusCode::SEE_OTHER
    );

    // Used every 20 minutes, a session still ends 12 hours after sign-in.
    let session = app.sign_in("viewer@city.example").await;
    for _ in 0..35 {
        app.staff.clock.advance(20 * 60);
        assert_eq!(app.get("/staff", &[&session]).await.status, StatusCode::OK);
    }
    app.staff.clock.advance(20 * 60 + 1);
    assert_eq!(
        app.get("/staff", &[&session]).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn signing_in_starts_a_new_session_and_sign_out_everywhere_ends_them_all() {
    let app = workspace().await;
    app.add("editor@city.example", Role::Editor).await;
    let first = app.sign_in("editor@city.example").await;
    let second = app.sign_in("editor@city.example").await;
    assert_ne!(first, second);
    // Signing in from a browser that had a session replaces it.
    let (csrf_cookie, csrf) = app.sign_in_form().await;
    let again = app
        .post_form(
            "/staff/sign-in",
            &[&csrf_cookie, &first],
            &[
                ("email", "editor@city.example"),
                ("password", PASSWORD),
                ("csrf", &csrf),
            ],
        )
        .await;
    let third = cookie_pair(&again.set_cookie("lg_session").expect("new session"));
    assert_ne!(third, first);
    assert_eq!(
        app.get("/staff", &[&first]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.get("/staff", &[&second]).await.status, StatusCode::OK);

    let page = app.get("/staff", &[&third]).await;
    let out = app
        .post_form(
            "/staff/sign-out-everywhere",
            &[&third],
            &[("csrf", &page.csrf_field())],
        )
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    for session in [&second, &third] {
        assert_eq!(
            app.get("/staff", &[session]).await.status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn a_sign_in_link_works_once_and_not_after_a_day() {
    let app = workspace().await;
    let now = app.staff.clock.now();
    let user = app
        .staff
        .store
        .add_user("new@city.example", Role::Viewer, None, now)
        .await
        .expect("user without a password");
    let token = app
        .staff
        .store
        .sign_in_link(&user, now, 24 * 3600)
        .await
        .expect("link");
    let path = format!("/staff/link/{}", token.reveal());
    // Opening the link (as a mail scanner does) does not use it.
    assert_eq!(app.get(&path, &[]).await.status, StatusCode::OK);
    assert_eq!(app.get(&path, &[]).await.status, StatusCode::OK);
    let used = app.use_link(&path).await;
    assert_eq!(used.status, StatusCode::SEE_OTHER);
    let session = cookie_pair(&used.set_cookie("lg_session").expect("session"));
    assert_eq!(app.get("/staff", &[&session]).await.status, StatusCode::OK);
    let again = app.use_link(&path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.body.contains("Ask an admin for a new one"));

    let late = app
        .staff
        .store
        .sign_in_link(&user, now, 24 * 3600)
        .await
        .expect("link");
    app.staff.clock.advance(24 * 3600 + 1);
    let expired = app
        .use_link(&format!("/staff/link/{}", late.reveal()))
        .await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);
    // Without a password, password sign-in fails like any wrong one.
    let answer = app.try_sign_in("new@city.example", PASSWORD).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_audit_log_is_append_only_and_escaped() {
    let app = workspace().await;
    app.add("admin@city.example", Role::Admin).await;
    let answer = app
        .try_sign_in("<script>x</script>@city.example", "guess")
        .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert!(!answer.body.contains("<script>x"));
    let session = app.sign_in("admin@city.example").await;
    let audit = app.get("/staff/audit", &[&session]).await;
    assert!(audit
        .body
        .contains("&lt;script&gt;x&lt;/script&gt;@city.example"));
    assert!(!audit.body.contains("<script>x"));
    for sql in ["DELETE FROM audit", "UPDATE audit SET detail = 'x'"] {
        let refused = app.staff.store.execute_raw(sql).await;
        assert!(
            refused
                .as_ref()
                .is_err_and(|e| e.to_string().contains("append-only")),
            "{sql}: {refused:?}"
        );
    }
}

#[tokio::test]
async fn accounts_need_a_real_email_a_long_password_and_a_new_address() {
    let app = workspace().await;
    let now = app.staff.clock.now();
    let store = &app.staff.store;
    let short = store
        .add_user("a@city.example", Role::Viewer, Some("short"), now)
        .await;
    assert!(short.is_err_and(|e| e.to_string().contains("at least 12 characters")));
    let bad = store
        .add_user("not an email", Role::Viewer, Some(PASSWORD), now)
        .await;
    assert!(bad.is_err_and(|e| e.to_string().contains("is not an email address")));
    store
        .add_user("a@city.example", Role::Viewer, Some(PASSWORD), now)
        .await
        .expect("first");
    let twice = store
        .add_user(" A@City.example ", Role::Admin, Some(PASSWORD), now)
        .await;
    assert!(twice.is_err_and(|e| e.to_string().contains("already has an account")));
}

#[tokio::test]
async fn the_workspace_compares_with_the_release_before_and_leads_with_what_needs_attention() {
    let data = TempDir::new().expect("a data folder");
    let first = server::AppState::load(leptos_options(), Some(&demo_dataset()), data.path())
        .await
        .expect("the demo city loads");
    assert_eq!(first.served.now().staff_index.previous_release, None);
    // A second release by another method, whose statuses differ.
    let dir = data.path().to_path_buf();
    tokio::task::spawn_blocking(move || {
        indicators::release::build(
            &demo_dataset(),
            &dir,
            Some(indicators::progress::ProgressMethod::Eurostat),
        )
    })
    .await
    .expect("build")
    .expect("a second release");
    let state = server::AppState::load(leptos_options(), None, data.path())
        .await
        .expect("the second release loads");
    let served = state.served.now();
    let index = &served.staff_index;
    assert_eq!(index.previous_release.as_deref(), Some("r00001"));
    assert!(index
        .rows
        .iter()
        .any(|r| r.previous.is_some_and(|p| p != r.status)));
    for row in &index.rows {
        if row.attention == server::staff::index::Attention::Changed {
            assert_ne!(row.previous, Some(row.status), "{}", row.id);
        }
    }
    // Off-track indicators first, each kind of row in its place.
    let attention: Vec<_> = index.rows.iter().map(|r| r.attention).collect();
    let mut sorted = attention.clone();
    sorted.sort();
    assert_eq!(attention, sorted);
    assert!(index.rows.iter().any(|r| r.internal));
    use indicators::progress::ProgressStatus::{Deterioration, LimitedProgress, NotAvailable};
    for row in index
        .rows
        .iter()
        .take_while(|r| r.attention == server::staff::index::Attention::OffTrackOrWorse)
    {
        let off_track = matches!(row.status, LimitedProgress | Deterioration);
        let worse = row
            .previous
            .is_some_and(|p| p != NotAvailable && row.status != NotAvailable && row.status > p);
        assert!(off_track || worse, "{}", row.id);
    }

    let staff = state.staff.clone();
    let app = Workspace {
        router: server::app(state),
        staff,
        data,
    };
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    let page = app.get("/staff", &[&session]).await;
    assert!(page.body.contains("Compared with release r00001."));
    assert!(page
        .body
        .contains("off track or worse than the last release"));
    // The poverty rate's baseline and latest value, as its status used them.
    let row = page
        .body
        .split("data-indicator=\"poverty-rate\"")
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .expect("a poverty-rate row");
    // Eurostat's inputs: the last five years.
    assert!(row.contains(" → 12.9 (2020 to 2025) %"), "{row}");
}
