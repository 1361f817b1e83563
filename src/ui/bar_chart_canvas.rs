//! A bar chart in the shared interactive canvas (`InteractiveCanvas`: tooltips, keyboard, screen readers):
//! each bar's tooltip says its exact amount, share, kind and source; a bar opens its program.

use super::canvas_chart::AnyChart;
use super::interactive_canvas::InteractiveCanvas;
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::chart::{BarChart, Theme};
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
    pub theme: Theme,
    /// Called with a bar's index when the reader opens it (click, second tap, Enter).
    pub on_open: Option<Callback<usize>>,
}

/// A plain function, not a component: it keeps no state, and each component type costs the first view's
/// `.wasm` its own copy of Yew's component machinery, compiled on the page at first use.
pub fn bar_chart_canvas(props: BarChartCanvasProps) -> Html {
    html! {
        <InteractiveCanvas id={ props.id.clone() } chart={ AnyChart::Bars(props.chart.clone()) }
                        tips={ props.tips.clone() } summary={ props.summary.clone() }
            kind={ pick(props.lang, "막대 차트", "bar chart") } point_word={ ("막대", "bar") }
            lang={ props.lang } theme={ props.theme } on_open={ props.on_open.clone() }
            fallback={ static_chart(Picture::Bars(&props.chart)) } />
    }
}
