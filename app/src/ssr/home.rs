//! `/`: the goals with data, what moved most, and the other ways in.

use indicators::aggregate::StatusCounts;
use indicators::{AreaKind, Dataset};

use super::DashboardData;
use crate::i18n::Locale;
use crate::types::{
    AreaLink, GoalSummary, HomeView, IndicatorCard, IndicatorLink, Movement, StatusCount,
};

/// How many indicators the "improved" and "worsened" strips show.
const STRIP_LENGTH: usize = 4;

pub fn home(data: &DashboardData, locale: Locale) -> HomeView {
    let code = locale.code();
    let (public, index) = (&data.public, &data.index);
    let goals = index
        .goals_with_data(&public.indicators)
        .into_iter()
        .filter_map(|number| {
            let goal = indicators::sdg::goal(number)?;
            let indicators = public
                .indicators
                .iter()
                .filter(|i| i.goals().contains(&number))
                .map(|i| IndicatorLink {
                    id: i.id.clone(),
                    title: super::text(i.localized_title(code), locale),
                    status: index.status_of(&i.id),
                })
                .collect();
            Some(GoalSummary {
                number,
                short_title: crate::words::goal_title(locale, number),
                colour: goal.colour.to_owned(),
                text_colour: goal.text_colour().to_owned(),
                indicators,
                // The public aggregate: internal indicators are not counted.
                status_counts: status_counts(data.statuses.public.by_goal.get(&number)),
            })
        })
        .collect();
    let cards = index.cards_for(&public.indicators, locale);
    let (improved, worsened) = movers(cards.iter());
    HomeView {
        goals,
        improved,
        worsened,
        rights: area_links(public, AreaKind::Rights, locale),
        policies: area_links(public, AreaKind::Policy, locale),
        districts: index.districts.clone(),
    }
}

/// The cards that improved most and worsened most since their baseline, by
/// percent change in the desired direction (ties by id).
pub fn movers<'a>(
    cards: impl Iterator<Item = &'a IndicatorCard>,
) -> (Vec<IndicatorCard>, Vec<IndicatorCard>) {
    let mut moved: Vec<&IndicatorCard> = cards
        .filter(|c| c.improvement.is_some_and(f64::is_finite))
        .collect();
    moved.sort_by(|a, b| {
        b.improvement
            .unwrap_or_default()
            .total_cmp(&a.improvement.unwrap_or_default())
            .then_with(|| a.id.cmp(&b.id))
    });
    let moving = |movement: Movement| {
        move |c: &&&IndicatorCard| c.change.as_ref().is_some_and(|ch| ch.movement == movement)
    };
    let improved = moved
        .iter()
        .filter(moving(Movement::Better))
        .take(STRIP_LENGTH)
        .map(|c| (*c).clone())
        .collect();
    let worsened = moved
        .iter()
        .rev()
        .filter(moving(Movement::Worse))
        .take(STRIP_LENGTH)
        .map(|c| (*c).clone())
        .collect();
    (improved, worsened)
}

/// Counts per status, best first.
pub fn status_counts(counts: Option<&StatusCounts>) -> Vec<StatusCount> {
    counts
        .map(|m| {
            m.iter()
                .map(|(status, count)| StatusCount {
                    status: *status,
                    count: *count,
                })
                .collect()
        })
        .unwrap_or_default()
}

fn area_links(public: &Dataset, kind: AreaKind, locale: Locale) -> Vec<AreaLink> {
    public
        .areas
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| AreaLink {
            id: a.id.clone(),
            name: super::text(a.localized_name(locale.code()), locale),
            kind,
            indicators: public
                .indicators
                .iter()
                .filter(|i| i.maps_to(kind, &a.id))
                .count(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn movers_split_by_movement_and_rank_by_improvement() {
        let data = testing::data();
        let view = home(&data, Locale::En);
        let ids = |cards: &[IndicatorCard]| cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
        // poverty fell 20 % (better), by-sex-only's female series fell 41.7 %
        // (better), jobs fell 7.1 % while higher is better (worse).
        assert_eq!(ids(&view.improved), ["by-sex-only", "poverty"]);
        assert_eq!(ids(&view.worsened), ["jobs"]);
    }

    #[test]
    fn ways_in_count_public_indicators_only() {
        let view = home(&testing::data(), Locale::En);
        assert_eq!(view.rights.len(), 1);
        assert_eq!(
            (view.rights[0].kind, view.rights[0].indicators),
            (AreaKind::Rights, 1),
            "secret maps to housing too but is internal"
        );
        assert_eq!(view.policies[0].indicators, 2);
        assert_eq!(view.districts, ["Nord", "Süd"]);
        let goal1 = view.goals.iter().find(|g| g.number == 1).expect("goal 1");
        let total: usize = goal1.status_counts.iter().map(|c| c.count).sum();
        assert_eq!(total, 2, "poverty and by-sex-only; secret is not counted");
        assert!(goal1.indicators.iter().all(|i| i.id != "secret"));
    }
}
