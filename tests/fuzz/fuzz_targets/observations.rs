//! An uploaded observation file (CSV, TSV or TXT in any encoding and
//! delimiter), checked inside the demo city's draft as the upload route
//! checks it: `indicators::read::check_path` on the draft folder.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use localgoals_fuzz::Draft;

static DRAFT: OnceLock<Draft> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let draft = DRAFT.get_or_init(|| Draft::new("observations"));
    draft.put("observations/upload.csv", data);
    let _ = draft.check();
});
