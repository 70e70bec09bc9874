//! The Local Goals web application: pages, components and server functions,
//! rendered on the server (`ssr`) and, for the islands, hydrated in the
//! browser (`hydrate`).
//!
//! The arrows run one way: `pages` (and `islands`) call the server functions
//! in `api`, which check their arguments and call the server-side view
//! building in `ssr`, which returns the view types of `types`. `types` and
//! `params` import none of the others; `words` turns codes and numbers into
//! English. Charts are drawn on the server only ([`chart`]), so pages,
//! downloads and embeds share one code path.
//!
//! Pages are islands-mode Leptos: everything is rendered on the server and
//! only the interactive parts (`#[island]`: the series selector with its
//! chart and table) ship as wasm, which keeps a first visit small.

pub mod api;
pub mod error;
pub mod i18n;
pub mod params;
pub mod types;
pub mod words;

pub(crate) mod components;
pub mod escape;
pub(crate) mod islands;
pub(crate) mod pages;
mod shell;

#[cfg(feature = "ssr")]
pub mod chart;
#[cfg(feature = "ssr")]
pub mod format;

#[cfg(feature = "ssr")]
pub mod ssr;

pub use components::PublicUrl;
pub use shell::{shell, App, StylesheetHref};

/// Hydrates the islands of a server-rendered page (the browser entry point
/// calls this, which also links this crate's islands into the wasm).
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
