//! Sizing a chart canvas: CSS width from its container, height from the chart, backing store in device pixels
//! (`devicePixelRatio`), so plotters' drawing is crisp on high-density phone screens.

use crate::chart::Geometry;
use web_sys::HtmlCanvasElement;

/// The CSS width used before the container has been laid out (and in tests without layout).
pub const FALLBACK_WIDTH: u32 = 640;

/// Sizes `canvas` to its parent's width (280–1200 CSS px) and `height_for(width)`, and returns the geometry a
/// chart layout needs (CSS px plus the pixel ratio; layouts come out in device px).
pub fn fit_canvas(
    canvas: &HtmlCanvasElement,
    height_for: impl Fn(u32) -> u32,
) -> Result<Geometry, String> {
    let window = web_sys::window().ok_or("no window")?;
    let ratio = window.device_pixel_ratio().clamp(1.0, 4.0);
    let css_width = canvas
        .parent_element()
        .map(|p| p.client_width())
        .filter(|w| *w > 0)
        .and_then(|w| u32::try_from(w).ok())
        .unwrap_or(FALLBACK_WIDTH)
        .clamp(280, 1200);
    let css_height = height_for(css_width);
    let device = |css: u32| (f64::from(css) * ratio).round() as u32;
    canvas.set_width(device(css_width));
    canvas.set_height(device(css_height));
    let style = canvas.style();
    style
        .set_property("width", &format!("{css_width}px"))
        .and_then(|_| style.set_property("height", &format!("{css_height}px")))
        .map_err(|_| "cannot size the canvas")?;
    Ok(Geometry {
        width: css_width,
        height: css_height,
        pixel_ratio: ratio,
    })
}

/// Marks a drawn canvas for tests and, the first time on the page, sets the performance mark the benchmark
/// reads.
pub fn mark_drawn(canvas: &HtmlCanvasElement) -> Result<(), String> {
    let first = canvas.get_attribute("data-drawn").is_none();
    canvas
        .set_attribute("data-drawn", "true")
        .map_err(|_| "cannot mark the canvas")?;
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
