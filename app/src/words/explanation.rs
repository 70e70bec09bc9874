//! "Why this status": one sentence from a progress result's numbers.

use indicators::progress::{
    projected_value, ProgressMethod, ProgressResult, ProgressStatus, Unavailable,
};

use super::{direction_words, status_label};

/// One sentence a resident can read, naming the numbers behind the status.
pub fn status_explanation(result: &ProgressResult) -> String {
    let status = status_label(result.status).to_lowercase();
    let (Some(inputs), Some(growth)) = (result.inputs, result.cagr) else {
        return no_status(result.unavailable);
    };
    if let Some(why) = result.unavailable {
        return no_status(Some(why));
    }
    let (y0, t0, y, t) = (
        inputs.base_value,
        inputs.base_year,
        inputs.current_value,
        inputs.current_year,
    );
    let per_year = growth * 100.0;
    // Every method: a target already met is the whole story, whatever the trend.
    if let (Some(target), ProgressStatus::TargetAchieved) = (inputs.target, result.status) {
        return format!(
            "The target of {target} for {} is already reached: the value is {y} in {t} ({}).",
            inputs.target_year,
            direction_words(inputs.direction),
        );
    }
    match result.method {
        ProgressMethod::OpenSdg => match inputs.target {
            None => format!(
                "From {y0} in {t0} to {y} in {t} the value changed by {per_year:+.2}% a year ({}); without a target, {:.2}% a year or more in the right direction counts as substantial progress: {status}.",
                direction_words(inputs.direction),
                result.thresholds.map_or(0.0, |th| th.high * 100.0),
            ),
            Some(target) => format!(
                "From {y0} in {t0} to {y} in {t} the value changed by {per_year:+.2}% a year; reaching {target} by {} needs {:+.2}% a year. Actual growth is {:.0}% of the needed pace: {status}.",
                inputs.target_year,
                result.required_cagr.unwrap_or(f64::NAN) * 100.0,
                result.value.unwrap_or(f64::NAN) * 100.0,
            ),
        },
        ProgressMethod::Eurostat => match (inputs.target, result.required_cagr) {
            (Some(target), Some(required)) => format!(
                "Eurostat method: {per_year:+.2}% a year from {t0} to {t}; reaching {target} by {} needs {:+.2}% a year, so growth is {:.0}% of the required pace{}: {status}.",
                inputs.target_year,
                required * 100.0,
                result.value.unwrap_or(f64::NAN) * 100.0,
                class(result),
            ),
            _ => format!(
                "Eurostat method: {per_year:+.2}% a year from {t0} to {t}{}: {status}.",
                class(result),
            ),
        },
        ProgressMethod::UnsdProgressChart => match inputs.target {
            Some(target) => format!(
                "UNSD Progress Chart: at {per_year:+.2}% a year the value would be {:.2} in {}, {:.0}% of the way from {y0} to the target of {target}{}: {status}.",
                projected_value(&inputs, growth),
                inputs.target_year,
                result.value.unwrap_or(f64::NAN) * 100.0,
                class(result),
            ),
            None => format!(
                "UNSD Progress Chart: at {per_year:+.2}% a year the value would be {:.2} in {}{}: {status}.",
                projected_value(&inputs, growth),
                inputs.target_year,
                class(result),
            ),
        },
    }
}

/// The method's own class name, as published, in parentheses (nothing for
/// results from releases written before classes were kept).
fn class(result: &ProgressResult) -> String {
    result
        .class
        .map_or_else(String::new, |c| format!(" ({})", super::class_label(c)))
}

fn no_status(why: Option<Unavailable>) -> String {
    // A result without a reason comes from a release written before reasons
    // were recorded: say nothing rather than guess one.
    let Some(why) = why else {
        return "No status could be computed for this series.".to_owned();
    };
    let why = match why {
        Unavailable::TooFewYears => "fewer than two years of data since the base year",
        Unavailable::MissingValue => "the base or current value is missing",
        Unavailable::OppositeSigns => {
            "the base and current values have opposite signs, so a growth rate means nothing"
        }
        Unavailable::NoDataFromBaseYear => "no value in or after the base year",
        Unavailable::TargetUnreachableByGrowth => {
            "the target is equal to the base value, or of the opposite sign, so no growth rate leads to it"
        }
        Unavailable::TooShortPeriod => {
            "Eurostat's method needs a value three to five years before the latest one"
        }
        Unavailable::ZeroOrSignChange => {
            "fewer than two years of data, or values that are zero or change sign"
        }
    };
    format!("No status: {why}.")
}

#[cfg(test)]
mod tests {
    use indicators::progress::{assess, open_sdg, ProgressInputs};
    use indicators::Direction;

    use super::*;

    fn inputs(target: Option<f64>, current: f64) -> ProgressInputs {
        ProgressInputs {
            base_year: 2015,
            base_value: 14.5,
            current_year: 2023,
            current_value: current,
            target,
            target_year: 2030,
            direction: Direction::Lower,
            limit: None,
        }
    }

    #[test]
    fn explanations_name_the_numbers() {
        let result = open_sdg(inputs(Some(7.25), 10.4));
        let (observed, needed) = (
            ((10.4f64 / 14.5).powf(1.0 / 8.0) - 1.0) * 100.0,
            ((7.25f64 / 14.5).powf(1.0 / 15.0) - 1.0) * 100.0,
        );
        assert_eq!(
            status_explanation(&result),
            format!(
                "From 14.5 in 2015 to 10.4 in 2023 the value changed by {observed:+.2}% a year; reaching 7.25 by 2030 needs {needed:+.2}% a year. Actual growth is {:.0}% of the needed pace: moderate progress / acceleration needed.",
                observed / needed * 100.0
            )
        );
        let achieved = status_explanation(&open_sdg(inputs(Some(12.0), 10.4)));
        assert_eq!(
            achieved,
            "The target of 12 for 2030 is already reached: the value is 10.4 in 2023 (lower is better)."
        );
        let without = status_explanation(&open_sdg(inputs(None, 10.4)));
        assert!(
            without.contains("without a target, 1.50% a year or more"),
            "{without}"
        );
    }

    #[test]
    fn alternative_methods_and_missing_statuses_are_explained() {
        let growth = (10.4f64 / 14.5).powf(1.0 / 8.0) - 1.0;
        let eurostat = status_explanation(&assess(ProgressMethod::Eurostat, inputs(None, 10.4)));
        assert!(
            eurostat.starts_with(&format!(
                "Eurostat method: {:+.2}% a year from 2015 to 2023 (significant progress): ",
                growth * 100.0
            )),
            "{eurostat}"
        );
        let unsd = status_explanation(&assess(
            ProgressMethod::UnsdProgressChart,
            inputs(None, 10.4),
        ));
        let projected = 10.4 * (1.0 + growth).powi(7);
        assert!(
            unsd.contains(&format!("would be {projected:.2} in 2030")),
            "{unsd}"
        );
        let mut single = inputs(None, 10.4);
        single.current_year = 2015;
        assert_eq!(
            status_explanation(&open_sdg(single)),
            "No status: fewer than two years of data since the base year."
        );
    }
}
