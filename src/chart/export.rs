//! A chart as a picture to take away (PNG from a canvas, SVG as a string): the chart's title drawn above it,
//! since on screen the title is HTML and a downloaded image would otherwise lose it; the source line is part
//! of every chart already. Generic over the backend like the charts themselves.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::{DrawingBackend, IntoDrawingArea, SVGBackend};
use plotters::style::text_anchor::HPos;

use super::paint::{self, rgba, Primitive};
use super::timeline::{self, TimelineChart};
use super::{bars, text, BarChart, ChartError, ChartErrorKind, Geometry, Theme};

/// Which chart to draw.
#[derive(Clone, Copy, Debug)]
pub enum Picture<'a> {
    Bars(&'a BarChart),
    Timeline(&'a TimelineChart),
}

const PAD: f64 = 16.0;
const TITLE_SIZE: f64 = 18.0;
const TITLE_LINE: f64 = 26.0;
const MAX_TITLE_LINES: usize = 3;

/// The size of a framed picture in CSS px and where its parts go.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    title_lines: Vec<String>,
    chart_height: u32,
}

impl Frame {
    /// Fits `title` (wrapped, at most three lines) above the chart at `width` CSS px.
    pub fn new(picture: Picture<'_>, title: &str, width: u32) -> Frame {
        let title = xml_safe(title);
        let inner = (f64::from(width) - 2.0 * PAD).max(0.0);
        let title_lines = text::wrap(&title, TITLE_SIZE, inner, MAX_TITLE_LINES);
        let chart_height = match picture {
            Picture::Bars(c) => bars::preferred_height(c.bars.len(), &c.source_note, width),
            Picture::Timeline(c) => {
                timeline::preferred_height(c.spans.len(), &c.source_note, width)
            }
        };
        let band = title_band(title_lines.len());
        Frame {
            width,
            height: chart_height.saturating_add(band),
            title_lines,
            chart_height,
        }
    }
}

fn title_band(lines: usize) -> u32 {
    if lines == 0 {
        0
    } else {
        // Saturating cast: at most three lines, so this is a small number.
        (PAD + lines as f64 * TITLE_LINE) as u32
    }
}

/// Draws the framed picture onto `area`, which must be `frame.width × frame.height` CSS px times
/// `pixel_ratio` device px.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    picture: Picture<'_>,
    frame: &Frame,
    pixel_ratio: f64,
    theme: Theme,
) -> Result<(), ChartError> {
    let inks = theme.inks();
    let r = pixel_ratio;
    let band = f64::from(title_band(frame.title_lines.len())) * r;
    let mut title: Vec<Primitive<'_>> = vec![Primitive::Rect {
        from: (0, 0),
        to: paint::point((f64::from(frame.width) * r, band)),
        colour: rgba(inks.paper, 1.0),
    }];
    title.extend(frame.title_lines.iter().enumerate().map(|(i, line)| {
        let y = PAD + (i as f64 + 0.5) * TITLE_LINE;
        Primitive::Text {
            text: line,
            at: paint::point((PAD * r, y * r)),
            size: TITLE_SIZE * r,
            bold: true,
            colour: rgba(inks.text, 1.0),
            h: HPos::Left,
        }
    }));
    paint::paint(area, &title)?;
    let (_, lower) = area.split_vertically(paint::px(band));
    let geometry = Geometry {
        width: frame.width,
        height: frame.chart_height,
        pixel_ratio: r,
    };
    match picture {
        Picture::Bars(c) => {
            let layout = bars::layout(c, &geometry)?;
            bars::draw(&lower, c, &layout, theme)
        }
        Picture::Timeline(c) => {
            let layout = timeline::layout(c, &geometry)?;
            timeline::draw(&lower, c, &layout, theme)
        }
    }
}

/// The framed picture as a standalone SVG document, `width` CSS px wide. Text is escaped by plotters; every
/// character XML 1.0 forbids is removed, so the file always parses.
pub fn svg(
    picture: Picture<'_>,
    title: &str,
    width: u32,
    theme: Theme,
) -> Result<String, ChartError> {
    let frame = Frame::new(picture, title, width);
    let mut out = String::new();
    {
        let area =
            SVGBackend::with_string(&mut out, (frame.width, frame.height)).into_drawing_area();
        draw(&area, picture, &frame, 1.0, theme)?;
        area.present().map_err(|e| {
            ChartError::new(ChartErrorKind::Backend, format!("drawing failed: {e}"))
        })?;
    }
    Ok(join_lines(&xml_safe(&out)))
}

/// `svg` with each run of consecutive unfilled `<polyline>`s of one style (plotters' SVG backend writes one a
/// line, as here) joined into one `<path>` whose subpaths are those lines: the same picture in a fraction of the
/// bytes. A timeline's dashes and hatching are hundreds of short lines, which made the overview's two static
/// timelines 74 KB of its 110 KB of HTML. One difference: a translucent path is painted as a whole, so where two
/// of its lines cross, the crossing is not darker. The lines joined here (grid, dashes, a span's hatching, whose
/// lines are parallel) never cross.
pub fn join_lines(svg: &str) -> String {
    /// The style and points of a line that can be joined.
    fn polyline(line: &str) -> Option<(&str, &str)> {
        let inner = line
            .trim_end()
            .strip_prefix("<polyline ")?
            .strip_suffix("\"/>")?;
        let (style, points) = inner.split_once(" points=\"")?;
        let joinable = style.starts_with("fill=\"none\" ") && !points.contains('"');
        joinable.then_some((style, points))
    }
    fn flush(out: &mut String, run: &mut Option<(&str, String)>) {
        if let Some((style, d)) = run.take() {
            out.push_str("<path ");
            out.push_str(style);
            out.push_str(" d=\"");
            out.push_str(&d);
            out.push_str("\"/>\n");
        }
    }
    let mut out = String::with_capacity(svg.len());
    let mut run: Option<(&str, String)> = None;
    for line in svg.split_inclusive('\n') {
        let Some((style, points)) = polyline(line) else {
            flush(&mut out, &mut run);
            out.push_str(line);
            continue;
        };
        if run.as_ref().is_some_and(|(s, _)| *s != style) {
            flush(&mut out, &mut run);
        }
        let d = &mut run.get_or_insert_with(|| (style, String::new())).1;
        // Each point after the first as a step from the one before (`h`, `v` or `l`), in whole pixels as
        // plotters writes them: a dash is `v4`, not `L273,28`. A point that is not two integers stays absolute.
        let mut prev: Option<(i64, i64)> = None;
        for (i, point) in points.split_whitespace().enumerate() {
            let xy = point
                .split_once(',')
                .and_then(|(x, y)| Some((x.parse::<i64>().ok()?, y.parse::<i64>().ok()?)));
            let step = prev
                .zip(xy)
                .and_then(|((px, py), (x, y))| Some((x.checked_sub(px)?, y.checked_sub(py)?)));
            match (i, step) {
                (0, _) => {
                    d.push('M');
                    d.push_str(point);
                }
                (_, Some((0, dy))) => d.push_str(&format!("v{dy}")),
                (_, Some((dx, 0))) => d.push_str(&format!("h{dx}")),
                (_, Some((dx, dy))) => d.push_str(&format!("l{dx},{dy}")),
                (_, None) => {
                    d.push('L');
                    d.push_str(point);
                }
            }
            prev = xy;
        }
    }
    flush(&mut out, &mut run);
    out
}

/// `s` without the characters XML 1.0 does not allow (C0 controls other than tab, LF and CR; U+FFFE/U+FFFF)
/// and without DEL and C1 controls, which no label needs.
pub fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !(matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}')
                || matches!(c, '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}'))
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn runs_of_lines_of_one_style_become_one_path() {
        let a = "<polyline fill=\"none\" opacity=\"1\" stroke=\"#5F6670\" stroke-width=\"1\" points=\"273,24 273,28 \"/>\n";
        let b = "<polyline fill=\"none\" opacity=\"1\" stroke=\"#5F6670\" stroke-width=\"1\" points=\"1,2 3,4 5,6 \"/>\n";
        let other = "<polyline fill=\"none\" opacity=\"1\" stroke=\"#D5D9DE\" stroke-width=\"1\" points=\"7,8 9,10 \"/>\n";
        let faint = "<polyline fill=\"none\" opacity=\"0.5\" stroke=\"#5F6670\" stroke-width=\"1\" points=\"0,0 1,1 \"/>\n";
        let filled = "<polyline fill=\"#000000\" opacity=\"1\" stroke=\"#5F6670\" stroke-width=\"1\" points=\"0,0 1,1 \"/>\n";
        let text = "<text x=\"1\" y=\"2\">a</text>\n";
        let svg = format!("<svg>\n{a}{b}{other}{faint}{faint}{a}{text}{a}</svg>\n");
        let joined = join_lines(&svg);
        let style = "fill=\"none\" opacity=\"1\" stroke=\"#5F6670\" stroke-width=\"1\"";
        assert_eq!(
            joined,
            format!(
                "<svg>\n<path {style} d=\"M273,24v4M1,2l2,2l2,2\"/>\n\
                 <path fill=\"none\" opacity=\"1\" stroke=\"#D5D9DE\" stroke-width=\"1\" d=\"M7,8l2,2\"/>\n\
                 <path fill=\"none\" opacity=\"0.5\" stroke=\"#5F6670\" stroke-width=\"1\" d=\"M0,0l1,1M0,0l1,1\"/>\n\
                 <path {style} d=\"M273,24v4\"/>\n{text}<path {style} d=\"M273,24v4\"/>\n</svg>\n"
            )
        );
        // Steps along each axis, back and forth; a point that is not whole pixels stays where it is.
        let zigzag = "<polyline fill=\"none\" stroke=\"#000000\" points=\"10,10 4,10 4,2 9,-3 1.5,2 3,4 \"/>\n";
        assert_eq!(
            join_lines(zigzag),
            "<path fill=\"none\" stroke=\"#000000\" d=\"M10,10h-6v-8l5,-5L1.5,2L3,4\"/>\n"
        );
        // Nothing else changes.
        assert_eq!(
            join_lines(&format!("<svg>\n{text}{filled}</svg>")),
            format!("<svg>\n{text}{filled}</svg>")
        );
    }

    use super::*;
    use crate::chart::{Bar, Scale};

    fn chart(label: &str) -> BarChart {
        BarChart {
            bars: vec![
                Bar {
                    key: "a".into(),
                    group: "안산스마트허브".into(),
                    label: label.into(),
                    value: 445_000_000_000,
                    value_label: "약 4,450억원".into(),
                    tone: 0,
                },
                Bar {
                    key: "b".into(),
                    group: "강소기업".into(),
                    label: "예산".into(),
                    value: 5_000_000_000,
                    value_label: "50억원".into(),
                    tone: 2,
                },
            ],
            scale: Scale::Linear,
            axis_title: "금액 (원)".into(),
            source_note: "출처: 안산시, 지역경제 선순환 ‘올인’ (2015년 보도)".into(),
            tick_label: |v| v.to_string(),
        }
    }

    #[test]
    fn svg_has_the_title_and_is_well_formed_even_with_hostile_names() {
        let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>\u{1}\u{7}";
        let c = chart(hostile);
        for theme in [Theme::Light, Theme::Dark] {
            let svg = svg(Picture::Bars(&c), "사업별 보도 금액 <b>&", 640, theme).expect("svg");
            assert!(svg.contains("사업별 보도 금액 &lt;b&gt;&amp;"), "{svg}");
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("<img"), "{svg}");
            assert!(!svg.contains('\u{1}') && !svg.contains('\u{7}'));
            assert!(svg.contains("alert(1)"), "the name stays, as text");
            assert!(svg.contains("출처"), "the source line is drawn in");
            let frame = Frame::new(Picture::Bars(&c), "t", 640);
            assert!(frame.height > frame.chart_height);
        }
    }

    #[test]
    fn dark_svg_is_painted_on_dark_paper() {
        let c = chart("예산");
        let svg = svg(Picture::Bars(&c), "제목", 640, Theme::Dark).expect("svg");
        assert!(svg.contains("fill=\"#131416\""), "{svg}");
        let light = super::svg(Picture::Bars(&c), "제목", 640, Theme::Light).expect("svg");
        assert!(light.contains("fill=\"#FFFFFF\"") || light.contains("fill=\"#ffffff\""));
    }

    /// plotters' SVG backend shrinks text by 1.24; the charts ask for it larger there, so no SVG text falls
    /// under the charts' 12 px floor, as on the canvas.
    #[test]
    fn svg_text_is_as_large_as_on_the_canvas() {
        let c = chart("예산");
        let svg = svg(Picture::Bars(&c), "제목", 640, Theme::Light).expect("svg");
        let sizes: Vec<f64> = svg
            .split("font-size=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        assert!(sizes.len() > 5, "{svg}");
        for size in sizes {
            assert!(size >= 11.99, "font-size {size} in {svg}");
        }
    }

    #[test]
    fn xml_safe_keeps_text_and_drops_controls() {
        assert_eq!(xml_safe("a\u{0}b\tc\nd\u{1b}e\u{fffe}"), "ab\tc\nde");
        assert_eq!(xml_safe("안산 <x>"), "안산 <x>");
    }
}
