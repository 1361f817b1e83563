//! What the screen shows, built from the trusted model: table rows, citations and chart input.
//!
//! Pure and natively tested, so the browser components only lay these values out. Dependencies point one way:
//! `model` ← `chart` ← `view` ← `ui`.

pub mod overview;
pub mod rows;
pub mod words;

pub use overview::{overview_chart, overview_summary};
pub use rows::{figure_rows, FigureRow};
