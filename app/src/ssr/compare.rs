//! `/compare`: up to four public indicators side by side, each chart on the
//! same years and, when a district is chosen, each indicator's series for
//! that district (the whole city where it has none).

use indicators::progress::DEFAULT_TARGET_YEAR;
use indicators::summary::options_for;
use indicators::{Indicator, Series};

use super::index::default_series;
use super::DashboardData;
use crate::chart;
use crate::error::AppError;
use crate::format;
use crate::i18n::{tr, Locale};
use crate::types::{Choice, CompareView, ComparedView, TableRow};
use crate::words;

/// The comparison of `chosen` (public indicators the server function found,
/// in the order asked), for `district` if given.
pub fn compare(
    data: &DashboardData,
    chosen: &[&Indicator],
    district: Option<&str>,
    locale: Locale,
) -> Result<CompareView, AppError> {
    let code = locale.code();
    let blocks: Vec<_> = chosen.iter().map(|i| data.index.block(&i.id)).collect();
    let mut districts: Vec<String> = blocks
        .iter()
        .flat_map(|b| b.series.iter())
        .filter_map(|s| s.key.dimensions.district().map(str::to_owned))
        .collect();
    districts.sort();
    districts.dedup();
    let district = district.filter(|d| districts.iter().any(|x| x == d));
    let shown: Vec<(Option<&Series>, bool)> = blocks
        .iter()
        .map(|block| {
            let own = district.and_then(|d| {
                block.series.iter().find(|s| {
                    s.key.dimensions.pairs().len() == 1 && s.key.dimensions.district() == Some(d)
                })
            });
            match own {
                Some(series) => (Some(series), false),
                None => (default_series(&block.series), district.is_some()),
            }
        })
        .collect();
    // One span of years for every chart (the targets' years included), so
    // the same year sits at the same place in each.
    let target_years = chosen.iter().filter_map(|i| {
        let options = options_for(i);
        options
            .target
            .map(|_| options.target_year.unwrap_or(DEFAULT_TARGET_YEAR))
    });
    let years = shown
        .iter()
        .filter_map(|(s, _)| *s)
        .flat_map(|s| [s.points.first(), s.points.last()])
        .flatten()
        .map(|p| p.period.year)
        .chain(target_years)
        .fold(None, |span: Option<(i32, i32)>, year| {
            Some(span.map_or((year, year), |(a, b)| (a.min(year), b.max(year))))
        });
    let mut items = Vec::new();
    for ((indicator, block), (series, district_missing)) in chosen.iter().zip(&blocks).zip(shown) {
        let title = super::text(indicator.localized_title(code), locale);
        let Some(series) = series else {
            items.push(ComparedView {
                id: indicator.id.clone(),
                title,
                status: data.index.status_of(&indicator.id),
                label: String::new(),
                chart_svg: String::new(),
                caption: String::new(),
                value_header: String::new(),
                rows: Vec::new(),
                district_missing,
            });
            continue;
        };
        let label = words::series_label(locale, &data.labels, &series.key.dimensions);
        let summary = block.summary(&series.key.dimensions);
        let decimals = usize::from(indicator.decimals);
        let options = options_for(indicator);
        let chart_title = tr(
            locale,
            "chart-title",
            &[
                ("title", title.text.clone().into()),
                ("series", label.clone().into()),
            ],
        );
        let chart_svg = chart::line_chart_svg(&chart::LineChart {
            series,
            unit: &indicator.unit,
            title: &chart_title,
            locale,
            baseline: summary
                .and_then(|s| s.baseline.as_ref())
                .map(|b| (b.year, b.value)),
            target: options
                .target
                .map(|t| (options.target_year.unwrap_or(DEFAULT_TARGET_YEAR), t)),
            projection: None,
            years,
        })
        .map_err(|err| {
            tracing::error!(indicator = %indicator.id, %err, "comparison chart failed");
            AppError::Internal
        })?;
        items.push(ComparedView {
            id: indicator.id.clone(),
            status: summary
                .map(|s| s.progress.status)
                .or_else(|| data.index.status_of(&indicator.id)),
            caption: chart::caption(indicator, series, locale, &label),
            value_header: tr(
                locale,
                "col-value",
                &[("unit", indicator.unit.clone().into())],
            ),
            rows: series
                .points
                .iter()
                .map(|p| TableRow {
                    period: p.period.label.clone(),
                    value: format::number(p.value, decimals, locale),
                    flags: p.flags.clone(),
                })
                .collect(),
            title,
            label,
            chart_svg,
            district_missing,
        });
    }
    Ok(CompareView {
        items,
        years,
        districts,
        district: district.map(str::to_owned),
        choices: data
            .public
            .indicators
            .iter()
            // Statements have no chart to compare.
            .filter(|i| !i.is_qualitative())
            .map(|i| Choice {
                value: i.id.clone(),
                label: i.localized_title(code).text.to_owned(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing;

    #[test]
    fn charts_share_the_years_and_the_district_where_each_has_it() {
        let data = testing::data();
        let poverty = data.public_indicator("poverty").expect("poverty");
        let jobs = data.public_indicator("jobs").expect("jobs");
        let view = compare(&data, &[poverty, jobs], None, Locale::En).expect("view");
        assert_eq!(view.items.len(), 2);
        let (from, to) = view.years.expect("years");
        for item in &view.items {
            assert!(item.chart_svg.starts_with("<svg"), "{}", item.id);
            assert_eq!(item.label, "Total");
        }
        assert!(from < to);
        assert!(view.districts.contains(&"Nord".to_owned()));
        let by_district = compare(&data, &[poverty, jobs], Some("Nord"), Locale::En).expect("view");
        assert_eq!(by_district.district.as_deref(), Some("Nord"));
        assert!(
            by_district.items[0].label.ends_with("Nord"),
            "{}",
            by_district.items[0].label
        );
        assert!(!by_district.items[0].district_missing);
        assert!(
            by_district.items[1].district_missing,
            "jobs has no district series: the whole city is shown"
        );
        let unknown = compare(&data, &[poverty], Some("Atlantis"), Locale::En).expect("view");
        assert_eq!(
            unknown.district, None,
            "a district nobody reports is ignored"
        );
        assert!(
            !view.choices.iter().any(|c| c.value == "secret"),
            "the pickers offer public indicators only"
        );
    }

    #[test]
    fn the_pickers_leave_out_qualitative_indicators() {
        let data = crate::ssr::testing_rights::data();
        let any = data
            .public
            .indicators
            .iter()
            .find(|i| !i.is_qualitative())
            .expect("a quantitative indicator");
        let view = compare(&data, &[any], None, Locale::En).expect("view");
        assert!(view.choices.iter().any(|c| c.value == any.id));
        assert!(
            !view.choices.iter().any(|c| c.value == "office"),
            "statements have no chart to compare"
        );
    }
}
