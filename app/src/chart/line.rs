//! The indicator page's line chart.

use indicators::Series;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible, palette, register_fonts, ChartError, HEIGHT, LABEL_SIZE, WIDTH};
use crate::format::Locale;

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
    /// Years the x axis spans at least, so charts side by side align.
    pub years: Option<(i32, i32)>,
}

/// A line chart as an accessible SVG fragment: observations (a gap where a
/// year is missing, and at a break in series, marked by a labelled dashed
/// vertical line), flagged values ringed, the baseline marked, the target
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
    let (first_year, end_year) = match spec.years {
        Some((from, to)) => (first_year.min(from), end_year.max(to)),
        None => (first_year, end_year),
    };
    let (x_from, x_to) = if first_year == end_year {
        (first_year - 1, end_year + 1)
    } else {
        (first_year, end_year)
    };
    let y_decimals = crate::format::axis_decimals(high - low);
    let locale = spec.locale;
    // Where a new segment starts (a `b` flag after the first point): the
    // line is not drawn across it.
    let breaks: Vec<usize> = (1..spec.series.points.len())
        .filter(|&i| indicators::model::breaks::starts_segment(&spec.series.points, i))
        .collect();
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
        // A missing year is a gap in the line, not a straight bridge over
        // it; so is a break in series.
        let numbered: Vec<(usize, (i32, f64))> = points.iter().copied().enumerate().collect();
        for run in numbered.chunk_by(|a, b| b.1 .0 - a.1 .0 == 1 && !breaks.contains(&b.0)) {
            chart.draw_series(LineSeries::new(
                run.iter().map(|&(_, point)| point),
                palette::SERIES.stroke_width(3),
            ))?;
        }
        // Each break: a dashed vertical line halfway between the points on
        // either side of it, labelled, so it reads without colour.
        let label = crate::i18n::t(locale, "break-chart-label");
        let across = chart.plotting_area().get_pixel_range().0;
        let middle = (across.start + across.end) / 2;
        for &i in &breaks {
            let (before, at) = (points[i - 1].0, points[i].0);
            let (x0, top) = chart.backend_coord(&(before, high));
            let (x1, bottom) = chart.backend_coord(&(at, low));
            let x = (x0 + x1) / 2;
            root.draw(&DashedPathElement::new(
                [(x, top), (x, bottom)],
                8,
                6,
                palette::MUTED.stroke_width(2),
            ))?;
            // The label sits inside the plot, on the side with more room.
            let right_half = x > middle;
            let anchor = if right_half {
                Pos::new(HPos::Right, VPos::Top)
            } else {
                Pos::new(HPos::Left, VPos::Top)
            };
            let shift = if right_half { -6 } else { 6 };
            root.draw(&Text::new(
                label.clone(),
                (x + shift, top + 4),
                ("sans-serif", LABEL_SIZE - 4)
                    .into_font()
                    .color(&palette::MUTED)
                    .pos(anchor),
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
