//! A page for addresses the app does not know: says so and links home, never a blank screen.

use super::RouteHandle;
use crate::view::route::Page;
use crate::view::rows::pick;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundPageProps {
    pub route: RouteHandle,
}

#[function_component(NotFoundPage)]
pub fn not_found_page(props: &NotFoundPageProps) -> Html {
    let lang = props.route.route.lang;
    let home = props
        .route
        .href(&props.route.route.with_page(Page::Overview));
    // The host's not-found page (404.html) is this page in Korean, shown for any address: the way back is
    // also said in English, in its own language.
    let other = lang.other();
    let other_home = props
        .route
        .href(&props.route.route.with_lang(other).with_page(Page::Overview));
    html! {
        <>
            <h1>{ pick(lang, "찾는 페이지가 없습니다", "Page not found") }</h1>
            <p>{ pick(lang, "주소를 확인하거나 개요로 돌아가세요.", "Check the address, or go back to the overview.") }</p>
            <p><a href={ home }>{ pick(lang, "개요로 가기", "Go to the overview") }</a></p>
            <p lang={ other.tag() }>
                { pick(other, "찾는 페이지가 없습니다. ", "Page not found. ") }
                <a href={ other_home }>{ pick(other, "개요로 가기", "Go to the overview") }</a>
            </p>
        </>
    }
}
