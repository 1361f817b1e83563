//! The current route of a page the whole of which the app draws (the generator's), kept in step with the
//! address. Every page has a real address below the explorer's root (`en/program/sme/`) and links between
//! pages are plain `<a href>`s, which the browser follows by loading the next page (pre-rendered, so it shows
//! at once). Within a page, view options (language, the generator's choices) replace the current history
//! entry, so the back button never walks through control clicks.

use crate::view::route::{depth, Route};
use std::cell::RefCell;
use yew::prelude::*;

thread_local! {
    /// The absolute path of the explorer's root (`/budget/`), found once from the page's `data-root`.
    static BASE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Finds the explorer's root from the page's `<html data-root="../../">` (written by the pre-renderer: how
/// far the page is below the root) and the page's own address. Called once, before the app starts.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn find_base() {
    let base = (|| {
        let w = web_sys::window()?;
        let root = w
            .document()?
            .document_element()?
            .get_attribute("data-root")
            .unwrap_or_else(|| "./".to_owned());
        let href = w.location().href().ok()?;
        web_sys::Url::new_with_base(&root, &href)
            .ok()
            .map(|u| u.pathname())
    })();
    BASE.with(|b| *b.borrow_mut() = base);
}

/// The route and depth of an absolute path (and query) of this site, if it is inside the explorer.
pub fn route_at(pathname: &str, search: &str) -> Option<(Route, usize)> {
    let base = BASE.with(|b| b.borrow().clone())?;
    let rel = pathname.strip_prefix(base.as_str())?;
    Some((Route::from_path(rel, search), depth(rel)))
}

/// The route and depth of the page's current address.
pub fn location_route() -> Option<(Route, usize)> {
    let loc = web_sys::window()?.location();
    route_at(&loc.pathname().ok()?, &loc.search().ok()?)
}

/// Rewrites the current history entry's address (`href`, relative to the page), keeping its state; whether
/// it was rewritten.
pub fn replace_address(href: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| {
            let state = h.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            h.replace_state_with_url(&state, "", Some(href)).ok()
        })
        .is_some()
}

/// The route plus how to change it.
#[derive(Clone, PartialEq)]
pub struct RouteHandle {
    pub route: Route,
    /// How many folders below the explorer's root the current address is; links are relative to it.
    pub depth: usize,
    /// Change a view option of this page: the current history entry is rewritten.
    pub replace: Callback<Route>,
}

impl RouteHandle {
    /// A link from the current page to `to`.
    pub fn href(&self, to: &Route) -> String {
        to.href(self.depth)
    }
}

/// The route, starting from the one the page was rendered for (so the browser's first render matches the
/// static HTML it takes over), then following the address.
#[hook]
pub fn use_route(initial: Route, initial_depth: usize) -> RouteHandle {
    let route = use_state_eq(|| initial);
    let depth = use_state_eq(|| initial_depth);
    {
        let (route, depth) = (route.clone(), depth.clone());
        use_effect_with((), move |_| {
            // The address's own view options (`?chart=timeline`), which the static page was not rendered with.
            follow(&route, &depth);
        });
    }
    let replace = {
        let (route, depth) = (route.clone(), depth.clone());
        Callback::from(move |r: Route| {
            // replaceState fires no event: update the state directly.
            if replace_address(&r.href(*depth)) && !follow(&route, &depth) {
                route.set(r);
            }
        })
    };
    RouteHandle {
        route: (*route).clone(),
        depth: *depth,
        replace,
    }
}

/// Sets the route and depth from the page's address, which has just changed; false if it is not the explorer's.
fn follow(route: &UseStateHandle<Route>, depth: &UseStateHandle<usize>) -> bool {
    match location_route() {
        Some((r, d)) => {
            route.set(r);
            depth.set(d);
            true
        }
        None => false,
    }
}
