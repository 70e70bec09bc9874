//! Text reports for `localgoals build` and `localgoals status`.

use std::fmt::Write as _;

use app::i18n::Locale;
use app::words::{baseline_rule, series_label, status_explanation, status_label};
use indicators::Labels;

/// The command line reports in English.
const EN: Locale = Locale::En;
use indicators::release::{BuildOutcome, HistoryEntry, Release};

/// What a build wrote: counts and statuses, one screen.
pub fn build_summary(outcome: &BuildOutcome) -> String {
    let m = &outcome.manifest;
    let mut out = String::new();
    let _ = writeln!(out, "Release {} is now current ({}).", m.id, m.method);
    let _ = writeln!(
        out,
        "  {} indicators, {} series, {} observations, {} warnings",
        m.indicators, m.series, m.observations, m.warnings
    );
    let _ = writeln!(out, "  series by status:");
    for (status, count) in &m.statuses {
        let _ = writeln!(out, "    {:<40} {count}", status_label(EN, *status));
    }
    if m.warnings > 0 {
        let _ = writeln!(
            out,
            "  Run `localgoals check {}` to see the warnings.",
            m.source
        );
    }
    out
}

/// An indicator's series with status, inputs and the reason; `None` if the
/// release has no such indicator.
pub fn indicator_status(
    release: &Release,
    indicator_id: &str,
    history: &[HistoryEntry],
) -> Option<String> {
    let indicator = release.dataset.indicator(indicator_id)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} ({}) in release {}",
        indicator.id,
        indicator.title(),
        indicator.unit,
        release.manifest.id
    );
    if let Some(level) = release
        .statuses
        .indicators
        .iter()
        .find(|s| s.indicator_id == indicator_id)
    {
        let score = level
            .mean_score
            .map(|s| format!(", mean score {s:.2}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "Indicator status: {}{score} (from the series marked *)",
            status_label(EN, level.status)
        );
    }
    for s in release
        .statuses
        .series
        .iter()
        .filter(|s| s.indicator_id == indicator_id)
    {
        let _ = writeln!(
            out,
            "\n{} {}: {}",
            if s.counts { " *" } else { "  " },
            series_label(EN, &Labels::default(), &s.dimensions),
            status_label(EN, s.progress.status)
        );
        if let (Some(b), Some(l)) = (&s.baseline, &s.latest) {
            let _ = writeln!(
                out,
                "    baseline {} = {} ({}); latest {} = {}",
                b.label,
                b.value,
                baseline_rule(EN, b.rule),
                l.period.label,
                l.value
            );
        }
        if let Some(c) = &s.change_since_baseline {
            let pct = c
                .percent
                .map(|p| format!(" ({p:+.1}%)"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    since baseline {:+.*}{pct}",
                usize::from(indicator.decimals),
                c.absolute
            );
        }
        if let Some(t) = &s.trend {
            let _ = writeln!(
                out,
                "    trend {:+.3} a year, projected {:.2} in {}",
                t.slope_per_year, t.projected_value, t.projected_year
            );
        }
        if let Some(score) = s.progress.score {
            let _ = writeln!(out, "    score {score:.2}");
        }
        let _ = writeln!(out, "    why: {}", status_explanation(EN, &s.progress));
        let slug = s.dimensions.slug();
        let past: Vec<String> = history
            .iter()
            .filter(|entry| entry.slug == slug)
            .map(|entry| format!("{}: {}", entry.release, status_label(EN, entry.status)))
            .collect();
        if past.len() > 1 {
            let _ = writeln!(out, "    history: {}", past.join(" → "));
        }
    }
    Some(out)
}
