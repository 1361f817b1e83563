//! The embed-code generator (`ko/embed/?chart=…`): choose a chart and its options, see the live widget, copy
//! the snippet. The page's query is the widget's own, so the address of a choice can be shared, and the
//! snippet uses absolute addresses of wherever this explorer is served.

use super::browser::{copy_text, root_url};
use super::chart_section::chart_title;
use super::DataRef;
use super::RouteHandle;
use crate::chart::Scale;
use crate::model::Lang;
use crate::view::route::{Page, Unit};
use crate::view::rows::pick;
use crate::view::units::unit_name;
use crate::view::widget_params::{self, embed_snippet, Theme, WidgetChart, WidgetParams};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedPageProps {
    pub dataset: DataRef,
    pub route: RouteHandle,
    /// The widget query of this page's address.
    pub query: AttrValue,
}

fn chart_value(c: &WidgetChart) -> String {
    match c {
        WidgetChart::Overview => "overview".to_owned(),
        WidgetChart::Timeline => "timeline".to_owned(),
        WidgetChart::Program(id) => format!("program:{id}"),
    }
}

fn chart_from_value(v: &str) -> WidgetChart {
    match v.strip_prefix("program:") {
        Some(id) => WidgetChart::Program(id.to_owned()),
        None if v == "timeline" => WidgetChart::Timeline,
        None => WidgetChart::Overview,
    }
}

#[function_component(EmbedPage)]
pub fn embed_page(props: &EmbedPageProps) -> Html {
    let d = &props.dataset;
    let r = &props.route.route;
    let lang = r.lang;
    let parsed = widget_params::parse(&props.query);
    let rejected = parsed.as_ref().err().map(|e| e.problems.clone());
    let params = parsed.unwrap_or_else(|_| WidgetParams {
        lang,
        ..WidgetParams::default()
    });
    let copied = use_state(String::new);
    // The preview loads only once the app has the page: the served page (and the app's first render, which must
    // draw the same markup) has an empty frame, so no widget starts loading only to be replaced.
    let live = use_state_eq(|| false);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    let preview = use_node_ref();
    use_fit_preview(preview.clone());
    let set = {
        let (route, replace) = (r.clone(), props.route.replace.clone());
        let copied = copied.clone();
        move |p: WidgetParams| {
            copied.set(String::new());
            replace.emit(route.with_page(Page::Embed(p.to_query())));
        }
    };
    // One handler per control: reads the control's value and changes one field.
    let on_select = |apply: fn(&mut WidgetParams, &str)| {
        let (params, set) = (params.clone(), set.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let mut p = params.clone();
            apply(&mut p, &value);
            set(p);
        })
    };
    let on_check = |apply: fn(&mut WidgetParams, bool)| {
        let (params, set) = (params.clone(), set.clone());
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.checked())
                .unwrap_or(true);
            let mut p = params.clone();
            apply(&mut p, checked);
            set(p);
        })
    };
    let base = root_url(props.route.depth);
    let title = chart_title(d, &params.chart, params.lang);
    let snippet = embed_snippet(&base, &params, &title);
    // The widget page is at the explorer's root, this page below it.
    let widget_src = format!(
        "{}widget.html?{}",
        "../".repeat(props.route.depth),
        params.to_query()
    );
    let on_copy = {
        let (snippet, copied) = (snippet.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (snippet, copied) = (snippet.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = copy_text(&snippet).await;
                copied.set(
                    match done {
                        Ok(()) => pick(lang, "코드를 복사했습니다. 웹페이지 HTML에 붙여 넣으세요.", "Code copied. Paste it into your page's HTML."),
                        Err(_) => pick(lang, "클립보드를 쓸 수 없습니다. 위 상자의 코드를 선택해 복사하세요.", "The clipboard is not available: select the code in the box above and copy it."),
                    }
                    .to_owned(),
                );
                if done.is_err() {
                    select_snippet();
                }
            });
        })
    };
    let current = chart_value(&params.chart);
    let bars = !matches!(params.chart, WidgetChart::Timeline);
    let option = |value: String, text: String, selected: bool| {
        html! { <option value={ value } selected={ selected }>{ text }</option> }
    };
    // An option in another language than the page's says so (the language names).
    let option_in = |value: String, text: String, selected: bool, in_lang: Lang| {
        let other = (in_lang != lang).then(|| in_lang.tag());
        html! { <option value={ value } selected={ selected } lang={ other }>{ text }</option> }
    };
    // Every chart the explorer draws, named as its widget's title will be.
    let charts: Vec<(String, String)> = [WidgetChart::Overview, WidgetChart::Timeline]
        .into_iter()
        .chain(
            d.programs()
                .iter()
                .map(|p| WidgetChart::Program(p.id.clone())),
        )
        .map(|c| (chart_value(&c), chart_title(d, &c, lang)))
        .collect();
    let checkbox = |id: &str, label: &str, checked: bool, onchange: Callback<Event>| {
        html! {
            <div class="check">
                <input type="checkbox" id={ id.to_owned() } checked={ checked } { onchange } />
                <label for={ id.to_owned() }>{ label.to_owned() }</label>
            </div>
        }
    };
    html! {
        <>
            <nav class="breadcrumb" aria-label={ pick(lang, "현재 위치", "Breadcrumb") }>
                <ol>
                    <li><a href={ props.route.href(&r.with_page(Page::Overview)) }>{ pick(lang, "개요", "Overview") }</a></li>
                    <li aria-current="page">{ pick(lang, "차트 퍼가기", "Embed a chart") }</li>
                </ol>
            </nav>
            <h1>{ heading(lang) }</h1>
            <p class="lede">
                { pick(lang,
                    "차트와 옵션을 고르고 미리 보기를 확인한 뒤, 코드를 복사해 웹페이지 HTML에 붙여 넣으세요. 사용법과 모든 옵션은 ",
                    "Choose a chart and its options, check the preview, then copy the code into your page's HTML. ") }
                <code>{ "docs/embed.md" }</code>
                { pick(lang, "에 있습니다.", " explains every option.") }
            </p>
            if let Some(problems) = rejected {
                <div class="error" role="alert">
                    <p>{ pick(lang, "주소의 옵션 중 쓸 수 없는 값이 있어 기본값으로 보여 줍니다:", "Some options in the address are not valid, so the defaults are shown:") }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
                </div>
            }
            <section aria-labelledby="embed-options-heading" class="embed-options">
                <h2 id="embed-options-heading">{ pick(lang, "옵션", "Options") }</h2>
                <div class="field">
                    <label for="embed-chart">{ pick(lang, "차트", "Chart") }</label>
                    <select id="embed-chart" onchange={ on_select(|p, v| p.chart = chart_from_value(v)) }>
                        { for charts.into_iter().map(|(v, t)| { let sel = v == current; option(v, t, sel) }) }
                    </select>
                </div>
                <div class="field">
                    <label for="embed-lang">{ pick(lang, "언어", "Language") }</label>
                    <select id="embed-lang" onchange={ on_select(|p, v| p.lang = Lang::from_tag(v).unwrap_or_default()) }>
                        { option_in("ko".into(), "한국어".into(), params.lang == Lang::Ko, Lang::Ko) }
                        { option_in("en".into(), "English".into(), params.lang == Lang::En, Lang::En) }
                    </select>
                </div>
                // Unit and scale change bar charts only: the timeline has neither, so they are not offered for it.
                if bars {
                <div class="field">
                    <label for="embed-unit">{ pick(lang, "단위", "Unit") }</label>
                    <select id="embed-unit" onchange={ on_select(|p, v| p.unit = Unit::ALL.into_iter().find(|u| u.tag() == v).unwrap_or_default()) }>
                        { for Unit::ALL.into_iter().map(|u| option(u.tag().into(), unit_name(u, lang).into(), params.unit == u)) }
                    </select>
                </div>
                <div class="field">
                    <label for="embed-scale">{ pick(lang, "눈금", "Scale") }</label>
                    <select id="embed-scale" onchange={ on_select(|p, v| p.scale = if v == "log" { Scale::Log } else { Scale::Linear }) }>
                        { option("linear".into(), pick(lang, "선형", "Linear").into(), params.scale == Scale::Linear) }
                        { option("log".into(), pick(lang, "로그 (10배 눈금)", "Log (×10 steps)").into(), params.scale == Scale::Log) }
                    </select>
                </div>
                }
                <div class="field">
                    <label for="embed-theme">{ pick(lang, "색상", "Colours") }</label>
                    <select id="embed-theme" onchange={ on_select(|p, v| p.theme = Theme::ALL.into_iter().find(|t| t.tag() == v).unwrap_or_default()) }>
                        { option("auto".into(), pick(lang, "자동 (방문자 설정)", "Automatic (reader's setting)").into(), params.theme == Theme::Auto) }
                        { option("light".into(), pick(lang, "밝게", "Light").into(), params.theme == Theme::Light) }
                        { option("dark".into(), pick(lang, "어둡게", "Dark").into(), params.theme == Theme::Dark) }
                    </select>
                </div>
                <fieldset class="checks">
                    <legend>{ pick(lang, "보일 부분", "Show") }</legend>
                    { checkbox("embed-title", pick(lang, "제목", "Title"), params.show_title, on_check(|p, c| p.show_title = c)) }
                    { checkbox("embed-source", pick(lang, "출처", "Source line"), params.show_source, on_check(|p, c| p.show_source = c)) }
                    if bars {
                        { checkbox("embed-controls", pick(lang, "단위·눈금 버튼", "Unit and scale buttons"), params.show_controls, on_check(|p, c| p.show_controls = c)) }
                    }
                </fieldset>
            </section>
            <section aria-labelledby="embed-code-heading">
                <h2 id="embed-code-heading">{ pick(lang, "코드", "Code") }</h2>
                <label for="embed-snippet" class="field-label">{ pick(lang, "웹페이지에 붙여 넣을 HTML", "HTML to paste into your page") }</label>
                <textarea id="embed-snippet" class="snippet" readonly=true rows="5" value={ snippet } />
                <p>
                    <button type="button" class="button-primary" id="embed-copy" onclick={ on_copy }>
                        { pick(lang, "코드 복사", "Copy the code") }
                    </button>
                </p>
                <p role="status" id="embed-copy-status" class="menu-status">{ (*copied).clone() }</p>
            </section>
            <section aria-labelledby="embed-preview-heading">
                <h2 id="embed-preview-heading">{ pick(lang, "미리 보기", "Preview") }</h2>
                // Keyed by its address: a new frame for each choice, since changing a frame's address would add
                // an entry to the reader's history for every option tried.
                <iframe ref={ preview } key={ if *live { widget_src.clone() } else { String::new() } } class="embed-preview"
                    src={ if *live { widget_src } else { "about:blank".to_owned() } } title={ title }
                    lang={ params.lang.tag() }
                    height={ widget_params::DEFAULT_HEIGHT.to_string() }></iframe>
            </section>
        </>
    }
}

/// Fits the preview frame to its widget, as `embed.js` fits a city page's frames: the widget posts its height
/// (`ansan-budget:height`) whenever it changes. Only a message from the frame's own window and this origin (the
/// widget is the explorer's own page) with a finite height counts, clamped as `embed.js` clamps it (120–5000 px).
/// Each choice of options makes a new frame, found through `preview` when its message comes.
#[hook]
fn use_fit_preview(preview: NodeRef) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "message", move |e| {
                if let Some((frame, height)) = e
                    .dyn_ref::<web_sys::MessageEvent>()
                    .and_then(|e| preview_height(e, &preview))
                {
                    let _ = frame.style().set_property("height", &format!("{height}px"));
                }
            })
        });
        move || drop(listener)
    });
}

/// The preview frame and its widget's height (whole CSS px, 120–5000), if `e` is that widget saying it.
fn preview_height(
    e: &web_sys::MessageEvent,
    preview: &NodeRef,
) -> Option<(web_sys::HtmlIFrameElement, u32)> {
    let frame = preview.cast::<web_sys::HtmlIFrameElement>()?;
    let own = frame.content_window()?;
    let source = e.source()?;
    let here = web_sys::window()?.location().origin().ok()?;
    if wasm_bindgen::JsValue::from(own) != wasm_bindgen::JsValue::from(source) || e.origin() != here
    {
        return None;
    }
    let data = e.data();
    let kind = js_sys::Reflect::get(&data, &"type".into())
        .ok()?
        .as_string()?;
    let height = js_sys::Reflect::get(&data, &"height".into())
        .ok()?
        .as_f64()?;
    if kind != super::widget::HEIGHT_MESSAGE || !height.is_finite() {
        return None;
    }
    // Whole px in 120..=5000: the cast cannot overflow.
    Some((frame, height.clamp(120.0, 5000.0).ceil() as u32))
}

/// Selects the snippet so the reader can copy it by hand when the clipboard is unavailable.
fn select_snippet() {
    if let Some(t) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("embed-snippet"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = t.focus();
        t.select();
    }
}

/// The generator's heading, also what a link preview shows of it.
pub fn heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "차트 퍼가기: 웹사이트에 넣을 코드 만들기",
        "Embed a chart: make the code for a website",
    )
}
