//! Sparklines for cards.

use indicators::Series;
use plotters::prelude::*;

use super::{palette, ChartError};

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
