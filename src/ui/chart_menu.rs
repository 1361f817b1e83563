//! The small menu under every chart, in the explorer and in widgets: the chart's data as CSV or JSON, its
//! picture as PNG or SVG (title and source drawn in), a link to the current view, and (in the explorer) the
//! embed-code generator for this chart. Everything happens in the browser; what happened is announced. The
//! markup is rendered with the chart's (`chart_menu`); `live_chart` has a click on an item do its action
//! (`run_action`).

use crate::model::Lang;
use crate::view::rows::pick;
use yew::prelude::*;
#[cfg(target_arch = "wasm32")]
use {
    super::{browser, menu_export::exporter, DataRef},
    crate::view::widget_params::WidgetParams,
    wasm_bindgen::JsCast,
};

pub struct ChartMenuProps {
    /// The chart canvas's element id; the menu's own ids derive from it.
    pub id: AttrValue,
    pub lang: Lang,
    /// The generator page for this chart, where there is one (the explorer; not inside a widget).
    pub embed_href: Option<AttrValue>,
}

/// The menu as it is served (and as a widget first shows it); `live_chart` makes its items work. A plain function, not a component (see `canvas_markup`).
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

/// The action of the menu item a click was on (its `data-action`).
#[cfg(target_arch = "wasm32")]
pub(super) fn item_action(e: &web_sys::MouseEvent) -> Option<String> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-action]")
        .ok()??
        .get_attribute("data-action")
}

/// Does what the menu item `action` asks for the chart on `canvas`: saves its data or picture (made
/// from `d` and `params`, the chart as a widget's parameters name it, theme included), or copies `link`, the
/// address of its view. Returns what happened, to be announced.
#[cfg(target_arch = "wasm32")]
pub(super) async fn run_action(
    canvas: &web_sys::Element,
    d: &DataRef,
    params: &WidgetParams,
    link: &str,
    action: &str,
) -> String {
    let lang = params.lang;
    if action == "copy-link" {
        return match browser::copy_text(link).await {
            Ok(()) => pick(lang, "링크를 복사했습니다.", "Link copied.").to_owned(),
            Err(_) => format!(
                "{}{link}",
                pick(
                    lang,
                    "클립보드를 쓸 수 없습니다. 이 주소를 복사하세요: ",
                    "The clipboard is not available; copy this address: "
                )
            ),
        };
    }
    let width = chart_width(canvas);
    let done = match exporter() {
        Some(export) => export(d, params, action, width).map(str::to_owned),
        None => remote(params, action, width).await,
    };
    done.unwrap_or_else(|e| format!("{}{e}", pick(lang, "실패했습니다: ", "That failed: ")))
}

/// The chart's width on screen in CSS px (what a picture is drawn at), within the charts' limits.
#[cfg(target_arch = "wasm32")]
fn chart_width(canvas: &web_sys::Element) -> u32 {
    u32::try_from(canvas.client_width())
        .ok()
        .filter(|w| *w > 0)
        .unwrap_or(800)
        .clamp(320, 1200)
}

/// Has the second module save the file.
#[cfg(target_arch = "wasm32")]
async fn remote(params: &WidgetParams, action: &str, width: u32) -> Result<String, String> {
    super::menu_export::remote(params, action, width).await
}
