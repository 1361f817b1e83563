//! The figures table: one row per figure, with amount, kind, funding and where it comes from.

use super::words;
use crate::model::format::{compact_marked, exact};
use crate::model::{Dataset, Figure, Lang, Provenance};

/// One table row, every cell already in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRow {
    pub figure_id: String,
    pub program_id: String,
    pub program: String,
    pub label: String,
    /// `약 4,450억원`: compact, with the approximate marker.
    pub amount: String,
    /// `445,000,000,000원`: every won.
    pub amount_exact: String,
    pub approximate: bool,
    pub kind: &'static str,
    pub funding: &'static str,
    pub until: Option<String>,
    pub source: Source,
}

/// Where a row's figure comes from, ready to print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The verbatim quote, the document's title and the line.
    Quote {
        quote: String,
        document: String,
        line: String,
    },
    /// How it was derived.
    Derived {
        how: String,
    },
    Illustrative {
        note: String,
    },
}

/// Where one figure comes from, in the reader's language: its quote and line, how it was derived, or that it is
/// illustrative. The figures table, the CSV and JSON downloads all say it this way.
pub fn figure_source(d: &Dataset, f: &Figure, lang: Lang) -> Source {
    let title = &d.meta().source.title;
    let year = d.meta().source.year;
    match &f.provenance {
        Provenance::Reported { quote, line } => Source::Quote {
            quote: quote.clone(),
            document: format!("{title} ({year})"),
            line: words::line(*line, lang),
        },
        Provenance::Derived { formula, .. } => Source::Derived {
            how: match lang {
                Lang::Ko => format!("계산값: {}", formula.ko),
                Lang::En => format!("Derived: {}", formula.en),
            },
        },
        Provenance::Illustrative { note } => Source::Illustrative {
            note: note
                .as_ref()
                .map(|n| pick(lang, &n.ko, &n.en).to_owned())
                .unwrap_or_else(|| {
                    pick(lang, "예시용 가상 수치", "Illustrative, made-up figure").to_owned()
                }),
        },
    }
}

/// Every figure of every program, in file order. Headline figures are not singled out: the table is complete.
pub fn figure_rows(d: &Dataset, lang: Lang) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    for p in d.programs() {
        for f in &p.figures {
            let source = figure_source(d, f, lang);
            rows.push(FigureRow {
                figure_id: f.id.clone(),
                program_id: p.id.clone(),
                program: pick(lang, &p.name.ko, &p.name.en).to_owned(),
                label: pick(lang, &f.label.ko, &f.label.en).to_owned(),
                amount: compact_marked(f.amount, f.approximate, lang),
                amount_exact: exact(f.amount, lang),
                approximate: f.approximate,
                kind: words::kind(f.kind, lang),
                funding: words::funding(f.funding, lang),
                until: f.until.map(|y| match lang {
                    Lang::Ko => format!("{y}년까지"),
                    Lang::En => format!("until {y}"),
                }),
                source,
            });
        }
    }
    rows
}

/// The text in `lang`.
pub fn pick<'a>(lang: Lang, ko: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Ko => ko,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_amounts_and_citations() {
        let d = crate::import::project::load_dataset(
            "ansan-2015.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid");
        let rows = figure_rows(&d, Lang::Ko);
        assert_eq!(rows.len(), 6);
        let total = &rows[0];
        assert_eq!(total.amount, "약 4,450억원");
        assert_eq!(total.amount_exact, "445,000,000,000원");
        assert_eq!(total.until.as_deref(), Some("2021년까지"));
        match &total.source {
            Source::Quote {
                quote,
                document,
                line,
            } => {
                assert_eq!(
                    quote,
                    "오는 2021년까지 총 4천450억여원(민자 3천 500억원)을 들여"
                );
                assert_eq!(document, "안산시, 지역경제 선순환 ‘올인’ (2015)");
                assert_eq!(line, "8행");
            }
            other => panic!("{other:?}"),
        }
        let public = rows
            .iter()
            .find(|r| r.figure_id == "regeneration-public")
            .expect("public row");
        assert!(
            matches!(&public.source, Source::Derived { how } if how.starts_with("계산값: 총사업비"))
        );
        let en = figure_rows(&d, Lang::En);
        assert_eq!(en[3].amount, "KRW 1.9 billion");
        assert_eq!(en[3].funding, "Provincial (도비)");
        assert!(matches!(&en[3].source, Source::Quote { line, .. } if line == "line 17"));
        assert_eq!(en[4].amount, "KRW 2.4 billion");
        assert_eq!(en[4].funding, "Not reported");
    }
}
