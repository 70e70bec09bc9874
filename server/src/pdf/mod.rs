//! The yearly report as a PDF, made on the server with krilla: text in the
//! bundled DejaVu fonts (embedded, subset, with a Unicode map so it can be
//! searched and copied), the charts as vectors from the same SVG the site
//! serves (krilla-svg), a table of contents with page numbers, bookmarks, a
//! page number on every page, and a tag tree (headings, paragraphs, lists,
//! tables, figures with their alternative text) for screen readers.
//! `docs/architecture.md` says why krilla rather than typst.

mod draw;
mod layout;

use std::collections::BTreeMap;

use app::i18n::{t, tr, Locale};
use app::types::{ReportRow, ReportSection, ReportView};

use layout::lay_out;
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
    let measure =
        Measure::new(crate::charts::REGULAR, crate::charts::BOLD).ok_or(PdfError::Fonts)?;
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
    draw::draw(
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
                    if r.break_in_year && r.since_previous.is_none() {
                        t(locale, "break-report-cell")
                    } else {
                        verdict(locale, r.since_previous)
                    },
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
