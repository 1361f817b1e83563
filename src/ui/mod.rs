//! The browser app: Yew function components, one per file. Only built for wasm32.
//!
//! Every error that reaches here is rendered; nothing unwraps, because a panic aborts the WebAssembly module
//! and blanks the page.

mod app;
mod bar_chart_canvas;
mod fetch;
mod figures_table;
mod scale_toggle;

pub use app::App;
pub use bar_chart_canvas::{BarChartCanvas, BarChartCanvasProps};
pub use fetch::{fetch_dataset, LoadError};
pub use figures_table::{FiguresTable, FiguresTableProps};
pub use scale_toggle::ScaleToggle;
