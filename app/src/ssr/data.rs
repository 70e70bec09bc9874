//! `/data` and an indicator page's downloads: which files the served
//! release offers, and the release, date, licence and citation every
//! download's page states. The files themselves are made by the server
//! (`server::open_data::downloads`); this module only names and words them.

use super::{select_series, DashboardData};
use crate::error::AppError;
use crate::i18n::{tr, Locale};
use crate::types::data::{
    file_href, file_name, DataFile, DataView, DownloadFormat, DownloadsView, ReleaseFacts,
    SDMX_STRUCTURE_ID,
};

/// Who the figures are cited as when the dataset names no publisher.
const PUBLISHER: &str = "Local Goals";

/// The release's id, date, licence and citation, worded in `locale`.
pub fn facts(data: &DashboardData, locale: Locale) -> ReleaseFacts {
    ReleaseFacts {
        release: data.release.clone(),
        published: data.index.published.clone(),
        licence: data.licence.clone().filter(|l| !l.trim().is_empty()),
        cite: citation(data, locale),
    }
}

/// One line to cite the served release's open data with.
pub fn citation(data: &DashboardData, locale: Locale) -> String {
    let published = &data.index.published;
    tr(
        locale,
        "data-cite-text",
        &[
            ("publisher", PUBLISHER.to_owned().into()),
            (
                "year",
                published.get(..4).unwrap_or("n.d.").to_owned().into(),
            ),
            ("release", data.release.clone().into()),
            ("date", published.clone().into()),
            ("url", locale.href("/data").into()),
        ],
    )
}

/// What a file of `format` is for.
fn purpose(format: DownloadFormat, locale: Locale) -> String {
    tr(
        locale,
        &format!("data-purpose-{}", format.as_str().replace('.', "-")),
        &[("structure", SDMX_STRUCTURE_ID.to_owned().into())],
    )
}

fn files(
    data: &DashboardData,
    indicator: Option<&str>,
    series: Option<&str>,
    formats: &[DownloadFormat],
    locale: Locale,
) -> Vec<DataFile> {
    formats
        .iter()
        .map(|&format| DataFile {
            format,
            name: file_name(&data.release, indicator, format),
            href: file_href(&data.release, indicator, series, format),
            purpose: purpose(format, locale),
        })
        .collect()
}

/// The series of `all` that the slug `slug` asks for (as the indicator
/// page picks it); `Err` names what does not exist.
pub fn pick_series<'a>(
    all: &'a [indicators::Series],
    slug: &str,
) -> Result<&'a indicators::Series, String> {
    select_series(all, slug)
}

/// `/data`: every whole-release file.
pub fn data_page(data: &DashboardData, locale: Locale) -> DataView {
    DataView {
        facts: facts(data, locale),
        files: files(data, None, None, &DownloadFormat::WHOLE_RELEASE, locale),
        structure_id: SDMX_STRUCTURE_ID.to_owned(),
        indicators: data.public.indicators.len(),
        observations: data.public_observations(),
    }
}

/// The downloads of public indicator `id`, and of the series `series`
/// selects (`None` or empty: none selected). An unknown series is the
/// same error the page shows.
pub fn indicator_downloads(
    data: &DashboardData,
    id: &str,
    series: Option<&str>,
    locale: Locale,
) -> Result<DownloadsView, AppError> {
    let indicator = data
        .public_indicator(id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.to_owned()))?;
    let id = indicator.id.as_str();
    let selected = match series.filter(|s| !s.is_empty()) {
        None => None,
        Some(slug) => {
            let block = data.index.block(id);
            let chosen =
                select_series(&block.series, slug).map_err(|series| AppError::SeriesNotFound {
                    indicator: id.to_owned(),
                    series,
                })?;
            let dimensions = &chosen.key.dimensions;
            let slug = dimensions.slug();
            let label = crate::words::series_label(locale, &data.labels, dimensions);
            Some((
                label,
                files(
                    data,
                    Some(id),
                    Some(&slug),
                    &DownloadFormat::PER_INDICATOR,
                    locale,
                ),
            ))
        }
    };
    Ok(DownloadsView {
        facts: facts(data, locale),
        all: files(data, Some(id), None, &DownloadFormat::PER_INDICATOR, locale),
        selected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn the_data_page_offers_every_whole_release_file_once() {
        let data = testing::data();
        let view = data_page(&data, Locale::En);
        let names: Vec<&str> = view.files.iter().map(|f| f.name.as_str()).collect();
        for format in DownloadFormat::WHOLE_RELEASE {
            let name = file_name(&data.release, None, format);
            assert_eq!(names.iter().filter(|n| **n == name).count(), 1, "{name}");
        }
        assert!(view.files.iter().all(|f| !f.purpose.starts_with("data-")));
        assert!(view.facts.cite.contains(&data.release));
    }

    #[test]
    fn a_selected_series_gets_files_of_its_own_and_an_unknown_one_is_refused() {
        let data = testing::data();
        let block = data.index.block("poverty");
        let other = block
            .series
            .iter()
            .find(|s| !s.key.dimensions.is_headline())
            .expect("poverty has a disaggregated series");
        let slug = other.key.dimensions.slug();
        let view =
            indicator_downloads(&data, "poverty", Some(&slug), Locale::En).expect("downloads");
        let (_, selected) = view.selected.expect("a selection");
        assert!(selected.iter().all(|f| f
            .href
            .ends_with(&format!("?series={}", crate::escape::url_encode(&slug)))));
        assert!(view.all.iter().all(|f| !f.href.contains('?')));
        assert!(matches!(
            indicator_downloads(&data, "poverty", Some("sex-nobody"), Locale::En),
            Err(AppError::SeriesNotFound { .. })
        ));
        assert!(matches!(
            indicator_downloads(&data, "no-such-indicator", None, Locale::En),
            Err(AppError::IndicatorNotFound(_))
        ));
    }
}
