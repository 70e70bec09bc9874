//! The map's SVG markup: the accessible name and text, one `<path>` per
//! district, the labels, and the legend below (classes, no data, flags,
//! the numbered names), every text wrapped to the width.

use std::fmt::Write;

use super::{
    better_text, district_text, range_text, Class, Label, MapDistrict, MapSpec, LABEL_SIZE,
    MAP_WIDTH, PAD,
};
use crate::chart::text::wrap;
use crate::escape::escape_html as esc;
use crate::i18n::{t, tr};

/// As the other charts' labels: still about 12 px on a 360 px phone.
const LEGEND_SIZE: f64 = 24.0;
const ROW: f64 = 36.0;
const SWATCH: (f64, f64) = (40.0, 26.0);
const NO_DATA_FILL: &str = "#f0f0f0";
/// A locator map: the district, and the others.
const LOCATED: &str = "#3b528b";
const OTHER: &str = "#dedede";

pub(super) struct Drawing<'a> {
    pub spec: &'a MapSpec<'a>,
    /// The map's height above the legend.
    pub height: f64,
    /// Each shape's projected rings, in the boundaries' order.
    pub rings: &'a [Vec<Vec<(f64, f64)>>],
    pub labels: &'a [Label],
    pub classes: &'a [Class],
    /// By name.
    pub districts: &'a [MapDistrict],
}

pub(super) fn draw(d: &Drawing<'_>) -> String {
    let spec = d.spec;
    let locale = spec.locale;
    // Two maps on a page need their own pattern ids.
    let pattern = format!("map-no-data-{:08x}", fnv(spec.title));
    // No values and one district named: a map of where it is.
    let locator = spec.values.is_empty() && spec.highlight.is_some();
    let mut body = String::new();
    for (shape, rings) in spec.shapes.iter().zip(d.rings) {
        let Some(district) = d.districts.iter().find(|x| x.id == shape.id) else {
            continue;
        };
        let (fill, class, title) = match district.class {
            _ if locator && spec.highlight == Some(shape.id.as_str()) => {
                (LOCATED.to_owned(), "located".to_owned(), shape.name.clone())
            }
            _ if locator => (OTHER.to_owned(), "other".to_owned(), shape.name.clone()),
            Some(k) => (
                d.classes[k].colour.to_owned(),
                (k + 1).to_string(),
                district_text(district, spec),
            ),
            None => (
                format!("url(#{pattern})"),
                "none".to_owned(),
                district_text(district, spec),
            ),
        };
        let _ = write!(
            body,
            "<path d=\"{}\" fill=\"{fill}\" fill-rule=\"evenodd\" stroke=\"#ffffff\" stroke-width=\"1.5\" data-district=\"{}\" data-class=\"{class}\"><title>{}</title></path>",
            path_data(rings),
            esc(&shape.id),
            esc(&title),
        );
    }
    // The highlighted district's outline on top of its neighbours': white
    // under black, seen on every class colour.
    if let Some(at) = spec
        .highlight
        .and_then(|id| spec.shapes.iter().position(|s| s.id == id))
    {
        let data = path_data(&d.rings[at]);
        let _ = write!(
            body,
            "<path d=\"{data}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"7\" stroke-linejoin=\"round\"/><path d=\"{data}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3.5\" stroke-linejoin=\"round\" class=\"map-highlight\" data-highlight=\"{}\"/>",
            esc(&spec.shapes[at].id)
        );
    }
    for (shape, label) in spec.shapes.iter().zip(d.labels) {
        let bold = spec.highlight == Some(shape.id.as_str());
        body.push_str(&label_markup(label, bold));
    }
    let (legend, legend_height) = legend(d, &pattern, locator);
    let height = (d.height + legend_height + PAD).ceil();
    let desc = if locator {
        let names: Vec<&str> = d.districts.iter().map(|x| x.name.as_str()).collect();
        let located = d
            .districts
            .iter()
            .find(|x| Some(x.id.as_str()) == spec.highlight)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        tr(
            locale,
            "map-locator-desc",
            &[
                ("name", located.into()),
                ("n", names.len().into()),
                ("list", names.join(", ").into()),
            ],
        )
    } else {
        tr(
            locale,
            "map-desc",
            &[(
                "list",
                d.districts
                    .iter()
                    .map(|x| describe(x, d))
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into(),
            )],
        )
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {MAP_WIDTH} {height}\" width=\"{MAP_WIDTH}\" height=\"{height}\" role=\"img\" class=\"chart map\" preserveAspectRatio=\"xMidYMid meet\"><title>{}</title><desc>{}</desc><defs><pattern id=\"{pattern}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"{NO_DATA_FILL}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#8a8a8a\" stroke-width=\"2\"/></pattern></defs><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{body}{legend}</svg>",
        esc(spec.title),
        esc(&desc),
    )
}

/// A district in the accessible text: its value (and flag) and class.
fn describe(district: &MapDistrict, d: &Drawing<'_>) -> String {
    let mut text = district_text(district, d.spec);
    if let Some(k) = district.class {
        let _ = write!(
            text,
            " ({}, {})",
            tr(
                d.spec.locale,
                "map-desc-class",
                &[("class", (k + 1).into()), ("of", d.classes.len().into())],
            ),
            range_text(&d.classes[k], d.spec.decimals, d.spec.locale)
        );
    }
    if !district.has_boundary {
        let _ = write!(text, " ({})", t(d.spec.locale, "map-no-boundary"));
    }
    text
}

/// The legend under the map, and its height.
fn legend(d: &Drawing<'_>, pattern: &str, locator: bool) -> (String, f64) {
    let spec = d.spec;
    let locale = spec.locale;
    let width = MAP_WIDTH - 2.0 * PAD;
    let mut out = String::from("<g class=\"map-legend\" font-family=\"sans-serif\">");
    let mut y = d.height + 8.0;
    let lines = |out: &mut String, y: &mut f64, text: &str, x: f64| {
        for line in wrap(text, LEGEND_SIZE, width - (x - PAD)) {
            *y += LEGEND_SIZE * 1.3;
            let _ = write!(
                out,
                "<text x=\"{x}\" y=\"{y:.1}\" font-size=\"{LEGEND_SIZE}\" fill=\"#000000\">{}</text>",
                esc(&line)
            );
        }
    };
    let swatch = |out: &mut String, y: &mut f64, fill: &str, text: &str| {
        let top = *y + (ROW - SWATCH.1) / 2.0;
        let _ = write!(
            out,
            "<rect x=\"{PAD}\" y=\"{top:.1}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#555555\"/>",
            SWATCH.0, SWATCH.1
        );
        let x = PAD + SWATCH.0 + 10.0;
        let mut row_y = *y - LEGEND_SIZE * 1.3 + ROW / 2.0 + LEGEND_SIZE * 0.35;
        lines(out, &mut row_y, text, x);
        *y = (*y + ROW).max(row_y + LEGEND_SIZE * 0.5);
    };
    if locator {
        let name = d
            .districts
            .iter()
            .find(|x| Some(x.id.as_str()) == spec.highlight)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        swatch(&mut out, &mut y, LOCATED, &name);
        out.push_str("</g>");
        return (out, y - d.height + 8.0);
    }
    let heading = format!(
        "{} {}",
        tr(
            locale,
            "map-legend-darker",
            &[("unit", spec.unit.to_owned().into())]
        ),
        better_text(spec.direction, locale)
    );
    lines(&mut out, &mut y, &heading, PAD);
    y += 6.0;
    for (k, class) in d.classes.iter().enumerate() {
        let count = d.districts.iter().filter(|x| x.class == Some(k)).count();
        let text = format!(
            "{} ({})",
            range_text(class, spec.decimals, locale),
            tr(locale, "map-class-count", &[("n", count.into())])
        );
        swatch(&mut out, &mut y, class.colour, &text);
    }
    if d.districts
        .iter()
        .any(|x| x.has_boundary && x.value.is_none())
    {
        swatch(
            &mut out,
            &mut y,
            &format!("url(#{pattern})"),
            &t(locale, "map-no-data"),
        );
    }
    if d.districts.iter().any(MapDistrict::is_flagged) {
        y += 4.0;
        lines(&mut out, &mut y, &t(locale, "map-flag-note"), PAD);
    }
    let mut keyed: Vec<&MapDistrict> = d.districts.iter().filter(|x| x.key.is_some()).collect();
    keyed.sort_by_key(|x| x.key);
    if !keyed.is_empty() {
        y += 6.0;
        lines(&mut out, &mut y, &t(locale, "map-key"), PAD);
        for district in keyed {
            let star = if district.is_flagged() { " *" } else { "" };
            let text = format!(
                "{} {}{star}",
                district.key.unwrap_or_default(),
                district.name
            );
            lines(&mut out, &mut y, &text, PAD + 8.0);
        }
    }
    out.push_str("</g>");
    (out, y - d.height + 8.0)
}

fn label_markup(label: &Label, bold: bool) -> String {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let open = |x: f64, y: f64| {
        format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-family=\"sans-serif\" font-size=\"{LABEL_SIZE}\"{weight} fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\" class=\"map-label\">"
        )
    };
    match label {
        Label::Name { lines, at } => {
            let step = LABEL_SIZE * 1.15;
            let first = at.1 - step * (lines.len() as f64 - 1.0) / 2.0;
            let mut out = open(at.0, first);
            for (k, line) in lines.iter().enumerate() {
                let dy = if k == 0 { 0.0 } else { step };
                let _ = write!(
                    out,
                    "<tspan x=\"{:.1}\" dy=\"{dy:.1}\">{}</tspan>",
                    at.0,
                    esc(line)
                );
            }
            out.push_str("</text>");
            out
        }
        Label::Key { number, at } => format!("{}{number}</text>", open(at.0, at.1)),
    }
}

/// `M x,y L … Z` for every ring, one decimal.
fn path_data(rings: &[Vec<(f64, f64)>]) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, (x, y)) in ring.iter().enumerate() {
            let _ = write!(d, "{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
    }
    d
}

/// FNV-1a: a short stable id from a text.
fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}
