//! Reading one cell: numbers (decimal comma or point, thousands separators,
//! flags written after the number, missing-value markers) and periods (years,
//! fiscal years, ranges).

use crate::model::{DecimalSeparator, Period};

/// Cells that mean "no value" in the files cities and statistics offices export.
pub const MISSING_MARKERS: [&str; 11] =
    ["", ".", "..", ":", "-", "–", "—", "na", "n/a", "nan", "x"];

/// Whether `cell` is a missing-value marker (case-insensitive, trimmed).
pub fn is_missing(cell: &str) -> bool {
    let trimmed = clean(cell);
    MISSING_MARKERS
        .iter()
        .any(|m| trimmed.eq_ignore_ascii_case(m))
}

/// Trims spaces (including non-breaking ones) and a pair of stray quotes.
pub fn clean(cell: &str) -> &str {
    let trimmed = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{A0}');
    trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(trimmed)
        .trim()
}

/// The longest run of letters after a number that is read as flags.
const MAX_FLAG_CHARS: usize = 3;

/// What a value cell held.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueCell {
    Missing { flags: String },
    Number { value: f64, flags: String },
    Invalid,
}

/// Splits `12,1*` or `12.1 p` into the number text and its flags.
fn split_flags(cell: &str) -> (&str, &str) {
    let end = cell
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '*')
        .len();
    let (number, flags) = cell.split_at(end);
    // `1e+05` or `2.4E+11` are numbers in scientific notation, not flags.
    (number.trim_end(), flags)
}

/// Decides how an ambiguous-looking number like `1,234` reads.
fn separator_votes(cell: &str) -> Option<DecimalSeparator> {
    let (number, _) = split_flags(clean(cell));
    let number = number.trim_start_matches(['-', '+']);
    let (comma, point) = (number.rfind(','), number.rfind('.'));
    match (comma, point) {
        (Some(c), Some(p)) => Some(if c > p {
            DecimalSeparator::Comma
        } else {
            DecimalSeparator::Point
        }),
        (Some(c), None) => {
            (!looks_like_thousands(number, c, ',')).then_some(DecimalSeparator::Comma)
        }
        (None, Some(p)) => {
            (!looks_like_thousands(number, p, '.')).then_some(DecimalSeparator::Point)
        }
        (None, None) => None,
    }
}

/// `1,234` or `12,345,678`: groups of exactly three digits after the first
/// separator, so the separator could be a thousands separator.
fn looks_like_thousands(number: &str, last: usize, sep: char) -> bool {
    let first = number.find(sep).unwrap_or(last);
    let head = &number[..first];
    !head.is_empty()
        && head.len() <= 3
        && head.chars().all(|c| c.is_ascii_digit())
        && number[first..]
            .split(sep)
            .skip(1)
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// The decimal separator a file uses, from a sample of its value cells. When
/// the sample cannot tell (only `1,234`-like or integer values), a file
/// delimited by `;` is taken to use decimal commas, as spreadsheets in most of
/// Europe write them.
pub fn detect_decimal_separator<'a>(
    cells: impl IntoIterator<Item = &'a str>,
    delimiter: u8,
) -> DecimalSeparator {
    let (mut comma, mut point) = (0usize, 0usize);
    for cell in cells.into_iter().take(10_000) {
        match separator_votes(cell) {
            Some(DecimalSeparator::Comma) => comma += 1,
            Some(DecimalSeparator::Point) => point += 1,
            None => {}
        }
    }
    match comma.cmp(&point) {
        std::cmp::Ordering::Greater => DecimalSeparator::Comma,
        std::cmp::Ordering::Less => DecimalSeparator::Point,
        std::cmp::Ordering::Equal if delimiter == b';' => DecimalSeparator::Comma,
        std::cmp::Ordering::Equal => DecimalSeparator::Point,
    }
}

/// Reads a value cell with the file's decimal separator.
pub fn parse_value(cell: &str, decimal: DecimalSeparator) -> ValueCell {
    let cell = clean(cell);
    if is_missing(cell) {
        return ValueCell::Missing {
            flags: String::new(),
        };
    }
    if let Some(value) = parse_number(cell, decimal) {
        return ValueCell::Number {
            value,
            flags: String::new(),
        };
    }
    let (number, flags) = split_flags(cell);
    let flags = flags.trim().to_owned();
    // Flags are short codes (`p`, `e`, `be`, `*`); a word is not a flag.
    if number.is_empty() || flags.chars().count() > MAX_FLAG_CHARS {
        return ValueCell::Invalid;
    }
    if is_missing(number) {
        // `: c` in Eurostat style: missing, with a flag.
        return ValueCell::Missing { flags };
    }
    if !number.ends_with(|c: char| c.is_ascii_digit()) {
        return ValueCell::Invalid;
    }
    match parse_number(number, decimal) {
        Some(value) => ValueCell::Number { value, flags },
        None => ValueCell::Invalid,
    }
}

/// A finite number, with thousands separators (the other separator, spaces,
/// non-breaking spaces, `'`) removed.
pub fn parse_number(text: &str, decimal: DecimalSeparator) -> Option<f64> {
    let thousands = match decimal {
        DecimalSeparator::Comma => '.',
        DecimalSeparator::Point => ',',
    };
    let decimal_char = match decimal {
        DecimalSeparator::Comma => ',',
        DecimalSeparator::Point => '.',
    };
    // Thousands separators must group by three: `1,234,567`, not `12,5,5`.
    let integer_part = text.split(decimal_char).next().unwrap_or("");
    let integer_part = integer_part.trim_start_matches(['-', '+', '−']);
    if integer_part.contains(thousands) {
        let groups: Vec<&str> = integer_part.split(thousands).collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    if text.matches(decimal_char).count() > 1 {
        return None;
    }
    let mut normalised = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c == thousands => {}
            ' ' | '\u{A0}' | '\u{202F}' | '\'' => {}
            ',' => normalised.push('.'),
            '−' => normalised.push('-'),
            c => normalised.push(c),
        }
    }
    // Rust accepts "inf", "nan" and "infinity": none of them is a measured value.
    if normalised
        .chars()
        .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads a period cell. The year is the year the period **starts**, the rule
/// Open SDG (sdg-build) applies and Statistics Canada's published progress
/// results rely on: `2014/2015`, `2014/15` and `2017-18` are 2014, 2014 and
/// 2017; a range such as `2004-2013` (a rolling average) is 2004; `FY2018` is
/// 2018; a quarter (`2015 Q4`) belongs to its year. The label keeps what was
/// written, so pages show the period as the file did.
pub fn parse_period(cell: &str) -> Option<Period> {
    let label = clean(cell);
    let year = period_end_year(label)?;
    (1900..=2100).contains(&year).then(|| Period {
        year,
        label: label.to_owned(),
    })
}

fn four_digits(s: &str) -> Option<i32> {
    (s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn period_end_year(text: &str) -> Option<i32> {
    if let Some(year) = four_digits(text) {
        return Some(year);
    }
    // Spreadsheets hand years over as numbers: 2020.0
    if let Some(year) = text.strip_suffix(".0").and_then(four_digits) {
        return Some(year);
    }
    let upper = text.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("FY") {
        return period_end_year(rest.trim());
    }
    // 2015 Q4, 2015-Q4, 2015Q4
    if let Some(q) = upper.rfind('Q') {
        let (year, quarter) = (upper[..q].trim_end_matches([' ', '-']), &upper[q + 1..]);
        if matches!(quarter, "1" | "2" | "3" | "4") {
            return four_digits(year);
        }
    }
    let (start, end) = text.split_once(['/', '-', '–'])?;
    let start = four_digits(start.trim())?;
    let end = end.trim();
    let end_year = match end.len() {
        4 => four_digits(end)?,
        2 => {
            let short: i32 = end.parse().ok()?;
            let century = start - start % 100;
            let candidate = century + short;
            // 1999-00 ends in 2000.
            if candidate < start {
                candidate + 100
            } else {
                candidate
            }
        }
        _ => return None,
    };
    (end_year > start).then_some(start)
}

/// Whether `text` is a calendar date written `yyyy-mm-dd`: four-digit
/// year, month and a day the month has.
pub fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !text
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return false;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The year of a date written `yyyy-mm-dd`, `yyyy-mm` or `yyyy` (update
/// dates and statements are often known only to the month or the year).
pub fn loose_date_year(text: &str) -> Option<i32> {
    let (min, max) = crate::problem::YEAR_RANGE;
    let year = |t: &str| {
        (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<i32>().ok())
            .flatten()
            .filter(|y| (min..=max).contains(y))
    };
    match text.len() {
        4 => year(text),
        7 => {
            let month = text[5..]
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m));
            (text.as_bytes()[4] == b'-' && text[5..].bytes().all(|b| b.is_ascii_digit()))
                .then_some(())
                .and(month)
                .and(year(&text[..4]))
        }
        10 if is_iso_date(text) => year(&text[..4]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalSeparator::{Comma, Point};

    #[test]
    fn missing_markers_are_missing() {
        for m in [
            "", " ", ".", "..", ":", "-", "NA", "n/a", "N/A", "NaN", "\"\"",
        ] {
            assert_eq!(
                parse_value(m, Point),
                ValueCell::Missing {
                    flags: String::new()
                },
                "{m:?}"
            );
        }
    }

    #[test]
    fn numbers_with_either_decimal_separator_and_thousands() {
        assert_eq!(
            parse_value("1.234,5", Comma),
            ValueCell::Number {
                value: 1234.5,
                flags: String::new()
            }
        );
        assert_eq!(
            parse_value("1,234.5", Point),
            ValueCell::Number {
                value: 1234.5,
                flags: String::new()
            }
        );
        assert_eq!(
            parse_value("12,5", Comma),
            ValueCell::Number {
                value: 12.5,
                flags: String::new()
            }
        );
        assert_eq!(
            parse_value("1 234 567", Point),
            ValueCell::Number {
                value: 1_234_567.0,
                flags: String::new()
            }
        );
        assert_eq!(
            parse_value("-0,25", Comma),
            ValueCell::Number {
                value: -0.25,
                flags: String::new()
            }
        );
        assert_eq!(
            parse_value("2.43573E+11", Point),
            ValueCell::Number {
                value: 2.43573e11,
                flags: String::new()
            }
        );
        assert_eq!(
            parse_value("1e+05", Point),
            ValueCell::Number {
                value: 1e5,
                flags: String::new()
            }
        );
    }

    #[test]
    fn flags_after_the_number_are_kept() {
        assert_eq!(
            parse_value("12,1*", Comma),
            ValueCell::Number {
                value: 12.1,
                flags: "*".into()
            }
        );
        assert_eq!(
            parse_value("12.1 p", Point),
            ValueCell::Number {
                value: 12.1,
                flags: "p".into()
            }
        );
        assert_eq!(
            parse_value("45be", Point),
            ValueCell::Number {
                value: 45.0,
                flags: "be".into()
            }
        );
        assert_eq!(
            parse_value(": c", Point),
            ValueCell::Missing { flags: "c".into() }
        );
    }

    #[test]
    fn non_numbers_and_non_finite_values_are_invalid() {
        for bad in [
            "twelve",
            "inf",
            "NaNx",
            "1.2.3,4,5",
            "12,5,5",
            "infinity",
            "1e999",
        ] {
            assert_eq!(parse_value(bad, Point), ValueCell::Invalid, "{bad:?}");
        }
    }

    #[test]
    fn decimal_separator_is_detected_per_file() {
        assert_eq!(
            detect_decimal_separator(["12,5", "13,1", "1.234,5"], b';'),
            Comma
        );
        assert_eq!(detect_decimal_separator(["12.5", "1,234.5"], b','), Point);
        // Ambiguous thousands-only samples: the `;` delimiter decides.
        assert_eq!(detect_decimal_separator(["1,234", "12"], b';'), Comma);
        assert_eq!(detect_decimal_separator(["1,234", "12"], b','), Point);
    }

    #[test]
    fn periods_count_from_the_year_they_start() {
        let year = |s: &str| parse_period(s).map(|p| p.year);
        assert_eq!(year("2021"), Some(2021));
        assert_eq!(year("2014/2015"), Some(2014));
        assert_eq!(year("2014/15"), Some(2014));
        assert_eq!(year("2017-18"), Some(2017));
        assert_eq!(year("1999-00"), Some(1999));
        assert_eq!(year("2004-2013"), Some(2004));
        assert_eq!(year("FY2018"), Some(2018));
        assert_eq!(year("2015 Q4"), Some(2015));
        assert_eq!(year("2020.0"), Some(2020));
        assert_eq!(
            parse_period("2017-18").map(|p| p.label),
            Some("2017-18".to_owned())
        );
    }

    #[test]
    fn prose_and_out_of_range_years_are_not_periods() {
        for bad in [
            "Prior to 2015",
            "1850",
            "2200",
            "2015/2014",
            "20",
            "",
            "2015-2",
        ] {
            assert_eq!(parse_period(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn loose_dates_take_a_year_a_month_or_a_day_that_exist() {
        assert_eq!(loose_date_year("2019"), Some(2019));
        assert_eq!(loose_date_year("2022-04"), Some(2022));
        assert_eq!(loose_date_year("2024-02-29"), Some(2024));
        for bad in [
            "2023-02-29",
            "2022-13",
            "2022-4",
            "19",
            "2019/04",
            "year",
            "20x9",
        ] {
            assert_eq!(loose_date_year(bad), None, "{bad}");
        }
    }
}
