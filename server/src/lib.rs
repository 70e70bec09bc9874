//! The Local Goals web server: the application state, the axum router built by
//! [`app`], and the routes that are not pages (`/healthz`). The `localgoals`
//! binary in `main.rs` only parses the command line and calls into here.

pub mod check;
pub mod cli;
pub mod report;
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
    #[error("could not create the data directory {path}: {source}. Choose a writable folder with --data or LOCALGOALS_DATA.")]
    DataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Everything a request handler may need, cloned cheaply into each request.
#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub data: DashboardData,
    /// Every indicator of the served release, internal ones included: for
    /// staff pages only (public pages read `data`, built from public data).
    pub staff_index: std::sync::Arc<staff::index::StaffIndex>,
    pub staff: staff::Staff,
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
        let (dataset, data_dir) = (dataset.map(Path::to_path_buf), data_dir.to_path_buf());
        let dir = data_dir.clone();
        let (data, staff_index) =
            tokio::task::spawn_blocking(move || Self::load_release(dataset.as_deref(), &dir))
                .await
                .map_err(|err| StartError::Loader(err.to_string()))??;
        let store = staff::Store::open(&data_dir).await?;
        Ok(Self {
            leptos_options,
            data,
            staff_index,
            staff: staff::Staff {
                store,
                config,
                clock: staff::Clock::default(),
            },
        })
    }

    /// Builds a release from `dataset` (unless `dataset` is `None`), then
    /// opens the current release to serve. A dataset with errors leaves the
    /// current release served; with no release at all, the errors stop the
    /// start.
    fn load_release(
        dataset: Option<&Path>,
        data_dir: &Path,
    ) -> Result<(DashboardData, std::sync::Arc<staff::index::StaffIndex>), StartError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StartError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        if let Some(dataset) = dataset {
            let have_release = indicators::release::current_id(data_dir).is_some();
            // Every dataset `localgoals build` takes: a dataset folder or an
            // Open SDG repository.
            match indicators::release::build(dataset, data_dir, None) {
                Ok(outcome) => {
                    tracing::info!(release = %outcome.manifest.id, warnings = outcome.manifest.warnings, "release built")
                }
                Err(err) if have_release => {
                    tracing::error!(%err, "the dataset was not published; serving the current release")
                }
                Err(err) => return Err(err.into()),
            }
        }
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
        // The workspace compares with the release before this one.
        let previous = indicators::release::previous_release(data_dir, &release.manifest.id)
            .and_then(|id| match indicators::release::indicator_statuses(data_dir, &id) {
                Ok(statuses) => Some((id, statuses)),
                Err(err) => {
                    tracing::warn!(%err, release = %id, "the release before cannot be read; the workspace shows no changes");
                    None
                }
            });
        // The counted results (with each status' inputs) stay on disk for
        // the public pages; the workspace lists them for every indicator.
        let mut current = release.statuses.indicators.clone();
        match indicators::release::counted_results(data_dir, &release.manifest.id) {
            Ok(counted) => {
                let at: std::collections::HashMap<String, usize> = current
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.indicator_id.clone(), i))
                    .collect();
                for (id, result) in counted {
                    if let Some(&i) = at.get(&id) {
                        current[i].counted.push(result);
                    }
                }
            }
            Err(err) => {
                tracing::warn!(%err, "the counted results cannot be read; the workspace shows no baselines")
            }
        }
        let staff_index = std::sync::Arc::new(staff::index::StaffIndex::build(
            &release.indicators,
            &current,
            previous,
        ));
        Ok((DashboardData::from_release(release, data_dir), staff_index))
    }
}

/// The whole HTTP application: pages, server functions, static files, health.
pub fn app(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let page_context = {
        let data = state.data.clone();
        move || provide_context(data.clone())
    };
    let fallback_context = page_context.clone();
    let render = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    Router::new()
        .route("/healthz", get(healthz))
        .merge(staff::routes())
        .leptos_routes_with_context(&state, routes, page_context, render)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(fallback_context, shell))
        .layer(compression())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Brotli or gzip for pages, server-function answers, CSS and JS, at a level
/// fast enough to do per request. The size-optimised wasm is served from the
/// brotli/gzip copies `scripts/build-site.sh` writes, so it is left out here;
/// a debug wasm is too big to compress on every load.
fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .quality(CompressionLevel::Precise(5))
        .compress_when(
            SizeAbove::new(256)
                .and(NotForContentType::new("application/wasm"))
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
    let data = &state.data;
    Json(Health {
        status: "ok",
        indicators: data.public.indicators.len(),
        observations: data.public_observations(),
    })
}
