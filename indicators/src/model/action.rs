//! What the city does and spends about its indicators, from a dataset's
//! optional `actions.csv`: council decisions and motions, programmes and
//! budget lines, each linked to one or more indicators.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Localized, SourceRef};

crate::wire_enum! {
    /// What kind of action a row of `actions.csv` is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum ActionKind: "kind of action" {
        /// A council decision (date, reference, link).
        Decision = "decision",
        /// A council motion.
        Motion = "motion",
        /// A programme the city runs.
        Programme = "programme",
        /// A budget line: a year, an amount and a currency.
        Budget = "budget",
    }
}

/// One row of `actions.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    /// Unique within the dataset.
    pub id: String,
    pub kind: ActionKind,
    /// The title in the default language (`title_language`).
    pub title: String,
    /// The language `title` is in (`en` for a plain `title` column).
    #[serde(default = "english")]
    pub title_language: String,
    /// The indicator ids it is linked to, in the order written.
    pub indicators: Vec<String>,
    /// The decision's or motion's date, ISO `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The council's reference, e.g. `2023/114`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// An `http(s)` address of the decision, motion or programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// A budget line's year (or any action's year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A budget line's amount (never negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// ISO 4217 code, upper case (`EUR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The title in other languages (`title_XX` columns), by language code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    /// Where it was read: `actions.csv` and its line, for the staff view.
    #[serde(default)]
    pub source: SourceRef,
}

fn english() -> String {
    "en".to_owned()
}

impl Action {
    /// A minimal action, for tests and examples.
    pub fn new(id: &str, kind: ActionKind, title: &str, indicators: &[&str]) -> Self {
        Action {
            id: id.to_owned(),
            kind,
            title: title.to_owned(),
            title_language: english(),
            indicators: indicators.iter().map(|i| i.to_string()).collect(),
            date: None,
            reference: None,
            link: None,
            year: None,
            amount: None,
            currency: None,
            translations: BTreeMap::new(),
            source: SourceRef::default(),
        }
    }

    /// The title in `language`, or the default language's, saying which.
    pub fn localized_title(&self, language: &str) -> Localized<'_> {
        match self
            .translations
            .get_key_value(language)
            .filter(|(_, text)| !text.is_empty())
        {
            Some((language, text)) => Localized { text, language },
            None => Localized {
                text: &self.title,
                language: &self.title_language,
            },
        }
    }

    /// Whether it is linked to `indicator_id`.
    pub fn links(&self, indicator_id: &str) -> bool {
        self.indicators.iter().any(|i| i == indicator_id)
    }

    /// A budget line's amount and currency, when it is a complete one.
    pub fn budget(&self) -> Option<(i32, f64, &str)> {
        match (self.kind, self.year, self.amount, self.currency.as_deref()) {
            (ActionKind::Budget, Some(year), Some(amount), Some(currency)) => {
                Some((year, amount, currency))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_falls_back_to_the_default_language_and_says_so() {
        let mut action = Action::new("a", ActionKind::Programme, "Energy coaches", &["x"]);
        action
            .translations
            .insert("nl".into(), "Energiecoaches".into());
        assert_eq!(action.localized_title("nl").text, "Energiecoaches");
        let de = action.localized_title("de");
        assert_eq!((de.text, de.language), ("Energy coaches", "en"));
        assert!(de.is_fallback("de"));
    }

    #[test]
    fn kinds_read_their_wire_names_and_list_them_when_unknown() {
        assert_eq!("budget".parse::<ActionKind>(), Ok(ActionKind::Budget));
        let err = "law".parse::<ActionKind>().expect_err("unknown");
        assert_eq!(err.allowed, ActionKind::NAMES);
    }
}
