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
    let view = frame.view().expect("view");
    let ranges = view.series_ranges();
    let names: Vec<(&str, &str, usize)> =
        ranges.iter().map(|(i, d, r)| (*i, *d, r.len())).collect();
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
