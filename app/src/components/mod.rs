//! Pieces several pages share: loading a page's data, the error panel, status
//! badges and counts, indicator cards, lists of areas and districts.

mod badge;
mod card;
mod links;
mod loaded;

pub use badge::{StatusBadge, StatusCounts};
pub use card::CardList;
pub use links::{AreaList, DistrictLinks};
pub use loaded::loaded;
