//! Import benchmark in headless Chromium: the work of `examples/bench_import.rs` compiled to wasm32 (a made-up
//! 100,000-row 지방재정365 file read by `import::lofin365::import`, then grouped by 분야 × funding), timed with
//! `performance.now()`, and the wasm linear memory's size after the import. A measurement, not a test: ignored
//! unless asked for, it prints its figures and asserts none. `scripts/bench.sh` runs it as
//!
//!     CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown \
//!         --test bench_import -- --include-ignored --nocapture
#![cfg(target_arch = "wasm32")]

use ansan_budget::budget::{Budget, Dim, Filter};
use ansan_budget::import::lofin365::{self, synthetic};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROWS: usize = 100_000;
const RUNS: usize = 5;
const MIB: f64 = 1024.0 * 1024.0;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(f64::NAN, |p| p.now())
}

/// The module's linear memory, in bytes (it only grows: this is also its peak).
fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(f64::NAN, |b| f64::from(b.byte_length()))
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn field_depth(b: &Budget) -> u32 {
    let depths = b.depths();
    b.nodes()
        .iter()
        .zip(depths)
        .find(|(n, _)| b.text(n.level) == "분야")
        .map_or(0, |(_, d)| d)
}

#[wasm_bindgen_test]
#[ignore = "a measurement: scripts/bench.sh runs it with --include-ignored"]
fn bench_import_100k_rows() {
    let memory_start = memory_bytes();
    let text = synthetic::generate(ROWS, 2026);
    let memory_text = memory_bytes();

    // The first import alone decides the memory a page that imports once needs.
    let t = now();
    let imported = lofin365::import("synthetic.json", &text);
    let first_ms = now() - t;
    assert!(
        imported.problems.is_empty(),
        "the synthetic file has {} problems, first: {:?}",
        imported.problems.len(),
        imported.problems.first()
    );
    let memory_import = memory_bytes();
    let heap = imported.budget.heap_bytes();
    drop(imported);

    let mut import_ms = vec![first_ms];
    let mut budget = None;
    for _ in 1..RUNS {
        drop(budget.take());
        let t = now();
        let imported = lofin365::import("synthetic.json", &text);
        import_ms.push(now() - t);
        budget = Some(imported.budget);
    }
    let budget = match budget {
        Some(b) => b,
        None => lofin365::import("synthetic.json", &text).budget,
    };
    let depth = field_depth(&budget);
    let dims = [Dim::Depth(depth), Dim::Funding];
    let mut group_ms = Vec::new();
    let mut groups = 0;
    for _ in 0..RUNS * 3 {
        let t = now();
        groups = budget
            .sum_by(&dims, &Filter::default())
            .map(|g| g.len())
            .unwrap_or(0);
        group_ms.push(now() - t);
    }
    let memory_end = memory_bytes();
    let summary = |xs: &mut Vec<f64>| {
        let m = median(xs);
        format!(
            "{m:.1} | {:.1} | {:.1}",
            xs.first().copied().unwrap_or(f64::NAN),
            xs.last().copied().unwrap_or(f64::NAN)
        )
    };
    let lines = [
        format!(
            "| wasm32 in headless Chromium (release, {ROWS} rows, {:.1} MiB of JSON, {} amounts, {groups} groups) | median | min | max |",
            text.len() as f64 / MIB,
            budget.len()
        ),
        "|---|---:|---:|---:|".to_owned(),
        format!(
            "| import: parse + validate, ms ({RUNS} runs, performance.now) | {} |",
            summary(&mut import_ms)
        ),
        format!(
            "| group by 분야 (depth {depth}) × funding, ms ({} runs) | {} |",
            RUNS * 3,
            summary(&mut group_ms)
        ),
        format!("| Budget::heap_bytes, MiB | {:.1} | | |", heap as f64 / MIB),
        format!(
            "| wasm memory at start, MiB | {:.1} | | |",
            memory_start / MIB
        ),
        format!(
            "| wasm memory with the JSON text, MiB | {:.1} | | |",
            memory_text / MIB
        ),
        format!(
            "| wasm memory after the first import (text + budget + peak of the import), MiB | {:.1} | | |",
            memory_import / MIB
        ),
        format!(
            "| wasm memory at the end ({RUNS} imports), MiB | {:.1} | | |",
            memory_end / MIB
        ),
    ];
    for l in lines {
        console_log!("BENCH {l}");
    }
    // One line for scripts/bench.sh's summary table.
    console_log!(
        "BENCH SUMMARY wasm import_ms={:.1} group_ms={:.2} memory_mib={:.1}",
        median(&mut import_ms),
        median(&mut group_ms),
        memory_import / MIB
    );
}
