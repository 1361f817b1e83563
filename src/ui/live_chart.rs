//! A chart made interactive where it stands, with no framework: an explorer page's, which the build rendered
//! with the whole page, and a widget's, which Yew renders once. The same components render the markup
//! everywhere (`chart_section`: controls, a canvas with one option per point, the static drawing, hint, source
//! and menu); here it is kept and driven: the canvas is drawn over the static drawing, which is then removed,
//! and the elements get their listeners. Nothing is rendered again, so nothing on the page moves, focus stays
//! where it is, and the first view's module needs no Yew.
//!
//! The drawing, hit-testing, overlay placement and keys are `canvas_chart`'s, the texts `view`'s, the menu's
//! actions `chart_menu`'s. What a change of unit or scale changes in the markup (which toggle is pressed, the
//! per-resident formula, the canvas's name and options, the generator link) is written here as those
//! components write it. Where the view lives and where a point leads is the chart's [`Host`]'s.

use super::browser::{location_href, open_in_new_tab};
use super::canvas_chart::{
    draw, entering, key_action, overlay_styles, point_at, tip_lines, AnyChart, AnyLayout, KeyAction,
};
use super::canvas_size::{rem_probe, Drawn};
use super::chart_menu::{item_action, run_action};
use super::chart_section::{explorer_links, formula};
use super::use_route::replace_address;
use super::DataRef;
use crate::chart::{Scale, Theme};
use crate::model::Lang;
use crate::view::lang_runs::lang_runs;
use crate::view::route::{sibling_url, Page, Route, Unit};
use crate::view::rows::pick;
use crate::view::timeline::{timeline_chart, timeline_tips};
use crate::view::widget_params::{Theme as Choice, WidgetChart, WidgetParams};
use crate::view::{overview_chart, program_chart, ChartView, Tip};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement};

/// Where a chart is shown, which decides where its view lives and where it leads.
#[derive(Clone, Copy)]
pub enum Host {
    /// An explorer page, `depth` folders below the explorer's root: the view options in the page's address,
    /// programs opened in its place, a link to the generator; the reader's colour scheme.
    Explorer { depth: usize },
    /// A widget in another site's page: the view options in the widget alone (the host page's history is
    /// never touched), programs opened in the explorer in a new tab; the theme its address chose.
    Widget { theme: Choice },
}

/// One served chart, driven.
pub struct LiveChart {
    doc: Document,
    /// The element the chart's markup is in; its parts are looked for only inside it.
    root: Element,
    /// The canvas's id; the served elements around it derive theirs from it.
    id: String,
    canvas: HtmlCanvasElement,
    /// The canvas's box, which the outline and tooltip are placed in.
    canvas_box: Element,
    dataset: DataRef,
    chart: WidgetChart,
    /// The page's route (language, page, and the view options the chart shows now).
    route: RefCell<Route>,
    host: Host,
    state: RefCell<State>,
}

/// What changes while the reader uses the chart.
struct State {
    theme: Theme,
    /// What the canvas shows (`None` until the bars for the address's options are made), and one tooltip per
    /// point.
    drawing: Option<AnyChart>,
    tips: Rc<Vec<Tip>>,
    /// The layout last drawn, for hit-testing; `None` until the canvas has been drawn.
    drawn: Option<Drawn<AnyLayout>>,
    /// The point the pointer or keyboard is on.
    active: Option<usize>,
    /// Whether the bars cannot be made with the options chosen, which the chart's place says.
    view_error: bool,
    /// Set by a touch pointerdown to the point that was active before it. Chromium follows a tap with a synthetic
    /// mousemove (which activates the point) before the click, so the click must compare with this.
    touch_down: Option<Option<usize>>,
}

/// What a bar chart's unit and scale make of it: its bars and tooltips, or why they cannot be drawn.
type BarsView = Result<ChartView, String>;

impl LiveChart {
    /// Drives the chart whose markup is in `root`, its canvas `#id` (`chart`, on the page at `route`, which
    /// also names the view options to show; the markup was rendered with `rendered`'s), and draws its canvas;
    /// `None` if there is no such canvas.
    pub fn attach(
        root: &Element,
        id: &str,
        dataset: DataRef,
        chart: WidgetChart,
        route: Route,
        rendered: (Unit, Scale),
        host: Host,
    ) -> Option<Rc<LiveChart>> {
        let doc = web_sys::window()?.document()?;
        let canvas = root
            .query_selector(&format!("canvas#{id}"))
            .ok()??
            .dyn_into::<HtmlCanvasElement>()
            .ok()?;
        let canvas_box = canvas.parent_element()?;
        let lang = route.lang;
        let (drawing, tips) = match &chart {
            WidgetChart::Timeline => (
                Some(AnyChart::Timeline(timeline_chart(&dataset, lang))),
                timeline_tips(&dataset, lang),
            ),
            // The bars for the options asked for are made by `show` below.
            _ => (None, Rc::default()),
        };
        let live = Rc::new(LiveChart {
            doc,
            root: root.clone(),
            id: id.to_owned(),
            canvas,
            canvas_box,
            dataset,
            chart,
            route: RefCell::new(route.clone()),
            host,
            state: RefCell::new(State {
                theme: host.theme(),
                drawing,
                tips,
                drawn: None,
                active: None,
                view_error: false,
                touch_down: None,
            }),
        });
        if matches!(live.chart, WidgetChart::Timeline) {
            live.redraw();
        } else {
            let rewrite = rendered != (route.unit, route.scale);
            live.show(route.unit, route.scale, rewrite);
        }
        live.listen();
        Some(live)
    }

    fn lang(&self) -> Lang {
        self.route.borrow().lang
    }

    /// A served element of this chart by its id's suffix (`-unit`, `-menu-status`).
    fn part(&self, suffix: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("#{}{suffix}", self.id))
            .ok()
            .flatten()
    }

    /// Shows the bars in `unit` and `scale`: the toggles, formula, canvas name and options written anew where
    /// `rewrite` (they were served or last written for other options), and the canvas drawn.
    fn show(&self, unit: Unit, scale: Scale, rewrite: bool) {
        let lang = self.lang();
        let view: BarsView = match &self.chart {
            WidgetChart::Program(id) => match self.dataset.program(id) {
                Some(p) => program_chart(&self.dataset, p, unit, scale, lang),
                None => Err(String::new()),
            },
            _ => overview_chart(&self.dataset, unit, scale, lang),
        };
        {
            let mut route = self.route.borrow_mut();
            *route = route.with_unit(unit).with_scale(scale);
        }
        let rewrite_controls = || {
            if rewrite {
                self.press("-unit", Unit::ALL.iter().position(|u| *u == unit));
                self.press("-scale", Scale::ALL.iter().position(|s| *s == scale));
                self.write_formula(unit);
                self.write_embed_link();
            }
        };
        match view {
            Ok(v) => {
                {
                    let mut state = self.state.borrow_mut();
                    state.drawing = Some(AnyChart::Bars(v.chart));
                    state.tips = v.tips.clone();
                }
                // Back from bars that could not be made, the chart's place is shown again before it is sized.
                self.show_error(None);
                // The chart first, while the page's layout is as the last frame left it (the reads that size
                // the canvas then cost nothing); what else changes is written after it, in the same task, and
                // laid out with it for the next frame.
                self.draw_canvas();
                rewrite_controls();
                if rewrite {
                    let _ = self.canvas.set_attribute("aria-label", &v.summary);
                    self.write_options(&v.tips);
                }
                self.render_overlay();
            }
            Err(e) => {
                rewrite_controls();
                self.show_error(Some(&e));
            }
        }
    }

    /// Draws the canvas as the state has it, with the active point's outline and tooltip.
    fn redraw(&self) {
        self.draw_canvas();
        self.render_overlay();
    }

    /// Draws the canvas as the state has it; the served drawing goes once it is drawn, and a failure is said
    /// in its place (the served drawing, if still there, stays).
    fn draw_canvas(&self) {
        let (drawing, theme) = {
            let state = self.state.borrow();
            (state.drawing.clone(), state.theme)
        };
        let Some(drawing) = drawing else {
            return;
        };
        match draw(&self.canvas, &drawing, theme) {
            Ok(drawn) => {
                let first = self.state.borrow_mut().drawn.replace(drawn).is_none();
                if first {
                    self.remove_in_box("[data-chart-static]");
                }
                self.remove_in_box(".chart-error");
            }
            Err(e) => {
                let lang = self.lang();
                let text = format!(
                    "{}{e}",
                    pick(
                        lang,
                        "차트를 그릴 수 없습니다: ",
                        "The chart could not be drawn: "
                    )
                );
                let shown = self
                    .canvas_box
                    .parent_element()
                    .and_then(|wrap| wrap.query_selector(".chart-error").ok().flatten());
                match shown {
                    Some(p) => p.set_text_content(Some(&text)),
                    None => {
                        if let (Some(p), Some(wrap)) = (
                            self.new_element(
                                "p",
                                &[("class", "error chart-error"), ("role", "alert")],
                            ),
                            self.canvas_box.parent_element(),
                        ) {
                            p.set_text_content(Some(&text));
                            let _ = wrap.append_child(&p);
                        }
                    }
                }
            }
        }
    }

    /// Removes the first element matching `selector` in the chart's place (the canvas's box and what is beside
    /// it: hint, error).
    fn remove_in_box(&self, selector: &str) {
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
    fn show_error(&self, error: Option<&str>) {
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
    fn press(&self, suffix: &str, pressed: Option<usize>) {
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
    fn write_formula(&self, unit: Unit) {
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
    fn write_embed_link(&self) {
        let link = self
            .part("-menu")
            .and_then(|menu| menu.query_selector("a.menu-item").ok().flatten());
        if let (Some(a), (_, Some(embed))) = (link, self.links()) {
            let _ = a.set_attribute("href", &embed);
        }
    }

    /// The chart's view address (absolute) and, in the explorer, its generator page, as the chart is shown now.
    /// The timeline has no view options: its links are the page's own.
    fn links(&self) -> (String, Option<String>) {
        let route = self.route.borrow();
        let route = match self.chart {
            WidgetChart::Timeline => route.rendered(),
            _ => route.clone(),
        };
        match self.host {
            Host::Explorer { depth } => {
                let (view, embed) = explorer_links(&route, depth, self.chart.clone());
                (view, Some(embed))
            }
            Host::Widget { .. } => (explorer_url(&route), None),
        }
    }

    /// The canvas's options, one per point, as `interactive_canvas` writes them.
    fn write_options(&self, tips: &[Tip]) {
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

    /// Makes `i` the point the reader is on (or none).
    fn set_active(&self, i: Option<usize>) {
        self.state.borrow_mut().active = i;
        self.render_overlay();
    }

    /// The active point's selection, outline and tooltip, as the state has them.
    fn render_overlay(&self) {
        let (active, styles, tip) = {
            let state = self.state.borrow();
            let styles = state
                .active
                .zip(state.drawn.as_ref())
                .and_then(|(i, drawn)| overlay_styles(drawn, i));
            let tip = state.active.and_then(|i| state.tips.get(i).cloned());
            (state.active, styles, tip)
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
        let Some(((outline, place), tip)) = styles.zip(tip) else {
            if let Some(h) = highlight {
                h.remove();
            }
            if let Some(t) = tooltip {
                t.remove();
            }
            return;
        };
        let highlight = highlight.or_else(|| {
            let h = self.new_element(
                "div",
                &[("class", "bar-highlight"), ("aria-hidden", "true")],
            )?;
            let _ = self.canvas_box.append_child(&h);
            Some(h)
        });
        if let Some(h) = highlight {
            let _ = h.set_attribute("style", &outline);
        }
        let tooltip = tooltip.or_else(|| self.new_tooltip());
        if let Some(t) = tooltip {
            let _ = t.set_attribute("style", &place);
            t.set_text_content(None);
            let lang = self.lang();
            for (class, text) in tip_lines(&tip) {
                if let Some(p) = self.new_element("p", &[("class", class)]) {
                    self.append_text(&p, text, lang);
                    let _ = t.append_child(&p);
                }
            }
        }
    }

    /// The tooltip's box, after the outline: out of the tab order (a box that scrolls would otherwise be a Tab
    /// stop of its own, and it vanishes when the chart loses focus; its text is in the options). The pointer can
    /// rest on it; leaving it for anything but the canvas closes it.
    fn new_tooltip(&self) -> Option<Element> {
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

    /// Opens point `i`'s program, where the chart has somewhere to open: in the explorer the overview's bars
    /// and the timeline's rows (a program's own chart has nowhere else to go), in place; in a widget every
    /// chart's points, in the explorer in a new tab (never inside the frame or in place of the host page).
    fn open(&self, i: usize) {
        let program = match &self.chart {
            WidgetChart::Timeline => self.dataset.programs().get(i).map(|p| p.id.clone()),
            _ => self
                .state
                .borrow()
                .tips
                .get(i)
                .map(|t| t.program_id.clone()),
        };
        let Some(id) = program else {
            return;
        };
        let route = self.route.borrow().with_page(Page::Program(id));
        match self.host {
            Host::Explorer { depth } => go_to(&route.href(depth)),
            Host::Widget { .. } => open_in_new_tab(&explorer_url(&route)),
        }
    }

    fn can_open(&self) -> bool {
        match self.host {
            Host::Explorer { .. } => !matches!(self.chart, WidgetChart::Program(_)),
            Host::Widget { .. } => true,
        }
    }

    /// The point under a mouse event.
    fn point_at(&self, e: &web_sys::MouseEvent) -> Option<usize> {
        point_at(
            self.state.borrow().drawn.as_ref()?,
            e.offset_x(),
            e.offset_y(),
        )
    }

    fn new_element(&self, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
        let el = self.doc.create_element(tag).ok()?;
        for (name, value) in attributes {
            el.set_attribute(name, value).ok()?;
        }
        Some(el)
    }

    /// `text` into `parent`, its runs in the language other than the page's in a span with their `lang` (as
    /// `lang_text` renders it).
    fn append_text(&self, parent: &Element, text: &str, page: Lang) {
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

    /// Listens to the reader: the chart's toggles, pointer and keys, its menu, the window's size and the
    /// reader's text size and colour scheme. The listeners live as long as the page.
    fn listen(self: &Rc<Self>) {
        let on = |target: &web_sys::EventTarget,
                  event: &'static str,
                  f: fn(&LiveChart, &web_sys::Event)| {
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
            on(&window, "resize", |live, _| live.redraw());
            let follows_reader = matches!(
                self.host,
                Host::Explorer { .. }
                    | Host::Widget {
                        theme: Choice::Auto
                    }
            );
            if let (true, Ok(Some(dark))) = (follows_reader, window.match_media(DARK_QUERY)) {
                on(&dark, "change", |live, _| {
                    live.state.borrow_mut().theme = live.host.theme();
                    live.redraw();
                });
            }
        }
        if let Some(menu) = self
            .part("-menu")
            .and_then(|m| m.query_selector(".menu-list").ok().flatten())
        {
            on(&menu, "click", LiveChart::on_menu);
        }
        self.watch_text_size();
    }

    /// A click in a group of toggles: the unit or scale of the button clicked.
    fn on_toggle(&self, e: &web_sys::Event) {
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
    fn on_menu(&self, e: &web_sys::Event) {
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

    /// Redraws the chart when the reader's text size changes, watched through a hidden 1rem-wide probe, so
    /// the chart text follows it.
    fn watch_text_size(self: &Rc<Self>) {
        let Some(probe) = rem_probe() else {
            return;
        };
        let live = self.clone();
        // A ResizeObserver reports once as soon as it observes: that is not a change.
        let mut first = true;
        let callback = Closure::<dyn FnMut()>::new(move || {
            if !std::mem::take(&mut first) {
                live.redraw();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&probe);
        }
        callback.forget();
    }
}

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

impl Host {
    /// The theme the chart is drawn in now: the one chosen, else the reader's colour scheme.
    fn theme(self) -> Theme {
        match self {
            Host::Widget {
                theme: Choice::Light,
            } => Theme::Light,
            Host::Widget {
                theme: Choice::Dark,
            } => Theme::Dark,
            Host::Explorer { .. }
            | Host::Widget {
                theme: Choice::Auto,
            } => {
                let dark = web_sys::window()
                    .and_then(|w| w.match_media(DARK_QUERY).ok().flatten())
                    .is_some_and(|m| m.matches());
                if dark {
                    Theme::Dark
                } else {
                    Theme::Light
                }
            }
        }
    }
}

/// The explorer's address for `route`, beside the widget's own page (`widget.html` sits at its root).
pub fn explorer_url(route: &Route) -> String {
    sibling_url(&location_href(), &route.to_path())
}

/// Loads another page of the explorer (relative to this one).
fn go_to(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(href);
    }
}
