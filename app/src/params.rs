//! Typed route and query parameters. Each page reads its address through one
//! of these (`use_params::<GoalParams>()`, `use_query::<ProgressQuery>()`),
//! so a bad value is a typed error (a 400 that lists what is allowed), never
//! a string compared in a page.

use std::sync::Arc;

use leptos::Params;
use leptos_router::params::{IntoParam, Params, ParamsError};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, Expected};

/// `/goals/:n`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct GoalParams {
    pub n: String,
}

/// `/indicators/:id`, `/rights/:id`, `/policy/:id`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct IdParams {
    pub id: String,
}

/// `/districts/:name`.
#[derive(Params, Debug, Clone, PartialEq)]
pub struct DistrictParams {
    pub name: String,
}

indicators::wire_enum! {
    /// How `/progress` groups indicators.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Group: "grouping" {
        #[default]
        Goal = "goal",
        Rights = "rights",
        Policy = "policy",
    }
}

indicators::wire_enum! {
    /// How `/progress` orders indicators within a group.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Sort: "sort order" {
        /// What needs attention first.
        #[default]
        Status = "status",
        /// Most improved since the baseline first.
        Improved = "improved",
        /// Most worsened since the baseline first.
        Worsened = "worsened",
        Title = "title",
    }
}

/// `?goal=`: every goal (empty) or one, 1 to 17.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalFilter(pub Option<u8>);

/// `?area=`: every area (empty) or one area id (checked against the data
/// by the server function).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaFilter(pub Option<String>);

/// `/progress?goal=&area=&group=&sort=`; empty values are the defaults, as
/// the form sends them.
#[derive(Params, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProgressQuery {
    pub goal: GoalFilter,
    pub area: AreaFilter,
    pub group: Group,
    pub sort: Sort,
}

fn bad_filter(name: &str, value: &str, expected: Expected) -> ParamsError {
    ParamsError::Params(Arc::new(AppError::BadFilter {
        name: name.to_owned(),
        value: value.to_owned(),
        expected,
    }))
}

/// A present, non-empty value.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

impl IntoParam for GoalFilter {
    fn into_param(value: Option<&str>, name: &str) -> Result<Self, ParamsError> {
        match given(value) {
            None => Ok(GoalFilter(None)),
            Some(text) => text
                .parse::<u8>()
                .ok()
                .filter(|n| indicators::sdg::goal(*n).is_some())
                .map(|n| GoalFilter(Some(n)))
                .ok_or_else(|| bad_filter(name, text, Expected::GoalNumber)),
        }
    }
}

impl IntoParam for AreaFilter {
    fn into_param(value: Option<&str>, _name: &str) -> Result<Self, ParamsError> {
        Ok(AreaFilter(given(value).map(str::to_owned)))
    }
}

/// Wire-named enums with a default: empty means the default, an unknown
/// name is a 400 that lists the names.
macro_rules! enum_param {
    ($($ty:ty),*) => {$(
        impl IntoParam for $ty {
            fn into_param(value: Option<&str>, name: &str) -> Result<Self, ParamsError> {
                match given(value) {
                    None => Ok(<$ty>::default()),
                    Some(text) => text.parse().map_err(|_| {
                        bad_filter(
                            name,
                            text,
                            Expected::OneOf(<$ty>::NAMES.iter().map(|n| n.to_string()).collect()),
                        )
                    }),
                }
            }
        }
    )*};
}

enum_param!(Group, Sort);

/// `?status=`: every follow-up status (empty) or one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusFilter(pub Option<indicators::model::FollowUpStatus>);

/// `?source=`: every source of recommendations (empty) or one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFilter(pub Option<indicators::model::RecommendationSource>);

/// `/recommendations?status=&source=`; empty values mean all, an unknown
/// name is a 400 that lists the names. Left out of a server function's
/// JSON, a filter means all too.
#[derive(Params, Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecommendationsQuery {
    pub status: StatusFilter,
    pub source: SourceFilter,
}

/// Wire-named enums that may be left out: empty means all.
macro_rules! optional_enum_param {
    ($($filter:ident($ty:ty)),*) => {$(
        impl IntoParam for $filter {
            fn into_param(value: Option<&str>, name: &str) -> Result<Self, ParamsError> {
                match given(value) {
                    None => Ok($filter(None)),
                    Some(text) => text.parse::<$ty>().map(|v| $filter(Some(v))).map_err(|_| {
                        bad_filter(
                            name,
                            text,
                            Expected::OneOf(<$ty>::NAMES.iter().map(|n| n.to_string()).collect()),
                        )
                    }),
                }
            }
        }
    )*};
}

optional_enum_param!(
    StatusFilter(indicators::model::FollowUpStatus),
    SourceFilter(indicators::model::RecommendationSource)
);

/// The series slug a page address selects: `series=` when given (the form
/// before per-dimension selectors), else every other non-empty parameter as
/// a dimension.
pub fn slug_from_query(pairs: &[(String, String)]) -> String {
    if let Some((_, series)) = pairs.iter().find(|(k, v)| k == "series" && !v.is_empty()) {
        return series.clone();
    }
    indicators::Dimensions::new(
        pairs
            .iter()
            .filter(|(k, _)| k != "series")
            .map(|(k, v)| (k.as_str(), v.as_str())),
    )
    .slug()
}

#[cfg(test)]
mod tests {
    use leptos_router::params::ParamsMap;

    use super::*;

    fn query(pairs: &[(&str, &str)]) -> Result<ProgressQuery, AppError> {
        let mut map = ParamsMap::new();
        for (k, v) in pairs {
            map.insert(k.to_string(), v.to_string());
        }
        ProgressQuery::from_map(&map).map_err(|e| AppError::from_params(&e))
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn series_slugs_come_from_dimension_parameters_or_series() {
        assert_eq!(slug_from_query(&pairs(&[])), "total");
        assert_eq!(
            slug_from_query(&pairs(&[
                ("sex", "female"),
                ("age", ""),
                ("district", "Süd")
            ])),
            "district=Süd;sex=female"
        );
        assert_eq!(
            slug_from_query(&pairs(&[("series", "sex=male"), ("sex", "female")])),
            "sex=male",
            "the older ?series= form wins"
        );
    }

    #[test]
    fn empty_and_missing_values_are_the_defaults() {
        assert_eq!(query(&[]), Ok(ProgressQuery::default()));
        assert_eq!(
            query(&[("goal", ""), ("area", ""), ("group", ""), ("sort", "")]),
            Ok(ProgressQuery::default())
        );
        assert_eq!(
            query(&[("goal", "11"), ("group", "rights"), ("sort", "worsened")]),
            Ok(ProgressQuery {
                goal: GoalFilter(Some(11)),
                area: AreaFilter(None),
                group: Group::Rights,
                sort: Sort::Worsened,
            })
        );
    }

    #[test]
    fn recommendation_filters_are_typed_and_unknown_names_refused() {
        use indicators::model::{FollowUpStatus, RecommendationSource};
        let parse = |pairs: &[(&str, &str)]| {
            let mut map = ParamsMap::new();
            for (k, v) in pairs {
                map.insert(k.to_string(), v.to_string());
            }
            RecommendationsQuery::from_map(&map).map_err(|e| AppError::from_params(&e))
        };
        assert_eq!(
            parse(&[("status", ""), ("source", "")]),
            Ok(RecommendationsQuery::default())
        );
        assert_eq!(
            parse(&[("status", "in-progress"), ("source", "upr")]),
            Ok(RecommendationsQuery {
                status: StatusFilter(Some(FollowUpStatus::InProgress)),
                source: SourceFilter(Some(RecommendationSource::Upr)),
            })
        );
        let err = parse(&[("status", "done")]).expect_err("unknown status");
        assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
        assert!(
            err.to_string()
                .contains("not-started, in-progress, implemented or rejected"),
            "{err}"
        );
    }

    #[test]
    fn unknown_values_are_bad_filters_that_list_what_is_allowed() {
        let err = query(&[("sort", "random")]).expect_err("unknown sort");
        assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
        assert!(
            err.to_string().contains("“sort=random”")
                && err
                    .to_string()
                    .contains("status, improved, worsened or title"),
            "{err}"
        );
        let err = query(&[("goal", "99")]).expect_err("no goal 99");
        assert_eq!(
            err,
            AppError::BadFilter {
                name: "goal".into(),
                value: "99".into(),
                expected: Expected::GoalNumber
            }
        );
    }
}
