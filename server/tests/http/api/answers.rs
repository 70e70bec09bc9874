//! The API's values against the release, its ETags and 304s, and what a
//! signed-in staff member gets.

use std::collections::{BTreeMap, BTreeSet};

use http::{header, StatusCode};
use serde_json::Value;
use server::staff::Role;

use super::{ask, json};
use crate::common::{
    demo_app, demo_dataset_read, expected_statuses, headline, internal_indicators,
    public_indicators_in_catalogue,
};
use crate::staff_app::workspace;

#[tokio::test]
async fn api_values_equal_the_release() {
    let app = demo_app().await;
    let dataset = demo_dataset_read().await;
    let expected = expected_statuses().await;
    let public: Vec<&indicators::Indicator> = dataset
        .indicators
        .iter()
        .filter(|i| i.is_public())
        .collect();

    let indicators = json(&app, "/api/v1/indicators").await;
    let listed = indicators.as_array().expect("a list");
    assert_eq!(listed.len(), public_indicators_in_catalogue());
    let listed_ids: Vec<&str> = listed
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    let public_ids: Vec<&str> = public.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(listed_ids, public_ids);
    for (item, indicator) in listed.iter().zip(&public) {
        assert_eq!(item["title"], indicator.title());
        assert_eq!(item["internal"], false);
        let status = expected.indicator(&indicator.id).map(|s| s.status.as_str());
        assert_eq!(
            item["status"].as_str(),
            if indicator.is_qualitative() {
                None
            } else {
                status
            },
            "{}",
            indicator.id
        );
    }

    // One indicator's series and observations equal the dataset's.
    let id = "poverty-rate";
    let series = dataset.series_of(id);
    let answer = json(&app, &format!("/api/v1/indicators/{id}/series")).await;
    let slugs: Vec<&str> = answer["series"]
        .as_array()
        .expect("series")
        .iter()
        .map(|s| s["slug"].as_str().expect("slug"))
        .collect();
    let expected_slugs: BTreeSet<String> = series.iter().map(|s| s.key.slug()).collect();
    assert_eq!(
        slugs.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(),
        expected_slugs
    );
    assert_eq!(slugs[0], "total");
    let head = headline(&expected, id);
    assert_eq!(answer["series"][0]["status"], head.progress.status.as_str());
    assert_eq!(
        answer["series"][0]["latest"]["value"].as_f64(),
        head.latest.as_ref().map(|p| p.value)
    );
    assert_eq!(
        answer["series"][0]["baseline"]["year"].as_i64(),
        head.baseline.as_ref().map(|b| i64::from(b.year))
    );

    let observations = json(&app, &format!("/api/v1/indicators/{id}/observations")).await;
    let got: BTreeSet<(String, i64, String)> = observations["observations"]
        .as_array()
        .expect("observations")
        .iter()
        .map(|o| {
            (
                o["series"].as_str().expect("series").to_owned(),
                o["year"].as_i64().expect("year"),
                o["value"].to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(String, i64, String)> = dataset
        .observations
        .iter()
        .filter(|o| o.indicator_id == id)
        .map(|o| {
            (
                o.dimensions.slug(),
                i64::from(o.period.year),
                serde_json::json!(o.value).to_string(),
            )
        })
        .collect();
    assert_eq!(got, want);
    let one = json(
        &app,
        &format!("/api/v1/indicators/{id}/observations?series=total"),
    )
    .await;
    assert_eq!(
        one["observations"].as_array().expect("rows").len(),
        want.iter().filter(|(slug, _, _)| slug == "total").count()
    );

    // Goal 1's indicators, the counts per status, the release.
    let goal = json(&app, "/api/v1/goals/1").await;
    let goal_ids: Vec<&str> = goal["indicators"]
        .as_array()
        .expect("ids")
        .iter()
        .map(|v| v.as_str().expect("id"))
        .collect();
    let want_goal: Vec<&str> = public
        .iter()
        .filter(|i| i.goals().contains(&1))
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(goal_ids, want_goal);
    assert!(goal["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .all(|t| t["goal"] == 1));

    let statuses = json(&app, "/api/v1/statuses").await;
    let mut per_status: BTreeMap<&str, u64> = BTreeMap::new();
    for s in expected
        .indicators
        .iter()
        .filter(|s| public_ids.contains(&s.indicator_id.as_str()))
    {
        *per_status.entry(s.status.as_str()).or_default() += 1;
    }
    for (status, count) in statuses["indicators"].as_object().expect("counts") {
        assert_eq!(
            count.as_u64(),
            Some(per_status.get(status.as_str()).copied().unwrap_or(0)),
            "{status}"
        );
    }
    for entry in statuses["by_goal"].as_array().expect("goals") {
        let goal = u8::try_from(entry["goal"].as_u64().expect("goal")).expect("u8");
        let want = &expected.public.by_goal[&goal];
        for (status, n) in want {
            assert_eq!(
                entry["counts"][status.as_str()].as_u64(),
                Some(*n as u64),
                "goal {goal} {status:?}"
            );
        }
    }

    let releases = json(&app, "/api/v1/releases").await;
    let list = releases["releases"].as_array().expect("releases");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["current"], true);
    assert_eq!(list[0]["id"], releases["current"]);
    assert_eq!(list[0]["indicators"].as_u64(), Some(public.len() as u64));
    let public_observations = dataset
        .observations
        .iter()
        .filter(|o| public_ids.contains(&o.indicator_id.as_str()))
        .count();
    assert_eq!(
        list[0]["observations"].as_u64(),
        Some(public_observations as u64)
    );
}

#[tokio::test]
async fn answers_carry_a_strong_etag_and_a_matching_if_none_match_gets_304() {
    use sha2::Digest;
    let app = demo_app().await;
    for path in ["/api/v1/indicators", "/api/v1/goals/1", "/api/openapi.json"] {
        let (status, headers, body) = ask(&app, path, &[]).await;
        assert_eq!(status, StatusCode::OK);
        let tag = headers
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .expect("an ETag")
            .to_owned();
        let hex: String = sha2::Sha256::digest(&body)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            tag,
            format!("\"{hex}\""),
            "{path}: a strong ETag of the body"
        );
        assert_eq!(
            headers
                .get(header::CACHE_CONTROL)
                .and_then(|v| v.to_str().ok()),
            Some("no-cache")
        );
        let (again, again_headers, empty) = ask(&app, path, &[(header::IF_NONE_MATCH, &tag)]).await;
        assert_eq!(again, StatusCode::NOT_MODIFIED, "{path}");
        assert!(empty.is_empty());
        assert_eq!(
            again_headers
                .get(header::ETAG)
                .and_then(|v| v.to_str().ok()),
            Some(tag.as_str())
        );
        let (other, _, full) =
            ask(&app, path, &[(header::IF_NONE_MATCH, "\"something-else\"")]).await;
        assert_eq!((other, full.len()), (StatusCode::OK, body.len()));
    }
}

#[tokio::test]
async fn a_signed_in_staff_member_also_gets_internal_indicators_marked() {
    let app = workspace().await;
    app.add("viewer@city.example", Role::Viewer).await;
    let session = app.sign_in("viewer@city.example").await;
    let internal = internal_indicators();
    let answer = app.get("/api/v1/indicators", &[&session]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer
            .headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("private, no-store")
    );
    let list: Value = serde_json::from_str(&answer.body).expect("JSON");
    let list = list.as_array().expect("a list");
    assert_eq!(
        list.len(),
        public_indicators_in_catalogue() + internal.len()
    );
    let marked: BTreeSet<&str> = list
        .iter()
        .filter(|i| i["internal"] == true)
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert_eq!(marked, internal.iter().map(|(id, _)| id.as_str()).collect());
    let (id, title) = &internal[0];
    for path in [
        format!("/api/v1/indicators/{id}"),
        format!("/api/v1/indicators/{id}/series"),
        format!("/api/v1/indicators/{id}/observations"),
    ] {
        let staff = app.get(&path, &[&session]).await;
        assert_eq!(staff.status, StatusCode::OK, "{path}: {}", staff.body);
        let anonymous = app.get(&path, &[]).await;
        assert_eq!(anonymous.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!anonymous.body.contains(title.as_str()));
    }
    let detail = app
        .get(&format!("/api/v1/indicators/{id}"), &[&session])
        .await;
    assert!(detail.body.contains(title.as_str()) && detail.body.contains("\"internal\":true"));
}
