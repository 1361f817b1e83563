//! A plotters drawing backend for a browser canvas, for the charts' display lists (filled rectangles,
//! polylines, filled polygons and circles, and text). It does what plotters-canvas did, with differences that
//! matter on a phone:
//! - colours and fonts are written with integer arithmetic, so no float formatting code is linked into the
//!   `.wasm` (9.5 KB before `wasm-opt`, measured);
//! - a style is only set on the context when it changes;
//! - lines drawn one after another in one colour and width are stroked as one path, as the SVG drawings join
//!   them (`chart::export::join_lines`, which says the one difference: where two translucent lines of a path
//!   cross, the crossing is not darker). A chart's hatching and gridlines are hundreds of lines: the overview's
//!   two charts were 723 strokes, each with its own style, path and `stroke()` call.
//!
//! Text is never measured: chart layouts estimate their text (see `chart::text`).
//!
//! A line's `stroke()` may wait for the next drawing call, or for `present()`: a drawing area is presented when
//! it is done (`DrawingArea::present`).

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
    /// What the context was last given (a new context's are unknown, so the first of each is always set).
    stroke_style: Option<(Rgba, u32)>,
    fill_style: Option<Rgba>,
    font: Option<String>,
    anchor: Option<(&'static str, &'static str)>,
    /// The style of the lines in the context's current path whose `stroke()` is still to come.
    open_lines: Option<(Rgba, u32)>,
}

/// A colour as plotters gives it, comparable: red, green, blue and the alpha's bits.
type Rgba = (u8, u8, u8, u64);

fn rgba(c: BackendColor) -> Rgba {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

impl Canvas {
    /// The canvas's 2D context, or `None` if it has none.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Canvas> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Canvas {
            canvas,
            context,
            stroke_style: None,
            fill_style: None,
            font: None,
            anchor: None,
            open_lines: None,
        })
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        let key = (rgba(style.color()), style.stroke_width());
        if self.stroke_style != Some(key) {
            self.context
                .set_stroke_style_str(&css_colour(style.color()));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.stroke_style = Some(key);
        }
    }

    fn fill(&mut self, colour: BackendColor) {
        let key = rgba(colour);
        if self.fill_style != Some(key) {
            self.context.set_fill_style_str(&css_colour(colour));
            self.fill_style = Some(key);
        }
    }

    /// Strokes the lines waiting in the current path, if any: before anything else is drawn, so the order of
    /// drawing is kept.
    fn close_lines(&mut self) {
        if self.open_lines.take().is_some() {
            self.context.stroke();
        }
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
        self.close_lines();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if colour.alpha > 0.0 {
            self.close_lines();
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
        self.close_lines();
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
        // A line in the style of the path still open joins it; any other starts a new one.
        let key = (rgba(style.color()), style.stroke_width());
        if self.open_lines != Some(key) {
            self.close_lines();
            self.stroke(style);
            self.context.begin_path();
            self.open_lines = Some(key);
        }
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
        self.close_lines();
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
        self.close_lines();
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
        self.close_lines();
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.anchor != Some((baseline, align)) {
            self.context.set_text_baseline(baseline);
            self.context.set_text_align(align);
            self.anchor = Some((baseline, align));
        }
        let font = css_font(style);
        if self.font.as_deref() != Some(font.as_str()) {
            self.context.set_font(&font);
            self.font = Some(font);
        }
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

#[cfg(all(test, target_arch = "wasm32"))]
mod in_the_browser {
    use super::*;
    use plotters::coord::Shift;
    use plotters::element::{PathElement, Rectangle};
    use plotters::prelude::{DrawingArea, IntoDrawingArea};
    use plotters::style::{Color, RGBColor, ShapeStyle};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    const RED: RGBColor = RGBColor(200, 0, 0);
    const BLUE: RGBColor = RGBColor(0, 0, 200);

    fn canvas() -> HtmlCanvasElement {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let canvas: HtmlCanvasElement = doc
            .create_element("canvas")
            .expect("a canvas")
            .dyn_into()
            .expect("a canvas element");
        canvas.set_width(40);
        canvas.set_height(40);
        canvas
    }

    /// A fresh canvas and a plotters drawing area on it, through our backend.
    fn drawing_area() -> (HtmlCanvasElement, DrawingArea<Canvas, Shift>) {
        let canvas = canvas();
        let area = Canvas::new(canvas.clone())
            .expect("a 2D context")
            .into_drawing_area();
        (canvas, area)
    }

    fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> Vec<u8> {
        let context = Canvas::new(canvas.clone()).expect("a 2D context").context;
        context
            .get_image_data(x, y, 1.0, 1.0)
            .expect("pixels")
            .data()
            .to_vec()
    }

    fn line(y: i32, colour: RGBColor) -> PathElement<(i32, i32)> {
        let style = ShapeStyle {
            color: colour.to_rgba(),
            filled: false,
            stroke_width: 4,
        };
        PathElement::new(vec![(0, y), (40, y)], style)
    }

    #[wasm_bindgen_test]
    fn lines_in_one_style_are_all_drawn_and_what_follows_is_drawn_over_them() {
        let (canvas, area) = drawing_area();
        // Three lines in one style (one path), a rectangle over the first, then a line in another style.
        area.draw(&line(6, RED)).expect("drawn");
        area.draw(&line(20, RED)).expect("drawn");
        area.draw(&line(34, RED)).expect("drawn");
        area.draw(&Rectangle::new([(0, 0), (20, 12)], BLUE.filled()))
            .expect("drawn");
        area.draw(&line(34, BLUE)).expect("drawn");
        area.present().expect("presented");
        for (x, y, want, what) in [
            (
                10.0,
                6.0,
                [0, 0, 200, 255],
                "the rectangle covers the first line",
            ),
            (30.0, 6.0, [200, 0, 0, 255], "the first line beside it"),
            (10.0, 20.0, [200, 0, 0, 255], "the second line"),
            (10.0, 34.0, [0, 0, 200, 255], "the blue line over the third"),
            (10.0, 27.0, [0, 0, 0, 0], "nothing between the lines"),
        ] {
            assert_eq!(pixel(&canvas, x, y), want, "{what}");
        }
    }

    #[wasm_bindgen_test]
    fn the_last_lines_are_drawn_when_the_area_is_presented() {
        let (canvas, area) = drawing_area();
        area.draw(&line(20, RED)).expect("drawn");
        area.present().expect("presented");
        assert_eq!(pixel(&canvas, 10.0, 20.0), [200, 0, 0, 255]);
    }
}
