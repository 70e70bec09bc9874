//! Metadata edited in the browser goes through the draft: checked like an
//! upload, previewed, published.

use http::StatusCode;
use server::staff::Role;

use crate::staff::workspace;

#[tokio::test]
async fn an_editor_changes_an_indicators_metadata_into_the_draft_and_an_admin_publishes_it() {
    let app = workspace().await;
    app.add("editor@city.example", Role::Editor).await;
    app.add("admin@city.example", Role::Admin).await;
    let editor = app.sign_in("editor@city.example").await;
    let admin = app.sign_in("admin@city.example").await;

    let form = app
        .get("/staff/indicators/homelessness/edit", &[&editor])
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form
        .body
        .contains("value=\"People in emergency accommodation\""));
    for column in [
        "title_en",
        "title_de",
        "target_value",
        "update_frequency",
        "visibility",
    ] {
        assert!(
            form.body.contains(&format!("name=\"{column}\"")),
            "{column}"
        );
    }
    let csrf = form.csrf_field();
    let version = |body: &str| {
        body.split("name=\"version\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .map(str::to_owned)
            .expect("a version")
    };
    let seen = version(&form.body);

    // A bad cell: refused with its line and column, the draft untouched.
    let bad = app
        .post_form(
            "/staff/indicators/homelessness/edit",
            &[&editor],
            &[("csrf", &csrf), ("version", &seen), ("target_year", "soon")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("<td>catalogue.csv</td>"), "{}", bad.body);
    assert!(
        bad.body.contains("<td>target_year</td><td>soon</td>"),
        "{}",
        bad.body
    );
    assert_eq!(app.staff.store.draft().await.expect("draft"), None);

    let saved = app
        .post_form(
            "/staff/indicators/homelessness/edit",
            &[&editor],
            &[
                ("csrf", &csrf),
                ("version", &seen),
                ("title_en", "People in emergency shelters"),
                ("target_value", "2.5"),
                ("update_frequency", "biennial"),
                ("unit", "per 10,000 residents"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let draft = app.get("/staff/draft", &[&editor]).await;
    assert!(
        draft.body.contains(
            "homelessness: title_en, target_value, update_frequency changed in catalogue.csv"
        ),
        "{}",
        draft.body
    );
    // A form opened before that change is stale now.
    let stale = app
        .post_form(
            "/staff/indicators/homelessness/edit",
            &[&editor],
            &[("csrf", &csrf), ("version", &seen), ("unit", "%")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);

    // Not public before the publish.
    let public = app.get("/indicators/homelessness", &[]).await;
    assert!(!public.body.contains("People in emergency shelters"));
    let preview = app.get("/staff/preview", &[&admin]).await;
    assert!(preview.body.contains("Its catalogue entry changed."));
    let admin_csrf = preview.csrf_field();
    let published = app
        .post_form(
            "/staff/publish",
            &[&admin],
            &[
                ("csrf", &admin_csrf),
                ("version", &version(&preview.body)),
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
    let public = app.get("/indicators/homelessness", &[]).await;
    assert!(public.body.contains("People in emergency shelters"));
    let audit = app.get("/staff/audit", &[&admin]).await;
    assert!(audit.body.contains("<td>metadata-changed</td>"));
    // The next form starts from what was published.
    let again = app
        .get("/staff/indicators/homelessness/edit", &[&editor])
        .await;
    assert!(again
        .body
        .contains("value=\"People in emergency shelters\""));
    assert!(again.body.contains("<option value=\"biennial\" selected>"));
}
