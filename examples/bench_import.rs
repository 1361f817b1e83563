//! Import benchmark, native: a made-up 100,000-row 지방재정365 file (camelCase JSON from
//! `import::lofin365::synthetic`) read and validated by `import::lofin365::import`, then grouped by 분야 and funding
//! with `Budget::sum_by`; prints the median of several runs, the budget's heap bytes and the process's peak RSS as a
//! markdown table. A measurement, not a test:
//!
//!     cargo run --release --example bench_import          # BENCH_ROWS=N, BENCH_RUNS=N to change
//!
//! `scripts/bench.sh` runs it beside the same work compiled to wasm32 in headless Chromium (tests/bench_import.rs).

use ansan_budget::budget::{Budget, Dim, Filter};
use ansan_budget::import::lofin365::{self, synthetic};
use std::time::Instant;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

/// A line of /proc/self/status in MiB (`VmHWM`: peak resident set; `VmRSS`: now), NaN where there is no /proc.
fn status_mib(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The depth of the 분야 level (where the importer puts it), or 0.
fn field_depth(b: &Budget) -> u32 {
    let depths = b.depths();
    b.nodes()
        .iter()
        .zip(depths)
        .find(|(n, _)| b.text(n.level) == "분야")
        .map_or(0, |(_, d)| d)
}

const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    let rows = env_or("BENCH_ROWS", 100_000);
    let runs = env_or("BENCH_RUNS", 5).max(1);
    let text = synthetic::generate(rows, 2026);
    let rss_text = status_mib("VmRSS");

    let mut import_ms = Vec::new();
    let mut budget = None;
    for _ in 0..runs {
        // The last run's budget is dropped first, so the peak holds one budget, as the app does.
        drop(budget.take());
        let t = Instant::now();
        let imported = lofin365::import("synthetic.json", &text);
        import_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        if let Some(p) = imported.problems.first() {
            eprintln!(
                "bench_import: the synthetic file has {} problems, first: {p}",
                imported.problems.len()
            );
            std::process::exit(1);
        }
        budget = Some(imported.budget);
    }
    let Some(budget) = budget else { return };
    let depth = field_depth(&budget);
    let dims = [Dim::Depth(depth), Dim::Funding];
    let mut group_ms = Vec::new();
    let mut groups = 0;
    for _ in 0..runs * 3 {
        let t = Instant::now();
        match budget.sum_by(&dims, &Filter::default()) {
            Ok(g) => groups = g.len(),
            Err(e) => {
                eprintln!("bench_import: sum_by: {e}");
                std::process::exit(1);
            }
        }
        group_ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "| native (release, {} rows, {:.1} MiB of JSON, {} amounts, {} groups) | median | min | max |",
        rows,
        text.len() as f64 / MIB,
        budget.len(),
        groups
    );
    println!("|---|---:|---:|---:|");
    let row = |label: &str, xs: &mut Vec<f64>| {
        let m = median(xs);
        println!(
            "| {label} | {m:.1} | {:.1} | {:.1} |",
            xs.first().copied().unwrap_or(f64::NAN),
            xs.last().copied().unwrap_or(f64::NAN)
        );
    };
    row(
        &format!("import: parse + validate, ms ({runs} runs)"),
        &mut import_ms,
    );
    row(
        &format!(
            "group by 분야 (depth {depth}) × funding, ms ({} runs)",
            runs * 3
        ),
        &mut group_ms,
    );
    println!(
        "| Budget::heap_bytes, MiB | {:.1} | | |",
        budget.heap_bytes() as f64 / MIB
    );
    println!("| RSS with the JSON text only, MiB | {rss_text:.1} | | |");
    let peak = status_mib("VmHWM");
    println!("| peak RSS (VmHWM), MiB | {peak:.1} | | |");
    // One line for scripts/bench.sh's summary table.
    println!(
        "SUMMARY native import_ms={:.1} group_ms={:.2} memory_mib={peak:.1}",
        median(&mut import_ms),
        median(&mut group_ms)
    );
}
