//! The district map: each district's boundary filled by the class of its
//! value (a colour-blind-safe sequential palette, darker = more), drawn on
//! the server as SVG: no tiles, no JavaScript. Names are drawn where they
//! fit whole, else a number keyed in the legend; the accessible text lists
//! every district with its value and class.

mod classes;
mod labels;
mod svg;
#[cfg(test)]
mod tests;

pub use classes::{class_of, classes, Class, MOST_CLASSES, PALETTE};

use indicators::model::{DistrictShape, Polygon};
use indicators::Direction;

use super::text::{text_width, widest, wrap};
use super::ChartError;
use crate::format::{self, Locale};
use crate::i18n::{t, tr};

/// The map's width in user units; CSS scales it to the page.
pub const MAP_WIDTH: f64 = 640.0;
const PAD: f64 = 12.0;
/// A tall city is fitted to this height rather than the width.
const MAX_MAP_HEIGHT: f64 = 520.0;
/// Label size: about 10.5 px on a 360 px phone, 20 px on a wide screen.
const LABEL_SIZE: f64 = 20.0;
/// A position closer than this to the last one kept is dropped: it would
/// not show, and would only swell the page.
const MIN_STEP: f64 = 0.75;

/// One district's value, as the series has it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapValue {
    /// The district as the series name it (the boundaries' `id`).
    pub id: String,
    pub value: f64,
    /// As written (`*`, `p` …); empty when none.
    pub flags: String,
}

/// What a map shows.
#[derive(Debug, Clone, Copy)]
pub struct MapSpec<'a> {
    pub shapes: &'a [DistrictShape],
    pub values: &'a [MapValue],
    pub unit: &'a str,
    pub decimals: usize,
    /// Which end is better, said in the legend.
    pub direction: Direction,
    pub locale: Locale,
    /// The accessible name: what the map shows, in a sentence.
    pub title: &'a str,
    /// A district outlined heavily (its own page).
    pub highlight: Option<&'a str>,
}

/// A district as the map drew it, for the table beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapDistrict {
    pub id: String,
    pub name: String,
    pub value: Option<f64>,
    pub flags: String,
    /// 0-based class; `None` without a value.
    pub class: Option<usize>,
    /// The number drawn instead of a name too long for its shape.
    pub key: Option<usize>,
    /// Whether the boundaries have it (else it is in the table only).
    pub has_boundary: bool,
}

impl MapDistrict {
    pub fn is_flagged(&self) -> bool {
        !self.flags.trim().is_empty()
    }
}

/// The map and what a table beside it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Choropleth {
    pub svg: String,
    pub classes: Vec<Class>,
    /// Every district with a boundary or a value, by name.
    pub districts: Vec<MapDistrict>,
}

/// Draws the map: `Err(Empty)` when the boundaries have no positions.
pub fn choropleth(spec: &MapSpec<'_>) -> Result<Choropleth, ChartError> {
    super::register_fonts();
    let projection = Projection::fit(spec.shapes).ok_or(ChartError::Empty)?;
    let shown: Vec<f64> = spec.values.iter().map(|v| v.value).collect();
    let classes = classes(&shown, spec.decimals);
    let value_of = |id: &str| spec.values.iter().find(|v| v.id == id);
    let mut districts: Vec<MapDistrict> = spec
        .shapes
        .iter()
        .map(|shape| {
            let value = value_of(&shape.id);
            MapDistrict {
                id: shape.id.clone(),
                name: shape.name.clone(),
                value: value.map(|v| v.value),
                flags: value.map(|v| v.flags.clone()).unwrap_or_default(),
                class: value.and_then(|v| class_of(v.value, &classes, spec.decimals)),
                key: None,
                has_boundary: true,
            }
        })
        .collect();
    for value in spec.values {
        if !spec.shapes.iter().any(|s| s.id == value.id) {
            districts.push(MapDistrict {
                id: value.id.clone(),
                name: value.id.clone(),
                value: Some(value.value),
                flags: value.flags.clone(),
                class: class_of(value.value, &classes, spec.decimals),
                key: None,
                has_boundary: false,
            });
        }
    }
    // Shapes in the boundaries' order, as projected rings.
    let rings: Vec<Vec<Vec<(f64, f64)>>> = spec
        .shapes
        .iter()
        .map(|s| projection.rings(&s.polygons))
        .collect();
    let mut labels: Vec<Label> = spec
        .shapes
        .iter()
        .zip(&rings)
        .map(|(shape, rings)| {
            let flagged = districts
                .iter()
                .find(|d| d.id == shape.id)
                .is_some_and(MapDistrict::is_flagged);
            label(&shape.name, flagged, rings)
        })
        .collect();
    // Numbers for the names that do not fit, in name order.
    let mut keyed: Vec<usize> = (0..labels.len())
        .filter(|&i| matches!(labels[i], Label::Key { .. }))
        .collect();
    keyed.sort_by(|&a, &b| spec.shapes[a].name.cmp(&spec.shapes[b].name));
    for (n, &i) in keyed.iter().enumerate() {
        if let Label::Key { number, .. } = &mut labels[i] {
            *number = n + 1;
        }
        if let Some(d) = districts.iter_mut().find(|d| d.id == spec.shapes[i].id) {
            d.key = Some(n + 1);
        }
    }
    districts.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
    let svg = svg::draw(&svg::Drawing {
        spec,
        height: projection.height,
        rings: &rings,
        labels: &labels,
        classes: &classes,
        districts: &districts,
    });
    Ok(Choropleth {
        svg,
        classes,
        districts,
    })
}

/// What is drawn for a district's name.
#[derive(Debug, Clone, PartialEq)]
enum Label {
    /// The name (and a `*` when flagged) in lines, centred on the point.
    Name { lines: Vec<String>, at: (f64, f64) },
    /// A number keyed in the legend.
    Key { number: usize, at: (f64, f64) },
}

/// The name whole on one line or two where it fits, else a number.
fn label(name: &str, flagged: bool, rings: &[Vec<(f64, f64)>]) -> Label {
    let text = if flagged {
        format!("{name} *")
    } else {
        name.to_owned()
    };
    let line = LABEL_SIZE * 1.15;
    let (left, right) = rings
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, r), p| {
            (l.min(p.0), r.max(p.0))
        });
    let one = vec![text.clone()];
    let two = wrap(&text, LABEL_SIZE, ((right - left) * 0.8).max(40.0));
    for lines in [one, two] {
        if lines.len() > 2 {
            continue;
        }
        let width = widest(&lines, LABEL_SIZE);
        if let Some(at) = labels::place(rings, width, line * lines.len() as f64) {
            return Label::Name { lines, at };
        }
    }
    let at = labels::place(rings, text_width("00", LABEL_SIZE), line)
        .unwrap_or_else(|| labels_centre(rings));
    Label::Key { number: 0, at }
}

/// Where a number goes when even it does not fit: the shape's middle.
fn labels_centre(rings: &[Vec<(f64, f64)>]) -> (f64, f64) {
    let (l, t, r, b) = rings.iter().flatten().fold(
        (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ),
        |(l, t, r, b), p| (l.min(p.0), t.min(p.1), r.max(p.0), b.max(p.1)),
    );
    ((l + r) / 2.0, (t + b) / 2.0)
}

/// Longitude and latitude to the map's user units: equirectangular, the
/// longitudes scaled by the cosine of the middle latitude (so a city is not
/// stretched sideways), fitted to the width, north up.
struct Projection {
    kx: f64,
    min_x: f64,
    max_lat: f64,
    scale: f64,
    offset_x: f64,
    height: f64,
}

impl Projection {
    fn fit(shapes: &[DistrictShape]) -> Option<Projection> {
        let mut positions = shapes
            .iter()
            .flat_map(|s| s.polygons.iter().flatten().flatten())
            .peekable();
        positions.peek()?;
        let (min_lon, max_lon, min_lat, max_lat) = positions.fold(
            (
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
            ),
            |(a, b, c, d), [lon, lat]| (a.min(*lon), b.max(*lon), c.min(*lat), d.max(*lat)),
        );
        let kx = ((min_lat + max_lat) / 2.0).to_radians().cos().max(0.01);
        let (width, height) = ((max_lon - min_lon) * kx, max_lat - min_lat);
        let room = MAP_WIDTH - 2.0 * PAD;
        let by_width = if width > 0.0 {
            room / width
        } else {
            f64::INFINITY
        };
        let by_height = if height > 0.0 {
            MAX_MAP_HEIGHT / height
        } else {
            f64::INFINITY
        };
        let scale = by_width.min(by_height);
        let scale = if scale.is_finite() { scale } else { 1.0 };
        Some(Projection {
            kx,
            min_x: min_lon * kx,
            max_lat,
            scale,
            offset_x: PAD + (room - width * scale) / 2.0,
            height: 2.0 * PAD + height * scale,
        })
    }

    fn point(&self, [lon, lat]: [f64; 2]) -> (f64, f64) {
        (
            self.offset_x + (lon * self.kx - self.min_x) * self.scale,
            PAD + (self.max_lat - lat) * self.scale,
        )
    }

    /// Every ring of every part, projected, with positions too close
    /// together to show dropped (a ring keeps at least its four corners).
    fn rings(&self, polygons: &[Polygon]) -> Vec<Vec<(f64, f64)>> {
        polygons
            .iter()
            .flatten()
            .map(|ring| {
                let all: Vec<(f64, f64)> = ring.iter().map(|p| self.point(*p)).collect();
                let mut kept: Vec<(f64, f64)> = Vec::with_capacity(all.len());
                for (i, &p) in all.iter().enumerate() {
                    let last = i + 1 == all.len();
                    let far = kept
                        .last()
                        .is_none_or(|q| (p.0 - q.0).hypot(p.1 - q.1) >= MIN_STEP);
                    if far || last {
                        kept.push(p);
                    }
                }
                if kept.len() < 4 {
                    all
                } else {
                    kept
                }
            })
            .collect()
    }
}

/// `12.3 %`, the way the map and its table write a value.
pub fn value_text(value: f64, spec: &MapSpec<'_>) -> String {
    format::with_unit(value, spec.decimals, spec.unit, spec.locale)
}

/// A class's range in words: `10.0 to 12.0`.
pub fn range_text(class: &Class, decimals: usize, locale: Locale) -> String {
    tr(
        locale,
        "map-class-range",
        &[
            ("from", format::number(class.lower, decimals, locale).into()),
            ("to", format::number(class.upper, decimals, locale).into()),
        ],
    )
}

/// What a district's `<title>` and the accessible text say of it.
pub fn district_text(district: &MapDistrict, spec: &MapSpec<'_>) -> String {
    let name = district.name.clone();
    match district.value {
        None => tr(spec.locale, "map-title-no-data", &[("name", name.into())]),
        Some(v) if district.is_flagged() => tr(
            spec.locale,
            "map-title-flagged",
            &[
                ("name", name.into()),
                ("value", value_text(v, spec).into()),
                ("flags", district.flags.trim().to_owned().into()),
            ],
        ),
        Some(v) => tr(
            spec.locale,
            "map-title-value",
            &[("name", name.into()), ("value", value_text(v, spec).into())],
        ),
    }
}

/// "Lower is better." or "Higher is better."
pub fn better_text(direction: Direction, locale: Locale) -> String {
    t(
        locale,
        match direction {
            Direction::Higher => "map-better-higher",
            Direction::Lower => "map-better-lower",
        },
    )
}
