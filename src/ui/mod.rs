//! The browser app. Yew components render every page: natively, where `prerender` writes each to static HTML,
//! and in the browser for the widget and the generator (the second module). The explorer's pages are not
//! rendered again in the browser: the first view's module drives their charts where they stand (`take_over`,
//! `live_chart`), with no Yew in it; the widget's chart is driven the same way.
//!
//! Every error that reaches here is rendered; nothing unwraps, because a panic aborts the WebAssembly module
//! and blanks the page.

mod app;
mod browser;
mod canvas_backend;
#[cfg(target_arch = "wasm32")]
mod canvas_chart;
#[cfg(target_arch = "wasm32")]
mod canvas_size;
mod chart_island;
mod chart_menu;
mod chart_panel;
mod chart_section;
mod data_ref;
pub mod data_source;
mod data_table;
mod embed_page;
mod error_notice;
mod fetch;
mod figures_table;
mod interactive_canvas;
mod lang_text;
#[cfg(target_arch = "wasm32")]
mod live_chart;
mod menu_export;
mod not_found_page;
mod overview_page;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod program_page;
mod site_header;
mod static_chart;
#[cfg(target_arch = "wasm32")]
mod take_over;
mod toggle_group;
mod use_dataset;
mod use_route;
mod use_theme;
mod widget;

pub use app::{App, AppProps};
pub use chart_panel::{chart_panel, ChartPanelProps};
pub use data_ref::DataRef;
pub use data_table::DataTable;
pub use embed_page::EmbedPage;
pub use error_notice::ErrorNotice;
pub use fetch::{fetch_dataset, LoadError, MAX_LINES};
pub use figures_table::{FiguresTable, FiguresTableProps};
pub use interactive_canvas::{canvas_markup, CanvasMarkupProps};
pub use lang_text::lang_text;
#[cfg(target_arch = "wasm32")]
pub use live_chart::{Host, LiveChart, Prepared};
pub use menu_export::{exporter, register_exports};
pub use not_found_page::NotFoundPage;
pub use overview_page::OverviewPage;
pub use program_page::ProgramPage;
pub use site_header::SiteHeader;
#[cfg(target_arch = "wasm32")]
pub use take_over::{take_over_charts, take_over_islands, take_over_page};

/// A performance mark, which the benchmark reads; never fails the page.
pub fn mark(name: &str) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
pub use toggle_group::{toggle_group, ToggleGroupProps};
pub use use_route::{use_route, RouteHandle};
pub use widget::Widget;
