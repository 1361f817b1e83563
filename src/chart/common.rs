//! Layout pieces every chart shares: device-px rectangles, labels, row markers, fill hatching, label
//! centring inside the content box, the wrapped source-note block, and scaling from CSS to device px.
//!
//! Types here are public through the chart modules that re-export them (`bars::Rect`, …); a label is
//! generic over its chart's own text role, which decides weight and ink when the chart draws it.

use super::style::{MarkerShape, Pattern};
use super::{text, ChartError, ChartErrorKind, Geometry};

/// An axis-aligned rectangle in device px; `x0 ≤ x1`, `y0 ≤ y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// Half-open, so a point on the border between two touching rectangles belongs to exactly one.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x < self.x1 && y >= self.y0 && y < self.y1
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
}

/// `r` with every coordinate multiplied by `k`.
pub(crate) fn scale_rect(r: Rect, k: f64) -> Rect {
    Rect {
        x0: r.x0 * k,
        y0: r.y0 * k,
        x1: r.x1 * k,
        y1: r.y1 * k,
    }
}

/// Which side of the text sits at a label's `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextAlign {
    Start,
    Centre,
    End,
}

/// A placed single line of text; `y` is its vertical centre, `size` the font size, both in device px.
/// `R` is the chart's text role.
#[derive(Debug, Clone, PartialEq)]
pub struct Label<R> {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub align: TextAlign,
    pub role: R,
}

impl<R> Label<R> {
    pub(crate) fn scaled(mut self, r: f64) -> Self {
        self.x *= r;
        self.y *= r;
        self.size *= r;
        self
    }
}

pub(crate) fn label<R>(
    text: String,
    x: f64,
    y: f64,
    size: f64,
    align: TextAlign,
    role: R,
) -> Label<R> {
    Label {
        text,
        x,
        y,
        size,
        align,
        role,
    }
}

/// Where a label of width `w` centred on `x` goes once kept inside `content`: its left edge, its anchor
/// and the alignment that anchor needs.
pub(crate) fn centred_within(x: f64, w: f64, content: (f64, f64)) -> (f64, f64, TextAlign) {
    if x - w / 2.0 < content.0 {
        (content.0, content.0, TextAlign::Start)
    } else if x + w / 2.0 > content.1 {
        (content.1 - w, content.1, TextAlign::End)
    } else {
        (x - w / 2.0, x, TextAlign::Centre)
    }
}

/// A shape in device px: a row's marker, or a timeline's end marker and its halo.
#[derive(Debug, Clone, PartialEq)]
pub enum Marker {
    Circle { cx: f64, cy: f64, r: f64 },
    Polygon(Vec<(f64, f64)>),
}

impl Marker {
    pub(crate) fn scaled(self, k: f64) -> Self {
        match self {
            Marker::Circle { cx, cy, r } => Marker::Circle {
                cx: cx * k,
                cy: cy * k,
                r: r * k,
            },
            Marker::Polygon(points) => {
                Marker::Polygon(points.into_iter().map(|(x, y)| (x * k, y * k)).collect())
            }
        }
    }
}

/// A straight stroke between two device-px points.
pub type Stroke = [(f64, f64); 2];

pub(crate) fn scale_strokes(strokes: Vec<Stroke>, k: f64) -> Vec<Stroke> {
    strokes
        .into_iter()
        .map(|[(ax, ay), (bx, by)]| [(ax * k, ay * k), (bx * k, by * k)])
        .collect()
}

// Lengths in CSS px that both charts lay out with.
pub(crate) const PAD: f64 = 8.0;
/// At this CSS width and above, row text moves into a left column.
pub(crate) const WIDE_MIN: u32 = 600;
/// The narrowest a chart is laid out: below it the canvas gives up following the reader's text size.
pub const MIN_LAYOUT_WIDTH: u32 = 280;
/// The widest: the page's full column.
pub const FULL_LAYOUT_WIDTH: u32 = 1200;
pub(crate) const MIN_CONTENT: f64 = 120.0;
pub(crate) const LINE: f64 = 18.0;
pub(crate) const ROW_GAP: f64 = 10.0;
pub(crate) const COL_GAP: f64 = 12.0;
pub(crate) const MIN_COL: f64 = 120.0;
pub(crate) const MAX_COL_FRACTION: f64 = 0.4;
pub(crate) const FONT_TICK: f64 = 12.0;
pub(crate) const TICK_GAP: f64 = 4.0;
pub(crate) const TICK_LINE: f64 = 15.0;
/// Minimum horizontal space between neighbouring tick labels.
pub(crate) const TICK_SPACING: f64 = 12.0;

/// The drawing area in CSS px and the content box inside its padding.
pub(crate) struct Area {
    /// True on narrow screens, where row text sits above the row's mark instead of left of it.
    pub text_above: bool,
    pub width: f64,
    pub height: f64,
    /// Left and right edges of the content box.
    pub x0: f64,
    pub x1: f64,
}

impl Area {
    /// `noun` names the chart in the error, e.g. "a timeline".
    pub(crate) fn new(geom: &Geometry, noun: &str) -> Result<Self, ChartError> {
        let (width, height) = (f64::from(geom.width), f64::from(geom.height));
        let area = Self {
            text_above: geom.width < WIDE_MIN,
            width,
            height,
            x0: PAD,
            x1: width - PAD,
        };
        if area.x1 - area.x0 < MIN_CONTENT {
            return Err(ChartError::new(
                ChartErrorKind::TooSmall,
                format!("{} px is too narrow for {noun}", super::whole(width)),
            ));
        }
        Ok(area)
    }

    /// Fails unless content laid out down to `y`, plus the bottom padding, fits the height.
    /// `noun` names the chart in the error, e.g. "the timeline".
    pub(crate) fn check_fits(&self, y: f64, noun: &str) -> Result<(), ChartError> {
        let needed = y + PAD;
        if needed > self.height + 0.5 {
            return Err(ChartError::new(
                ChartErrorKind::TooSmall,
                format!(
                    "{noun} needs {} px of height, got {}",
                    super::whole(needed.ceil()),
                    super::whole(self.height)
                ),
            ));
        }
        Ok(())
    }
}

/// Marker size in CSS px.
pub(crate) const MARKER: f64 = 10.0;
const HATCH_STEP: f64 = 5.0;
/// Caps pattern strokes per bar; beyond this a pattern is texture nobody counts.
const MAX_HATCH: usize = 2_000;

/// Shared by the charts so a program keeps the same shape in every chart on the page.
pub(crate) fn marker(shape: MarkerShape, cx: f64, cy: f64) -> Marker {
    let h = MARKER / 2.0;
    let s = h - 1.0;
    match shape {
        MarkerShape::Circle => Marker::Circle { cx, cy, r: h - 0.5 },
        MarkerShape::Square => Marker::Polygon(vec![
            (cx - s, cy - s),
            (cx + s, cy - s),
            (cx + s, cy + s),
            (cx - s, cy + s),
        ]),
        MarkerShape::TriangleUp => {
            Marker::Polygon(vec![(cx, cy - h), (cx + h, cy + s), (cx - h, cy + s)])
        }
        MarkerShape::Diamond => {
            Marker::Polygon(vec![(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)])
        }
        MarkerShape::TriangleDown => {
            Marker::Polygon(vec![(cx - h, cy - s), (cx + h, cy - s), (cx, cy + h)])
        }
    }
}

/// Pattern strokes clipped to `area`.
pub(crate) fn hatch(pattern: Pattern, area: Rect) -> Vec<Stroke> {
    let Rect { x0, y0, x1, y1 } = area;
    let mut out = Vec::new();
    if x1 - x0 < 1.0 || y1 - y0 < 1.0 {
        return out;
    }
    match pattern {
        Pattern::Solid => {}
        Pattern::Diagonal => {
            // Lines x + y = c ("/" on screen), clipped to the rectangle.
            let mut c = x0 + y0 + HATCH_STEP;
            while c < x1 + y1 && out.len() < MAX_HATCH {
                let xa = x0.max(c - y1);
                let xb = x1.min(c - y0);
                if xb - xa > 0.5 {
                    out.push([(xa, c - xa), (xb, c - xb)]);
                }
                c += HATCH_STEP;
            }
        }
        Pattern::Horizontal => {
            let mut y = y0 + HATCH_STEP - 1.0;
            while y < y1 - 1.0 && out.len() < MAX_HATCH {
                out.push([(x0, y), (x1, y)]);
                y += HATCH_STEP - 1.0;
            }
        }
        Pattern::Vertical => {
            let mut x = x0 + HATCH_STEP;
            while x < x1 - 1.0 && out.len() < MAX_HATCH {
                out.push([(x, y0), (x, y1)]);
                x += HATCH_STEP;
            }
        }
    }
    out
}

/// Height of `n` stacked bands of `band` CSS px with `gap` between them.
pub(crate) fn stack_height(n: usize, band: f64, gap: f64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    n * band + (n - 1.0) * gap
}

pub(crate) const FONT_NOTE: f64 = 12.0;
pub(crate) const NOTE_GAP: f64 = 6.0;
pub(crate) const NOTE_LINE: f64 = 15.0;
/// The most source-note lines `preferred_height` reserves; taller areas allow up to `MAX_NOTE_LINES`.
pub(crate) const NOTE_LINES: usize = 3;
pub(crate) const MAX_NOTE_LINES: usize = 6;

/// Source-note lines `preferred_height` reserves at layout `width`: as many as `note` wraps into at the
/// narrowest width of the range `width` is in (below `WIDE_MIN`; from it to the full column; the full column),
/// and at most `NOTE_LINES`. So a chart's height changes only where one served drawing gives way to the next,
/// and the drawing served for a range is as tall as the canvas anywhere in it; a wider layout never wraps the
/// note into more lines.
pub(crate) fn reserved_note_lines(note: &str, width: u32) -> usize {
    let floor = if width >= FULL_LAYOUT_WIDTH {
        FULL_LAYOUT_WIDTH
    } else if width >= WIDE_MIN {
        WIDE_MIN
    } else {
        width.min(MIN_LAYOUT_WIDTH)
    };
    let content = (f64::from(floor) - 2.0 * PAD).max(0.0);
    text::wrap(note, FONT_NOTE, content, NOTE_LINES).len()
}

/// The source note wrapped under `*y` (advanced past it), starting at `x`, at most `width` wide.
/// The note may carry an "illustrative figures" warning, so it gets every line there is room for above
/// `bottom`, never fewer than `preferred_height` reserves.
pub(crate) fn source_note<R: Copy>(
    note: &str,
    role: R,
    x: f64,
    width: f64,
    bottom: f64,
    y: &mut f64,
) -> Vec<Label<R>> {
    let spare = bottom - (*y + NOTE_GAP);
    let room = if spare >= NOTE_LINE * MAX_NOTE_LINES as f64 {
        MAX_NOTE_LINES
    } else if spare >= NOTE_LINE {
        (spare / NOTE_LINE) as usize
    } else {
        0
    };
    let note_lines = text::wrap(note, FONT_NOTE, width, room.max(NOTE_LINES));
    if !note_lines.is_empty() {
        *y += NOTE_GAP;
    }
    note_lines
        .into_iter()
        .map(|line| {
            let l = label(
                line,
                x,
                *y + NOTE_LINE / 2.0,
                FONT_NOTE,
                TextAlign::Start,
                role,
            );
            *y += NOTE_LINE;
            l
        })
        .collect()
}
