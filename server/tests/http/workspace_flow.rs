//! Upload → check → draft → preview → publish → roll back, through the
//! router as a browser without JavaScript uses it: what is refused at the
//! door, what a file with errors shows, how values merge, and that public
//! pages follow a publish and a rollback.

use std::path::Path;

use http::StatusCode;
use server::staff::{Role, StaffConfig};
use sha2::{Digest, Sha256};

use crate::staff::{workspace, workspace_with, Workspace};

const EDITOR: &str = "editor@city.example";
const ADMIN: &str = "admin@city.example";

/// Signs in an editor and an admin; their sessions and CSRF tokens.
pub(crate) async fn people(app: &Workspace) -> ((String, String), (String, String)) {
    app.add(EDITOR, Role::Editor).await;
    app.add(ADMIN, Role::Admin).await;
    let mut out = Vec::new();
    for email in [EDITOR, ADMIN] {
        let session = app.sign_in(email).await;
        let csrf = app.get("/staff/draft", &[&session]).await.csrf_field();
        out.push((session, csrf));
    }
    let admin = out.pop().expect("admin");
    let editor = out.pop().expect("editor");
    (editor, admin)
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(
                    path.strip_prefix(dir)
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                );
            }
        }
    }
    out.sort();
    out
}

fn archive(app: &Workspace) -> Vec<String> {
    files_under(&app.data.path().join(server::staff::upload::UPLOADS_DIR))
}

#[tokio::test]
async fn oversize_empty_and_foreign_files_are_refused_at_the_door_and_nothing_is_stored() {
    let app = workspace_with(StaffConfig {
        upload_limit: 2 * 1024 * 1024,
        ..StaffConfig::default()
    })
    .await;
    let ((session, csrf), _) = people(&app).await;
    let big = "indicator,year,value\n".to_owned() + &"homelessness,2030,1\n".repeat(120_000);
    let cases: [(&str, &[u8], StatusCode, &str); 5] = [
        (
            "big.csv",
            big.as_bytes(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "over the upload limit of 2 MB",
        ),
        ("empty.csv", b"", StatusCode::BAD_REQUEST, "is empty"),
        (
            "report.pdf",
            b"%PDF-1.7",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "is not a CSV or XLSX file",
        ),
        (
            "program.csv",
            b"\x7fELF\x02\x01\x01\0\0\0",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "is not a CSV or XLSX file",
        ),
        (
            "book.xlsx",
            b"indicator,year,value\n",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "is not a CSV or XLSX file",
        ),
    ];
    for (name, bytes, status, says) in cases {
        let answer = app.upload(&session, &csrf, name, bytes).await;
        assert_eq!(answer.status, status, "{name}: {}", answer.body);
        assert!(answer.body.contains(says), "{name}: {}", answer.body);
        assert!(answer.body.contains("Nothing was stored"), "{name}");
    }
    assert_eq!(archive(&app), Vec::<String>::new());
    assert!(app.staff.store.uploads().await.expect("uploads").is_empty());
    assert_eq!(app.staff.store.draft().await.expect("draft"), None);
    // A viewer may not upload at all.
    app.add("viewer@city.example", Role::Viewer).await;
    let viewer = app.sign_in("viewer@city.example").await;
    let answer = app
        .upload(&viewer, &csrf, "a.csv", b"indicator,year,value\n")
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    // A forged token is refused before the file is read.
    let answer = app.upload(&session, "forged", "a.csv", b"x,y\n").await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert!(answer.body.contains("reload the page"));
    assert_eq!(archive(&app), Vec::<String>::new());
}

#[tokio::test]
async fn a_file_named_etc_passwd_is_refused_and_nothing_is_written_outside_the_archive() {
    let app = workspace().await;
    let ((session, csrf), _) = people(&app).await;
    let before = files_under(app.data.path());
    for name in [
        "../../etc/passwd",
        "../../etc/passwd.csv",
        "..\\..\\x.csv",
        ".hidden.csv",
    ] {
        let answer = app
            .upload(&session, &csrf, name, b"root:x:0:0:root:/root:/bin/bash\n")
            .await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{name}: {}",
            answer.body
        );
        assert!(
            answer.body.contains("no folders"),
            "{name}: {}",
            answer.body
        );
    }
    // Nothing new anywhere in the data folder (the database aside), and
    // nothing next to it.
    let after: Vec<String> = files_under(app.data.path())
        .into_iter()
        .filter(|f| !f.starts_with("localgoals.sqlite"))
        .collect();
    let before: Vec<String> = before
        .into_iter()
        .filter(|f| !f.starts_with("localgoals.sqlite"))
        .collect();
    assert_eq!(after, before);
    let parent = app.data.path().parent().expect("a parent");
    assert!(!parent.join("etc/passwd").exists());
    assert!(!parent.join("passwd").exists());
}

#[tokio::test]
async fn an_upload_with_errors_lists_each_with_line_column_and_fix_and_leaves_the_draft_alone() {
    let app = workspace().await;
    let ((session, csrf), _) = people(&app).await;
    let bytes =
        b"indicator;year;value\nhomelessness;2026;24,1\nhomelessness;2027;lots\nhomeless;2027;3\n";
    let answer = app.upload(&session, &csrf, "housing-2027.csv", bytes).await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let body = &answer.body;
    assert!(body.contains("housing-2027.csv was not added"), "{body}");
    assert!(body.contains("the draft is unchanged"));
    // Line 3's value and line 4's unknown id, each with a fix.
    let rows: Vec<&str> = body.split("<tr class=\"problem\">").skip(1).collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("<td>3</td><td>value</td><td>lots</td>")),
        "{body}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("<td>4</td>") && r.contains("homelessness")),
        "{body}"
    );
    // The first rows as read.
    assert!(body.contains("The first rows as read"));
    assert!(
        body.contains("<td>2</td><td>homelessness</td><td>2026</td><td>24,1</td>"),
        "{body}"
    );
    // Archived with its checksum, marked; the draft unchanged.
    let uploads = app.staff.store.uploads().await.expect("uploads");
    assert_eq!(uploads.len(), 1);
    let sha = server::staff::secret::hex(&Sha256::digest(bytes));
    assert_eq!(uploads[0].sha256, sha);
    assert!(body.contains(&sha));
    assert_eq!(
        uploads[0].outcome,
        server::staff::drafts::UploadOutcome::Problems
    );
    let kept = std::fs::read(app.data.path().join(&uploads[0].archived)).expect("archived");
    assert_eq!(kept, bytes);
    assert_eq!(app.staff.store.draft().await.expect("draft"), None);
}

/// The public page of `id`.
pub(crate) async fn public(app: &Workspace, id: &str) -> String {
    let page = app.get(&format!("/indicators/{id}"), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    page.body
}

#[tokio::test]
async fn values_merge_into_the_draft_the_preview_shows_them_and_publish_then_rollback_switch_the_public_figures(
) {
    let app = workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;
    assert!(!public(&app, "homelessness").await.contains("33.3"));
    // housing.csv again: 2025 revised, 2026 new; every other row of the
    // file stays as it was.
    let answer = app
        .upload(
            &editor,
            &editor_csrf,
            "housing.csv",
            b"indicator,year,value\nhomelessness,2025,31.4\nhomelessness,2026,33.3\nhomelessness,2024,22.6\n",
        )
        .await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    assert_eq!(answer.location(), Some("/staff/draft"));
    let draft = app.get("/staff/draft", &[&editor]).await;
    assert!(draft.body.contains(EDITOR), "{}", draft.body);
    assert!(
        draft.body.contains(
            "housing.csv merged into housing.csv: 1 new value(s), 1 changed, 1 unchanged"
        ),
        "{}",
        draft.body
    );
    // Not public yet.
    assert!(!public(&app, "homelessness").await.contains("33.3"));

    let preview = app.get("/staff/preview", &[&editor]).await;
    assert_eq!(preview.status, StatusCode::OK);
    let section = preview
        .body
        .split("<section class=\"preview-indicator\" data-indicator=\"homelessness\">")
        .nth(1)
        .expect("homelessness in the preview");
    assert!(
        section.contains("<td>total</td><td>2026</td><td>—</td><td>33.3</td>"),
        "{section}"
    );
    assert!(
        section.contains("<td>total</td><td>2025</td><td>23.9</td><td>31.4</td>"),
        "{section}"
    );
    assert!(section.contains("<svg"), "the chart as it would look");
    // Only homelessness changes; rent burden (same file) does not.
    assert_eq!(
        preview
            .body
            .matches("<section class=\"preview-indicator\"")
            .count(),
        1
    );
    // Editors preview; only admins publish.
    assert!(!preview.body.contains("action=\"/staff/publish\""));
    let version = app.get("/staff/preview", &[&admin]).await;
    let version = version
        .body
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a version")
        .to_owned();
    let refused = app
        .post_form(
            "/staff/publish",
            &[&editor],
            &[
                ("csrf", &editor_csrf),
                ("version", &version),
                ("release", "r00001"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
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
    let page = public(&app, "homelessness").await;
    assert!(
        page.contains("33.3") && page.contains("31.4"),
        "the new figures are public"
    );
    assert_eq!(app.staff.store.draft().await.expect("draft"), None);
    let releases = app.get("/staff/releases", &[&admin]).await;
    assert!(
        releases.body.contains("Release r00002 is served"),
        "{}",
        releases.body
    );

    // Roll back: the old figures are public again, and the new release can
    // be restored after.
    let back = app
        .post_form(
            "/staff/releases/r00001/restore",
            &[&admin],
            &[("csrf", &admin_csrf)],
        )
        .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    let page = public(&app, "homelessness").await;
    assert!(
        !page.contains("33.3") && page.contains("23.9"),
        "old figures again"
    );
    let audit = app.get("/staff/audit", &[&admin]).await;
    for action in ["upload", "draft-changed", "publish", "rollback"] {
        assert!(
            audit.body.contains(&format!("<td>{action}</td>")),
            "{action}"
        );
    }
    assert!(audit.body.contains("from r00002 to r00001"));
    let forward = app
        .post_form(
            "/staff/releases/r00002/restore",
            &[&admin],
            &[("csrf", &admin_csrf)],
        )
        .await;
    assert_eq!(forward.status, StatusCode::SEE_OTHER);
    assert!(public(&app, "homelessness").await.contains("33.3"));
}

#[tokio::test]
async fn publishing_a_draft_that_changed_since_its_preview_asks_to_preview_again() {
    let app = workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;
    let first = app
        .upload(
            &editor,
            &editor_csrf,
            "extra.csv",
            b"indicator,year,value\nhomelessness,2026,24\n",
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let seen = app
        .staff
        .store
        .draft()
        .await
        .expect("draft")
        .expect("a draft")
        .version();
    let second = app
        .upload(
            &editor,
            &editor_csrf,
            "more.csv",
            b"indicator,year,value\nrent-burden,2026,40\n",
        )
        .await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
    let stale = app
        .post_form(
            "/staff/publish",
            &[&admin],
            &[
                ("csrf", &admin_csrf),
                ("version", &seen.to_string()),
                ("release", "r00001"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("Preview again"));
    assert!(stale.body.contains("more.csv added"), "{}", stale.body);
    // A preview made while another release was served is stale too (a
    // rollback since would otherwise publish over it).
    let now = app
        .staff
        .store
        .draft()
        .await
        .expect("draft")
        .expect("a draft")
        .version();
    let other = app
        .post_form(
            "/staff/publish",
            &[&admin],
            &[
                ("csrf", &admin_csrf),
                ("version", &now.to_string()),
                ("release", "r00007"),
            ],
        )
        .await;
    assert_eq!(other.status, StatusCode::CONFLICT);
    assert!(
        other.body.contains("The served release is now r00001"),
        "{}",
        other.body
    );
    assert!(!public(&app, "homelessness").await.contains("24.0"));
    let releases = app.get("/staff/releases", &[&admin]).await;
    assert!(releases.body.contains("Release r00001 is served"));
}
