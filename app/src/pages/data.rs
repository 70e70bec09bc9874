//! `/data`: the open-data page. Every file of the whole public release
//! (format, what it is for, link), the release's id, date, licence and a
//! citation to copy, the SDMX structure id, and links to the API and feed.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::load_data_page;
use crate::components::loaded;
use crate::i18n::{t, tr, use_locale};
use crate::types::data::DataView;

/// The open-data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let locale = use_locale();
    let view = Resource::new(|| (), move |_| load_data_page(locale));
    loaded(view, move |view: DataView| {
        let w = move |key: &str| t(locale, key);
        let facts = view.facts;
        view! {
            <Title text=w("data-title")/>
            <article class="open-data">
                <h1>{w("data-title")}</h1>
                <p class="lead">{w("data-lead")}</p>
                <p class="release">
                    {tr(locale, "data-release", &[("release", facts.release.clone().into()), ("date", facts.published.clone().into())])}
                    " "
                    {tr(locale, "data-counts", &[("indicators", (view.indicators as u64).into()), ("observations", (view.observations as u64).into())])}
                </p>
                <h2>{w("data-files-heading")}</h2>
                <table class="data-files">
                    <thead><tr>
                        <th scope="col">{w("data-col-format")}</th>
                        <th scope="col">{w("data-col-file")}</th>
                        <th scope="col">{w("data-col-purpose")}</th>
                    </tr></thead>
                    <tbody>
                        {view.files.into_iter().map(|file| view! {
                            <tr data-format=file.format.as_str()>
                                <td>{file.format.label()}</td>
                                <td><a href=file.href download=file.name.clone()>{file.name.clone()}</a></td>
                                <td>{file.purpose}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p>{w("data-per-indicator")}</p>
                <h2>{w("data-licence-heading")}</h2>
                <p class="licence">{facts.licence.unwrap_or_else(|| w("data-licence-unknown"))}</p>
                <h2 id="data-cite-heading">{w("data-cite-heading")}</h2>
                <p id="data-cite-hint">{w("data-cite-hint")}</p>
                <pre class="cite" aria-labelledby="data-cite-heading"><code>{facts.cite}</code></pre>
                <h2>{w("data-sdmx-heading")}</h2>
                <p>{tr(locale, "data-sdmx-text", &[("structure", view.structure_id.clone().into())])}</p>
                <p><code class="sdmx-structure">{view.structure_id}</code></p>
                <h2>{w("data-more-heading")}</h2>
                <ul class="reuse">
                    <li><a href="/api/openapi.json">{w("data-api")}</a></li>
                    <li><a href="/feeds/site.atom" type="application/atom+xml">{w("data-feed")}</a></li>
                </ul>
            </article>
        }
    })
}

/// `/data/localgoals-r00003-poverty-rate`: the address of indicator `id`'s
/// data files without extension, for the series explorer to add the shown
/// series to. Read from the served release while the page renders on the
/// server; empty elsewhere (then the explorer shows no data links).
pub(crate) fn indicator_files_href(id: &str) -> String {
    #[cfg(feature = "ssr")]
    if let Some(data) = use_context::<crate::ssr::DashboardData>() {
        return format!(
            "/data/{}{}-{}",
            crate::types::data::FILE_PREFIX,
            data.release,
            crate::escape::url_encode(id)
        );
    }
    let _ = id;
    String::new()
}
