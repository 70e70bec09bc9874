//! (being written)

use leptos::prelude::*;

/// The indicator page's downloads: every series of the indicator, and the
/// series the address selected (`series`: its slug).
#[component]
pub fn DownloadLinks(indicator: String, series: Option<String>) -> impl IntoView {
    let _ = (indicator, series);
}
