//! `actions.csv` uploaded through the workspace: one with an error shows
//! its problems by line and column and changes nothing; a good one goes
//! through the draft into the release, internal links kept out of public
//! view.

use http::StatusCode;

use crate::staff::workspace;
use crate::workspace_flow::people;

const GOOD: &str = "id,kind,title,title_nl,indicators,date,reference,link,year,amount,currency\n\
dec-2023-114,decision,Council decision 2023/114: free public transport for minimum-income households,Raadsbesluit 2023/114: gratis openbaar vervoer voor minimahuishoudens,public-transport-access;energy-poverty,2023-05-14,2023/114,https://council.lindenfeld.example/decisions/2023-114,,,\n\
bud-2025-coaches,budget,Energy coaches for low-income homes,Energiecoaches voor huishoudens met een laag inkomen,energy-poverty;evictions,,,,2025,480000,EUR\n\
bud-2025-evictions,budget,Eviction prevention team,Team voorkoming huisuitzettingen,evictions,,,,2025,310000,EUR\n";

#[tokio::test]
async fn an_actions_upload_with_an_error_shows_line_and_column_and_a_good_one_is_published() {
    let app = workspace().await;
    let ((editor, editor_csrf), (admin, admin_csrf)) = people(&app).await;

    // Line 3 names a kind of action that does not exist.
    let broken = GOOD.replacen(",budget,Energy coaches", ",law,Energy coaches", 1);
    let refused = app
        .upload(&editor, &editor_csrf, "actions.csv", broken.as_bytes())
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused
            .body
            .contains("<td>actions.csv</td><td>3</td><td>kind</td><td>law</td>"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("is not a kind of action"),
        "{}",
        refused.body
    );
    assert_eq!(app.staff.store.draft().await.expect("draft"), None);

    let accepted = app
        .upload(&editor, &editor_csrf, "actions.csv", GOOD.as_bytes())
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    let draft = app.get("/staff/draft", &[&editor]).await;
    assert!(
        draft.body.contains("actions replaced (3 actions)"),
        "{}",
        draft.body
    );
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
    let release =
        indicators::release::ServedRelease::open(app.data.path(), &current).expect("open");
    let ids: Vec<&str> = release.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["dec-2023-114", "bud-2025-coaches", "bud-2025-evictions"]
    );
    assert_eq!(release.actions[1].budget(), Some((2025, 480_000.0, "EUR")));
    // Anonymous visitors get no trace of the internal `evictions`.
    let public = release.catalogue().public_view();
    let public_ids: Vec<(&str, Vec<&str>)> = public
        .actions
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.indicators.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        public_ids,
        [
            (
                "dec-2023-114",
                vec!["public-transport-access", "energy-poverty"]
            ),
            ("bud-2025-coaches", vec!["energy-poverty"]),
        ]
    );
}
