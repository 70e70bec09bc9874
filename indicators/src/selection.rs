//! Which series make an indicator's status, and with which progress options:
//! the rule `localgoals build` applies (see `docs/methodology.md`, "Which
//! series count"). One place, so the build, the pages and the conformance
//! tests cannot disagree.

use crate::model::{CountedSeries, Dimensions, Indicator, ProgressOptions, Series};
use crate::summary::options_for;

/// Columns that pick a series rather than disaggregate it (sdg-build's
/// `series_column` and `unit_column`): a row with only these set is headline.
pub const SELECTOR_COLUMNS: [&str; 2] = ["Series", "Units"];

/// One series that counts toward an indicator's status.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted<'a> {
    /// `None` where an Open SDG entry selects rows that have no values: it
    /// counts as "not available", as in sdg-build.
    pub series: Option<&'a Series>,
    pub options: ProgressOptions,
    /// How production names it: for Open SDG sdg-build's series tag (`id /
    /// series / unit / disaggregation values`), else the series' slug.
    pub tag: String,
}

/// The series of `indicator` (`series`, as [`crate::Dataset::series_of`] gives
/// them) whose scores make its status. `first_line` orders series as the
/// data file lists them, for the one case where a choice is left open.
pub fn counted_series<'a>(
    indicator: &Indicator,
    series: &'a [Series],
    first_line: impl Fn(&Dimensions) -> usize,
) -> Vec<Counted<'a>> {
    let plain = |s: &'a Series| Counted {
        series: Some(s),
        options: options_for(indicator),
        tag: s.key.dimensions.slug(),
    };
    match &indicator.counted_series {
        CountedSeries::Off => Vec::new(),
        CountedSeries::Headline => {
            let headline: Vec<Counted<'a>> = series
                .iter()
                .filter(|s| s.key.dimensions.is_headline())
                .map(plain)
                .collect();
            if headline.is_empty() {
                series.iter().map(plain).collect()
            } else {
                headline
            }
        }
        CountedSeries::Named { slugs } => series
            .iter()
            .filter(|s| slugs.contains(&s.key.dimensions.slug()))
            .map(plain)
            .collect(),
        CountedSeries::OpenSdgOptions => {
            let entries = if indicator.progress_options.is_empty() {
                // sdg-build: no options = one entry with the defaults.
                vec![ProgressOptions::default()]
            } else {
                indicator.progress_options.clone()
            };
            entries
                .into_iter()
                .map(|options| Counted {
                    series: open_sdg_series(series, &options, &first_line),
                    tag: open_sdg_tag(&indicator.id, &options),
                    options,
                })
                .collect()
        }
    }
}

/// sdg-build's filter for one entry of `progress_calculation_options`:
/// the entry's unit, series and each disaggregation field narrow the rows
/// (a column no series has, or an empty value, narrows nothing, as in
/// sdg-build; a value no series with data has leaves nothing, as sdg-build's
/// rows without values do); without a disaggregation, the headline (no
/// dimension besides `Series` and `Units`). sdg-build stops the build when
/// more than one series is left; Local Goals takes the one the file lists
/// first.
fn open_sdg_series<'a>(
    series: &'a [Series],
    options: &ProgressOptions,
    first_line: &impl Fn(&Dimensions) -> usize,
) -> Option<&'a Series> {
    let mut left: Vec<&'a Series> = series.iter().collect();
    let mut narrow = |column: &str, value: Option<&str>| {
        let Some(value) = value else { return };
        if series
            .iter()
            .any(|s| s.key.dimensions.get(column).is_some())
        {
            left.retain(|s| s.key.dimensions.get(column) == Some(value));
        }
    };
    narrow("Units", options.unit.as_deref());
    narrow("Series", options.series.as_deref());
    if options.disaggregation.is_empty() {
        left.retain(|s| {
            s.key
                .dimensions
                .pairs()
                .iter()
                .all(|(k, _)| SELECTOR_COLUMNS.contains(&k.as_str()))
        });
    } else {
        for (field, value) in &options.disaggregation {
            narrow(field, value.as_deref());
        }
    }
    left.into_iter()
        .min_by_key(|s| first_line(&s.key.dimensions))
}

/// sdg-build's series tag: the indicator id, then the entry's series, unit
/// and disaggregation values, joined by ` / `.
fn open_sdg_tag(id: &str, options: &ProgressOptions) -> String {
    let mut parts = vec![id];
    parts.extend(options.series.as_deref());
    parts.extend(options.unit.as_deref());
    // An empty value is written as Python writes None.
    parts.extend(
        options
            .disaggregation
            .iter()
            .map(|(_, v)| v.as_deref().unwrap_or("None")),
    );
    parts.join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Period, Point, SeriesKey};

    fn series(pairs: &[(&str, &str)]) -> Series {
        Series {
            key: SeriesKey {
                indicator_id: "x".into(),
                dimensions: Dimensions::new(pairs.iter().copied()),
            },
            points: vec![Point {
                period: Period::year(2020),
                value: 1.0,
                flags: String::new(),
                progress: None,
            }],
        }
    }

    fn slugs(counted: &[Counted<'_>]) -> Vec<String> {
        counted
            .iter()
            .map(|c| c.series.map_or("none".into(), |s| s.key.dimensions.slug()))
            .collect()
    }

    fn indicator(rule: CountedSeries) -> Indicator {
        let mut i = Indicator::new("x", "X", "%", Direction::Lower, &["1.2"]);
        i.counted_series = rule;
        i
    }

    #[test]
    fn a_city_counts_the_headline_else_every_series_else_what_it_names() {
        let all = [series(&[]), series(&[("district", "Nord")])];
        let no_line = |_: &Dimensions| 0;
        let headline = counted_series(&indicator(CountedSeries::Headline), &all, no_line);
        assert_eq!(slugs(&headline), ["total"]);
        let districts = counted_series(&indicator(CountedSeries::Headline), &all[1..], no_line);
        assert_eq!(slugs(&districts), ["district=Nord"]);
        let named = CountedSeries::Named {
            slugs: vec!["district=Nord".into()],
        };
        assert_eq!(
            slugs(&counted_series(&indicator(named), &all, no_line)),
            ["district=Nord"]
        );
        assert!(counted_series(&indicator(CountedSeries::Off), &all, no_line).is_empty());
    }

    #[test]
    fn open_sdg_headline_ignores_a_units_column_and_each_entry_gives_a_series() {
        // Canada 1-4-1: every row has the same Units, so the headline is the
        // row without any other dimension.
        let all = [
            series(&[("Units", "Percentage")]),
            series(&[("Sex", "Female"), ("Units", "Percentage")]),
            series(&[("Sex", "Male"), ("Units", "Percentage")]),
        ];
        let mut i = indicator(CountedSeries::OpenSdgOptions);
        let no_line = |_: &Dimensions| 0;
        assert_eq!(
            slugs(&counted_series(&i, &all, no_line)),
            ["Units=Percentage"]
        );
        i.progress_options = ["Female", "Male", "Nobody"]
            .iter()
            .map(|sex| ProgressOptions {
                target: Some(1.0),
                disaggregation: vec![("Sex".into(), Some((*sex).into()))],
                ..ProgressOptions::default()
            })
            .collect();
        let counted = counted_series(&i, &all, |d: &Dimensions| d.pairs().len());
        // "Nobody" has no data: the entry counts, with nothing to compute.
        assert_eq!(
            slugs(&counted),
            [
                "Sex=Female;Units=Percentage",
                "Sex=Male;Units=Percentage",
                "none"
            ]
        );
        // A column no series has narrows nothing: the file's first series.
        i.progress_options[2].disaggregation = vec![("Age".into(), Some("65+".into()))];
        let counted = counted_series(&i, &all, |d: &Dimensions| d.pairs().len());
        assert_eq!(slugs(&counted)[2], "Units=Percentage");
        assert_eq!(counted[0].tag, "x / Female");
        assert_eq!(counted[0].options.target, Some(1.0));
    }
}
