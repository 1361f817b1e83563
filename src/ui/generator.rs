//! Where the embed-code generator is. It lives in the second WebAssembly module (with the widget), not in the
//! first view's: a reader of the explorer's pages never downloads it (16.7 KB brotli, measured). The module that
//! has it (`ansan-budget-full`, and the pre-renderer) registers it here; the explorer's module does not, so a
//! link to the generator is left to the browser, which loads its page with the module that has it.

use super::DataRef;
use super::{EmbedPage, RouteHandle};
use crate::view::rows::pick;
use std::cell::Cell;
use yew::prelude::*;

type Render = fn(DataRef, RouteHandle, AttrValue) -> Html;

thread_local! {
    static GENERATOR: Cell<Option<Render>> = const { Cell::new(None) };
}

fn render(dataset: DataRef, route: RouteHandle, query: AttrValue) -> Html {
    html! { <EmbedPage { dataset } { route } { query } /> }
}

/// Makes the generator part of this module's explorer (called by the module that carries it).
pub fn register_generator() {
    GENERATOR.with(|g| g.set(Some(render)));
}

/// The generator, if this module carries it.
pub fn generator() -> Option<Render> {
    GENERATOR.with(Cell::get)
}

/// In a module without the generator: the way to its page, which the browser then loads whole.
pub fn elsewhere(route: &RouteHandle) -> Html {
    let lang = route.route.lang;
    html! {
        <>
            <h1>{ pick(lang, "차트 퍼가기", "Embed a chart") }</h1>
            <p><a href={ super::browser::absolute_url(&route.href(&route.route)) } target="_self" data-full-load="">
                { pick(lang, "퍼가기 코드 만들기 열기", "Open the embed-code generator") }
            </a></p>
        </>
    }
}
