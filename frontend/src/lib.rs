//! The WebAssembly entry point: hydrates the server-rendered Local Goals pages
//! so controls work without a full page load. Nothing else lives here.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
