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
use super::pages::{account_bar, page, trim_number};
use super::preview::Preview;
use super::store::{Role, Session};
use super::upload::Refusal;

fn when(unix: i64) -> String {
    let date = app::ssr::date_of_unix(unix.max(0) as u64);
    let secs = unix.rem_euclid(86_400);
    format!("{date} {:02}:{:02} UTC", secs / 3600, secs % 3600 / 60)
}

fn status_words(status: Option<ProgressStatus>) -> String {
    status.map_or_else(|| "—".to_owned(), |s| s.as_str().replace('_', " "))
}

pub(super) fn nav(session: &Session) -> String {
    let mut links = vec![
        ("/staff", "Indicators"),
        ("/staff/draft", "Draft and upload"),
        ("/staff/releases", "Releases"),
    ];
    if session.user.role >= Role::Editor {
        links.push(("/staff/uploads", "Uploads"));
    }
    if session.user.role >= Role::Admin {
        links.push(("/staff/users", "People"));
        links.push(("/staff/audit", "Audit log"));
    }
    let items: String = links
        .iter()
        .map(|(href, text)| format!("<li><a href=\"{href}\">{text}</a></li>"))
        .collect();
    format!("<nav aria-label=\"Workspace\"><ul class=\"staff-nav\">{items}</ul></nav>")
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
    let mut body = format!("<h1>Draft</h1>{}{}", account_bar(session), nav(session));
    match draft {
        None => body.push_str(
            "<p>There is no draft: the public site shows the working dataset as published. \
             An upload starts a draft.</p>",
        ),
        Some(draft) => {
            let _ = write!(
                body,
                "<p>The draft has {} change(s), not yet public.</p>\
                 <table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>\
                 <th scope=\"col\">File</th><th scope=\"col\">What changed</th></tr></thead><tbody>",
                draft.changes.len()
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
                    "<p><a href=\"/staff/preview\">Preview what publishing would change</a></p>\
                     <form method=\"post\" action=\"/staff/draft/discard\">\
                     <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                     <button type=\"submit\">Throw the draft away</button></form>"
                );
            }
        }
    }
    if session.user.role >= Role::Editor {
        if has_working {
            let _ = write!(
                body,
                "<h2>Upload a file</h2>\
                 <p>A CSV or XLSX observation file (up to {} MB) adds a file to the draft or, when a file of \
                 that name is already there, merges into it: values are matched by indicator, period and \
                 disaggregation, and the upload's value wins. <code>catalogue.csv</code> and \
                 <code>areas.csv</code> replace the catalogue and the areas. A file with errors changes \
                 nothing; the page lists each error with its line, column and fix.</p>\
                 <form method=\"post\" action=\"/staff/upload\" enctype=\"multipart/form-data\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                 <p><label for=\"file\">File</label><br>\
                 <input id=\"file\" name=\"file\" type=\"file\" required \
                 accept=\".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></p>\
                 <p><button type=\"submit\">Upload and check</button></p></form>",
                upload_limit / (1024 * 1024)
            );
        } else {
            body.push_str(&format!(
                "<p>{}</p>",
                esc(&Refusal::NoWorkingDataset.to_string())
            ));
        }
    }
    page("Draft", &body)
}

/// Why an upload was refused at the door.
pub fn refused(refusal: &Refusal) -> Html<String> {
    page(
        "Upload refused",
        &format!(
            "<h1>Upload refused</h1><p role=\"alert\">{}</p><p>{}</p>\
             <p><a href=\"/staff/draft\">Back to the draft</a></p>",
            esc(&refusal.to_string()),
            // Without a working dataset the file was accepted and archived
            // before there was nothing to add it to.
            if *refusal == Refusal::NoWorkingDataset {
                "The file is archived; nothing was added."
            } else {
                "Nothing was stored."
            }
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
        "<h1>{} was not added</h1>{}{}\
         <p role=\"alert\">The check found {} error(s), so the draft is unchanged. {}</p>\
         <table><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Line</th><th scope=\"col\">Column</th>\
         <th scope=\"col\">Value</th><th scope=\"col\">What is wrong</th><th scope=\"col\">What to do</th></tr></thead><tbody>",
        esc(name),
        account_bar(session),
        nav(session),
        report.errors(),
        esc(what_to_do)
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
            esc(&problem_message(problem)),
            esc(&problem_hint(problem))
        );
    }
    body.push_str("</tbody></table>");
    if errors.len() > 200 {
        let _ = write!(body, "<p>… and {} more.</p>", errors.len() - 200);
    }
    if !rows.headers.is_empty() {
        let _ = write!(
            body,
            "<h2>The first rows as read</h2><table class=\"first-rows\"><thead><tr><th scope=\"col\">Line</th>{}</tr></thead><tbody>",
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
    body.push_str("<p><a href=\"/staff/draft\">Back to the draft</a></p>");
    page("Upload has errors", &body)
}

pub fn no_draft(session: &Session) -> Html<String> {
    page(
        "No draft",
        &format!(
            "<h1>No draft</h1>{}{}<p>There is nothing to preview or publish: upload a file to start a draft.</p>",
            account_bar(session),
            nav(session)
        ),
    )
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), trim_number)
}

/// What publishing would change, and (for admins) the publish button.
pub fn preview(session: &Session, draft: &Draft, preview: &Preview, served: &str) -> Html<String> {
    let mut body = format!(
        "<h1>Preview</h1>{}{}<p>Publishing the draft ({} change(s), version {}) would replace release {} \
         for {} indicator(s); {} stay as they are. The draft's check reports {} warning(s).</p>",
        account_bar(session),
        nav(session),
        draft.changes.len(),
        draft.version(),
        esc(served),
        preview.indicators.len(),
        preview.unchanged,
        preview.warnings
    );
    if !preview.areas.is_empty() {
        body.push_str("<section class=\"preview-areas\"><h2>Rights and policy areas</h2><ul>");
        for (id, before, after) in &preview.areas {
            let what = match (before, after) {
                (None, Some(name)) => format!("new: {}", esc(name)),
                (Some(name), None) => format!("removed: {}", esc(name)),
                (Some(was), Some(now)) if was != now => {
                    format!("renamed from {} to {}", esc(was), esc(now))
                }
                _ => "its entry changed".to_owned(),
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
        body.push_str("<div class=\"alert\" role=\"alert\"><h2>Would turn worse</h2><ul>");
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
            (true, _, _) => " (new indicator)",
            (_, true, _) => " (removed)",
            (_, _, true) => " (internal)",
            _ => "",
        };
        let _ = write!(
            body,
            "<section class=\"preview-indicator\" data-indicator=\"{}\"><h2>{}{mark}</h2>\
             <p>Status: {} → {}{}</p>",
            esc(&i.id),
            esc(&i.title),
            status_words(i.before),
            status_words(i.after),
            if i.metadata_changed {
                ". Its catalogue entry changed."
            } else {
                ""
            }
        );
        if !i.values.is_empty() {
            body.push_str(
                "<table><thead><tr><th scope=\"col\">Series</th><th scope=\"col\">Period</th>\
                 <th scope=\"col\">Now</th><th scope=\"col\">After publishing</th></tr></thead><tbody>",
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
                let _ = write!(body, "<p>… and {} more values.</p>", i.values.len() - 100);
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
             <p><button type=\"submit\">Publish this as a new release</button></p></form>",
            esc(&session.csrf),
            draft.version(),
            esc(served)
        );
    } else {
        body.push_str("<p>An admin publishes the draft.</p>");
    }
    page("Preview", &body)
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
            "<p>The served release is now {} (the preview compared with {}).</p>",
            esc(served),
            esc(previewed_release)
        )
    };
    let since: String = draft
        .changes
        .iter()
        .filter(|c| c.id > previewed)
        .map(|c| {
            format!(
                "<li>{} by {}: {}</li>",
                when(c.at),
                esc(&c.actor),
                esc(&c.summary)
            )
        })
        .collect();
    page(
        "Preview again",
        &format!(
            "<h1>Things changed since your preview</h1>{}<p role=\"alert\">Nothing was published. \
             These changes came after the preview you saw:</p><ul>{since}</ul>{release}\
             <p><a href=\"/staff/preview\">Preview again</a> to see what publishing would change now.</p>",
            account_bar(session)
        ),
    )
}

/// Every release, newest first; admins can restore any other.
pub fn releases(session: &Session, manifests: &[Manifest], served: &str) -> Html<String> {
    let mut body = format!(
        "<h1>Releases</h1>{}{}<p>Release {} is served. Restoring an earlier release serves its figures \
         again and makes its dataset the working dataset; nothing is deleted, so a later release can be \
         restored too.</p><table><thead><tr><th scope=\"col\">Release</th><th scope=\"col\">Built</th>\
         <th scope=\"col\">Indicators</th><th scope=\"col\">Values</th><th scope=\"col\">Warnings</th>\
         <th scope=\"col\"></th></tr></thead><tbody>",
        account_bar(session),
        nav(session),
        esc(served)
    );
    for m in manifests {
        let action = if m.id == served {
            "<strong>Served</strong>".to_owned()
        } else if session.user.role >= Role::Admin {
            format!(
                "<form method=\"post\" action=\"/staff/releases/{}/restore\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
                 <button type=\"submit\">Restore {}</button></form>",
                esc(&m.id),
                esc(&session.csrf),
                esc(&m.id)
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
    page("Releases", &body)
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
    page(
        "Uploads",
        &format!(
            "<h1>Uploads</h1>{}{}<p>Every file accepted at the door, kept as it was sent.</p>\
             <table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th><th scope=\"col\">File</th>\
             <th scope=\"col\">Bytes</th><th scope=\"col\">SHA-256</th><th scope=\"col\">Outcome</th></tr></thead>\
             <tbody>{rows}</tbody></table>",
            account_bar(session),
            nav(session)
        ),
    )
}
