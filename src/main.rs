//! Entry point of the browser app; Trunk builds this binary for wasm32.
//!
//! An explorer page arrives already rendered (the `prerender` binary wrote it at build time), so the
//! WebAssembly only fetches the checked data and takes the page over (`ui::take_over_page`). A widget page (`widget.html`, the same bundle marked `<html data-page="widget">`) is drawn here.

#[cfg(target_arch = "wasm32")]
fn main() {
    use ansan_budget::ui::{self, data_source};
    // The benchmark reads these marks to split the time to an interactive page.
    let perf = web_sys::window().and_then(|w| w.performance());
    if let Some(perf) = &perf {
        let _ = perf.mark("app-start");
    }
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let widget = html
        .as_ref()
        .and_then(|h| h.get_attribute("data-page"))
        .is_some_and(|p| p == "widget");
    if widget {
        data_source::start("");
        yew::Renderer::<ui::Widget>::new().render();
        return;
    }
    ui::take_over_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ansan-budget is a browser app: build it with `trunk build` (see README.md).");
    eprintln!("To check data files natively, run `cargo run --bin budget-check -- data/*.json`.");
}
