//! What the live chart writes into its markup, as the components that render it would: which toggle is pressed,
//! the per-resident formula, the generator link, the canvas's options, the point's outline and tooltip, and what
//! stands in the chart's place when it cannot be drawn.

use super::{Host, LiveChart};
use crate::model::Lang;
use crate::ui::browser::window_height;
use crate::ui::canvas_chart::{overlay_styles, tip_lines, Reach};
use crate::ui::chart_section::formula;
use crate::view::lang_runs::lang_runs;
use crate::view::route::Unit;
use crate::view::Tip;
use wasm_bindgen::JsCast;
use web_sys::Element;

impl LiveChart {
    /// Removes the first element matching `selector` in the chart's place (the canvas's box and what is beside
    /// it: hint, error).
    pub(super) fn remove_in_box(&self, selector: &str) {
        let scope = self.canvas_box.parent_element();
        let found = scope
            .as_ref()
            .unwrap_or(&self.canvas_box)
            .query_selector(selector)
            .ok()
            .flatten();
        if let Some(el) = found {
            el.remove();
        }
    }

    /// The chart's place shows `error` instead of the chart (the bars cannot be made with these options), or
    /// the chart again.
    pub(super) fn show_error(&self, error: Option<&str>) {
        let was = std::mem::replace(&mut self.state.borrow_mut().view_error, error.is_some());
        if !was && error.is_none() {
            return;
        }
        let Some(wrap) = self.canvas_box.parent_element() else {
            return;
        };
        let old = wrap
            .previous_element_sibling()
            .filter(|el| el.matches(".view-error").unwrap_or(false));
        match (error, old) {
            (Some(e), Some(p)) => p.set_text_content(Some(e)),
            (Some(e), None) => {
                if let Some(p) =
                    self.new_element("p", &[("role", "alert"), ("class", "error view-error")])
                {
                    p.set_text_content(Some(e));
                    let _ = wrap.before_with_node_1(&p);
                }
            }
            (None, Some(p)) => p.remove(),
            (None, None) => {}
        }
        // The menu would make files of the same chart: it goes with it (as `chart_section` leaves it out).
        let menu = self.part("-menu").and_then(|m| m.parent_element());
        for el in [Some(wrap), menu].into_iter().flatten() {
            let _ = if error.is_some() {
                el.set_attribute("hidden", "")
            } else {
                el.remove_attribute("hidden")
            };
        }
    }

    /// Marks the toggle at `pressed` of the chart's group `suffix` (`-unit`, `-scale`) as the pressed one.
    pub(super) fn press(&self, suffix: &str, pressed: Option<usize>) {
        let Some(group) = self.part(suffix) else {
            return;
        };
        let Ok(buttons) = group.query_selector_all("button") else {
            return;
        };
        for i in 0..buttons.length() {
            if let Some(b) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = pressed == Some(i as usize);
                let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
            }
        }
    }

    /// The per-resident formula under the controls, where that unit is shown (as `chart_panel` writes it, from
    /// [`formula`]).
    pub(super) fn write_formula(&self, unit: Unit) {
        let Some(figure) = self.canvas.closest("figure").ok().flatten() else {
            return;
        };
        let text = formula(&self.dataset, &self.chart, unit, self.lang());
        let old = figure.query_selector(":scope > p.formula").ok().flatten();
        match (text, old) {
            (Some(t), Some(p)) => p.set_text_content(Some(&t)),
            (Some(t), None) => {
                let wrap = self.canvas_box.parent_element();
                if let (Some(p), Some(wrap)) =
                    (self.new_element("p", &[("class", "formula")]), wrap)
                {
                    p.set_text_content(Some(&t));
                    // Between the controls and the chart, where the error of a view that cannot be drawn also goes.
                    let before = wrap
                        .previous_element_sibling()
                        .filter(|el| el.matches(".view-error").unwrap_or(false))
                        .unwrap_or(wrap);
                    let _ = before.before_with_node_1(&p);
                }
            }
            (None, Some(p)) => p.remove(),
            (None, None) => {}
        }
    }

    /// The menu's link to the generator, for the chart as it is shown now.
    pub(super) fn write_embed_link(&self) {
        let link = self
            .part("-menu")
            .and_then(|menu| menu.query_selector("a.menu-item").ok().flatten());
        if let (Some(a), (_, Some(embed))) = (link, self.links()) {
            let _ = a.set_attribute("href", &embed);
        }
    }

    /// The canvas's options, one per point, as `interactive_canvas` writes them.
    pub(super) fn write_options(&self, tips: &[Tip]) {
        let lang = self.lang();
        let options = self.canvas.children();
        // The same points in another unit: each option's text, where it changed.
        if options.length() as usize == tips.len() {
            for (i, tip) in tips.iter().enumerate() {
                let Some(option) = options.item(i as u32) else {
                    continue;
                };
                if option.text_content().as_deref() != Some(tip.spoken.as_str()) {
                    option.set_text_content(None);
                    self.append_text(&option, &tip.spoken, lang);
                }
            }
            return;
        }
        while let Some(child) = self.canvas.first_child() {
            if self.canvas.remove_child(&child).is_err() {
                break;
            }
        }
        for (i, tip) in tips.iter().enumerate() {
            let id = format!("{}-point-{i}", self.id);
            if let Some(option) = self.new_element(
                "div",
                &[("role", "option"), ("id", &id), ("aria-selected", "false")],
            ) {
                self.append_text(&option, &tip.spoken, lang);
                let _ = self.canvas.append_child(&option);
            }
        }
    }

    /// How far the tooltip may grow past the chart's edge, and how much of the window lies beyond the chart's box
    /// on each side. On an explorer page, to 18rem over the lines next to the chart (a tooltip with a two-line
    /// source is ~12rem tall); the page scrolls. In a widget, to the frame's edge: `embed.js` sizes the frame to
    /// the widget's page, so a box past it would be cut off, and could not be scrolled to at the top.
    fn tooltip_reach(&self) -> Reach {
        let r = self.canvas_box.get_bounding_client_rect();
        Reach {
            below: window_height() - r.bottom() - 8.0,
            above: r.top() - 8.0,
            at_least: match self.host {
                Host::Explorer { .. } => Some("18rem"),
                Host::Widget { .. } => None,
            },
        }
    }

    /// The active point's selection, outline and tooltip, as the state has them. The tooltip's text is written
    /// first and its height read (one layout, only while a point is shown), so that the box opens on the side of
    /// its row where the window has room for it.
    pub(super) fn render_overlay(&self) {
        let (active, tip) = {
            let state = self.state.borrow();
            let tip = state.active.and_then(|i| state.tips.get(i).cloned());
            (state.active, tip)
        };
        match active {
            Some(i) => {
                let _ = self
                    .canvas
                    .set_attribute("aria-activedescendant", &format!("{}-point-{i}", self.id));
            }
            None => {
                let _ = self.canvas.remove_attribute("aria-activedescendant");
            }
        }
        let options = self.canvas.children();
        for k in 0..options.length() {
            if let Some(o) = options.item(k) {
                let on = active == Some(k as usize);
                let _ = o.set_attribute("aria-selected", if on { "true" } else { "false" });
            }
        }
        let highlight = self
            .canvas_box
            .query_selector(":scope > .bar-highlight")
            .ok()
            .flatten();
        let tooltip = self
            .canvas_box
            .query_selector(":scope > .tooltip")
            .ok()
            .flatten();
        let drawn = self.state.borrow().drawn.is_some();
        let (Some(i), Some(tip), true) = (active, tip, drawn) else {
            if let Some(h) = highlight {
                h.remove();
            }
            if let Some(t) = tooltip {
                t.remove();
            }
            return;
        };
        // The outline first, then the box: the box is drawn over it.
        let highlight = highlight.or_else(|| {
            let h = self.new_element(
                "div",
                &[("class", "bar-highlight"), ("aria-hidden", "true")],
            )?;
            let _ = self.canvas_box.append_child(&h);
            Some(h)
        });
        let tooltip = tooltip.or_else(|| self.new_tooltip());
        if let Some(t) = &tooltip {
            t.set_text_content(None);
            let lang = self.lang();
            for (class, text) in tip_lines(&tip) {
                if let Some(p) = self.new_element("p", &[("class", class)]) {
                    self.append_text(&p, text, lang);
                    let _ = t.append_child(&p);
                }
            }
        }
        let need = tooltip
            .as_ref()
            .map_or(0.0, |t| f64::from(t.scroll_height()));
        let reach = self.tooltip_reach();
        let styles = {
            let state = self.state.borrow();
            state
                .drawn
                .as_ref()
                .and_then(|drawn| overlay_styles(drawn, i, &reach, need))
        };
        let Some((outline, place)) = styles else {
            if let Some(h) = highlight {
                h.remove();
            }
            if let Some(t) = tooltip {
                t.remove();
            }
            return;
        };
        if let Some(h) = highlight {
            let _ = h.set_attribute("style", &outline);
        }
        if let Some(t) = tooltip {
            let _ = t.set_attribute("style", &place);
        }
    }

    /// The tooltip's box, after the outline: out of the tab order (a box that scrolls would otherwise be a Tab
    /// stop of its own, and it vanishes when the chart loses focus; its text is in the options). The pointer can
    /// rest on it; leaving it for anything but the canvas closes it.
    pub(super) fn new_tooltip(&self) -> Option<Element> {
        let id = format!("{}-tip", self.id);
        let t = self.new_element(
            "div",
            &[
                ("class", "tooltip"),
                ("id", &id),
                ("aria-hidden", "true"),
                ("tabindex", "-1"),
            ],
        )?;
        self.canvas_box.append_child(&t).ok()?;
        Some(t)
    }

    pub(super) fn new_element(&self, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
        let el = self.doc.create_element(tag).ok()?;
        for (name, value) in attributes {
            el.set_attribute(name, value).ok()?;
        }
        Some(el)
    }

    /// `text` into `parent`, its runs in the language other than the page's in a span with their `lang` (as
    /// `lang_text` renders it).
    pub(super) fn append_text(&self, parent: &Element, text: &str, page: Lang) {
        for (lang, piece) in lang_runs(text, page) {
            match lang {
                Some(l) => {
                    if let Some(span) = self.new_element("span", &[("lang", l.tag())]) {
                        span.set_text_content(Some(piece));
                        let _ = parent.append_child(&span);
                    }
                }
                None => {
                    let _ = parent.append_with_str_1(piece);
                }
            }
        }
    }
}
