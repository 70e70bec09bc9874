//! The HTML document, the router and the frame every page shares.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes, A},
    hooks::use_location,
    path, SsrMode,
};

use crate::i18n::{t, use_locale, Locale};

use crate::islands::HydrationMarker;
use crate::pages::{
    ComparePage, DataPage, DistrictPage, EqualityPage, GoalPage, HomePage, IndicatorPage,
    MethodologyPage, NotFound, PolicyPage, ProgressPage, RecommendationsPage, ReportListPage,
    ReportPage, RightsPage, SearchForm, SearchPage,
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = use_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=t(locale, "site-description")/>
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

    let locale = use_locale();
    let home = locale.href("/");
    // The static export has no server to search with: no search form there.
    #[cfg(feature = "ssr")]
    let exporting = crate::ssr::export::exporting();
    #[cfg(not(feature = "ssr"))]
    let exporting = false;
    view! {
        <Stylesheet id="leptos" href=stylesheet_href()/>
        <Title formatter=page_title/>
        <Router>
            <div class="page">
                <HydrationMarker/>
                <a class="skip-link" href="#main">{t(locale, "skip-to-content")}</a>
                <header class="site-header">
                    <A href=home.clone() attr:class="brand">"Local Goals"</A>
                    <nav aria-label=t(locale, "nav-main")>
                        <A href=home.clone()>{t(locale, "nav-goals")}</A>
                        <A href=locale.href("/progress")>{t(locale, "nav-progress")}</A>
                        <A href=locale.href("/report")>{t(locale, "nav-report")}</A>
                        <A href=locale.href("/equality")>{t(locale, "equality-nav")}</A>
                        <A href=locale.href("/recommendations")>{t(locale, "recommendation-nav")}</A>
                        <A href=locale.href("/methodology")>{t(locale, "nav-methodology")}</A>
                    </nav>
                    {(!exporting).then(|| view! { <SearchForm locale value=String::new() id="header-search"/> })}
                    <LanguageSwitch locale/>
                </header>
                // `tabindex=-1` so following the skip link moves keyboard focus too.
                <main id="main" tabindex="-1">
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
                        <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                        <Route path=path!("/compare") view=ComparePage ssr=SsrMode::Async/>
                        <Route path=path!("/data") view=DataPage ssr=SsrMode::Async/>
                        <Route path=path!("/equality") view=EqualityPage ssr=SsrMode::Async/>
                        <Route path=path!("/recommendations") view=RecommendationsPage ssr=SsrMode::Async/>
                        <Route path=path!("/report") view=ReportListPage ssr=SsrMode::Async/>
                        <Route path=path!("/report/:year") view=ReportPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <footer class="site-footer">
                    <p>{t(locale, "footer-text")} " "
                    <A href=locale.href("/methodology")>{t(locale, "footer-methodology")}</A>
                    " · " <a href=locale.href("/data")>{t(locale, "footer-open-data")}</a></p>
                </footer>
            </div>
        </Router>
    }
}

/// The stylesheet's address, provided by the server (its content-hashed
/// name, cached for a year); the plain name when none is provided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StylesheetHref(pub String);

fn stylesheet_href() -> String {
    use_context::<StylesheetHref>()
        .map(|href| href.0)
        .unwrap_or_else(|| "/pkg/localgoals.css".to_owned())
}

/// Links to this page in every other language the site offers, keeping the
/// address's query (the selection). Plain links: no JavaScript needed.
#[component]
fn LanguageSwitch(locale: Locale) -> impl IntoView {
    let location = use_location();
    let here = {
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    let others: Vec<Locale> = crate::i18n::offered()
        .into_iter()
        .filter(|l| *l != locale)
        .collect();
    (!others.is_empty()).then(|| {
        view! {
            <nav class="language-switch" aria-label=t(locale, "nav-language")>
                <ul>
                    {others.into_iter().map(|other| view! {
                        <li><a href=other.explicit_href(&here) hreflang=other.code() lang=other.code()>{other.endonym()}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
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
