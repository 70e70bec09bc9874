//! Pieces several pages share: loading a page's data, the error panel, status
//! badges and counts, indicator cards, lists of areas and districts.

mod badge;
mod card;
mod downloads;
mod embed;
mod gaps;
mod links;
mod loaded;
mod map;
mod quality;
mod rights;

pub use badge::{StatusBadge, StatusCounts};
pub use card::{Card, CardList};
pub use downloads::DownloadLinks;
pub use embed::{EmbedSnippet, PublicUrl};
pub use gaps::{AreaGaps, GapTable, IndicatorGaps};
pub use links::{AreaList, DistrictLinks};
pub use loaded::loaded;
pub use map::{opens_on_districts, DistrictMap, DistrictsSection};
pub use quality::{AboutFigures, ProxyBadge};
pub use rights::{
    AreaRecommendations, Date, OhchrGroups, OhchrTypeLine, QualitativeTimeline, RecommendationList,
};

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
