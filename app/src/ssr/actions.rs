//! "What the city does": the decisions, motions, programmes and budget
//! lines linked to a public indicator, worded for a page or the report.

use indicators::ActionKind;

use super::DashboardData;
use crate::format::{self, Locale};
use crate::i18n::t;
use crate::types::ActionView;

/// The actions linked to public indicator `indicator_id`: decisions and
/// motions first, newest first, then programmes, then budget lines by year.
pub fn action_views(data: &DashboardData, indicator_id: &str, locale: Locale) -> Vec<ActionView> {
    let mut linked: Vec<&indicators::Action> = data
        .public
        .actions
        .iter()
        .filter(|a| a.links(indicator_id))
        .collect();
    linked.sort_by(|a, b| {
        let rank = |k: ActionKind| match k {
            ActionKind::Decision | ActionKind::Motion => 0,
            ActionKind::Programme => 1,
            ActionKind::Budget => 2,
        };
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then_with(|| b.date.cmp(&a.date))
            .then_with(|| b.year.cmp(&a.year))
            .then_with(|| a.id.cmp(&b.id))
    });
    linked
        .into_iter()
        .map(|action| {
            let mut details: Vec<String> = Vec::new();
            if let Some(date) = &action.date {
                details.push(format::date(date, locale));
            }
            if let Some(reference) = &action.reference {
                details.push(reference.clone());
            }
            match action.budget() {
                Some((year, amount, currency)) => details.push(format!(
                    "{year}: {} {currency}",
                    format::number(amount, 0, locale)
                )),
                None => {
                    if let (Some(year), None) = (action.year, &action.date) {
                        details.push(year.to_string());
                    }
                }
            }
            ActionView {
                kind: action.kind,
                kind_label: t(locale, &format!("action-kind-{}", action.kind)),
                title: super::text(action.localized_title(locale.code()), locale),
                details: details.join(" · "),
                link: action.link.clone(),
            }
        })
        .collect()
}
