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
            // (polars' `get` panics past the end rather than give `None`)
            .filter(|c| row < c.len())
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
    if let Some(line) = records.unclosed_quote {
        problems.push(Problem::unclosed_quote(file).at_line(line));
    }
    let frame = match scan_text(&records, decoded.text, delimiter) {
        Ok(frame) => frame,
        Err(err) => {
            problems.push(Problem::not_csv(file, err));
            return (Table::default(), problems);
        }
    };
    // Each polars row must be the record counted above, or cells would be
    // reported on the wrong line (or looked up past the end). Quotes are
    // the only way the two readings can part.
    if frame.height() != records.lines.len() {
        if records.unclosed_quote.is_none() {
            problems.push(Problem::unpaired_quotes(file));
        }
        return (Table::default(), problems);
    }
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
    /// The line of the record whose quoted cell runs to the end of the text
    /// (its closing quote is missing).
    pub unclosed_quote: Option<usize>,
    /// Byte ranges of unquoted cells with a quote mark inside (`12" pipe`),
    /// which polars must see quoted (`"12"" pipe"`).
    pub stray_quotes: Vec<std::ops::Range<usize>>,
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
        // A quoted cell may hold delimiters and newlines: walk it. As
        // spreadsheets (and RFC 4180) read it, a quote opens a quoted cell
        // only as the cell's first character; inside one, `""` is a quote
        // mark and a lone `"` closes it. A quote anywhere else is text (`12"
        // pipe`), which polars would take as opening a quote: such cells are
        // noted, and quoted properly before polars sees them.
        let (start_line, mut fields, mut in_quotes) = (line, 1usize, false);
        let (mut cell_begin, mut stray) = (start, false);
        let mut i = start;
        let end_cell = |out: &mut Records, stray: bool, from: usize, to: usize| {
            if stray {
                let to = if bytes[..to].ends_with(b"\r") {
                    to - 1
                } else {
                    to
                };
                out.stray_quotes.push(from..to);
            }
        };
        while i < bytes.len() {
            let byte = bytes[i];
            i += 1;
            if in_quotes {
                match byte {
                    b'"' if bytes.get(i) == Some(&b'"') => i += 1,
                    b'"' => in_quotes = false,
                    b'\n' => line += 1,
                    _ => {}
                }
            } else if byte == b'\n' {
                i -= 1;
                break;
            } else if byte == delimiter {
                end_cell(&mut out, stray, cell_begin, i - 1);
                fields += 1;
                (cell_begin, stray) = (i, false);
            } else if byte == b'"' {
                if i - 1 == cell_begin {
                    in_quotes = true;
                } else if bytes[cell_begin] != b'"' {
                    stray = true;
                }
            }
        }
        end_cell(&mut out, stray, cell_begin, i.min(bytes.len()));
        if in_quotes {
            out.unclosed_quote.get_or_insert(start_line);
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
/// text is handed over as it is, unless blank lines must be cut out or cells
/// with a quote mid-cell quoted first.
fn scan_text(records: &Records, text: String, delimiter: u8) -> PolarsResult<DataFrame> {
    let bytes = if records.blank.is_empty() && records.stray_quotes.is_empty() {
        text.into_bytes()
    } else {
        // Both lists are in text order and never overlap (a blank line has
        // no quote): cut the one, quote the other.
        let mut edits: Vec<(&std::ops::Range<usize>, bool)> = records
            .blank
            .iter()
            .map(|r| (r, false))
            .chain(records.stray_quotes.iter().map(|r| (r, true)))
            .collect();
        edits.sort_by_key(|(r, _)| r.start);
        let text = text.as_bytes();
        let mut out = Vec::with_capacity(text.len() + 2 * records.stray_quotes.len());
        let mut from = 0;
        for (range, quote) in edits {
            out.extend_from_slice(&text[from..range.start]);
            if quote {
                out.push(b'"');
                for &byte in &text[range.clone()] {
                    if byte == b'"' {
                        out.push(b'"');
                    }
                    out.push(byte);
                }
                out.push(b'"');
            }
            from = range.end;
        }
        out.extend_from_slice(&text[from..]);
        out
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
mod tests;
