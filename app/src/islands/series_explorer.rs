//! The indicator page's series explorer: the disaggregation selectors with
//! the chart, the table and the status they control.

use leptos::either::EitherOf3;
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::api::fetch_series;
use crate::components::StatusBadge;
use crate::error::AppError;
#[cfg(feature = "hydrate")]
use crate::escape::url_encode;
use crate::i18n::Locale;
#[cfg(feature = "hydrate")]
use crate::params::slug_from_query;
use crate::types::{DimensionChoice, ExplorerWords, Selected, SeriesView};

#[island]
pub fn SeriesExplorer(
    action: String,
    indicator: String,
    dimensions: Vec<DimensionChoice>,
    /// The page's language, for the series the selectors fetch.
    locale: Locale,
    words: ExplorerWords,
    /// The initial error in the page's language (an error fetched later is
    /// worded from `words`).
    error_message: Option<String>,
    /// The series the address chose; `None` when it chose none and the
    /// indicator has no whole-city series (reported by district only):
    /// then `prompt` is shown, and the page's comparison of districts is
    /// what the reader sees first.
    initial: Option<Result<SeriesView, AppError>>,
    /// What to say instead of a series when none is chosen (district-only
    /// indicators); `None`: choosing none shows the default series.
    prompt: Option<String>,
    /// In the static export: the list's name and every series as
    /// `(href, label, current)`, shown as plain links to the pre-rendered
    /// selection pages instead of the selectors, so the page never calls a
    /// server function that plain files cannot answer. `None` on the live
    /// site.
    static_links: Option<(String, Vec<(String, String, bool)>)>,
) -> impl IntoView {
    let selected: Vec<Selected> = initial
        .as_ref()
        .and_then(|s| s.as_ref().ok())
        .map(|s| s.selection.clone())
        .unwrap_or_default();
    let current = RwSignal::new(initial);
    // The live region speaks only after a selector changed the series, not
    // on the first render.
    let announcement = RwSignal::new(String::new());
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
        let (indicator, action, prompt) = (indicator.clone(), action.clone(), prompt.clone());
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
            if chosen.is_empty() {
                if let Some(text) = prompt.clone() {
                    // Back to the comparison: nothing to fetch.
                    latest_request.update_value(|n| *n += 1);
                    announcement.set(text);
                    current.set(None);
                    shown.set_value(action.clone());
                    if let Ok(history) = window().history() {
                        let _ = history.push_state_with_url(
                            &leptos::wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&action),
                        );
                    }
                    return;
                }
            }
            let query: Vec<String> = chosen
                .iter()
                .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
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
                let result = fetch_series(indicator, slug, locale).await;
                if latest_request.get_value() != request {
                    return;
                }
                if let Ok(series) = &result {
                    announcement.set(series.words.announcement.clone());
                }
                current.set(Some(result));
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
        let _ = (&indicator, locale);
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
    let unavailable_text = error_message.unwrap_or_else(|| words.unavailable_text.clone());
    let links = static_links.map(|(name, links)| {
        view! {
            <nav class="series-links" aria-label=name>
                <ul>
                    {links.into_iter().map(|(href, label, current)| view! {
                        <li><a href=href aria-current=current.then_some("page")>{label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    });
    let exported = links.is_some();
    view! {
        {links}
        {(!exported && !dimensions.is_empty()).then(|| view! {
            <form method="get" action=action.clone() class="series-selector" on:submit=on_submit>
                {dimensions.iter().map(|d| {
                    let select_id = format!("dim-{}", d.name.to_lowercase());
                    let chosen = selected.iter().find(|s| s.dimension == d.name).map(|s| s.value.clone());
                    view! {
                        <label for=select_id.clone()>{d.label.clone()}</label>
                        <select id=select_id name=d.name.clone()>
                            <option value="">{words.all.clone()}</option>
                            {d.values.iter().map(|(value, label)| view! {
                                <option value=value.clone() selected=chosen.as_deref() == Some(value.as_str())>{label.clone()}</option>
                            }).collect_view()}
                        </select>
                    }
                }).collect_view()}
                <button type="submit">{words.show.clone()}</button>
            </form>
        })}
        // Polite and separate from the figure: a screen reader hears one
        // sentence saying what changed, not the whole table again.
        <p class="visually-hidden" role="status" aria-live="polite">{move || announcement.get()}</p>
        <div class="series-view">
            {move || match current.get() {
                Some(Ok(series)) => EitherOf3::A(view! { <SeriesFigure series words=words.clone()/> }),
                Some(Err(_)) => EitherOf3::B(view! {
                    <section class="error" role="alert">
                        <h2>{words.unavailable.clone()}</h2>
                        <p>{unavailable_text.clone()}</p>
                    </section>
                }),
                None => EitherOf3::C(view! { <p class="choose-district">{prompt.clone().unwrap_or_default()}</p> }),
            }}
        </div>
    }
}

/// The chart, its legend and caption, the status and why, the table and
/// the status history of one series.
#[component]
fn SeriesFigure(series: SeriesView, words: ExplorerWords) -> impl IntoView {
    let own = series.words.clone();
    view! {
        <figure class="chart-figure" data-series=series.slug.clone()>
            // Our own plotters SVG, drawn on the server: labels in it are escaped.
            <div class="chart-svg" inner_html=series.chart_svg></div>
            <ul class="legend" aria-label=words.legend.clone()>
                {series.legend.into_iter().map(|entry| view! {
                    <li class=format!("legend-{}", entry.mark)>{entry.text}</li>
                }).collect_view()}
            </ul>
            <figcaption>{series.caption.clone()}</figcaption>
            <p class="chart-files">
                {words.chart_files.clone()} " "
                <a href=format!("{}.svg?series={}", words.charts_href, crate::escape::url_encode(&series.slug)) download="">"SVG"</a>
                " · "
                <a href=format!("{}.png?series={}", words.charts_href, crate::escape::url_encode(&series.slug)) download="">"PNG"</a>
                {(!words.data_href.is_empty()).then(|| view! {
                    " · " {words.data_files.clone()} " "
                    <a href=format!("{}.csv?series={}", words.data_href, crate::escape::url_encode(&series.slug)) download="">"CSV"</a>
                    " · "
                    <a href=format!("{}.json?series={}", words.data_href, crate::escape::url_encode(&series.slug)) download="">"JSON"</a>
                })}
            </p>
        </figure>
        {series.status.clone().map(|s| view! {
            <section class="why" aria-label=words.why_status.clone()>
                <p><strong>{format!("{}: ", series.label)}</strong><StatusBadge status=s.status label=own.status(s.status)/></p>
                {series.narrative.clone().map(|text| view! { <p class="narrative">{text}</p> })}
                <p class="why-text">{s.explanation.clone()}</p>
                <p class="why-meta">
                    {series.baseline.clone().unwrap_or_default()}
                    {own.score.clone().map(|score| format!(" · {score}"))}
                    {format!(" · {}", own.method)}
                    " · "
                    <a href=words.methodology_href.clone()>{words.how_computed.clone()}</a>
                </p>
            </section>
        })}
        <table class="data-table">
            <caption>{own.values_caption.clone()}</caption>
            <thead>
                <tr><th scope="col">{words.year.clone()}</th><th scope="col">{own.value_header.clone()}</th><th scope="col">{words.flags.clone()}</th></tr>
            </thead>
            <tbody>
                {series.rows.into_iter().map(|row| view! {
                    <tr><th scope="row">{row.period}</th><td>{row.value}</td><td class="flags">{row.flags}</td></tr>
                }).collect_view()}
                {series.target_row.map(|target| view! {
                    <tr class="target-row"><th scope="row">{own.target_row.clone().unwrap_or_else(|| target.year.to_string())}</th><td>{target.value}</td><td class="flags">{words.target_flag.clone()}</td></tr>
                })}
            </tbody>
        </table>
        {(!series.history.is_empty()).then(|| view! {
            <table class="data-table history">
                <caption>{words.history_caption.clone()}</caption>
                <thead><tr><th scope="col">{words.release.clone()}</th><th scope="col">{words.published.clone()}</th><th scope="col">{words.status.clone()}</th></tr></thead>
                <tbody>
                    {series.history.into_iter().map(|row| view! {
                        <tr><th scope="row">{row.release}</th><td>{row.published}</td><td><StatusBadge status=row.status label=own.status(row.status)/></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
