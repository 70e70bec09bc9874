//! Turns a series into SVG markup with plotters. Server only: the browser gets
//! finished markup, so the chart looks the same with or without JavaScript and
//! in downloads.

use std::sync::Once;

use indicators::{Indicator, Series};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format::Locale;
use plotters::style::{register_font, FontStyle};

/// Chart size in SVG user units; CSS scales it to the page width. Labels are
/// drawn at 24 units so they are still about 12 px when a 360 px phone shows
/// the chart at half size.
pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 400;
const LABEL_SIZE: u32 = 24;

/// The Okabe–Ito palette: told apart by readers with any common colour-vision
/// deficiency. Goal colours frame the page; data is drawn in these.
pub mod palette {
    use plotters::style::RGBColor;
    pub const SERIES: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const BASELINE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const TARGET: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const PROJECTION: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const FLAGGED: RGBColor = RGBColor(0x00, 0x00, 0x00);
    pub const REFERENCE: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    pub const MUTED: RGBColor = RGBColor(0x55, 0x5F, 0x6D);
}

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

/// Everything a line chart shows besides the observations.
#[derive(Debug, Clone, Copy)]
pub struct LineChart<'a> {
    pub series: &'a Series,
    pub unit: &'a str,
    /// The accessible name: what the chart shows, in a sentence.
    pub title: &'a str,
    pub locale: Locale,
    /// `(year, value)` of the baseline, marked with a diamond.
    pub baseline: Option<(i32, f64)>,
    /// `(target year, target value)`: a dashed line to the target year.
    pub target: Option<(i32, f64)>,
    /// The trend from the latest observation to the target year, dotted.
    pub projection: Option<[(i32, f64); 2]>,
}

/// A line chart as an accessible SVG fragment: observations (a gap where a
/// year is missing), flagged values ringed, the baseline marked, the target
/// as a dashed line to its year and the projected trend dotted.
pub fn line_chart_svg(spec: &LineChart<'_>) -> Result<String, ChartError> {
    register_fonts();
    let points: Vec<(i32, f64)> = spec.series.years_and_values().collect();
    let (Some(&(first_year, _)), Some(&(last_year, _))) = (points.first(), points.last()) else {
        return Err(ChartError::Empty);
    };
    let extra = spec
        .target
        .into_iter()
        .chain(spec.projection.into_iter().flatten());
    let (mut low, mut high) = points
        .iter()
        .copied()
        .chain(extra.clone())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (_, v)| {
            (lo.min(v), hi.max(v))
        });
    let end_year = extra.map(|(y, _)| y).fold(last_year, i32::max);
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
    let (x_from, x_to) = if first_year == end_year {
        (first_year - 1, end_year + 1)
    } else {
        (first_year, end_year)
    };
    let y_decimals = crate::format::axis_decimals(high - low);
    let locale = spec.locale;
    let flagged: Vec<(i32, f64)> = spec
        .series
        .points
        .iter()
        .filter(|p| !p.flags.is_empty())
        .map(|p| (p.period.year, p.value))
        .collect();

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            // Room for the last year's label, centred on the right edge.
            .margin_right(40)
            .x_label_area_size(48)
            .y_label_area_size(96)
            .build_cartesian_2d(x_from..x_to, low..high)?;
        let years = (x_to - x_from + 1) as usize;
        chart
            .configure_mesh()
            // Fewer, larger labels: still legible at phone width.
            .x_labels(years.min(6))
            .x_label_formatter(&|year| year.to_string())
            .y_labels(5)
            .y_label_formatter(&|v| crate::format::number(*v, y_decimals, locale))
            .y_desc(spec.unit)
            .label_style(("sans-serif", LABEL_SIZE))
            .axis_desc_style(("sans-serif", LABEL_SIZE))
            // Horizontal guides only: fewer lines to read past on a phone,
            // and a lighter page.
            .disable_x_mesh()
            .light_line_style(RGBColor(0xF4, 0xF4, 0xF4))
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
            .draw()?;
        if let Some((target_year, target)) = spec.target {
            chart.draw_series(DashedLineSeries::new(
                [(x_from, target), (target_year, target)],
                10,
                6,
                palette::TARGET.stroke_width(3),
            ))?;
            chart.draw_series(std::iter::once(TriangleMarker::new(
                (target_year, target),
                9,
                palette::TARGET.filled(),
            )))?;
        }
        if let Some(projection) = spec.projection {
            chart.draw_series(DashedLineSeries::new(
                projection,
                3,
                5,
                palette::PROJECTION.stroke_width(3),
            ))?;
        }
        // A missing year is a gap in the line, not a straight bridge over it.
        for run in points.chunk_by(|a, b| b.0 - a.0 == 1) {
            chart.draw_series(LineSeries::new(
                run.iter().copied(),
                palette::SERIES.stroke_width(3),
            ))?;
        }
        chart.draw_series(
            points
                .iter()
                .map(|&point| Circle::new(point, 4, palette::SERIES.filled())),
        )?;
        // Flagged values (provisional, estimated, break in series): a ring.
        chart.draw_series(
            flagged
                .iter()
                .map(|&point| Circle::new(point, 8, palette::FLAGGED.stroke_width(2))),
        )?;
        if let Some(baseline) = spec.baseline {
            // A diamond: a shape of its own, so it reads without colour.
            chart.draw_series(std::iter::once(
                EmptyElement::at(baseline)
                    + Polygon::new(
                        vec![(0, -11), (11, 0), (0, 11), (-11, 0)],
                        palette::BASELINE.filled(),
                    ),
            ))?;
        }
        root.present()?;
    }
    Ok(accessible(svg, spec.title))
}

/// Horizontal bars, one per label, largest first, with an optional reference
/// value (the city as a whole) as a vertical dashed line.
pub fn bar_chart_svg(
    bars: &[(String, f64)],
    reference: Option<f64>,
    unit: &str,
    decimals: usize,
    locale: Locale,
    title: &str,
) -> Result<String, ChartError> {
    register_fonts();
    if bars.is_empty() {
        return Err(ChartError::Empty);
    }
    let n = bars.len() as i32;
    let values = bars.iter().map(|(_, v)| *v).chain(reference);
    let high = values.clone().fold(0.0_f64, f64::max);
    let low = values.fold(0.0_f64, f64::min);
    let pad = ((high - low) * 0.18).max(0.5);
    let height = 72 + 40 * n as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(48)
            .y_label_area_size(170)
            .build_cartesian_2d(
                (if low < 0.0 { low - pad } else { 0.0 })..high + pad,
                (0..n).into_segmented(),
            )?;
        let x_decimals = crate::format::axis_decimals(high - low);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(4)
            .x_label_formatter(&|v| crate::format::number(*v, x_decimals, locale))
            .x_desc(unit)
            .y_labels(bars.len())
            .y_label_formatter(&|segment| match segment {
                SegmentValue::CenterOf(i) => bars
                    .get(*i as usize)
                    .map(|(label, _)| label.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .label_style(("sans-serif", LABEL_SIZE - 2))
            .axis_desc_style(("sans-serif", LABEL_SIZE - 2))
            .light_line_style(RGBColor(0xF4, 0xF4, 0xF4))
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
            .draw()?;
        chart.draw_series(
            Histogram::horizontal(&chart)
                .style(palette::SERIES.filled())
                .margin(8)
                .data(bars.iter().enumerate().map(|(i, (_, v))| (i as i32, *v))),
        )?;
        chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
            Text::new(
                format!(" {}", crate::format::number(*v, decimals, locale)),
                (v.max(0.0), SegmentValue::CenterOf(i as i32)),
                ("sans-serif", LABEL_SIZE - 4)
                    .into_font()
                    .color(&palette::MUTED)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            )
        }))?;
        if let Some(reference) = reference {
            chart.draw_series(DashedLineSeries::new(
                [
                    (reference, SegmentValue::Exact(0)),
                    (reference, SegmentValue::Exact(n)),
                ],
                8,
                5,
                palette::REFERENCE.stroke_width(3),
            ))?;
        }
        root.present()?;
    }
    Ok(accessible(svg, title))
}

/// A small line with no axes, for cards and lists. Decorative: the card says
/// the same in words, so it is hidden from screen readers.
pub fn sparkline_svg(series: &Series, baseline_year: Option<i32>) -> Result<String, ChartError> {
    let points: Vec<(i32, f64)> = series.years_and_values().collect();
    let (Some(&(first, _)), Some(&(last, _))) = (points.first(), points.last()) else {
        return Err(ChartError::Empty);
    };
    let (low, high) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(_, v)| {
            (lo.min(v), hi.max(v))
        });
    let pad = ((high - low) * 0.1).max(1e-9);
    let (x_from, x_to) = if first == last {
        (first - 1, last + 1)
    } else {
        (first, last)
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (120, 36)).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin(4)
            .build_cartesian_2d(x_from..x_to, (low - pad)..(high + pad))?;
        for run in points.chunk_by(|a, b| b.0 - a.0 == 1) {
            chart.draw_series(LineSeries::new(
                run.iter().copied(),
                palette::SERIES.stroke_width(2),
            ))?;
        }
        if let Some(&point) = baseline_year.and_then(|y| points.iter().find(|p| p.0 == y)) {
            chart.draw_series(std::iter::once(Circle::new(
                point,
                3,
                palette::BASELINE.filled(),
            )))?;
        }
        if let Some(&point) = points.last() {
            chart.draw_series(std::iter::once(Circle::new(
                point,
                3,
                palette::SERIES.filled(),
            )))?;
        }
        root.present()?;
    }
    Ok(match svg.find('>') {
        Some(end) if svg.starts_with("<svg") => format!(
            "{} class=\"sparkline\" aria-hidden=\"true\" focusable=\"false\">{}",
            &svg[..end],
            &svg[end + 1..]
        ),
        _ => svg,
    })
}

/// Adds a role, a `<title>` and scalable sizing to plotters' `<svg>` element.
fn accessible(svg: String, title: &str) -> String {
    let escaped = crate::escape_html(title);
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

#[cfg(test)]
mod tests {
    use super::*;
    use indicators::model::{Dimensions, Direction, Period, Point, SeriesKey};

    fn series(points: Vec<(i32, f64)>) -> Series {
        flagged_series(points.into_iter().map(|(y, v)| (y, v, "")).collect())
    }

    fn flagged_series(points: Vec<(i32, f64, &str)>) -> Series {
        Series {
            key: SeriesKey {
                indicator_id: "p".into(),
                dimensions: Dimensions::default(),
            },
            points: points
                .into_iter()
                .map(|(y, value, flags)| Point {
                    period: Period::year(y),
                    value,
                    flags: flags.to_string(),
                    progress: None,
                })
                .collect(),
        }
    }

    fn plain<'a>(series: &'a Series, title: &'a str) -> LineChart<'a> {
        LineChart {
            series,
            unit: "%",
            title,
            locale: Locale::En,
            baseline: None,
            target: None,
            projection: None,
        }
    }

    fn hex(colour: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
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

    /// `<tag ...>` elements whose attributes mention `colour`.
    fn elements_in(svg: &str, tag: &str, colour: RGBColor) -> usize {
        let colour = hex(colour);
        svg.split(&format!("<{tag}"))
            .skip(1)
            .filter(|el| {
                el.split('>')
                    .next()
                    .is_some_and(|attrs| attrs.to_uppercase().contains(&colour))
            })
            .count()
    }

    #[test]
    fn chart_is_an_svg_with_title_line_and_one_marker_per_year() {
        let s = series(vec![(2019, 12.0), (2020, 11.5), (2021, 10.9)]);
        let svg = line_chart_svg(&plain(&s, "Poverty <all>")).expect("chart");
        assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title>Poverty &lt;all&gt;</title>"));
        assert_eq!(
            elements_in(&svg, "circle", palette::SERIES),
            3,
            "one marker per observation"
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

    #[test]
    fn baseline_target_and_projection_are_drawn_and_widen_the_axis_to_the_target_year() {
        let s = series(vec![(2015, 20.0), (2016, 19.0), (2017, 18.5)]);
        let svg = line_chart_svg(&LineChart {
            baseline: Some((2015, 20.0)),
            target: Some((2030, 10.0)),
            projection: Some([(2017, 18.5), (2030, 12.0)]),
            ..plain(&s, "t")
        })
        .expect("chart");
        assert_eq!(
            elements_in(&svg, "polygon", palette::BASELINE),
            1,
            "baseline diamond"
        );
        assert!(
            elements_in(&svg, "polyline", palette::TARGET)
                + elements_in(&svg, "line", palette::TARGET)
                >= 2,
            "dashed target line (several dashes)"
        );
        assert!(
            elements_in(&svg, "polygon", palette::TARGET) >= 1,
            "target year marker"
        );
        let labels = text_contents(&svg);
        assert!(
            labels
                .iter()
                .any(|l| l == "2030" || l == "2029" || l == "2028"),
            "axis reaches the target year: {labels:?}"
        );
    }

    #[test]
    fn flagged_values_get_a_ring() {
        let s = flagged_series(vec![(2019, 1.0, ""), (2020, 2.0, "p"), (2021, 3.0, "e")]);
        let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
        assert_eq!(elements_in(&svg, "circle", palette::FLAGGED), 2);
    }

    #[test]
    fn axis_numbers_follow_the_locale() {
        let s = series(vec![(2019, 1200.0), (2020, 1500.0)]);
        let en = text_contents(&line_chart_svg(&plain(&s, "t")).expect("chart"));
        assert!(en.iter().any(|l| l.contains(",") && l.len() >= 5), "{en:?}");
        let de = text_contents(
            &line_chart_svg(&LineChart {
                locale: Locale::De,
                ..plain(&s, "t")
            })
            .expect("chart"),
        );
        assert!(de.iter().any(|l| l.contains(".") && l.len() >= 5), "{de:?}");
    }

    #[test]
    fn empty_series_is_an_error_not_a_blank_chart() {
        let s = series(vec![]);
        assert!(matches!(
            line_chart_svg(&plain(&s, "t")),
            Err(ChartError::Empty)
        ));
        assert!(matches!(sparkline_svg(&s, None), Err(ChartError::Empty)));
        assert!(matches!(
            bar_chart_svg(&[], None, "%", 1, Locale::En, "t"),
            Err(ChartError::Empty)
        ));
    }

    #[test]
    fn a_missing_year_breaks_the_line() {
        let s = series(vec![(2019, 1.0), (2020, 2.0), (2022, 3.0), (2023, 2.0)]);
        let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
        assert_eq!(
            elements_in(&svg, "polyline", palette::SERIES),
            2,
            "two runs: 2019-2020 and 2022-2023"
        );
    }

    #[test]
    fn single_year_still_draws_its_marker() {
        let s = series(vec![(2020, 3.0)]);
        let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
        assert_eq!(elements_in(&svg, "circle", palette::SERIES), 1);
    }

    #[test]
    fn bar_chart_has_one_bar_and_one_label_per_district() {
        let bars = vec![
            ("Altstadt".to_string(), 45.25),
            ("Nord <b>".to_string(), 1234.5),
        ];
        let svg =
            bar_chart_svg(&bars, Some(40.0), "%", 1, Locale::En, "by district").expect("chart");
        assert_eq!(elements_in(&svg, "rect", palette::SERIES), 2);
        let labels = text_contents(&svg);
        assert!(labels.iter().any(|l| l == "Altstadt"), "{labels:?}");
        assert!(
            labels.iter().any(|l| l == "Nord &lt;b&gt;"),
            "labels are escaped text: {labels:?}"
        );
        assert!(labels.iter().any(|l| l == "1,234.5"), "{labels:?}");
        assert!(
            elements_in(&svg, "polyline", palette::REFERENCE)
                + elements_in(&svg, "line", palette::REFERENCE)
                >= 1
        );
    }

    #[test]
    fn sparkline_is_small_and_hidden_from_screen_readers() {
        let s = series(vec![(2015, 3.0), (2016, 2.0), (2017, 2.5)]);
        let svg = sparkline_svg(&s, Some(2015)).expect("sparkline");
        assert!(svg.contains("aria-hidden=\"true\""));
        assert!(svg.contains("width=\"120\""));
        assert_eq!(elements_in(&svg, "circle", palette::BASELINE), 1);
        assert!(text_contents(&svg).is_empty(), "no axes or labels");
    }

    #[test]
    fn caption_names_series_years_and_unit() {
        let indicator = Indicator::new("p", "Poverty", "%", Direction::Lower, &["1.2"]);
        assert_eq!(
            caption(&indicator, &series(vec![(2012, 1.0), (2025, 2.0)])),
            "Poverty — Total, 2012–2025 (%)"
        );
    }
}
