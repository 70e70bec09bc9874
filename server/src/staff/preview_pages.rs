//! The preview of a draft (what publishing would change, for admins the
//! publish button) and the page that asks for a new preview when the draft
//! or the served release changed since.

use std::fmt::Write as _;

use app::escape::escape_html as esc;
use axum::response::Html;

use super::drafts::Draft;
use super::flow_pages::{nav, status_words, when};
use super::pages::{account_bar, page, trim_number};
use super::preview::Preview;
use super::store::{Role, Session};
use super::words::{w, wf};

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), trim_number)
}

/// What publishing would change, and (for admins) the publish button.
pub fn preview(session: &Session, draft: &Draft, preview: &Preview, served: &str) -> Html<String> {
    let mut body = format!(
        "<h1>{}</h1>{}{}<p>{}</p>",
        w("staff-preview"),
        account_bar(session),
        nav(session),
        wf(
            "staff-preview-summary",
            &[
                ("changes", draft.changes.len().into()),
                ("version", draft.version().to_string().into()),
                ("release", served.into()),
                ("indicators", preview.indicators.len().into()),
                ("unchanged", preview.unchanged.into()),
                ("warnings", preview.warnings.into()),
            ]
        ),
    );
    if !preview.areas.is_empty() {
        let _ = write!(
            body,
            "<section class=\"preview-areas\"><h2>{}</h2><ul>",
            w("staff-areas-heading")
        );
        for (id, before, after) in &preview.areas {
            let what = match (before, after) {
                (None, Some(name)) => wf("staff-area-new", &[("name", name.into())]),
                (Some(name), None) => wf("staff-area-removed", &[("name", name.into())]),
                (Some(was), Some(now)) if was != now => wf(
                    "staff-area-renamed",
                    &[("was", was.into()), ("now", now.into())],
                ),
                _ => w("staff-area-changed"),
            };
            let _ = write!(
                body,
                "<li data-area=\"{}\"><code>{}</code>: {what}</li>",
                esc(id),
                esc(id)
            );
        }
        body.push_str("</ul></section>");
    }
    let worse: Vec<_> = preview
        .indicators
        .iter()
        .filter(|i| i.turns_worse())
        .collect();
    if !worse.is_empty() {
        let _ = write!(
            body,
            "<div class=\"alert\" role=\"alert\"><h2>{}</h2><ul>",
            w("staff-turns-worse")
        );
        for i in &worse {
            let _ = write!(
                body,
                "<li class=\"turns-worse\" data-indicator=\"{}\"><strong>{}</strong>: {} → {}</li>",
                esc(&i.id),
                esc(&i.title),
                status_words(i.before),
                status_words(i.after)
            );
        }
        body.push_str("</ul></div>");
    }
    for i in &preview.indicators {
        let mark = match (i.added, i.removed, i.internal) {
            (true, _, _) => format!(" ({})", w("staff-mark-new")),
            (_, true, _) => format!(" ({})", w("staff-mark-removed")),
            (_, _, true) => format!(" ({})", w("staff-mark-internal")),
            _ => String::new(),
        };
        let _ = write!(
            body,
            "<section class=\"preview-indicator\" data-indicator=\"{}\"><h2>{}{mark}</h2>\
             <p>{} {} → {}{}</p>",
            esc(&i.id),
            esc(&i.title),
            w("staff-status-label"),
            status_words(i.before),
            status_words(i.after),
            if i.metadata_changed {
                format!(". {}", w("staff-entry-changed"))
            } else {
                String::new()
            }
        );
        if !i.values.is_empty() {
            let _ = write!(
                body,
                "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                w("staff-col-series"),
                w("staff-col-period"),
                w("staff-col-now"),
                w("staff-col-after"),
            );
            for v in i.values.iter().take(100) {
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&v.series),
                    esc(&v.period),
                    number(v.before),
                    number(v.after)
                );
            }
            body.push_str("</tbody></table>");
            if i.values.len() > 100 {
                let _ = write!(
                    body,
                    "<p>{}</p>",
                    wf("staff-and-more", &[("n", (i.values.len() - 100).into())])
                );
            }
        }
        if let Some(chart) = &i.chart {
            let _ = write!(body, "<figure class=\"chart\">{chart}</figure>");
        }
        body.push_str("</section>");
    }
    if session.user.role >= Role::Admin {
        let _ = write!(
            body,
            "<form method=\"post\" action=\"/staff/publish\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <input type=\"hidden\" name=\"version\" value=\"{}\">\
             <input type=\"hidden\" name=\"release\" value=\"{}\">\
             <p><button type=\"submit\">{}</button></p></form>",
            esc(&session.csrf),
            draft.version(),
            esc(served),
            w("staff-publish"),
        );
    } else {
        let _ = write!(body, "<p>{}</p>", w("staff-admin-publishes"));
    }
    page(&w("staff-preview"), &body)
}

/// Publishing a draft that changed since it was previewed, or while
/// another release came to be served.
pub fn stale_preview(
    session: &Session,
    draft: &Draft,
    previewed: i64,
    previewed_release: &str,
    served: &str,
) -> Html<String> {
    let release = if previewed_release == served {
        String::new()
    } else {
        format!(
            "<p>{}</p>",
            wf(
                "staff-served-now",
                &[
                    ("served", served.into()),
                    ("previewed", previewed_release.into())
                ]
            )
        )
    };
    let since: String = draft
        .changes
        .iter()
        .filter(|c| c.id > previewed)
        .map(|c| {
            format!(
                "<li>{}: {}</li>",
                wf(
                    "staff-when-by",
                    &[
                        ("when", when(c.at).into()),
                        ("who", c.actor.as_str().into())
                    ]
                ),
                esc(&c.summary)
            )
        })
        .collect();
    page(
        &w("staff-preview-again"),
        &format!(
            "<h1>{}</h1>{}<p role=\"alert\">{}</p><ul>{since}</ul>{release}\
             <p><a href=\"/staff/preview\">{}</a> {}</p>",
            w("staff-changed-since"),
            account_bar(session),
            w("staff-nothing-published"),
            w("staff-preview-again"),
            w("staff-preview-again-why"),
        ),
    )
}
