//! An indicator page's downloads: its files for all its series, the files
//! of the series the address selects (`?series=`), and the release, date,
//! licence and citation line. Plain links, so they work without JavaScript
//! and the static export finds them.

use leptos::prelude::*;

use crate::api::load_downloads;
use crate::components::loaded;
use crate::i18n::{t, tr, use_locale};
use crate::types::data::{DataFile, DownloadsView};

/// The indicator page's downloads: every series of the indicator, and the
/// series the address selected (`series`: its slug).
#[component]
pub fn DownloadLinks(indicator: String, series: Option<String>) -> impl IntoView {
    let locale = use_locale();
    let view = Resource::new(
        move || (indicator.clone(), series.clone()),
        move |(id, series)| load_downloads(id, series, locale),
    );
    loaded(view, move |view: DownloadsView| {
        let facts = view.facts;
        let licence = facts
            .licence
            .clone()
            .unwrap_or_else(|| t(locale, "data-licence-unknown"));
        view! {
            <section class="downloads" aria-labelledby="downloads-heading">
                <h2 id="downloads-heading">{t(locale, "downloads-heading")}</h2>
                <p class="download-files">{t(locale, "downloads-all")} " " <FileLinks files=view.all/></p>
                {view.selected.map(|(label, files)| view! {
                    <p class="download-files download-selected">
                        {tr(locale, "downloads-selected", &[("series", label.into())])} " " <FileLinks files/>
                    </p>
                })}
                <p class="note">
                    {tr(locale, "downloads-facts", &[("release", facts.release.into()), ("date", facts.published.into()), ("licence", licence.into())])}
                    " "
                    <a href=locale.href("/data")>{t(locale, "downloads-more")}</a>
                </p>
                <p class="note cite">{tr(locale, "downloads-cite", &[("cite", facts.cite.into())])}</p>
            </section>
        }
    })
}

/// The files as links separated by dots.
#[component]
fn FileLinks(files: Vec<DataFile>) -> impl IntoView {
    files
        .into_iter()
        .enumerate()
        .map(|(i, file)| {
            view! {
                {(i > 0).then_some(" · ")}
                <a href=file.href download=file.name.clone() data-format=file.format.as_str()>{file.format.label()}</a>
            }
        })
        .collect_view()
}
