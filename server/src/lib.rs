//! The Local Goals web server: the application state, the axum router built by
//! [`app`], and the routes that are not pages (`/healthz`). The `localgoals`
//! binary in `main.rs` only parses the command line and calls into here.

pub mod charts;
pub mod check;
pub mod cli;
pub mod export;
pub mod language;
pub mod open_data;
pub mod pdf;
pub mod report;
pub mod site;
pub mod staff;

use app::ssr::DashboardData;
use app::{shell, App};
use axum::extract::{FromRef, State};
use axum::routing::get;
use axum::{Json, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::trace::TraceLayer;

/// Why the server could not start. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Release(#[from] indicators::release::ReleaseError),
    #[error("loading the dataset stopped unexpectedly ({0}); please report this as a bug")]
    Loader(String),
    #[error("{0}")]
    Staff(#[from] staff::StoreError),
    #[error("{0}")]
    Dataset(#[from] staff::datasets::DatasetError),
    #[error("{0}")]
    Workflow(#[from] staff::workflow::WorkflowError),
    #[error("{0}")]
    Shared(#[from] staff::shared::SharedError),
    #[error("could not create the data directory {path}: {source}. Choose a writable folder with --data or LOCALGOALS_DATA.")]
    DataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The release being served, as pages and the workspace read it. Publishing
/// and rolling back replace it whole; a request holds the one it started with.
#[derive(Debug)]
pub struct ServedState {
    pub data: DashboardData,
    /// Every indicator of the served release, internal ones included: for
    /// staff pages only (public pages read `data`, built from public data).
    pub staff_index: std::sync::Arc<staff::index::StaffIndex>,
    /// The served release's id.
    pub release: String,
    /// The workspace dataset it was built from, if it came from the
    /// workspace: the working dataset.
    pub working: Option<String>,
    /// The whole release, internal indicators included: staff pages read
    /// any indicator's series through it.
    pub full: indicators::release::ServedRelease,
}

/// The served release, swapped atomically on publish and rollback.
#[derive(Clone, Debug)]
pub struct Served(std::sync::Arc<std::sync::RwLock<std::sync::Arc<ServedState>>>);

impl Served {
    fn new(state: ServedState) -> Self {
        Served(std::sync::Arc::new(std::sync::RwLock::new(
            std::sync::Arc::new(state),
        )))
    }

    /// The release served now.
    pub fn now(&self) -> std::sync::Arc<ServedState> {
        // A poisoned lock still holds a whole state (it is only ever
        // replaced, never edited), so it is served.
        match self.0.read() {
            Ok(state) => state.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn replace(&self, state: ServedState) {
        let state = std::sync::Arc::new(state);
        match self.0.write() {
            Ok(mut slot) => *slot = state,
            Err(poisoned) => *poisoned.into_inner() = state,
        }
    }
}

/// Everything a request handler may need, cloned cheaply into each request.
#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub served: Served,
    pub data_dir: PathBuf,
    pub staff: staff::Staff,
    /// One change of the workspace (upload, publish, rollback) at a time.
    pub workspace_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// With PostgreSQL: the files and the current release all replicas share.
    pub shared: Option<staff::shared::Shared>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// Reads the dataset folder and prepares the data directory, on a blocking
    /// thread: polars runs its own thread pool and must not be driven from an
    /// async worker (it panics inside a current-thread runtime).
    pub async fn load(
        leptos_options: LeptosOptions,
        dataset: Option<&Path>,
        data_dir: &Path,
    ) -> Result<Self, StartError> {
        Self::load_with(
            leptos_options,
            dataset,
            data_dir,
            staff::StaffConfig::default(),
        )
        .await
    }

    /// [`AppState::load`] with the workspace's settings.
    pub async fn load_with(
        leptos_options: LeptosOptions,
        dataset: Option<&Path>,
        data_dir: &Path,
        config: staff::StaffConfig,
    ) -> Result<Self, StartError> {
        let database = staff::Database::Sqlite {
            data_dir: data_dir.to_path_buf(),
        };
        Self::load_in(leptos_options, dataset, data_dir, config, &database).await
    }

    /// [`AppState::load_with`] on a chosen database. With PostgreSQL, the
    /// data directory is this replica's cache: it fetches what the
    /// database holds, serves the release the database names, and follows
    /// when another replica publishes or rolls back.
    pub async fn load_in(
        leptos_options: LeptosOptions,
        dataset: Option<&Path>,
        data_dir: &Path,
        config: staff::StaffConfig,
        database: &staff::Database,
    ) -> Result<Self, StartError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StartError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let store = staff::Store::connect(database).await?;
        let shared = (store.backend == staff::store::Backend::Postgres)
            .then(|| staff::shared::Shared::new(store.clone()));
        let (dataset, data_dir) = (dataset.map(Path::to_path_buf), data_dir.to_path_buf());
        match &shared {
            Some(shared) => Self::join_replicas(shared, dataset, &data_dir).await?,
            None => {
                let dir = data_dir.clone();
                tokio::task::spawn_blocking(move || Self::first_release(dataset.as_deref(), &dir))
                    .await
                    .map_err(|err| StartError::Loader(err.to_string()))??;
            }
        }
        let dir = data_dir.clone();
        let served = tokio::task::spawn_blocking(move || Self::open_served(&dir))
            .await
            .map_err(|err| StartError::Loader(err.to_string()))??;
        let state = Self {
            leptos_options,
            served: Served::new(served),
            data_dir,
            staff: staff::Staff {
                store,
                config,
                clock: staff::Clock::default(),
            },
            workspace_lock: std::sync::Arc::default(),
            shared,
        };
        staff::workflow::recover(&state).await?;
        if state.shared.is_some() {
            tokio::spawn(staff::workflow::follow(state.clone()));
        }
        Ok(state)
    }

    /// A replica's start: under the shared lock, fetch every release and
    /// dataset, then serve the release the database names; the first
    /// replica ever imports `dataset` and shares it.
    async fn join_replicas(
        shared: &staff::shared::Shared,
        dataset: Option<PathBuf>,
        data_dir: &Path,
    ) -> Result<(), StartError> {
        let _lock = shared.lock().await?;
        shared.pull_all(data_dir).await?;
        let dir = data_dir.to_path_buf();
        match shared.current().await? {
            Some(id) => {
                tokio::task::spawn_blocking(move || indicators::release::set_current(&dir, &id))
                    .await
                    .map_err(|err| StartError::Loader(err.to_string()))??;
            }
            None => {
                tokio::task::spawn_blocking(move || Self::first_release(dataset.as_deref(), &dir))
                    .await
                    .map_err(|err| StartError::Loader(err.to_string()))??;
                if let Some(id) = indicators::release::current_id(data_dir) {
                    // Every release and dataset this data directory has
                    // (a single server's history moving to PostgreSQL
                    // stays restorable), then the pointer.
                    for parent in ["releases", "workspace/datasets"] {
                        let folders = std::fs::read_dir(data_dir.join(parent))
                            .map(|entries| {
                                entries
                                    .filter_map(Result::ok)
                                    .filter(|e| e.path().is_dir())
                                    .map(|e| e.file_name().to_string_lossy().into_owned())
                                    .filter(|name| !name.starts_with('.'))
                                    .collect::<Vec<_>>()
                            })
                            .unwrap_or_default();
                        for folder in folders {
                            shared.push(data_dir, &format!("{parent}/{folder}")).await?;
                        }
                    }
                    shared.set_current(&id).await?;
                }
            }
        }
        Ok(())
    }

    /// Serves the current release anew (after a publish or a rollback).
    pub async fn reload(&self) -> Result<(), StartError> {
        let dir = self.data_dir.clone();
        let served = tokio::task::spawn_blocking(move || Self::open_served(&dir))
            .await
            .map_err(|err| StartError::Loader(err.to_string()))??;
        self.served.replace(served);
        Ok(())
    }

    /// On first start, imports `dataset` as the working dataset and builds
    /// a release from it. Once the served release comes from the
    /// workspace, `dataset` is not read again: the working dataset changes
    /// only through the workspace or `localgoals import`, so a restart never
    /// drops what staff published. A dataset with errors leaves the current
    /// release served; with no release at all, the errors stop the start.
    fn first_release(dataset: Option<&Path>, data_dir: &Path) -> Result<(), StartError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StartError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let Some(dataset) = dataset else {
            return Ok(());
        };
        if let Some(working) = staff::workflow::working_dataset(data_dir) {
            tracing::info!(%working, "serving the working dataset in the data directory; the dataset given at start is read on first start only (`localgoals import` replaces the working dataset)");
            return Ok(());
        }
        let have_release = indicators::release::current_id(data_dir).is_some();
        match staff::workflow::import(data_dir, dataset) {
            Ok(outcome) => {
                tracing::info!(release = %outcome.manifest.id, warnings = outcome.manifest.warnings, "working dataset imported and released")
            }
            Err(err) if have_release => {
                tracing::error!(%err, "the dataset was not published; serving the current release")
            }
            Err(err) => return Err(err),
        }
        Ok(())
    }

    /// Opens the current release to serve.
    fn open_served(data_dir: &Path) -> Result<ServedState, StartError> {
        // Only the catalogue and the statuses are held; pages read one
        // indicator at a time from the release's files.
        let (release, unreadable) = indicators::release::open_servable(data_dir)?;
        if let Some(err) = unreadable {
            tracing::error!(%err, serving = %release.manifest.id, "the current release cannot be read; serving the newest earlier release that can");
        }
        tracing::info!(
            release = %release.manifest.id,
            indicators = release.indicators.len(),
            observations = release.manifest.observations,
            "serving release"
        );
        let staff_index = std::sync::Arc::new(staff::index::StaffIndex::of_release(
            data_dir,
            &release,
            staff::index::current_year(),
        ));
        let id = release.manifest.id.clone();
        let working =
            staff::datasets::dataset_of_source(&release.manifest.source).map(str::to_owned);
        let full = release.clone();
        Ok(ServedState {
            full,
            data: DashboardData::from_release(release, data_dir),
            staff_index,
            release: id,
            working,
        })
    }
}

/// The whole HTTP application: pages, server functions, static files, health.
pub fn app(state: AppState) -> Router {
    let site = site::Site::load(&state.leptos_options);
    app_with_site(state, site)
}

/// [`app`] serving the site files of `site` (tests give a folder of their own).
pub fn app_with_site(mut state: AppState, site: site::Site) -> Router {
    // Pages link the content-hashed CSS, JS and wasm names.
    site.configure(&mut state.leptos_options, &state.data_dir);
    site.warm();
    let stylesheet = site.stylesheet_href().map(app::StylesheetHref);
    let site = std::sync::Arc::new(site);
    let routes = generate_route_list(App);
    // Each request reads the release served when it arrives.
    let page_context = {
        let served = state.served.clone();
        let public_url = state.staff.config.public_url.clone().map(app::PublicUrl);
        move || {
            provide_context(served.now().data.clone());
            if let Some(href) = &stylesheet {
                provide_context(href.clone());
            }
            if let Some(url) = &public_url {
                provide_context(url.clone());
            }
        }
    };
    let fallback_context = page_context.clone();
    let render = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let served = state.served.clone();
    let inner = Router::new()
        .route("/healthz", get(healthz))
        .route("/charts/{file}", get(charts::chart_file))
        .route("/report/{year}/pdf", get(report_pdf))
        .merge(staff::routes(&state))
        .merge(open_data::routes())
        .leptos_routes_with_context(&state, routes, page_context, render)
        .fallback(site::fallback(
            site,
            leptos_axum::file_and_error_handler_with_context::<AppState, _>(
                fallback_context,
                shell,
            ),
        ))
        .layer(axum::middleware::from_fn(site::etag::page_etags))
        // Only `/embed/` may be framed by other sites.
        .layer(axum::middleware::map_response(
            open_data::embed::frame_policy,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state);
    let cache = site::page_cache::PageCache::new(served.clone(), site::page_cache::DEFAULT_BUDGET);
    // The cache answers public requests with the compressed forms it keeps;
    // the compression layer outside it compresses only what bypassed it.
    language::localized(inner, served)
        .layer(axum::middleware::from_fn_with_state(
            cache,
            site::page_cache::answer,
        ))
        .layer(compression())
}

/// Brotli or gzip for pages, server-function and API answers, at a level
/// fast enough to do per request. The site's files (CSS, JS, wasm) arrive
/// compressed already from [`site`] (made once at start), so answers with a
/// `Content-Encoding` pass through; wasm is excluded in any case, a debug
/// wasm being too big to compress on every load.
fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .quality(CompressionLevel::Precise(5))
        .compress_when(
            SizeAbove::new(256)
                .and(NotForContentType::new("application/wasm"))
                // Archives, Parquet and PDFs are compressed already.
                .and(NotForContentType::new("application/zip"))
                .and(NotForContentType::new("application/vnd.apache.parquet"))
                .and(NotForContentType::new("application/pdf"))
                .and(NotForContentType::IMAGES)
                .and(NotForContentType::GRPC),
        )
}

#[derive(Debug, Serialize)]
struct Health {
    status: &'static str,
    indicators: usize,
    observations: usize,
}

/// Liveness and a glance at what is loaded; safe to expose (counts only).
async fn healthz(State(state): State<AppState>) -> Json<Health> {
    // Public counts only: the number of internal indicators is not public.
    let served = state.served.now();
    let data = &served.data;
    Json(Health {
        status: "ok",
        indicators: data.public.indicators.len(),
        observations: data.public_observations(),
    })
}

/// `GET /report/{year}/pdf`: the yearly report as `report-{year}.pdf`, in
/// the address's language, public indicators only.
async fn report_pdf(
    State(state): State<AppState>,
    axum::extract::Path(year): axum::extract::Path<String>,
    locale: Option<axum::Extension<app::i18n::Locale>>,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;
    let locale = locale.map_or(app::i18n::Locale::En, |axum::Extension(l)| l);
    let served = state.served.now();
    let made = tokio::task::spawn_blocking(move || {
        let data = &served.data;
        let year = app::ssr::report::parse_year(data, &year)?;
        // Made once per release, year and language.
        let pdf = data.report_file(&format!("{year}.{}.pdf", locale.code()), || {
            let view = app::ssr::report::report(data, year, locale)?;
            let mut charts = std::collections::BTreeMap::new();
            for row in view.rows.iter().filter(|r| r.chart.is_some()) {
                let image =
                    app::ssr::report::chart_in_year(data, &row.id, &row.slug, year, locale)?;
                charts.insert(row.id.clone(), image.svg);
            }
            pdf::report_pdf(&view, &charts, locale).map_err(|err| {
                tracing::error!(%err, year, "the report's PDF could not be made");
                app::error::AppError::Internal
            })
        })?;
        Ok::<_, app::error::AppError>((year, pdf.to_vec()))
    })
    .await;
    match made {
        Ok(Ok((year, pdf))) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/pdf"),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_str(&format!("attachment; filename=\"report-{year}.pdf\""))
                        .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
                ),
            ],
            pdf,
        )
            .into_response(),
        Ok(Err(err)) => charts::error_answer(&err, locale),
        Err(err) => {
            tracing::error!(%err, "making a report's PDF stopped unexpectedly");
            charts::error_answer(&app::error::AppError::Internal, locale)
        }
    }
}
