//! A small city in memory for the view-building tests: four indicators, two
//! areas, two districts, one release.
//!
//! | id | direction | targets | areas | series |
//! |---|---|---|---|---|
//! | `poverty` | lower | 1.2, 10.2 | housing (rights), social (policy) | total 20 → 16 (2015–2020), sex, districts Nord and Süd |
//! | `jobs` | higher | 8.5 | social (policy) | total 70 → 65 (worse) |
//! | `by-sex-only` | lower | 1.2 | — | sex only (no headline) |
//! | `secret` | lower, internal | 1.2 | housing, social | total, district Ost |

use indicators::model::SourceRef;
use indicators::progress::ProgressMethod;
use indicators::release::{ReleaseStatuses, SeriesStatus};
use indicators::statuses::compute;
use indicators::{
    Area, AreaKind, Dataset, Dimensions, Direction, Indicator, Observation, Period, Visibility,
};

use super::DashboardData;

/// 2026-11-27, when release r00001 was "published".
pub const PUBLISHED_UNIX: u64 = 1_795_737_600;

fn observation(id: &str, year: i32, dims: &[(&str, &str)], value: f64) -> Observation {
    Observation {
        indicator_id: id.into(),
        period: Period::year(year),
        dimensions: Dimensions::new(dims.iter().copied()),
        value,
        flags: String::new(),
        progress: None,
        source: SourceRef::default(),
    }
}

fn area(id: &str, kind: AreaKind, name: &str) -> Area {
    Area {
        id: id.into(),
        kind,
        names: [("en".to_owned(), name.to_owned())].into(),
        instrument: "ICESCR".into(),
        article: "Art. 11".into(),
        rights_holders: vec!["tenants".into()],
    }
}

/// The indicators and observations described above.
pub fn dataset() -> Dataset {
    let mut poverty = Indicator::new(
        "poverty",
        "Poverty",
        "%",
        Direction::Lower,
        &["1.2", "10.2"],
    );
    poverty.rights_areas = vec!["housing".into()];
    poverty.policy_areas = vec!["social".into()];
    poverty.baseline_year = Some(2015);
    let mut jobs = Indicator::new("jobs", "Jobs", "%", Direction::Higher, &["8.5"]);
    jobs.policy_areas = vec!["social".into()];
    let by_sex = Indicator::new("by-sex-only", "By sex", "%", Direction::Lower, &["1.2"]);
    let mut secret = Indicator::new("secret", "Secret", "%", Direction::Lower, &["1.2"]);
    secret.visibility = Visibility::Internal;
    secret.rights_areas = vec!["housing".into()];
    secret.policy_areas = vec!["social".into()];

    let mut observations = Vec::new();
    for (i, year) in (2015..=2020).enumerate() {
        let step = i as f64;
        observations.push(observation("poverty", year, &[], 20.0 - 0.8 * step));
        observations.push(observation(
            "poverty",
            year,
            &[("sex", "female")],
            21.0 - 0.8 * step,
        ));
        observations.push(observation(
            "poverty",
            year,
            &[("sex", "male")],
            19.0 - 0.8 * step,
        ));
        observations.push(observation(
            "poverty",
            year,
            &[("district", "Nord")],
            25.0 - step,
        ));
        observations.push(observation(
            "poverty",
            year,
            &[("district", "Süd")],
            15.0 - step,
        ));
        observations.push(observation("jobs", year, &[], 70.0 - step));
        observations.push(observation(
            "by-sex-only",
            year,
            &[("sex", "female")],
            12.0 - step,
        ));
        observations.push(observation(
            "by-sex-only",
            year,
            &[("sex", "male")],
            10.0 - step,
        ));
        observations.push(observation("secret", year, &[], 5.0 + step));
        observations.push(observation(
            "secret",
            year,
            &[("district", "Ost")],
            6.0 + step,
        ));
    }
    Dataset {
        indicators: vec![poverty, jobs, by_sex, secret],
        areas: vec![
            area("housing", AreaKind::Rights, "Right to housing"),
            area("social", AreaKind::Policy, "Social affairs"),
        ],
        observations,
        ..Dataset::default()
    }
}

/// The dashboard data for [`dataset`], as the server would load it.
pub fn data() -> DashboardData {
    data_of(dataset())
}

/// The dashboard data for any dataset, as the server would load it.
pub fn data_of(dataset: Dataset) -> DashboardData {
    let statuses = compute(&dataset, ProgressMethod::OpenSdg);
    let release = ReleaseStatuses {
        id: "r00001".into(),
        created_unix: PUBLISHED_UNIX,
        series: statuses.series.iter().map(SeriesStatus::from).collect(),
    };
    DashboardData::new(dataset, statuses, &[release], "r00001")
}
