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
use super::ChartError;

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
