//! `/districts/:name`: one district across every indicator reported by district.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params;

use crate::api::load_district;
use crate::components::{loaded, DistrictLinks};
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
    let district = Resource::new(name, load_district);
    loaded(district, |d: DistrictView| {
        view! {
            <Title text=d.name.clone()/>
            <p class="breadcrumb"><A href="/">"Goals"</A> " › District"</p>
            <h1>{d.name.clone()}</h1>
            <p class="lead">"The latest value of every indicator reported by district, next to the city as a whole."</p>
            <table class="data-table district-table">
                <caption>{format!("Indicators for {}", d.name)}</caption>
                <thead><tr>
                    <th scope="col">"Indicator"</th>
                    <th scope="col">"Year"</th>
                    <th scope="col">{d.name.clone()}</th>
                    <th scope="col">"Whole city"</th>
                    <th scope="col">"Rank among districts"</th>
                </tr></thead>
                <tbody>
                    {d.rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row"><A href=r.href>{r.title}</A></th>
                            <td>{r.period}</td>
                            <td>{r.value}</td>
                            <td>{r.city.unwrap_or_else(|| "–".into())}</td>
                            <td>{rank(r.rank.position, r.rank.of, r.rank.direction)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>"Other districts"</h2>
            <DistrictLinks districts=d.others/>
        }
    })
}
