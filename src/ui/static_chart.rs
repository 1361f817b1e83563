//! A chart as static SVG, for the pages rendered at build time: the same chart code the canvas uses, drawn
//! through plotters' SVG backend, so the first paint (and a reader without JavaScript) sees the chart the app
//! will draw. Chart heights depend on the layout width only through one threshold (below it, labels go above
//! the bars), so two drawings cover every screen: the stylesheet shows the one that matches the chart box's
//! width (a container query) at the height the canvas will take, and nothing moves when the canvas replaces it.

use crate::chart::export::{svg, Picture};
use crate::chart::Theme;
use yew::prelude::*;

/// A layout width below the threshold (a phone) and one above it (a desktop column).
const WIDTHS: [(&str, u32); 2] = [("narrow", 360), ("wide", 800)];

/// The chart's static drawings; nothing in the browser, where the served ones are kept until the canvas is drawn.
pub fn static_chart(picture: Picture<'_>) -> Html {
    if cfg!(target_arch = "wasm32") {
        return Html::from_html_unchecked(AttrValue::default());
    }
    let mut out = String::new();
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
        out.push_str(&drawing.replacen("<svg ", &open, 1));
    }
    Html::from_html_unchecked(out.into())
}
