//! The pages a resident opens: goals, indicators, rights and policy areas,
//! districts, the progress overview and the methodology. Each waits for its
//! data on the server, so it is complete without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use serde::{de::DeserializeOwned, Serialize};

use crate::api::{
    fetch_indicator, fetch_series, load_area, load_district, load_goal, load_home, load_progress,
    methodology_html, slug_from_query, AreaLink, AreaView, DimensionChoice, DistrictView, Figure,
    GoalSummary, GoalView, HomeView, IndicatorCard, IndicatorView, ProgressView, SeriesView,
    StatusBadge,
};
use crate::error::AppError;
use crate::url_encode as encode;

/// Waits for `resource` and renders it, or a helpful error panel.
fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value).into_any(),
                        Err(err) => view! { <ErrorPanel err/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The value of one query parameter, empty when absent.
fn query_value(name: &'static str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get(name).unwrap_or_default()
}

/// `/`: the goals, what moved most, and the ways in by right, policy area
/// and district.
#[component]
pub fn HomePage() -> impl IntoView {
    let home = Resource::new(|| (), |_| load_home());
    view! {
        <Title text="Goals"/>
        <h1>"Our city and the Sustainable Development Goals"</h1>
        <p class="lead">"How the city is doing on each goal, from the city's own indicators. "
            <A href="/progress">"See every indicator at a glance"</A> "."</p>
        {loaded(home, |home: HomeView| view! {
            <HomeContent home/>
        })}
    }
}

#[component]
fn HomeContent(home: HomeView) -> impl IntoView {
    view! {
        <section class="movers" aria-labelledby="movers-heading">
            <h2 id="movers-heading">"What changed most since the baseline"</h2>
            <div class="movers-columns">
                <div>
                    <h3>"Improved most"</h3>
                    <CardList cards=home.improved class="cards improved"/>
                </div>
                <div>
                    <h3>"Worsened most"</h3>
                    <CardList cards=home.worsened class="cards worsened"/>
                </div>
            </div>
        </section>
        <h2>"By goal"</h2>
        {if home.goals.is_empty() {
            view! { <p class="empty">"No indicator has data yet."</p> }.into_any()
        } else {
            view! {
                <ul class="goals">
                    {home.goals.into_iter().map(|goal| view! { <GoalCard goal/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <section class="ways-in">
            <div>
                <h2>"By human right"</h2>
                <AreaList areas=home.rights/>
            </div>
            <div>
                <h2>"By policy area"</h2>
                <AreaList areas=home.policies/>
            </div>
            <div>
                <h2>"By district"</h2>
                <ul class="district-links">
                    {home.districts.into_iter().map(|d| view! {
                        <li><A href=format!("/districts/{}", encode(&d))>{d}</A></li>
                    }).collect_view()}
                </ul>
            </div>
        </section>
    }
}

#[component]
fn AreaList(areas: Vec<AreaLink>) -> impl IntoView {
    view! {
        <ul class="area-links">
            {areas.into_iter().map(|a| view! {
                <li>
                    <A href=format!("/{}/{}", a.kind, encode(&a.id))>{a.name}</A>
                    <span class="count">{format!(" ({})", plural(a.indicators, "indicator"))}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[component]
fn GoalCard(goal: GoalSummary) -> impl IntoView {
    view! {
        <li class="goal" id=format!("goal-{}", goal.number) style=format!("--goal-colour: {}; --goal-text: {}", goal.colour, goal.text_colour)>
            <h3>
                <A href=format!("/goals/{}", goal.number) attr:class="goal-link">
                    <span class="goal-number">{goal.number}</span>
                    <span class="goal-title">{goal.short_title}</span>
                </A>
            </h3>
            <StatusCounts counts=goal.status_counts/>
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

#[component]
fn StatusCounts(counts: Vec<(StatusBadge, usize)>) -> impl IntoView {
    view! {
        <ul class="status-counts" aria-label="Indicators by status">
            {counts.into_iter().map(|(badge, n)| view! {
                <li class=format!("status status-{}", badge.class)>{format!("{n} × {}", badge.label)}</li>
            }).collect_view()}
        </ul>
    }
}

/// A list of indicator cards, or a sentence when there are none.
#[component]
fn CardList(cards: Vec<IndicatorCard>, #[prop(into)] class: String) -> impl IntoView {
    if cards.is_empty() {
        return view! { <p class="empty">"No indicator here yet."</p> }.into_any();
    }
    view! {
        <ul class=class>
            {cards.into_iter().map(|card| view! { <Card card/> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One indicator: sparkline, latest value, change since baseline, status.
#[component]
fn Card(card: IndicatorCard) -> impl IntoView {
    view! {
        <li class="card" data-indicator=card.id.clone()>
            <A href=format!("/indicators/{}", card.id) attr:class="card-title">{card.title}</A>
            <div class="card-body">
                // Our own plotters SVG, drawn on the server: not user input.
                <span class="spark" inner_html=card.sparkline_svg></span>
                <span class="card-figures">
                    {card.latest.map(|latest| view! {
                        <span class="latest">{latest}</span>
                        " "
                        <span class="period">{format!("({})", card.latest_period.unwrap_or_default())}</span>
                    })}
                    {card.change.map(|change| view! {
                        <span class=format!("change change-{}", card.change_class)>{change}</span>
                    })}
                </span>
            </div>
            {card.status.map(|b| view! { <Badge badge=b/> })}
        </li>
    }
}

/// `/goals/:n`: the goal, its targets, and the city's indicators under each.
#[component]
pub fn GoalPage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("n").unwrap_or_default();
    let goal = Resource::new(number, load_goal);
    loaded(goal, |goal: GoalView| {
        let with_data = goal
            .targets
            .iter()
            .filter(|t| !t.indicators.is_empty())
            .count();
        view! {
            <Title text=format!("Goal {}: {}", goal.number, goal.short_title)/>
            <article class="goal-page" style=format!("--goal-colour: {}; --goal-text: {}", goal.colour, goal.text_colour)>
                <p class="breadcrumb"><A href="/">"Goals"</A></p>
                <h1 class="goal-heading">
                    <span class="goal-number">{goal.number}</span>
                    " "
                    <span>{goal.short_title.clone()}</span>
                </h1>
                <p class="lead">{goal.title.clone()}</p>
                <StatusCounts counts=goal.status_counts/>
                <p>{format!("The city reports on {} of this goal's {} targets.", with_data, goal.targets.len())}</p>
                {goal.targets.into_iter().map(|t| view! {
                    <section class="target" id=format!("target-{}", t.id)>
                        <h2><span class="target-id">{format!("Target {}", t.id)}</span> " " <span class="target-title">{t.title}</span></h2>
                        <CardList cards=t.indicators class="cards"/>
                    </section>
                }).collect_view()}
            </article>
        }
    })
}

/// `/rights/:id`.
#[component]
pub fn RightsPage() -> impl IntoView {
    view! { <AreaPage kind="rights"/> }
}

/// `/policy/:id`.
#[component]
pub fn PolicyPage() -> impl IntoView {
    view! { <AreaPage kind="policy"/> }
}

#[component]
fn AreaPage(kind: &'static str) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let area = Resource::new(id, move |id| load_area(kind.to_string(), id));
    loaded(area, |area: AreaView| {
        view! {
            <Title text=area.name.clone()/>
            <article class="area-page">
                <p class="breadcrumb"><A href="/">"Goals"</A> " › " {area.kind_label.clone()}</p>
                <h1>{area.name.clone()}</h1>
                <dl class="area-facts">
                    {(!area.instrument.is_empty()).then(|| view! {
                        <dt>"Instrument"</dt><dd>{format!("{} {}", area.instrument, area.article)}</dd>
                    })}
                    {(!area.rights_holders.is_empty()).then(|| view! {
                        <dt>"Rights-holders"</dt><dd>{area.rights_holders.join(", ")}</dd>
                    })}
                </dl>
                <h2>"Status summary"</h2>
                <StatusCounts counts=area.status_counts/>
                <h2>{format!("Indicators ({})", area.indicators.len())}</h2>
                <CardList cards=area.indicators class="cards"/>
            </article>
        }
    })
}

/// `/progress?goal=&area=&group=&sort=`: every public indicator at a glance.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let (goal, area, group, sort) = (
        query_value("goal"),
        query_value("area"),
        query_value("group"),
        query_value("sort"),
    );
    let current = {
        let (goal, area, group, sort) = (goal.clone(), area.clone(), group.clone(), sort.clone());
        move || (goal(), area(), group(), sort())
    };
    let overview = Resource::new(current.clone(), |(goal, area, group, sort)| {
        load_progress(goal, area, group, sort)
    });
    view! {
        <Title text="Progress at a glance"/>
        <h1>"Progress at a glance"</h1>
        <p class="lead">"Every public indicator with its latest value, change since the baseline and status."</p>
        {loaded(overview, move |view_data: ProgressView| {
            let (goal, area, group, sort) = current();
            view! { <ProgressContent view_data goal area group sort/> }
        })}
    }
}

#[component]
fn ProgressContent(
    view_data: ProgressView,
    goal: String,
    area: String,
    group: String,
    sort: String,
) -> impl IntoView {
    let choice = |value: &str, label: &str, current: &str| {
        let selected = value == current;
        view! { <option value=value.to_string() selected=selected>{label.to_string()}</option> }
    };
    view! {
        <form method="get" action="/progress" class="filters">
            <label>"Goal "
                <select name="goal">
                    {choice("", "All goals", &goal)}
                    {view_data.goal_choices.iter().map(|(v, l)| choice(v, l, &goal)).collect_view()}
                </select>
            </label>
            <label>"Area "
                <select name="area">
                    {choice("", "All areas", &area)}
                    {view_data.area_choices.iter().map(|(v, l)| choice(v, l, &area)).collect_view()}
                </select>
            </label>
            <label>"Group by "
                <select name="group">
                    {choice("", "Goal", &group)}
                    {choice("rights", "Human right", &group)}
                    {choice("policy", "Policy area", &group)}
                </select>
            </label>
            <label>"Sort by "
                <select name="sort">
                    {choice("", "Status (needs attention first)", &sort)}
                    {choice("improved", "Change since baseline (most improved first)", &sort)}
                    {choice("worsened", "Change since baseline (most worsened first)", &sort)}
                    {choice("title", "Title", &sort)}
                </select>
            </label>
            <button type="submit">"Apply"</button>
        </form>
        <p class="result-count">{format!("{} shown.", plural(view_data.total, "indicator"))}</p>
        {view_data.groups.into_iter().map(|(heading, cards)| view! {
            <section class="progress-group">
                <h2>{heading}</h2>
                <CardList cards class="cards"/>
            </section>
        }).collect_view()}
    }
}

/// `/districts/:name`: one district across every indicator reported by district.
#[component]
pub fn DistrictPage() -> impl IntoView {
    let params = use_params_map();
    let name = move || params.read().get("name").unwrap_or_default();
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
                            <td>{r.rank}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>"Other districts"</h2>
            <ul class="district-links">
                {d.others.into_iter().map(|o| view! {
                    <li><A href=format!("/districts/{}", encode(&o))>{o}</A></li>
                }).collect_view()}
            </ul>
        }
    })
}

/// `/indicators/:id?dimension=value…`: one indicator, its chart and table.
#[component]
pub fn IndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let slug = move || {
        let pairs: Vec<(String, String)> = query
            .read()
            .latest_values()
            .map(|(k, v)| (k.to_string(), v.to_string()))
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
            {view.status.clone().map(|b| view! { <p class="indicator-status">"Status: " <Badge badge=b/></p> })}
            <p class="meta">{format!("Unit: {} · latest data: {} · published {}", view.unit, view.last_period, view.published)}</p>
            <ul class="target-badges" aria-label="Maps to">
                {view.targets.iter().map(|(id, title)| view! {
                    <li class="target-badge" title=title.clone()>{format!("Target {id}")}</li>
                }).collect_view()}
                {view.rights.clone().into_iter().map(|(id, name)| view! {
                    <li class="area-badge"><A href=format!("/rights/{}", encode(&id))>{name}</A></li>
                }).collect_view()}
                {view.policies.clone().into_iter().map(|(id, name)| view! {
                    <li class="area-badge policy"><A href=format!("/policy/{}", encode(&id))>{name}</A></li>
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

/// The disaggregation selectors with the chart, the table and the status
/// they control: the one interactive part of the indicator page, hydrated as
/// an island. Without JavaScript the form is a plain GET form and the server
/// renders the chosen series; hydrated, a submit calls `fetch_series` and
/// replaces only this part, and the address follows so it can be shared.
#[island]
fn SeriesExplorer(
    action: String,
    indicator: String,
    dimensions: Vec<DimensionChoice>,
    unit: String,
    initial: Result<SeriesView, AppError>,
) -> impl IntoView {
    let selected: Vec<(String, String)> = initial
        .as_ref()
        .map(|s| s.selection.clone())
        .unwrap_or_default();
    let current = RwSignal::new(initial);
    // Numbers each request, so a slow answer to an earlier choice never
    // replaces the answer to a later one.
    #[cfg(feature = "hydrate")]
    let latest_request = StoredValue::new(0_u64);
    // The address this island shows (path and query), to tell a back or
    // forward to another series from a change of `#fragment`.
    #[cfg(feature = "hydrate")]
    let shown = StoredValue::new(String::new());
    #[cfg(feature = "hydrate")]
    let here = || {
        let location = window().location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    };
    #[cfg(feature = "hydrate")]
    shown.set_value(here());
    #[cfg(feature = "hydrate")]
    let on_submit = {
        let (indicator, action) = (indicator.clone(), action.clone());
        move |ev: leptos::ev::SubmitEvent| {
            use leptos::wasm_bindgen::JsCast;
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else {
                return;
            };
            ev.prevent_default();
            let mut chosen = Vec::new();
            if let Ok(Some(entries)) = js_sys::try_iter(&data.entries()) {
                for entry in entries.flatten() {
                    let pair = js_sys::Array::from(&entry);
                    if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                        if !k.is_empty() && !v.is_empty() {
                            chosen.push((k, v));
                        }
                    }
                }
            }
            let query: Vec<String> = chosen
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect();
            let address = if query.is_empty() {
                action.clone()
            } else {
                format!("{action}?{}", query.join("&"))
            };
            let (indicator, slug) = (indicator.clone(), slug_from_query(&chosen));
            latest_request.update_value(|n| *n += 1);
            let request = latest_request.get_value();
            leptos::task::spawn_local(async move {
                let result = fetch_series(indicator, slug).await;
                if latest_request.get_value() != request {
                    return;
                }
                current.set(result);
                shown.set_value(address.clone());
                if let Ok(history) = window().history() {
                    let _ = history.push_state_with_url(
                        &leptos::wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&address),
                    );
                }
            });
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let on_submit = {
        // Only the browser submits in place; the server renders the form.
        let _ = &indicator;
        |_: leptos::ev::SubmitEvent| {}
    };
    #[cfg(feature = "hydrate")]
    {
        // Back and forward to another series: load what the address says.
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            if here() != shown.get_value() {
                let _ = window().location().reload();
            }
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        {(!dimensions.is_empty()).then(|| view! {
            <form method="get" action=action.clone() class="series-selector" on:submit=on_submit>
                {dimensions.iter().map(|d| {
                    let select_id = format!("dim-{}", d.name.to_lowercase());
                    let chosen = selected.iter().find(|(k, _)| *k == d.name).map(|(_, v)| v.clone());
                    view! {
                        <label for=select_id.clone()>{d.label.clone()}</label>
                        <select id=select_id name=d.name.clone()>
                            <option value="">"All"</option>
                            {d.values.iter().map(|v| view! {
                                <option value=v.clone() selected=chosen.as_deref() == Some(v.as_str())>{v.clone()}</option>
                            }).collect_view()}
                        </select>
                    }
                }).collect_view()}
                <button type="submit">"Show"</button>
            </form>
        })}
        <div class="series-view" aria-live="polite">
            {move || match current.get() {
                Ok(series) => view! { <SeriesFigure series unit=unit.clone()/> }.into_any(),
                Err(err) => view! {
                    <section class="error" role="alert">
                        <h2>"This series is not available"</h2>
                        <p>{err.to_string()}</p>
                    </section>
                }.into_any(),
            }}
        </div>
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
            // Our own plotters SVG, drawn on the server: labels in it are escaped.
            <div class="chart-svg" inner_html=series.chart_svg></div>
            <ul class="legend" aria-label="Legend">
                {series.legend.into_iter().map(|(class, words)| view! {
                    <li class=format!("legend-{class}")>{words}</li>
                }).collect_view()}
            </ul>
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
                {series.target_row.map(|(year, value)| view! {
                    <tr class="target-row"><th scope="row">{format!("Target {year}")}</th><td>{value}</td><td class="flags">"target"</td></tr>
                })}
            </tbody>
        </table>
        {(!series.history.is_empty()).then(|| view! {
            <table class="data-table history">
                <caption>"Status in each release"</caption>
                <thead><tr><th scope="col">"Release"</th><th scope="col">"Published"</th><th scope="col">"Status"</th></tr></thead>
                <tbody>
                    {series.history.into_iter().map(|(release, date, badge)| view! {
                        <tr><th scope="row">{release}</th><td>{date}</td><td><Badge badge/></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

/// A user-facing error with what to do next; sets the HTTP status on the server.
#[component]
fn ErrorPanel(err: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(err.status());
    let heading = match err.status() {
        404 => "Not found",
        400 => "Check the address",
        _ => "Something went wrong",
    };
    view! {
        <Title text="Not available"/>
        <section class="error" role="alert">
            <h1>{heading}</h1>
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
        // Our own document, rendered on the server: not user input.
        {loaded(html, |html: String| view! { <article class="prose" inner_html=html></article> })}
    }
}
