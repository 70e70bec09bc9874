//! Loads any tabular file (CSV in any delimiter and encoding, or an Excel
//! sheet) into one shape: header names and rows of text cells, each row with
//! the line a spreadsheet shows for it. CSV text is tokenised by a lazy polars
//! scan over the decoded bytes; Excel sheets are read with calamine.

use std::path::Path;
use std::sync::Arc;

use polars::prelude::*;

use super::text::{decode_owned, sniff_delimiter, LineEnding, TextEncoding};
use crate::problem::Problem;

/// A file's cells as text, ready for column-by-column checks.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    /// Column-major text, kept in polars' arrays (no copy per cell):
    /// `columns[c]` holds column `c`, row `r` at index `r` (in one or more
    /// chunks).
    pub columns: Vec<StringChunked>,
    /// `lines[r]` is the spreadsheet line of row `r` (the header is line 1).
    pub lines: Vec<usize>,
    pub encoding: Option<TextEncoding>,
    pub line_ending: Option<LineEnding>,
    pub delimiter: Option<u8>,
}

impl Table {
    pub fn height(&self) -> usize {
        self.lines.len()
    }

    /// Index of the first column whose normalised header is one of `names`.
    pub fn find(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.contains(&normalise_header(h).as_str()))
    }

    pub fn cell(&self, column: usize, row: usize) -> &str {
        self.columns
            .get(column)
            .and_then(|c| c.get(row))
            .unwrap_or("")
    }
}

/// Lower case, trimmed, inner spaces as `_`, a `data.` translation prefix dropped.
pub fn normalise_header(header: &str) -> String {
    let h = header.trim().trim_matches('"').trim();
    let h = h.strip_prefix("data.").unwrap_or(h);
    h.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
}

/// Reads `path` (CSV/TSV/TXT or XLSX/XLS/ODS). Problems that make the file
/// unusable (unreadable, ragged rows) come back with it; the caller decides.
pub fn load_table(path: &Path, file: &str) -> (Table, Vec<Problem>) {
    load_table_sheet(path, file, None)
}

/// [`load_table`], naming the workbook sheet to read. Without a name, a sheet
/// called `observations` or `data` is read if there is one, else the first.
pub fn load_table_sheet(path: &Path, file: &str, sheet: Option<&str>) -> (Table, Vec<Problem>) {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return (Table::default(), vec![Problem::unopenable(file, err)]),
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => load_workbook(&bytes, file, sheet),
        _ => load_csv_owned(bytes, file),
    }
}

/// Parses CSV bytes in any supported encoding, line ending and delimiter.
pub fn load_csv(bytes: &[u8], file: &str) -> (Table, Vec<Problem>) {
    load_csv_owned(bytes.to_vec(), file)
}

/// [`load_csv`], taking the bytes: a UTF-8 file is handed to polars without
/// being copied.
pub fn load_csv_owned(bytes: Vec<u8>, file: &str) -> (Table, Vec<Problem>) {
    let mut problems = Vec::new();
    let decoded = decode_owned(bytes);
    if decoded.encoding == TextEncoding::Windows1252 {
        problems.push(Problem::decoded_as_windows_1252(file));
    }
    let delimiter = sniff_delimiter(&decoded.text);
    let (encoding, line_ending) = (decoded.encoding, decoded.line_ending);
    let records = scan_records(&decoded.text, delimiter);
    if records.lines.is_empty() {
        problems.push(Problem::empty_file(file));
        return (Table::default(), problems);
    }
    for &(line, fields) in &records.ragged {
        problems.push(Problem::ragged_row(file, fields, records.header_fields).at_line(line));
    }
    let frame = match scan_text(&records, decoded.text, delimiter) {
        Ok(frame) => frame,
        Err(err) => {
            problems.push(Problem::not_csv(file, err));
            return (Table::default(), problems);
        }
    };
    // Row 0 is the header: we read without polars' header handling so that
    // duplicate or empty header names cannot fail the scan.
    let mut headers = Vec::with_capacity(frame.width());
    let mut columns = Vec::with_capacity(frame.width());
    for column in frame.columns() {
        let text = column
            .str()
            .cloned()
            .unwrap_or_else(|_| StringChunked::full_null(PlSmallStr::EMPTY, frame.height()));
        headers.push(text.get(0).unwrap_or_default().to_owned());
        // One contiguous chunk, so `get(row)` is a plain index.
        // A slice shares polars' buffers: no cell is copied.
        columns.push(text.slice(1, frame.height().saturating_sub(1)));
    }
    let mut lines = records.lines;
    lines.remove(0);
    let table = Table {
        headers,
        columns,
        lines,
        encoding: Some(encoding),
        line_ending: Some(line_ending),
        delimiter: Some(delimiter),
    };
    (table, problems)
}

/// What one pass over a CSV text learnt about its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Records {
    /// The spreadsheet line each record (header first) starts on.
    pub lines: Vec<usize>,
    /// The header's field count.
    pub header_fields: usize,
    /// Records whose field count differs from the header's: `(line, fields)`.
    pub ragged: Vec<(usize, usize)>,
    /// Byte ranges of blank lines, which polars must not see (its rows must
    /// line up with `lines`).
    pub blank: Vec<std::ops::Range<usize>>,
    /// The most fields any record has.
    pub width: usize,
}

/// Splits text into records, respecting quotes (a quoted cell may span
/// lines) and skipping blank lines, so each record knows its spreadsheet line.
/// Lines without a quote (nearly all) are counted a line at a time; a line
/// with one is walked byte by byte.
pub fn scan_records(text: &str, delimiter: u8) -> Records {
    let bytes = text.as_bytes();
    let mut out = Records::default();
    let record = |out: &mut Records, line: usize, fields: usize| {
        if out.lines.is_empty() {
            out.header_fields = fields;
        } else if fields != out.header_fields {
            out.ragged.push((line, fields));
        }
        out.width = out.width.max(fields);
        out.lines.push(line);
    };
    if memchr::memchr(b'"', bytes).is_none() {
        // No quotes anywhere: each line ends a record, so the two halves of
        // a big text (cut after a newline) are counted on two cores.
        let half = bytes.len() / 2;
        let cut = (bytes.len() > 1 << 20)
            .then(|| memchr::memchr(b'\n', &bytes[half..]).map(|i| half + i + 1))
            .flatten();
        let parts = match cut {
            Some(cut) => std::thread::scope(|scope| {
                let first = scope.spawn(|| plain_lines(bytes, 0..cut, delimiter));
                let second = plain_lines(bytes, cut..bytes.len(), delimiter);
                let first = first
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                vec![first, second]
            }),
            None => vec![plain_lines(bytes, 0..bytes.len(), delimiter)],
        };
        out.lines
            .reserve(parts.iter().map(|p| p.fields.len()).sum());
        let mut line = 1;
        for part in parts {
            let mut blanks = part.blank.into_iter();
            for fields in part.fields {
                match fields {
                    0 => out.blank.extend(blanks.next()),
                    fields => record(&mut out, line, fields as usize),
                }
                line += 1;
            }
        }
        return out;
    }
    let (mut line, mut start) = (1usize, 0usize);
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let this = &bytes[start..end];
        if memchr::memchr(b'"', this).is_none() {
            if this.iter().all(|&b| b == b' ' || b == b'\t') {
                out.blank.push(start..(end + 1).min(bytes.len()));
            } else {
                let fields = 1 + this.iter().filter(|&&b| b == delimiter).count();
                record(&mut out, line, fields);
            }
            line += 1;
            start = end + 1;
            continue;
        }
        // A quoted cell may hold delimiters and newlines: walk it.
        let (start_line, mut fields, mut in_quotes) = (line, 1usize, false);
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => in_quotes = !in_quotes,
                b'\n' if in_quotes => line += 1,
                b'\n' => break,
                b if b == delimiter && !in_quotes => fields += 1,
                _ => {}
            }
            i += 1;
        }
        record(&mut out, start_line, fields);
        line += 1;
        start = i + 1;
    }
    out
}

/// The lines of a span of text without quotes: each line's field count (0
/// for a blank line, whose bytes, newline included, are in `blank`).
#[derive(Default)]
struct PlainLines {
    fields: Vec<u32>,
    blank: Vec<std::ops::Range<usize>>,
}

fn plain_lines(bytes: &[u8], span: std::ops::Range<usize>, delimiter: u8) -> PlainLines {
    let mut out = PlainLines::default();
    let mut start = span.start;
    let newlines = memchr::memchr_iter(b'\n', &bytes[span.clone()]).map(|i| span.start + i);
    for end in newlines.chain(std::iter::once(span.end)) {
        if start >= span.end {
            break;
        }
        let this = &bytes[start..end];
        if this.iter().all(|&b| b == b' ' || b == b'\t') {
            out.blank.push(start..(end + 1).min(bytes.len()));
            out.fields.push(0);
        } else {
            // A sum of 0s and 1s, which the compiler vectorises.
            let delimiters: u32 = this.iter().map(|&b| u32::from(b == delimiter)).sum();
            out.fields.push(1 + delimiters);
        }
        start = end + 1;
    }
    out
}

/// The lazy polars scan: every cell as text, no header interpretation. The
/// text is handed over as it is, unless blank lines must be cut out first.
fn scan_text(records: &Records, text: String, delimiter: u8) -> PolarsResult<DataFrame> {
    let bytes = if records.blank.is_empty() {
        text.into_bytes()
    } else {
        let mut compact = Vec::with_capacity(text.len());
        let mut from = 0;
        for blank in &records.blank {
            compact.extend_from_slice(&text.as_bytes()[from..blank.start]);
            from = blank.end;
        }
        compact.extend_from_slice(&text.as_bytes()[from..]);
        compact
    };
    let schema: Schema = (0..records.width.max(1))
        .map(|i| Field::new(format!("c{i}").into(), DataType::String))
        .collect();
    let sources = ScanSources::Buffers(Arc::from([polars_buffer::Buffer::from(bytes)]));
    LazyCsvReader::new_with_sources(sources)
        .with_has_header(false)
        .with_separator(delimiter)
        .with_quote_char(Some(b'"'))
        .with_schema(Some(Arc::new(schema)))
        .with_truncate_ragged_lines(true)
        .with_missing_is_null(false)
        .finish()?
        .collect()
}

/// Reads one sheet of a workbook: `sheet` if given, else one named
/// `observations` or `data`, else the first.
fn load_workbook(bytes: &[u8], file: &str, sheet: Option<&str>) -> (Table, Vec<Problem>) {
    use calamine::{Data, Reader};
    let unreadable = |err: String| {
        (
            Table::default(),
            vec![Problem::unreadable_workbook(file, err)],
        )
    };
    let mut workbook = match super::workbook::open(bytes) {
        Ok(workbook) => workbook,
        Err(err) => return unreadable(err),
    };
    let names = workbook.sheet_names();
    let chosen = match sheet {
        Some(wanted) => match names.iter().find(|n| n.eq_ignore_ascii_case(wanted)) {
            Some(name) => Some(name.clone()),
            None => {
                return (
                    Table::default(),
                    vec![Problem::no_such_sheet(file, wanted, &names)],
                )
            }
        },
        None => names
            .iter()
            .find(|n| n.eq_ignore_ascii_case("observations") || n.eq_ignore_ascii_case("data"))
            .or_else(|| names.first())
            .cloned(),
    };
    let Some(sheet) = chosen else {
        return unreadable("it has no sheets".into());
    };
    let range = match super::workbook::sheet_range(&mut workbook, &sheet) {
        Ok(range) => range,
        Err(err) => return unreadable(err),
    };
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let text = |cell: &Data| -> String {
        match cell {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            Data::Float(f) => f.to_string(),
            Data::Int(i) => i.to_string(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) => d.to_string(),
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Error(e) => format!("#{e:?}"),
        }
    };
    let mut rows = range
        .rows()
        .enumerate()
        .filter(|(_, row)| row.iter().any(|c| !matches!(c, Data::Empty)));
    let Some((_, header)) = rows.next() else {
        return (Table::default(), vec![Problem::empty_sheet(file, &sheet)]);
    };
    let headers: Vec<String> = header.iter().map(&text).collect();
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); headers.len()];
    let mut lines = Vec::new();
    for (index, row) in rows {
        lines.push(first_row as usize + index + 1);
        for (c, column) in cells.iter_mut().enumerate() {
            column.push(row.get(c).map(&text).unwrap_or_default());
        }
    }
    let columns = cells
        .into_iter()
        .map(|c| StringChunked::from_iter_values(PlSmallStr::EMPTY, c.iter().map(String::as_str)))
        .collect();
    (
        Table {
            headers,
            columns,
            lines,
            ..Table::default()
        },
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
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
}
