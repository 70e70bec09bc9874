//! Words for the data's own disaggregation names and values (`Stadtteil`,
//! `female`) in each language, from a dataset's optional `labels.csv`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Labels by dimension, then by value (`""` for the dimension's own name),
/// then by language code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    #[serde(default)]
    pub dimensions: BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>,
}

impl Labels {
    /// Adds the label of `dimension` (`value` empty) or of one of its values.
    pub fn insert(&mut self, dimension: &str, value: &str, language: &str, text: &str) {
        self.dimensions
            .entry(dimension.to_owned())
            .or_default()
            .entry(value.to_owned())
            .or_default()
            .insert(language.to_owned(), text.to_owned());
    }

    /// How `language` names the dimension `name`, if the file says.
    pub fn dimension(&self, name: &str, language: &str) -> Option<&str> {
        self.value(name, "", language)
    }

    /// How `language` names `value` of `dimension`, if the file says.
    pub fn value(&self, dimension: &str, value: &str, language: &str) -> Option<&str> {
        self.dimensions
            .get(dimension)?
            .get(value)?
            .get(language)
            .map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.dimensions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_dimensions_and_values_per_language() {
        let mut labels = Labels::default();
        labels.insert("sex", "", "nl", "Geslacht");
        labels.insert("sex", "female", "nl", "vrouw");
        assert_eq!(labels.dimension("sex", "nl"), Some("Geslacht"));
        assert_eq!(labels.value("sex", "female", "nl"), Some("vrouw"));
        assert_eq!(labels.value("sex", "female", "en"), None);
        assert_eq!(labels.value("sex", "male", "nl"), None);
    }
}
