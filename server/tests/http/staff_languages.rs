//! The staff workspace in Dutch: `/nl/staff/…` pages, their links, forms and
//! redirects stay in Dutch, and a file's problems are worded in Dutch.

use http::StatusCode;

use crate::staff_app::{cookie_pair, workspace, PASSWORD};
use crate::workspace_flow::people;

#[tokio::test]
async fn the_sign_in_page_and_its_redirect_stay_in_dutch() {
    let app = workspace().await;
    app.add("viewer@example.org", server::staff::Role::Viewer)
        .await;
    let form = app.get("/nl/staff/sign-in", &[]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("<html lang=\"nl\""), "{}", form.body);
    assert!(form.body.contains("<h1>Inloggen</h1>"));
    assert!(form
        .body
        .contains("<label for=\"password\">Wachtwoord</label>"));
    assert!(form.body.contains("action=\"/nl/staff/sign-in\""));
    assert!(form.body.contains("Naar de inhoud"));
    let cookie = cookie_pair(&form.set_cookie("lg_csrf").expect("a CSRF cookie"));
    let wrong = app
        .post_form(
            "/nl/staff/sign-in",
            &[&cookie],
            &[
                ("email", "viewer@example.org"),
                ("password", "not the password"),
                ("csrf", &form.csrf_field()),
            ],
        )
        .await;
    assert!(
        wrong.body.contains("Verkeerd e-mailadres of wachtwoord"),
        "{}",
        wrong.body
    );
    let form = app.get("/nl/staff/sign-in", &[]).await;
    let cookie = cookie_pair(&form.set_cookie("lg_csrf").expect("a CSRF cookie"));
    let signed_in = app
        .post_form(
            "/nl/staff/sign-in",
            &[&cookie],
            &[
                ("email", "viewer@example.org"),
                ("password", PASSWORD),
                ("csrf", &form.csrf_field()),
            ],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    assert_eq!(
        signed_in.location(),
        Some("/nl/staff"),
        "the redirect keeps the language"
    );
}

#[tokio::test]
async fn the_workspace_and_an_upload_with_errors_read_in_dutch() {
    let app = workspace().await;
    let ((session, csrf), _) = people(&app).await;
    let page = app.get("/nl/staff", &[&session]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h1>Werkruimte</h1>"), "{}", page.body);
    assert!(page.body.contains("Alle indicatoren"));
    assert!(page
        .body
        .contains("href=\"/nl/staff/draft\">Concept en uploaden</a>"));
    assert!(page.body.contains("Ingelogd als"));
    // The same page in English, unprefixed.
    let english = app.get("/staff", &[&session]).await;
    assert!(english.body.contains("<h1>Staff workspace</h1>"));

    let bytes = b"indicator;year;value\nhomelessness;2026;24,1\nhomelessness;2027;veel\n";
    let answer = app
        .upload_at("/nl/staff/upload", &session, &csrf, "wonen-2027.csv", bytes)
        .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let body = &answer.body;
    assert!(body.contains("wonen-2027.csv is niet toegevoegd"), "{body}");
    assert!(body.contains("dus het concept is niet veranderd"));
    assert!(
        body.contains("de waarde is geen getal"),
        "the problem in Dutch: {body}"
    );
    assert!(
        body.contains("Dit bestand gebruikt een decimale komma"),
        "and what to do, in Dutch: {body}"
    );
    assert!(body.contains("De eerste rijen zoals gelezen"));
    assert!(body.contains("href=\"/nl/staff/draft\""));
}
