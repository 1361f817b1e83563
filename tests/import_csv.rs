//! The CSV importer on real and hostile tables: Oakland's ten "flow" files against totals computed by
//! tests/expected/oakland.py (stdlib csv and Decimal, never the Rust importer), a Korean budget book in CP949 and
//! in UTF-8, and broken files (truncated and ragged rows, the wrong delimiter, mixed encodings, bad amounts,
//! overflows, a million rows).

use ansan_budget::budget::{
    Currency, Dim, Direction, Filter, Funding, Measure, Period, Phase, SumError,
};
use ansan_budget::import::csv::{import, Mapping};
use ansan_budget::import::Imported;
use serde_json::Value;
use std::path::Path;

const OAKLAND: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/realdata/oakland-flow-FY13-FY23/flow"
);
const EXPECTED: &str = include_str!("expected/oakland.json");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/csv");

fn oakland_dir() -> &'static Path {
    let dir = Path::new(OAKLAND);
    assert!(
        dir.is_dir(),
        "real data missing: {OAKLAND} (the shared realdata folder must be beside the repository; see its README.md)"
    );
    dir
}

/// The mapping for one Oakland file: phase from the file name (the caller's knowledge), the rest from columns.
fn oakland_mapping(phase: &str) -> Mapping {
    let json = format!(
        r#"{{
          "unit": "USD",
          "year": {{"column": "budget_year"}},
          "phase": "{phase}",
          "measure": "budgeted",
          "direction": {{"column": "account_type", "values": {{"Expense": "expenditure", "Revenue": "revenue"}}}},
          "levels": [
            {{"name": "department", "fill": "(no department)"}},
            {{"name": "account_category", "level": "account category", "fill": "(no category)"}},
            {{"code": "fund_code", "name": "fund_code", "level": "fund"}}
          ],
          "amounts": [{{"column": "amount"}}],
          "source": "City of Oakland budget, via Open Budget Oakland (MIT)",
          "language": "en"
        }}"#
    );
    Mapping::parse("oakland-mapping.json", &json).unwrap_or_else(|e| panic!("{e}"))
}

fn phase_of(name_phase: &str) -> (&'static str, Phase) {
    match name_phase {
        "proposed" => ("proposed", Phase::Proposed),
        "adopted" => ("original", Phase::Original),
        "adjusted" => ("final", Phase::Final),
        other => panic!("unknown phase in a file name: {other}"),
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn oakland_totals_by_file_and_direction_equal_the_independent_script() {
    let dir = oakland_dir();
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    let files = expected.as_object().unwrap();
    assert_eq!(files.len(), 10, "the script saw ten flow files");
    for (name, want) in files {
        let (phase_name, phase) = phase_of(want["phase"].as_str().unwrap());
        let year = want["fiscal_year"].as_i64().unwrap() as i32;
        let imported = import(name, &read(&dir.join(name)), &oakland_mapping(phase_name));
        assert_eq!(
            imported.rows_read as u64,
            want["rows"].as_u64().unwrap(),
            "{name}: rows"
        );
        assert_eq!(
            imported.budget.len() as u64,
            want["amounts"].as_u64().unwrap(),
            "{name}: amounts"
        );
        // Every problem is one the script found unreadable, at the same row and line, and no other.
        let unreadable = want["unreadable"].as_array().unwrap();
        assert_eq!(
            imported.problems.len(),
            unreadable.len(),
            "{name}: {:?}",
            imported.problems
        );
        for (p, u) in imported.problems.iter().zip(unreadable) {
            assert_eq!(
                p.path,
                format!("row {}, column \"amount\"", u["row"]),
                "{name}"
            );
            assert_eq!(
                p.position.map(|(line, _)| line as u64),
                u["line"].as_u64(),
                "{name}"
            );
            assert!(p.message.contains("empty cell"), "{name}: {}", p.message);
        }
        let groups = imported
            .budget
            .sum_by(&[], &Filter::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            groups.len(),
            2,
            "{name}: one group per direction: {groups:?}"
        );
        for g in &groups {
            assert_eq!(g.key.period, Period::Year(year), "{name}");
            assert_eq!(g.key.phase, phase, "{name}");
            assert_eq!(g.key.measure, Measure::Budgeted, "{name}");
            assert_eq!(g.key.currency, Currency(*b"USD"), "{name}");
            let key = match g.key.direction {
                Direction::Expenditure => "expenditure",
                Direction::Revenue => "revenue",
            };
            assert_eq!(
                Some(g.total),
                want["totals_cents"][key].as_i64(),
                "{name}: {key} in cents"
            );
        }
        assert!(
            imported.notes.iter().any(|n| n == "encoding: UTF-8"),
            "{name}: {:?}",
            imported.notes
        );
    }
}

#[test]
fn oakland_truncated_last_row_is_reported_with_its_place_and_not_counted() {
    let name = "FY21-22__adopted.csv";
    let imported = import(
        name,
        &read(&oakland_dir().join(name)),
        &oakland_mapping("original"),
    );
    let [p] = imported.problems.as_slice() else {
        panic!("expected one problem, found {:?}", imported.problems);
    };
    assert_eq!(p.path, "row 22236, column \"amount\"");
    // Line 22237 (the header is line 1); the amount is the sixth field, after "FY21-22,Workplace and …,1010,Service Charges,".
    let line = "FY21-22,Workplace and Employment Standards,Revenue,1010,Service Charges,";
    assert_eq!(p.position, Some((22237, line.chars().count() + 1)));
    assert_eq!(imported.rows_read, 22236);
    assert_eq!(imported.budget.len(), 22235);
    let last_row_counted = imported.budget.amounts().any(
        |a| matches!(a.origin, ansan_budget::budget::Origin::Cell { row, .. } if *row == 22236),
    );
    assert!(!last_row_counted);
}

#[test]
fn oakland_phases_of_one_year_stay_apart() {
    // Adopted and adjusted FY14-15 in one table (same column order), the phase read per row from an added column.
    let dir = oakland_dir();
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    let adopted = String::from_utf8(read(&dir.join("FY14-15__adopted.csv"))).unwrap();
    let adjusted = String::from_utf8(read(&dir.join("FY14-15__adjusted.csv"))).unwrap();
    let (head_a, rows_a) = adopted.split_once('\n').unwrap();
    let (head_b, rows_b) = adjusted.split_once('\n').unwrap();
    assert_eq!(
        head_a.trim_end(),
        head_b.trim_end(),
        "same columns in both files"
    );
    let mut table = format!("{},phase\n", head_a.trim_end());
    for (rows, phase) in [(rows_a, "adopted"), (rows_b, "adjusted")] {
        for line in rows.lines().filter(|l| !l.is_empty()) {
            table.push_str(&format!("{line},{phase}\n"));
        }
    }
    let mapping = Mapping::parse(
        "m.json",
        r#"{
          "unit": "USD", "year": {"column": "budget_year"}, "measure": "budgeted",
          "phase": {"column": "phase", "values": {"adopted": "original", "adjusted": "final"}},
          "direction": {"column": "account_type", "values": {"Expense": "expenditure", "Revenue": "revenue"}},
          "levels": [{"name": "department", "fill": "-"}, {"name": "account_category", "fill": "-"},
                     {"code": "fund_code", "name": "fund_code"}],
          "amounts": [{"column": "amount"}]
        }"#,
    )
    .unwrap();
    let imported = import("FY14-15.csv", table.as_bytes(), &mapping);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    let groups = imported.budget.sum_by(&[], &Filter::default()).unwrap();
    assert_eq!(groups.len(), 4, "two phases × two directions: {groups:?}");
    for (file, phase) in [
        ("FY14-15__adopted.csv", Phase::Original),
        ("FY14-15__adjusted.csv", Phase::Final),
    ] {
        for (key, direction) in [
            ("expenditure", Direction::Expenditure),
            ("revenue", Direction::Revenue),
        ] {
            let want = expected[file]["totals_cents"][key].as_i64().unwrap();
            let found: Vec<i64> = groups
                .iter()
                .filter(|g| g.key.phase == phase && g.key.direction == direction)
                .map(|g| g.total)
                .collect();
            assert_eq!(found, vec![want], "{file} {key}");
        }
    }
    // No group is the two phases added together.
    let both = expected["FY14-15__adopted.csv"]["totals_cents"]["expenditure"]
        .as_i64()
        .unwrap()
        + expected["FY14-15__adjusted.csv"]["totals_cents"]["expenditure"]
            .as_i64()
            .unwrap();
    assert!(groups.iter().all(|g| g.total != both));
    // Asked for one phase, only that phase comes back.
    let only = imported
        .budget
        .sum_by(
            &[],
            &Filter {
                phase: Some(Phase::Final),
                ..Filter::default()
            },
        )
        .unwrap();
    assert!(only.len() == 2 && only.iter().all(|g| g.key.phase == Phase::Final));
}

// --- Korean budget book ----------------------------------------------------------------------------------------

/// The mapping a city team would write for the budget-book fixture (also the README's example).
const BOOK_MAPPING: &str = include_str!("fixtures/csv/budget-book.mapping.json");

fn book(file: &str) -> Imported {
    let bytes = read(&Path::new(FIXTURES).join(file));
    // The same name for both encodings, so their budgets can be compared whole.
    import(
        "budget-book.csv",
        &bytes,
        &Mapping::parse("book.json", BOOK_MAPPING).unwrap(),
    )
}

#[test]
fn a_cp949_budget_book_is_decoded_named_and_scaled_from_thousands() {
    let imported = book("budget-book-cp949.csv");
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n == "encoding: CP949 (EUC-KR)"),
        "{:?}",
        imported.notes
    );
    assert_eq!(imported.rows_read, 5);
    let b = &imported.budget;
    let names: Vec<&str> = b.nodes().iter().map(|n| b.name(&n.name)).collect();
    assert!(
        names.contains(&"사회복지") && names.contains(&"노인일자리 감액"),
        "{names:?}"
    );
    // Leaves in 천원: 10,000 + 2,345 − 1,200 + 5,000 = 16,145, i.e. 16,145,000 won; the 분야 subtotal row
    // (11,145 = 10,000 + 2,345 − 1,200) repeats its children and is not counted again.
    let total = b.sum_by(&[], &Filter::default()).unwrap();
    assert_eq!(total.len(), 1);
    assert_eq!(total[0].total, 16_145_000);
    assert_eq!(total[0].key.period, Period::Year(2024));
    assert_eq!(total[0].key.currency, Currency::KRW);
    // By funding: 국비 6,000 + 1,000 + (200 as minus) + "-" as zero; 도비 1,000 + 345 + empty; 시비 3,000 + 1,000
    // + "△ 1000" + 5,000.
    let by_funding: Vec<(Funding, i64)> = b
        .sum_by(&[Dim::Funding], &Filter::default())
        .unwrap()
        .iter()
        .map(|g| (g.key.funding.unwrap(), g.total))
        .collect();
    assert_eq!(
        by_funding,
        vec![
            (Funding::National, 6_800_000),
            (Funding::Provincial, 1_345_000),
            (Funding::City, 8_000_000),
        ]
    );
    assert_eq!(b.rollups(), 4, "the subtotal row's whole and three parts");
}

#[test]
fn the_same_book_in_utf8_with_bom_gives_the_same_budget() {
    let cp949 = book("budget-book-cp949.csv");
    let utf8 = book("budget-book-utf8-bom.csv");
    assert!(utf8.problems.is_empty(), "{:?}", utf8.problems);
    assert!(
        utf8.notes.iter().any(|n| n == "encoding: UTF-8 (with BOM)"),
        "{:?}",
        utf8.notes
    );
    assert_eq!(cp949.budget, utf8.budget);
}

#[test]
fn utf8_whose_bytes_also_pair_up_as_cp949_is_read_as_utf8() {
    let text = "지역,금액\n마산,100\n";
    // The guard: these bytes are valid CP949 too (as "留덉궛"), so only the UTF-8-first rule reads them right.
    assert!(encoding_rs::EUC_KR
        .decode_without_bom_handling_and_without_replacement("마산".as_bytes())
        .is_some());
    let mapping = Mapping::parse(
        "m.json",
        r#"{"unit": "원", "year": 2024, "phase": "final", "measure": "executed", "direction": "expenditure",
            "levels": [{"name": "지역"}], "amounts": [{"column": "금액"}]}"#,
    )
    .unwrap();
    let imported = import("t.csv", text.as_bytes(), &mapping);
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert!(imported.notes.iter().any(|n| n == "encoding: UTF-8"));
    let b = &imported.budget;
    assert_eq!(b.name(&b.nodes()[0].name), "마산");
}

// --- Broken tables -----------------------------------------------------------------------------------------------

fn simple_mapping(unit: &str, extra: &str) -> Mapping {
    let json = format!(
        r#"{{"unit": "{unit}", "year": 2024, "phase": "original", "measure": "budgeted",
            "direction": "expenditure", "levels": [{{"name": "name"}}], "amounts": [{{"column": "amount"}}]{extra}}}"#
    );
    Mapping::parse("m.json", &json).unwrap_or_else(|e| panic!("{e}"))
}

fn messages(imported: &Imported) -> Vec<String> {
    imported
        .problems
        .iter()
        .map(|p| {
            let pos = p
                .position
                .map(|(l, c)| format!(" @{l}:{c}"))
                .unwrap_or_default();
            format!("{}{pos}: {}", p.path, p.message)
        })
        .collect()
}

#[test]
fn ragged_and_truncated_rows_are_placed_and_the_rest_is_read() {
    let text = "name,amount\na,1\nb\nc,3,x\nd,4\ne,\"5";
    let imported = import("t.csv", text.as_bytes(), &simple_mapping("원", ""));
    let m = messages(&imported);
    assert_eq!(m.len(), 3, "{m:#?}");
    assert!(
        m[0].starts_with("row 2 @3:1: expected 2 fields as in the header, found 1"),
        "{m:#?}"
    );
    assert!(
        m[1].starts_with("row 3 @4:1: expected 2 fields as in the header, found 3"),
        "{m:#?}"
    );
    assert!(m[2].starts_with("row 5 @6:1: unterminated quote"), "{m:#?}");
    assert_eq!(imported.rows_read, 5);
    let values: Vec<i64> = imported.budget.amounts().map(|a| a.value).collect();
    assert_eq!(values, vec![1, 4]);
}

#[test]
fn a_wrong_delimiter_is_refused_at_the_header_with_a_hint() {
    let text = "name;amount\na;1\n";
    let imported = import(
        "t.csv",
        text.as_bytes(),
        &simple_mapping("원", r#", "delimiter": ",""#),
    );
    let m = messages(&imported);
    assert_eq!(m.len(), 2, "{m:#?}");
    assert!(
        m.iter()
            .all(|m| m.starts_with("header @1:1: expected a column")
                && m.contains("found the columns \"name;amount\"")
                && m.contains("is the delimiter ';'?")),
        "{m:#?}"
    );
    assert!(imported.budget.is_empty());
    // Without a delimiter in the mapping, the header says which.
    let imported = import("t.csv", text.as_bytes(), &simple_mapping("원", ""));
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    assert_eq!(imported.budget.len(), 1);
    assert!(imported
        .notes
        .iter()
        .any(|n| n == "delimiter: ';' (found in the header)"));
}

#[test]
fn a_utf8_file_with_one_cp949_line_is_refused_naming_the_byte() {
    let mut bytes = "name,amount\n사회복지,1\n".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xBE\xC8\xBB\xEA,2\n"); // 안산 in CP949
    let imported = import("t.csv", &bytes, &simple_mapping("원", ""));
    let m = messages(&imported);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(
        m[0].contains("mixes encodings") && m[0].contains(&format!("from byte {offset}")),
        "{m:#?}"
    );
    assert!(imported.budget.is_empty());
    assert_eq!(imported.rows_read, 0);
}

#[test]
fn bad_amounts_are_placed_problems_and_good_ones_are_read() {
    let text = "name,amount\n\
                a,12a\n\
                b,\"1,2\"\n\
                c,▲1000\n\
                d,1.5\n\
                e,9223372036854775808\n\
                f,9223372036854775807\n\
                g,-9223372036854775807\n\
                h,\n\
                i,\"(1,000)\"\n";
    let imported = import("t.csv", text.as_bytes(), &simple_mapping("원", ""));
    let m = messages(&imported);
    assert_eq!(m.len(), 6, "{m:#?}");
    assert!(
        m[0].starts_with("row 1, column \"amount\" @2:3: expected an amount in 원"),
        "{m:#?}"
    );
    assert!(m[0].ends_with("found \"12a\""), "{m:#?}");
    assert!(m[1].starts_with("row 2, column \"amount\" @3:3:") && m[1].ends_with("found \"1,2\""));
    assert!(m[2].starts_with("row 3, column \"amount\"") && m[2].ends_with("found \"▲1000\""));
    assert!(
        m[3].contains("expected a whole number of 원, found \"1.5\""),
        "{m:#?}"
    );
    assert!(
        m[4].starts_with("row 5,") && m[4].contains("fits in 64 bits"),
        "{m:#?}"
    );
    assert!(
        m[5].starts_with("row 8,") && m[5].contains("empty cell"),
        "{m:#?}"
    );
    let values: Vec<i64> = imported.budget.amounts().map(|a| a.value).collect();
    assert_eq!(values, vec![i64::MAX, -i64::MAX, -1000]);
    assert_eq!(imported.rows_read, 9);

    // In 천원, an amount that fits as written can overflow once scaled.
    let text = "name,amount\na,\"9,223,372,036,854,776\"\nb,\"9,223,372,036,854,775\"\n";
    let imported = import("t.csv", text.as_bytes(), &simple_mapping("천원", ""));
    let m = messages(&imported);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(
        m[0].starts_with("row 1,") && m[0].contains("64 bits"),
        "{m:#?}"
    );
    let values: Vec<i64> = imported.budget.amounts().map(|a| a.value).collect();
    assert_eq!(values, vec![9_223_372_036_854_775_000]);
}

#[test]
fn sums_beyond_i64_are_an_error_not_a_panic() {
    let text = "name,amount\na,9000000000000000000\nb,9000000000000000000\n";
    let imported = import("t.csv", text.as_bytes(), &simple_mapping("원", ""));
    assert!(imported.problems.is_empty(), "{:?}", imported.problems);
    match imported.budget.sum_by(&[], &Filter::default()) {
        Err(SumError::Overflow { .. }) => {}
        other => panic!("expected an overflow, found {other:?}"),
    }
    // Each alone still sums.
    let by_node = imported
        .budget
        .sum_by(&[Dim::Node], &Filter::default())
        .unwrap();
    assert_eq!(by_node.len(), 2);
}

#[test]
fn a_million_rows_are_read() {
    const ROWS: usize = 1_000_000;
    let mut text = String::with_capacity(ROWS * 40);
    text.push_str("분야,부문,세부사업,예산액\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "분야{},부문{},사업{i},\"{},{:03}\"\n",
            i % 13,
            i % 101,
            i % 999 + 1,
            i % 1000
        ));
    }
    let mapping = Mapping::parse(
        "m.json",
        r#"{"unit": "천원", "year": 2025, "phase": "proposed", "measure": "budgeted", "direction": "expenditure",
            "levels": [{"name": "분야"}, {"name": "부문"}, {"name": "세부사업"}], "amounts": [{"column": "예산액"}]}"#,
    )
    .unwrap();
    let started = std::time::Instant::now();
    let imported = import("million.csv", text.as_bytes(), &mapping);
    let elapsed = started.elapsed();
    eprintln!(
        "1,000,000 rows ({} MB) imported in {elapsed:?}",
        text.len() / 1_000_000
    );
    assert!(
        imported.problems.is_empty(),
        "{:?}",
        &imported.problems[..3]
    );
    assert_eq!(imported.rows_read, ROWS);
    assert_eq!(imported.budget.len(), ROWS);
    let total = imported.budget.sum_by(&[], &Filter::default()).unwrap();
    assert_eq!(total.len(), 1);
    assert_eq!(total[0].rows, ROWS);
}
