//! Charts: marks, labels, escaping and sizes.
use super::*;
use crate::format::Locale;
use indicators::model::{Dimensions, Direction, Period, Point, SeriesKey};

fn series(points: Vec<(i32, f64)>) -> Series {
    flagged_series(points.into_iter().map(|(y, v)| (y, v, "")).collect())
}

fn flagged_series(points: Vec<(i32, f64, &str)>) -> Series {
    Series {
        key: SeriesKey {
            indicator_id: "p".into(),
            dimensions: Dimensions::default(),
        },
        points: points
            .into_iter()
            .map(|(y, value, flags)| Point {
                period: Period::year(y),
                value,
                flags: flags.to_owned(),
                progress: None,
            })
            .collect(),
    }
}

fn plain<'a>(series: &'a Series, title: &'a str) -> LineChart<'a> {
    LineChart {
        series,
        unit: "%",
        title,
        locale: Locale::En,
        baseline: None,
        target: None,
        projection: None,
        years: None,
    }
}

fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// The trimmed text of every `<text>` element.
fn text_contents(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find('>')? + 1;
            let end = rest.find("</text>")?;
            Some(rest.get(start..end)?.trim().to_owned())
        })
        .collect()
}

/// `<tag ...>` elements whose attributes mention `colour`.
fn elements_in(svg: &str, tag: &str, colour: RGBColor) -> usize {
    let colour = hex(colour);
    svg.split(&format!("<{tag}"))
        .skip(1)
        .filter(|el| {
            el.split('>')
                .next()
                .is_some_and(|attrs| attrs.to_uppercase().contains(&colour))
        })
        .count()
}

#[test]
fn chart_is_an_svg_with_title_line_and_one_marker_per_year() {
    let s = series(vec![(2019, 12.0), (2020, 11.5), (2021, 10.9)]);
    let svg = line_chart_svg(&plain(&s, "Poverty <all>")).expect("chart");
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title>Poverty &lt;all&gt;</title>"));
    assert_eq!(
        elements_in(&svg, "circle", palette::SERIES),
        3,
        "one marker per observation"
    );
    let labels = text_contents(&svg);
    assert!(
        labels.iter().any(|l| l == "2020"),
        "year labels on the x axis: {labels:?}"
    );
    assert!(
        labels.iter().any(|l| l == "%"),
        "unit on the y axis: {labels:?}"
    );
}

#[test]
fn baseline_target_and_projection_are_drawn_and_widen_the_axis_to_the_target_year() {
    let s = series(vec![(2015, 20.0), (2016, 19.0), (2017, 18.5)]);
    let svg = line_chart_svg(&LineChart {
        baseline: Some((2015, 20.0)),
        target: Some((2030, 10.0)),
        projection: Some([(2017, 18.5), (2030, 12.0)]),
        years: None,
        ..plain(&s, "t")
    })
    .expect("chart");
    assert_eq!(
        elements_in(&svg, "polygon", palette::BASELINE),
        1,
        "baseline diamond"
    );
    assert!(
        elements_in(&svg, "polyline", palette::TARGET) + elements_in(&svg, "line", palette::TARGET)
            >= 2,
        "dashed target line (several dashes)"
    );
    assert!(
        elements_in(&svg, "polygon", palette::TARGET) >= 1,
        "target year marker"
    );
    let labels = text_contents(&svg);
    assert!(
        labels
            .iter()
            .any(|l| l == "2030" || l == "2029" || l == "2028"),
        "axis reaches the target year: {labels:?}"
    );
}

#[test]
fn flagged_values_get_a_ring() {
    let s = flagged_series(vec![(2019, 1.0, ""), (2020, 2.0, "p"), (2021, 3.0, "e")]);
    let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
    assert_eq!(elements_in(&svg, "circle", palette::FLAGGED), 2);
}

#[test]
fn axis_numbers_follow_the_locale() {
    let s = series(vec![(2019, 1200.0), (2020, 1500.0)]);
    let en = text_contents(&line_chart_svg(&plain(&s, "t")).expect("chart"));
    assert!(en.iter().any(|l| l.contains(",") && l.len() >= 5), "{en:?}");
    let de = text_contents(
        &line_chart_svg(&LineChart {
            locale: Locale::De,
            ..plain(&s, "t")
        })
        .expect("chart"),
    );
    assert!(de.iter().any(|l| l.contains(".") && l.len() >= 5), "{de:?}");
}

#[test]
fn empty_series_is_an_error_not_a_blank_chart() {
    let s = series(vec![]);
    assert!(matches!(
        line_chart_svg(&plain(&s, "t")),
        Err(ChartError::Empty)
    ));
    assert!(matches!(sparkline_svg(&s, None), Err(ChartError::Empty)));
    assert!(matches!(
        bar_chart_svg(&[], None, "%", 1, Locale::En, "t"),
        Err(ChartError::Empty)
    ));
}

#[test]
fn a_missing_year_breaks_the_line() {
    let s = series(vec![(2019, 1.0), (2020, 2.0), (2022, 3.0), (2023, 2.0)]);
    let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
    assert_eq!(
        elements_in(&svg, "polyline", palette::SERIES),
        2,
        "two runs: 2019-2020 and 2022-2023"
    );
}

#[test]
fn single_year_still_draws_its_marker() {
    let s = series(vec![(2020, 3.0)]);
    let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
    assert_eq!(elements_in(&svg, "circle", palette::SERIES), 1);
}

#[test]
fn bar_chart_has_one_bar_and_one_label_per_district() {
    let bars = vec![
        Bar {
            label: "Altstadt".to_owned(),
            value: 45.25,
            flags: String::new(),
        },
        Bar {
            label: "Nord <b>".to_owned(),
            value: 1234.5,
            flags: String::new(),
        },
    ];
    let svg = bar_chart_svg(&bars, Some(40.0), "%", 1, Locale::En, "by district").expect("chart");
    assert_eq!(elements_in(&svg, "rect", palette::SERIES), 2);
    let labels = text_contents(&svg);
    assert!(labels.iter().any(|l| l == "Altstadt"), "{labels:?}");
    assert!(
        labels.iter().any(|l| l == "Nord &lt;b&gt;"),
        "labels are escaped text: {labels:?}"
    );
    assert!(labels.iter().any(|l| l == "1,234.5"), "{labels:?}");
    assert!(
        elements_in(&svg, "polyline", palette::REFERENCE)
            + elements_in(&svg, "line", palette::REFERENCE)
            >= 1
    );
}

#[test]
fn sparkline_is_small_and_hidden_from_screen_readers() {
    let s = series(vec![(2015, 3.0), (2016, 2.0), (2017, 2.5)]);
    let svg = sparkline_svg(&s, Some(2015)).expect("sparkline");
    assert!(svg.contains("aria-hidden=\"true\""));
    assert!(svg.contains("width=\"120\""));
    assert_eq!(elements_in(&svg, "circle", palette::BASELINE), 1);
    assert!(text_contents(&svg).is_empty(), "no axes or labels");
}

#[test]
fn caption_names_series_years_and_unit() {
    let indicator = Indicator::new("p", "Poverty", "%", Direction::Lower, &["1.2"]);
    assert_eq!(
        caption(
            &indicator,
            &series(vec![(2012, 1.0), (2025, 2.0)]),
            Locale::En,
            "Total"
        ),
        "Poverty — Total, 2012–2025 (%)"
    );
}

#[test]
fn a_break_in_series_splits_the_line_and_is_marked_and_labelled() {
    let s = flagged_series(vec![
        (2018, 1.0, ""),
        (2019, 2.0, ""),
        (2020, 5.0, "b"),
        (2021, 6.0, ""),
    ]);
    let svg = line_chart_svg(&plain(&s, "t")).expect("chart");
    assert_eq!(
        elements_in(&svg, "polyline", palette::SERIES),
        2,
        "2018–2019 and 2020–2021, nothing drawn across the break"
    );
    assert!(
        elements_in(&svg, "polyline", palette::MUTED) + elements_in(&svg, "line", palette::MUTED)
            >= 2,
        "a dashed vertical line (several dashes)"
    );
    let labels = text_contents(&svg);
    assert_eq!(
        labels.iter().filter(|l| *l == "series break").count(),
        1,
        "{labels:?}"
    );
    // A `b` on the first point breaks from nothing: no marker.
    let first = flagged_series(vec![(2018, 1.0, "b"), (2019, 2.0, "")]);
    let svg = line_chart_svg(&plain(&first, "t")).expect("chart");
    assert!(!text_contents(&svg).iter().any(|l| l == "series break"));
    assert_eq!(elements_in(&svg, "polyline", palette::SERIES), 1);
    let nl = line_chart_svg(&LineChart {
        locale: Locale::Nl,
        ..plain(&s, "t")
    })
    .expect("chart");
    assert!(text_contents(&nl).iter().any(|l| l == "breuk in reeks"));
}
