//! The site's own files (CSS, JS, wasm, fonts): (being written).
