//! `/compare?a=&b=&c=&d=&district=`: indicators side by side on the same
//! years and district, chosen with a plain form (no JavaScript needed).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api::load_compare;
use crate::components::{loaded, StatusBadge, Translated};
use crate::i18n::{t, tr, use_locale};
use crate::types::{CompareView, ComparedView};

/// The query keys of the compared indicators, in order.
const SLOTS: [&str; 4] = ["a", "b", "c", "d"];

#[component]
pub fn ComparePage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let asked = move || {
        let query = query.read();
        let ids: Vec<String> = SLOTS
            .iter()
            .filter_map(|k| query.get(k))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        let district = query.get("district").filter(|d| !d.trim().is_empty());
        (ids, district)
    };
    let view_data = Resource::new(asked, move |(ids, district)| {
        load_compare(ids, district, locale)
    });
    view! {
        <Title text=t(locale, "compare-title")/>
        <h1>{t(locale, "compare-title")}</h1>
        <p class="lead">{t(locale, "compare-lead")}</p>
        {loaded(view_data, move |view_data: CompareView| {
            let ids: Vec<String> = view_data.items.iter().map(|i| i.id.clone()).collect();
            view! { <CompareContent view_data ids/> }
        })}
    }
}

#[component]
fn CompareContent(view_data: CompareView, ids: Vec<String>) -> impl IntoView {
    let locale = use_locale();
    let district = view_data.district.clone().unwrap_or_default();
    // The static export has no server to answer the form: the pages its
    // links reach are shown, and choosing others is for the live site.
    #[cfg(feature = "ssr")]
    let exporting = crate::ssr::export::exporting();
    #[cfg(not(feature = "ssr"))]
    let exporting = false;
    view! {
        {exporting.then(|| view! { <p class="export-live">{t(locale, "export-compare-live")}</p> })}
        {(!exporting).then(|| view! {
        <form method="get" action=locale.href("/compare") class="filters compare-form">
            {SLOTS.iter().enumerate().map(|(n, slot)| {
                let current = ids.get(n).cloned().unwrap_or_default();
                let select = format!("compare-{slot}");
                view! {
                    <label for=select.clone()>{tr(locale, "compare-pick", &[("n", (n + 1).to_string().into())])}</label>
                    <select id=select name=*slot>
                        <option value="" selected=current.is_empty()>{t(locale, "compare-none")}</option>
                        {view_data.choices.iter().map(|c| view! {
                            <option value=c.value.clone() selected=c.value == current>{c.label.clone()}</option>
                        }).collect_view()}
                    </select>
                }
            }).collect_view()}
            {(!view_data.districts.is_empty()).then(|| view! {
                <label for="compare-district">{t(locale, "compare-district")}</label>
                <select id="compare-district" name="district">
                    <option value="" selected=district.is_empty()>{t(locale, "compare-whole-city")}</option>
                    {view_data.districts.iter().map(|d| view! {
                        <option value=d.clone() selected=*d == district>{d.clone()}</option>
                    }).collect_view()}
                </select>
            })}
            <button type="submit">{t(locale, "compare-button")}</button>
        </form>
        })}
        {if view_data.items.is_empty() {
            leptos::either::Either::Left(view! { <p class="empty">{t(locale, "compare-choose")}</p> })
        } else {
            leptos::either::Either::Right(view! {
                <div class="compare-grid">
                    {view_data.items.into_iter().map(|item| view! {
                        <Compared item district=view_data.district.clone()/>
                    }).collect_view()}
                </div>
            })
        }}
    }
}

/// One indicator: its heading, status, chart, caption and table.
#[component]
fn Compared(item: ComparedView, district: Option<String>) -> impl IntoView {
    let locale = use_locale();
    let heading = format!("compare-{}", item.id);
    let labelled_by = heading.clone();
    view! {
        <section class="compared" aria-labelledby=labelled_by data-indicator=item.id.clone()>
            <h2 id=heading>
                <A href=locale.href(&format!("/indicators/{}", item.id))><Translated text=item.title/></A>
            </h2>
            {item.status.map(|status| view! { <p><StatusBadge status/></p> })}
            {(item.district_missing).then(|| view! {
                <p class="note">{tr(locale, "compare-district-missing", &[("district", district.clone().unwrap_or_default().into())])}</p>
            })}
            {if item.rows.is_empty() {
                leptos::either::Either::Left(view! { <p class="empty">{t(locale, "compare-no-data")}</p> })
            } else {
                leptos::either::Either::Right(view! {
                    <figure class="chart-figure">
                        // Our own plotters SVG, drawn on the server.
                        <div class="chart-svg" inner_html=item.chart_svg></div>
                        <figcaption>{item.caption}</figcaption>
                    </figure>
                    <table class="data-table">
                        <caption>{tr(locale, "values-caption", &[("series", item.label.into())])}</caption>
                        <thead><tr>
                            <th scope="col">{t(locale, "col-year")}</th>
                            <th scope="col">{item.value_header}</th>
                            <th scope="col">{t(locale, "col-flags")}</th>
                        </tr></thead>
                        <tbody>
                            {item.rows.into_iter().map(|row| view! {
                                <tr><th scope="row">{row.period}</th><td>{row.value}</td><td class="flags">{row.flags}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            }}
        </section>
    }
}
