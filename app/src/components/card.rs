//! Indicator cards: sparkline, latest value, change since the baseline, status.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use super::StatusBadge;
use crate::components::Translated;
use crate::i18n::{t, use_locale};
use crate::types::IndicatorCard;
use crate::words::movement_word;

/// A list of indicator cards, or a sentence when there are none.
#[component]
pub fn CardList(cards: Vec<IndicatorCard>, #[prop(into)] class: String) -> impl IntoView {
    if cards.is_empty() {
        return Either::Left(view! { <p class="empty">{t(use_locale(), "no-indicator-here")}</p> });
    }
    Either::Right(view! {
        <ul class=class>
            {cards.into_iter().map(|card| view! { <Card card/> }).collect_view()}
        </ul>
    })
}

/// One indicator: sparkline, latest value, change since baseline, status.
#[component]
pub fn Card(
    card: IndicatorCard,
    /// A line under the status (a search says where it found the words).
    #[prop(optional)]
    note: Option<String>,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <li class="card" data-indicator=card.id.clone()>
            <A href=locale.href(&format!("/indicators/{}", card.id)) attr:class="card-title">
                <Translated text=card.title/>
            </A>
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
                        <span class=format!("change change-{}", change.movement)>
                            {format!("{} ({})", change.text, movement_word(locale, change.movement))}
                        </span>
                    })}
                </span>
            </div>
            {card.status.map(|status| view! { <StatusBadge status/> })}
            {card.proxy.then(|| view! { <super::ProxyBadge/> })}
            {card.statement.map(|s| view! {
                <p class="card-statement"><super::Date date=s.date/> ": " {s.text}</p>
            })}
            {card.qualitative.then(|| view! { <p class="no-score">{t(locale, "qualitative-no-score-short")}</p> })}
            {note.map(|note| view! { <p class="card-note">{note}</p> })}
        </li>
    }
}
