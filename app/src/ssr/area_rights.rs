//! The rights half of a rights-area page: its indicators grouped by OHCHR
//! type (when the catalogue gives any type), and the recommendations that
//! name it (policy areas have neither).

use indicators::{Area, AreaKind, Indicator};

use super::DashboardData;
use crate::format::Locale;
use crate::types::{OhchrGroup, RecommendationView};

/// `area`'s public indicators by OHCHR type and its recommendations, newest
/// first; both empty for a policy area.
pub fn rights_of(
    data: &DashboardData,
    area: &Area,
    locale: Locale,
) -> (Vec<OhchrGroup>, Vec<RecommendationView>) {
    if area.kind != AreaKind::Rights {
        return (Vec::new(), Vec::new());
    }
    let indicators: Vec<&Indicator> = data
        .public
        .indicators
        .iter()
        .filter(|i| i.maps_to(area.kind, &area.id))
        .collect();
    let cards = data.index.cards_for(indicators.iter().copied(), locale);
    // Without any type given, one "type not given" heading says nothing:
    // the page keeps its plain list.
    let groups = if indicators.iter().any(|i| i.ohchr_type.is_some()) {
        super::qualitative::ohchr_groups(&indicators, &cards, locale)
    } else {
        Vec::new()
    };
    (
        groups,
        super::recommendations::for_area(data, &area.id, locale),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing_rights as testing;

    #[test]
    fn a_rights_area_groups_its_public_indicators_by_type_in_the_framework_order() {
        let data = testing::data();
        let housing = data.area(AreaKind::Rights, "housing").expect("housing");
        let (groups, recommendations) = rights_of(&data, housing, Locale::En);
        let seen: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.heading.as_str(),
                    g.cards.iter().map(|c| c.id.as_str()).collect(),
                )
            })
            .collect();
        // `secret` (internal, process) leaves the process group empty: no heading.
        assert_eq!(
            seen,
            [
                ("Structure indicators", vec!["office"]),
                ("Outcome indicators", vec!["poverty"]),
            ]
        );
        assert!(groups.iter().all(|g| !g.explanation.is_empty()));
        assert_eq!(recommendations.len(), 4);
        let social = data.area(AreaKind::Policy, "social").expect("social");
        assert_eq!(
            rights_of(&data, social, Locale::En),
            (Vec::new(), Vec::new())
        );
    }

    #[test]
    fn indicators_without_a_type_come_last_under_their_own_heading() {
        let mut dataset = testing::dataset();
        for indicator in &mut dataset.indicators {
            if indicator.id == "poverty" {
                indicator.ohchr_type = None;
            }
        }
        let data = crate::ssr::testing::data_of(dataset);
        let housing = data.area(AreaKind::Rights, "housing").expect("housing");
        let (groups, _) = rights_of(&data, housing, Locale::Nl);
        let kinds: Vec<Option<indicators::model::OhchrType>> =
            groups.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, [Some(indicators::model::OhchrType::Structure), None]);
        assert_eq!(groups[1].cards[0].id, "poverty");
    }

    #[test]
    fn an_area_without_any_type_keeps_its_plain_list() {
        let data = crate::ssr::testing::data();
        let housing = data.area(AreaKind::Rights, "housing").expect("housing");
        let (groups, recommendations) = rights_of(&data, housing, Locale::En);
        assert!(groups.is_empty() && recommendations.is_empty());
    }
}
