//! The HTML document, the router and the frame every page shares.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes, A},
    path, SsrMode,
};

use crate::islands::HydrationMarker;
use crate::pages::{
    DistrictPage, GoalPage, HomePage, IndicatorPage, MethodologyPage, NotFound, PolicyPage,
    ProgressPage, RightsPage,
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
    let title = crate::escape::escape_html(&title);
    title
}
