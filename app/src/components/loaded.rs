//! Waiting for a page's data on the server, and the panel a page shows
//! instead when the data says no.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;

/// Waits for `resource` and renders it, or a helpful error panel.
pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
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
    let heading = match status {
        http::StatusCode::NOT_FOUND => "Not found",
        http::StatusCode::BAD_REQUEST => "Check the address",
        _ => "Something went wrong",
    };
    view! {
        <Title text="Not available"/>
        <section class="error" role="alert">
            <h1>{heading}</h1>
            <p>{err.to_string()}</p>
            <p><A href="/">"Back to the list of goals"</A></p>
        </section>
    }
}
