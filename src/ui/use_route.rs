//! The current route, kept in step with `location.hash`. Page changes push a history entry (the back button
//! returns to the previous page); view options (language, unit, scale) replace the current entry, so the back
//! button never walks through control clicks.

use crate::chart::Scale;
use crate::view::route::{Route, Unit};
use yew::prelude::*;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The route plus how to change it.
#[derive(Clone, PartialEq)]
pub struct RouteHandle {
    pub route: Route,
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
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    route.set(Route::parse(&current_hash()));
                    if let Some(w) = web_sys::window() {
                        w.scroll_to_with_x_and_y(0.0, 0.0);
                    }
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
            let replaced = web_sys::window().and_then(|w| w.history().ok()).map(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&r.to_hash()))
            });
            // replaceState fires no event: update the state directly.
            if !matches!(replaced, Some(Err(_))) {
                route.set(r);
            }
        })
    };
    RouteHandle {
        route: (*route).clone(),
        push,
        replace,
    }
}
