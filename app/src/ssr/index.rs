//! Everything public pages read, derived once per release from the public
//! dataset only, so nothing internal can reach a page through it: each
//! indicator's series, summaries and status, its card, status histories and
//! the districts.

use std::collections::{BTreeMap, BTreeSet};

use indicators::progress::ProgressStatus;
use indicators::release::ReleaseStatuses;
use indicators::statuses::Statuses;
use indicators::summary::{Change, SeriesSummary};
use indicators::{Dataset, Dimensions, Direction, Indicator, Series, SeriesKey};

use super::date_of_unix;
use crate::chart;
use crate::format::{self, Locale};
use crate::types::{CardChange, HistoryRow, IndicatorCard, Movement};

#[derive(Debug, Default)]
pub struct PublicIndex {
    /// Each public indicator's series, headline first.
    pub(crate) series: BTreeMap<String, Vec<Series>>,
    pub(crate) summaries: BTreeMap<SeriesKey, SeriesSummary>,
    /// Each public indicator's status (its headline series').
    pub(crate) indicator_status: BTreeMap<String, ProgressStatus>,
    /// Each public indicator as a card, with its sparkline drawn.
    pub(crate) cards: BTreeMap<String, IndicatorCard>,
    /// Each series' status in every release up to the one served, oldest first.
    pub(crate) history: BTreeMap<SeriesKey, Vec<HistoryRow>>,
    /// District names across every public district series, sorted.
    pub(crate) districts: Vec<String>,
    /// The date the release being served was published.
    pub(crate) published: String,
    pub(crate) locale: Locale,
}

impl PublicIndex {
    /// Derives everything the public pages read. Called once per release.
    pub fn build(
        public: &Dataset,
        statuses: &Statuses,
        releases: &[ReleaseStatuses],
        current: &str,
    ) -> Self {
        let public_ids: BTreeSet<&str> = public.indicators.iter().map(|i| i.id.as_str()).collect();
        let is_public = |id: &str| public_ids.contains(id);
        let series: BTreeMap<String, Vec<Series>> = public
            .series_by_indicator()
            .into_iter()
            .map(|(id, s)| (id.to_owned(), s))
            .collect();
        let summaries = statuses
            .series
            .iter()
            .filter(|s| is_public(&s.indicator_id))
            .map(|s| (series_key(&s.indicator_id, &s.dimensions), s.clone()))
            .collect();
        let indicator_status = statuses
            .indicators
            .iter()
            .filter(|s| is_public(&s.indicator_id))
            .map(|s| (s.indicator_id.clone(), s.status))
            .collect();
        let districts: BTreeSet<String> = series
            .values()
            .flatten()
            .filter_map(|s| s.key.dimensions.district().map(str::to_owned))
            .collect();
        let mut index = PublicIndex {
            series,
            summaries,
            indicator_status,
            cards: BTreeMap::new(),
            history: history(releases, current, &is_public),
            districts: districts.into_iter().collect(),
            published: releases
                .iter()
                .find(|r| r.id == current)
                .map(|r| date_of_unix(r.created_unix))
                .unwrap_or_default(),
            locale: Locale::default(),
        };
        index.cards = public
            .indicators
            .iter()
            .map(|i| (i.id.clone(), index.card(i)))
            .collect();
        index
    }

    /// An indicator's series, headline first (none for an unknown id).
    pub fn series_of(&self, indicator_id: &str) -> &[Series] {
        self.series
            .get(indicator_id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub fn summary(&self, key: &SeriesKey) -> Option<&SeriesSummary> {
        self.summaries.get(key)
    }

    pub fn status_of(&self, indicator_id: &str) -> Option<ProgressStatus> {
        self.indicator_status.get(indicator_id).copied()
    }

    /// The cards of `indicators`, in their order.
    pub fn cards_for<'a>(
        &self,
        indicators: impl IntoIterator<Item = &'a Indicator>,
    ) -> Vec<IndicatorCard> {
        indicators
            .into_iter()
            .filter_map(|i| self.cards.get(&i.id).cloned())
            .collect()
    }

    fn card(&self, indicator: &Indicator) -> IndicatorCard {
        let decimals = usize::from(indicator.decimals);
        let locale = self.locale;
        let shown = default_series(self.series_of(&indicator.id));
        let summary = shown.and_then(|s| self.summary(&s.key));
        let latest = summary.and_then(|s| s.latest.as_ref());
        let change = summary.and_then(|s| s.change_since_baseline);
        let sign = indicator.direction.sign();
        IndicatorCard {
            id: indicator.id.clone(),
            title: indicator.title().to_owned(),
            status: self.status_of(&indicator.id),
            latest: latest.map(|p| format::with_unit(p.value, decimals, &indicator.unit, locale)),
            latest_period: latest.map(|p| p.period.label.clone()),
            change: change.map(|c| CardChange {
                movement: movement(&c, decimals, indicator.direction),
                text: format!(
                    "{} since {}",
                    format::signed(c.absolute, decimals, locale),
                    c.from_year
                ),
            }),
            improvement: change.and_then(|c| c.percent).map(|p| p * sign),
            sparkline_svg: shown
                .and_then(|s| {
                    let baseline = summary.and_then(|x| x.baseline.as_ref()).map(|b| b.year);
                    chart::sparkline_svg(s, baseline)
                        .map_err(
                            |err| tracing::warn!(indicator = %indicator.id, %err, "no sparkline"),
                        )
                        .ok()
                })
                .unwrap_or_default(),
        }
    }
}

fn series_key(indicator_id: &str, dimensions: &Dimensions) -> SeriesKey {
    SeriesKey {
        indicator_id: indicator_id.to_owned(),
        dimensions: dimensions.clone(),
    }
}

/// Each public series' status in every release up to the one being served:
/// a newer release (built but not current) is not yet public.
fn history(
    releases: &[ReleaseStatuses],
    current: &str,
    is_public: &dyn Fn(&str) -> bool,
) -> BTreeMap<SeriesKey, Vec<HistoryRow>> {
    let served = releases
        .iter()
        .position(|r| r.id == current)
        .map_or(releases.len(), |i| i + 1);
    let mut history: BTreeMap<SeriesKey, Vec<HistoryRow>> = BTreeMap::new();
    for release in &releases[..served] {
        let published = date_of_unix(release.created_unix);
        for entry in release.series.iter().filter(|s| is_public(&s.indicator_id)) {
            let Ok(dimensions) = Dimensions::from_slug(&entry.slug) else {
                continue;
            };
            history
                .entry(series_key(&entry.indicator_id, &dimensions))
                .or_default()
                .push(HistoryRow {
                    release: release.id.clone(),
                    published: published.clone(),
                    status: entry.status,
                });
        }
    }
    history
}

/// Which way a change went for a reader: a change smaller than half the last
/// shown decimal reads as no change.
pub fn movement(change: &Change, decimals: usize, direction: Direction) -> Movement {
    let shown_precision = 10f64.powi(-(decimals as i32)) / 2.0;
    if change.absolute.abs() < shown_precision {
        Movement::Same
    } else if change.absolute * direction.sign() > 0.0 {
        Movement::Better
    } else {
        Movement::Worse
    }
}

/// The series a page shows when the address chooses none: the headline, or
/// the first series for an indicator published only disaggregated (an Open SDG
/// indicator with `Units` or `Series` on every row has no headline).
pub fn default_series(series: &[Series]) -> Option<&Series> {
    series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .or_else(|| series.first())
}

/// Finds the series `slug` asks for. Parameters that are not dimensions of
/// the indicator (`utm_source`, `fbclid` … added to shared links) are ignored;
/// a slug that asks for nothing gets the default series. `Err` names what
/// was asked for and does not exist.
pub fn select_series<'a>(all: &'a [Series], slug: &str) -> Result<&'a Series, String> {
    let requested = Dimensions::from_slug(slug)?;
    let known: BTreeSet<&str> = all
        .iter()
        .flat_map(|s| s.key.dimensions.pairs().iter().map(|(k, _)| k.as_str()))
        .collect();
    let wanted = requested.only(|name| known.contains(name));
    if wanted.is_headline() {
        return default_series(all).ok_or_else(|| slug.to_owned());
    }
    all.iter()
        .find(|s| s.key.dimensions == wanted)
        .ok_or_else(|| wanted.slug())
}

#[cfg(test)]
mod tests {
    use indicators::summary::Change;

    use super::*;
    use crate::ssr::testing;

    #[test]
    fn select_series_ignores_unknown_parameters_and_names_missing_ones() {
        let data = testing::data();
        let all = data.index.series_of("poverty");
        let pick = |slug: &str| select_series(all, slug).map(|s| s.key.dimensions.slug());
        assert_eq!(pick(""), Ok("total".into()));
        assert_eq!(pick("total"), Ok("total".into()));
        assert_eq!(pick("sex=female"), Ok("sex=female".into()));
        assert_eq!(pick("sex=female;utm_source=x"), Ok("sex=female".into()));
        assert_eq!(pick("utm_source=x"), Ok("total".into()), "tracking only");
        assert_eq!(pick("sex=martian"), Err("sex=martian".into()));
        assert_eq!(pick("martian"), Err("martian".into()));
    }

    #[test]
    fn without_a_headline_the_first_series_is_shown() {
        let data = testing::data();
        let all = data.index.series_of("by-sex-only");
        assert_eq!(
            select_series(all, "total").map(|s| s.key.dimensions.slug()),
            Ok("sex=female".into())
        );
        let card = &data.index.cards["by-sex-only"];
        assert!(card.latest.is_some() && !card.sparkline_svg.is_empty());
    }

    #[test]
    fn movement_follows_the_desired_direction_and_the_shown_decimals() {
        let change = |absolute| Change {
            from_year: 2015,
            to_year: 2020,
            absolute,
            percent: None,
        };
        assert_eq!(
            movement(&change(-1.0), 1, Direction::Lower),
            Movement::Better
        );
        assert_eq!(
            movement(&change(-1.0), 1, Direction::Higher),
            Movement::Worse
        );
        assert_eq!(
            movement(&change(0.04), 1, Direction::Higher),
            Movement::Same,
            "0.04 shows as 0.0"
        );
        assert_eq!(
            movement(&change(0.04), 2, Direction::Higher),
            Movement::Better
        );
    }

    #[test]
    fn cards_carry_the_change_in_words_and_the_signed_improvement() {
        let data = testing::data();
        let card = &data.index.cards["poverty"];
        let change = card.change.as_ref().expect("change");
        assert_eq!(change.movement, Movement::Better);
        assert_eq!(change.text, "−4.0 since 2015");
        let improvement = card.improvement.expect("improvement");
        assert!((improvement - 20.0).abs() < 1e-9, "{improvement}");
        assert_eq!(card.latest.as_deref(), Some("16.0 %"));
    }

    #[test]
    fn internal_indicators_are_in_no_part_of_the_index() {
        let data = testing::data();
        assert!(testing::dataset().indicator("secret").is_some());
        let index = &data.index;
        assert!(!index.cards.contains_key("secret"));
        assert!(!index.series.contains_key("secret"));
        assert!(index.summaries.keys().all(|k| k.indicator_id != "secret"));
        assert!(index.history.keys().all(|k| k.indicator_id != "secret"));
        assert_eq!(index.districts, ["Nord", "Süd"], "secret's Ost is left out");
    }
}
