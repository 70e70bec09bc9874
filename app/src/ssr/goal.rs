//! `/goals/{n}`: a goal, all its UN targets and the city's indicators under each.

use indicators::Goal;

use super::home::status_counts;
use super::DashboardData;
use crate::i18n::Locale;
use crate::types::{GoalView, TargetView};

/// The page for `goal` (a goal the server function found).
pub fn goal(data: &DashboardData, goal: &Goal, locale: Locale) -> GoalView {
    let framework = indicators::sdg::framework();
    let title = framework
        .goal_titles
        .iter()
        .find(|(n, _)| *n == goal.number)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| goal.short_title.to_owned());
    let targets = framework
        .targets_of_goal(goal.number)
        .map(|t| TargetView {
            id: t.id.clone(),
            title: super::english(&t.title, locale),
            // An indicator mapped to several targets shows under each.
            indicators: data.index.cards_for(
                data.public
                    .indicators
                    .iter()
                    .filter(|i| i.sdg_targets.contains(&t.id)),
                locale,
            ),
        })
        .collect();
    GoalView {
        number: goal.number,
        short_title: crate::words::goal_title(locale, goal.number),
        title: super::english(&title, locale),
        colour: goal.colour.to_owned(),
        text_colour: goal.text_colour().to_owned(),
        status_counts: status_counts(data.statuses.public.by_goal.get(&goal.number)),
        targets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn every_target_is_listed_with_the_public_indicators_mapped_to_it() {
        let data = testing::data();
        let view = goal(&data, indicators::sdg::goal(1).expect("goal 1"), Locale::En);
        assert_eq!(view.targets.len(), 7);
        let ids = |target: &str| -> Vec<String> {
            view.targets
                .iter()
                .find(|t| t.id == target)
                .map(|t| t.indicators.iter().map(|c| c.id.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(ids("1.2"), ["poverty", "by-sex-only"]);
        assert!(ids("1.1").is_empty());
        let ten = goal(
            &data,
            indicators::sdg::goal(10).expect("goal 10"),
            Locale::En,
        );
        assert!(ten
            .targets
            .iter()
            .any(|t| t.id == "10.2" && t.indicators.iter().any(|c| c.id == "poverty")));
    }
}
