//! `/districts/{name}`: one district's latest value on every indicator
//! reported by district, against the whole city, with its rank; where it
//! lies in the city, and each indicator's map with it outlined.

use super::DashboardData;
use crate::escape::url_encode;
use crate::format;
use crate::i18n::Locale;
use crate::types::{DistrictMaps, DistrictRow, DistrictView, Rank};

/// The page for `name` (a district the server function found).
pub fn district(data: &DashboardData, name: &str, locale: Locale) -> DistrictView {
    let index = &data.index;
    let mut rows = Vec::new();
    let mut maps = DistrictMaps {
        locator: super::map::locator_map(data, name, locale),
        indicators: Vec::new(),
    };
    // Only the indicators with district series are read.
    let by_district = data
        .public
        .indicators
        .iter()
        .filter(|i| index.by_district.contains(&i.id));
    for indicator in by_district {
        let block = index.block(&indicator.id);
        let series = &block.series;
        let Some((own, dimension)) = series.iter().find_map(|s| {
            let (dimension, district) = s.key.dimensions.district_dimension()?;
            (district == name).then_some((s, dimension))
        }) else {
            continue;
        };
        let Some(latest) = own.points.last() else {
            continue;
        };
        let decimals = usize::from(indicator.decimals);
        // Every district's value in the same year, for the rank.
        let peers: Vec<f64> = series
            .iter()
            .filter(|s| s.key.dimensions.district().is_some())
            .filter_map(|s| s.at(&latest.period))
            .map(|p| p.value)
            .collect();
        let city = series
            .iter()
            .find(|s| s.key.dimensions.is_headline())
            .and_then(|s| s.at(&latest.period))
            .map(|p| format::with_unit(p.value, decimals, &indicator.unit, locale));
        if let Some(map) = super::map::indicator_map(data, indicator, series, Some(name), locale) {
            let title = super::text(indicator.localized_title(locale.code()), locale);
            maps.indicators.push((title, map));
        }
        rows.push(DistrictRow {
            indicator_id: indicator.id.clone(),
            title: super::text(indicator.localized_title(locale.code()), locale),
            href: locale.href(&format!(
                "/indicators/{}?{}={}",
                indicator.id,
                url_encode(dimension),
                url_encode(name)
            )),
            period: latest.period.label.clone(),
            value: format::with_unit(latest.value, decimals, &indicator.unit, locale),
            city,
            rank: Rank {
                position: position_highest_first(&peers, latest.value),
                of: peers.len(),
                direction: indicator.direction,
            },
        });
    }
    DistrictView {
        name: name.to_owned(),
        rows,
        maps,
        others: index
            .districts
            .iter()
            .filter(|d| *d != name)
            .cloned()
            .collect(),
    }
}

/// 1 for the highest of `values`; equal values share the better place.
pub fn position_highest_first(values: &[f64], value: f64) -> usize {
    values.iter().filter(|v| **v > value).count() + 1
}

#[cfg(test)]
mod tests {
    use indicators::Direction;

    use super::*;
    use crate::ssr::testing;

    #[test]
    fn positions_count_from_the_highest_and_share_ties() {
        let values = [3.0, 9.0, 5.0, 9.0];
        assert_eq!(position_highest_first(&values, 9.0), 1);
        assert_eq!(position_highest_first(&values, 5.0), 3);
        assert_eq!(position_highest_first(&values, 3.0), 4);
    }

    #[test]
    fn a_district_row_has_its_value_the_city_and_its_rank() {
        let data = testing::data();
        let view = district(&data, "Süd", Locale::En);
        assert_eq!(view.rows.len(), 1, "only poverty is public and by district");
        let row = &view.rows[0];
        assert_eq!(row.value, "10.0 %");
        assert_eq!(row.city.as_deref(), Some("16.0 %"));
        assert_eq!(row.period, "2020");
        assert_eq!(
            row.rank,
            Rank {
                position: 2,
                of: 2,
                direction: Direction::Lower
            }
        );
        assert_eq!(row.href, "/indicators/poverty?district=S%C3%BCd");
        assert_eq!(view.others, ["Nord"]);
    }
}
