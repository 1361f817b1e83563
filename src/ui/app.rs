//! The root component of the explorer's pages: shows the page the address names, with data the build already
//! checked. It renders every page to static HTML at build time (`prerender`); in the browser it takes over
//! only the generator's page, all of which is interactive (an explorer page has only its charts taken over:
//! `chart_island`). So `App` gets its data and first route as properties, and everything that asks the browser
//! happens in effects. The page's `lang` and title follow the chosen language.

use super::DataRef;
use super::{use_route, EmbedPage, NotFoundPage, OverviewPage, ProgramPage, SiteHeader};
use crate::model::{Dataset, Lang};
use crate::view::route::{Page, Route};
use crate::view::rows::pick;
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
    let d = &props.dataset;
    let title = page_title(d, &route.route.page, lang);
    use_effect_with((lang, title.clone()), |(lang, title)| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
            doc.set_title(title);
        }
    });
    let body = match &route.route.page {
        Page::Overview => {
            html! { <OverviewPage dataset={ d.clone() } route={ route.clone() } /> }
        }
        Page::Program(id) => html! {
            <ProgramPage key={ id.clone() } dataset={ d.clone() } program_id={ id.clone() } route={ route.clone() } />
        },
        Page::Embed(query) => html! {
            <EmbedPage dataset={ d.clone() } route={ route.clone() } query={ AttrValue::from(query.clone()) } />
        },
        Page::NotFound(_) => html! { <NotFoundPage route={ route.clone() } /> },
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ pick(lang, "본문 바로가기", "Skip to content") }</a>
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
            <footer class="site-footer">
                <div class="wrap">
                    <p>
                        { super::lang_text(&crate::view::overview::site_footer(d, lang), lang) }
                    </p>
                </div>
            </footer>
        </>
    }
}

/// The page's `<title>`: the page's name, then the site's.
pub fn page_title(d: &Dataset, page: &Page, lang: Lang) -> String {
    match page_name(d, page, lang) {
        Some(n) => format!("{n} — {}", site_name(lang)),
        None => site_name(lang).to_owned(),
    }
}

/// The explorer's name, as the header and every title give it.
pub fn site_name(lang: Lang) -> &'static str {
    pick(lang, "안산시 예산 탐색기", "Ansan Budget Explorer")
}

/// The page's own name, before the explorer's in its title; the overview has none of its own.
pub fn page_name(d: &Dataset, page: &Page, lang: Lang) -> Option<String> {
    match page {
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
    }
}
