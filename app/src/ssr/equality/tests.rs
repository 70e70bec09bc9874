//! The `/equality` lists and the rights-area section on the small test
//! city, with groups and one more indicator, by content.

use indicators::model::{GroupMapping, SourceRef};
use indicators::progress::ProgressMethod;
use indicators::release::{ReleaseStatuses, SeriesStatus};
use indicators::statuses::compute;
use indicators::{AreaKind, Dimensions, Direction, Indicator, Observation, Period};

use super::*;
use crate::ssr::testing;

fn mapping(dimension: &str, value: &str, group: &str, nl: &str) -> GroupMapping {
    GroupMapping {
        dimension: dimension.into(),
        value: value.into(),
        group: group.into(),
        language: "en".into(),
        translations: [("nl".to_owned(), nl.to_owned())].into(),
        source: SourceRef::default(),
    }
}

fn observation(year: i32, dims: &[(&str, &str)], value: f64) -> Observation {
    Observation {
        indicator_id: "employment".into(),
        period: Period::year(year),
        dimensions: Dimensions::new(dims.iter().copied()),
        value,
        flags: String::new(),
        progress: None,
        source: SourceRef::default(),
    }
}

/// The test city, its groups, and `employment` (higher is better): the
/// city 70 → 72, women 60 → 58, older persons 65 → 62 (2015–2020).
///
/// Latest relative gaps (2020): poverty Nord 4 / 16 = 25 %, employment
/// women −14 / 72 = −19.4 %, employment older −10 / 72 = −13.9 %, poverty
/// women 1 / 16 = 6.25 %; the internal `secret`'s Ost 1 / 10 = 10 % would
/// rank third. Paces: older (13.89 − 7.14) / 5 = 1.35, women (19.4 − 14.3)
/// / 5 = 1.03 points a year; poverty women is unchanged, Nord narrowing.
fn data() -> DashboardData {
    let mut dataset = testing::dataset();
    let mut employment =
        Indicator::new("employment", "Employment", "%", Direction::Higher, &["8.5"]);
    employment.rights_areas = vec!["housing".into()];
    dataset.indicators.push(employment);
    for (i, year) in (2015..=2020).enumerate() {
        let s = i as f64;
        dataset
            .observations
            .push(observation(year, &[], 70.0 + 0.4 * s));
        dataset
            .observations
            .push(observation(year, &[("sex", "female")], 60.0 - 0.4 * s));
        dataset
            .observations
            .push(observation(year, &[("age", "65+")], 65.0 - 0.6 * s));
    }
    dataset.observations.sort_by(|a, b| {
        (&a.indicator_id, &a.dimensions, &a.period).cmp(&(
            &b.indicator_id,
            &b.dimensions,
            &b.period,
        ))
    });
    dataset.supplements.groups = vec![
        mapping("sex", "female", "women", "vrouwen"),
        mapping("sex", "male", "men", "mannen"),
        mapping("age", "65+", "older persons", "ouderen"),
        mapping("district", "Nord", "residents of Nord", "inwoners van Nord"),
        mapping("district", "Süd", "residents of Süd", "inwoners van Süd"),
        mapping("district", "Ost", "residents of Ost", "inwoners van Ost"),
    ];
    let statuses = compute(&dataset, ProgressMethod::OpenSdg);
    let release = ReleaseStatuses {
        id: "r00001".into(),
        created_unix: testing::PUBLISHED_UNIX,
        series: statuses.series.iter().map(SeriesStatus::from).collect(),
    };
    DashboardData::new(dataset, statuses, &[release], "r00001")
}

fn rows(rows: &[GapRow]) -> Vec<(&str, &str)> {
    rows.iter()
        .map(|r| (r.indicator_id.as_str(), r.group.text.as_str()))
        .collect()
}

#[test]
fn the_widest_gaps_come_first_and_only_groups_behind_are_listed() {
    let view = equality(&data(), Locale::En);
    assert_eq!(
        rows(&view.widest),
        [
            ("poverty", "residents of Nord"),
            ("employment", "women"),
            ("employment", "older persons"),
            ("poverty", "women"),
        ],
        "men and Süd are ahead; secret is internal; by-sex-only has no headline"
    );
    let first = &view.widest[0];
    assert_eq!(first.period, "2020");
    assert_eq!(first.group_value, "20.0 %");
    assert_eq!(first.city_value, "16.0 %");
    assert_eq!(first.gap, "+4.0 %");
    assert_eq!(first.relative.as_deref(), Some("+25.0 %"));
    assert_eq!(first.trend, Some(GapTrend::Narrowing));
    assert_eq!(first.trend_text, "narrowing since 2015 (5.0 → 4.0)");
    assert_eq!(first.series_query, "district=Nord");
    // poverty (4 groups) and employment (2): the internal Ost is not counted.
    assert_eq!((view.gaps, view.behind, view.indicators), (6, 4, 2));
}

#[test]
fn the_fastest_widening_gaps_come_first() {
    let view = equality(&data(), Locale::En);
    assert_eq!(
        rows(&view.widening),
        [("employment", "older persons"), ("employment", "women")]
    );
    assert_eq!(view.widening[0].pace.as_deref(), Some("+1.3 points a year"));
    assert_eq!(view.widening[1].pace.as_deref(), Some("+1.0 points a year"));
    assert_eq!(
        view.widening[1].trend_text,
        "widening since 2015 (10.0 → 14.0)"
    );
}

#[test]
fn group_names_and_words_follow_the_page_language() {
    let view = equality(&data(), Locale::Nl);
    assert_eq!(view.widest[1].group.text, "vrouwen");
    assert_eq!(view.widest[1].gap, "−14,0 %");
    assert_eq!(view.widest[1].trend_text, "groter sinds 2015 (10,0 → 14,0)");
}

#[test]
fn a_rights_area_lists_its_public_indicators_groups_behind() {
    let data = data();
    let housing = data.area(AreaKind::Rights, "housing").expect("housing");
    let gaps = area_gaps(&data, housing, Locale::En);
    assert_eq!(
        rows(&gaps),
        [
            ("poverty", "residents of Nord"),
            ("employment", "women"),
            ("employment", "older persons"),
            ("poverty", "women"),
        ],
        "secret maps to housing too, but is internal"
    );
    let social = data.area(AreaKind::Policy, "social").expect("social");
    assert!(area_gaps(&data, social, Locale::En).is_empty());
}

#[test]
fn the_indicator_page_has_a_figure_per_dimension_with_groups() {
    let data = data();
    let poverty = data.public_indicator("poverty").expect("poverty");
    let block = data.index.block("poverty");
    let figures = crate::ssr::gap_figure::gap_figures(&data, poverty, &block.series, Locale::En);
    let dimensions: Vec<&str> = figures.iter().map(|f| f.dimension.as_str()).collect();
    assert_eq!(dimensions, ["District", "Sex"]);
    let district = &figures[0];
    let columns: Vec<&str> = district.columns.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(columns, ["residents of Nord", "residents of Süd"]);
    assert_eq!(
        district.periods[0],
        (
            "2015".to_owned(),
            vec!["+5.0".to_owned(), "−5.0".to_owned()]
        )
    );
    assert_eq!(
        district.periods[5],
        (
            "2020".to_owned(),
            vec!["+4.0".to_owned(), "−6.0".to_owned()]
        )
    );
    assert!(district.svg.contains(
        "<desc>residents of Nord: 2015 +5.0, 2016 +4.8, 2017 +4.6, 2018 +4.4, 2019 +4.2, 2020 +4.0; \
         residents of Süd: 2015 −5.0"
    ));
    let legend: Vec<&str> = district
        .legend
        .iter()
        .map(|(_, t)| t.text.as_str())
        .collect();
    assert_eq!(
        legend,
        [
            "residents of Nord",
            "residents of Süd",
            "0: the same as the whole city"
        ],
        "no flagged value, no ring in the legend"
    );
    let standings: Vec<Standing> = district.rows.iter().map(|r| r.standing).collect();
    assert_eq!(standings, [Standing::Behind, Standing::Ahead]);
    let secret = crate::ssr::gap_figure::gap_figures(
        &data,
        testing::dataset().indicator("secret").expect("secret"),
        &data.index.block("secret").series,
        Locale::En,
    );
    assert!(
        secret.is_empty(),
        "the index gives no series of an internal indicator"
    );
}
