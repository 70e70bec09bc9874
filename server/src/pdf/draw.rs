//! Drawing the laid-out pages with krilla: text, charts (krilla-svg) and
//! rules, each piece tagged, then the tag tree in reading order, the
//! bookmarks and the document's metadata.

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use app::i18n::{t, Locale};
use app::types::ReportView;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::layout::{Block, Laid, Piece, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use super::{title, PdfError};
use crate::charts::{BOLD, REGULAR};

/// Draws the laid-out pages and tags every piece in reading order.
pub(super) fn draw(
    report: &ReportView,
    front_laid: &Laid,
    body_laid: &Laid,
    front: &[Block],
    body: &[Block],
    locale: Locale,
) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(REGULAR.into(), 0).ok_or(PdfError::Fonts)?;
    let bold = Font::new(BOLD.into(), 0).ok_or(PdfError::Fonts)?;
    let mut document = Document::new_with(SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    let total = front_laid.pages.len() + body_laid.pages.len();
    // Identifiers of each block's pieces, by (part, block) then (row, cell).
    let mut ids: BTreeMap<(usize, usize), Vec<(usize, usize, Identifier)>> = BTreeMap::new();
    let page_word = t(locale, "report-page");
    let running = title(report, locale);
    let parts = [(0usize, front_laid), (1usize, body_laid)];
    let mut page_number = 0;
    for (part, laid) in parts {
        for page in &laid.pages {
            page_number += 1;
            let settings =
                PageSettings::new(Size::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(PdfError::Fonts)?);
            let mut pdf_page = document.start_page_with(settings);
            let mut surface = pdf_page.surface();
            for placed in page {
                let id = match &placed.piece {
                    Piece::Text {
                        x,
                        y,
                        size,
                        bold: is_bold,
                        text,
                        grey,
                    } => {
                        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                        surface.set_fill(Some(fill(if *grey { 90 } else { 20 })));
                        surface.draw_text(
                            Point::from_xy(*x, *y),
                            if *is_bold {
                                bold.clone()
                            } else {
                                regular.clone()
                            },
                            *size,
                            text,
                            false,
                            TextDirection::Auto,
                        );
                        surface.end_tagged();
                        Some(id)
                    }
                    Piece::Svg {
                        x,
                        y,
                        width,
                        height,
                        tree,
                    } => {
                        let id = surface.start_tagged(ContentTag::Other);
                        surface.push_transform(&Transform::from_translate(*x, *y));
                        if let Some(size) = Size::from_wh(*width, *height) {
                            surface.draw_svg(tree, size, SvgSettings::default());
                        }
                        surface.pop();
                        surface.end_tagged();
                        Some(id)
                    }
                    Piece::Rule { x, y, width } => {
                        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                            ArtifactType::Layout,
                        )));
                        let mut path = PathBuilder::new();
                        path.move_to(*x, *y);
                        path.line_to(x + width, *y);
                        if let Some(path) = path.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                width: 0.6,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                        }
                        surface.end_tagged();
                        None
                    }
                };
                if let Some(id) = id {
                    ids.entry((part, placed.block)).or_default().push((
                        placed.row,
                        placed.cell,
                        id,
                    ));
                }
            }
            // The page number, outside the document's structure.
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                ArtifactType::PageNumber,
            )));
            surface.set_fill(Some(fill(90)));
            surface.draw_text(
                Point::from_xy(MARGIN, PAGE_HEIGHT - MARGIN + 10.0),
                regular.clone(),
                8.5,
                &format!("{running} · {page_word} {page_number} / {total}"),
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
            surface.finish();
            pdf_page.finish();
        }
    }
    let mut tree = TagTree::new();
    for (part, blocks) in [(0usize, front), (1usize, body)] {
        for (n, block) in blocks.iter().enumerate() {
            let Some(pieces) = ids.remove(&(part, n)) else {
                continue;
            };
            if let Some(group) = group_of(block, pieces) {
                tree.push(group);
            }
        }
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(body, body_laid, front_laid.pages.len()));
    document.set_metadata(
        Metadata::new()
            .title(title(report, locale))
            .language(locale.code().to_owned())
            .creator("Local Goals".to_owned()),
    );
    document.finish().map_err(PdfError::Write)
}

fn fill(grey: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(grey, grey, grey).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The tag group of a block, its pieces in their rows and cells.
fn group_of(block: &Block, pieces: Vec<(usize, usize, Identifier)>) -> Option<TagGroup> {
    let flat = |mut group: TagGroup, pieces: Vec<(usize, usize, Identifier)>| {
        for (_, _, id) in pieces {
            group.push(id);
        }
        group
    };
    let by_row = |pieces: Vec<(usize, usize, Identifier)>| {
        let mut rows: BTreeMap<usize, BTreeMap<usize, Vec<Identifier>>> = BTreeMap::new();
        for (row, cell, id) in pieces {
            rows.entry(row)
                .or_default()
                .entry(cell)
                .or_default()
                .push(id);
        }
        rows
    };
    Some(match block {
        Block::Heading { level, text, .. } => {
            let level = NonZeroU16::new(u16::from(*level))?;
            flat(TagGroup::new(Tag::Hn(level, Some(text.clone()))), pieces)
        }
        Block::Paragraph { .. } => flat(TagGroup::new(Tag::P), pieces),
        Block::Figure { alt, .. } => flat(TagGroup::new(Tag::Figure(Some(alt.clone()))), pieces),
        Block::Bullets(_) => {
            let mut list = TagGroup::new(Tag::L(ListNumbering::Disc));
            for (_, cells) in by_row(pieces) {
                let mut body = TagGroup::new(Tag::LBody);
                for id in cells.into_values().flatten() {
                    body.push(id);
                }
                let mut item = TagGroup::new(Tag::LI);
                item.push(body);
                list.push(item);
            }
            list
        }
        Block::Contents(_) => {
            let mut toc = TagGroup::new(Tag::TOC);
            for (_, cells) in by_row(pieces) {
                let mut item = TagGroup::new(Tag::TOCI);
                for id in cells.into_values().flatten() {
                    item.push(id);
                }
                toc.push(item);
            }
            toc
        }
        Block::Table { .. } => {
            let mut table = TagGroup::new(Tag::Table);
            for (row, cells) in by_row(pieces) {
                let mut tr = TagGroup::new(Tag::TR);
                for (cell, cell_ids) in cells {
                    let kind: TagKind = if row == 0 {
                        Tag::TH(TableHeaderScope::Column).into()
                    } else if cell == 0 {
                        Tag::TH(TableHeaderScope::Row).into()
                    } else {
                        Tag::TD.into()
                    };
                    let mut group = TagGroup::new(kind);
                    for id in cell_ids {
                        group.push(id);
                    }
                    tr.push(group);
                }
                table.push(tr);
            }
            table
        }
        Block::PageBreak | Block::NeedRoom(_) => return None,
    })
}

/// Bookmarks for every outlined heading of the body.
fn outline(body: &[Block], laid: &Laid, front_pages: usize) -> Outline {
    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for (block, page) in &laid.headings {
        let Some(Block::Heading {
            level,
            text,
            outline: true,
        }) = body.get(*block)
        else {
            continue;
        };
        let node = OutlineNode::new(
            text.clone(),
            XyzDestination::new(page + front_pages, Point::from_xy(0.0, 0.0)),
        );
        if *level <= 2 {
            if let Some(done) = current.take() {
                outline.push_child(done);
            }
            current = Some(node);
        } else if let Some(parent) = current.as_mut() {
            parent.push_child(node);
        } else {
            outline.push_child(node);
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    outline
}
