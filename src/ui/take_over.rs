//! Taking over a page the build rendered: find where the page is below the explorer's root, fetch the checked
//! data, and render the same `App` that wrote the page in its place. The markup is the same, and the old is
//! removed and the new drawn in one task, before the browser paints again, so the reader sees nothing change
//! (no layout shift: tests/e2e measures it); the element that had focus gets it back. Yew's hydration would adopt
//! the markup instead, for 14.6 KB brotli more .wasm. If the data cannot be had, the page stays as it was
//! served (every figure is on it) and says in one line why it is not interactive.

use super::data_source;
use super::use_route::{find_base, location_route};
use super::{App, AppProps, LoadError};
use crate::model::Lang;
use crate::view::route::Route;

/// Starts the explorer on the page the browser has loaded.
pub fn take_over_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // The loader may start the app at the reader's first input, while the page is still being read.
    if doc.ready_state() == "loading" {
        gloo_events::EventListener::once(&doc, "DOMContentLoaded", |_| take_over_page()).forget();
        return;
    }
    find_base();
    let root = doc
        .document_element()
        .and_then(|h| h.get_attribute("data-root"))
        .unwrap_or_else(|| "./".to_owned());
    let Some(app) = doc.get_element_by_id("app") else {
        return;
    };
    // The page was rendered for its address with the default view options; it is taken over as rendered,
    // then the app follows the address's own options.
    let (route, depth) = location_route().unwrap_or_else(|| (Route::default(), 0));
    let route = route.rendered();
    data_source::start(&root);
    data_source::when_loaded(move |loaded| match loaded {
        Ok(dataset) => {
            // Where focus was, as a path of child positions from the root: the new markup is the same.
            let focused = doc
                .active_element()
                .filter(|el| app.contains(Some(el)))
                .and_then(|el| super::app::path_from(&app, el));
            app.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(
                app,
                AppProps {
                    dataset,
                    route,
                    depth,
                },
            )
            .render();
            if let Some(path) = focused {
                super::app::refocus_after_render(path);
            }
            super::mark("app-interactive");
        }
        Err(e) => say_static(&doc, &e, route.lang),
    });
}

/// A line at the top of the page: the charts are not interactive, and why. Nothing else changes.
fn say_static(doc: &web_sys::Document, e: &LoadError, lang: Lang) {
    let Ok(p) = doc.create_element("p") else {
        return;
    };
    let _ = p.set_attribute("class", "error static-note");
    let _ = p.set_attribute("role", "alert");
    let lead = match lang {
        Lang::Ko => "차트를 움직일 수 없습니다. 금액과 출처는 아래에 그대로 있습니다. 이유: ",
        Lang::En => "The charts cannot be made interactive; every figure and source below still holds. Why: ",
    };
    let why = e.lines(lang).join(" ");
    p.set_text_content(Some(&format!("{lead}{why}")));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&p);
    }
}
