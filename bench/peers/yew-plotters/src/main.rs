//! The overview's chart as a bare Yew + plotters page draws it: the page arrives empty, the app fetches the data
//! file, reads every program's headline figures (as the Chart.js peer does) and draws them as horizontal bars with
//! plotters' canvas backend, in 억원 or 원. It sets the marks the benchmark reads, as the explorer does:
//! "first-chart-drawn" and "app-interactive" after the first draw, "chart-drawn" and `canvas[data-drawn]` after
//! each. A benchmark peer only: a failure is printed on the page, nothing more.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use serde_json::Value;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

const UNITS: [(f64, &str); 2] = [(1e8, "억원"), (1.0, "원")];
const TONES: [RGBColor; 3] = [
    RGBColor(0x25, 0x6e, 0xf4),
    RGBColor(0x0b, 0x7d, 0x6b),
    RGBColor(0xc2, 0x41, 0x0c),
];

#[derive(PartialEq)]
struct Bar {
    label: String,
    amount: i64,
    tone: usize,
}

/// Every program's headline figures, in the data file's order.
fn bars(data: &Value) -> Option<Vec<Bar>> {
    // Looked up by key once, as the Chart.js peer's Maps do.
    let by = |list: &str, key: &str, value: &str| -> Option<HashMap<String, Value>> {
        let rows = data[list].as_array()?.iter();
        Some(
            rows.filter_map(|r| Some((r[key].as_str()?.to_owned(), r[value].clone())))
                .collect(),
        )
    };
    let (amounts, names) = (by("amounts", "id", "amount")?, by("nodes", "code", "name")?);
    let amount = |id: &str| amounts.get(id).and_then(Value::as_i64);
    let name = |code: &str| names.get(code).and_then(Value::as_str);
    let mut out = Vec::new();
    for (tone, program) in data["presentation"]["programs"]
        .as_array()?
        .iter()
        .enumerate()
    {
        let id = program["id"].as_str()?;
        for headline in program["headline"].as_array()? {
            let headline = headline.as_str()?;
            let figure = program["figures"]
                .as_array()?
                .iter()
                .find(|f| f["id"] == headline)?;
            out.push(Bar {
                label: format!("{} · {}", name(id)?, figure["label"]["ko"].as_str()?),
                amount: amount(headline)?,
                tone,
            });
        }
    }
    Some(out)
}

async fn load() -> Result<Vec<Bar>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("data/ansan-2015.json"))
        .await
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|e| format!("{e:?}"))?;
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?
        .as_string()
        .ok_or("not text")?;
    let data: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    bars(&data).ok_or_else(|| "not the shape expected".to_owned())
}

fn draw(canvas: web_sys::HtmlCanvasElement, bars: &[Bar], unit: usize) -> Result<(), String> {
    let (divisor, suffix) = UNITS[unit.min(1)];
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let max = bars.iter().map(|b| b.amount).max().unwrap_or(1) as f64 / divisor;
    let rows = bars.len() as i32;
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(28)
        .y_label_area_size(330)
        .build_cartesian_2d(0.0..max * 1.1, (0..rows).into_segmented())
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(bars.len())
        .y_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => usize::try_from(rows - 1 - i)
                .ok()
                .and_then(|i| bars.get(i))
                .map(|b| b.label.clone())
                .unwrap_or_default(),
            _ => String::new(),
        })
        .x_label_formatter(&|v| format!("{v:.0}{suffix}"))
        .label_style(("Noto Sans CJK KR", 13))
        .draw()
        .map_err(|e| e.to_string())?;
    chart
        .draw_series(bars.iter().enumerate().map(|(i, b)| {
            // The first bar on top, as on the explorer's and the Chart.js page.
            let y = rows - 1 - i as i32;
            let tone = TONES[b.tone % TONES.len()];
            Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(y)),
                    (b.amount as f64 / divisor, SegmentValue::Exact(y + 1)),
                ],
                tone.filled(),
            )
        }))
        .map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())
}

#[function_component]
fn App() -> Html {
    let bars = use_state(|| None::<Rc<Vec<Bar>>>);
    let problem = use_state(|| None::<String>);
    let unit = use_state(|| 0usize);
    let first = use_mut_ref(|| true);
    let canvas = use_node_ref();
    {
        let (bars, problem) = (bars.clone(), problem.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match load().await {
                    Ok(b) => bars.set(Some(Rc::new(b))),
                    Err(e) => problem.set(Some(e)),
                }
            });
        });
    }
    {
        let (canvas, problem) = (canvas.clone(), problem.clone());
        use_effect_with((bars.clone(), *unit), move |(bars, unit)| {
            let (Some(bars), Some(element)) =
                (bars.as_ref(), canvas.cast::<web_sys::HtmlCanvasElement>())
            else {
                return;
            };
            match draw(element.clone(), bars, *unit) {
                Ok(()) => {
                    let _ = element.set_attribute("data-drawn", "true");
                    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = p.mark("chart-drawn");
                        if std::mem::replace(&mut *first.borrow_mut(), false) {
                            let _ = p.mark("first-chart-drawn");
                            let _ = p.mark("app-interactive");
                        }
                    }
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    }
    let button = |i: usize, text: &str| {
        let unit = unit.clone();
        html! {
            <button type="button" class="toggle" aria-pressed={(*unit == i).to_string()}
                onclick={move |_| unit.set(i)}>{ text }</button>
        }
    };
    html! {
        <main>
            <h1>{ "사업별 보도 금액 비교" }</h1>
            <span id="peer-chart-unit-label">{ "단위" }</span>
            <div id="peer-chart-unit" class="toggle-group" role="group" aria-labelledby="peer-chart-unit-label">
                { button(0, "억원") }
                { button(1, "원 (전체 자릿수)") }
            </div>
            if let Some(p) = &*problem { <p role="alert">{ p }</p> }
            <div class="chart-box">
                <canvas ref={canvas} id="peer-chart" width="1200" height="260" role="img"
                    aria-label="사업별 보도 금액 막대그래프"></canvas>
            </div>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
