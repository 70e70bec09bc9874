//! The series of a sorted observation frame, each one run of rows: what
//! the group-by groups by.

use std::ops::Range;

use polars::prelude::*;

use crate::frame::columns as c;
use crate::frame::walk;

/// The series of a sorted frame: each one run of rows.
pub(crate) struct SeriesRuns<'a> {
    /// Each run's indicator and dimensions text.
    pub ids: Vec<&'a str>,
    pub dimensions: Vec<&'a str>,
    /// Where each run starts, and the frame's height last.
    starts: Vec<usize>,
}

impl<'a> SeriesRuns<'a> {
    /// The runs of (indicator, dimensions) in `frame`, which is sorted so
    /// that each series is one run.
    pub(crate) fn of(frame: &'a DataFrame) -> PolarsResult<Self> {
        let ids = frame.column(c::INDICATOR)?.str()?;
        let dimensions = frame.column(c::DIMENSIONS)?.str()?;
        let mut id_codes: Vec<u32> = Vec::with_capacity(frame.height());
        let id_texts = walk(ids, |code| id_codes.push(code));
        let mut run_codes: Vec<(u32, u32)> = Vec::new();
        let mut starts = Vec::new();
        let mut row = 0;
        let dimension_texts = walk(dimensions, |code| {
            let key = (id_codes[row], code);
            if run_codes.last() != Some(&key) {
                run_codes.push(key);
                starts.push(row);
            }
            row += 1;
        });
        starts.push(frame.height());
        Ok(SeriesRuns {
            ids: run_codes
                .iter()
                .map(|&(i, _)| id_texts[i as usize])
                .collect(),
            dimensions: run_codes
                .iter()
                .map(|&(_, d)| dimension_texts[d as usize])
                .collect(),
            starts,
        })
    }

    /// No runs, for an empty frame.
    pub(super) fn empty() -> Self {
        SeriesRuns {
            ids: Vec::new(),
            dimensions: Vec::new(),
            starts: vec![0, 0],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The rows of run `run`.
    pub(crate) fn rows(&self, run: usize) -> Range<usize> {
        self.starts[run]..self.starts[run + 1]
    }
}
