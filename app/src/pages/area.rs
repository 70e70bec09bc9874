//! `/rights/:id` and `/policy/:id`: an area, its status summary and every
//! indicator linked to it.

use indicators::AreaKind;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params;

use crate::api::load_area;
use crate::components::{
    loaded, AreaRecommendations, CardList, OhchrGroups, StatusCounts, Translated,
};
use crate::i18n::{t, tr, use_locale};
use crate::params::IdParams;
use crate::types::AreaView;
use crate::words::area_kind_label;

/// `/rights/:id`.
#[component]
pub fn RightsPage() -> impl IntoView {
    view! { <AreaPage kind=AreaKind::Rights/> }
}

/// `/policy/:id`.
#[component]
pub fn PolicyPage() -> impl IntoView {
    view! { <AreaPage kind=AreaKind::Policy/> }
}

#[component]
fn AreaPage(kind: AreaKind) -> impl IntoView {
    let params = use_params::<IdParams>();
    let id = move || {
        params
            .read()
            .as_ref()
            .map(|p| p.id.clone())
            .unwrap_or_default()
    };
    let locale = use_locale();
    let area = Resource::new(id, move |id| load_area(kind, id, locale));
    loaded(area, move |area: AreaView| {
        view! {
            <Title text=area.name.text.clone()/>
            <article class="area-page">
                <p class="breadcrumb"><A href=locale.href("/")>{t(locale, "nav-goals")}</A> " › " {area_kind_label(locale, area.kind)}</p>
                <h1><Translated text=area.name.clone()/></h1>
                <dl class="area-facts">
                    {(!area.instrument.is_empty()).then(|| view! {
                        <dt>{t(locale, "area-instrument")}</dt><dd>{format!("{} {}", area.instrument, area.article)}</dd>
                    })}
                    {(!area.rights_holders.is_empty()).then(|| view! {
                        <dt>{t(locale, "area-rights-holders")}</dt><dd>{area.rights_holders.join(", ")}</dd>
                    })}
                </dl>
                <h2>{t(locale, "status-summary")}</h2>
                <StatusCounts counts=area.status_counts/>
                <h2>{tr(locale, "area-indicators", &[("n", area.indicators.len().to_string().into())])}</h2>
                {if area.ohchr_groups.is_empty() {
                    Either::Left(view! { <CardList cards=area.indicators class="cards"/> })
                } else {
                    Either::Right(view! { <OhchrGroups groups=area.ohchr_groups/> })
                }}
                <AreaRecommendations items=area.recommendations/>
                <crate::components::AreaGaps rows=area.gaps/>
            </article>
        }
    })
}
