//! Limits a workbook must keep before and while its sheet is read, so a small
//! hostile upload cannot make the reader unpack gigabytes (a zip bomb),
//! reserve memory for a count the file merely claims (calamine reserves room
//! for every shared string `uniqueCount` announces), or allocate the whole grid
//! between two far-apart cells (calamine's range is the cells' bounding box:
//! A1 and XFD1048576 are 17 billion cells).

use std::io::{Read, Seek};

use calamine::{Cell, Data, Range};

/// The most a workbook's parts may unpack to, together. A data sheet of a
/// million rows by five columns is about 200 MiB of XML.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most shared strings (distinct texts) a workbook may announce.
pub const MAX_SHARED_STRINGS: u64 = 5_000_000;
/// The most cells a sheet's used area may span (rows by columns, from its
/// first to its last cell with data): a million rows by eight columns.
pub const MAX_CELLS: u64 = 8 * 1024 * 1024;

const MIB: u64 = 1024 * 1024;

/// Why a workbook is not read. The reader's problem wraps the text, and its
/// hint says to save the workbook again or export the sheet as CSV.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookLimit {
    #[error("it unpacks to {} MiB, over the limit of {} MiB (a zip bomb, or far more than a data sheet): keep only the data sheet in the workbook, or export that sheet as CSV", .bytes / MIB, .limit / MIB)]
    Unpacked { bytes: u64, limit: u64 },
    #[error("its list of texts (xl/sharedStrings.xml) claims {claimed} distinct texts, over the limit of {limit}: save it again from Excel or LibreOffice, or export the sheet as CSV")]
    SharedStrings { claimed: u64, limit: u64 },
    #[error("its sheet's cells with data span {rows} rows by {columns} columns ({cells} cells), over the limit of {limit}: delete the rows and columns far from the data (or copy the data into a new sheet) and save again")]
    Cells {
        rows: u64,
        columns: u64,
        cells: u64,
        limit: u64,
    },
}

/// The workbook in `bytes`, opened only once [`check_zip`] finds it within
/// the limits; the error is the reason to show.
pub fn open(bytes: &[u8]) -> Result<calamine::Sheets<std::io::Cursor<Vec<u8>>>, String> {
    check_zip(bytes).map_err(|limit| limit.to_string())?;
    calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|err| err.to_string())
}

/// Checks the zip's directory before anything is unpacked: what its parts
/// unpack to together, and how many shared strings it announces. A file
/// that is not a zip passes: calamine says what is wrong with it. The zip
/// reader stops any part at the size the directory gives it, so the sum
/// bounds what reading can unpack.
pub fn check_zip(bytes: &[u8]) -> Result<(), WorkbookLimit> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    let mut shared = None;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index_raw(index) else {
            continue;
        };
        total = total.saturating_add(part.size());
        if part
            .name()
            .is_ok_and(|name| name.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        {
            shared = Some(index);
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(WorkbookLimit::Unpacked {
            bytes: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    if let Some(index) = shared {
        let mut head = Vec::new();
        if let Ok(part) = archive.by_index(index) {
            // The count is an attribute of the first element.
            let _ = part.take(4096).read_to_end(&mut head);
        }
        if let Some(claimed) = unique_count(&head) {
            if claimed > MAX_SHARED_STRINGS {
                return Err(WorkbookLimit::SharedStrings {
                    claimed,
                    limit: MAX_SHARED_STRINGS,
                });
            }
        }
    }
    Ok(())
}

/// The `uniqueCount` of the `<sst>` element at the start of `xml`.
fn unique_count(xml: &[u8]) -> Option<u64> {
    let key = b"uniqueCount=";
    let at = xml.windows(key.len()).position(|w| w == key)? + key.len();
    let quote = *xml.get(at)?;
    let digits: Vec<u8> = xml
        .get(at + 1..)?
        .iter()
        .take_while(|&&b| b != quote)
        .copied()
        .collect();
    let text = std::str::from_utf8(&digits).ok()?.trim();
    // A number too long for u64 is over any limit.
    Some(text.parse::<u64>().unwrap_or(u64::MAX))
}

/// Why an XLSX sheet was not read: calamine's error, or a limit.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error(transparent)]
    Xlsx(#[from] calamine::XlsxError),
    #[error(transparent)]
    Limit(#[from] WorkbookLimit),
}

/// Sheet `name` of `workbook` as a range: an XLSX sheet through
/// [`xlsx_range`], the other formats as calamine reads them.
pub fn sheet_range<RS: Read + Seek>(
    workbook: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Range<Data>, String> {
    use calamine::Reader as _;
    match workbook {
        calamine::Sheets::Xlsx(xlsx) => xlsx_range(xlsx, name).map_err(|err| err.to_string()),
        other => other.worksheet_range(name).map_err(|err| err.to_string()),
    }
}

/// Reads sheet `name` of an XLSX workbook cell by cell, keeping the cells
/// with data, and builds the range only if the area they span is within
/// [`MAX_CELLS`].
pub fn xlsx_range<RS: Read + Seek>(
    workbook: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<Range<Data>, SheetError> {
    let mut reader = workbook.worksheet_cells_reader(name)?;
    let mut cells = Vec::new();
    let mut area = Area::default();
    while let Some(cell) = reader.next_cell()? {
        let value = Data::from(cell.get_value().clone());
        if matches!(value, Data::Empty) {
            continue;
        }
        area.add(cell.get_position());
        area.check(cells.len() as u64 + 1)?;
        cells.push(Cell::new(cell.get_position(), value));
    }
    area.check(cells.len() as u64)?;
    Ok(Range::from_sparse(cells))
}

/// The bounding box of the cells seen so far.
#[derive(Debug, Clone, Copy, Default)]
struct Area {
    first: Option<(u32, u32)>,
    last: (u32, u32),
}

impl Area {
    fn add(&mut self, (row, column): (u32, u32)) {
        let (first_row, first_column) = self.first.unwrap_or((row, column));
        self.first = Some((first_row.min(row), first_column.min(column)));
        self.last = (self.last.0.max(row), self.last.1.max(column));
    }

    /// Over the limit: the span, or the cells kept (`kept`), whichever is
    /// larger (the span is at least the count).
    fn check(&self, kept: u64) -> Result<(), WorkbookLimit> {
        let Some((first_row, first_column)) = self.first else {
            return Ok(());
        };
        let rows = u64::from(self.last.0 - first_row) + 1;
        let columns = u64::from(self.last.1 - first_column) + 1;
        let cells = rows.saturating_mul(columns).max(kept);
        if cells > MAX_CELLS {
            return Err(WorkbookLimit::Cells {
                rows,
                columns,
                cells,
                limit: MAX_CELLS,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of `(name, text)` parts, deflated.
    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut out);
            for (name, text) in parts {
                writer
                    .start_file(*name, zip::write::SimpleFileOptions::default())
                    .expect("a part");
                writer.write_all(text.as_bytes()).expect("write");
            }
            writer.finish().expect("finish");
        }
        out.into_inner()
    }

    #[test]
    fn a_workbook_unpacking_past_the_limit_is_refused_before_it_is_read() {
        // Two small parts whose directory entries say 128 MiB and 1 byte:
        // the directory alone decides (the zip reader would stop each part
        // at that size), so nothing need be unpacked to refuse it.
        let mut bytes = zip_of(&[("xl/a.xml", "<a/>"), ("xl/b.xml", "<b/>")]);
        let half = MAX_UNPACKED_BYTES / 2;
        let mut sizes = [half as u32, half as u32 + 1].into_iter();
        let mut at = 0;
        while let Some(found) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
            let entry = at + found;
            let size = sizes.next().expect("two entries");
            bytes[entry + 24..entry + 28].copy_from_slice(&size.to_le_bytes());
            at = entry + 4;
        }
        assert_eq!(
            check_zip(&bytes),
            Err(WorkbookLimit::Unpacked {
                bytes: 2 * half + 1,
                limit: MAX_UNPACKED_BYTES
            })
        );
        let small = zip_of(&[("xl/a.xml", "<a/>")]);
        assert_eq!(check_zip(&small), Ok(()));
        // Not a zip: calamine's own error says so.
        assert_eq!(check_zip(b"PK\x03\x04garbage"), Ok(()));
    }

    #[test]
    fn the_shared_strings_count_is_read_from_the_directory_before_calamine_opens_it() {
        let sst = "<?xml version=\"1.0\"?><sst xmlns=\"x\" count=\"4000000000\" uniqueCount=\"4000000000\"><si><t>a</t></si></sst>";
        let bytes = zip_of(&[("xl/sharedStrings.xml", sst)]);
        assert_eq!(
            check_zip(&bytes),
            Err(WorkbookLimit::SharedStrings {
                claimed: 4_000_000_000,
                limit: MAX_SHARED_STRINGS
            })
        );
        assert_eq!(unique_count(b"<sst uniqueCount='12'>"), Some(12));
        assert_eq!(
            unique_count(b"<sst uniqueCount=\"99999999999999999999999\">"),
            Some(u64::MAX)
        );
        assert_eq!(unique_count(b"<sst count=\"3\">"), None);
    }

    /// A workbook with one sheet, `sheet` its XML, and `shared` as its
    /// shared strings, read through the same path as an upload.
    fn read_workbook(
        sheet: &str,
        shared: &str,
    ) -> (crate::read::table::Table, Vec<crate::problem::Problem>) {
        let ns = "http://schemas.openxmlformats.org";
        let bytes = zip_of(&[
            ("[Content_Types].xml", &format!("<?xml version=\"1.0\"?><Types xmlns=\"{ns}/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")),
            ("_rels/.rels", &format!("<?xml version=\"1.0\"?><Relationships xmlns=\"{ns}/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{ns}/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
            ("xl/workbook.xml", &format!("<?xml version=\"1.0\"?><workbook xmlns=\"{ns}/spreadsheetml/2006/main\" xmlns:r=\"{ns}/officeDocument/2006/relationships\"><sheets><sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", &format!("<?xml version=\"1.0\"?><Relationships xmlns=\"{ns}/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{ns}/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")),
            ("xl/worksheets/sheet1.xml", &format!("<?xml version=\"1.0\"?><worksheet xmlns=\"{ns}/spreadsheetml/2006/main\"><sheetData>{sheet}</sheetData></worksheet>")),
            ("xl/sharedStrings.xml", shared),
        ]);
        let dir = tempfile::TempDir::new().expect("a folder");
        let path = dir.path().join("book.xlsx");
        std::fs::write(&path, bytes).expect("write");
        crate::read::table::load_table(&path, "book.xlsx")
    }

    const NO_STRINGS: &str = "<?xml version=\"1.0\"?><sst uniqueCount=\"0\"></sst>";

    /// Regression: calamine allocated the bounding box of the sheet's
    /// cells, so two cells at A1 and XFD1048576 (a 500-byte file) asked for
    /// 17 billion cells and aborted the process.
    #[test]
    fn a_workbook_with_cells_at_a1_and_xfd1048576_is_refused_without_allocating_the_grid() {
        let (table, problems) = read_workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>indicator</t></is></c></row>\
             <row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>",
            NO_STRINGS,
        );
        assert_eq!(table.height(), 0);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let limit = WorkbookLimit::Cells {
            rows: 1_048_576,
            columns: 16_384,
            cells: 1_048_576 * 16_384,
            limit: MAX_CELLS,
        };
        assert_eq!(
            problems[0].reason,
            crate::problem::Reason::UnreadableWorkbook {
                error: limit.to_string()
            }
        );
        // The same cells close together read as a table.
        let (table, problems) = read_workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>indicator</t></is></c>\
             <c r=\"B1\" t=\"inlineStr\"><is><t>year</t></is></c></row>\
             <row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B2\"><v>2020</v></c></row>",
            NO_STRINGS,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(table.headers, ["indicator", "year"]);
        assert_eq!((table.cell(0, 0), table.cell(1, 0)), ("x", "2020"));
    }

    /// Regression: calamine reserved room for every shared string the file
    /// announced, so a small workbook claiming four billion aborted the
    /// process on the failed allocation.
    #[test]
    fn a_workbook_claiming_four_billion_shared_strings_is_refused_with_the_limit() {
        let (_, problems) = read_workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
            "<?xml version=\"1.0\"?><sst count=\"4000000000\" uniqueCount=\"4000000000\"><si><t>a</t></si></sst>",
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].reason,
            crate::problem::Reason::UnreadableWorkbook {
                error: WorkbookLimit::SharedStrings {
                    claimed: 4_000_000_000,
                    limit: MAX_SHARED_STRINGS
                }
                .to_string()
            }
        );
    }

    #[test]
    fn the_area_counts_rows_by_columns_from_the_first_to_the_last_cell() {
        let mut area = Area::default();
        assert_eq!(area.check(0), Ok(()));
        area.add((0, 0));
        area.add((1_048_575, 16_383));
        assert_eq!(
            area.check(2),
            Err(WorkbookLimit::Cells {
                rows: 1_048_576,
                columns: 16_384,
                cells: 1_048_576 * 16_384,
                limit: MAX_CELLS
            })
        );
        let mut narrow = Area::default();
        narrow.add((10, 3));
        narrow.add((1_000_009, 4));
        assert_eq!(narrow.check(2), Ok(()), "a million rows by two columns");
    }
}
