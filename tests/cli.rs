//! The `budget-check` binary: exit codes and messages the city's data team relies on.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_budget-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("budget-check runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn shipped_data_passes_and_schema_is_skipped() {
    let (code, stdout, stderr) = run(&["data/ansan-2015.json", "data/schema.json"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("data/ansan-2015.json: ok (3 programs, 6 figures, 7 context figures)"),
        "{stdout}"
    );
    assert!(stdout.contains("약 4,450억원"), "{stdout}");
    assert!(stdout.contains("data/schema.json: skipped"), "{stdout}");
}

#[test]
fn bad_file_exits_1_with_path_and_expectation() {
    let dir = std::env::temp_dir().join(format!("budget-check-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.json");
    let text = include_str!("../data/ansan-2015.json")
        .replace("\"amount\": 5000000000", "\"amount\": 5e9");
    std::fs::write(&bad, text).expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let (code, _, stderr) = run(&[&bad]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{bad}: programs[2].figures[0].amount: expected whole won as an integer, found 5e9"
        )),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["does-not-exist.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("does-not-exist.json: cannot read"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn schema_flag_prints_the_committed_schema() {
    let (code, stdout, _) = run(&["--schema"]);
    assert_eq!(code, 0);
    let committed = include_str!("../data/schema.json");
    assert_eq!(stdout, committed);
}
