//! What the live chart listens to: its toggles, its canvas's pointer, touch and keys, its tooltip and menu, and the
//! window's size, the reader's text size and colour scheme. The listeners live as long as the page.

use super::{Host, LiveChart};
use crate::chart::Scale;
use crate::chart::Theme;
use crate::ui::canvas_chart::{entering, key_action, KeyAction};
use crate::ui::canvas_size::{box_width, rem_probe};
use crate::ui::chart_menu::{item_action, run_action};
use crate::ui::use_route::replace_address;
use crate::ui::use_theme::system_dark;
use crate::view::route::Unit;
use crate::view::widget_params::{Theme as Choice, WidgetParams};
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

impl LiveChart {
    /// Listens to the reader: the chart's toggles, pointer and keys, its menu, the window's size and the
    /// reader's text size and colour scheme. The listeners live as long as the page.
    pub(super) fn listen(self: &Rc<Self>) {
        let on = |target: &web_sys::EventTarget,
                  event: &'static str,
                  f: fn(&Rc<LiveChart>, &web_sys::Event)| {
            let live = self.clone();
            EventListener::new(target, event, move |e| f(&live, e)).forget();
        };
        for suffix in ["-unit", "-scale"] {
            if let Some(group) = self.part(suffix) {
                on(&group, "click", LiveChart::on_toggle);
            }
        }
        let canvas: &web_sys::EventTarget = &self.canvas;
        on(canvas, "mousemove", |live, e| {
            let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            if let Some(hit) = live.point_at(e) {
                if live.state.borrow().active != Some(hit) {
                    live.set_active(Some(hit));
                }
            }
        });
        on(canvas, "mouseleave", |live, e| {
            let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            if live.state.borrow().touch_down.is_none() && !entering(e, ".tooltip") {
                live.set_active(None);
            }
        });
        on(canvas, "pointerdown", |live, e| {
            let Some(e) = e.dyn_ref::<web_sys::PointerEvent>() else {
                return;
            };
            let mut state = live.state.borrow_mut();
            state.touch_down = (e.pointer_type() != "mouse").then_some(state.active);
        });
        on(canvas, "click", |live, e| {
            let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            let Some(i) = live.point_at(e) else {
                live.set_active(None);
                return;
            };
            // On touch there is no hover: the first tap shows the tooltip, a second tap on it opens.
            let touch_down = live.state.borrow().touch_down;
            live.set_active(Some(i));
            if touch_down.is_some_and(|before| before != Some(i)) {
                return;
            }
            if live.can_open() {
                live.open(i);
            }
        });
        on(canvas, "focus", |live, e| {
            // Only keyboard focus shows the first point's tooltip; a mouse click focuses the canvas too, and then
            // the point under the pointer is the one that matters.
            let keyboard = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.matches(":focus-visible").ok())
                .unwrap_or(true);
            let (none, n) = {
                let state = live.state.borrow();
                (state.active.is_none(), state.tips.len())
            };
            if keyboard && none && n > 0 {
                live.set_active(Some(0));
            }
        });
        on(canvas, "blur", |live, _| live.set_active(None));
        // Not passive: the keys the chart uses do not also scroll the page.
        let live = self.clone();
        let active = gloo_events::EventListenerOptions::enable_prevent_default();
        EventListener::new_with_options(canvas, "keydown", active, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let (active, n) = {
                let state = live.state.borrow();
                (state.active, state.tips.len())
            };
            match key_action(&e.key(), active, n, live.can_open()) {
                Some(KeyAction::Go(i)) => {
                    e.prevent_default();
                    live.set_active(Some(i));
                }
                Some(KeyAction::Close) => live.set_active(None),
                Some(KeyAction::Open(i)) => {
                    e.prevent_default();
                    live.open(i);
                }
                None => {}
            }
        })
        .forget();
        // Leaving the tooltip for anything but the canvas closes it (it is made and removed as points change;
        // its events bubble to the box).
        on(&self.canvas_box, "mouseout", |live, e| {
            let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
                return;
            };
            let from_tooltip = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest(".tooltip").ok().flatten());
            let Some(tooltip) = from_tooltip else {
                return;
            };
            // Within the tooltip is not leaving it.
            let into = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if into.is_some_and(|n| tooltip.contains(Some(&n))) {
                return;
            }
            if !entering(e, "canvas") {
                live.set_active(None);
            }
        });
        if let Some(window) = web_sys::window() {
            // Escape closes the tooltip wherever focus is (WCAG 1.4.13).
            on(&window, "keydown", |live, e| {
                let escape = e
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape");
                if escape && live.state.borrow().active.is_some() {
                    live.set_active(None);
                }
            });
            on(&window, "resize", |live, _| live.redraw_anew());
            // A chart that follows the reader's colour scheme follows its changes too.
            let follows_reader = self.host.choice() == Choice::Auto;
            if let Some(dark) = follows_reader.then(system_dark).flatten() {
                on(&dark, "change", |live, _| {
                    live.state.borrow_mut().theme = live.host.theme();
                    live.redraw_anew();
                });
            }
        }
        if let Some(menu) = self
            .part("-menu")
            .and_then(|m| m.query_selector(".menu-list").ok().flatten())
        {
            on(&menu, "click", |live, e| live.on_menu(e));
        }
        self.watch_text_size();
        self.watch_box();
    }

    /// A click in a group of toggles: the unit or scale of the button clicked.
    pub(super) fn on_toggle(self: &Rc<Self>, e: &web_sys::Event) {
        let button = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("button").ok().flatten());
        let (Some(button), Some(group)) = (
            button,
            e.current_target()
                .and_then(|t| t.dyn_into::<Element>().ok()),
        ) else {
            return;
        };
        let mut index = 0;
        let mut sibling = button.previous_element_sibling();
        while let Some(s) = sibling {
            index += 1;
            sibling = s.previous_element_sibling();
        }
        let route = self.route.borrow().clone();
        let (mut unit, mut scale) = (route.unit, route.scale);
        if group.id().ends_with("-unit") {
            unit = Unit::ALL.get(index).copied().unwrap_or(unit);
        } else {
            scale = Scale::ALL.get(index).copied().unwrap_or(scale);
        }
        if (unit, scale) == (route.unit, route.scale) {
            return;
        }
        self.show(unit, scale, true);
        self.keep_near();
        match self.host {
            // Where the address cannot be rewritten (a sandboxed frame), the chart still changes.
            Host::Explorer { depth } => {
                replace_address(&self.route.borrow().href(depth));
            }
            // The widget's link to the explorer shows what the widget shows.
            Host::Widget { .. } => {
                let (view, _) = self.links();
                if let Ok(links) = self.root.query_selector_all("a[data-view-link]") {
                    for i in 0..links.length() {
                        if let Some(a) = links.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                            let _ = a.set_attribute("href", &view);
                        }
                    }
                }
            }
        }
    }

    /// A click on the menu: the item's action, then what happened, announced.
    pub(super) fn on_menu(&self, e: &web_sys::Event) {
        let (Some(e), Some(status)) = (
            e.dyn_ref::<web_sys::MouseEvent>(),
            self.part("-menu-status"),
        ) else {
            return;
        };
        let Some(action) = item_action(e) else {
            return;
        };
        let route = self.route.borrow().clone();
        let theme = self.state.borrow().theme;
        let params = WidgetParams {
            chart: self.chart.clone(),
            lang: route.lang,
            unit: route.unit,
            scale: route.scale,
            theme: match theme {
                Theme::Dark => Choice::Dark,
                Theme::Light => Choice::Light,
            },
            ..WidgetParams::default()
        };
        let (link, _) = self.links();
        let (canvas, d): (Element, _) = (self.canvas.clone().into(), self.dataset.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let said = run_action(&canvas, &d, &params, &link, &action).await;
            status.set_text_content(Some(&said));
        });
    }

    /// Redraws the chart for a new size, text size or theme (its frame read anew), and keeps the views near it
    /// drawn anew for them.
    fn redraw_anew(self: &Rc<Self>) {
        self.frame.set(None);
        self.redraw();
        self.keep_near();
    }

    /// Redraws the chart when its box changes width without the window's (a scroll bar comes or goes, the page
    /// around it changes), which the frame it keeps would not know.
    fn watch_box(self: &Rc<Self>) {
        let live = self.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            // Read after the page is laid out: free. The first report, as soon as it observes, is the width
            // the chart was drawn at; a change of the box's height (the chart's own) is no change.
            let known = live.frame.get().map(|f| f.css_width());
            if known.is_some_and(|w| w != box_width(&live.canvas)) {
                live.redraw_anew();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&self.canvas_box);
        }
        callback.forget();
    }

    /// Redraws the chart when the reader's text size changes, watched through a hidden 1rem-wide probe, so
    /// the chart text follows it.
    pub(super) fn watch_text_size(self: &Rc<Self>) {
        let Some(probe) = rem_probe() else {
            return;
        };
        let live = self.clone();
        // A ResizeObserver reports once as soon as it observes: that is not a change.
        let mut first = true;
        let callback = Closure::<dyn FnMut()>::new(move || {
            if !std::mem::take(&mut first) {
                live.redraw_anew();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&probe);
        }
        callback.forget();
    }
}
