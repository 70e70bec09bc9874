//! `/`: the goals, what moved most, and the ways in by right, policy area
//! and district.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Link, Title};
use leptos_router::components::A;

use super::goal_colours;
use crate::api::load_home;
use crate::components::{
    loaded, AreaList, CardList, DistrictLinks, StatusBadge, StatusCounts, Translated,
};
use crate::i18n::{t, use_locale};
use crate::types::{GoalSummary, HomeView};

#[component]
pub fn HomePage() -> impl IntoView {
    let locale = use_locale();
    let home = Resource::new(|| (), move |_| load_home(locale));
    view! {
        <Title text=t(locale, "home-title")/>
        <Link rel="alternate" type_="application/atom+xml" href=locale.href("/feeds/site.atom") title=t(locale, "feed-link-title")/>
        <h1>{t(locale, "home-heading")}</h1>
        <p class="lead">{t(locale, "home-lead")} " "
            <A href=locale.href("/progress")>{t(locale, "home-lead-link")}</A> "."</p>
        {loaded(home, |home: HomeView| view! { <HomeContent home/> })}
    }
}

#[component]
fn HomeContent(home: HomeView) -> impl IntoView {
    let locale = use_locale();
    view! {
        <section class="movers" aria-labelledby="movers-heading">
            <h2 id="movers-heading">{t(locale, "movers-heading")}</h2>
            <div class="movers-columns">
                <div>
                    <h3>{t(locale, "improved-most")}</h3>
                    <CardList cards=home.improved class="cards improved"/>
                </div>
                <div>
                    <h3>{t(locale, "worsened-most")}</h3>
                    <CardList cards=home.worsened class="cards worsened"/>
                </div>
            </div>
        </section>
        <h2>{t(locale, "by-goal")}</h2>
        {if home.goals.is_empty() {
            Either::Left(view! { <p class="empty">{t(locale, "no-data-yet")}</p> })
        } else {
            Either::Right(view! {
                <ul class="goals">
                    {home.goals.into_iter().map(|goal| view! { <GoalTile goal/> }).collect_view()}
                </ul>
            })
        }}
        <section class="ways-in">
            <div>
                <h2>{t(locale, "by-right")}</h2>
                <AreaList areas=home.rights/>
            </div>
            <div>
                <h2>{t(locale, "by-policy")}</h2>
                <AreaList areas=home.policies/>
            </div>
            <div>
                <h2>{t(locale, "by-district")}</h2>
                <DistrictLinks districts=home.districts/>
            </div>
        </section>
    }
}

/// A goal in its colour, with its indicators and their statuses.
#[component]
fn GoalTile(goal: GoalSummary) -> impl IntoView {
    let locale = use_locale();
    view! {
        <li class="goal" id=format!("goal-{}", goal.number) style=goal_colours(&goal.colour, &goal.text_colour)>
            <h3>
                <A href=locale.href(&format!("/goals/{}", goal.number)) attr:class="goal-link">
                    <span class="goal-number">{goal.number}</span>
                    <span class="goal-title">{goal.short_title}</span>
                </A>
            </h3>
            <StatusCounts counts=goal.status_counts/>
            <ul class="indicator-links">
                {goal.indicators.into_iter().map(|i| view! {
                    <li>
                        <A href=locale.href(&format!("/indicators/{}", i.id))><Translated text=i.title/></A>
                        " "
                        {i.status.map(|status| view! { <StatusBadge status/> })}
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}
