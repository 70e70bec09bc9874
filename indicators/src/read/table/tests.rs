//! The record scan and the CSV and sheet loaders: lines, quotes, blanks.
use super::*;
use crate::problem::{ProblemCode, Reason};

#[test]
fn csv_rows_keep_their_spreadsheet_lines_across_blank_lines_and_quoted_newlines() {
    let text = "Year,Note,Value\n2019,\"two\nlines\",1\n\n2020,plain,2\n";
    let (table, problems) = load_csv(text.as_bytes(), "t.csv");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(table.headers, ["Year", "Note", "Value"]);
    assert_eq!(table.lines, [2, 5]);
    assert_eq!(table.cell(1, 0), "two\nlines");
    assert_eq!(table.cell(2, 1), "2");
}

#[test]
fn quoted_delimiters_count_as_text_and_blank_lines_anywhere_are_skipped() {
    let text = "a,b\n  \n\"x, y\",1\n\t\n2,\"z\"\n   ";
    let (table, problems) = load_csv(text.as_bytes(), "t.csv");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(table.lines, [3, 5]);
    assert_eq!(table.cell(0, 0), "x, y");
    assert_eq!(table.cell(1, 1), "z");
    let records = scan_records(text, b',');
    assert_eq!(records.blank.len(), 3, "{records:?}");
    assert_eq!((records.header_fields, records.width), (2, 2));
}

#[test]
fn a_file_without_quotes_is_scanned_like_one_with_them() {
    // The same lines with and without a quoted cell: the quote-free
    // pass finds the same records, blank lines (tab-only ones in a
    // tab-separated file too), ragged rows and a last line without a
    // newline.
    for (text, delimiter) in [
        ("a,b\n  \n1,2\n\n3,4,5\n6,7", b','),
        ("a\tb\n\t\t\n1\t2\n3\n6\t7\n", b'\t'),
    ] {
        let quoted = text.replacen('a', "\"a\"", 1);
        let facts = |r: Records| (r.lines, r.ragged, r.header_fields, r.width, r.blank.len());
        assert_eq!(
            facts(scan_records(text, delimiter)),
            facts(scan_records(&quoted, delimiter)),
            "{text:?}"
        );
    }
    let records = scan_records("a,b\n  \n1,2\n\n3,4,5\n6,7", b',');
    assert_eq!(records.lines, [1, 3, 5, 6]);
    assert_eq!(records.ragged, [(5, 3)]);
    assert_eq!(records.blank, [4..7, 11..12]);
    let tabs = scan_records("a\tb\n\t\t\n1\t2\n", b'\t');
    assert_eq!(tabs.lines, [1, 3]);
    assert_eq!(tabs.blank.first(), Some(&(4..7)));
    assert_eq!(tabs.blank.len(), 1);
}

#[test]
fn a_big_file_without_quotes_is_counted_in_two_halves_like_one_with_them() {
    // Over 1 MiB, so the quote-free pass counts it on two cores; blank
    // lines and ragged rows on both sides of the cut.
    let mut text = String::from("a,b,c\n");
    let (mut i, mut blank, mut ragged) = (0, 0, 0);
    while text.len() < 3 << 19 {
        match i % 7 {
            3 => (text.push_str("  \n"), blank += 1),
            5 => (text.push_str(&format!("{i},{i}\n")), ragged += 1),
            _ => (text.push_str(&format!("{i},x,{i}\n")), ()),
        };
        i += 1;
    }
    // A quote in the last line sends the same text the careful way.
    let (plain, quoted) = (format!("{text}q,r,9"), format!("{text}\"q\",r,9"));
    let records = scan_records(&plain, b',');
    assert_eq!(records, scan_records(&quoted, b','));
    assert_eq!(records.lines.len() + records.blank.len(), i + 2);
    assert_eq!((records.ragged.len(), records.blank.len()), (ragged, blank));
    assert!(blank > 10_000, "{blank}");
    assert_eq!(records.lines.last(), Some(&(i + 2)));
}

#[test]
fn ragged_rows_are_errors_with_their_line() {
    let (_, problems) = load_csv(b"a;b;c\n1;2;3\n1;2\n", "t.csv");
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].code, problems[0].line),
        (ProblemCode::RaggedRow, Some(3))
    );
    assert_eq!(
        problems[0].reason,
        Reason::RaggedRow {
            cells: 2,
            expected: 3
        }
    );
}

/// Found by `cargo fuzz run catalogue` (issue 17): a UTF-16 catalogue
/// whose id cell holds a quote mid-cell. The record scan took that quote
/// as opening a quoted cell, polars as text, so the scan counted 5 rows
/// and polars 4, and the catalogue check looked up row 4 of 4: a panic
/// in polars' `get`, which took the upload route's check down with it.
#[test]
fn regression_fuzz_catalogue_a_quote_inside_a_cell_counted_one_row_too_many() {
    let bytes = include_bytes!(
        "../../../tests/fixtures/fuzz-regressions/catalogue-utf16-unclosed-quote.csv"
    );
    let (table, problems) = load_csv(bytes, "catalogue.csv");
    // The fuzzer also cut a cell from the last row: that, and only that,
    // is wrong with the file now.
    let found: Vec<_> = problems.iter().map(|p| (&p.reason, p.line)).collect();
    let ragged = Reason::RaggedRow {
        cells: 20,
        expected: 21,
    };
    assert_eq!(found, [(&ragged, Some(6))]);
    assert_eq!(table.encoding, Some(TextEncoding::Utf16Le));
    assert_eq!(
        table.lines,
        [2, 3, 5, 6],
        "row 3's quoted cell holds a newline"
    );
    assert!(table.columns.iter().all(|c| c.len() == 4));
    assert_eq!(
        table.cell(0, 3),
        "offi\0\0\0\0javascript:alert(\"\"hxc2\"\")\""
    );
    assert_eq!(table.cell(1, 3), "@SUM(1+1)*cmd|' /C hxc2'!A0");
    // Past the end is empty, never a panic.
    assert_eq!(table.cell(0, 4), "");
    assert_eq!(table.cell(21, 0), "");
}

#[test]
fn a_quote_opens_a_quoted_cell_only_as_its_first_character() {
    for (text, lines, cells) in [
        // Mid-cell quotes are text; `""` inside quotes is one mark.
        ("a,b\nx\"y,z\n1,2\n", vec![2, 3], vec!["x\"y", "1"]),
        ("a,b\n\"x\"\"y\",z\n1,2\n", vec![2, 3], vec!["x\"y", "1"]),
        // A quoted cell over two lines, then a cell with a stray quote.
        (
            "a,b\n\"p\nq\",1\nr\"s,2\n",
            vec![2, 4],
            vec!["p\nq", "r\"s"],
        ),
    ] {
        let (table, problems) = load_csv(text.as_bytes(), "t.csv");
        assert!(problems.is_empty(), "{text:?}: {problems:?}");
        assert_eq!(table.lines, lines, "{text:?}");
        let read: Vec<&str> = (0..table.height()).map(|r| table.cell(0, r)).collect();
        assert_eq!(read, cells, "{text:?}");
    }
}

#[test]
fn a_quoted_cell_never_closed_is_an_error_on_the_line_it_opens() {
    let (_, problems) = load_csv(b"a,b\n1,2\n3,\"four\n5,6\n", "t.csv");
    let found: Vec<_> = problems.iter().map(|p| (p.code, p.line)).collect();
    assert!(
        found.contains(&(ProblemCode::UnclosedQuote, Some(3))),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .all(|p| p.severity == crate::problem::Severity::Error));
}

#[test]
fn duplicate_and_empty_headers_do_not_fail_the_scan() {
    let (table, problems) = load_csv(b"year,year,,value\n2020,2021,x,1\n", "t.csv");
    assert!(problems.is_empty());
    assert_eq!(table.headers, ["year", "year", "", "value"]);
    assert_eq!(table.cell(3, 0), "1");
}

#[test]
fn empty_file_is_a_no_data_error() {
    let (_, problems) = load_csv(b"\n\n", "t.csv");
    assert_eq!(problems[0].code, ProblemCode::NoData);
}

#[test]
fn headers_are_normalised_for_matching() {
    assert_eq!(normalise_header(" Fiscal Year "), "fiscal_year");
    assert_eq!(normalise_header("\"data.Geography\""), "geography");
}
