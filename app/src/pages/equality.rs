//! `/equality`: who is left behind. The widest gaps between rights-holder
//! groups and the whole city, and the fastest-widening ones, across every
//! public indicator.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::load_equality;
use crate::components::{loaded, GapTable};
use crate::i18n::{t, tr, use_locale};
use crate::types::EqualityView;

#[component]
pub fn EqualityPage() -> impl IntoView {
    let locale = use_locale();
    let view_data = Resource::new(|| (), move |_| load_equality(locale));
    view! {
        <Title text=t(locale, "equality-title")/>
        <h1>{t(locale, "equality-title")}</h1>
        <p class="lead">{t(locale, "equality-lead")} " "
            <A href=locale.href("/methodology")>{t(locale, "equality-how")}</A></p>
        {loaded(view_data, move |view_data: EqualityView| view! { <EqualityContent view_data/> })}
    }
}

#[component]
fn EqualityContent(view_data: EqualityView) -> impl IntoView {
    let locale = use_locale();
    if view_data.gaps == 0 {
        return Either::Left(view! { <p class="empty">{t(locale, "equality-none")}</p> });
    }
    let counts = tr(
        locale,
        "equality-counts",
        &[
            ("gaps", view_data.gaps.into()),
            ("indicators", view_data.indicators.into()),
            ("behind", view_data.behind.into()),
        ],
    );
    Either::Right(view! {
        <p class="equality-counts">{counts}</p>
        <section class="equality-widest" aria-labelledby="equality-widest">
            <h2 id="equality-widest">{t(locale, "equality-widest")}</h2>
            <p>{t(locale, "equality-widest-lead")}</p>
            {if view_data.widest.is_empty() {
                Either::Left(view! { <p class="empty">{t(locale, "equality-none-behind")}</p> })
            } else {
                Either::Right(view! {
                    <GapTable rows=view_data.widest caption=t(locale, "equality-widest") with_indicator=true/>
                })
            }}
        </section>
        <section class="equality-widening" aria-labelledby="equality-widening">
            <h2 id="equality-widening">{t(locale, "equality-widening")}</h2>
            <p>{t(locale, "equality-widening-lead")}</p>
            {if view_data.widening.is_empty() {
                Either::Left(view! { <p class="empty">{t(locale, "equality-none-widening")}</p> })
            } else {
                Either::Right(view! {
                    <GapTable rows=view_data.widening caption=t(locale, "equality-widening") with_indicator=true with_pace=true/>
                })
            }}
        </section>
    })
}
