//! Ansan budget explorer: the budget model, its charts and (in the browser) the Yew app.
//!
//! Dependencies point one way: `model` ← `chart` ← `view` ← `ui`. `model`, `chart` and `view` are pure and
//! test natively; `ui` builds on both sides: natively
//! it renders the static pages (yew SSR), in the browser it takes them over.

// A panic aborts the WebAssembly module and blanks the page: outside tests, code that could panic on data does
// not compile (clippy runs with -D warnings in scripts/test.sh).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod budget;
pub mod chart;
pub mod import;
pub mod model;
pub mod view;

pub mod ui;
