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
mod flow;
mod flow_pages;
pub mod index;
mod indicator_page;
mod metadata;
mod pages;
pub mod preview;
pub mod secret;
pub mod shared;
pub mod store;
pub mod upload;
pub mod users;
pub mod workflow;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::AppState;
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

/// What went wrong in a staff request; the page says what to do, and
/// nothing internal reaches it.
#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("sign in first")]
    SignInFirst,
    #[error("your role ({role}) cannot do this; an admin can give you more")]
    Forbidden { role: Role },
    #[error("this form has expired or came from another site")]
    Csrf,
    #[error("too many failed sign-ins")]
    Throttled { retry_after: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(upload::Refusal),
    #[error("the upload stopped part-way")]
    UploadBroken,
    #[error("could not write to the data directory: {0}")]
    Disk(String),
    #[error(transparent)]
    Workflow(#[from] workflow::WorkflowError),
    #[error("could not serve the new release: {0}")]
    Reload(String),
    #[error(transparent)]
    Shared(#[from] shared::SharedError),
}

impl StaffError {
    pub(crate) fn reload(err: crate::StartError) -> Self {
        StaffError::Reload(err.to_string())
    }
}

impl IntoResponse for StaffError {
    fn into_response(self) -> Response {
        match self {
            StaffError::SignInFirst => Redirect::to("/staff/sign-in").into_response(),
            StaffError::Forbidden { role } => (
                StatusCode::FORBIDDEN,
                pages::message(
                    "Not allowed",
                    &format!("Your role ({role}) cannot do this. An admin can give you a role that can."),
                ),
            )
                .into_response(),
            StaffError::Csrf => (
                StatusCode::FORBIDDEN,
                pages::message(
                    "Form expired",
                    "This form has expired or was sent from another site. Go back, reload the page and try again.",
                ),
            )
                .into_response(),
            StaffError::Throttled { retry_after } => {
                let minutes = (retry_after + 59) / 60;
                let mut response = (
                    StatusCode::TOO_MANY_REQUESTS,
                    pages::sign_in(
                        "",
                        None,
                        Some(&format!(
                            "Too many failed sign-ins. Try again in {minutes} minute{}, or ask an admin for a sign-in link.",
                            if minutes == 1 { "" } else { "s" }
                        )),
                    ),
                )
                    .into_response();
                if let Ok(value) = HeaderValue::from_str(&retry_after.max(1).to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                response
            }
            StaffError::Refused(refusal) => {
                (refusal.status(), flow_pages::refused(&refusal)).into_response()
            }
            StaffError::UploadBroken => (
                StatusCode::BAD_REQUEST,
                pages::message(
                    "The upload stopped",
                    "The file did not arrive whole (the connection broke or the form was not complete). Nothing was stored. Send it again.",
                ),
            )
                .into_response(),
            StaffError::Workflow(workflow::WorkflowError::Release(
                indicators::release::ReleaseError::Read(indicators::read::ReadError::Invalid {
                    errors,
                    ..
                }),
            )) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                pages::message(
                    "Not published",
                    &format!("The draft has {errors} error(s), so nothing was published. Throw the draft away or upload corrected files, then preview again."),
                ),
            )
                .into_response(),
            err @ (StaffError::Disk(_)
            | StaffError::Workflow(_)
            | StaffError::Reload(_)
            | StaffError::Shared(_)) => {
                tracing::error!(%err, "a workspace change failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    pages::message(
                        "Not done",
                        "The workspace could not complete this, and nothing changed: the served release and the draft are as before. Try again; if it keeps happening, tell whoever runs this site (the server's log says why).",
                    ),
                )
                    .into_response()
            }
            StaffError::Store(err) => {
                tracing::error!(%err, "staff request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    pages::message(
                        "Something went wrong",
                        "The workspace could not complete this. Try again; if it keeps happening, tell whoever runs this site (the server's log says why).",
                    ),
                )
                    .into_response()
            }
        }
    }
}

/// Who may use a workspace route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (signing in).
    Anyone,
    /// A signed-in person with at least this role.
    AtLeast(Role),
}

/// One route of the workspace: the router is built from [`ROUTES`], and the
/// authorisation test walks the same list, so a route added here is tested
/// for every role without editing the test.
#[derive(Debug, Clone)]
pub struct StaffRoute {
    pub method: axum::http::Method,
    pub path: &'static str,
    pub access: Access,
    handler: fn() -> axum::routing::MethodRouter<AppState>,
}

/// Every route of the workspace.
pub const ROUTES: &[StaffRoute] = &[
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff",
        access: Access::AtLeast(Role::Viewer),
        handler: || get(workspace),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/sign-in",
        access: Access::Anyone,
        handler: || get(sign_in_form),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/sign-in",
        access: Access::Anyone,
        handler: || post(sign_in),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/sign-out",
        access: Access::AtLeast(Role::Viewer),
        handler: || post(sign_out),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/sign-out-everywhere",
        access: Access::AtLeast(Role::Viewer),
        handler: || post(sign_out_everywhere),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/link/{token}",
        access: Access::Anyone,
        handler: || get(sign_in_by_link),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/audit",
        access: Access::AtLeast(Role::Admin),
        handler: || get(audit_log),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/indicators/{id}",
        access: Access::AtLeast(Role::Viewer),
        handler: || get(indicator_page::indicator),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/indicators/{id}/edit",
        access: Access::AtLeast(Role::Editor),
        handler: || get(metadata::edit_form),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/indicators/{id}/edit",
        access: Access::AtLeast(Role::Editor),
        handler: || post(metadata::save),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/draft",
        access: Access::AtLeast(Role::Viewer),
        handler: || get(flow::draft_page),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/upload",
        access: Access::AtLeast(Role::Editor),
        // The route streams the file to disk under its own cap.
        handler: || post(flow::upload).layer(axum::extract::DefaultBodyLimit::disable()),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/draft/discard",
        access: Access::AtLeast(Role::Editor),
        handler: || post(flow::discard),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/preview",
        access: Access::AtLeast(Role::Editor),
        handler: || get(flow::preview),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/publish",
        access: Access::AtLeast(Role::Admin),
        handler: || post(flow::publish),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/releases",
        access: Access::AtLeast(Role::Viewer),
        handler: || get(flow::releases),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/releases/{release}/restore",
        access: Access::AtLeast(Role::Admin),
        handler: || post(flow::restore),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/users",
        access: Access::AtLeast(Role::Admin),
        handler: || get(users::users),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/users",
        access: Access::AtLeast(Role::Admin),
        handler: || post(users::add),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/users/{user}/role",
        access: Access::AtLeast(Role::Admin),
        handler: || post(users::set_role),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/users/{user}/remove",
        access: Access::AtLeast(Role::Admin),
        handler: || post(users::remove),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/uploads",
        access: Access::AtLeast(Role::Editor),
        handler: || get(flow::uploads),
    },
];

/// The workspace's routes, merged into the application's router.
pub fn routes() -> Router<AppState> {
    ROUTES.iter().fold(Router::new(), |router, route| {
        router.route(route.path, (route.handler)())
    })
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

/// The address failed sign-ins are counted against: the peer's, unless
/// the peer is a trusted proxy (`--trust-proxy`); then the nearest address
/// in `X-Forwarded-For` that is not itself a trusted proxy. A forwarded
/// address from anyone else is ignored, so a client cannot pick its own.
pub fn client_address(
    trusted: &[ipnet::IpNet],
    connection: Option<&ConnectInfo<SocketAddr>>,
    headers: &HeaderMap,
) -> String {
    let Some(peer) = connection.map(|c| c.0.ip()) else {
        return "unknown".to_owned();
    };
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer.to_string();
    }
    let chain: Vec<std::net::IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map_while(|hop| hop.trim().parse().ok())
        .collect();
    // Each proxy appends the address it heard from: walk back from ours.
    chain
        .iter()
        .rev()
        .find(|ip| !is_trusted(ip))
        .or(chain.first())
        .unwrap_or(&peer)
        .to_string()
}

async fn sign_in_form(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    if current(&state, &headers).await?.is_some() {
        return Ok(Redirect::to("/staff").into_response());
    }
    Ok(sign_in_page(&state, &headers, StatusCode::OK, "", None))
}

/// The sign-in page with a CSRF token that matches its cookie (set anew
/// when the browser has none).
fn sign_in_page(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    email: &str,
    error: Option<&str>,
) -> Response {
    let (token, fresh) = match cookie(headers, SIGN_IN_CSRF_COOKIE) {
        Some(token) if token.len() == 64 => (token.to_owned(), false),
        _ => (secret::Token::new().reveal().to_owned(), true),
    };
    let mut response = (status, pages::sign_in(email, Some(&token), error)).into_response();
    if fresh {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                SIGN_IN_CSRF_COOKIE,
                &token,
                60 * 60,
                state.staff.config.secure_cookies,
            ),
        );
    }
    response
}

#[derive(Debug, Deserialize)]
struct SignInForm {
    email: String,
    password: String,
    csrf: String,
}

async fn sign_in(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> Result<Response, StaffError> {
    same_site(&headers)?;
    let expected = cookie(&headers, SIGN_IN_CSRF_COOKIE).ok_or(StaffError::Csrf)?;
    if !secret::same_secret(expected, &form.csrf) {
        return Err(StaffError::Csrf);
    }
    let staff = &state.staff;
    let (now, address) = (
        staff.clock.now(),
        client_address(
            &staff.config.trusted_proxies,
            extensions.get::<ConnectInfo<SocketAddr>>(),
            &headers,
        ),
    );
    let failures = staff
        .store
        .failures_since(&form.email, &address, now - staff.config.window)
        .await?;
    let limited = |count: i64, limit: i64, oldest: Option<i64>| {
        (count >= limit).then(|| oldest.unwrap_or(now) + staff.config.window - now)
    };
    if let Some(retry_after) = limited(
        failures.account,
        staff.config.account_limit,
        failures.account_oldest,
    )
    .or_else(|| {
        limited(
            failures.address,
            staff.config.address_limit,
            failures.address_oldest,
        )
    }) {
        return Err(StaffError::Throttled { retry_after });
    }
    let Some(user) = staff.store.verify(&form.email, &form.password).await? else {
        staff
            .store
            .record_failure(&form.email, &address, now)
            .await?;
        staff
            .store
            .audit(
                Some(form.email.trim()),
                AuditAction::FailedSignIn,
                &format!("from {address}"),
                now,
            )
            .await?;
        return Ok(sign_in_page(
            &state,
            &headers,
            StatusCode::UNAUTHORIZED,
            &form.email,
            Some("Wrong email or password. Check both and try again; after 5 failures the account waits 15 minutes."),
        ));
    };
    staff.store.clear_failures(&user.email).await?;
    start_session(&state, &headers, &user, AuditAction::SignIn, &address).await
}

/// Signs `user` in: any session the browser had ends, a new one starts
/// (a new id at every sign-in), and the browser goes to the workspace.
async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user: &User,
    action: AuditAction,
    address: &str,
) -> Result<Response, StaffError> {
    let staff = &state.staff;
    let now = staff.clock.now();
    if let Some(old) = cookie(headers, SESSION_COOKIE) {
        staff.store.end_session(old).await?;
    }
    let (token, _) = staff.store.start_session(user, now).await?;
    staff
        .store
        .audit(Some(&user.email), action, &format!("from {address}"), now)
        .await?;
    let mut response = Redirect::to("/staff").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            token.reveal(),
            staff.config.absolute,
            staff.config.secure_cookies,
        ),
    );
    Ok(response)
}

async fn sign_in_by_link(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, StaffError> {
    let now = state.staff.clock.now();
    match state.staff.store.redeem_link(&token, now).await? {
        Some(user) => {
            let address = client_address(
                &state.staff.config.trusted_proxies,
                extensions.get::<ConnectInfo<SocketAddr>>(),
                &headers,
            );
            start_session(&state, &headers, &user, AuditAction::SignInLinkUsed, &address).await
        }
        None => Ok((
            StatusCode::NOT_FOUND,
            pages::message(
                "This link does not work",
                "A sign-in link works once and for 24 hours. Ask an admin for a new one (localgoals user link EMAIL).",
            ),
        )
            .into_response()),
    }
}

#[derive(Debug, Deserialize)]
struct CsrfForm {
    csrf: String,
}

/// A signed-in form's session, once its token and origin are checked.
async fn checked_form(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
) -> Result<Session, StaffError> {
    same_site(headers)?;
    let session = require(state, headers, Role::Viewer).await?;
    if !secret::same_secret(&session.csrf, csrf) {
        return Err(StaffError::Csrf);
    }
    Ok(session)
}

/// Clears the session cookie and goes to the public home page.
fn signed_out(state: &AppState) -> Response {
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, state.staff.config.secure_cookies),
    );
    response
}

async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Result<Response, StaffError> {
    let session = checked_form(&state, &headers, &form.csrf).await?;
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        state.staff.store.end_session(token).await?;
    }
    let now = state.staff.clock.now();
    state
        .staff
        .store
        .audit(Some(&session.user.email), AuditAction::SignOut, "", now)
        .await?;
    Ok(signed_out(&state))
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Result<Response, StaffError> {
    let session = checked_form(&state, &headers, &form.csrf).await?;
    let ended = state.staff.store.end_all_sessions(&session.user).await?;
    let now = state.staff.clock.now();
    state
        .staff
        .store
        .audit(
            Some(&session.user.email),
            AuditAction::SignOutEverywhere,
            &format!("{ended} sessions"),
            now,
        )
        .await?;
    Ok(signed_out(&state))
}

async fn workspace(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Viewer).await?;
    Ok(pages::workspace(&session, &state.served.now().staff_index).into_response())
}

async fn audit_log(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, StaffError> {
    let session = require(&state, &headers, Role::Admin).await?;
    let entries = state.staff.store.audit_log(200).await?;
    Ok(pages::audit(&session, &entries).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(forwarded: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_str(forwarded).expect("header"),
        );
        headers
    }

    #[test]
    fn only_a_trusted_proxy_decides_the_address_failed_sign_ins_count_against() {
        let trusted: Vec<ipnet::IpNet> = vec![
            "10.0.0.0/8".parse().expect("cidr"),
            "::1/128".parse().expect("cidr"),
        ];
        let from = |ip: &str| ConnectInfo(SocketAddr::new(ip.parse().expect("ip"), 4000));
        let forged = headers("203.0.113.9");
        // A client that is no proxy cannot choose its address.
        assert_eq!(
            client_address(&trusted, Some(&from("198.51.100.7")), &forged),
            "198.51.100.7"
        );
        // Behind a trusted proxy: the client it heard from.
        assert_eq!(
            client_address(&trusted, Some(&from("10.1.2.3")), &forged),
            "203.0.113.9"
        );
        // Two trusted hops: the nearest untrusted address, not the
        // client-supplied start of the chain.
        let chain = headers("1.1.1.1, 203.0.113.9, 10.0.0.5");
        assert_eq!(
            client_address(&trusted, Some(&from("10.1.2.3")), &chain),
            "203.0.113.9"
        );
        // Nothing trusted: the peer, whatever the header says.
        assert_eq!(
            client_address(&[], Some(&from("10.1.2.3")), &chain),
            "10.1.2.3"
        );
        assert_eq!(client_address(&trusted, None, &chain), "unknown");
    }
}
