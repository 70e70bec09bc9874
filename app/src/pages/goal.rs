//! `/goals/:n`: the goal, its targets, and the city's indicators under each.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params;

use super::goal_colours;
use crate::api::load_goal;
use crate::components::{loaded, CardList, StatusCounts};
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
    let goal = Resource::new(number, load_goal);
    loaded(goal, |goal: GoalView| {
        let with_data = goal
            .targets
            .iter()
            .filter(|t| !t.indicators.is_empty())
            .count();
        view! {
            <Title text=format!("Goal {}: {}", goal.number, goal.short_title)/>
            <article class="goal-page" style=goal_colours(&goal.colour, &goal.text_colour)>
                <p class="breadcrumb"><A href="/">"Goals"</A></p>
                <h1 class="goal-heading">
                    <span class="goal-number">{goal.number}</span>
                    " "
                    <span>{goal.short_title.clone()}</span>
                </h1>
                <p class="lead">{goal.title.clone()}</p>
                <StatusCounts counts=goal.status_counts/>
                <p>{format!("The city reports on {} of this goal's {} targets.", with_data, goal.targets.len())}</p>
                {goal.targets.into_iter().map(|t| view! {
                    <section class="target" id=format!("target-{}", t.id)>
                        <h2><span class="target-id">{format!("Target {}", t.id)}</span> " " <span class="target-title">{t.title}</span></h2>
                        <CardList cards=t.indicators class="cards"/>
                    </section>
                }).collect_view()}
            </article>
        }
    })
}
