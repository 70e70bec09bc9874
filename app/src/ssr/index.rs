//! Everything public pages read, derived once per release from the public
//! dataset only, so nothing internal can reach a page through it: each
//! indicator's series, summaries and status, its card, status histories and
//! the districts.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use indicators::progress::ProgressStatus;
use indicators::statuses::Statuses;
use indicators::summary::Change;
use indicators::{Dimensions, Direction, Indicator, Series};

use super::date_of_unix;
use super::source::{BlockCache, IndicatorBlock, IndicatorSource};
use crate::chart;
use crate::format::{self, Locale};
use crate::i18n::tr;
use crate::types::{CardChange, IndicatorCard, Movement, Text};

#[derive(Debug)]
pub struct PublicIndex {
    /// Reads an indicator's series, summaries and history when a page asks.
    source: Arc<dyn IndicatorSource>,
    /// The public indicators: the only ones `block` reads.
    public_ids: BTreeSet<String>,
    cache: BlockCache,
    /// Each public indicator's status (its headline series').
    pub(crate) indicator_status: BTreeMap<String, ProgressStatus>,
    /// Each public indicator as a card, with its sparkline drawn (worded in
    /// English: [`PublicIndex::card_in`] words it for a page).
    pub(crate) cards: BTreeMap<String, IndicatorCard>,
    /// The numbers behind each card's words.
    card_numbers: BTreeMap<String, CardNumbers>,
    /// District names across every public district series, sorted.
    pub(crate) districts: Vec<String>,
    /// The public indicators with a series by district.
    pub(crate) by_district: BTreeSet<String>,
    /// The public indicators with any observation.
    pub(crate) with_data: BTreeSet<String>,
    /// How many public observations there are.
    pub(crate) observations: usize,
    /// The date the release being served was published.
    pub(crate) published: String,
    /// Each public qualitative indicator's latest statement (its card's).
    latest_statements: BTreeMap<String, indicators::model::Statement>,
}

/// A card's latest value and change, to word in any language.
#[derive(Debug, Clone, Copy)]
struct CardNumbers {
    latest: Option<f64>,
    change: Option<(f64, i32)>,
}

impl PublicIndex {
    /// Derives everything the public pages read, reading each public
    /// indicator once (one at a time). Called once per release.
    pub fn build(
        public: &[Indicator],
        statuses: &Statuses,
        source: Arc<dyn IndicatorSource>,
        published_unix: Option<u64>,
    ) -> Self {
        let public_ids: BTreeSet<String> = public.iter().map(|i| i.id.clone()).collect();
        let indicator_status = statuses
            .indicators
            .iter()
            .filter(|s| public_ids.contains(&s.indicator_id))
            .map(|s| (s.indicator_id.clone(), s.status))
            .collect();
        let mut index = PublicIndex {
            source,
            public_ids,
            cache: BlockCache::default(),
            indicator_status,
            cards: BTreeMap::new(),
            districts: Vec::new(),
            by_district: BTreeSet::new(),
            with_data: BTreeSet::new(),
            observations: 0,
            published: published_unix.map(date_of_unix).unwrap_or_default(),
            card_numbers: BTreeMap::new(),
            latest_statements: BTreeMap::new(),
        };
        let mut districts: BTreeSet<String> = BTreeSet::new();
        for indicator in public {
            let block = index.read(&indicator.id, false);
            let observations = block.series.iter().map(|s| s.points.len()).sum::<usize>();
            if observations > 0 {
                index.with_data.insert(indicator.id.clone());
            }
            index.observations += observations;
            for s in &block.series {
                if let Some(district) = s.key.dimensions.district() {
                    districts.insert(district.to_owned());
                    index.by_district.insert(indicator.id.clone());
                }
            }
            let (card, numbers) = index.card(indicator, &block);
            index.cards.insert(indicator.id.clone(), card);
            index.card_numbers.insert(indicator.id.clone(), numbers);
        }
        index.districts = districts.into_iter().collect();
        index
    }

    /// Keeps each indicator's latest statement for its card. `statements`
    /// come from the public dataset: an internal indicator's never do.
    pub fn with_statements(mut self, statements: &[indicators::model::Statement]) -> Self {
        for statement in statements
            .iter()
            .filter(|s| self.public_ids.contains(&s.indicator_id))
        {
            let newer = self
                .latest_statements
                .get(&statement.indicator_id)
                .is_none_or(|latest| super::qualitative::newest_first(statement, latest).is_lt());
            if newer {
                self.latest_statements
                    .insert(statement.indicator_id.clone(), statement.clone());
            }
        }
        self
    }

    /// A public indicator's series, summaries and history (nothing for an
    /// unknown or internal id).
    pub fn block(&self, indicator_id: &str) -> Arc<IndicatorBlock> {
        if !self.public_ids.contains(indicator_id) {
            return Arc::default();
        }
        self.cache
            .get_or_load(indicator_id, || Arc::new(self.read(indicator_id, true)))
    }

    /// A public indicator's series alone (nothing for an unknown or internal
    /// id), read without its history and not kept: for the yearly report,
    /// which reads every indicator once and keeps what it made of them.
    pub fn series_only(&self, indicator_id: &str) -> Vec<indicators::Series> {
        if !self.public_ids.contains(indicator_id) {
            return Vec::new();
        }
        self.read(indicator_id, false).series
    }

    /// Reads a public indicator from the source, uncached.
    fn read(&self, indicator_id: &str, history: bool) -> IndicatorBlock {
        self.source.load(indicator_id, history).unwrap_or_else(|err| {
            tracing::error!(indicator = %indicator_id, %err, "could not read the indicator's data");
            IndicatorBlock::default()
        })
    }

    /// The goals that `indicators` with data map to, ascending.
    pub fn goals_with_data(&self, indicators: &[Indicator]) -> Vec<u8> {
        let mut goals: Vec<u8> = indicators
            .iter()
            .filter(|i| self.with_data.contains(&i.id))
            .flat_map(Indicator::goals)
            .collect();
        goals.sort_unstable();
        goals.dedup();
        goals
    }

    pub fn status_of(&self, indicator_id: &str) -> Option<ProgressStatus> {
        self.indicator_status.get(indicator_id).copied()
    }

    /// The cards of `indicators`, in their order, worded in `locale`.
    pub fn cards_for<'a>(
        &self,
        indicators: impl IntoIterator<Item = &'a Indicator>,
        locale: Locale,
    ) -> Vec<IndicatorCard> {
        indicators
            .into_iter()
            .filter_map(|i| self.card_in(i, locale))
            .collect()
    }

    /// `indicator`'s card worded in `locale`: its title, value and change.
    pub fn card_in(&self, indicator: &Indicator, locale: Locale) -> Option<IndicatorCard> {
        let mut card = self.cards.get(&indicator.id)?.clone();
        let numbers = self.card_numbers.get(&indicator.id)?;
        let decimals = usize::from(indicator.decimals);
        card.title = super::text(indicator.localized_title(locale.code()), locale);
        card.latest = numbers
            .latest
            .map(|v| format::with_unit(v, decimals, &indicator.unit, locale));
        if let (Some(change), Some((absolute, year))) = (card.change.as_mut(), numbers.change) {
            change.text = change_text(absolute, year, decimals, locale);
        }
        card.statement = self
            .latest_statements
            .get(&indicator.id)
            .map(|s| super::qualitative::card_statement(s, locale));
        Some(card)
    }

    fn card(&self, indicator: &Indicator, block: &IndicatorBlock) -> (IndicatorCard, CardNumbers) {
        let decimals = usize::from(indicator.decimals);
        let locale = Locale::En;
        let shown = default_series(&block.series);
        let summary = shown.and_then(|s| block.summary(&s.key.dimensions));
        let latest = summary.and_then(|s| s.latest.as_ref());
        let change = summary.and_then(|s| s.change_since_baseline);
        let sign = indicator.direction.sign();
        let numbers = CardNumbers {
            latest: latest.map(|p| p.value),
            change: change.map(|c| (c.absolute, c.from_year)),
        };
        let card = IndicatorCard {
            id: indicator.id.clone(),
            title: Text::plain(indicator.title()),
            status: self.status_of(&indicator.id),
            latest: latest.map(|p| format::with_unit(p.value, decimals, &indicator.unit, locale)),
            latest_period: latest.map(|p| p.period.label.clone()),
            change: change.map(|c| CardChange {
                movement: movement(&c, decimals, indicator.direction),
                text: change_text(c.absolute, c.from_year, decimals, locale),
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
            qualitative: indicator.is_qualitative(),
            statement: None,
            proxy: indicator.quality.proxy,
        };
        (card, numbers)
    }
}

/// `+1.5 since 2015`.
fn change_text(absolute: f64, year: i32, decimals: usize, locale: Locale) -> String {
    tr(
        locale,
        "change-since",
        &[
            ("change", format::signed(absolute, decimals, locale).into()),
            ("year", year.into()),
        ],
    )
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
        let block = data.index.block("poverty");
        let pick = |slug: &str| select_series(&block.series, slug).map(|s| s.key.dimensions.slug());
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
        let block = data.index.block("by-sex-only");
        assert_eq!(
            select_series(&block.series, "total").map(|s| s.key.dimensions.slug()),
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
        let secret = index.block("secret");
        assert!(secret.series.is_empty() && secret.summaries.is_empty());
        assert!(secret.history.is_empty());
        assert!(!index.by_district.contains("secret"));
        assert_eq!(index.districts, ["Nord", "Süd"], "secret's Ost is left out");
        assert_eq!(index.observations, 5 * 6 + 6 + 2 * 6, "public ones only");
    }
}
