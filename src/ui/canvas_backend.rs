//! A plotters drawing backend for a browser canvas, for the charts' display lists (filled rectangles,
//! polylines, filled polygons and circles, and text). It does what plotters-canvas did, with two differences
//! that matter on a phone: colours and fonts are written with integer arithmetic, so no float formatting
//! code is linked into the `.wasm` (9.5 KB before `wasm-opt`, measured), and a style is only set on the context
//! when it changes. Text is never measured: chart layouts estimate their text (see `chart::text`).

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};
use std::fmt;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What went wrong on the canvas (a JavaScript exception, as text).
#[derive(Debug)]
pub struct CanvasError(String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

pub struct Canvas {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
}

impl Canvas {
    /// The canvas's 2D context, or `None` if it has none.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Canvas { canvas, context })
    }

    fn stroke(&self, style: &impl BackendStyle) {
        self.context
            .set_stroke_style_str(&css_colour(style.color()));
        self.context.set_line_width(f64::from(style.stroke_width()));
    }

    fn fill(&self, colour: BackendColor) {
        self.context.set_fill_style_str(&css_colour(colour));
    }
}

/// `#rrggbb`, or `rgba(r,g,b,0.xyz)` when not opaque; the alpha in thousandths, by integers.
fn css_colour(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    // `as` saturates and maps NaN to 0.
    let milli = (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
    if milli >= 1000 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("rgba({r},{g},{b},0.{milli:03})")
    }
}

/// A CSS font: weight, size in px to a tenth (by integers), family.
fn css_font(style: &impl BackendTextStyle) -> String {
    let tenths = (style.size() * 10.0).round().max(0.0) as u64;
    let weight = match style.style() {
        FontStyle::Bold => "bold ",
        FontStyle::Italic => "italic ",
        FontStyle::Oblique => "oblique ",
        FontStyle::Normal => "",
    };
    format!(
        "{weight}{}.{}px {}",
        tenths / 10,
        tenths % 10,
        style.family().as_str()
    )
}

fn js_error(e: wasm_bindgen::JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(
        e.as_string().unwrap_or_else(|| "canvas error".to_owned()),
    ))
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if colour.alpha > 0.0 {
            self.fill(colour);
            self.context
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let w = f64::from(bottom_right.0) - x;
        let h = f64::from(bottom_right.1) - y;
        if fill {
            self.fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        // A horizontal or vertical line of odd width sits on pixel centres, so it is crisp, not two pixels of grey.
        let half = if style.stroke_width() % 2 == 1 {
            0.5
        } else {
            0.0
        };
        let nudge = |a: i32, b: i32| {
            if a == b {
                f64::from(a) - half
            } else {
                f64::from(a)
            }
        };
        self.stroke(style);
        self.context.begin_path();
        for (i, p) in points.iter().enumerate() {
            let next = points
                .get(i + 1)
                .or_else(|| i.checked_sub(1).and_then(|j| points.get(j)));
            let (x, y) = match next {
                Some(q) => (nudge(p.0, q.0), nudge(p.1, q.1)),
                None => (f64::from(p.0), f64::from(p.1)),
            };
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
        self.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.fill(style.color());
        self.context.begin_path();
        for (i, p) in vertices.into_iter().enumerate() {
            let (x, y) = (f64::from(p.0), f64::from(p.1));
            if i == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
        self.context.close_path();
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(centre.0),
                f64::from(centre.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(js_error)?;
        if fill {
            self.fill(style.color());
            self.context.fill();
        } else {
            self.stroke(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let colour = style.color();
        if colour.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.context.set_font(&css_font(style));
        self.fill(colour);
        self.context
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(js_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_fonts_are_written_without_floats() {
        let opaque = BackendColor {
            alpha: 1.0,
            rgb: (31, 95, 168),
        };
        assert_eq!(css_colour(opaque), "#1f5fa8");
        let faint = BackendColor {
            alpha: 0.125,
            rgb: (1, 2, 3),
        };
        assert_eq!(css_colour(faint), "rgba(1,2,3,0.125)");
        let nan = BackendColor {
            alpha: f64::NAN,
            rgb: (0, 0, 0),
        };
        assert_eq!(css_colour(nan), "rgba(0,0,0,0.000)");
    }
}
