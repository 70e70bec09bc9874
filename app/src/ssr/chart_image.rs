//! A chart as a file of its own (`/charts/{id}.svg`, `.png`, and the yearly
//! report's small multiples): the page's chart for the same selection, drawn
//! by the same code, stamped with what a reader of a copy torn from its page
//! needs: the indicator, the series, the source, the release and its date.
//! Its `<desc>` carries the values, so the file is accessible on its own.

use crate::escape::escape_html;
use crate::format::Locale;
use crate::i18n::{t, tr};
use crate::types::SeriesView;

/// Left margin of the stamp's lines.
const MARGIN: u32 = 16;
/// The stamp's title size; lines wrap at about this many characters.
const TITLE_SIZE: u32 = 20;
const TITLE_CHARS: usize = 56;
const LINE_SIZE: u32 = 15;
const FOOT_SIZE: u32 = 13;

/// A stamped chart, ready to send or to turn into a PNG.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartImage {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// `poverty-rate_sex-female`: a file name without its extension.
    pub file_stem: String,
    /// A sentence for `alt`: the chart's caption.
    pub alt: String,
}

/// What the stamp says besides the series' own words.
#[derive(Debug, Clone, Copy)]
pub struct Stamp<'a> {
    pub indicator_id: &'a str,
    pub title: &'a str,
    pub source: &'a str,
    pub release: &'a str,
    /// The release's date, already worded for `locale`.
    pub published: &'a str,
    pub locale: Locale,
}

/// Stamps the chart of `view` (the indicator page's series view).
pub fn stamp(view: &SeriesView, stamp: &Stamp<'_>) -> ChartImage {
    let locale = stamp.locale;
    let (inner_width, inner_height) = (crate::chart::WIDTH, crate::chart::HEIGHT);
    let title_lines = wrap(stamp.title, TITLE_CHARS, 2);
    let head = MARGIN + title_lines.len() as u32 * (TITLE_SIZE + 6) + LINE_SIZE + 12;
    let foot = 2 * (FOOT_SIZE + 6) + MARGIN;
    let width = inner_width;
    let height = head + inner_height + foot;
    let mut svg = String::with_capacity(view.chart_svg.len() + 2048);
    let values: Vec<String> = view
        .rows
        .iter()
        .map(|row| {
            let flags = if row.flags.is_empty() {
                String::new()
            } else {
                format!(" ({})", row.flags)
            };
            format!("{}: {}{}", row.period, row.value, flags)
        })
        .collect();
    let desc = format!(
        "{} {}: {}.",
        view.caption,
        t(locale, "chart-image-values"),
        values.join("; ")
    );
    svg.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"chart-image-title chart-image-desc\" \
         lang=\"{lang}\" font-family=\"DejaVu Sans, sans-serif\">",
        lang = locale.code()
    ));
    svg.push_str(&format!(
        "<title id=\"chart-image-title\">{}</title><desc id=\"chart-image-desc\">{}</desc>",
        escape_html(stamp.title),
        escape_html(&desc)
    ));
    svg.push_str(&format!(
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    ));
    svg.push_str(&format!(
        "<g class=\"stamp-head\" data-indicator=\"{}\" data-series=\"{}\" fill=\"#1a1a1a\">",
        escape_html(stamp.indicator_id),
        escape_html(&view.slug)
    ));
    let mut y = MARGIN;
    for line in &title_lines {
        y += TITLE_SIZE;
        svg.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\">{}</text>",
            escape_html(line)
        ));
        y += 6;
    }
    y += LINE_SIZE;
    svg.push_str(&format!(
        "<text class=\"stamp-selection\" x=\"{MARGIN}\" y=\"{y}\" font-size=\"{LINE_SIZE}\">{}</text></g>",
        escape_html(&view.label)
    ));
    // The page's chart, unchanged, below the heading.
    let inner = view.chart_svg.strip_prefix("<svg").map_or_else(
        || view.chart_svg.clone(),
        |rest| format!("<svg x=\"0\" y=\"{head}\"{rest}"),
    );
    svg.push_str(&inner);
    let source = tr(
        locale,
        "chart-image-source",
        &[("source", stamp.source.into())],
    );
    let release = tr(
        locale,
        "chart-image-release",
        &[
            ("release", stamp.release.into()),
            ("date", stamp.published.into()),
        ],
    );
    let mut y = head + inner_height + FOOT_SIZE + 4;
    svg.push_str("<g class=\"stamp-foot\" fill=\"#3d3d3d\">");
    for (class, line) in [("stamp-source", source), ("stamp-release", release)] {
        svg.push_str(&format!(
            "<text class=\"{class}\" x=\"{MARGIN}\" y=\"{y}\" font-size=\"{FOOT_SIZE}\">{}</text>",
            escape_html(&line)
        ));
        y += FOOT_SIZE + 6;
    }
    svg.push_str("</g></svg>");
    ChartImage {
        svg,
        width,
        height,
        file_stem: file_stem(stamp.indicator_id, &view.slug),
        alt: view.caption.clone(),
    }
}

/// `poverty-rate` for the headline, `poverty-rate_sex-female` for a series.
pub fn file_stem(indicator_id: &str, slug: &str) -> String {
    let mut stem = indicator_id.to_owned();
    if slug != indicators::model::HEADLINE_SLUG && !slug.is_empty() {
        stem.push('_');
        stem.extend(slug.chars().map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        }));
    }
    stem
}

/// Words of `text` in lines of at most `width` characters (a longer word has
/// a line of its own), at most `max` lines, the last ending in `…` if cut.
pub fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_wrap_at_words_and_are_cut_with_an_ellipsis() {
        assert_eq!(wrap("a bb ccc", 4, 3), vec!["a bb", "ccc"]);
        assert_eq!(wrap("a bb ccc dd", 4, 2), vec!["a bb", "ccc…"]);
        assert_eq!(wrap("", 4, 2), Vec::<String>::new());
    }

    #[test]
    fn file_names_carry_the_series() {
        assert_eq!(file_stem("poverty", "total"), "poverty");
        assert_eq!(file_stem("poverty", "sex=female"), "poverty_sex-female");
        assert_eq!(
            file_stem("rent", "Stadtteil=Süd Ost"),
            "rent_stadtteil-s-d-ost"
        );
    }
}
