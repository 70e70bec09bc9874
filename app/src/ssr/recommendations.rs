//! `/recommendations` and a rights area's recommendations: what treaty
//! bodies, the UPR, the city's human-rights council or an ombudsperson
//! recommended, the city's response and the follow-up. Everything is read
//! from the public dataset, whose recommendations have lost their links to
//! internal indicators; a link is shown only to an indicator the public
//! dataset has.

use indicators::model::{FollowUpStatus, Recommendation, RecommendationSource};
use indicators::AreaKind;

use super::DashboardData;
use crate::format::{self, Locale};
use crate::i18n::t;
use crate::types::{
    Badge, Choice, DateView, FollowUpCount, RecommendationView, RecommendationsView,
};

/// `treaty-body` → `UN treaty body`.
pub fn source_label(source: RecommendationSource, locale: Locale) -> String {
    t(locale, &format!("recommendation-source-{source}"))
}

/// `in-progress` → `In progress`.
pub fn status_label(status: FollowUpStatus, locale: Locale) -> String {
    t(locale, &format!("recommendation-status-{status}"))
}

fn day(iso: &str, locale: Locale) -> DateView {
    DateView {
        iso: iso.to_owned(),
        text: format::date(iso, locale),
    }
}

/// One recommendation as a page shows it.
pub fn recommendation_view(
    data: &DashboardData,
    recommendation: &Recommendation,
    locale: Locale,
) -> RecommendationView {
    let code = locale.code();
    RecommendationView {
        id: recommendation.id.clone(),
        source_kind: recommendation.source_kind,
        source_label: source_label(recommendation.source_kind, locale),
        source_name: recommendation.source_name.clone(),
        date: day(&recommendation.date, locale),
        text: super::text(recommendation.localized_text(code), locale),
        response: super::text(recommendation.localized_response(code), locale),
        areas: recommendation
            .rights_areas
            .iter()
            .filter_map(|id| data.area(AreaKind::Rights, id))
            .map(|area| Badge {
                id: area.id.clone(),
                name: super::text(area.localized_name(code), locale),
            })
            .collect(),
        indicators: recommendation
            .indicators
            .iter()
            .filter_map(|id| data.public_indicator(id))
            .map(|indicator| Badge {
                id: indicator.id.clone(),
                name: super::text(indicator.localized_title(code), locale),
            })
            .collect(),
        status: recommendation.status,
        status_label: status_label(recommendation.status, locale),
        status_date: recommendation
            .status_date
            .as_deref()
            .map(|d| day(d, locale)),
        due_date: recommendation.due_date.as_deref().map(|d| day(d, locale)),
        link: recommendation.link.clone(),
    }
}

/// Newest first, then by id.
fn newest_first(list: &mut [&Recommendation]) {
    list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
}

/// The recommendations that name rights area `area_id`, newest first.
pub fn for_area(data: &DashboardData, area_id: &str, locale: Locale) -> Vec<RecommendationView> {
    let mut list: Vec<&Recommendation> = data
        .public
        .supplements
        .recommendations
        .iter()
        .filter(|r| r.rights_areas.iter().any(|a| a == area_id))
        .collect();
    newest_first(&mut list);
    list.into_iter()
        .map(|r| recommendation_view(data, r, locale))
        .collect()
}

/// `/recommendations`: those of `status` and `source` (either `None`: all),
/// newest first, with the counts per status over the chosen source.
pub fn recommendations(
    data: &DashboardData,
    status: Option<FollowUpStatus>,
    source: Option<RecommendationSource>,
    locale: Locale,
) -> RecommendationsView {
    let all = &data.public.supplements.recommendations;
    let of_source: Vec<&Recommendation> = all
        .iter()
        .filter(|r| source.is_none_or(|s| r.source_kind == s))
        .collect();
    let counts = FollowUpStatus::ALL
        .iter()
        .map(|&s| FollowUpCount {
            status: s,
            label: status_label(s, locale),
            count: of_source.iter().filter(|r| r.status == s).count(),
        })
        .collect();
    let mut shown: Vec<&Recommendation> = of_source
        .into_iter()
        .filter(|r| status.is_none_or(|s| r.status == s))
        .collect();
    newest_first(&mut shown);
    RecommendationsView {
        items: shown
            .into_iter()
            .map(|r| recommendation_view(data, r, locale))
            .collect(),
        total: all.len(),
        counts,
        status_choices: FollowUpStatus::ALL
            .iter()
            .map(|&s| Choice {
                value: s.as_str().to_owned(),
                label: status_label(s, locale),
            })
            .collect(),
        source_choices: RecommendationSource::ALL
            .iter()
            .map(|&s| Choice {
                value: s.as_str().to_owned(),
                label: source_label(s, locale),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing_rights as testing;

    fn ids(view: &RecommendationsView) -> Vec<&str> {
        view.items.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn every_recommendation_newest_first_without_filters() {
        let data = testing::data();
        let view = recommendations(&data, None, None, Locale::En);
        assert_eq!(ids(&view), ["council-1", "cescr-1", "upr-1", "ombuds-1"]);
        assert_eq!(view.total, 4);
        let counts: Vec<(FollowUpStatus, usize)> =
            view.counts.iter().map(|c| (c.status, c.count)).collect();
        assert_eq!(
            counts,
            [
                (FollowUpStatus::NotStarted, 1),
                (FollowUpStatus::InProgress, 1),
                (FollowUpStatus::Implemented, 1),
                (FollowUpStatus::Rejected, 1),
            ]
        );
    }

    #[test]
    fn filtering_by_status_keeps_exactly_those_of_that_status() {
        let data = testing::data();
        let view = recommendations(&data, Some(FollowUpStatus::InProgress), None, Locale::En);
        assert_eq!(ids(&view), ["cescr-1"]);
        assert!(view
            .items
            .iter()
            .all(|r| r.status == FollowUpStatus::InProgress && r.status_label == "In progress"));
        let view = recommendations(&data, Some(FollowUpStatus::Rejected), None, Locale::Nl);
        assert_eq!(ids(&view), ["ombuds-1"]);
        assert_eq!(view.items[0].status_label, "Afgewezen");
    }

    #[test]
    fn filtering_by_source_keeps_exactly_those_of_that_source_and_counts_them() {
        let data = testing::data();
        let view = recommendations(&data, None, Some(RecommendationSource::Upr), Locale::En);
        assert_eq!(ids(&view), ["upr-1"]);
        assert_eq!(view.items[0].source_label, "Universal Periodic Review");
        let counted: usize = view.counts.iter().map(|c| c.count).sum();
        assert_eq!(counted, 1, "the counts follow the chosen source");
        let both = recommendations(
            &data,
            Some(FollowUpStatus::Implemented),
            Some(RecommendationSource::Upr),
            Locale::En,
        );
        assert!(both.items.is_empty());
    }

    #[test]
    fn a_recommendation_shows_its_texts_dates_and_public_links_only() {
        let data = testing::data();
        let view = recommendations(
            &data,
            None,
            Some(RecommendationSource::TreatyBody),
            Locale::Nl,
        );
        let cescr = &view.items[0];
        assert_eq!(cescr.text.text, "Tekst van cescr-1");
        assert_eq!(
            (
                cescr.response.text.as_str(),
                cescr.response.fallback.as_deref()
            ),
            ("Response to cescr-1", Some("en")),
            "an untranslated response is marked"
        );
        assert_eq!(cescr.source_name, "CESCR");
        assert_eq!(cescr.date.text, "1 maart 2023");
        assert_eq!(
            cescr.due_date.as_ref().map(|d| d.iso.as_str()),
            Some("2026-12-31")
        );
        let linked: Vec<&str> = cescr.indicators.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(linked, ["poverty"], "secret is internal");
        let areas: Vec<&str> = cescr.areas.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(areas, ["housing"]);
        let ombuds = recommendations(&data, Some(FollowUpStatus::Rejected), None, Locale::En);
        assert!(
            ombuds.items[0].indicators.is_empty(),
            "its only link was secret"
        );
        let json =
            serde_json::to_string(&recommendations(&data, None, None, Locale::En)).expect("json");
        assert!(!json.contains("secret") && !json.contains("Secret"));
    }

    #[test]
    fn an_area_lists_the_recommendations_that_name_it() {
        let data = testing::data();
        let listed: Vec<String> = for_area(&data, "housing", Locale::En)
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(listed, ["council-1", "cescr-1", "upr-1", "ombuds-1"]);
        assert!(for_area(&data, "social", Locale::En).is_empty());
    }
}
