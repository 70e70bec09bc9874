//! The pages from upload to publish: plain HTML forms, every text escaped.

use std::fmt::Write as _;

use app::escape::escape_html as esc;
use app::words::{problem_hint, problem_message};
use axum::response::Html;
use indicators::progress::ProgressStatus;
use indicators::read::Report;
use indicators::release::Manifest;

use super::apply::FirstRows;
use super::drafts::{Draft, Upload};
use super::pages::{account_bar, page};
use super::store::{Role, Session};
use super::upload::Refusal;
use super::words::{locale, w, wf};

pub use super::preview_pages::{preview, stale_preview};

pub(super) fn when(unix: i64) -> String {
    let date = app::ssr::date_of_unix(unix.max(0) as u64);
    let secs = unix.rem_euclid(86_400);
    format!("{date} {:02}:{:02} UTC", secs / 3600, secs % 3600 / 60)
}

pub(super) fn status_words(status: Option<ProgressStatus>) -> String {
    status.map_or_else(|| "—".to_owned(), super::pages::status_words)
}

pub(super) fn nav(session: &Session) -> String {
    let mut links = vec![
        ("/staff", "staff-nav-indicators"),
        ("/staff/draft", "staff-nav-draft"),
        ("/staff/releases", "staff-nav-releases"),
    ];
    if session.user.role >= Role::Editor {
        links.push(("/staff/uploads", "staff-nav-uploads"));
    }
    if session.user.role >= Role::Admin {
        links.push(("/staff/users", "staff-nav-people"));
        links.push(("/staff/audit", "staff-audit"));
    }
    let items: String = links
        .iter()
        .map(|(href, key)| format!("<li><a href=\"{href}\">{}</a></li>", w(key)))
        .collect();
    format!(
        "<nav aria-label=\"{}\"><ul class=\"staff-nav\">{items}</ul></nav>",
        w("staff-workspace-title")
    )
}

/// The draft: its changes (who, when, what) and, for editors, the upload
/// form and the way to the preview.
pub fn draft(
    session: &Session,
    draft: Option<&Draft>,
    has_working: bool,
    upload_limit: u64,
) -> Html<String> {
    let csrf = esc(&session.csrf);
    let mut body = format!(
        "<h1>{}</h1>{}{}",
        w("staff-draft"),
        account_bar(session),
        nav(session)
    );
    match draft {
        None => {
            let _ = write!(body, "<p>{}</p>", w("staff-no-draft-text"));
        }
        Some(draft) => {
            let _ = write!(
                body,
                "<p>{}</p>\
                 <table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                wf("staff-draft-changes", &[("n", draft.changes.len().into())]),
                w("staff-col-when"),
                w("staff-col-who"),
                w("staff-col-file"),
                w("staff-col-what-changed"),
            );
            for change in &draft.changes {
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    when(change.at),
                    esc(&change.actor),
                    esc(&change.file),
                    esc(&change.summary)
                );
            }
            body.push_str("</tbody></table>");
            if session.user.role >= Role::Editor {
                let _ = write!(
                    body,
                    "<p><a href=\"/staff/preview\">{}</a></p>\
                     <form method=\"post\" action=\"/staff/draft/discard\">\
                     <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                     <button type=\"submit\">{}</button></form>",
                    w("staff-preview-link"),
                    w("staff-discard"),
                );
            }
        }
    }
    if session.user.role >= Role::Editor {
        if has_working {
            let _ = write!(
                body,
                "<h2>{}</h2><p>{}</p>\
                 <form method=\"post\" action=\"/staff/upload\" enctype=\"multipart/form-data\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                 <p><label for=\"file\">{}</label><br>\
                 <input id=\"file\" name=\"file\" type=\"file\" required \
                 accept=\".csv,.tsv,.txt,.xlsx,.geojson,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json\"></p>\
                 <p><button type=\"submit\">{}</button></p></form>",
                w("staff-upload-heading"),
                wf(
                    "staff-upload-text",
                    &[("mb", (upload_limit / (1024 * 1024)).to_string().into())]
                ),
                w("staff-col-file"),
                w("staff-upload-button"),
            );
        } else {
            body.push_str(&format!(
                "<p>{}</p>",
                super::upload::refusal_words(&Refusal::NoWorkingDataset)
            ));
        }
    }
    page(&w("staff-draft"), &body)
}

/// Why an upload was refused at the door.
pub fn refused(refusal: &Refusal) -> Html<String> {
    let title = w("staff-upload-refused");
    page(
        &title,
        &format!(
            "<h1>{title}</h1><p role=\"alert\">{}</p><p>{}</p>\
             <p><a href=\"/staff/draft\">{}</a></p>",
            super::upload::refusal_words(refusal),
            // Without a working dataset the file was accepted and archived
            // before there was nothing to add it to.
            if *refusal == Refusal::NoWorkingDataset {
                w("staff-archived-nothing-added")
            } else {
                w("staff-nothing-stored")
            },
            w("staff-back-to-draft"),
        ),
    )
}

/// An upload whose check found errors: each with file, line, column,
/// value, reason and fix, and the file's first rows as read.
pub fn problems(
    session: &Session,
    name: &str,
    what_to_do: &str,
    report: &Report,
    rows: &FirstRows,
) -> Html<String> {
    let mut body = format!(
        "<h1>{}</h1>{}{}\
         <p role=\"alert\">{} {}</p>\
         <table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        wf("staff-not-added", &[("name", name.into())]),
        account_bar(session),
        nav(session),
        wf("staff-check-errors", &[("n", report.errors().into())]),
        esc(what_to_do),
        w("staff-col-file"),
        w("staff-col-line"),
        w("staff-col-column"),
        w("staff-col-value"),
        w("staff-col-what-is-wrong"),
        w("staff-col-what-to-do"),
    );
    // The upload's own errors first.
    let mut errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).collect();
    errors.sort_by_key(|p| (!p.file.ends_with(name), p.file.clone(), p.line));
    for problem in errors.iter().take(200) {
        let _ = write!(
            body,
            "<tr class=\"problem\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&problem.file),
            problem.line.map_or_else(String::new, |l| l.to_string()),
            esc(problem.column.as_deref().unwrap_or("")),
            esc(problem.value.as_deref().unwrap_or("")),
            esc(&problem_message(locale(), problem)),
            esc(&problem_hint(locale(), problem))
        );
    }
    body.push_str("</tbody></table>");
    if errors.len() > 200 {
        let _ = write!(
            body,
            "<p>{}</p>",
            wf("staff-and-more", &[("n", (errors.len() - 200).into())])
        );
    }
    if !rows.headers.is_empty() {
        let _ = write!(
            body,
            "<h2>{}</h2><table class=\"first-rows\"><thead><tr><th scope=\"col\">{}</th>{}</tr></thead><tbody>",
            w("staff-first-rows"),
            w("staff-col-line"),
            rows.headers
                .iter()
                .map(|h| format!("<th scope=\"col\">{}</th>", esc(h)))
                .collect::<String>()
        );
        for (line, cells) in &rows.rows {
            let _ = write!(
                body,
                "<tr><td>{line}</td>{}</tr>",
                cells
                    .iter()
                    .map(|c| format!("<td>{}</td>", esc(c)))
                    .collect::<String>()
            );
        }
        body.push_str("</tbody></table>");
    }
    let _ = write!(
        body,
        "<p><a href=\"/staff/draft\">{}</a></p>",
        w("staff-back-to-draft")
    );
    page(&w("staff-upload-errors"), &body)
}

pub fn no_draft(session: &Session) -> Html<String> {
    let title = w("staff-no-draft");
    page(
        &title,
        &format!(
            "<h1>{title}</h1>{}{}<p>{}</p>",
            account_bar(session),
            nav(session),
            w("staff-nothing-to-preview")
        ),
    )
}

/// Every release, newest first; admins can restore any other.
pub fn releases(session: &Session, manifests: &[Manifest], served: &str) -> Html<String> {
    let mut body = format!(
        "<h1>{}</h1>{}{}<p>{}</p><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr></thead><tbody>",
        w("staff-nav-releases"),
        account_bar(session),
        nav(session),
        wf("staff-releases-text", &[("release", served.into())]),
        w("staff-col-release"),
        w("staff-col-built"),
        w("staff-nav-indicators"),
        w("staff-col-values"),
        w("staff-col-warnings"),
        w("staff-col-action"),
    );
    for m in manifests {
        let action = if m.id == served {
            format!("<strong>{}</strong>", w("staff-served"))
        } else if session.user.role >= Role::Admin {
            format!(
                "<form method=\"post\" action=\"/staff/releases/{}/restore\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
                 <button type=\"submit\">{}</button></form>",
                esc(&m.id),
                esc(&session.csrf),
                wf("staff-restore", &[("release", m.id.as_str().into())])
            )
        } else {
            String::new()
        };
        let _ = write!(
            body,
            "<tr data-release=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{action}</td></tr>",
            esc(&m.id),
            esc(&m.id),
            when(m.created_unix as i64),
            m.indicators,
            m.observations,
            m.warnings
        );
    }
    body.push_str("</tbody></table>");
    page(&w("staff-nav-releases"), &body)
}

/// The archive of uploads.
pub fn uploads(session: &Session, uploads: &[Upload]) -> Html<String> {
    let rows: String = uploads
        .iter()
        .map(|u| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
                when(u.at),
                esc(&u.actor),
                esc(&u.name),
                u.bytes,
                esc(&u.sha256),
                u.outcome
            )
        })
        .collect();
    let title = w("staff-nav-uploads");
    page(
        &title,
        &format!(
            "<h1>{title}</h1>{}{}<p>{}</p>\
             <table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">SHA-256</th><th scope=\"col\">{}</th></tr></thead>\
             <tbody>{rows}</tbody></table>",
            account_bar(session),
            nav(session),
            w("staff-uploads-text"),
            w("staff-col-when"),
            w("staff-col-who"),
            w("staff-col-file"),
            w("staff-col-bytes"),
            w("staff-col-outcome"),
        ),
    )
}
