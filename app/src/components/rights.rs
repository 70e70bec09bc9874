//! The rights pieces several pages share: a list of recommendations with
//! their follow-up, a rights area's indicators by OHCHR type, a qualitative
//! indicator's timeline and the line naming an indicator's OHCHR type.

use indicators::model::OhchrType;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use super::{CardList, Translated};
use crate::escape::url_encode;
use crate::i18n::{t, tr, use_locale};
use crate::types::{Badge, DateView, OhchrGroup, RecommendationView, StatementView};

/// `<time datetime="2023-05-14">14 May 2023</time>`.
#[component]
pub fn Date(date: DateView) -> impl IntoView {
    view! { <time datetime=date.iso>{date.text}</time> }
}

/// Links to the pages of `badges` under `prefix` (`/rights`, `/indicators`).
fn links(badges: Vec<Badge>, prefix: &'static str) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="inline-links">
            {badges.into_iter().map(|b| view! {
                <li><A href=locale.href(&format!("{prefix}/{}", url_encode(&b.id)))><Translated text=b.name/></A></li>
            }).collect_view()}
        </ul>
    }
}

/// Recommendations, each with its source, date, text, links, the city's
/// response and the follow-up status in words (its colour only repeats
/// them). Each is headed `<h3>`: callers put the list under an `<h2>`.
#[component]
pub fn RecommendationList(items: Vec<RecommendationView>) -> impl IntoView {
    let locale = use_locale();
    let w = move |key: &str| t(locale, key);
    if items.is_empty() {
        return Either::Left(view! { <p class="empty">{w("recommendation-none")}</p> });
    }
    Either::Right(view! {
        <ul class="recommendations">
            {items.into_iter().map(|r| {
                let source = if r.source_name.is_empty() {
                    r.source_label.clone()
                } else {
                    format!("{}: {}", r.source_label, r.source_name)
                };
                view! {
                    <li class=format!("recommendation follow-up-{}", r.status) data-recommendation=r.id.clone()>
                        <h3>{source} " · " <Date date=r.date/></h3>
                        <p class="recommendation-text"><Translated text=r.text/></p>
                        <dl class="recommendation-facts">
                            <dt>{w("recommendation-status")}</dt>
                            <dd>
                                <span class=format!("follow-up follow-up-{}", r.status)>{r.status_label}</span>
                                {r.status_date.map(|d| view! { " (" {w("recommendation-since")} " " <Date date=d/> ")" })}
                            </dd>
                            {r.due_date.map(|d| view! { <dt>{w("recommendation-due")}</dt><dd><Date date=d/></dd> })}
                            <dt>{w("recommendation-response")}</dt>
                            <dd>{if r.response.is_empty() {
                                Either::Left(view! { <span class="empty">{w("recommendation-no-response")}</span> })
                            } else {
                                Either::Right(view! { <Translated text=r.response/> })
                            }}</dd>
                            {(!r.areas.is_empty()).then(|| view! { <dt>{w("recommendation-areas")}</dt><dd>{links(r.areas, "/rights")}</dd> })}
                            {(!r.indicators.is_empty()).then(|| view! { <dt>{w("recommendation-indicators")}</dt><dd>{links(r.indicators, "/indicators")}</dd> })}
                            {r.link.map(|href| view! { <dt>{w("recommendation-document")}</dt><dd><a href=href rel="external">{w("recommendation-document-link")}</a></dd> })}
                        </dl>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// A rights area's recommendations under their own heading.
#[component]
pub fn AreaRecommendations(items: Vec<RecommendationView>) -> impl IntoView {
    let locale = use_locale();
    (!items.is_empty()).then(|| {
        view! {
            <section class="area-recommendations" aria-labelledby="area-recommendations">
                <h2 id="area-recommendations">{tr(locale, "recommendation-area-heading", &[("n", items.len().into())])}</h2>
                <p><A href=locale.href("/recommendations")>{t(locale, "recommendation-all-link")}</A></p>
                <RecommendationList items/>
            </section>
        }
    })
}

/// A rights area's indicators by OHCHR type, each group headed and
/// explained in a line.
#[component]
pub fn OhchrGroups(groups: Vec<OhchrGroup>) -> impl IntoView {
    view! {
        {groups.into_iter().map(|g| {
            let key = g.kind.map_or("none", OhchrType::as_str);
            view! {
                <section class=format!("ohchr-group ohchr-{key}")>
                    <h3>{g.heading}</h3>
                    <p class="ohchr-explanation">{g.explanation}</p>
                    <CardList cards=g.cards class="cards"/>
                </section>
            }
        }).collect_view()}
    }
}

/// `Indicator type (OHCHR): Structure — commitments in law and policy`.
#[component]
pub fn OhchrTypeLine(kind: Option<OhchrType>) -> impl IntoView {
    let locale = use_locale();
    kind.map(|kind| {
        view! {
            <p class="ohchr-type">
                {t(locale, "ohchr-type-label")} " "
                <span class=format!("badge ohchr-badge ohchr-{kind}")>{t(locale, &format!("ohchr-type-{kind}"))}</span>
                " — " {t(locale, &format!("ohchr-explain-{kind}"))}
            </p>
        }
    })
}

/// A qualitative indicator's statements, newest first, in place of a chart
/// and a status.
#[component]
pub fn QualitativeTimeline(statements: Vec<StatementView>) -> impl IntoView {
    let locale = use_locale();
    let w = move |key: &str| t(locale, key);
    view! {
        <section class="qualitative" aria-labelledby="qualitative-heading">
            <h2 id="qualitative-heading">{w("qualitative-heading")}</h2>
            <p class="no-score">{w("qualitative-no-score")}</p>
            {if statements.is_empty() {
                Either::Left(view! { <p class="empty">{w("qualitative-none")}</p> })
            } else {
                Either::Right(view! {
                    <ol class="timeline" aria-label=w("qualitative-timeline-label")>
                        {statements.into_iter().map(|s| {
                            let separator = if s.answer.is_some() { " — " } else { "" };
                            view! {
                                <li>
                                    <Date date=s.date/> ": "
                                    {s.answer.map(|a| view! { <strong class="answer">{a}</strong> })}
                                    {(!s.text.is_empty()).then(|| view! { {separator} <Translated text=s.text/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })
            }}
        </section>
    }
}
