//! Gaps between rights-holder groups and the whole city as pages show them:
//! a table of gaps (on `/equality` and the rights-area pages) and the
//! indicator page's gap figures. A gap's direction is said in words with a
//! symbol beside them, never by colour alone.

use indicators::gaps::GapTrend;
use leptos::prelude::*;
use leptos_router::components::A;

use super::Translated;
use crate::i18n::{t, tr, use_locale};
use crate::types::{GapFigure, GapRow};

/// The symbol beside a direction's words: arrows apart for a widening gap,
/// towards each other for a narrowing one.
fn trend_symbol(trend: Option<GapTrend>) -> &'static str {
    match trend {
        Some(GapTrend::Widening) => "◀▶",
        Some(GapTrend::Narrowing) => "▶◀",
        Some(GapTrend::Unchanged) => "=",
        None => "·",
    }
}

/// Gaps as a table, one row per group and indicator. `with_indicator`
/// adds the indicator's column (lists across indicators).
#[component]
pub fn GapTable(
    rows: Vec<GapRow>,
    #[prop(into)] caption: String,
    #[prop(optional)] with_indicator: bool,
    #[prop(optional)] with_pace: bool,
) -> impl IntoView {
    let locale = use_locale();
    let w = move |key: &str| t(locale, key);
    let region = caption.clone();
    view! {
        // Wider than a phone: the table scrolls sideways in its own region,
        // which a keyboard can reach.
        <div class="table-scroll" role="region" tabindex="0" aria-label=region>
        <table class="data-table gap-table">
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col">{w("gap-col-group")}</th>
                {with_indicator.then(|| view! { <th scope="col">{w("gap-col-indicator")}</th> })}
                <th scope="col">{w("gap-col-period")}</th>
                <th scope="col">{w("gap-col-group-value")}</th>
                <th scope="col">{w("gap-col-city-value")}</th>
                <th scope="col">{w("gap-col-gap")}</th>
                <th scope="col">{w("gap-col-relative")}</th>
                <th scope="col">{w("gap-col-direction")}</th>
                {with_pace.then(|| view! { <th scope="col">{w("gap-col-pace")}</th> })}
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let href = locale.href(&format!("/indicators/{}?{}", row.indicator_id, row.series_query));
                    view! {
                        <tr class=format!("gap-row gap-{}", row.standing) data-gap-indicator=row.indicator_id.clone() data-gap-series=row.series_query.clone()>
                            <th scope="row"><Translated text=row.group.clone()/></th>
                            {with_indicator.then(|| view! {
                                <td class="gap-indicator"><A href=href.clone()><Translated text=row.indicator.clone()/></A></td>
                            })}
                            <td>{row.period.clone()}</td>
                            <td>{row.group_value.clone()}</td>
                            <td>{row.city_value.clone()}</td>
                            // The flags of either value: the gap is made of both.
                            <td>{row.gap.clone()}{(!row.flags.is_empty()).then(|| view! { " " <span class="flags">{row.flags.clone()}</span> })}<span class="gap-standing">{format!(" ({})", row.standing_text)}</span></td>
                            <td>{row.relative.clone().unwrap_or_else(|| "–".to_owned())}</td>
                            <td class=format!("gap-trend gap-trend-{}", row.trend.map_or("none", |t| t.as_str()))>
                                <span class="gap-symbol" aria-hidden="true">{trend_symbol(row.trend)}</span>
                                " " {row.trend_text.clone()}
                            </td>
                            {with_pace.then(|| view! { <td>{row.pace.clone().unwrap_or_else(|| "–".to_owned())}</td> })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// A rights area's section: its indicators' groups behind the whole city.
#[component]
pub fn AreaGaps(rows: Vec<GapRow>) -> impl IntoView {
    let locale = use_locale();
    (!rows.is_empty()).then(|| {
        view! {
            <section class="area-gaps" aria-labelledby="area-gaps-heading">
                <h2 id="area-gaps-heading">{t(locale, "gap-area-heading")}</h2>
                <p>{t(locale, "gap-area-lead")} " "
                    <A href=locale.href("/equality")>{t(locale, "equality-all")}</A></p>
                <GapTable rows caption=t(locale, "gap-area-heading") with_indicator=true/>
            </section>
        }
    })
}

/// The indicator page's section: one gap chart per dimension with groups,
/// its legend, the latest gaps and every gap as a table.
#[component]
pub fn IndicatorGaps(figures: Vec<GapFigure>) -> impl IntoView {
    let locale = use_locale();
    (!figures.is_empty()).then(|| {
        view! {
            <section class="gaps" aria-labelledby="gaps-heading">
                <h2 id="gaps-heading">{t(locale, "gap-heading")}</h2>
                <p>{t(locale, "gap-lead")} " "
                    <A href=locale.href("/methodology")>{t(locale, "equality-how")}</A></p>
                {figures.into_iter().map(|figure| view! { <Figure figure/> }).collect_view()}
            </section>
        }
    })
}

#[component]
fn Figure(figure: GapFigure) -> impl IntoView {
    let locale = use_locale();
    let dimension = figure.dimension.clone();
    let (latest_caption, table_caption) = (figure.latest_caption, figure.table_caption);
    let region = table_caption.clone();
    view! {
        <h3>{tr(locale, "gap-by", &[("dimension", dimension.into())])}</h3>
        <figure class="chart-figure gap-figure">
            // Our own plotters SVG, drawn on the server.
            <div class="chart-svg" inner_html=figure.svg></div>
            <figcaption>{figure.caption}</figcaption>
        </figure>
        <ul class="legend gap-legend" aria-label=t(locale, "legend")>
            {figure.legend.into_iter().map(|(swatch, name)| view! {
                <li><span inner_html=swatch></span> <Translated text=name/></li>
            }).collect_view()}
        </ul>
        <GapTable rows=figure.rows caption=latest_caption with_pace=true/>
        <div class="table-scroll" role="region" tabindex="0" aria-label=region>
        <table class="data-table gap-values">
            <caption>{table_caption}</caption>
            <thead><tr>
                <th scope="col">{t(locale, "col-year")}</th>
                {figure.columns.into_iter().map(|group| view! {
                    <th scope="col"><Translated text=group/></th>
                }).collect_view()}
            </tr></thead>
            <tbody>
                {figure.periods.into_iter().map(|(period, cells)| view! {
                    <tr><th scope="row">{period}</th>
                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
