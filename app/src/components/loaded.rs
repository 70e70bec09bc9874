//! Waiting for a page's data on the server, and the panel a page shows
//! instead when the data says no.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;
use crate::i18n::{t, use_locale};

/// Waits for `resource` and renders it, or a helpful error panel.
pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let locale = use_locale();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t(locale, "loading")}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => Either::Left(render(value)),
                        Err(err) => Either::Right(view! { <ErrorPanel err/> }),
                    }
                })
            }}
        </Suspense>
    }
}

/// A user-facing error with what to do next; sets the HTTP status on the server.
#[component]
pub fn ErrorPanel(err: AppError) -> impl IntoView {
    let status = err.status();
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(status);
    let locale = use_locale();
    let heading = match status {
        http::StatusCode::NOT_FOUND => "error-not-found",
        http::StatusCode::BAD_REQUEST => "error-check-address",
        _ => "error-went-wrong",
    };
    view! {
        <Title text=t(locale, "error-title")/>
        <section class="error" role="alert">
            <h1>{t(locale, heading)}</h1>
            <p>{err.message(locale)}</p>
            <p><A href=locale.href("/")>{t(locale, "back-to-goals")}</A></p>
        </section>
    }
}
