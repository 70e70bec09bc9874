//! The WebAssembly entry point: hydrates the interactive islands of the
//! server-rendered Local Goals pages. Nothing else lives here.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    app::hydrate();
}
