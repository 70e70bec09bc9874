//! "About these figures" on an indicator page: proxy mark, breaks in
//! series, last and next update, quality note, licence and "Cite this".

use leptos::prelude::*;

use crate::components::Translated;
use crate::i18n::{t, use_locale};
use crate::types::QualityView;

/// The proxy mark: a badge with a shape and words, never colour alone.
#[component]
pub fn ProxyBadge() -> impl IntoView {
    view! { <span class="proxy-badge">{t(use_locale(), "quality-proxy-badge")}</span> }
}

#[component]
pub fn AboutFigures(quality: QualityView) -> impl IntoView {
    let locale = use_locale();
    let w = move |key: &str| t(locale, key);
    let breaks = if quality.breaks.is_empty() {
        view! { <dd>{w("quality-breaks-none")}</dd> }.into_any()
    } else {
        view! {
            <dd>
                <ul class="break-list">
                    {quality.breaks.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
                </ul>
                {w("quality-breaks-text")}
            </dd>
        }
        .into_any()
    };
    view! {
        <section class="quality" aria-labelledby="quality-heading">
            <h2 id="quality-heading">{w("quality-heading")}</h2>
            {quality.proxy.then(|| view! {
                <p class="proxy-note"><ProxyBadge/>" "{w("quality-proxy-text")}</p>
            })}
            <dl class="quality-facts">
                <dt>{w("quality-source")}</dt><dd>{quality.source}</dd>
                {quality.numbers.then(|| view! { <dt>{w("quality-breaks")}</dt>{breaks} })}
                <dt>{w("quality-last-update")}</dt><dd>{quality.last_update}</dd>
                <dt>{w("quality-next-update")}</dt><dd>{quality.next_update}</dd>
                {(!quality.note.is_empty()).then(|| view! {
                    <dt>{w("quality-note")}</dt><dd><Translated text=quality.note.clone()/></dd>
                })}
                <dt>{w("quality-licence")}</dt>
                <dd>{quality.licence.unwrap_or_else(|| w("quality-licence-unknown"))}</dd>
            </dl>
            <h3 id="cite-heading">{w("cite-heading")}</h3>
            <p id="cite-hint">{w("cite-hint")}</p>
            // Plain text in a block of its own: selected and copied whole.
            <pre class="cite"><code>{quality.cite}</code></pre>
        </section>
    }
}
