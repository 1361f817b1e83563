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

/// How a canvas is sized for a chart ([`measure`]): its CSS size, its device px per CSS px, and the geometry the
/// chart is laid out for. Two drawings with the same fit have the same pixels' layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    css_width: u32,
    css_height: u32,
    ratio: f64,
    /// How much larger than its layout the chart is drawn (the reader's text size, [`text_scale`]).
    scale: f64,
    pub geometry: Geometry,
}

impl Fit {
    /// The canvas's backing store, in device px.
    pub fn device_size(&self) -> (u32, u32) {
        let device = |css: u32| (f64::from(css) * self.ratio).round() as u32;
        (device(self.css_width), device(self.css_height))
    }

    /// How many device px one CSS px of the page is.
    pub fn device_per_css(&self) -> f64 {
        self.ratio
    }

    /// The canvas's CSS height.
    pub fn css_height(&self) -> u32 {
        self.css_height
    }
}

/// What a chart canvas's size follows on the page besides the chart: its box's CSS width (280–1200 px), the
/// reader's text size and the screen's density. A chart is sized and laid out the same in the same frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    css_width: u32,
    text_scale: f64,
    screen: f64,
}

impl Frame {
    pub fn css_width(&self) -> u32 {
        self.css_width
    }

    /// The reader's text size as a factor of the page's own ([`text_scale`]).
    pub fn text_scale(&self) -> f64 {
        self.text_scale
    }

    /// This frame with a box `css_width` wide instead (within the widths a chart is laid out at).
    pub fn with_width(self, css_width: u32) -> Frame {
        Frame {
            css_width: css_width.clamp(MIN_LAYOUT_WIDTH, FULL_LAYOUT_WIDTH),
            ..self
        }
    }
}

/// The frame `canvas` has on the page now. Reading it lays the page out and computes its style, if either is
/// out of date (a press on a button leaves both so): 1–4 ms at 4x CPU, measured on the overview.
pub fn frame_of(canvas: &HtmlCanvasElement) -> Result<Frame, ChartError> {
    let window = web_sys::window()
        .ok_or_else(|| ChartError::new(ChartErrorKind::Backend, "no window".to_owned()))?;
    Ok(Frame {
        css_width: box_width(canvas),
        text_scale: text_scale(&window),
        screen: window.device_pixel_ratio().clamp(1.0, 4.0),
    })
}

/// The CSS width of `canvas`'s box (its parent), 280–1200 px, or the served canvas's width where it has none.
pub fn box_width(canvas: &HtmlCanvasElement) -> u32 {
    canvas
        .parent_element()
        .map(|p| p.client_width())
        .filter(|w| *w > 0)
        .and_then(|w| u32::try_from(w).ok())
        .unwrap_or(FALLBACK_WIDTH)
        .clamp(MIN_LAYOUT_WIDTH, FULL_LAYOUT_WIDTH)
}

/// How a canvas in `frame` is to be sized: the frame's width and the chart's height. The chart follows the
/// reader's text size: it is laid out at the container width divided by the text scale and drawn that much
/// larger, so every length, text included, grows with the text (down to a 280 px layout; on a narrower screen
/// the scale is what fits). Its backing store has the screen's density, or less where a very tall chart would
/// pass a browser's canvas limits (`canvas_ratio`); a chart too large even at half density cannot be sized,
/// and the error says so.
pub fn measure(frame: &Frame, height_for: impl Fn(u32) -> u32) -> Result<Fit, ChartError> {
    let css_width = frame.css_width;
    let scale = frame
        .text_scale
        .min(f64::from(css_width) / f64::from(MIN_LAYOUT_WIDTH))
        .max(1.0);
    let layout_width = ((f64::from(css_width) / scale).round() as u32).max(MIN_LAYOUT_WIDTH);
    let layout_height = height_for(layout_width);
    let css_height = (f64::from(layout_height) * scale).round() as u32;
    let ratio = canvas_ratio(css_width, css_height, frame.screen)?;
    Ok(Fit {
        css_width,
        css_height,
        ratio,
        scale,
        geometry: Geometry {
            width: layout_width,
            height: layout_height,
            pixel_ratio: ratio * scale,
        },
    })
}

/// Sizes `canvas` as `fit` says: its backing store (which clears it), and its CSS size.
pub fn apply(canvas: &HtmlCanvasElement, fit: &Fit) -> Result<(), ChartError> {
    let (width, height) = fit.device_size();
    canvas.set_width(width);
    canvas.set_height(height);
    apply_css(canvas, fit)
}

/// Gives `canvas` the CSS size `fit` says.
pub fn apply_css(canvas: &HtmlCanvasElement, fit: &Fit) -> Result<(), ChartError> {
    let style = canvas.style();
    style
        .set_property("width", &format!("{}px", fit.css_width))
        .and_then(|_| style.set_property("height", &format!("{}px", fit.css_height)))
        .map_err(|_| {
            ChartError::new(ChartErrorKind::Backend, "cannot size the canvas".to_owned())
        })?;
    // For tests and for anyone inspecting the page: the scale the chart was drawn at.
    let _ = canvas.set_attribute("data-text-scale", &crate::chart::hundredths(fit.scale));
    Ok(())
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
