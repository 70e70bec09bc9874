//! The workspace's pages: plain HTML forms that work without JavaScript,
//! every text escaped.

use axum::response::Html;
use indicators::progress::ProgressStatus;

use super::index::StaffIndex;

use super::store::{AuditEntry, Session};
use app::escape::escape_html as esc;

pub(super) fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{} · Local Goals staff</title>\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\
         <link rel=\"stylesheet\" href=\"/pkg/localgoals.css\"></head>\
         <body><a class=\"skip-link\" href=\"#main\">Skip to content</a>\
         <header class=\"site-header\"><a href=\"/\">Local Goals</a> · <a href=\"/staff\">Staff workspace</a></header>\
         <main id=\"main\" class=\"staff\">{body}</main></body></html>",
        esc(title)
    ))
}

/// A page with a heading and one paragraph.
pub fn message(title: &str, text: &str) -> Html<String> {
    page(
        title,
        &format!(
            "<h1>{}</h1><p>{}</p><p><a href=\"/staff\">Back to the workspace</a></p>",
            esc(title),
            esc(text)
        ),
    )
}

/// The sign-in form; `csrf` is its token (none on a throttled answer,
/// which has no form to send).
pub fn sign_in(email: &str, csrf: Option<&str>, error: Option<&str>) -> Html<String> {
    let error = error.map_or_else(String::new, |e| {
        format!("<p class=\"form-error\" role=\"alert\">{}</p>", esc(e))
    });
    let form = csrf.map_or_else(String::new, |csrf| {
        format!(
            "<form method=\"post\" action=\"/staff/sign-in\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <p><label for=\"email\">Email</label><br>\
             <input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"{}\"></p>\
             <p><label for=\"password\">Password</label><br>\
             <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>\
             <p><button type=\"submit\">Sign in</button></p></form>",
            esc(csrf),
            esc(email)
        )
    });
    page("Sign in", &format!("<h1>Sign in</h1>{error}{form}"))
}

/// The page a one-time sign-in link opens: one button that uses it.
pub fn link(token: &str, csrf: &str) -> Html<String> {
    page(
        "Sign in with your link",
        &format!(
            "<h1>Sign in with your link</h1><p>This link signs you in once. Press the button to sign in now.</p>\
             <form method=\"post\" action=\"/staff/link/{}\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <p><button type=\"submit\">Sign in</button></p></form>",
            app::escape::url_encode(token),
            esc(csrf)
        ),
    )
}

/// The forms every signed-in page carries: sign out, here or everywhere.
pub(super) fn account_bar(session: &Session) -> String {
    let csrf = esc(&session.csrf);
    format!(
        "<p class=\"staff-account\">Signed in as <strong>{}</strong> ({}).</p>\
         <form method=\"post\" action=\"/staff/sign-out\" class=\"inline\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button type=\"submit\">Sign out</button></form> \
         <form method=\"post\" action=\"/staff/sign-out-everywhere\" class=\"inline\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button type=\"submit\">Sign out everywhere</button></form>",
        esc(&session.user.email),
        session.user.role
    )
}

/// The workspace's front page: every indicator, internal ones included and
/// marked, what needs attention first.
pub fn workspace(session: &Session, index: &StaffIndex) -> Html<String> {
    let body: String = index
        .rows
        .iter()
        .map(|row| {
            // Every indicator opens in the workspace, internal ones too.
            let title = format!(
                "<a href=\"/staff/indicators/{}\">{}</a>",
                app::escape::url_encode(&row.id),
                esc(&row.title)
            );
            let overdue = row.overdue.map_or_else(String::new, |(frequency, latest)| {
                format!("Overdue: {frequency} figures, latest {latest}")
            });
            let words = |s: ProgressStatus| s.as_str().replace('_', " ");
            let previous = row.previous.map_or_else(|| "—".to_owned(), words);
            let change = row.inputs.map_or_else(
                || "—".to_owned(),
                |i| {
                    format!(
                        "{} → {} ({} to {}) {}",
                        trim_number(i.base_value),
                        trim_number(i.current_value),
                        i.base_year,
                        i.current_year,
                        esc(&row.unit)
                    )
                },
            );
            format!(
                "<tr data-indicator=\"{}\"><td>{title}</td><td>{}</td><td>{}</td><td>{previous}</td><td>{change}</td><td>{}</td><td>{overdue}</td></tr>",
                esc(&row.id),
                if row.internal { "Internal" } else { "Public" },
                words(row.status),
                row.attention.words()
            )
        })
        .collect();
    let internal = index.rows.iter().filter(|r| r.internal).count();
    let compared = index.previous_release.as_deref().map_or_else(
        || "This is the first release: there is nothing to compare with yet.".to_owned(),
        |id| format!("Compared with release {}.", esc(id)),
    );
    let admin = super::flow_pages::nav(session);
    page(
        "Workspace",
        &format!(
            "<h1>Staff workspace</h1>{}{admin}\
             <h2>Every indicator</h2><p>{} indicators, {internal} of them internal (never shown to the public). What needs attention first. {compared}</p>\
             <table><thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Visibility</th><th scope=\"col\">Status</th><th scope=\"col\">In the last release</th><th scope=\"col\">Since the baseline</th><th scope=\"col\">Needs attention</th><th scope=\"col\">Data due</th></tr></thead>\
             <tbody>{body}</tbody></table>{}",
            account_bar(session),
            index.rows.len(),
            warnings(index)
        ),
    )
}

/// The warnings of the check the served release was built after.
fn warnings(index: &StaffIndex) -> String {
    use std::fmt::Write as _;
    let mut out = format!(
        "<h2>The working dataset's last check</h2><p>{} warning(s): not errors, but worth a look.</p>",
        index.warnings.len()
    );
    if index.warnings.is_empty() {
        return out;
    }
    out.push_str("<table><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Line</th><th scope=\"col\">Column</th><th scope=\"col\">What</th><th scope=\"col\">What to do</th></tr></thead><tbody>");
    for problem in index.warnings.iter().take(100) {
        let _ = write!(
            out,
            "<tr class=\"warning\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&problem.file),
            problem.line.map_or_else(String::new, |l| l.to_string()),
            esc(problem.column.as_deref().unwrap_or("")),
            esc(&app::words::problem_message(problem)),
            esc(&app::words::problem_hint(problem))
        );
    }
    out.push_str("</tbody></table>");
    if index.warnings.len() > 100 {
        let _ = write!(out, "<p>… and {} more.</p>", index.warnings.len() - 100);
    }
    out
}

/// A number without trailing zeros (`12.50` as `12.5`).
pub(super) fn trim_number(value: f64) -> String {
    let text = format!("{value:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The audit log, newest first (admins only).
pub fn audit(session: &Session, entries: &[AuditEntry]) -> Html<String> {
    let rows: String = entries
        .iter()
        .map(|e| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e.at,
                esc(e.actor.as_deref().unwrap_or("")),
                e.action,
                esc(&e.detail)
            )
        })
        .collect();
    page(
        "Audit log",
        &format!(
            "<h1>Audit log</h1>{}<table><thead><tr><th scope=\"col\">When (Unix time)</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Detail</th></tr></thead><tbody>{rows}</tbody></table>",
            account_bar(session)
        ),
    )
}
