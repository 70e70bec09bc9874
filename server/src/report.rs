//! Text reports for `localgoals build` and `localgoals status`.

use std::fmt::Write as _;

use indicators::progress::ProgressStatus;
use indicators::release::{BuildOutcome, Release};

/// What a build wrote: counts and statuses, one screen.
pub fn build_summary(outcome: &BuildOutcome) -> String {
    let m = &outcome.manifest;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Release {} is now current ({}).",
        m.id,
        serde_json::to_value(m.method)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  {} indicators, {} series, {} observations, {} warnings",
        m.indicators, m.series, m.observations, m.warnings
    );
    let _ = writeln!(out, "  series by status:");
    for (status, count) in &m.statuses {
        let _ = writeln!(out, "    {:<40} {count}", status.label());
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
    history: &[(String, String, ProgressStatus)],
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
        let _ = writeln!(out, "Indicator status: {}{score}", level.status.label());
    }
    for s in release
        .statuses
        .series
        .iter()
        .filter(|s| s.indicator_id == indicator_id)
    {
        let _ = writeln!(out, "\n  {}: {}", s.dimensions, s.progress.status.label());
        if let (Some(b), Some(l)) = (&s.baseline, &s.latest) {
            let rule = serde_json::to_value(b.rule)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    baseline {} = {} ({rule}); latest {} = {}",
                b.label, b.value, l.period.label, l.value
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
        let _ = writeln!(out, "    why: {}", s.progress.explanation);
        let slug = indicators::SeriesKey {
            indicator_id: s.indicator_id.clone(),
            dimensions: s.dimensions.clone(),
        }
        .slug();
        let past: Vec<String> = history
            .iter()
            .filter(|(_, sl, _)| *sl == slug)
            .map(|(id, _, st)| format!("{id}: {}", st.label()))
            .collect();
        if past.len() > 1 {
            let _ = writeln!(out, "    history: {}", past.join(" → "));
        }
    }
    Some(out)
}
