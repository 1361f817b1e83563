//! Timeline of program periods as a source reported them: a year axis, one row per program, and a
//! layout, hit-testing and generic `draw` built the same way as `bars` (CSS px in, device px out).
//!
//! The 2015 article gives only end years ("2021년까지"), so the chart must not invent start years. A row
//! whose start is unknown draws a faded, hatched segment from the report year (the earliest year the
//! source vouches for) to its end, with dashed top and bottom edges, no left edge, and the caller's
//! "start not reported" caption under it; only a known start gets a solid bar. The end year, which is
//! known, always gets the program's solid tone marker and the caller's end label.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use super::common::{
    self, hatch, label, marker, scale_rect, scale_strokes, stack_height, Area, Marker, Rect,
    TextAlign, COL_GAP, FONT_TICK, LINE, MAX_COL_FRACTION, MIN_COL, NOTE_GAP, NOTE_LINE, PAD,
    ROW_GAP, TICK_GAP, TICK_LINE, TICK_SPACING, WIDE_MIN,
};
use super::paint::{self, paint, px, rgba, Primitive};
use super::style::{self, Inks, Pattern, Theme};
use super::{text, ChartError, ChartErrorKind, Geometry};

pub use super::common::Stroke;

/// Earliest and latest year accepted; anything outside is a data-entry slip, not a budget period.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// One program's period. Text arrives preformatted in the caller's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Program id, handed back by the caller's tooltip/selection logic via `hit_test`'s index.
    pub key: String,
    /// Program name, e.g. "청년 창업 인큐베이팅 사업".
    pub label: String,
    /// First year, if the source reports it.
    pub start: Option<i32>,
    /// Last year; `None` when not reported, and the row then shows only `unknown_end_label`.
    pub end: Option<i32>,
    /// Shown at the end marker, e.g. "2021년까지" / "until 2021".
    pub end_label: String,
    /// Program index: picks colour and marker shape, so colour is never the only carrier.
    pub tone: usize,
}

/// A timeline's data and wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineChart {
    pub spans: Vec<Span>,
    /// The year the source was published; unknown starts are drawn from here.
    pub reported_year: i32,
    /// Caption of the dashed reference line, e.g. "2015년 보도".
    pub reported_label: String,
    /// Caption under a segment whose start is unknown, e.g. "시작 연도 미보도".
    pub unknown_start_label: String,
    /// Shown in place of a segment when the end year is unknown, e.g. "기간 미보도".
    pub unknown_end_label: String,
    /// Drawn under the chart, e.g. "출처: 2015년 신문 보도"; cut with "…" past the lines the area allows.
    pub source_note: String,
}

/// What a piece of text is; decides its weight and ink when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    /// Program name.
    Name,
    /// The end label beside the end marker.
    End,
    /// "Not reported" captions: quieter than data, but still AA contrast.
    Note,
    Tick,
    Reference,
    SourceNote,
}

/// A placed single line of text; `y` is its vertical centre, `size` the font size, both in device px.
pub type Label = common::Label<TextRole>;

impl Label {
    /// Estimated horizontal extent `(left, right)`, from the same estimate layout uses.
    pub fn extent(&self) -> (f64, f64) {
        let w = if self.role == TextRole::Name {
            text::bold_width(&self.text, self.size)
        } else {
            text::width(&self.text, self.size)
        };
        match self.align {
            TextAlign::Start => (self.x, self.x + w),
            TextAlign::Centre => (self.x - w / 2.0, self.x + w / 2.0),
            TextAlign::End => (self.x - w, self.x),
        }
    }
}

/// One program's row.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanRow {
    pub key: String,
    /// The whole row (name, segment, captions): the hit-test target, so a one-year segment is tappable.
    pub band: Rect,
    /// Start (or report year) to end; `None` when the end is not reported and nothing sits on the axis.
    pub segment: Option<Rect>,
    /// False when the segment's left end is the report year standing in for an unreported start.
    pub known_start: bool,
    pub name: Label,
    /// The caller's end label right of the end marker; `None` when there is no end.
    pub end: Option<Label>,
    /// The unknown-start caption under the segment, or the unknown-end text in place of it.
    pub note: Option<Label>,
    pub tone: usize,
    /// The tone's marker at the end year, over a white halo so it stands out on its own bar.
    pub marker: Option<Marker>,
    pub halo: Option<Marker>,
    /// Diagonal strokes filling an unknown-start segment.
    pub hatch: Vec<Stroke>,
    /// Edges of an unknown-start segment: dashed top and bottom, a solid right (known) end, no left.
    pub outline: Vec<Stroke>,
}

/// A year on the axis; `label` is `None` where labels are thinned out (the gridline stays).
#[derive(Debug, Clone, PartialEq)]
pub struct YearTick {
    pub year: i32,
    pub x: f64,
    pub label: Option<Label>,
    /// Whether a gridline runs up from it: every year where years are far enough apart, else only the years
    /// labels may go on (a line a year on a century's span would be a grey smear).
    pub grid: bool,
}

/// The dashed vertical line at the report year.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLine {
    pub year: i32,
    pub x: f64,
    pub label: Label,
    pub dashes: Vec<Stroke>,
}

/// Everything `draw` needs, in device px, computed once per data/size change.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub width: f64,
    pub height: f64,
    pub pixel_ratio: f64,
    /// True on narrow screens, where the program name sits above its segment instead of left of it.
    pub text_above: bool,
    /// The area years span; gridlines run its height.
    pub plot: Rect,
    pub rows: Vec<SpanRow>,
    /// One per year, first to last.
    pub ticks: Vec<YearTick>,
    pub reference: ReferenceLine,
    pub source_note: Vec<Label>,
    /// Stroke width of gridlines, dashes and hatching (one CSS px).
    pub line_width: f64,
}

// Lengths in CSS px; `layout` multiplies by the pixel ratio at the end. Those both charts use are in
// `common`.
/// Narrower than this, years would be a smear.
const MIN_PLOT: f64 = 60.0;
const FONT_NAME: f64 = 13.0;
const FONT_END: f64 = 12.0;
const FONT_CAPTION: f64 = 12.0;
const FONT_REF: f64 = 12.0;
/// The reference caption's line, above the rows.
const HEADER: f64 = 18.0;
const CAPTION_LINE: f64 = 15.0;
/// Keeps a caption's first glyph off the reference line its segment starts on.
const CAPTION_INDENT: f64 = 4.0;
const TEXT_SEG_GAP: f64 = 2.0;
const SEG_H: f64 = 12.0;
/// The end marker is `bars`' marker enlarged, since here it marks a point rather than labels a row.
const MARKER_GROW: f64 = 1.3;
const HALO_GROW: f64 = 1.8;
/// From the end year to its label: the halo's half width plus a gap.
const END_OFFSET: f64 = 12.0;
/// End labels get a right margin of their own, but never more than this share of the width.
const MAX_END_FRACTION: f64 = 0.35;
/// Label every k-th year, k the first of these whose spacing fits the label.
const LABEL_STEPS: [i32; 7] = [1, 2, 5, 10, 20, 50, 100];
/// Years closer than this (CSS px) get gridlines only where labels may go.
const MIN_GRID_GAP: f64 = 16.0;
const DASH: f64 = 4.0;
const DASH_GAP: f64 = 3.0;
/// Caps dashes per line; the canvas size limit keeps real lines far below it.
const MAX_DASHES: usize = 4_000;
/// Fill opacity of an unknown-start segment: visibly the program's colour, visibly not a solid claim.
const FADE: f64 = 0.15;
const HATCH_ALPHA: f64 = 0.5;

fn band_height(text_above: bool) -> f64 {
    if text_above {
        LINE + TEXT_SEG_GAP + LINE + CAPTION_LINE
    } else {
        LINE + CAPTION_LINE
    }
}

fn rows_height(n: usize, text_above: bool) -> f64 {
    stack_height(n, band_height(text_above), ROW_GAP)
}

/// CSS px height that fits `n_rows` programs at `width` CSS px, with the lines the source note `note` takes
/// (at most three; `common::reserved_note_lines`). `layout` at this height never fails for lack of height.
pub fn preferred_height(n_rows: usize, note: &str, width: u32) -> u32 {
    let text_above = width < WIDE_MIN;
    let note_lines = common::reserved_note_lines(note, width);
    let note_h = if note_lines > 0 {
        NOTE_GAP + note_lines as f64 * NOTE_LINE
    } else {
        0.0
    };
    let h = PAD + HEADER + rows_height(n_rows, text_above) + TICK_GAP + TICK_LINE + note_h + PAD;
    // Saturating float→int cast: absurd row counts give u32::MAX, which `layout` then rejects.
    h.ceil() as u32
}

fn check_year(year: i32, what: &str) -> Result<i32, ChartError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(ChartError::new(
            ChartErrorKind::Overflow,
            format!("{what}: year {year} is outside {MIN_YEAR}..={MAX_YEAR}"),
        ))
    }
}

/// Checks every year before any arithmetic relies on it; returns the first and last year on the axis.
fn validate(chart: &TimelineChart) -> Result<(i32, i32), ChartError> {
    if chart.spans.is_empty() {
        return Err(ChartError::new(
            ChartErrorKind::Empty,
            "there are no programs to place on the timeline".to_owned(),
        ));
    }
    let reported = check_year(chart.reported_year, "the report")?;
    let (mut lo, mut hi) = (reported, reported);
    for span in &chart.spans {
        let start = span.start.map(|y| check_year(y, &span.label)).transpose()?;
        let end = span.end.map(|y| check_year(y, &span.label)).transpose()?;
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                // A period of negative length; `NonPositive` is the kind for impossible magnitudes.
                return Err(ChartError::new(
                    ChartErrorKind::NonPositive,
                    format!("{}: end year {e} is before start year {s}", span.label),
                ));
            }
        }
        // A start without an end is not drawn, so it does not widen the axis.
        if let Some(e) = end {
            let first = start.unwrap_or(e);
            lo = lo.min(first).min(e);
            hi = hi.max(e);
        }
    }
    Ok((lo, hi))
}

/// Maps years to x: each year owns an equal slot and sits at its centre, so the first and last year
/// have half a slot of padding and their markers and labels are not cut at the plot edge.
struct Years {
    lo: i32,
    slots: f64,
    x0: f64,
    width: f64,
}

impl Years {
    fn new(lo: i32, hi: i32, plot: Rect) -> Self {
        Self {
            lo,
            slots: f64::from(hi) - f64::from(lo) + 1.0,
            x0: plot.x0,
            width: plot.width(),
        }
    }

    fn slot(&self) -> f64 {
        self.width / self.slots
    }

    fn x(&self, year: i32) -> f64 {
        self.x0 + (f64::from(year) - f64::from(self.lo) + 0.5) * self.slot()
    }
}

/// A single-line label centred on `x` but kept inside `content`.
fn centred_within(
    text: String,
    x: f64,
    y: f64,
    size: f64,
    role: TextRole,
    content: (f64, f64),
) -> Label {
    let (_, anchor, align) = common::centred_within(x, text::width(&text, size), content);
    label(text, anchor, y, size, align, role)
}

/// One tick per year. Labels go on every k-th year (k from `LABEL_STEPS`, so they land on round years),
/// and any label that would still touch its left neighbour is dropped.
fn place_ticks(years: &Years, lo: i32, hi: i32, plot: Rect, content: (f64, f64)) -> Vec<YearTick> {
    let y = plot.y1 + TICK_GAP + TICK_LINE / 2.0;
    let widest =
        text::width(&hi.to_string(), FONT_TICK).max(text::width(&lo.to_string(), FONT_TICK));
    let step = LABEL_STEPS
        .iter()
        .copied()
        .find(|&k| f64::from(k) * years.slot() >= widest + TICK_SPACING)
        .unwrap_or(100);
    // On a span shorter than the step no year may be a multiple of it; then the first year is labelled.
    let any_round = (lo..=hi).any(|year| year.rem_euclid(step) == 0);
    let mut last_right = f64::NEG_INFINITY;
    (lo..=hi)
        .map(|year| {
            let x = years.x(year);
            let wanted = if any_round {
                year.rem_euclid(step) == 0
            } else {
                year == lo
            };
            let label = if wanted {
                let l = centred_within(year.to_string(), x, y, FONT_TICK, TextRole::Tick, content);
                let (left, right) = l.extent();
                if left >= last_right + TICK_SPACING / 2.0 {
                    last_right = right;
                    Some(l)
                } else {
                    None
                }
            } else {
                None
            };
            let grid = years.slot() >= MIN_GRID_GAP || year.rem_euclid(step) == 0;
            YearTick {
                year,
                x,
                label,
                grid,
            }
        })
        .collect()
}

/// Dashes along the straight line `from`→`to`.
fn dashes(from: (f64, f64), to: (f64, f64)) -> Vec<Stroke> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = dx.hypot(dy);
    let mut out = Vec::new();
    if !len.is_finite() || len <= 0.0 {
        return out;
    }
    let (ux, uy) = (dx / len, dy / len);
    let at = |t: f64| (from.0 + ux * t, from.1 + uy * t);
    let mut t = 0.0;
    while t < len && out.len() < MAX_DASHES {
        out.push([at(t), at((t + DASH).min(len))]);
        t += DASH + DASH_GAP;
    }
    out
}

/// `m` enlarged by `k` about (`cx`, `cy`), a point inside every marker shape, so a larger copy covers it.
fn grow(m: Marker, (cx, cy): (f64, f64), k: f64) -> Marker {
    match m {
        Marker::Circle { cx, cy, r } => Marker::Circle { cx, cy, r: r * k },
        Marker::Polygon(points) => Marker::Polygon(
            points
                .into_iter()
                .map(|(x, y)| (cx + (x - cx) * k, cy + (y - cy) * k))
                .collect(),
        ),
    }
}

/// Where a row's parts go, shared by every row.
struct RowFrame {
    content: (f64, f64),
    plot: Rect,
    name_max: f64,
    end_max: f64,
    text_above: bool,
}

fn layout_row(
    chart: &TimelineChart,
    span: &Span,
    top: f64,
    years: &Years,
    f: &RowFrame,
) -> SpanRow {
    let (cx0, cx1) = f.content;
    let name = label(
        text::fit(&span.label, FONT_NAME, f.name_max, true),
        cx0,
        top + LINE / 2.0,
        FONT_NAME,
        TextAlign::Start,
        TextRole::Name,
    );
    let seg_y = if f.text_above {
        top + LINE + TEXT_SEG_GAP + LINE / 2.0
    } else {
        top + LINE / 2.0
    };
    let caption_y = seg_y + LINE / 2.0 + CAPTION_LINE / 2.0;
    // Captions may run on under the end-label margin, but not into the name column.
    let caption_max = cx1 - f.plot.x0;
    let band = Rect {
        x0: cx0,
        y0: top,
        x1: cx1,
        y1: top + band_height(f.text_above),
    };
    let mut row = SpanRow {
        key: span.key.clone(),
        band,
        segment: None,
        known_start: span.start.is_some(),
        name,
        end: None,
        note: None,
        tone: span.tone,
        marker: None,
        halo: None,
        hatch: Vec::new(),
        outline: Vec::new(),
    };

    let Some(end) = span.end else {
        let text = chart.unknown_end_label.trim();
        if !text.is_empty() {
            row.note = Some(label(
                text::fit(text, FONT_CAPTION, caption_max, false),
                f.plot.x0,
                seg_y,
                FONT_CAPTION,
                TextAlign::Start,
                TextRole::Note,
            ));
        }
        return row;
    };

    // An unknown start is drawn from the report year; a program that ended before the report gets
    // no segment at all (just its end marker), rather than one running backwards.
    let first = span.start.unwrap_or(chart.reported_year.min(end));
    let x_end = years.x(end);
    let segment = Rect {
        x0: years.x(first),
        y0: seg_y - SEG_H / 2.0,
        x1: x_end,
        y1: seg_y + SEG_H / 2.0,
    };
    if !row.known_start {
        row.hatch = hatch(Pattern::Diagonal, segment);
        let (top_y, bottom_y) = (segment.y0 + 0.5, segment.y1 - 0.5);
        row.outline = dashes((segment.x0, top_y), (segment.x1, top_y));
        row.outline
            .extend(dashes((segment.x0, bottom_y), (segment.x1, bottom_y)));
        row.outline
            .push([(segment.x1, segment.y0), (segment.x1, segment.y1)]);
        let text = chart.unknown_start_label.trim();
        if !text.is_empty() {
            let fitted = text::fit(text, FONT_CAPTION, caption_max, false);
            let w = text::width(&fitted, FONT_CAPTION);
            // Starts under the segment; slides left only if it would run off the chart.
            let x = (segment.x0 + CAPTION_INDENT).min(cx1 - w).max(f.plot.x0);
            row.note = Some(label(
                fitted,
                x,
                caption_y,
                FONT_CAPTION,
                TextAlign::Start,
                TextRole::Note,
            ));
        }
    }
    row.segment = Some(segment);

    let centre = (x_end, seg_y);
    let base = marker(style::marker_shape(span.tone), x_end, seg_y);
    row.halo = Some(grow(base.clone(), centre, HALO_GROW));
    row.marker = Some(grow(base, centre, MARKER_GROW));
    row.end = Some(label(
        text::fit(&span.end_label, FONT_END, f.end_max, false),
        x_end + END_OFFSET,
        seg_y,
        FONT_END,
        TextAlign::Start,
        TextRole::End,
    ));
    row
}

fn too_small(message: String) -> ChartError {
    ChartError::new(ChartErrorKind::TooSmall, message)
}

/// Computes the whole chart in CSS px; `layout` then scales it to device px.
fn layout_css(chart: &TimelineChart, geom: &Geometry) -> Result<TimelineLayout, ChartError> {
    let (lo, hi) = validate(chart)?;
    let area = Area::new(geom, "a timeline")?;
    let (text_above, width, height) = (area.text_above, area.width, area.height);
    let (cx0, cx1) = (area.x0, area.x1);
    let content_w = cx1 - cx0;

    let (name_max, plot_x0) = if text_above {
        (content_w, cx0)
    } else {
        let natural = chart
            .spans
            .iter()
            .map(|s| text::bold_width(&s.label, FONT_NAME))
            .fold(0.0, f64::max);
        let col = natural.max(MIN_COL).min(content_w * MAX_COL_FRACTION);
        (col, cx0 + col + COL_GAP)
    };
    let has_end = chart.spans.iter().any(|s| s.end.is_some());
    let widest_end = chart
        .spans
        .iter()
        .filter(|s| s.end.is_some())
        .map(|s| text::width(&s.end_label, FONT_END))
        .fold(0.0, f64::max);
    // The right margin is the end labels' own, so a label at the last year never runs off the chart.
    let reserve = if has_end {
        (END_OFFSET + widest_end).min(content_w * MAX_END_FRACTION)
    } else {
        0.0
    };
    let plot_x1 = cx1 - reserve;
    if plot_x1 - plot_x0 < MIN_PLOT {
        return Err(too_small(format!(
            "{} px leaves no room for the years",
            super::whole(width)
        )));
    }
    let plot = Rect {
        x0: plot_x0,
        y0: PAD + HEADER,
        x1: plot_x1,
        y1: PAD + HEADER + rows_height(chart.spans.len(), text_above),
    };
    let years = Years::new(lo, hi, plot);

    let frame = RowFrame {
        content: (cx0, cx1),
        plot,
        name_max,
        end_max: (reserve - END_OFFSET).max(0.0),
        text_above,
    };
    let pitch = band_height(text_above) + ROW_GAP;
    let rows = chart
        .spans
        .iter()
        .enumerate()
        .map(|(i, span)| layout_row(chart, span, plot.y0 + i as f64 * pitch, &years, &frame))
        .collect();

    let ref_x = years.x(chart.reported_year);
    let reference = ReferenceLine {
        year: chart.reported_year,
        x: ref_x,
        label: centred_within(
            text::fit(chart.reported_label.trim(), FONT_REF, content_w, false),
            ref_x,
            PAD + HEADER / 2.0,
            FONT_REF,
            TextRole::Reference,
            (cx0, cx1),
        ),
        dashes: dashes((ref_x, PAD + HEADER - 2.0), (ref_x, plot.y1)),
    };
    let ticks = place_ticks(&years, lo, hi, plot, (cx0, cx1));

    let mut y = plot.y1 + TICK_GAP + TICK_LINE;
    let source_note = common::source_note(
        &chart.source_note,
        TextRole::SourceNote,
        cx0,
        content_w,
        height - PAD,
        &mut y,
    );
    area.check_fits(y, "the timeline")?;

    Ok(TimelineLayout {
        width,
        height,
        pixel_ratio: 1.0,
        text_above,
        plot,
        rows,
        ticks,
        reference,
        source_note,
        line_width: 1.0,
    })
}

fn scale_layout(l: TimelineLayout, k: f64) -> TimelineLayout {
    TimelineLayout {
        width: l.width * k,
        height: l.height * k,
        pixel_ratio: k,
        text_above: l.text_above,
        plot: scale_rect(l.plot, k),
        rows: l
            .rows
            .into_iter()
            .map(|row| SpanRow {
                key: row.key,
                band: scale_rect(row.band, k),
                segment: row.segment.map(|s| scale_rect(s, k)),
                known_start: row.known_start,
                name: row.name.scaled(k),
                end: row.end.map(|lb| lb.scaled(k)),
                note: row.note.map(|lb| lb.scaled(k)),
                tone: row.tone,
                marker: row.marker.map(|m| m.scaled(k)),
                halo: row.halo.map(|m| m.scaled(k)),
                hatch: scale_strokes(row.hatch, k),
                outline: scale_strokes(row.outline, k),
            })
            .collect(),
        ticks: l
            .ticks
            .into_iter()
            .map(|t| YearTick {
                year: t.year,
                x: t.x * k,
                label: t.label.map(|lb| lb.scaled(k)),
                grid: t.grid,
            })
            .collect(),
        reference: ReferenceLine {
            year: l.reference.year,
            x: l.reference.x * k,
            label: l.reference.label.scaled(k),
            dashes: scale_strokes(l.reference.dashes, k),
        },
        source_note: l.source_note.into_iter().map(|lb| lb.scaled(k)).collect(),
        line_width: l.line_width * k,
    }
}

/// Lays out `chart` in a `geom.width` × `geom.height` CSS px area; coordinates come out in device px.
/// Fails on no spans, a year outside `MIN_YEAR..=MAX_YEAR`, an end before its start, a bad pixel ratio,
/// or an area too small for the rows and labels.
pub fn layout(chart: &TimelineChart, geom: &Geometry) -> Result<TimelineLayout, ChartError> {
    let r = geom.checked_ratio()?;
    Ok(scale_layout(layout_css(chart, geom)?, r))
}

/// Index of the span whose row contains device-px point (`x`, `y`), if any. The whole row band counts,
/// text included, so a one-year segment is as easy to tap as a long one.
pub fn hit_test(layout: &TimelineLayout, x: f64, y: f64) -> Option<usize> {
    layout.rows.iter().position(|row| row.band.contains(x, y))
}

/// The timeline's text roles as weight and ink.
fn text_primitive<'a>(l: &'a Label, k: &Inks) -> Primitive<'a> {
    let (colour, bold) = match l.role {
        TextRole::Name => (k.text, true),
        TextRole::End | TextRole::Reference => (k.text, false),
        TextRole::Note | TextRole::Tick | TextRole::SourceNote => (k.muted, false),
    };
    paint::text(l, colour, bold)
}

/// The layout as drawing instructions, back to front. Concrete, so it is compiled once, not per backend.
fn display_list<'a>(layout: &'a TimelineLayout, k: &Inks) -> Vec<Primitive<'a>> {
    let stroke = px(layout.line_width).max(1).unsigned_abs();
    let plot = layout.plot;
    let xs = layout.ticks.iter().filter(|t| t.grid).map(|t| t.x);
    let mut out = paint::backdrop(k, layout.width, layout.height, plot, xs, stroke);
    // Under the rows, so an unknown-start segment visibly begins on it.
    let reference = rgba(k.axis, 1.0);
    out.extend(
        layout
            .reference
            .dashes
            .iter()
            .map(|d| paint::line(d, reference, stroke)),
    );
    let rows_from = out.len();
    for row in &layout.rows {
        let colour = k.bar(row.tone);
        if let Some(seg) = row.segment {
            let fill = if row.known_start { 1.0 } else { FADE };
            out.push(paint::rect(seg, rgba(colour, fill)));
        }
        let hatch = rgba(colour, HATCH_ALPHA);
        out.extend(row.hatch.iter().map(|s| paint::line(s, hatch, stroke)));
        let edge = rgba(colour, 1.0);
        out.extend(row.outline.iter().map(|s| paint::line(s, edge, stroke)));
        if let Some(halo) = &row.halo {
            out.push(paint::marker(halo, rgba(k.paper, 1.0)));
        }
        if let Some(marker) = &row.marker {
            out.push(paint::marker(marker, edge));
        }
        out.push(text_primitive(&row.name, k));
        out.extend(
            row.end
                .iter()
                .chain(&row.note)
                .map(|l| text_primitive(l, k)),
        );
    }
    // Gridlines and the reference line stop short of the rows' names, ends and notes.
    paint::paper_under_text(&mut out, rows_from, plot, k.paper);
    // The axis after that paper, which reaches down to it under the last row's note.
    out.push(paint::line(
        &[(plot.x0, plot.y1), (plot.x1, plot.y1)],
        rgba(k.axis, 1.0),
        stroke,
    ));
    let texts = layout
        .ticks
        .iter()
        .filter_map(|t| t.label.as_ref())
        .chain(std::iter::once(&layout.reference.label))
        .chain(&layout.source_note);
    out.extend(texts.map(|l| text_primitive(l, k)));
    out
}

/// Draws `layout` (from `layout(chart, …)`) onto `area`, which should be the layout's size in device px.
/// Only replays precomputed primitives, so each backend instantiation stays small.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &TimelineChart,
    layout: &TimelineLayout,
    theme: Theme,
) -> Result<(), ChartError> {
    check_matches(chart, layout)?;
    paint(area, &display_list(layout, theme.inks()))
}

/// A layout kept across a data change would draw stale periods; catch it instead.
fn check_matches(chart: &TimelineChart, layout: &TimelineLayout) -> Result<(), ChartError> {
    let same = chart.spans.len() == layout.rows.len()
        && chart.reported_year == layout.reference.year
        && chart.spans.iter().zip(&layout.rows).all(|(s, r)| {
            s.key == r.key && s.tone == r.tone && s.end.is_some() == r.segment.is_some()
        });
    if same {
        Ok(())
    } else {
        Err(ChartError::new(
            ChartErrorKind::Mismatch,
            "the timeline layout is out of date for these programs".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::common::NOTE_LINES;

    fn span(key: &str, label: &str, start: Option<i32>, end: Option<i32>, tone: usize) -> Span {
        Span {
            key: key.to_owned(),
            label: label.to_owned(),
            start,
            end,
            end_label: end.map_or_else(String::new, |y| format!("{y}년까지")),
            tone,
        }
    }

    /// The 2015 article: end years only.
    fn reported() -> TimelineChart {
        TimelineChart {
            spans: vec![
                span(
                    "regeneration",
                    "안산스마트허브 재생혁신사업",
                    None,
                    Some(2021),
                    0,
                ),
                span(
                    "incubation",
                    "청년 창업 인큐베이팅 사업",
                    None,
                    Some(2017),
                    1,
                ),
                span(
                    "sme",
                    "강소기업 ‘히든챔피언’ 육성 사업",
                    None,
                    Some(2018),
                    2,
                ),
            ],
            reported_year: 2015,
            reported_label: "2015년 보도".to_owned(),
            unknown_start_label: "시작 연도 미보도".to_owned(),
            unknown_end_label: "기간 미보도".to_owned(),
            source_note: "출처: 2015년 신문 보도 (종료 연도만 보도됨)".to_owned(),
        }
    }

    /// Adds a program with a known start before the report year and one with no period at all.
    fn mixed() -> TimelineChart {
        let mut chart = reported();
        chart
            .spans
            .push(span("bus", "시내버스 재정지원", Some(2008), Some(2020), 3));
        chart
            .spans
            .push(span("lunch", "무상급식", Some(2011), None, 4));
        chart
    }

    fn geom(width: u32, pixel_ratio: f64) -> Geometry {
        Geometry {
            width,
            height: 600,
            pixel_ratio,
        }
    }

    fn lay(chart: &TimelineChart, width: u32) -> TimelineLayout {
        match layout(chart, &geom(width, 1.0)) {
            Ok(l) => l,
            Err(e) => panic!("layout at {width} px failed: {e}"),
        }
    }

    /// No gridline or reference line runs through a program's name, its end or its note, at any width.
    #[test]
    fn lines_stop_short_of_the_rows_text() {
        let mut crossed_before = 0;
        for theme in [crate::chart::Theme::Light, crate::chart::Theme::Dark] {
            let k = theme.inks();
            for chart in [reported(), mixed()] {
                for width in [280, 328, 360, 412, 640, 900, 1280] {
                    let l = layout(&chart, &geom(width, 2.0))
                        .unwrap_or_else(|e| panic!("{width}: {e}"));
                    let list = display_list(&l, k);
                    let crossed = paint::texts_crossed(&list, &[k.grid, k.axis], k.paper);
                    assert!(crossed.is_empty(), "at {width}: {crossed:?}");
                    let before = paint::without_paper_under_text(list, k.paper);
                    crossed_before +=
                        paint::texts_crossed(&before, &[k.grid, k.axis], k.paper).len();
                }
            }
        }
        // Without the paper under them, the same charts have lines through their text.
        assert!(crossed_before > 0);
    }

    /// The axis is drawn whole: the paper under the last row's note reaches down to it, and drawn over it, would
    /// have hidden half its width there.
    #[test]
    fn no_paper_is_laid_over_the_axis() {
        use crate::chart::paint::{px, Primitive};
        let k = crate::chart::Theme::Light.inks();
        let paper = paint::rgba(k.paper, 1.0);
        let mut reaching = 0;
        for chart in [reported(), mixed()] {
            for width in [280, 360, 640, 1280] {
                let l =
                    layout(&chart, &geom(width, 2.0)).unwrap_or_else(|e| panic!("{width}: {e}"));
                let list = display_list(&l, k);
                let y = px(l.plot.y1);
                let is_axis = |p: &Primitive<'_>| {
                    matches!(p, Primitive::Path { points, .. }
                        if points.len() == 2 && points.iter().all(|q| q.1 == y))
                };
                let on_axis = |p: &Primitive<'_>| {
                    matches!(p, Primitive::Rect { from, to, colour }
                        if *colour == paper && from.1 <= y + 1 && to.1 >= y - 1)
                };
                let Some(axis) = list.iter().position(is_axis) else {
                    panic!("at {width}: no axis line at y {y}");
                };
                assert!(
                    !list.iter().skip(axis + 1).any(on_axis),
                    "at {width}: paper over the axis"
                );
                // The ground (first) is under everything.
                reaching += list
                    .iter()
                    .take(axis)
                    .skip(1)
                    .filter(|p| on_axis(p))
                    .count();
            }
        }
        // Some note's paper does reach the axis, so the check above checks something.
        assert!(reaching > 0);
    }

    /// Every text the chart draws is at least 12 CSS px, at any width (the floor the issue on accessibility
    /// sets; the reader's own text size scales the whole chart up from there).
    #[test]
    fn no_text_below_12_px() {
        let chart = mixed();
        for width in [280, 328, 360, 640, 1200] {
            let l = lay(&chart, width);
            let inks = crate::chart::Theme::Light.inks();
            for p in display_list(&l, inks) {
                if let crate::chart::paint::Primitive::Text { text, size, .. } = p {
                    assert!(size >= 12.0, "{width} px: {text:?} is {size} px");
                }
            }
        }
    }

    fn years(l: &TimelineLayout) -> Vec<i32> {
        l.ticks.iter().map(|t| t.year).collect()
    }

    fn labelled(l: &TimelineLayout) -> Vec<&Label> {
        l.ticks.iter().filter_map(|t| t.label.as_ref()).collect()
    }

    fn kind(r: Result<TimelineLayout, ChartError>) -> Option<ChartErrorKind> {
        r.err().map(|e| e.kind)
    }

    fn row(l: &TimelineLayout, i: usize) -> &SpanRow {
        match l.rows.get(i) {
            Some(r) => r,
            None => panic!("no row {i}"),
        }
    }

    fn segment(r: &SpanRow) -> Rect {
        match r.segment {
            Some(s) => s,
            None => panic!("row {} has no segment", r.key),
        }
    }

    #[test]
    fn axis_has_one_tick_per_year_from_the_earliest_start_to_the_latest_end() {
        // chart, expected first and last year
        let cases: &[(TimelineChart, i32, i32)] =
            &[(reported(), 2015, 2021), (mixed(), 2008, 2021)];
        for (chart, first, last) in cases {
            for width in [360, 1_280] {
                let l = lay(chart, width);
                let expected: Vec<i32> = (*first..=*last).collect();
                assert_eq!(years(&l), expected, "at {width} px");
                for pair in l.ticks.windows(2) {
                    if let [a, b] = pair {
                        assert!(b.x > a.x, "ticks run left to right");
                    }
                }
                // Half a year of padding: the end years sit inside the plot, not on its edge.
                let (Some(a), Some(b)) = (l.ticks.first(), l.ticks.last()) else {
                    panic!("no ticks");
                };
                assert!(a.x > l.plot.x0 && b.x < l.plot.x1);
            }
        }
        // The report year stays on the axis even when every program ended before it.
        let mut past = reported();
        past.spans = vec![span("old", "옛 사업", Some(2010), Some(2012), 0)];
        assert_eq!(years(&lay(&past, 360)), (2010..=2015).collect::<Vec<_>>());
    }

    #[test]
    fn every_year_is_labelled_when_wide() {
        for chart in [reported(), mixed()] {
            let l = lay(&chart, 1_280);
            let texts: Vec<String> = labelled(&l).iter().map(|lb| lb.text.clone()).collect();
            let expected: Vec<String> = l.ticks.iter().map(|t| t.year.to_string()).collect();
            assert_eq!(texts, expected);
        }
    }

    #[test]
    fn a_long_span_has_gridlines_only_where_labels_may_go() {
        // The article's span: a gridline every year, on a phone too.
        for width in [360, 1_280] {
            let l = lay(&mixed(), width);
            assert!(l.ticks.iter().all(|t| t.grid), "{width}");
        }
        // A century and more: not a line a year, but one on each round year labels go on.
        let mut long = reported();
        long.spans = vec![
            span("old", "옛 사업", Some(1900), Some(1950), 0),
            span("new", "새 사업", None, Some(2100), 1),
        ];
        for width in [360, 1_280] {
            let l = lay(&long, width);
            let grid: Vec<i32> = l.ticks.iter().filter(|t| t.grid).map(|t| t.year).collect();
            assert!(
                (3..=25).contains(&grid.len()),
                "{width}: {} gridlines over {} years",
                grid.len(),
                l.ticks.len()
            );
            let labels: Vec<i32> = labelled(&l)
                .iter()
                .filter_map(|lb| lb.text.parse().ok())
                .collect();
            assert!(
                labels.iter().all(|y| grid.contains(y)),
                "{width}: a label without its gridline: {labels:?} {grid:?}"
            );
            // Evenly spaced, at least MIN_GRID_GAP apart.
            let xs: Vec<f64> = l.ticks.iter().filter(|t| t.grid).map(|t| t.x).collect();
            for pair in xs.windows(2) {
                if let [a, b] = pair {
                    assert!(b - a >= MIN_GRID_GAP, "{width}: gridlines {a} and {b}");
                }
            }
        }
    }

    #[test]
    fn labels_thin_out_on_a_phone_without_overlapping() {
        let l = lay(&mixed(), 360);
        assert!(l.text_above);
        let labels = labelled(&l);
        assert!(
            labels.len() < l.ticks.len() && labels.len() >= 2,
            "{} of {} years labelled",
            labels.len(),
            l.ticks.len()
        );
        for pair in labels.windows(2) {
            if let [a, b] = pair {
                assert!(
                    a.extent().1 + TICK_SPACING / 2.0 <= b.extent().0,
                    "{} and {} overlap",
                    a.text,
                    b.text
                );
            }
        }
        for lb in &labels {
            let (left, right) = lb.extent();
            assert!(
                left >= PAD && right <= l.width - PAD,
                "{} leaves the chart",
                lb.text
            );
        }
        // Thinned labels land on round years.
        assert!(labels
            .iter()
            .all(|lb| lb.text.parse::<i32>().is_ok_and(|y| y % 2 == 0)));
        // Narrow but short spans keep every label.
        let short = lay(&reported(), 360);
        assert_eq!(labelled(&short).len(), short.ticks.len());
    }

    #[test]
    fn unknown_starts_begin_at_the_report_year_and_say_so() {
        for width in [360, 1_280] {
            let l = lay(&mixed(), width);
            let tick_x = |year: i32| l.ticks.iter().find(|t| t.year == year).map(|t| t.x);
            assert_eq!(Some(l.reference.x), tick_x(2015));
            assert_eq!(l.reference.label.text, "2015년 보도");
            for (i, end) in [(0, 2021), (1, 2017), (2, 2018)] {
                let r = row(&l, i);
                let seg = segment(r);
                assert!(!r.known_start, "{}", r.key);
                assert_eq!(seg.x0, l.reference.x, "{} starts at the report year", r.key);
                assert_eq!(Some(seg.x1), tick_x(end));
                assert!(!r.hatch.is_empty() && !r.outline.is_empty());
                let note = r.note.as_ref().map(|n| n.text.as_str());
                assert_eq!(note, Some("시작 연도 미보도"));
                assert_eq!(
                    r.end.as_ref().map(|e| e.text.clone()),
                    Some(format!("{end}년까지"))
                );
                // The end label sits right of the end year and inside the chart.
                let Some(e) = &r.end else { panic!() };
                assert!(e.x > seg.x1 && e.extent().1 <= l.width - PAD + 1e-9);
                assert!(r.marker.is_some() && r.halo.is_some());
            }
            // A known start is drawn solid from that year.
            let bus = row(&l, 3);
            assert!(bus.known_start);
            assert_eq!(Some(segment(bus).x0), tick_x(2008));
            assert_eq!(Some(segment(bus).x1), tick_x(2020));
            assert!(bus.hatch.is_empty() && bus.outline.is_empty() && bus.note.is_none());
            // No end reported: no segment, no marker, only the caller's text.
            let lunch = row(&l, 4);
            assert!(lunch.segment.is_none() && lunch.marker.is_none() && lunch.end.is_none());
            assert_eq!(
                lunch.note.as_ref().map(|n| n.text.as_str()),
                Some("기간 미보도")
            );
        }
    }

    #[test]
    fn names_sit_above_on_phones_and_in_a_column_when_wide() {
        let narrow = lay(&reported(), 360);
        for r in &narrow.rows {
            assert!(r.name.y < segment(r).y0, "{} above its segment", r.key);
        }
        let wide = lay(&reported(), 1_280);
        assert!(!wide.text_above);
        for r in &wide.rows {
            assert!(
                r.name.extent().1 <= wide.plot.x0,
                "{} overlaps the plot",
                r.key
            );
            let seg = segment(r);
            assert!(r.name.y > seg.y0 && r.name.y < seg.y1);
        }
    }

    #[test]
    fn all_ends_unknown_still_draws_every_row() {
        let mut chart = reported();
        for s in &mut chart.spans {
            s.end = None;
        }
        let l = lay(&chart, 360);
        assert_eq!(years(&l), vec![2015]);
        assert_eq!(l.rows.len(), 3);
        assert!(l.rows.iter().all(
            |r| r.segment.is_none() && r.note.as_ref().is_some_and(|n| n.text == "기간 미보도")
        ));
    }

    #[test]
    fn pixel_ratio_two_doubles_every_length() {
        for width in [360, 1_280] {
            let chart = mixed();
            let one = lay(&chart, width);
            let two = match layout(&chart, &geom(width, 2.0)) {
                Ok(l) => l,
                Err(e) => panic!("{e}"),
            };
            let twice = |r: Rect| scale_rect(r, 2.0);
            let at = |l: &Label| (l.x, l.y, l.size);
            let twice_label = |l: &Label| (l.x * 2.0, l.y * 2.0, l.size * 2.0);
            assert_eq!((two.width, two.height), (one.width * 2.0, one.height * 2.0));
            assert_eq!(two.plot, twice(one.plot));
            assert_eq!(two.line_width, 2.0);
            assert_eq!(two.reference.x, one.reference.x * 2.0);
            assert_eq!(at(&two.reference.label), twice_label(&one.reference.label));
            assert_eq!(two.rows.len(), one.rows.len());
            for (a, b) in one.rows.iter().zip(&two.rows) {
                assert_eq!(b.band, twice(a.band));
                assert_eq!(b.segment, a.segment.map(twice));
                assert_eq!(at(&b.name), twice_label(&a.name));
                assert_eq!(b.end.as_ref().map(at), a.end.as_ref().map(twice_label));
                assert_eq!(b.note.as_ref().map(at), a.note.as_ref().map(twice_label));
                assert_eq!(b.hatch.len(), a.hatch.len());
                assert_eq!(b.outline.len(), a.outline.len());
            }
            assert_eq!(years(&two), years(&one));
            for (a, b) in one.ticks.iter().zip(&two.ticks) {
                assert_eq!(b.x, a.x * 2.0);
                assert_eq!(b.label.as_ref().map(at), a.label.as_ref().map(twice_label));
            }
            assert_eq!(two.source_note.len(), one.source_note.len());
        }
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let with = |spans: Vec<Span>| TimelineChart {
            spans,
            ..reported()
        };
        let ok = geom(360, 1.0);
        let cases: Vec<(&str, TimelineChart, Geometry, ChartErrorKind)> = vec![
            ("empty", with(vec![]), ok, ChartErrorKind::Empty),
            (
                "end before start",
                with(vec![span("x", "역행 사업", Some(2020), Some(2017), 0)]),
                ok,
                ChartErrorKind::NonPositive,
            ),
            (
                "absurd end",
                with(vec![span("x", "사업", None, Some(20_021), 0)]),
                ok,
                ChartErrorKind::Overflow,
            ),
            (
                "absurd start",
                with(vec![span("x", "사업", Some(-5), Some(2017), 0)]),
                ok,
                ChartErrorKind::Overflow,
            ),
            (
                "absurd start without an end",
                with(vec![span("x", "사업", Some(i32::MIN), None, 0)]),
                ok,
                ChartErrorKind::Overflow,
            ),
            (
                "absurd report year",
                TimelineChart {
                    reported_year: 15,
                    ..reported()
                },
                ok,
                ChartErrorKind::Overflow,
            ),
            (
                "too narrow",
                reported(),
                geom(100, 1.0),
                ChartErrorKind::TooSmall,
            ),
            (
                "too short",
                reported(),
                Geometry {
                    width: 360,
                    height: 80,
                    pixel_ratio: 1.0,
                },
                ChartErrorKind::TooSmall,
            ),
            (
                "NaN ratio",
                reported(),
                geom(360, f64::NAN),
                ChartErrorKind::BadGeometry,
            ),
            (
                "beyond any drawing",
                reported(),
                geom(600_000, 2.0),
                ChartErrorKind::TooLarge,
            ),
        ];
        for (name, chart, g, expected) in cases {
            assert_eq!(kind(layout(&chart, &g)), Some(expected), "{name}");
        }
        let msg = layout(
            &with(vec![span("x", "역행 사업", Some(2020), Some(2017), 0)]),
            &ok,
        )
        .err()
        .map(|e| e.to_string());
        assert!(
            msg.as_deref()
                .is_some_and(|m| m.contains("역행 사업") && m.contains("2017")),
            "{msg:?}"
        );
        // The widest legal span, and a one-year period, are fine.
        let edge = with(vec![
            span("a", "사업", Some(MIN_YEAR), Some(MAX_YEAR), 0),
            span("b", "사업", Some(2016), Some(2016), 1),
        ]);
        let l = lay(&edge, 360);
        assert_eq!(l.ticks.len(), 201);
        assert!(labelled(&l).len() >= 2);
    }

    #[test]
    fn preferred_height_fits_the_rows_it_promises() {
        let mut chart = mixed();
        chart.source_note =
            "출처: 2015년 신문 보도. 시작 연도는 보도되지 않아 보도 연도부터 흐리게 표시했습니다. "
                .repeat(6);
        let mut last = 0;
        for n in [1, 3, 12] {
            chart.spans = (0..n)
                .map(|i| {
                    span(
                        &i.to_string(),
                        "청년 창업 인큐베이팅 사업",
                        None,
                        Some(2017 + i as i32 % 5),
                        i,
                    )
                })
                .collect();
            for width in [280, 360, 599, 600, 1_280] {
                let height = preferred_height(n, &chart.source_note, width);
                let g = Geometry {
                    width,
                    height,
                    pixel_ratio: 1.0,
                };
                let l = match layout(&chart, &g) {
                    Ok(l) => l,
                    Err(e) => panic!("{n} rows at {width}×{height}: {e}"),
                };
                let bottom = l.source_note.last().map_or(0.0, |lb| lb.y);
                assert!(bottom < f64::from(height));
                assert_eq!(l.source_note.len(), NOTE_LINES);
                if width == 360 {
                    assert!(height > last, "height must grow with rows");
                    last = height;
                }
            }
        }
    }

    #[test]
    fn hit_test_maps_segment_and_label_to_the_row() {
        for (width, ratio) in [(360, 1.0), (1_280, 2.0), (360, 3.0)] {
            let l = match layout(&mixed(), &geom(width, ratio)) {
                Ok(l) => l,
                Err(e) => panic!("{e}"),
            };
            for (i, r) in l.rows.iter().enumerate() {
                if let Some(seg) = r.segment {
                    let (x, y) = seg.centre();
                    assert_eq!(hit_test(&l, x, y), Some(i), "segment centre of row {i}");
                }
                assert_eq!(
                    hit_test(&l, r.name.x + ratio, r.name.y),
                    Some(i),
                    "name of row {i}"
                );
                for lb in r.end.iter().chain(&r.note) {
                    assert_eq!(hit_test(&l, lb.x + ratio, lb.y), Some(i), "{}", lb.text);
                }
            }
            for pair in l.rows.windows(2) {
                if let [a, b] = pair {
                    let gap_y = (a.band.y1 + b.band.y0) / 2.0;
                    assert_eq!(
                        hit_test(&l, l.plot.x0 + 1.0, gap_y),
                        None,
                        "gap between rows"
                    );
                }
            }
            assert_eq!(hit_test(&l, -1.0, l.plot.y0 + 1.0), None);
            assert_eq!(
                hit_test(&l, l.width / 2.0, l.reference.label.y),
                None,
                "header"
            );
            assert_eq!(
                hit_test(&l, l.width / 2.0, l.plot.y1 + 5.0 * ratio),
                None,
                "axis"
            );
            assert_eq!(hit_test(&l, f64::NAN, f64::NAN), None);
        }
    }

    /// Native-only: the SVG backend is a dev-dependency of the native build alone.
    #[cfg(not(target_arch = "wasm32"))]
    mod svg {
        use super::*;
        use plotters::prelude::{IntoDrawingArea, SVGBackend};

        fn render(chart: &TimelineChart, width: u32) -> String {
            render_with_layout(chart, width).0
        }

        fn render_with_layout(chart: &TimelineChart, width: u32) -> (String, TimelineLayout) {
            let g = Geometry {
                width,
                height: preferred_height(chart.spans.len(), &chart.source_note, width),
                pixel_ratio: 2.0,
            };
            let l = match layout(chart, &g) {
                Ok(l) => l,
                Err(e) => panic!("{e}"),
            };
            let mut svg = String::new();
            {
                let size = (px(l.width).unsigned_abs(), px(l.height).unsigned_abs());
                let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                if let Err(e) = draw(&area, chart, &l, Theme::Light) {
                    panic!("draw failed: {e}");
                }
                if let Err(e) = area.present() {
                    panic!("present failed: {e}");
                }
            }
            (svg, l)
        }

        #[test]
        fn svg_has_every_label_and_one_rect_per_drawn_period() {
            for chart in [reported(), mixed()] {
                for width in [360, 1_280] {
                    let (svg, l) = render_with_layout(&chart, width);
                    let with_end = chart.spans.iter().filter(|s| s.end.is_some()).count();
                    // One per segment; the others are paper: the ground and what keeps the gridlines and the
                    // reference line off the text. Hatching, dashes and markers are not rects.
                    let p = Theme::Light.inks().paper;
                    let paper = format!("fill=\"#{:02X}{:02X}{:02X}\"", p.0, p.1, p.2);
                    let rects = svg.lines().filter(|l| l.starts_with("<rect"));
                    let (grounds, drawn): (Vec<&str>, Vec<&str>) =
                        rects.partition(|l| l.contains(&paper));
                    assert!(!grounds.is_empty(), "at {width}");
                    assert_eq!(drawn.len(), with_end, "at {width}");
                    for s in &chart.spans {
                        assert!(svg.contains(&s.label), "name {}", s.label);
                        if s.end.is_some() {
                            assert!(
                                svg.contains(&format!("\n{}\n", s.end_label)),
                                "{}",
                                s.end_label
                            );
                        }
                    }
                    let unknown_starts = chart
                        .spans
                        .iter()
                        .filter(|s| s.start.is_none() && s.end.is_some())
                        .count();
                    assert_eq!(svg.matches("\n시작 연도 미보도\n").count(), unknown_starts);
                    assert!(svg.contains("\n2015년 보도\n"));
                    assert!(svg.contains(&chart.source_note));
                    assert!(
                        svg.contains("안산스마트허브 재생혁신사업"),
                        "Hangul must survive"
                    );
                    assert!(svg.contains("Noto Sans CJK KR"));
                    for lb in labelled(&l) {
                        assert!(
                            svg.contains(&format!("\n{}\n", lb.text)),
                            "year {}",
                            lb.text
                        );
                    }
                }
            }
            let svg = render(&mixed(), 360);
            assert!(svg.contains("\n기간 미보도\n"));
        }

        #[test]
        fn draw_refuses_a_layout_for_other_data() {
            let chart = mixed();
            let l = lay(&chart, 360);
            let mut other = chart.clone();
            other.spans.pop();
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (360, 600)).into_drawing_area();
            let err = draw(&area, &other, &l, Theme::Light).err().map(|e| e.kind);
            assert_eq!(err, Some(ChartErrorKind::Mismatch));
        }
    }
}
