//! The interactive parts: the only components compiled into the wasm and
//! hydrated in the browser. Everything else is server-rendered HTML.

mod hydration_marker;
mod series_explorer;

pub use hydration_marker::HydrationMarker;
pub use series_explorer::SeriesExplorer;
