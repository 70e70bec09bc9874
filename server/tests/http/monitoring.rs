//! The workspace's monitoring: any indicator opens in the workspace (internal
//! ones marked), data overdue by the catalogue's update frequency, and the
//! warnings of the working dataset's last check.

use http::StatusCode;
use server::staff::index::{Attention, StaffIndex};
use server::staff::Role;

use crate::common::internal_indicators;
use crate::staff::workspace;

#[tokio::test]
async fn staff_open_any_indicator_internal_ones_marked_with_its_series_and_values() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    let list = app.get("/staff", &[&session]).await;
    let (id, title) = internal_indicators()
        .into_iter()
        .next()
        .expect("an internal one");
    assert!(list
        .body
        .contains(&format!("href=\"/staff/indicators/{id}\"")));
    let page = app
        .get(&format!("/staff/indicators/{id}"), &[&session])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&title));
    assert!(page
        .body
        .contains("<strong>Internal</strong>: never shown to the public."));
    assert!(page.body.contains("<section class=\"staff-series\""));
    assert!(page.body.contains("<svg"));
    // Its values as the release holds them.
    let release = indicators::release::load_current(app.data.path()).expect("release");
    let latest = release
        .dataset
        .observations
        .iter()
        .filter(|o| o.indicator_id == id)
        .max_by_key(|o| o.period.year)
        .expect("a value");
    assert!(
        page.body
            .contains(&format!("<td>{}</td>", latest.period.label)),
        "{}",
        page.body
    );
    // A public one links to its public page; an unknown id is a 404.
    let public = app.get("/staff/indicators/poverty-rate", &[&session]).await;
    assert!(public.body.contains("href=\"/indicators/poverty-rate\""));
    let unknown = app
        .get("/staff/indicators/no-such-thing", &[&session])
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    // The public site still knows nothing of it.
    let anonymous = app.get(&format!("/indicators/{id}"), &[]).await;
    assert_eq!(anonymous.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn data_is_overdue_when_its_update_frequency_has_passed_and_warnings_are_listed() {
    let app = workspace().await;
    let (release, _) = indicators::release::open_servable(app.data.path()).expect("release");
    // The demo city's figures run to 2025 and are annual: due in 2026 ...
    let now = StaffIndex::of_release(app.data.path(), &release, 2026);
    assert!(now.rows.iter().all(|r| r.overdue.is_none()));
    // ... overdue by 2027.
    let later = StaffIndex::of_release(app.data.path(), &release, 2027);
    let overdue: Vec<_> = later.rows.iter().filter(|r| r.overdue.is_some()).collect();
    assert!(!overdue.is_empty());
    for row in &overdue {
        let (frequency, latest) = row.overdue.expect("overdue");
        assert_eq!(frequency, indicators::model::UpdateFrequency::Annual);
        assert_eq!(
            Some(latest),
            row.inputs.map(|i| i.current_year),
            "{}",
            row.id
        );
        assert_eq!(latest, 2025, "{}", row.id);
    }
    for row in &later.rows {
        if row.overdue.is_some() {
            assert!(
                matches!(
                    row.attention,
                    Attention::OffTrackOrWorse | Attention::Overdue
                ),
                "{}: {:?}",
                row.id,
                row.attention
            );
        }
    }
    // Overdue ones come after what is off track and before the rest.
    let order: Vec<Attention> = later.rows.iter().map(|r| r.attention).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert!(order.contains(&Attention::Overdue));

    // The last check's warnings (the demo city's provisional values).
    assert!(!now.warnings.is_empty());
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    let page = app.get("/staff", &[&session]).await;
    assert!(page.body.contains(&format!(
        "{} warning(s): not errors, but worth a look.",
        now.warnings.len()
    )));
    assert!(page.body.contains("<tr class=\"warning\">"));
}
