//! "About these figures" and breaks in series, on the test city with a
//! break in 2018 in two of poverty's series.

use indicators::model::UpdateFrequency;
use indicators::Dataset;

use super::*;
use crate::ssr::{select_series, testing};
use crate::types::Mark;

/// The test city with quality facts and a break in poverty's total and
/// women's series in 2018; the dataset's licence CC BY 4.0.
fn city() -> DashboardData {
    let mut dataset: Dataset = testing::dataset();
    for o in &mut dataset.observations {
        let series = o.dimensions.slug();
        if o.indicator_id == "poverty"
            && o.period.year == 2018
            && (series == "total" || series == "sex=female")
        {
            o.flags = "b".into();
        }
    }
    let poverty = &mut dataset.indicators[0];
    poverty.owner = "Social Affairs Department".into();
    poverty.update_frequency = Some(UpdateFrequency::Annual);
    poverty.quality.proxy = true;
    poverty.quality.note = "Survey-based: ±2 points.".into();
    poverty
        .translations
        .entry("nl".into())
        .or_default()
        .quality_note = "Op basis van een enquête: ±2 punten.".into();
    let jobs = &mut dataset.indicators[1];
    jobs.source = "Labour office".into();
    jobs.quality.last_update = Some("2026-03-12".into());
    jobs.quality.next_update = Some("2027-03".into());
    jobs.quality.licence = Some("ODbL 1.0".into());
    let mut data = testing::data_of(dataset);
    data.licence = Some("CC BY 4.0".into());
    data
}

fn view_of(data: &DashboardData, id: &str, locale: Locale) -> QualityView {
    let indicator = data.public_indicator(id).expect("public");
    quality(data, indicator, &data.index.block(id).series, locale)
}

#[test]
fn a_proxy_with_breaks_and_no_dates_of_its_own_in_english() {
    let view = view_of(&city(), "poverty", Locale::En);
    assert!(view.proxy);
    assert_eq!(view.breaks, ["2018 (Total; Sex: female)"]);
    assert_eq!(
        view.last_update,
        "27 November 2026 (the date of this release)"
    );
    // Annual, latest period 2020: figures for 2021, due in 2022.
    assert_eq!(
        view.next_update,
        "figures for 2021 are expected in 2022 (annual figures, latest 2020)"
    );
    assert_eq!(view.note.text, "Survey-based: ±2 points.");
    assert_eq!(view.licence.as_deref(), Some("CC BY 4.0"), "the dataset's");
    assert_eq!(
        view.cite,
        "Social Affairs Department (2026). Poverty. Local Goals, release r00001 of \
         27 November 2026. /indicators/poverty"
    );
}

#[test]
fn catalogue_dates_and_licence_win_and_dutch_is_dutch() {
    let data = city();
    let jobs = view_of(&data, "jobs", Locale::En);
    assert!(!jobs.proxy && jobs.breaks.is_empty());
    assert_eq!(jobs.last_update, "12 March 2026");
    assert_eq!(jobs.next_update, "March 2027");
    assert_eq!(jobs.licence.as_deref(), Some("ODbL 1.0"));
    assert!(jobs.cite.starts_with("Labour office (2026). Jobs."));
    let nl = view_of(&data, "poverty", Locale::Nl);
    assert_eq!(nl.note.text, "Op basis van een enquête: ±2 punten.");
    assert_eq!(nl.note.fallback, None);
    assert_eq!(
        nl.next_update,
        "cijfers over 2021 worden verwacht in 2022 (jaarlijkse cijfers, laatste 2020)"
    );
    assert_eq!(
        nl.cite,
        "Social Affairs Department (2026). Poverty. Local Goals, release r00001 van \
         27 november 2026. /nl/indicators/poverty"
    );
    assert_eq!(
        view_of(&data, "jobs", Locale::Nl).last_update,
        "12 maart 2026"
    );
    // Without any licence: not stated.
    let mut bare = testing::data();
    bare.licence = None;
    assert_eq!(view_of(&bare, "poverty", Locale::En).licence, None);
}

#[test]
fn a_break_shows_in_the_table_legend_and_chart_and_sets_the_status() {
    let data = city();
    let poverty = data.public_indicator("poverty").expect("poverty");
    let block = data.index.block("poverty");
    let total = select_series(&block.series, "").expect("total");
    let view = crate::ssr::series::series(&data, poverty, &block, total, Locale::En).expect("view");
    let flags: Vec<&str> = view.rows.iter().map(|r| r.flags.as_str()).collect();
    assert_eq!(
        flags,
        [
            "",
            "",
            "",
            "b (break in series: not comparable with earlier years)",
            "",
            ""
        ]
    );
    assert!(view.legend.iter().any(|l| l.mark == Mark::SeriesBreak));
    assert!(
        view.chart_svg.contains("; a break in series in 2018"),
        "the chart's accessible name says so"
    );
    assert!(
        view.chart_svg.contains("series break"),
        "the marker's label"
    );
    // The baseline is the first year after the break, and says why.
    assert_eq!(
        view.baseline.as_deref(),
        Some("Baseline 2018: 17.6 % (first year after a break in series)")
    );
    let nl = crate::ssr::series::series(&data, poverty, &block, total, Locale::Nl).expect("view");
    assert_eq!(
        nl.rows[3].flags,
        "b (breuk in de reeks: niet vergelijkbaar met eerdere jaren)"
    );
}

#[test]
fn a_qualitative_indicator_has_no_line_on_breaks() {
    let data = crate::ssr::testing_rights::data();
    let office = data.public_indicator("office").expect("office");
    assert!(office.is_qualitative());
    let view = quality(&data, office, &[], Locale::En);
    assert!(!view.numbers);
    let poverty = view_of(&city(), "poverty", Locale::En);
    assert!(poverty.numbers);
}
