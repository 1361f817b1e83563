//! Drawings kept aside. While the browser is idle, a bar chart draws the views one press of a toggle away from
//! the one it shows (the other units at its scale, the other scale in its unit) on canvases that are not on the
//! page. A press on a toggle then copies the finished picture onto the chart's canvas instead of drawing the
//! chart, and the chart takes the layout it was drawn with, for its tooltips. A drawing is only used in the
//! frame it was made for (the canvas's box's width, the text size, the screen's density) and with the theme it
//! was made in: after a resize or a change of theme it is made again. A chart too large to keep cheaply (a
//! drawing over 16 MB, or one that took over 50 ms to draw aside) keeps none and draws on each press as before.
//! A chart holding its served drawing (`LiveChart::hold_served`) keeps none until a change first draws it, so
//! that no drawing aside holds the main thread while the page loads.

use super::LiveChart;
use crate::chart::{Scale, Theme};
use crate::ui::browser::when_idle;
use crate::ui::canvas_chart::{measure_for, paint_aside, AnyChart, AnyLayout};
use crate::ui::canvas_size::{Drawn, Fit, Frame};
use crate::view::route::Unit;
use crate::view::widget_params::WidgetChart;
use crate::view::ChartView;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;

/// The longest a drawing aside may take, in ms: a task that blocks input longer than this is a long task
/// (RAIL's 50 ms). A chart whose drawing aside takes longer lets go of its drawings and keeps none from then on,
/// so a chart of many bars costs the page one such task at most, in a moment the browser was idle.
const LONGEST_DRAW_MS: f64 = 50.0;

/// How many drawings a chart keeps, the least recently used going first. Each holds as many pixels as the
/// canvas: 1,200 × 250 device px (1.2 MB) for the overview's chart at 1280 px, 998 × 885 (3.5 MB) on a
/// 412 px phone at 2.625 device px per CSS px.
const KEEP: usize = 4;

/// The most device px a kept drawing may have (16 MB): a chart taller than that (hundreds of bars on a dense
/// screen) keeps none, and is drawn on each press as before.
const MOST_PIXELS: u64 = 4 << 20;

/// One view drawn aside, with its bars, tooltips and name.
pub(super) struct Kept {
    unit: Unit,
    scale: Scale,
    theme: Theme,
    frame: Frame,
    fit: Fit,
    picture: HtmlCanvasElement,
    drawn: Rc<Drawn<AnyLayout>>,
    view: ChartView,
}

/// A kept drawing to show: the canvas's size for it, its picture and its layout.
pub(super) struct KeptDrawing {
    pub fit: Fit,
    pub picture: HtmlCanvasElement,
    pub drawn: Rc<Drawn<AnyLayout>>,
}

impl LiveChart {
    /// The bars, tooltips and name of `unit` and `scale`, if a drawing of them is kept (for any size): made once.
    pub(super) fn kept_view(&self, unit: Unit, scale: Scale) -> Option<ChartView> {
        self.state
            .borrow()
            .kept
            .iter()
            .find(|k| (k.unit, k.scale) == (unit, scale))
            .map(|k| k.view.clone())
    }

    /// Where in the state's list the drawing of the bars of `unit` and `scale` is, if one was made in the
    /// canvas's frame now and in the chart's theme.
    fn find_kept(&self, unit: Unit, scale: Scale) -> Option<usize> {
        let frame = self.frame().ok()?;
        let state = self.state.borrow();
        state
            .kept
            .iter()
            .position(|k| (k.unit, k.scale, k.theme, k.frame) == (unit, scale, state.theme, frame))
    }

    /// The kept drawing of the bars of `unit` and `scale`, to show ([`LiveChart::find_kept`]); it becomes the
    /// most recently used.
    pub(super) fn kept(&self, unit: Unit, scale: Scale) -> Option<KeptDrawing> {
        let at = self.find_kept(unit, scale)?;
        let mut state = self.state.borrow_mut();
        // The most recently used goes last.
        let kept = state.kept.remove(at);
        let copy = KeptDrawing {
            fit: kept.fit,
            picture: kept.picture.clone(),
            drawn: kept.drawn.clone(),
        };
        state.kept.push(kept);
        Some(copy)
    }

    /// Keeps the drawings of the views one press away from the one shown, one in each moment the browser is
    /// idle, where they are not kept yet. A later call takes over from an earlier one still going.
    pub(super) fn keep_near(self: &Rc<Self>) {
        if matches!(self.chart, WidgetChart::Timeline) || self.state.borrow().too_slow_to_keep {
            return;
        }
        let round = {
            let mut state = self.state.borrow_mut();
            state.keeping = state.keeping.wrapping_add(1);
            state.keeping
        };
        self.keep_next(round, Vec::new());
    }

    /// The next view of `round` drawn aside when the browser is idle, unless a later round began; `tried`: the
    /// views this round has looked at.
    fn keep_next(self: &Rc<Self>, round: u32, mut tried: Vec<(Unit, Scale)>) {
        let live = self.clone();
        when_idle(move || {
            {
                let state = live.state.borrow();
                if state.keeping != round || state.too_slow_to_keep {
                    return;
                }
            }
            let (unit, scale) = {
                let route = live.route.borrow();
                (route.unit, route.scale)
            };
            let near = Unit::ALL
                .iter()
                .map(|u| (*u, scale))
                .chain(Scale::ALL.iter().map(|s| (unit, *s)))
                .filter(|v| *v != (unit, scale));
            for view in near {
                if tried.contains(&view) {
                    continue;
                }
                tried.push(view);
                if live.find_kept(view.0, view.1).is_some() {
                    continue;
                }
                // Views that cannot be made (a log scale of a zero) are not kept.
                let Ok(made) = live.view(view.0, view.1) else {
                    continue;
                };
                live.keep(view, made);
                live.keep_next(round, tried);
                return;
            }
        });
    }

    /// The bars of `unit` and `scale` (`view`) drawn aside and kept, in place of any older drawing of them.
    fn keep(&self, (unit, scale): (Unit, Scale), view: ChartView) {
        let chart = AnyChart::Bars(view.chart.clone());
        let Ok(frame) = self.frame() else {
            return;
        };
        let Ok(fit) = measure_for(&frame, &chart) else {
            return;
        };
        let (width, height) = fit.device_size();
        if u64::from(width) * u64::from(height) > MOST_PIXELS {
            return;
        }
        let theme = self.state.borrow().theme;
        let started = js_sys::Date::now();
        let Ok((picture, drawn)) = paint_aside(&self.canvas, &chart, theme, &fit) else {
            return;
        };
        let mut state = self.state.borrow_mut();
        if js_sys::Date::now() - started > LONGEST_DRAW_MS {
            state.too_slow_to_keep = true;
            let _ = self.canvas.set_attribute("data-kept", "0");
            state.kept.clear();
            return;
        }
        state.kept.retain(|k| (k.unit, k.scale) != (unit, scale));
        if state.kept.len() >= KEEP {
            state.kept.remove(0);
        }
        state.kept.push(Kept {
            unit,
            scale,
            theme,
            frame,
            fit,
            picture,
            drawn: Rc::new(drawn),
            view,
        });
        // For tests and for anyone inspecting the page.
        let _ = self
            .canvas
            .set_attribute("data-kept", &state.kept.len().to_string());
    }
}
