//! Builds the pages' view types from the public index. Every function takes
//! its input from the address as untrusted text and answers a typed error a
//! reader can act on.

use std::collections::{BTreeMap, BTreeSet};

use indicators::model::HEADLINE_SLUG;
use indicators::progress::ProgressStatus;
use indicators::release::{ReleaseStatuses, Statuses};
use indicators::summary::{options_for, SeriesSummary};
use indicators::{AreaKind, Dataset, Direction, Indicator, Series};

use super::{date_of_unix, DashboardData, PublicIndex};
use crate::api::*;
use crate::chart;
use crate::error::AppError;
use crate::format::{self, Locale};
use crate::url_encode;

/// How many indicators the home page's "improved" and "worsened" strips show.
const STRIP_LENGTH: usize = 4;

pub fn badge(status: ProgressStatus) -> StatusBadge {
    StatusBadge {
        label: status.label().to_string(),
        class: kebab_to_snake(&json_name(&status)),
    }
}

fn kebab_to_snake(text: &str) -> String {
    text.replace('-', "_")
}

/// The serde name of a unit enum variant (`substantial_progress`, `open-sdg`).
fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn status_view(result: &indicators::progress::ProgressResult) -> StatusView {
    StatusView {
        badge: badge(result.status),
        explanation: result.explanation.clone(),
        score: result.score.map(|s| format!("{s:.2}")),
        method: json_name(&result.method),
    }
}

/// Counts per status, most positive first, as badges.
fn counts(map: Option<&BTreeMap<ProgressStatus, usize>>) -> Vec<(StatusBadge, usize)> {
    map.map(|m| m.iter().map(|(s, n)| (badge(*s), *n)).collect())
        .unwrap_or_default()
}

fn slug_of(series: &Series) -> String {
    series.key.slug()
}

/// The series a page shows when the address chooses none: the headline, or
/// the first series for an indicator published only disaggregated (an Open SDG
/// indicator with `Units` or `Series` on every row has no headline).
fn default_series(series: &[Series]) -> Option<&Series> {
    series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .or_else(|| series.first())
}

/// Finds the series `slug` asks for. Parameters that are not dimensions of
/// the indicator (`utm_source`, `fbclid` … added to shared links) are ignored;
/// a slug that asks for nothing gets the default series.
fn select_series<'a>(all: &'a [Series], slug: &str) -> Result<&'a Series, String> {
    let dimensions: BTreeSet<&str> = all
        .iter()
        .flat_map(|s| s.key.dimensions.pairs().iter().map(|(k, _)| k.as_str()))
        .collect();
    let wanted: Vec<&str> = slug
        .split(';')
        .filter(|piece| match piece.split_once('=') {
            Some((k, v)) => dimensions.contains(k) && !v.is_empty(),
            // `total` (or nothing) is the default; any other bare word is
            // an explicit request (`?series=…`) that must exist.
            None => !piece.is_empty() && *piece != HEADLINE_SLUG,
        })
        .collect();
    if wanted.is_empty() {
        return default_series(all).ok_or_else(|| slug.to_string());
    }
    let wanted = wanted.join(";");
    all.iter().find(|s| slug_of(s) == wanted).ok_or(wanted)
}

/// Derives everything the public pages read. Called once per release.
pub fn build_index(
    public: &Dataset,
    statuses: &Statuses,
    releases: &[ReleaseStatuses],
    current: &str,
) -> PublicIndex {
    let locale = Locale::default();
    let public_ids: BTreeSet<&str> = public.indicators.iter().map(|i| i.id.as_str()).collect();
    let series: BTreeMap<String, Vec<Series>> = public
        .series_by_indicator()
        .into_iter()
        .map(|(id, s)| (id.to_string(), s))
        .collect();
    let summaries: BTreeMap<(String, String), SeriesSummary> = statuses
        .series
        .iter()
        .filter(|s| public_ids.contains(s.indicator_id.as_str()))
        .map(|s| {
            let slug = indicators::SeriesKey {
                indicator_id: s.indicator_id.clone(),
                dimensions: s.dimensions.clone(),
            }
            .slug();
            ((s.indicator_id.clone(), slug), s.clone())
        })
        .collect();
    let indicator_status: BTreeMap<String, ProgressStatus> = statuses
        .indicators
        .iter()
        .filter(|s| public_ids.contains(s.indicator_id.as_str()))
        .map(|s| (s.indicator_id.clone(), s.status))
        .collect();
    let mut history: BTreeMap<(String, String), Vec<(String, String, ProgressStatus)>> =
        BTreeMap::new();
    // Up to the release being served: a newer one (built but not current)
    // is not yet public.
    let served = releases
        .iter()
        .position(|r| r.id == current)
        .map_or(releases.len(), |i| i + 1);
    for release in &releases[..served] {
        let date = date_of_unix(release.created_unix);
        for (indicator, slug, status) in &release.series {
            if public_ids.contains(indicator.as_str()) {
                history
                    .entry((indicator.clone(), slug.clone()))
                    .or_default()
                    .push((release.id.clone(), date.clone(), *status));
            }
        }
    }
    let published = releases
        .iter()
        .find(|r| r.id == current)
        .map(|r| date_of_unix(r.created_unix))
        .unwrap_or_default();
    let mut index = PublicIndex {
        series,
        summaries,
        indicator_status,
        cards: BTreeMap::new(),
        history,
        release: current.to_string(),
        published,
        locale,
    };
    let cards = public
        .indicators
        .iter()
        .map(|i| (i.id.clone(), make_card(&index, i)))
        .collect();
    index.cards = cards;
    index
}

/// Signed change in the desired direction: positive is better.
fn improvement_sign(direction: Direction) -> f64 {
    match direction {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    }
}

fn make_card(index: &PublicIndex, indicator: &Indicator) -> IndicatorCard {
    let decimals = usize::from(indicator.decimals);
    let locale = index.locale;
    let headline = index
        .series
        .get(&indicator.id)
        .and_then(|s| default_series(s));
    let summary = headline.and_then(|h| index.summaries.get(&(indicator.id.clone(), slug_of(h))));
    let latest = summary.and_then(|s| s.latest.as_ref());
    let change = summary.and_then(|s| s.change_since_baseline);
    let sign = improvement_sign(indicator.direction);
    let (change_text, change_class, improvement) = match change {
        Some(c) => {
            let better = c.absolute * sign;
            let class = if c.absolute.abs() < 10f64.powi(-(decimals as i32)) / 2.0 {
                "same"
            } else if better > 0.0 {
                "better"
            } else {
                "worse"
            };
            let words = match class {
                "better" => "better",
                "worse" => "worse",
                _ => "no change",
            };
            (
                Some(format!(
                    "{} since {} ({words})",
                    format::signed(c.absolute, decimals, locale),
                    c.from_year
                )),
                class.to_string(),
                c.percent.map(|p| p * sign),
            )
        }
        None => (None, String::new(), None),
    };
    IndicatorCard {
        id: indicator.id.clone(),
        title: indicator.title().to_string(),
        goal_number: indicator.primary_goal().unwrap_or(0),
        unit: indicator.unit.clone(),
        status: index.indicator_status.get(&indicator.id).map(|s| badge(*s)),
        latest: latest.map(|p| {
            format!(
                "{} {}",
                format::number(p.value, decimals, locale),
                indicator.unit
            )
        }),
        latest_period: latest.map(|p| p.period.label.clone()),
        change: change_text,
        change_class,
        improvement,
        sparkline_svg: headline
            .and_then(|s| {
                chart::sparkline_svg(s, summary.and_then(|x| x.baseline.as_ref()).map(|b| b.year))
                    .map_err(|err| tracing::warn!(indicator = %indicator.id, %err, "no sparkline"))
                    .ok()
            })
            .unwrap_or_default(),
    }
}

fn cards_for<'a>(
    index: &PublicIndex,
    indicators: impl Iterator<Item = &'a Indicator>,
) -> Vec<IndicatorCard> {
    indicators
        .filter_map(|i| index.cards.get(&i.id).cloned())
        .collect()
}

fn area_links(public: &Dataset, kind: AreaKind) -> Vec<AreaLink> {
    public
        .areas
        .iter()
        .filter(|a| a.kind == kind)
        .map(|a| AreaLink {
            id: a.id.clone(),
            name: a.name().to_string(),
            kind: json_name(&kind),
            indicators: public
                .indicators
                .iter()
                .filter(|i| match kind {
                    AreaKind::Rights => i.rights_areas.contains(&a.id),
                    AreaKind::Policy => i.policy_areas.contains(&a.id),
                })
                .count(),
        })
        .collect()
}

/// District names across every public district series, sorted.
fn districts(index: &PublicIndex) -> Vec<String> {
    let names: BTreeSet<String> = index
        .series
        .values()
        .flatten()
        .filter_map(|s| s.key.dimensions.district().map(str::to_string))
        .collect();
    names.into_iter().collect()
}

pub fn home(data: &DashboardData) -> HomeView {
    let (public, index) = (&data.public, &data.index);
    let goals = public
        .goals_with_data()
        .into_iter()
        .filter_map(|number| {
            let goal = indicators::sdg::goal(number)?;
            let indicators = public
                .indicators
                .iter()
                .filter(|i| i.goals().contains(&number))
                .map(|i| IndicatorLink {
                    id: i.id.clone(),
                    title: i.title().to_string(),
                    status: index.indicator_status.get(&i.id).map(|s| badge(*s)),
                })
                .collect();
            Some(GoalSummary {
                number,
                short_title: goal.short_title.to_string(),
                colour: goal.colour.to_string(),
                text_colour: goal.text_colour().to_string(),
                indicators,
                // The public aggregate: internal indicators are not counted.
                status_counts: counts(data.statuses.public.by_goal.get(&number)),
            })
        })
        .collect();
    let mut moved: Vec<&IndicatorCard> = index
        .cards
        .values()
        .filter(|c| c.improvement.is_some_and(f64::is_finite))
        .collect();
    moved.sort_by(|a, b| {
        b.improvement
            .unwrap_or_default()
            .total_cmp(&a.improvement.unwrap_or_default())
            .then_with(|| a.id.cmp(&b.id))
    });
    let improved = moved
        .iter()
        .filter(|c| c.change_class == "better")
        .take(STRIP_LENGTH)
        .map(|c| (*c).clone())
        .collect();
    let worsened = moved
        .iter()
        .rev()
        .filter(|c| c.change_class == "worse")
        .take(STRIP_LENGTH)
        .map(|c| (*c).clone())
        .collect();
    HomeView {
        goals,
        improved,
        worsened,
        rights: area_links(public, AreaKind::Rights),
        policies: area_links(public, AreaKind::Policy),
        districts: districts(index),
    }
}

pub fn goal(data: &DashboardData, number: &str) -> Result<GoalView, AppError> {
    let goal = number
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(indicators::sdg::goal)
        .ok_or_else(|| AppError::GoalNotFound(number.to_string()))?;
    let framework = indicators::sdg::framework();
    let title = framework
        .goal_titles
        .iter()
        .find(|(n, _)| *n == goal.number)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| goal.short_title.to_string());
    let targets = framework
        .targets_of_goal(goal.number)
        .map(|t| TargetView {
            id: t.id.clone(),
            title: t.title.clone(),
            // An indicator mapped to several targets shows under each.
            indicators: cards_for(
                &data.index,
                data.public
                    .indicators
                    .iter()
                    .filter(|i| i.sdg_targets.contains(&t.id)),
            ),
        })
        .collect();
    Ok(GoalView {
        number: goal.number,
        short_title: goal.short_title.to_string(),
        title,
        colour: goal.colour.to_string(),
        text_colour: goal.text_colour().to_string(),
        status_counts: counts(data.statuses.public.by_goal.get(&goal.number)),
        targets,
    })
}

fn parse_kind(kind: &str) -> Option<AreaKind> {
    match kind {
        "rights" => Some(AreaKind::Rights),
        "policy" => Some(AreaKind::Policy),
        _ => None,
    }
}

pub fn area(data: &DashboardData, kind: &str, id: &str) -> Result<AreaView, AppError> {
    let not_found = || AppError::AreaNotFound {
        kind: if kind == "policy" { "policy" } else { "rights" }.to_string(),
        id: id.to_string(),
    };
    let area_kind = parse_kind(kind).ok_or_else(not_found)?;
    let area = data
        .public
        .areas
        .iter()
        .find(|a| a.kind == area_kind && a.id == id)
        .ok_or_else(not_found)?;
    let linked = data.public.indicators.iter().filter(|i| match area_kind {
        AreaKind::Rights => i.rights_areas.contains(&area.id),
        AreaKind::Policy => i.policy_areas.contains(&area.id),
    });
    let aggregates = &data.statuses.public;
    let status_counts = match area_kind {
        AreaKind::Rights => counts(aggregates.by_rights_area.get(&area.id)),
        AreaKind::Policy => counts(aggregates.by_policy_area.get(&area.id)),
    };
    Ok(AreaView {
        id: area.id.clone(),
        kind_label: match area_kind {
            AreaKind::Rights => "Human-rights area",
            AreaKind::Policy => "Policy area",
        }
        .to_string(),
        name: area.name().to_string(),
        instrument: area.instrument.clone(),
        article: area.article.clone(),
        rights_holders: area.rights_holders.clone(),
        status_counts,
        indicators: cards_for(&data.index, linked),
    })
}

/// Worst first: what needs attention leads.
fn status_rank(card: &IndicatorCard) -> u8 {
    match card.status.as_ref().map(|b| b.class.as_str()) {
        Some("deterioration") => 0,
        Some("limited_progress") => 1,
        Some("moderate_progress") => 2,
        Some("substantial_progress") => 3,
        Some("target_achieved") => 4,
        _ => 5,
    }
}

pub fn progress(
    data: &DashboardData,
    goal: &str,
    area: &str,
    group: &str,
    sort: &str,
) -> Result<ProgressView, AppError> {
    let public = &data.public;
    let bad = |name: &str, value: &str, expected: &str| AppError::BadFilter {
        name: name.to_string(),
        value: value.to_string(),
        expected: expected.to_string(),
    };
    let goal_filter = match goal.trim() {
        "" => None,
        text => Some(
            text.parse::<u8>()
                .ok()
                .filter(|n| (1..=17).contains(n))
                .ok_or_else(|| bad("goal", text, "a goal number from 1 to 17"))?,
        ),
    };
    let area_filter = match area.trim() {
        "" => None,
        id => Some(
            public
                .areas
                .iter()
                .find(|a| a.id == id)
                .ok_or_else(|| bad("area", id, "one of the listed rights or policy areas"))?,
        ),
    };
    let selected: Vec<&Indicator> = public
        .indicators
        .iter()
        .filter(|i| goal_filter.is_none_or(|g| i.goals().contains(&g)))
        .filter(|i| {
            area_filter
                .is_none_or(|a| i.rights_areas.contains(&a.id) || i.policy_areas.contains(&a.id))
        })
        .collect();
    let total = selected.len();
    // (heading, members) in display order; an indicator shows in each group it maps to.
    let mut groups: Vec<(String, Vec<IndicatorCard>)> = match group {
        "" | "goal" => indicators::GOALS
            .iter()
            .filter(|g| goal_filter.is_none_or(|n| n == g.number))
            .map(|g| {
                (
                    format!("Goal {} · {}", g.number, g.short_title),
                    cards_for(
                        &data.index,
                        selected
                            .iter()
                            .copied()
                            .filter(|i| i.goals().contains(&g.number)),
                    ),
                )
            })
            .collect(),
        "rights" | "policy" => {
            let kind = parse_kind(group).unwrap_or(AreaKind::Rights);
            public
                .areas
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| {
                    let members = selected.iter().copied().filter(|i| match kind {
                        AreaKind::Rights => i.rights_areas.contains(&a.id),
                        AreaKind::Policy => i.policy_areas.contains(&a.id),
                    });
                    (a.name().to_string(), cards_for(&data.index, members))
                })
                .collect()
        }
        other => return Err(bad("group", other, "goal, rights or policy")),
    };
    groups.retain(|(_, members)| !members.is_empty());
    let by_improvement = |c: &IndicatorCard| c.improvement.unwrap_or(f64::NAN);
    for (_, members) in &mut groups {
        match sort {
            "" | "status" => members.sort_by_key(|c| (status_rank(c), c.title.clone())),
            "improved" => members.sort_by(|a, b| {
                // Most improved first; no change figure last.
                let (x, y) = (by_improvement(a), by_improvement(b));
                y.is_nan()
                    .cmp(&x.is_nan())
                    .reverse()
                    .then(y.total_cmp(&x))
                    .then_with(|| a.title.cmp(&b.title))
            }),
            "worsened" => members.sort_by(|a, b| {
                let (x, y) = (by_improvement(a), by_improvement(b));
                x.is_nan()
                    .cmp(&y.is_nan())
                    .then(x.total_cmp(&y))
                    .then_with(|| a.title.cmp(&b.title))
            }),
            "title" => members.sort_by(|a, b| a.title.cmp(&b.title)),
            other => return Err(bad("sort", other, "status, improved, worsened or title")),
        }
    }
    Ok(ProgressView {
        groups,
        total,
        goal_choices: indicators::GOALS
            .iter()
            .map(|g| {
                (
                    g.number.to_string(),
                    format!("{} · {}", g.number, g.short_title),
                )
            })
            .collect(),
        area_choices: public
            .areas
            .iter()
            .map(|a| (a.id.clone(), a.name().to_string()))
            .collect(),
    })
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub fn district(data: &DashboardData, name: &str) -> Result<DistrictView, AppError> {
    let index = &data.index;
    let all = districts(index);
    if !all.iter().any(|d| d == name) {
        return Err(AppError::DistrictNotFound(name.to_string()));
    }
    let locale = index.locale;
    let mut rows = Vec::new();
    for indicator in &data.public.indicators {
        let Some(series) = index.series.get(&indicator.id) else {
            continue;
        };
        let Some(own) = series
            .iter()
            .find(|s| s.key.dimensions.district() == Some(name))
        else {
            continue;
        };
        let Some(latest) = own.points.last() else {
            continue;
        };
        let decimals = usize::from(indicator.decimals);
        // Every district's value in the same year, for the rank.
        let mut peers: Vec<f64> = series
            .iter()
            .filter(|s| s.key.dimensions.district().is_some())
            .filter_map(|s| s.points.iter().find(|p| p.period == latest.period))
            .map(|p| p.value)
            .collect();
        peers.sort_by(|a, b| b.total_cmp(a));
        let position = peers.iter().position(|v| *v == latest.value).unwrap_or(0) + 1;
        let city = series
            .iter()
            .find(|s| s.key.dimensions.is_headline())
            .and_then(|s| s.points.iter().find(|p| p.period == latest.period))
            .map(|p| {
                format!(
                    "{} {}",
                    format::number(p.value, decimals, locale),
                    indicator.unit
                )
            });
        let (dimension, _) = &own.key.dimensions.pairs()[0];
        rows.push(DistrictRow {
            indicator_id: indicator.id.clone(),
            title: indicator.title().to_string(),
            href: format!(
                "/indicators/{}?{}={}",
                indicator.id,
                url_encode(dimension),
                url_encode(name)
            ),
            period: latest.period.label.clone(),
            value: format!(
                "{} {}",
                format::number(latest.value, decimals, locale),
                indicator.unit
            ),
            city,
            rank: format!(
                "{} of {}, highest first ({} is {})",
                ordinal(position),
                peers.len(),
                match indicator.direction {
                    Direction::Higher => "higher",
                    Direction::Lower => "lower",
                },
                "better"
            ),
        });
    }
    Ok(DistrictView {
        name: name.to_string(),
        rows,
        others: all.into_iter().filter(|d| d != name).collect(),
    })
}

fn find_indicator<'a>(data: &'a DashboardData, id: &str) -> Result<&'a Indicator, AppError> {
    data.public
        .indicator(id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.to_string()))
}

fn area_names(data: &DashboardData, ids: &[String]) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| {
            let name = data
                .public
                .areas
                .iter()
                .find(|a| &a.id == id)
                .map(|a| a.name().to_string())
                .unwrap_or_else(|| id.clone());
            (id.clone(), name)
        })
        .collect()
}

pub fn indicator(data: &DashboardData, id: &str) -> Result<IndicatorView, AppError> {
    let indicator = find_indicator(data, id)?;
    let index = &data.index;
    let goal = indicator
        .primary_goal()
        .and_then(indicators::sdg::goal)
        .ok_or_else(|| {
            tracing::error!(indicator = %indicator.id, "indicator maps to no known goal");
            AppError::Internal
        })?;
    let series = index
        .series
        .get(&indicator.id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut dimensions: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in series {
        for (name, value) in s.key.dimensions.pairs() {
            dimensions.entry(name).or_default().insert(value);
        }
    }
    let framework = indicators::sdg::framework();
    let last_period = series
        .iter()
        .filter_map(|s| s.points.last())
        .max_by(|a, b| a.period.cmp(&b.period))
        .map(|p| p.period.label.clone())
        .unwrap_or_default();
    Ok(IndicatorView {
        id: indicator.id.clone(),
        title: indicator.title().to_string(),
        unit: indicator.unit.clone(),
        goal_number: goal.number,
        goal_title: goal.short_title.to_string(),
        goal_colour: goal.colour.to_string(),
        status: index.indicator_status.get(&indicator.id).map(|s| badge(*s)),
        definition: indicator.definition.clone(),
        source: indicator.source.clone(),
        owner: indicator.owner.clone(),
        narrative: indicator.narrative.clone(),
        targets: indicator
            .sdg_targets
            .iter()
            .map(|t| {
                let title = framework
                    .target(t)
                    .map(|x| x.title.clone())
                    .unwrap_or_default();
                (t.clone(), title)
            })
            .collect(),
        rights: area_names(data, &indicator.rights_areas),
        policies: area_names(data, &indicator.policy_areas),
        dimensions: dimensions
            .into_iter()
            .map(|(name, values)| DimensionChoice {
                name: name.to_string(),
                label: capitalise(name),
                values: values.into_iter().map(str::to_string).collect(),
            })
            .collect(),
        last_period,
        published: index.published.clone(),
        districts: district_figure(indicator, series, index.locale),
    })
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The latest year with district values, as bars, with the city's value as
/// the reference line.
fn district_figure(indicator: &Indicator, series: &[Series], locale: Locale) -> Option<Figure> {
    let district_series: Vec<&Series> = series
        .iter()
        .filter(|s| s.key.dimensions.district().is_some())
        .collect();
    let period = district_series
        .iter()
        .filter_map(|s| s.points.last())
        .map(|p| &p.period)
        .max()?;
    let mut bars: Vec<(String, f64)> = district_series
        .iter()
        .filter_map(|s| {
            let point = s.points.iter().find(|p| &p.period == period)?;
            Some((s.key.dimensions.district()?.to_string(), point.value))
        })
        .collect();
    bars.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let decimals = usize::from(indicator.decimals);
    let city = series
        .iter()
        .find(|s| s.key.dimensions.is_headline())
        .and_then(|s| s.points.iter().find(|p| &p.period == period))
        .map(|p| p.value);
    let (highest, lowest) = (bars.first()?, bars.last()?);
    let fmt = |v: f64| format!("{} {}", format::number(v, decimals, locale), indicator.unit);
    let mut title = format!(
        "{} by district, {}: highest {} ({}), lowest {} ({})",
        indicator.title(),
        period.label,
        highest.0,
        fmt(highest.1),
        lowest.0,
        fmt(lowest.1)
    );
    if let Some(city) = city {
        title.push_str(&format!("; whole city {}", fmt(city)));
    }
    let svg = chart::bar_chart_svg(&bars, city, &indicator.unit, decimals, locale, &title)
        .map_err(|err| tracing::error!(indicator = %indicator.id, %err, "district chart failed"))
        .ok()?;
    Some(Figure {
        svg,
        caption: format!(
            "{} by district in {} ({}){}",
            indicator.title(),
            period.label,
            indicator.unit,
            if city.is_some() {
                "; the dashed line is the whole city"
            } else {
                ""
            }
        ),
    })
}

/// The chart's accessible name: the latest value and the direction of change.
fn chart_title(
    indicator: &Indicator,
    series: &Series,
    summary: Option<&SeriesSummary>,
    locale: Locale,
) -> String {
    let decimals = usize::from(indicator.decimals);
    let mut title = format!("{} — {}", indicator.title(), series.key.label());
    if let Some(latest) = series.points.last() {
        title.push_str(&format!(
            ": {} {} in {}",
            format::number(latest.value, decimals, locale),
            indicator.unit,
            latest.period.label
        ));
    }
    if let Some(change) = summary.and_then(|s| s.change_since_baseline) {
        let word = if change.absolute > 0.0 {
            "up"
        } else if change.absolute < 0.0 {
            "down"
        } else {
            "unchanged"
        };
        title.push_str(&format!(
            ", {word} {} since {}",
            format::number(change.absolute.abs(), decimals, locale),
            change.from_year
        ));
    }
    title
}

pub fn series(data: &DashboardData, id: &str, slug: &str) -> Result<SeriesView, AppError> {
    let indicator = find_indicator(data, id)?;
    let index = &data.index;
    let locale = index.locale;
    let all = index
        .series
        .get(&indicator.id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let chosen = select_series(all, slug).map_err(|series| AppError::SeriesNotFound {
        indicator: id.to_string(),
        series,
    })?;
    let slug = slug_of(chosen);
    let slug = slug.as_str();
    let summary = index
        .summaries
        .get(&(indicator.id.clone(), slug.to_string()));
    let decimals = usize::from(indicator.decimals);
    let options = options_for(indicator);
    let target = options.target.map(|t| {
        (
            options
                .target_year
                .unwrap_or(indicators::progress::DEFAULT_TARGET_YEAR),
            t,
        )
    });
    let latest = chosen.points.last();
    let projection = summary
        .and_then(|s| s.trend)
        .zip(latest)
        .filter(|(trend, latest)| trend.projected_year > latest.period.year)
        .map(|(trend, latest)| {
            [
                (latest.period.year, latest.value),
                (trend.projected_year, trend.projected_value),
            ]
        });
    let baseline = summary.and_then(|s| s.baseline.as_ref());
    let title = chart_title(indicator, chosen, summary, locale);
    let chart_svg = chart::line_chart_svg(&chart::LineChart {
        series: chosen,
        unit: &indicator.unit,
        title: &title,
        locale,
        baseline: baseline.map(|b| (b.year, b.value)),
        target,
        projection,
    })
    .map_err(|err| {
        tracing::error!(indicator = %indicator.id, series = %slug, %err, "chart rendering failed");
        AppError::Internal
    })?;
    let value = |v: f64| format!("{} {}", format::number(v, decimals, locale), indicator.unit);
    let mut legend = vec![(
        "observed".to_string(),
        "Observed values (a gap where a year has no data)".to_string(),
    )];
    if let Some(b) = baseline {
        legend.push((
            "baseline".into(),
            format!("Baseline {}: {}", b.label, value(b.value)),
        ));
    }
    if let Some((year, t)) = target {
        legend.push(("target".into(), format!("Target for {year}: {}", value(t))));
    }
    if let Some([_, (year, v)]) = projection {
        legend.push((
            "projection".into(),
            format!("Trend projected to {year}: {}", value(v)),
        ));
    }
    if chosen.points.iter().any(|p| !p.flags.is_empty()) {
        legend.push((
            "flagged".into(),
            "Ringed: flagged value (see the Flags column)".into(),
        ));
    }
    Ok(SeriesView {
        slug: slug_of(chosen),
        label: chosen.key.label(),
        selection: chosen.key.dimensions.pairs().to_vec(),
        caption: chart::caption(indicator, chosen),
        chart_svg,
        legend,
        rows: chosen
            .points
            .iter()
            .map(|p| {
                (
                    p.period.label.clone(),
                    format::number(p.value, decimals, locale),
                    p.flags.clone(),
                )
            })
            .collect(),
        target_row: target.map(|(year, t)| (year.to_string(), format::number(t, decimals, locale))),
        status: summary.map(|s| status_view(&s.progress)),
        baseline: baseline.map(|b| {
            format!(
                "Baseline {}: {} ({})",
                b.label,
                value(b.value),
                json_name(&b.rule).replace('-', " ")
            )
        }),
        history: index
            .history
            .get(&(indicator.id.clone(), slug.to_string()))
            .map(|h| {
                h.iter()
                    .map(|(release, date, status)| (release.clone(), date.clone(), badge(*status)))
                    .collect()
            })
            .unwrap_or_default(),
    })
}
