//! The domain of Local Goals: what a city indicator, an observation and a series
//! are, the UN SDG framework they map to, and (behind the default `pipeline`
//! feature) the polars pipeline that reads a city's files into that model.
//!
//! The model types are plain serde structs so the WebAssembly front end can use
//! them; only the `pipeline` module pulls in polars.

pub mod model;
pub mod sdg;

#[cfg(feature = "pipeline")]
pub mod pipeline;

pub use model::{Dataset, Indicator, Observation, Series, SeriesKey};
pub use sdg::{Goal, GOALS};
