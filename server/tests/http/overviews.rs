//! The ways in: home, goal, rights and policy areas, progress and districts.

use http::StatusCode;

use app::words::status_label;

use crate::common::*;

#[tokio::test]
async fn home_lists_all_17_goals_and_public_indicators_only() {
    let (status, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    for goal in indicators::GOALS {
        assert!(
            body.contains(&format!("id=\"goal-{}\"", goal.number)),
            "goal {} has demo data",
            goal.number
        );
    }
    assert!(body.contains("href=\"/indicators/poverty-rate\""));
    assert!(
        !body.contains("Domestic violence cases reported"),
        "internal indicators never reach anonymous visitors"
    );
    assert!(!body.contains("/indicators/complaints-resolved"));
    assert!(
        body.contains("/pkg/localgoals.js"),
        "the hydration script is linked"
    );
}

#[tokio::test]
async fn home_goal_tiles_count_public_indicators_per_status() {
    let (_, body) = get("/").await;
    let statuses = expected_statuses().await;
    let goal5 = &statuses.public.by_goal[&5];
    let tile_start = body.find("id=\"goal-5\"").expect("goal 5 tile");
    let tile = &body[tile_start
        ..tile_start
            + body[tile_start..]
                .find("</li></ul></li>")
                .unwrap_or(4000)
                .min(body.len() - tile_start)];
    for (status, n) in goal5 {
        assert!(
            tile.contains(&format!(
                "{n} × {}",
                status_label(app::i18n::Locale::En, *status)
            )),
            "{status:?} {n} in {tile}"
        );
    }
    let total: usize = goal5.values().sum();
    let staff_total: usize = statuses.staff.by_goal[&5].values().sum();
    assert!(
        total < staff_total,
        "goal 5 has an internal indicator that the public count leaves out"
    );
}

#[tokio::test]
async fn home_shows_what_improved_and_worsened_most_and_ways_in() {
    let (_, body) = get("/").await;
    let statuses = expected_statuses().await;
    let improved = card_ids(section(&body, "<ul class=\"cards improved\">", "</ul>"));
    let worsened = card_ids(section(&body, "<ul class=\"cards worsened\">", "</ul>"));
    assert_eq!(improved.len(), 4);
    assert_eq!(worsened.len(), 4);
    for id in &improved {
        assert!(!worsened.contains(id));
    }
    // The strips are about change, so each improved card's change reads better.
    assert!(section(&body, "<ul class=\"cards improved\">", "</ul>").contains("(better)"));
    assert!(!section(&body, "<ul class=\"cards worsened\">", "</ul>").contains("(better)"));
    let rent = headline(&statuses, "rent-burden");
    assert!(
        rent.change_since_baseline.expect("change").absolute > 0.0,
        "rent burden rose"
    );
    assert!(
        body.contains("href=\"/rights/adequate-housing\""),
        "way in by right"
    );
    assert!(
        body.contains("href=\"/policy/housing\""),
        "way in by policy area"
    );
    assert!(
        body.contains("href=\"/districts/S%C3%BCdfeld\""),
        "way in by district"
    );
    assert!(
        body.contains("href=\"/goals/1\""),
        "goal tiles link to goal pages"
    );
    assert_no_internal("/", &body);
}

#[tokio::test]
async fn goal_page_lists_every_target_and_the_indicators_under_each() {
    let (status, body) = get("/goals/1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<title>Goal 1: No poverty · Local Goals</title>"));
    assert!(body.contains("End poverty in all its forms everywhere"));
    let targets: Vec<_> = indicators::sdg::framework().targets_of_goal(1).collect();
    assert_eq!(targets.len(), 7);
    for target in &targets {
        assert!(
            body.contains(&format!("id=\"target-{}\"", target.id)),
            "target {} listed",
            target.id
        );
    }
    let target_1_2 = section(&body, "id=\"target-1.2\"", "</section>");
    let statuses = expected_statuses().await;
    let poverty = headline(&statuses, "poverty-rate");
    let latest = poverty.latest.as_ref().expect("latest");
    let change = poverty.change_since_baseline.expect("change");
    let card = section(target_1_2, "data-indicator=\"poverty-rate\"", "</li>");
    assert!(card.contains(&format!("{:.1} %", latest.value)), "{card}");
    assert!(card.contains(&format!("({})", latest.period.label)));
    assert!(
        card.contains(&format!(
            "−{:.1} since 2015 (better)",
            change.absolute.abs()
        )),
        "poverty fell, which is better: {card}"
    );
    assert!(
        card.contains(&status_label(
            app::i18n::Locale::En,
            poverty.progress.status
        )),
        "{card}"
    );
    assert!(card.contains("class=\"sparkline\""), "sparkline drawn");
    assert!(section(&body, "id=\"target-1.1\"", "</section>").contains("No indicator here yet."));
    assert_no_internal("/goals/1", &body);
}

#[tokio::test]
async fn an_indicator_mapped_to_several_targets_shows_under_each() {
    // poverty-rate maps to 1.2 and 10.2.
    let (_, body) = get("/goals/10").await;
    assert!(section(&body, "id=\"target-10.2\"", "</section>")
        .contains("data-indicator=\"poverty-rate\""));
    assert!(!section(&body, "id=\"target-10.1\"", "</section>")
        .contains("data-indicator=\"poverty-rate\""));
}

#[tokio::test]
async fn unknown_goals_are_404s_that_say_what_goals_exist() {
    for path in ["/goals/18", "/goals/0", "/goals/poverty"] {
        let (status, body) = get(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("The goals are numbered 1 to 17"), "{path}");
    }
}

#[tokio::test]
async fn rights_area_page_names_the_instrument_holders_and_linked_indicators() {
    let (status, body) = get("/rights/adequate-housing").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>Right to adequate housing</h1>"));
    assert!(body.contains("ICESCR Art. 11(1)"));
    assert!(body.contains("tenants, people experiencing homelessness, low-income households"));
    assert!(body.contains("data-indicator=\"rent-burden\""));
    let statuses = expected_statuses().await;
    for (status, n) in &statuses.public.by_rights_area["adequate-housing"] {
        assert!(
            body.contains(&format!(
                "{n} × {}",
                status_label(app::i18n::Locale::En, *status)
            )),
            "{status:?} {n}"
        );
    }
    assert_no_internal("/rights/adequate-housing", &body);
}

#[tokio::test]
async fn policy_area_page_lists_its_public_indicators() {
    let (status, body) = get("/policy/social-affairs").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Policy area"));
    assert!(body.contains("data-indicator=\"poverty-rate\""));
    assert_no_internal("/policy/social-affairs", &body);
}

#[tokio::test]
async fn areas_are_found_only_under_their_own_kind() {
    let (status, body) = get("/policy/adequate-housing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("There is no policy area “adequate-housing”"));
    let (status, _) = get("/rights/no-such-right").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn progress_page_shows_every_public_indicator_once_per_goal() {
    let (status, body) = get("/progress").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("49 indicators shown."));
    let statuses = expected_statuses().await;
    let per_goal: usize = statuses
        .public
        .by_goal
        .values()
        .flat_map(|c| c.values())
        .sum();
    assert_eq!(
        card_ids(&body).len(),
        per_goal + public_qualitative(None).await,
        "each indicator under each goal it maps to"
    );
    assert_no_internal("/progress", &body);
}

#[tokio::test]
async fn progress_page_filters_by_goal_and_area() {
    let (_, body) = get("/progress?goal=1").await;
    let ids = card_ids(&body);
    let statuses = expected_statuses().await;
    let goal1: usize = statuses.public.by_goal[&1].values().sum();
    assert_eq!(ids.len(), goal1 + public_qualitative(Some(1)).await);
    assert!(ids.contains(&"poverty-rate".to_owned()));
    assert!(
        body.contains("<option value=\"1\" selected"),
        "the form shows the filter"
    );

    let (_, body) = get("/progress?area=adequate-housing&group=rights").await;
    let ids = card_ids(&body);
    assert!(ids.contains(&"rent-burden".to_owned()));
    assert!(!ids.contains(&"poverty-rate".to_owned()), "{ids:?}");
}

#[tokio::test]
async fn progress_page_sorts_by_change_since_baseline() {
    let (_, body) = get("/progress?goal=11&sort=improved").await;
    let ids = card_ids(&body);
    let statuses = expected_statuses().await;
    let dataset = tokio::task::spawn_blocking(|| {
        indicators::read::read_dataset(&demo_dataset(), &|_, _, _| {}).dataset
    })
    .await
    .expect("read");
    // The improvement in the desired direction, in percent.
    let improvement = |id: &str| {
        let indicator = dataset.indicator(id).expect("indicator");
        if indicator.is_qualitative() {
            return None; // no status, no change: sorted last
        }
        let sign = indicator.direction.sign();
        headline(&statuses, id)
            .change_since_baseline
            .and_then(|c| c.percent)
            .map(|p| p * sign)
    };
    let values: Vec<f64> = ids.iter().filter_map(|id| improvement(id)).collect();
    assert!(values.len() >= 5, "{ids:?}");
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "most improved first: {values:?}"
    );
    let (_, body) = get("/progress?goal=11&sort=worsened").await;
    let worst_first: Vec<f64> = card_ids(&body)
        .iter()
        .filter_map(|id| improvement(id))
        .collect();
    assert!(
        worst_first.windows(2).all(|w| w[0] <= w[1]),
        "{worst_first:?}"
    );
}

#[tokio::test]
async fn bad_progress_filters_are_400s_that_say_what_to_choose() {
    let (status, body) = get("/progress?goal=99").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("The filter “goal=99” is not one we know"));
    let (status, body) = get("/progress?sort=random").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("status, improved, worsened or title"));
}

#[tokio::test]
async fn district_page_compares_the_district_with_the_city() {
    let (status, body) = get("/districts/S%C3%BCdfeld").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<h1>Südfeld</h1>"));
    assert!(body.contains("href=\"/indicators/rent-burden?Stadtteil=S%C3%BCdfeld\""));
    assert!(body.contains(" of 10, highest first"));
    assert_no_internal("/districts/Südfeld", &body);
    let (status, body) = get("/districts/Atlantis").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("No indicator is reported for the district “Atlantis”"));
}
