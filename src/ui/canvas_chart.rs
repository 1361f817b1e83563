//! What every interactive chart does, whichever code drives its page: drawing a chart on its `<canvas>`, finding
//! the point under the pointer, where a point's outline and tooltip go, and what a key does. No Yew here: the
//! explorer's pages drive their served charts with it directly (`live_chart`), and the widget through its
//! component (`interactive_canvas`), so a chart behaves the same wherever it is shown.

use super::canvas_backend::Canvas;
use super::canvas_size::{apply, apply_css, mark_drawn, measure, Drawn, Fit, Frame};
use crate::chart::timeline::{self, TimelineChart, TimelineLayout};
use crate::chart::{whole, BarChart, ChartError, ChartErrorKind, Layout, Points, Rect, Theme};
use crate::view::Tip;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// Every kind of chart the canvas draws. One type for all of them, not one per kind: generic code is compiled
/// once per chart type, and each copy cost the first view's `.wasm` ~9 KB before `wasm-opt`.
#[derive(Clone, PartialEq)]
pub enum AnyChart {
    Bars(Rc<BarChart>),
    Timeline(Rc<TimelineChart>),
}

/// The layout of the chart last drawn, for hit-testing.
pub enum AnyLayout {
    Bars(Layout),
    Timeline(TimelineLayout),
}

impl Points for AnyLayout {
    fn point_at(&self, x: f64, y: f64) -> Option<usize> {
        match self {
            AnyLayout::Bars(l) => l.point_at(x, y),
            AnyLayout::Timeline(l) => l.point_at(x, y),
        }
    }
    fn point_boxes(&self, i: usize) -> Option<(Rect, Rect)> {
        match self {
            AnyLayout::Bars(l) => l.point_boxes(i),
            AnyLayout::Timeline(l) => l.point_boxes(i),
        }
    }
    fn device_width(&self) -> f64 {
        match self {
            AnyLayout::Bars(l) => l.device_width(),
            AnyLayout::Timeline(l) => l.device_width(),
        }
    }
    fn device_height(&self) -> f64 {
        match self {
            AnyLayout::Bars(l) => l.device_height(),
            AnyLayout::Timeline(l) => l.device_height(),
        }
    }
}

/// The canvas sized for its `frame` (its box's width, the reader's text size, the screen's density) and the
/// chart laid out for it: the first half of drawing a chart. A page's take-over runs it in a task of its own
/// before the first draw, while the canvas is still hidden (it shows once drawn), so nothing is seen in between;
/// everywhere else [`paint`] follows in the same task.
pub fn size(
    canvas: &HtmlCanvasElement,
    frame: &Frame,
    chart: &AnyChart,
) -> Result<Drawn<AnyLayout>, ChartError> {
    let fit = measure_for(frame, chart)?;
    apply(canvas, &fit)?;
    lay_out(chart, &fit)
}

/// How a canvas in `frame` is to be sized for `chart` ([`measure`]).
pub fn measure_for(frame: &Frame, chart: &AnyChart) -> Result<Fit, ChartError> {
    measure(frame, |w| match chart {
        AnyChart::Bars(c) => crate::chart::preferred_height(c.bars.len(), &c.source_note, w),
        AnyChart::Timeline(c) => timeline::preferred_height(c.spans.len(), &c.source_note, w),
    })
}

/// `chart` laid out for a canvas sized as `fit` says.
pub fn lay_out(chart: &AnyChart, fit: &Fit) -> Result<Drawn<AnyLayout>, ChartError> {
    let layout = match chart {
        AnyChart::Bars(c) => AnyLayout::Bars(crate::chart::layout(c, &fit.geometry)?),
        AnyChart::Timeline(c) => AnyLayout::Timeline(timeline::layout(c, &fit.geometry)?),
    };
    Ok(Drawn {
        layout,
        device_per_css: fit.device_per_css(),
    })
}

/// The second half: `chart` drawn on the canvas that [`size`] sized, with the layout it made; the canvas is
/// then marked drawn, which shows it.
pub fn paint(
    canvas: &HtmlCanvasElement,
    chart: &AnyChart,
    theme: Theme,
    sized: &Drawn<AnyLayout>,
) -> Result<(), ChartError> {
    draw_on(canvas, chart, theme, &sized.layout)?;
    let _ = canvas.remove_attribute("data-copied");
    mark_drawn(canvas).map_err(backend)
}

/// `chart` drawn by plotters on `canvas`, laid out as `layout`.
#[inline(never)]
fn draw_on(
    canvas: &HtmlCanvasElement,
    chart: &AnyChart,
    theme: Theme,
    layout: &AnyLayout,
) -> Result<(), ChartError> {
    let area = Canvas::new(canvas.clone())
        .ok_or_else(|| backend("the canvas has no 2D context".to_owned()))?
        .into_drawing_area();
    match (chart, layout) {
        (AnyChart::Bars(c), AnyLayout::Bars(l)) => crate::chart::draw(&area, c, l, theme)?,
        (AnyChart::Timeline(c), AnyLayout::Timeline(l)) => timeline::draw(&area, c, l, theme)?,
        _ => {
            return Err(backend(
                "the chart changed kind while it was drawn".to_owned(),
            ))
        }
    }
    area.present().map_err(|e| backend(e.to_string()))
}

/// `chart` drawn as [`paint`] draws it on `like`, on a new canvas that is not on the page, sized as `fit` says:
/// a drawing kept aside, which [`copy_kept`] shows at the cost of one copy.
pub fn paint_aside(
    like: &HtmlCanvasElement,
    chart: &AnyChart,
    theme: Theme,
    fit: &Fit,
) -> Result<(HtmlCanvasElement, Drawn<AnyLayout>), ChartError> {
    let canvas = like
        .owner_document()
        .and_then(|doc| doc.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or_else(|| backend("cannot make a canvas".to_owned()))?;
    // A canvas off the page has no language of its own, and Chromium then draws Hangul in other glyphs than on
    // the page (measured: a Korean line's pixels differ): it takes the language `like` has there.
    if let Some(lang) = like
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
    {
        let _ = canvas.set_attribute("lang", &lang);
    }
    let (width, height) = fit.device_size();
    canvas.set_width(width);
    canvas.set_height(height);
    let drawn = lay_out(chart, fit)?;
    draw_on(&canvas, chart, theme, &drawn.layout)?;
    Ok((canvas, drawn))
}

/// A drawing kept aside ([`paint_aside`], made for `fit`) shown on `canvas`, sized for it; the canvas is then
/// marked drawn, as [`paint`] marks it. Its backing store is only made anew if its size changes.
pub fn copy_kept(
    canvas: &HtmlCanvasElement,
    kept: &HtmlCanvasElement,
    fit: &Fit,
) -> Result<(), ChartError> {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or_else(|| backend("the canvas has no 2D context".to_owned()))?;
    let (width, height) = fit.device_size();
    if (canvas.width(), canvas.height()) == (width, height) {
        context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
    } else {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    apply_css(canvas, fit)?;
    context
        .draw_image_with_html_canvas_element(kept, 0.0, 0.0)
        .map_err(|_| backend("cannot copy the kept drawing".to_owned()))?;
    // For tests and for anyone inspecting the page: this drawing is a copy.
    let _ = canvas.set_attribute("data-copied", "");
    mark_drawn(canvas).map_err(backend)
}

fn backend(what: String) -> ChartError {
    ChartError::new(ChartErrorKind::Backend, what)
}

/// The point under a mouse event's offset (CSS px from the canvas's corner).
pub fn point_at(drawn: &Drawn<AnyLayout>, offset_x: i32, offset_y: i32) -> Option<usize> {
    let r = drawn.device_per_css;
    drawn
        .layout
        .point_at(f64::from(offset_x) * r, f64::from(offset_y) * r)
}

const TOOLTIP_WIDTH: f64 = 360.0;

/// How far past the chart's edge a tooltip may grow when the chart leaves it less room than it needs, and how
/// much of the visible window lies beyond the chart's box on each side.
pub struct Reach {
    /// CSS px of the window below the chart's box (negative where the box runs past the window's bottom).
    pub below: f64,
    /// CSS px of the window above the chart's box (negative where the box starts above the window's top).
    pub above: f64,
    /// On an explorer page, a CSS length the box may grow to over whatever is next to the chart (the page
    /// scrolls); `None` in a widget, whose box stops at the window's edge (its frame cannot scroll to it).
    pub at_least: Option<&'static str>,
}

/// Where point `i`'s outline and tooltip go over the canvas, as inline styles: (outline, tooltip). `need` is
/// the height of the tooltip's text (CSS px; 0 when not known).
pub fn overlay_styles(
    drawn: &Drawn<AnyLayout>,
    i: usize,
    reach: &Reach,
    need: f64,
) -> Option<(String, String)> {
    let (mark, row) = drawn.layout.point_boxes(i)?;
    let r = drawn.device_per_css;
    let (x0, y0, x1, y1) = (mark.x0 / r, mark.y0 / r, mark.x1 / r, mark.y1 / r);
    let (row_top, row_bottom) = (row.y0 / r, row.y1 / r);
    let (width, height) = (
        drawn.layout.device_width() / r,
        drawn.layout.device_height() / r,
    );
    let outline = format!(
        "left:{}px;top:{}px;width:{}px;height:{}px",
        whole(x0 - 3.0),
        whole(y0 - 3.0),
        whole(x1 - x0 + 6.0),
        whole(y1 - y0 + 6.0)
    );
    let left = (x1 + 8.0).min(width - TOOLTIP_WIDTH).max(0.0);
    // Under a row in the upper half, above a row in the lower half: the box stays over the chart where the chart
    // has room for it. If the box is taller than that side, it grows past the chart's edge as far as `reach`
    // lets it (a chart of one or two rows would otherwise show two lines of it and hide the source), and scrolls
    // beyond that (the pointer can rest on it). Where the window shows less than the box needs on that side (a
    // lower row of a chart at the window's top) and more on the other, it opens on the other side.
    let (below, above) = (height - row_bottom - 8.0, row_top - 8.0);
    let (seen_below, seen_above) = (below + reach.below, above + reach.above);
    let under = if below >= above {
        need <= seen_below || seen_below >= seen_above
    } else {
        need > seen_above && seen_below >= seen_above
    };
    // In a widget, to the window's edge (or the chart's, if that is further: the frame then scrolls to it).
    let cap = |room: f64, seen: f64| match reach.at_least {
        Some(length) => format!("max({}px,{length})", whole(room.max(48.0))),
        None => format!("{}px", whole(room.max(seen).max(48.0))),
    };
    let tooltip = if under {
        format!(
            "left:{}px;top:{}px;max-height:{}",
            whole(left),
            whole(row_bottom + 4.0),
            cap(below, seen_below)
        )
    } else {
        format!(
            "left:{}px;bottom:{}px;max-height:{}",
            whole(left),
            whole(height - row_top + 4.0),
            cap(above, seen_above)
        )
    };
    Some((outline, tooltip))
}

/// The tooltip's lines, each with its class; empty ones are left out.
pub fn tip_lines(tip: &Tip) -> impl Iterator<Item = (&'static str, &str)> {
    [
        ("tt-title", tip.title.as_str()),
        ("tt-amount", tip.amount.as_str()),
        ("tt-exact", tip.exact.as_str()),
        ("tt-share", tip.share.as_deref().unwrap_or_default()),
        ("tt-kind", tip.kind.as_str()),
        ("tt-source", tip.source.as_str()),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
}

/// Whether a mouse leaving for `e.related_target()` goes into an element matching `selector` (or inside one).
pub fn entering(e: &web_sys::MouseEvent, selector: &str) -> bool {
    e.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}

/// What a key pressed on the chart does.
#[derive(Debug, PartialEq)]
pub enum KeyAction {
    /// Makes this point the active one.
    Go(usize),
    /// Closes the tooltip.
    Close,
    /// Opens this point's program.
    Open(usize),
}

/// What `key` does on a chart of `n` points whose active point is `current`; `None` for a key it leaves alone
/// (Enter where nothing is active or nothing can be opened, an arrow where there are no points).
pub fn key_action(
    key: &str,
    current: Option<usize>,
    n: usize,
    can_open: bool,
) -> Option<KeyAction> {
    if n == 0 && key != "Escape" {
        return None;
    }
    match key {
        "ArrowDown" | "ArrowRight" => Some(KeyAction::Go(current.map_or(0, |i| (i + 1) % n))),
        "ArrowUp" | "ArrowLeft" => Some(KeyAction::Go(current.map_or(0, |i| (i + n - 1) % n))),
        "Home" => Some(KeyAction::Go(0)),
        "End" => Some(KeyAction::Go(n - 1)),
        "Escape" => Some(KeyAction::Close),
        "Enter" | " " => current.filter(|_| can_open).map(KeyAction::Open),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn keys_move_round_the_points_and_open_only_where_they_can() {
        assert_eq!(
            key_action("ArrowDown", None, 4, false),
            Some(KeyAction::Go(0))
        );
        assert_eq!(
            key_action("ArrowDown", Some(3), 4, false),
            Some(KeyAction::Go(0))
        );
        assert_eq!(
            key_action("ArrowUp", Some(0), 4, false),
            Some(KeyAction::Go(3))
        );
        assert_eq!(
            key_action("ArrowLeft", None, 4, false),
            Some(KeyAction::Go(0))
        );
        assert_eq!(key_action("End", None, 4, false), Some(KeyAction::Go(3)));
        assert_eq!(
            key_action("Home", Some(2), 4, false),
            Some(KeyAction::Go(0))
        );
        assert_eq!(
            key_action("Escape", Some(2), 4, true),
            Some(KeyAction::Close)
        );
        assert_eq!(
            key_action("Enter", Some(2), 4, true),
            Some(KeyAction::Open(2))
        );
        assert_eq!(key_action("Enter", Some(2), 4, false), None);
        assert_eq!(key_action("Enter", None, 4, true), None);
        assert_eq!(key_action("a", Some(1), 4, true), None);
        // No points: nothing to move to.
        assert_eq!(key_action("End", None, 0, false), None);
        assert_eq!(key_action("ArrowDown", None, 0, false), None);
        assert_eq!(key_action("Escape", None, 0, false), Some(KeyAction::Close));
    }
}
