//! The one interactive chart every chart of the app is drawn in (bars, timeline): a plotters chart on a
//! `<canvas>`, sized to its container, redrawn on resize and with the reader's text size, with the same behaviour
//! for every kind of chart:
//! - hover, tap or keyboard focus shows a tooltip with the point's figures and source (WCAG 1.4.13: the pointer
//!   can rest on it, Escape closes it wherever focus is; on a phone it sits under the chart), and outlines the
//!   point;
//! - a click, a second tap or Enter opens the point's program, where the chart has somewhere to open;
//! - for assistive technology the canvas is a list of its points (`role="listbox"`, named by the chart's
//!   summary, described by its hint and its source line): the point the keyboard is on is its
//!   `aria-activedescendant`, an option inside the canvas (fallback content, never painted) whose text says
//!   everything the tooltip shows. A screen reader announces the summary and the first point when the chart gets
//!   focus, then each point as the arrow keys move. The data table beside it is the full text alternative.

use super::canvas_chart::{
    draw, entering, key_action, overlay_styles, point_at, tip_lines, AnyChart, KeyAction,
};
use super::canvas_size::FALLBACK_WIDTH;
use super::lang_text;
use super::use_canvas_chart::{use_canvas_chart, CanvasChart};
use crate::chart::Theme;
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InteractiveCanvasProps {
    /// The element id of the canvas; the tooltip, hint and points derive theirs from it.
    pub id: AttrValue,
    pub chart: AnyChart,
    /// One tooltip per point, in the chart's order.
    pub tips: Rc<Vec<Tip>>,
    /// The accessible name: what the chart shows.
    pub summary: AttrValue,
    /// What a screen reader calls this kind of chart ("막대 차트", "timeline").
    pub kind: AttrValue,
    /// What a point is called in the hint ("막대", "bar").
    pub point_word: (&'static str, &'static str),
    pub lang: Lang,
    pub theme: Theme,
    /// Called with a point's index when the reader opens it (click, second tap, Enter).
    pub on_open: Option<Callback<usize>>,
    /// The chart as static SVG, shown until the canvas is first drawn: drawn by the same chart code when the
    /// page is rendered at build time (see `static_chart`), so the first paint already has the chart; empty in
    /// the browser (a widget draws its canvas at once; on an explorer page `live_chart` drives the served
    /// markup, drawing included, and this component does not run).
    pub fallback: Html,
}

#[function_component(InteractiveCanvas)]
pub fn interactive_canvas(props: &InteractiveCanvasProps) -> Html {
    let CanvasChart {
        node: canvas_ref,
        layout,
        error,
        drawn,
    } = use_canvas_chart(props.chart.clone(), props.theme, draw);
    let active = use_state(|| None::<usize>);
    // Set by a touch pointerdown to the point that was active before it. Chromium follows a tap with a synthetic
    // mousemove (which activates the point) before the click, so the click must compare with this, not `active`.
    let touch_down: Rc<RefCell<Option<Option<usize>>>> = use_mut_ref(|| None);

    // CSS px of a mouse event → the point under it.
    let point_at = {
        let layout = layout.clone();
        move |e: &MouseEvent| -> Option<usize> {
            point_at(layout.borrow().as_ref()?, e.offset_x(), e.offset_y())
        }
    };
    // The tooltip stays while the pointer crosses empty chart space or rests on the tooltip itself (WCAG 1.4.13:
    // hoverable, persistent); it goes when the pointer leaves both, or on Escape wherever focus is.
    let onmousemove = {
        let active = active.clone();
        let point_at = point_at.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(hit) = point_at(&e) {
                if *active != Some(hit) {
                    active.set(Some(hit));
                }
            }
        })
    };
    let onmouseleave = {
        let active = active.clone();
        let touch_down = touch_down.clone();
        Callback::from(move |e: MouseEvent| {
            if touch_down.borrow().is_none() && !entering(&e, ".tooltip") {
                active.set(None);
            }
        })
    };
    let on_tip_leave = {
        let active = active.clone();
        Callback::from(move |e: MouseEvent| {
            if !entering(&e, "canvas") {
                active.set(None);
            }
        })
    };
    {
        let active = active.clone();
        use_effect_with(active.is_some(), move |open| {
            let listener = (*open).then(web_sys::window).flatten().map(|w| {
                gloo_events::EventListener::new(&w, "keydown", move |e| {
                    let escape = e
                        .dyn_ref::<web_sys::KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape");
                    if escape {
                        active.set(None);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let onpointerdown = {
        let touch_down = touch_down.clone();
        let active = active.clone();
        Callback::from(move |e: PointerEvent| {
            *touch_down.borrow_mut() = (e.pointer_type() != "mouse").then_some(*active);
        })
    };
    let onclick = {
        let active = active.clone();
        let on_open = props.on_open.clone();
        let touch_down = touch_down.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(i) = point_at(&e) else {
                active.set(None);
                return;
            };
            // On touch there is no hover: the first tap shows the tooltip, a second tap on it opens.
            if let Some(before) = *touch_down.borrow() {
                if before != Some(i) {
                    active.set(Some(i));
                    return;
                }
            }
            active.set(Some(i));
            if let Some(cb) = &on_open {
                cb.emit(i);
            }
        })
    };
    let n = props.tips.len();
    let onfocus = {
        let active = active.clone();
        Callback::from(move |e: FocusEvent| {
            // Only keyboard focus shows the first point's tooltip; a mouse click focuses the canvas too, and then
            // the point under the pointer is the one that matters.
            let keyboard = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.matches(":focus-visible").ok())
                .unwrap_or(true);
            if keyboard && active.is_none() && n > 0 {
                active.set(Some(0));
            }
        })
    };
    let onblur = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| active.set(None))
    };
    let onkeydown = {
        let active = active.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            match key_action(&e.key(), *active, n, on_open.is_some()) {
                Some(KeyAction::Go(i)) => {
                    e.prevent_default();
                    active.set(Some(i));
                }
                Some(KeyAction::Close) => active.set(None),
                Some(KeyAction::Open(i)) => {
                    e.prevent_default();
                    if let Some(cb) = &on_open {
                        cb.emit(i);
                    }
                }
                None => {}
            }
        })
    };

    // The active point's outline and tooltip, placed over the canvas.
    let styles = active.and_then(|i| overlay_styles(layout.borrow().as_ref()?, i));
    let tooltip = active.zip(styles.clone()).and_then(|(i, (_, place))| {
        let tip = props.tips.get(i)?;
        let lines = tip_lines(tip)
            .map(|(class, text)| html! { <p class={ class }>{ lang_text(text, props.lang) }</p> });
        Some(html! {
            // Out of the tab order: a box that scrolls would otherwise be a Tab stop of its own (Chromium
            // focuses scrollers), and it vanishes when the chart loses focus. Its text is in the options.
            <div class="tooltip" id={ format!("{}-tip", props.id) } aria-hidden="true" tabindex="-1"
                style={ place } onmouseleave={ on_tip_leave.clone() }>
                { for lines }
            </div>
        })
    });
    // The point the keyboard (or pointer) is on, outlined over the canvas.
    let highlight = styles.map(|(outline, _)| {
        html! { <div class="bar-highlight" aria-hidden="true" style={ outline }></div> }
    });
    // Enter is promised only where it does something.
    let (ko_word, en_word) = props.point_word;
    let hint = match (props.on_open.is_some(), props.lang) {
        (true, Lang::Ko) => format!("{ko_word} 위에 마우스를 올리거나 누르면 자세한 내용과 출처가 나옵니다. 키보드: 화살표로 {ko_word} 이동, Enter로 사업 보기."),
        (true, Lang::En) => format!("Hover or tap a {en_word} for its details and source. Keyboard: arrow keys move between {en_word}s, Enter opens the program."),
        (false, Lang::Ko) => format!("{ko_word} 위에 마우스를 올리거나 누르면 자세한 내용과 출처가 나옵니다. 키보드: 화살표로 {ko_word} 이동."),
        (false, Lang::En) => format!("Hover or tap a {en_word} for its details and source. Keyboard: arrow keys move between {en_word}s."),
    };
    let point_id = |i: usize| format!("{}-point-{i}", props.id);
    let points = props.tips.iter().enumerate().map(|(i, t)| {
        html! {
            <div role="option" id={ point_id(i) } aria-selected={ (*active == Some(i)).to_string() }>{ lang_text(&t.spoken, props.lang) }</div>
        }
    });
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="chart-wrap">
            // The box the outline and the tooltip are placed in: the canvas alone, so "bottom" is the chart's.
            <div class="chart-canvas-box">
            <canvas ref={ canvas_ref } id={ props.id.clone() } role="listbox" tabindex="0"
                aria-roledescription={ props.kind.clone() }
                aria-label={ props.summary.clone() } aria-describedby={ format!("{hint_id} {}-source", props.id) }
                aria-activedescendant={ active.map(point_id) }
                width={ FALLBACK_WIDTH.to_string() } height="300"
                { onmousemove } { onmouseleave } { onclick } { onpointerdown } { onfocus } { onblur } { onkeydown }>
                { for points }
            </canvas>
            if !drawn {
                <div class="chart-static" data-chart-static="" role="img" aria-label={ props.summary.clone() }>
                    { props.fallback.clone() }
                </div>
            }
            { highlight.unwrap_or_default() }
            { tooltip.unwrap_or_default() }
            </div>
            <p class="chart-hint" id={ hint_id }>{ lang_text(&hint, props.lang) }</p>
            if let Some(e) = &error {
                <p class="error" role="alert">
                    { pick(props.lang, "차트를 그릴 수 없습니다: ", "The chart could not be drawn: ") }{ e }
                </p>
            }
        </div>
    }
}
