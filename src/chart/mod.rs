//! Charts drawn with plotters. Each chart has a pure, concrete `layout` (scales, ticks, label placement,
//! hit-testing from pixel to datum) and a thin generic `draw` that replays that layout on any backend:
//! a browser canvas in the app, an SVG string in native tests.
//!
//! Charts take plain data (strings, whole-won `i64`s, preformatted labels), not `crate::model` types, so
//! formatting stays with the model/ui and charts stay testable on their own.

pub mod bars;
mod common;
pub mod export;
mod paint;
mod style;
mod text;
mod ticks;
pub mod timeline;

use std::fmt;

use plotters::drawing::DrawingAreaErrorKind;

pub use bars::{
    draw, hit_test, layout, preferred_height, Bar, BarChart, Label, Layout, Marker, Rect, Row,
    Scale, TextAlign, TextRole, Tick,
};
pub use common::{FULL_LAYOUT_WIDTH, MIN_LAYOUT_WIDTH};
pub use style::{light_to_dark, Theme};
/// The font stack every chart names (the page's own face, Korean faces, then the generic family): the build's
/// preview pictures need one of its installed faces, which the page's own is not.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use style::{FONT_FAMILY, PAGE_FACE};

/// What an interactive chart needs from its layout, whatever its kind: the point (bar, span) under the pointer,
/// where each point is, and how wide the chart is. All in device px.
pub trait Points {
    /// The point whose row contains (x, y).
    fn point_at(&self, x: f64, y: f64) -> Option<usize>;
    /// Point `i`'s mark (the bar or segment, outlined when active) and its whole row (the tooltip goes under it).
    fn point_boxes(&self, i: usize) -> Option<(common::Rect, common::Rect)>;
    /// The chart's width.
    fn device_width(&self) -> f64;
    /// The chart's height.
    fn device_height(&self) -> f64;
}

impl Points for bars::Layout {
    fn point_at(&self, x: f64, y: f64) -> Option<usize> {
        bars::hit_test(self, x, y)
    }
    fn point_boxes(&self, i: usize) -> Option<(common::Rect, common::Rect)> {
        self.rows.get(i).map(|r| (r.bar, r.band))
    }
    fn device_width(&self) -> f64 {
        self.width
    }
    fn device_height(&self) -> f64 {
        self.height
    }
}

impl Points for timeline::TimelineLayout {
    fn point_at(&self, x: f64, y: f64) -> Option<usize> {
        timeline::hit_test(self, x, y)
    }
    fn point_boxes(&self, i: usize) -> Option<(common::Rect, common::Rect)> {
        // A program with no reported period has no segment: its whole row is the mark.
        self.rows
            .get(i)
            .map(|r| (r.segment.unwrap_or(r.band), r.band))
    }
    fn device_width(&self) -> f64 {
        self.width
    }
    fn device_height(&self) -> f64 {
        self.height
    }
}

/// Size of the drawing surface in CSS px, plus the device pixel ratio. Layouts come out in device px
/// (CSS px × `pixel_ratio`) so a canvas sized in device pixels is sharp on high-density phone screens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: u32,
    pub height: u32,
    pub pixel_ratio: f64,
}

/// The most device px a layout may have on a side: far beyond any chart a reader could use, and well within
/// the integer pixel coordinates drawing backends take. A vector drawing (the pages' static SVG) may be this
/// large; a canvas is bounded further by [`canvas_ratio`].
pub(crate) const MAX_LAYOUT_PX: f64 = 1_000_000.0;

/// The largest canvas every browser the explorer supports draws: 16,384 device px on a side and 16,777,216 px
/// in all (Safari on iOS and iPadOS refuses larger canvases; Chromium and Firefox allow more). Beyond either,
/// a browser throws or leaves the canvas blank.
pub const MAX_CANVAS_SIDE: f64 = 16_384.0;
pub const MAX_CANVAS_AREA: f64 = 16_777_216.0;

/// The fewest device px per CSS px a chart is drawn at on a canvas. A chart too large for the screen's own
/// density is drawn at less, down to this; below it, its 12 px text would be smeared past reading.
pub const MIN_CANVAS_RATIO: f64 = 0.5;

/// Whether a `css_width` × `css_height` CSS px canvas at `ratio` device px per CSS px, each side rounded to whole
/// device px (as the canvas is sized), is within every browser's limits.
fn canvas_fits(css_width: u32, css_height: u32, ratio: f64) -> bool {
    let (w, h) = (
        (f64::from(css_width) * ratio).round(),
        (f64::from(css_height) * ratio).round(),
    );
    w <= MAX_CANVAS_SIDE && h <= MAX_CANVAS_SIDE && w * h <= MAX_CANVAS_AREA
}

/// The device px per CSS px to draw a `css_width` × `css_height` CSS px canvas at: `wanted` (the screen's),
/// or the most below it that keeps the canvas within every browser's limits (a very tall chart is drawn a
/// little softer instead of not at all). Fails with [`ChartErrorKind::TooLarge`] where even
/// [`MIN_CANVAS_RATIO`] would not fit.
pub fn canvas_ratio(css_width: u32, css_height: u32, wanted: f64) -> Result<f64, ChartError> {
    let (w, h) = (f64::from(css_width.max(1)), f64::from(css_height.max(1)));
    let fits = (MAX_CANVAS_SIDE / w)
        .min(MAX_CANVAS_SIDE / h)
        .min((MAX_CANVAS_AREA / (w * h)).sqrt());
    let mut ratio = if wanted.is_finite() && wanted > 0.0 {
        wanted.min(fits)
    } else {
        fits.min(1.0)
    };
    // The canvas is sized in whole device px, rounded: the rounded size must fit too. A step or two at most;
    // bounded by the floor whatever the size.
    while ratio >= MIN_CANVAS_RATIO && !canvas_fits(css_width, css_height, ratio) {
        ratio *= 0.999;
    }
    if ratio < MIN_CANVAS_RATIO {
        return Err(ChartError::new(
            ChartErrorKind::TooLarge,
            format!(
                "a {css_width}×{css_height} px chart is too large for a canvas (at most {} px on a side and {} \
                 px in all)",
                whole(MAX_CANVAS_SIDE),
                whole(MAX_CANVAS_AREA)
            ),
        ));
    }
    Ok(ratio)
}

/// `v` rounded to a whole number, for messages: printed as an integer, so no float printing is linked into the
/// browser's `.wasm` (9.5 KB before `wasm-opt`).
pub fn whole(v: f64) -> i64 {
    // `as` saturates and maps NaN to 0.
    v.round() as i64
}

/// `v` to two decimals without trailing zeros ("2", "1.5", "1.25"), by integers, for the same reason.
pub fn hundredths(v: f64) -> String {
    let c = whole(v * 100.0);
    let sign = if c < 0 { "-" } else { "" };
    let c = c.unsigned_abs();
    match c % 100 {
        0 => format!("{sign}{}", c / 100),
        r if r % 10 == 0 => format!("{sign}{}.{}", c / 100, r / 10),
        r => format!("{sign}{}.{r:02}", c / 100),
    }
}

impl Geometry {
    /// The ratio, once checked to be a usable positive number and to keep the surface within [`MAX_LAYOUT_PX`]
    /// (a canvas's own, smaller limits are [`canvas_ratio`]'s).
    pub(crate) fn checked_ratio(&self) -> Result<f64, ChartError> {
        let r = self.pixel_ratio;
        if !(r.is_finite() && (0.25..=8.0).contains(&r)) {
            return Err(ChartError::new(
                ChartErrorKind::BadGeometry,
                format!("pixel ratio {} is outside 0.25..=8", hundredths(r)),
            ));
        }
        if self.width == 0 || self.height == 0 {
            return Err(ChartError::new(
                ChartErrorKind::TooSmall,
                format!("the chart area is {}×{} px", self.width, self.height),
            ));
        }
        let (w, h) = (f64::from(self.width) * r, f64::from(self.height) * r);
        if w > MAX_LAYOUT_PX || h > MAX_LAYOUT_PX {
            return Err(ChartError::new(
                ChartErrorKind::TooLarge,
                format!(
                    "{}×{} device px is larger than any chart is drawn ({} px on a side)",
                    whole(w),
                    whole(h),
                    whole(MAX_LAYOUT_PX)
                ),
            ));
        }
        Ok(r)
    }
}

/// What went wrong, for callers that react differently (e.g. a too-small area vs bad data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartErrorKind {
    /// Nothing to draw.
    Empty,
    /// A negative value, or zero on a log scale.
    NonPositive,
    /// Pixel ratio not finite or implausible.
    BadGeometry,
    /// The area cannot fit the chart legibly.
    TooSmall,
    /// A value beyond what the axis arithmetic can hold.
    Overflow,
    /// A chart larger than a canvas (or any drawing) can be at a legible resolution.
    TooLarge,
    /// `draw` was given a layout computed for different data.
    Mismatch,
    /// The drawing backend failed; the message is its own.
    Backend,
}

/// A chart error with a message meant for the page, not just the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError {
    pub kind: ChartErrorKind,
    pub message: String,
}

impl ChartError {
    pub fn new(kind: ChartErrorKind, message: String) -> Self {
        Self { kind, message }
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ChartError {}

/// Backend errors are stringified here so `ChartError` stays one concrete type for every backend.
impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        Self::new(ChartErrorKind::Backend, format!("drawing failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hundredths_print_like_numbers() {
        for (v, s) in [
            (1.0, "1"),
            (2.0, "2"),
            (1.5, "1.5"),
            (1.25, "1.25"),
            (1.999, "2"),
            (3.333, "3.33"),
            (-0.5, "-0.5"),
        ] {
            assert_eq!(super::hundredths(v), s, "{v}");
        }
        assert_eq!(super::whole(f64::NAN), 0);
    }

    #[test]
    fn a_canvas_is_drawn_softer_rather_than_past_a_browsers_limits() {
        use super::{
            canvas_ratio, ChartErrorKind, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, MIN_CANVAS_RATIO,
        };
        // As the canvas is sized: whole device px, rounded.
        let fits = |w: u32, h: u32, r: f64| {
            let (dw, dh) = ((f64::from(w) * r).round(), (f64::from(h) * r).round());
            dw <= MAX_CANVAS_SIDE && dh <= MAX_CANVAS_SIDE && dw * dh <= MAX_CANVAS_AREA
        };
        // Within the limits, the screen's own density.
        assert_eq!(canvas_ratio(1200, 400, 2.0), Ok(2.0));
        assert_eq!(canvas_ratio(328, 337, 3.0), Ok(3.0));
        // A phone's column, a chart of ~300 bars: its side limits it.
        let r = canvas_ratio(328, 19_281, 1.0).expect("drawn softer");
        assert!(
            (MIN_CANVAS_RATIO..1.0).contains(&r) && fits(328, 19_281, r),
            "{r}"
        );
        assert!(
            (f64::from(19_281u32) * r - MAX_CANVAS_SIDE).abs() < 1.0,
            "as sharp as fits: {r}"
        );
        // The desktop's column at 2×: its area limits it (2 × 13,866 px would also pass a side).
        let r = canvas_ratio(1200, 13_866, 2.0).expect("drawn softer");
        assert!(r < 1.1 && fits(1200, 13_866, r), "{r}");
        assert!(
            f64::from(1200u32 * 13_866) * r * r > 0.99 * MAX_CANVAS_AREA,
            "as sharp as fits: {r}"
        );
        // Past what half density holds: refused, with the size in the message.
        let e = canvas_ratio(328, 40_000, 1.0).expect_err("too large");
        assert_eq!(e.kind, ChartErrorKind::TooLarge);
        assert!(e.message.contains("328×40000"), "{}", e.message);
        // At the desktop's column too (the area never binds first at half density: 1,200 × 32,768 px is 9.8 M).
        let e = canvas_ratio(1200, 40_000, 2.0).expect_err("too large");
        assert_eq!(e.kind, ChartErrorKind::TooLarge);
        // A screen density that is no number is taken as 1.
        assert_eq!(canvas_ratio(640, 300, f64::NAN), Ok(1.0));
        assert_eq!(canvas_ratio(640, 300, 0.0), Ok(1.0));
        // Every ratio it gives fits, over a range of sizes and densities.
        for w in [280u32, 328, 800, 1200] {
            for h in (100u32..200_000).step_by(977) {
                for wanted in [1.0, 1.5, 2.0, 3.0, 4.0] {
                    if let Ok(r) = canvas_ratio(w, h, wanted) {
                        assert!(
                            r <= wanted && r >= MIN_CANVAS_RATIO && fits(w, h, r),
                            "{w}×{h}@{wanted}: {r}"
                        );
                    }
                }
            }
        }
    }
}
