//! A series counted under two Open SDG options: the group-by summaries equal
//! the struct path.

use super::*;

/// An Open SDG repository whose headline counts twice, under two base
/// years, with a `Progress` column, a one-point series and a series with
/// data only before 2015.
fn repository_counting_one_series_twice() -> tempfile::TempDir {
    let repo = temp();
    fs::create_dir_all(repo.path().join("data")).expect("data");
    fs::create_dir_all(repo.path().join("meta")).expect("meta");
    fs::write(
        repo.path().join("data/indicator_3-1-1.csv"),
        "Year,Sex,Value,Progress\n\
         2012,,20,\n2014,,19,30\n2016,,17,\n2017,,16.5,\n2019,,15,\n2021,,13.25,\n2022,,12,\n\
         2020,female,8,\n\
         2010,male,4,\n2013,male,5,\n",
    )
    .expect("data file");
    fs::write(
        repo.path().join("meta/3-1-1.md"),
        "---\nindicator_name: Mortality\nauto_progress_calculation: true\n\
         progress_calculation_options:\n\
         - direction: negative\n  base_year: 2016\n\
         - direction: negative\n  base_year: 2013\n  target: 10\n\
         - direction: negative\n  disaggregation:\n  - field: Sex\n    value: male\n---\n",
    )
    .expect("meta file");
    repo
}

#[test]
fn the_group_by_summaries_equal_the_struct_path_for_every_method() {
    let repos = [
        repository_with_a_value_before_the_base_year(),
        repository_counting_one_series_twice(),
    ];
    let mut dirs = vec![demo()];
    dirs.extend(repos.iter().map(|r| r.path().to_path_buf()));
    let mut counted_twice = false;
    for dir in &dirs {
        let report = open_dataset_columns(dir, &|_, _, _| {}).expect("dataset");
        assert_eq!(report.errors(), 0, "{:?}", report.problems);
        let with_structs = report.clone().with_observations();
        for &method in ProgressMethod::ALL {
            let by_group = compute_columns(&report.dataset.indicators, &report.frame, method)
                .expect("statuses");
            let by_structs = crate::statuses::compute(&with_structs.dataset, method);
            assert!(!by_group.series.is_empty());
            assert_eq!(by_group.series.len(), by_structs.series.len());
            // The trend's sums may be added in another order: the last bits
            // may differ; everything else is picked, so it is equal.
            let without_trends = |statuses: &crate::statuses::Statuses| {
                let mut series = statuses.series.clone();
                for s in &mut series {
                    s.trend = None;
                }
                series
            };
            for (a, b) in by_group.series.iter().zip(&by_structs.series) {
                match (a.trend, b.trend) {
                    (Some(a), Some(b)) => {
                        for (x, y) in [
                            (a.slope_per_year, b.slope_per_year),
                            (a.intercept, b.intercept),
                            (a.projected_value, b.projected_value),
                        ] {
                            assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{x} {y}");
                        }
                        assert_eq!(a.projected_year, b.projected_year);
                    }
                    (a, b) => assert_eq!(a.is_some(), b.is_some()),
                }
            }
            assert_eq!(
                without_trends(&by_group),
                without_trends(&by_structs),
                "{method}"
            );
            assert_eq!(by_group.indicators, by_structs.indicators, "{method}");
            counted_twice |= by_group.indicators.iter().any(|i| {
                i.counted.len() >= 2
                    && i.counted[0].dimensions == i.counted[1].dimensions
                    && i.counted[0].progress != i.counted[1].progress
            });
        }
    }
    assert!(
        counted_twice,
        "one series counted under two options, with two results"
    );
}
