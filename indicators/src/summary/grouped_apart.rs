//! The runs of a group-by's part that positions cannot summarise, picked
//! from their points instead: runs with points that are not usable, and
//! runs with a break in series after their first row (their summary is
//! their last segment's, `Picks::of_points`).

use polars::prelude::*;

use super::super::{Picks, Usable};
use crate::frame::columns as c;
use crate::model::{marks_break, Point};

/// What a run's usable points are when some of its points are not usable
/// (a `Progress` or value that is not a finite number): picked from its
/// points, since the positions of the group-by no longer tell them.
#[derive(Clone, Copy)]
pub(super) struct UsablePicks {
    pub first: Option<Usable>,
    pub from_base: Option<Usable>,
    pub last: Option<Usable>,
    pub eurostat_base: Option<Usable>,
}

/// The runs picked apart: by run, the usable picks of runs with unusable
/// points, and the points (with the year the baseline is looked for from)
/// of runs with a break. `starts` and `lengths` are the runs' rows in
/// `part`, `counts` each run's rows and usable rows, `bases` each run's
/// year the baseline is looked for from.
#[allow(clippy::type_complexity)]
pub(super) fn runs_apart(
    part: &DataFrame,
    starts: &[usize],
    lengths: &[usize],
    (n, usable): (&[u32], &[u32]),
    bases: &[i32],
    eurostat: bool,
) -> PolarsResult<(
    PlHashMap<usize, UsablePicks>,
    PlHashMap<usize, (Vec<Point>, i32)>,
)> {
    let points_of = |i: usize| -> Vec<Point> {
        let slice = part.slice(starts[i] as i64, lengths[i]);
        crate::frame::ObservationFrame::new(slice)
            .and_then(|f| f.view())
            .map(|view| {
                (0..lengths[i])
                    .map(|r| view.point_at(r))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // Runs with a break after their first row. One pass over the flags;
    // `marks_break` returns at once for a flag without a `b`.
    let mut broken = PlHashMap::default();
    let flags = part.column(c::FLAGS)?.str()?;
    let mut run = 0;
    for (row, cell) in flags.iter().enumerate() {
        while run + 1 < starts.len() && starts[run + 1] <= row {
            run += 1;
        }
        if row > starts[run] && !broken.contains_key(&run) && cell.is_some_and(marks_break) {
            broken.insert(run, (points_of(run), bases[run]));
        }
    }
    let mut partly_usable = PlHashMap::default();
    for (i, (&n, &u)) in n.iter().zip(usable).enumerate() {
        if u < n && !broken.contains_key(&i) {
            let points = points_of(i);
            let picks = Picks::of_points(&points, Some(bases[i]));
            partly_usable.insert(
                i,
                UsablePicks {
                    first: picks.usable_first,
                    from_base: picks.usable_from_base,
                    last: picks.usable_last,
                    eurostat_base: picks.eurostat_base.filter(|_| eurostat),
                },
            );
        }
    }
    Ok((partly_usable, broken))
}
