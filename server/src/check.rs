//! `localgoals check`: a report a person reads, or JSON a program reads.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use app::words::{problem_hint, problem_line, problem_message};
use indicators::read::Report;
use indicators::{Problem, Severity};
use serde::Serialize;

/// How many problems of one kind in one file are listed before "and N more".
const LIST_PER_KIND: usize = 5;

/// The human-readable report: a line per file, the problems grouped by file
/// and kind, and a closing verdict that says what to do.
pub fn render_text(report: &Report, path: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Checked {path}");
    for file in &report.files {
        let mut facts = Vec::new();
        if let Some(shape) = file.shape {
            facts.push(shape.to_string());
        }
        if let Some(encoding) = file.encoding {
            facts.push(encoding.to_string());
        }
        if let Some(delimiter) = &file.delimiter {
            facts.push(format!(
                "delimiter {}",
                if delimiter == "\t" {
                    "tab".to_owned()
                } else {
                    format!("'{delimiter}'")
                }
            ));
        }
        if let Some(decimal) = file.decimal_separator {
            facts.push(format!("decimal {decimal}"));
        }
        let status = match (file.errors, file.warnings) {
            (0, 0) => "ok".to_owned(),
            (0, w) => format!("ok, {w} warning(s)"),
            (e, w) => format!("{e} error(s), {w} warning(s): NOT accepted"),
        };
        let _ = writeln!(
            out,
            "  {:<40} {:>7} rows {:>7} values  {}  [{}]",
            file.file,
            file.rows,
            file.observations,
            status,
            facts.join(", ")
        );
    }
    // Grouped by file, errors first, then code by name (as before codes were
    // an enum), so the order does not depend on the enum's declaration order.
    let mut groups: BTreeMap<(&str, Severity, &str), Vec<&Problem>> = BTreeMap::new();
    for p in &report.problems {
        groups
            .entry((p.file.as_str(), p.severity, p.code.as_str()))
            .or_default()
            .push(p);
    }
    if !groups.is_empty() {
        let _ = writeln!(out);
    }
    for ((_, _, _), problems) in &groups {
        for p in problems.iter().take(LIST_PER_KIND) {
            let _ = writeln!(out, "{}", problem_line(p));
        }
        if problems.len() > LIST_PER_KIND {
            let _ = writeln!(
                out,
                "  … and {} more like this in {} (see --json for all)",
                problems.len() - LIST_PER_KIND,
                problems[0].file
            );
        }
    }
    let d = &report.dataset;
    let _ = writeln!(
        out,
        "\n{} indicator(s), {} observation(s) accepted; {} error(s), {} warning(s).",
        d.indicators.len(),
        report.frame.height(),
        report.errors(),
        report.warnings()
    );
    if report.errors() > 0 {
        let _ = writeln!(
            out,
            "Fix the errors above and run the check again: a file with errors is not accepted."
        );
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    path: &'a str,
    errors: usize,
    warnings: usize,
    files: &'a [indicators::read::FileSummary],
    indicators: &'a [indicators::Indicator],
    observations: &'a [indicators::Observation],
    problems: Vec<WordedProblem<'a>>,
}

/// A problem with its codes and values, and the same worded in English.
#[derive(Serialize)]
struct WordedProblem<'a> {
    #[serde(flatten)]
    problem: &'a Problem,
    message: String,
    hint: String,
}

/// Everything as one JSON document: files, the parsed observations and one
/// object per problem (file, line, column, severity, code, the reason with
/// its values, and the English message and hint).
pub fn render_json(report: &Report, path: &str) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&JsonReport {
        path,
        errors: report.errors(),
        warnings: report.warnings(),
        files: &report.files,
        indicators: &report.dataset.indicators,
        observations: &report.dataset.observations,
        problems: report
            .problems
            .iter()
            .map(|problem| WordedProblem {
                problem,
                message: problem_message(app::i18n::Locale::En, problem),
                hint: problem_hint(app::i18n::Locale::En, problem),
            })
            .collect(),
    })
}
