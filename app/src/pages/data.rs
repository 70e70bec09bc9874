//! `/data`: (being written).

use leptos::prelude::*;

/// The open-data page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! { <h1>"Open data"</h1> }
}
