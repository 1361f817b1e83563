//! The shipped Ansan city totals (data/ansan-city-totals.json, format 2) against their source: every year's 결산
//! 세출 and 세입 equals what tests/expected/ansan_totals.py read straight from ../shared/realdata, and the checks the
//! source's SOURCE.txt names hold. The article's figures are a different dataset and never enter these totals.
#![cfg(not(target_arch = "wasm32"))]

use ansan_budget::budget::{Direction, Filter, Measure, Origin, Period, Phase};
use ansan_budget::import::project;
use serde_json::Value;

const SOURCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/realdata/kr-ansan-city-totals/4119000.json"
);

fn totals(direction: Direction) -> Vec<(i32, i64)> {
    let imported = project::import(
        "ansan-city-totals.json",
        include_str!("../data/ansan-city-totals.json"),
    );
    assert_eq!(imported.problems, vec![]);
    let filter = Filter {
        direction: Some(direction),
        ..Filter::default()
    };
    let groups = imported.budget.sum_by(&[], &filter).expect("sums fit");
    groups
        .iter()
        .map(|g| {
            assert_eq!(
                (g.key.phase, g.key.measure),
                (Phase::Settled, Measure::Executed)
            );
            assert_eq!(g.rows, 1, "one amount a year, never merged");
            match g.key.period {
                Period::Year(y) => (y, g.total),
                p => panic!("a settled total has a year, found {p:?}"),
            }
        })
        .collect()
}

#[test]
fn settled_spending_per_year_matches_the_source() {
    let expected: Value =
        serde_json::from_str(include_str!("expected/ansan_totals.json")).expect("expected figures");
    for (direction, key) in [
        (Direction::Expenditure, "settled_expenditure"),
        (Direction::Revenue, "settled_revenue"),
    ] {
        let got = totals(direction);
        let want: Vec<(i32, i64)> = expected[key]
            .as_object()
            .expect("per year")
            .iter()
            .map(|(y, v)| (y.parse().expect("a year"), v.as_i64().expect("won")))
            .collect();
        assert_eq!(got, want, "{key}");
    }
    // The figures SOURCE.txt names.
    let spent = totals(Direction::Expenditure);
    assert_eq!(spent.len(), 16);
    assert!(spent.contains(&(2015, 1_442_643_401_709)));
    assert!(spent.contains(&(2024, 2_607_728_299_565)));
}

#[test]
fn every_amount_names_its_row_in_the_source_file() {
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| {
        panic!("{SOURCE}: the real-data folder ../shared/realdata is needed for this test and is absent ({e})")
    });
    let source: Value = serde_json::from_str(&text).expect("source parses");
    let series = source["시계열"].as_array().expect("시계열");
    let imported = project::import(
        "ansan-city-totals.json",
        include_str!("../data/ansan-city-totals.json"),
    );
    let b = &imported.budget;
    assert!(
        b.meta().source.contains("행정안전부 지방재정365"),
        "{}",
        b.meta().source
    );
    assert_eq!(b.len(), series.len() * 2);
    for a in b.amounts() {
        let Origin::Cell { file, row, column } = a.origin else {
            panic!("{:?}: expected a cell of the source file", a.key);
        };
        assert_eq!(b.text(*file), "kr-ansan-city-totals/4119000.json");
        let item = &series[*row as usize - 1];
        assert_eq!(item[b.text(*column)].as_i64(), Some(a.value), "{:?}", a.key);
        assert_eq!(
            Period::Year(item["연도"].as_str().expect("year").parse().expect("year")),
            a.period
        );
    }
}
