//! A small flow layout for A4 pages: headings, paragraphs, lists, tables and
//! figures placed top to bottom, text wrapped at words with the bundled
//! font's own advance widths. Each placed piece remembers its block and its
//! row and cell, so the drawing can tag it (a tagged PDF is what screen
//! readers read) in reading order.

use resvg::usvg;
use ttf_parser::Face;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 56.0;
/// Room kept at the bottom for the page number.
pub const FOOTER: f32 = 28.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const BOTTOM: f32 = PAGE_HEIGHT - MARGIN - FOOTER;

/// What a block is, for its tag.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 to 3; `outline` puts it in the bookmarks.
    Heading {
        level: u8,
        text: String,
        outline: bool,
    },
    Paragraph {
        text: String,
        size: f32,
    },
    Bullets(Vec<String>),
    /// Column widths are fractions of the content width; the first row is
    /// the header.
    Table {
        widths: Vec<f32>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Figure {
        svg: String,
        alt: String,
    },
    /// A new page unless this many points are left on this one (keeps a
    /// heading with its chart).
    NeedRoom(f32),
    /// The table of contents: entries with their page numbers.
    Contents(Vec<(u8, String, usize)>),
    PageBreak,
}

/// One piece placed on a page.
#[derive(Debug, Clone)]
pub enum Piece {
    Text {
        x: f32,
        /// The baseline.
        y: f32,
        size: f32,
        bold: bool,
        text: String,
        grey: bool,
    },
    Svg {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        tree: Box<usvg::Tree>,
    },
    /// A thin line under a table's header.
    Rule { x: f32, y: f32, width: f32 },
}

/// A piece with where it belongs in the document's structure.
#[derive(Debug, Clone)]
pub struct Placed {
    pub block: usize,
    /// List item, table row or contents entry (0 elsewhere).
    pub row: usize,
    /// Table cell (0 elsewhere).
    pub cell: usize,
    pub piece: Piece,
}

/// Text measured with the bundled fonts.
pub struct Measure {
    regular: Face<'static>,
    bold: Face<'static>,
}

impl Measure {
    pub fn new(regular: &'static [u8], bold: &'static [u8]) -> Option<Self> {
        Some(Measure {
            regular: Face::parse(regular, 0).ok()?,
            bold: Face::parse(bold, 0).ok()?,
        })
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(600, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }

    /// `text` in lines no wider than `width` (a longer word on a line of its own).
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if !line.is_empty() && self.width(&candidate, size, bold) > width {
                    lines.push(std::mem::replace(&mut line, word.to_owned()));
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// The pages, each a list of placed pieces, and the page each outlined
/// heading landed on.
#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Vec<Placed>>,
    /// `(block, page index)` of every heading.
    pub headings: Vec<(usize, usize)>,
}

struct Cursor {
    y: f32,
    laid: Laid,
}

impl Cursor {
    fn page(&mut self) -> &mut Vec<Placed> {
        if self.laid.pages.is_empty() {
            self.laid.pages.push(Vec::new());
        }
        let last = self.laid.pages.len() - 1;
        &mut self.laid.pages[last]
    }

    fn new_page(&mut self) {
        self.laid.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    fn put(&mut self, block: usize, row: usize, cell: usize, piece: Piece) {
        self.page().push(Placed {
            block,
            row,
            cell,
            piece,
        });
    }
}

fn line_height(size: f32) -> f32 {
    size * 1.35
}

/// Places `blocks` on pages.
pub fn lay_out(blocks: &[Block], measure: &Measure) -> Laid {
    let mut c = Cursor {
        y: MARGIN,
        laid: Laid::default(),
    };
    c.page();
    for (b, block) in blocks.iter().enumerate() {
        match block {
            Block::PageBreak => {
                if !c.page().is_empty() {
                    c.new_page();
                }
            }
            Block::NeedRoom(height) => c.room(*height),
            Block::Heading { level, text, .. } => {
                let size = match level {
                    1 => 22.0,
                    2 => 16.0,
                    _ => 12.5,
                };
                let lines = measure.wrap(text, size, true, CONTENT_WIDTH);
                let height = lines.len() as f32 * line_height(size);
                // A heading keeps at least a few lines of what follows.
                c.room(height + 8.0 + 60.0);
                c.y += if *level == 1 { 0.0 } else { 8.0 };
                let page = c.laid.pages.len() - 1;
                c.laid.headings.push((b, page));
                for line in lines {
                    c.y += size;
                    c.put(b, 0, 0, text_piece(MARGIN, c.y, size, true, line));
                    c.y += line_height(size) - size;
                }
                c.y += 4.0;
            }
            Block::Paragraph { text, size } => {
                for line in measure.wrap(text, *size, false, CONTENT_WIDTH) {
                    c.room(line_height(*size));
                    c.y += *size;
                    c.put(b, 0, 0, text_piece(MARGIN, c.y, *size, false, line));
                    c.y += line_height(*size) - *size;
                }
                c.y += 6.0;
            }
            Block::Bullets(items) => {
                let size = 10.5;
                for (row, item) in items.iter().enumerate() {
                    let lines = measure.wrap(item, size, false, CONTENT_WIDTH - 14.0);
                    c.room(line_height(size) * lines.len().min(2) as f32);
                    for (n, line) in lines.into_iter().enumerate() {
                        c.room(line_height(size));
                        c.y += size;
                        let text = if n == 0 { format!("• {line}") } else { line };
                        let x = if n == 0 { MARGIN } else { MARGIN + 14.0 };
                        c.put(b, row, 0, text_piece(x, c.y, size, false, text));
                        c.y += line_height(size) - size;
                    }
                }
                c.y += 6.0;
            }
            Block::Table {
                widths,
                header,
                rows,
            } => {
                let size = 8.5;
                let all = std::iter::once(header).chain(rows.iter());
                for (row, cells) in all.enumerate() {
                    let bold = row == 0;
                    let wrapped: Vec<Vec<String>> = cells
                        .iter()
                        .zip(widths)
                        .map(|(text, w)| measure.wrap(text, size, bold, w * CONTENT_WIDTH - 6.0))
                        .collect();
                    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
                    let height = lines as f32 * line_height(size) + 4.0;
                    c.room(height);
                    let top = c.y;
                    let mut x = MARGIN;
                    for (cell, (lines, w)) in wrapped.into_iter().zip(widths).enumerate() {
                        let mut y = top;
                        for line in lines {
                            y += size;
                            c.put(b, row, cell, text_piece(x, y, size, bold, line));
                            y += line_height(size) - size;
                        }
                        x += w * CONTENT_WIDTH;
                    }
                    c.y = top + height;
                    if row == 0 {
                        c.put(
                            b,
                            0,
                            0,
                            Piece::Rule {
                                x: MARGIN,
                                y: c.y - 2.0,
                                width: CONTENT_WIDTH,
                            },
                        );
                    }
                }
                c.y += 8.0;
            }
            Block::Figure { svg, .. } => {
                let Ok(tree) = crate::charts::parse_svg(svg) else {
                    tracing::error!(
                        block = b,
                        "a report chart did not parse; left out of the PDF"
                    );
                    continue;
                };
                let scale = CONTENT_WIDTH * 0.8 / tree.size().width();
                let (width, height) = (tree.size().width() * scale, tree.size().height() * scale);
                c.room(height + 6.0);
                c.put(
                    b,
                    0,
                    0,
                    Piece::Svg {
                        x: MARGIN,
                        y: c.y,
                        width,
                        height,
                        tree: Box::new(tree),
                    },
                );
                c.y += height + 8.0;
            }
            Block::Contents(entries) => {
                let size = 10.5;
                for (row, (level, text, page)) in entries.iter().enumerate() {
                    c.room(line_height(size));
                    c.y += size;
                    let indent = if *level > 2 { 16.0 } else { 0.0 };
                    let bold = *level <= 2;
                    let number = page.to_string();
                    let number_width = measure.width(&number, size, bold);
                    let room = CONTENT_WIDTH - indent - number_width - 12.0;
                    let mut title = text.clone();
                    while measure.width(&title, size, bold) > room && title.chars().count() > 4 {
                        title.pop();
                        title.pop();
                        title.push('…');
                    }
                    c.put(
                        b,
                        row,
                        0,
                        text_piece(MARGIN + indent, c.y, size, bold, title),
                    );
                    c.put(
                        b,
                        row,
                        1,
                        text_piece(
                            MARGIN + CONTENT_WIDTH - number_width,
                            c.y,
                            size,
                            bold,
                            number,
                        ),
                    );
                    c.y += line_height(size) - size;
                }
                c.y += 6.0;
            }
        }
    }
    c.laid
}

fn text_piece(x: f32, y: f32, size: f32, bold: bool, text: String) -> Piece {
    Piece::Text {
        x,
        y,
        size,
        bold,
        text,
        grey: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{BOLD, REGULAR};

    fn measure() -> Measure {
        Measure::new(REGULAR, BOLD).expect("the bundled fonts parse")
    }

    #[test]
    fn text_wraps_at_words_within_the_width() {
        let m = measure();
        let text =
            "Since 2015 the share of residents below the poverty line fell from 14.2 % to 11.6 %.";
        let lines = m.wrap(text, 10.0, false, 150.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| m.width(l, 10.0, false) <= 150.0));
        assert_eq!(lines.join(" "), text, "no word lost");
        assert!(m.width("WWW", 10.0, true) > m.width("iii", 10.0, false));
    }

    #[test]
    fn a_long_document_flows_onto_more_pages_and_headings_know_their_page() {
        let m = measure();
        let mut blocks = vec![Block::Heading {
            level: 1,
            text: "Report".into(),
            outline: true,
        }];
        for n in 0..120 {
            blocks.push(Block::Paragraph {
                text: format!("Paragraph {n} with a few words to fill a line or two of the page."),
                size: 10.5,
            });
        }
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading {
            level: 2,
            text: "Goal 1".into(),
            outline: true,
        });
        let laid = lay_out(&blocks, &m);
        assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
        let last = laid.pages.len() - 1;
        assert_eq!(laid.headings, vec![(0, 0), (blocks.len() - 1, last)]);
        for page in &laid.pages {
            for placed in page {
                if let Piece::Text { y, .. } = placed.piece {
                    assert!(y <= BOTTOM + 1.0, "text below the bottom margin at {y}");
                }
            }
        }
    }
}
