//! Any address that is not a page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(http::StatusCode::NOT_FOUND);
    view! {
        <Title text="Page not found"/>
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. " <A href="/">"Go to the list of goals"</A> "."</p>
    }
}
