//! Horizontal bars: districts compared in one year.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible, palette, register_fonts, ChartError, LABEL_SIZE, WIDTH};
use crate::format::Locale;

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
