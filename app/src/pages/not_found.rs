//! Any address that is not a page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::{t, use_locale};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::ssr::set_status(http::StatusCode::NOT_FOUND);
    let locale = use_locale();
    view! {
        <Title text=t(locale, "not-found-title")/>
        <h1>{t(locale, "not-found-title")}</h1>
        <p>{t(locale, "not-found-text")} " " <A href=locale.href("/")>{t(locale, "back-to-goals")}</A> "."</p>
    }
}
