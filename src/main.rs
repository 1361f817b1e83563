//! Entry point of the browser app; Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The benchmark reads these marks to split the time to the first chart.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("app-start");
    }
    // The data request goes out now, while Yew builds the page, not after its first render.
    ansan_budget::ui::data_source::start();
    // One build serves both pages: widget.html is index.html marked `<html data-page="widget">` at build time.
    let widget = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-page"))
        .is_some_and(|p| p == "widget");
    if widget {
        yew::Renderer::<ansan_budget::ui::Widget>::new().render();
    } else {
        yew::Renderer::<ansan_budget::ui::App>::new().render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("ansan-budget is a browser app: build it with `trunk build` (see README.md).");
    eprintln!("To check data files natively, run `cargo run --bin budget-check -- data/*.json`.");
}
