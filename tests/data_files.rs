//! Every file in `data/` passes validation; the Ansan figures are exactly the article's; the schema is fresh.

use ansan_budget::model::{self, Dataset, FigureKind, FundingSource, Provenance, Won};
use std::path::{Path, PathBuf};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn load(name: &str) -> Dataset {
    let path = data_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ansan_budget::import::project::load_dataset(name, &text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_data_file_validates() {
    let mut checked = 0;
    for entry in std::fs::read_dir(data_dir()).expect("data/ is readable") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.extension().and_then(|e| e.to_str()) != Some("json") || name.starts_with("schema") {
            continue;
        }
        // Both formats, through the importer the explorer and the checker share.
        let text = std::fs::read_to_string(&path).expect("readable");
        let imported = ansan_budget::import::project::import(&name, &text);
        if let Err(e) = imported.into_result() {
            panic!("{e}");
        }
        checked += 1;
    }
    assert!(
        checked >= 2,
        "expected the article and the city totals in data/, found {checked} files"
    );
}

#[test]
fn schema_json_is_fresh() {
    let path = data_dir().join("schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = model::schema_json();
    // The schema's limit on a headline is the validator's.
    let schema: serde_json::Value = serde_json::from_str(&generated).expect("schema JSON");
    let headline = schema
        .pointer("/$defs/RawProgram/properties/headline/maxItems")
        .and_then(serde_json::Value::as_u64);
    assert_eq!(
        headline,
        u64::try_from(model::MAX_HEADLINE).ok(),
        "{schema}"
    );
    if committed != generated {
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("write data/schema.json");
        } else {
            panic!(
                "data/schema.json is stale: run `cargo run --bin budget-check -- --schema > data/schema.json` \
                 (or UPDATE_SCHEMA=1 cargo test --test data_files)"
            );
        }
    }
}

/// The figures FIGURES.md lists for the three programs: id, amount in 억원, approximate, funding, kind, line.
const ARTICLE_FIGURES: &[(&str, i64, bool, FundingSource, FigureKind, u32)] = &[
    (
        "regeneration-total",
        4_450,
        true,
        FundingSource::Unknown,
        FigureKind::Total,
        8,
    ),
    (
        "regeneration-private",
        3_500,
        false,
        FundingSource::Private,
        FigureKind::PrivateShare,
        8,
    ),
    (
        "incubation-provincial-grant",
        19,
        false,
        FundingSource::Provincial,
        FigureKind::ProvincialGrant,
        17,
    ),
    (
        "incubation-first-phase",
        24,
        false,
        FundingSource::Unknown,
        FigureKind::PhaseInvestment,
        18,
    ),
    (
        "sme-budget",
        50,
        false,
        FundingSource::Unknown,
        FigureKind::Budget,
        20,
    ),
];

#[test]
fn ansan_reported_figures_are_the_articles() {
    let d = load("ansan-2015.json");
    assert!(!d.meta().illustrative);
    for &(id, eok, approx, funding, kind, line) in ARTICLE_FIGURES {
        let f = d
            .figure(id)
            .unwrap_or_else(|| panic!("figure {id} missing"));
        assert_eq!(Some(f.amount), Won::from_eok(eok), "{id}");
        assert_eq!(f.approximate, approx, "{id} approximate");
        assert_eq!(f.funding, funding, "{id} funding");
        assert_eq!(f.kind, kind, "{id} kind");
        match &f.provenance {
            Provenance::Reported { line: l, .. } => assert_eq!(*l, line, "{id} line"),
            other => panic!("{id} should be reported, is {other:?}"),
        }
    }
    // Every money figure in the file is one of the article's, or derived from them.
    for p in d.programs() {
        for f in &p.figures {
            let listed = ARTICLE_FIGURES.iter().any(|a| a.0 == f.id);
            let derived = matches!(f.provenance, Provenance::Derived { .. });
            assert!(
                listed || derived,
                "{} is neither an article figure nor derived",
                f.id
            );
        }
    }
}

#[test]
fn public_share_is_derived_and_approximate() {
    let d = load("ansan-2015.json");
    let f = d.figure("regeneration-public").expect("public share");
    assert_eq!(Some(f.amount), Won::from_eok(950));
    assert!(f.approximate, "derived from the approximate 4,450억");
    match &f.provenance {
        Provenance::Derived {
            formula,
            plus,
            minus,
        } => {
            assert_eq!(plus, &["regeneration-total"]);
            assert_eq!(minus, &["regeneration-private"]);
            assert!(formula.ko.contains("4,450") && formula.en.contains("minus"));
        }
        other => panic!("expected derived, got {other:?}"),
    }
}

#[test]
fn incubation_figures_are_separate_and_never_summed() {
    let d = load("ansan-2015.json");
    let p = d.program("incubation").expect("incubation");
    let amounts: Vec<i64> = p
        .headline_figures()
        .iter()
        .map(|f| f.amount.get())
        .collect();
    assert_eq!(amounts, vec![1_900_000_000, 2_400_000_000]);
    // 43억 (their sum) appears nowhere in the file.
    for f in d.programs().iter().flat_map(|p| &p.figures) {
        assert_ne!(
            f.amount.get(),
            4_300_000_000,
            "{} looks like 19억 + 24억",
            f.id
        );
    }
}

#[test]
fn context_figures_match_the_article() {
    let d = load("ansan-2015.json");
    let cases = [
        ("population", 760_000, 4),
        ("manufacturing-share", 40, 3),
        ("complex-age", 35, 8),
        ("utilisation-decline", 3, 5),
        ("smart-factory-target", 10_000, 11),
        ("universities", 5, 21),
        ("incubation-age-limit", 39, 17),
    ];
    for (id, value, line) in cases {
        let c = d
            .context_figure(id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(c.value, value, "{id}");
        assert!(
            matches!(c.provenance, Provenance::Reported { line: l, .. } if l == line),
            "{id}"
        );
    }
    assert_eq!(d.population().map(|p| p.value), Some(760_000));
}

/// Every reported quote must appear verbatim on its line of the source article, which CI has in
/// ../shared/seed. Where the article is absent the test says so and fails, rather than passing silently.
#[test]
fn quotes_are_verbatim_on_their_lines() {
    let d = load("ansan-2015.json");
    let article_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed")
        .join(&d.meta().source.document);
    let article = std::fs::read_to_string(&article_path).unwrap_or_else(|e| {
        panic!(
            "the source article {} is needed to check quotes and is absent ({e}); \
             run the tests from a checkout with ../shared beside it",
            article_path.display()
        )
    });
    let lines: Vec<&str> = article.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some(d.meta().source.title.as_str()),
        "title is line 1"
    );
    let mut checked = 0;
    let provenances = d
        .programs()
        .iter()
        .flat_map(|p| p.figures.iter().map(|f| (&f.id, &f.provenance)))
        .chain(d.context().iter().map(|c| (&c.id, &c.provenance)));
    for (id, prov) in provenances {
        if let Provenance::Reported { quote, line } = prov {
            let text = lines
                .get(*line as usize - 1)
                .unwrap_or_else(|| panic!("{id}: line {line} out of range"));
            assert!(
                text.contains(quote.as_str()),
                "{id}: {quote:?} is not on line {line}"
            );
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        5 + 7,
        "5 program figures and 7 context figures are reported"
    );
}

/// English texts in the data never leave a Korean money unit untranslated (억원, 조원, 만원, 천원): "KRW 1.9
/// billion", not "19억원". Quotes from the Korean article are not English texts and keep their words.
#[test]
fn english_texts_have_no_korean_money_units() {
    fn walk(v: &serde_json::Value, path: &str, found: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, child) in o {
                    let here = format!("{path}.{k}");
                    if k == "en" {
                        if let Some(s) = child.as_str() {
                            let unit = ["억원", "조원", "만원", "천원", "억 원", "억여원"]
                                .iter()
                                .any(|u| s.contains(u));
                            if unit {
                                found.push(format!("{here}: {s}"));
                            }
                        }
                    }
                    walk(child, &here, found);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    walk(child, &format!("{path}[{i}]"), found);
                }
            }
            _ => {}
        }
    }
    let text = std::fs::read_to_string(data_dir().join("ansan-2015.json")).expect("read");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let mut found = Vec::new();
    walk(&v, "", &mut found);
    assert!(found.is_empty(), "{found:#?}");
}
