//! `/progress?goal=&area=&group=&sort=`: every public indicator at a glance.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query;

use crate::api::load_progress;
use crate::components::{loaded, CardList};
use crate::error::AppError;
use crate::params::{Group, ProgressQuery, Sort};
use crate::types::ProgressView;
use crate::words::plural;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let query = use_query::<ProgressQuery>();
    let current = move || query.get().map_err(|err| AppError::from_params(&err));
    let overview = Resource::new(current, |query| async move { load_progress(query?).await });
    view! {
        <Title text="Progress at a glance"/>
        <h1>"Progress at a glance"</h1>
        <p class="lead">"Every public indicator with its latest value, change since the baseline and status."</p>
        {loaded(overview, move |view_data: ProgressView| {
            let query = current().unwrap_or_default();
            view! { <ProgressContent view_data query/> }
        })}
    }
}

/// One `<option>`, selected when it is the current value.
fn choice(value: &str, label: &str, current: &str) -> impl IntoView {
    view! { <option value=value.to_owned() selected=value == current>{label.to_owned()}</option> }
}

#[component]
fn ProgressContent(view_data: ProgressView, query: ProgressQuery) -> impl IntoView {
    let goal = query.goal.0.map(|n| n.to_string()).unwrap_or_default();
    let area = query.area.0.clone().unwrap_or_default();
    // The defaults are the empty choice, so an address only names what was
    // changed (`?goal=1`, not `?goal=1&group=goal&sort=status`).
    let named = |name: &'static str, default: bool| if default { "" } else { name };
    let group = named(query.group.as_str(), query.group == Group::default());
    let sort = named(query.sort.as_str(), query.sort == Sort::default());
    view! {
        <form method="get" action="/progress" class="filters">
            <label>"Goal "
                <select name="goal">
                    {choice("", "All goals", &goal)}
                    {view_data.goal_choices.iter().map(|c| choice(&c.value, &c.label, &goal)).collect_view()}
                </select>
            </label>
            <label>"Area "
                <select name="area">
                    {choice("", "All areas", &area)}
                    {view_data.area_choices.iter().map(|c| choice(&c.value, &c.label, &area)).collect_view()}
                </select>
            </label>
            <label>"Group by "
                <select name="group">
                    {choice("", "Goal", group)}
                    {choice(Group::Rights.as_str(), "Human right", group)}
                    {choice(Group::Policy.as_str(), "Policy area", group)}
                </select>
            </label>
            <label>"Sort by "
                <select name="sort">
                    {choice("", "Status (needs attention first)", sort)}
                    {choice(Sort::Improved.as_str(), "Change since baseline (most improved first)", sort)}
                    {choice(Sort::Worsened.as_str(), "Change since baseline (most worsened first)", sort)}
                    {choice(Sort::Title.as_str(), "Title", sort)}
                </select>
            </label>
            <button type="submit">"Apply"</button>
        </form>
        <p class="result-count">{format!("{} shown.", plural(view_data.total, "indicator"))}</p>
        {view_data.groups.into_iter().map(|group| view! {
            <section class="progress-group">
                <h2>{group.heading}</h2>
                <CardList cards=group.cards class="cards"/>
            </section>
        }).collect_view()}
    }
}
