//! What publishing the draft would change: per indicator, the new, changed
//! and removed values, the status before and after (computed by the same
//! method a build uses), whether it turns worse, and its chart as it
//! would look.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use indicators::model::Visibility;
use indicators::progress::ProgressStatus;
use indicators::read::{open_dataset, ReadError};
use indicators::statuses::{compute, Statuses};
use indicators::{Dataset, Indicator};

/// One value that publishing adds, changes or removes.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueChange {
    /// The series' slug (`total`, `district=Nord`).
    pub series: String,
    pub period: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// One indicator that publishing changes.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorPreview {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub internal: bool,
    /// New in the catalogue, or gone from it.
    pub added: bool,
    pub removed: bool,
    /// Its catalogue row (title, unit, target ...) changed.
    pub metadata_changed: bool,
    pub values: Vec<ValueChange>,
    pub before: Option<ProgressStatus>,
    pub after: Option<ProgressStatus>,
    /// The chart of its first series after publishing (SVG markup).
    pub chart: Option<String>,
}

impl IndicatorPreview {
    /// Both statuses known and the new one further down the legend.
    pub fn turns_worse(&self) -> bool {
        match (self.before, self.after) {
            (Some(before), Some(after)) => {
                before != ProgressStatus::NotAvailable
                    && after != ProgressStatus::NotAvailable
                    && after.attention_rank() < before.attention_rank()
            }
            _ => false,
        }
    }

    pub fn status_changes(&self) -> bool {
        self.before != self.after
    }
}

/// The whole preview.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub indicators: Vec<IndicatorPreview>,
    /// Indicators publishing leaves as they are.
    pub unchanged: usize,
    /// Rights and policy areas that publishing adds, changes or removes:
    /// `(id, name before, name after)`, a name missing where the area is.
    pub areas: Vec<(String, Option<String>, Option<String>)>,
    /// Warnings the draft's check reports.
    pub warnings: usize,
}

/// Compares the working dataset (`before`, none if the served release did
/// not come from the workspace) with the draft.
pub fn preview(before: Option<&Path>, draft: &Path) -> Result<Preview, ReadError> {
    let quiet = |_: &str, _: usize, _: usize| {};
    let after = open_dataset(draft, &quiet)?;
    let method = after.settings.progress_method;
    let before = match before {
        Some(dir) => open_dataset(dir, &quiet)?.dataset,
        None => Dataset::default(),
    };
    let (old, new) = (compute(&before, method), compute(&after.dataset, method));
    let mut preview = compare(&before, &old, &after.dataset, &new);
    preview.areas = areas(&before, &after.dataset);
    preview.warnings = after.warnings();
    Ok(preview)
}

/// The areas whose entry differs between `before` and `after`.
fn areas(before: &Dataset, after: &Dataset) -> Vec<(String, Option<String>, Option<String>)> {
    let by_id = |d: &Dataset| -> BTreeMap<String, serde_json::Value> {
        d.areas
            .iter()
            .map(|a| (a.id.clone(), serde_json::to_value(a).unwrap_or_default()))
            .collect()
    };
    let name = |d: &Dataset, id: &str| {
        d.areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name().to_owned())
    };
    let (was, now) = (by_id(before), by_id(after));
    let ids: BTreeSet<&String> = was.keys().chain(now.keys()).collect();
    ids.into_iter()
        .filter(|id| was.get(*id) != now.get(*id))
        .map(|id| (id.clone(), name(before, id), name(after, id)))
        .collect()
}

type Key = (String, String);

fn values(dataset: &Dataset) -> BTreeMap<&str, BTreeMap<Key, f64>> {
    let mut out: BTreeMap<&str, BTreeMap<Key, f64>> = BTreeMap::new();
    for o in &dataset.observations {
        out.entry(o.indicator_id.as_str())
            .or_default()
            .insert((o.dimensions.slug(), o.period.label.clone()), o.value);
    }
    out
}

fn compare(before: &Dataset, old: &Statuses, after: &Dataset, new: &Statuses) -> Preview {
    let (was, now) = (values(before), values(after));
    let catalogue = |d: &Dataset| -> BTreeMap<String, Indicator> {
        d.indicators
            .iter()
            .map(|i| (i.id.clone(), i.clone()))
            .collect()
    };
    let (was_in, now_in) = (catalogue(before), catalogue(after));
    let ids: BTreeSet<&String> = was_in.keys().chain(now_in.keys()).collect();
    let empty = BTreeMap::new();
    let mut indicators = Vec::new();
    let mut unchanged = 0;
    for id in ids {
        let (old_row, new_row) = (was_in.get(id), now_in.get(id));
        let (old_values, new_values) = (
            was.get(id.as_str()).unwrap_or(&empty),
            now.get(id.as_str()).unwrap_or(&empty),
        );
        let keys: BTreeSet<&Key> = old_values.keys().chain(new_values.keys()).collect();
        let changes: Vec<ValueChange> = keys
            .into_iter()
            .filter_map(|key| {
                let (b, a) = (old_values.get(key).copied(), new_values.get(key).copied());
                (b != a).then(|| ValueChange {
                    series: key.0.clone(),
                    period: key.1.clone(),
                    before: b,
                    after: a,
                })
            })
            .collect();
        let metadata_changed = match (old_row, new_row) {
            (Some(a), Some(b)) => serde_json::to_value(a).ok() != serde_json::to_value(b).ok(),
            _ => false,
        };
        let status = |s: &Statuses| s.indicator(id).map(|i| i.status);
        let (before_status, after_status) = (old_row.and(status(old)), new_row.and(status(new)));
        if changes.is_empty() && !metadata_changed && old_row.is_some() == new_row.is_some() {
            unchanged += 1;
            continue;
        }
        let row = new_row.or(old_row);
        let chart = new_row.and_then(|indicator| chart(after, indicator));
        indicators.push(IndicatorPreview {
            id: id.clone(),
            title: row.map_or_else(|| id.clone(), |r| r.title().to_owned()),
            unit: row.map_or_else(String::new, |r| r.unit.clone()),
            internal: row.is_some_and(|r| r.visibility == Visibility::Internal),
            added: old_row.is_none(),
            removed: new_row.is_none(),
            metadata_changed,
            values: changes,
            before: before_status,
            after: after_status,
            chart,
        });
    }
    // What turns worse first, then other status changes, then the rest.
    indicators.sort_by_key(|i| (!i.turns_worse(), !i.status_changes(), i.id.clone()));
    Preview {
        indicators,
        unchanged,
        areas: Vec::new(),
        warnings: 0,
    }
}

/// The line chart of an indicator's first series, as the page would draw it.
fn chart(dataset: &Dataset, indicator: &Indicator) -> Option<String> {
    let series = dataset.series_of(&indicator.id);
    let first = series.first()?;
    let title = format!(
        "{} ({}), after publishing",
        indicator.title(),
        first.key.slug()
    );
    let spec = app::chart::LineChart {
        series: first,
        unit: &indicator.unit,
        title: &title,
        locale: app::format::Locale::En,
        baseline: None,
        target: indicator.target_year.zip(indicator.target_value),
        projection: None,
        years: None,
    };
    app::chart::line_chart_svg(&spec).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicators::progress::ProgressMethod;

    fn demo() -> Dataset {
        let dir =
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../indicators/demo-city");
        open_dataset(&dir, &|_, _, _| {}).expect("demo").dataset
    }

    #[test]
    fn a_changed_value_and_a_worse_status_are_shown_and_the_rest_is_not() {
        let before = demo();
        let mut after = before.clone();
        // The latest headline poverty rate jumps: the indicator turns worse.
        let latest = after
            .observations
            .iter_mut()
            .filter(|o| o.indicator_id == "poverty-rate" && o.dimensions.is_headline())
            .max_by_key(|o| o.period.year)
            .expect("a headline value");
        let (period, old_value) = (latest.period.label.clone(), latest.value);
        latest.value = 40.0;
        let method = ProgressMethod::default();
        let preview = compare(
            &before,
            &compute(&before, method),
            &after,
            &compute(&after, method),
        );
        assert_eq!(preview.indicators.len(), 1, "{:?}", preview.indicators);
        let changed = &preview.indicators[0];
        assert_eq!(changed.id, "poverty-rate");
        assert_eq!(
            changed.values,
            vec![ValueChange {
                series: "total".into(),
                period,
                before: Some(old_value),
                after: Some(40.0),
            }]
        );
        assert!(
            changed.turns_worse(),
            "{:?} → {:?}",
            changed.before,
            changed.after
        );
        assert!(changed
            .chart
            .as_deref()
            .is_some_and(|svg| svg.contains("<svg")));
        assert_eq!(preview.unchanged, before.indicators.len() - 1);
    }
}
