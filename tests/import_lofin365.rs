//! The 지방재정365 importer against real data (경기 동두천시 FY2026, popfund's file, in
//! /work/shared/realdata/kr-lofin365-line-items-2026), the same rows in the API's own names, and broken files.
//! Expected totals come from tests/expected/lofin365.py (stdlib json, integers), never from the importer.

use ansan_budget::budget::{Budget, Dim, Filter, Funding, Measure, Period, Phase, SumError};
use ansan_budget::import::{lofin365, Imported};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const REAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/realdata/kr-lofin365-line-items-2026/4118000.json"
);

fn real_text() -> String {
    std::fs::read_to_string(REAL).unwrap_or_else(|e| {
        panic!("the real-data folder is missing: cannot read {REAL} ({e}); it lives in /work/shared/realdata")
    })
}

fn expected() -> Value {
    let text = include_str!("expected/lofin365.json");
    serde_json::from_str(text).expect("tests/expected/lofin365.json is JSON")
}

fn int(v: &Value) -> i64 {
    v.as_i64()
        .unwrap_or_else(|| panic!("an integer in the expected file: {v}"))
}

fn total(budget: &Budget, measure: Measure) -> i64 {
    let groups = budget
        .sum_by(
            &[],
            &Filter {
                measure: Some(measure),
                ..Filter::default()
            },
        )
        .expect("fits");
    assert_eq!(
        groups.len(),
        1,
        "one year, one phase, one currency: {groups:?}"
    );
    groups[0].total
}

/// 분야 name → funding → total, from `sum_by([Depth(0), Funding])` on 예산현액.
fn by_field(budget: &Budget) -> BTreeMap<String, BTreeMap<&'static str, i64>> {
    let groups = budget
        .sum_by(
            &[Dim::Depth(0), Dim::Funding],
            &Filter {
                measure: Some(Measure::Budgeted),
                ..Filter::default()
            },
        )
        .expect("fits");
    let mut out: BTreeMap<String, BTreeMap<&'static str, i64>> = BTreeMap::new();
    for g in groups {
        let node = budget.node(g.key.node.expect("a node")).expect("known");
        assert_eq!(budget.text(node.level), "분야");
        let funding = match g.key.funding.expect("a funding") {
            Funding::National => "national",
            Funding::Provincial => "provincial",
            Funding::City => "city",
            Funding::Other => "other",
            f => panic!("예산현액 is counted by its parts, found {f:?}"),
        };
        *out.entry(budget.name(&node.name).to_owned())
            .or_default()
            .entry(funding)
            .or_default() += g.total;
    }
    out
}

fn expected_by_field(e: &Value) -> BTreeMap<String, BTreeMap<&'static str, i64>> {
    let mut out = BTreeMap::new();
    for (field, parts) in e["by_field"].as_object().expect("by_field") {
        let mut m = BTreeMap::new();
        for p in ["national", "provincial", "city", "other"] {
            m.insert(p, int(&parts[p]));
        }
        out.insert(field.clone(), m);
    }
    out
}

/// Every total the expected file states, checked against the budget.
fn assert_totals(imported: &Imported, e: &Value) {
    let b = &imported.budget;
    assert_eq!(imported.rows_read as i64, int(&e["rows"]));
    assert_eq!(
        total(b, Measure::Budgeted),
        int(&e["budgeted"]),
        "Σ 예산현액"
    );
    assert_eq!(total(b, Measure::Executed), int(&e["executed"]), "Σ 지출액");
    assert_eq!(
        total(b, Measure::Allocated),
        int(&e["allocated"]),
        "Σ 편성/배정액"
    );
    assert_eq!(by_field(b), expected_by_field(e), "분야 × funding");
}

/// The invariant on every 세부사업, through the model and not the importer's own check: its funding parts add up
/// to its 예산현액.
fn assert_parts_add_up(b: &Budget) {
    let filter = Filter {
        measure: Some(Measure::Budgeted),
        ..Filter::default()
    };
    let wholes = b.sum_by(&[Dim::Node], &filter).expect("fits");
    let parts = b.sum_by(&[Dim::Node, Dim::Funding], &filter).expect("fits");
    let mut sum: BTreeMap<u32, i64> = BTreeMap::new();
    for g in parts {
        *sum.entry(g.key.node.expect("node").0).or_default() += g.total;
    }
    assert!(!wholes.is_empty());
    for g in wholes {
        let node = g.key.node.expect("node");
        assert_eq!(sum.get(&node.0), Some(&g.total), "parts of node {node:?}");
    }
}

#[test]
fn the_gyeonggi_file_matches_totals_computed_independently() {
    let text = real_text();
    let e = &expected()["4118000"];
    let imported = lofin365::import("4118000.json", &text);
    assert!(
        imported.problems.is_empty(),
        "{:#?}",
        &imported.problems[..imported.problems.len().min(5)]
    );
    assert_eq!(int(&e["invariant_breaks"]), 0);
    assert_eq!(imported.rows_read, 1592);
    assert_totals(&imported, e);
    assert_parts_add_up(&imported.budget);
    let b = &imported.budget;
    assert_eq!(b.len(), 1592 * 7, "seven amounts a row");
    assert_eq!(b.meta().id, "lofin365-4118000-2026");
    assert!(
        b.meta().title.contains("4118000 2026"),
        "{}",
        b.meta().title
    );
    assert_eq!(b.meta().source, "출처: 행정안전부 지방재정365");
    assert!(b
        .amounts()
        .all(|a| a.period == Period::Year(2026) && a.phase == Phase::Final));
    let depths = b.depths();
    let count = |d: u32| depths.iter().filter(|x| **x == d).count();
    assert_eq!((count(0), count(1), count(2)), (13, 38, 1592));
    assert!(b
        .nodes()
        .iter()
        .any(|n| b.name(&n.name) == "산업ㆍ중소기업및에너지"));
}

/// The API's field names, amounts as strings, inside the open-API envelope: built here from every row.
fn as_api_envelope(text: &str) -> String {
    let doc: Value = serde_json::from_str(text).expect("JSON");
    let renames = [
        ("dbizCd", "dbiz_cd"),
        ("dbizNm", "dbiz_nm"),
        ("acntDvNm", "acnt_dv_nm"),
        ("fldNm", "fld_nm"),
        ("partNm", "part_nm"),
        ("bdgCashAmt", "bdg_cash_amt"),
        ("bdgNtep", "bdg_ntep"),
        ("capep", "capep"),
        ("sggep", "sggep"),
        ("etcAmt", "etc_amt"),
        ("epAmt", "ep_amt"),
        ("cplAmt", "cpl_amt"),
    ];
    let rows: Vec<Value> = doc["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|r| {
            let mut o = Map::new();
            o.insert("fyr".into(), json!("2026"));
            o.insert("exe_ymd".into(), doc["exeYmd"].clone());
            o.insert("laf_cd".into(), doc["lafCd"].clone());
            o.insert("laf_hg_nm".into(), json!("동두천시"));
            for (camel, raw) in renames {
                let v = &r[camel];
                let v = match v {
                    Value::Number(n) => Value::String(n.to_string()),
                    other => other.clone(),
                };
                o.insert(raw.into(), v);
            }
            Value::Object(o)
        })
        .collect();
    let n = rows.len();
    serde_json::to_string(&json!({"QWGJK": [
        {"head": [{"list_total_count": n}, {"RESULT": {"CODE": "INFO-000", "MESSAGE": "정상 처리되었습니다."}}]},
        {"row": rows}
    ]}))
    .expect("serialises")
}

#[test]
fn the_same_rows_in_the_api_envelope_give_the_same_totals() {
    let envelope = as_api_envelope(&real_text());
    let imported = lofin365::import("qwgjk.json", &envelope);
    assert!(
        imported.problems.is_empty(),
        "{:?}",
        imported.problems.first()
    );
    assert_totals(&imported, &expected()["4118000"]);
    assert_eq!(imported.budget.meta().id, "lofin365-4118000-2026");
}

#[test]
fn the_committed_raw_fixture_gives_its_expected_totals() {
    let text = include_str!("fixtures/lofin365/raw-rows.json");
    let imported = lofin365::import("raw-rows.json", text);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert_totals(&imported, &expected()["raw-rows"]);
    assert_parts_add_up(&imported.budget);
    assert_eq!(imported.budget.meta().id, "lofin365-4118000-2026");
}

fn messages(imported: &Imported) -> Vec<String> {
    imported
        .problems
        .iter()
        .map(|p| format!("{} @{:?}: {}", p.path, p.position, p.message))
        .collect()
}

#[test]
fn a_row_that_breaks_the_invariant_is_reported_and_kept() {
    let mut doc: Value = serde_json::from_str(&real_text()).expect("JSON");
    let row = &mut doc["projects"][12];
    let national = row["bdgNtep"].as_i64().expect("integer");
    row["bdgNtep"] = json!(national + 1000);
    let text = serde_json::to_string_pretty(&doc).expect("serialises");
    let imported = lofin365::import("broken.json", &text);
    let found = messages(&imported);
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &imported.problems[0];
    assert_eq!(p.path, "projects[12]");
    assert!(p.message.contains("row 13"), "{}", p.message);
    let cash = doc["projects"][12]["bdgCashAmt"].as_i64().expect("integer");
    assert!(
        p.message.contains(&format!("bdgCashAmt = {cash}")),
        "{}",
        p.message
    );
    // The line of the row's opening brace: 3 lines of head, 15 lines per row before it.
    assert_eq!(p.position, Some((5 + 12 * 15, 5)));
    // Kept: 예산현액 is unchanged, the parts are 1,000 won more.
    let e = &expected()["4118000"];
    let b = &imported.budget;
    assert_eq!(total(b, Measure::Budgeted), int(&e["budgeted"]));
    let fields = by_field(b);
    let parts: i64 = fields.values().flat_map(|m| m.values()).sum();
    assert_eq!(parts, int(&e["budgeted"]) + 1000);
}

#[test]
fn a_truncated_file_keeps_the_rows_before_the_cut_and_says_where() {
    let text = real_text();
    let cut = text.len() / 2;
    let cut = (0..=cut)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .expect("boundary");
    let imported = lofin365::import("cut.json", &text[..cut]);
    let last = imported.problems.last().expect("a problem");
    assert!(last.message.starts_with("not valid JSON"), "{last:?}");
    assert!(last.path.starts_with("projects["), "{last:?}");
    let lines = text[..cut].lines().count();
    assert_eq!(last.position.map(|p| p.0), Some(lines), "{last:?}");
    // Every row object closed before the cut (popfund's rows end with a line of four spaces and a brace).
    assert_eq!(imported.rows_read, text[..cut].matches("\n    }").count());
    assert!(imported.rows_read > 500);
    assert_eq!(imported.budget.len(), imported.rows_read * 7);
}

fn one_row(cash: &str) -> String {
    format!(
        "{{\"lafCd\": \"4118000\", \"exeYmd\": \"20260705\", \"projects\": [\n  {{\"dbizCd\": \"1\", \"dbizNm\": \"사업\", \
         \"acntDvNm\": \"일반회계\", \"fldNm\": \"교육\", \"partNm\": \"고등교육\",\n   \"bdgCashAmt\": {cash}, \
         \"bdgNtep\": 0, \"capep\": 0, \"sggep\": 0, \"etcAmt\": 0, \"epAmt\": 0, \"cplAmt\": 0}}]}}"
    )
}

#[test]
fn amounts_that_are_not_whole_won_in_64_bits_are_quoted_with_their_place() {
    let cases = [
        ("1.5", "found \"1.5\""),
        ("1e3", "found \"1e3\""),
        ("\"1,000\"", "found \"1,000\""),
        ("\" 12\"", "found \" 12\""),
        ("null", "found null"),
        (
            "99999999999999999999",
            "fits in 64 bits, found \"99999999999999999999\"",
        ),
        ("\"-99999999999999999999\"", "fits in 64 bits"),
    ];
    for (value, says) in cases {
        let text = one_row(value);
        let imported = lofin365::import("x.json", &text);
        let found = messages(&imported);
        assert_eq!(found.len(), 1, "{value}: {found:?}");
        let p = &imported.problems[0];
        assert_eq!(p.path, "projects[0].bdgCashAmt", "{value}");
        assert!(p.message.contains(says), "{value}: {}", p.message);
        assert_eq!(p.position, Some((3, 18)), "{value}");
        // The row's other amounts are kept; 예산현액 is not.
        assert_eq!(imported.budget.len(), 6, "{value}");
    }
    // Strings of digits, negative and zero amounts are fine.
    for value in ["\"1424424000\"", "-5", "\"-5\"", "0", "-0"] {
        let text = one_row(value).replace("\"sggep\": 0", &format!("\"sggep\": {value}"));
        let imported = lofin365::import("x.json", &text);
        assert!(
            imported.problems.is_empty(),
            "{value}: {:?}",
            imported.problems
        );
    }
}

#[test]
fn sums_beyond_64_bits_are_an_error_not_a_wrap() {
    let max = i64::MAX;
    let row = |code: &str| {
        format!(
            "{{\"dbizCd\": \"{code}\", \"dbizNm\": \"큰 사업\", \"acntDvNm\": \"일반회계\", \"fldNm\": \"교육\", \
             \"partNm\": \"고등교육\", \"bdgCashAmt\": {max}, \"bdgNtep\": {max}, \"capep\": 0, \"sggep\": 0, \
             \"etcAmt\": 0, \"epAmt\": 0, \"cplAmt\": 0}}"
        )
    };
    let text = format!(
        "{{\"lafCd\": \"1\", \"exeYmd\": \"20260705\", \"projects\": [{}, {}]}}",
        row("A"),
        row("B")
    );
    let imported = lofin365::import("big.json", &text);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let filter = Filter {
        measure: Some(Measure::Budgeted),
        ..Filter::default()
    };
    let b = &imported.budget;
    assert!(matches!(
        b.sum_by(&[], &filter),
        Err(SumError::Overflow { .. })
    ));
    assert!(matches!(
        b.sum_by(&[Dim::Depth(0), Dim::Funding], &filter),
        Err(SumError::Overflow { .. })
    ));
    // Each row alone is fine.
    assert_eq!(b.sum_by(&[Dim::Node], &filter).expect("fits").len(), 2);
}

#[test]
fn parts_beyond_64_bits_break_the_invariant_without_overflowing() {
    let text = one_row("1")
        .replace("\"bdgNtep\": 0", "\"bdgNtep\": 9223372036854775807")
        .replace("\"capep\": 0", "\"capep\": 9223372036854775807");
    let imported = lofin365::import("x.json", &text);
    let found = messages(&imported);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("does not fit in 64 bits"), "{found:?}");
    assert_eq!(imported.budget.len(), 7, "kept");
}

#[test]
fn deep_nesting_is_a_positioned_problem_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    let imported = lofin365::import("deep.json", &deep);
    let found = messages(&imported);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("nested deeper than 64 levels"),
        "{found:?}"
    );
    assert_eq!(imported.problems[0].position, Some((1, 65)));
    assert!(imported.problems[0].path.starts_with("[0][0]"));
    let objects = "{\"a\":".repeat(100_000);
    let imported = lofin365::import("deep.json", &objects);
    assert_eq!(imported.problems.len(), 1, "{:?}", messages(&imported));
}

#[test]
fn an_api_error_code_is_a_problem_that_names_it() {
    let text = r#"{"QWGJK":[{"head":[{"list_total_count":0},{"RESULT":{"CODE":"INFO-200","MESSAGE":"해당하는 데이터가 없습니다."}}]}]}"#;
    let imported = lofin365::import("empty.json", text);
    let found = messages(&imported);
    assert_eq!(found.len(), 1, "{found:?}");
    let p = &imported.problems[0];
    assert_eq!(p.path, "QWGJK[0].head[1].RESULT.CODE");
    assert!(
        p.message.contains("INFO-200") && p.message.contains("해당하는 데이터가 없습니다."),
        "{}",
        p.message
    );
    assert_eq!(p.position, Some((1, 61)));
    // The API's bare error shape.
    let text = r#"{"RESULT": {"CODE": "ERROR-337", "MESSAGE": "일일 트래픽 초과"}}"#;
    let found = messages(&lofin365::import("e.json", text));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("RESULT.CODE @Some((1, 21))") && found[0].contains("ERROR-337"),
        "{found:?}"
    );
}

#[test]
fn one_page_of_a_larger_answer_is_a_problem() {
    let text = include_str!("fixtures/lofin365/raw-rows.json");
    let envelope = format!(
        "{{\"QWGJK\":[{{\"head\":[{{\"list_total_count\":1592}},{{\"RESULT\":{{\"CODE\":\"INFO-000\"}}}}]}},{{\"row\":{text}}}]}}"
    );
    let imported = lofin365::import("page.json", &envelope);
    let found = messages(&imported);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("1592") && found[0].contains("holds 5"),
        "{found:?}"
    );
    assert_eq!(imported.rows_read, 5);
}

#[test]
fn duplicate_keys_trailing_data_and_missing_fields_are_each_found() {
    let dup = one_row("0").replace(
        "\"capep\": 0",
        "\"capep\": 0, \"capep\": 0, \"x\": 1, \"x\": 2",
    );
    let found = messages(&lofin365::import("d.json", &dup));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("projects[0].capep @Some((3, 47))")
            && found[0].contains("duplicate key \"capep\"")
    );
    assert!(
        found[1].starts_with("projects[0].x @Some((3, 67))"),
        "{found:?}"
    );

    let trailing = format!("{} {{}}", one_row("0"));
    let imported = lofin365::import("t.json", &trailing);
    let found = messages(&imported);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("not valid JSON"), "{found:?}");
    assert_eq!(imported.rows_read, 1);

    let missing = one_row("0")
        .replace("\"dbizNm\": \"사업\", ", "")
        .replace("\"epAmt\": 0, ", "");
    let imported = lofin365::import("m.json", &missing);
    let found = messages(&imported);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|f| f.starts_with("projects[0] @Some((2, 3))")),
        "{found:?}"
    );
    assert!(
        found[0].contains("missing dbizNm") && found[1].contains("missing epAmt"),
        "{found:?}"
    );
    assert!(imported.budget.is_empty(), "no 세부사업 node to hold them");

    let invisible = one_row("0").replace("\"사업\"", "\"\\u200b \"");
    let found = messages(&lofin365::import("i.json", &invisible));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("projects[0].dbizNm") && found[0].contains("invisible"),
        "{found:?}"
    );

    let nested = one_row("0").replace("\"cplAmt\": 0", "\"cplAmt\": 0, \"extra\": {\"a\": 1}");
    let found = messages(&lofin365::import("n.json", &nested));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("found an array or object in \"extra\""),
        "{found:?}"
    );

    let nothing = lofin365::import("n.json", "{\"lafCd\": \"1\", \"projects\": []}");
    assert!(messages(&nothing)[0].contains("found no line items"));
}

#[test]
fn a_million_generated_rows_are_read() {
    let text = lofin365::synthetic::generate(1_000_000, 7);
    let imported = lofin365::import("million.json", &text);
    drop(text);
    assert!(
        imported.problems.is_empty(),
        "{:?}",
        imported.problems.first()
    );
    assert_eq!(imported.rows_read, 1_000_000);
}
