//! The programs' timeline on a `<canvas>`, sized to its container, crisp at any `devicePixelRatio`, redrawn
//! on resize. Clicking a row opens that program; the program cards above are the keyboard path.

use super::canvas_size::{fit_canvas, mark_drawn, Drawn};
use super::use_canvas_chart::{use_canvas_chart, CanvasChart};
use crate::chart::timeline::{self, TimelineChart, TimelineLayout};
use crate::chart::Theme;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineCanvasProps {
    pub id: AttrValue,
    pub chart: Rc<TimelineChart>,
    pub summary: AttrValue,
    #[prop_or_default]
    pub theme: Theme,
    /// Called with a row's index when it is clicked.
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
}

#[function_component(TimelineCanvas)]
pub fn timeline_canvas(props: &TimelineCanvasProps) -> Html {
    let CanvasChart {
        node: canvas_ref,
        layout,
        error,
    } = use_canvas_chart(props.chart.clone(), props.theme, draw);
    let onclick = {
        let (layout, on_open) = (layout.clone(), props.on_open.clone());
        Callback::from(move |e: MouseEvent| {
            let hit = layout.borrow().as_ref().and_then(|d| {
                let r = d.device_per_css;
                timeline::hit_test(
                    &d.layout,
                    f64::from(e.offset_x()) * r,
                    f64::from(e.offset_y()) * r,
                )
            });
            if let (Some(i), Some(cb)) = (hit, &on_open) {
                cb.emit(i);
            }
        })
    };
    html! {
        <div class="chart-wrap">
            <canvas ref={ canvas_ref } id={ props.id.clone() } role="img" aria-label={ props.summary.clone() }
                aria-describedby={ format!("{}-source", props.id) }
                width="640" height="240" { onclick }>
            </canvas>
            if let Some(e) = &error {
                <p class="error" role="alert">{ e }</p>
            }
        </div>
    }
}

fn draw(
    canvas: &HtmlCanvasElement,
    chart: &TimelineChart,
    theme: Theme,
) -> Result<Drawn<TimelineLayout>, String> {
    let n = chart.spans.len();
    let (geometry, device_per_css) = fit_canvas(canvas, |w| timeline::preferred_height(n, w))?;
    let layout = timeline::layout(chart, &geometry).map_err(|e| e.to_string())?;
    let backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the canvas has no 2D context")?;
    let area = backend.into_drawing_area();
    timeline::draw(&area, chart, &layout, theme).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    mark_drawn(canvas)?;
    Ok(Drawn {
        layout,
        device_per_css,
    })
}
