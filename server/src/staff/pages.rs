//! The workspace's pages: plain HTML forms that work without JavaScript,
//! every text escaped.

use axum::response::Html;
use indicators::model::{Indicator, Visibility};
use indicators::progress::ProgressStatus;
use indicators::statuses::Statuses;

use super::store::{AuditEntry, Session};
use app::escape::escape_html as esc;

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{} · Local Goals staff</title>\
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

/// The forms every signed-in page carries: sign out, here or everywhere.
fn account_bar(session: &Session) -> String {
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
pub fn workspace(session: &Session, catalogue: &[Indicator], statuses: &Statuses) -> Html<String> {
    let mut rows: Vec<(&Indicator, ProgressStatus)> = catalogue
        .iter()
        .map(|i| {
            let status = statuses
                .indicator(&i.id)
                .map_or(ProgressStatus::NotAvailable, |s| s.status);
            (i, status)
        })
        .collect();
    rows.sort_by_key(|(i, status)| (status.attention_rank(), i.id.clone()));
    let body: String = rows
        .iter()
        .map(|(indicator, status)| {
            let internal = indicator.visibility == Visibility::Internal;
            let title = if internal {
                esc(indicator.title())
            } else {
                format!(
                    "<a href=\"/indicators/{}\">{}</a>",
                    app::escape::url_encode(&indicator.id),
                    esc(indicator.title())
                )
            };
            format!(
                "<tr><td>{title}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                esc(&indicator.id),
                if internal { "Internal" } else { "Public" },
                status.as_str().replace('_', " ")
            )
        })
        .collect();
    let internal = catalogue
        .iter()
        .filter(|i| i.visibility == Visibility::Internal)
        .count();
    let admin = if session.user.role >= super::Role::Admin {
        "<p><a href=\"/staff/audit\">Audit log</a></p>"
    } else {
        ""
    };
    page(
        "Workspace",
        &format!(
            "<h1>Staff workspace</h1>{}{admin}\
             <h2>Every indicator</h2><p>{} indicators, {internal} of them internal (never shown to the public). Needs attention first.</p>\
             <table><thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Id</th><th scope=\"col\">Visibility</th><th scope=\"col\">Status</th></tr></thead>\
             <tbody>{body}</tbody></table>",
            account_bar(session),
            catalogue.len()
        ),
    )
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
