//! `/recommendations?status=&source=`: every recommendation the city
//! received, with its response and follow-up, filterable by status and by
//! source with a plain form (no JavaScript needed).

use indicators::model::FollowUpStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query;

use crate::api::load_recommendations;
use crate::components::{loaded, RecommendationList};
use crate::error::AppError;
use crate::i18n::{t, tr, use_locale, Locale};
use crate::params::RecommendationsQuery;
use crate::types::RecommendationsView;

#[component]
pub fn RecommendationsPage() -> impl IntoView {
    let query = use_query::<RecommendationsQuery>();
    let current = move || query.get().map_err(|err| AppError::from_params(&err));
    let locale = use_locale();
    let list = Resource::new(current, move |query| async move {
        load_recommendations(query?, locale).await
    });
    view! {
        <Title text=t(locale, "recommendation-title")/>
        <h1>{t(locale, "recommendation-title")}</h1>
        <p class="lead">{t(locale, "recommendation-lead")}</p>
        {loaded(list, move |view_data: RecommendationsView| {
            let query = current().unwrap_or_default();
            view! { <Recommendations view_data query locale/> }
        })}
    }
}

/// One `<option>`, selected when it is the current value.
fn choice(value: &str, label: &str, current: &str) -> impl IntoView {
    view! { <option value=value.to_owned() selected=value == current>{label.to_owned()}</option> }
}

/// `/recommendations?status=…&source=…` with the empty ones left out.
fn address(locale: Locale, status: Option<FollowUpStatus>, source: &str) -> String {
    let mut pairs = Vec::new();
    if let Some(status) = status {
        pairs.push(format!("status={status}"));
    }
    if !source.is_empty() {
        pairs.push(format!("source={source}"));
    }
    if pairs.is_empty() {
        locale.href("/recommendations")
    } else {
        locale.href(&format!("/recommendations?{}", pairs.join("&")))
    }
}

#[component]
fn Recommendations(
    view_data: RecommendationsView,
    query: RecommendationsQuery,
    locale: Locale,
) -> impl IntoView {
    let w = move |key: &str| t(locale, key);
    let status = query.status.0.map(|s| s.as_str()).unwrap_or_default();
    let source = query.source.0.map(|s| s.as_str()).unwrap_or_default();
    let shown = view_data.items.len();
    // The static export has no server to answer the form: the status
    // counts below link the pre-rendered pages of each status.
    #[cfg(feature = "ssr")]
    let exporting = crate::ssr::export::exporting();
    #[cfg(not(feature = "ssr"))]
    let exporting = false;
    view! {
        {exporting.then(|| view! { <p class="export-live">{w("export-filter-live")}</p> })}
        {(!exporting).then(|| view! {
        <form method="get" action=locale.href("/recommendations") class="filters">
            <label>{w("recommendation-filter-status")} " "
                <select name="status">
                    {choice("", &w("recommendation-all-statuses"), status)}
                    {view_data.status_choices.iter().map(|c| choice(&c.value, &c.label, status)).collect_view()}
                </select>
            </label>
            <label>{w("recommendation-filter-source")} " "
                <select name="source">
                    {choice("", &w("recommendation-all-sources"), source)}
                    {view_data.source_choices.iter().map(|c| choice(&c.value, &c.label, source)).collect_view()}
                </select>
            </label>
            <button type="submit">{w("apply")}</button>
        </form>
        })}
        <section class="follow-up-summary" aria-labelledby="follow-up-heading">
            <h2 id="follow-up-heading">{w("recommendation-counts-heading")}</h2>
            <ul class="follow-up-counts">
                {view_data.counts.into_iter().map(|c| {
                    let current = query.status.0 == Some(c.status);
                    view! {
                        <li class=format!("follow-up follow-up-{}", c.status)>
                            <A href=address(locale, Some(c.status), source) attr:aria-current=current.then_some("true")>
                                {format!("{}: {}", c.label, c.count)}
                            </A>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <h2>{tr(locale, "recommendation-shown", &[("n", shown.into()), ("total", view_data.total.into())])}</h2>
        {(query != RecommendationsQuery::default()).then(|| view! {
            <p><A href=address(locale, None, "")>{w("recommendation-clear-filters")}</A></p>
        })}
        <RecommendationList items=view_data.items/>
    }
}
