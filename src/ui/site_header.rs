//! The site header: the explorer's name (a link home) and the language switch, which keeps the page and
//! view options and only changes the language.

use super::RouteHandle;
use crate::model::Lang;
use crate::view::route::Page;
use crate::view::rows::pick;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub route: RouteHandle,
}

#[function_component(SiteHeader)]
pub fn site_header(props: &SiteHeaderProps) -> Html {
    let r = &props.route.route;
    let lang = r.lang;
    let lang_link = |to: Lang, text: &'static str| {
        let target = r.with_lang(to);
        let replace = props.route.replace.clone();
        let href = props.route.href(&target);
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            replace.emit(target.clone());
        });
        let current = (to == lang).then_some("true");
        html! {
            <a href={ href } lang={ to.tag() } hreflang={ to.tag() } aria-current={ current } { onclick }>
                { text }
            </a>
        }
    };
    let home = props.route.href(&r.with_page(Page::Overview));
    html! {
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-name" href={ home }>{ super::app::site_name(lang) }</a>
                <nav class="lang-switch" aria-label={ pick(lang, "언어 선택", "Language") }>
                    { lang_link(Lang::Ko, "한국어") }
                    { lang_link(Lang::En, "English") }
                </nav>
            </div>
        </header>
    }
}
