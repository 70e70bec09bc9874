//! The domain of Local Goals: what a city indicator, an observation, a series
//! and a problem in a file are, the UN SDG framework they map to, how a
//! series' baseline, trend and progress status are computed, and (behind the
//! default `pipeline` feature) the reader that turns a city's CSV and Excel
//! files into that model and the releases that store it.
//!
//! The model types are plain serde structs so the WebAssembly front end can use
//! them; only `read` and `release` pull in polars and calamine. Nothing here
//! makes sentences: problems and statuses carry codes and numbers, and the
//! edges (command line, pages) word them.

pub mod wire;

pub mod aggregate;
pub mod gaps;
pub mod model;
pub mod narrative;
pub mod problem;
pub mod progress;
pub mod report;
pub mod sdg;
pub mod selection;
pub mod statuses;
pub mod suggest;
pub mod summary;

#[cfg(feature = "pipeline")]
pub mod frame;
#[cfg(feature = "pipeline")]
pub mod read;
#[cfg(feature = "pipeline")]
pub mod release;

pub use model::{
    Action, ActionKind, Area, AreaKind, CountedSeries, Dataset, Dimensions, Direction, Indicator,
    Labels, Localized, Observation, Period, ProgressOptions, Series, SeriesKey, Visibility,
};
pub use problem::{Problem, ProblemCode, Reason, Severity};
pub use sdg::{Goal, GOALS};
