//! `/search?q=`: public indicators found by their words, without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::search_indicators;
use crate::components::{loaded, Card};
use crate::i18n::{t, tr, use_locale, Locale};
use crate::types::SearchView;

#[component]
pub fn SearchPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let found = Resource::new(q, move |q| search_indicators(q, locale));
    view! {
        <Title text=t(locale, "search-title")/>
        <h1>{t(locale, "search-heading")}</h1>
        <SearchForm locale value=q() id="search-page"/>
        <p class="lead">{t(locale, "search-hint")}</p>
        {loaded(found, move |view_data: SearchView| view! { <SearchResults view_data/> })}
    }
}

/// The search box: in the header and on the search page. A plain GET form.
#[component]
pub fn SearchForm(locale: Locale, value: String, id: &'static str) -> impl IntoView {
    let input = format!("{id}-q");
    view! {
        <form role="search" method="get" action=locale.href("/search") class="search-form">
            <label for=input.clone()>{t(locale, "search-label")}</label>
            <input type="search" id=input name="q" value=value maxlength="200" autocomplete="off"/>
            <button type="submit">{t(locale, "search-button")}</button>
        </form>
    }
}

#[component]
fn SearchResults(view_data: SearchView) -> impl IntoView {
    let locale = use_locale();
    if view_data.query.is_empty() {
        return None;
    }
    let summary = if view_data.hits.is_empty() {
        tr(
            locale,
            "search-none",
            &[("query", view_data.query.clone().into())],
        )
    } else {
        tr(
            locale,
            "search-results",
            &[
                ("n", view_data.total.into()),
                ("query", view_data.query.clone().into()),
            ],
        )
    };
    let field = move |f: &str| t(locale, &format!("search-field-{f}"));
    Some(view! {
        <p class="result-count" role="status">{summary}</p>
        {(!view_data.complete && !view_data.hits.is_empty()).then(|| view! {
            <p class="search-partial">{t(locale, "search-partial")}</p>
        })}
        <ul class="cards search-results">
            {view_data.hits.into_iter().map(|hit| {
                let fields: Vec<String> = hit.matched_in.iter().map(|f| field(f)).collect();
                let note = tr(locale, "search-matched", &[("fields", fields.join(", ").into())]);
                view! { <Card card=hit.card note/> }
            }).collect_view()}
        </ul>
    })
}
