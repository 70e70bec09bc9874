//! `/indicators/:id?dimension=value…`: one indicator, its chart and table.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params, use_query_map};

use crate::api::{fetch_indicator, fetch_series};
use crate::components::{loaded, StatusBadge};
use crate::error::AppError;
use crate::escape::url_encode;
use crate::islands::SeriesExplorer;
use crate::params::{slug_from_query, IdParams};
use crate::types::{Figure, IndicatorView, SeriesView};

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let params = use_params::<IdParams>();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .as_ref()
            .map(|p| p.id.clone())
            .unwrap_or_default()
    };
    // The dimensions are the data's own column names, so the query is read
    // as pairs rather than a fixed struct.
    let slug = move || {
        let pairs: Vec<(String, String)> = query
            .read()
            .latest_values()
            .map(|(k, v)| (k.to_string(), v.to_owned()))
            .collect();
        slug_from_query(&pairs)
    };
    // One resource for the page: the indicator, then the series the address
    // selects. A series that does not exist still shows the indicator.
    let page = Resource::new(
        move || (id(), slug()),
        |(id, slug)| async move {
            let view = fetch_indicator(id.clone()).await?;
            Ok::<_, AppError>((view, fetch_series(id, slug).await))
        },
    );
    loaded(
        page,
        |(view, series): (IndicatorView, Result<SeriesView, AppError>)| {
            view! { <IndicatorDetails view series/> }
        },
    )
}

#[component]
fn IndicatorDetails(view: IndicatorView, series: Result<SeriesView, AppError>) -> impl IntoView {
    let action = format!("/indicators/{}", view.id);
    if let Err(err) = &series {
        // The page is about a series that does not exist: say so with the status.
        #[cfg(feature = "ssr")]
        crate::ssr::set_status(err.status());
        #[cfg(not(feature = "ssr"))]
        let _ = err;
    }
    view! {
        <Title text=view.title.clone()/>
        <article class="indicator" style=format!("--goal-colour: {}", view.goal_colour)>
            <p class="breadcrumb">
                <A href="/">"Goals"</A>
                " › "
                <A href=format!("/goals/{}", view.goal_number) attr:class="goal-badge">{format!("Goal {} · {}", view.goal_number, view.goal_title)}</A>
            </p>
            <h1>{view.title.clone()}</h1>
            {view.status.map(|status| view! { <p class="indicator-status">"Status: " <StatusBadge status/></p> })}
            <p class="meta">{format!("Unit: {} · latest data: {} · published {}", view.unit, view.last_period, view.published)}</p>
            <ul class="target-badges" aria-label="Maps to">
                {view.targets.iter().map(|t| view! {
                    <li class="target-badge" title=t.name.clone()>{format!("Target {}", t.id)}</li>
                }).collect_view()}
                {view.rights.clone().into_iter().map(|a| view! {
                    <li class="area-badge"><A href=format!("/rights/{}", url_encode(&a.id))>{a.name}</A></li>
                }).collect_view()}
                {view.policies.clone().into_iter().map(|a| view! {
                    <li class="area-badge policy"><A href=format!("/policy/{}", url_encode(&a.id))>{a.name}</A></li>
                }).collect_view()}
            </ul>
            <SeriesExplorer action dimensions=view.dimensions.clone() indicator=view.id.clone() unit=view.unit.clone() initial=series/>
            {view.districts.clone().map(|figure: Figure| view! {
                <section class="districts">
                    <h2>"By district"</h2>
                    <figure class="chart-figure district-figure">
                        <div class="chart-svg" inner_html=figure.svg></div>
                        <figcaption>{figure.caption}</figcaption>
                    </figure>
                </section>
            })}
            <section class="about">
                <h2>"About this indicator"</h2>
                <dl>
                    {(!view.definition.is_empty()).then(|| view! { <dt>"Definition"</dt><dd>{view.definition.clone()}</dd> })}
                    <dt>"Unit"</dt><dd>{view.unit.clone()}</dd>
                    {(!view.source.is_empty()).then(|| view! { <dt>"Source"</dt><dd>{view.source.clone()}</dd> })}
                    {(!view.owner.is_empty()).then(|| view! { <dt>"Responsible"</dt><dd>{view.owner.clone()}</dd> })}
                    <dt>"Last update"</dt><dd>{format!("Data to {}, published {}", view.last_period, view.published)}</dd>
                    {(!view.narrative.is_empty()).then(|| view! { <dt>"What the city does"</dt><dd>{view.narrative.clone()}</dd> })}
                </dl>
            </section>
        </article>
    }
}
