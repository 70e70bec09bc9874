//! Turns a series into SVG markup with plotters. Server only: the browser gets
//! finished markup, so the chart looks the same with or without JavaScript and
//! in downloads.

use std::sync::Once;

use indicators::{Indicator, Series};
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

/// Chart size in SVG user units; CSS scales it to the page width. Labels are
/// drawn large (20 units) so they stay readable when a phone halves the chart.
pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 360;

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the series has no observations to draw")]
    Empty,
    #[error("plotters could not draw the chart: {0}")]
    Draw(String),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(err: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(err.to_string())
    }
}

/// Plotters measures text with this font to lay out labels; the browser draws
/// the `<text>` elements with its own sans-serif.
static FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if register_font("sans-serif", FontStyle::Normal, FONT).is_err() {
            tracing::error!("the bundled chart font could not be loaded");
        }
    });
}

/// The caption under a chart: what, which series, when, in which unit.
pub fn caption(indicator: &Indicator, series: &Series) -> String {
    let years = match (series.points.first(), series.points.last()) {
        (Some(first), Some(last)) if first.period != last.period => {
            format!(", {}–{}", first.period.label, last.period.label)
        }
        (Some(only), _) => format!(", {}", only.period.label),
        _ => String::new(),
    };
    format!(
        "{} — {}{} ({})",
        indicator.title(),
        series.key.label(),
        years,
        indicator.unit
    )
}

/// A line chart of `series` as a standalone, accessible SVG document fragment.
pub fn line_chart_svg(
    series: &Series,
    unit: &str,
    colour_hex: &str,
    title: &str,
) -> Result<String, ChartError> {
    register_fonts();
    let points: Vec<(i32, f64)> = series.years_and_values().collect();
    let (Some(&(first_year, _)), Some(&(last_year, _))) = (points.first(), points.last()) else {
        return Err(ChartError::Empty);
    };
    let (mut low, mut high) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, v)| {
            (lo.min(v), hi.max(v))
        });
    // Start at zero for positive series so changes are not exaggerated, and pad
    // so the line never sits on the frame.
    if low > 0.0 {
        low = 0.0;
    }
    let pad = ((high - low).abs() * 0.08).max(0.5);
    high += pad;
    if low < 0.0 {
        low -= pad;
    }
    // A single year still gets an x range to draw in.
    let (x_from, x_to) = if first_year == last_year {
        (first_year - 1, last_year + 1)
    } else {
        (first_year, last_year)
    };
    let colour = parse_hex(colour_hex).unwrap_or(RGBColor(0x19, 0x48, 0x6A));

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(84)
            .build_cartesian_2d(x_from..x_to, low..high)?;
        let years = (x_to - x_from + 1) as usize;
        chart
            .configure_mesh()
            .x_labels(years.min(8))
            .x_label_formatter(&|year| year.to_string())
            .y_labels(6)
            .y_desc(unit)
            .label_style(("sans-serif", 20))
            .axis_desc_style(("sans-serif", 20))
            .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
            .draw()?;
        // A missing year is a gap in the line, not a straight bridge over it.
        for run in points.chunk_by(|a, b| b.0 - a.0 == 1) {
            chart.draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(3)))?;
        }
        chart.draw_series(
            points
                .iter()
                .map(|&point| Circle::new(point, 4, colour.filled())),
        )?;
        root.present()?;
    }
    Ok(accessible(svg, title))
}

/// Adds a role, a `<title>` and scalable sizing to plotters' `<svg>` element.
fn accessible(svg: String, title: &str) -> String {
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    match svg.find('>') {
        Some(end) if svg.starts_with("<svg") => format!(
            "{} role=\"img\" class=\"chart\" preserveAspectRatio=\"xMidYMid meet\"><title>{}</title>{}",
            &svg[..end],
            escaped,
            &svg[end + 1..]
        ),
        _ => svg,
    }
}

fn parse_hex(hex: &str) -> Option<RGBColor> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicators::model::{Dimensions, Direction, Period, Point, SeriesKey};

    fn series(points: Vec<(i32, f64)>) -> Series {
        Series {
            key: SeriesKey {
                indicator_id: "p".into(),
                dimensions: Dimensions::default(),
            },
            points: points
                .into_iter()
                .map(|(y, value)| Point {
                    period: Period::year(y),
                    value,
                    flags: String::new(),
                    progress: None,
                })
                .collect(),
        }
    }

    #[test]
    fn chart_is_an_svg_with_title_line_and_one_marker_per_year() {
        let svg = line_chart_svg(
            &series(vec![(2019, 12.0), (2020, 11.5), (2021, 10.9)]),
            "%",
            "#E5243B",
            "Poverty <all>",
        )
        .expect("chart");
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title>Poverty &lt;all&gt;</title>"));
        assert!(svg.contains("viewBox") || svg.contains("width=\"720\""));
        assert_eq!(
            svg.matches("<circle").count(),
            3,
            "one marker per observation"
        );
        assert!(
            svg.contains("#E5243B") || svg.to_lowercase().contains("#e5243b"),
            "goal colour used"
        );
        let labels = text_contents(&svg);
        assert!(
            labels.iter().any(|l| l == "2020"),
            "year labels on the x axis: {labels:?}"
        );
        assert!(
            labels.iter().any(|l| l == "%"),
            "unit on the y axis: {labels:?}"
        );
    }

    /// The trimmed text of every `<text>` element.
    fn text_contents(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|rest| {
                let start = rest.find('>')? + 1;
                let end = rest.find("</text>")?;
                Some(rest.get(start..end)?.trim().to_string())
            })
            .collect()
    }

    #[test]
    fn empty_series_is_an_error_not_a_blank_chart() {
        assert!(matches!(
            line_chart_svg(&series(vec![]), "%", "#E5243B", "t"),
            Err(ChartError::Empty)
        ));
    }

    #[test]
    fn a_missing_year_breaks_the_line() {
        let svg = line_chart_svg(
            &series(vec![(2019, 1.0), (2020, 2.0), (2022, 3.0), (2023, 2.0)]),
            "%",
            "#E5243B",
            "t",
        )
        .expect("chart");
        let series_lines = svg
            .split("<polyline")
            .skip(1)
            .filter(|el| {
                el.split('>')
                    .next()
                    .is_some_and(|attrs| attrs.contains("#E5243B"))
            })
            .count();
        assert_eq!(series_lines, 2, "two runs: 2019-2020 and 2022-2023");
    }

    #[test]
    fn single_year_still_draws_its_marker() {
        let svg = line_chart_svg(&series(vec![(2020, 3.0)]), "%", "#000000", "t").expect("chart");
        assert_eq!(svg.matches("<circle").count(), 1);
    }

    #[test]
    fn caption_names_series_years_and_unit() {
        let indicator = Indicator::new("p", "Poverty", "%", Direction::Lower, &["1.2"]);
        assert_eq!(
            caption(&indicator, &series(vec![(2012, 1.0), (2025, 2.0)])),
            "Poverty — Total, 2012–2025 (%)"
        );
    }

    #[test]
    fn parse_hex_reads_goal_colours() {
        assert_eq!(parse_hex("#E5243B"), Some(RGBColor(0xE5, 0x24, 0x3B)));
        assert_eq!(parse_hex("E5243B"), None);
        assert_eq!(parse_hex("#E524"), None);
    }
}
