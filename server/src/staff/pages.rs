//! The workspace's pages: plain HTML forms that work without JavaScript,
//! every text escaped.

use axum::response::Html;
use indicators::progress::ProgressStatus;

use super::index::StaffIndex;

use super::store::{AuditEntry, Role, Session};
use super::words::{locale, w, wf};
use app::escape::escape_html as esc;
use std::fmt::Write as _;

pub(super) fn page(title: &str, body: &str) -> Html<String> {
    let locale = locale();
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{} · {}</title>\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\
         <link rel=\"stylesheet\" href=\"/pkg/localgoals.css\"></head>\
         <body><a class=\"skip-link\" href=\"#main\">{}</a>\
         <header class=\"site-header\"><a href=\"/\">Local Goals</a> · <a href=\"/staff\">{}</a>{}</header>\
         <main id=\"main\" class=\"staff\" tabindex=\"-1\">{body}</main></body></html>",
        esc(title),
        w("staff-site-title"),
        w("staff-skip"),
        w("staff-workspace"),
        language_switch(locale),
        lang = locale.code(),
    );
    Html(in_language(html, locale))
}

/// The page's own links and forms in its language: `/staff/…` and `/` gain
/// the language's prefix (English stays unprefixed).
fn in_language(html: String, locale: app::i18n::Locale) -> String {
    if locale == app::i18n::Locale::En {
        return html;
    }
    let prefix = locale.href("");
    html.replace("href=\"/staff", &format!("href=\"{prefix}/staff"))
        .replace("action=\"/staff", &format!("action=\"{prefix}/staff"))
        .replace("href=\"/\"", &format!("href=\"{}\"", locale.href("/")))
}

/// Links to the workspace's front page in the other languages the site has
/// words for (the workspace is not tied to one dataset's languages).
fn language_switch(locale: app::i18n::Locale) -> String {
    let links: String = app::i18n::Locale::ALL
        .into_iter()
        .filter(|l| *l != locale && l.has_words())
        .map(|l| {
            format!(
                "<li><a href=\"{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a></li>",
                l.explicit_href("/staff"),
                l.endonym(),
                code = l.code()
            )
        })
        .collect();
    if links.is_empty() {
        return String::new();
    }
    format!(
        "<nav class=\"language-switch\" aria-label=\"{}\"><ul>{links}</ul></nav>",
        w("staff-language")
    )
}

/// A page with a heading and one paragraph.
pub fn message(title: &str, text: &str) -> Html<String> {
    page(
        title,
        &format!(
            "<h1>{}</h1><p>{}</p><p><a href=\"/staff\">{}</a></p>",
            esc(title),
            esc(text),
            w("staff-back-to-workspace")
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
             <p><label for=\"email\">{}</label><br>\
             <input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"{}\"></p>\
             <p><label for=\"password\">{}</label><br>\
             <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>\
             <p><button type=\"submit\">{}</button></p></form>",
            esc(csrf),
            w("staff-email"),
            esc(email),
            w("staff-password"),
            w("staff-sign-in"),
        )
    });
    let title = w("staff-sign-in");
    page(&title, &format!("<h1>{title}</h1>{error}{form}"))
}

/// The page a one-time sign-in link opens: one button that uses it.
pub fn link(token: &str, csrf: &str) -> Html<String> {
    let title = w("staff-link-title");
    page(
        &title,
        &format!(
            "<h1>{title}</h1><p>{}</p>\
             <form method=\"post\" action=\"/staff/link/{}\">\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <p><button type=\"submit\">{}</button></p></form>",
            w("staff-link-text"),
            app::escape::url_encode(token),
            esc(csrf),
            w("staff-sign-in"),
        ),
    )
}

/// The forms every signed-in page carries: sign out, here or everywhere.
pub(super) fn account_bar(session: &Session) -> String {
    let csrf = esc(&session.csrf);
    format!(
        "<p class=\"staff-account\">{}</p>\
         <form method=\"post\" action=\"/staff/sign-out\" class=\"inline\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button type=\"submit\">{}</button></form> \
         <form method=\"post\" action=\"/staff/sign-out-everywhere\" class=\"inline\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><button type=\"submit\">{}</button></form>",
        wf(
            "staff-signed-in-as",
            &[
                ("email", session.user.email.as_str().into()),
                ("role", role_words(session.user.role).into()),
            ]
        ),
        w("staff-sign-out"),
        w("staff-sign-out-everywhere"),
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
                wf(
                    "staff-overdue",
                    &[
                        ("frequency", frequency.to_string().into()),
                        ("latest", latest.to_string().into()),
                    ],
                )
            });
            let words = |s: ProgressStatus| status_words(s);
            let previous = row.previous.map_or_else(|| "—".to_owned(), words);
            let change = row.inputs.map_or_else(
                || "—".to_owned(),
                |i| {
                    wf(
                        "staff-change",
                        &[
                            ("from", trim_number(i.base_value).into()),
                            ("to", trim_number(i.current_value).into()),
                            ("from-year", i.base_year.into()),
                            ("to-year", i.current_year.into()),
                            ("unit", row.unit.as_str().into()),
                        ],
                    )
                },
            );
            format!(
                "<tr data-indicator=\"{}\"><td>{title}</td><td>{}</td><td>{}</td><td>{previous}</td><td>{change}</td><td>{}</td><td>{overdue}</td></tr>",
                esc(&row.id),
                if row.internal { w("staff-internal") } else { w("staff-public") },
                // A qualitative indicator has no status to show.
                if row.qualitative { w("qualitative-no-score-short") } else { words(row.status) },
                row.attention.key().map(w).unwrap_or_default()
            )
        })
        .collect();
    let internal = index.rows.iter().filter(|r| r.internal).count();
    let compared = index.previous_release.as_deref().map_or_else(
        || w("staff-first-release"),
        |id| wf("staff-compared-with", &[("release", id.into())]),
    );
    let admin = super::flow_pages::nav(session);
    page(
        &w("staff-workspace-title"),
        &format!(
            "<h1>{}</h1>{}{admin}\
             <h2>{}</h2><p>{} {compared}</p>\
             <table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\
             <tbody>{body}</tbody></table>{}",
            w("staff-workspace"),
            account_bar(session),
            w("staff-every-indicator"),
            wf(
                "staff-indicator-count",
                &[("n", index.rows.len().into()), ("internal", internal.into())]
            ),
            w("staff-col-indicator"),
            w("staff-col-visibility"),
            w("staff-col-status"),
            w("staff-col-last-release"),
            w("staff-col-since-baseline"),
            w("staff-col-attention"),
            w("staff-col-due"),
            warnings(index)
        ),
    )
}

/// The warnings of the check the served release was built after.
fn warnings(index: &StaffIndex) -> String {
    let mut out = format!(
        "<h2>{}</h2><p>{}</p>",
        w("staff-last-check"),
        wf("staff-warning-count", &[("n", index.warnings.len().into())])
    );
    if index.warnings.is_empty() {
        return out;
    }
    let _ = write!(
        out,
        "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        w("staff-col-file"),
        w("staff-col-line"),
        w("staff-col-column"),
        w("staff-col-what"),
        w("staff-col-what-to-do")
    );
    for problem in index.warnings.iter().take(100) {
        let _ = write!(
            out,
            "<tr class=\"warning\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&problem.file),
            problem.line.map_or_else(String::new, |l| l.to_string()),
            esc(problem.column.as_deref().unwrap_or("")),
            esc(&app::words::problem_message(locale(), problem)),
            esc(&app::words::problem_hint(locale(), problem))
        );
    }
    out.push_str("</tbody></table>");
    if index.warnings.len() > 100 {
        let _ = write!(
            out,
            "<p>{}</p>",
            wf(
                "staff-and-more",
                &[("n", (index.warnings.len() - 100).into())]
            )
        );
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
    let title = w("staff-audit");
    page(
        &title,
        &format!(
            "<h1>{title}</h1>{}<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
            account_bar(session),
            w("staff-col-when-unix"),
            w("staff-col-who"),
            w("staff-col-what"),
            w("staff-col-detail"),
        ),
    )
}

/// A role in words.
pub(super) fn role_words(role: Role) -> String {
    w(&format!("staff-role-{role}"))
}

/// A status in words, as the public pages word it.
pub(super) fn status_words(status: ProgressStatus) -> String {
    esc(&app::words::status_label(locale(), status))
}
