//! A bar chart in the shared interactive canvas (`canvas_markup`: tooltips, keyboard, screen readers):
//! each bar's tooltip says its exact amount, share, kind and source; a bar opens its program.

use super::interactive_canvas::{canvas_markup, CanvasMarkupProps};
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::chart::BarChart;
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use std::rc::Rc;
use yew::prelude::*;

pub struct BarChartCanvasProps {
    /// The element id of the canvas.
    pub id: AttrValue,
    pub chart: Rc<BarChart>,
    /// One tooltip per bar, in bar order.
    pub tips: Rc<Vec<Tip>>,
    /// The accessible name: a one-sentence summary of what the chart shows.
    pub summary: AttrValue,
    pub lang: Lang,
    /// Whether a bar opens its program (click, second tap, Enter).
    pub opens: bool,
}

/// A plain function, not a component: it keeps no state (the live chart does), and each component type costs
/// the module that renders it its own copy of Yew's component machinery.
pub fn bar_chart_canvas(props: BarChartCanvasProps) -> Html {
    canvas_markup(CanvasMarkupProps {
        id: props.id,
        tips: props.tips,
        summary: props.summary,
        kind: pick(props.lang, "막대 차트", "bar chart").into(),
        point_word: ("막대", "bar"),
        lang: props.lang,
        opens: props.opens,
        fallback: static_chart(Picture::Bars(&props.chart)),
    })
}
