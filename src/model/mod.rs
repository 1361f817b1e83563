//! The budget domain: whole-won money, the data file format, validation into trusted types, and formatting.
//!
//! Pure Rust: no yew, web-sys or gloo here, so all of it builds and tests natively.

pub mod dataset;
pub mod decode;
pub mod encoding;
pub mod format;
pub mod handover;
pub mod json;
pub mod money;
pub mod quotes;
pub mod raw;
pub mod validate;

pub use dataset::{ContextFigure, Dataset, Figure, Meta, Period, Program, Provenance, Source};
pub use decode::printable;
pub use encoding::decode_text;
pub use format::Lang;
pub use money::Won;
pub use raw::{Comparison, ContextUnit, FigureKind, FundingSource, RawDataset, Text};
pub use validate::{
    load, parse, validate, Invalid, Problem, MAX_ALL_FIGURES, MAX_FIGURES, MAX_HEADLINE,
    MAX_NAME_CHARS, MAX_PROGRAMS, MAX_PROSE_CHARS,
};

/// The JSON Schema of the data file format, generated from the raw types (committed as `data/schema.json`).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(RawDataset);
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
