//! The only backend-generic drawing code: replays a display list of primitives onto any plotters backend.
//!
//! Generic functions are compiled once per backend type, so everything that can be decided without the
//! backend (positions, colours, wording) is decided earlier, in concrete code, and arrives here as data.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBAColor, ShapeStyle, TextStyle};

use super::style::FONT_FAMILY;
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

pub(crate) fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    primitives: &[Primitive<'_>],
) -> Result<(), ChartError> {
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
                    font: FontDesc::new(FontFamily::Name(FONT_FAMILY), *size, weight),
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
