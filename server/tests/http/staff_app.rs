//! The staff workspace under test: the demo city's app with its store (on
//! SQLite, or PostgreSQL with `LOCALGOALS_TEST_STORE=postgres`), and the
//! requests a browser sends (forms, multipart uploads, cookies).

use axum::body::Body;
use axum::Router;
use http::{header, Request, StatusCode};
use server::staff::{Role, Staff};
use tempfile::TempDir;
use tower::ServiceExt;

use crate::common::{demo_dataset, leptos_options};

pub(crate) const PASSWORD: &str = "a long enough password";

/// An app on the demo city with its workspace, kept for the test.
pub(crate) struct Workspace {
    pub(crate) router: Router,
    pub(crate) staff: Staff,
    pub(crate) data: TempDir,
}

/// An answer: status, headers and body.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: http::HeaderMap,
    pub(crate) body: String,
}

impl Answer {
    /// The value a `Set-Cookie` header gives `name` (with its attributes).
    pub(crate) fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with(&format!("{name}=")))
            .map(str::to_owned)
    }

    pub(crate) fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    /// The value of the form's hidden `csrf` field.
    pub(crate) fn csrf_field(&self) -> String {
        let after = self
            .body
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .unwrap_or_else(|| panic!("no csrf field in {}", self.body));
        after.split('"').next().unwrap_or_default().to_owned()
    }
}

/// `name=value` of a `Set-Cookie` header, as a browser sends it back.
pub(crate) fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_owned()
}

pub(crate) async fn workspace() -> Workspace {
    workspace_with(server::staff::StaffConfig::default()).await
}

/// The database the workspace tests run on: SQLite in the data folder, or
/// with `LOCALGOALS_TEST_STORE=postgres` a new database on the PostgreSQL
/// server `LOCALGOALS_TEST_POSTGRES` names (scripts/test.sh starts one and
/// runs these tests both ways).
pub(crate) async fn test_database(data: &std::path::Path) -> server::staff::Database {
    if std::env::var("LOCALGOALS_TEST_STORE").as_deref() != Ok("postgres") {
        return server::staff::Database::Sqlite {
            data_dir: data.to_path_buf(),
        };
    }
    let admin = std::env::var("LOCALGOALS_TEST_POSTGRES").expect(
        "LOCALGOALS_TEST_STORE=postgres needs LOCALGOALS_TEST_POSTGRES: start a server with `eval \"$(scripts/postgres.sh start)\"`",
    );
    server::staff::Database::Postgres {
        url: fresh_postgres_database(&admin).await,
    }
}

/// A new, empty database on the server `admin` points at; its address.
pub(crate) async fn fresh_postgres_database(admin: &str) -> String {
    use sqlx::Connection as _;
    let token = server::staff::secret::Token::new();
    let name = format!("lg_{}", &token.reveal()[..16]);
    let mut connection = sqlx::PgConnection::connect(admin)
        .await
        .expect("the test PostgreSQL server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .await
        .expect("create a test database");
    let base = admin.rsplit_once('/').map_or(admin, |(base, _)| base);
    format!("{base}/{name}")
}

/// [`workspace`] with the workspace's settings.
pub(crate) async fn workspace_with(config: server::staff::StaffConfig) -> Workspace {
    let data = TempDir::new().expect("a data folder");
    let database = test_database(data.path()).await;
    let state = server::AppState::load_in(
        leptos_options(),
        Some(&demo_dataset()),
        data.path(),
        config,
        &database,
    )
    .await
    .expect("the demo city loads");
    let staff = state.staff.clone();
    Workspace {
        router: server::app(state),
        staff,
        data,
    }
}

impl Workspace {
    pub(crate) async fn add(&self, email: &str, role: Role) {
        let now = self.staff.clock.now();
        self.staff
            .store
            .add_user(email, role, Some(PASSWORD), now)
            .await
            .expect("add a user");
    }

    pub(crate) async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.router.clone().oneshot(request).await.expect("answer");
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), 4 * 1024 * 1024)
            .await
            .expect("body");
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    pub(crate) async fn get(&self, path: &str, cookies: &[&str]) -> Answer {
        let mut request = Request::get(path);
        if !cookies.is_empty() {
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    pub(crate) async fn post_form(
        &self,
        path: &str,
        cookies: &[&str],
        fields: &[(&str, &str)],
    ) -> Answer {
        let body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", app::escape::url_encode(v)))
            .collect();
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
        if !cookies.is_empty() {
            request = request.header(header::COOKIE, cookies.join("; "));
        }
        self.send(request.body(Body::from(body.join("&"))).expect("request"))
            .await
    }

    /// The sign-in form's CSRF cookie (`lg_csrf=…`) and token.
    pub(crate) async fn sign_in_form(&self) -> (String, String) {
        let form = self.get("/staff/sign-in", &[]).await;
        assert_eq!(form.status, StatusCode::OK);
        let cookie = form.set_cookie("lg_csrf").expect("a CSRF cookie");
        (cookie_pair(&cookie), form.csrf_field())
    }

    pub(crate) async fn try_sign_in(&self, email: &str, password: &str) -> Answer {
        let (cookie, csrf) = self.sign_in_form().await;
        self.post_form(
            "/staff/sign-in",
            &[&cookie],
            &[("email", email), ("password", password), ("csrf", &csrf)],
        )
        .await
    }

    /// Opens a one-time link and presses its button, as a person does.
    pub(crate) async fn use_link(&self, path: &str) -> Answer {
        let page = self.get(path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let cookie = cookie_pair(&page.set_cookie("lg_csrf").expect("a CSRF cookie"));
        self.post_form(path, &[&cookie], &[("csrf", &page.csrf_field())])
            .await
    }

    /// Signs in; the session cookie (`lg_session=…`).
    /// Sends a file to `/staff/upload` as a browser's multipart form does.
    pub(crate) async fn upload(
        &self,
        session: &str,
        csrf: &str,
        name: &str,
        bytes: &[u8],
    ) -> Answer {
        self.upload_at("/staff/upload", session, csrf, name, bytes)
            .await
    }

    /// [`Workspace::upload`] to `path` (`/nl/staff/upload` for the Dutch pages).
    pub(crate) async fn upload_at(
        &self,
        path: &str,
        session: &str,
        csrf: &str,
        name: &str,
        bytes: &[u8],
    ) -> Answer {
        let boundary = "----localgoals-test-boundary";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("sec-fetch-site", "same-origin")
            .header(header::COOKIE, session)
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    pub(crate) async fn sign_in(&self, email: &str) -> String {
        let answer = self.try_sign_in(email, PASSWORD).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
        assert_eq!(answer.location(), Some("/staff"));
        cookie_pair(&answer.set_cookie("lg_session").expect("a session cookie"))
    }
}
