//! The embeddable widget (`widget.html?chart=…`): one chart alone, chosen by the documented query parameters,
//! for an iframe on the city's pages. It keeps what a chart does in the explorer (tooltips, controls, the
//! table, downloads) but never navigates: programs open in the explorer in a new tab, and unit and scale live
//! in the widget's own state, so nothing it does adds an entry to the host page's history. Whatever goes
//! wrong (a bad parameter, a missing program, a data file that fails) is said politely inside the frame in
//! the chosen language, with a link to the full explorer. Its height is posted to the host page whenever it
//! changes, for `embed.js`.

use super::app::site_name;
use super::browser::location_search;
use super::chart_section::{chart_section, chart_title, ChartSectionProps};
#[cfg(target_arch = "wasm32")]
use super::live_chart::{explorer_url, Host, LiveChart};
use super::use_dataset::{use_dataset, Load};
use super::use_theme::use_theme;
use super::DataRef;
use super::{DataTable, ErrorNotice, FiguresTable};
use crate::model::Lang;
use crate::view::export::timeline_table;
use crate::view::route::Route;
use crate::view::rows::pick;
use crate::view::widget_params::{self, WidgetChart, WidgetParams};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The widget's chart canvas's element id.
const CHART_ID: &str = "widget-chart";

/// The `type` of the height message; documented in docs/embed.md, matched by embed.js.
pub const HEIGHT_MESSAGE: &str = "ansan-budget:height";
/// What the host script sends to ask for the height again.
pub const ASK_MESSAGE: &str = "ansan-budget:ask-height";

/// The explorer's address for `route` (natively, where no widget runs: the route's path).
#[cfg(not(target_arch = "wasm32"))]
fn explorer_url(route: &Route) -> String {
    route.to_path()
}

#[function_component(Widget)]
pub fn widget() -> Html {
    let parsed = use_memo((), |_| widget_params::parse(&location_search()));
    let lang = match &*parsed {
        Ok(p) => p.lang,
        Err(e) => e.lang.unwrap_or_default(),
    };
    // The page follows the theme chosen (`<html data-theme>`); the chart is drawn in it by `live_chart`.
    use_theme(
        parsed
            .as_ref()
            .as_ref()
            .map(|p| p.theme)
            .unwrap_or_default(),
    );
    let load = use_dataset();
    let root = use_node_ref();
    let key = match &*parsed {
        Ok(p) => p.widget_key(),
        Err(_) => "error".to_owned(),
    };
    use_report_height(root.clone(), key);
    let home = Route {
        lang,
        ..Route::default()
    };
    let body = match (&*parsed, &load) {
        (Err(e), _) => {
            let lines = e.problems.iter().map(|p| p.message(lang)).collect();
            problem(lang, lines, &home)
        }
        (Ok(_), Load::Loading) => html! {
            <>
                <h1 id="widget-heading" class="visually-hidden">{ site_name(lang) }</h1>
                <p role="status" class="status">{ pick(lang, "자료를 불러오는 중입니다…", "Loading the data…") }</p>
            </>
        },
        (Ok(_), Load::Failed(e)) => problem(lang, e.lines(lang), &home),
        (Ok(p), Load::Loaded(d)) => match &p.chart {
            WidgetChart::Program(id) if d.program(id).is_none() => {
                let known: Vec<&str> = d.programs().iter().map(|p| p.id.as_str()).collect();
                let line = match lang {
                    Lang::Ko => format!(
                        "program 값 \"{id}\"에 해당하는 사업이 자료에 없습니다. 있는 사업: {}",
                        known.join(", ")
                    ),
                    Lang::En => format!(
                        "There is no program \"{id}\" in the data; the programs are: {}",
                        known.join(", ")
                    ),
                };
                problem(lang, vec![line], &home)
            }
            _ => {
                html! { <WidgetChartView params={ Rc::new(p.clone()) } dataset={ d.clone() } /> }
            }
        },
    };
    {
        // The frame's own title names the chart, as the host's iframe title should.
        let title = match (&*parsed, &load) {
            (Ok(p), Load::Loaded(d)) => {
                format!("{} — {}", chart_title(d, &p.chart, lang), site_name(lang))
            }
            (Ok(_), _) => site_name(lang).to_owned(),
            (Err(_), _) => pick(
                lang,
                "차트를 표시할 수 없습니다",
                "This chart cannot be shown",
            )
            .to_owned(),
        };
        use_effect_with((lang, title), |(lang, title)| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(html) = doc.document_element() {
                    let _ = html.set_attribute("lang", lang.tag());
                }
                doc.set_title(title);
            }
        });
    }
    html! {
        // Named by its heading: a host page has its own <main>, and landmarks across frames must differ.
        <main class="widget" ref={ root } aria-labelledby="widget-heading">{ body }</main>
    }
}

/// A short, polite message in place of the chart, with the reasons and the way to the full explorer.
fn problem(lang: Lang, lines: Vec<String>, home: &Route) -> Html {
    html! {
        <>
            <h1 id="widget-heading" class="visually-hidden">{ site_name(lang) }</h1>
            <ErrorNotice summary={ pick(lang, "죄송합니다. 주소나 자료에 문제가 있어 이 차트를 표시할 수 없습니다:", "Sorry, this chart cannot be shown: something is wrong with its address or its data:") }
                lines={ lines }>
                <p>
                    <a href={ explorer_url(home) } target="_blank" rel="noopener">
                        { pick(lang, "안산시 예산 탐색기에서 보기", "See it in the Ansan Budget Explorer") }
                        <span class="visually-hidden">{ pick(lang, " (새 창)", " (opens in a new tab)") }</span>
                    </a>
                </p>
            </ErrorNotice>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct WidgetChartViewProps {
    params: Rc<WidgetParams>,
    dataset: DataRef,
}

/// The chart, its table and a link to the explorer, rendered once as the widget's address asks; from then on
/// `live_chart` drives the chart (unit and scale live in the widget alone, programs open in the explorer in a
/// new tab) and keeps the link to the explorer on what the widget shows.
#[function_component(WidgetChartView)]
fn widget_chart_view(props: &WidgetChartViewProps) -> Html {
    let p = &props.params;
    let d = &props.dataset;
    let lang = p.lang;
    let route = Route {
        lang,
        page: p.chart.explorer_page(),
        unit: p.unit,
        scale: p.scale,
    };
    #[cfg(target_arch = "wasm32")]
    {
        let (p, d, route) = (p.clone(), d.clone(), route.clone());
        use_effect_with((), move |_| {
            let root = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|doc| doc.get_element_by_id(CHART_ID))
                .and_then(|canvas| canvas.closest("main").ok().flatten());
            if let Some(root) = root {
                let host = Host::Widget { theme: p.theme };
                let rendered = (p.unit, p.scale);
                LiveChart::prepare(&root, CHART_ID, d, p.chart.clone(), route, rendered, host)
                    .map(|chart| chart.attach());
            }
        });
    }
    let timeline = matches!(p.chart, WidgetChart::Timeline);
    let chart = chart_section(ChartSectionProps {
        id: CHART_ID.into(),
        dataset: d.clone(),
        chart: p.chart.clone(),
        lang,
        unit: p.unit,
        scale: p.scale,
        opens: true,
        show_controls: p.show_controls,
        show_source: p.show_source,
        embed_href: None,
    });
    let table = if timeline {
        html! {
            <DataTable id="widget-table" caption={ chart_title(d, &p.chart, lang) }
                table={ Rc::new(timeline_table(d, lang)) } />
        }
    } else {
        let program = match &p.chart {
            WidgetChart::Program(id) => Some(AttrValue::from(id.clone())),
            _ => None,
        };
        html! { <FiguresTable dataset={ d.clone() } lang={ lang } program={ program } /> }
    };
    // The timeline has no view options: its link is to the overview as it is.
    let view_link = explorer_url(&if timeline { route.rendered() } else { route });
    let heading_class = if p.show_title {
        "widget-title"
    } else {
        "visually-hidden"
    };
    html! {
        <>
            <h1 id="widget-heading" class={ heading_class }>{ chart_title(d, &p.chart, lang) }</h1>
            { chart }
            <details class="widget-table">
                <summary>{ pick(lang, "표로 보기", "Show as table") }</summary>
                { table }
            </details>
            <p class="widget-footer">
                <a href={ view_link } target="_blank" rel="noopener" data-view-link="">
                    { pick(lang, "안산시 예산 탐색기에서 자세히 보기", "More in the Ansan Budget Explorer") }
                    <span class="visually-hidden">{ pick(lang, " (새 창)", " (opens in a new tab)") }</span>
                </a>
            </p>
        </>
    }
}

/// Posts the height of `node` (CSS px, rounded up) to the embedding page whenever it changes, and when the
/// page's host script asks (it may load after the widget), as `{ type: "ansan-budget:height", widget: key,
/// height }`. The height is no secret, so any parent may read it; the host script checks where it comes from.
#[hook]
fn use_report_height(node: NodeRef, key: String) {
    use_effect_with(key, move |key| {
        let key = key.clone();
        let target = node.cast::<web_sys::Element>();
        let post: Rc<dyn Fn()> = Rc::new(move || {
            let Some(w) = web_sys::window() else { return };
            let Some(el) = node.cast::<web_sys::Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let height = (rect.bottom() + w.scroll_y().unwrap_or(0.0)).ceil();
            let message = js_sys::Object::new();
            let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &k.into(), &v);
            let ok = set("type", HEIGHT_MESSAGE.into())
                .and_then(|_| set("widget", key.as_str().into()))
                .and_then(|_| set("height", height.into()));
            if let (Ok(_), Ok(Some(parent))) = (ok, w.parent()) {
                let _ = parent.post_message(&message, "*");
            }
        });
        let on_resize = post.clone();
        let callback = Closure::<dyn FnMut()>::new(move || on_resize());
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(o), Some(t)) = (&observer, &target) {
            o.observe(t);
        }
        let asked = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "message", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let from_parent = web_sys::window()
                    .and_then(|w| w.parent().ok().flatten())
                    .zip(e.source())
                    .is_some_and(|(parent, source)| JsValue::from(parent) == JsValue::from(source));
                let kind = js_sys::Reflect::get(&e.data(), &"type".into())
                    .ok()
                    .and_then(|t| t.as_string());
                if from_parent && kind.as_deref() == Some(ASK_MESSAGE) {
                    post();
                }
            })
        });
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(callback);
            drop(asked);
        }
    });
}
