//! Horizontal bars: districts compared in one year. Every name is shown
//! whole (wrapped onto more lines, or given the room it needs, never cut),
//! and a flagged value carries its flag beside the number.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{widest, wrap};
use super::{accessible, palette, register_fonts, ChartError, LABEL_SIZE, WIDTH};
use crate::format::Locale;

/// One bar: a district's value and its flags as written (`*`, `p` …).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub flags: String,
}

/// Names' and values' sizes in user units.
const NAME_SIZE: f64 = (LABEL_SIZE - 2) as f64;
const VALUE_SIZE: f64 = (LABEL_SIZE - 4) as f64;
/// Names wrap past this share of the width …
const NAME_SHARE: f64 = 0.42;
/// … and a single word wider than that gets up to this share, after which
/// the names are drawn smaller.
const MOST_NAME_SHARE: f64 = 0.6;
const MARGIN: f64 = 12.0;
/// Between a name and its bar.
const GAP: f64 = 10.0;

/// The text beside a bar: `45.3` or, flagged, `45.3 (*)`.
pub fn value_text(bar: &Bar, decimals: usize, locale: Locale) -> String {
    let number = crate::format::number(bar.value, decimals, locale);
    if bar.flags.trim().is_empty() {
        number
    } else {
        format!("{number} ({})", bar.flags.trim())
    }
}

/// Horizontal bars, one per label in the order given, with an optional
/// reference value (the city as a whole) as a vertical dashed line.
pub fn bar_chart_svg(
    bars: &[Bar],
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
    let width = f64::from(WIDTH);
    let names: Vec<Vec<String>> = bars
        .iter()
        .map(|b| wrap(&b.label, NAME_SIZE, width * NAME_SHARE))
        .collect();
    let widest_name = names
        .iter()
        .map(|lines| widest(lines, NAME_SIZE))
        .fold(0.0, f64::max);
    let room = width * MOST_NAME_SHARE - GAP;
    // A word too wide even for the larger share: smaller type, still whole.
    let name_size = if widest_name > room {
        NAME_SIZE * room / widest_name
    } else {
        NAME_SIZE
    };
    let label_area = (widest_name.min(room) + GAP).max(80.0);
    let line_height = name_size * 1.2;
    let most_lines = names.iter().map(Vec::len).max().unwrap_or(1);
    let row = (line_height * most_lines as f64 + 16.0).max(40.0);
    let n = bars.len() as i32;
    let height = (72.0 + row * f64::from(n)).ceil() as u32;

    let values = bars.iter().map(|b| b.value).chain(reference);
    let high = values.clone().fold(0.0_f64, f64::max);
    let low = values.fold(0.0_f64, f64::min);
    let pad = ((high - low) * 0.18).max(0.5);
    let axis_low = if low < 0.0 { low - pad } else { 0.0 };
    // Room right of the longest bar for its number (and flag).
    let texts: Vec<String> = bars
        .iter()
        .map(|b| format!(" {}", value_text(b, decimals, locale)))
        .collect();
    let text_room = widest(&texts, VALUE_SIZE) + 4.0;
    let plot = width - 2.0 * MARGIN - label_area;
    let axis_high = if high > 0.0 && plot > text_room * 1.5 {
        (axis_low + (high - axis_low) * plot / (plot - text_room)).max(high + pad * 0.25)
    } else {
        high + pad
    };

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(MARGIN as u32)
            .x_label_area_size(48)
            .y_label_area_size(label_area.ceil() as u32)
            .build_cartesian_2d(axis_low..axis_high, (0..n).into_segmented())?;
        let x_decimals = crate::format::axis_decimals(high - low);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .x_labels(4)
            .x_label_formatter(&|v| crate::format::number(*v, x_decimals, locale))
            .x_desc(unit)
            // The names are drawn below, wrapped, where plotters would cut them.
            .y_labels(bars.len())
            .y_label_formatter(&|_| String::new())
            .label_style(("sans-serif", LABEL_SIZE - 2))
            .axis_desc_style(("sans-serif", LABEL_SIZE - 2))
            .light_line_style(RGBColor(0xF4, 0xF4, 0xF4))
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
            .draw()?;
        chart.draw_series(
            Histogram::horizontal(&chart)
                .style(palette::SERIES.filled())
                .margin(8)
                .data(bars.iter().enumerate().map(|(i, b)| (i as i32, b.value))),
        )?;
        chart.draw_series(texts.iter().zip(bars).enumerate().map(|(i, (text, b))| {
            Text::new(
                text.clone(),
                (b.value.max(0.0), SegmentValue::CenterOf(i as i32)),
                ("sans-serif", VALUE_SIZE)
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
        let style = ("sans-serif", name_size)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Right, VPos::Center));
        for (i, lines) in names.iter().enumerate() {
            let (left, centre) = chart.backend_coord(&(axis_low, SegmentValue::CenterOf(i as i32)));
            let first = f64::from(centre) - line_height * (lines.len() as f64 - 1.0) / 2.0;
            for (k, line) in lines.iter().enumerate() {
                let y = (first + line_height * k as f64).round() as i32;
                root.draw(&Text::new(
                    line.clone(),
                    (left - GAP as i32, y),
                    style.clone(),
                ))?;
            }
        }
        root.present()?;
    }
    Ok(accessible(svg, title))
}

#[cfg(test)]
mod tests;
