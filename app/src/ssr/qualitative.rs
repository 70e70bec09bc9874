//! Qualitative indicators and the OHCHR types: a qualitative indicator's
//! statements as a timeline and its card's latest statement, and a rights
//! area's indicators grouped by structure, process and outcome.

use std::cmp::Ordering;

use indicators::model::{OhchrType, Statement};
use indicators::Indicator;

use super::DashboardData;
use crate::format::{self, Locale};
use crate::i18n::{t, tr};
use crate::types::{CardStatement, DateView, IndicatorCard, OhchrGroup, StatementView};

/// Newest first: by year, then by the date as written (`2019-03` after
/// `2019`), then by line, so a timeline reads the same on every page.
pub fn newest_first(a: &Statement, b: &Statement) -> Ordering {
    (b.year, &b.date, b.source.line).cmp(&(a.year, &a.date, a.source.line))
}

/// A date written `yyyy`, `yyyy-mm` or `yyyy-mm-dd`, worded as precisely as
/// it was written.
pub fn loose_date(iso: &str, locale: Locale) -> DateView {
    let parts: Vec<&str> = iso.split('-').collect();
    let text = match parts.as_slice() {
        [_, _, _] => format::date(iso, locale),
        [year, month] => match month.parse::<u32>() {
            Ok(month @ 1..=12) => tr(
                locale,
                "qualitative-month-year",
                &[
                    ("month", t(locale, &format!("month-{month}")).into()),
                    ("year", (*year).to_owned().into()),
                ],
            ),
            _ => iso.to_owned(),
        },
        _ => iso.to_owned(),
    };
    DateView {
        iso: iso.to_owned(),
        text,
    }
}

/// `Yes` or `No`.
fn answer_word(answer: bool, locale: Locale) -> String {
    t(
        locale,
        if answer {
            "qualitative-yes"
        } else {
            "qualitative-no"
        },
    )
}

/// The statements of public indicator `indicator_id`, newest first. They
/// are read from the public dataset, which has none of an internal one.
pub fn statement_views(
    data: &DashboardData,
    indicator_id: &str,
    locale: Locale,
) -> Vec<StatementView> {
    let mut statements: Vec<&Statement> = data
        .public
        .supplements
        .statements
        .iter()
        .filter(|s| s.indicator_id == indicator_id)
        .collect();
    statements.sort_by(|a, b| newest_first(a, b));
    statements
        .into_iter()
        .map(|s| StatementView {
            date: loose_date(&s.date, locale),
            answer: s.answer.map(|a| answer_word(a, locale)),
            text: super::text(s.localized_text(locale.code()), locale),
        })
        .collect()
}

/// A card's line for `statement`: `Yes — Office opened`.
pub fn card_statement(statement: &Statement, locale: Locale) -> CardStatement {
    let text = statement.localized_text(locale.code()).text;
    let words = match (statement.answer, text.is_empty()) {
        (Some(answer), true) => answer_word(answer, locale),
        (Some(answer), false) => format!("{} — {text}", answer_word(answer, locale)),
        (None, _) => text.to_owned(),
    };
    CardStatement {
        date: loose_date(&statement.date, locale),
        text: words,
    }
}

/// The OHCHR types in the order a rights area shows them; `None` (no type
/// given) last.
const GROUP_ORDER: [Option<OhchrType>; 4] = [
    Some(OhchrType::Structure),
    Some(OhchrType::Process),
    Some(OhchrType::Outcome),
    None,
];

/// `indicators` with their `cards` (as many, in the same order) grouped by
/// OHCHR type, each group headed and explained; empty groups left out.
pub fn ohchr_groups(
    indicators: &[&Indicator],
    cards: &[IndicatorCard],
    locale: Locale,
) -> Vec<OhchrGroup> {
    GROUP_ORDER
        .iter()
        .filter_map(|kind| {
            let cards: Vec<IndicatorCard> = indicators
                .iter()
                .filter(|i| i.ohchr_type == *kind)
                .filter_map(|i| cards.iter().find(|c| c.id == i.id).cloned())
                .collect();
            let key = kind.map_or("none", |k| k.as_str());
            (!cards.is_empty()).then(|| OhchrGroup {
                kind: *kind,
                heading: t(locale, &format!("ohchr-heading-{key}")),
                explanation: t(locale, &format!("ohchr-explain-{key}")),
                cards,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::testing_rights as testing;

    #[test]
    fn dates_are_worded_as_precisely_as_they_were_written() {
        assert_eq!(loose_date("2019", Locale::En).text, "2019");
        assert_eq!(loose_date("2019-03", Locale::En).text, "March 2019");
        assert_eq!(loose_date("2019-03", Locale::Nl).text, "maart 2019");
        assert_eq!(loose_date("2019-03-05", Locale::En).text, "5 March 2019");
        assert_eq!(loose_date("2019-03-05", Locale::En).iso, "2019-03-05");
    }

    #[test]
    fn a_timeline_is_newest_first_with_answers_in_words() {
        let data = testing::data();
        let en = statement_views(&data, "office", Locale::En);
        let seen: Vec<(&str, Option<&str>, &str)> = en
            .iter()
            .map(|s| {
                (
                    s.date.iso.as_str(),
                    s.answer.as_deref(),
                    s.text.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("2023-06", None, "Budget doubled"),
                ("2019-03-01", Some("Yes"), "Office opened"),
                ("2018", Some("No"), ""),
            ]
        );
        let nl = statement_views(&data, "office", Locale::Nl);
        assert_eq!(nl[1].answer.as_deref(), Some("Ja"));
        assert_eq!(nl[1].text.text, "Bureau geopend");
        assert!(
            statement_views(&data, "secret", Locale::En).is_empty(),
            "an internal indicator's statements are not public"
        );
    }

    #[test]
    fn a_qualitative_card_shows_its_latest_statement_and_no_status() {
        let data = testing::data();
        let office = data.public_indicator("office").expect("office");
        let card = data.index.card_in(office, Locale::En).expect("card");
        assert!(card.qualitative && card.status.is_none());
        let statement = card.statement.expect("statement");
        assert_eq!(
            (statement.date.text.as_str(), statement.text.as_str()),
            ("June 2023", "Budget doubled")
        );
        let poverty = data.public_indicator("poverty").expect("poverty");
        let card = data.index.card_in(poverty, Locale::En).expect("card");
        assert!(!card.qualitative && card.statement.is_none() && card.status.is_some());
    }
}
