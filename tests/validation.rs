//! Bad data files get a message naming the file, the JSON path and what was expected.

use ansan_budget::model;
use serde_json::{json, Value};

mod common;

fn base() -> Value {
    let text = include_str!("fixtures/ansan-2015.v1.json");
    serde_json::from_str(text).expect("shipped data parses")
}

/// Applies `edit` to the shipped file and returns the error text, which must exist.
fn error_of(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = base();
    edit(&mut v);
    let text = serde_json::to_string_pretty(&v).expect("serialise");
    // serde_json writes 4.5e11 as 450000000000.0; a literal as a person types it goes in through a marker.
    let text = text.replace("\"@raw:4.5e11\"", "4.5e11");
    match model::load("bad.json", &text) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// The value at a JSON pointer, created as `null` when its parent is an object without that key.
fn at<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    let (parent, key) = path.rsplit_once('/').expect("a pointer with a parent");
    let parent = v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in the base file"));
    match parent {
        Value::Object(o) => o.entry(key).or_insert(Value::Null),
        Value::Array(a) => {
            let i: usize = key.parse().expect("array index");
            a.get_mut(i)
                .unwrap_or_else(|| panic!("no {path} in the base file"))
        }
        _ => panic!("{path}: parent is not a container"),
    }
}

#[test]
fn errors_name_file_path_and_expectation() {
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit, &str)] = &[
        (
            "float amount",
            |v| *at(v, "/programs/2/figures/0/amount") = json!("@raw:4.5e11"),
            "bad.json: programs[2].figures[0].amount: expected whole won as an integer, found 4.5e11",
        ),
        (
            "string amount",
            |v| *at(v, "/programs/0/figures/0/amount") = json!("4,450억"),
            "bad.json: programs[0].figures[0].amount: expected whole won as an integer, found the string",
        ),
        (
            "unknown field",
            |v| *at(v, "/programs/1/figures/0/amout") = json!(1),
            "bad.json: programs[1].figures[0].amout: unknown field `amout`, expected one of `id`",
        ),
        (
            "unknown funding",
            |v| *at(v, "/programs/1/figures/0/funding") = json!("seoul"),
            "bad.json: programs[1].figures[0].funding: unknown variant `seoul`",
        ),
        (
            "missing programs",
            |v| {
                v.as_object_mut().map(|o| o.remove("programs"));
            },
            "bad.json: .: missing field `programs`",
        ),
        (
            "duplicate program id",
            |v| *at(v, "/programs/2/id") = json!("regeneration"),
            "bad.json: programs[2].id: duplicate id \"regeneration\", already used at programs[0].id",
        ),
        (
            "duplicate figure id",
            |v| *at(v, "/programs/1/figures/1/id") = json!("incubation-provincial-grant"),
            "bad.json: programs[1].figures[1].id: duplicate id \"incubation-provincial-grant\"",
        ),
        (
            "end before start",
            |v| *at(v, "/programs/0/period/start") = json!(2030),
            "bad.json: programs[0].period.end: expected an end year at or after the start year 2030, found 2021",
        ),
        (
            "reported without quote",
            |v| {
                at(v, "/programs/2/figures/0/provenance").as_object_mut().map(|o| o.remove("quote"));
            },
            "bad.json: programs[2].figures[0].provenance.quote: expected the verbatim quote",
        ),
        (
            "reported without line",
            |v| *at(v, "/programs/2/figures/0/provenance/line") = json!(0),
            "bad.json: programs[2].figures[0].provenance.line: expected the source line",
        ),
        (
            "derived that does not add up",
            |v| *at(v, "/programs/0/figures/2/amount") = json!(90_000_000_000_i64),
            "bad.json: programs[0].figures[2].amount: expected 95000000000 (950억원), as the formula gives, \
             found 90000000000 (900억원)",
        ),
        (
            "derived from approximate but not marked",
            |v| *at(v, "/programs/0/figures/2/approximate") = json!(false),
            "bad.json: programs[0].figures[2].approximate: expected true",
        ),
        (
            "derived from unknown id",
            |v| *at(v, "/programs/0/figures/2/provenance/minus/0") = json!("nope"),
            "bad.json: programs[0].figures[2].provenance.minus[0]: expected the id of a figure in this file, found \"nope\"",
        ),
        (
            "illustrative in a real dataset",
            |v| *at(v, "/programs/2/figures/0/provenance") = json!({"type": "illustrative"}),
            "bad.json: programs[2].figures[0].provenance.type: expected \"reported\" or \"derived\"",
        ),
        (
            "headline pointing elsewhere",
            |v| *at(v, "/programs/2/headline/0") = json!("regeneration-total"),
            "bad.json: programs[2].headline[0]: expected the id of a figure of this program",
        ),
        (
            "negative amount",
            |v| *at(v, "/programs/2/figures/0/amount") = json!(-5),
            "bad.json: programs[2].figures[0].amount: expected a positive amount in whole won, found -5",
        ),
        (
            "wrong format",
            |v| *at(v, "/format") = json!("ansan-budget/9"),
            "bad.json: format: expected \"ansan-budget/1\", found \"ansan-budget/9\"",
        ),
        (
            "a name that is only zero-width characters",
            |v| *at(v, "/programs/1/name/ko") = json!("\u{200B}\u{FEFF} \u{2060}"),
            "bad.json: programs[1].name.ko: expected a non-empty Korean text",
        ),
        (
            "a NUL in a name",
            |v| *at(v, "/programs/1/name/en") = json!("Youth\u{0}"),
            "bad.json: programs[1].name.en: expected an English text without control characters, found a NUL character",
        ),
        (
            "a right-to-left override in a figure's label (50억원 would read 원억05 after it)",
            |v| *at(v, "/programs/2/figures/0/label/ko") = json!("예산\u{202E} 50억원"),
            "bad.json: programs[2].figures[0].label.ko: expected a Korean text without bidirectional controls, found U+202E, which reorders how the text after it is shown",
        ),
        (
            "an isolate in a name",
            |v| *at(v, "/programs/0/name/en") = json!("\u{2067}Smart Hub"),
            "bad.json: programs[0].name.en: expected an English text without bidirectional controls, found U+2067",
        ),
        (
            "an escape character in a quote",
            |v| *at(v, "/programs/2/figures/0/provenance/quote") = json!("50억의 \u{1b}[2J예산"),
            "bad.json: programs[2].figures[0].provenance.quote: expected text without control characters, found a control character",
        ),
        (
            "an override in the source's title",
            |v| *at(v, "/meta/source/title") = json!("안산시\u{202D}"),
            "bad.json: meta.source.title: expected text without bidirectional controls, found U+202D",
        ),
        (
            "an override in the file's note (notes are shown as written, as names are)",
            |v| *at(v, "/meta/note/ko") = json!("주의\u{202E} 50억원"),
            "bad.json: meta.note.ko: expected a Korean text without bidirectional controls, found U+202E",
        ),
        (
            "a blank note on a program's period",
            |v| *at(v, "/programs/0/period/note/en") = json!(" \u{200B}"),
            "bad.json: programs[0].period.note.en: expected a non-empty English text",
        ),
        (
            "an escape character in a figure's note",
            |v| *at(v, "/programs/2/figures/0/note") = json!({"ko": "참고\u{1b}[2J", "en": "Note"}),
            "bad.json: programs[2].figures[0].note.ko: expected a Korean text without control characters, found a control character",
        ),
        (
            "an isolate in who runs a program",
            |v| *at(v, "/programs/1/lead") = json!({"ko": "안산시", "en": "\u{2066}Ansan City"}),
            "bad.json: programs[1].lead.en: expected an English text without bidirectional controls, found U+2066",
        ),
        (
            "the same headline figure twice",
            |v| *at(v, "/programs/1/headline") = json!(["incubation-provincial-grant", "incubation-provincial-grant"]),
            "bad.json: programs[1].headline[1]: expected each figure once, found \"incubation-provincial-grant\" again",
        ),
        (
            "empty english name",
            |v| *at(v, "/programs/1/name/en") = json!(" "),
            "bad.json: programs[1].name.en: expected a non-empty English text",
        ),
    ];
    for (what, edit, want) in cases {
        let got = error_of(edit);
        assert!(got.contains(want), "{what}:\n  want {want}\n  got  {got}");
    }
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err = model::load(
        "broken.json",
        "{\n  \"format\": \"ansan-budget/1\",\n  \"meta\": ]\n}",
    )
    .expect_err("broken JSON");
    let text = err.to_string();
    assert!(text.starts_with("broken.json: meta: "), "{text}");
    assert!(text.contains("(line 3, column 11)"), "{text}");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut v = base();
    *at(&mut v, "/programs/2/id") = json!("regeneration");
    *at(&mut v, "/programs/0/period/start") = json!(2030);
    *at(&mut v, "/programs/1/figures/0/provenance/line") = json!(0);
    let err = model::load("bad.json", &v.to_string()).expect_err("three problems");
    assert_eq!(err.problems.len(), 3, "{err}");
    assert_eq!(err.file, "bad.json");
}

/// A program with as many figures as a program may have and a headline of 12 is valid; a headline of more is
/// refused (the overview shows a program's headline figures side by side), and an entry naming another program's
/// figure is refused at that entry, found by lookup.
#[test]
fn a_large_program_and_its_headline() {
    let mut v = common::v1_with_figures(model::MAX_FIGURES);
    let ids = |n: usize| json!((0..n).map(|i| format!("f-{}", i * 8)).collect::<Vec<_>>());
    *at(&mut v, "/programs/2/headline") = ids(model::MAX_HEADLINE);
    let d = model::load("big.json", &v.to_string()).expect("valid");
    assert_eq!(
        d.programs().get(2).map(|p| p.figures.len()),
        Some(model::MAX_FIGURES)
    );
    assert_eq!(
        d.programs().get(2).map(|p| p.headline_figures().len()),
        Some(model::MAX_HEADLINE)
    );

    *at(&mut v, "/programs/2/headline") = ids(model::MAX_HEADLINE + 1);
    let err = model::load("big.json", &v.to_string()).expect_err("too many");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("programs[2].headline: expected at most 12 figures"),
        "{err}"
    );

    *at(&mut v, "/programs/2/headline") = ids(model::MAX_HEADLINE);
    *at(&mut v, "/programs/2/headline/11") = json!("regeneration-total");
    let err = model::load("big.json", &v.to_string()).expect_err("another program's figure");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, "programs[2].headline[11]");
}

/// More programs or figures than the pages can show are refused, each limit at its place with its number; a file
/// far past them (20,000 figures in a program) is still checked whole, in linear time, every problem named.
#[test]
fn more_than_the_pages_can_show_is_refused() {
    // As many programs as a file may present, of one figure each: valid.
    let v = common::v1_with_programs(model::MAX_PROGRAMS);
    let d = model::load("many.json", &v.to_string()).expect("the most programs are valid");
    assert_eq!(d.programs().len(), model::MAX_PROGRAMS);

    let v = common::v1_with_programs(model::MAX_PROGRAMS + 1);
    let err = model::load("many.json", &v.to_string()).expect_err("one program too many");
    assert_eq!(
        err.to_string(),
        "many.json: programs: expected at most 500 programs, which the overview charts one row each, found 501: \
         present the programs the pages are about"
    );

    let v = common::v1_with_figures(model::MAX_FIGURES + 1);
    let err = model::load("many.json", &v.to_string()).expect_err("one figure too many");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, "programs[2].figures");
    assert!(
        err.to_string().contains(
            "expected at most 200 figures, which the program's page charts one row each, found 201"
        ),
        "{err}"
    );

    // Programs of 191 figures, each within its own limit, as many as take the file past the limit in all.
    let figures = model::MAX_FIGURES - 9;
    let copies = common::v1_with_figures(figures)["programs"][2]["figures"].clone();
    let mut v = base();
    let context = v["context"].as_array().map_or(0, Vec::len);
    let n = (model::MAX_ALL_FIGURES - context) / figures + 1;
    let all: Vec<Value> = (0..n)
        .map(|i| {
            let mut p = v["programs"][2].clone();
            p["id"] = json!(format!("p-{i}"));
            p["figures"] = copies.clone();
            if let Some(list) = p["figures"].as_array_mut() {
                for (j, f) in list.iter_mut().enumerate() {
                    f["id"] = json!(format!("p-{i}-f-{j}"));
                }
            }
            p["headline"] = json!([format!("p-{i}-f-0")]);
            p
        })
        .collect();
    *at(&mut v, "/programs") = json!(all);
    let err = model::load("many.json", &v.to_string()).expect_err("too many in all");
    assert_eq!(err.problems.len(), 1, "{err}");
    assert!(
        err.to_string().contains(&format!(
            "programs: expected at most 5000 figures in all (programs' and context figures), which the overview \
             lists one by one, found {}",
            n * figures + context
        )),
        "{err}"
    );

    // Far past the limits: every other check still runs (here a headline naming no figure), once.
    let mut v = common::v1_with_figures(20_000);
    *at(&mut v, "/programs/2/headline") = json!(["f-19999", "nowhere"]);
    let err = model::load("many.json", &v.to_string()).expect_err("20,000 figures");
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["programs[2].figures", "programs", "programs[2].headline[1]"],
        "{err}"
    );
}

/// A name is at most 200 characters and any other text at most 2,000, counted as characters, not bytes: a
/// paragraph pasted into a name field made a page of megabytes with its charts' labels cut.
#[test]
fn texts_longer_than_the_pages_can_show_are_refused() {
    let ok = |edit: &dyn Fn(&mut Value)| {
        let mut v = base();
        edit(&mut v);
        model::load("long.json", &v.to_string()).map(|_| ())
    };
    // At the limit, in Hangul (three bytes a character): valid.
    let name = "안".repeat(model::MAX_NAME_CHARS);
    assert_eq!(ok(&|v| *at(v, "/programs/0/name/ko") = json!(name)), Ok(()));
    let prose = "가".repeat(model::MAX_PROSE_CHARS);
    assert_eq!(
        ok(&|v| *at(v, "/programs/0/description/ko") = json!(prose)),
        Ok(())
    );

    let got =
        error_of(|v| *at(v, "/programs/0/name/ko") = json!("안".repeat(model::MAX_NAME_CHARS + 1)));
    assert!(
        got.contains(
            "bad.json: programs[0].name.ko: expected a Korean text of at most 200 characters (a name, label or \
             title, which the pages show as a heading and the charts as a label), found 201"
        ),
        "{got}"
    );
    // Far past it: one problem, the count in full.
    let err = {
        let mut v = base();
        *at(&mut v, "/programs/1/figures/0/label/en") = json!("x".repeat(100_000));
        model::load("long.json", &v.to_string()).expect_err("a 100,000-character label")
    };
    assert_eq!(err.problems.len(), 1, "{err}");
    assert_eq!(err.problems[0].path, "programs[1].figures[0].label.en");
    assert!(err.to_string().contains("found 100,000"), "{err}");

    for (pointer, path) in [
        ("/programs/2/description/en", "programs[2].description.en"),
        ("/meta/note/en", "meta.note.en"),
        (
            "/programs/2/figures/0/provenance/quote",
            "programs[2].figures[0].provenance.quote",
        ),
    ] {
        let got = error_of(|v| *at(v, pointer) = json!("a".repeat(model::MAX_PROSE_CHARS + 1)));
        assert!(
            got.contains(&format!("bad.json: {path}: expected "))
                && got.contains("of at most 2,000 characters"),
            "{pointer}: {got}"
        );
    }
    let got =
        error_of(|v| *at(v, "/meta/source/title") = json!("제".repeat(model::MAX_NAME_CHARS + 1)));
    assert!(
        got.contains("bad.json: meta.source.title: expected a text of at most 200 characters"),
        "{got}"
    );
}

/// Two derived figures computed from each other (a from b, b from a) are refused even when their amounts agree,
/// and a long chain of derivations (no circle) is fine and checked without recursion.
#[test]
fn derivation_circles_are_refused() {
    let mut v = base();
    let template = at(&mut v, "/programs/0/figures/2").clone();
    let mut a = template.clone();
    a["id"] = json!("circle-a");
    a["amount"] = json!(1_000_000_000_i64);
    a["approximate"] = json!(false);
    a["provenance"] =
        json!({"type": "derived", "formula": {"ko": "b", "en": "b"}, "plus": ["circle-b"]});
    let mut b = a.clone();
    b["id"] = json!("circle-b");
    b["provenance"] =
        json!({"type": "derived", "formula": {"ko": "a", "en": "a"}, "plus": ["circle-a"]});
    if let Some(list) = at(&mut v, "/programs/2/figures").as_array_mut() {
        list.push(a);
        list.push(b);
    }
    let err = model::load("bad.json", &v.to_string()).expect_err("a circle");
    let text = err.to_string();
    assert!(
        text.contains("found the circle circle-a → circle-b → circle-a"),
        "{text}"
    );
    assert_eq!(err.problems.len(), 1, "{text}");

    // A chain of 50,000 derivations, each from the one before: not a circle, and no stack overflow.
    let mut v = base();
    let mut chain = Vec::new();
    for i in 0..50_000 {
        let mut f = template.clone();
        f["id"] = json!(format!("chain-{i}"));
        f["amount"] = json!(1_000_000_000_i64);
        f["approximate"] = json!(false);
        f["provenance"] = if i == 0 {
            json!({"type": "reported", "quote": "x", "line": 1})
        } else {
            json!({"type": "derived", "formula": {"ko": "앞", "en": "previous"}, "plus": [format!("chain-{}", i - 1)]})
        };
        chain.push(f);
    }
    if let Some(list) = at(&mut v, "/programs/2/figures").as_array_mut() {
        list.extend(chain);
    }
    // More figures than a page shows, but no circle: only the two limits are named, after a walk without
    // recursion.
    let err = model::load("chain.json", &v.to_string()).expect_err("past the limits");
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["programs[2].figures", "programs"], "{err}");
}

/// Data after the end of the document (a second document pasted in, a stray brace) is an error at its place.
#[test]
fn data_after_the_document_is_refused() {
    let text = include_str!("fixtures/ansan-2015.v1.json");
    for (extra, what) in [
        ("\n{\"format\": \"x\"}\n", "a second document"),
        ("\n}\n", "a stray brace"),
    ] {
        let err = model::load("two.json", &format!("{text}{extra}")).expect_err(what);
        let message = err.to_string();
        // The file ends with a newline and the extra starts with one: it sits two lines after the last newline.
        let last_line = text.matches('\n').count() + 2;
        assert!(
            message.starts_with("two.json: .: not valid JSON"),
            "{what}: {message}"
        );
        assert!(
            message.contains(&format!("(line {last_line}, column 1)")),
            "{what}: {message}"
        );
    }
}
