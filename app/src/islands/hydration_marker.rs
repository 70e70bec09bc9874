//! A marker that says whether the page's islands have hydrated.

use leptos::prelude::*;

/// `data-hydrated` turns `true` in the browser once the wasm has run, so
/// tests (and curious people) can tell a hydrated page from a server-rendered
/// one.
#[island]
pub fn HydrationMarker() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! { <span id="hydration" hidden data-hydrated=move || hydrated.get().to_string()></span> }
}
