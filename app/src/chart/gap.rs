//! The indicator page's gap chart: one line per rights-holder group, its gap
//! to the whole city over time, around a zero line ("same as the whole
//! city"). Lines differ by colour, marker shape and dash, so they read
//! without colour; flagged values are ringed as on the line chart.

use plotters::prelude::*;

use super::{palette, register_fonts, ChartError, HEIGHT, LABEL_SIZE, WIDTH};
use crate::escape::escape_html;
use crate::format::Locale;

/// One group's gaps: `(year, gap, flagged)`, ascending by year.
#[derive(Debug, Clone, PartialEq)]
pub struct GapLine {
    pub points: Vec<(i32, f64, bool)>,
}

/// Okabe–Ito colours for the lines (black is the flag ring's).
const COLOURS: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x55, 0x5F, 0x6D),
];

/// The marker shapes, taken in turn.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Circle,
    Triangle,
    Square,
    Diamond,
    Cross,
}

const SHAPES: [Shape; 5] = [
    Shape::Circle,
    Shape::Triangle,
    Shape::Square,
    Shape::Diamond,
    Shape::Cross,
];

/// Line `i`'s colour, shape and whether it is dashed: 35 distinct lines
/// before a combination repeats.
fn style(i: usize) -> (RGBColor, Shape, bool) {
    (COLOURS[i % 7], SHAPES[i % 5], (i / 5) % 2 == 1)
}

/// Vertices of `shape` around (0, 0), `r` units out.
fn vertices(shape: Shape, r: i32) -> Vec<(i32, i32)> {
    match shape {
        Shape::Triangle => vec![(0, -r), (r, r), (-r, r)],
        Shape::Square => vec![(-r, -r), (r, -r), (r, r), (-r, r)],
        Shape::Diamond => vec![(0, -r - 2), (r + 2, 0), (0, r + 2), (-r - 2, 0)],
        // Circles and crosses are drawn as their own elements.
        Shape::Circle | Shape::Cross => Vec::new(),
    }
}

/// The gap chart as an accessible SVG: `title` is its name and `desc`
/// lists its values.
pub fn gap_chart_svg(
    lines: &[GapLine],
    axis: &str,
    locale: Locale,
    title: &str,
    desc: &str,
) -> Result<String, ChartError> {
    register_fonts();
    let all = lines.iter().flat_map(|l| l.points.iter());
    let (Some(first), Some(last)) = (
        all.clone().map(|p| p.0).min(),
        all.clone().map(|p| p.0).max(),
    ) else {
        return Err(ChartError::Empty);
    };
    // Zero is always in view: it is what a gap is measured against.
    let (low, high) = all
        .clone()
        .fold((0.0_f64, 0.0_f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let pad = ((high - low) * 0.1).max(0.5);
    let (low, high) = (low - pad, high + pad);
    let (x_from, x_to) = if first == last {
        (first - 1, last + 1)
    } else {
        (first, last)
    };
    let y_decimals = crate::format::axis_decimals(high - low);
    // Wide enough for the longest tick label and the rotated axis name:
    // a label is never cut.
    let widest = [low, high]
        .iter()
        .map(|v| {
            crate::format::signed(*v, y_decimals, locale)
                .chars()
                .count()
        })
        .max()
        .unwrap_or(4) as u32;
    let y_area = (widest * 15 + 48).max(96);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .margin_right(40)
            .x_label_area_size(48)
            .y_label_area_size(y_area)
            .build_cartesian_2d(x_from..x_to, low..high)?;
        let years = (x_to - x_from + 1) as usize;
        chart
            .configure_mesh()
            .x_labels(years.min(6))
            .x_label_formatter(&|year| year.to_string())
            .y_labels(5)
            .y_label_formatter(&|v| crate::format::signed(*v, y_decimals, locale))
            .y_desc(axis)
            .label_style(("sans-serif", LABEL_SIZE))
            .axis_desc_style(("sans-serif", LABEL_SIZE))
            .disable_x_mesh()
            .light_line_style(RGBColor(0xF4, 0xF4, 0xF4))
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
            .draw()?;
        // The whole city: gap zero.
        chart.draw_series(LineSeries::new(
            [(x_from, 0.0), (x_to, 0.0)],
            BLACK.stroke_width(2),
        ))?;
        for (i, line) in lines.iter().enumerate() {
            let (colour, shape, dashed) = style(i);
            let points: Vec<(i32, f64)> = line.points.iter().map(|p| (p.0, p.1)).collect();
            // A missing year is a gap in the line, not a bridge over it.
            for run in points.chunk_by(|a, b| b.0 - a.0 == 1) {
                if dashed {
                    chart.draw_series(DashedLineSeries::new(
                        run.iter().copied(),
                        10,
                        6,
                        colour.stroke_width(3),
                    ))?;
                } else {
                    chart.draw_series(LineSeries::new(
                        run.iter().copied(),
                        colour.stroke_width(3),
                    ))?;
                }
            }
            for &point in &points {
                match shape {
                    Shape::Circle => {
                        chart.draw_series(std::iter::once(Circle::new(
                            point,
                            6,
                            colour.filled(),
                        )))?;
                    }
                    Shape::Cross => {
                        chart.draw_series(std::iter::once(Cross::new(
                            point,
                            6,
                            colour.stroke_width(3),
                        )))?;
                    }
                    _ => {
                        chart.draw_series(std::iter::once(
                            EmptyElement::at(point)
                                + Polygon::new(vertices(shape, 6), colour.filled()),
                        ))?;
                    }
                }
            }
            // Flagged values (provisional, estimated, a break): a ring.
            chart.draw_series(
                line.points
                    .iter()
                    .filter(|p| p.2)
                    .map(|p| Circle::new((p.0, p.1), 11, palette::FLAGGED.stroke_width(2))),
            )?;
        }
        root.present()?;
    }
    Ok(described(svg, title, desc))
}

/// A legend swatch for line `i`: its colour, dash and marker, decorative.
pub fn gap_swatch(i: usize) -> String {
    let (colour, shape, dashed) = style(i);
    let fill = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
    let dash = if dashed {
        " stroke-dasharray=\"6 4\""
    } else {
        ""
    };
    let marker = match shape {
        Shape::Circle => format!("<circle cx=\"18\" cy=\"8\" r=\"5\" fill=\"{fill}\"/>"),
        Shape::Cross => {
            format!("<path d=\"M13 3 L23 13 M23 3 L13 13\" stroke=\"{fill}\" stroke-width=\"3\"/>")
        }
        shape => {
            let points: Vec<String> = vertices(shape, 5)
                .iter()
                .map(|(x, y)| format!("{},{}", 18 + x, 8 + y))
                .collect();
            format!("<polygon points=\"{}\" fill=\"{fill}\"/>", points.join(" "))
        }
    };
    format!(
        "<svg class=\"swatch\" width=\"36\" height=\"16\" viewBox=\"0 0 36 16\" aria-hidden=\"true\" focusable=\"false\">\
         <line x1=\"0\" y1=\"8\" x2=\"36\" y2=\"8\" stroke=\"{fill}\" stroke-width=\"3\"{dash}/>{marker}</svg>"
    )
}

/// The swatch of the zero line ("same as the whole city").
pub fn zero_swatch() -> String {
    "<svg class=\"swatch\" width=\"36\" height=\"16\" viewBox=\"0 0 36 16\" aria-hidden=\"true\" focusable=\"false\">\
     <line x1=\"0\" y1=\"8\" x2=\"36\" y2=\"8\" stroke=\"#000\" stroke-width=\"2\"/></svg>"
        .to_owned()
}

/// The swatch of a flagged value's ring.
pub fn flag_swatch() -> String {
    "<svg class=\"swatch\" width=\"36\" height=\"16\" viewBox=\"0 0 36 16\" aria-hidden=\"true\" focusable=\"false\">\
     <circle cx=\"18\" cy=\"8\" r=\"6\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></svg>"
        .to_owned()
}

/// Adds a role, a `<title>`, a `<desc>` and scalable sizing to plotters'
/// `<svg>` element.
fn described(svg: String, title: &str, desc: &str) -> String {
    match svg.find('>') {
        Some(end) if svg.starts_with("<svg") => format!(
            "{} role=\"img\" class=\"chart gap-chart\" preserveAspectRatio=\"xMidYMid meet\"><title>{}</title><desc>{}</desc>{}",
            &svg[..end],
            escape_html(title),
            escape_html(desc),
            &svg[end + 1..]
        ),
        _ => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines() -> Vec<GapLine> {
        vec![
            GapLine {
                points: vec![(2015, 5.0, false), (2016, 4.0, true), (2018, 3.0, false)],
            },
            GapLine {
                points: vec![(2015, -2.5, false), (2016, -2.0, false)],
            },
        ]
    }

    #[test]
    fn the_chart_is_named_described_and_rings_flagged_values() {
        let svg = gap_chart_svg(
            &lines(),
            "gap (%)",
            Locale::En,
            "Gap <women & men>",
            "women: 2015 +5.0; men: 2015 −2.5",
        )
        .expect("a chart");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title>Gap &lt;women &amp; men&gt;</title>"));
        assert!(svg.contains("<desc>women: 2015 +5.0; men: 2015 −2.5</desc>"));
        // One ring of radius 11, for the one flagged value.
        assert_eq!(svg.matches("r=\"11\"").count(), 1, "{svg}");
        let drawing = &svg[svg.find("</desc>").expect("a desc")..];
        // The axis is signed: gaps below zero read as such.
        assert!(drawing.contains('−'), "negative ticks");
        assert!(drawing.contains("gap (%)"), "the axis is named");
    }

    #[test]
    fn no_points_no_chart() {
        assert!(matches!(
            gap_chart_svg(&[], "gap", Locale::En, "t", "d"),
            Err(ChartError::Empty)
        ));
    }

    #[test]
    fn swatches_differ_by_shape_and_dash_not_colour_alone() {
        let first = gap_swatch(0);
        assert!(first.contains("<circle") && !first.contains("dasharray"));
        assert!(gap_swatch(1).contains("<polygon"));
        assert!(gap_swatch(4).contains("<path"));
        assert!(
            gap_swatch(5).contains("dasharray"),
            "the sixth line is dashed"
        );
        assert_ne!(gap_swatch(0), gap_swatch(7), "same colour, other shape");
        assert!(first.contains("aria-hidden=\"true\""));
    }
}
