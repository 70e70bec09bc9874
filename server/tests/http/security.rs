//! Nothing internal reaches an anonymous visitor, through any page or server
//! function, and text from data files is never markup.

use http::StatusCode;

use app::api::{
    FetchIndicator, FetchSeries, LoadArea, LoadDistrict, LoadGoal, LoadHome, LoadProgress,
};
use leptos::server_fn::ServerFn;

use crate::common::*;

#[tokio::test]
async fn internal_indicator_page_is_a_404_for_anonymous_visitors() {
    let (status, body) = get("/indicators/domestic-violence-reports").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.contains("Domestic violence cases reported"));
}

#[tokio::test]
async fn html_and_script_in_data_labels_are_shown_as_text() {
    let dataset = hostile_dataset();
    let app = app_for(dataset.path()).await;
    for path in [
        "/",
        "/indicators/poverty-rate",
        "/goals/1",
        "/rights/adequate-housing",
        "/progress",
    ] {
        let (status, body) = app.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        for raw in ["<script>alert", "<img src=x", "<b onmouseover"] {
            assert!(!body.contains(raw), "{path} carries `{raw}` as markup");
        }
        assert!(
            body.contains("&lt;script&gt;alert") || body.contains("&lt;b onmouseover"),
            "{path} shows the label as text"
        );
    }
}

/// Regression: leptos_meta 0.8 wrote `<Title>` text into `<head>` unescaped,
/// so an indicator titled `</script><script>…` ran as script.
#[tokio::test]
async fn regression_page_title_from_data_is_escaped() {
    let dataset = hostile_dataset();
    let (_, body) = app_for(dataset.path())
        .await
        .get("/indicators/poverty-rate")
        .await;
    assert!(
        body.contains("<title>Poverty &lt;/script&gt;&lt;script&gt;alert(&#39;xss&#39;)"),
        "{}",
        section(&body, "<title>", "</title>")
    );
}

/// Calls a server function as the browser does (form-encoded arguments).
async fn call(app: &TestApp, path: &str, form: &str) -> (StatusCode, String) {
    app.post(path, "application/x-www-form-urlencoded", form.to_owned())
        .await
}

#[tokio::test]
async fn every_server_function_refuses_or_leaves_out_internal_indicators() {
    let app = demo_app().await;
    for (id, _) in internal_indicators() {
        for (path, form) in [
            (FetchIndicator::PATH, format!("id={id}&locale=en")),
            (FetchSeries::PATH, format!("id={id}&series=total&locale=nl")),
        ] {
            let (status, body) = call(&app, path, &form).await;
            assert!(!status.is_success(), "{path} {id}: {status}");
            let error: app::error::AppError =
                serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path} {id}: {e}: {body}"));
            assert_eq!(error, app::error::AppError::IndicatorNotFound(id.clone()));
        }
    }
    // The others take no indicator id: they answer with public indicators
    // (one named for each) and name no internal one.
    let form = "application/x-www-form-urlencoded";
    for (path, body, content_type, public) in [
        (
            LoadHome::PATH,
            String::from("locale=en"),
            form,
            "poverty-rate",
        ),
        (
            LoadGoal::PATH,
            "number=1&locale=nl".into(),
            form,
            "poverty-rate",
        ),
        (
            LoadArea::PATH,
            "kind=policy&id=social-affairs&locale=en".into(),
            form,
            "poverty-rate",
        ),
        (
            LoadArea::PATH,
            "kind=rights&id=adequate-housing&locale=nl".into(),
            form,
            "rent-burden",
        ),
        (
            LoadDistrict::PATH,
            "name=S%C3%BCdfeld&locale=en".into(),
            form,
            "rent-burden",
        ),
        (
            LoadProgress::PATH,
            r#"{"query":{"goal":null,"area":null,"group":"goal","sort":"status"},"locale":"nl"}"#
                .into(),
            "application/json",
            "poverty-rate",
        ),
    ] {
        let (status, answer) = app.post(path, content_type, body.clone()).await;
        assert_eq!(status, StatusCode::OK, "{path} {body}: {answer}");
        assert!(answer.contains(&format!("\"{public}\"")), "{path} {body}");
        assert_no_internal(path, &answer);
    }
}

#[tokio::test]
async fn pages_where_internal_indicators_map_leave_them_out() {
    // The demo city has internal indicators on goal 1, in social affairs and
    // by district (in Südfeld among others), so these pages could leak them.
    let dataset = demo_dataset_read().await;
    let internal: Vec<&indicators::Indicator> = dataset
        .indicators
        .iter()
        .filter(|i| !i.is_public())
        .collect();
    assert!(internal.iter().any(|i| i.goals().contains(&1)));
    assert!(internal
        .iter()
        .any(|i| i.maps_to(indicators::AreaKind::Policy, "social-affairs")));
    assert!(dataset.observations.iter().any(|o| {
        o.dimensions.district() == Some("Südfeld")
            && internal.iter().any(|i| i.id == o.indicator_id)
    }));
    let app = demo_app().await;
    for path in [
        "/goals/1",
        "/policy/social-affairs",
        "/rights/adequate-housing",
        "/districts/S%C3%BCdfeld",
        "/progress",
        "/progress?goal=1",
        "/",
    ] {
        let (status, body) = app.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_no_internal(path, &body);
    }
}
