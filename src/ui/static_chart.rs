//! A chart as static SVG, for the pages rendered at build time: the same chart code the canvas uses, drawn
//! through plotters' SVG backend, so the first paint (and a reader without JavaScript) sees the chart the app
//! will draw. Chart heights depend on the layout width only through one threshold (below it, labels go above
//! the bars), so a drawing below and one above it cover every screen: the stylesheet shows the one that matches
//! the chart box's width (a container query) at the height the canvas will take, and nothing moves when the
//! canvas replaces it. A third is drawn at the page's full column (1200 px), the width of every desktop window
//! from 1248 px up, where the canvas is drawn at exactly that width, so there the first paint is the app's chart.
//! They are drawn with the light inks, each of which also names a custom property that the stylesheet sets to the
//! dark ink on a dark page, so a reader in dark mode sees the chart the app will draw, before and without it.

use crate::chart::export::{svg, Picture};
use crate::chart::{light_to_dark, Theme};
use std::borrow::Cow;
use yew::prelude::*;

/// A layout width below the threshold (a phone), one above it (a narrower window), and the full column.
const WIDTHS: [(&str, u32); 3] = [("narrow", 360), ("wide", 800), ("full", 1200)];

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
            Picture::Bars(c) => crate::chart::preferred_height(c.bars.len(), width),
            Picture::Timeline(c) => crate::chart::timeline::preferred_height(c.spans.len(), width),
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

/// `svg`, drawn with the light inks, with each element that fills or strokes with one of them also styled
/// `fill:var(--chart-ink-<hex>,#<hex>)`: the same colour, unless the stylesheet sets that property (to the dark
/// ink, on a dark page). One pass over the drawing.
pub fn themable(svg: &str, inks: &[(String, String)]) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 2);
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let (text, tail) = rest.split_at(open);
        out.push_str(text);
        let end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let (tag, after) = tail.split_at(end);
        out.push_str(&restyle(tag, inks));
        rest = after;
    }
    out.push_str(rest);
    out
}

/// One tag with its light inks given as custom properties too (unchanged if it has none, or a style already).
fn restyle<'a>(tag: &'a str, inks: &[(String, String)]) -> Cow<'a, str> {
    let mut style = String::new();
    for prop in ["fill", "stroke"] {
        let key = format!(" {prop}=\"#");
        let Some(hex) = tag
            .find(&key)
            .and_then(|i| tag.get(i + key.len()..i + key.len() + 6))
            .map(str::to_ascii_lowercase)
        else {
            continue;
        };
        if inks.iter().any(|(light, _)| *light == hex) {
            style.push_str(&format!("{prop}:var(--chart-ink-{hex},#{hex});"));
        }
    }
    match tag.find(' ') {
        Some(at) if !style.is_empty() && !tag.contains(" style=\"") => {
            let (name, attrs) = tag.split_at(at);
            Cow::Owned(format!("{name} style=\"{style}\"{attrs}"))
        }
        _ => Cow::Borrowed(tag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_inks_name_their_property_and_other_colours_stay() {
        let inks = vec![("1f5fa8".to_owned(), "8ab4f8".to_owned())];
        let svg = "<svg width=\"10\"><rect x=\"0\" fill=\"#1F5FA8\" stroke=\"#123456\"/>a > b<text fill=\"#1F5FA8\">x</text></svg>";
        assert_eq!(
            themable(svg, &inks),
            "<svg width=\"10\"><rect style=\"fill:var(--chart-ink-1f5fa8,#1f5fa8);\" x=\"0\" fill=\"#1F5FA8\" \
             stroke=\"#123456\"/>a > b<text style=\"fill:var(--chart-ink-1f5fa8,#1f5fa8);\" fill=\"#1F5FA8\">x</text></svg>"
        );
        // A tag cut short, or a colour too short, is left as it is.
        assert_eq!(themable("<rect fill=\"#1F5", &inks), "<rect fill=\"#1F5");
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
