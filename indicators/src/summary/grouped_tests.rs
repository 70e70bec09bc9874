//! The group-by's picks against the struct path's.

use super::*;
use crate::model::{Period, Point};

/// A sorted frame of `series`, each (indicator, dimensions, points).
fn frame(series: &[(&str, &str, Vec<Point>)]) -> DataFrame {
    let rows: Vec<(&str, &str, &Point)> = series
        .iter()
        .flat_map(|(id, dims, points)| points.iter().map(move |p| (*id, *dims, p)))
        .collect();
    let n = rows.len();
    let text = |f: &dyn Fn(&(&str, &str, &Point)) -> String| -> Vec<String> {
        rows.iter().map(f).collect()
    };
    DataFrame::new(
        n,
        vec![
            Column::new(c::INDICATOR.into(), text(&|r| r.0.to_owned())),
            Column::new(
                c::YEAR.into(),
                rows.iter().map(|r| r.2.period.year).collect::<Vec<_>>(),
            ),
            Column::new(c::PERIOD.into(), text(&|r| r.2.period.label.clone())),
            Column::new(c::DIMENSIONS.into(), text(&|r| r.1.to_owned())),
            Column::new(
                c::VALUE.into(),
                rows.iter().map(|r| r.2.value).collect::<Vec<_>>(),
            ),
            Column::full_null(c::TEXT.into(), n, &DataType::String),
            Column::new(c::FLAGS.into(), text(&|r| r.2.flags.clone())),
            Column::new(
                c::PROGRESS.into(),
                rows.iter().map(|r| r.2.progress).collect::<Vec<_>>(),
            ),
            Column::new(c::SOURCE_FILE.into(), text(&|_| "f.csv".to_owned())),
            Column::new(c::SOURCE_LINE.into(), (0..n as u64).collect::<Vec<_>>()),
        ],
    )
    .expect("frame")
}

fn point(year: i32, value: f64, progress: Option<f64>) -> Point {
    Point {
        period: Period {
            year,
            label: format!("{year}/{}", year + 1),
        },
        value,
        flags: if year % 2 == 0 {
            "p".into()
        } else {
            String::new()
        },
        progress,
    }
}

#[test]
fn the_group_by_picks_what_the_struct_path_picks_with_points_that_are_not_usable() {
    let yearly = |from: i32, to: i32| -> Vec<Point> {
        (from..=to)
            .map(|y| point(y, f64::from(y - 2000) * 1.5, None))
            .collect()
    };
    let mut unusable = yearly(2012, 2022);
    unusable[0].progress = Some(f64::NAN);
    unusable[4].value = f64::INFINITY;
    unusable[10].progress = Some(f64::NAN);
    let mut none_usable = yearly(2016, 2017);
    for p in &mut none_usable {
        p.value = f64::NAN;
    }
    let series = vec![
        ("a", "[]", yearly(2010, 2024)),
        (
            "a",
            "[[\"sex\",\"female\"]]",
            vec![point(2020, 3.0, Some(4.0))],
        ),
        ("a", "[[\"sex\",\"male\"]]", unusable),
        ("b", "[]", yearly(2005, 2013)),
        ("b", "[[\"d\",\"x\"]]", none_usable),
        (
            "c",
            "[]",
            vec![
                point(2015, 1.0, None),
                point(2019, 2.0, None),
                point(2021, 3.0, None),
            ],
        ),
    ];
    // Breaks: the last segment is summarised; one on the first point, or
    // the latest, is picked the same way too.
    let mut broken = yearly(2012, 2022);
    broken[3].flags = "b".into();
    broken[7].flags = "be".into();
    broken[8].progress = Some(f64::NAN);
    let mut first_broken = yearly(2014, 2016);
    first_broken[0].flags = "b".into();
    let mut latest_broken = yearly(2014, 2016);
    latest_broken[2].flags = "b".into();
    let series: Vec<_> = series
        .into_iter()
        .chain([
            ("d", "[]", broken),
            ("e", "[]", first_broken),
            ("f", "[]", latest_broken),
        ])
        .collect();
    let frame = frame(&series);
    let runs = SeriesRuns::of(&frame).expect("runs");
    assert_eq!(runs.len(), series.len());
    let base = [2016, 2015, 2015, 2015, 2030, 2015, 2015, 2010, 2015];
    for eurostat in [false, true] {
        let aggregated = Aggregated::of(&frame, &runs, &base, eurostat).expect("group-by");
        for (run, (_, _, points)) in series.iter().enumerate() {
            let mut expected = Picks::of_points(points, Some(base[run]));
            if !eurostat {
                expected.eurostat_base = None;
            }
            let got = aggregated.picks(run);
            let strip = |p: Picks<'_>| -> String {
                let blank = |p: Option<PointRef<'_>>| {
                    p.map(|p| (p.year, p.label.to_owned(), p.value.to_bits()))
                };
                format!(
                    "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {:?}",
                    blank(p.first),
                    blank(p.from_base),
                    p.latest,
                    p.previous,
                    p.usable_first,
                    p.usable_from_base,
                    p.usable_last,
                    p.eurostat_base,
                    p.line.n,
                    p.break_year
                )
            };
            assert_eq!(
                strip(got),
                strip(expected),
                "run {run}, eurostat {eurostat}"
            );
            for (a, b) in [
                (got.line.mean_x, expected.line.mean_x),
                (got.line.mean_y, expected.line.mean_y),
                (got.line.sxx, expected.line.sxx),
                (got.line.sxy, expected.line.sxy),
            ] {
                assert!(
                    a == b || (a - b).abs() <= 1e-9 * b.abs().max(1.0) || a.is_nan() && b.is_nan(),
                    "run {run}: {a} against {b}"
                );
            }
        }
    }
}
