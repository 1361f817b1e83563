//! The display list: drawing primitives, the concrete helpers that build them from layout types, and the
//! only backend-generic drawing code, which replays a list of primitives onto any plotters backend.
//!
//! Generic functions are compiled once per backend type, so everything that can be decided without the
//! backend (positions, colours, wording) is decided earlier, in concrete code, and arrives here as data.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{
    Color, FontDesc, FontFamily, FontStyle, RGBAColor, RGBColor, ShapeStyle, TextStyle,
};

use super::common::{Label, Marker, Rect, Stroke, TextAlign};
use super::style::{Inks, FONT_FAMILY};
use super::{text as measure, ChartError};

/// A device-pixel coordinate, as plotters backends take them.
pub(crate) type Point = (i32, i32);

/// One drawing instruction. Text is always vertically centred on `at`, which is the one anchor both the
/// canvas (`textBaseline = "middle"`) and SVG backends honour closely.
pub(crate) enum Primitive<'a> {
    Rect {
        from: Point,
        to: Point,
        colour: RGBAColor,
    },
    Path {
        points: Vec<Point>,
        colour: RGBAColor,
        width: u32,
    },
    Polygon {
        points: Vec<Point>,
        colour: RGBAColor,
    },
    Circle {
        centre: Point,
        radius: i32,
        colour: RGBAColor,
    },
    Text {
        text: &'a str,
        at: Point,
        size: f64,
        bold: bool,
        colour: RGBAColor,
        h: HPos,
    },
}

pub(crate) fn px(v: f64) -> i32 {
    // `as` saturates and maps NaN to 0, so no value can panic here.
    v.round() as i32
}

pub(crate) fn point((x, y): (f64, f64)) -> Point {
    (px(x), px(y))
}

pub(crate) fn rgba(c: RGBColor, alpha: f64) -> RGBAColor {
    c.mix(alpha)
}

/// An opaque ground in the theme's paper, then a gridline across `plot` at each of `tick_xs`. Inks are
/// chosen for contrast on that paper, and a transparent canvas on another page colour would silently break it.
pub(crate) fn backdrop(
    inks: &Inks,
    width: f64,
    height: f64,
    plot: Rect,
    tick_xs: impl Iterator<Item = f64>,
    stroke: u32,
) -> Vec<Primitive<'static>> {
    let mut out = vec![Primitive::Rect {
        from: (0, 0),
        to: point((width, height)),
        colour: rgba(inks.paper, 1.0),
    }];
    let grid = rgba(inks.grid, 1.0);
    out.extend(tick_xs.map(|x| line(&[(x, plot.y0), (x, plot.y1)], grid, stroke)));
    out
}

/// Room kept clear around a text's estimated glyphs, in em: across (the estimate already errs wide for most text)
/// and above and below its centre line (Hangul and descenders stay within about ±0.55 em of it).
const CLEAR_ACROSS_EM: f64 = 0.15;
const CLEAR_HALF_HEIGHT_EM: f64 = 0.6;

/// The box a text primitive's glyphs take, by the same estimate layout places text with, and a little room around.
fn text_box(p: &Primitive<'_>) -> Option<Rect> {
    let Primitive::Text {
        text,
        at: (x, y),
        size,
        bold,
        h,
        ..
    } = p
    else {
        return None;
    };
    let width = if *bold {
        measure::bold_width(text, *size)
    } else {
        measure::width(text, *size)
    };
    let x0 = match h {
        HPos::Left => f64::from(*x),
        HPos::Center => f64::from(*x) - width / 2.0,
        HPos::Right => f64::from(*x) - width,
    };
    let (across, half) = (CLEAR_ACROSS_EM * size, CLEAR_HALF_HEIGHT_EM * size);
    Some(Rect {
        x0: x0 - across,
        y0: f64::from(*y) - half,
        x1: x0 + width + across,
        y1: f64::from(*y) + half,
    })
}

/// Puts paper under each text drawn from `list[from..]` that reaches into `plot`, cut to `plot`, before the first
/// of those. Between the lines that span the plot (gridlines, a reference line) and what is drawn over them, it stops
/// those lines short of every label instead of running through its glyphs, and hides nothing else: bars, markers and
/// text all come after it.
pub(crate) fn paper_under_text(
    list: &mut Vec<Primitive<'_>>,
    from: usize,
    plot: Rect,
    paper: RGBColor,
) {
    let colour = rgba(paper, 1.0);
    let Some(drawn) = list.get(from..) else {
        return;
    };
    let clear: Vec<Primitive<'static>> = drawn
        .iter()
        .filter_map(text_box)
        .filter(|b| b.x1 > plot.x0 && b.x0 < plot.x1 && b.y1 > plot.y0 && b.y0 < plot.y1)
        .map(|b| {
            rect(
                Rect {
                    x0: b.x0.max(plot.x0),
                    y0: b.y0.max(plot.y0),
                    x1: b.x1.min(plot.x1),
                    y1: b.y1.min(plot.y1),
                },
                colour,
            )
        })
        .collect();
    let n = clear.len();
    list.extend(clear);
    if let Some(tail) = list.get_mut(from..) {
        tail.rotate_right(n);
    }
}

pub(crate) fn rect(r: Rect, colour: RGBAColor) -> Primitive<'static> {
    Primitive::Rect {
        from: point((r.x0, r.y0)),
        to: point((r.x1, r.y1)),
        colour,
    }
}

pub(crate) fn line(s: &Stroke, colour: RGBAColor, width: u32) -> Primitive<'static> {
    let [a, b] = *s;
    Primitive::Path {
        points: vec![point(a), point(b)],
        colour,
        width,
    }
}

pub(crate) fn marker(m: &Marker, colour: RGBAColor) -> Primitive<'static> {
    match m {
        Marker::Circle { cx, cy, r } => Primitive::Circle {
            centre: point((*cx, *cy)),
            radius: px(*r),
            colour,
        },
        Marker::Polygon(points) => Primitive::Polygon {
            points: points.iter().copied().map(point).collect(),
            colour,
        },
    }
}

/// A label in the weight and ink its chart's role mapping chose.
pub(crate) fn text<R>(l: &Label<R>, ink: RGBColor, bold: bool) -> Primitive<'_> {
    let h = match l.align {
        TextAlign::Start => HPos::Left,
        TextAlign::Centre => HPos::Center,
        TextAlign::End => HPos::Right,
    };
    Primitive::Text {
        text: &l.text,
        at: point((l.x, l.y)),
        size: l.size,
        bold,
        colour: rgba(ink, 1.0),
        h,
    }
}

/// plotters' SVG backend writes `font-size` as the requested size divided by 1.24 (plotters-svg's `draw_text`);
/// the canvas backend uses it as is. Text for the SVG backend is asked 1.24 times larger, so a downloaded or
/// pre-rendered SVG has the same text size as the canvas. The backend is known only by its type here.
fn text_factor<DB>() -> f64 {
    if std::any::type_name::<DB>().contains("SVGBackend") {
        1.24
    } else {
        1.0
    }
}

pub(crate) fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    primitives: &[Primitive<'_>],
) -> Result<(), ChartError> {
    let text_factor = text_factor::<DB>();
    for primitive in primitives {
        match primitive {
            Primitive::Rect { from, to, colour } => {
                area.draw(&Rectangle::new([*from, *to], fill(*colour)))?;
            }
            Primitive::Path {
                points,
                colour,
                width,
            } => {
                let style = ShapeStyle {
                    color: *colour,
                    filled: false,
                    stroke_width: *width,
                };
                area.draw(&PathElement::new(points.clone(), style))?;
            }
            Primitive::Polygon { points, colour } => {
                area.draw(&Polygon::new(points.clone(), fill(*colour)))?;
            }
            Primitive::Circle {
                centre,
                radius,
                colour,
            } => {
                area.draw(&Circle::new(*centre, *radius, fill(*colour)))?;
            }
            Primitive::Text {
                text,
                at,
                size,
                bold,
                colour,
                h,
            } => {
                let weight = if *bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Normal
                };
                let style = TextStyle {
                    font: FontDesc::new(FontFamily::Name(FONT_FAMILY), *size * text_factor, weight),
                    color: colour.to_backend_color(),
                    pos: Pos::new(*h, VPos::Center),
                };
                area.draw(&Text::new(*text, *at, style))?;
            }
        }
    }
    Ok(())
}

fn fill(colour: RGBAColor) -> ShapeStyle {
    ShapeStyle {
        color: colour,
        filled: true,
        stroke_width: 0,
    }
}

/// For the charts' tests: each text of `list` that a line in ink `lines` (a gridline, a reference line) drawn
/// before it runs through, with nothing in `paper` drawn between them over the crossing. The text's glyphs are
/// taken by the layout's estimate, without the room `paper_under_text` keeps around them.
#[cfg(test)]
pub(crate) fn texts_crossed(
    list: &[Primitive<'_>],
    lines: &[RGBColor],
    paper: RGBColor,
) -> Vec<String> {
    let is = |c: &RGBAColor, inks: &[RGBColor]| inks.iter().any(|&i| rgba(i, 1.0) == *c);
    let mut crossed = Vec::new();
    for (t, text) in list.iter().enumerate() {
        let (
            Primitive::Text {
                text: words, size, ..
            },
            Some(b),
        ) = (text, text_box(text))
        else {
            continue;
        };
        let (across, half) = (CLEAR_ACROSS_EM * size, (CLEAR_HALF_HEIGHT_EM - 0.1) * size);
        let (cy, glyphs) = ((b.y0 + b.y1) / 2.0, (b.x0 + across, b.x1 - across));
        let (top, bottom) = (cy - half, cy + half);
        for (l, line) in list.iter().enumerate().take(t) {
            let Primitive::Path { points, colour, .. } = line else {
                continue;
            };
            let &[(x0, y0), (x1, y1)] = points.as_slice() else {
                continue;
            };
            let (x, from, to) = (f64::from(x0), f64::from(y0.min(y1)), f64::from(y0.max(y1)));
            if !is(colour, lines) || x1 != x0 || x <= glyphs.0 || x >= glyphs.1 {
                continue;
            }
            let (from, to) = (from.max(top), to.min(bottom));
            if from >= to {
                continue;
            }
            let covered = list.iter().take(t).skip(l + 1).any(|p| match p {
                Primitive::Rect {
                    from: a,
                    to: z,
                    colour,
                } => {
                    is(colour, &[paper])
                        && f64::from(a.0) <= x
                        && x <= f64::from(z.0)
                        && f64::from(a.1) <= from
                        && to <= f64::from(z.1)
                }
                _ => false,
            });
            if !covered {
                crossed.push(format!("{words:?} by the line at x {x}"));
            }
        }
    }
    crossed
}

/// For the charts' tests: `list` without the paper `paper_under_text` put in (every rect in `paper` but the first,
/// the ground), to show a test's charts do have lines through their text to stop.
#[cfg(test)]
pub(crate) fn without_paper_under_text<'a>(
    list: Vec<Primitive<'a>>,
    paper: RGBColor,
) -> Vec<Primitive<'a>> {
    let paper = rgba(paper, 1.0);
    let mut grounds = 0;
    list.into_iter()
        .filter(|p| match p {
            Primitive::Rect { colour, .. } if *colour == paper => {
                grounds += 1;
                grounds == 1
            }
            _ => true,
        })
        .collect()
}
