//! `/goals/:n`: the goal, its targets, and the city's indicators under each.

use leptos::prelude::*;
use leptos_meta::{Link, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params;

use super::goal_colours;
use crate::api::load_goal;
use crate::components::{loaded, CardList, StatusCounts, Translated};
use crate::i18n::{t, tr, use_locale};
use crate::params::GoalParams;
use crate::types::GoalView;

#[component]
pub fn GoalPage() -> impl IntoView {
    let params = use_params::<GoalParams>();
    let number = move || {
        params
            .read()
            .as_ref()
            .map(|p| p.n.clone())
            .unwrap_or_default()
    };
    let locale = use_locale();
    let goal = Resource::new(number, move |n| load_goal(n, locale));
    loaded(goal, move |goal: GoalView| {
        let with_data = goal
            .targets
            .iter()
            .filter(|t| !t.indicators.is_empty())
            .count();
        view! {
            <Title text=tr(locale, "goal-title", &[("n", goal.number.to_string().into()), ("title", goal.short_title.clone().into())])/>
            <Link rel="alternate" type_="application/atom+xml" href=locale.href(&format!("/feeds/goals/{}.atom", goal.number)) title=t(locale, "feed-link-title")/>
            <article class="goal-page" style=goal_colours(&goal.colour, &goal.text_colour)>
                <p class="breadcrumb"><A href=locale.href("/")>{t(locale, "nav-goals")}</A></p>
                <h1 class="goal-heading">
                    <span class="goal-number">{goal.number}</span>
                    " "
                    <span>{goal.short_title.clone()}</span>
                </h1>
                <p class="lead"><Translated text=goal.title.clone()/></p>
                <StatusCounts counts=goal.status_counts/>
                <p>{tr(locale, "goal-targets-reported", &[("with", with_data.to_string().into()), ("total", goal.targets.len().to_string().into())])}</p>
                {goal.targets.into_iter().map(|t| view! {
                    <section class="target" id=format!("target-{}", t.id)>
                        <h2><span class="target-id">{tr(locale, "target-label", &[("id", t.id.clone().into())])}</span> " " <span class="target-title"><Translated text=t.title/></span></h2>
                        <CardList cards=t.indicators class="cards"/>
                    </section>
                }).collect_view()}
            </article>
        }
    })
}
