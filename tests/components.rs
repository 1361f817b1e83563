//! Component tests in headless Chromium (wasm-bindgen-test): mount, flush, read the DOM.
#![cfg(target_arch = "wasm32")]

use ansan_budget::model::{self, Lang};
use ansan_budget::ui::{toggle_group, FiguresTable, ToggleGroupProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = doc.create_element("div").expect("create div");
    doc.body()
        .expect("a body")
        .append_child(&div)
        .expect("append");
    div
}

/// The text of the first element under `node` that `selector` matches, if there is one.
fn text_at(node: &Element, selector: &str) -> Option<String> {
    node.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

fn dataset() -> ansan_budget::ui::DataRef {
    ansan_budget::import::project::load_dataset(
        "ansan-2015.json",
        include_str!("../data/ansan-2015.json"),
    )
    .expect("valid data")
    .into()
}

#[wasm_bindgen_test]
async fn figures_table_shows_every_figure_with_its_source() {
    let root = root();
    yew::Renderer::<FiguresTable>::with_root_and_props(
        root.clone(),
        ansan_budget::ui::FiguresTableProps {
            dataset: dataset(),
            lang: Lang::Ko,
            program: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    for want in [
        "약 4,450억원",
        "3,500억원",
        "약 950억원",
        "19억원",
        "24억원",
        "50억원",
        "445,000,000,000원",
    ] {
        assert!(text.contains(want), "table lacks {want}: {text}");
    }
    assert!(
        text.contains("19억의 도비를 유치하기도 했다"),
        "quote shown"
    );
    assert!(text.contains("17행"), "line shown");
    assert!(text.contains("계산값"), "derived figure says so");
    let rows = root.query_selector_all("tbody tr").expect("query");
    assert_eq!(rows.length(), 6);
}

#[wasm_bindgen_test]
async fn figures_table_in_english() {
    let root = root();
    yew::Renderer::<FiguresTable>::with_root_and_props(
        root.clone(),
        ansan_budget::ui::FiguresTableProps {
            dataset: dataset(),
            lang: Lang::En,
            program: None,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("about KRW 445 billion"), "{text}");
    assert!(text.contains("line 8"), "{text}");
}

/// The markup of a toggle group, as pages are served: a labelled group of buttons, the chosen one pressed.
/// (What a click does is the live chart's: `unit_choice_goes_into_the_url_and_shows_the_formula`.)
#[function_component(ToggleMarkup)]
fn toggle_markup() -> Html {
    let options: Vec<(AttrValue, bool)> = ["억원", "원", "시민 1인당"]
        .iter()
        .enumerate()
        .map(|(i, t)| (AttrValue::from(*t), i == 1))
        .collect();
    toggle_group(ToggleGroupProps {
        id: "unit".into(),
        label: "단위".into(),
        options,
    })
}

#[wasm_bindgen_test]
async fn toggle_group_is_a_labelled_group_with_the_choice_pressed() {
    let root = root();
    yew::Renderer::<ToggleMarkup>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let group = root
        .query_selector("#unit[role=group]")
        .ok()
        .flatten()
        .expect("a group");
    let label_id = group.get_attribute("aria-labelledby").expect("labelled");
    let label = root
        .query_selector(&format!("#{label_id}"))
        .ok()
        .flatten()
        .expect("label element");
    assert_eq!(label.text_content().as_deref(), Some("단위"));
    let buttons = root.query_selector_all("#unit button").expect("query");
    let pressed: Vec<String> = (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<Element>().ok())
        .map(|b| b.get_attribute("aria-pressed").unwrap_or_default())
        .collect();
    assert_eq!(pressed, ["false", "true", "false"]);
}

#[function_component(BarChartHarness)]
fn bar_chart_harness() -> Html {
    let Ok(view) = ansan_budget::view::overview_chart(
        &dataset(),
        ansan_budget::view::route::Unit::Eok,
        ansan_budget::chart::Scale::Linear,
        Lang::Ko,
    ) else {
        return html! { <p role="alert">{ "no chart" }</p> };
    };
    ansan_budget::ui::canvas_markup(ansan_budget::ui::CanvasMarkupProps {
        id: "test-chart".into(),
        picture: ansan_budget::chart::export::Picture::Bars(&view.chart),
        tips: view.tips,
        summary: "요약".into(),
        lang: Lang::Ko,
        opens: false,
    })
}

/// The harness's chart found under `root` and its view made, in the overview's default view on an explorer page.
fn prepare_harness(root: &Element) -> Option<ansan_budget::ui::Prepared> {
    let route = ansan_budget::view::route::Route::default();
    ansan_budget::ui::LiveChart::prepare(
        root,
        "test-chart",
        dataset(),
        ansan_budget::view::widget_params::WidgetChart::Overview,
        route.clone(),
        (route.unit, route.scale),
        ansan_budget::ui::Host::Explorer { depth: 0 },
    )
}

#[wasm_bindgen_test]
async fn bar_chart_canvas_is_drawn_by_the_live_chart_and_named() {
    let root = root();
    yew::Renderer::<BarChartHarness>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("[data-chart-static]")
            .ok()
            .flatten()
            .is_some(),
        "served with its static drawing's place"
    );
    let live = prepare_harness(&root).map(|chart| chart.attach());
    assert!(live.is_some(), "a canvas to drive");
    let canvas = root
        .query_selector("canvas#test-chart")
        .ok()
        .flatten()
        .expect("a canvas");
    assert_eq!(
        canvas.get_attribute("data-drawn").as_deref(),
        Some("true"),
        "{}",
        root.inner_html()
    );
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("listbox"));
    assert_eq!(canvas.get_attribute("aria-label").as_deref(), Some("요약"));
    // One option per bar inside the canvas, none active before focus; without on_open, no Enter is promised.
    let options = canvas.query_selector_all("[role=option]").expect("query");
    assert_eq!(options.length(), 4);
    assert!(canvas.get_attribute("aria-activedescendant").is_none());
    let hint = text_at(&root, "#test-chart-hint").unwrap_or_default();
    assert!(!hint.contains("Enter"), "{hint}");
    assert!(
        root.query_selector("[role=alert]").ok().flatten().is_none(),
        "{}",
        root.inner_html()
    );
    assert!(
        root.query_selector("[data-chart-static]")
            .ok()
            .flatten()
            .is_none(),
        "the static drawing goes once the canvas is drawn"
    );
}

/// Gives the served drawing's place in `root` a drawing `width` × `height` px (made as the build makes them: its
/// size in attributes, shown at the box's width and that height).
fn serve_drawing(root: &Element, width: f64, height: f64) {
    let served = root
        .query_selector("[data-chart-static]")
        .ok()
        .flatten()
        .expect("the served drawing's place");
    served.set_inner_html(&format!(
        "<svg class=\"full\" preserveAspectRatio=\"xMinYMin meet\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" style=\"display:block;width:100%;height:{height}px\"></svg>"
    ));
}

#[wasm_bindgen_test]
async fn a_chart_holds_its_served_drawing_shown_at_its_own_size_until_a_change_draws_it() {
    let root = root();
    yew::Renderer::<BarChartHarness>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let sized = prepare_harness(&root).expect("a canvas to drive").size();
    let canvas = root
        .query_selector("canvas#test-chart")
        .ok()
        .flatten()
        .expect("a canvas")
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .expect("a canvas element");
    let css = |name: &str| {
        js_sys::parse_float(&canvas.style().get_property_value(name).unwrap_or_default())
    };
    let (width, height) = (css("width"), css("height"));
    assert!(
        height > 0.0 && width > 300.0,
        "sized: {}",
        root.inner_html()
    );
    // Not at its own size: wider than the box (shrunk to fit it), or not the height the chart has.
    for (w, h) in [
        (width + 1.0, height),
        (width, height + 1.0),
        (width - 20.0, height - 1.0),
    ] {
        serve_drawing(&root, w, h);
        assert!(!sized.hold_served(), "held a {w} × {h} drawing");
        assert!(!canvas.has_attribute("data-over"));
        assert_eq!(css("width"), width, "the canvas is sized as before");
    }
    // A drawing narrower than the box, shown at its own size: the canvas takes its width and answers over it.
    let narrower = width - 20.0;
    serve_drawing(&root, narrower, height);
    sized.live().go_live();
    assert!(sized.hold_served(), "{}", root.inner_html());
    assert!(canvas.has_attribute("data-over"));
    assert_eq!((css("width"), css("height")), (narrower, height));
    assert!(!canvas.has_attribute("data-drawn"), "not drawn");
    let served = root
        .query_selector("[data-chart-static]")
        .ok()
        .flatten()
        .expect("the served drawing stays until the canvas is drawn");
    assert_eq!(
        served.get_attribute("aria-hidden").as_deref(),
        Some("true"),
        "a screen reader has the canvas's name and options, not both"
    );
    // It answers the keys with the layout it was sized for: the first bar's tooltip.
    let event = |script: &str| {
        js_sys::Function::new_no_args(script)
            .call0(&wasm_bindgen::JsValue::NULL)
            .expect("an event")
            .dyn_into::<web_sys::Event>()
            .expect("an event")
    };
    canvas
        .dispatch_event(&event(
            "return new KeyboardEvent('keydown', { key: 'Home' })",
        ))
        .expect("dispatched");
    assert_eq!(
        canvas.get_attribute("aria-activedescendant").as_deref(),
        Some("test-chart-point-0")
    );
    let tip = text_at(&root, ".tooltip").unwrap_or_default();
    assert!(tip.contains("재생혁신"), "tooltip: {tip:?}");
    // A change draws it, at its box's width, in the served drawing's place.
    web_sys::window()
        .expect("a window")
        .dispatch_event(&event("return new Event('resize')"))
        .expect("dispatched");
    assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("true"));
    assert!(!canvas.has_attribute("data-over"));
    assert_eq!(css("width"), width);
    assert!(
        root.query_selector("[data-chart-static]")
            .ok()
            .flatten()
            .is_none(),
        "{}",
        root.inner_html()
    );
    assert!(text_at(&root, ".tooltip").is_some(), "the tooltip stays");
}

/// The app mounted with its data and a page address: the page's markup as the build renders it (tests/e2e
/// covers the served pages, and the fetch).
fn mount_app(root: &Element, path: &str) -> ansan_budget::view::route::Route {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let route = ansan_budget::view::route::Route::from_path(path, query);
    yew::Renderer::<ansan_budget::ui::App>::with_root_and_props(
        root.clone(),
        ansan_budget::ui::AppProps {
            dataset: dataset(),
            route: route.clone(),
            // Links and addresses relative to the test page's own folder.
            depth: 0,
        },
    )
    .render();
    route
}

/// Has the first view's takeover drive the charts of the page mounted in `root`, as it does once the data has
/// come, and waits (up to 3 s) until the charts in the first screen are driven: it takes tasks of its own.
async fn take_over(root: &Element, route: ansan_budget::view::route::Route) {
    let marks = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0, |p| p.get_entries_by_name("app-interactive").length())
    };
    let before = marks();
    ansan_budget::ui::take_over_islands(root, dataset(), route, 0);
    for _ in 0..150 {
        if marks() > before {
            return;
        }
        sleep_ms(20).await;
    }
    panic!("not interactive within 3 s: {}", root.inner_html())
}

/// As [`take_over`], and runs `in_the_gap` once, in the moment the overview's chart has its listeners and is not
/// yet drawn (a mutation observer's callback runs at the end of the task that gave them). Whether it ran.
async fn take_over_with_a_gap(
    root: &Element,
    route: ansan_budget::view::route::Route,
    in_the_gap: impl FnOnce() + 'static,
) -> bool {
    let island = root
        .query_selector("[data-island]:has(#overview-chart)")
        .ok()
        .flatten()
        .expect("the chart's island");
    let ran = std::rc::Rc::new(std::cell::Cell::new(false));
    let mut in_the_gap = Some(in_the_gap);
    let callback = {
        let ran = ran.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = in_the_gap.take() {
                ran.set(true);
                f();
            }
        })
    };
    let observer =
        web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).expect("an observer");
    let options = web_sys::MutationObserverInit::new();
    options.set_attribute_filter(&js_sys::Array::of1(&"data-live".into()));
    observer
        .observe_with_options(&island, &options)
        .expect("observed");
    take_over(root, route).await;
    observer.disconnect();
    ran.get()
}

/// Asserts that the overview's chart under `root` is set to whole won on a logarithmic scale (its toggles and
/// its name), and returns its canvas.
fn shows_won_on_a_log_scale(root: &Element) -> Element {
    assert_eq!(
        pressed(root, "overview-chart-unit"),
        ["false", "true", "false"]
    );
    assert_eq!(pressed(root, "overview-chart-scale"), ["false", "true"]);
    let canvas = root
        .query_selector("canvas#overview-chart")
        .ok()
        .flatten()
        .expect("the chart");
    let name = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(name.contains("445,000,000,000원"), "{name}");
    canvas
}

/// Button `i` of the toggle group `#group` under `root`.
fn button(root: &Element, group: &str, i: u32) -> HtmlElement {
    root.query_selector_all(&format!("#{group} button"))
        .ok()
        .and_then(|b| b.item(i))
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no button {i} in #{group}"))
}

/// Which buttons of the toggle group `#group` under `root` are pressed (`aria-pressed`), in order.
fn pressed(root: &Element, group: &str) -> Vec<String> {
    let buttons = root
        .query_selector_all(&format!("#{group} button"))
        .expect("query");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<Element>().ok())
        .map(|b| b.get_attribute("aria-pressed").unwrap_or_default())
        .collect()
}

/// The overview with the checked figures and a drawn chart.
#[wasm_bindgen_test]
async fn app_shows_the_overview() {
    let root = root();
    let route = mount_app(&root, "ko/");
    // The loading state is checked end to end (tests/e2e), where the request can be held; here the data may
    // already be in from an earlier test, since a page fetches it once.
    let mut table = None;
    for _ in 0..150 {
        sleep_ms(20).await;
        yew::scheduler::flush().await;
        table = root.query_selector("#figures-table").ok().flatten();
        if table.is_some() {
            break;
        }
    }
    let text = table
        .and_then(|t| t.text_content())
        .unwrap_or_else(|| panic!("no figures table within 3 s: {}", root.inner_html()));
    for want in ["약 4,450억원", "24억원", "50억원"] {
        assert!(text.contains(want), "{want}: {text}");
    }
    assert!(
        // The loading line; the menus' own (empty) status lines stay, for their announcements.
        root.query_selector("p.status[role=status]")
            .ok()
            .flatten()
            .is_none(),
        "loading state gone"
    );
    // The heading is the dataset's title; the lede names its source.
    assert_eq!(
        text_at(&root, "h1").as_deref(),
        Some("안산시 3대 경제 프로그램 예산 (2015년 보도 기준)")
    );
    let lede = text_at(&root, "p.lede").unwrap_or_default();
    assert!(
        lede.starts_with("「안산시, 지역경제 선순환 ‘올인’」(2015년)에 보도된 세 사업"),
        "{lede}"
    );
    // Under the comparison chart, the note of each program that has one, from the data, with its name.
    let note = text_at(
        &root,
        "section[aria-labelledby=compare-heading] aside.note-box",
    )
    .unwrap_or_default();
    assert!(
        note.starts_with("청년 창업 인큐베이팅 사업: ") && note.contains("더하지 않습니다"),
        "{note}"
    );
    let footer = text_at(&root, "footer.site-footer").unwrap_or_default();
    assert!(
        footer.contains("「안산시, 지역경제 선순환 ‘올인’」(2015년)"),
        "{footer}"
    );
    take_over(&root, route).await;
    let canvas = root
        .query_selector("canvas#overview-chart")
        .ok()
        .flatten()
        .expect("overview chart");
    assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("true"));
}

/// A chart's takeover takes tasks of its own, and the chart has its listeners before its canvas is drawn. A
/// toggle pressed in between draws the view chosen at once; the drawing the takeover had sized for the view
/// served is then not drawn over it.
#[wasm_bindgen_test]
async fn a_toggle_pressed_while_the_chart_is_taken_over_is_what_the_canvas_shows() {
    let root = root();
    let route = mount_app(&root, "ko/");
    wait_for(&root, "#overview-chart-scale").await;
    let scale = {
        let root = root.clone();
        move |i: u32| button(&root, "overview-chart-scale", i)
    };
    let pressed_early = {
        let scale = scale.clone();
        move || scale(1).click()
    };
    assert!(
        take_over_with_a_gap(&root, route, pressed_early).await,
        "the chart never got its listeners"
    );
    assert_eq!(
        scale(1).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let canvas = root
        .query_selector("canvas#overview-chart")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .expect("the chart's canvas");
    let shown = canvas.to_data_url().expect("the canvas's pixels");
    // The linear scale, then the logarithmic again, drawn from scratch: the same pixels as shown, which the
    // linear scale's do not match. (Compared as booleans: a failure would otherwise print both images.)
    scale(0).click();
    let linear = canvas.to_data_url().expect("pixels");
    scale(1).click();
    let log = canvas.to_data_url().expect("pixels");
    assert!(log != linear, "the scale does not change the picture");
    assert!(
        shown == log,
        "after the takeover the canvas shows another picture than the logarithmic scale's{}",
        if shown == linear {
            " (the linear scale's, which the takeover had sized for)"
        } else {
            ""
        }
    );
}

/// The window resized between the take-over's two tasks, on a page whose address asks for view options it was
/// not served with: the redraw draws the chart, and the take-over still writes the controls, name and options
/// for those options.
#[wasm_bindgen_test]
async fn a_resize_while_the_chart_is_taken_over_keeps_the_view_the_address_asks_for() {
    let root = root();
    mount_app(&root, "ko/");
    wait_for(&root, "#overview-chart-unit").await;
    let asked = ansan_budget::view::route::Route::from_path("ko/", "unit=won&scale=log");
    let resize = || {
        let window = web_sys::window().expect("a window");
        let _ = window.dispatch_event(&web_sys::Event::new("resize").expect("an event"));
    };
    assert!(
        take_over_with_a_gap(&root, asked, resize).await,
        "the chart never got its listeners"
    );
    let canvas = shows_won_on_a_log_scale(&root);
    assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("true"));
}

/// Once taken over, the overview's chart keeps the views one press away drawn aside; a press on a unit copies
/// the kept drawing, whose pixels are those the chart draws for that view. A box made narrower gets the chart
/// drawn anew for it, and a press then shows the pixels the chart draws at that width.
#[wasm_bindgen_test]
async fn a_view_kept_aside_is_copied_with_the_pixels_the_chart_draws_for_it() {
    let root = root();
    let route = mount_app(&root, "ko/");
    wait_for(&root, "#overview-chart-unit").await;
    take_over(&root, route).await;
    // The other two units at the linear scale, and the logarithmic scale in 억원, each drawn when the browser
    // is idle (in a test page, often only when the idle callbacks' 2 s are up).
    let canvas = wait_up_to(10, &root, "canvas#overview-chart[data-kept='3']")
        .await
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .expect("the chart's canvas");
    let unit = |i: u32| button(&root, "overview-chart-unit", i);
    let before = canvas.to_data_url().expect("pixels");
    unit(1).click();
    assert!(
        canvas.has_attribute("data-copied"),
        "the press drew the chart instead of copying the kept drawing"
    );
    let copied = canvas.to_data_url().expect("pixels");
    assert!(copied != before, "the unit does not change the picture");
    // The same view drawn from scratch (a resize redraws it): the same pixels. (Compared as booleans: a failure
    // would otherwise print both images.)
    let _ = web_sys::window()
        .expect("a window")
        .dispatch_event(&web_sys::Event::new("resize").expect("an event"));
    assert!(
        !canvas.has_attribute("data-copied"),
        "the redraw was a copy"
    );
    let drawn = canvas.to_data_url().expect("pixels");
    assert!(
        copied == drawn,
        "the kept drawing's pixels differ from the chart's own drawing of that view"
    );
    // The chart's box made narrower (the window keeps its size): the chart is drawn anew for it before the next
    // frame is painted, and a press then shows the pixels the chart draws at that width, whether the kept
    // drawings have been made anew for it yet or not.
    let width = canvas.width();
    root.set_attribute("style", "width:400px").expect("styled");
    sleep_ms(100).await;
    assert!(
        canvas.width() < width,
        "the chart was not drawn anew for its narrower box"
    );
    unit(0).click();
    let pressed = canvas.to_data_url().expect("pixels");
    let _ = web_sys::window()
        .expect("a window")
        .dispatch_event(&web_sys::Event::new("resize").expect("an event"));
    let drawn = canvas.to_data_url().expect("pixels");
    assert!(
        pressed == drawn,
        "after the box narrowed, a press showed other pixels than the chart draws"
    );
    root.remove_attribute("style").expect("unstyled");
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits up to 3 s for `selector` to appear under `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    wait_up_to(3, root, selector).await
}

/// Waits up to `seconds` for `selector` to appear under `root`.
async fn wait_up_to(seconds: u32, root: &Element, selector: &str) -> Element {
    for _ in 0..seconds * 50 {
        if let Some(el) = root.query_selector(selector).ok().flatten() {
            return el;
        }
        sleep_ms(20).await;
        yew::scheduler::flush().await;
    }
    panic!("no {selector} within {seconds} s: {}", root.inner_html())
}

/// A program page from its URL, in English: citations next to figures, `lang` follows the choice.
#[wasm_bindgen_test]
async fn program_page_in_english_from_the_url() {
    let root = root();
    let route = mount_app(&root, "en/program/incubation/");
    let list = wait_for(&root, "ul.figure-list").await;
    let h1 = text_at(&root, "h1");
    assert_eq!(h1.as_deref(), Some("Youth start-up incubation"));
    let text = list.text_content().unwrap_or_default();
    for want in [
        "KRW 1.9 billion",
        "KRW 2.4 billion",
        "19억의 도비를 유치하기도 했다",
        "line 17",
        "line 18",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    let note = text_at(&root, "aside.note-box");
    assert!(note.unwrap_or_default().contains("never added up"));
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en"));
    take_over(&root, route).await;
    wait_for(&root, "canvas#program-chart[data-drawn=true]").await;
}

/// A page is served with the default view options; an address that asks for others (`?unit=won&scale=log`) gets
/// them once the charts are driven: the toggles pressed, the chart's name and options in that unit.
#[wasm_bindgen_test]
async fn the_address_view_options_are_written_into_the_served_chart() {
    let root = root();
    mount_app(&root, "ko/");
    wait_for(&root, "#overview-chart-unit").await;
    assert_eq!(
        pressed(&root, "overview-chart-unit"),
        ["true", "false", "false"]
    );
    let asked = ansan_budget::view::route::Route::from_path("ko/", "unit=won&scale=log");
    take_over(&root, asked).await;
    wait_for(&root, "canvas#overview-chart[data-drawn=true]").await;
    let canvas = shows_won_on_a_log_scale(&root);
    let first = text_at(&canvas, "[role=option]").unwrap_or_default();
    assert!(first.contains("445,000,000,000원"), "{first}");
    assert!(!first.contains("4,450억원."), "{first}");
}

/// With no population figure in the data, per-resident bars cannot be made: the chart's place says why (and its
/// menu, which would make the same files, goes with it), and the next unit shows the chart again, drawn at its
/// box's width.
#[wasm_bindgen_test]
async fn bars_that_cannot_be_made_are_said_in_the_charts_place_until_a_unit_that_can() {
    let data: ansan_budget::ui::DataRef = ansan_budget::import::project::load_dataset(
        "ansan-2015.json",
        &include_str!("../data/ansan-2015.json")
            .replace("\"id\": \"population\"", "\"id\": \"residents\""),
    )
    .expect("valid data")
    .into();
    let root = root();
    let _ = root.set_attribute("style", "width:500px");
    let route = ansan_budget::view::route::Route::from_path("ko/", "");
    yew::Renderer::<ansan_budget::ui::App>::with_root_and_props(
        root.clone(),
        ansan_budget::ui::AppProps {
            dataset: data.clone(),
            route: route.clone(),
            depth: 0,
        },
    )
    .render();
    wait_for(&root, "#overview-chart-unit").await;
    ansan_budget::ui::take_over_islands(&root, data, route, 0);
    let canvas = wait_for(&root, "canvas#overview-chart[data-drawn=true]").await;
    let width = |c: &Element| c.get_attribute("style").unwrap_or_default();
    let drawn_at = width(&canvas);
    // Its box's width, which the 500 px page makes narrower than the width a hidden box falls back to.
    assert!(
        !drawn_at.is_empty() && !drawn_at.contains("640px"),
        "{drawn_at}"
    );
    let unit = |i: u32| button(&root, "overview-chart-unit", i);
    let hidden = |selector: &str| {
        root.query_selector(selector)
            .ok()
            .flatten()
            .map(|el| el.has_attribute("hidden"))
    };
    unit(2).click();
    let said = wait_for(&root, "p.error[role=alert]")
        .await
        .text_content()
        .unwrap_or_default();
    assert!(said.contains("인구 수치가 없어"), "{said}");
    assert_eq!(
        hidden("#overview-chart-unit ~ * .chart-wrap, figure .chart-wrap"),
        Some(true)
    );
    assert_eq!(hidden(".chart-menu-wrap"), Some(true));
    unit(0).click();
    assert!(
        root.query_selector("p.error[role=alert]")
            .ok()
            .flatten()
            .is_none(),
        "{}",
        root.inner_html()
    );
    assert_eq!(hidden("figure .chart-wrap"), Some(false));
    assert_eq!(hidden(".chart-menu-wrap"), Some(false));
    assert_eq!(width(&canvas), drawn_at, "drawn again at its box's width");
}

/// Choosing "per resident" rewrites the address's query (replaceState, no new history entry) and shows the
/// formula.
#[wasm_bindgen_test]
async fn unit_choice_goes_into_the_url_and_shows_the_formula() {
    let root = root();
    let window = web_sys::window().expect("window");
    let history_before = window.history().and_then(|h| h.length()).unwrap_or(0);
    let route = mount_app(&root, "ko/program/regeneration/");
    wait_for(&root, "#program-chart-unit").await;
    take_over(&root, route).await;
    let per_resident = root
        .query_selector_all("#program-chart-unit button")
        .ok()
        .and_then(|b| b.item(2))
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        .expect("third unit button");
    per_resident.click();
    let formula = wait_for(&root, "p.formula")
        .await
        .text_content()
        .unwrap_or_default();
    assert!(
        formula.contains("약 4,450억원 ÷ 760,000명 = 약 585,526원"),
        "{formula}"
    );
    let path = window.location().pathname().unwrap_or_default();
    assert!(path.ends_with("/ko/program/regeneration/"), "{path}");
    let search = window.location().search().unwrap_or_default();
    assert_eq!(search, "?unit=per-resident");
    let history_after = window.history().and_then(|h| h.length()).unwrap_or(0);
    assert_eq!(
        history_after, history_before,
        "a view option must not add a history entry"
    );
}

/// A file with thousands of problems lists the first ones (each with file, path, line and column) and counts the
/// rest, in the reader's language, instead of building thousands of list items.
#[wasm_bindgen_test]
fn a_file_with_many_problems_lists_the_first_and_counts_the_rest() {
    let figures: Vec<String> = (0..120)
        .map(|i| format!("{{\"id\": \"f{i}\", \"amount\": {i}.5}}"))
        .collect();
    let text = format!(
        "{{\"programs\": [{{\"figures\": [{}]}}]}}",
        figures.join(",\n")
    );
    let invalid = model::load("big.json", &text).expect_err("invalid");
    assert!(invalid.problems.len() > 240, "{}", invalid.problems.len());
    let error = ansan_budget::ui::LoadError::Invalid(invalid.clone());
    for (lang, word) in [(Lang::Ko, "문제"), (Lang::En, "more problems")] {
        let lines = error.lines(lang);
        assert_eq!(lines.len(), ansan_budget::ui::MAX_LINES + 1);
        assert!(lines[0].starts_with("big.json: "), "{}", lines[0]);
        let rest = invalid.problems.len() - ansan_budget::ui::MAX_LINES;
        let last = lines.last().expect("a count");
        assert!(
            last.contains(&rest.to_string()) && last.contains(word),
            "{last}"
        );
    }
}
