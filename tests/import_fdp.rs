//! The Fiscal Data Package importer on real data (Madrid's expenditure 2012–2015, as published with the older
//! `mapping` key), on two invented fixture packages (FDP 0.3 `model` with `parent` / `labelfor`, FDP 1.0
//! `columnType`), and on hostile packages: each problem has its place, none panics, and no path outside the
//! package reaches the caller's `read`.

use ansan_budget::budget::{
    Budget, Currency, Dim, Direction, Filter, Measure, NodeId, Period, Phase, SumError,
};
use ansan_budget::import::{fdp, Imported};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const MADRID: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/realdata/madrid-gastos-2012-2015"
);
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fdp");

/// Imports the package in `dir`, reading resources from the folder (the importer has already refused paths
/// that leave it; the test checks that again, so a bug cannot read outside).
fn import_dir(dir: &str) -> Imported {
    let dir = PathBuf::from(dir);
    assert!(
        dir.is_dir(),
        "{} is absent: the real-data folder (../shared/realdata) must be beside the project",
        dir.display()
    );
    let desc = std::fs::read_to_string(dir.join("datapackage.json")).expect("datapackage.json");
    let read = |p: &str| -> Result<Vec<u8>, String> {
        assert!(
            !p.contains("..") && !Path::new(p).is_absolute(),
            "asked to read {p}"
        );
        std::fs::read(dir.join(p)).map_err(|e| e.to_string())
    };
    fdp::import("datapackage.json", &desc, &read)
}

/// Imports a package held in memory, recording every path `read` was asked for.
fn import_mem(desc: &str, files: &[(&str, &[u8])]) -> (Imported, Vec<String>) {
    let files: HashMap<&str, &[u8]> = files.iter().copied().collect();
    let asked = RefCell::new(Vec::new());
    let read = |p: &str| -> Result<Vec<u8>, String> {
        asked.borrow_mut().push(p.to_owned());
        files
            .get(p)
            .map(|b| b.to_vec())
            .ok_or_else(|| format!("no such file: {p}"))
    };
    let imported = fdp::import("datapackage.json", desc, &read);
    (imported, asked.into_inner())
}

fn node_by_code(b: &Budget, code: &str) -> NodeId {
    let i = b
        .nodes()
        .iter()
        .position(|n| b.text(n.code) == code)
        .unwrap_or_else(|| panic!("no node {code}"));
    NodeId(i as u32)
}

fn year(p: Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        other => panic!("expected a year, found {other:?}"),
    }
}

#[test]
fn madrid_totals_match_an_independent_count() {
    let expected: serde_json::Value = serde_json::from_str(include_str!("expected/madrid.json"))
        .expect("tests/expected/madrid.json (run tests/expected/madrid.py)");
    let started = std::time::Instant::now();
    let imp = import_dir(MADRID);
    let elapsed = started.elapsed();
    eprintln!(
        "Madrid: {} rows, {} amounts, {} nodes imported in {:.1} ms ({} build); budget {} KB",
        imp.rows_read,
        imp.budget.len(),
        imp.budget.nodes().len(),
        elapsed.as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        imp.budget.heap_bytes() / 1024
    );
    assert!(imp.problems.is_empty(), "{:#?}", imp.problems);
    assert_eq!(
        imp.rows_read as u64,
        expected["rows"].as_u64().expect("rows")
    );
    assert_eq!(imp.rows_read, 20_217);
    let b = &imp.budget;
    assert_eq!(b.len(), 20_217, "one amount per row");
    assert_eq!(b.meta().id, "madrid-municipal-gastos");
    assert_eq!(b.meta().languages.0, "es");
    assert!(
        b.meta().source.contains("datos.madrid.es"),
        "{:?}",
        b.meta()
    );
    assert!(
        imp.notes
            .iter()
            .any(|n| n.contains("dimension \"program\"")),
        "{:?}",
        imp.notes
    );

    // Totals per year: one group per year, all approved expenditure in EUR.
    let groups = b.sum_by(&[], &Filter::default()).expect("sum");
    let mut got = BTreeMap::new();
    for g in &groups {
        assert_eq!(g.key.phase, Phase::Original);
        assert_eq!(g.key.measure, Measure::Budgeted);
        assert_eq!(g.key.direction, Direction::Expenditure);
        assert_eq!(g.key.currency, Currency(*b"EUR"));
        got.insert(year(g.key.period), g.total);
    }
    let want: BTreeMap<String, i64> = expected["total_cents_by_year"]
        .as_object()
        .expect("totals")
        .iter()
        .map(|(y, v)| (y.clone(), v.as_i64().expect("cents")))
        .collect();
    assert_eq!(got, want);

    // Every program's total in every year.
    let per_node = b.sum_by(&[Dim::Node], &Filter::default()).expect("sum");
    let mut got: BTreeMap<(String, String), i64> = BTreeMap::new();
    for g in &per_node {
        let node = b.node(g.key.node.expect("node")).expect("node");
        got.insert((year(g.key.period), b.text(node.code).to_owned()), g.total);
    }
    let mut want = BTreeMap::new();
    for (y, programs) in expected["cents_by_year_program"]
        .as_object()
        .expect("programs")
    {
        for (code, v) in programs.as_object().expect("program") {
            want.insert((y.clone(), code.clone()), v.as_i64().expect("cents"));
        }
    }
    assert_eq!(got, want);

    // Codes are kept as written: PROGRAMA 01111 stays 01111 (the schema says integer).
    assert_eq!(
        b.nodes().len() as u64,
        expected["programs"].as_u64().expect("programs")
    );
    for code in expected["programs_with_leading_zero"]
        .as_array()
        .expect("codes")
    {
        let code = code.as_str().expect("code");
        let n = node_by_code(b, code);
        assert!(b.text(b.node(n).expect("node").code).starts_with('0'));
    }
    assert!(b.nodes().iter().all(|n| b.text(n.level) == "PROGRAMA"));
    // The first label met is kept when a code is relabelled between years.
    let n = b.node(node_by_code(b, "91100")).expect("91100");
    assert_eq!(b.name(&n.name), "SECRETARÍA GENERAL DEL PLENO");
}

#[test]
fn fdp_03_fixture_builds_the_parent_labelfor_hierarchy() {
    let imp = import_dir(&format!("{FIXTURES}/v03-hierarchy"));
    assert!(imp.problems.is_empty(), "{:#?}", imp.problems);
    assert_eq!(imp.rows_read, 4);
    let b = &imp.budget;
    let shape: Vec<(String, String, Option<String>, String)> = b
        .nodes()
        .iter()
        .map(|n| {
            (
                b.text(n.code).to_owned(),
                b.name(&n.name).to_owned(),
                n.parent
                    .map(|p| b.text(b.node(p).expect("parent").code).to_owned()),
                b.text(n.level).to_owned(),
            )
        })
        .collect();
    let want = [
        ("01", "General; public services", None, "Function"),
        ("011", "Executive organs", Some("01"), "Subfunction"),
        ("012", "Financial affairs", Some("01"), "Subfunction"),
        ("04", "Economic affairs", None, "Function"),
        ("041", "General economic", Some("04"), "Subfunction"),
    ]
    .map(|(c, n, p, l)| {
        (
            c.to_owned(),
            n.to_owned(),
            p.map(str::to_owned),
            l.to_owned(),
        )
    });
    assert_eq!(shape, want);
    let note = imp
        .notes
        .iter()
        .find(|n| n.starts_with("hierarchy"))
        .expect("hierarchy note");
    assert!(
        note.contains("\"functional\"") && note.contains("\"administrative\""),
        "{note}"
    );
    // No year in the rows: the fiscal period's.
    let sums = b.sum_by(&[], &Filter::default()).expect("sum");
    let got: Vec<(Period, Phase, Measure, i64)> = sums
        .iter()
        .map(|g| (g.key.period, g.key.phase, g.key.measure, g.total))
        .collect();
    // Adopted × 1000: 1234.5 + 200 + 50 + 10 thousand dollars; spent: 1100000.25 + 199999.99 + 9.5 dollars.
    assert_eq!(
        got,
        [
            (
                Period::Year(2020),
                Phase::Original,
                Measure::Budgeted,
                149_450_000
            ),
            (
                Period::Year(2020),
                Phase::Settled,
                Measure::Executed,
                130_000_974
            ),
        ]
    );
    // The row classified only to its function is that function's own amount, not a rollup of its children.
    let top = b
        .sum_by(
            &[Dim::Depth(0)],
            &Filter {
                phase: Some(Phase::Original),
                ..Filter::default()
            },
        )
        .expect("sum");
    let n04 = node_by_code(b, "04");
    let g = top.iter().find(|g| g.key.node == Some(n04)).expect("04");
    assert_eq!(g.total, 6_000_000);
    assert!(imp.notes.iter().any(|n| n.contains("1 empty amount cells")));
    assert_eq!(b.meta().source, "Ansan Budget Explorer tests");
}

#[test]
fn fdp_1_fixture_reads_column_types() {
    let imp = import_dir(&format!("{FIXTURES}/v1-columntype"));
    assert!(imp.problems.is_empty(), "{:#?}", imp.problems);
    assert_eq!(imp.rows_read, 4);
    let b = &imp.budget;
    assert_eq!(b.meta().languages.0, "ko");
    let shape: Vec<(String, String, Option<String>)> = b
        .nodes()
        .iter()
        .map(|n| {
            (
                b.text(n.code).to_owned(),
                b.name(&n.name).to_owned(),
                n.parent
                    .map(|p| b.text(b.node(p).expect("parent").code).to_owned()),
            )
        })
        .collect();
    let want = [
        ("010", "일반공공행정", None),
        ("011", "입법및선거관리", Some("010")),
        ("013", "일반행정", Some("010")),
        ("080", "보건", None),
        ("081", "보건의료", Some("080")),
    ]
    .map(|(c, n, p)| (c.to_owned(), n.to_owned(), p.map(str::to_owned)));
    assert_eq!(shape, want);
    let sums = b.sum_by(&[], &Filter::default()).expect("sum");
    let got: Vec<(Period, Phase, Direction, Currency, i64)> = sums
        .iter()
        .map(|g| {
            (
                g.key.period,
                g.key.phase,
                g.key.direction,
                g.key.currency,
                g.total,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Period::Year(2023),
                Phase::Proposed,
                Direction::Expenditure,
                Currency::KRW,
                3_500_000
            ),
            (
                Period::Year(2024),
                Phase::Proposed,
                Direction::Expenditure,
                Currency::KRW,
                2_600_000
            ),
            (
                Period::Year(2024),
                Phase::Final,
                Direction::Revenue,
                Currency::KRW,
                300
            ),
        ]
    );
    let note = imp
        .notes
        .iter()
        .find(|n| n.starts_with("hierarchy"))
        .expect("hierarchy note");
    assert!(note.contains("분야코드 > 부문코드"), "{note}");
}

const DESC: &str = r#"{
  "name": "hostile",
  "resources": [{"name": "r", "path": "r.csv"}],
  "model": {
    "measures": {"IMPORTE": {"source": "IMPORTE", "currency": "EUR", "phase": "approved"}},
    "dimensions": {
      "program": {"dimensionType": "activity",
                  "attributes": {"P": {"source": "P"}, "N": {"source": "N", "labelfor": "P"}},
                  "primaryKey": "P"},
      "date": {"attributes": {"y": {"source": "Y"}}, "primaryKey": "y"}
    }
  }
}"#;

fn messages(imp: &Imported) -> Vec<String> {
    imp.problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

#[test]
fn paths_leaving_the_package_are_refused_without_reading() {
    for bad in [
        "../x.csv",
        "/etc/passwd",
        "http://x/y.csv",
        "file:///etc/passwd",
        "C:\\x.csv",
        "\\\\server\\share\\x.csv",
        "data/../../x.csv",
        "%2e%2e/x.csv",
    ] {
        let desc = DESC.replace("\"r.csv\"", &serde_json::to_string(bad).expect("json"));
        let (imp, asked) = import_mem(&desc, &[]);
        assert!(asked.is_empty(), "{bad}: read was asked for {asked:?}");
        let p = imp
            .problems
            .iter()
            .find(|p| p.path == "resources[0].path")
            .unwrap_or_else(|| panic!("{bad}: {:?}", messages(&imp)));
        assert!(p.message.contains("inside the package"), "{p:?}");
        assert_eq!(p.position.map(|p| p.0), Some(3), "{bad}: {p:?}");
        assert_eq!(imp.rows_read, 0);
    }
}

#[test]
fn a_missing_resource_is_a_placed_problem() {
    let (imp, asked) = import_mem(DESC, &[]);
    assert_eq!(asked, ["r.csv"]);
    let m = messages(&imp);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("resources[0].path: could not read \"r.csv\": no such file"),
        "{m:?}"
    );
    assert_eq!(imp.problems[0].position, Some((3, 39)));
}

#[test]
fn bad_rows_are_placed_and_the_rest_is_read() {
    let csv = format!(
        "Y,P,N,IMPORTE\n2015,001,a,10\n2015,002,b\n2015,003,c,12a\n2015,004,d,{}\n2015,005,e,2.5\n2015,006,f,7\n",
        "9".repeat(25)
    );
    let (imp, _) = import_mem(DESC, &[("r.csv", csv.as_bytes())]);
    let m = messages(&imp);
    assert_eq!(imp.rows_read, 6);
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(
        m[0].starts_with("r.csv row 2: expected 4 fields as in the header, found 3"),
        "{m:?}"
    );
    assert!(
        m[1].starts_with("r.csv row 3, column \"IMPORTE\": expected an amount as a decimal number"),
        "{m:?}"
    );
    assert!(m[1].contains("\"12a\""), "{m:?}");
    assert!(
        m[2].starts_with(
            "r.csv row 4, column \"IMPORTE\": expected an amount that fits in 64 bits"
        ),
        "{m:?}"
    );
    let total: i64 = imp.budget.amounts().map(|a| a.value).sum();
    assert_eq!(total, 1000 + 250 + 700);
}

#[test]
fn a_wrong_delimiter_says_the_measure_column_is_missing() {
    let csv = "Y;P;N;IMPORTE\n2015;001;a;10\n";
    let (imp, _) = import_mem(DESC, &[("r.csv", csv.as_bytes())]);
    let m = messages(&imp);
    let p = m
        .iter()
        .find(|m| m.starts_with("model.measures.IMPORTE.source"))
        .unwrap_or_else(|| panic!("{m:?}"));
    assert!(
        p.contains("expected the measure's column \"IMPORTE\" in the header of r.csv"),
        "{p}"
    );
    assert!(p.contains("is the delimiter \";\""), "{p}");
    assert!(imp.budget.is_empty());
}

#[test]
fn a_measure_whose_column_is_absent_is_a_placed_problem() {
    let desc = DESC.replace("\"source\": \"IMPORTE\"", "\"source\": \"TOTAL\"");
    let csv = "Y,P,N,IMPORTE\n2015,001,a,10\n";
    let (imp, _) = import_mem(&desc, &[("r.csv", csv.as_bytes())]);
    let m = messages(&imp);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("model.measures.IMPORTE.source: expected the measure's column \"TOTAL\""),
        "{m:?}"
    );
    assert_eq!(imp.problems[0].position, Some((5, 40)));
}

#[test]
fn a_sum_beyond_i64_is_an_error() {
    let half = i64::MAX / 2 + 1;
    let desc = DESC.replace("\"EUR\"", "\"KRW\"");
    let csv = format!("Y,P,N,IMPORTE\n2015,001,a,{half}\n2015,002,b,{half}\n");
    let (imp, _) = import_mem(&desc, &[("r.csv", csv.as_bytes())]);
    assert!(imp.problems.is_empty(), "{:?}", messages(&imp));
    assert_eq!(imp.budget.len(), 2);
    match imp.budget.sum_by(&[], &Filter::default()) {
        Err(SumError::Overflow { .. }) => {}
        other => panic!("expected an overflow, found {other:?}"),
    }
}

#[test]
fn a_descriptor_that_is_not_json_is_a_placed_problem() {
    let (imp, asked) = import_mem("{\n  \"name\": \"x\",\n  \"resources\": [\n", &[]);
    assert!(asked.is_empty());
    assert_eq!(imp.problems.len(), 1, "{:?}", messages(&imp));
    assert!(imp.problems[0]
        .message
        .starts_with("expected the descriptor to be JSON"));
    assert!(imp.problems[0].position.is_some());
    let (imp, _) = import_mem("[1, 2]", &[]);
    assert!(messages(&imp)[0].contains("expected an object, found an array"));
}

#[test]
fn a_descriptor_without_a_model_is_a_placed_problem() {
    let desc = r#"{"name": "x", "resources": [{"path": "r.csv"}]}"#;
    let (imp, asked) = import_mem(desc, &[("r.csv", b"a,b\n1,2\n")]);
    assert!(asked.is_empty(), "nothing to read without a model");
    let m = messages(&imp);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with(".: expected a \"model\" (or \"mapping\")"),
        "{m:?}"
    );
    assert_eq!(imp.problems[0].position, Some((1, 1)));
}

#[test]
fn descriptor_mistakes_are_placed() {
    let desc = DESC
        .replace("\"currency\": \"EUR\"", "\"currency\": \"euro\"")
        .replace("\"labelfor\": \"P\"", "\"labelfor\": \"Q\"");
    let (imp, _) = import_mem(&desc, &[("r.csv", b"Y,P,N,IMPORTE\n2015,001,a,10\n")]);
    let m = messages(&imp);
    assert!(
        m.iter()
            .any(|m| m.starts_with("model.measures.IMPORTE.currency: expected an ISO 4217")),
        "{m:?}"
    );
    assert!(
        m.iter()
            .any(|m| m.starts_with("model.dimensions.program.attributes.N.labelfor")),
        "{m:?}"
    );
    assert!(imp.problems.iter().all(|p| p.position.is_some()), "{m:?}");
}

#[test]
fn text_that_is_not_utf8_is_placed() {
    let mut csv = b"Y,P,N,IMPORTE\n2015,001,".to_vec();
    csv.extend_from_slice(&[0xC7, 0xD1]); // "한" in CP949
    csv.extend_from_slice(b",10\n");
    let (imp, _) = import_mem(DESC, &[("r.csv", &csv)]);
    let m = messages(&imp);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("stop being UTF-8 at byte offset 23"), "{m:?}");
    assert_eq!(imp.problems[0].position, Some((2, 10)));
}
