//! Horizontal bar chart for budget figures whose sizes differ by orders of magnitude (19억원 beside
//! 4,450억원): row layout, linear/log scales, tick placement, hit-testing, and the generic `draw`.
//!
//! Rows are horizontal so long Korean program names fit on a 360 px phone: below `WIDE_MIN` CSS px the
//! text sits above each bar, wider it sits in a column to the left. Everything is laid out in CSS px and
//! multiplied by the pixel ratio at the end, so a ratio of 2 gives exactly twice every coordinate.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use super::common::{
    self, hatch, label, marker, scale_rect, scale_strokes, stack_height, Area, COL_GAP, FONT_TICK,
    LINE, MARKER, MAX_COL_FRACTION, MIN_COL, NOTE_GAP, NOTE_LINE, PAD, ROW_GAP, TICK_GAP,
    TICK_LINE, TICK_SPACING, WIDE_MIN,
};
use super::paint::{self, paint, px, rgba, Primitive};
use super::style::{self, Inks, Theme};
use super::{text, ticks, ChartError, ChartErrorKind, Geometry};

pub use super::common::{Marker, Rect, TextAlign};

/// How values map to bar length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Length proportional to value, from zero: honest for sums, but a 19억 bar next to 4,450억 is a sliver.
    Linear,
    /// Length proportional to the logarithm, from the decade at or below the smallest value: every bar
    /// readable, at the price of lengths no longer adding up (the axis says so with decade ticks).
    Log,
}

impl Scale {
    /// Every scale, in the order the controls offer them.
    pub const ALL: [Scale; 2] = [Scale::Linear, Scale::Log];
}

/// One figure to draw. Text arrives preformatted: the chart never formats money itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// Figure id, handed back by the caller's tooltip/selection logic via `hit_test`'s index.
    pub key: String,
    /// Program name, e.g. "청년 창업 인큐베이팅".
    pub group: String,
    /// Figure label, e.g. "도비 유치".
    pub label: String,
    /// Whole won (or won per resident); must be ≥ 0, and > 0 on a log scale.
    pub value: i64,
    /// Shown at the bar end, e.g. "≈4,450억원".
    pub value_label: String,
    /// Program index: picks colour, marker shape and fill pattern, so colour is never the only carrier.
    pub tone: usize,
}

/// A bar chart's data and wording.
#[derive(Debug, Clone)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    pub scale: Scale,
    pub axis_title: String,
    /// Drawn under the chart, e.g. "출처: 안산시 2025 예산서"; mark illustrative figures here, first, since a
    /// note longer than the lines the area allows (three at `preferred_height`) is cut with "…".
    pub source_note: String,
    /// Formats a tick value (whole won) in the caller's language and units, e.g. 500000000000 → "5,000억".
    /// A plain `fn` keeps `BarChart` cheap to clone and free of captured state.
    pub tick_label: fn(i64) -> String,
}

/// Yew re-renders when props differ, so this only needs to be right in one direction: equal data and the
/// same formatter compare equal. Formatters compare by address; two distinct fns with identical code
/// may share one, and then they also format identically, so treating them as equal is harmless.
impl PartialEq for BarChart {
    fn eq(&self, other: &Self) -> bool {
        self.bars == other.bars
            && self.scale == other.scale
            && self.axis_title == other.axis_title
            && self.source_note == other.source_note
            && self.tick_label as usize == other.tick_label as usize
    }
}

/// What a piece of text is; decides its weight and ink when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Group,
    Label,
    /// Value label right of the bar end, dark on white.
    Value,
    /// Value label inside the bar end (no room to its right), white on the bar colour.
    ValueInside,
    Tick,
    AxisTitle,
    SourceNote,
}

/// A placed single line of text; `y` is its vertical centre, `size` the font size, both in device px.
pub type Label = common::Label<TextRole>;

/// One bar's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The whole row (text, bar and value label): the hit-test target, so a 2 px bar is still tappable.
    pub band: Rect,
    pub bar: Rect,
    pub group: Label,
    pub label: Label,
    pub value: Label,
    pub tone: usize,
    pub marker: Marker,
    /// Pattern strokes inside the bar (none for the solid pattern).
    pub hatch: Vec<common::Stroke>,
}

/// An axis tick; `label` is `None` where it would collide with its left neighbour (the gridline stays).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: i64,
    pub x: f64,
    pub label: Option<Label>,
}

/// Everything `draw` needs, in device px, computed once per data/size change.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub pixel_ratio: f64,
    /// True on narrow screens, where row text sits above the bar instead of left of it.
    pub text_above: bool,
    /// The area bars grow in; gridlines span its height.
    pub plot: Rect,
    pub rows: Vec<Row>,
    pub ticks: Vec<Tick>,
    pub axis_title: Option<Label>,
    pub source_note: Vec<Label>,
    /// Stroke width of gridlines and hatching (one CSS px).
    pub line_width: f64,
}

// Lengths in CSS px; see the module doc for why. Those both charts use are in `common`.
const FONT_GROUP: f64 = 13.0;
const FONT_LABEL: f64 = 13.0;
const FONT_VALUE: f64 = 12.0;
const FONT_TITLE: f64 = 12.0;
const BAR_H: f64 = 16.0;
const TEXT_BAR_GAP: f64 = 2.0;
const TEXT_INDENT: f64 = 15.0;
const VALUE_PAD: f64 = 4.0;
/// A positive value never draws thinner than this, so 19억 stays visible beside 4,450억.
const MIN_BAR: f64 = 2.0;
const MAX_TICK_INTERVALS: u32 = 6;
const TITLE_GAP: f64 = 4.0;
const TITLE_LINE: f64 = 16.0;

fn band_height(text_above: bool) -> f64 {
    if text_above {
        2.0 * LINE + TEXT_BAR_GAP + BAR_H
    } else {
        2.0 * LINE
    }
}

fn rows_height(n: usize, text_above: bool) -> f64 {
    stack_height(n, band_height(text_above), ROW_GAP)
}

fn footer_height(has_title: bool, note_lines: usize) -> f64 {
    let mut h = TICK_GAP + TICK_LINE;
    if has_title {
        h += TITLE_GAP + TITLE_LINE;
    }
    if note_lines > 0 {
        h += NOTE_GAP + note_lines as f64 * NOTE_LINE;
    }
    h
}

/// CSS px height that fits `n_bars` rows at `width` CSS px, with room for an axis title and the lines the
/// source note `note` takes (at most three; `common::reserved_note_lines`). `layout` at this height never fails
/// for lack of height.
pub fn preferred_height(n_bars: usize, note: &str, width: u32) -> u32 {
    let text_above = width < WIDE_MIN;
    let h = PAD
        + rows_height(n_bars, text_above)
        + footer_height(true, common::reserved_note_lines(note, width))
        + PAD;
    // Saturating float→int cast: absurd bar counts give u32::MAX, which `layout` then rejects.
    h.ceil() as u32
}

/// Checks the data against the scale before any arithmetic relies on it.
fn validate(chart: &BarChart) -> Result<(i64, i64), ChartError> {
    let mut values = chart.bars.iter().map(|b| b.value);
    let Some(first) = values.next() else {
        return Err(ChartError::new(
            ChartErrorKind::Empty,
            "there are no figures to chart".to_owned(),
        ));
    };
    let (min, max) = values.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let floor = match chart.scale {
        Scale::Linear => 0,
        Scale::Log => 1,
    };
    if min < floor {
        let culprit = chart
            .bars
            .iter()
            .find(|b| b.value < floor)
            .map_or_else(String::new, |b| format!("{} {} ", b.group, b.label));
        let why = match chart.scale {
            Scale::Linear => "bars start at zero, so negative values cannot be drawn",
            Scale::Log => "a log scale needs values above zero",
        };
        return Err(ChartError::new(
            ChartErrorKind::NonPositive,
            format!("{culprit}= {min}: {why}"),
        ));
    }
    Ok((min, max))
}

/// Maps values to x positions inside the plot; built once from the data range.
enum Axis {
    Linear { max: f64 },
    Log { lo: f64, hi: f64 },
}

impl Axis {
    /// Fraction 0..=1 along the plot.
    fn fraction(&self, value: i64) -> f64 {
        let t = match *self {
            Axis::Linear { max } => value as f64 / max,
            Axis::Log { lo, hi } => ((value as f64).log10() - lo) / (hi - lo),
        };
        if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Tick values and the axis mapping; linear steps are chosen so the tick labels fit `plot_width`, in at most
/// `at_most` intervals where given (a coarser step, when the labels of a finer one would touch).
fn axis_and_ticks(
    chart: &BarChart,
    min: i64,
    max: i64,
    plot_width: f64,
    at_most: Option<u32>,
) -> Result<(Axis, Vec<i64>), ChartError> {
    match chart.scale {
        Scale::Linear => {
            // Gridlines for as many steps as labels would fit, estimated from the maximum's label;
            // `ticks_for` takes a coarser step where the labels as placed would still touch.
            let sample = (chart.tick_label)(max);
            let room = (plot_width / (text::width(&sample, FONT_TICK) + TICK_SPACING)).floor();
            let intervals = if room >= f64::from(MAX_TICK_INTERVALS) {
                MAX_TICK_INTERVALS
            } else if room >= 1.0 {
                room as u32
            } else {
                1
            };
            let intervals = at_most.map_or(intervals, |n| intervals.min(n).max(1));
            let (step, axis_max) = ticks::nice_linear(max, intervals)?;
            let count = axis_max / step;
            let values = (0..=count)
                .map(|k| {
                    k.checked_mul(step).ok_or_else(|| {
                        ChartError::new(ChartErrorKind::Overflow, "tick value overflow".to_owned())
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((
                Axis::Linear {
                    max: axis_max as f64,
                },
                values,
            ))
        }
        Scale::Log => {
            let (lo, hi) = ticks::decades(min, max)?;
            // Decades beyond i64 (10^19) get no tick; the axis still ends there.
            let values = (lo..=hi).filter_map(|e| ticks::pow10(e).ok()).collect();
            Ok((
                Axis::Log {
                    lo: f64::from(lo),
                    hi: f64::from(hi),
                },
                values,
            ))
        }
    }
}

/// The axis and its ticks under `plot`. On a linear axis every tick is labelled, evenly: where the labels of a
/// step would touch (an end label is kept inside the content box and moves in towards its neighbour; other labels
/// are wider than the maximum's), the next coarser step is taken instead of leaving a label out, so an axis
/// never reads 0, 200, 600. A log axis keeps its decades, their labels thinned by `place_ticks`.
fn ticks_for(
    chart: &BarChart,
    (min, max): (i64, i64),
    plot: Rect,
    content: (f64, f64),
) -> Result<(Axis, Vec<Tick>), ChartError> {
    let mut at_most = None;
    loop {
        let (axis, values) = axis_and_ticks(chart, min, max, plot.width(), at_most)?;
        let ticks = place_ticks(chart, &values, &axis, plot, content);
        let intervals = u32::try_from(values.len().saturating_sub(1)).unwrap_or(u32::MAX);
        // Each round has fewer intervals than the last (at most `MAX_TICK_INTERVALS` rounds).
        if chart.scale == Scale::Log || intervals <= 1 || ticks.iter().all(|t| t.label.is_some()) {
            return Ok((axis, ticks));
        }
        at_most = Some(intervals - 1);
    }
}

/// Places ticks under the plot. Labels are centred on their tick but kept inside the content box. The first and
/// the last label (zero and the axis maximum, what the scale is read by) always stay; an inner label that would
/// touch a kept neighbour is dropped (its gridline is still drawn). If the two ends themselves would touch, the
/// maximum stays.
fn place_ticks(
    chart: &BarChart,
    values: &[i64],
    axis: &Axis,
    plot: Rect,
    content: (f64, f64),
) -> Vec<Tick> {
    let y = plot.y1 + TICK_GAP + TICK_LINE / 2.0;
    let gap = TICK_SPACING / 2.0;
    let placed: Vec<(i64, f64, String, f64, f64, TextAlign)> = values
        .iter()
        .map(|&value| {
            let x = plot.x0 + plot.width() * axis.fraction(value);
            let text = (chart.tick_label)(value);
            let w = text::width(&text, FONT_TICK);
            let (left, anchor_x, align) = common::centred_within(x, w, content);
            (value, x, text, left, anchor_x, align)
        })
        .collect();
    let last = placed.len().saturating_sub(1);
    let width_of = |t: &str| text::width(t, FONT_TICK);
    // Where the last label starts: nothing else may reach into it.
    let last_left = placed.last().map_or(f64::INFINITY, |p| p.3);
    let mut last_right = f64::NEG_INFINITY;
    placed
        .into_iter()
        .enumerate()
        .map(|(i, (value, x, text, left, anchor_x, align))| {
            let right = left + width_of(&text);
            let keep = if i == last {
                true
            } else {
                left >= last_right + gap && right + gap <= last_left
            };
            let label = keep.then(|| {
                last_right = right;
                label(text, anchor_x, y, FONT_TICK, align, TextRole::Tick)
            });
            Tick { value, x, label }
        })
        .collect()
}

/// Computes the whole chart in CSS px; `layout` then scales it to device px.
fn layout_css(chart: &BarChart, geom: &Geometry) -> Result<Layout, ChartError> {
    let (min, max) = validate(chart)?;
    let area = Area::new(geom, "a bar chart")?;
    let (text_above, width, height) = (area.text_above, area.width, area.height);
    let (cx0, cx1) = (area.x0, area.x1);
    let content_w = cx1 - cx0;

    let text_x = cx0 + TEXT_INDENT;
    let (text_max, plot_x0) = if text_above {
        (cx1 - text_x, cx0)
    } else {
        let natural = chart
            .bars
            .iter()
            .map(|b| text::bold_width(&b.group, FONT_GROUP).max(text::width(&b.label, FONT_LABEL)))
            .fold(0.0, f64::max)
            + TEXT_INDENT;
        let col = natural
            .max(MIN_COL)
            .min(content_w * MAX_COL_FRACTION)
            .max(TEXT_INDENT);
        (col - TEXT_INDENT, cx0 + col + COL_GAP)
    };
    let plot_w = cx1 - plot_x0;
    let widest_value = chart
        .bars
        .iter()
        .map(|b| text::width(&b.value_label, FONT_VALUE))
        .fold(0.0, f64::max);
    // Side by side, this guarantees every value label fits right of its bar or inside it (see `layout_row`);
    // with text above the bars, a label that fits neither place moves onto the text line instead.
    if !text_above && plot_w < 2.0 * widest_value + 3.0 * VALUE_PAD {
        return Err(ChartError::new(
            ChartErrorKind::TooSmall,
            format!(
                "{} px leaves no room for the value labels",
                super::whole(width)
            ),
        ));
    }

    let plot = Rect {
        x0: plot_x0,
        y0: PAD,
        x1: cx1,
        y1: PAD + rows_height(chart.bars.len(), text_above),
    };
    let (axis, ticks) = ticks_for(chart, (min, max), plot, (cx0, cx1))?;

    let pitch = band_height(text_above) + ROW_GAP;
    let rows = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = PAD + i as f64 * pitch;
            let bar_y0 = if text_above {
                top + 2.0 * LINE + TEXT_BAR_GAP
            } else {
                top + LINE - BAR_H / 2.0
            };
            let bar_rect = Rect {
                x0: plot_x0,
                y0: bar_y0,
                x1: plot_x0 + plot_w * axis.fraction(bar.value),
                y1: bar_y0 + BAR_H,
            };
            layout_row(bar, top, bar_rect, (cx0, cx1), text_x, text_max, text_above)
        })
        .collect();

    let mut y = plot.y1 + TICK_GAP + TICK_LINE;
    let title = chart.axis_title.trim();
    let axis_title = if title.is_empty() {
        None
    } else {
        let fitted = text::fit(title, FONT_TITLE, cx1 - plot_x0, false);
        let l = label(
            fitted,
            plot_x0,
            y + TITLE_GAP + TITLE_LINE / 2.0,
            FONT_TITLE,
            TextAlign::Start,
            TextRole::AxisTitle,
        );
        y += TITLE_GAP + TITLE_LINE;
        Some(l)
    };
    let source_note = common::source_note(
        &chart.source_note,
        TextRole::SourceNote,
        cx0,
        content_w,
        height - PAD,
        &mut y,
    );
    area.check_fits(y, "the chart")?;

    Ok(Layout {
        width,
        height,
        pixel_ratio: 1.0,
        text_above,
        plot,
        rows,
        ticks,
        axis_title,
        source_note,
        line_width: 1.0,
    })
}

/// One row: text lines, marker, the bar (at least `MIN_BAR` wide if positive) and its value label.
fn layout_row(
    bar: &Bar,
    top: f64,
    mut rect: Rect,
    content: (f64, f64),
    text_x: f64,
    text_max: f64,
    text_above: bool,
) -> Row {
    if bar.value > 0 && rect.width() < MIN_BAR {
        rect.x1 = rect.x0 + MIN_BAR;
    }
    let group_y = top + LINE / 2.0;
    let label_y = top + LINE * 1.5;
    let group = label(
        text::fit(&bar.group, FONT_GROUP, text_max, true),
        text_x,
        group_y,
        FONT_GROUP,
        TextAlign::Start,
        TextRole::Group,
    );
    let fig = label(
        text::fit(&bar.label, FONT_LABEL, text_max, false),
        text_x,
        label_y,
        FONT_LABEL,
        TextAlign::Start,
        TextRole::Label,
    );

    let value_w = text::width(&bar.value_label, FONT_VALUE);
    let (_, bar_mid) = rect.centre();
    let outside = rect.x1 + VALUE_PAD + value_w <= content.1;
    let inside = rect.width() >= value_w + 2.0 * VALUE_PAD;
    let (value, hatch_x1) = if text_above && !outside && !inside {
        // Narrow phone, long label (e.g. every won in English): after the figure label on its own line.
        let v = label(
            bar.value_label.clone(),
            text_x + text::width(&fig.text, FONT_LABEL) + 2.0 * VALUE_PAD,
            label_y,
            FONT_VALUE,
            TextAlign::Start,
            TextRole::Value,
        );
        (v, rect.x1)
    } else if outside {
        let v = label(
            bar.value_label.clone(),
            rect.x1 + VALUE_PAD,
            bar_mid,
            FONT_VALUE,
            TextAlign::Start,
            TextRole::Value,
        );
        (v, rect.x1)
    } else {
        let v = label(
            bar.value_label.clone(),
            rect.x1 - VALUE_PAD,
            bar_mid,
            FONT_VALUE,
            TextAlign::End,
            TextRole::ValueInside,
        );
        // Keep the pattern out from behind white text so it keeps its contrast.
        (v, rect.x1 - 2.0 * VALUE_PAD - value_w)
    };
    let hatch_area = Rect {
        x1: hatch_x1.max(rect.x0),
        ..rect
    };
    let band_bottom = if text_above {
        rect.y1
    } else {
        top + 2.0 * LINE
    };
    Row {
        band: Rect {
            x0: content.0,
            y0: top,
            x1: content.1,
            y1: band_bottom,
        },
        bar: rect,
        group,
        label: fig,
        value,
        tone: bar.tone,
        marker: marker(
            style::marker_shape(bar.tone),
            content.0 + MARKER / 2.0,
            group_y,
        ),
        hatch: hatch(style::pattern(bar.tone), hatch_area),
    }
}

fn scale_layout(l: Layout, r: f64) -> Layout {
    Layout {
        width: l.width * r,
        height: l.height * r,
        pixel_ratio: r,
        text_above: l.text_above,
        plot: scale_rect(l.plot, r),
        rows: l
            .rows
            .into_iter()
            .map(|row| Row {
                band: scale_rect(row.band, r),
                bar: scale_rect(row.bar, r),
                group: row.group.scaled(r),
                label: row.label.scaled(r),
                value: row.value.scaled(r),
                tone: row.tone,
                marker: row.marker.scaled(r),
                hatch: scale_strokes(row.hatch, r),
            })
            .collect(),
        ticks: l
            .ticks
            .into_iter()
            .map(|t| Tick {
                value: t.value,
                x: t.x * r,
                label: t.label.map(|lb| lb.scaled(r)),
            })
            .collect(),
        axis_title: l.axis_title.map(|lb| lb.scaled(r)),
        source_note: l.source_note.into_iter().map(|lb| lb.scaled(r)).collect(),
        line_width: l.line_width * r,
    }
}

/// Lays out `chart` in a `geom.width` × `geom.height` CSS px area; coordinates come out in device px.
/// Fails on no bars, negative values (or zero on a log scale), a bad pixel ratio, an area too small to
/// fit the rows and labels, or values past what the axis arithmetic holds.
pub fn layout(chart: &BarChart, geom: &Geometry) -> Result<Layout, ChartError> {
    let r = geom.checked_ratio()?;
    Ok(scale_layout(layout_css(chart, geom)?, r))
}

/// Index of the bar whose row contains device-px point (`x`, `y`) (CSS px × pixel ratio), if any.
/// The whole row band counts, text included, so a 2 px bar is as easy to tap as a long one.
pub fn hit_test(layout: &Layout, x: f64, y: f64) -> Option<usize> {
    layout.rows.iter().position(|row| row.band.contains(x, y))
}

/// The bar chart's text roles as weight and ink.
fn text_primitive<'a>(l: &'a Label, k: &Inks) -> Primitive<'a> {
    let (colour, bold) = match l.role {
        TextRole::Group => (k.text, true),
        TextRole::Label | TextRole::Value | TextRole::AxisTitle => (k.text, false),
        TextRole::ValueInside => (k.on_bar, true),
        TextRole::Tick | TextRole::SourceNote => (k.muted, false),
    };
    paint::text(l, colour, bold)
}

/// The layout as drawing instructions, back to front. Concrete, so it is compiled once, not per backend.
fn display_list<'a>(layout: &'a Layout, k: &Inks) -> Vec<Primitive<'a>> {
    let stroke = px(layout.line_width).max(1).unsigned_abs();
    let plot = layout.plot;
    let xs = layout.ticks.iter().map(|t| t.x);
    let mut out = paint::backdrop(k, layout.width, layout.height, plot, xs, stroke);
    let rows_from = out.len();
    let hatch = rgba(k.on_bar, 0.45);
    for row in &layout.rows {
        let colour = rgba(k.bar(row.tone), 1.0);
        out.push(paint::rect(row.bar, colour));
        out.extend(row.hatch.iter().map(|s| paint::line(s, hatch, stroke)));
        out.push(paint::marker(&row.marker, colour));
        out.push(text_primitive(&row.group, k));
        out.push(text_primitive(&row.label, k));
        out.push(text_primitive(&row.value, k));
    }
    // Gridlines stop short of the rows' text (above the bars on a phone, a value right of its bar).
    paint::paper_under_text(&mut out, rows_from, plot, k.paper);
    // The origin line goes over the bars' left ends so every bar visibly starts from it.
    out.push(paint::line(
        &[(plot.x0, plot.y0), (plot.x0, plot.y1)],
        rgba(k.axis, 1.0),
        stroke,
    ));
    let texts = layout
        .ticks
        .iter()
        .filter_map(|t| t.label.as_ref())
        .chain(&layout.axis_title)
        .chain(&layout.source_note);
    out.extend(texts.map(|l| text_primitive(l, k)));
    out
}

/// Draws `layout` (from `layout(chart, …)`) onto `area`, which should be the layout's size in device px.
/// Only replays precomputed primitives, so each backend instantiation stays small.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &BarChart,
    layout: &Layout,
    theme: Theme,
) -> Result<(), ChartError> {
    check_matches(chart, layout)?;
    paint(area, &display_list(layout, theme.inks()))
}

/// A layout kept across a data change would draw stale bars; catch it instead.
fn check_matches(chart: &BarChart, layout: &Layout) -> Result<(), ChartError> {
    let same = chart.bars.len() == layout.rows.len()
        && chart
            .bars
            .iter()
            .zip(&layout.rows)
            .all(|(b, r)| b.tone == r.tone && b.value_label == r.value.text);
    if same {
        Ok(())
    } else {
        Err(ChartError::new(
            ChartErrorKind::Mismatch,
            "the chart layout is out of date for these figures".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::common::{reserved_note_lines, MAX_NOTE_LINES, NOTE_LINES};
    use crate::chart::{FULL_LAYOUT_WIDTH, MIN_LAYOUT_WIDTH};

    const EOK: i64 = 100_000_000; // 1억원
    const JO: i64 = 10_000 * EOK; // 1조원

    /// Korean tick labels as the ui would format them: 5,000억, 1조.
    fn ko(v: i64) -> String {
        fn thousands(n: i64) -> String {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        }
        if v >= JO && v % JO == 0 {
            format!("{}조", thousands(v / JO))
        } else if v >= EOK {
            format!("{}억", thousands(v / EOK))
        } else {
            format!("{}원", thousands(v))
        }
    }

    fn bar(key: &str, group: &str, label: &str, value: i64, value_label: &str, tone: usize) -> Bar {
        Bar {
            key: key.to_owned(),
            group: group.to_owned(),
            label: label.to_owned(),
            value,
            value_label: value_label.to_owned(),
            tone,
        }
    }

    fn sample(scale: Scale) -> BarChart {
        BarChart {
            bars: vec![
                bar(
                    "youth",
                    "청년 창업 인큐베이팅",
                    "도비 유치",
                    19 * EOK,
                    "≈19억원",
                    0,
                ),
                bar(
                    "bus",
                    "시내버스 재정지원",
                    "시비 부담",
                    300 * EOK,
                    "≈300억원",
                    1,
                ),
                bar(
                    "hub",
                    "스마트허브 구조고도화",
                    "총사업비",
                    4_450 * EOK,
                    "≈4,450억원",
                    2,
                ),
            ],
            scale,
            axis_title: "예산 (원)".to_owned(),
            source_note: "출처: 안산시 예산서 (예시 자료)".to_owned(),
            tick_label: ko,
        }
    }

    fn geom(width: u32, pixel_ratio: f64) -> Geometry {
        Geometry {
            width,
            height: 600,
            pixel_ratio,
        }
    }

    fn lay(chart: &BarChart, width: u32) -> Layout {
        match layout(chart, &geom(width, 1.0)) {
            Ok(l) => l,
            Err(e) => panic!("layout at {width} px failed: {e}"),
        }
    }

    /// No gridline runs through a bar's name, figure or value: on a phone, where they sit over the plot above
    /// each bar, and at any width where a value stands right of its bar across a gridline.
    #[test]
    fn gridlines_stop_short_of_the_rows_text() {
        let mut crossed_before = 0;
        for theme in [Theme::Light, Theme::Dark] {
            let k = theme.inks();
            for scale in [Scale::Linear, Scale::Log] {
                for width in [280, 328, 360, 412, 640, 900, 1200] {
                    let l = layout(&sample(scale), &geom(width, 2.0))
                        .unwrap_or_else(|e| panic!("{width}: {e}"));
                    let list = display_list(&l, k);
                    let crossed = paint::texts_crossed(&list, &[k.grid], k.paper);
                    assert!(crossed.is_empty(), "{scale:?} at {width}: {crossed:?}");
                    let before = paint::without_paper_under_text(list, k.paper);
                    crossed_before += paint::texts_crossed(&before, &[k.grid], k.paper).len();
                }
            }
        }
        // Without the paper under them, the same charts have gridlines through their text.
        assert!(crossed_before > 0);
    }

    /// Every text the chart draws is at least 12 CSS px, at any width (the floor the issue on accessibility
    /// sets; the reader's own text size scales the whole chart up from there).
    #[test]
    fn no_text_below_12_px() {
        let chart = sample(Scale::Linear);
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

    /// English exact amounts are too long to sit beside a 4,450억 bar on a 360 px phone: they move onto the
    /// text line after the figure label, never over it, and the layout still succeeds.
    #[test]
    fn long_value_labels_on_a_phone_move_to_the_text_line() {
        let mut chart = sample(Scale::Linear);
        for b in &mut chart.bars {
            b.value_label = format!("about {} won", b.value);
        }
        // Half the axis: too long a label to fit inside the bar or beside it.
        if let Some(b) = chart.bars.get_mut(1) {
            b.value = 2_225 * EOK;
            b.value_label = "about 222,500,000,000 won in all".to_owned();
        }
        let l = lay(&chart, 328);
        assert!(l.text_above);
        let hub = &l.rows[1];
        assert_eq!(hub.value.y, hub.label.y, "value on the label line");
        assert!(
            hub.value.x > hub.label.x + 8.0,
            "after the label, not over it"
        );
        assert_eq!(hub.value.role, TextRole::Value);
        let wide = lay(&chart, 1000);
        assert!(!wide.text_above);
        assert!(wide
            .rows
            .iter()
            .all(|r| r.value.y != r.label.y || r.value.x > r.bar.x0));
    }

    fn tick_values(l: &Layout) -> Vec<i64> {
        l.ticks.iter().map(|t| t.value).collect()
    }

    fn kind(r: Result<Layout, ChartError>) -> Option<ChartErrorKind> {
        r.err().map(|e| e.kind)
    }

    /// At every width, zero and the axis maximum are labelled and no two tick labels touch, in Korean and in
    /// English (whose labels are much longer).
    #[test]
    fn tick_labels_keep_both_ends_and_never_touch() {
        let mut en = sample(Scale::Linear);
        en.tick_label = |v| format!("KRW {} billion", v / 1_000_000_000);
        for chart in [sample(Scale::Linear), en] {
            for width in (240..=1200).step_by(8) {
                let l = lay(&chart, width);
                let labels: Vec<&Label> = l.ticks.iter().filter_map(|t| t.label.as_ref()).collect();
                // Evenly: every gridline labelled (a coarser step rather than a label left out), unless even
                // zero and the maximum alone would touch.
                assert!(
                    labels.len() == l.ticks.len() || l.ticks.len() <= 2,
                    "{width} px: {} of the ticks {:?} labelled",
                    labels.len(),
                    tick_values(&l)
                );
                assert!(
                    l.ticks.last().is_some_and(|t| t.label.is_some()),
                    "{width} px: no maximum label"
                );
                for pair in labels.windows(2) {
                    let [a, b] = pair else { continue };
                    let a_right = match a.align {
                        TextAlign::Start => a.x + text::width(&a.text, a.size),
                        TextAlign::Centre => a.x + text::width(&a.text, a.size) / 2.0,
                        TextAlign::End => a.x,
                    };
                    let b_left = match b.align {
                        TextAlign::Start => b.x,
                        TextAlign::Centre => b.x - text::width(&b.text, b.size) / 2.0,
                        TextAlign::End => b.x - text::width(&b.text, b.size),
                    };
                    assert!(
                        a_right <= b_left,
                        "{width} px: {:?} touches {:?}",
                        a.text,
                        b.text
                    );
                }
            }
        }
    }

    /// English tick labels are long ("KRW 500 billion"): where two intervals fit but a 1-2-5 step would need three,
    /// the axis steps by 2.5 (0 / 250 / 500 billion) instead of showing its two ends alone. Before, from 360 to
    /// 440 px this chart's axis was 0 and 500 billion and nothing between (a widget on a phone).
    #[test]
    fn a_linear_axis_that_has_room_for_a_middle_label_shows_one() {
        fn en(v: i64) -> String {
            if v == 0 {
                "KRW 0".to_owned()
            } else {
                format!("KRW {} billion", v / (10 * EOK))
            }
        }
        let chart = BarChart {
            bars: vec![
                bar(
                    "hub",
                    "Ansan Smart Hub",
                    "Total",
                    4_450 * EOK,
                    "about KRW 445 billion",
                    0,
                ),
                bar(
                    "youth",
                    "Youth start-ups",
                    "Grant",
                    19 * EOK,
                    "KRW 1.9 billion",
                    1,
                ),
            ],
            tick_label: en,
            ..sample(Scale::Linear)
        };
        for width in (360..=1_280).step_by(20) {
            let l = lay(&chart, width);
            let values = tick_values(&l);
            assert!(values.len() >= 3, "at {width} px: {values:?}");
            assert!(
                l.ticks.iter().all(|t| t.label.is_some()),
                "at {width} px: a tick unlabelled"
            );
        }
        let l = lay(&chart, 400);
        assert_eq!(tick_values(&l), vec![0, 2_500 * EOK, 5_000 * EOK]);
    }

    #[test]
    fn linear_axis_rounds_up_to_a_nice_maximum() {
        // width, expected step, expected axis max
        let cases: &[(u32, i64, i64)] = &[
            (640, 1_000 * EOK, 5_000 * EOK),
            (1_200, 1_000 * EOK, 5_000 * EOK),
            // Too narrow for six labels side by side (at 360 px the maximum's label, kept inside the chart,
            // would touch the one before it): fewer, coarser steps, every one labelled.
            (360, 2_000 * EOK, 6_000 * EOK),
            (240, 2_000 * EOK, 6_000 * EOK),
        ];
        let chart = sample(Scale::Linear);
        for &(width, step, max) in cases {
            let l = lay(&chart, width);
            let expected: Vec<i64> = (0..=max / step).map(|k| k * step).collect();
            assert_eq!(tick_values(&l), expected, "at {width} px");
            let last = l.ticks.last().and_then(|t| t.label.as_ref());
            assert_eq!(last.map(|lb| lb.text.as_str()), Some(ko(max).as_str()));
            // The axis maximum sits at the right edge of the plot.
            assert_eq!(l.ticks.last().map(|t| t.x), Some(l.plot.x1));
        }
        let l = lay(&chart, 640);
        assert_eq!(
            l.ticks
                .last()
                .and_then(|t| t.label.as_ref())
                .map(|lb| lb.text.clone()),
            Some("5,000억".to_owned())
        );
    }

    #[test]
    fn log_axis_has_decade_ticks_covering_the_data() {
        // (values, expected ticks)
        let cases: &[(&[i64], &[i64])] = &[
            (
                &[19 * EOK, 300 * EOK, 4_450 * EOK],
                &[10 * EOK, 100 * EOK, 1_000 * EOK, JO],
            ),
            (&[10 * EOK], &[10 * EOK, 100 * EOK]),
            (
                &[5_000, 12 * EOK],
                &[
                    1_000,
                    10_000,
                    100_000,
                    1_000_000,
                    10_000_000,
                    EOK,
                    10 * EOK,
                    100 * EOK,
                ],
            ),
        ];
        for &(values, expected) in cases {
            let mut chart = sample(Scale::Log);
            chart.bars = values
                .iter()
                .enumerate()
                .map(|(i, &v)| bar(&i.to_string(), "사업", "금액", v, "값", i))
                .collect();
            let l = lay(&chart, 360);
            assert_eq!(tick_values(&l), expected);
            assert_eq!(l.ticks.first().map(|t| t.x), Some(l.plot.x0));
            assert_eq!(l.ticks.last().map(|t| t.x), Some(l.plot.x1));
            // Bars start at the decade at or below the smallest value, i.e. the plot's left edge.
            assert!(l.rows.iter().all(|r| r.bar.x0 == l.plot.x0));
        }
        let l = lay(&sample(Scale::Log), 360);
        let labels: Vec<_> = l
            .ticks
            .iter()
            .filter_map(|t| t.label.as_ref().map(|lb| lb.text.as_str()))
            .collect();
        assert_eq!(labels, ["10억", "100억", "1,000억", "1조"]);
    }

    #[test]
    fn bar_length_grows_with_value_on_both_scales() {
        let values = [
            3 * EOK,
            19 * EOK,
            19 * EOK,
            300 * EOK,
            301 * EOK,
            4_450 * EOK,
            1,
        ];
        for scale in [Scale::Linear, Scale::Log] {
            for width in [360, 900] {
                let mut chart = sample(scale);
                chart.bars = values
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| bar(&i.to_string(), "사업", "금액", v, "≈값", i))
                    .collect();
                let l = lay(&chart, width);
                let mut pairs: Vec<(i64, f64)> = values
                    .iter()
                    .zip(&l.rows)
                    .map(|(&v, r)| (v, r.bar.width()))
                    .collect();
                pairs.sort_by_key(|&(v, _)| v);
                for w in pairs.windows(2) {
                    if let [(va, wa), (vb, wb)] = w {
                        assert!(wa <= wb, "{scale:?} {width}px: {va}→{wa} vs {vb}→{wb}");
                        if va == vb {
                            assert_eq!(wa, wb);
                        }
                    }
                }
                assert!(pairs.iter().all(|&(_, w)| w >= MIN_BAR));
            }
        }
    }

    #[test]
    fn tiny_bar_keeps_a_visible_width_and_a_readable_label() {
        let l = lay(&sample(Scale::Linear), 360);
        let Some(tiny) = l.rows.first() else {
            panic!("no rows");
        };
        // 19억 of 5,000억 over ~344 px would be 1.3 px.
        assert_eq!(tiny.bar.width(), MIN_BAR);
        assert_eq!(tiny.value.text, "≈19억원");
        assert_eq!(tiny.value.role, TextRole::Value);
        assert!(tiny.value.x > tiny.bar.x1);
        assert!(tiny.value.size >= FONT_VALUE);
    }

    #[test]
    fn value_label_moves_inside_a_bar_that_reaches_the_edge() {
        let mut chart = sample(Scale::Linear);
        chart
            .bars
            .push(bar("max", "전체", "합계", 6_000 * EOK, "6,000억원", 3));
        for width in [360, 900] {
            let l = lay(&chart, width);
            let Some(full) = l.rows.last() else {
                panic!("no rows");
            };
            assert_eq!(full.bar.x1, l.plot.x1);
            assert_eq!(full.value.role, TextRole::ValueInside);
            assert_eq!(full.value.align, TextAlign::End);
            assert!(full.value.x < full.bar.x1 && full.value.x > full.bar.x0);
            let label_left = full.value.x - text::width(&full.value.text, FONT_VALUE);
            // Tone 3 is hatched; the hatching stops before the white label.
            assert!(!full.hatch.is_empty());
            assert!(full
                .hatch
                .iter()
                .all(|[a, b]| a.0 < label_left && b.0 < label_left));
            // The short bars still carry their labels to the right.
            assert!(l
                .rows
                .iter()
                .take(2)
                .all(|r| r.value.role == TextRole::Value));
        }
    }

    #[test]
    fn text_goes_above_bars_on_phones_and_left_of_them_when_wide() {
        let narrow = lay(&sample(Scale::Linear), 360);
        assert!(narrow.text_above);
        for r in &narrow.rows {
            assert!(r.group.y < r.label.y && r.label.y < r.bar.y0);
        }
        let wide = lay(&sample(Scale::Linear), 900);
        assert!(!wide.text_above);
        for r in &wide.rows {
            let right = r.group.x + text::bold_width(&r.group.text, r.group.size);
            assert!(right <= wide.plot.x0, "{} overlaps the plot", r.group.text);
            assert!(r.group.y < r.bar.y1 && r.label.y > r.bar.y0);
        }
    }

    #[test]
    fn long_names_are_shortened_to_fit_a_phone() {
        let mut chart = sample(Scale::Linear);
        let long = "안산시 청년 창업 인큐베이팅 및 스타트업 성장 지원 종합 패키지 사업";
        chart.bars.push(bar("long", long, long, EOK, "1억원", 4));
        for width in [300, 360, 700] {
            let l = lay(&chart, width);
            let Some(r) = l.rows.last() else {
                panic!("no rows");
            };
            assert!(r.group.text.ends_with('…'), "{}", r.group.text);
            let right = r.group.x + text::bold_width(&r.group.text, r.group.size);
            let limit = if l.text_above {
                l.width - PAD
            } else {
                l.plot.x0
            };
            assert!(right <= limit + 1e-9);
        }
    }

    #[test]
    fn pixel_ratio_two_doubles_every_length() {
        for (scale, width) in [
            (Scale::Linear, 360),
            (Scale::Log, 360),
            (Scale::Linear, 900),
        ] {
            let chart = sample(scale);
            let one = lay(&chart, width);
            let two = match layout(&chart, &geom(width, 2.0)) {
                Ok(l) => l,
                Err(e) => panic!("{e}"),
            };
            let twice = |r: Rect| Rect {
                x0: r.x0 * 2.0,
                y0: r.y0 * 2.0,
                x1: r.x1 * 2.0,
                y1: r.y1 * 2.0,
            };
            let twice_label = |l: &Label| (l.x * 2.0, l.y * 2.0, l.size * 2.0);
            let at = |l: &Label| (l.x, l.y, l.size);
            assert_eq!((two.width, two.height), (one.width * 2.0, one.height * 2.0));
            assert_eq!(two.plot, twice(one.plot));
            assert_eq!(two.line_width, 2.0);
            assert_eq!(two.rows.len(), one.rows.len());
            for (a, b) in one.rows.iter().zip(&two.rows) {
                assert_eq!(b.bar, twice(a.bar));
                assert_eq!(b.band, twice(a.band));
                for (la, lb) in [
                    (&a.group, &b.group),
                    (&a.label, &b.label),
                    (&a.value, &b.value),
                ] {
                    assert_eq!(at(lb), twice_label(la));
                    assert_eq!(lb.text, la.text);
                }
                assert_eq!(b.hatch.len(), a.hatch.len());
            }
            assert_eq!(tick_values(&two), tick_values(&one));
            for (a, b) in one.ticks.iter().zip(&two.ticks) {
                assert_eq!(b.x, a.x * 2.0);
                assert_eq!(b.label.as_ref().map(at), a.label.as_ref().map(twice_label));
            }
            assert_eq!(two.source_note.len(), one.source_note.len());
        }
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let with_values = |scale: Scale, values: &[i64]| {
            let mut chart = sample(scale);
            chart.bars = values
                .iter()
                .map(|&v| bar("k", "사업", "금액", v, "값", 0))
                .collect();
            chart
        };
        let ok = geom(360, 1.0);
        let cases: Vec<(&str, BarChart, Geometry, ChartErrorKind)> = vec![
            (
                "empty",
                with_values(Scale::Linear, &[]),
                ok,
                ChartErrorKind::Empty,
            ),
            (
                "zero on log",
                with_values(Scale::Log, &[0, 10]),
                ok,
                ChartErrorKind::NonPositive,
            ),
            (
                "negative on log",
                with_values(Scale::Log, &[-5, 10]),
                ok,
                ChartErrorKind::NonPositive,
            ),
            (
                "negative on linear",
                with_values(Scale::Linear, &[-5]),
                ok,
                ChartErrorKind::NonPositive,
            ),
            (
                "too narrow",
                sample(Scale::Linear),
                geom(100, 1.0),
                ChartErrorKind::TooSmall,
            ),
            (
                "zero width",
                sample(Scale::Linear),
                geom(0, 1.0),
                ChartErrorKind::TooSmall,
            ),
            (
                "too short",
                sample(Scale::Linear),
                Geometry {
                    width: 360,
                    height: 80,
                    pixel_ratio: 1.0,
                },
                ChartErrorKind::TooSmall,
            ),
            (
                "NaN ratio",
                sample(Scale::Linear),
                geom(360, f64::NAN),
                ChartErrorKind::BadGeometry,
            ),
            (
                "zero ratio",
                sample(Scale::Linear),
                geom(360, 0.0),
                ChartErrorKind::BadGeometry,
            ),
            (
                "beyond any drawing",
                sample(Scale::Linear),
                geom(600_000, 2.0),
                ChartErrorKind::TooLarge,
            ),
        ];
        for (name, chart, g, expected) in cases {
            assert_eq!(kind(layout(&chart, &g)), Some(expected), "{name}");
        }
        // The largest amount the checker accepts is drawn, on both axes, with its tick labels apart.
        for scale in [Scale::Linear, Scale::Log] {
            let huge = with_values(scale, &[1, 19 * EOK, i64::MAX]);
            let l = lay(&huge, 640);
            assert!(
                l.rows.iter().all(|r| r.bar.x1 <= l.plot.x1 + 0.5),
                "{scale:?}"
            );
            assert!(
                l.ticks.last().is_some_and(|t| t.label.is_some()),
                "{scale:?}"
            );
        }
        // Zero is a legitimate (empty) budget line on a linear axis.
        let zero = with_values(Scale::Linear, &[0, 10 * EOK]);
        let l = lay(&zero, 360);
        assert_eq!(l.rows.first().map(|r| r.bar.width()), Some(0.0));
        let all_zero = with_values(Scale::Linear, &[0]);
        assert!(layout(&all_zero, &ok).is_ok());
    }

    #[test]
    fn error_messages_name_the_problem() {
        let mut chart = sample(Scale::Log);
        chart.bars.push(bar("z", "무상급식", "국비", 0, "0원", 5));
        let msg = layout(&chart, &geom(360, 1.0)).err().map(|e| e.to_string());
        assert!(
            msg.as_deref()
                .is_some_and(|m| m.contains("무상급식") && m.contains("log")),
            "{msg:?}"
        );
    }

    /// `chart` laid out at `width` and the height `preferred_height` gives it there; panics if it does not fit.
    fn at_preferred_height(chart: &BarChart, width: u32) -> (u32, Layout) {
        let height = preferred_height(chart.bars.len(), &chart.source_note, width);
        let g = Geometry {
            width,
            height,
            pixel_ratio: 1.0,
        };
        match layout(chart, &g) {
            Ok(l) => (height, l),
            Err(e) => panic!("{} bars at {width}×{height}: {e}", chart.bars.len()),
        }
    }

    #[test]
    fn the_note_gets_the_lines_it_takes_and_the_height_changes_only_between_served_drawings() {
        let mut chart = sample(Scale::Linear);
        let notes = [
            String::new(),
            "출처: 안산시, 지역경제 선순환 ‘올인’ (2015년 보도)".to_owned(),
            "Source: “Ansan City goes all in on the local economy” (2015 report), lines 12–20"
                .to_owned(),
            "출처: 안산시 2025년도 세입세출 예산서 사업명세서 (예시 자료) ".repeat(3),
            "가".repeat(400),
        ];
        for note in &notes {
            chart.source_note = note.clone();
            // One height per range of widths a served drawing stands for: below 600, 600–1199, 1200.
            let mut heights: [Option<u32>; 3] = [None; 3];
            for width in MIN_LAYOUT_WIDTH..=FULL_LAYOUT_WIDTH {
                let (height, l) = at_preferred_height(&chart, width);
                let reserved = reserved_note_lines(note, width);
                assert!(reserved <= NOTE_LINES);
                assert!(
                    l.source_note.len() <= reserved,
                    "{note:?} at {width}: {} lines in {reserved}",
                    l.source_note.len()
                );
                let range =
                    usize::from(width >= WIDE_MIN) + usize::from(width >= FULL_LAYOUT_WIDTH);
                let first = *heights[range].get_or_insert(height);
                assert_eq!(first, height, "{note:?}: the height changes at {width} px");
            }
            assert!(heights.iter().all(Option::is_some), "{note:?}: {heights:?}");
        }
        // The article's short note takes one line from 600 px up (it used to keep three, two of them blank),
        // two below; an empty note none; a long one three, cut with "…".
        assert_eq!(reserved_note_lines(&notes[1], 600), 1);
        assert_eq!(reserved_note_lines(&notes[1], 1_200), 1);
        assert_eq!(reserved_note_lines(&notes[1], 300), 2);
        assert_eq!(reserved_note_lines(&notes[0], 1_200), 0);
        assert_eq!(reserved_note_lines(&notes[4], 1_200), NOTE_LINES);
        // And the chart is that much shorter: one note line under it at 1200 px, not three.
        let n = chart.bars.len();
        let (none, short) = (
            preferred_height(n, &notes[0], 1_200),
            preferred_height(n, &notes[1], 1_200),
        );
        assert_eq!(f64::from(short - none), (NOTE_GAP + NOTE_LINE).ceil());
    }

    #[test]
    fn preferred_height_fits_the_rows_it_promises() {
        let mut chart = sample(Scale::Linear);
        chart.source_note = "출처: 안산시 2025년도 세입세출 예산서 사업명세서, 경기도 보조금 교부 결정 통지 및 기타 자료를 편집 (예시)".repeat(8);
        let mut last = 0;
        for n in [1, 3, 12] {
            chart.bars = (0..n)
                .map(|i| {
                    bar(
                        &i.to_string(),
                        "청년 창업 인큐베이팅",
                        "도비 유치",
                        (i as i64 + 1) * EOK,
                        "≈값",
                        i,
                    )
                })
                .collect();
            for width in [280, 360, 599, 600, 1_200] {
                let (height, l) = at_preferred_height(&chart, width);
                let g = Geometry {
                    width,
                    height,
                    pixel_ratio: 1.0,
                };
                // Nothing is laid out below the promised height.
                let bottom = l.source_note.last().map_or(0.0, |lb| lb.y);
                assert!(bottom < f64::from(height));
                assert_eq!(l.source_note.len(), NOTE_LINES);
                // Given more height, a long note shows more of itself.
                let taller = Geometry {
                    height: height + 100,
                    ..g
                };
                let more = layout(&chart, &taller).map_or(0, |l| l.source_note.len());
                assert!(more > NOTE_LINES && more <= MAX_NOTE_LINES, "{more} lines");
                if width == 360 {
                    assert!(height > last, "height must grow with rows");
                    last = height;
                }
            }
        }
    }

    #[test]
    fn hit_test_maps_every_part_of_a_row_to_its_bar() {
        for (scale, width, ratio) in [
            (Scale::Linear, 360, 1.0),
            (Scale::Log, 900, 2.0),
            (Scale::Linear, 360, 3.0),
        ] {
            let l = match layout(&sample(scale), &geom(width, ratio)) {
                Ok(l) => l,
                Err(e) => panic!("{e}"),
            };
            for (i, r) in l.rows.iter().enumerate() {
                let (bx, by) = r.bar.centre();
                assert_eq!(hit_test(&l, bx, by), Some(i), "bar centre of row {i}");
                assert_eq!(
                    hit_test(&l, r.group.x + ratio, r.group.y),
                    Some(i),
                    "group label"
                );
                assert_eq!(
                    hit_test(&l, r.label.x + ratio, r.label.y),
                    Some(i),
                    "figure label"
                );
                assert_eq!(
                    hit_test(&l, r.value.x + 2.0 * ratio, r.value.y),
                    Some(i),
                    "value label"
                );
            }
            for pair in l.rows.windows(2) {
                if let [a, b] = pair {
                    let gap_y = (a.band.y1 + b.band.y0) / 2.0;
                    assert!(gap_y > a.band.y1 && gap_y < b.band.y0);
                    assert_eq!(
                        hit_test(&l, a.bar.x0 + 1.0, gap_y),
                        None,
                        "gap between rows"
                    );
                }
            }
            assert_eq!(hit_test(&l, -1.0, 20.0 * ratio), None);
            assert_eq!(hit_test(&l, l.width / 2.0, l.height + 1.0), None);
            assert_eq!(
                hit_test(&l, l.width / 2.0, l.plot.y1 + 5.0 * ratio),
                None,
                "axis area"
            );
            assert_eq!(hit_test(&l, f64::NAN, f64::NAN), None);
        }
    }

    /// Native-only: the SVG backend is a dev-dependency of the native build alone.
    #[cfg(not(target_arch = "wasm32"))]
    mod svg {
        use super::*;
        use plotters::prelude::{IntoDrawingArea, SVGBackend};
        use plotters::style::RGBColor;

        fn render(chart: &BarChart, width: u32) -> String {
            let g = Geometry {
                width,
                height: preferred_height(chart.bars.len(), &chart.source_note, width),
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
            svg
        }

        fn hex(c: RGBColor) -> String {
            format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
        }

        #[test]
        fn svg_has_one_rect_per_bar_and_all_the_text() {
            let mut five = sample(Scale::Linear);
            five.bars
                .push(bar("rnd", "R&D <지원>", "국비", 7 * EOK, "≈7억원", 3));
            five.bars
                .push(bar("max", "전체", "합계", 5_000 * EOK, "5,000억원", 4));
            for chart in [sample(Scale::Linear), sample(Scale::Log), five] {
                for width in [360, 900] {
                    let svg = render(&chart, width);
                    // One per bar; the others are paper: the ground and what keeps gridlines off the text.
                    // Patterns and markers are lines and polygons.
                    let rects = svg.matches("<rect").count();
                    let paper = format!("fill=\"{}\"", hex(Theme::Light.inks().paper));
                    let grounds = svg
                        .lines()
                        .filter(|l| l.starts_with("<rect") && l.contains(&paper))
                        .count();
                    assert!(grounds >= 1, "{:?} at {width}", chart.scale);
                    assert_eq!(
                        rects - grounds,
                        chart.bars.len(),
                        "{:?} at {width}",
                        chart.scale
                    );
                    let fills: Vec<String> = Theme::Light
                        .inks()
                        .palette
                        .iter()
                        .map(|&c| format!("fill=\"{}\"", hex(c)))
                        .collect();
                    let bar_rects = svg
                        .lines()
                        .filter(|l| l.starts_with("<rect") && fills.iter().any(|f| l.contains(f)))
                        .count();
                    assert_eq!(bar_rects, chart.bars.len());
                    let escape = |s: &str| {
                        s.replace('&', "&amp;")
                            .replace('<', "&lt;")
                            .replace('>', "&gt;")
                    };
                    for b in &chart.bars {
                        assert!(
                            svg.contains(&escape(&b.value_label)),
                            "value {}",
                            b.value_label
                        );
                        assert!(svg.contains(&escape(&b.group)), "group {}", b.group);
                        assert!(svg.contains(&escape(&b.label)), "label {}", b.label);
                    }
                    assert!(svg.contains(&chart.source_note));
                    assert!(svg.contains(&chart.axis_title));
                    assert!(svg.contains("청년 창업 인큐베이팅"), "Hangul must survive");
                    assert!(svg.contains("Noto Sans CJK KR"));
                }
            }
        }

        #[test]
        fn svg_shows_the_tick_labels_it_laid_out() {
            let svg = render(&sample(Scale::Log), 360);
            for t in ["10억", "100억", "1,000억", "1조"] {
                assert!(svg.contains(&format!("\n{t}\n")), "tick {t}");
            }
            let svg = render(&sample(Scale::Linear), 360);
            for t in ["0원", "2,000억", "4,000억", "6,000억"] {
                assert!(svg.contains(&format!("\n{t}\n")), "tick {t}");
            }
        }

        #[test]
        fn draw_refuses_a_layout_for_other_data() {
            let chart = sample(Scale::Linear);
            let l = lay(&chart, 360);
            let mut other = chart.clone();
            other.bars.pop();
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (360, 600)).into_drawing_area();
            let err = draw(&area, &other, &l, Theme::Light).err().map(|e| e.kind);
            assert_eq!(err, Some(ChartErrorKind::Mismatch));
        }

        #[test]
        fn backend_errors_become_chart_errors() {
            let e: ChartError =
                plotters::drawing::DrawingAreaErrorKind::<std::io::Error>::SharingError.into();
            assert_eq!(e.kind, ChartErrorKind::Backend);
            assert!(e.to_string().starts_with("drawing failed"));
        }
    }
}
