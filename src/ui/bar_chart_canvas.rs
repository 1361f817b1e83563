//! An interactive plotters bar chart on a `<canvas>`: sized to its container and redrawn on resize, scaled by
//! `devicePixelRatio` so it is crisp on phones; hover, tap or keyboard focus shows a tooltip with the exact
//! amount and its source; a click (or a second tap, or Enter) opens the bar's program.
//!
//! For assistive technology the canvas is a list of its bars (`role="listbox"`, named by the chart's summary):
//! the bar the keyboard is on is its `aria-activedescendant`, an option inside the canvas (fallback content,
//! never painted) whose text says the bar's name, amount, share, kind and source. A screen reader announces the
//! summary and the first bar when the chart gets focus, then each bar as the arrow keys move. The data table
//! beside it is the full text alternative.

use super::canvas_size::{fit_canvas, mark_drawn, Drawn, FALLBACK_WIDTH};
use super::lang_text;
use super::use_canvas_chart::{use_canvas_chart, CanvasChart};
use crate::chart::{self, BarChart, Layout, Theme};
use crate::model::Lang;
use crate::view::rows::pick;
use crate::view::Tip;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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

const TOOLTIP_WIDTH: f64 = 260.0;

#[function_component(BarChartCanvas)]
pub fn bar_chart_canvas(props: &BarChartCanvasProps) -> Html {
    let CanvasChart {
        node: canvas_ref,
        layout,
        error,
    } = use_canvas_chart(props.chart.clone(), props.theme, draw);
    let active = use_state(|| None::<usize>);
    // Set by a touch pointerdown to the bar that was active before it. Chromium follows a tap with a synthetic
    // mousemove (which activates the bar) before the click, so the click must compare with this, not `active`.
    let touch_down: Rc<RefCell<Option<Option<usize>>>> = use_mut_ref(|| None);

    // Device px of a mouse event → the bar under it.
    let bar_at = {
        let layout = layout.clone();
        move |e: &MouseEvent| -> Option<usize> {
            let d = layout.borrow();
            let d = d.as_ref()?;
            let r = d.device_per_css;
            chart::hit_test(
                &d.layout,
                f64::from(e.offset_x()) * r,
                f64::from(e.offset_y()) * r,
            )
        }
    };
    // The tooltip stays while the pointer crosses empty chart space or rests on the tooltip itself (WCAG 1.4.13:
    // hoverable, persistent); it goes when the pointer leaves both, or on Escape wherever focus is.
    let onmousemove = {
        let active = active.clone();
        let bar_at = bar_at.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(hit) = bar_at(&e) {
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
            let Some(i) = bar_at(&e) else {
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
            if let Some(cb) = &on_open {
                cb.emit(i);
            }
        })
    };
    let n = props.chart.bars.len();
    let onfocus = {
        let active = active.clone();
        Callback::from(move |e: FocusEvent| {
            // Only keyboard focus shows the first bar's tooltip; a mouse click focuses the canvas too, and then
            // the bar under the pointer is the one that matters.
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
            let current = *active;
            let next = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" => Some(current.map_or(0, |i| (i + 1) % n.max(1))),
                "ArrowUp" | "ArrowLeft" => {
                    Some(current.map_or(0, |i| (i + n.max(1) - 1) % n.max(1)))
                }
                "Home" => Some(0),
                "End" => Some(n.saturating_sub(1)),
                "Escape" => {
                    active.set(None);
                    None
                }
                "Enter" | " " => {
                    if let (Some(i), Some(cb)) = (current, &on_open) {
                        e.prevent_default();
                        cb.emit(i);
                    }
                    None
                }
                _ => None,
            };
            if let Some(i) = next {
                e.prevent_default();
                active.set(Some(i));
            }
        })
    };

    let tooltip = active.and_then(|i| {
        let tip = props.tips.get(i)?;
        let d = layout.borrow();
        let d = d.as_ref()?;
        let row = d.layout.rows.get(i)?;
        let r = d.device_per_css;
        let width = d.layout.width / r;
        let left = (row.bar.x1 / r + 8.0).min(width - TOOLTIP_WIDTH).max(0.0);
        let top = row.band.y1 / r + 4.0;
        Some(html! {
            <div class="tooltip" id={ format!("{}-tip", props.id) } aria-hidden="true"
                style={ format!("left:{left:.0}px;top:{top:.0}px") } onmouseleave={ on_tip_leave.clone() }>
                <p class="tt-title">{ lang_text(&tip.title, props.lang) }</p>
                <p class="tt-amount">{ lang_text(&tip.amount, props.lang) }</p>
                <p class="tt-exact">{ lang_text(&tip.exact, props.lang) }</p>
                <p class="tt-kind">{ lang_text(&tip.kind, props.lang) }</p>
                <p class="tt-source">{ lang_text(&tip.source, props.lang) }</p>
            </div>
        })
    });
    // Enter is promised only where it does something.
    let hint = match (props.on_open.is_some(), props.lang) {
        (true, Lang::Ko) => "막대 위에 마우스를 올리거나 누르면 정확한 금액과 출처가 나옵니다. 키보드: 화살표로 막대 이동, Enter로 사업 보기.",
        (true, Lang::En) => "Hover or tap a bar for its exact amount and source. Keyboard: arrow keys move between bars, Enter opens the program.",
        (false, Lang::Ko) => "막대 위에 마우스를 올리거나 누르면 정확한 금액과 출처가 나옵니다. 키보드: 화살표로 막대 이동.",
        (false, Lang::En) => "Hover or tap a bar for its exact amount and source. Keyboard: arrow keys move between bars.",
    };
    // The bar the keyboard (or pointer) is on, outlined over the canvas.
    let highlight = active.and_then(|i| {
        let d = layout.borrow();
        let d = d.as_ref()?;
        let row = d.layout.rows.get(i)?;
        let r = d.device_per_css;
        let (x, y) = (row.bar.x0 / r - 3.0, row.bar.y0 / r - 3.0);
        let (w, h) = ((row.bar.x1 - row.bar.x0) / r + 6.0, (row.bar.y1 - row.bar.y0) / r + 6.0);
        Some(html! {
            <div class="bar-highlight" aria-hidden="true"
                style={ format!("left:{x:.0}px;top:{y:.0}px;width:{w:.0}px;height:{h:.0}px") }></div>
        })
    });
    let point_id = |i: usize| format!("{}-point-{i}", props.id);
    let points = props.tips.iter().enumerate().map(|(i, t)| {
        html! {
            <div role="option" id={ point_id(i) } aria-selected={ (*active == Some(i)).to_string() }>{ lang_text(&t.spoken, props.lang) }</div>
        }
    });
    let hint_id = format!("{}-hint", props.id);
    html! {
        <div class="chart-wrap">
            <canvas ref={ canvas_ref } id={ props.id.clone() } role="listbox" tabindex="0"
                aria-roledescription={ pick(props.lang, "막대 차트", "bar chart") }
                aria-label={ props.summary.clone() } aria-describedby={ format!("{hint_id} {}-source", props.id) }
                aria-activedescendant={ active.map(point_id) }
                width={ FALLBACK_WIDTH.to_string() } height="300"
                { onmousemove } { onmouseleave } { onclick } { onpointerdown } { onfocus } { onblur } { onkeydown }>
                { for points }
            </canvas>
            { highlight.unwrap_or_default() }
            { tooltip.unwrap_or_default() }
            <p class="chart-hint" id={ hint_id }>{ lang_text(hint, props.lang) }</p>
            if let Some(e) = &error {
                <p class="error" role="alert">
                    { pick(props.lang, "차트를 그릴 수 없습니다: ", "The chart could not be drawn: ") }{ e }
                </p>
            }
        </div>
    }
}

/// Whether a mouse leaving for `e.related_target()` goes into an element matching `selector` (or inside one).
fn entering(e: &MouseEvent, selector: &str) -> bool {
    e.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
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
    let backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the canvas has no 2D context")?;
    let area = backend.into_drawing_area();
    chart::draw(&area, chart, &layout, theme).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())?;
    mark_drawn(canvas)?;
    Ok(Drawn {
        layout,
        device_per_css,
    })
}
