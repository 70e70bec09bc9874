//! Narratives in plain language: two sentences from a
//! [`Narrative`](indicators::narrative::Narrative)'s facts, from the audited
//! templates in `app/locales/{code}/narratives.ftl` (see
//! `docs/methodology.md`, "Narratives"). Shown on indicator pages, in the
//! staff workspace and in the yearly report.

use indicators::model::Dimensions;
use indicators::narrative::{self, Movement, Narrative, Outlook};
use indicators::summary::SeriesSummary;
use indicators::{Indicator, Labels};

use super::series_label;
use crate::format;
use crate::i18n::{t, tr, Arg, Locale};

/// The narrative of a series in `locale`: what it did since its baseline,
/// then where it is heading, e.g. "Residents living below the poverty line
/// fell from 14.2 % in 2015 to 11.6 % in 2022 (better). At the current pace
/// the 2030 target of 10.0 % is reached in 2028."
///
/// `subject` names the series (see [`narrative_subject`]); values are shown
/// with `unit` at `decimals` places (the indicator's `unit` and `decimals`),
/// with the locale's decimal sign. A gap in a unit starting with `%` is in
/// percentage points.
pub fn narrative_text(
    locale: Locale,
    subject: &str,
    narrative: &Narrative,
    unit: &str,
    decimals: usize,
) -> String {
    let value = |v: f64| format::with_unit(v, decimals, unit, locale);
    let (from, to) = (&narrative.from, &narrative.to);
    let mut args: Vec<(&'static str, Arg)> = vec![
        ("subject", subject.into()),
        ("from", value(from.value).into()),
        ("from-year", from.label.as_str().into()),
        ("to", value(to.value).into()),
        ("to-year", to.label.as_str().into()),
    ];
    let done = if narrative.single_year() {
        args.push(("value", value(to.value).into()));
        args.push(("year", to.label.as_str().into()));
        tr(locale, "narrative-single", &args)
    } else {
        let key = match (narrative.movement, narrative.better) {
            (Movement::Rose, Some(true)) => "narrative-rose-better",
            (Movement::Rose, _) => "narrative-rose-worse",
            (Movement::Fell, Some(true)) => "narrative-fell-better",
            (Movement::Fell, _) => "narrative-fell-worse",
            (Movement::Unchanged, _) => {
                args.push(("value", value(from.value).into()));
                "narrative-unchanged"
            }
        };
        tr(locale, key, &args)
    };
    let gap = |gap: f64| {
        if is_percent(unit) {
            tr(
                locale,
                "narrative-gap-points",
                &[("gap", format::number(gap, decimals, locale).into())],
            )
        } else {
            value(gap)
        }
    };
    let mut args: Vec<(&'static str, Arg)> = Vec::new();
    if let Some((target, year)) = narrative.outlook.target() {
        args.push(("target", value(target).into()));
        args.push(("target-year", year.into()));
    }
    let heading = match narrative.outlook {
        Outlook::TooFewYears => t(locale, "narrative-too-few-years"),
        Outlook::NoTarget => t(locale, "narrative-no-target"),
        Outlook::NoPace { .. } => t(locale, "narrative-no-pace"),
        Outlook::TargetMet { .. } => tr(locale, "narrative-target-met", &args),
        Outlook::Reached { year, .. } => {
            args.push(("year", year.into()));
            tr(locale, "narrative-reached", &args)
        }
        Outlook::Missed { gap: g, .. } => {
            args.push(("gap", gap(g).into()));
            tr(locale, "narrative-missed", &args)
        }
        Outlook::Overdue { gap: g, .. } => {
            args.push(("gap", gap(g).into()));
            args.push(("year", to.label.as_str().into()));
            tr(locale, "narrative-overdue", &args)
        }
        Outlook::MovingAway { .. } => tr(locale, "narrative-moving-away", &args),
    };
    match narrative.series_break {
        Some(year) => {
            let broken = tr(
                locale,
                "break-narrative",
                &[("year", year.to_string().into())],
            );
            format!("{done} {broken} {heading}")
        }
        None => format!("{done} {heading}"),
    }
}

/// Whether gaps in `unit` are percentage points (`%`, `% of households`).
fn is_percent(unit: &str) -> bool {
    unit.trim_start().starts_with('%')
}

/// What a narrative is about: the indicator's title in `locale`, with the
/// series' label when it is not the headline series
/// ("Residents living below the poverty line (Sex: female)").
pub fn narrative_subject(
    locale: Locale,
    indicator: &Indicator,
    labels: &Labels,
    dimensions: &Dimensions,
) -> String {
    let title = indicator.localized_title(locale.code()).text;
    if dimensions.is_headline() {
        return title.to_owned();
    }
    tr(
        locale,
        "narrative-subject-series",
        &[
            ("title", title.into()),
            ("series", series_label(locale, labels, dimensions).into()),
        ],
    )
}

/// The narrative of one series of `indicator` in `locale` (`None` when it
/// has no value).
pub fn series_narrative_text(
    locale: Locale,
    indicator: &Indicator,
    labels: &Labels,
    summary: &SeriesSummary,
) -> Option<String> {
    let n = narrative::narrative(summary, indicator.decimals, indicator.direction)?;
    let subject = narrative_subject(locale, indicator, labels, &summary.dimensions);
    Some(narrative_text(
        locale,
        &subject,
        &n,
        &indicator.unit,
        usize::from(indicator.decimals),
    ))
}

/// The indicator-level narrative in `locale`: that of the series the
/// indicator is summarised by (its headline series, else the first counted
/// one, see [`indicators::narrative::narrated_summary`]). `summaries` are the
/// indicator's series summaries, in the order the release stores them.
pub fn indicator_narrative_text(
    locale: Locale,
    indicator: &Indicator,
    labels: &Labels,
    summaries: &[SeriesSummary],
) -> Option<String> {
    series_narrative_text(
        locale,
        indicator,
        labels,
        narrative::narrated_summary(summaries)?,
    )
}

#[cfg(test)]
mod tests;
