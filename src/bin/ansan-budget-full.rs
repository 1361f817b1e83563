//! The explorer's second module, for the pages that need more than the first view: the widget
//! (`widget.html`, drawn here with its loading state) and the embed-code generator (`ko/embed/`, pre-rendered
//! and taken over like every page). Built by scripts/post-build.mjs beside the module Trunk builds; the
//! explorer's other pages never load it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use ansan_budget::ui;
    ui::mark("app-start");
    ui::register_generator();
    // widget.html is the bundle's page marked `<html data-page="widget">` at build time.
    let widget = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-page"))
        .is_some_and(|p| p == "widget");
    if widget {
        ui::data_source::start("");
        yew::Renderer::<ui::Widget>::new().render();
    } else {
        ui::take_over_page();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "ansan-budget-full is a browser module: scripts/post-build.mjs builds it (see README.md)."
    );
}
