//! Taking over a page the build rendered. Every page arrives whole (figures, sources, tables, static charts);
//! the browser adds only what needs it:
//!
//! - On an explorer page (the first-view module) only the charts: each `data-island` element is rendered again,
//!   by the same [`ChartIsland`] that wrote it, in its place; the rest of the page stays as served. Moving
//!   between pages loads the next page, which is as fast as a static file can be (pre-rendered, with this
//!   module cached).
//! - The page's first chart and every chart in the first screen are taken over at once, in one task; that is
//!   when the page is interactive (`app-interactive`). The others are taken over together when the browser is
//!   next idle (`every-chart-interactive`): the charts in view answer without waiting for them, which a reader
//!   scrolling to them finds taken over.
//! - The old markup is removed, the new put in its place and each canvas first drawn in that one task, before
//!   the browser paints again ([`first_draw`]); a served static chart whose canvas could not be drawn stays on
//!   screen. So the reader sees nothing change (tests/e2e measures the layout shift and looks at every frame),
//!   and the element that had focus gets it back.
//! - On the generator's page (the second module) the whole page, whose every part is interactive (`App`).
//!
//! If the data cannot be had, the page stays as it was served (every figure is on it) and says in one line why
//! it is not interactive.

use super::chart_island::{island_chart, ChartIsland, ChartIslandProps};
use super::data_source;
use super::use_route::{find_base, location_route, route_at};
use super::{App, AppProps, LoadError};
use crate::model::Lang;
use crate::view::route::{Page, Route};
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// Islands whose canvas has not yet had its first draw (taken over, or put off until the browser is idle),
    /// and whether each is one the page waits for before it is interactive (the first chart, and those in the
    /// first screen).
    static UNDRAWN: RefCell<Vec<(web_sys::Element, bool)>> = const { RefCell::new(Vec::new()) };
    /// Whether `app-interactive`, and `every-chart-interactive`, have been marked.
    static MARKED: (Cell<bool>, Cell<bool>) = const { (Cell::new(false), Cell::new(false)) };
    /// While served markup is being rendered anew: the first draws of its canvases, asked for by
    /// [`first_draw`] and done once the new markup is in the page.
    static FIRST_DRAWS: RefCell<Option<Vec<FirstDraw>>> = const { RefCell::new(None) };
}

/// A canvas's first draw, asked for by its component at its first render.
type FirstDraw = Box<dyn FnOnce()>;

/// Asks for `draw`, a canvas's first draw, to be done in the task that puts the canvas's markup in the page,
/// when that markup replaces served markup ([`render_in_place`]). A canvas is otherwise first drawn by its
/// effect, which Yew runs in a later task when it stops after 16 ms of work (every takeover at 4× CPU
/// slowdown): the browser would paint a frame between, and the page's second chart would wait for the first's
/// effects. `false` (and `draw` dropped) when no served markup is being rendered anew.
pub(super) fn first_draw(draw: FirstDraw) -> bool {
    FIRST_DRAWS.with(|d| match d.borrow_mut().as_mut() {
        Some(draws) => {
            draws.push(draw);
            true
        }
        None => false,
    })
}

/// The page, the explorer's root relative to it (`../../`), its route and depth below the root; `None` until
/// the document has been parsed (then `start` is called again).
fn page(start: fn()) -> Option<(web_sys::Document, String, Route, usize)> {
    let doc = web_sys::window()?.document()?;
    // The loader may start the app at the reader's first input, while the page is still being read.
    if doc.ready_state() == "loading" {
        gloo_events::EventListener::once(&doc, "DOMContentLoaded", move |_| start()).forget();
        return None;
    }
    find_base();
    let root = doc
        .document_element()
        .and_then(|h| h.get_attribute("data-root"))
        .unwrap_or_else(|| "./".to_owned());
    let (route, depth) = location_route().unwrap_or_else(|| (Route::default(), 0));
    Some((doc, root, route, depth))
}

/// An island of the served page and what its chart is rendered with.
type Island = (web_sys::Element, ChartIslandProps);

/// Makes the charts of the explorer page the browser has loaded interactive.
pub fn take_over_charts() {
    let Some((doc, root, route, depth)) = page(take_over_charts) else {
        return;
    };
    carry_view_options(&doc);
    data_source::start(&root);
    data_source::when_loaded(move |loaded| match loaded {
        Ok(dataset) => {
            let Ok(islands) = doc.query_selector_all("[data-island]") else {
                return;
            };
            // The first chart and every chart in the first screen now, the others when the browser is idle.
            let (mut now, mut later): (Vec<Island>, Vec<Island>) = (Vec::new(), Vec::new());
            for i in 0..islands.length() {
                let Some(el) = islands
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let Some(chart) = el
                    .get_attribute("data-island")
                    .and_then(|n| island_chart(&n))
                else {
                    continue;
                };
                let props = ChartIslandProps {
                    dataset: dataset.clone(),
                    chart,
                    // The address's own view options (`?unit=won`), which the page was not rendered with.
                    route: route.clone(),
                    depth,
                };
                if now.is_empty() || in_first_screen(&el) {
                    now.push((el, props));
                } else {
                    later.push((el, props));
                }
            }
            UNDRAWN.with(|u| {
                let mut u = u.borrow_mut();
                u.extend(now.iter().map(|(el, _)| (el.clone(), true)));
                u.extend(later.iter().map(|(el, _)| (el.clone(), false)));
            });
            if now.is_empty() {
                settled();
                return;
            }
            take_over(now);
            put_off(later);
        }
        Err(e) => say_static(&doc, &e, route.lang),
    });
}

/// Whether any of `el` is within the window's first screen (the page as it is scrolled now).
fn in_first_screen(el: &web_sys::Element) -> bool {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let r = el.get_bounding_client_rect();
    r.bottom() > 0.0 && r.top() < height
}

/// Takes `islands` over, in one task: each island's canvas chart then calls `chart_settled` after its first
/// draw (or the error that stopped it).
fn take_over(islands: Vec<Island>) {
    // All in one task: each taken alone, the first's effects and a frame came before the next.
    in_scheduler(move || {
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        render_in_place::<ChartIsland>(islands, focused.as_ref());
    });
}

/// Takes `islands` over when the browser is next idle (at the latest 2 s on): the charts in view answer the
/// reader without waiting for them, and a reader scrolling to them finds them taken over.
fn put_off(islands: Vec<Island>) {
    if islands.is_empty() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let idle = Closure::once_into_js(move || take_over(islands));
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(2000);
    let asked = window
        .request_idle_callback_with_options(idle.unchecked_ref(), &options)
        .is_ok();
    // A browser without idle callbacks (Safari) gets a timer.
    if !asked {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(idle.unchecked_ref(), 50);
    }
}

/// A job for Yew's scheduler.
struct Job(Box<dyn FnOnce()>);

impl yew::scheduler::Runnable for Job {
    fn run(self: Box<Self>) {
        (self.0)()
    }
}

/// Runs `f` (which renders served markup anew in its place: a page's islands, or the generator's page) in Yew's
/// own queue, so the served markup is removed in the task that creates the new. Yew stops after 16 ms of work
/// and finishes its queue in a task of its own; a render asked for before that task runs (a timer set while Yew
/// was working fires first) is done only then, and called directly `f` would have emptied an island for the
/// frames in between, its served drawing lost. Queued here, `f` runs when Yew does: in this task if it is idle,
/// else in that one.
fn in_scheduler(f: impl FnOnce() + 'static) {
    yew::scheduler::push(Box::new(Job(Box::new(f))));
}

/// Renders `C` in place of each root's served markup, which is the same: the old is removed, the new put in
/// and its canvases first drawn in one task, when called in a job of Yew's scheduler ([`in_scheduler`]). If
/// `focused` is inside a root, the element at its place in the new markup (its path of child positions) gets
/// focus back.
fn render_in_place<C: yew::BaseComponent>(
    roots: Vec<(web_sys::Element, C::Properties)>,
    focused: Option<&web_sys::Element>,
) {
    FIRST_DRAWS.with(|d| *d.borrow_mut() = Some(Vec::new()));
    let mut rendered = Vec::with_capacity(roots.len());
    for (root, props) in roots {
        let refocus = focused
            .filter(|f| root.contains(Some(f)))
            .and_then(|f| path_from(&root, f.clone()));
        let served = static_charts(&root);
        root.set_inner_html("");
        yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
        rendered.push((root, served, refocus));
    }
    // Yew creates the new markup in the same run of its scheduler as this job (a component's first render is
    // never put off); this microtask runs after that run, in the same task. If Yew did not stop before its
    // effects, they have drawn the canvases already, and the draws asked for have nothing left to do.
    wasm_bindgen_futures::spawn_local(async move {
        let draws = FIRST_DRAWS
            .with(|d| d.borrow_mut().take())
            .unwrap_or_default();
        for draw in draws {
            draw();
        }
        for (root, served, refocus) in rendered {
            keep_static_charts(&root, served);
            // A chart that cannot be drawn with this data says why in place of its canvas: nothing to wait for.
            if root.query_selector("canvas").ok().flatten().is_none() {
                chart_settled(Some(&root));
            }
            if let Some(path) = refocus {
                refocus_at(&root, &path);
            }
        }
    });
}

/// Each chart below `root`: its canvas and the box of its static drawing, if it has one.
fn chart_boxes(root: &web_sys::Element) -> Vec<(web_sys::Element, web_sys::Element)> {
    let Ok(boxes) = root.query_selector_all(".chart-canvas-box") else {
        return Vec::new();
    };
    (0..boxes.length())
        .filter_map(|i| {
            let b = boxes.item(i)?.dyn_into::<web_sys::Element>().ok()?;
            let canvas = b.query_selector("canvas").ok()??;
            let drawing = b.query_selector("[data-chart-static]").ok()??;
            Some((canvas, drawing))
        })
        .collect()
}

/// The static drawing of each chart below `root`, by its canvas's id.
fn static_charts(root: &web_sys::Element) -> Vec<(String, web_sys::Element)> {
    chart_boxes(root)
        .into_iter()
        .map(|(canvas, drawing)| (canvas.id(), drawing))
        .collect()
}

/// Moves the served drawing of each canvas not yet drawn into the new markup's place for it, which the browser
/// renders empty (the canvas is drawn instead): it shows until its canvas is first drawn, when the stylesheet
/// hides it and the app removes it. Without this, a frame would show neither where a first draw failed (the
/// chart says why), or where one was left to its effect.
fn keep_static_charts(root: &web_sys::Element, served: Vec<(String, web_sys::Element)>) {
    // A canvas already drawn needs no drawing kept.
    let places = chart_boxes(root);
    for (id, drawing) in served {
        let place = places
            .iter()
            .find(|(canvas, _)| canvas.id() == id && !canvas.has_attribute("data-drawn"));
        if let Some((_, place)) = place {
            while let Some(child) = drawing.first_child() {
                if place.append_child(&child).is_err() {
                    break;
                }
            }
        }
    }
}

/// Called once by each canvas chart (`canvas`, when it is in the page), after its first draw or the error that
/// stopped it: the page is interactive when every island it waits for has had it (hovering and clicking a
/// chart need its drawn layout), and every chart is when all have.
pub(super) fn chart_settled(canvas: Option<&web_sys::Element>) {
    let removed = UNDRAWN.with(|u| {
        let mut u = u.borrow_mut();
        let at = u
            .iter()
            .position(|(island, _)| canvas.is_some_and(|c| island.contains(Some(c))))
            // A canvas not in the page counts for the first island still waited for.
            .or_else(|| (canvas.is_none() && !u.is_empty()).then_some(0));
        at.map(|at| u.remove(at)).is_some()
    });
    // A chart of no island (a widget's, the generator page's) changes nothing here.
    if removed {
        settled();
    }
}

/// Marks `app-interactive` once no island the page waits for is left undrawn, and `every-chart-interactive`
/// once none at all is; each once.
fn settled() {
    let (first_left, left) = UNDRAWN.with(|u| {
        let u = u.borrow();
        (u.iter().filter(|(_, first)| *first).count(), u.len())
    });
    if first_left > 0 {
        return;
    }
    if !MARKED.with(|m| m.0.replace(true)) {
        super::mark("app-interactive");
    }
    if left == 0 && !MARKED.with(|m| m.1.replace(true)) {
        super::mark("every-chart-interactive");
    }
}

/// `el`'s place below `root`: its position among its parent's elements, for each level from the root down.
fn path_from(root: &web_sys::Element, el: web_sys::Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut at = el;
    while &at != root {
        let mut index = 0;
        let mut sibling = at.previous_element_sibling();
        while let Some(s) = sibling {
            index += 1;
            sibling = s.previous_element_sibling();
        }
        path.push(index);
        at = at.parent_element()?;
    }
    path.reverse();
    Some(path)
}

/// Gives focus to the element at `path` below `root`, without scrolling.
fn refocus_at(root: &web_sys::Element, path: &[u32]) {
    let mut el = Some(root.clone());
    for &i in path {
        el = el.and_then(|e| e.children().item(i));
    }
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Marks the moment the generator's page is interactive, every part of it at once (it has no canvas chart of
/// its own): once Yew has rendered, in the microtask `render` queued (this one runs after it), with every event
/// handler attached.
fn interactive() {
    wasm_bindgen_futures::spawn_local(async {
        super::mark("app-interactive");
        super::mark("every-chart-interactive");
    });
}

/// Takes over the whole page the browser has loaded with `App` (the generator's page).
pub fn take_over_page() {
    let Some((doc, root, route, depth)) = page(take_over_page) else {
        return;
    };
    let Some(app) = doc.get_element_by_id("app") else {
        return;
    };
    // The page was rendered for its address with the default view options; it is taken over as rendered,
    // then the app follows the address's own options.
    let route = route.rendered();
    data_source::start(&root);
    data_source::when_loaded(move |loaded| match loaded {
        Ok(dataset) => {
            let props = AppProps {
                dataset,
                route,
                depth,
            };
            in_scheduler(move || {
                render_in_place::<App>(vec![(app, props)], doc.active_element().as_ref());
                interactive();
            });
        }
        Err(e) => say_static(&doc, &e, route.lang),
    });
}

/// Links between the explorer's pages keep the reader's view options (`?unit=won&scale=log`, as the address
/// has them now; nothing else of its query) when their own address has none; the language switch keeps them
/// too, and changes the language in place of the current history entry, as it would on one page. Everything
/// else (a new tab, a download, another site, a jump within the page) is left to the browser.
fn carry_view_options(doc: &web_sys::Document) {
    let active = gloo_events::EventListenerOptions::enable_prevent_default();
    gloo_events::EventListener::new_with_options(doc, "click", active, |e| {
        let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        let Some((a, url)) = explorer_link(e) else {
            return;
        };
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        // Only the view options, as the address has them now (a chart's controls rewrite it).
        let options = location_route().map(|(r, _)| r.query()).unwrap_or_default();
        let carried = url.search().is_empty() && !options.is_empty();
        if carried {
            url.set_search(&options);
        }
        let in_place = a.closest("nav.lang-switch").ok().flatten().is_some();
        if in_place || carried {
            e.prevent_default();
            let href = url.href();
            let _ = if in_place {
                location.replace(&href)
            } else {
                location.assign(&href)
            };
        }
    })
    .forget();
}

/// The link a plain left click follows, and its address, if it is an explorer page with view options.
fn explorer_link(e: &web_sys::MouseEvent) -> Option<(web_sys::Element, web_sys::Url)> {
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
    let href = a
        .clone()
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?
        .href();
    let url = web_sys::Url::new(&href).ok()?;
    let here = web_sys::window()?.location();
    if url.origin() != here.origin().ok()? || !url.hash().is_empty() {
        return None;
    }
    // A page with view options: an overview or a program (not the generator, a widget or an unknown address).
    let (route, _) = route_at(&url.pathname(), "")?;
    matches!(route.page, Page::Overview | Page::Program(_)).then_some((a, url))
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

#[cfg(all(test, target_arch = "wasm32"))]
mod in_the_browser {
    use super::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen_test::*;
    use yew::prelude::*;

    wasm_bindgen_test_configure!(run_in_browser);

    thread_local! {
        /// Whether `Slow`'s effect has run: Yew runs it after the render, in the same run unless it stopped.
        static SLOW_SETTLED: Cell<bool> = const { Cell::new(false) };
    }

    /// Works 20 ms in its render, so Yew stops before its effect and runs that in a task of its own.
    #[function_component]
    fn Slow() -> Html {
        use_effect_with((), |_| SLOW_SETTLED.with(|s| s.set(true)));
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < 20.0 {}
        html! { <p>{ "slow" }</p> }
    }

    const ISLAND: &str = "<div class=\"chart-canvas-box\"><canvas id=\"take-over-test\"></canvas>\
                          <div data-chart-static=\"\">{}</div></div>";

    /// The island's markup as the app renders it, marked new: its drawing's place is empty.
    #[function_component]
    fn Island() -> Html {
        let new = ISLAND
            .replace("{}", "")
            .replacen("<div ", "<div data-new=\"\" ", 1);
        Html::from_html_unchecked(new.into())
    }

    fn element(tag: &str) -> web_sys::Element {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let el = doc.create_element(tag).expect("an element");
        doc.body()
            .expect("a body")
            .append_child(&el)
            .expect("appended");
        el
    }

    /// Resolves in the task a timer set now runs `f` in, once `f` has returned.
    async fn in_a_timer(f: impl FnOnce() + 'static) {
        let mut f = Some(f);
        let fired = js_sys::Promise::new(&mut |resolve, _| {
            let f = f.take();
            let callback = Closure::once_into_js(move || {
                if let Some(f) = f {
                    f();
                }
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            });
            web_sys::window()
                .expect("a window")
                .set_timeout_with_callback(callback.unchecked_ref())
                .expect("a timer");
        });
        wasm_bindgen_futures::JsFuture::from(fired)
            .await
            .expect("the timer fired");
    }

    /// The test's view of an island: its chart boxes, and whether the served drawing is in the one box's place.
    fn island_state(island: &web_sys::Element) -> (u32, bool) {
        let boxes = island
            .query_selector_all(".chart-canvas-box")
            .map(|l| l.length())
            .unwrap_or(0);
        let drawing = island
            .query_selector(".chart-canvas-box [data-chart-static] #served-drawing")
            .ok()
            .flatten()
            .is_some();
        (boxes, drawing)
    }

    // An island is taken over from a timer that may fire while Yew is between two runs (found at 6× CPU
    // slowdown in tests/e2e: a frame showed a chart neither drawn nor static). Its served markup, drawing
    // included, stays on screen until the task that creates the new, which then has the served drawing.
    #[wasm_bindgen_test]
    async fn an_island_taken_over_while_yew_is_between_two_runs_keeps_its_markup_and_drawing() {
        let island = element("div");
        island.set_inner_html(&ISLAND.replace("{}", "<svg id=\"served-drawing\"></svg>"));
        let host = element("div");
        // Yew runs in a microtask after this one, so the timer below is set before Yew stops, and fires first.
        yew::Renderer::<Slow>::with_root(host.clone()).render();
        let taken = island.clone();
        in_a_timer(move || {
            in_scheduler(move || render_in_place::<Island>(vec![(taken, ())], None))
        })
        .await;
        // Yew rendered `Slow` and stopped before its effect: it was between two runs when the timer fired.
        assert_eq!(host.text_content().as_deref(), Some("slow"));
        assert!(
            !SLOW_SETTLED.with(Cell::get),
            "Yew did not stop after 20 ms"
        );
        assert_eq!(
            island_state(&island),
            (1, true),
            "the island, at the end of the task that asked for its takeover"
        );
        // Yew's next run, then the new markup's: the one chart box is the new one, with the served drawing.
        in_a_timer(|| ()).await;
        in_a_timer(|| ()).await;
        assert!(SLOW_SETTLED.with(Cell::get));
        assert_eq!(
            island_state(&island),
            (1, true),
            "the island once taken over"
        );
        let new = island.query_selector_all(".chart-canvas-box[data-new]");
        assert_eq!(new.map(|l| l.length()).ok(), Some(1), "the new markup");
        island.remove();
        host.remove();
    }

    thread_local! {
        /// How many times `SlowCanvas`'s canvas has been drawn, the chart it last drew, and whether its effects
        /// have run.
        static DRAWS: Cell<u32> = const { Cell::new(0) };
        static LAST_DRAWN: Cell<u32> = const { Cell::new(0) };
        static CANVAS_EFFECTS_RAN: Cell<bool> = const { Cell::new(false) };
        /// Changes `SlowCanvas`'s chart, as a reader's click on a unit would.
        static SET_CHART: RefCell<Option<UseStateSetter<u32>>> = const { RefCell::new(None) };
    }

    fn count_draw(
        canvas: &web_sys::HtmlCanvasElement,
        chart: &u32,
        _: crate::chart::Theme,
    ) -> Result<(), String> {
        DRAWS.with(|d| d.set(d.get() + 1));
        LAST_DRAWN.with(|d| d.set(*chart));
        canvas
            .set_attribute("data-drawn", "true")
            .map_err(|_| "cannot mark the canvas".to_owned())
    }

    /// A canvas chart in the island's markup that works 20 ms in its render, so Yew stops before its effects.
    #[function_component]
    fn SlowCanvas() -> Html {
        let value = use_state(|| 1u32);
        SET_CHART.with(|s| *s.borrow_mut() = Some(value.setter()));
        let chart = super::super::use_canvas_chart::use_canvas_chart(
            *value,
            crate::chart::Theme::Light,
            count_draw,
        );
        use_effect_with((), |_| CANVAS_EFFECTS_RAN.with(|s| s.set(true)));
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < 20.0 {}
        html! {
            <div class="chart-canvas-box">
                <canvas id="take-over-test" ref={ chart.node.clone() }></canvas>
                <div data-chart-static=""></div>
            </div>
        }
    }

    /// Lets the microtasks queued so far run (this task goes on).
    async fn microtasks() {
        for _ in 0..4 {
            let done = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
            let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        }
    }

    /// An island with a served drawing, taken over by `SlowCanvas` in Yew's scheduler, with the counters reset;
    /// returned at the end of the task that rendered it (its microtasks run), before Yew's next run.
    async fn slow_canvas_taken_over() -> web_sys::Element {
        DRAWS.with(|d| d.set(0));
        LAST_DRAWN.with(|d| d.set(0));
        CANVAS_EFFECTS_RAN.with(|e| e.set(false));
        let island = element("div");
        island.set_inner_html(&ISLAND.replace("{}", "<svg id=\"served-drawing\"></svg>"));
        let taken = island.clone();
        in_scheduler(move || render_in_place::<SlowCanvas>(vec![(taken, ())], None));
        microtasks().await;
        island
    }

    // A canvas that replaces served markup is first drawn in the task that puts it in the page, not by its
    // effect in Yew's next run: the browser paints no frame between, and the page's other charts need not wait.
    #[wasm_bindgen_test]
    async fn a_canvas_taken_over_is_first_drawn_in_the_task_that_puts_it_in_the_page() {
        let island = slow_canvas_taken_over().await;
        assert!(
            !CANVAS_EFFECTS_RAN.with(Cell::get),
            "Yew did not stop before its effects"
        );
        let canvas = island
            .query_selector("canvas#take-over-test")
            .ok()
            .flatten();
        assert!(canvas.is_some(), "the new markup is in the page");
        assert_eq!(
            DRAWS.with(Cell::get),
            1,
            "draws of the canvas at the end of the task that rendered it"
        );
        // Drawn, so no served drawing is kept in its place.
        assert_eq!(island_state(&island), (1, false));
        // Yew's next run: the effects, whose first draw was done already.
        in_a_timer(|| ()).await;
        in_a_timer(|| ()).await;
        assert!(CANVAS_EFFECTS_RAN.with(Cell::get));
        assert_eq!(DRAWS.with(Cell::get), 1, "draws once the effects have run");
        island.remove();
    }

    // If the chart changes between its early first draw and Yew's run of its effects (a click in the task
    // between, when Yew stopped before its effects), the new chart is drawn: Yew runs the first render's
    // effects (whose draw was done early) before the new render, whose effect draws.
    #[wasm_bindgen_test]
    async fn a_chart_changed_before_its_effects_run_is_drawn_anew() {
        let island = slow_canvas_taken_over().await;
        assert_eq!(LAST_DRAWN.with(Cell::get), 1, "the early first draw");
        let set = SET_CHART.with(|s| s.borrow().clone()).expect("a setter");
        set.set(2);
        in_a_timer(|| ()).await;
        in_a_timer(|| ()).await;
        in_a_timer(|| ()).await;
        assert_eq!(LAST_DRAWN.with(Cell::get), 2, "the chart drawn last");
        island.remove();
    }
}
