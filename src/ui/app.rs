//! The root component of the explorer: shows the page the address names, with data the build already
//! checked. The same component renders each page to static HTML at build time (`prerender`) and replaces
//! that page's markup with the same in the browser (`take_over`), so `App` gets its data and first route as
//! properties, and everything that asks the browser happens in effects. The page's `lang` and title follow the chosen language.

use super::use_route::Arrival;
use super::use_theme::use_theme;
use super::DataRef;
use super::{use_route, NotFoundPage, OverviewPage, ProgramPage, SiteHeader};
use crate::model::{Dataset, Lang};
use crate::view::route::{Page, Route};
use crate::view::rows::pick;
use crate::view::widget_params::Theme as ThemeChoice;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub dataset: DataRef,
    /// The route the page was rendered for (its default view options: see `Route::rendered`).
    pub route: Route,
    /// How many folders below the explorer's root the page is.
    pub depth: usize,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let route = use_route(props.route.clone(), props.depth);
    let lang = route.route.lang;
    // The explorer follows the reader's colour scheme; a widget may force one.
    let theme = use_theme(ThemeChoice::Auto);
    let d = &props.dataset;
    let title = page_title(d, &route.route.page, lang);
    // After a page change, focus goes to the new page's heading (or back to where the reader was) and the
    // page's name is announced; the very first page is left as the browser opens it.
    use_effect_with(route.arrival.clone(), settle);
    use_effect_with((), |_| {
        if let Some(path) = REFOCUS.with(|r| r.borrow_mut().take()) {
            refocus(&path);
        }
    });
    let announced = match route.arrival {
        Arrival::Start => String::new(),
        _ => title.clone(),
    };
    use_effect_with((lang, title.clone()), |(lang, title)| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            doc.set_title(title);
        }
    });
    let skip = Callback::from(|e: MouseEvent| {
        // A plain #main link would change the route; move focus instead.
        e.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    });
    let body = match &route.route.page {
        Page::Overview => {
            html! { <OverviewPage dataset={ d.clone() } route={ route.clone() } theme={ theme } /> }
        }
        Page::Program(id) => html! {
            <ProgramPage key={ id.clone() } dataset={ d.clone() } program_id={ id.clone() } route={ route.clone() }
                theme={ theme } />
        },
        Page::Embed(query) => match super::generator::generator() {
            Some(page) => page(d.clone(), route.clone(), query.clone().into()),
            None => super::generator::elsewhere(&route),
        },
        Page::NotFound(_) => html! { <NotFoundPage route={ route.clone() } /> },
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={ skip }>{ pick(lang, "본문 바로가기", "Skip to content") }</a>
            <SiteHeader route={ route.clone() } />
            // `data-route` names the route this content was drawn for: the address changes before the page does.
            <main id="main" class="wrap" tabindex="-1" data-route={ route.route.to_path() }>
                // Read only without JavaScript, where the pre-rendered page is all there is; inside the page's
                // main landmark, so nothing is outside one.
                <noscript>
                    <p class="noscript-note">
                        { pick(lang,
                            "JavaScript가 꺼져 있어 차트를 움직이거나 단위를 바꿀 수 없습니다. 금액, 출처, 표와 차트는 모두 아래에 있습니다.",
                            "JavaScript is off, so the charts are not interactive; every figure, source, table and chart is below.") }
                    </p>
                </noscript>
                { body }
            </main>
            <p id="route-status" class="visually-hidden" role="status">{ announced }</p>
            <footer class="site-footer">
                <div class="wrap">
                    <p>
                        { super::lang_text(pick(lang,
                            "모든 금액은 2015년 신문 기사 「안산시, 지역경제 선순환 ‘올인’」에서 인용했으며, 기사 원문 행 번호를 함께 표시합니다. 계산값은 계산 방법을 밝힙니다.",
                            "Every amount is quoted from the 2015 newspaper feature “안산시, 지역경제 선순환 ‘올인’” with its line number; derived values say how they were computed."), lang) }
                    </p>
                </div>
            </footer>
        </>
    }
}

thread_local! {
    /// Where the element that had focus in the page the app replaced was (see `path_from`).
    static REFOCUS: std::cell::RefCell<Option<Vec<u32>>> = const { std::cell::RefCell::new(None) };
}

/// `el`'s place below `root`: its position among its parent's elements, for each level from the root down.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn path_from(root: &web_sys::Element, el: web_sys::Element) -> Option<Vec<u32>> {
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

/// Gives focus back, once the app has rendered, to the element at `path` (it had it in the served page).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn refocus_after_render(path: Vec<u32>) {
    REFOCUS.with(|r| *r.borrow_mut() = Some(path));
}

fn refocus(path: &[u32]) {
    let mut el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    for &i in path {
        el = el.and_then(|e| e.children().item(i));
    }
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Puts focus and scroll where an arrival asks: the new page's heading at the top, or where the reader left.
fn settle(arrival: &Arrival) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else {
        return;
    };
    let focus = |el: web_sys::Element| {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            if !el.has_attribute("tabindex") && el.tag_name() == "H1" {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    };
    let heading = || {
        doc.query_selector("main h1")
            .ok()
            .flatten()
            .or_else(|| doc.get_element_by_id("main"))
    };
    match arrival {
        Arrival::Start => {}
        Arrival::Fresh(_) => {
            if let Some(h) = heading() {
                focus(h);
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        Arrival::Returned(_, y, selector) => {
            let left = selector
                .as_deref()
                .and_then(|s| doc.query_selector(s).ok().flatten());
            if let Some(el) = left.or_else(heading) {
                focus(el);
            }
            window.scroll_to_with_x_and_y(0.0, *y);
        }
    }
}

/// The page's `<title>`: the page's name, then the site's.
pub fn page_title(d: &Dataset, page: &Page, lang: Lang) -> String {
    let site = pick(lang, "안산시 예산 탐색기", "Ansan Budget Explorer");
    let name = match page {
        // An unknown program is a missing page, and says so in the title too.
        Page::Program(id) => Some(d.program(id).map_or_else(
            || pick(lang, "찾는 페이지가 없습니다", "Page not found").to_owned(),
            |p| pick(lang, &p.name.ko, &p.name.en).to_owned(),
        )),
        Page::NotFound(_) => {
            Some(pick(lang, "찾는 페이지가 없습니다", "Page not found").to_owned())
        }
        Page::Embed(_) => Some(pick(lang, "차트 퍼가기", "Embed a chart").to_owned()),
        Page::Overview => None,
    };
    match name {
        Some(n) => format!("{n} — {site}"),
        None => site.to_owned(),
    }
}
