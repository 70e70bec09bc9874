//! `/progress`: every public indicator, filtered by goal or area, grouped by
//! goal, right or policy area, and sorted.

use std::cmp::Ordering;

use indicators::{Area, AreaKind, Indicator};

use super::DashboardData;
use crate::i18n::{tr, Locale};
use crate::params::{Group, Sort};
use crate::types::{CardGroup, Choice, IndicatorCard, ProgressView};
use crate::words::goal_title;

/// The overview for checked filters: `goal` a goal number, `area` an area
/// of the public dataset.
pub fn progress(
    data: &DashboardData,
    goal: Option<u8>,
    area: Option<&Area>,
    group: Group,
    sort: Sort,
    locale: Locale,
) -> ProgressView {
    let public = &data.public;
    let selected: Vec<&Indicator> = public
        .indicators
        .iter()
        .filter(|i| goal.is_none_or(|g| i.goals().contains(&g)))
        .filter(|i| area.is_none_or(|a| i.maps_to(a.kind, &a.id)))
        .collect();
    let cards_where = |keep: &dyn Fn(&Indicator) -> bool| {
        data.index
            .cards_for(selected.iter().copied().filter(|i| keep(i)), locale)
    };
    // An indicator shows in each group it maps to.
    let mut groups: Vec<CardGroup> = match group {
        Group::Goal => indicators::GOALS
            .iter()
            .filter(|g| goal.is_none_or(|n| n == g.number))
            .map(|g| CardGroup {
                heading: tr(
                    locale,
                    "goal-badge",
                    &[
                        ("n", g.number.to_string().into()),
                        ("title", goal_title(locale, g.number).into()),
                    ],
                ),
                cards: cards_where(&|i| i.goals().contains(&g.number)),
            })
            .collect(),
        Group::Rights | Group::Policy => {
            let kind = if group == Group::Rights {
                AreaKind::Rights
            } else {
                AreaKind::Policy
            };
            public
                .areas
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| CardGroup {
                    heading: a.localized_name(locale.code()).text.to_owned(),
                    cards: cards_where(&|i| i.maps_to(kind, &a.id)),
                })
                .collect()
        }
    };
    groups.retain(|g| !g.cards.is_empty());
    for g in &mut groups {
        sort_cards(&mut g.cards, sort);
    }
    ProgressView {
        groups,
        total: selected.len(),
        goal_choices: indicators::GOALS
            .iter()
            .map(|g| Choice {
                value: g.number.to_string(),
                label: format!("{} · {}", g.number, goal_title(locale, g.number)),
            })
            .collect(),
        area_choices: public
            .areas
            .iter()
            .map(|a| Choice {
                value: a.id.clone(),
                label: a.localized_name(locale.code()).text.to_owned(),
            })
            .collect(),
    }
}

/// Sorts cards in place; ties go by title.
pub fn sort_cards(cards: &mut [IndicatorCard], sort: Sort) {
    let by_title = |a: &IndicatorCard, b: &IndicatorCard| a.title.cmp(&b.title);
    match sort {
        // What needs attention first; no status last.
        Sort::Status => cards.sort_by(|a, b| {
            let rank = |c: &IndicatorCard| c.status.map_or(u8::MAX, |s| s.attention_rank());
            rank(a).cmp(&rank(b)).then_with(|| by_title(a, b))
        }),
        Sort::Improved => cards.sort_by(|a, b| {
            by_improvement(a.improvement, b.improvement, |x, y| y.total_cmp(&x))
                .then_with(|| by_title(a, b))
        }),
        Sort::Worsened => cards.sort_by(|a, b| {
            by_improvement(a.improvement, b.improvement, |x, y| x.total_cmp(&y))
                .then_with(|| by_title(a, b))
        }),
        Sort::Title => cards.sort_by(by_title),
    }
}

/// By improvement as `order` says, with cards that have no figure last.
fn by_improvement(
    x: Option<f64>,
    y: Option<f64>,
    order: impl Fn(f64, f64) -> Ordering,
) -> Ordering {
    let (x, y) = (x.filter(|v| v.is_finite()), y.filter(|v| v.is_finite()));
    match (x, y) {
        (Some(x), Some(y)) => order(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use crate::types::Text;
    use indicators::progress::ProgressStatus;

    use super::*;
    use crate::ssr::testing;

    fn card(
        title: &str,
        status: Option<ProgressStatus>,
        improvement: Option<f64>,
    ) -> IndicatorCard {
        IndicatorCard {
            id: title.to_lowercase(),
            title: Text::plain(title),
            status,
            latest: None,
            latest_period: None,
            change: None,
            improvement,
            sparkline_svg: String::new(),
            ..IndicatorCard::default()
        }
    }

    fn titles(cards: &[IndicatorCard]) -> Vec<&str> {
        cards.iter().map(|c| c.title.text.as_str()).collect()
    }

    #[test]
    fn sorts_put_attention_first_and_cards_without_figures_last() {
        let mut cards = vec![
            card("A", Some(ProgressStatus::TargetAchieved), Some(5.0)),
            card("B", None, None),
            card("C", Some(ProgressStatus::Deterioration), Some(-3.0)),
            card("D", Some(ProgressStatus::NotAvailable), Some(12.0)),
            card("E", Some(ProgressStatus::Deterioration), Some(f64::NAN)),
        ];
        sort_cards(&mut cards, Sort::Status);
        assert_eq!(titles(&cards), ["C", "E", "A", "D", "B"]);
        sort_cards(&mut cards, Sort::Improved);
        assert_eq!(titles(&cards), ["D", "A", "C", "B", "E"]);
        sort_cards(&mut cards, Sort::Worsened);
        assert_eq!(titles(&cards), ["C", "A", "D", "B", "E"]);
        sort_cards(&mut cards, Sort::Title);
        assert_eq!(titles(&cards), ["A", "B", "C", "D", "E"]);
    }

    #[test]
    fn filters_and_groups_count_each_indicator_once() {
        let data = testing::data();
        let all = progress(&data, None, None, Group::Goal, Sort::Status, Locale::En);
        assert_eq!(all.total, 3, "the internal indicator is not counted");
        let headings: Vec<&str> = all.groups.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Goal 1 · No poverty",
                "Goal 8 · Decent work and economic growth",
                "Goal 10 · Reduced inequalities"
            ]
        );
        let goal1 = progress(&data, Some(1), None, Group::Goal, Sort::Title, Locale::En);
        assert_eq!(goal1.total, 2);
        assert_eq!(titles(&goal1.groups[0].cards), ["By sex", "Poverty"]);
        let housing = data.area(AreaKind::Rights, "housing");
        let by_right = progress(&data, None, housing, Group::Rights, Sort::Title, Locale::En);
        assert_eq!(by_right.total, 1);
        assert_eq!(by_right.groups[0].heading, "Right to housing");
        assert_eq!(titles(&by_right.groups[0].cards), ["Poverty"]);
    }
}
