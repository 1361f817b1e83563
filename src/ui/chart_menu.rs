//! The small menu under every chart, in the explorer and in widgets: the chart's data as CSV or JSON, its
//! picture as PNG or SVG (title and source drawn in), a link to the current view, and (in the explorer) the
//! embed-code generator for this chart. Everything happens in the browser; what happened is announced.

use super::browser;
use crate::chart::export::{self, Picture};
use crate::chart::timeline::TimelineChart;
use crate::chart::{BarChart, Theme};
use crate::model::Lang;
use crate::view::export::{to_csv, to_json, JsonMeta, Table};
use crate::view::rows::pick;
use std::rc::Rc;
use yew::prelude::*;

/// The chart a menu exports.
#[derive(Clone, PartialEq)]
pub enum ChartData {
    Bars(Rc<BarChart>),
    Timeline(Rc<TimelineChart>),
}

impl ChartData {
    fn picture(&self) -> Picture<'_> {
        match self {
            ChartData::Bars(c) => Picture::Bars(c),
            ChartData::Timeline(c) => Picture::Timeline(c),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartMenuProps {
    /// The chart canvas's element id; the menu's own ids derive from it.
    pub id: AttrValue,
    pub lang: Lang,
    pub theme: Theme,
    /// The chart's title, drawn into pictures and written into JSON.
    pub title: AttrValue,
    /// The source line, written into JSON (pictures draw the chart's own).
    pub source: AttrValue,
    pub illustrative: bool,
    pub chart: ChartData,
    pub table: Rc<Table>,
    /// The start of every file name, e.g. `ansan-budget-overview-ko`.
    pub file_stem: AttrValue,
    /// What "copy link" copies: the address of this view in the explorer.
    pub link: AttrValue,
    /// The generator page for this chart, where there is one (the explorer; not inside a widget).
    #[prop_or_default]
    pub embed_href: Option<AttrValue>,
}

#[function_component(ChartMenu)]
pub fn chart_menu(props: &ChartMenuProps) -> Html {
    let lang = props.lang;
    let status = use_state(String::new);
    // One handler for every item (its `data-action` says which): one closure in the `.wasm`, not five.
    let onclick = {
        let status = status.clone();
        let p = (
            props.id.clone(),
            props.chart.clone(),
            props.table.clone(),
            props.title.clone(),
            props.source.clone(),
            props.illustrative,
            props.theme,
            props.file_stem.clone(),
            props.link.clone(),
        );
        Callback::from(move |e: MouseEvent| {
            let (id, chart, table, title, source, illustrative, theme, stem, link) = &p;
            let Some(action) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("[data-action]").ok().flatten())
                .and_then(|el| el.get_attribute("data-action"))
            else {
                return;
            };
            let name = format!("{stem}.{action}");
            let done = match action.as_str() {
                "csv" => browser::save_text(&to_csv(table), "text/csv;charset=utf-8", &name)
                    .map(|_| pick(lang, "CSV 파일을 내려받았습니다.", "CSV file saved.")),
                "json" => {
                    let meta = JsonMeta {
                        title,
                        source,
                        illustrative: *illustrative,
                        lang,
                    };
                    browser::save_text(&to_json(table, &meta), "application/json", &name)
                        .map(|_| pick(lang, "JSON 파일을 내려받았습니다.", "JSON file saved."))
                }
                "png" => browser::save_png(chart.picture(), title, chart_width(id), *theme, &name)
                    .map(|_| pick(lang, "PNG 그림을 내려받았습니다.", "PNG picture saved.")),
                "svg" => export::svg(chart.picture(), title, chart_width(id), *theme)
                    .map_err(|e| e.to_string())
                    .and_then(|svg| browser::save_text(&svg, "image/svg+xml", &name))
                    .map(|_| pick(lang, "SVG 그림을 내려받았습니다.", "SVG picture saved.")),
                "copy-link" => {
                    let (link, status) = (link.clone(), status.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        status.set(match browser::copy_text(&link).await {
                            Ok(()) => pick(lang, "링크를 복사했습니다.", "Link copied.").to_owned(),
                            Err(_) => format!(
                                "{}{link}",
                                pick(
                                    lang,
                                    "클립보드를 쓸 수 없습니다. 이 주소를 복사하세요: ",
                                    "The clipboard is not available; copy this address: "
                                )
                            ),
                        });
                    });
                    return;
                }
                _ => return,
            };
            status.set(match done {
                Ok(ok) => ok.to_owned(),
                Err(e) => format!("{}{e}", pick(lang, "실패했습니다: ", "That failed: ")),
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
