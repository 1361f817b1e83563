//! Drawings kept aside. While the browser is idle, a bar chart draws the views one press of a toggle away from
//! the one it shows (the other units at its scale, the other scale in its unit) on canvases that are not on the
//! page. A press on a toggle then copies the finished picture onto the chart's canvas instead of drawing the
//! chart, and the chart takes the layout it was drawn with, for its tooltips. A drawing is only used for the
//! size, density, text size and theme it was made for: after a resize or a change of theme it is made again.

use super::LiveChart;
use crate::chart::{Scale, Theme};
use crate::ui::browser::when_idle;
use crate::ui::canvas_chart::{measure_for, paint_aside, AnyChart, AnyLayout};
use crate::ui::canvas_size::{Drawn, Fit};
use crate::view::route::Unit;
use crate::view::widget_params::WidgetChart;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;

/// How many drawings a chart keeps, the least recently used going first. Each holds as many pixels as the
/// canvas: 1,200 × 250 device px (1.2 MB) for the overview's chart at 1280 px, 998 × 885 (3.5 MB) on a
/// 412 px phone at 2.625 device px per CSS px.
const KEEP: usize = 4;

/// One view drawn aside.
pub(super) struct Kept {
    unit: Unit,
    scale: Scale,
    theme: Theme,
    fit: Fit,
    picture: HtmlCanvasElement,
    drawn: Drawn<AnyLayout>,
}

/// A kept drawing to show: the canvas's size for it, its picture and its layout.
pub(super) struct Copy {
    pub fit: Fit,
    pub picture: HtmlCanvasElement,
    pub drawn: Drawn<AnyLayout>,
}

impl LiveChart {
    /// The kept drawing of `chart` (the bars of `unit` and `scale`), if one was made for the canvas as it
    /// would be sized now and for the chart's theme.
    pub(super) fn kept(&self, unit: Unit, scale: Scale, chart: &AnyChart) -> Option<Copy> {
        let fit = measure_for(&self.canvas, chart).ok()?;
        let mut state = self.state.borrow_mut();
        let theme = state.theme;
        let at = state
            .kept
            .iter()
            .position(|k| (k.unit, k.scale, k.theme, k.fit) == (unit, scale, theme, fit))?;
        // The most recently used goes last.
        let kept = state.kept.remove(at);
        let copy = Copy {
            fit,
            picture: kept.picture.clone(),
            drawn: kept.drawn.clone(),
        };
        state.kept.push(kept);
        Some(copy)
    }

    /// Keeps the drawings of the views one press away from the one shown, one in each moment the browser is
    /// idle, where they are not kept yet. A later call takes over from an earlier one still going.
    pub(super) fn keep_near(self: &Rc<Self>) {
        if matches!(self.chart, WidgetChart::Timeline) {
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
            if live.state.borrow().keeping != round {
                return;
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
                // Views that cannot be made (a log scale of a zero) are not kept.
                let Ok(made) = live.view(view.0, view.1) else {
                    continue;
                };
                let chart = AnyChart::Bars(made.chart);
                if live.kept(view.0, view.1, &chart).is_some() {
                    continue;
                }
                live.keep(view, &chart);
                live.keep_next(round, tried);
                return;
            }
        });
    }

    /// `chart`, the bars of `view`, drawn aside and kept, in place of any older drawing of it.
    fn keep(&self, (unit, scale): (Unit, Scale), chart: &AnyChart) {
        let Ok(fit) = measure_for(&self.canvas, chart) else {
            return;
        };
        let theme = self.state.borrow().theme;
        let Ok((picture, drawn)) = paint_aside(&self.canvas, chart, theme, &fit) else {
            return;
        };
        let mut state = self.state.borrow_mut();
        state.kept.retain(|k| (k.unit, k.scale) != (unit, scale));
        if state.kept.len() >= KEEP {
            state.kept.remove(0);
        }
        state.kept.push(Kept {
            unit,
            scale,
            theme,
            fit,
            picture,
            drawn,
        });
        // For tests and for anyone inspecting the page.
        let _ = self
            .canvas
            .set_attribute("data-kept", &state.kept.len().to_string());
    }
}
