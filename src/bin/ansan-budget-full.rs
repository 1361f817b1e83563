//! The explorer's second module, for what the first view does without: the widget (`widget.html`, drawn here
//! with its loading state), the embed-code generator (`ko/embed/`, pre-rendered; this module takes the
//! whole page over, as every part of it is interactive), and the charts' downloads, which a menu in the first module has this module make (`menu_action`),
//! loading it the first time. Built by scripts/post-build.mjs beside the module Trunk builds.

#[cfg(target_arch = "wasm32")]
mod browser {
    use ansan_budget::ui::{self, data_source};
    use ansan_budget::view::widget_params;
    use wasm_bindgen::prelude::*;

    /// Loaded by a first-view page only to make a download: that page is already taken over.
    fn helper() -> bool {
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("ansanBudgetHelper"))
            .is_ok_and(|v| v.is_truthy())
    }

    pub fn main() {
        ui::register_exports();
        if helper() {
            return;
        }
        ui::mark("app-start");
        // widget.html is the bundle's page marked `<html data-page="widget">` at build time.
        let widget = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("data-page"))
            .is_some_and(|p| p == "widget");
        if widget {
            data_source::start("");
            yew::Renderer::<ui::Widget>::new().render();
        } else {
            ui::take_over_page();
        }
    }

    /// Saves the chart a widget query names (`chart=program&program=sme&lang=en&unit=won&theme=dark`) as `action`
    /// (`csv`, `json`, `png`, `svg`) at `width` CSS px, for a menu of the first module; says what happened.
    #[wasm_bindgen]
    pub async fn menu_action(action: String, query: String, width: u32) -> Result<String, JsValue> {
        let params = widget_params::parse(&query)
            .map_err(|_| JsValue::from_str("the chart's parameters were not understood"))?;
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|h| h.get_attribute("data-root"))
            .unwrap_or_else(|| "./".to_owned());
        data_source::start(&root);
        let d = data_source::loaded()
            .await
            .map_err(|e| JsValue::from_str(&e.lines(params.lang).join(" ")))?;
        let export = ui::exporter().ok_or_else(|| JsValue::from_str("no exports here"))?;
        export(&d, &params, &action, width)
            .map(str::to_owned)
            .map_err(|e| JsValue::from_str(&e))
    }
}

// The same allocator as the first view's (see src/main.rs).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::main();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "ansan-budget-full is a browser module: scripts/post-build.mjs builds it (see README.md)."
    );
}
