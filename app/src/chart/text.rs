//! Text measured with the bundled font and wrapped to a width, so charts
//! can give every label the room it needs instead of cutting it.

use plotters::style::IntoFont;

use super::register_fonts;

/// Browsers' sans-serif fonts run a little wider or narrower than the
/// bundled DejaVu Sans: measure with room to spare.
const SPARE: f64 = 1.06;

/// The width of `text` at `size` (SVG user units).
pub fn text_width(text: &str, size: f64) -> f64 {
    register_fonts();
    let font = ("sans-serif", size).into_font();
    match font.box_size(text) {
        Ok((width, _)) => f64::from(width) * SPARE,
        // Without the font: an average glyph is about 0.62 em wide.
        Err(_) => text.chars().count() as f64 * size * 0.62,
    }
}

/// `text` in as few lines as fit `width` at `size`, broken at spaces. A
/// word wider than `width` keeps a line of its own: the caller decides
/// whether to shrink the text or give it more room, never to cut it.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_width(&candidate, size) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The widest of `lines` at `size`.
pub fn widest(lines: &[String], size: f64) -> f64 {
    lines
        .iter()
        .map(|l| text_width(l, size))
        .fold(0.0, f64::max)
}
