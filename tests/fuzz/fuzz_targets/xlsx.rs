//! An uploaded Excel workbook (calamine, then the observation reader),
//! checked inside the demo city's draft as the upload route checks it.
//! An input starting with `PK` is the workbook as uploaded (the zip layer
//! too); any other is sheet XML, then optionally a NUL byte and the shared
//! strings XML, packed into a sound workbook first, so mutations reach the
//! sheet reader rather than stopping at the zip's checksums.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use localgoals_fuzz::{workbook, Draft, PART_SEPARATOR};

static DRAFT: OnceLock<Draft> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let draft = DRAFT.get_or_init(|| Draft::new("xlsx"));
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        match data.iter().position(|&b| b == PART_SEPARATOR) {
            Some(at) => workbook(&data[..at], Some(&data[at + 1..])),
            None => workbook(data, None),
        }
    };
    draft.put("observations/upload.xlsx", &bytes);
    let _ = draft.check();
});
