//! Where a label fits inside a district's shape: a box is tried on
//! horizontal lines across the shape, nearest the shape's centre first, and
//! fits where every line through its height runs inside the shape for the
//! box's whole width.

/// A shape as projected rings (an outer ring and holes, several parts
/// alike), read with the even-odd rule.
pub type Rings = [Vec<(f64, f64)>];

/// Lines tried across the shape's height.
const TRIES: usize = 24;
/// Room kept between a label and the border.
const PADDING: f64 = 3.0;

/// The centre of a `width` × `height` box that lies inside `rings`, as
/// near the shape's centre as it fits; `None` when it fits nowhere.
pub fn place(rings: &Rings, width: f64, height: f64) -> Option<(f64, f64)> {
    let (width, height) = (width + 2.0 * PADDING, height + 2.0 * PADDING);
    let (top, bottom) = rings
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(t, b), p| {
            (t.min(p.1), b.max(p.1))
        });
    if bottom - top <= height {
        return None;
    }
    let (cx, cy) = centre(rings);
    let mut ys: Vec<f64> = (0..=TRIES)
        .map(|k| top + height / 2.0 + (bottom - top - height) * k as f64 / TRIES as f64)
        .collect();
    ys.sort_by(|a, b| (a - cy).abs().total_cmp(&(b - cy).abs()));
    for y in ys {
        // Five lines through the box's height: inside on all of them.
        let mut inside = spans(rings, y);
        for k in [-2.0, -1.0, 1.0, 2.0] {
            inside = intersect(&inside, &spans(rings, y + k * height / 4.0));
        }
        let fitting = inside
            .iter()
            .filter(|(a, b)| b - a >= width)
            .map(|(a, b)| {
                let x = cx.clamp(a + width / 2.0, b - width / 2.0);
                (x, (x - cx).abs())
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((x, _)) = fitting {
            return Some((x, y));
        }
    }
    None
}

/// The centroid of the largest ring (the main part's outer boundary).
fn centre(rings: &Rings) -> (f64, f64) {
    let measured = rings.iter().map(|ring| {
        let (mut area, mut x, mut y) = (0.0, 0.0, 0.0);
        for pair in ring.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            let cross = x0 * y1 - x1 * y0;
            area += cross;
            x += (x0 + x1) * cross;
            y += (y0 + y1) * cross;
        }
        (area / 2.0, x, y)
    });
    match measured.max_by(|a, b| a.0.abs().total_cmp(&b.0.abs())) {
        Some((area, x, y)) if area.abs() > f64::EPSILON => (x / (6.0 * area), y / (6.0 * area)),
        _ => {
            let n = rings.iter().map(Vec::len).sum::<usize>().max(1) as f64;
            let (x, y) = rings
                .iter()
                .flatten()
                .fold((0.0, 0.0), |(x, y), p| (x + p.0, y + p.1));
            (x / n, y / n)
        }
    }
}

/// Where the horizontal line at `y` runs inside the shape: sorted spans.
pub fn spans(rings: &Rings, y: f64) -> Vec<(f64, f64)> {
    let mut crossings: Vec<f64> = Vec::new();
    for ring in rings {
        for pair in ring.windows(2) {
            let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
            if (y0 > y) != (y1 > y) {
                crossings.push(x0 + (y - y0) * (x1 - x0) / (y1 - y0));
            }
        }
    }
    crossings.sort_by(f64::total_cmp);
    crossings
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// The parts of both span lists that overlap.
fn intersect(a: &[(f64, f64)], b: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for &(a0, a1) in a {
        for &(b0, b1) in b {
            let (from, to) = (a0.max(b0), a1.min(b1));
            if to > from {
                out.push((from, to));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    }

    #[test]
    fn a_label_goes_in_the_middle_when_it_fits_and_nowhere_when_not() {
        let square = [rect(0.0, 0.0, 100.0, 100.0)];
        let (x, y) = place(&square, 60.0, 20.0).expect("fits");
        assert!((x - 50.0).abs() < 1e-9 && (y - 50.0).abs() < 5.0, "{x} {y}");
        assert_eq!(place(&square, 120.0, 20.0), None, "too wide");
        assert_eq!(place(&square, 20.0, 120.0), None, "too tall");
    }

    #[test]
    fn a_label_avoids_the_notch_of_an_l_shape_and_a_hole() {
        // An L: a tall left arm and a wide bottom.
        let l = [vec![
            (0.0, 0.0),
            (30.0, 0.0),
            (30.0, 70.0),
            (100.0, 70.0),
            (100.0, 100.0),
            (0.0, 100.0),
            (0.0, 0.0),
        ]];
        let (x, y) = place(&l, 80.0, 16.0).expect("fits in the bottom");
        assert!(y > 70.0 && x - 40.0 >= 0.0 && x + 40.0 <= 100.0, "{x} {y}");
        // A square with a hole in the middle.
        let holed = [rect(0.0, 0.0, 100.0, 100.0), rect(20.0, 20.0, 80.0, 80.0)];
        let (_, y) = place(&holed, 70.0, 10.0).expect("above or below the hole");
        assert!(!(20.0..=80.0).contains(&y), "{y}");
    }
}
