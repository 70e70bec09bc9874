use std::sync::Arc;

use indicators::{Action, ActionKind, Dataset};

use super::*;
use crate::ssr::testing;

fn budget(id: &str, year: i32, amount: f64, currency: &str, indicators: &[&str]) -> Action {
    let mut a = Action::new(id, ActionKind::Budget, id, indicators);
    a.year = Some(year);
    a.amount = Some(amount);
    a.currency = Some(currency.into());
    a
}

/// The test data with `actions`, as the public view of a dataset
/// holding them would give them.
fn with_actions(actions: Vec<Action>) -> DashboardData {
    let mut data = testing::data();
    let mut dataset = testing::dataset();
    dataset.actions = actions;
    data.public = Arc::new(Dataset::public_view(&dataset));
    data
}

#[test]
fn budget_lines_count_once_per_section_per_currency_and_never_for_internal_indicators() {
    let data = with_actions(vec![
        // Linked to two indicators of goal 1: counted once there.
        budget("a", 2020, 1000.0, "EUR", &["poverty", "by-sex-only"]),
        budget("b", 2020, 500.0, "EUR", &["jobs"]),
        budget("c", 2020, 70.0, "CHF", &["poverty"]),
        // Another year, and a line on the internal indicator alone.
        budget("d", 2019, 9.0, "EUR", &["poverty"]),
        budget("e", 2020, 5000.0, "EUR", &["secret"]),
        // A decision has no amount.
        Action::new("f", ActionKind::Decision, "f", &["poverty"]),
    ]);
    let goal_1: BTreeSet<&str> = ["poverty", "by-sex-only"].into();
    let spent = spending(&data, &goal_1, 2020, Locale::En);
    assert_eq!(
        spent
            .iter()
            .map(|s| (s.currency.as_str(), s.amount.as_str(), s.lines))
            .collect::<Vec<_>>(),
        vec![("CHF", "70 CHF", 1), ("EUR", "1,000 EUR", 1)],
        "two currencies, never added up"
    );
    // The same line counts in goal 8 too when it touches jobs.
    let everything: BTreeSet<&str> = ["poverty", "by-sex-only", "jobs"].into();
    let spent = spending(&data, &everything, 2020, Locale::Nl);
    assert_eq!(spent[1].amount, "1.500 EUR");
    assert_eq!(spent[1].lines, 2);
    // The internal indicator's line is not public at all.
    let internal: BTreeSet<&str> = ["secret"].into();
    assert!(spending(&data, &internal, 2020, Locale::En).is_empty());
}

#[test]
fn the_report_groups_by_goal_and_right_and_words_it_in_dutch() {
    let data = with_actions(vec![budget("a", 2020, 1000.0, "EUR", &["poverty", "jobs"])]);
    let report = report(&data, 2020, Locale::Nl).expect("a report for 2020");
    assert_eq!(report.year, 2020);
    assert_eq!(report.rows.len(), 3, "public indicators only");
    assert!(report.rows.iter().all(|r| r.id != "secret"));
    let goal_1 = report
        .goals
        .iter()
        .find(|g| g.anchor == "goal-1")
        .expect("goal 1");
    assert_eq!(goal_1.title.text, "Doel 1: Geen armoede");
    // Poverty and by-sex fall (lower is better) from 2019 to 2020.
    assert_eq!(
        goal_1.improved_since_previous,
        vec!["poverty", "by-sex-only"]
    );
    assert_eq!(goal_1.spending[0].amount, "1.000 EUR");
    let goal_8 = report
        .goals
        .iter()
        .find(|g| g.anchor == "goal-8")
        .expect("goal 8");
    // Jobs falls and higher is better.
    assert_eq!(goal_8.worsened_since_previous, vec!["jobs"]);
    assert_eq!(
        goal_8.spending[0].lines, 1,
        "the shared line counts here too"
    );
    let rights: Vec<&str> = report.rights.iter().map(|r| r.anchor.as_str()).collect();
    assert_eq!(rights, vec!["right-housing"]);
    let poverty = &report.rows[0];
    assert!(poverty
        .chart
        .as_deref()
        .is_some_and(|c| c.starts_with("/nl/charts/poverty.svg?series=total&until=2020")));
    assert!(poverty.narrative.is_some());
    assert!(matches!(
        report_year_error(&data, "1999"),
        AppError::ReportYearNotFound {
            latest: Some(2020),
            ..
        }
    ));
}

#[test]
fn a_report_file_is_made_once_per_release() {
    let data = testing::data();
    let made = std::cell::Cell::new(0);
    for _ in 0..3 {
        let file = data
            .report_file("2020.en.pdf", || {
                made.set(made.get() + 1);
                Ok::<_, AppError>(b"%PDF".to_vec())
            })
            .expect("made");
        assert_eq!(file.as_slice(), b"%PDF");
    }
    assert_eq!(made.get(), 1);
    // A failure is not kept.
    let failed = data.report_file("2019.en.pdf", || Err(AppError::Internal));
    assert!(failed.is_err());
    assert!(data
        .report_file("2019.en.pdf", || Ok::<_, AppError>(vec![1]))
        .is_ok());
}

fn report_year_error(data: &DashboardData, year: &str) -> AppError {
    parse_year(data, year)
        .and_then(|y| report(data, y, Locale::En))
        .expect_err("no report")
}

#[test]
fn a_chart_in_a_past_year_stops_at_that_year() {
    let data = testing::data();
    let image = chart_in_year(&data, "poverty", "sex=female", 2017, Locale::En).expect("a chart");
    assert!(image.svg.contains("2017: "));
    assert!(!image.svg.contains("2018: "), "no later values");
    assert_eq!(image.file_stem, "poverty_sex-female");
    assert!(matches!(
        chart_in_year(&data, "secret", "total", 2017, Locale::En),
        Err(AppError::IndicatorNotFound(_))
    ));
}
