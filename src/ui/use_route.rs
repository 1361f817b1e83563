//! The current route, kept in step with `location.hash`. Page changes push a history entry (the back button
//! returns to the previous page); view options (language, unit, scale) replace the current entry, so the back
//! button never walks through control clicks.
//!
//! Every history entry gets a key in `history.state`. Leaving an entry records where the reader was (scroll
//! position and focused element); arriving at an entry that has a record (Back, Forward) hands it back as
//! [`Arrival::Returned`], and arriving anywhere new is [`Arrival::Fresh`]: the app then focuses the new page's
//! heading and announces it.

use crate::chart::Scale;
use crate::view::route::{Route, Unit};
use yew::prelude::*;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

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
    static VISITS: std::cell::RefCell<Visits> = const {
        std::cell::RefCell::new(Visits { current: None, arrivals: 0, left: Vec::new() })
    };
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
    pub arrival: Arrival,
    /// Go to another page: a new history entry.
    pub push: Callback<Route>,
    /// Change a view option of this page: the current history entry is rewritten.
    pub replace: Callback<Route>,
}

impl RouteHandle {
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

#[hook]
pub fn use_route() -> RouteHandle {
    let route = use_state(|| Route::parse(&current_hash()));
    let arrival = use_state(|| {
        let key = entry_key();
        VISITS.with(|v| v.borrow_mut().current = key);
        Arrival::Start
    });
    {
        let (route, arrival) = (route.clone(), arrival.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    arrival.set(arrive());
                    route.set(Route::parse(&current_hash()));
                })
            });
            move || drop(listener)
        });
    }
    let push = Callback::from(|r: Route| {
        if let Some(w) = web_sys::window() {
            // Fires `hashchange`, which updates the state above.
            let _ = w.location().set_hash(&r.to_hash());
        }
    });
    let replace = {
        let route = route.clone();
        Callback::from(move |r: Route| {
            // Keeps the entry's key, so Back to this entry still finds where the reader was.
            let key = VISITS.with(|v| v.borrow().current);
            let state = key.map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from_f64);
            let replaced =
                history().map(|h| h.replace_state_with_url(&state, "", Some(&r.to_hash())));
            // replaceState fires no event: update the state directly.
            if !matches!(replaced, Some(Err(_))) {
                route.set(r);
            }
        })
    };
    RouteHandle {
        route: (*route).clone(),
        arrival: (*arrival).clone(),
        push,
        replace,
    }
}
