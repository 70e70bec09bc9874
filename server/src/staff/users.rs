//! `/staff/users`: admins add accounts (the person signs in through a
//! one-time link), change roles and remove accounts. Every change is in the
//! audit log. An admin cannot demote or remove themselves, so a site never
//! loses its last admin by a slip.

use std::fmt::Write as _;

use app::escape::escape_html as esc;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use sqlx::Row;

use super::pages::{account_bar, message, page};
use super::store::{AuditAction, Role, Session, Store, StoreError, User};
use super::words::{text, text_with, w, wf};
use super::{flow_pages, require, same_site, secret, StaffError};
use crate::AppState;

/// An account as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub user: User,
    pub created_at: i64,
    /// False until the person has set a password (through their link).
    pub has_password: bool,
}

impl Store {
    /// Every account, by email.
    pub async fn users(&self) -> Result<Vec<Account>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, email, role, created_at, password_hash FROM users ORDER BY email",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                Some(Account {
                    user: User {
                        id: row.get(0),
                        email: row.get(1),
                        role: row.get::<&str, _>(2).parse().ok()?,
                    },
                    created_at: row.get(3),
                    has_password: row.get::<Option<String>, _>(4).is_some(),
                })
            })
            .collect())
    }

    /// Gives account `id` a new role; the account, if there is one.
    pub async fn set_role(
        &self,
        actor: &str,
        id: i64,
        role: Role,
        now: i64,
    ) -> Result<Option<User>, StoreError> {
        let row = sqlx::query("UPDATE users SET role = $1 WHERE id = $2 RETURNING email")
            .bind(role.as_str())
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let email: String = row.get(0);
        self.audit(
            Some(actor),
            AuditAction::UserRoleChanged,
            &format!("{email} is now {role}"),
            now,
        )
        .await?;
        Ok(Some(User { id, email, role }))
    }

    /// Removes account `id` (its sessions and links go with it).
    pub async fn remove_user(&self, actor: &str, id: i64, now: i64) -> Result<bool, StoreError> {
        let row = sqlx::query("DELETE FROM users WHERE id = $1 RETURNING email")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(false) };
        let email: String = row.get(0);
        self.audit(Some(actor), AuditAction::UserRemoved, &email, now)
            .await?;
        Ok(true)
    }
}

/// A signed-in admin's form, its origin and token checked.
async fn admin_form(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
) -> Result<Session, StaffError> {
    let session = require(state, headers, Role::Admin).await?;
    same_site(headers)?;
    if !secret::same_secret(&session.csrf, csrf) {
        return Err(StaffError::Csrf);
    }
    Ok(session)
}

fn role_options(selected: Role) -> String {
    Role::ALL
        .iter()
        .map(|role| {
            format!(
                "<option value=\"{role}\"{}>{}</option>",
                if *role == selected { " selected" } else { "" },
                super::pages::role_words(*role)
            )
        })
        .collect()
}

fn list(session: &Session, accounts: &[Account], note: &str) -> Html<String> {
    let csrf = esc(&session.csrf);
    let mut body = format!(
        "<h1>{}</h1>{}{}{note}<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr></thead><tbody>",
        w("staff-nav-people"),
        account_bar(session),
        flow_pages::nav(session),
        w("staff-email"),
        w("staff-role"),
        w("staff-password-set"),
        w("staff-col-action"),
    );
    for account in accounts {
        let user = &account.user;
        let actions = if user.id == session.user.id {
            w("staff-you")
        } else {
            format!(
                "<form method=\"post\" action=\"/staff/users/{id}/role\" class=\"inline\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                 <label for=\"role-{id}\">{}</label> <select id=\"role-{id}\" name=\"role\">{}</select> \
                 <button type=\"submit\">{}</button></form> \
                 <form method=\"post\" action=\"/staff/users/{id}/remove\" class=\"inline\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                 <button type=\"submit\">{}</button></form>",
                w("staff-role"),
                role_options(user.role),
                w("staff-change-role"),
                w("staff-remove"),
                id = user.id
            )
        };
        let _ = write!(
            body,
            "<tr data-user=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{actions}</td></tr>",
            esc(&user.email),
            esc(&user.email),
            super::pages::role_words(user.role),
            if account.has_password {
                w("staff-yes")
            } else {
                w("staff-not-yet")
            }
        );
    }
    let _ = write!(
        body,
        "</tbody></table><h2>{}</h2>\
         <form method=\"post\" action=\"/staff/users\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
         <p><label for=\"new-email\">{}</label><br><input id=\"new-email\" name=\"email\" type=\"email\" required></p>\
         <p><label for=\"new-role\">{}</label><br><select id=\"new-role\" name=\"role\">{}</select></p>\
         <p><button type=\"submit\">{}</button></p></form>",
        w("staff-add-person"),
        w("staff-email"),
        w("staff-role"),
        role_options(Role::Viewer),
        w("staff-add-button"),
    );
    page(&w("staff-nav-people"), &body)
}

/// `GET /staff/users`.
pub async fn users(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Admin).await?;
    let accounts = state.staff.store.users().await?;
    Ok(list(&session, &accounts, "").into_response())
}

#[derive(Debug, Deserialize)]
pub struct AddForm {
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// `POST /staff/users`: a new account and its one-time sign-in link,
/// shown once.
pub async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<AddForm>,
) -> Result<Response, StaffError> {
    let session = admin_form(&state, &headers, &form.csrf).await?;
    let store = &state.staff.store;
    let now = state.staff.clock.now();
    let role: Role = match form.role.parse() {
        Ok(role) => role,
        Err(_) => {
            return Ok((
                StatusCode::BAD_REQUEST,
                message(&text("staff-not-added-title"), &text("staff-choose-role")),
            )
                .into_response())
        }
    };
    let user = match store
        .add_user_by(Some(&session.user.email), &form.email, role, None, now)
        .await
    {
        Ok(user) => user,
        Err(err @ (StoreError::EmailTaken { .. } | StoreError::NotAnEmail { .. })) => {
            return Ok((
                StatusCode::BAD_REQUEST,
                message(&text("staff-not-added-title"), &store_words(&err)),
            )
                .into_response())
        }
        Err(err) => return Err(err.into()),
    };
    let token = store
        .sign_in_link(&user, now, state.staff.config.link_valid)
        .await?;
    let origin = match &state.staff.config.public_url {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => format!(
            "http://{}",
            headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost")
        ),
    };
    let link = format!("{origin}/staff/link/{}", token.reveal());
    let accounts = store.users().await?;
    let note = format!(
        "<p role=\"status\">{} <code class=\"sign-in-link\">{}</code></p>",
        wf(
            "staff-added",
            &[
                ("email", user.email.as_str().into()),
                ("role", text(&format!("staff-role-{}", user.role)).into()),
            ]
        ),
        esc(&link)
    );
    Ok(list(&session, &accounts, &note).into_response())
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    csrf: String,
    #[serde(default)]
    role: String,
}

fn not_yourself() -> Response {
    (
        StatusCode::CONFLICT,
        message(
            &text("staff-not-yourself"),
            &text("staff-not-yourself-text"),
        ),
    )
        .into_response()
}

fn no_such_account() -> Response {
    (
        StatusCode::NOT_FOUND,
        message(
            &text("staff-no-such-account"),
            &text("staff-no-such-account-text"),
        ),
    )
        .into_response()
}

/// `POST /staff/users/{user}/role`.
pub async fn set_role(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(user): Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<Response, StaffError> {
    let session = admin_form(&state, &headers, &form.csrf).await?;
    let Ok(id) = user.parse::<i64>() else {
        return Ok(no_such_account());
    };
    if id == session.user.id {
        return Ok(not_yourself());
    }
    let Ok(role) = form.role.parse::<Role>() else {
        return Ok((
            StatusCode::BAD_REQUEST,
            message(&text("staff-not-changed"), &text("staff-choose-role")),
        )
            .into_response());
    };
    let now = state.staff.clock.now();
    match state
        .staff
        .store
        .set_role(&session.user.email, id, role, now)
        .await?
    {
        Some(_) => Ok(Redirect::to("/staff/users").into_response()),
        None => Ok(no_such_account()),
    }
}

#[derive(Debug, Deserialize)]
pub struct CsrfOnly {
    csrf: String,
}

/// `POST /staff/users/{user}/remove`.
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(user): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, StaffError> {
    let session = admin_form(&state, &headers, &form.csrf).await?;
    let Ok(id) = user.parse::<i64>() else {
        return Ok(no_such_account());
    };
    if id == session.user.id {
        return Ok(not_yourself());
    }
    let now = state.staff.clock.now();
    if state
        .staff
        .store
        .remove_user(&session.user.email, id, now)
        .await?
    {
        Ok(Redirect::to("/staff/users").into_response())
    } else {
        Ok(no_such_account())
    }
}

/// Why a person could not be added, in the request's language.
fn store_words(err: &StoreError) -> String {
    match err {
        StoreError::EmailTaken { email } => {
            text_with("staff-email-taken", &[("email", email.as_str().into())])
        }
        StoreError::NotAnEmail { email } => text_with(
            "staff-not-an-email",
            &[("email", format!("{email:?}").into())],
        ),
        other => format!("{other}."),
    }
}
