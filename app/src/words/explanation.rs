//! "Why this status": one sentence from a progress result's numbers.

use indicators::progress::{
    projected_value, ProgressMethod, ProgressResult, ProgressStatus, Unavailable,
};

use super::{direction_words, status_label};
use crate::i18n::{t, tr, Arg, Locale};

/// A number as the explanation shows it: `{:.prec$}` with the locale's
/// decimal sign (`12.5` / `12,5`), no grouping.
fn num(locale: Locale, value: f64, decimals: Option<usize>) -> String {
    let text = match decimals {
        Some(d) => format!("{value:.d$}"),
        None => value.to_string(),
    };
    localise_decimal(locale, &text)
}

/// `+1.25` with the sign always shown.
fn signed(locale: Locale, value: f64) -> String {
    localise_decimal(locale, &format!("{value:+.2}"))
}

fn localise_decimal(locale: Locale, text: &str) -> String {
    let (_, decimal) = locale.separators();
    text.replace('.', &decimal.to_string())
}

/// One sentence a resident can read, naming the numbers behind the status.
pub fn status_explanation(locale: Locale, result: &ProgressResult) -> String {
    let status = status_label(locale, result.status).to_lowercase();
    let (Some(inputs), Some(growth)) = (result.inputs, result.cagr) else {
        return no_status(locale, result.unavailable);
    };
    if let Some(why) = result.unavailable {
        return no_status(locale, Some(why));
    }
    let n = |v: f64| num(locale, v, None);
    let share = num(locale, result.value.unwrap_or(f64::NAN) * 100.0, Some(0));
    let mut args: Vec<(&'static str, Arg)> = vec![
        ("base", n(inputs.base_value).into()),
        ("base-year", inputs.base_year.into()),
        ("value", n(inputs.current_value).into()),
        ("year", inputs.current_year.into()),
        ("growth", signed(locale, growth * 100.0).into()),
        (
            "direction",
            direction_words(locale, inputs.direction).into(),
        ),
        ("target-year", inputs.target_year.into()),
        ("status", status.into()),
        ("share", share.into()),
        ("class", class(locale, result).into()),
        (
            "projected",
            num(locale, projected_value(&inputs, growth), Some(2)).into(),
        ),
        (
            "required",
            signed(locale, result.required_cagr.unwrap_or(f64::NAN) * 100.0).into(),
        ),
    ];
    if let Some(target) = inputs.target {
        args.push(("target", n(target).into()));
    }
    // Every method: a target already met is the whole story, whatever the trend.
    if let (Some(_), ProgressStatus::TargetAchieved) = (inputs.target, result.status) {
        return tr(locale, "explain-achieved", &args);
    }
    let key = match (result.method, inputs.target) {
        (ProgressMethod::OpenSdg, None) => {
            let threshold = result.thresholds.map_or(0.0, |th| th.high * 100.0);
            args.push(("threshold", num(locale, threshold, Some(2)).into()));
            "explain-open-sdg-no-target"
        }
        (ProgressMethod::OpenSdg, Some(_)) => "explain-open-sdg-target",
        (ProgressMethod::Eurostat, Some(_)) if result.required_cagr.is_some() => {
            "explain-eurostat-target"
        }
        (ProgressMethod::Eurostat, _) => "explain-eurostat",
        (ProgressMethod::UnsdProgressChart, Some(_)) => "explain-unsd-target",
        (ProgressMethod::UnsdProgressChart, None) => "explain-unsd",
    };
    tr(locale, key, &args)
}

/// The method's own class name, as published, in parentheses (nothing for
/// results from releases written before classes were kept).
fn class(locale: Locale, result: &ProgressResult) -> String {
    result.class.map_or_else(String::new, |c| {
        format!(" ({})", super::class_label(locale, c))
    })
}

fn no_status(locale: Locale, why: Option<Unavailable>) -> String {
    // A result without a reason comes from a release written before reasons
    // were recorded: say nothing rather than guess one.
    let Some(why) = why else {
        return t(locale, "explain-none");
    };
    let key = match why {
        Unavailable::TooFewYears => "why-too-few-years",
        Unavailable::MissingValue => "why-missing-value",
        Unavailable::OppositeSigns => "why-opposite-signs",
        Unavailable::NoDataFromBaseYear => "why-no-data-from-base",
        Unavailable::TargetUnreachableByGrowth => "why-target-unreachable",
        Unavailable::TooShortPeriod => "why-too-short",
        Unavailable::ZeroOrSignChange => "why-zero-or-sign",
    };
    tr(
        locale,
        "explain-no-status",
        &[("why", t(locale, key).into())],
    )
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
            status_explanation(Locale::En, &result),
            format!(
                "From 14.5 in 2015 to 10.4 in 2023 the value changed by {observed:+.2}% a year; reaching 7.25 by 2030 needs {needed:+.2}% a year. Actual growth is {:.0}% of the needed pace: moderate progress / acceleration needed.",
                observed / needed * 100.0
            )
        );
        let achieved = status_explanation(Locale::En, &open_sdg(inputs(Some(12.0), 10.4)));
        assert_eq!(
            achieved,
            "The target of 12 for 2030 is already reached: the value is 10.4 in 2023 (lower is better)."
        );
        let without = status_explanation(Locale::En, &open_sdg(inputs(None, 10.4)));
        assert!(
            without.contains("without a target, 1.50% a year or more"),
            "{without}"
        );
    }

    #[test]
    fn dutch_explanations_use_a_decimal_comma() {
        let text = status_explanation(Locale::Nl, &open_sdg(inputs(Some(7.25), 10.4)));
        assert!(
            text.starts_with("Van 14,5 in 2015 naar 10,4 in 2023"),
            "{text}"
        );
        assert!(text.contains("om 7,25 te halen in 2030"), "{text}");
        assert!(
            text.ends_with(": matige vooruitgang / versnelling nodig."),
            "{text}"
        );
    }

    #[test]
    fn alternative_methods_and_missing_statuses_are_explained() {
        let growth = (10.4f64 / 14.5).powf(1.0 / 8.0) - 1.0;
        let eurostat = status_explanation(
            Locale::En,
            &assess(ProgressMethod::Eurostat, inputs(None, 10.4)),
        );
        assert!(
            eurostat.starts_with(&format!(
                "Eurostat method: {:+.2}% a year from 2015 to 2023 (significant progress): ",
                growth * 100.0
            )),
            "{eurostat}"
        );
        let unsd = status_explanation(
            Locale::En,
            &assess(ProgressMethod::UnsdProgressChart, inputs(None, 10.4)),
        );
        let projected = 10.4 * (1.0 + growth).powi(7);
        assert!(
            unsd.contains(&format!("would be {projected:.2} in 2030")),
            "{unsd}"
        );
        let mut single = inputs(None, 10.4);
        single.current_year = 2015;
        assert_eq!(
            status_explanation(Locale::En, &open_sdg(single)),
            "No status: fewer than two years of data since the base year."
        );
    }
}
