//! Where a part of a JSON text is: the line of the value a path such as
//! `features[3].geometry.coordinates[0][2]` names, found by scanning the
//! text (serde_json's values keep no positions), and the first place the
//! text nests deeper than a limit.

use std::fmt;

/// One step into a JSON value: an object's member or an array's element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Step {
    Key(&'static str),
    Index(usize),
}

/// The way from the top of the document to one value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct JsonPath(Vec<Step>);

impl JsonPath {
    pub fn key(&self, key: &'static str) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key));
        JsonPath(steps)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut steps = self.0.clone();
        steps.push(Step::Index(index));
        JsonPath(steps)
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for JsonPath {
    /// `features[3].geometry.coordinates[0][2]`, as JavaScript would write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if n == 0 => f.write_str(key)?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// The 1-based line of the value `path` names in `text` (valid JSON), or of
/// the deepest part of the path that exists (a missing member is reported
/// at its object).
pub(super) fn line_of(text: &[u8], path: &JsonPath) -> usize {
    line_at(text, deepest(text, path))
}

/// The 1-based line of byte `offset`.
pub(super) fn line_at(text: &[u8], offset: usize) -> usize {
    let offset = offset.min(text.len());
    1 + memchr::memchr_iter(b'\n', &text[..offset]).count()
}

/// The byte offset of the first bracket that opens level `limit + 1`, if the
/// text nests that deep (strings are skipped, so brackets in names do not
/// count).
pub(super) fn too_deep(text: &[u8], limit: usize) -> Option<usize> {
    let mut depth = 0_usize;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                i = string_end(text, i)?;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The offset of the value `path` names, or of the deepest prefix found.
fn deepest(text: &[u8], path: &JsonPath) -> usize {
    let mut at = skip_ws(text, 0);
    for step in &path.0 {
        let next = match step {
            Step::Key(key) => member(text, at, key),
            Step::Index(n) => element(text, at, *n),
        };
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    at
}

/// The value of member `key` of the object at `at` (the last one when a
/// name repeats, as serde_json keeps the last).
fn member(text: &[u8], at: usize, key: &str) -> Option<usize> {
    if text.get(at) != Some(&b'{') {
        return None;
    }
    let mut i = skip_ws(text, at + 1);
    let mut found = None;
    loop {
        match text.get(i)? {
            b'}' => return found,
            b'"' => {}
            _ => return None,
        }
        let end = string_end(text, i)?;
        let name: String = serde_json::from_slice(&text[i..end]).ok()?;
        i = skip_ws(text, end);
        if text.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(text, i + 1);
        if name == key {
            found = Some(i);
        }
        i = skip_ws(text, value_end(text, i)?);
        match text.get(i)? {
            b',' => i = skip_ws(text, i + 1),
            b'}' => return found,
            _ => return None,
        }
    }
}

/// Element `n` of the array at `at`.
fn element(text: &[u8], at: usize, n: usize) -> Option<usize> {
    if text.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_ws(text, at + 1);
    for _ in 0..n {
        i = skip_ws(text, value_end(text, i)?);
        if text.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(text, i + 1);
    }
    text.get(i).filter(|b| **b != b']').map(|_| i)
}

/// Just past the value starting at `at`.
fn value_end(text: &[u8], at: usize) -> Option<usize> {
    match text.get(at)? {
        b'"' => string_end(text, at),
        b'{' | b'[' => {
            let mut depth = 0_usize;
            let mut i = at;
            while i < text.len() {
                match text[i] {
                    b'"' => {
                        i = string_end(text, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => Some(
            text[at..]
                .iter()
                .position(|b| matches!(b, b',' | b']' | b'}') || b.is_ascii_whitespace())
                .map_or(text.len(), |p| at + p),
        ),
    }
}

/// Just past the closing quote of the string opening at `at`.
fn string_end(text: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    loop {
        let next = memchr::memchr2(b'"', b'\\', text.get(i..)?)?;
        i += next;
        if text[i] == b'\\' {
            i += 2;
        } else {
            return Some(i + 1);
        }
    }
}

fn skip_ws(text: &[u8], mut at: usize) -> usize {
    while text.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "properties": {"id": "A \"quoted\" [name]"},
     "geometry": {"type": "Polygon",
       "coordinates": [[[0, 0], [1, 0],
         [1, 1], [0, 0]]]}},
    {"type": "Feature", "properties": {}}
  ]
}"#;

    #[test]
    fn a_path_is_found_on_its_line_past_brackets_in_strings() {
        let text = TEXT.as_bytes();
        let root = JsonPath::default();
        let feature = root.key("features").index(0);
        let ring = feature.key("geometry").key("coordinates").index(0);
        assert_eq!(line_of(text, &root.key("type")), 2);
        assert_eq!(line_of(text, &feature), 4);
        assert_eq!(line_of(text, &ring.index(1)), 6);
        assert_eq!(line_of(text, &ring.index(2)), 7);
        assert_eq!(
            line_of(text, &root.key("features").index(1).key("properties")),
            8
        );
        assert_eq!(
            line_of(
                text,
                &root.key("features").index(1).key("properties").key("id")
            ),
            8,
            "a missing member is placed at its object"
        );
        assert_eq!(
            ring.index(2).to_string(),
            "features[0].geometry.coordinates[0][2]"
        );
    }

    #[test]
    fn nesting_is_measured_outside_strings() {
        assert_eq!(too_deep(b"[[[\"[[[[\"]]]", 3), None);
        assert_eq!(too_deep(b"[[[[1]]]]", 3), Some(3));
    }
}
