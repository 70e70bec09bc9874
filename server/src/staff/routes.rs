//! The workspace's routes as one table: the router is built from it and
//! the authorisation test walks it.

use axum::routing::{get, post};
use axum::Router;

use super::{audit_log, flow, indicator_page, metadata, sign_in, users, workspace, Role};
use crate::AppState;

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
        handler: || get(sign_in::sign_in_form),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/sign-in",
        access: Access::Anyone,
        handler: || post(sign_in::sign_in),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/sign-out",
        access: Access::AtLeast(Role::Viewer),
        handler: || post(sign_in::sign_out),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/sign-out-everywhere",
        access: Access::AtLeast(Role::Viewer),
        handler: || post(sign_in::sign_out_everywhere),
    },
    StaffRoute {
        method: axum::http::Method::GET,
        path: "/staff/link/{token}",
        access: Access::Anyone,
        handler: || get(sign_in::link_page),
    },
    StaffRoute {
        method: axum::http::Method::POST,
        path: "/staff/link/{token}",
        access: Access::Anyone,
        handler: || post(sign_in::sign_in_by_link),
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
///
/// Each route's least role is enforced before its handler reads the
/// request (forms, uploads, path), so someone without it is sent to sign in
/// or told no, whatever they send; handlers check again for their session.
pub fn routes(state: &AppState) -> Router<AppState> {
    ROUTES.iter().fold(Router::new(), |router, route| {
        let layer = axum::middleware::from_fn_with_state((state.clone(), route.access), enforce);
        router.route(route.path, (route.handler)().route_layer(layer))
    })
}

async fn enforce(
    axum::extract::State((state, access)): axum::extract::State<(AppState, Access)>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    if let Access::AtLeast(role) = access {
        if let Err(err) = super::require(&state, request.headers(), role).await {
            return err.into_response();
        }
    }
    next.run(request).await
}
