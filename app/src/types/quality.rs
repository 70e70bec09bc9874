//! "About these figures": an indicator's quality and provenance as its page
//! shows them, worded on the server (`crate::ssr::quality`).

use serde::{Deserialize, Serialize};

use super::Text;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QualityView {
    /// The figures stand in for what the indicator means to measure.
    pub proxy: bool,
    /// Each break in series, oldest first: `2019 (Total; Sex: female)`.
    pub breaks: Vec<String>,
    /// Whether the figures are numbers in series (a qualitative indicator's
    /// are dated statements: no line on breaks for them).
    pub numbers: bool,
    /// `12 March 2026`, or the release's date and that it is one.
    pub last_update: String,
    /// `March 2027`, or when the next figures are due by the update
    /// frequency, or "not announced".
    pub next_update: String,
    /// The quality note in the page's language (or marked as another).
    pub note: Text,
    /// The indicator's licence, else the dataset's; `None`: not stated.
    pub licence: Option<String>,
    /// Who publishes the figures (the catalogue's owner, else its source).
    pub source: String,
    /// The "Cite this" text, one line to copy.
    pub cite: String,
}
