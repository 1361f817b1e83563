//! The explorer's first-view module; Trunk builds this binary for wasm32.
//!
//! An explorer page arrives already rendered (the `prerender` binary wrote it at build time), so the
//! WebAssembly only fetches the checked data and makes the page's charts interactive (`ui::take_over_charts`); the
//! rest of the page stays as served, and links load the next page. The widget and the
//! embed-code generator are in the other module (`src/bin/ansan-budget-full.rs`), which their pages load.

#[cfg(target_arch = "wasm32")]
fn main() {
    ansan_budget::ui::mark("app-start");
    ansan_budget::ui::take_over_charts();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ansan-budget is a browser app: build it with `trunk build` (see README.md).");
    eprintln!("To check data files natively, run `cargo run --bin budget-check -- data/*.json`.");
}

// Talc instead of Rust's default dlmalloc: smaller (see Cargo.toml), and faster by its benchmarks.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
