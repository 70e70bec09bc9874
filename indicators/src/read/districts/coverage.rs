//! Whether boundaries and observations name the same districts: a boundary
//! no series uses, and a district the series report without a boundary, are
//! warnings (the map leaves such a district out and the table lists it).

use std::collections::BTreeMap;

use polars::prelude::PlHashMap;

use super::locate::{self, JsonPath};
use crate::frame::{dimensions_from_json, ObservationFrame};
use crate::model::{is_district_dimension, DistrictMap};
use crate::problem::Problem;
use crate::suggest::nearest;

/// The districts the observations name, each with its first place (file,
/// line) and dimension. Filled frame by frame, so a build in groups sees
/// what a build in memory sees.
#[derive(Debug, Default)]
pub(crate) struct DistrictsSeen {
    first: BTreeMap<String, (String, usize, String)>,
}

impl DistrictsSeen {
    /// Adds the districts of `frame`'s rows.
    pub fn add(&mut self, frame: &ObservationFrame) {
        let Ok(view) = frame.view() else {
            return;
        };
        // Each distinct dimensions text once: its district, if any.
        let mut districts: PlHashMap<&str, Option<(String, String)>> = PlHashMap::default();
        for row in 0..view.len() {
            let text = view.dimensions.get(row).unwrap_or("[]");
            let district = districts.entry(text).or_insert_with(|| {
                dimensions_from_json(text).and_then(|d| {
                    d.pairs()
                        .iter()
                        .find(|(name, _)| is_district_dimension(name))
                        .map(|(name, value)| (name.clone(), value.clone()))
                })
            });
            let Some((dimension, value)) = district else {
                continue;
            };
            let file = view.source_file.get(row).unwrap_or_default();
            let line = view.source_line.get(row).unwrap_or_default() as usize;
            let earlier = self.first.get(value.as_str());
            if earlier.is_none_or(|(f, l, _)| (file, line) < (f.as_str(), *l)) {
                self.first
                    .insert(value.clone(), (file.to_owned(), line, dimension.clone()));
            }
        }
    }

    /// The warnings: each boundary no series uses (in `file`, whose
    /// `text` places it on its feature's line), and each district without a
    /// boundary (at its first row).
    pub fn problems(&self, map: &DistrictMap, file: &str, text: &[u8]) -> Vec<Problem> {
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        let mut problems = Vec::new();
        // A file read without errors keeps every feature, in order.
        for (n, district) in map.districts.iter().enumerate() {
            if !self.first.contains_key(&district.id) {
                let path = JsonPath::default()
                    .key("features")
                    .index(n)
                    .key("properties")
                    .key("id");
                problems.push(
                    Problem::unused_boundary(file)
                        .at(locate::line_of(text, &path), &path.to_string())
                        .with_value(&district.id),
                );
            }
        }
        let ids = || map.districts.iter().map(|d| d.id.as_str());
        for (value, (at, line, dimension)) in &self.first {
            if ids().any(|id| id == value) {
                continue;
            }
            let suggestion = nearest(value, ids(), 1).first().map(|s| (*s).to_owned());
            problems.push(
                Problem::no_boundary(at, suggestion)
                    .at(*line, dimension)
                    .with_value(value),
            );
        }
        problems
    }
}
