//! The catalogue and the areas uploaded as files: through the draft and
//! its preview to the public pages, and kept across a restart.

use http::StatusCode;

use crate::staff::workspace;
use crate::workspace_flow::{people, public};

#[tokio::test]
async fn a_catalogue_upload_changes_titles_through_the_draft_and_a_restart_keeps_what_was_published(
) {
    let app = workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;
    let catalogue = std::fs::read_to_string(crate::common::demo_dataset().join("catalogue.csv"))
        .expect("catalogue")
        .replace(
            "People in emergency accommodation",
            "People in emergency shelters",
        );
    let answer = app
        .upload(&editor, &editor_csrf, "catalogue.csv", catalogue.as_bytes())
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let preview = app.get("/staff/preview", &[&admin]).await;
    assert!(
        preview.body.contains("Its catalogue entry changed."),
        "{}",
        preview.body
    );
    let version = app
        .staff
        .store
        .draft()
        .await
        .expect("draft")
        .expect("draft")
        .version();
    let published = app
        .post_form(
            "/staff/publish",
            &[&admin],
            &[
                ("csrf", &admin_csrf),
                ("version", &version.to_string()),
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
    assert!(public(&app, "homelessness")
        .await
        .contains("People in emergency shelters"));

    // A restart with the same --dataset serves what was published.
    let state = server::AppState::load(
        crate::common::leptos_options(),
        Some(&crate::common::demo_dataset()),
        app.data.path(),
    )
    .await
    .expect("restart");
    assert_eq!(state.served.now().release, "r00002");
    let restarted = crate::common::TestApp::from(server::app(state));
    let (_, body) = restarted.get("/indicators/homelessness").await;
    assert!(body.contains("People in emergency shelters"));
}

#[tokio::test]
async fn an_areas_upload_goes_through_the_draft_and_the_preview_names_the_areas_it_changes() {
    let app = workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;
    let areas = std::fs::read_to_string(crate::common::demo_dataset().join("areas.csv"))
        .expect("areas")
        .replace("Right to adequate housing", "Right to a home");
    let answer = app
        .upload(&editor, &editor_csrf, "areas.csv", areas.as_bytes())
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let draft = app.get("/staff/draft", &[&editor]).await;
    assert!(draft.body.contains("areas replaced"), "{}", draft.body);
    let preview = app.get("/staff/preview", &[&admin]).await;
    assert!(
        preview.body.contains(
            "<li data-area=\"adequate-housing\"><code>adequate-housing</code>: renamed from Right to adequate housing to Right to a home</li>"
        ),
        "{}",
        preview.body
    );
    assert!(!app
        .get("/rights/adequate-housing", &[])
        .await
        .body
        .contains("Right to a home"));
    let version = app
        .staff
        .store
        .draft()
        .await
        .expect("draft")
        .expect("a draft")
        .version();
    let published = app
        .post_form(
            "/staff/publish",
            &[&admin],
            &[
                ("csrf", &admin_csrf),
                ("version", &version.to_string()),
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
    let page = app.get("/rights/adequate-housing", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Right to a home"));
    // An areas file with an error changes nothing.
    let broken = areas.replacen("\nsocial-security,rights,", "\nsocial-security,neither,", 1);
    assert_ne!(broken, areas);
    let refused = app
        .upload(&editor, &editor_csrf, "areas.csv", broken.as_bytes())
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("<td>areas.csv</td>"),
        "{}",
        refused.body
    );
    assert_eq!(app.staff.store.draft().await.expect("draft"), None);
}
