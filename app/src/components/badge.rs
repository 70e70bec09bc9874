//! A status in words with its colour as a second signal, and counts per status.

use indicators::progress::ProgressStatus;
use leptos::prelude::*;

use crate::types::StatusCount;
use crate::words::status_label;

/// A status in words, coloured as a second signal.
#[component]
pub fn StatusBadge(status: ProgressStatus) -> impl IntoView {
    view! { <span class=format!("badge status-{status}")>{status_label(status)}</span> }
}

/// `3 × Deterioration`, one item per status.
#[component]
pub fn StatusCounts(counts: Vec<StatusCount>) -> impl IntoView {
    view! {
        <ul class="status-counts" aria-label="Indicators by status">
            {counts.into_iter().map(|c| view! {
                <li class=format!("status status-{}", c.status)>{format!("{} × {}", c.count, status_label(c.status))}</li>
            }).collect_view()}
        </ul>
    }
}
