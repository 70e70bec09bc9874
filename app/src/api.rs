//! The server functions: the only way pages and islands reach the data.
//! Each checks its arguments against the loaded data (nothing from the
//! client is trusted; unknown ids are typed `AppError`s) and hands the checked
//! values to the server-side view building in `ssr`.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::params::ProgressQuery;
use crate::types::{
    AreaView, CompareView, DistrictView, GoalView, HomeView, IndicatorView, ProgressView,
    ReportListView, ReportView, SearchView, SeriesView,
};
use indicators::AreaKind;

/// The home page's data.
#[server(endpoint = "load_home")]
pub async fn load_home(locale: Locale) -> Result<HomeView, AppError> {
    Ok(crate::ssr::home::home(&crate::ssr::data()?, locale))
}

/// One goal with its targets and indicators. `number` as in the address.
#[server(endpoint = "load_goal")]
pub async fn load_goal(number: String, locale: Locale) -> Result<GoalView, AppError> {
    let data = crate::ssr::data()?;
    let goal = number
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(indicators::sdg::goal)
        .ok_or(AppError::GoalNotFound(number))?;
    Ok(crate::ssr::goal::goal(&data, goal, locale))
}

/// A public rights or policy area.
#[server(endpoint = "load_area")]
pub async fn load_area(kind: AreaKind, id: String, locale: Locale) -> Result<AreaView, AppError> {
    let data = crate::ssr::data()?;
    let area = data.area(kind, &id).ok_or_else(|| AppError::AreaNotFound {
        kind,
        id: id.clone(),
    })?;
    Ok(crate::ssr::area::area(&data, area, locale))
}

/// Every public indicator, filtered, grouped and sorted as `query` says.
#[server(endpoint = "load_progress", input = Json)]
pub async fn load_progress(query: ProgressQuery, locale: Locale) -> Result<ProgressView, AppError> {
    let data = crate::ssr::data()?;
    let area = match &query.area.0 {
        None => None,
        Some(id) => Some(
            data.public
                .areas
                .iter()
                .find(|a| &a.id == id)
                .ok_or_else(|| AppError::BadFilter {
                    name: "area".into(),
                    value: id.clone(),
                    expected: crate::error::Expected::ListedArea,
                })?,
        ),
    };
    let goal = match query.goal.0 {
        Some(n) if indicators::sdg::goal(n).is_none() => {
            return Err(AppError::BadFilter {
                name: "goal".into(),
                value: n.to_string(),
                expected: crate::error::Expected::GoalNumber,
            })
        }
        goal => goal,
    };
    Ok(crate::ssr::progress::progress(
        &data,
        goal,
        area,
        query.group,
        query.sort,
        locale,
    ))
}

/// One district across every public indicator reported by district.
#[server(endpoint = "load_district")]
pub async fn load_district(name: String, locale: Locale) -> Result<DistrictView, AppError> {
    let data = crate::ssr::data()?;
    if !data.has_district(&name) {
        return Err(AppError::DistrictNotFound(name));
    }
    Ok(crate::ssr::district::district(&data, &name, locale))
}

/// A public indicator's description and the series a reader can choose from.
#[server(endpoint = "fetch_indicator")]
pub async fn fetch_indicator(id: String, locale: Locale) -> Result<IndicatorView, AppError> {
    let data = crate::ssr::data()?;
    let indicator = data
        .public_indicator(&id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
    crate::ssr::indicator::indicator(&data, indicator, locale)
}

/// One series of a public indicator as a chart and a table. `series` is the
/// series slug (`total`, `sex=female`, `Stadtteil=Altstadt`). This is what
/// the selectors call after hydration.
#[server(endpoint = "fetch_series")]
pub async fn fetch_series(
    id: String,
    series: String,
    locale: Locale,
) -> Result<SeriesView, AppError> {
    let data = crate::ssr::data()?;
    crate::ssr::series::public_series(&data, &id, &series, locale)
}

/// The methodology page: `docs/methodology.md` rendered on the server, so the
/// page and the repository say the same thing.
#[server(endpoint = "methodology_html")]
pub async fn methodology_html() -> Result<String, AppError> {
    const TEXT: &str = include_str!("../../docs/methodology.md");
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(TEXT, pulldown_cmark::Options::ENABLE_TABLES),
    );
    Ok(html)
}

/// Public indicators whose words match `query` (see `ssr::search`).
#[server(endpoint = "search_indicators")]
pub async fn search_indicators(query: String, locale: Locale) -> Result<SearchView, AppError> {
    let data = crate::ssr::data()?;
    // A query is a few words: a longer one is cut, not refused.
    let query: String = query.chars().take(200).collect();
    Ok(crate::ssr::search::search(&data, &query, locale))
}

/// The most indicators `/compare` shows side by side.
pub const MAX_COMPARED: usize = 4;

/// Up to four public indicators side by side; an unknown or internal id is
/// refused as unknown.
#[server(endpoint = "load_compare", input = Json)]
pub async fn load_compare(
    ids: Vec<String>,
    district: Option<String>,
    locale: Locale,
) -> Result<CompareView, AppError> {
    let data = crate::ssr::data()?;
    let mut chosen = Vec::new();
    for id in ids.iter().take(MAX_COMPARED) {
        let indicator = data
            .public_indicator(id)
            .ok_or_else(|| AppError::IndicatorNotFound(id.clone()))?;
        if !chosen
            .iter()
            .any(|i: &&indicators::Indicator| i.id == indicator.id)
        {
            chosen.push(indicator);
        }
    }
    crate::ssr::compare::compare(&data, &chosen, district.as_deref(), locale)
}

/// The data years a yearly report exists for.
#[server(endpoint = "load_reports")]
pub async fn load_reports(locale: Locale) -> Result<ReportListView, AppError> {
    let data = crate::ssr::data()?;
    Ok(crate::ssr::report::list(&data, locale))
}

/// The yearly report for data year `year` (public indicators only).
#[server(endpoint = "load_report")]
pub async fn load_report(year: String, locale: Locale) -> Result<ReportView, AppError> {
    let data = crate::ssr::data()?;
    let year = crate::ssr::report::parse_year(&data, &year)?;
    crate::ssr::report::report(&data, year, locale)
}

/// `/equality`: the widest and the fastest-widening gaps between
/// rights-holder groups and the whole city (public indicators only).
#[server(endpoint = "load_equality")]
pub async fn load_equality(locale: Locale) -> Result<crate::types::EqualityView, AppError> {
    Ok(crate::ssr::equality::equality(&crate::ssr::data()?, locale))
}

/// `/recommendations`: the recommendations of the status and source asked
/// for (the filters are typed: an unknown name never gets here).
#[server(endpoint = "load_recommendations", input = Json)]
pub async fn load_recommendations(
    query: crate::params::RecommendationsQuery,
    locale: Locale,
) -> Result<crate::types::RecommendationsView, AppError> {
    let data = crate::ssr::data()?;
    Ok(crate::ssr::recommendations::recommendations(
        &data,
        query.status.0,
        query.source.0,
        locale,
    ))
}

/// `/data`: the served release's open-data files, its date, licence and
/// citation (public indicators only: the files hold nothing else).
#[server(endpoint = "load_data_page")]
pub async fn load_data_page(locale: Locale) -> Result<crate::types::data::DataView, AppError> {
    Ok(crate::ssr::data::data_page(&crate::ssr::data()?, locale))
}

/// An indicator page's downloads: its files, and those of the series
/// `series` selects (public indicators only).
#[server(endpoint = "load_downloads")]
pub async fn load_downloads(
    id: String,
    series: Option<String>,
    locale: Locale,
) -> Result<crate::types::data::DownloadsView, AppError> {
    let data = crate::ssr::data()?;
    crate::ssr::data::indicator_downloads(&data, &id, series.as_deref(), locale)
}

/// The paths of every server function above. Each answers from its
/// arguments and the served release alone (none reads a session, the
/// clock or writes anything), so the server may keep an answer per
/// release and arguments (`server::site::page_cache`). A server function
/// added here that reads more than that must be left out of this list.
#[cfg(feature = "ssr")]
pub fn release_pure_paths() -> [&'static str; 16] {
    use leptos::server_fn::ServerFn;
    [
        <LoadHome as ServerFn>::PATH,
        <LoadGoal as ServerFn>::PATH,
        <LoadArea as ServerFn>::PATH,
        <LoadProgress as ServerFn>::PATH,
        <LoadDistrict as ServerFn>::PATH,
        <FetchIndicator as ServerFn>::PATH,
        <FetchSeries as ServerFn>::PATH,
        <MethodologyHtml as ServerFn>::PATH,
        <SearchIndicators as ServerFn>::PATH,
        <LoadCompare as ServerFn>::PATH,
        <LoadReports as ServerFn>::PATH,
        <LoadReport as ServerFn>::PATH,
        <LoadEquality as ServerFn>::PATH,
        <LoadRecommendations as ServerFn>::PATH,
        <LoadDataPage as ServerFn>::PATH,
        <LoadDownloads as ServerFn>::PATH,
    ]
}
