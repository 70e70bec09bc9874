//! The rights files uploaded through the workspace (`groups.csv`,
//! `districts.geojson`, `recommendations.csv`, `qualitative.csv`), on a
//! small city of its own (`tests/fixtures/rights-city`, the files in
//! `tests/fixtures/rights-uploads`): each good file goes through the draft
//! into the release; a broken one of each kind shows its problem where it
//! is and changes nothing.

use std::path::PathBuf;

use http::StatusCode;
use server::staff::Role;

use crate::common::leptos_options;
use crate::staff_app::{test_database, Workspace};

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn upload_file(name: &str) -> String {
    std::fs::read_to_string(fixture("rights-uploads").join(name)).expect("a fixture file")
}

/// The workspace on the rights city, without any of the rights files.
async fn rights_workspace() -> Workspace {
    let data = tempfile::TempDir::new().expect("a data folder");
    let database = test_database(data.path()).await;
    let state = server::AppState::load_in(
        leptos_options(),
        Some(&fixture("rights-city")),
        data.path(),
        server::staff::StaffConfig::default(),
        &database,
    )
    .await
    .expect("the rights city loads");
    let staff = state.staff.clone();
    Workspace {
        router: server::app(state),
        staff,
        data,
    }
}

/// An editor's and an admin's session and form token.
async fn people(app: &Workspace) -> ((String, String), (String, String)) {
    let mut out = Vec::new();
    for (email, role) in [
        ("editor@city.example", Role::Editor),
        ("admin@city.example", Role::Admin),
    ] {
        app.add(email, role).await;
        let session = app.sign_in(email).await;
        let csrf = app.get("/staff/draft", &[&session]).await.csrf_field();
        out.push((session, csrf));
    }
    let admin = out.pop().expect("admin");
    (out.pop().expect("editor"), admin)
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{needle} not in the fixture"))
}

#[tokio::test]
async fn each_rights_file_is_uploaded_checked_and_published_and_a_broken_one_changes_nothing() {
    let app = rights_workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;

    // Each good file changes the draft, and the draft says what it holds.
    for (name, summary) in [
        ("groups.csv", "groups.csv replaced (4 group mappings)"),
        (
            "districts.geojson",
            "districts.geojson replaced (2 districts)",
        ),
        (
            "recommendations.csv",
            "recommendations.csv replaced (3 recommendations)",
        ),
        ("qualitative.csv", "qualitative.csv replaced (2 statements)"),
    ] {
        let answer = app
            .upload(&editor, &editor_csrf, name, upload_file(name).as_bytes())
            .await;
        assert_eq!(
            answer.status,
            StatusCode::SEE_OTHER,
            "{name}: {}",
            answer.body
        );
        let draft = app.get("/staff/draft", &[&editor]).await;
        assert!(draft.body.contains(summary), "{name}: {}", draft.body);
    }
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
    let current = indicators::release::current_id(app.data.path()).expect("a current release");
    assert_eq!(current, "r00002");
    let release = indicators::release::ServedRelease::open(app.data.path(), &current)
        .expect("open the release");
    let supplements = &release.supplements;
    let groups: Vec<(&str, &str, &str)> = supplements
        .groups
        .iter()
        .map(|g| (g.dimension.as_str(), g.value.as_str(), g.group.as_str()))
        .collect();
    assert_eq!(
        groups,
        [
            ("sex", "female", "women"),
            ("sex", "male", "men"),
            ("district", "Nord", "residents of Nord"),
            ("district", "Süd", "residents of Süd"),
        ]
    );
    let districts: Vec<(&str, usize)> = supplements
        .districts
        .as_ref()
        .expect("boundaries")
        .districts
        .iter()
        .map(|d| (d.id.as_str(), d.polygons.len()))
        .collect();
    assert_eq!(districts, [("Nord", 1), ("Süd", 1)]);
    let ids: Vec<&str> = supplements
        .recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["cescr-2023-12", "upr-4-88", "council-2024-3"]);
    let statements: Vec<(&str, i32, Option<bool>)> = supplements
        .statements
        .iter()
        .map(|s| (s.indicator_id.as_str(), s.year, s.answer))
        .collect();
    assert_eq!(
        statements,
        [
            ("anti-discrimination-office", 2019, Some(false)),
            ("anti-discrimination-office", 2025, Some(true)),
        ]
    );
    // The internal waiting list leaves no trace in the public view.
    let public = release.catalogue().public_view();
    assert_eq!(
        public.supplements.recommendations[0].indicators,
        ["rent-burden"]
    );

    // A broken file of each kind: its problem where it is, nothing changed.
    let recommendations = upload_file("recommendations.csv");
    let qualitative = upload_file("qualitative.csv");
    let boundaries = upload_file("districts.geojson");
    let broken = [
        (
            "groups.csv",
            "dimension,value,group\nsex,female,women\nsex,female,female residents\n".to_owned(),
            "<td>groups.csv</td><td>3</td><td>value</td>".to_owned(),
        ),
        (
            "recommendations.csv",
            recommendations.replacen(",not-started,", ",someday,", 1),
            format!(
                "<td>recommendations.csv</td><td>{}</td><td>status</td><td>someday</td>",
                line_of(&recommendations, "upr-4-88")
            ),
        ),
        (
            "qualitative.csv",
            qualitative.replacen(",yes,", ",maybe,", 1),
            format!(
                "<td>qualitative.csv</td><td>{}</td><td>value</td><td>maybe</td>",
                line_of(&qualitative, "2025-01-10")
            ),
        ),
        (
            "districts.geojson",
            boundaries.replacen("\"MultiPolygon\"", "\"Point\"", 1),
            format!(
                "<td>districts.geojson</td><td>{}</td>",
                line_of(&boundaries, "\"MultiPolygon\"")
            ),
        ),
    ];
    let draft_before = app.staff.store.draft().await.expect("draft");
    for (name, text, place) in broken {
        let refused = app
            .upload(&editor, &editor_csrf, name, text.as_bytes())
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{name}: {}",
            refused.body
        );
        assert!(
            refused.body.contains(&place),
            "{name}: {place} in {}",
            refused.body
        );
        assert_eq!(
            app.staff.store.draft().await.expect("draft"),
            draft_before,
            "{name} left the draft as it was"
        );
    }
    assert_eq!(
        indicators::release::current_id(app.data.path()).as_deref(),
        Some("r00002"),
        "the published release is unchanged"
    );
    let again = indicators::release::ServedRelease::open(app.data.path(), "r00002").expect("open");
    assert_eq!(again.supplements, release.supplements);

    // GeoJSON under another name is refused at the door.
    let renamed = app
        .upload(
            &editor,
            &editor_csrf,
            "wijken.geojson",
            boundaries.as_bytes(),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        renamed.body.contains("districts.geojson"),
        "{}",
        renamed.body
    );
}
