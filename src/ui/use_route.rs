//! The current route, kept in step with the address. Every page has a real address below the explorer's root
//! (`en/program/sme/`); moving between pages in the browser pushes a history entry (the back button returns to
//! the previous page) without loading a new document; view options (language, unit, scale) replace the current
//! entry, so the back button never walks through control clicks. Links stay plain `<a href>`s (they work without
//! JavaScript, in a new tab, when copied): a click on one that leads to a page of this explorer is taken over
//! here.
//!
//! Every history entry gets a key in `history.state`. Leaving an entry records where the reader was (scroll
//! position and focused element); arriving at an entry that has a record (Back, Forward) hands it back as
//! [`Arrival::Returned`], and arriving anywhere new is [`Arrival::Fresh`]: the app then focuses the new page's
//! heading and announces it.

use crate::chart::Scale;
use crate::view::route::{depth, Page, Route, Unit};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How the reader came to the current page. The number counts arrivals, so two in a row differ.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrival {
    /// The page the visit started on: focus stays where the browser puts it.
    Start,
    /// A new page (a link, a bar, a typed address): focus its heading, scroll to the top.
    Fresh(u32),
    /// A page returned to by Back or Forward: the scroll position and the focused element (a CSS selector) the
    /// reader left it with.
    Returned(u32, f64, Option<String>),
}

/// Where the reader was on each history entry of this visit, by the entry's key.
struct Visits {
    current: Option<f64>,
    arrivals: u32,
    /// (key, scroll y, focused element); the last 50 entries left.
    left: Vec<(f64, f64, Option<String>)>,
}

thread_local! {
    static VISITS: RefCell<Visits> = const {
        RefCell::new(Visits { current: None, arrivals: 0, left: Vec::new() })
    };
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
fn route_at(pathname: &str, search: &str) -> Option<(Route, usize)> {
    let base = BASE.with(|b| b.borrow().clone())?;
    let rel = pathname.strip_prefix(base.as_str())?;
    Some((Route::from_path(rel, search), depth(rel)))
}

/// The route and depth of the page's current address.
pub fn location_route() -> Option<(Route, usize)> {
    let loc = web_sys::window()?.location();
    route_at(&loc.pathname().ok()?, &loc.search().ok()?)
}

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// The key of the current history entry, giving it one if it has none.
fn entry_key() -> Option<f64> {
    let h = history()?;
    if let Some(k) = h.state().ok().and_then(|s| s.as_f64()) {
        return Some(k);
    }
    // Unique across reloads of this tab: a time plus a counter.
    let k = js_sys::Date::now() + f64::from(VISITS.with(|v| v.borrow().arrivals));
    h.replace_state(&wasm_bindgen::JsValue::from_f64(k), "")
        .ok()?;
    Some(k)
}

/// A selector for the focused element, if it can be found again: its id, or a link's address.
fn focused_selector() -> Option<String> {
    let el = web_sys::window()?.document()?.active_element()?;
    let id = el.id();
    if !id.is_empty() {
        return Some(format!("#{id}"));
    }
    let href = el.get_attribute("href").filter(|h| !h.contains('"'))?;
    Some(format!(
        "{}[href=\"{href}\"]",
        el.tag_name().to_ascii_lowercase()
    ))
}

/// Records where the reader is leaving from, then says how they arrived at the entry now current.
fn arrive() -> Arrival {
    let scroll = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    let focus = focused_selector();
    let key = entry_key();
    VISITS.with(|v| {
        let mut v = v.borrow_mut();
        if let Some(left) = v.current {
            v.left.retain(|(k, ..)| *k != left);
            v.left.push((left, scroll, focus));
            if v.left.len() > 50 {
                v.left.remove(0);
            }
        }
        v.current = key;
        v.arrivals = v.arrivals.wrapping_add(1);
        let n = v.arrivals;
        match v.left.iter().position(|(k, ..)| Some(*k) == key) {
            Some(i) => {
                let (_, y, f) = v.left.remove(i);
                Arrival::Returned(n, y, f)
            }
            None => Arrival::Fresh(n),
        }
    })
}

/// The route plus how to change it.
#[derive(Clone, PartialEq)]
pub struct RouteHandle {
    pub route: Route,
    /// How many folders below the explorer's root the current address is; links are relative to it.
    pub depth: usize,
    pub arrival: Arrival,
    /// Go to another page: a new history entry.
    pub push: Callback<Route>,
    /// Change a view option of this page: the current history entry is rewritten.
    pub replace: Callback<Route>,
}

impl RouteHandle {
    /// A link from the current page to `to`.
    pub fn href(&self, to: &Route) -> String {
        to.href(self.depth)
    }

    /// Callbacks that change this page's unit or scale, rewriting the current history entry.
    pub fn on_unit_and_scale(&self) -> (Callback<Unit>, Callback<Scale>) {
        let (r1, replace1) = (self.route.clone(), self.replace.clone());
        let (r2, replace2) = (self.route.clone(), self.replace.clone());
        (
            Callback::from(move |u: Unit| replace1.emit(r1.with_unit(u))),
            Callback::from(move |s: Scale| replace2.emit(r2.with_scale(s))),
        )
    }
}

/// A plain left click on a link to a page of this explorer, which the app shows itself; `None` for everything
/// the browser should handle (a new tab, a download, another site, a jump within the page).
fn app_link(e: &web_sys::MouseEvent) -> Option<String> {
    if e.default_prevented()
        || e.button() != 0
        || e.ctrl_key()
        || e.meta_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    let a = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    if a.has_attribute("target") || a.has_attribute("download") {
        return None;
    }
    let href = a.dyn_into::<web_sys::HtmlAnchorElement>().ok()?.href();
    let url = web_sys::Url::new(&href).ok()?;
    let here = web_sys::window()?.location();
    if url.origin() != here.origin().ok()? || !url.hash().is_empty() {
        return None;
    }
    let (route, _) = route_at(&url.pathname(), &url.search())?;
    // The generator is in the other module: its page is loaded whole, with that module.
    if matches!(route.page, Page::Embed(_)) && super::generator::generator().is_none() {
        return None;
    }
    Some(href)
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

/// A new history entry at `href` (relative to the current address); whether it was made.
fn push_entry(href: &str) -> bool {
    history()
        .and_then(|h| {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
                .ok()
        })
        .is_some()
}

/// The route, starting from the one the page was rendered for (so the browser's first render matches the
/// static HTML it takes over), then following the address.
#[hook]
pub fn use_route(initial: Route, initial_depth: usize) -> RouteHandle {
    let route = use_state_eq(|| initial);
    let depth = use_state_eq(|| initial_depth);
    let arrival = use_state(|| Arrival::Start);
    {
        let (route, depth, arrival) = (route.clone(), depth.clone(), arrival.clone());
        use_effect_with((), move |_| {
            VISITS.with(|v| v.borrow_mut().current = entry_key());
            // The address's own view options (`?unit=won`), which the static page was not rendered with.
            follow(&route, &depth);
            let window = web_sys::window();
            let on_pop = window.clone().map(|w| {
                let (route, depth, arrival) = (route.clone(), depth.clone(), arrival.clone());
                gloo_events::EventListener::new(&w, "popstate", move |_| {
                    arrival.set(arrive());
                    follow(&route, &depth);
                })
            });
            let on_click = window.and_then(|w| w.document()).map(|doc| {
                // Not passive (gloo's default), or prevent_default is ignored and the browser follows the link too.
                let active = gloo_events::EventListenerOptions::enable_prevent_default();
                gloo_events::EventListener::new_with_options(&doc, "click", active, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
                        return;
                    };
                    let Some(href) = app_link(e) else {
                        return;
                    };
                    e.prevent_default();
                    if push_entry(&href) {
                        arrival.set(arrive());
                        follow(&route, &depth);
                    }
                })
            });
            move || {
                drop(on_pop);
                drop(on_click);
            }
        });
    }
    let push = {
        let (route, depth, arrival) = (route.clone(), depth.clone(), arrival.clone());
        Callback::from(move |r: Route| {
            if push_entry(&r.href(*depth)) {
                arrival.set(arrive());
                follow(&route, &depth);
            }
        })
    };
    let replace = {
        let (route, depth) = (route.clone(), depth.clone());
        Callback::from(move |r: Route| {
            // Keeps the entry's key, so Back to this entry still finds where the reader was.
            let key = VISITS.with(|v| v.borrow().current);
            let state = key.map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from_f64);
            let href = r.href(*depth);
            let replaced =
                history().and_then(|h| h.replace_state_with_url(&state, "", Some(&href)).ok());
            // replaceState fires no event: update the state directly.
            if replaced.is_some() && !follow(&route, &depth) {
                route.set(r);
            }
        })
    };
    RouteHandle {
        route: (*route).clone(),
        depth: *depth,
        arrival: (*arrival).clone(),
        push,
        replace,
    }
}
