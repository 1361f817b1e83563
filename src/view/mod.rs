//! What the screen shows, built from the trusted model: table rows, citations and chart input.
//!
//! Pure and natively tested, so the browser components only lay these values out. Dependencies point one way:
//! `model` ← `chart` ← `view` ← `ui`.

pub mod context;
pub mod export;
pub mod lang_runs;
pub mod overview;
pub mod route;
pub mod rows;
pub mod timeline;
pub mod units;
pub mod widget_params;
pub mod words;

pub use overview::{overview_chart, program_chart, ChartView, Tip};

/// `s` safe inside HTML text and a double-quoted attribute: the embed snippet and the pre-rendered pages' head.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
pub use rows::{figure_rows, FigureRow};
