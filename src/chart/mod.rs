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
/// The font stack every chart names (Korean faces first, then the generic family): the build's preview pictures
/// need one of its faces.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use style::FONT_FAMILY;
pub use style::{light_to_dark, Theme};

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

/// Browsers refuse (or silently blank) canvases much beyond this many device px on a side.
pub(crate) const MAX_DEVICE_PX: f64 = 16_384.0;

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
    /// The ratio, once checked to be a usable positive number and to keep the surface within canvas limits.
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
        if w > MAX_DEVICE_PX || h > MAX_DEVICE_PX {
            return Err(ChartError::new(
                ChartErrorKind::Overflow,
                format!(
                    "{}×{} device px exceeds the {} px canvas limit",
                    whole(w),
                    whole(h),
                    whole(MAX_DEVICE_PX)
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
    /// A value or size beyond what the axis arithmetic or a canvas can hold.
    Overflow,
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
}
