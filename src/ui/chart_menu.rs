//! The small menu under every chart, in the explorer and in widgets: the chart's data as CSV or JSON, its
//! picture as PNG or SVG (title and source drawn in), a link to the current view, and (in the explorer) the
//! embed-code generator for this chart. Everything happens in the browser; what happened is announced.

use crate::model::Lang;
use crate::view::rows::pick;
use yew::prelude::*;

pub struct ChartMenuProps {
    /// The chart canvas's element id; the menu's own ids derive from it.
    pub id: AttrValue,
    pub lang: Lang,
    /// The generator page for this chart, where there is one (the explorer; not inside a widget).
    pub embed_href: Option<AttrValue>,
}

/// The menu as it is served (and as a widget first shows it); `live_chart` makes its items work. A plain function, not a component (see `bar_chart_canvas`).
pub fn chart_menu(props: ChartMenuProps) -> Html {
    let lang = props.lang;
    let item = |text: &str, action: &str| {
        html! {
            <li><button type="button" class="menu-item" data-action={ action.to_owned() }>{ super::lang_text(text, lang) }</button></li>
        }
    };
    html! {
        <div class="chart-menu-wrap">
            <details class="chart-menu" id={ format!("{}-menu", props.id) }>
                <summary>{ pick(lang, "내려받기·공유", "Download and share") }</summary>
                <ul class="menu-list">
                    { item(pick(lang, "자료 CSV (엑셀)", "Data as CSV (Excel)"), "csv") }
                    { item(pick(lang, "자료 JSON", "Data as JSON"), "json") }
                    { item(pick(lang, "그림 PNG", "Picture as PNG"), "png") }
                    { item(pick(lang, "그림 SVG", "Picture as SVG"), "svg") }
                    { item(pick(lang, "링크 복사", "Copy link"), "copy-link") }
                    if let Some(href) = &props.embed_href {
                        <li><a class="menu-item" href={ href.clone() }>{ pick(lang, "이 차트 퍼가기 (웹사이트에 넣기)", "Embed this chart on a website") }</a></li>
                    }
                </ul>
            </details>
            <p class="menu-status" role="status" id={ format!("{}-menu-status", props.id) }></p>
        </div>
    }
}
