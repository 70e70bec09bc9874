//! The static export (`localgoals export-static`): how a page learns it is
//! being written to plain files, and the links that replace what needs the
//! server there (the series selectors).

use leptos::prelude::use_context;

use crate::escape::url_encode;
use crate::i18n::{t, Locale};
use crate::words;

/// The request header the exporter sends with every page it renders.
pub const HEADER: &str = "x-localgoals-export";

/// Whether the page being rendered is for the static export: then it must
/// not depend on a form or a server function, which plain files cannot
/// answer.
pub fn exporting() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| parts.headers.contains_key(HEADER))
}

/// One link per series of a public indicator, `(href, label, current)`, in
/// the data's order (headline first): what the series selectors become in
/// the static export, where each selection is a page of its own. The
/// headline links the indicator's own page; an indicator without one (by
/// district only) starts with a link back to it, which shows no series.
/// Comes with the list's accessible name.
pub fn series_links(
    indicator: &str,
    selected: Option<&str>,
    locale: Locale,
) -> (String, Vec<(String, String, bool)>) {
    let name = t(locale, "export-series-links");
    let Ok(data) = super::data() else {
        return (name, Vec::new());
    };
    let block = data.index.block(indicator);
    let page = locale.href(&format!("/indicators/{}", url_encode(indicator)));
    let mut links = Vec::new();
    let headline = block.series.iter().any(|s| s.key.dimensions.is_headline());
    if !headline {
        links.push((page.clone(), t(locale, "selector-all"), selected.is_none()));
    }
    for series in &block.series {
        let dimensions = &series.key.dimensions;
        let slug = dimensions.slug();
        let href = if dimensions.is_headline() {
            page.clone()
        } else {
            format!("{page}?series={}", url_encode(&slug))
        };
        let current = selected.map_or(dimensions.is_headline(), |s| s == slug);
        links.push((
            href,
            words::series_label(locale, &data.labels, dimensions),
            current,
        ));
    }
    (name, links)
}
