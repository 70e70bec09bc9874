//! One series of an indicator as the series explorer shows it: the chart,
//! its legend, the table, the status and why, and the status history.

use indicators::progress::DEFAULT_TARGET_YEAR;
use indicators::summary::{options_for, SeriesSummary};
use indicators::{Indicator, Series};

use super::{DashboardData, IndicatorBlock};
use crate::chart;
use crate::error::AppError;
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::{
    LegendEntry, Mark, Selected, SeriesView, SeriesWords, StatusView, TableRow, TargetRow,
};
use crate::words;
use indicators::progress::ProgressStatus;

/// The view of series `slug` of public indicator `id`: what the selectors
/// fetch and what a chart image draws. An internal or unknown id is
/// `IndicatorNotFound`, the same answer.
pub fn public_series(
    data: &DashboardData,
    id: &str,
    slug: &str,
    locale: Locale,
) -> Result<SeriesView, AppError> {
    let indicator = data
        .public_indicator(id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.to_owned()))?;
    let block = data.index.block(id);
    if block.series.is_empty() {
        return Err(AppError::NoDataYet(
            indicator.localized_title(locale.code()).text.to_owned(),
        ));
    }
    let chosen =
        super::select_series(&block.series, slug).map_err(|series| AppError::SeriesNotFound {
            indicator: id.to_owned(),
            series,
        })?;
    series(data, indicator, &block, chosen, locale)
}

/// A public series' chart stamped as a file of its own.
pub fn public_chart_image(
    data: &DashboardData,
    id: &str,
    slug: &str,
    locale: Locale,
) -> Result<super::chart_image::ChartImage, AppError> {
    let view = public_series(data, id, slug, locale)?;
    let indicator = data
        .public_indicator(id)
        .ok_or_else(|| AppError::IndicatorNotFound(id.to_owned()))?;
    let title = indicator.localized_title(locale.code()).text;
    let published = format::date(&data.index.published, locale);
    Ok(super::chart_image::stamp(
        &view,
        &super::chart_image::Stamp {
            indicator_id: id,
            title,
            source: &indicator.source,
            release: &data.release,
            published: &published,
            locale,
        },
    ))
}

/// The view of `chosen`, a series of `indicator` (both checked by the
/// server function).
pub fn series(
    data: &DashboardData,
    indicator: &Indicator,
    block: &IndicatorBlock,
    chosen: &Series,
    locale: Locale,
) -> Result<SeriesView, AppError> {
    let labels = &data.labels;
    let label = words::series_label(locale, labels, &chosen.key.dimensions);
    let summary = block.summary(&chosen.key.dimensions);
    let decimals = usize::from(indicator.decimals);
    let options = options_for(indicator);
    let target = options
        .target
        .map(|t| (options.target_year.unwrap_or(DEFAULT_TARGET_YEAR), t));
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
    let title = chart_title(indicator, chosen, summary, locale, &label);
    let chart_svg = chart::line_chart_svg(&chart::LineChart {
        series: chosen,
        unit: &indicator.unit,
        title: &title,
        locale,
        baseline: baseline.map(|b| (b.year, b.value)),
        target,
        projection,
        years: None,
    })
    .map_err(|err| {
        tracing::error!(indicator = %indicator.id, series = %chosen.key.slug(), %err, "chart rendering failed");
        AppError::Internal
    })?;
    let value = |v: f64| format::with_unit(v, decimals, &indicator.unit, locale);
    let mut legend = vec![LegendEntry {
        mark: Mark::Observed,
        text: t(locale, "legend-observed"),
    }];
    if let Some(b) = baseline {
        legend.push(LegendEntry {
            mark: Mark::Baseline,
            text: tr(
                locale,
                "legend-baseline",
                &[
                    ("label", b.label.clone().into()),
                    ("value", value(b.value).into()),
                ],
            ),
        });
    }
    if let Some((year, t)) = target {
        legend.push(LegendEntry {
            mark: Mark::Target,
            text: tr(
                locale,
                "legend-target",
                &[("year", year.into()), ("value", value(t).into())],
            ),
        });
    }
    if let Some([_, (year, v)]) = projection {
        legend.push(LegendEntry {
            mark: Mark::Projection,
            text: tr(
                locale,
                "legend-trend",
                &[("year", year.into()), ("value", value(v).into())],
            ),
        });
    }
    if chosen.points.iter().any(|p| !p.flags.is_empty()) {
        legend.push(LegendEntry {
            mark: Mark::Flagged,
            text: t(locale, "legend-flagged"),
        });
    }
    let breaks = indicators::model::breaks::break_periods(&chosen.points);
    if !breaks.is_empty() {
        legend.push(LegendEntry {
            mark: Mark::SeriesBreak,
            text: t(locale, "break-legend"),
        });
    }
    Ok(SeriesView {
        slug: chosen.key.slug(),
        label: label.clone(),
        selection: chosen
            .key
            .dimensions
            .pairs()
            .iter()
            .map(|(dimension, value)| Selected {
                dimension: dimension.clone(),
                value: value.clone(),
            })
            .collect(),
        caption: chart::caption(indicator, chosen, locale, &label),
        chart_svg,
        legend,
        rows: chosen
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| TableRow {
                period: p.period.label.clone(),
                value: format::number(p.value, decimals, locale),
                // A break says what it means where the value is read.
                flags: if indicators::model::breaks::starts_segment(&chosen.points, i) {
                    format!("{} ({})", p.flags, t(locale, "break-table-note"))
                } else {
                    p.flags.clone()
                },
            })
            .collect(),
        target_row: target.map(|(year, t)| TargetRow {
            year,
            value: format::number(t, decimals, locale),
        }),
        status: summary.map(|s| StatusView {
            status: s.progress.status,
            explanation: words::status_explanation(locale, &s.progress),
            score: s.progress.score,
            method: s.progress.method,
        }),
        narrative: summary.and_then(|s| words::series_narrative_text(locale, indicator, labels, s)),
        baseline: baseline.map(|b| {
            tr(
                locale,
                "baseline-line",
                &[
                    ("label", b.label.clone().into()),
                    ("value", value(b.value).into()),
                    ("rule", words::baseline_rule(locale, b.rule).into()),
                ],
            )
        }),
        history: block
            .history
            .get(&chosen.key.dimensions)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|mut row| {
                row.published = format::date(&row.published, locale);
                row
            })
            .collect(),
        words: SeriesWords {
            values_caption: tr(
                locale,
                "values-caption",
                &[("series", label.clone().into())],
            ),
            value_header: tr(
                locale,
                "col-value",
                &[("unit", indicator.unit.clone().into())],
            ),
            target_row: target.map(|(year, _)| tr(locale, "target-row", &[("year", year.into())])),
            score: summary.and_then(|s| s.progress.score).map(|score| {
                let score = crate::format::number(score, 2, locale);
                tr(locale, "status-score", &[("score", score.into())])
            }),
            method: summary.map_or_else(String::new, |s| {
                tr(
                    locale,
                    "status-method",
                    &[("method", words::method_name(s.progress.method).into())],
                )
            }),
            announcement: tr(locale, "chart-updated", &[("series", label.clone().into())]),
            statuses: ProgressStatus::ALL
                .iter()
                .map(|s| (*s, words::status_label(locale, *s)))
                .collect(),
        },
    })
}

/// The chart's accessible name: the latest value and the direction of change.
fn chart_title(
    indicator: &Indicator,
    series: &Series,
    summary: Option<&SeriesSummary>,
    locale: Locale,
    label: &str,
) -> String {
    let decimals = usize::from(indicator.decimals);
    let name = indicator.localized_title(locale.code()).text;
    let mut title = tr(
        locale,
        "chart-title",
        &[("title", name.into()), ("series", label.into())],
    );
    if let Some(latest) = series.points.last() {
        title.push_str(&tr(
            locale,
            "chart-title-latest",
            &[
                (
                    "value",
                    format::with_unit(latest.value, decimals, &indicator.unit, locale).into(),
                ),
                ("period", latest.period.label.clone().into()),
            ],
        ));
    }
    let breaks = indicators::model::breaks::break_periods(&series.points);
    if !breaks.is_empty() {
        let periods: Vec<&str> = breaks.iter().map(|p| p.label.as_str()).collect();
        title.push_str(&tr(
            locale,
            "break-chart-title",
            &[("periods", periods.join(", ").into())],
        ));
    }
    if let Some(change) = summary.and_then(|s| s.change_since_baseline) {
        title.push_str(&tr(
            locale,
            "chart-title-change",
            &[
                (
                    "direction",
                    words::up_or_down(locale, change.absolute).into(),
                ),
                (
                    "change",
                    format::number(change.absolute.abs(), decimals, locale).into(),
                ),
                ("year", change.from_year.into()),
            ],
        ));
    }
    title
}

#[cfg(test)]
mod tests {
    use indicators::progress::ProgressStatus;

    use super::*;
    use crate::ssr::{select_series, testing};

    #[test]
    fn a_series_view_has_table_legend_status_and_history() {
        let data = testing::data();
        let poverty = data.public_indicator("poverty").expect("poverty");
        let block = data.index.block("poverty");
        let chosen = select_series(&block.series, "sex=female").expect("female");
        let view = series(&data, poverty, &block, chosen, Locale::En).expect("view");
        assert_eq!(view.slug, "sex=female");
        assert_eq!(view.label, "Sex: female");
        assert_eq!(
            view.selection,
            [Selected {
                dimension: "sex".into(),
                value: "female".into()
            }]
        );
        let periods: Vec<&str> = view.rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(periods, ["2015", "2016", "2017", "2018", "2019", "2020"]);
        assert_eq!(view.rows[5].value, "17.0");
        assert!(view.target_row.is_none(), "poverty has no target");
        let marks: Vec<Mark> = view.legend.iter().map(|l| l.mark).collect();
        assert_eq!(marks, [Mark::Observed, Mark::Baseline, Mark::Projection]);
        assert_eq!(
            view.baseline.as_deref(),
            Some("Baseline 2015: 21.0 % (catalogue)")
        );
        let status = view.status.expect("status");
        assert_ne!(status.status, ProgressStatus::NotAvailable);
        assert!(
            status
                .explanation
                .starts_with("From 21 in 2015 to 17 in 2020"),
            "{}",
            status.explanation
        );
        assert_eq!(
            view.narrative.as_deref(),
            Some(
                "Poverty (Sex: female): down from 21.0 % in 2015 to 17.0 % in 2020 (better). \
                 There is no target to measure the pace against."
            )
        );
        assert_eq!(view.history.len(), 1);
        assert_eq!(view.history[0].release, "r00001");
        assert_eq!(view.history[0].status, status.status);
    }
}
