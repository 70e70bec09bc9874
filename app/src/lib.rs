//! The Local Goals web application: pages, components and server functions,
//! rendered on the server (`ssr`) and hydrated in the browser (`hydrate`).
//!
//! Server functions are thin: they read the loaded [`indicators::Dataset`] from
//! context and return view types. Charts are drawn on the server only
//! ([`chart`]), so pages, downloads and embeds share one code path.

pub mod api;
pub mod error;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod chart;

#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes, A},
    path, SsrMode,
};

use crate::pages::{HomePage, IndicatorPage, MethodologyPage};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content="How our city is doing on the Sustainable Development Goals: local indicators, trends and open data."/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The router and the frame every page shares.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Set only in the browser once hydration has run, so tests (and curious
    // people) can tell a hydrated page from a server-rendered one.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    view! {
        <Stylesheet id="leptos" href="/pkg/localgoals.css"/>
        <Title formatter=|text: String| format!("{text} · Local Goals")/>
        <Router>
            <div class="page" data-hydrated=move || hydrated.get().to_string()>
                <header class="site-header">
                    <A href="/" attr:class="brand">"Local Goals"</A>
                    <span class="tagline">"How our city is doing on the Sustainable Development Goals"</span>
                </header>
                <main id="main">
                    // Async: the whole page waits for its data, so readers without
                    // JavaScript get complete HTML, not a loading placeholder.
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/indicators/:id") view=IndicatorPage ssr=SsrMode::Async/>
                        <Route path=path!("/methodology") view=MethodologyPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <footer class="site-footer">
                    <p>"Open data from the city's indicator files, mapped to the UN Sustainable Development Goals. "
                    <A href="/methodology">"How statuses are computed"</A></p>
                </footer>
            </div>
        </Router>
    }
}

/// Shown for any path that is not a page.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    ssr::set_status(http_status::NOT_FOUND);
    view! {
        <Title text="Page not found"/>
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. " <A href="/">"Go to the list of goals"</A> "."</p>
    }
}

#[cfg(feature = "ssr")]
mod http_status {
    pub const NOT_FOUND: u16 = 404;
}
