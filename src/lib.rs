//! Ansan budget explorer: the budget model, its charts and (in the browser) the Yew app.
//!
//! Dependencies point one way: `model` ← `chart` ← `view` ← `ui`. `model`, `chart` and `view` are pure and
//! test natively; `ui` exists only on wasm32, where yew, web-sys and gloo are in scope.

pub mod chart;
pub mod model;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
