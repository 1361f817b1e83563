//! The programs' timeline in the shared interactive canvas (`InteractiveCanvas`): the same tooltips, keyboard
//! and screen-reader treatment as the bar charts; each row's tooltip says the program's period and where the
//! article gives it; a row opens its program.

use super::canvas_chart::AnyChart;
use super::interactive_canvas::InteractiveCanvas;
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::chart::timeline::TimelineChart;
use crate::chart::Theme;
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use std::rc::Rc;
use yew::prelude::*;

pub struct TimelineCanvasProps {
    pub id: AttrValue,
    pub chart: Rc<TimelineChart>,
    /// One tooltip per program row, in row order.
    pub tips: Rc<Vec<Tip>>,
    pub summary: AttrValue,
    pub lang: Lang,
    pub theme: Theme,
    /// Called with a row's index when the reader opens it (click, second tap, Enter).
    pub on_open: Option<Callback<usize>>,
}

/// A plain function, not a component (see `bar_chart_canvas`).
pub fn timeline_canvas(props: TimelineCanvasProps) -> Html {
    html! {
        <InteractiveCanvas id={ props.id.clone() } chart={ AnyChart::Timeline(props.chart.clone()) }
                        tips={ props.tips.clone() } summary={ props.summary.clone() }
            kind={ pick(props.lang, "기간 차트", "timeline") } point_word={ ("사업", "program") }
            lang={ props.lang } theme={ props.theme } on_open={ props.on_open.clone() }
            fallback={ static_chart(Picture::Timeline(&props.chart)) } />
    }
}
