//! `/report` and `/report/{year}`: the council's yearly review. The facts
//! come from `indicators::report` (statuses computed from the periods up to
//! each year), made once per release and year and kept; this module words
//! them for a page, the PDF and the report's charts.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, OnceLock};

use indicators::report::{report_years, year_report, IndicatorYear, Verdict, YearReport};
use indicators::{ActionKind, AreaKind, Indicator};

use super::chart_image::{stamp, ChartImage, Stamp};
use super::{DashboardData, IndicatorBlock};
use crate::error::AppError;
use crate::format::{self, Locale};
use crate::types::{ReportCounts, ReportListView, ReportRow, ReportSection, ReportView, Spending};

/// The reports of one release, computed when first asked for.
#[derive(Debug, Default)]
pub struct ReportCache {
    years: OnceLock<Vec<i32>>,
    reports: Mutex<BTreeMap<i32, Arc<YearReport>>>,
    /// Files made from a report (its PDF per year and language), kept
    /// because making one takes a while and a release never changes.
    files: Mutex<BTreeMap<String, Arc<Vec<u8>>>>,
}

/// How many report files a release keeps (years × languages a council asks for).
const KEPT_FILES: usize = 16;

impl DashboardData {
    /// The report file `key` of this release, made by `make` the first time.
    /// Two requests at once may both make it; the file is the same.
    pub fn report_file<E>(
        &self,
        key: &str,
        make: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Arc<Vec<u8>>, E> {
        let lock = || self.reports.files.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(file) = lock().get(key) {
            return Ok(file.clone());
        }
        let file = Arc::new(make()?);
        let mut files = lock();
        if files.len() >= KEPT_FILES {
            files.clear();
        }
        files.insert(key.to_owned(), file.clone());
        Ok(file)
    }
}

/// The data years with a report, newest first.
pub fn years(data: &DashboardData) -> Vec<i32> {
    data.reports
        .years
        .get_or_init(|| {
            let observations = all_observations(data);
            report_years(observations.iter())
        })
        .clone()
}

/// Every public observation, read indicator by indicator.
fn all_observations(data: &DashboardData) -> Vec<indicators::Observation> {
    data.public
        .indicators
        .iter()
        .flat_map(|i| indicators::report::observations_of(&data.index.series_only(&i.id)))
        .collect()
}

/// The facts of the report for `year`, or `ReportYearNotFound`.
pub fn facts(data: &DashboardData, year: i32) -> Result<Arc<YearReport>, AppError> {
    let years = years(data);
    if !years.contains(&year) {
        return Err(AppError::ReportYearNotFound {
            year: year.to_string(),
            latest: years.first().copied(),
        });
    }
    let mut reports = data
        .reports
        .reports
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(report) = reports.get(&year) {
        return Ok(report.clone());
    }
    let observations = all_observations(data);
    let report = Arc::new(year_report(
        &data.public.indicators,
        &observations,
        data.statuses.method,
        year,
    ));
    reports.insert(year, report.clone());
    Ok(report)
}

/// `/report`.
pub fn list(data: &DashboardData, locale: Locale) -> ReportListView {
    ReportListView {
        years: years(data),
        release: data.release.clone(),
        published: format::date(&data.index.published, locale),
    }
}

/// Parses the year of an address (`2024`), or `ReportYearNotFound`.
pub fn parse_year(data: &DashboardData, text: &str) -> Result<i32, AppError> {
    text.trim()
        .parse::<i32>()
        .map_err(|_| AppError::ReportYearNotFound {
            year: text.chars().take(40).collect(),
            latest: years(data).first().copied(),
        })
}

/// The chart of public indicator `id`'s series `slug` as it stood in data
/// year `year`: the page's chart code over the periods up to that year.
pub fn chart_in_year(
    data: &DashboardData,
    id: &str,
    slug: &str,
    year: i32,
    locale: Locale,
) -> Result<ChartImage, AppError> {
    let indicator = data
        .public_indicator(id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.to_owned()))?;
    let report = facts(data, year)?;
    let item = report
        .indicators
        .iter()
        .find(|i| i.indicator_id == id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.to_owned()))?;
    if item.series.is_empty() {
        return Err(AppError::NoDataYet(
            indicator.localized_title(locale.code()).text.to_owned(),
        ));
    }
    let block = IndicatorBlock {
        series: item.series.clone(),
        summaries: item
            .summaries
            .iter()
            .map(|s| (s.dimensions.clone(), s.clone()))
            .collect(),
        history: BTreeMap::new(),
    };
    let chosen =
        super::select_series(&block.series, slug).map_err(|series| AppError::SeriesNotFound {
            indicator: id.to_owned(),
            series,
        })?;
    let view = super::series::series(data, indicator, &block, chosen, locale)?;
    let published = format::date(&data.index.published, locale);
    Ok(stamp(
        &view,
        &Stamp {
            indicator_id: id,
            title: indicator.localized_title(locale.code()).text,
            source: &indicator.source,
            release: &data.release,
            published: &published,
            locale,
        },
    ))
}

/// The report for `year` in `locale`.
pub fn report(data: &DashboardData, year: i32, locale: Locale) -> Result<ReportView, AppError> {
    let facts = facts(data, year)?;
    let by_id: BTreeMap<&str, &Indicator> = data
        .public
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i))
        .collect();
    let rows: Vec<ReportRow> = facts
        .indicators
        .iter()
        .filter_map(|item| {
            Some(row(
                data,
                by_id.get(item.indicator_id.as_str())?,
                item,
                year,
                locale,
            ))
        })
        .collect();
    let count =
        |f: &dyn Fn(&IndicatorYear) -> bool| facts.indicators.iter().filter(|i| f(i)).count();
    let counts = ReportCounts {
        indicators: facts.indicators.len(),
        improved_since_previous: count(&|i| i.since_previous == Some(Verdict::Improved)),
        worsened_since_previous: count(&|i| i.since_previous == Some(Verdict::Worsened)),
        improved_since_baseline: count(&|i| i.since_baseline == Some(Verdict::Improved)),
        worsened_since_baseline: count(&|i| i.since_baseline == Some(Verdict::Worsened)),
        status_changes: count(&|i| i.status_changed()),
    };
    let goals = (1..=17u8)
        .filter_map(|n| {
            let members: Vec<&IndicatorYear> = facts
                .indicators
                .iter()
                .filter(|i| {
                    by_id
                        .get(i.indicator_id.as_str())
                        .is_some_and(|x| x.goals().contains(&n))
                })
                .collect();
            let goal = indicators::sdg::goal(n)?;
            (!members.is_empty()).then(|| {
                let mut section = section(data, &members, year, locale);
                section.anchor = format!("goal-{n}");
                section.title = crate::types::Text::plain(crate::i18n::tr(
                    locale,
                    "report-goal-heading",
                    &[
                        ("n", n.to_string().into()),
                        ("title", crate::words::goal_title(locale, n).into()),
                    ],
                ));
                section.colour = Some(goal.colour.to_owned());
                section
            })
        })
        .collect();
    let rights = data
        .public
        .areas
        .iter()
        .filter(|a| a.kind == AreaKind::Rights)
        .filter_map(|area| {
            let members: Vec<&IndicatorYear> = facts
                .indicators
                .iter()
                .filter(|i| {
                    by_id
                        .get(i.indicator_id.as_str())
                        .is_some_and(|x| x.maps_to(AreaKind::Rights, &area.id))
                })
                .collect();
            (!members.is_empty()).then(|| {
                let mut section = section(data, &members, year, locale);
                section.anchor = format!("right-{}", area.id);
                section.title = super::text(area.localized_name(locale.code()), locale);
                section
            })
        })
        .collect();
    Ok(ReportView {
        year,
        release: data.release.clone(),
        published: format::date(&data.index.published, locale),
        method: facts.method,
        counts,
        rows,
        goals,
        rights,
        other_years: years(data).into_iter().filter(|y| *y != year).collect(),
    })
}

fn row(
    data: &DashboardData,
    indicator: &Indicator,
    item: &IndicatorYear,
    year: i32,
    locale: Locale,
) -> ReportRow {
    let decimals = usize::from(indicator.decimals);
    let value = |v: f64| format::with_unit(v, decimals, &indicator.unit, locale);
    let series_label = (!item.dimensions.is_headline())
        .then(|| crate::words::series_label(locale, &data.labels, &item.dimensions));
    let title = super::text(indicator.localized_title(locale.code()), locale);
    // The same words as the indicator page's, from the summary of the
    // periods up to the report year.
    let narrative = item.summary().and_then(|summary| {
        crate::words::series_narrative_text(locale, indicator, &data.labels, summary)
    });
    let chart = (!item.series.is_empty()).then(|| {
        let slug = crate::escape::url_encode(&item.dimensions.slug());
        locale.href(&format!(
            "/charts/{}.svg?series={slug}&until={year}",
            crate::escape::url_encode(&indicator.id)
        ))
    });
    let chart_alt = crate::i18n::tr(
        locale,
        "report-chart-alt",
        &[
            ("title", title.text.clone().into()),
            ("year", year.into()),
            (
                "value",
                item.current
                    .as_ref()
                    .map_or_else(|| "–".to_owned(), |v| value(v.value))
                    .into(),
            ),
        ],
    );
    ReportRow {
        id: indicator.id.clone(),
        title,
        goal: indicator.primary_goal().unwrap_or_default(),
        series: series_label,
        slug: item.dimensions.slug(),
        current: item.current.as_ref().map(|v| value(v.value)),
        previous: item.previous.as_ref().map(|v| value(v.value)),
        baseline: item
            .baseline
            .as_ref()
            .map(|b| format!("{}: {}", b.label, value(b.value))),
        since_previous: item.since_previous,
        break_in_year: item.breaks.contains(&year),
        since_baseline: item.since_baseline,
        status_before: item.status_before,
        status_now: item.status_now,
        narrative,
        chart,
        chart_alt,
        actions: super::actions::action_views(data, &indicator.id, locale),
    }
}

fn section(
    data: &DashboardData,
    members: &[&IndicatorYear],
    year: i32,
    locale: Locale,
) -> ReportSection {
    let ids = |keep: &dyn Fn(&IndicatorYear) -> bool| -> Vec<String> {
        members
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.indicator_id.clone())
            .collect()
    };
    let member_ids: BTreeSet<&str> = members.iter().map(|i| i.indicator_id.as_str()).collect();
    ReportSection {
        anchor: String::new(),
        title: crate::types::Text::plain(String::new()),
        colour: None,
        indicators: ids(&|_| true),
        improved_since_previous: ids(&|i| i.since_previous == Some(Verdict::Improved)),
        worsened_since_previous: ids(&|i| i.since_previous == Some(Verdict::Worsened)),
        improved_since_baseline: ids(&|i| i.since_baseline == Some(Verdict::Improved)),
        worsened_since_baseline: ids(&|i| i.since_baseline == Some(Verdict::Worsened)),
        status_changes: ids(&|i| i.status_changed()),
        spending: spending(data, &member_ids, year, locale),
    }
}

/// The budget lines of `year` linked to any of `members`, summed per
/// currency: a line counts once however many of them it touches, and
/// amounts in different currencies are never added up. The public dataset
/// holds only lines linked to a public indicator.
pub fn spending(
    data: &DashboardData,
    members: &BTreeSet<&str>,
    year: i32,
    locale: Locale,
) -> Vec<Spending> {
    let mut sums: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for action in &data.public.actions {
        let (Some(amount), Some(currency)) = (action.amount, action.currency.as_deref()) else {
            continue;
        };
        if action.kind != ActionKind::Budget
            || action.year != Some(year)
            || !action
                .indicators
                .iter()
                .any(|i| members.contains(i.as_str()))
        {
            continue;
        }
        let sum = sums.entry(currency).or_default();
        sum.0 += amount;
        sum.1 += 1;
    }
    sums.into_iter()
        .map(|(currency, (amount, lines))| Spending {
            currency: currency.to_owned(),
            amount: format!("{} {currency}", format::number(amount, 0, locale)),
            lines,
        })
        .collect()
}

#[cfg(test)]
mod tests;
