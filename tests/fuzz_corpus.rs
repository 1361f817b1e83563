//! Replays the fuzz corpus (`fuzz/corpus/TARGET/`, and `fuzz/artifacts/TARGET/` where a fuzz run left crashes)
//! through the same harness the cargo-fuzz targets run, so CI checks every input the fuzzer ever kept without
//! running the fuzzer (which needs nightly).
#![cfg(not(target_arch = "wasm32"))]

use ansan_budget::import::fuzzing;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Every file of `fuzz/KIND/TARGET/` for every target, through the harness; each failure is named by its file.
fn replay(kind: &str) -> (usize, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind);
    let mut count = 0;
    let mut failures = Vec::new();
    for target in fuzzing::TARGETS {
        for file in files_in(&root.join(target)) {
            let bytes = std::fs::read(&file).expect("a corpus file can be read");
            count += 1;
            let outcome = std::panic::catch_unwind(|| fuzzing::check(target, &bytes));
            let name = file.strip_prefix(&root).unwrap_or(&file).display();
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(broken)) => failures.push(format!("{name}: {broken}")),
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_default();
                    failures.push(format!("{name}: panicked: {message}"));
                }
            }
        }
    }
    (count, failures)
}

#[test]
fn every_corpus_input_keeps_the_importers_promises() {
    let (count, failures) = replay("corpus");
    assert!(
        failures.is_empty(),
        "{} of {count} inputs broke a promise:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Each target has seeds: an empty or missing corpus would make this test pass on nothing.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for target in fuzzing::TARGETS {
        let n = files_in(&root.join(target)).len();
        assert!(
            n >= 3,
            "fuzz/corpus/{target}/ has {n} files, expected seeds"
        );
    }
}

#[test]
fn crashes_left_by_a_fuzz_run_are_fixed() {
    let (_, failures) = replay("artifacts");
    assert!(
        failures.is_empty(),
        "inputs in fuzz/artifacts/ still break a promise (fix the importer, then move the input into \
         fuzz/corpus/TARGET/):\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_target_has_a_fuzz_target_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("fuzz/Cargo.toml");
    for target in fuzzing::TARGETS {
        let source = std::fs::read_to_string(root.join(format!("fuzz_targets/{target}.rs")))
            .unwrap_or_else(|e| panic!("fuzz/fuzz_targets/{target}.rs: {e}"));
        assert!(
            source.contains(&format!("fuzzing::run(\"{target}\"")),
            "fuzz/fuzz_targets/{target}.rs runs another target"
        );
        assert!(
            manifest.contains(&format!("name = \"{target}\"")),
            "fuzz/Cargo.toml has no [[bin]] {target}"
        );
    }
}
