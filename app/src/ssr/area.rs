//! `/rights/{id}` and `/policy/{id}`: an area, its status summary and every
//! public indicator linked to it.

use indicators::Area;

use super::home::status_counts;
use super::DashboardData;
use crate::i18n::Locale;
use crate::types::AreaView;

/// The page for `area` (an area the server function found).
pub fn area(data: &DashboardData, area: &Area, locale: Locale) -> AreaView {
    let counts = data.statuses.public.by_area(area.kind).get(&area.id);
    let (ohchr_groups, recommendations) = super::area_rights::rights_of(data, area, locale);
    AreaView {
        id: area.id.clone(),
        kind: area.kind,
        name: super::text(area.localized_name(locale.code()), locale),
        instrument: area.instrument.clone(),
        article: area.article.clone(),
        rights_holders: area.rights_holders.clone(),
        status_counts: status_counts(counts),
        indicators: data.index.cards_for(
            data.public
                .indicators
                .iter()
                .filter(|i| i.maps_to(area.kind, &area.id)),
            locale,
        ),
        gaps: super::equality::area_gaps(data, area, locale),
        ohchr_groups,
        recommendations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;
    use indicators::AreaKind;

    #[test]
    fn an_area_lists_its_public_indicators_and_counts_only_them() {
        let data = testing::data();
        let social = data.area(AreaKind::Policy, "social").expect("social");
        let view = area(&data, social, Locale::En);
        let ids: Vec<&str> = view.indicators.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["poverty", "jobs"]);
        let counted: usize = view.status_counts.iter().map(|c| c.count).sum();
        assert_eq!(counted, 2, "secret maps here but is internal");
        assert!(
            data.area(AreaKind::Rights, "social").is_none(),
            "kinds are apart"
        );
    }
}
