//! Numbers as a reader in a given locale writes them: `12,345.6` in English,
//! `12.345,6` in German and Dutch, `12 345,6` in French and Swedish, with a
//! true minus sign. Used by tables, cards and chart axes alike, so a value
//! reads the same everywhere on the page.

pub use crate::i18n::Locale;

/// `value` rounded to `decimals` places, grouped by thousands.
pub fn number(value: f64, decimals: usize, locale: Locale) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let (group, decimal) = locale.separators();
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // "-0.0" after rounding is zero, not a negative number.
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('−');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// A value with its unit, as tables and cards show it: `12.1 %`.
pub fn with_unit(value: f64, decimals: usize, unit: &str, locale: Locale) -> String {
    let number = number(value, decimals, locale);
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

/// A change with its sign always shown: `+1.5`, `−0.3`, `0.0`.
pub fn signed(value: f64, decimals: usize, locale: Locale) -> String {
    let text = number(value, decimals, locale);
    if text.starts_with('−') || text.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        text
    } else {
        format!("+{text}")
    }
}

/// A calendar date (`2026-12-01`) as a reader in `locale` writes it:
/// `1 December 2026`, `1 december 2026`. Anything else is returned as is.
pub fn date(iso: &str, locale: Locale) -> String {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
    let (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day))) =
        (parts.next(), parts.next(), parts.next())
    else {
        return iso.to_owned();
    };
    crate::i18n::tr(
        locale,
        "date",
        &[
            ("day", day.to_string().into()),
            (
                "month",
                crate::i18n::t(locale, &format!("month-{month}")).into(),
            ),
            ("year", year.to_string().into()),
        ],
    )
}

/// Decimals that tell axis ticks spanning `span` apart without noise.
pub fn axis_decimals(span: f64) -> usize {
    if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_groups_thousands_with_commas() {
        assert_eq!(number(1234567.891, 1, Locale::En), "1,234,567.9");
        assert_eq!(number(999.0, 0, Locale::En), "999");
        assert_eq!(number(1000.0, 0, Locale::En), "1,000");
        assert_eq!(number(12.05, 1, Locale::En), "12.1");
    }

    #[test]
    fn german_and_dutch_swap_the_separators() {
        assert_eq!(number(1234.5, 1, Locale::De), "1.234,5");
        assert_eq!(number(1234.5, 2, Locale::Nl), "1.234,50");
    }

    #[test]
    fn french_and_swedish_group_with_a_narrow_no_break_space() {
        assert_eq!(number(1234.5, 1, Locale::Fr), "1\u{202F}234,5");
        assert_eq!(number(-1234.5, 1, Locale::Sv), "−1\u{202F}234,5");
    }

    #[test]
    fn negatives_use_a_minus_sign_and_negative_zero_is_zero() {
        assert_eq!(number(-3.25, 1, Locale::En), "−3.2");
        assert_eq!(number(-0.01, 1, Locale::En), "0.0");
        assert_eq!(signed(-0.01, 1, Locale::En), "0.0");
        assert_eq!(signed(1.5, 1, Locale::En), "+1.5");
        assert_eq!(signed(-1.5, 1, Locale::De), "−1,5");
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(date("2026-12-01", Locale::En), "1 December 2026");
        assert_eq!(date("2026-03-09", Locale::Nl), "9 maart 2026");
        assert_eq!(date("not a date", Locale::Nl), "not a date");
    }

    #[test]
    fn missing_values_are_a_dash_not_nan() {
        assert_eq!(number(f64::NAN, 1, Locale::En), "–");
    }
}
