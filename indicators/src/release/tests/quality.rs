//! The dataset's licence and breaks in series through a release.

use super::*;

#[test]
fn a_break_in_series_decides_the_status_whichever_way_the_release_is_built() {
    // Higher is better. 40 → 60 over 2014–2021 rises; from the break in
    // 2019 (80 → 60) it falls: deterioration, on either build path.
    let dataset = dataset_choosing("open-sdg");
    fs::write(
        dataset.path().join("settings.csv"),
        "key,value\nprogress_method,open-sdg\nlicence,CC BY 4.0\n",
    )
    .expect("settings");
    let rows = "indicator,year,value,flag\nshare,2014,40,\nshare,2016,44,\nshare,2018,48,p\n\
                share,2019,80,b\nshare,2020,70,\nshare,2021,60,\n";
    fs::write(dataset.path().join("observations/share.csv"), rows).expect("data");
    for memory in [BuildMemory::Whole, BuildMemory::Groups(3)] {
        let data = temp();
        let outcome = build_with(dataset.path(), data.path(), None, memory).expect("build");
        assert_eq!(outcome.report.errors(), 0, "{:?}", outcome.report.problems);
        let release = load_current(data.path()).expect("load");
        let series = &release.statuses.series[0];
        let inputs = series.progress.inputs.expect("inputs");
        assert_eq!(
            (inputs.base_year, inputs.current_year),
            (2019, 2021),
            "{memory:?}"
        );
        assert_eq!(
            release.statuses.indicators[0].status,
            ProgressStatus::Deterioration,
            "{memory:?}"
        );
        assert_eq!(
            series.baseline.as_ref().map(|b| (b.year, b.rule)),
            Some((2019, crate::summary::BaselineRule::SeriesBreak))
        );
        // The dataset's licence travels with the release.
        let served = ServedRelease::open(data.path(), "r00001").expect("open");
        assert_eq!(served.licence.as_deref(), Some("CC BY 4.0"));
    }
    // A catalogue.json written before the licence was kept has none.
    let old: Catalogue =
        serde_json::from_str(r#"{"indicators": [], "areas": []}"#).expect("an old catalogue");
    assert_eq!(old.licence, None);
}
