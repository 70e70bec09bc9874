//! The dataset's languages: `labels.csv` (words for disaggregation names and
//! values per language) and the check that every text the dataset's
//! `languages` promise is there.

use std::collections::BTreeMap;

use super::catalogue::language_columns;
use super::table::Table;
use crate::model::{Area, Indicator, Labels};
use crate::problem::Problem;

pub const LABELS_FILE: &str = "labels.csv";

/// `labels.csv`: `dimension,value,label_en,label_nl…`; an empty `value`
/// labels the dimension itself.
pub fn read_labels(table: &Table, file: &str) -> (Labels, Vec<Problem>) {
    let mut labels = Labels::default();
    let mut problems: Vec<Problem> = ["dimension", "value"]
        .iter()
        .filter(|name| table.find(&[name]).is_none())
        .map(|name| Problem::missing_column(file, name))
        .collect();
    let texts = language_columns(&table.headers, "label");
    if texts.is_empty() {
        problems.push(Problem::missing_column(file, "label_en"));
    }
    if !problems.is_empty() {
        return (labels, problems);
    }
    let (dimension, value) = (
        table.find(&["dimension"]).unwrap_or_default(),
        table.find(&["value"]).unwrap_or_default(),
    );
    for row in 0..table.height() {
        let name = table.cell(dimension, row).trim();
        // A blank row, as spreadsheets leave them.
        if name.is_empty() {
            continue;
        }
        let value = table.cell(value, row).trim();
        for (language, column) in &texts {
            let text = table.cell(*column, row).trim();
            if !text.is_empty() {
                labels.insert(name, value, language, text);
            }
        }
    }
    (labels, problems)
}

/// A warning for each indicator title, definition and narrative, area name
/// and label that has text in the default language but none in one of
/// `languages`.
pub fn missing_translations(
    languages: &[String],
    indicators: &[Indicator],
    catalogue: (&str, &BTreeMap<String, usize>),
    areas: Option<(&[Area], &str, &BTreeMap<String, usize>)>,
    labels: &Labels,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let (file, lines) = catalogue;
    for language in languages {
        for indicator in indicators {
            if language == &indicator.default_language {
                continue;
            }
            let line = lines.get(&indicator.id).copied().unwrap_or(1);
            let translation = indicator.translations.get(language);
            let texts = [
                ("title", !indicator.titles.contains_key(language), true),
                (
                    "definition",
                    translation.is_none_or(|t| t.definition.is_empty()),
                    !indicator.definition.is_empty(),
                ),
                (
                    "narrative",
                    translation.is_none_or(|t| t.narrative.is_empty()),
                    !indicator.narrative.is_empty(),
                ),
            ];
            for (column, missing, has_default) in texts {
                if missing && has_default {
                    problems.push(
                        Problem::missing_translation(file, language)
                            .at(line, &format!("{column}_{language}"))
                            .with_value(&indicator.id),
                    );
                }
            }
        }
        if let Some((areas, file, lines)) = areas {
            for area in areas.iter().filter(|a| !a.names.contains_key(language)) {
                let line = lines.get(&area.id).copied().unwrap_or(1);
                problems.push(
                    Problem::missing_translation(file, language)
                        .at(line, &format!("name_{language}"))
                        .with_value(&area.id),
                );
            }
        }
        for (dimension, values) in &labels.dimensions {
            for (value, texts) in values {
                if !texts.contains_key(language) {
                    let what = if value.is_empty() {
                        dimension.clone()
                    } else {
                        format!("{dimension}={value}")
                    };
                    problems.push(
                        Problem::missing_translation(LABELS_FILE, language)
                            .at(1, &format!("label_{language}"))
                            .with_value(&what),
                    );
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Reason;
    use crate::read::table::load_csv;

    #[test]
    fn labels_are_read_per_language_and_a_missing_column_is_named() {
        let (table, _) = load_csv(
            b"dimension,value,label_en,label_nl\nsex,,Sex,Geslacht\nsex,female,female,vrouw\n",
            LABELS_FILE,
        );
        let (labels, problems) = read_labels(&table, LABELS_FILE);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(labels.dimension("sex", "nl"), Some("Geslacht"));
        assert_eq!(labels.value("sex", "female", "nl"), Some("vrouw"));

        let (table, _) = load_csv(b"dimension,label_en\nsex,Sex\n", LABELS_FILE);
        let (_, problems) = read_labels(&table, LABELS_FILE);
        assert!(
            matches!(&problems[0].reason, Reason::MissingColumn { column } if column == "value")
        );
    }

    #[test]
    fn a_missing_dutch_title_is_a_warning_at_its_line_and_column() {
        let mut indicator =
            Indicator::new("poverty", "Poverty", "%", crate::Direction::Lower, &["1.2"]);
        indicator.definition = "Share of residents".into();
        let lines = BTreeMap::from([("poverty".to_owned(), 2)]);
        let problems = missing_translations(
            &["en".into(), "nl".into()],
            &[indicator],
            ("catalogue.csv", &lines),
            None,
            &Labels::default(),
        );
        let columns: Vec<_> = problems
            .iter()
            .map(|p| p.column.clone().unwrap_or_default())
            .collect();
        assert_eq!(columns, ["title_nl", "definition_nl"]);
        assert!(problems.iter().all(|p| !p.is_error() && p.line == Some(2)));
    }
}
