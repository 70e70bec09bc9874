//! The map's classes: equal intervals between the lowest and the highest
//! value shown, on the values as the page shows them (rounded to the
//! indicator's decimals), and the colour of each class.

/// Viridis in five steps, reversed so darker means more: told apart by
/// readers with any common colour-vision deficiency, and in greyscale.
pub const PALETTE: [&str; 5] = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

/// The most classes a map has.
pub const MOST_CLASSES: usize = 5;

/// One class: values from `lower` up to (not including) `upper`, the last
/// class including its `upper`.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub lower: f64,
    pub upper: f64,
    pub colour: &'static str,
}

/// The classes for `values` shown with `decimals` decimals: n = the least
/// of 5, the number of different values shown and the number of steps of
/// the last shown decimal between the lowest and the highest (so no two
/// breaks round to the same number). Breaks are rounded to the shown
/// decimals. Empty without values.
pub fn classes(values: &[f64], decimals: usize) -> Vec<Class> {
    let shown: Vec<i64> = values.iter().map(|v| units(*v, decimals)).collect();
    let (Some(&low), Some(&high)) = (shown.iter().min(), shown.iter().max()) else {
        return Vec::new();
    };
    let mut distinct = shown.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let steps = usize::try_from(high - low).unwrap_or(0);
    let n = MOST_CLASSES.min(distinct.len()).min(steps).max(1);
    let unit = unit(decimals);
    let breaks: Vec<i64> = (0..=n)
        .map(|k| low + ((high - low) as f64 * k as f64 / n as f64).round() as i64)
        .collect();
    breaks
        .windows(2)
        .enumerate()
        .map(|(k, pair)| Class {
            lower: pair[0] as f64 * unit,
            upper: pair[1] as f64 * unit,
            colour: colour(k, n),
        })
        .collect()
}

/// The class (0-based) of `value` shown with `decimals` decimals: the
/// highest class whose lower break it reaches.
pub fn class_of(value: f64, classes: &[Class], decimals: usize) -> Option<usize> {
    let shown = units(value, decimals);
    let reaches = |c: &Class| shown >= units(c.lower, decimals);
    if classes.is_empty() {
        return None;
    }
    Some(classes.iter().rposition(reaches).unwrap_or(0))
}

/// Class `k` of `n`'s colour: the palette's ends always, the middle spread.
fn colour(k: usize, n: usize) -> &'static str {
    if n <= 1 {
        return PALETTE[2];
    }
    PALETTE[(k * (PALETTE.len() - 1) + (n - 1) / 2) / (n - 1)]
}

/// A value in steps of its last shown decimal.
fn units(value: f64, decimals: usize) -> i64 {
    (value / unit(decimals)).round() as i64
}

fn unit(decimals: usize) -> f64 {
    10f64.powi(-(decimals.min(6) as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(classes: &[Class]) -> Vec<(f64, f64)> {
        classes.iter().map(|c| (c.lower, c.upper)).collect()
    }

    #[test]
    fn five_equal_intervals_between_the_lowest_and_the_highest() {
        // 10.0 … 20.0: width 2.0.
        let values = [10.0, 11.9, 12.0, 14.5, 16.1, 19.99, 20.0];
        let classes = classes(&values, 1);
        assert_eq!(
            ranges(&classes),
            [
                (10.0, 12.0),
                (12.0, 14.0),
                (14.0, 16.0),
                (16.0, 18.0),
                (18.0, 20.0)
            ]
        );
        let of: Vec<Option<usize>> = values.iter().map(|v| class_of(*v, &classes, 1)).collect();
        assert_eq!(
            of,
            [
                Some(0),
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(4)
            ],
            "12.0 is on a break: the class above; 19.99 shows as 20.0"
        );
        let colours: Vec<&str> = classes.iter().map(|c| c.colour).collect();
        assert_eq!(colours, PALETTE);
    }

    #[test]
    fn fewer_classes_for_few_values_or_a_narrow_range() {
        let two = classes(&[3.0, 7.0], 0);
        assert_eq!(ranges(&two), [(3.0, 5.0), (5.0, 7.0)]);
        assert_eq!(
            two.iter().map(|c| c.colour).collect::<Vec<_>>(),
            [PALETTE[0], PALETTE[4]],
            "the palette's ends"
        );
        // 10, 11, 12 shown without decimals: two steps, so two classes,
        // not three whose breaks would round alike.
        let narrow = classes(&[10.2, 11.0, 11.9, 11.8], 0);
        assert_eq!(ranges(&narrow), [(10.0, 11.0), (11.0, 12.0)]);
        let same = classes(&[4.0, 4.0], 1);
        assert_eq!(ranges(&same), [(4.0, 4.0)]);
        assert_eq!(class_of(4.0, &same, 1), Some(0));
        assert!(classes(&[], 1).is_empty());
        let three = classes(&[0.0, 1.0, 2.0, 3.0], 0);
        assert_eq!(
            three.iter().map(|c| c.colour).collect::<Vec<_>>(),
            [PALETTE[0], PALETTE[2], PALETTE[4]]
        );
    }
}
