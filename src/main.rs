//! The explorer's first-view module; Trunk builds this binary for wasm32.
//!
//! An explorer page arrives already rendered (the `prerender` binary wrote it at build time), so the
//! WebAssembly only fetches the checked data and takes the page over (`ui::take_over_page`). The widget and the
//! embed-code generator are in the other module (`src/bin/ansan-budget-full.rs`), which their pages load.

#[cfg(target_arch = "wasm32")]
fn main() {
    ansan_budget::ui::mark("app-start");
    ansan_budget::ui::take_over_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ansan-budget is a browser app: build it with `trunk build` (see README.md).");
    eprintln!("To check data files natively, run `cargo run --bin budget-check -- data/*.json`.");
}
