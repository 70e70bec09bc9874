//! Admins manage people in the browser: add with a one-time link, change a
//! role, remove; never their own account; every change audited.

use http::StatusCode;
use server::staff::Role;

use crate::staff::workspace;

#[tokio::test]
async fn an_admin_adds_a_person_with_a_link_changes_their_role_and_removes_them() {
    let app = workspace().await;
    app.add("admin@city.example", Role::Admin).await;
    let admin = app.sign_in("admin@city.example").await;
    let list = app.get("/staff/users", &[&admin]).await;
    assert_eq!(list.status, StatusCode::OK);
    let csrf = list.csrf_field();

    let added = app
        .post_form(
            "/staff/users",
            &[&admin],
            &[
                ("csrf", &csrf),
                ("email", "New.Person@City.example"),
                ("role", "editor"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    assert!(added
        .body
        .contains("Added new.person@city.example as editor"));
    let link = added
        .body
        .split("<code class=\"sign-in-link\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("a link");
    let path = &link[link.find("/staff/link/").expect("a link path")..];
    let signed_in = app.use_link(path).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let session = signed_in
        .headers
        .get_all(http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("lg_session="))
        .and_then(|v| v.split(';').next())
        .map(|t| format!("lg_session={t}"))
        .expect("a session");
    // An editor may open the draft but not the people page.
    assert_eq!(
        app.get("/staff/draft", &[&session]).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/staff/users", &[&session]).await.status,
        StatusCode::FORBIDDEN
    );
    // The same address twice is refused with a reason.
    let twice = app
        .post_form(
            "/staff/users",
            &[&admin],
            &[
                ("csrf", &csrf),
                ("email", "new.person@city.example"),
                ("role", "viewer"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    assert!(twice.body.contains("already has an account"));

    let accounts = app.staff.store.users().await.expect("users");
    let person = accounts
        .iter()
        .find(|a| a.user.email == "new.person@city.example")
        .expect("the new account");
    let me = accounts
        .iter()
        .find(|a| a.user.email == "admin@city.example")
        .expect("the admin");
    let changed = app
        .post_form(
            &format!("/staff/users/{}/role", person.user.id),
            &[&admin],
            &[("csrf", &csrf), ("role", "admin")],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/staff/users", &[&session]).await.status,
        StatusCode::OK
    );
    // Not one's own account.
    for action in ["role", "remove"] {
        let refused = app
            .post_form(
                &format!("/staff/users/{}/{action}", me.user.id),
                &[&admin],
                &[("csrf", &csrf), ("role", "viewer")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{action}");
    }
    let removed = app
        .post_form(
            &format!("/staff/users/{}/remove", person.user.id),
            &[&admin],
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    // Their session ended with the account.
    let gone = app.get("/staff", &[&session]).await;
    assert_eq!(gone.location(), Some("/staff/sign-in"));
    let audit = app.get("/staff/audit", &[&admin]).await;
    for line in [
        "new.person@city.example as editor",
        "new.person@city.example is now admin",
        "<td>user-removed</td>",
    ] {
        assert!(audit.body.contains(line), "{line}");
    }
    assert!(audit
        .body
        .contains("<td>admin@city.example</td><td>user-added</td>"));
}
