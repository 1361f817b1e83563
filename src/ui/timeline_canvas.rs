//! The programs' timeline in the shared interactive canvas (`InteractiveCanvas`): the same tooltips, keyboard
//! and screen-reader treatment as the bar charts; each row's tooltip says the program's period and where the
//! article gives it; a row opens its program.

use super::canvas_backend::Canvas;
use super::canvas_size::{fit_canvas, mark_drawn, Drawn};
use super::interactive_canvas::{DrawFn, InteractiveCanvas};
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::chart::timeline::{self, TimelineChart, TimelineLayout};
use crate::chart::Theme;
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineCanvasProps {
    pub id: AttrValue,
    pub chart: Rc<TimelineChart>,
    /// One tooltip per program row, in row order.
    #[prop_or_default]
    pub tips: Rc<Vec<Tip>>,
    pub summary: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub theme: Theme,
    /// Called with a row's index when the reader opens it (click, second tap, Enter).
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
}

#[function_component(TimelineCanvas)]
pub fn timeline_canvas(props: &TimelineCanvasProps) -> Html {
    html! {
        <InteractiveCanvas<TimelineChart, TimelineLayout> id={ props.id.clone() } chart={ props.chart.clone() }
            draw={ draw as DrawFn<TimelineChart, TimelineLayout> }
            tips={ props.tips.clone() } summary={ props.summary.clone() }
            kind={ pick(props.lang, "기간 차트", "timeline") } point_word={ ("사업", "program") }
            lang={ props.lang } theme={ props.theme } on_open={ props.on_open.clone() }
            fallback={ static_chart(Picture::Timeline(&props.chart)) } />
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
    let backend = Canvas::new(canvas.clone()).ok_or("the canvas has no 2D context")?;
    let area = backend.into_drawing_area();
    timeline::draw(&area, chart, &layout, theme).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    mark_drawn(canvas)?;
    Ok(Drawn {
        layout,
        device_per_css,
    })
}
