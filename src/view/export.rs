//! What a chart's download menu hands out as data: a table of the chart's figures, written as CSV (UTF-8
//! with BOM, formula injection neutralised) or JSON.
//!
//! The table is built from the trusted model, but its text (names, quotes, notes) comes from data files the
//! city edits; a name starting with `=` must not become a live formula in whoever opens the CSV in a
//! spreadsheet. JSON is read by programs, not spreadsheets, so it carries the text untouched.

use super::rows::{figure_source, pick, Source};
use super::words;
use crate::model::{Dataset, Figure, Lang, Program};

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Whole won or a year: written as digits, so spreadsheets sum it and nothing rounds it.
    Int(i64),
    Empty,
}

/// A header row and data rows, every text already in the reader's language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
fn starts_formula(s: &str) -> bool {
    matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// Control characters other than TAB, LF and CR have no business in a cell, and some spreadsheet
/// importers stop or misalign at them.
fn is_stray_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
}

fn push_text(out: &mut String, text: &str) {
    let mut cell: String = text.chars().filter(|c| !is_stray_control(*c)).collect();
    // Cleaned first, so a NUL in front cannot hide a leading `=` from this check.
    if starts_formula(&cell) {
        cell.insert(0, '\'');
    }
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&cell);
    }
}

fn push_cell(out: &mut String, cell: &Cell) {
    match cell {
        Cell::Text(t) => push_text(out, t),
        Cell::Int(n) => out.push_str(&n.to_string()),
        Cell::Empty => {}
    }
}

/// RFC 4180 CSV with a UTF-8 BOM (without it Excel reads Hangul as mojibake) and CRLF line ends.
pub fn to_csv(t: &Table) -> String {
    let mut out = String::from('\u{feff}');
    for (i, h) in t.headers.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_text(&mut out, h);
    }
    out.push_str("\r\n");
    for row in &t.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_cell(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|h| (*h).to_owned()).collect()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn year(y: Option<i32>) -> Cell {
    y.map_or(Cell::Empty, |y| Cell::Int(i64::from(y)))
}

/// Where a figure comes from, in one cell: the citation (document, line and quote), the formula, or the
/// illustrative note, worded as on the figures table (`rows::figure_source`).
fn source_text(d: &Dataset, f: &Figure, lang: Lang) -> String {
    let source = &d.meta().source;
    match figure_source(d, f, lang) {
        Source::Quote { quote, line, .. } => match lang {
            Lang::Ko => format!("「{}」 ({}), {line} — “{quote}”", source.title, source.year),
            Lang::En => format!("“{}” ({}), {line} — “{quote}”", source.title, source.year),
        },
        Source::Derived { how } => how,
        Source::Illustrative { note } => note,
    }
}

/// The figures a chart shows, one row each, with every won and where the figure comes from.
pub fn figures_table(d: &Dataset, figures: &[(&Program, &Figure)], lang: Lang) -> Table {
    let headers = match lang {
        Lang::Ko => headers(&[
            "사업 ID",
            "사업",
            "항목 ID",
            "항목",
            "금액(원)",
            "어림값",
            "종류",
            "재원",
            "기한(년)",
            "출처",
        ]),
        Lang::En => headers(&[
            "Program ID",
            "Program",
            "Figure ID",
            "Figure",
            "Amount (won)",
            "Approximate",
            "Kind",
            "Funded by",
            "Until (year)",
            "Source",
        ]),
    };
    let rows = figures
        .iter()
        .map(|(p, f)| {
            vec![
                text(&p.id),
                text(pick(lang, &p.name.ko, &p.name.en)),
                text(&f.id),
                text(pick(lang, &f.label.ko, &f.label.en)),
                Cell::Int(f.amount.get()),
                if f.approximate {
                    text(pick(lang, "약", "about"))
                } else {
                    Cell::Empty
                },
                text(words::kind(f.kind, lang)),
                text(words::funding(f.funding, lang)),
                year(f.until),
                Cell::Text(source_text(d, f, lang)),
            ]
        })
        .collect();
    Table { headers, rows }
}

/// Every program's period: the timeline chart's data.
pub fn timeline_table(d: &Dataset, lang: Lang) -> Table {
    let headers = match lang {
        Lang::Ko => headers(&["사업 ID", "사업", "시작(년)", "종료(년)", "기간 메모"]),
        Lang::En => headers(&[
            "Program ID",
            "Program",
            "Start (year)",
            "End (year)",
            "Period note",
        ]),
    };
    let rows = d
        .programs()
        .iter()
        .map(|p| {
            vec![
                text(&p.id),
                text(pick(lang, &p.name.ko, &p.name.en)),
                year(p.period.start),
                year(p.period.end),
                p.period
                    .note
                    .as_ref()
                    .map_or(Cell::Empty, |n| text(pick(lang, &n.ko, &n.en))),
            ]
        })
        .collect();
    Table { headers, rows }
}

/// What the JSON download says about its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonMeta<'a> {
    pub title: &'a str,
    pub source: &'a str,
    pub illustrative: bool,
    pub lang: Lang,
}

/// Pretty JSON: the meta fields, `columns`, and `rows` of strings, integers (whole won, years) and nulls.
/// Written directly rather than through serde's serialiser, which would add its formatter to the `.wasm` for
/// this one small document; the tests parse it back with serde_json.
pub fn to_json(t: &Table, meta: &JsonMeta) -> String {
    let mut out = String::from("{\n  \"title\": ");
    json_string(&mut out, meta.title);
    out.push_str(",\n  \"source\": ");
    json_string(&mut out, meta.source);
    out.push_str(if meta.illustrative {
        ",\n  \"illustrative\": true"
    } else {
        ",\n  \"illustrative\": false"
    });
    out.push_str(",\n  \"lang\": ");
    json_string(&mut out, meta.lang.tag());
    out.push_str(",\n  \"columns\": [");
    for (i, h) in t.headers.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        json_string(&mut out, h);
    }
    out.push_str("\n  ],\n  \"rows\": [");
    for (i, row) in t.rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n    [" } else { ",\n    [" });
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            match cell {
                Cell::Text(s) => json_string(&mut out, s),
                Cell::Int(n) => out.push_str(&n.to_string()),
                Cell::Empty => out.push_str("null"),
            }
        }
        out.push(']');
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// `s` as a JSON string literal: quotes, backslashes and every control character escaped.
fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        crate::import::project::load_dataset(
            "ansan-2015.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid")
    }

    /// A strict RFC 4180 reader, enough to read our own output back.
    fn read_csv(csv: &str) -> Vec<Vec<String>> {
        let body = csv.strip_prefix('\u{feff}').expect("BOM");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = body.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' => {
                    assert!(field.is_empty(), "quote inside an unquoted field");
                    quoted = true;
                }
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "bare CR");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\n' => panic!("bare LF outside quotes"),
                _ => field.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        assert!(field.is_empty() && row.is_empty(), "last line without CRLF");
        rows
    }

    fn one_column(cells: Vec<Cell>) -> Table {
        Table {
            headers: vec!["h".into()],
            rows: cells.into_iter().map(|c| vec![c]).collect(),
        }
    }

    #[test]
    fn csv_has_bom_crlf_and_rfc4180_quoting() {
        let t = Table {
            headers: vec!["a".into(), "b, c".into()],
            rows: vec![
                vec![Cell::Text("say \"hi\"".into()), Cell::Int(5)],
                vec![Cell::Text("two\nlines".into()), Cell::Empty],
                vec![Cell::Text("plain".into()), Cell::Text("cr\rhere".into())],
            ],
        };
        let csv = to_csv(&t);
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(
            csv,
            "\u{feff}a,\"b, c\"\r\n\"say \"\"hi\"\"\",5\r\n\"two\nlines\",\r\nplain,\"cr\rhere\"\r\n"
        );
        assert_eq!(
            read_csv(&csv),
            vec![
                vec!["a", "b, c"],
                vec!["say \"hi\"", "5"],
                vec!["two\nlines", ""],
                vec!["plain", "cr\rhere"],
            ]
        );
        assert_eq!(to_csv(&Table::default()), "\u{feff}\r\n");
    }

    #[test]
    fn formulas_are_neutralised_in_text_not_numbers() {
        let cases = [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("=1,2", "\"'=1,2\""),
            ("=\"x\"", "\"'=\"\"x\"\"\""),
            // A control character in front must not hide the formula.
            ("\u{0}=x", "'=x"),
            ("a=b", "a=b"),
            ("사업", "사업"),
        ];
        for (given, written) in cases {
            let csv = to_csv(&one_column(vec![Cell::Text(given.into())]));
            assert_eq!(csv, format!("\u{feff}h\r\n{written}\r\n"), "{given:?}");
        }
        let csv = to_csv(&Table {
            headers: vec!["=HYPERLINK(\"x\")".into()],
            rows: vec![
                vec![Cell::Int(-5)],
                vec![Cell::Int(-123)],
                vec![Cell::Int(0)],
            ],
        });
        assert_eq!(
            csv,
            "\u{feff}\"'=HYPERLINK(\"\"x\"\")\"\r\n-5\r\n-123\r\n0\r\n"
        );
    }

    #[test]
    fn stray_control_characters_are_removed() {
        let csv = to_csv(&one_column(vec![Cell::Text(
            "a\u{0}b\u{7}c\u{1b}d\u{7f}e\tf\u{1f}g".into(),
        )]));
        assert_eq!(csv, "\u{feff}h\r\nabcde\tfg\r\n");
    }

    #[test]
    fn markup_survives_as_text() {
        let hostile = [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
        ];
        let t = one_column(hostile.iter().map(|h| Cell::Text((*h).into())).collect());
        let csv = to_csv(&t);
        assert_eq!(
            csv,
            "\u{feff}h\r\n<script>alert(1)</script>\r\n\"\"\"><img src=x onerror=alert(1)>\"\r\n"
        );
        let back: Vec<String> = read_csv(&csv).into_iter().skip(1).flatten().collect();
        assert_eq!(back, hostile);
        let json = to_json(
            &t,
            &JsonMeta {
                title: "=t",
                source: "s",
                illustrative: false,
                lang: Lang::En,
            },
        );
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(v["rows"][1][0], hostile[1]);
        assert_eq!(v["title"], "=t");
    }

    #[test]
    fn figures_csv_carries_every_won_of_the_data_file() {
        let d = data();
        let figures: Vec<(&Program, &Figure)> = d
            .programs()
            .iter()
            .flat_map(|p| p.figures.iter().map(move |f| (p, f)))
            .collect();
        let rows = read_csv(&to_csv(&figures_table(&d, &figures, Lang::Ko)));
        assert_eq!(
            rows[0],
            [
                "사업 ID",
                "사업",
                "항목 ID",
                "항목",
                "금액(원)",
                "어림값",
                "종류",
                "재원",
                "기한(년)",
                "출처"
            ]
        );
        assert_eq!(rows.len(), 1 + 6);
        let amount = |id: &str| -> i64 {
            let row = rows.iter().find(|r| r[2] == id).expect(id);
            row[4].parse().expect("digits")
        };
        assert_eq!(amount("regeneration-total"), 445_000_000_000);
        assert_eq!(amount("incubation-provincial-grant"), 1_900_000_000);
        assert_eq!(amount("incubation-first-phase"), 2_400_000_000);
        assert_eq!(amount("sme-budget"), 5_000_000_000);
        for (row, (_, f)) in rows.iter().skip(1).zip(&figures) {
            assert_eq!(row[4], f.amount.get().to_string());
            assert_eq!(row.len(), 10);
        }
        let total = rows
            .iter()
            .find(|r| r[2] == "regeneration-total")
            .expect("total");
        assert_eq!(total[0], "regeneration");
        assert_eq!(total[5], "약");
        assert_eq!(total[6], "총사업비");
        assert_eq!(total[8], "2021");
        assert_eq!(
            total[9],
            "「안산시, 지역경제 선순환 ‘올인’」 (2015), 8행 — “오는 2021년까지 총 4천450억여원(민자 3천 500억원)을 들여”"
        );
        let public = rows
            .iter()
            .find(|r| r[2] == "regeneration-public")
            .expect("public");
        assert!(public[9].starts_with("계산값: "), "{}", public[9]);

        let en = read_csv(&to_csv(&figures_table(&d, &figures, Lang::En)));
        assert_eq!(en[0][4], "Amount (won)");
        assert_eq!(en[0][7], "Funded by");
        let grant = en
            .iter()
            .find(|r| r[2] == "incubation-provincial-grant")
            .expect("grant");
        assert_eq!(grant[5], "");
        assert_eq!(grant[7], "Provincial (도비)");
        assert!(grant[9].contains("line 17"), "{}", grant[9]);
        assert!(grant[9].starts_with('“'), "{}", grant[9]);
    }

    #[test]
    fn illustrative_figures_say_so() {
        let d = data();
        let (p, f) = d.headline_figures().into_iter().next().expect("a figure");
        let mut made_up = f.clone();
        made_up.provenance = crate::model::Provenance::Illustrative { note: None };
        let t = figures_table(&d, &[(p, &made_up)], Lang::En);
        assert_eq!(
            t.rows[0][9],
            Cell::Text("Illustrative, made-up figure".into())
        );
        let t = figures_table(&d, &[(p, &made_up)], Lang::Ko);
        assert_eq!(t.rows[0][9], Cell::Text("예시용 가상 수치".into()));
    }

    #[test]
    fn timeline_table_has_years_as_numbers() {
        let d = data();
        let t = timeline_table(&d, Lang::En);
        assert_eq!(
            t.headers,
            [
                "Program ID",
                "Program",
                "Start (year)",
                "End (year)",
                "Period note"
            ]
        );
        assert_eq!(t.rows.len(), d.programs().len());
        let sme = t
            .rows
            .iter()
            .find(|r| r[0] == Cell::Text("sme".into()))
            .expect("sme");
        assert_eq!(sme[2], Cell::Empty);
        assert_eq!(sme[3], Cell::Int(2018));
        assert_eq!(sme[4], Cell::Text("The start year is not reported.".into()));
        let ko = read_csv(&to_csv(&timeline_table(&d, Lang::Ko)));
        assert_eq!(ko[0][2], "시작(년)");
        assert!(ko.iter().any(|r| r[0] == "regeneration" && r[3] == "2021"));
    }

    #[test]
    fn json_has_meta_columns_and_integer_amounts() {
        let d = data();
        let figures = d.headline_figures();
        let t = figures_table(&d, &figures, Lang::En);
        let json = to_json(
            &t,
            &JsonMeta {
                title: "Ansan budget",
                source: "“Ansan …” (2015)",
                illustrative: false,
                lang: Lang::En,
            },
        );
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(v["title"], "Ansan budget");
        assert_eq!(v["illustrative"], false);
        assert_eq!(v["lang"], "en");
        assert_eq!(v["columns"][4], "Amount (won)");
        let rows = v["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), figures.len());
        for (row, (_, f)) in rows.iter().zip(&figures) {
            assert_eq!(row[4].as_i64(), Some(f.amount.get()));
            assert!(row[4].is_i64());
        }
        let amounts: Vec<i64> = rows.iter().filter_map(|r| r[4].as_i64()).collect();
        assert!(amounts.contains(&445_000_000_000));
        assert!(amounts.contains(&5_000_000_000));
        // Empty cells are null, years integers.
        let total = &rows[0];
        assert_eq!(total[8], 2021);
        assert!(rows.iter().any(|r| r[5].is_null()));
        // Keys in the documented order.
        let order: Vec<usize> = [
            "\"title\"",
            "\"source\"",
            "\"illustrative\"",
            "\"lang\"",
            "\"columns\"",
            "\"rows\"",
        ]
        .iter()
        .map(|k| json.find(k).expect(k))
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{json}");
        // Text is not neutralised in JSON.
        let j = to_json(
            &one_column(vec![Cell::Text("=SUM(A1)".into()), Cell::Int(-5)]),
            &JsonMeta {
                title: "t",
                source: "s",
                illustrative: true,
                lang: Lang::Ko,
            },
        );
        let v: serde_json::Value = serde_json::from_str(&j).expect("JSON");
        assert_eq!(v["rows"][0][0], "=SUM(A1)");
        assert_eq!(v["rows"][1][0], -5);
        assert_eq!(v["lang"], "ko");
        assert_eq!(v["illustrative"], true);
    }

    #[test]
    fn json_escapes_every_text_and_parses_back() {
        let hostile = "\"><img src=x onerror=alert(1)> \\ \u{1}\u{7f}\u{2028}\n\t";
        let t = Table {
            headers: vec!["이름".into(), "금액".into()],
            rows: vec![
                vec![Cell::Text(hostile.into()), Cell::Int(-5)],
                vec![Cell::Empty, Cell::Int(0)],
            ],
        };
        let meta = JsonMeta {
            title: "<script>alert(1)</script>",
            source: "출처 \"x\"",
            illustrative: true,
            lang: Lang::Ko,
        };
        let v: serde_json::Value = serde_json::from_str(&to_json(&t, &meta)).expect("valid JSON");
        assert_eq!(v["title"], "<script>alert(1)</script>");
        assert_eq!(v["source"], "출처 \"x\"");
        assert_eq!(v["illustrative"], true);
        assert_eq!(v["rows"][0][0], hostile);
        assert_eq!(v["rows"][0][1], -5);
        assert!(v["rows"][1][0].is_null());
    }
}
