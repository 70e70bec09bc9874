//! Breaks in a time series (Eurostat's flag `b`): a point so flagged starts
//! a new segment that is not comparable with the years before it, so
//! trends, changes and statuses look at the last segment only.

use super::{Period, Point};

/// The flag that marks a break in series (Eurostat's `b`).
pub const BREAK_FLAG: char = 'b';

/// The letters Eurostat's flag codes are made of (`b` break, `c`
/// confidential, `d` definition differs, `e` estimated, `f` forecast, `i`
/// see metadata, `n` not significant, `p` provisional, `r` revised, `s`
/// Eurostat estimate, `u` low reliability, `z` not applicable) and `*`.
const FLAG_LETTERS: &str = "bcdefinprsuz*";

/// Whether `flags` (as written: `b`, `be`, `p b`, `break`) mark a break in
/// series: a flag code (up to three of Eurostat's flag letters, as it
/// combines them) with a `b` in it, or the word `break`. Any other word is
/// a note, not a code, so a `b` inside it is not a break.
pub fn marks_break(flags: &str) -> bool {
    // Most values have no flag, or none with a b: asked of every row.
    if !flags.bytes().any(|b| b == b'b' || b == b'B') {
        return false;
    }
    flags
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .any(|code| {
            code.eq_ignore_ascii_case("break")
                || (code.len() <= 3
                    && code.contains(BREAK_FLAG)
                    && code.chars().all(|c| FLAG_LETTERS.contains(c)))
        })
}

impl Point {
    /// Whether this point is flagged as a break in series.
    pub fn marks_break(&self) -> bool {
        marks_break(&self.flags)
    }
}

/// Where the last segment of `points` (sorted by period) starts: the index
/// of the last point flagged as a break, or 0. A break on the first point
/// breaks from nothing, so it changes nothing.
pub fn last_segment_start(points: &[Point]) -> usize {
    points.iter().rposition(Point::marks_break).unwrap_or(0)
}

/// The points from the last break on (all of them without a break).
pub fn last_segment(points: &[Point]) -> &[Point] {
    &points[last_segment_start(points)..]
}

/// The periods where a new segment starts: every flagged break but one on
/// the first point, oldest first.
pub fn break_periods(points: &[Point]) -> Vec<&Period> {
    points
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, p)| p.marks_break())
        .map(|(_, p)| &p.period)
        .collect()
}

/// Whether `points[i]` starts a new segment (a break that is not the first
/// point).
pub fn starts_segment(points: &[Point], i: usize) -> bool {
    i > 0 && points.get(i).is_some_and(Point::marks_break)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(flags: &[&str]) -> Vec<Point> {
        flags
            .iter()
            .enumerate()
            .map(|(i, f)| Point {
                period: Period::year(2015 + i as i32),
                value: i as f64,
                flags: (*f).to_owned(),
                progress: None,
            })
            .collect()
    }

    #[test]
    fn a_b_among_short_flag_codes_or_the_word_break_marks_a_break() {
        for flags in ["b", "be", "bd", "p b", "e,b", "Break", "b*"] {
            assert!(marks_break(flags), "{flags}");
        }
        for flags in ["", "p", "e", "*", "de", "bad data", "see note b2"] {
            assert!(!marks_break(flags), "{flags}");
        }
    }

    #[test]
    fn the_last_segment_starts_at_the_last_break_but_not_at_the_first_point() {
        let with_two = points(&["", "", "b", "", "be", ""]);
        assert_eq!(last_segment_start(&with_two), 4);
        assert_eq!(last_segment(&with_two).len(), 2);
        let years: Vec<i32> = break_periods(&with_two).iter().map(|p| p.year).collect();
        assert_eq!(years, [2017, 2019]);
        let first_only = points(&["b", "", ""]);
        assert_eq!(last_segment(&first_only).len(), 3);
        assert!(break_periods(&first_only).is_empty());
        assert!(!starts_segment(&first_only, 0));
        assert!(starts_segment(&with_two, 2));
        assert!(!starts_segment(&with_two, 3));
    }
}
