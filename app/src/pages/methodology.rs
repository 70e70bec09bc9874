//! `/methodology`: how baselines, trends and statuses are computed.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::methodology_html;
use crate::components::loaded;

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let html = Resource::new(|| (), |_| methodology_html());
    view! {
        <Title text="Methodology"/>
        // Our own document, rendered on the server: not user input.
        {loaded(html, |html: String| view! { <article class="prose" inner_html=html></article> })}
    }
}
