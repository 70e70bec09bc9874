//! `/`: the goals, what moved most, and the ways in by right, policy area
//! and district.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::goal_colours;
use crate::api::load_home;
use crate::components::{loaded, AreaList, CardList, DistrictLinks, StatusBadge, StatusCounts};
use crate::types::{GoalSummary, HomeView};

#[component]
pub fn HomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| load_home());
    view! {
        <Title text="Goals"/>
        <h1>"Our city and the Sustainable Development Goals"</h1>
        <p class="lead">"How the city is doing on each goal, from the city's own indicators. "
            <A href="/progress">"See every indicator at a glance"</A> "."</p>
        {loaded(home, |home: HomeView| view! { <HomeContent home/> })}
    }
}

#[component]
fn HomeContent(home: HomeView) -> impl IntoView {
    view! {
        <section class="movers" aria-labelledby="movers-heading">
            <h2 id="movers-heading">"What changed most since the baseline"</h2>
            <div class="movers-columns">
                <div>
                    <h3>"Improved most"</h3>
                    <CardList cards=home.improved class="cards improved"/>
                </div>
                <div>
                    <h3>"Worsened most"</h3>
                    <CardList cards=home.worsened class="cards worsened"/>
                </div>
            </div>
        </section>
        <h2>"By goal"</h2>
        {if home.goals.is_empty() {
            Either::Left(view! { <p class="empty">"No indicator has data yet."</p> })
        } else {
            Either::Right(view! {
                <ul class="goals">
                    {home.goals.into_iter().map(|goal| view! { <GoalTile goal/> }).collect_view()}
                </ul>
            })
        }}
        <section class="ways-in">
            <div>
                <h2>"By human right"</h2>
                <AreaList areas=home.rights/>
            </div>
            <div>
                <h2>"By policy area"</h2>
                <AreaList areas=home.policies/>
            </div>
            <div>
                <h2>"By district"</h2>
                <DistrictLinks districts=home.districts/>
            </div>
        </section>
    }
}

/// A goal in its colour, with its indicators and their statuses.
#[component]
fn GoalTile(goal: GoalSummary) -> impl IntoView {
    view! {
        <li class="goal" id=format!("goal-{}", goal.number) style=goal_colours(&goal.colour, &goal.text_colour)>
            <h3>
                <A href=format!("/goals/{}", goal.number) attr:class="goal-link">
                    <span class="goal-number">{goal.number}</span>
                    <span class="goal-title">{goal.short_title}</span>
                </A>
            </h3>
            <StatusCounts counts=goal.status_counts/>
            <ul class="indicator-links">
                {goal.indicators.into_iter().map(|i| view! {
                    <li>
                        <A href=format!("/indicators/{}", i.id)>{i.title}</A>
                        " "
                        {i.status.map(|status| view! { <StatusBadge status/> })}
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}
