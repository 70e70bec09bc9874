//! `/districts/:name`: one district across every indicator reported by district.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params;

use crate::api::load_district;
use crate::components::{loaded, DistrictLinks, Translated};
use crate::i18n::{t, tr, use_locale};
use crate::params::DistrictParams;
use crate::types::DistrictView;
use crate::words::rank;

#[component]
pub fn DistrictPage() -> impl IntoView {
    let params = use_params::<DistrictParams>();
    let name = move || {
        params
            .read()
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let locale = use_locale();
    let district = Resource::new(name, move |n| load_district(n, locale));
    loaded(district, move |d: DistrictView| {
        view! {
            <Title text=d.name.clone()/>
            <p class="breadcrumb"><A href=locale.href("/")>{t(locale, "nav-goals")}</A> " › " {t(locale, "district-crumb")}</p>
            <h1>{d.name.clone()}</h1>
            <p class="lead">{t(locale, "district-lead")}</p>
            <table class="data-table district-table">
                <caption>{tr(locale, "district-caption", &[("name", d.name.clone().into())])}</caption>
                <thead><tr>
                    <th scope="col">{t(locale, "col-indicator")}</th>
                    <th scope="col">{t(locale, "col-year")}</th>
                    <th scope="col">{d.name.clone()}</th>
                    <th scope="col">{t(locale, "col-whole-city")}</th>
                    <th scope="col">{t(locale, "col-rank")}</th>
                </tr></thead>
                <tbody>
                    {d.rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row"><A href=r.href><Translated text=r.title/></A></th>
                            <td>{r.period}</td>
                            <td>{r.value}</td>
                            <td>{r.city.unwrap_or_else(|| "–".into())}</td>
                            <td>{rank(locale, r.rank.position, r.rank.of, r.rank.direction)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>{t(locale, "other-districts")}</h2>
            <DistrictLinks districts=d.others/>
        }
    })
}
