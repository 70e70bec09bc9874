//! An Open SDG metadata file (`meta/*.md` with YAML front matter, or a
//! `.yml`), decoded and read as `read_open_sdg_data` reads each one, and
//! the same text as a translations file.
#![no_main]

use std::collections::HashMap;
use std::sync::OnceLock;

use indicators::read::opensdg::{parse_translations, read_meta};
use indicators::read::text::decode;
use libfuzzer_sys::fuzz_target;

static TRANSLATIONS: OnceLock<HashMap<String, String>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let translations = TRANSLATIONS
        .get_or_init(|| parse_translations("Female: Women\nMale: Men\nYear: Year\nTotal: Total\n"));
    let text = decode(data).text;
    for is_markdown in [true, false] {
        if let Ok(indicator) = read_meta(
            &text,
            "11-1-1",
            "meta/11-1-1.md",
            is_markdown,
            Some(translations),
        ) {
            assert_eq!(indicator.id, "11-1-1", "the id comes from the file name");
        }
    }
    let _ = parse_translations(&text);
});
