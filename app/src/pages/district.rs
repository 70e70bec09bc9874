//! `/districts/:name`: one district across every indicator reported by
//! district, where it lies in the city, and each indicator's map with it
//! outlined (behind a disclosure each, so the page stays short).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params;

use crate::api::load_district;
use crate::components::{loaded, DistrictLinks, DistrictMap, Translated};
use crate::i18n::{t, tr, use_locale};
use crate::params::DistrictParams;
use crate::types::{DistrictMaps, DistrictView};
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
            {d.maps.locator.clone().map(|figure| view! {
                <section class="district-where" aria-labelledby="district-where">
                    <h2 id="district-where">{tr(locale, "map-district-where", &[("name", d.name.clone().into())])}</h2>
                    <DistrictMap figure/>
                </section>
            })}
            // Five columns: on a phone the table scrolls in its own region.
            <div class="table-scroll" role="region" tabindex="0" aria-label=tr(locale, "district-caption", &[("name", d.name.clone().into())])>
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
            </div>
            <IndicatorMaps maps=d.maps.clone() name=d.name.clone()/>
            <h2>{t(locale, "other-districts")}</h2>
            <DistrictLinks districts=d.others/>
        }
    })
}

/// Each indicator's map with the district outlined, one disclosure each.
#[component]
fn IndicatorMaps(maps: DistrictMaps, name: String) -> impl IntoView {
    let locale = use_locale();
    (!maps.indicators.is_empty()).then(|| {
        view! {
            <section class="district-maps" aria-labelledby="district-maps">
                <h2 id="district-maps">{tr(locale, "map-district-maps", &[("name", name.clone().into())])}</h2>
                <p>{tr(locale, "map-district-maps-lead", &[("name", name.into())])}</p>
                {maps.indicators.into_iter().map(|(title, figure)| view! {
                    <details class="district-map">
                        <summary><Translated text=title/></summary>
                        <DistrictMap figure/>
                    </details>
                }).collect_view()}
            </section>
        }
    })
}
