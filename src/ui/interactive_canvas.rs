//! The markup of the one interactive chart every chart of the app is drawn in (bars, timeline): a `<canvas>`
//! that `live_chart` draws a plotters chart on and drives, with the same behaviour for every kind of chart:
//! - hover, tap or keyboard focus shows a tooltip with the point's figures and source (WCAG 1.4.13: the pointer
//!   can rest on it, Escape closes it wherever focus is; on a phone it sits under the chart), and outlines the
//!   point;
//! - a click, a second tap or Enter opens the point's program, where the chart has somewhere to open;
//! - for assistive technology the canvas is a list of its points (`role="listbox"`, named by the chart's
//!   summary, described by its hint and its source line): the point the keyboard is on is its
//!   `aria-activedescendant`, an option inside the canvas (fallback content, never painted) whose text says
//!   everything the tooltip shows. A screen reader announces the summary and the first point when the chart gets
//!   focus, then each point as the arrow keys move. The data table beside it is the full text alternative.
//!
//! A bar's tooltip says its exact amount, share, kind and source; a timeline row's, the program's period and
//! where the article gives it. Rendered here as the page is served (and as a widget first shows it): no point
//! active, the static drawing in the canvas's place until the canvas is drawn.

use super::lang_text;
use super::static_chart::static_chart;
use crate::chart::export::Picture;
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use std::rc::Rc;
use yew::prelude::*;

/// The served canvas's CSS width, before it is sized to its container.
pub const FALLBACK_WIDTH: u32 = 640;

pub struct CanvasMarkupProps<'a> {
    /// The element id of the canvas; the tooltip, hint and points derive theirs from it.
    pub id: AttrValue,
    /// One tooltip per point, in the chart's order.
    pub tips: Rc<Vec<Tip>>,
    /// The accessible name: what the chart shows.
    pub summary: AttrValue,
    /// The chart: its kind names it to a screen reader ("막대 차트", "timeline") and its points in the hint.
    pub picture: Picture<'a>,
    pub lang: Lang,
    /// Whether a point opens its program (click, second tap, Enter): the hint promises Enter only then.
    pub opens: bool,
}

/// A plain function, not a component: it keeps no state (the live chart does), and each component type costs
/// the module that renders it its own copy of Yew's component machinery. The chart as static SVG is in the
/// canvas's place until the canvas is first drawn: drawn by the same chart code when the page is rendered at
/// build time (`static_chart`), so the first paint already has the chart; empty in the browser, where a
/// widget's canvas is drawn at once.
pub fn canvas_markup(props: CanvasMarkupProps<'_>) -> Html {
    let (kind, (ko_word, en_word)) = match props.picture {
        Picture::Bars(_) => (pick(props.lang, "막대 차트", "bar chart"), ("막대", "bar")),
        Picture::Timeline(_) => (
            pick(props.lang, "기간 차트", "timeline"),
            ("사업", "program"),
        ),
    };
    let hint = match (props.opens, props.lang) {
        (true, Lang::Ko) => format!("{ko_word} 위에 마우스를 올리거나 누르면 자세한 내용과 출처가 나옵니다. 키보드: 화살표로 {ko_word} 이동, Enter로 사업 보기."),
        (true, Lang::En) => format!("Hover or tap a {en_word} for its details and source. Keyboard: arrow keys move between {en_word}s, Enter opens the program."),
        (false, Lang::Ko) => format!("{ko_word} 위에 마우스를 올리거나 누르면 자세한 내용과 출처가 나옵니다. 키보드: 화살표로 {ko_word} 이동."),
        (false, Lang::En) => format!("Hover or tap a {en_word} for its details and source. Keyboard: arrow keys move between {en_word}s."),
    };
    let points = props.tips.iter().enumerate().map(|(i, t)| {
        html! {
            <div role="option" id={ format!("{}-point-{i}", props.id) } aria-selected="false">{ lang_text(&t.spoken, props.lang) }</div>
        }
    });
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="chart-wrap">
            // The box the outline and the tooltip are placed in: the canvas alone, so "bottom" is the chart's.
            <div class="chart-canvas-box">
            <canvas id={ props.id.clone() } role="listbox" tabindex="0"
                aria-roledescription={ kind }
                aria-label={ props.summary.clone() } aria-describedby={ format!("{hint_id} {}-source", props.id) }
                width={ FALLBACK_WIDTH.to_string() } height="300">
                { for points }
            </canvas>
            <div class="chart-static" data-chart-static="" role="img" aria-label={ props.summary.clone() }>
                { static_chart(props.picture) }
            </div>
            </div>
            <p class="chart-hint" id={ hint_id }>{ lang_text(&hint, props.lang) }</p>
        </div>
    }
}
