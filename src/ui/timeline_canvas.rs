//! The programs' timeline in the shared interactive canvas (`canvas_markup`): the same tooltips, keyboard
//! and screen-reader treatment as the bar charts; each row's tooltip says the program's period and where the
//! article gives it; a row opens its program.

use super::interactive_canvas::{canvas_markup, CanvasMarkupProps};
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::chart::timeline::TimelineChart;
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
    /// Whether a row opens its program (click, second tap, Enter).
    pub opens: bool,
}

/// A plain function, not a component (see `bar_chart_canvas`).
pub fn timeline_canvas(props: TimelineCanvasProps) -> Html {
    canvas_markup(CanvasMarkupProps {
        id: props.id,
        tips: props.tips,
        summary: props.summary,
        kind: pick(props.lang, "기간 차트", "timeline").into(),
        point_word: ("사업", "program"),
        lang: props.lang,
        opens: props.opens,
        fallback: static_chart(Picture::Timeline(&props.chart)),
    })
}
