//! `/methodology`: how baselines, trends and statuses are computed.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::methodology_html;
use crate::components::loaded;
use crate::i18n::{t, use_locale, Locale};

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let locale = use_locale();
    let html = Resource::new(|| (), |_| methodology_html());
    view! {
        <Title text=t(locale, "methodology-title")/>
        {(locale != Locale::En).then(|| view! { <p class="language-note">{t(locale, "methodology-language-note")}</p> })}
        // Our own document, rendered on the server: not user input.
        {loaded(html, |html: String| view! { <article class="prose" lang="en" inner_html=html></article> })}
    }
}
