//! Sizing a chart canvas: CSS width from its container, height from the chart, backing store in device pixels
//! (`devicePixelRatio`), so plotters' drawing is crisp on high-density phone screens.

use crate::chart::{canvas_ratio, ChartError, ChartErrorKind, Geometry};
use web_sys::HtmlCanvasElement;

/// The CSS width used before the container has been laid out (and in tests without layout); the served
/// canvas's own width.
pub use super::interactive_canvas::FALLBACK_WIDTH;

// The narrowest a chart is laid out (below it the text scale gives way; the table beside it has everything),
// and the widest (the page's column).
use crate::chart::{FULL_LAYOUT_WIDTH, MIN_LAYOUT_WIDTH};

/// A chart's layout with how many device px one CSS px of the page is (for pointer positions and overlays).
pub struct Drawn<L> {
    pub layout: L,
    pub device_per_css: f64,
}

/// The page's root font size at the browser's default text size: style.css sets `:root { font-size: 1.0625rem }`
/// (KRDS body-medium), 17 px of the default 16.
const DESIGN_ROOT_PX: f64 = 17.0;

/// The reader's text size as a factor of the page's own: 2 at 200 % text. Read from the computed root font
/// size; never below 1, so no chart text goes under the charts' 12 px floor.
pub fn text_scale(window: &web_sys::Window) -> f64 {
    let px = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|root| window.get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        // JavaScript's parseFloat reads "34px" as 34, and links no float parser into the .wasm.
        .map(|v| js_sys::parse_float(&v))
        .filter(|v| v.is_finite() && *v > 0.0)
        .unwrap_or(DESIGN_ROOT_PX);
    (px / DESIGN_ROOT_PX).clamp(1.0, 4.0)
}

/// Sizes `canvas` to its parent's width (280–1200 CSS px) and the chart's height, and returns the geometry a
/// chart layout needs and the device px per CSS px. The chart follows the reader's text size: it is laid out at
/// the container width divided by the text scale and drawn that much larger, so every length, text included,
/// grows with the text (down to a 280 px layout; on a narrower screen the scale is what fits). Its backing
/// store has the screen's density, or less where a very tall chart would pass a browser's canvas limits
/// (`canvas_ratio`); a chart too large even at half density is not sized, and the error says so.
pub fn fit_canvas(
    canvas: &HtmlCanvasElement,
    height_for: impl Fn(u32) -> u32,
) -> Result<(Geometry, f64), ChartError> {
    let failed = |what: &str| ChartError::new(ChartErrorKind::Backend, what.to_owned());
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let screen = window.device_pixel_ratio().clamp(1.0, 4.0);
    let css_width = canvas
        .parent_element()
        .map(|p| p.client_width())
        .filter(|w| *w > 0)
        .and_then(|w| u32::try_from(w).ok())
        .unwrap_or(FALLBACK_WIDTH)
        .clamp(MIN_LAYOUT_WIDTH, FULL_LAYOUT_WIDTH);
    let scale = text_scale(&window)
        .min(f64::from(css_width) / f64::from(MIN_LAYOUT_WIDTH))
        .max(1.0);
    let layout_width = ((f64::from(css_width) / scale).round() as u32).max(MIN_LAYOUT_WIDTH);
    let layout_height = height_for(layout_width);
    let css_height = (f64::from(layout_height) * scale).round() as u32;
    let ratio = canvas_ratio(css_width, css_height, screen)?;
    let device = |css: u32| (f64::from(css) * ratio).round() as u32;
    canvas.set_width(device(css_width));
    canvas.set_height(device(css_height));
    let style = canvas.style();
    style
        .set_property("width", &format!("{css_width}px"))
        .and_then(|_| style.set_property("height", &format!("{css_height}px")))
        .map_err(|_| failed("cannot size the canvas"))?;
    // For tests and for anyone inspecting the page: the scale the chart was drawn at.
    let _ = canvas.set_attribute("data-text-scale", &crate::chart::hundredths(scale));
    Ok((
        Geometry {
            width: layout_width,
            height: layout_height,
            pixel_ratio: ratio * scale,
        },
        ratio,
    ))
}

/// Marks a drawn canvas for tests, and sets the performance marks the benchmark reads: `chart-drawn` after
/// every draw, `first-chart-drawn` the first time on the page.
pub fn mark_drawn(canvas: &HtmlCanvasElement) -> Result<(), String> {
    let first = canvas.get_attribute("data-drawn").is_none();
    canvas
        .set_attribute("data-drawn", "true")
        .map_err(|_| "cannot mark the canvas")?;
    super::mark("chart-drawn");
    if first {
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            if perf.get_entries_by_name("first-chart-drawn").length() == 0 {
                // Only the benchmark reads this; a failure to mark must not hide the chart.
                let _ = perf.mark("first-chart-drawn");
            }
        }
    }
    Ok(())
}

/// A hidden element 1rem wide at the end of the body: it changes size exactly when the root font size does.
pub fn rem_probe() -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    let probe = doc.create_element("span").ok()?;
    probe
        .set_attribute(
            "style",
            "position:absolute;visibility:hidden;width:1rem;height:0;overflow:hidden;pointer-events:none",
        )
        .ok()?;
    probe.set_attribute("aria-hidden", "true").ok()?;
    doc.body()?.append_child(&probe).ok()?;
    Some(probe)
}
