//! The domain of Local Goals: what a city indicator, an observation, a series
//! and a problem in a file are, the UN SDG framework they map to, and (behind
//! the default `pipeline` feature) the reader that turns a city's CSV and Excel
//! files into that model with a report of everything wrong with them.
//!
//! The model types are plain serde structs so the WebAssembly front end can use
//! them; only the `read` module pulls in polars and calamine.

pub mod aggregate;
pub mod model;
pub mod problem;
pub mod progress;
pub mod sdg;
pub mod summary;

#[cfg(feature = "pipeline")]
pub mod read;
#[cfg(feature = "pipeline")]
pub mod release;

pub use model::{
    Area, AreaKind, Dataset, Dimensions, Direction, Indicator, Observation, Period,
    ProgressOptions, Series, SeriesKey, Visibility,
};
pub use problem::{Problem, ProblemCode, Severity};
pub use sdg::{Goal, GOALS};
