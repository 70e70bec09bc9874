//! "About these figures" on an indicator page: the proxy mark, breaks in
//! series, last and next update, the quality note, the licence and a
//! "Cite this" text, worded in the page's language.

use std::collections::BTreeMap;

use indicators::model::breaks::break_periods;
use indicators::{Indicator, Period, Series};

use super::DashboardData;
use crate::escape::url_encode;
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::QualityView;
use crate::words::series_label;

/// The quality and provenance of `indicator`, whose series are `series`.
pub fn quality(
    data: &DashboardData,
    indicator: &Indicator,
    series: &[Series],
    locale: Locale,
) -> QualityView {
    let code = locale.code();
    let published = &data.index.published;
    let release_date = format::date(published, locale);
    let quality = &indicator.quality;
    let last_update = match &quality.last_update {
        Some(date) => loose_date(date, locale),
        None => tr(
            locale,
            "quality-last-update-release",
            &[("date", release_date.clone().into())],
        ),
    };
    let next_update = quality
        .next_update
        .as_deref()
        .map(|date| loose_date(date, locale))
        .or_else(|| due_by_frequency(indicator, series, locale))
        .unwrap_or_else(|| t(locale, "quality-next-update-unknown"));
    let source = [&indicator.owner, &indicator.source]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| "Local Goals".to_owned());
    let year = published.get(..4).unwrap_or("n.d.");
    let cite = tr(
        locale,
        "cite-text",
        &[
            ("owner", source.clone().into()),
            ("year", year.to_owned().into()),
            (
                "title",
                indicator.localized_title(code).text.to_owned().into(),
            ),
            ("release", data.release.clone().into()),
            ("date", release_date.into()),
            (
                "url",
                locale
                    .href(&format!("/indicators/{}", url_encode(&indicator.id)))
                    .into(),
            ),
        ],
    );
    QualityView {
        proxy: quality.proxy,
        breaks: breaks(series, data, locale),
        numbers: !indicator.is_qualitative(),
        last_update,
        next_update,
        note: super::text(indicator.localized_quality_note(code), locale),
        licence: quality
            .licence
            .clone()
            .filter(|l| !l.trim().is_empty())
            .or_else(|| data.licence.clone()),
        source,
        cite,
    }
}

/// Each period where a series breaks, with the series that break there.
fn breaks(series: &[Series], data: &DashboardData, locale: Locale) -> Vec<String> {
    let mut by_period: BTreeMap<&Period, Vec<String>> = BTreeMap::new();
    for s in series {
        for period in break_periods(&s.points) {
            by_period.entry(period).or_default().push(series_label(
                locale,
                &data.labels,
                &s.key.dimensions,
            ));
        }
    }
    by_period
        .into_iter()
        .map(|(period, labels)| {
            tr(
                locale,
                "quality-break-item",
                &[
                    ("period", period.label.clone().into()),
                    ("series", labels.join("; ").into()),
                ],
            )
        })
        .collect()
}

/// When the next figures are due by the catalogue's `update_frequency`:
/// figures for the latest period's year plus the interval, published in
/// the year after it (the year from which staff see them as overdue).
fn due_by_frequency(indicator: &Indicator, series: &[Series], locale: Locale) -> Option<String> {
    let frequency = indicator.update_frequency?;
    let latest = series
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| p.period.year)
        .max()?;
    let period = latest + frequency.years();
    Some(tr(
        locale,
        "quality-next-update-derived",
        &[
            ("period", period.to_string().into()),
            ("year", (period + 1).to_string().into()),
            (
                "frequency",
                t(locale, &format!("quality-frequency-{frequency}")).into(),
            ),
            ("latest", latest.to_string().into()),
        ],
    ))
}

/// A catalogue date as the page's language writes it: `2026-03-12`,
/// `2026-03` (a month) or `2026` (a year).
fn loose_date(text: &str, locale: Locale) -> String {
    let parts: Vec<&str> = text.trim().split('-').collect();
    match parts.as_slice() {
        [_, _, _] => format::date(text.trim(), locale),
        [year, month] => match month.parse::<u32>() {
            Ok(m @ 1..=12) => format!("{} {year}", t(locale, &format!("month-{m}"))),
            _ => text.to_owned(),
        },
        _ => text.trim().to_owned(),
    }
}

#[cfg(test)]
#[path = "quality_tests.rs"]
mod tests;
