//! The fuzzing harness, shared by the cargo-fuzz targets (`fuzz/`) and the corpus replay test
//! (`tests/fuzz_corpus.rs`), so what the fuzzer found is checked by plain `cargo test` with the same code.
//!
//! Each target decodes bytes the way the checker does, imports them, and checks what must hold for any input:
//! nothing panics, every problem has a place and a message, and a budget without problems can be summed (an
//! overflow is an answer, a panic is not). The `handover` target reads the explorer's binary handover instead:
//! refused with a placed problem, or read into a dataset that encodes back to the same bytes. Not built for
//! wasm32: it exists to panic on a broken promise.

use super::builder::Imported;
use crate::budget::{Dim, Filter};
use crate::model::Invalid;
use std::cell::Cell;

/// The targets, by the name of their `fuzz/fuzz_targets/NAME.rs` and `fuzz/corpus/NAME/`.
pub const TARGETS: [&str; 5] = ["project", "lofin365", "fdp", "csv", "handover"];

/// Between an FDP descriptor and each resource served to it, and between a CSV mapping and its table (when the
/// input has no such line, the whole input is the table read with [`fixed_mapping`]).
pub const SEPARATOR: &[u8] = b"\n---\n";

/// Runs one input through `target` and panics, naming what broke, if a promise does not hold. Panics of the
/// importers themselves go through as they are.
#[allow(clippy::panic)]
pub fn run(target: &str, bytes: &[u8]) {
    if let Err(broken) = check(target, bytes) {
        panic!("{target}: {broken}");
    }
}

/// What [`run`] does, with a broken promise returned instead of panicking.
pub fn check(target: &str, bytes: &[u8]) -> Result<(), String> {
    match target {
        "project" => json_format(bytes, super::project::import),
        "lofin365" => json_format(bytes, super::lofin365::import),
        "fdp" => fdp(bytes),
        "csv" => csv(bytes),
        "handover" => handover(bytes),
        _ => Err(format!("unknown fuzz target (expected one of {TARGETS:?})")),
    }
}

fn json_format(bytes: &[u8], import: fn(&str, &str) -> Imported) -> Result<(), String> {
    let file = "fuzz.json";
    match crate::model::decode_text(file, bytes) {
        Ok(text) => imported(&import(file, &text)),
        Err(invalid) => refused(&invalid),
    }
}

/// The descriptor, then the resources after each [`SEPARATOR`]: every read returns the next resource in turn (the
/// fuzzer cannot know the paths the descriptor will name), and a read past the end of an input without resources
/// fails as a missing file does.
fn fdp(bytes: &[u8]) -> Result<(), String> {
    let mut parts = split(bytes);
    let descriptor = parts.next().unwrap_or_default();
    let resources: Vec<&[u8]> = parts.collect();
    let reads = Cell::new(0usize);
    let read = |path: &str| -> Result<Vec<u8>, String> {
        let n = reads.get();
        reads.set(n + 1);
        match resources.len() {
            0 => Err(format!("{path}: no such file")),
            len => resources
                .get(n % len)
                .map(|r| r.to_vec())
                .ok_or_else(|| format!("{path}: no such file")),
        }
    };
    let file = "datapackage.json";
    match crate::model::decode_text(file, descriptor) {
        Ok(text) => imported(&super::fdp::import(file, &text, &read)),
        Err(invalid) => refused(&invalid),
    }
}

/// The explorer's handover (`model::handover`): refused with a placed problem, or read into a dataset whose
/// encoding is the input itself (one encoding per dataset).
fn handover(bytes: &[u8]) -> Result<(), String> {
    use crate::model::handover::{decode, encode};
    match decode("fuzz.bin", bytes) {
        Ok(d) if encode(&d) != bytes => {
            Err("a handover was read, and its dataset encodes to other bytes".into())
        }
        Ok(_) => Ok(()),
        Err(invalid) => refused(&invalid),
    }
}

/// A mapping before [`SEPARATOR`] and the table after it, or the whole input as a table read with
/// [`fixed_mapping`]. The table's bytes also go through the table decoder on their own.
fn csv(bytes: &[u8]) -> Result<(), String> {
    let file = "fuzz.csv";
    let mut parsed = None;
    let table = match find(bytes, SEPARATOR) {
        Some(at) => {
            let (head, rest) = bytes.split_at(at);
            // The checker reads a mapping file as it reads a JSON data file.
            let read = crate::model::decode_text("mapping.json", head)
                .and_then(|text| super::csv::Mapping::parse("mapping.json", &text));
            match read {
                Ok(m) => parsed = Some(m),
                // A mapping that is refused must say why, like any other problem; the table is then read anyway.
                Err(invalid) => refused(&invalid)?,
            }
            rest.get(SEPARATOR.len()..).unwrap_or_default()
        }
        None => bytes,
    };
    let mapping = parsed.as_ref().unwrap_or_else(|| fixed_mapping());
    if let Err(invalid) = super::text::decode_table(file, table) {
        refused(&invalid)?;
    }
    imported(&super::csv::import(file, table, mapping))
}

/// The mapping of a Korean budget book (분야 / 부문 / 세부사업 with 예산액 split into 국비 / 도비 / 시비, in 천원), used
/// when the input brings none: the shape of `tests/fixtures/csv/budget-book.mapping.json`.
pub const FIXED_MAPPING: &str = r#"{
  "unit": "천원", "year": 2024, "phase": "original", "measure": "budgeted", "direction": "expenditure",
  "levels": [
    {"code": "분야코드", "name": "분야", "level": "분야"},
    {"code": "부문코드", "name": "부문", "level": "부문", "empty": "stop"},
    {"name": "세부사업", "level": "세부사업", "empty": "stop"}
  ],
  "amounts": [
    {"column": "예산액", "split": "whole_with_parts"},
    {"column": "국비", "funding": "national", "split": "part", "empty": "zero"},
    {"column": "도비", "funding": "provincial", "split": "part", "empty": "zero"},
    {"column": "시비", "funding": "city", "split": "part", "empty": "zero"}
  ]
}"#;

/// [`FIXED_MAPPING`], read once.
pub fn fixed_mapping() -> &'static super::csv::Mapping {
    static FIXED: std::sync::OnceLock<super::csv::Mapping> = std::sync::OnceLock::new();
    FIXED.get_or_init(|| {
        super::csv::Mapping::parse("mapping.json", FIXED_MAPPING).unwrap_or_default()
    })
}

fn imported(got: &Imported) -> Result<(), String> {
    if !got.problems.is_empty() {
        return well_formed(&got.problems);
    }
    let b = &got.budget;
    // Every way of grouping: an overflow is an `Err`, which is fine; only a panic is not.
    let _ = b.sum_by(&[], &Filter::default());
    let _ = b.sum_by(&[Dim::Node], &Filter::default());
    let _ = b.sum_by(&[Dim::Depth(0), Dim::Funding], &Filter::default());
    let _ = b.sum_by(&[Dim::Depth(1)], &Filter::default());
    Ok(())
}

fn refused(invalid: &Invalid) -> Result<(), String> {
    if invalid.problems.is_empty() {
        return Err(format!("{} refused without a problem", invalid.file));
    }
    well_formed(&invalid.problems)
}

fn well_formed(problems: &[crate::model::Problem]) -> Result<(), String> {
    for p in problems {
        // A blank key is written quoted (`[" "]`), so every place has something to see.
        if p.path.trim().is_empty() || p.message.trim().is_empty() {
            return Err(format!(
                "a problem without a place or a message: {:?} {:?}",
                p.path, p.message
            ));
        }
    }
    Ok(())
}

/// The input cut at every [`SEPARATOR`].
fn split(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let r = rest?;
        match find(r, SEPARATOR) {
            Some(at) => {
                let (head, tail) = r.split_at(at);
                rest = tail.get(SEPARATOR.len()..);
                Some(head)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_cut_at_every_separator() {
        let parts: Vec<&[u8]> = split(b"a\n---\nb\n---\n\n---\nc").collect();
        assert_eq!(parts, vec![&b"a"[..], b"b", b"", b"c"]);
        let parts: Vec<&[u8]> = split(b"only").collect();
        assert_eq!(parts, vec![&b"only"[..]]);
    }

    #[test]
    fn a_problem_without_a_place_is_a_broken_promise() {
        let p = |path: &str, message: &str| crate::model::Problem {
            path: path.to_owned(),
            position: None,
            message: message.to_owned(),
        };
        assert!(well_formed(&[p("a", "b")]).is_ok());
        assert!(well_formed(&[p("a", "b"), p("", "b")]).is_err());
        assert!(well_formed(&[p("a", " ")]).is_err());
        assert!(well_formed(&[p(" ", "b")]).is_err());
        assert!(well_formed(&[p("[\" \"]", "b")]).is_ok());
        assert!(check("nonesuch", b"").is_err());
    }

    #[test]
    fn the_fixed_mapping_is_read() {
        let m = super::super::csv::Mapping::parse("mapping.json", FIXED_MAPPING);
        assert!(m.is_ok(), "{m:?}");
        assert_eq!(fixed_mapping().levels.len(), 3);
    }
}
