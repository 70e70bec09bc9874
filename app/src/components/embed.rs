//! (being written)

use leptos::prelude::*;

/// The indicator page's copy-paste snippet that embeds its chart elsewhere,
/// for the series the address selected (`series`: its slug).
#[component]
pub fn EmbedSnippet(indicator: String, series: Option<String>) -> impl IntoView {
    let _ = (indicator, series);
}
