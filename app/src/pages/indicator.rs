//! `/indicators/:id?dimension=value…`: one indicator, its chart and table.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params, use_query_map};

use crate::api::{fetch_indicator, fetch_series};
use crate::components::{
    loaded, DistrictsSection, OhchrTypeLine, QualitativeTimeline, StatusBadge, Translated,
};
use crate::error::AppError;
use crate::escape::url_encode;
use crate::i18n::{t, tr, use_locale, Locale};
use crate::islands::SeriesExplorer;
use crate::params::{slug_from_query, IdParams};
use crate::types::{ExplorerWords, IndicatorView, SeriesView};

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
    let locale = use_locale();
    let page = Resource::new(
        move || (id(), slug()),
        move |(id, slug)| async move {
            let view = fetch_indicator(id.clone(), locale).await?;
            // A qualitative indicator has statements, not series: no chart.
            // Nor does a district-only indicator asked for no district: it
            // opens on the comparison of all districts.
            let series = if view.qualitative || crate::components::opens_on_districts(&view, &slug)
            {
                None
            } else {
                Some(fetch_series(id, slug, locale).await)
            };
            Ok::<_, AppError>((view, series))
        },
    );
    loaded(
        page,
        |(view, series): (IndicatorView, Option<Result<SeriesView, AppError>>)| {
            view! { <IndicatorDetails view series/> }
        },
    )
}

#[component]
fn IndicatorDetails(
    view: IndicatorView,
    series: Option<Result<SeriesView, AppError>>,
) -> impl IntoView {
    let locale = use_locale();
    let action = locale.href(&format!("/indicators/{}", view.id));
    let w = move |key: &str| t(locale, key);
    let prompt = district_prompt(locale, &view);
    // The series the address selected, for the downloads and the embed.
    let selected = series
        .as_ref()
        .and_then(|s| s.as_ref().ok())
        .map(|s| s.slug.clone());
    // Exported as plain files: the selectors become links to the
    // pre-rendered selection pages (no server to fetch a series from).
    #[cfg(feature = "ssr")]
    let static_links = crate::ssr::export::exporting()
        .then(|| crate::ssr::export::series_links(&view.id, selected.as_deref(), locale));
    #[cfg(not(feature = "ssr"))]
    let static_links = None;
    let error_message = series
        .as_ref()
        .and_then(|s| s.as_ref().err())
        .map(|err| err.message(locale));
    if let Some(Err(err)) = &series {
        // The page is about a series that does not exist: say so with the status.
        #[cfg(feature = "ssr")]
        crate::ssr::set_status(err.status());
        #[cfg(not(feature = "ssr"))]
        let _ = err;
    }
    view! {
        <Title text=view.title.text.clone()/>
        <article class="indicator" style=format!("--goal-colour: {}", view.goal_colour)>
            <p class="breadcrumb">
                <A href=locale.href("/")>{w("nav-goals")}</A>
                " › "
                <A href=locale.href(&format!("/goals/{}", view.goal_number)) attr:class="goal-badge">{tr(locale, "goal-badge", &[("n", view.goal_number.to_string().into()), ("title", view.goal_title.clone().into())])}</A>
            </p>
            <h1><Translated text=view.title.clone()/></h1>
            {view.status.map(|status| view! { <p class="indicator-status">{format!("{} ", w("indicator-status"))}<StatusBadge status/></p> })}
            {if view.qualitative {
                let latest = view.statements.first().map(|s| s.date.text.clone()).unwrap_or_default();
                Either::Left(view! { <p class="meta">{tr(locale, "qualitative-meta", &[("date", latest.into()), ("published", view.published.clone().into())])}</p> })
            } else {
                Either::Right(view! { <p class="meta">{tr(locale, "indicator-meta", &[("unit", view.unit.clone().into()), ("period", view.last_period.clone().into()), ("published", view.published.clone().into())])}</p> })
            }}
            <OhchrTypeLine kind=view.ohchr_type/>
            <ul class="target-badges" aria-label=w("maps-to")>
                {view.targets.iter().map(|target| view! {
                    <li class="target-badge" title=target.name.text.clone()>{tr(locale, "target-label", &[("id", target.id.clone().into())])}</li>
                }).collect_view()}
                {view.rights.clone().into_iter().map(|a| view! {
                    <li class="area-badge"><A href=locale.href(&format!("/rights/{}", url_encode(&a.id)))><Translated text=a.name/></A></li>
                }).collect_view()}
                {view.policies.clone().into_iter().map(|a| view! {
                    <li class="area-badge policy"><A href=locale.href(&format!("/policy/{}", url_encode(&a.id)))><Translated text=a.name/></A></li>
                }).collect_view()}
            </ul>
            <p class="compare-link"><A href=locale.href(&format!("/compare?a={}", url_encode(&view.id)))>{w("compare-link")}</A></p>
            {view.district_only.then(|| view! { <DistrictsSection map=view.map.clone() bars=view.districts.clone()/> })}
            {match series {
                Some(initial) => EitherOf3::A(view! { <SeriesExplorer action dimensions=view.dimensions.clone() indicator=view.id.clone() locale words=explorer_words(locale, &view.id) error_message initial=Some(initial) prompt=prompt.clone() static_links=static_links.clone()/> }),
                None if !view.qualitative => EitherOf3::B(view! { <SeriesExplorer action dimensions=view.dimensions.clone() indicator=view.id.clone() locale words=explorer_words(locale, &view.id) error_message initial=None prompt=prompt.clone() static_links=static_links.clone()/> }),
                None => EitherOf3::C(view! { <QualitativeTimeline statements=view.statements.clone()/> }),
            }}
            <crate::pages::Actions actions=view.actions.clone() locale/>
            <crate::components::IndicatorGaps figures=view.gaps.clone()/>
            {(!view.district_only).then(|| view! { <DistrictsSection map=view.map.clone() bars=view.districts.clone()/> })}
            <section class="about">
                <h2>{w("about-heading")}</h2>
                <dl>
                    {(!view.definition.is_empty()).then(|| view! { <dt>{w("about-definition")}</dt><dd><Translated text=view.definition.clone()/></dd> })}
                    {(!view.unit.is_empty()).then(|| view! { <dt>{w("about-unit")}</dt><dd>{view.unit.clone()}</dd> })}
                    {(!view.source.is_empty()).then(|| view! { <dt>{w("about-source")}</dt><dd>{view.source.clone()}</dd> })}
                    {(!view.owner.is_empty()).then(|| view! { <dt>{w("about-owner")}</dt><dd>{view.owner.clone()}</dd> })}
                    {(!view.qualitative).then(|| view! { <dt>{w("about-last-update")}</dt><dd>{tr(locale, "about-last-update-text", &[("period", view.last_period.clone().into()), ("published", view.published.clone().into())])}</dd> })}
                    {(!view.narrative.is_empty()).then(|| view! { <dt>{w("about-city-does")}</dt><dd><Translated text=view.narrative.clone()/></dd> })}
                </dl>
            </section>
            <crate::components::AboutFigures quality=view.quality.clone()/>
            <crate::components::DownloadLinks indicator=view.id.clone() series=selected.clone()/>
            // A qualitative indicator has no chart to embed (`/embed/{id}` answers 404).
            {(!view.qualitative).then(|| view! { <crate::components::EmbedSnippet indicator=view.id.clone() series=selected/> })}
        </article>
    }
}

/// What a district-only indicator's explorer says when no district is
/// chosen.
fn district_prompt(locale: Locale, view: &IndicatorView) -> Option<String> {
    view.district_only.then(|| t(locale, "map-choose-district"))
}

/// The series explorer's fixed words in `locale` (the island has none of
/// its own).
fn explorer_words(locale: Locale, id: &str) -> ExplorerWords {
    let w = |key: &str| t(locale, key);
    ExplorerWords {
        all: w("selector-all"),
        show: w("selector-show"),
        unavailable: w("series-unavailable"),
        unavailable_text: w("series-unavailable-text"),
        legend: w("legend"),
        why_status: w("why-status"),
        how_computed: w("how-computed"),
        methodology_href: locale.href("/methodology"),
        year: w("col-year"),
        flags: w("col-flags"),
        target_flag: w("target-flag"),
        history_caption: w("history-caption"),
        release: w("col-release"),
        published: w("col-published"),
        status: w("col-status"),
        chart_files: w("chart-image-links"),
        charts_href: locale.href(&format!("/charts/{}", url_encode(id))),
        data_files: w("downloads-series-files"),
        data_href: super::data::indicator_files_href(id),
    }
}
