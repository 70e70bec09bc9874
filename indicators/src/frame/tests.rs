//! Frames built, sorted and read back.
use super::*;

fn obs(id: &str, year: i32, dims: &[(&str, &str)], value: f64, line: usize) -> Observation {
    Observation {
        indicator_id: id.into(),
        period: Period::year(year),
        dimensions: Dimensions::new(dims.iter().copied()),
        value,
        flags: if line == 3 { "p".into() } else { String::new() },
        progress: (line == 4).then_some(1.5),
        source: SourceRef {
            file: Arc::from("a.csv"),
            line,
        },
    }
}

#[test]
fn observations_survive_the_round_trip_through_a_frame() {
    let observations = vec![
        obs("a", 2020, &[("sex", "female"), ("age", "0-17")], 1.5, 2),
        obs("a", 2021, &[], 2.0, 3),
        obs("b", 2019, &[("district", "Nord;\"Süd\"")], -3.25, 4),
    ];
    let frame = ObservationFrame::from_observations(&observations);
    assert_eq!(frame.height(), 3);
    assert_eq!(frame.to_observations().expect("rows"), observations);
    let text = frame.frame().column(columns::TEXT).expect("text column");
    assert_eq!(text.null_count(), 3, "numbers have no text value");
}

#[test]
fn sorting_puts_the_headline_first_and_keeps_ties_in_file_order() {
    let observations = vec![
        obs("b", 2020, &[], 1.0, 2),
        obs("a", 2021, &[("district", "d10")], 2.0, 3),
        obs("a", 2020, &[("district", "d2")], 3.0, 4),
        obs("a", 2020, &[], 4.0, 5),
        obs("a", 2020, &[("district", "d10")], 5.0, 6),
        obs("a", 2020, &[("district", "d10")], 6.0, 7),
    ];
    let mut frame = ObservationFrame::from_observations(&observations);
    frame.sort().expect("sort");
    let lines: Vec<usize> = frame
        .to_observations()
        .expect("rows")
        .iter()
        .map(|o| o.source.line)
        .collect();
    // a/headline, a/d10 (2020 twice in file order, then 2021), a/d2, b.
    assert_eq!(lines, [5, 6, 7, 3, 4, 2]);
    let runs = crate::summary::grouped::SeriesRuns::of(frame.frame()).expect("runs");
    let names: Vec<(&str, &str, usize)> = (0..runs.len())
        .map(|r| (runs.ids[r], runs.dimensions[r], runs.rows(r).len()))
        .collect();
    assert_eq!(
        names,
        [
            ("a", "[]", 1),
            ("a", r#"[["district","d10"]]"#, 3),
            ("a", r#"[["district","d2"]]"#, 1),
            ("b", "[]", 1)
        ]
    );
}

#[test]
fn an_older_frame_without_a_text_column_gets_an_empty_one() {
    let observations = vec![obs("a", 2020, &[], 1.0, 2)];
    let mut frame = ObservationFrame::from_observations(&observations).into_frame();
    frame.drop_in_place(columns::TEXT).expect("drop");
    let frame = ObservationFrame::new(frame).expect("read");
    assert_eq!(frame.to_observations().expect("rows"), observations);
    assert!(ObservationFrame::new(DataFrame::empty()).is_err());
}

#[test]
fn radix_order_is_a_stable_sort_of_narrow_and_wide_keys() {
    // Keys with many ties, in 12 and 40 bits: the order must be a stable
    // sort's, ties in row order.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let narrow: Vec<u32> = (0..5000).map(|_| (next() % 4096) as u32 & 0xF0F).collect();
    let wide: Vec<u64> = (0..5000).map(|_| (next() % (1 << 40)) & !0xFFFF).collect();
    let stable = |keys: Vec<u64>| {
        let mut rows: Vec<IdxSize> = (0..keys.len() as IdxSize).collect();
        rows.sort_by_key(|&r| keys[r as usize]);
        rows
    };
    let expected = stable(narrow.iter().map(|&k| u64::from(k)).collect());
    assert_eq!(radix_order(narrow, 12), expected);
    assert_eq!(radix_order(wide.clone(), 40), stable(wide));
}

#[test]
fn packed_order_sorts_by_indicator_series_and_year_ties_in_row_order() {
    let ids = [1, 0, 1, 0, 0];
    let series = [0, 2, 0, 1, 2];
    let years = [2020, 2019, 2018, 2021, 2019];
    let order = packed_order((2, 3), &years, |i| (ids[i], series[i])).expect("fits");
    let order: Vec<IdxSize> = order.into_no_null_iter().collect();
    assert_eq!(order, [3, 1, 4, 2, 0]);
}

#[test]
fn runs_order_a_grouped_frame_and_give_way_to_rows_when_they_cannot() {
    let order = |keys: &[(u32, u32, i32)]| match order_by_runs(keys.len(), |i| keys[i]) {
        None => None,
        Some(RunOrder::Sorted) => Some(Vec::new()),
        Some(RunOrder::Gather(o)) => Some(o.into_no_null_iter().collect::<Vec<IdxSize>>()),
    };
    // Series in runs of rising years, the runs out of order, one series
    // split over two runs whose years follow on.
    let grouped: Vec<(u32, u32, i32)> = [(1, 0), (0, 1), (0, 0)]
        .iter()
        .flat_map(|&(id, s)| (2000..2020).map(move |y| (id, s, y)))
        .chain((2020..2030).map(|y| (1, 0, y)))
        .collect();
    let got = order(&grouped).expect("ordered by runs");
    let mut rows: Vec<IdxSize> = (0..grouped.len() as IdxSize).collect();
    rows.sort_by_key(|&r| grouped[r as usize]);
    assert_eq!(got, rows);
    // In order already.
    let mut sorted = grouped.clone();
    sorted.sort();
    assert_eq!(order(&sorted), Some(Vec::new()));
    // Two runs of one series sharing a year: a tie, left to the rows.
    let mut overlapping = grouped.clone();
    overlapping.extend((2019..2021).map(|y| (0, 0, y)));
    assert_eq!(order(&overlapping), None);
    // Rows in no order: runs of one row.
    let scattered: Vec<(u32, u32, i32)> =
        (0..64).map(|i| (i % 7, 0, 2000 + (i / 7) as i32)).collect();
    assert_eq!(order(&scattered), None);
}
