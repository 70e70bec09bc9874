//! The yearly report as a PDF, made on the server with krilla: text in the
//! bundled DejaVu fonts (embedded, subset, with a Unicode map so it can be
//! searched and copied), the charts as vectors from the same SVG the site
//! serves (krilla-svg), a table of contents with page numbers, bookmarks, a
//! page number on every page, and a tag tree (headings, paragraphs, lists,
//! tables, figures with their alternative text) for screen readers.
//! `docs/architecture.md` says why krilla rather than typst.

mod layout;

use std::collections::BTreeMap;
use std::num::NonZeroU16;

use app::i18n::{t, tr, Locale};
use app::types::{ReportRow, ReportSection, ReportView};
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

use crate::charts::{BOLD, REGULAR};
use layout::{lay_out, Laid, Piece, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
pub use layout::{Block, Measure};

/// Why the PDF could not be made (a bug, not the reader's doing).
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled fonts could not be read")]
    Fonts,
    #[error("krilla could not write the PDF: {0:?}")]
    Write(krilla::error::KrillaError),
}

/// The report's PDF. `charts` holds each indicator's chart SVG as it stood
/// in the report year, by indicator id.
pub fn report_pdf(
    report: &ReportView,
    charts: &BTreeMap<String, String>,
    locale: Locale,
) -> Result<Vec<u8>, PdfError> {
    let measure = Measure::new(REGULAR, BOLD).ok_or(PdfError::Fonts)?;
    let body = body_blocks(report, charts, locale);
    // The contents come first; lay them out once with page numbers of the
    // right width to learn how many pages they take, then the body after them.
    let front = |pages: &[usize]| front_blocks(report, &body, pages, locale);
    let draft_numbers = vec![99; body.len()];
    let front_pages = lay_out(&front(&draft_numbers), &measure).pages.len();
    let body_laid = lay_out(&body, &measure);
    let mut heading_pages = vec![0; body.len()];
    for (block, page) in &body_laid.headings {
        heading_pages[*block] = page + front_pages + 1;
    }
    let front_laid = lay_out(&front(&heading_pages), &measure);
    draw(
        report,
        &front_laid,
        &body_laid,
        &front(&heading_pages),
        &body,
        locale,
    )
}

fn title(report: &ReportView, locale: Locale) -> String {
    tr(locale, "report-title", &[("year", report.year.into())])
}

/// The first pages: title, what the report is, and the contents.
fn front_blocks(
    report: &ReportView,
    body: &[Block],
    heading_pages: &[usize],
    locale: Locale,
) -> Vec<Block> {
    let year = report.year;
    let entries = body
        .iter()
        .enumerate()
        .filter_map(|(n, block)| match block {
            Block::Heading {
                level,
                text,
                outline: true,
            } => Some((*level, text.clone(), heading_pages[n])),
            _ => None,
        })
        .collect();
    vec![
        Block::Heading {
            level: 1,
            text: title(report, locale),
            outline: false,
        },
        Block::Paragraph {
            text: tr(
                locale,
                "report-lead",
                &[("year", year.into()), ("previous", (year - 1).into())],
            ),
            size: 11.0,
        },
        Block::Paragraph {
            text: format!(
                "{} {}",
                tr(
                    locale,
                    "report-built-from",
                    &[
                        ("release", report.release.clone().into()),
                        ("date", report.published.clone().into()),
                    ],
                ),
                tr(
                    locale,
                    "report-method",
                    &[("method", app::words::method_name(report.method).into())],
                )
            ),
            size: 9.5,
        },
        Block::Heading {
            level: 2,
            text: t(locale, "report-contents"),
            outline: false,
        },
        Block::Contents(entries),
    ]
}

fn verdict(locale: Locale, v: Option<indicators::report::Verdict>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| t(locale, &format!("verdict-{v}")))
}

/// Everything after the contents.
fn body_blocks(
    report: &ReportView,
    charts: &BTreeMap<String, String>,
    locale: Locale,
) -> Vec<Block> {
    let year = report.year;
    let c = report.counts;
    let rows: BTreeMap<&str, &ReportRow> = report.rows.iter().map(|r| (r.id.as_str(), r)).collect();
    let status = |s| app::words::status_label(locale, s);
    let mut blocks = vec![
        Block::PageBreak,
        heading(2, t(locale, "report-summary")),
        Block::Bullets(vec![
            tr(
                locale,
                "report-count-indicators",
                &[("count", c.indicators.into())],
            ),
            tr(
                locale,
                "report-count-previous",
                &[
                    ("previous", (year - 1).into()),
                    ("improved", c.improved_since_previous.into()),
                    ("worsened", c.worsened_since_previous.into()),
                ],
            ),
            tr(
                locale,
                "report-count-baseline",
                &[
                    ("improved", c.improved_since_baseline.into()),
                    ("worsened", c.worsened_since_baseline.into()),
                ],
            ),
            tr(
                locale,
                "report-count-status-changes",
                &[("count", c.status_changes.into())],
            ),
        ]),
        heading(2, t(locale, "report-status-changes")),
        Block::Paragraph {
            text: tr(
                locale,
                "report-status-changes-lead",
                &[("previous", (year - 1).into()), ("year", year.into())],
            ),
            size: 10.5,
        },
    ];
    let changed: Vec<Vec<String>> = report
        .rows
        .iter()
        .filter(|r| r.status_before != r.status_now)
        .map(|r| {
            vec![
                r.title.text.clone(),
                status(r.status_before),
                status(r.status_now),
            ]
        })
        .collect();
    if changed.is_empty() {
        blocks.push(paragraph(t(locale, "report-no-status-changes")));
    } else {
        blocks.push(Block::Table {
            widths: vec![0.5, 0.25, 0.25],
            header: vec![
                t(locale, "col-indicator"),
                tr(locale, "report-status-in", &[("year", (year - 1).into())]),
                tr(locale, "report-status-in", &[("year", year.into())]),
            ],
            rows: changed,
        });
    }
    blocks.push(heading(2, t(locale, "report-table")));
    blocks.push(Block::Table {
        widths: vec![0.3, 0.11, 0.11, 0.11, 0.14, 0.11, 0.12],
        header: vec![
            t(locale, "col-indicator"),
            (year - 1).to_string(),
            year.to_string(),
            tr(locale, "report-col-since", &[("year", (year - 1).into())]),
            t(locale, "report-col-baseline"),
            t(locale, "report-col-since-baseline"),
            tr(locale, "report-status-in", &[("year", year.into())]),
        ],
        rows: report
            .rows
            .iter()
            .map(|r| {
                let mut name = r.title.text.clone();
                if let Some(series) = &r.series {
                    name.push_str(&format!(" ({series})"));
                }
                vec![
                    name,
                    r.previous.clone().unwrap_or_else(|| "–".into()),
                    r.current.clone().unwrap_or_else(|| "–".into()),
                    verdict(locale, r.since_previous),
                    r.baseline.clone().unwrap_or_else(|| "–".into()),
                    verdict(locale, r.since_baseline),
                    status(r.status_now),
                ]
            })
            .collect(),
    });
    for section in &report.goals {
        blocks.push(Block::PageBreak);
        blocks.push(heading(2, section.title.text.clone()));
        section_lists(
            &mut blocks,
            section,
            &rows,
            year,
            locale,
            "report-spending-note-goal",
        );
        for row in section
            .indicators
            .iter()
            .filter_map(|id| rows.get(id.as_str()))
            .filter(|r| format!("goal-{}", r.goal) == section.anchor)
        {
            indicator_blocks(&mut blocks, row, charts, year, locale);
        }
    }
    if !report.rights.is_empty() {
        blocks.push(Block::PageBreak);
        blocks.push(heading(2, t(locale, "report-by-right")));
        for section in &report.rights {
            blocks.push(Block::Heading {
                level: 3,
                text: section.title.text.clone(),
                outline: true,
            });
            section_lists(
                &mut blocks,
                section,
                &rows,
                year,
                locale,
                "report-spending-note-right",
            );
        }
    }
    blocks
}

fn heading(level: u8, text: String) -> Block {
    Block::Heading {
        level,
        text,
        outline: true,
    }
}

fn paragraph(text: String) -> Block {
    Block::Paragraph { text, size: 10.5 }
}

fn section_lists(
    blocks: &mut Vec<Block>,
    section: &ReportSection,
    rows: &BTreeMap<&str, &ReportRow>,
    year: i32,
    locale: Locale,
    note: &str,
) {
    let previous = year - 1;
    let lists = [
        (
            tr(
                locale,
                "report-improved-since",
                &[("year", previous.into())],
            ),
            &section.improved_since_previous,
        ),
        (
            tr(
                locale,
                "report-worsened-since",
                &[("year", previous.into())],
            ),
            &section.worsened_since_previous,
        ),
        (
            t(locale, "report-improved-baseline"),
            &section.improved_since_baseline,
        ),
        (
            t(locale, "report-worsened-baseline"),
            &section.worsened_since_baseline,
        ),
        (t(locale, "report-status-changes"), &section.status_changes),
    ];
    for (name, ids) in lists {
        let titles: Vec<String> = ids
            .iter()
            .filter_map(|id| rows.get(id.as_str()).map(|r| r.title.text.clone()))
            .collect();
        blocks.push(Block::Paragraph {
            text: if titles.is_empty() {
                format!("{name}: {}", t(locale, "report-list-none"))
            } else {
                format!("{name}:")
            },
            size: 10.5,
        });
        if !titles.is_empty() {
            blocks.push(Block::Bullets(titles));
        }
    }
    let spending = &section.spending;
    let budget = tr(locale, "report-spending", &[("year", year.into())]);
    if spending.is_empty() {
        blocks.push(paragraph(format!(
            "{budget}: {}",
            tr(locale, "report-no-spending", &[("year", year.into())])
        )));
    } else {
        blocks.push(paragraph(format!("{budget}:")));
        blocks.push(Block::Bullets(
            spending
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        s.amount,
                        tr(locale, "report-budget-lines", &[("count", s.lines.into())])
                    )
                })
                .collect(),
        ));
        blocks.push(Block::Paragraph {
            text: t(locale, note),
            size: 8.5,
        });
    }
}

fn indicator_blocks(
    blocks: &mut Vec<Block>,
    row: &ReportRow,
    charts: &BTreeMap<String, String>,
    year: i32,
    locale: Locale,
) {
    if charts.contains_key(&row.id) {
        // The heading, its status and its chart on one page.
        blocks.push(Block::NeedRoom(380.0));
    }
    blocks.push(Block::Heading {
        level: 3,
        text: row.title.text.clone(),
        outline: false,
    });
    let mut status = format!(
        "{}: {}",
        tr(locale, "report-status-in", &[("year", year.into())]),
        app::words::status_label(locale, row.status_now)
    );
    if row.status_before != row.status_now {
        status.push_str(&format!(
            " ({} {})",
            tr(locale, "report-status-was", &[("year", (year - 1).into())]),
            app::words::status_label(locale, row.status_before)
        ));
    }
    blocks.push(paragraph(status));
    if let Some(svg) = charts.get(&row.id) {
        blocks.push(Block::Figure {
            svg: svg.clone(),
            alt: row.chart_alt.clone(),
        });
    }
    if let Some(narrative) = &row.narrative {
        blocks.push(paragraph(narrative.clone()));
    }
    if !row.actions.is_empty() {
        blocks.push(Block::Paragraph {
            text: format!("{}:", t(locale, "actions-heading")),
            size: 10.5,
        });
        blocks.push(Block::Bullets(
            row.actions
                .iter()
                .map(|a| {
                    let mut text = format!("{}: {}", a.kind_label, a.title.text);
                    if !a.details.is_empty() {
                        text.push_str(&format!(" ({})", a.details));
                    }
                    text
                })
                .collect(),
        ));
    }
}

/// Draws the laid-out pages and tags every piece in reading order.
fn draw(
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
