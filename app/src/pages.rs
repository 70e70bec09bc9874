//! The pages a resident opens: the goals with data, and one indicator.

use indicators::model::HEADLINE_SLUG;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::{Form, A},
    hooks::{use_params_map, use_query_map},
};

use crate::api::{
    fetch_indicator, fetch_series, list_goals, methodology_html, GoalSummary, IndicatorView,
    SeriesView, StatusBadge,
};
use crate::error::AppError;

/// `/`: the goals that have data, each with its indicators.
#[component]
pub fn HomePage() -> impl IntoView {
    let goals = Resource::new(|| (), |_| list_goals());
    view! {
        <Title text="Goals"/>
        <h1>"Our city and the Sustainable Development Goals"</h1>
        <p class="lead">"The goals we have local data for. Choose an indicator to see how it has changed."</p>
        <Suspense fallback=|| view! { <p class="loading">"Loading goals…"</p> }>
            {move || Suspend::new(async move {
                match goals.await {
                    Ok(goals) if goals.is_empty() => view! {
                        <p class="empty">"No indicator has data yet."</p>
                    }.into_any(),
                    Ok(goals) => view! {
                        <ul class="goals">
                            {goals.into_iter().map(|goal| view! { <GoalCard goal/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(err) => view! { <ErrorPanel err/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GoalCard(goal: GoalSummary) -> impl IntoView {
    view! {
        <li class="goal" id=format!("goal-{}", goal.number) style=format!("--goal-colour: {}; --goal-text: {}", goal.colour, goal.text_colour)>
            <h2>
                <span class="goal-number">{goal.number}</span>
                <span class="goal-title">{goal.short_title}</span>
            </h2>
            <ul class="status-counts" aria-label="Indicators by status">
                {goal.status_counts.into_iter().map(|(badge, n)| view! {
                    <li class=format!("status status-{}", badge.class)>{format!("{n} × {}", badge.label)}</li>
                }).collect_view()}
            </ul>
            <ul class="indicator-links">
                {goal.indicators.into_iter().map(|i| view! {
                    <li>
                        <A href=format!("/indicators/{}", i.id)>{i.title}</A>
                        " "
                        {i.status.map(|b| view! { <Badge badge=b/> })}
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}

/// `/indicators/:id?series=slug`: one indicator, its chart and its table.
#[component]
pub fn IndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let series = move || {
        query
            .read()
            .get("series")
            .unwrap_or_else(|| HEADLINE_SLUG.to_string())
    };
    let indicator = Resource::new(id, fetch_indicator);
    // Re-runs when the series selector changes the query: after hydration this
    // is a call to the `fetch_series` server function, not a page load.
    let chart = Resource::new(
        move || (id(), series()),
        |(id, series)| fetch_series(id, series),
    );

    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading indicator…"</p> }>
            {move || Suspend::new(async move {
                match indicator.await {
                    Ok(view) => view! { <IndicatorDetails view chart selected=Signal::derive(series)/> }.into_any(),
                    Err(err) => view! { <ErrorPanel err/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn IndicatorDetails(
    view: IndicatorView,
    chart: Resource<Result<SeriesView, AppError>>,
    selected: Signal<String>,
) -> impl IntoView {
    let action = format!("/indicators/{}", view.id);
    let has_choice = view.series.len() > 1;
    let options = view.series.clone();
    let unit = view.unit.clone();
    view! {
        <Title text=view.title.clone()/>
        <article class="indicator" style=format!("--goal-colour: {}", view.goal_colour)>
            <p class="breadcrumb">
                <A href="/">"Goals"</A>
                " › "
                <span class="goal-badge">{format!("Goal {} · {}", view.goal_number, view.goal_title)}</span>
            </p>
            <h1>{view.title.clone()}</h1>
            {view.status.clone().map(|b| view! { <p class="indicator-status">"Status: " <Badge badge=b/></p> })}
            <p class="meta">{format!("Unit: {}", view.unit)}</p>
            <ul class="target-badges" aria-label="SDG targets">
                {view.targets.iter().map(|(id, title)| view! {
                    <li class="target-badge" title=title.clone()>{format!("Target {id}")}</li>
                }).collect_view()}
            </ul>
            {has_choice.then(|| view! {
                // A plain GET form: without JavaScript it reloads the page with
                // ?series=…; hydrated, the router turns it into a client-side
                // navigation and only the chart's server function runs.
                <Form method="get" action=action.clone() on_form_data=drop_unnamed_fields() attr:class="series-selector">
                    <label for="series">"Series"</label>
                    <select id="series" name="series">
                        {options.iter().map(|o| {
                            let slug = o.slug.clone();
                            view! {
                                <option value=o.slug.clone() selected=move || selected.get() == slug>{o.label.clone()}</option>
                            }
                        }).collect_view()}
                    </select>
                    <button type="submit">"Show"</button>
                </Form>
            })}
            <Transition fallback=|| view! { <p class="loading">"Loading chart…"</p> }>
                {move || {
                    let unit = unit.clone();
                    Suspend::new(async move {
                    match chart.await {
                        Ok(series) => view! { <SeriesFigure series unit/> }.into_any(),
                        Err(err) => view! { <ErrorPanel err/> }.into_any(),
                    }
                    })
                }}
            </Transition>
            <section class="about">
                <h2>"About this indicator"</h2>
                <dl>
                    {(!view.definition.is_empty()).then(|| view! { <dt>"Definition"</dt><dd>{view.definition.clone()}</dd> })}
                    {(!view.source.is_empty()).then(|| view! { <dt>"Source"</dt><dd>{view.source.clone()}</dd> })}
                    {(!view.owner.is_empty()).then(|| view! { <dt>"Responsible"</dt><dd>{view.owner.clone()}</dd> })}
                    {(!view.narrative.is_empty()).then(|| view! { <dt>"What the city does"</dt><dd>{view.narrative.clone()}</dd> })}
                </dl>
            </section>
        </article>
    }
}

/// A status in words, coloured as a second signal.
#[component]
fn Badge(badge: StatusBadge) -> impl IntoView {
    view! { <span class=format!("badge status-{}", badge.class)>{badge.label}</span> }
}

#[component]
fn SeriesFigure(series: SeriesView, unit: String) -> impl IntoView {
    view! {
        <figure class="chart-figure" data-series=series.slug.clone()>
            <div class="chart-svg" inner_html=series.chart_svg></div>
            <figcaption>{series.caption.clone()}</figcaption>
        </figure>
        {series.status.clone().map(|s| view! {
            <section class="why" aria-label="Why this status">
                <p><strong>{format!("{}: ", series.label)}</strong><Badge badge=s.badge.clone()/></p>
                <p class="why-text">{s.explanation.clone()}</p>
                <p class="why-meta">
                    {series.baseline.clone().unwrap_or_default()}
                    {s.score.clone().map(|score| format!(" · score {score} of −5 to 5"))}
                    {format!(" · method: {}", s.method)}
                    " · "
                    <a href="/methodology">"how statuses are computed"</a>
                </p>
            </section>
        })}
        <table class="data-table">
            <caption>{format!("Values — {}", series.label)}</caption>
            <thead>
                <tr><th scope="col">"Year"</th><th scope="col">{format!("Value ({unit})")}</th><th scope="col">"Flags"</th></tr>
            </thead>
            <tbody>
                {series.rows.into_iter().map(|(period, value, flags)| view! {
                    <tr><th scope="row">{period}</th><td>{value}</td><td class="flags">{flags}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// leptos_router 0.8 appends the submit button to the form data even when it
/// has no name, which would add a stray `&=` to the address; drop it.
fn drop_unnamed_fields() -> std::sync::Arc<dyn Fn(&web_sys::FormData)> {
    std::sync::Arc::new(|form_data: &web_sys::FormData| form_data.delete(""))
}

/// A user-facing error with what to do next; sets the HTTP status on the server.
#[component]
fn ErrorPanel(err: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(err.status());
    view! {
        <Title text="Not available"/>
        <section class="error" role="alert">
            <h1>{if err.status() == 404 { "Not found" } else { "Something went wrong" }}</h1>
            <p>{err.to_string()}</p>
            <p><A href="/">"Back to the list of goals"</A></p>
        </section>
    }
}

/// `/methodology`: how baselines, trends and statuses are computed.
#[component]
pub fn MethodologyPage() -> impl IntoView {
    let html = Resource::new(|| (), |_| methodology_html());
    view! {
        <Title text="Methodology"/>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match html.await {
                    // Our own document, rendered on the server: not user input.
                    Ok(html) => view! { <article class="prose" inner_html=html></article> }.into_any(),
                    Err(err) => view! { <ErrorPanel err/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
