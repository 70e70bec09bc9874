//! The Local Goals web application: pages, components and server functions,
//! rendered on the server (`ssr`) and hydrated in the browser (`hydrate`).
//!
//! Server functions are thin: they read the loaded [`indicators::Dataset`] from
//! context and return view types. Charts are drawn on the server only
//! ([`chart`]), so pages, downloads and embeds share one code path.
//!
//! Pages are islands-mode Leptos: everything is rendered on the server and
//! only the interactive parts (`#[island]`: the series selector with its
//! chart and table) ship as wasm, which keeps a first visit small.

pub mod api;
pub mod error;
pub mod format;
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

use crate::pages::{
    DistrictPage, GoalPage, HomePage, IndicatorPage, MethodologyPage, PolicyPage, ProgressPage,
    RightsPage,
};

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
                <HydrationScripts options islands=true/>
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

    view! {
        <Stylesheet id="leptos" href="/pkg/localgoals.css"/>
        <Title formatter=page_title/>
        <Router>
            <div class="page">
                <HydrationMarker/>
                <header class="site-header">
                    <A href="/" attr:class="brand">"Local Goals"</A>
                    <nav aria-label="Main">
                        <A href="/">"Goals"</A>
                        <A href="/progress">"Progress"</A>
                        <A href="/methodology">"Methodology"</A>
                    </nav>
                </header>
                <main id="main">
                    // Async: the whole page waits for its data, so readers without
                    // JavaScript get complete HTML, not a loading placeholder.
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                        <Route path=path!("/goals/:n") view=GoalPage ssr=SsrMode::Async/>
                        <Route path=path!("/indicators/:id") view=IndicatorPage ssr=SsrMode::Async/>
                        <Route path=path!("/rights/:id") view=RightsPage ssr=SsrMode::Async/>
                        <Route path=path!("/policy/:id") view=PolicyPage ssr=SsrMode::Async/>
                        <Route path=path!("/districts/:name") view=DistrictPage ssr=SsrMode::Async/>
                        <Route path=path!("/progress") view=ProgressPage ssr=SsrMode::Async/>
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

/// The document title. leptos_meta 0.8 writes the server-rendered `<title>`
/// without escaping it, so a data label such as `</title><script>` would
/// become markup; escape it on the server. In the browser the title is set
/// as text through the DOM, where escaping would show the entities.
fn page_title(text: String) -> String {
    let title = format!("{text} · Local Goals");
    #[cfg(feature = "ssr")]
    let title = escape_html(&title);
    title
}

/// Escapes text for use inside HTML elements and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Says whether the page's islands have hydrated: `data-hydrated` turns
/// `true` in the browser once the wasm has run, so tests (and curious people)
/// can tell a hydrated page from a server-rendered one.
#[island]
fn HydrationMarker() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    view! { <span id="hydration" hidden data-hydrated=move || hydrated.get().to_string()></span> }
}

/// Hydrates the islands of a server-rendered page (the browser entry point
/// calls this, which also links this crate's islands into the wasm).
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}

/// Percent-encodes a path segment or query value (RFC 3986 unreserved
/// characters kept), e.g. a district name with umlauts.
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
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
