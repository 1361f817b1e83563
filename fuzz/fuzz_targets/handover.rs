//! Fuzz target `handover`: the harness in `ansan_budget::import::fuzzing` (see there for how the input is read).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ansan_budget::import::fuzzing::run("handover", data));
