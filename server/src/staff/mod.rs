//! The staff workspace: accounts and roles, sessions, sign-in and sign-out,
//! CSRF protection and sign-in throttling, and the workspace's pages under
//! `/staff`. Plain HTML forms, so everything works without JavaScript.
//!
//! Sessions are a random cookie (HttpOnly, SameSite=Lax, Secure when the
//! site is public over HTTPS) whose SHA-256 is the database's key; each has
//! an idle and an absolute timeout, and signing in always starts a new one.
//! Every state-changing request carries a CSRF token: the session's own
//! once signed in, a double-submit cookie on the sign-in form. A request a
//! browser says came from another site is refused before either.

mod apply;
pub mod datasets;
pub mod drafts;
mod error;
mod flow;
mod flow_pages;
pub mod index;
mod indicator_page;
pub mod logs;
mod metadata;
mod pages;
pub mod preview;
mod preview_pages;
mod routes;
pub mod secret;
pub mod shared;
mod sign_in;
pub mod store;
pub mod upload;
pub mod users;
mod words;
pub mod workflow;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

use crate::AppState;
pub use error::StaffError;
pub use routes::{routes, Access, StaffRoute, ROUTES};
pub use sign_in::client_address;
pub use store::{AuditAction, Database, Role, Session, Store, StoreError, User};

/// The session cookie.
pub const SESSION_COOKIE: &str = "lg_session";
/// The sign-in form's double-submit CSRF cookie.
pub const SIGN_IN_CSRF_COOKIE: &str = "lg_csrf";

/// How sessions and sign-ins behave.
#[derive(Debug, Clone)]
pub struct StaffConfig {
    /// A session unused this long (seconds) ends.
    pub idle: i64,
    /// A session ends this long (seconds) after sign-in, used or not.
    pub absolute: i64,
    /// Cookies marked `Secure` (the site is served over HTTPS).
    pub secure_cookies: bool,
    /// Failed sign-ins within `window` (seconds) before an account, or an
    /// address, must wait.
    pub account_limit: i64,
    pub address_limit: i64,
    pub window: i64,
    /// How long a one-time sign-in link stays valid (seconds).
    pub link_valid: i64,
    /// The largest upload accepted (bytes).
    pub upload_limit: u64,
    /// Proxies whose `X-Forwarded-For` is believed (`--trust-proxy`).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The address the public reaches the site at (`--public-url`), for
    /// sign-in links.
    pub public_url: Option<String>,
}

impl Default for StaffConfig {
    fn default() -> Self {
        StaffConfig {
            idle: 30 * 60,
            absolute: 12 * 60 * 60,
            secure_cookies: false,
            account_limit: 5,
            address_limit: 20,
            window: 15 * 60,
            link_valid: 24 * 60 * 60,
            upload_limit: 50 * 1024 * 1024,
            trusted_proxies: Vec::new(),
            public_url: None,
        }
    }
}

/// The clock sessions and throttling read: the system's, plus an offset
/// tests move forward to expire a session without waiting.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// Seconds since 1970.
    pub fn now(&self) -> i64 {
        let system = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        system + self.offset.load(Ordering::Relaxed)
    }

    /// Moves this clock (and every copy of it) `seconds` forward.
    pub fn advance(&self, seconds: i64) {
        self.offset.fetch_add(seconds, Ordering::Relaxed);
    }
}

/// The workspace's state in [`AppState`].
#[derive(Debug, Clone)]
pub struct Staff {
    pub store: Store,
    pub config: StaffConfig,
    pub clock: Clock,
}

/// A cookie's value from the request's `Cookie` headers.
fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, for the whole site.
fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Refuses a request a browser says came from another site
/// (`Sec-Fetch-Site`, else `Origin` against `Host`).
pub(crate) fn same_site(headers: &HeaderMap) -> Result<(), StaffError> {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return match site {
            "same-origin" | "none" => Ok(()),
            _ => Err(StaffError::Csrf),
        };
    }
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
            if origin_host == host {
                Ok(())
            } else {
                Err(StaffError::Csrf)
            }
        }
        // Older browsers and tools send neither: the token decides.
        _ => Ok(()),
    }
}

/// The session of this request, if it has a live one.
async fn current(state: &AppState, headers: &HeaderMap) -> Result<Option<Session>, StaffError> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let staff = &state.staff;
    Ok(staff
        .store
        .session(
            token,
            staff.clock.now(),
            staff.config.idle,
            staff.config.absolute,
        )
        .await?)
}

/// The session of this request, if its user has at least `role`.
pub async fn require(
    state: &AppState,
    headers: &HeaderMap,
    role: Role,
) -> Result<Session, StaffError> {
    let session = current(state, headers)
        .await?
        .ok_or(StaffError::SignInFirst)?;
    if session.user.role < role {
        return Err(StaffError::Forbidden {
            role: session.user.role,
        });
    }
    Ok(session)
}

pub(super) async fn workspace(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Viewer).await?;
    Ok(pages::workspace(&session, &state.served.now().staff_index).into_response())
}

pub(super) async fn audit_log(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Admin).await?;
    let entries = state.staff.store.audit_log(200).await?;
    Ok(pages::audit(&session, &entries).into_response())
}
