//! What the fuzz targets share: a scratch draft folder per process, laid out
//! as the staff workspace lays out a draft (settings, catalogue, areas, and
//! the observation files), so each input is read by
//! `indicators::read::check_path` exactly as an uploaded file is.

use std::path::{Path, PathBuf};

use indicators::read::{check_path, Report};

/// The demo city's catalogue, areas and settings: the dataset an uploaded
/// observation file is checked against.
pub const CATALOGUE: &[u8] = include_bytes!("../../../indicators/demo-city/catalogue.csv");
pub const AREAS: &[u8] = include_bytes!("../../../indicators/demo-city/areas.csv");
pub const SETTINGS: &[u8] = include_bytes!("../../../indicators/demo-city/settings.csv");
/// One small observation file beside the fuzzed one, so the checks across
/// files (the same value in two files) run too.
pub const BUDGET: &[u8] = include_bytes!("../../../indicators/demo-city/observations/budget.csv");

/// A draft folder under `/dev/shm` (memory, so the writes cost little), or
/// the temporary folder where there is none. One per process: libFuzzer
/// runs the inputs one after another.
#[derive(Debug)]
pub struct Draft {
    dir: PathBuf,
}

impl Draft {
    /// A fresh draft with the demo city's settings, catalogue and areas and
    /// `observations/budget.csv`.
    pub fn new(target: &str) -> Self {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("localgoals-fuzz-{target}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let draft = Self { dir };
        draft.put("settings.csv", SETTINGS);
        draft.put("catalogue.csv", CATALOGUE);
        draft.put("areas.csv", AREAS);
        draft.put("observations/budget.csv", BUDGET);
        draft
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` to `relative` in the draft (its folder made first).
    pub fn put(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("the scratch folder can be made");
        }
        std::fs::write(&path, bytes).expect("the scratch file can be written");
        path
    }

    /// Reads the whole draft as the upload route's check does.
    pub fn check(&self) -> Report {
        check_path(&self.dir, &|_, _, _| {}).expect("the draft folder exists")
    }
}

/// The byte that separates the sheet XML from the shared strings in the
/// xlsx target's XML form.
pub const PART_SEPARATOR: u8 = 0;

/// A workbook of one sheet (`observations`): `sheet` as
/// `xl/worksheets/sheet1.xml` and `shared`, if any, as
/// `xl/sharedStrings.xml`, stored uncompressed with their checksums, as
/// Excel and LibreOffice would pack them.
pub fn workbook(sheet: &[u8], shared: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="observations" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut part = |name: &str, bytes: &[u8]| {
        zip.start_file(name, stored).expect("a zip entry");
        zip.write_all(bytes).expect("a zip entry's bytes");
    };
    part("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    part("_rels/.rels", RELS.as_bytes());
    part("xl/workbook.xml", WORKBOOK.as_bytes());
    part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes());
    part("xl/worksheets/sheet1.xml", sheet);
    if let Some(shared) = shared {
        part("xl/sharedStrings.xml", shared);
    }
    zip.finish().expect("a zip").into_inner()
}
