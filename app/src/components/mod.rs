//! Pieces several pages share: loading a page's data, the error panel, status
//! badges and counts, indicator cards, lists of areas and districts.

mod badge;
mod card;
mod links;
mod loaded;

pub use badge::{StatusBadge, StatusCounts};
pub use card::{Card, CardList};
pub use links::{AreaList, DistrictLinks};
pub use loaded::loaded;

/// A text from the data; one without a translation keeps its own language
/// (its `lang` set, for screen readers) and says so.
#[leptos::component]
pub fn Translated(text: crate::types::Text) -> impl leptos::IntoView {
    use leptos::prelude::*;
    match text.fallback {
        None => leptos::either::Either::Left(text.text),
        Some(language) => {
            let note = crate::i18n::t(crate::i18n::use_locale(), "not-translated");
            leptos::either::Either::Right(view! {
                <span lang=language.clone()>{text.text}</span>
                " "
                <span class="untranslated">{format!("({language}: {note})")}</span>
            })
        }
    }
}
