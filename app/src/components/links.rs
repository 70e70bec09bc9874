//! Ways in: lists of rights and policy areas, and of districts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::Translated;
use crate::escape::url_encode;
use crate::i18n::use_locale;
use crate::types::AreaLink;
use crate::words::indicator_count;

/// Areas with the number of indicators linked to each.
#[component]
pub fn AreaList(areas: Vec<AreaLink>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="area-links">
            {areas.into_iter().map(|a| view! {
                <li>
                    <A href=locale.href(&format!("/{}/{}", a.kind, url_encode(&a.id)))><Translated text=a.name/></A>
                    <span class="count">{format!(" ({})", indicator_count(locale, a.indicators))}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Links to district pages.
#[component]
pub fn DistrictLinks(districts: Vec<String>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="district-links">
            {districts.into_iter().map(|d| view! {
                <li><A href=locale.href(&format!("/districts/{}", url_encode(&d)))>{d}</A></li>
            }).collect_view()}
        </ul>
    }
}
