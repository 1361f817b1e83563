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

mod common;
use common::TempDir;

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
    let dir = TempDir::new("budget-check-test");
    let bad = dir.join("bad.json");
    let text = include_str!("fixtures/ansan-2015.v1.json")
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
}

#[test]
fn schema_flag_prints_the_committed_schema() {
    let (code, stdout, _) = run(&["--schema"]);
    assert_eq!(code, 0);
    let committed = include_str!("../data/schema.json");
    assert_eq!(stdout, committed);
}

/// A file in another encoding is invalid (exit 1) with its encoding and byte named, as the browser says it; a file
/// with thousands of problems prints the first 200 and a count.
#[test]
fn other_encodings_and_long_problem_lists() {
    let dir = TempDir::new("budget-check-enc");
    let cp949 = dir.join("cp949.json");
    std::fs::write(&cp949, b"{\"name\": \"\xBE\xC8\xBB\xEA\"}").expect("write");
    let cp949 = cp949.to_string_lossy().into_owned();
    let (code, _, stderr) = run(&[&cp949]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{cp949}: .: expected UTF-8 text, found Korean text in CP949 / EUC-KR: not UTF-8 from byte 10")),
        "{stderr}"
    );

    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/ansan-2015.v1.json")).expect("JSON");
    let template = v["programs"][2]["figures"][0].clone();
    let figures: Vec<serde_json::Value> = (0..1000)
        .map(|i| {
            let mut f = template.clone();
            f["id"] = serde_json::json!(format!("f{i}"));
            f["amount"] = serde_json::json!("@float");
            f
        })
        .collect();
    v["programs"][2]["figures"] = serde_json::json!(figures);
    let many = dir.join("many.json");
    std::fs::write(&many, v.to_string().replace("\"@float\"", "1.5")).expect("write");
    let many = many.to_string_lossy().into_owned();
    let (code, _, stderr) = run(&[&many]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr.lines().count(),
        201,
        "{}",
        stderr.lines().last().unwrap_or_default()
    );
    assert!(
        stderr.contains("… and 800 more problems (1000 in all)"),
        "{stderr}"
    );
}

/// `--source`: every quote is checked against its line of the article; a changed line makes the file invalid.
#[test]
fn quotes_are_checked_against_the_source_document() {
    let article = "../shared/seed/ansan-news-2015.txt";
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(article))
            .unwrap_or_else(|e| {
                panic!("the source article {article} is needed beside the project: {e}")
            });
    let (code, stdout, stderr) = run(&["--source", article, "data/ansan-2015.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("every quote found in"), "{stdout}");

    let dir = TempDir::new("budget-check-src");
    let changed: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 7 {
                "(이 줄은 바뀌었습니다)"
            } else {
                l
            }
        })
        .collect();
    let doc = dir.join("changed.txt");
    std::fs::write(&doc, changed.join("\n")).expect("write");
    let doc = doc.to_string_lossy().into_owned();
    let (code, _, stderr) = run(&["--source", &doc, "data/ansan-2015.json"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "data/ansan-2015.json: amounts[0].origin.quote: expected the quote verbatim on line 8"
        ),
        "{stderr}"
    );
}

/// `--summary` prints the totals as a table, `--json` the same for machines, `--migrate` a format-1 file as
/// format 2: the shipped article is exactly its format-1 file migrated.
#[test]
fn summary_json_and_migrate() {
    let (code, stdout, stderr) = run(&["--summary", "data/ansan-city-totals.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("rows read 32, amounts 32, nodes 1, parent rows left out 0, problems 0"),
        "{stdout}"
    );
    let line = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("2015") && !l.contains("revenue"))
        .unwrap_or_default();
    assert!(
        line.contains("결산 settled · executed") && line.ends_with("1,442,643,401,709 KRW"),
        "{stdout}"
    );

    let (code, stdout, stderr) = run(&["--json", "data/ansan-city-totals.json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON document");
    assert_eq!(v["rows_read"], 32);
    assert_eq!(v["by_period"].as_array().map(Vec::len), Some(32));
    let y2024 = v["by_period"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|g| g["period"]["year"] == 2024 && g["direction"] == "expenditure")
        })
        .expect("2024 spending");
    assert_eq!(y2024["total"], 2_607_728_299_565i64);
    assert_eq!(y2024["phase"], "settled");

    let (code, stdout, stderr) = run(&["--migrate", "tests/fixtures/ansan-2015.v1.json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, include_str!("../data/ansan-2015.json"));
}

/// With problems, the summary still prints (what could be read), the problems follow, and the exit code is 1.
#[test]
fn a_summary_of_a_file_with_problems_exits_1() {
    let dir = TempDir::new("budget-check-sum");
    let bad = dir.join("bad.json");
    let text = include_str!("../data/ansan-city-totals.json").replacen(
        "\"amount\": 1019903772858",
        "\"amount\": \"1,019,903,772,858\"",
        1,
    );
    std::fs::write(&bad, text).expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(&["--summary", &bad]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("rows read 32, amounts 31"), "{stdout}");
    assert!(
        stderr.contains(&format!(
            "{bad}: amounts[0].amount: expected whole won as an integer, found the string \"1,019,903,772,858\""
        )),
        "{stderr}"
    );
}

/// JSON that is none of the formats (here 지방재정365's own yearly summary of a city, Korean keys) is named as such,
/// with the formats it is not, and exits 2 as a file budget-check cannot read; forced to one, it is read as one.
#[test]
fn json_of_no_known_kind_is_named_as_such() {
    let dir = TempDir::new("budget-check-kind");
    let file = dir.join("4119000.json");
    std::fs::write(
        &file,
        r#"{"결산연도":"2024","예산연도":"2026","laf_cd":"4119000","이름":"경기안산시","지표":[],"시계열":[{"연도":"2024","세출":2607728299565,"세입":2900000000000}]}"#,
    )
    .expect("write");
    let file = file.to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(&["--summary", &file]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(&format!("{file}: not a kind of file budget-check reads"))
            && stderr.contains("--format project|fdp|lofin365"),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().count(),
        1,
        "one message, not one per field: {stderr}"
    );
    let (code, _, stderr) = run(&["--format", "project", &file]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("unknown field `결산연도`"), "{stderr}");
}

/// A name or a cell holding an escape sequence or a bidirectional override is printed as escapes, in the summary
/// and in problems, so a downloaded file cannot clear or recolour the terminal or make a line read backwards;
/// `--json` keeps the text itself (JSON escapes its control characters, and a program reads it).
#[test]
fn names_cannot_drive_or_reorder_the_terminal() {
    let dir = TempDir::new("budget-check-escapes");
    let file = dir.join("rows.json");
    let text = include_str!("fixtures/lofin365/raw-rows.json")
        .replace("\"일반공공행정\"", "\"일반\\u001b[2J공공\\u202e행정\"")
        .replacen(
            "\"bdg_cash_amt\": \"1424424000\"",
            "\"bdg_cash_amt\": \"14\\u202e24\"",
            1,
        );
    std::fs::write(&file, text).expect("write");
    let file = file.to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(&["--summary", &file]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let raw = |s: &str| s.chars().any(|c| c == '\u{1b}' || c == '\u{202e}');
    assert!(!raw(&stdout) && !raw(&stderr), "{stdout}{stderr}");
    assert!(
        stdout.contains("일반\\u{1b}[2J공공\\u{202e}행정"),
        "the name, escaped, in the summary: {stdout}"
    );
    assert!(stderr.contains("\"14\\u{202e}24\""), "{stderr}");

    let (_, stdout, _) = run(&["--json", &file]);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON document");
    let names: Vec<&str> = v["by_top_node"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|g| g["node"]["name"].as_str())
        .collect();
    assert!(
        names.contains(&"일반\u{1b}[2J공공\u{202e}행정"),
        "{names:?}"
    );
}
