//! An uploaded `catalogue.csv`, replacing the demo city's in a draft, the
//! whole draft then checked as the upload route checks it (the catalogue,
//! then the areas and observations against it).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use localgoals_fuzz::Draft;

static DRAFT: OnceLock<Draft> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let draft = DRAFT.get_or_init(|| Draft::new("catalogue"));
    draft.put("catalogue.csv", data);
    let _ = draft.check();
});
