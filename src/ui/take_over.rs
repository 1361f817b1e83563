//! Taking over a page the build rendered. Every page arrives whole (figures, sources, tables, static charts);
//! the browser adds only what needs it:
//!
//! - On an explorer page (the first-view module) only the charts: each `data-island` element's chart is driven
//!   where it stands ([`LiveChart`]): its canvas over the served drawing (drawn, or holding that drawing as its
//!   picture until a change), its controls, tooltips, keys and menu answering. Nothing is rendered again, so
//!   nothing moves and focus stays put; the rest of the page stays as served. Moving between pages loads the
//!   next page, which is as fast as a static file can be (pre-rendered, with this module cached).
//! - The page's first chart and every chart in the first screen are taken over first, each in one or two short
//!   tasks (`in_tasks`), so that no one task holds the main thread long; that is when the page is interactive
//!   (`app-interactive`). The others are taken over the same way when the browser is next idle
//!   (`every-chart-interactive`): the charts in view answer without waiting for them, which a reader scrolling
//!   to them finds taken over.
//! - On the generator's page (the second module) the whole page, whose every part is interactive (`App`),
//!   rendered anew in place of the served markup, in one task.
//!
//! If the data cannot be had, the page stays as it was served (every figure is on it) and says in one line why
//! it is not interactive.

use super::browser::when_idle;
use super::chart_island::{canvas_id, island_chart};
use super::data_source;
use super::live_chart::{Host, LiveChart, Prepared};
use super::use_route::{find_base, location_route, route_at};
use super::{App, AppProps, DataRef, LoadError};
use crate::model::Lang;
use crate::view::route::{Page, Route};
use crate::view::widget_params::WidgetChart;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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

/// Makes the charts of the explorer page the browser has loaded interactive.
pub fn take_over_charts() {
    let Some((doc, root, route, depth)) = page(take_over_charts) else {
        return;
    };
    carry_view_options(&doc);
    data_source::start(&root);
    data_source::when_loaded(move |loaded| match loaded {
        Ok(dataset) => {
            if let Some(page) = doc.document_element() {
                take_over_islands(&page, dataset, route, depth);
            }
        }
        Err(e) => say_static(&doc, &e, route.lang),
    });
}

/// Drives every chart island below `root` (of the explorer's page at `route`, `depth` folders below the root,
/// rendered with the default view options) with `dataset`: the first chart and every chart in the first screen
/// first, in tasks of their own (`in_tasks`), then `app-interactive`; the others when the browser is next idle,
/// the same way, then `every-chart-interactive`.
pub fn take_over_islands(root: &web_sys::Element, dataset: DataRef, route: Route, depth: usize) {
    let Ok(islands) = root.query_selector_all("[data-island]") else {
        return;
    };
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
        if now.is_empty() || in_first_screen(&el) {
            now.push((el, chart));
        } else {
            later.push((el, chart));
        }
    }
    // The address may ask for view options the page was not rendered with (`?unit=won`).
    let served = route.rendered();
    let prepare = Rc::new(move |(el, chart): Island| {
        let id = canvas_id(&chart);
        let (rendered, host) = ((served.unit, served.scale), Host::Explorer { depth });
        LiveChart::prepare(
            &el,
            id,
            dataset.clone(),
            chart,
            route.clone(),
            rendered,
            host,
        )
    });
    let later_prepare = prepare.clone();
    in_tasks(now, prepare, move || {
        super::mark("app-interactive");
        if later.is_empty() {
            super::mark("every-chart-interactive");
        } else {
            // Says which way the page went, for the tests: the time between two marks is no proof of one task.
            super::mark("charts-deferred");
            when_idle(move || {
                in_tasks(later, later_prepare, || {
                    super::mark("every-chart-interactive");
                });
            });
        }
    });
}

/// Takes `islands` over one after the other, each in a task or two of its own. The first makes the chart's
/// view, sizes its canvas, lays the chart out and gives it its listeners (`LiveChart::prepare`,
/// `Prepared::size`, `LiveChart::go_live`). Where the served drawing is shown at its own size, it stays the
/// chart's picture and the canvas answers over it, not drawn until something changes it
/// (`Sized::hold_served`); anywhere else the canvas is still hidden behind it, a toggle pressed now draws it at
/// once, and a second task draws it (`Sized::draw`). `done` is called once the last chart answers. All of it in
/// one task held the main thread for ~30 ms at 1x CPU on the overview, which Lighthouse's simulated phone (4x
/// slower) counts as a task of ~120 ms, 70 of them blocking input; a tap in between is now answered sooner,
/// and where a chart holds its served drawing no drawing blocks input at all.
fn in_tasks(
    islands: Vec<Island>,
    prepare: Rc<dyn Fn(Island) -> Option<Prepared>>,
    done: impl FnOnce() + 'static,
) {
    step(islands.into_iter(), prepare, Box::new(done));
}

/// One island of [`in_tasks`], from the next task on.
fn step(
    mut islands: std::vec::IntoIter<Island>,
    prepare: Rc<dyn Fn(Island) -> Option<Prepared>>,
    done: Box<dyn FnOnce()>,
) {
    next_task(move || {
        let Some(prepared) = islands.by_ref().find_map(|island| prepare(island)) else {
            done();
            return;
        };
        let sized = prepared.size();
        sized.live().go_live();
        let then = move || {
            if islands.len() == 0 {
                done();
            } else {
                step(islands, prepare, done);
            }
        };
        if sized.hold_served() {
            then();
        } else {
            next_task(move || {
                sized.draw();
                then();
            });
        }
    });
}

/// Runs `f` in a task of its own, soon: a message to itself, which a browser delivers without the 4 ms
/// that a chain of timers is held back after its fifth (a timer where there is no message channel).
fn next_task(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    match web_sys::MessageChannel::new() {
        Ok(channel) => {
            let port = channel.port1();
            // The closure keeps its port, so the channel lives until the message has come.
            let kept = port.clone();
            let f = Closure::once_into_js(move || {
                kept.set_onmessage(None);
                f();
            });
            port.set_onmessage(Some(f.unchecked_ref()));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            let f = Closure::once_into_js(f);
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
        }
    }
}

/// An island of the served page and the chart it holds.
type Island = (web_sys::Element, WidgetChart);

/// Whether any of `el` is within the window's first screen (the page as it is scrolled now).
fn in_first_screen(el: &web_sys::Element) -> bool {
    let height = super::browser::window_height();
    let r = el.get_bounding_client_rect();
    r.bottom() > 0.0 && r.top() < height
}

/// A job for Yew's scheduler.
struct Job(Box<dyn FnOnce()>);

impl yew::scheduler::Runnable for Job {
    fn run(self: Box<Self>) {
        (self.0)()
    }
}

/// Runs `f` (which renders served markup anew in its place) in Yew's own queue, so the served markup is
/// removed in the task that creates the new. Yew stops after 16 ms of work and finishes its queue in a task of
/// its own; a render asked for before that task runs (a timer set while Yew was working fires first) is done
/// only then, and called directly `f` would have emptied the page for the frames in between. Queued here, `f`
/// runs when Yew does: in this task if it is idle, else in that one.
fn in_scheduler(f: impl FnOnce() + 'static) {
    yew::scheduler::push(Box::new(Job(Box::new(f))));
}

/// Renders `C` in place of `root`'s served markup, which is the same: the old is removed and the new put in
/// in one task, when called in a job of Yew's scheduler ([`in_scheduler`]). If `focused` is inside `root`,
/// the element at its place in the new markup (its path of child positions) gets focus back.
fn render_in_place<C: yew::BaseComponent>(
    root: web_sys::Element,
    props: C::Properties,
    focused: Option<&web_sys::Element>,
) {
    let refocus = focused
        .filter(|f| root.contains(Some(f)))
        .and_then(|f| path_from(&root, f.clone()));
    root.set_inner_html("");
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    // Yew creates the new markup in the same run of its scheduler as this job (a component's first render is
    // never put off); this microtask runs after that run, in the same task.
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(path) = refocus {
            refocus_at(&root, &path);
        }
    });
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
                render_in_place::<App>(app, props, doc.active_element().as_ref());
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

/// A line at the top of the page (in the DOM; on screen it is fixed at the window's foot, style.css): the charts
/// are not interactive, and why. Nothing else changes. (The page's
/// loader says the same when the app's own files fail: `prerender::defer_app`.)
fn say_static(doc: &web_sys::Document, e: &LoadError, lang: Lang) {
    let_go_of_early_presses(doc, lang);
    let Ok(p) = doc.create_element("p") else {
        return;
    };
    let _ = p.set_attribute("class", "error static-note");
    let _ = p.set_attribute("role", "alert");
    // It may scroll within (style.css): reachable by keyboard.
    let _ = p.set_attribute("tabindex", "0");
    let lead = crate::view::words::static_lead(lang);
    let why = e.lines(lang).join(" ");
    p.set_text_content(Some(&format!("{lead}{why}")));
    // Right after the skip link, which stays the first Tab stop (as the page's loader places its note).
    match doc.query_selector(".skip-link") {
        Ok(Some(skip)) => {
            let _ = skip.after_with_node_1(&p);
        }
        _ => {
            if let Some(body) = doc.body() {
                let _ = body.prepend_with_node_1(&p);
            }
        }
    }
}

/// A press the page's loader kept while the app was arriving (`ui::prerender::defer_app`) will never be applied
/// once the charts cannot be driven: its waiting look and the status line's word that it will be applied go, as
/// the loader does when the app's own files fail. (Once this note is there, the loader keeps no more.)
fn let_go_of_early_presses(doc: &web_sys::Document, lang: Lang) {
    if let Ok(early) = doc.query_selector_all("[data-early]") {
        for i in 0..early.length() {
            if let Some(e) = early
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = e.remove_attribute("data-early");
            }
        }
    }
    let kept = crate::view::words::early_press_kept(lang);
    if let Ok(statuses) = doc.query_selector_all("[data-island] [role=status]") {
        for i in 0..statuses.length() {
            if let Some(s) = statuses.item(i) {
                if s.text_content().as_deref() == Some(kept) {
                    s.set_text_content(None);
                }
            }
        }
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod in_the_browser {
    use super::*;
    use std::cell::Cell;
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

    /// The served page's markup.
    const SERVED: &str = "<main id=\"served\"><p>served</p></main>";

    /// The same markup as the app renders it, marked new.
    #[function_component]
    fn Page() -> Html {
        Html::from_html_unchecked(SERVED.replacen("<main ", "<main data-new=\"\" ", 1).into())
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

    /// How many of the page's `<main>`s are in `root`, and whether one is the new markup.
    fn page_state(root: &web_sys::Element) -> (u32, bool) {
        let mains = root
            .query_selector_all("main")
            .map(|l| l.length())
            .unwrap_or(0);
        let new = root
            .query_selector("main[data-new]")
            .ok()
            .flatten()
            .is_some();
        (mains, new)
    }

    // A page is taken over from a callback that may run while Yew is between two runs (found at 6× CPU
    // slowdown in tests/e2e: a frame showed a chart neither drawn nor static, when the explorer's charts were
    // still rendered anew). Its served markup stays on screen until the task that creates the new.
    #[wasm_bindgen_test]
    async fn a_page_taken_over_while_yew_is_between_two_runs_keeps_its_markup_until_the_new_is_in()
    {
        let root = element("div");
        root.set_inner_html(SERVED);
        let host = element("div");
        // Yew runs in a microtask after this one, so the timer below is set before Yew stops, and fires first.
        yew::Renderer::<Slow>::with_root(host.clone()).render();
        let taken = root.clone();
        in_a_timer(move || in_scheduler(move || render_in_place::<Page>(taken, (), None))).await;
        // Yew rendered `Slow` and stopped before its effect: it was between two runs when the timer fired.
        assert_eq!(host.text_content().as_deref(), Some("slow"));
        assert!(
            !SLOW_SETTLED.with(Cell::get),
            "Yew did not stop after 20 ms"
        );
        assert_eq!(
            page_state(&root),
            (1, false),
            "the page, at the end of the task that asked for its takeover"
        );
        // Yew's next run, then the new markup's: the one page is the new one.
        in_a_timer(|| ()).await;
        in_a_timer(|| ()).await;
        assert!(SLOW_SETTLED.with(Cell::get));
        assert_eq!(page_state(&root), (1, true), "the page once taken over");
        root.remove();
        host.remove();
    }
}
