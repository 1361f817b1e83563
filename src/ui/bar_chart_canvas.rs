//! A plotters bar chart on a `<canvas>`, sized to its container and scaled by `devicePixelRatio` so it is crisp
//! on phones. The canvas is an image with an accessible name; the data table beside it is its text alternative.

use crate::chart::{self, BarChart, Geometry};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartCanvasProps {
    /// The element id of the canvas.
    pub id: AttrValue,
    pub chart: Rc<BarChart>,
    /// The accessible name: a one-sentence summary of what the chart shows.
    pub summary: AttrValue,
}

/// The CSS width used before the container has been laid out (and in tests without layout).
const FALLBACK_WIDTH: u32 = 640;

#[function_component(BarChartCanvas)]
pub fn bar_chart_canvas(props: &BarChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let error = use_state(|| None::<String>);
    {
        let canvas_ref = canvas_ref.clone();
        let error = error.clone();
        use_effect_with(props.chart.clone(), move |chart| {
            let result = canvas_ref
                .cast::<HtmlCanvasElement>()
                .ok_or_else(|| "the chart canvas is not in the page".to_owned())
                .and_then(|canvas| draw(&canvas, chart));
            error.set(result.err());
        });
    }
    html! {
        <figure class="chart">
            <canvas ref={ canvas_ref } id={ props.id.clone() } role="img" aria-label={ props.summary.clone() }
                width={ FALLBACK_WIDTH.to_string() } height="300">
            </canvas>
            if let Some(e) = &*error {
                <p class="error" role="alert">{ format!("The chart could not be drawn: {e}") }</p>
            }
        </figure>
    }
}

/// Sizes the canvas to its container and draws. Marks it `data-drawn="true"` and, the first time on the page,
/// sets the performance mark `first-chart-drawn` that the benchmark reads.
fn draw(canvas: &HtmlCanvasElement, chart: &BarChart) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let ratio = window.device_pixel_ratio().clamp(1.0, 4.0);
    let parent_width = canvas
        .parent_element()
        .map(|p| p.client_width())
        .filter(|w| *w > 0)
        .and_then(|w| u32::try_from(w).ok())
        .unwrap_or(FALLBACK_WIDTH);
    let css_width = parent_width.clamp(280, 1200);
    let css_height = chart::preferred_height(chart.bars.len(), css_width);
    let device = |css: u32| (f64::from(css) * ratio).round() as u32;
    canvas.set_width(device(css_width));
    canvas.set_height(device(css_height));
    let style = canvas.style();
    style
        .set_property("width", &format!("{css_width}px"))
        .and_then(|_| style.set_property("height", &format!("{css_height}px")))
        .map_err(|_| "cannot size the canvas")?;
    // The layout works in CSS px and scales by the ratio itself, matching the canvas's device-px backing store.
    let geometry = Geometry {
        width: css_width,
        height: css_height,
        pixel_ratio: ratio,
    };
    let layout = chart::layout(chart, &geometry).map_err(|e| e.to_string())?;
    let backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the canvas has no 2D context")?;
    let area = backend.into_drawing_area();
    chart::draw(&area, chart, &layout).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    let first = canvas.get_attribute("data-drawn").is_none();
    canvas
        .set_attribute("data-drawn", "true")
        .map_err(|_| "cannot mark the canvas")?;
    if first {
        if let Some(perf) = window.performance() {
            // Only the benchmark reads this; a failure to mark must not hide the chart.
            let _ = perf.mark("first-chart-drawn");
        }
    }
    Ok(())
}
