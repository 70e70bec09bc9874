//! Signing in and out: the form with its double-submit CSRF cookie,
//! throttling per account and per address, one-time links, a new session
//! at every sign-in, sign-out here or everywhere.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::{
    cookie, current, pages, require, same_site, secret, set_cookie, AuditAction, Role, Session,
    StaffError, User, SESSION_COOKIE, SIGN_IN_CSRF_COOKIE,
};
use crate::AppState;

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

pub(super) async fn sign_in_form(
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
pub(super) struct SignInForm {
    email: String,
    password: String,
    csrf: String,
}

pub(super) async fn sign_in(
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
    // Over the limit: how long until the oldest failure leaves the window.
    let over = |failures: crate::staff::logs::Failures, slack: i64| {
        let limited = |count: i64, limit: i64, oldest: Option<i64>| {
            (count > limit - 1 + slack).then(|| oldest.unwrap_or(now) + staff.config.window - now)
        };
        limited(
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
        })
    };
    let since = now - staff.config.window;
    let failures = staff
        .store
        .failures_since(&form.email, &address, since)
        .await?;
    if let Some(retry_after) = over(failures, 0) {
        return Err(StaffError::Throttled { retry_after });
    }
    // The attempt counts as a failure before the password is checked (and
    // is forgotten if it was right), so attempts sent side by side cannot
    // all pass the count above.
    staff
        .store
        .record_failure(&form.email, &address, now)
        .await?;
    let failures = staff
        .store
        .failures_since(&form.email, &address, since)
        .await?;
    if let Some(retry_after) = over(failures, 1) {
        return Err(StaffError::Throttled { retry_after });
    }
    let Some(user) = staff.store.verify(&form.email, &form.password).await? else {
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
            Some(&super::words::text("staff-wrong-password")),
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

/// `GET /staff/link/{token}`: a page with one button. Opening the link
/// does not use it (mail scanners and link previews open links); the
/// button's POST does.
pub(super) async fn link_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, StaffError> {
    let (csrf, fresh) = match cookie(&headers, SIGN_IN_CSRF_COOKIE) {
        Some(csrf) if csrf.len() == 64 => (csrf.to_owned(), false),
        _ => (secret::Token::new().reveal().to_owned(), true),
    };
    let mut response = pages::link(&token, &csrf).into_response();
    if fresh {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(
                SIGN_IN_CSRF_COOKIE,
                &csrf,
                60 * 60,
                state.staff.config.secure_cookies,
            ),
        );
    }
    Ok(response)
}

/// `POST /staff/link/{token}`: uses a one-time link and signs in.
pub(super) async fn sign_in_by_link(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Result<Response, StaffError> {
    same_site(&headers)?;
    let expected = cookie(&headers, SIGN_IN_CSRF_COOKIE).ok_or(StaffError::Csrf)?;
    if !secret::same_secret(expected, &form.csrf) {
        return Err(StaffError::Csrf);
    }
    let now = state.staff.clock.now();
    match state.staff.store.redeem_link(&token, now).await? {
        Some(user) => {
            let address = client_address(
                &state.staff.config.trusted_proxies,
                extensions.get::<ConnectInfo<SocketAddr>>(),
                &headers,
            );
            start_session(
                &state,
                &headers,
                &user,
                AuditAction::SignInLinkUsed,
                &address,
            )
            .await
        }
        None => Ok((
            StatusCode::NOT_FOUND,
            pages::message(
                &super::words::text("staff-link-broken"),
                &super::words::text_with(
                    "staff-link-broken-text",
                    &[(
                        "hours",
                        (state.staff.config.link_valid / 3600).to_string().into(),
                    )],
                ),
            ),
        )
            .into_response()),
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct CsrfForm {
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

pub(super) async fn sign_out(
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

pub(super) async fn sign_out_everywhere(
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

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

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
