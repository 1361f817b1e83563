//! A bar chart in the shared interactive canvas (`InteractiveCanvas`: tooltips, keyboard, screen readers):
//! each bar's tooltip says its exact amount, share, kind and source; a bar opens its program.

use super::canvas_backend::Canvas;
use super::canvas_size::{fit_canvas, mark_drawn, Drawn};
use super::interactive_canvas::{DrawFn, InteractiveCanvas};
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::chart::{self, BarChart, Layout, Theme};
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartCanvasProps {
    /// The element id of the canvas.
    pub id: AttrValue,
    pub chart: Rc<BarChart>,
    /// One tooltip per bar, in bar order.
    #[prop_or_default]
    pub tips: Rc<Vec<Tip>>,
    /// The accessible name: a one-sentence summary of what the chart shows.
    pub summary: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// Called with a bar's index when the reader opens it (click, second tap, Enter).
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
}

#[function_component(BarChartCanvas)]
pub fn bar_chart_canvas(props: &BarChartCanvasProps) -> Html {
    html! {
        <InteractiveCanvas<BarChart, Layout> id={ props.id.clone() } chart={ props.chart.clone() } draw={ draw as DrawFn<BarChart, Layout> }
            tips={ props.tips.clone() } summary={ props.summary.clone() }
            kind={ pick(props.lang, "막대 차트", "bar chart") } point_word={ ("막대", "bar") }
            lang={ props.lang } theme={ props.theme } on_open={ props.on_open.clone() }
            fallback={ static_chart(Picture::Bars(&props.chart)) } />
    }
}

/// Sizes the canvas to its container and draws; returns the layout for hit-testing.
fn draw(
    canvas: &HtmlCanvasElement,
    chart: &BarChart,
    theme: Theme,
) -> Result<Drawn<Layout>, String> {
    let n = chart.bars.len();
    let (geometry, device_per_css) = fit_canvas(canvas, |w| chart::preferred_height(n, w))?;
    let layout = chart::layout(chart, &geometry).map_err(|e| e.to_string())?;
    let backend = Canvas::new(canvas.clone()).ok_or("the canvas has no 2D context")?;
    let area = backend.into_drawing_area();
    chart::draw(&area, chart, &layout, theme).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    mark_drawn(canvas)?;
    Ok(Drawn {
        layout,
        device_per_css,
    })
}
