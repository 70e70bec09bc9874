//! Turns a series into SVG markup with plotters. Server only: the browser gets
//! finished markup, so the chart looks the same with or without JavaScript and
//! in downloads.

mod bars;
mod gap;
mod line;
pub mod map;
mod sparkline;
mod text;

use std::sync::Once;

use indicators::{Indicator, Series};
use plotters::prelude::*;

use plotters::style::{register_font, FontStyle};

/// Chart size in SVG user units; CSS scales it to the page width. Labels are
/// drawn at 24 units so they are still about 12 px when a 360 px phone shows
/// the chart at half size.
pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 400;
const LABEL_SIZE: u32 = 24;

pub use bars::{bar_chart_svg, Bar};
pub use gap::{flag_swatch, gap_chart_svg, gap_swatch, zero_swatch, GapLine};
pub use line::{line_chart_svg, LineChart};
pub use sparkline::sparkline_svg;

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
static FONT: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if register_font("sans-serif", FontStyle::Normal, FONT).is_err() {
            tracing::error!("the bundled chart font could not be loaded");
        }
    });
}

/// The caption under a chart: what, which series, when, in which unit.
pub fn caption(
    indicator: &Indicator,
    series: &Series,
    locale: crate::i18n::Locale,
    label: &str,
) -> String {
    let years = match (series.points.first(), series.points.last()) {
        (Some(first), Some(last)) if first.period != last.period => {
            format!(", {}–{}", first.period.label, last.period.label)
        }
        (Some(only), _) => format!(", {}", only.period.label),
        _ => String::new(),
    };
    crate::i18n::tr(
        locale,
        "chart-caption",
        &[
            (
                "title",
                indicator.localized_title(locale.code()).text.into(),
            ),
            ("series", label.into()),
            ("years", years.into()),
            ("unit", indicator.unit.clone().into()),
        ],
    )
}

/// Adds a role, a `<title>` and scalable sizing to plotters' `<svg>` element.
fn accessible(svg: String, title: &str) -> String {
    let escaped = crate::escape::escape_html(title);
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
mod tests;
