//! The problems a `districts.geojson` can have: the kinds of JSON value a
//! place needs, the limits a file can pass, and their constructors.

use super::{Problem, Reason};

crate::wire_enum! {
    /// The kind of JSON value GeoJSON needs in a place.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum JsonKind: "JSON kind" {
        Object = "object",
        Array = "array",
    }
}

crate::wire_enum! {
    /// What a GeoJSON file has too much of (see `read::districts`' limits).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum GeoJsonPart: "GeoJSON limit" {
        Bytes = "bytes",
        Features = "features",
        Positions = "positions",
        Nesting = "nesting",
    }
}

impl Problem {
    /// `error`: the JSON parser's words; `column`: the character on the line.
    pub fn not_json(file: &str, error: impl ToString, column: usize) -> Self {
        Self::new(
            file,
            Reason::NotJson {
                error: error.to_string(),
                column,
            },
        )
    }

    pub fn not_a_feature_collection(file: &str) -> Self {
        Self::new(file, Reason::NotAFeatureCollection)
    }

    pub fn geojson_expected(file: &str, expected: JsonKind) -> Self {
        Self::new(file, Reason::GeoJsonExpected { expected })
    }

    pub fn no_district_id(file: &str) -> Self {
        Self::new(file, Reason::NoDistrictId)
    }

    /// The same district id as the feature on `first_line`.
    pub fn duplicate_district(file: &str, first_line: usize) -> Self {
        Self::new(file, Reason::DuplicateDistrict { first_line })
    }

    pub fn short_ring(file: &str, positions: usize) -> Self {
        Self::new(file, Reason::ShortRing { positions })
    }

    pub fn open_ring(file: &str) -> Self {
        Self::new(file, Reason::OpenRing)
    }

    pub fn bad_position(file: &str) -> Self {
        Self::new(file, Reason::BadPosition)
    }

    pub fn geojson_too_large(file: &str, part: GeoJsonPart, limit: usize) -> Self {
        Self::new(file, Reason::GeoJsonTooLarge { part, limit })
    }

    pub fn unused_boundary(file: &str) -> Self {
        Self::new(file, Reason::UnusedBoundary)
    }

    /// `suggestion`: the nearest district id the boundaries have.
    pub fn no_boundary(file: &str, suggestion: Option<String>) -> Self {
        Self::new(file, Reason::NoBoundary { suggestion })
    }
}
