//! The domain types, shared by the server and the WebAssembly front end.

mod action;
pub mod breaks;
mod dataset;
mod indicator;
mod labels;
mod series;
mod supplements;

pub use action::{Action, ActionKind};
pub use breaks::marks_break;
pub use dataset::Dataset;
pub use indicator::{
    Area, AreaKind, CountedSeries, DecimalSeparator, Direction, Indicator, IndicatorKind,
    Localized, OhchrType, ProgressOptions, Quality, Translation, UpdateFrequency, Visibility,
};
pub use labels::Labels;
pub use series::{
    is_district_dimension, Dimensions, Observation, Period, Point, Series, SeriesKey, SourceRef,
    DISTRICT_DIMENSIONS, HEADLINE_SLUG,
};
pub use supplements::{
    DistrictMap, DistrictShape, FollowUpStatus, GroupMapping, Polygon, Recommendation,
    RecommendationSource, RecommendationText, Ring, Statement, Supplements,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_series_are_recognised_in_several_languages_and_only_alone() {
        assert_eq!(
            Dimensions::new([("Stadtteil", "Altstadt")]).district(),
            Some("Altstadt")
        );
        assert_eq!(
            Dimensions::new([("wijk", "Noord")]).district(),
            Some("Noord")
        );
        assert_eq!(Dimensions::new([("sex", "female")]).district(), None);
        assert_eq!(
            Dimensions::new([("district", "Nord"), ("sex", "female")]).district(),
            None,
            "a district split further by sex is not the district's own series"
        );
        assert_eq!(Dimensions::default().district(), None);
    }

    fn obs(id: &str, year: i32, dims: &[(&str, &str)], value: f64) -> Observation {
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

    #[test]
    fn series_of_groups_by_dimensions_headline_first_and_sorts_periods() {
        let data = Dataset {
            indicators: vec![Indicator::new("a", "A", "%", Direction::Lower, &["1.2"])],
            areas: vec![],
            observations: vec![
                obs("a", 2021, &[("sex", "male")], 3.0),
                obs("a", 2020, &[], 1.0),
                obs("a", 2019, &[("sex", "")], 2.0),
                obs("b", 2019, &[], 9.0),
            ],
            ..Dataset::default()
        };
        let series = data.series_of("a");
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].key.slug(), "total");
        assert_eq!(
            series[0].years_and_values().collect::<Vec<_>>(),
            vec![(2019, 2.0), (2020, 1.0)]
        );
        assert_eq!(series[1].key.slug(), "sex=male");
        assert_eq!(series[1].key.dimensions.get("sex"), Some("male"));
    }

    #[test]
    fn slugs_name_series_and_read_back() {
        let dims = Dimensions::new([("sex", "female"), ("district", "Altstadt")]);
        assert_eq!(dims.slug(), "district=Altstadt;sex=female");
        assert_eq!(Dimensions::from_slug(&dims.slug()), Ok(dims));
        assert_eq!(Dimensions::default().slug(), HEADLINE_SLUG);
        assert_eq!(Dimensions::from_slug("total"), Ok(Dimensions::default()));
        assert_eq!(Dimensions::from_slug(""), Ok(Dimensions::default()));
        assert_eq!(Dimensions::from_slug("martian"), Err("martian".to_owned()));
    }

    #[test]
    fn direction_sign_makes_improvements_positive() {
        assert_eq!(-2.0 * Direction::Lower.sign(), 2.0, "a fall is better");
        assert_eq!(-2.0 * Direction::Higher.sign(), -2.0, "a fall is worse");
    }

    #[test]
    fn areas_of_a_kind_come_from_their_own_list() {
        let mut i = Indicator::new("a", "A", "%", Direction::Lower, &["1.2"]);
        i.rights_areas = vec!["housing".into()];
        i.policy_areas = vec!["social".into()];
        assert_eq!(i.areas(AreaKind::Rights), ["housing"]);
        assert!(i.maps_to(AreaKind::Policy, "social"));
        assert!(!i.maps_to(AreaKind::Policy, "housing"));
    }

    #[test]
    fn dimensions_sort_by_name_and_drop_empty_values() {
        let dims = Dimensions::new([("sex", "female"), ("district", "Altstadt"), ("age", " ")]);
        assert_eq!(
            dims.pairs(),
            &[
                ("district".to_owned(), "Altstadt".to_owned()),
                ("sex".to_owned(), "female".to_owned())
            ]
        );
        assert_eq!(dims.get("sex"), Some("female"));
        assert!(Dimensions::new([("sex", "")]).is_headline());
    }

    #[test]
    fn goals_with_data_counts_every_target_goal_and_skips_empty_indicators() {
        let data = Dataset {
            indicators: vec![
                Indicator::new("a", "A", "%", Direction::Lower, &["3.4", "11.6"]),
                Indicator::new("b", "B", "%", Direction::Lower, &["1.2"]),
                Indicator::new("c", "C", "%", Direction::Lower, &["7.2"]),
            ],
            areas: vec![],
            observations: vec![obs("a", 2020, &[], 1.0), obs("b", 2020, &[], 1.0)],
            ..Dataset::default()
        };
        assert_eq!(data.goals_with_data(), vec![1, 3, 11]);
    }

    #[test]
    fn public_view_drops_internal_indicators_and_their_data() {
        let mut internal = Indicator::new("secret", "S", "%", Direction::Lower, &["5.2"]);
        internal.visibility = Visibility::Internal;
        let data = Dataset {
            indicators: vec![
                Indicator::new("a", "A", "%", Direction::Lower, &["1.2"]),
                internal,
            ],
            areas: vec![],
            observations: vec![obs("a", 2020, &[], 1.0), obs("secret", 2020, &[], 1.0)],
            actions: vec![
                Action::new("both", ActionKind::Decision, "Both", &["secret", "a"]),
                Action::new("hidden", ActionKind::Budget, "Hidden", &["secret"]),
                Action::new("open", ActionKind::Programme, "Open", &["a"]),
            ],
            ..Dataset::default()
        };
        let public = data.public_view();
        assert_eq!(public.indicators.len(), 1);
        assert!(public.observations.iter().all(|o| o.indicator_id == "a"));
        // No action linked only to an internal indicator, and no internal id
        // in the actions that stay.
        let kept: Vec<(&str, &[String])> = public
            .actions
            .iter()
            .map(|a| (a.id.as_str(), a.indicators.as_slice()))
            .collect();
        assert_eq!(
            kept,
            [
                ("both", &["a".to_owned()][..]),
                ("open", &["a".to_owned()][..])
            ]
        );
        assert!(!serde_json::to_string(&public)
            .expect("json")
            .contains("secret"));
        assert_eq!(data.actions_of("secret").count(), 2);
    }

    #[test]
    fn title_falls_back_to_the_default_language() {
        let mut i = Indicator::new("a", "Poverty", "%", Direction::Lower, &["1.2"]);
        i.titles.insert("de".into(), "Armut".into());
        assert_eq!(i.title_in("de"), "Armut");
        assert_eq!(i.title_in("fr"), "Poverty");
    }
}
