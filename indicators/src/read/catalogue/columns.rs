//! The catalogue's columns for the rights half: `kind`, `indicator_type`,
//! `proxy` and the update dates, each read into its type or reported.

use super::RowReader;
use crate::model::{IndicatorKind, OhchrType};
use crate::problem::Problem;
use crate::read::cell::loose_date_year;

impl RowReader<'_> {
    /// `kind`: `quantitative` (default) or `qualitative`.
    pub(super) fn kind(&mut self) -> IndicatorKind {
        let text = self.text("kind").to_ascii_lowercase();
        if text.is_empty() {
            return IndicatorKind::Quantitative;
        }
        text.parse().unwrap_or_else(|_| {
            self.report(
                Problem::not_one_of(self.file, IndicatorKind::NAMES),
                "kind",
                &text,
            );
            IndicatorKind::Quantitative
        })
    }

    /// `indicator_type`: the OHCHR type, `structure`, `process` or `outcome`.
    pub(super) fn ohchr_type(&mut self) -> Option<OhchrType> {
        let text = self.text("indicator_type").to_ascii_lowercase();
        if text.is_empty() {
            return None;
        }
        // OHCHR's own words are "structural", "process" and "outcome".
        let word = if text == "structural" {
            "structure"
        } else {
            &text
        };
        let parsed = word.parse().ok();
        if parsed.is_none() {
            self.report(
                Problem::not_one_of(self.file, OhchrType::NAMES),
                "indicator_type",
                &text,
            );
        }
        parsed
    }

    /// `proxy`: `yes`/`no` (also `true`/`false`, `1`/`0`); empty is no.
    pub(super) fn proxy(&mut self) -> bool {
        match self.text("proxy").to_ascii_lowercase().as_str() {
            "" | "no" | "false" | "0" | "n" => false,
            "yes" | "true" | "1" | "y" => true,
            other => {
                let other = other.to_owned();
                self.report(
                    Problem::not_one_of(self.file, &["yes", "no"]),
                    "proxy",
                    &other,
                );
                false
            }
        }
    }

    /// A date column (`last_update`, `next_update`): `yyyy-mm-dd`, `yyyy-mm` or `yyyy`.
    pub(super) fn loose_date(&mut self, name: &str) -> Option<String> {
        let text = self.text(name);
        if text.is_empty() {
            return None;
        }
        if loose_date_year(text).is_none() {
            self.report(Problem::not_a_date(self.file), name, text);
            return None;
        }
        Some(text.to_owned())
    }
}
