//! `/progress?goal=&area=&group=&sort=`: every public indicator at a glance.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query;

use crate::api::load_progress;
use crate::components::{loaded, CardList};
use crate::error::AppError;
use crate::i18n::{t, tr, use_locale};
use crate::params::{Group, ProgressQuery, Sort};
use crate::types::ProgressView;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let query = use_query::<ProgressQuery>();
    let current = move || query.get().map_err(|err| AppError::from_params(&err));
    let locale = use_locale();
    let overview = Resource::new(current, move |query| async move {
        load_progress(query?, locale).await
    });
    view! {
        <Title text=t(locale, "progress-title")/>
        <h1>{t(locale, "progress-title")}</h1>
        <p class="lead">{t(locale, "progress-lead")}</p>
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
    let locale = use_locale();
    let w = |key: &str| t(locale, key);
    view! {
        <form method="get" action=locale.href("/progress") class="filters">
            <label>{w("filter-goal")} " "
                <select name="goal">
                    {choice("", &w("filter-all-goals"), &goal)}
                    {view_data.goal_choices.iter().map(|c| choice(&c.value, &c.label, &goal)).collect_view()}
                </select>
            </label>
            <label>{w("filter-area")} " "
                <select name="area">
                    {choice("", &w("filter-all-areas"), &area)}
                    {view_data.area_choices.iter().map(|c| choice(&c.value, &c.label, &area)).collect_view()}
                </select>
            </label>
            <label>{w("filter-group")} " "
                <select name="group">
                    {choice("", &w("group-goal"), group)}
                    {choice(Group::Rights.as_str(), &w("group-rights"), group)}
                    {choice(Group::Policy.as_str(), &w("group-policy"), group)}
                </select>
            </label>
            <label>{w("filter-sort")} " "
                <select name="sort">
                    {choice("", &w("sort-status"), sort)}
                    {choice(Sort::Improved.as_str(), &w("sort-improved"), sort)}
                    {choice(Sort::Worsened.as_str(), &w("sort-worsened"), sort)}
                    {choice(Sort::Title.as_str(), &w("sort-title"), sort)}
                </select>
            </label>
            <button type="submit">{w("apply")}</button>
        </form>
        <p class="result-count">{tr(locale, "progress-count", &[("n", view_data.total.into())])}</p>
        {view_data.groups.into_iter().map(|group| view! {
            <section class="progress-group">
                <h2>{group.heading}</h2>
                <CardList cards=group.cards class="cards"/>
            </section>
        }).collect_view()}
    }
}
