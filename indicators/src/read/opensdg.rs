//! Open SDG repositories, read as they are: `data/indicator_<id>.csv` (any
//! folder depth) with `meta/<id>.md` YAML front matter (or `meta/<id>.yml`),
//! and `data.`-prefixed keys resolved from `translations/<lang>/data.yml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_norway::Value;

use super::{
    add_file, display_name, finish, indicator_from_file_name, read_file, read_files_in_order, text,
    ObservationOrder, Progress, Report,
};
use crate::model::{CountedSeries, Direction, Indicator, ProgressOptions, Visibility};
use crate::problem::Problem;

/// Where Open SDG repositories keep the translations of `data.` keys.
const TRANSLATION_FILES: [&str; 2] = [
    "support/translations/en/data.yml",
    "translations/en/data.yml",
];

/// Loads the English `data.yml` translations, if the repository has them.
/// A flat `Key: Text` map; real files repeat keys, so the last one wins (as
/// PyYAML, which Open SDG builds with, does).
pub fn load_translations(root: &Path) -> Option<HashMap<String, String>> {
    TRANSLATION_FILES
        .iter()
        .find_map(|f| std::fs::read_to_string(root.join(f)).ok())
        .map(|text| parse_translations(&text))
}

pub fn parse_translations(text: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (key, value) = if let Some(rest) = trimmed.strip_prefix('"') {
            // "Quoted: key": value
            match rest.split_once("\":") {
                Some((key, value)) => (key, value),
                None => continue,
            }
        } else {
            match trimmed
                .split_once(": ")
                .or_else(|| trimmed.strip_suffix(':').map(|k| (k, "")))
            {
                Some(pair) => pair,
                None => continue,
            }
        };
        map.insert(
            unquote(key.trim()).to_owned(),
            unquote(value.trim()).to_owned(),
        );
    }
    map
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// The YAML front matter of a meta `.md` file, or all of a `.yml` file.
fn front_matter(text: &str, is_markdown: bool) -> Option<&str> {
    if !is_markdown {
        return Some(text);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let end = rest
        .find("\n---")
        .map(|i| i + 1)
        .or_else(|| rest.starts_with("---").then_some(0))?;
    Some(&rest[..end])
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn year_of(v: &Value) -> Option<i32> {
    number_of(v)
        .filter(|y| y.fract() == 0.0 && (1900.0..=2100.0).contains(y))
        .map(|y| y as i32)
}

fn bool_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Some(true),
            "false" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

fn direction_of(v: &Value) -> Option<Direction> {
    match text_of(v)?.to_ascii_lowercase().as_str() {
        "positive" | "higher" => Some(Direction::Higher),
        "negative" | "lower" => Some(Direction::Lower),
        _ => None,
    }
}

/// `5-5-2a` → `5.5`, `10-x-2` → `10.x`.
pub fn target_of_id(id: &str) -> Option<String> {
    let mut parts = id.split(['-', '.']);
    Some(format!("{}.{}", parts.next()?, parts.next()?))
}

/// Reads one meta file into an indicator. The id comes from the file name.
pub fn read_meta(
    text: &str,
    id: &str,
    file: &str,
    is_markdown: bool,
    translations: Option<&HashMap<String, String>>,
) -> Result<Indicator, Box<Problem>> {
    let yaml =
        front_matter(text, is_markdown).ok_or_else(|| Box::new(Problem::no_front_matter(file)))?;
    let meta: Value = serde_norway::from_str(yaml).map_err(|err| {
        let line = err.location().map(|l| l.line() + 1);
        let mut p = Problem::bad_yaml(file, &err);
        if let Some(line) = line {
            p = p.at_line(line);
        }
        Box::new(p)
    })?;
    let get = |key: &str| meta.get(key);
    let translate = |s: String| -> String {
        match s
            .strip_prefix("data.")
            .and_then(|k| translations.and_then(|t| t.get(k)))
        {
            Some(display) => display.clone(),
            None => s,
        }
    };
    let title = ["indicator_name", "graph_title", "title"]
        .iter()
        .filter_map(|k| get(k).and_then(text_of))
        .find(|t| t != "Untitled")
        .map(|t| translate(t.split_whitespace().collect::<Vec<_>>().join(" ")))
        .unwrap_or_else(|| id.to_owned());
    let mut indicator = Indicator::new(id, &title, "", Direction::Lower, &[]);
    indicator.unit = get("computation_units")
        .and_then(text_of)
        .map(|u| u.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    indicator.sdg_targets = vec![get("target_id")
        .and_then(text_of)
        .or_else(|| target_of_id(id))
        .unwrap_or_default()];
    indicator.reporting_status = get("reporting_status").and_then(text_of);
    indicator.graph_type = get("graph_type").and_then(text_of);
    indicator.non_statistical = get("data_non_statistical")
        .and_then(bool_of)
        .unwrap_or(false);
    if get("published").and_then(bool_of) == Some(false) {
        indicator.visibility = Visibility::Internal;
    }
    indicator.definition = get("national_indicator_description")
        .or_else(|| get("computation_definitions"))
        .and_then(text_of)
        .unwrap_or_default();
    indicator.source = get("source_organisation_1")
        .and_then(text_of)
        .unwrap_or_default();
    if let Some(Value::Sequence(options)) = get("progress_calculation_options") {
        for option in options {
            let field = |k: &str| option.get(k);
            let disaggregation = match field("disaggregation") {
                Some(Value::Sequence(items)) => items
                    .iter()
                    .filter_map(|d| {
                        Some((
                            translate(text_of(d.get("field")?)?),
                            d.get("value").and_then(text_of).map(translate),
                        ))
                    })
                    .collect(),
                _ => Vec::new(),
            };
            indicator.progress_options.push(ProgressOptions {
                direction: field("direction").and_then(direction_of),
                base_year: field("base_year").and_then(year_of),
                target: field("target").and_then(number_of),
                target_year: field("target_year").and_then(year_of),
                limit: field("limit").and_then(number_of),
                series: field("series").and_then(text_of).map(translate),
                unit: field("unit").and_then(text_of).map(translate),
                disaggregation,
            });
        }
    }
    // sdg-build computes a status only where `auto_progress_calculation` is
    // the YAML boolean true (`is True`); otherwise the status is the
    // metadata's manual one, or none.
    indicator.counted_series =
        if matches!(get("auto_progress_calculation"), Some(Value::Bool(true))) {
            CountedSeries::OpenSdgOptions
        } else {
            CountedSeries::Off
        };
    if let Some(first) = indicator.progress_options.first() {
        indicator.direction = first.direction.unwrap_or(Direction::Lower);
        indicator.baseline_year = first.base_year;
        indicator.target_value = first.target;
        indicator.target_year = first.target_year.or(first.target.map(|_| 2030));
        indicator.natural_limit = first.limit;
    }
    Ok(indicator)
}

/// Every `indicator_*.csv` under `dir`, at any depth, sorted.
pub fn data_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("indicator_") && n.to_ascii_lowercase().ends_with(".csv")
            }) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `meta/<id>.md` and `meta/<id>.yml` files, sorted.
pub fn meta_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| matches!(e, "md" | "yml" | "yaml"))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Reads an Open SDG repository (or its `data` folder): metadata from
/// `meta/`, translations, and every `indicator_<id>.csv` under `data/`.
pub fn read_open_sdg_data(data_dir: &Path, root: &Path, progress: Progress<'_>) -> Report {
    read_open_sdg_columns(data_dir, root, progress, ObservationOrder::Sorted).with_observations()
}

/// [`read_open_sdg_data`], the observations as columns only (`Report::frame`).
pub(super) fn read_open_sdg_columns(
    data_dir: &Path,
    root: &Path,
    progress: Progress<'_>,
    order: ObservationOrder,
) -> Report {
    let mut report = Report::default();
    let translations = load_translations(root);
    let mut indicators: Vec<Indicator> = Vec::new();
    for path in meta_files(&root.join("meta")) {
        let name = display_name(&path, root);
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        let is_markdown = path.extension().and_then(|e| e.to_str()) == Some("md");
        match std::fs::read(&path).map(|b| text::decode(&b).text) {
            Ok(text) => match read_meta(&text, &id, &name, is_markdown, translations.as_ref()) {
                Ok(indicator) => indicators.push(indicator),
                Err(problem) => report.problems.push(*problem),
            },
            Err(err) => report.problems.push(Problem::unopenable(&name, err)),
        }
    }
    let files = data_files(data_dir);
    if files.is_empty() {
        report
            .problems
            .push(Problem::not_a_dataset(&display_name(data_dir, root)));
    }
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let names: Vec<String> = files.iter().map(|p| display_name(p, root)).collect();
    let read = |i: usize| read_file(&files[i], &names[i], None, translations.as_ref());
    read_files_in_order(files.len(), read, |i, file| {
        let (path, name) = (&files[i], &names[i]);
        progress(name, i, files.len());
        let id = indicator_from_file_name(path).unwrap_or_default();
        if let Some(first) = seen_ids.get(&id) {
            report
                .problems
                .push(Problem::duplicate_file(name, &id, first));
        } else {
            seen_ids.insert(id.clone(), name.clone());
        }
        if !indicators.iter().any(|ind| ind.id == id) {
            let mut indicator = Indicator::new(&id, &id, "", crate::model::Direction::Lower, &[]);
            indicator.sdg_targets = target_of_id(&id).into_iter().collect();
            if root.join("meta").is_dir() {
                report.problems.push(Problem::no_meta_file(name, &id));
            }
            indicators.push(indicator);
        }
        add_file(&mut report, file);
    });
    progress("", files.len(), files.len());
    for indicator in &indicators {
        if !seen_ids.contains_key(&indicator.id) {
            report.problems.push(Problem::no_data_file(
                &format!("meta/{}.md", indicator.id),
                &indicator.id,
            ));
        }
    }
    indicators.sort_by_cached_key(|i| crate::sdg::SdgId::parse(&i.id));
    report.dataset.indicators = indicators;
    finish(&mut report, order);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_keep_the_last_of_repeated_keys_and_unquote() {
        let t = parse_translations("## Global\nYear: Year\nRural: Milieu rural\nPillar 1 - Data Use: \"Pillar 1: Data Use\"\nRural: Rurale\n \n");
        assert_eq!(t.get("Rural").map(String::as_str), Some("Rurale"));
        assert_eq!(
            t.get("Pillar 1 - Data Use").map(String::as_str),
            Some("Pillar 1: Data Use")
        );
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn meta_front_matter_gives_title_unit_status_and_progress_options() {
        let text = "---\nindicator_name: >-\n  Proportion of urban population living in\n  slums\ncomputation_units: Percentage\nreporting_status: complete\ngraph_type: line\ndata_non_statistical: 'true'\ntarget_id: '11.1'\nprogress_calculation_options:\n- direction: positive\n  target: 7.25\n  target_year: 2030\n  base_year: 2016\n  limit: 100\n  disaggregation:\n  - field: Geography\n    value: Canada\n  - field: Sex\n    value:\n---\nBody text\n";
        let i = read_meta(text, "11-1-1", "meta/11-1-1.md", true, None).expect("valid meta");
        assert_eq!(i.title(), "Proportion of urban population living in slums");
        assert_eq!(i.unit, "Percentage");
        assert_eq!(i.sdg_targets, ["11.1"]);
        assert_eq!(
            (
                i.reporting_status.as_deref(),
                i.graph_type.as_deref(),
                i.non_statistical
            ),
            (Some("complete"), Some("line"), true)
        );
        assert_eq!(i.direction, Direction::Higher);
        assert_eq!(
            (
                i.baseline_year,
                i.target_value,
                i.target_year,
                i.natural_limit
            ),
            (Some(2016), Some(7.25), Some(2030), Some(100.0))
        );
        assert_eq!(
            i.progress_options[0].disaggregation,
            [
                ("Geography".to_owned(), Some("Canada".to_owned())),
                ("Sex".to_owned(), None)
            ]
        );
    }

    #[test]
    fn direction_defaults_to_negative_as_in_open_sdg() {
        let i = read_meta(
            "---\nindicator_name: X\n---\n",
            "10-x-2",
            "meta/10-x-2.md",
            true,
            None,
        )
        .expect("meta");
        assert_eq!(i.direction, Direction::Lower);
        assert_eq!(i.sdg_targets, ["10.x"]);
    }

    #[test]
    fn broken_yaml_names_its_line() {
        let err = read_meta(
            "---\nindicator_name: X\n  bad: [unclosed\n---\n",
            "x",
            "meta/x.md",
            true,
            None,
        )
        .expect_err("invalid");
        assert_eq!(err.code, crate::problem::ProblemCode::BadMetadata);
        assert!(err.line.is_some());
    }

    #[test]
    fn ids_give_targets() {
        assert_eq!(target_of_id("5-5-2a").as_deref(), Some("5.5"));
        assert_eq!(target_of_id("10-x-2").as_deref(), Some("10.x"));
    }
}
