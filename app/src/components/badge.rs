//! A status in words with its colour as a second signal, and counts per status.

use indicators::progress::ProgressStatus;
use leptos::prelude::*;

use crate::i18n::{t, use_locale};
use crate::types::StatusCount;
use crate::words::status_label;

/// A status in words, coloured as a second signal.
#[component]
pub fn StatusBadge(
    status: ProgressStatus,
    /// The words, when the caller has them already (an island, which has no
    /// translations of its own); else looked up for the page's language.
    #[prop(optional)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| status_label(use_locale(), status));
    // The shape (drawn by CSS from the class) is a second signal besides the
    // colour; the words are the first.
    view! { <span class=format!("badge status-{status}")>{label}</span> }
}

/// `3 × Deterioration`, one item per status.
#[component]
pub fn StatusCounts(counts: Vec<StatusCount>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="status-counts" aria-label=t(locale, "status-counts-label")>
            {counts.into_iter().map(|c| view! {
                <li class=format!("status status-{}", c.status)>{format!("{} × {}", c.count, status_label(locale, c.status))}</li>
            }).collect_view()}
        </ul>
    }
}
