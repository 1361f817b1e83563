//! The small menu under every chart, in the explorer and in widgets: the chart's data as CSV or JSON, its
//! picture as PNG or SVG (title and source drawn in), a link to the current view, and (in the explorer) the
//! embed-code generator for this chart. Everything happens in the browser; what happened is announced.

use super::browser;
use super::menu_export::exporter;
use super::DataRef;
use crate::chart::Theme;
use crate::view::rows::pick;
use crate::view::widget_params::{Theme as Choice, WidgetParams};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartMenuProps {
    /// The chart canvas's element id; the menu's own ids derive from it.
    pub id: AttrValue,
    pub dataset: DataRef,
    /// The chart as a widget's parameters name it (chart, language, unit, scale): what the files are made from.
    pub params: WidgetParams,
    /// The theme the chart is drawn in, which pictures keep.
    pub theme: Theme,
    /// What "copy link" copies: the address of this view in the explorer.
    pub link: AttrValue,
    /// The generator page for this chart, where there is one (the explorer; not inside a widget).
    #[prop_or_default]
    pub embed_href: Option<AttrValue>,
}

#[function_component(ChartMenu)]
pub fn chart_menu(props: &ChartMenuProps) -> Html {
    let lang = props.params.lang;
    let status = use_state(String::new);
    // One handler for every item (its `data-action` says which): one closure in the `.wasm`, not five.
    let onclick = {
        let status = status.clone();
        let mut params = props.params.clone();
        params.theme = match props.theme {
            Theme::Dark => Choice::Dark,
            Theme::Light => Choice::Light,
        };
        let (id, d, link) = (props.id.clone(), props.dataset.clone(), props.link.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(action) = item_action(&e) else {
                return;
            };
            let (id, d, link, params, status) = (
                id.clone(),
                d.clone(),
                link.clone(),
                params.clone(),
                status.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                status.set(run_action(&id, &d, &params, &link, &action).await);
            });
        })
    };
    let item = |text: &str, action: &str| {
        html! {
            <li><button type="button" class="menu-item" data-action={ action.to_owned() }>{ super::lang_text(text, lang) }</button></li>
        }
    };
    html! {
        <div class="chart-menu-wrap">
            <details class="chart-menu" id={ format!("{}-menu", props.id) }>
                <summary>{ pick(lang, "내려받기·공유", "Download and share") }</summary>
                <ul class="menu-list" { onclick }>
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
            <p class="menu-status" role="status" id={ format!("{}-menu-status", props.id) }>{ (*status).clone() }</p>
        </div>
    }
}

/// The action of the menu item a click was on (its `data-action`).
pub(super) fn item_action(e: &web_sys::MouseEvent) -> Option<String> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-action]")
        .ok()??
        .get_attribute("data-action")
}

/// Does what the menu item `action` asks for the chart whose canvas is `id`: saves its data or picture (made
/// from `d` and `params`, the chart as a widget's parameters name it, theme included), or copies `link`, the
/// address of its view. Returns what happened, to be announced.
pub(super) async fn run_action(
    id: &str,
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
    let width = chart_width(id);
    let done = match exporter() {
        Some(export) => export(d, params, action, width).map(str::to_owned),
        None => remote(params, action, width).await,
    };
    done.unwrap_or_else(|e| format!("{}{e}", pick(lang, "실패했습니다: ", "That failed: ")))
}

/// The chart's width on screen in CSS px (what a picture is drawn at), within the charts' limits.
fn chart_width(id: &str) -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|el| el.client_width())
        .and_then(|w| u32::try_from(w).ok())
        .filter(|w| *w > 0)
        .unwrap_or(800)
        .clamp(320, 1200)
}

/// Has the second module save the file.
#[cfg(target_arch = "wasm32")]
async fn remote(params: &WidgetParams, action: &str, width: u32) -> Result<String, String> {
    super::menu_export::remote(params, action, width).await
}

/// Pages rendered at build time are never clicked.
#[cfg(not(target_arch = "wasm32"))]
async fn remote(_: &WidgetParams, _: &str, _: u32) -> Result<String, String> {
    Err(String::new())
}
