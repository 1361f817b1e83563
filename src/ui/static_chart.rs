//! A chart as static SVG, for the pages rendered at build time: the same chart code the canvas uses, drawn
//! through plotters' SVG backend, so the first paint (and a reader without JavaScript) sees the chart the app
//! will draw. Chart heights depend on the layout width only through one threshold (below it, labels go above
//! the bars), so a drawing below and one above it cover every screen: the stylesheet shows the one that matches
//! the chart box's width (a container query) at the height the canvas will take, and nothing moves when the
//! canvas replaces it. The phone's is drawn at a 360 px screen's column, and a third at the page's full
//! column (1200 px), the width of every desktop window from 1248 px up: at those widths the canvas is drawn at
//! exactly the drawing's width, so there the first paint is the app's chart. Wherever a drawing is shown at its
//! own size (its box as wide or wider), the app keeps it as the chart's picture until a change draws the canvas
//! (`live_chart`'s `hold_served`).
//! They are drawn with the light inks, each of which also names a custom property that the stylesheet sets to the
//! dark ink on a dark page, so a reader in dark mode sees the chart the app will draw, before and without it.

use crate::chart::export::{svg, Picture};
use crate::chart::{light_to_dark, Theme};
use yew::prelude::*;

/// A layout width below the threshold (a phone), one above it (a narrower window), and the full column. The
/// phone's is the column of a 360 px screen (328 px between the page's margins), the width of most phones sold
/// here and of this project's phone tests, where the canvas is then drawn at exactly that width; on a wider
/// phone the drawing is shown at its own size (its box's height holds it), and the canvas, drawn at the first
/// change, widens the axis.
/// (Drawn at 360 px, it was shrunk to 91 % on a 360 px screen, text and all, and the canvas then drew fewer
/// ticks and cut the longest name short.)
const WIDTHS: [(&str, u32); 3] = [("narrow", 328), ("wide", 800), ("full", 1200)];

/// The chart's static drawings; nothing in the browser, where the served ones are kept until the canvas is drawn.
pub fn static_chart(picture: Picture<'_>) -> Html {
    if cfg!(target_arch = "wasm32") {
        return Html::from_html_unchecked(AttrValue::default());
    }
    let mut out = String::new();
    let inks = light_to_dark();
    for (class, width) in WIDTHS {
        // A chart that cannot be drawn is said by the canvas's own error once the app runs; the table has it.
        let Ok(drawing) = svg(picture, "", width, Theme::Light) else {
            continue;
        };
        let height = match picture {
            Picture::Bars(c) => crate::chart::preferred_height(c.bars.len(), &c.source_note, width),
            Picture::Timeline(c) => {
                crate::chart::timeline::preferred_height(c.spans.len(), &c.source_note, width)
            }
        };
        // The height in rem, as the canvas's is in CSS px times the reader's text scale (root font 17 px).
        let open = format!(
            "<svg class=\"{class}\" preserveAspectRatio=\"xMinYMin meet\" style=\"height:calc({height}rem / 17)\" \
             aria-hidden=\"true\" focusable=\"false\" "
        );
        out.push_str(&themable(&drawing, &inks).replacen("<svg ", &open, 1));
    }
    Html::from_html_unchecked(out.into())
}

/// `svg`, drawn with the light inks, with each element that fills or strokes with one of them styled
/// `fill:var(--chart-ink-<hex>,#<hex>)` instead: the same colour, unless the stylesheet sets that property (to the
/// dark ink, on a dark page). Made smaller on the way, as it is in every page's HTML three times a chart (the
/// overview's drawings were 72 of its 87 KB, most of what the browser still parses after the first paint): a font
/// family that every text names is said once, on the `<svg>`, where the texts inherit it; `opacity="1"` (the
/// default) goes; font sizes lose float noise (`13.000000000000002`). One pass over the drawing, and one to find
/// the font family.
pub fn themable(svg: &str, inks: &[(String, String)]) -> String {
    let family = attribute(svg, "font-family").and_then(|(at, len, _)| {
        let attr = svg.get(at..at + len)?;
        (svg.matches(attr).count() == svg.matches(" font-family=\"").count()).then_some(attr)
    });
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    let mut root = true;
    while let Some(open) = rest.find('<') {
        let (text, tail) = rest.split_at(open);
        out.push_str(text);
        let end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let (tag, after) = tail.split_at(end);
        let mut tag = restyle(tag, inks, family);
        if root && tag.starts_with("<svg ") {
            root = false;
            if let Some(attr) = family {
                tag.insert_str("<svg".len(), attr);
            }
        }
        out.push_str(&tag);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// One tag with its light inks given as custom properties instead, without the attributes `themable` drops.
fn restyle(tag: &str, inks: &[(String, String)], family: Option<&str>) -> String {
    let mut tag = tag.replace(" opacity=\"1\"", "");
    if let Some(attr) = family {
        tag = tag.replace(attr, "");
    }
    if let Some((at, len, size)) = attribute(&tag, "font-size") {
        if let Ok(px) = size.parse::<f64>() {
            let short = format!("{}", (px * 100.0).round() / 100.0);
            tag.replace_range(at..at + len, &format!(" font-size=\"{short}\""));
        }
    }
    // A tag with a style of its own keeps its colours as they are.
    if tag.contains(" style=\"") {
        return tag;
    }
    let mut style = String::new();
    for prop in ["fill", "stroke"] {
        let Some((at, len, value)) = attribute(&tag, prop) else {
            continue;
        };
        let Some(hex) = value
            .strip_prefix('#')
            .filter(|h| h.len() == 6)
            .map(str::to_ascii_lowercase)
        else {
            continue;
        };
        if inks.iter().any(|(light, _)| *light == hex) {
            style.push_str(&format!("{prop}:var(--chart-ink-{hex},#{hex});"));
            tag.replace_range(at..at + len, "");
        }
    }
    // After the element's name (the attributes that made the style may have been its only ones).
    let name_end = tag
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == ' ' || c == '>' || c == '/')
        .map(|(i, _)| i);
    match name_end {
        Some(at) if !style.is_empty() => {
            tag.insert_str(at, &format!(" style=\"{style}\""));
            tag
        }
        _ => tag,
    }
}

/// Where ` name="value"` is in `tag` (its start and length) and its value.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<(usize, usize, &'a str)> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)?;
    let value = tag.get(at + key.len()..)?;
    let value = &value[..value.find('"')?];
    Some((at, key.len() + value.len() + 1, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_inks_become_their_property_and_other_colours_stay() {
        let inks = vec![("1f5fa8".to_owned(), "8ab4f8".to_owned())];
        let svg = "<svg width=\"10\"><rect x=\"0\" fill=\"#1F5FA8\" stroke=\"#123456\"/>a > b\
                   <text fill=\"#1F5FA8\">x</text><rect style=\"a\" fill=\"#1F5FA8\"/></svg>";
        assert_eq!(
            themable(svg, &inks),
            "<svg width=\"10\"><rect style=\"fill:var(--chart-ink-1f5fa8,#1f5fa8);\" x=\"0\" \
             stroke=\"#123456\"/>a > b<text style=\"fill:var(--chart-ink-1f5fa8,#1f5fa8);\">x</text>\
             <rect style=\"a\" fill=\"#1F5FA8\"/></svg>"
        );
        // A tag cut short, or a colour too short, is left as it is.
        assert_eq!(themable("<rect fill=\"#1F5", &inks), "<rect fill=\"#1F5");
        assert_eq!(
            themable("<rect fill=\"#1F5\"/>", &inks),
            "<rect fill=\"#1F5\"/>"
        );
    }

    #[test]
    fn a_font_family_every_text_names_is_said_once_and_defaults_and_float_noise_go() {
        let f = " font-family=\"&apos;A&apos;, sans-serif\"";
        let svg = format!(
            "<svg width=\"9\">\n<text x=\"1\"{f} font-size=\"13.000000000000002\" opacity=\"1\">가</text>\n\
             <text{f} font-size=\"12.5\" opacity=\"0.45\">나</text>\n</svg>"
        );
        assert_eq!(
            themable(&svg, &[]),
            format!(
                "<svg{f} width=\"9\">\n<text x=\"1\" font-size=\"13\">가</text>\n\
                 <text font-size=\"12.5\" opacity=\"0.45\">나</text>\n</svg>"
            )
        );
        // Two families: each text keeps its own.
        let two = "<svg><text font-family=\"a\">x</text><text font-family=\"b\">y</text></svg>";
        assert_eq!(themable(two, &[]), two);
    }

    #[test]
    fn the_stylesheet_gives_every_light_ink_its_dark_ink() {
        let css = include_str!("../../style.css");
        for (light, dark) in light_to_dark() {
            let declaration = format!("--chart-ink-{light}: #{dark};");
            assert!(css.contains(&declaration), "style.css lacks {declaration}");
        }
    }
}
