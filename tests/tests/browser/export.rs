//! The static export in a browser: the pages `localgoals export-static`
//! writes, served by a plain static file server, hydrate with JavaScript on,
//! reach each series through a link to its pre-rendered page, and never call
//! a server that is not there (the console stays clean).

use fantoccini::Locator;

use crate::harness::{workspace_root, Ctx, Js};

/// A small city (one indicator by sex and district, an internal one and a
/// qualitative one) keeps the export to seconds.
const CITY: &str = "server/tests/fixtures/rights-city";

pub async fn the_static_export_switches_series_by_links_with_a_clean_console(ctx: Ctx) -> Ctx {
    let root = workspace_root();
    let data = tempfile::TempDir::new().expect("a data folder");
    let out = tempfile::TempDir::new().expect("an output folder");
    let mut options = leptos::config::get_configuration(None)
        .expect("leptos configuration")
        .leptos_options;
    options.site_root = root.join("target/site").to_string_lossy().as_ref().into();
    let state = server::AppState::load(options, Some(&root.join(CITY)), data.path())
        .await
        .expect("the small city loads");
    let summary = server::export::export_state(state, out.path())
        .await
        .expect("the export succeeds");
    assert!(summary.broken.is_empty(), "{:?}", summary.broken);

    // A plain static file server: no application behind it.
    let service =
        tower_http::services::ServeDir::new(out.path()).append_index_html_on_directories(true);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let server = tokio::spawn(async move {
        axum::serve(listener, axum::Router::new().fallback_service(service))
            .await
            .expect("the static server runs");
    });

    ctx.client()
        .goto(&format!("{base}/indicators/rent-burden/"))
        .await
        .expect("the exported page loads");
    ctx.check_hydration().await;
    let links = ctx.texts("nav.series-links a").await;
    assert!(links.len() > 2, "one link per series: {links:?}");
    let current = ctx.text("nav.series-links a[aria-current='page']").await;
    // Follow the first series that is not the one shown.
    let other = ctx
        .client()
        .find(Locator::Css("nav.series-links a:not([aria-current])"))
        .await
        .expect("a link to another series");
    let label = other.text().await.expect("its label");
    let href = other.attr("href").await.expect("href").expect("an href");
    assert!(
        !href.contains('?'),
        "selections are pre-rendered pages: {href}"
    );
    other.click().await.expect("follow the link");
    ctx.client()
        .wait()
        .for_url(&url::Url::parse(&format!("{base}{href}")).expect("a URL"))
        .await
        .expect("the series' page opens");
    ctx.check_hydration().await;
    let now = ctx.text("nav.series-links a[aria-current='page']").await;
    assert_eq!(now, label, "the page shows the chosen series");
    assert_ne!(now, current);
    ctx.wait_for("figure svg[role='img']").await;
    if ctx.js == Js::On {
        let errors = ctx.take_console_errors().await;
        assert!(errors.is_empty(), "the export's console: {errors:?}");
    }
    // Nothing on the page asks for a form the static server can't answer.
    assert!(ctx
        .client()
        .find_all(Locator::Css("form.series-selector"))
        .await
        .expect("find_all")
        .is_empty());
    server.abort();
    ctx
}
