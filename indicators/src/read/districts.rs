//! `districts.geojson` (optional): the city's district boundaries, a GeoJSON
//! FeatureCollection of Polygon and MultiPolygon features in longitude and
//! latitude. Every problem is placed by line and JSON path, with a fix.

mod coverage;
mod locate;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde_json::{Map, Value};

use self::locate::JsonPath;
use crate::model::{DistrictMap, DistrictShape, Polygon, Ring};
use crate::problem::{GeoJsonPart, JsonKind, Problem};
use crate::read::catalogue::MAX_LABEL_CHARS;
pub(crate) use coverage::DistrictsSeen;

/// The largest file read: a city's districts simplified for a web map take
/// a few hundred KiB; this is room for fine detail without letting one
/// upload fill the server's memory.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// The most features (districts) a file may have.
pub const MAX_FEATURES: usize = 10_000;
/// The most positions, across all rings.
pub const MAX_POSITIONS: usize = 1_000_000;
/// The deepest nesting of lists and objects (GeoJSON itself needs 7).
pub const MAX_DEPTH: usize = 32;
/// Past this many problems the first ones say enough (and each one costs a
/// scan of the text to place it).
const MAX_PROBLEMS: usize = 50;

/// Reads `districts.geojson`: the districts when the file has no errors,
/// and every problem with its line and the JSON path of the value at fault
/// (in the problem's column).
pub fn read_districts(bytes: &[u8], file: &str) -> (Option<DistrictMap>, Vec<Problem>) {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if text.iter().all(u8::is_ascii_whitespace) {
        return (None, vec![Problem::empty_file(file)]);
    }
    if text.len() > MAX_BYTES {
        return (
            None,
            vec![Problem::geojson_too_large(
                file,
                GeoJsonPart::Bytes,
                MAX_BYTES,
            )],
        );
    }
    // Before serde_json, whose own limit (128) would be reported as a
    // syntax error without the limit.
    if let Some(offset) = locate::too_deep(text, MAX_DEPTH) {
        let problem = Problem::geojson_too_large(file, GeoJsonPart::Nesting, MAX_DEPTH)
            .at_line(locate::line_at(text, offset));
        return (None, vec![problem]);
    }
    let root: Value = match serde_json::from_slice(text) {
        Ok(root) => root,
        Err(err) => {
            let words = err.to_string();
            // serde_json ends its words with the place, which the problem
            // carries on its own.
            let words = words
                .rfind(" at line ")
                .map_or(words.as_str(), |end| &words[..end]);
            let problem = Problem::not_json(file, words, err.column()).at_line(err.line().max(1));
            return (None, vec![problem]);
        }
    };
    let mut reader = Reader {
        text,
        file,
        problems: Vec::new(),
        errors: 0,
        positions: 0,
        stopped: false,
    };
    let districts = reader.collection(&root);
    if reader.errors > 0 {
        (None, reader.problems)
    } else {
        (Some(DistrictMap { districts }), reader.problems)
    }
}

struct Reader<'a> {
    text: &'a [u8],
    file: &'a str,
    problems: Vec<Problem>,
    errors: usize,
    /// Positions read so far, against [`MAX_POSITIONS`].
    positions: usize,
    /// A limit was passed: nothing more is read.
    stopped: bool,
}

impl Reader<'_> {
    /// Records `problem` at `path` (its line and, as the column, the path),
    /// echoing `value`.
    fn report(&mut self, problem: Problem, path: &JsonPath, value: Option<&Value>) {
        if problem.is_error() {
            self.errors += 1;
        }
        if self.problems.len() >= MAX_PROBLEMS {
            return;
        }
        let mut problem = problem.at_line(locate::line_of(self.text, path));
        if !path.is_root() {
            problem = problem.in_column(&path.to_string());
        }
        if let Some(value) = value {
            problem = problem.with_value(&echo(value));
        }
        self.problems.push(problem);
    }

    fn collection(&mut self, root: &Value) -> Vec<DistrictShape> {
        let top = JsonPath::default();
        let Some(object) = root.as_object() else {
            self.report(Problem::not_a_feature_collection(self.file), &top, None);
            return Vec::new();
        };
        match object.get("type") {
            Some(Value::String(kind)) if kind == "FeatureCollection" => {}
            kind => {
                let path = if kind.is_some() { top.key("type") } else { top };
                self.report(Problem::not_a_feature_collection(self.file), &path, kind);
                return Vec::new();
            }
        }
        let path = top.key("features");
        let Some(features) = self.array(object.get("features"), &path) else {
            return Vec::new();
        };
        if features.len() > MAX_FEATURES {
            let problem =
                Problem::geojson_too_large(self.file, GeoJsonPart::Features, MAX_FEATURES);
            self.report(problem, &path, None);
            return Vec::new();
        }
        // Each id's feature, for the line a duplicate names.
        let mut first: HashMap<String, usize> = HashMap::new();
        let mut districts = Vec::with_capacity(features.len());
        for (n, feature) in features.iter().enumerate() {
            if let Some(district) = self.feature(feature, n, &path, &mut first) {
                districts.push(district);
            }
            if self.stopped {
                break;
            }
        }
        districts
    }

    fn feature(
        &mut self,
        value: &Value,
        n: usize,
        features: &JsonPath,
        first: &mut HashMap<String, usize>,
    ) -> Option<DistrictShape> {
        let path = features.index(n);
        let object = self.object(Some(value), &path)?;
        if object.get("type").and_then(Value::as_str) != Some("Feature") {
            let problem = Problem::not_one_of(self.file, &["Feature"]);
            self.report(problem, &path.key("type"), object.get("type"));
        }
        let properties = object.get("properties").and_then(Value::as_object);
        let text_of = |key: &str| {
            properties
                .and_then(|p| p.get(key))
                .and_then(|v| match v {
                    Value::String(s) => Some(s.trim().to_owned()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
        };
        let (id, name) = (text_of("id"), text_of("name"));
        // Pages and maps show both: a hostile file's megabyte of text must
        // not reach them (the limit of every other label).
        for (key, text) in [("id", &id), ("name", &name)] {
            let length = text.as_ref().map_or(0, |t| t.chars().count());
            if length > MAX_LABEL_CHARS {
                let problem = Problem::label_too_long(self.file, length, MAX_LABEL_CHARS);
                let at = path.key("properties").key(key);
                self.report(problem, &at, text.clone().map(Value::String).as_ref());
            }
        }
        let id = id.or_else(|| name.clone());
        match &id {
            None => self.report(
                Problem::no_district_id(self.file),
                &path.key("properties"),
                None,
            ),
            Some(id) => match first.get(id) {
                Some(&earlier) => {
                    let first_line = locate::line_of(self.text, &features.index(earlier));
                    let problem = Problem::duplicate_district(self.file, first_line);
                    let at = path.key("properties").key("id");
                    self.report(problem, &at, Some(&Value::String(id.clone())));
                }
                None => {
                    first.insert(id.clone(), n);
                }
            },
        }
        // The geometry is checked even without an id, so one reading finds
        // every problem.
        let polygons = self.geometry(object.get("geometry"), &path.key("geometry"))?;
        let id = id?;
        Some(DistrictShape {
            name: name.unwrap_or_else(|| id.clone()),
            id,
            polygons,
        })
    }

    fn geometry(&mut self, value: Option<&Value>, path: &JsonPath) -> Option<Vec<Polygon>> {
        let object = self.object(value, path)?;
        let coordinates = object.get("coordinates");
        let at = path.key("coordinates");
        match object.get("type").and_then(Value::as_str) {
            Some("Polygon") => self.polygon(coordinates, &at).map(|p| vec![p]),
            Some("MultiPolygon") => {
                let parts = self.array(coordinates, &at)?;
                if parts.is_empty() {
                    self.report(Problem::short_ring(self.file, 0), &at, None);
                    return None;
                }
                let mut polygons = Vec::with_capacity(parts.len());
                for (n, part) in parts.iter().enumerate() {
                    polygons.push(self.polygon(Some(part), &at.index(n)));
                    if self.stopped {
                        return None;
                    }
                }
                polygons.into_iter().collect()
            }
            _ => {
                let problem = Problem::not_one_of(self.file, &["Polygon", "MultiPolygon"]);
                let kind = object.get("type");
                let at = if kind.is_some() {
                    path.key("type")
                } else {
                    path.clone()
                };
                self.report(problem, &at, kind);
                None
            }
        }
    }

    /// An outer ring and its holes.
    fn polygon(&mut self, value: Option<&Value>, path: &JsonPath) -> Option<Polygon> {
        let rings = self.array(value, path)?;
        if rings.is_empty() {
            self.report(Problem::short_ring(self.file, 0), path, None);
            return None;
        }
        let mut polygon = Vec::with_capacity(rings.len());
        for (n, ring) in rings.iter().enumerate() {
            polygon.push(self.ring(ring, &path.index(n)));
            if self.stopped {
                return None;
            }
        }
        polygon.into_iter().collect()
    }

    fn ring(&mut self, value: &Value, path: &JsonPath) -> Option<Ring> {
        let positions = self.array(Some(value), path)?;
        self.positions += positions.len();
        if self.positions > MAX_POSITIONS {
            let problem =
                Problem::geojson_too_large(self.file, GeoJsonPart::Positions, MAX_POSITIONS);
            self.report(problem, path, None);
            self.stopped = true;
            return None;
        }
        let mut ring = Vec::with_capacity(positions.len());
        for (n, position) in positions.iter().enumerate() {
            match lon_lat(position) {
                Some(point) => ring.push(point),
                None => {
                    // One report a ring: the rest are most likely the same mistake.
                    let problem = Problem::bad_position(self.file);
                    self.report(problem, &path.index(n), Some(position));
                    return None;
                }
            }
        }
        if ring.len() < 4 {
            self.report(Problem::short_ring(self.file, ring.len()), path, None);
            return None;
        }
        if ring.first() != ring.last() {
            let last = positions.len() - 1;
            let problem = Problem::open_ring(self.file);
            self.report(problem, &path.index(last), positions.last());
            return None;
        }
        Some(ring)
    }

    fn array<'v>(&mut self, value: Option<&'v Value>, path: &JsonPath) -> Option<&'v Vec<Value>> {
        match value {
            Some(Value::Array(items)) => Some(items),
            other => {
                let problem = Problem::geojson_expected(self.file, JsonKind::Array);
                self.report(problem, path, other);
                None
            }
        }
    }

    fn object<'v>(
        &mut self,
        value: Option<&'v Value>,
        path: &JsonPath,
    ) -> Option<&'v Map<String, Value>> {
        match value {
            Some(Value::Object(members)) => Some(members),
            other => {
                let problem = Problem::geojson_expected(self.file, JsonKind::Object);
                self.report(problem, path, other);
                None
            }
        }
    }
}

/// `[longitude, latitude]` (a third number, the altitude, is allowed and
/// dropped), in range.
fn lon_lat(value: &Value) -> Option<[f64; 2]> {
    let numbers = value.as_array()?;
    if numbers.len() < 2 || numbers.iter().any(|n| !n.is_number()) {
        return None;
    }
    let (lon, lat) = (numbers[0].as_f64()?, numbers[1].as_f64()?);
    ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some([lon, lat])
}

/// A value as compact JSON, the way a problem echoes it.
fn echo(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        // A long list echoes its start only; with_value cuts the rest.
        Value::Array(items) if items.len() > 8 => {
            let head: Vec<String> = items.iter().take(8).map(Value::to_string).collect();
            format!("[{}, …]", head.join(", "))
        }
        other => other.to_string(),
    }
}
