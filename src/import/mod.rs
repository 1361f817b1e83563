//! Importers: every input format read into the one budget model (`crate::budget`) through one [`Builder`], in the
//! browser and in the checker alike. Each format has its own file; none does I/O (the caller hands over bytes, and
//! for a Fiscal Data Package a function that returns a resource's bytes), so all of them build for wasm32.
//!
//! raw bytes → text (`model::decode_text`, or `text::decode_table` for CSV) → the format's own parser → `Builder`
//! → `Imported { budget, problems, rows_read }`.

pub mod builder;
pub mod csv;
pub mod fdp;
// The fuzzing harness (fuzz/ and tests/fuzz_corpus.rs); it panics on purpose, so never in the browser.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod lofin365;
pub mod presentation;
pub mod project;
pub mod summary;
pub mod text;

pub use builder::{Builder, Imported, NewAmount, Place, Source, MAX_NODE_DEPTH};

/// The input formats the importers read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The project's own JSON (`ansan-budget/1` or `/2`).
    Project,
    /// A Fiscal Data Package: `datapackage.json` and its CSV resources.
    Fdp,
    /// 지방재정365 line items as JSON (raw API names or the camelCase shape).
    Lofin365,
    /// CSV (or TSV) with a column mapping.
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Project, Format::Fdp, Format::Lofin365, Format::Csv];

    /// The name used by `budget-check --format`.
    pub fn tag(self) -> &'static str {
        match self {
            Format::Project => "project",
            Format::Fdp => "fdp",
            Format::Lofin365 => "lofin365",
            Format::Csv => "csv",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.tag() == tag)
    }

    /// The format of a file, from its name and its first bytes: `datapackage.json` (or JSON with `resources`) is a
    /// package, JSON with a `format` of ours is the project's, JSON with 지방재정365 field names is line items, and
    /// anything that is not JSON is read as CSV.
    pub fn detect(file: &str, bytes: &[u8]) -> Format {
        let name = file
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file)
            .to_ascii_lowercase();
        if name == "datapackage.json" {
            return Format::Fdp;
        }
        let head = bytes.get(..64 * 1024).unwrap_or(bytes);
        let head = String::from_utf8_lossy(head);
        let starts_json = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with(['{', '[']);
        let is_table = name.ends_with(".csv") || name.ends_with(".tsv") || name.ends_with(".txt");
        if is_table || !starts_json {
            return Format::Csv;
        }
        if head.contains("\"ansan-budget/") {
            Format::Project
        } else if ["bdg_cash_amt", "bdgCashAmt", "dbiz_cd", "dbizCd"]
            .iter()
            .any(|k| head.contains(k))
        {
            Format::Lofin365
        } else if head.contains("\"resources\"") {
            Format::Fdp
        } else {
            Format::Project
        }
    }
}

/// The fields at the top of the project's JSON, in either format version: a JSON file naming none of them (nor
/// our format) is not one, however it was taken for one.
const PROJECT_FIELDS: [&str; 7] = [
    "format",
    "meta",
    "programs",
    "amounts",
    "nodes",
    "presentation",
    "context",
];

impl Format {
    /// [`Format::detect`], except that JSON which names none of the formats' fields is no format (`None`), instead
    /// of being read as the project's and refused field by field.
    pub fn recognise(file: &str, bytes: &[u8]) -> Option<Format> {
        let format = Format::detect(file, bytes);
        if format != Format::Project {
            return Some(format);
        }
        let head = String::from_utf8_lossy(bytes.get(..64 * 1024).unwrap_or(bytes));
        let ours = head.contains("\"ansan-budget/")
            || PROJECT_FIELDS.iter().any(|field| names_field(&head, field));
        ours.then_some(Format::Project)
    }
}

/// Whether `text` has `"field"` followed by a colon (spaces between allowed): the field named as a key.
fn names_field(text: &str, field: &str) -> bool {
    let quoted = format!("\"{field}\"");
    text.match_indices(&quoted).any(|(at, m)| {
        text.get(at + m.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_name_and_content() {
        assert_eq!(Format::detect("pkg/datapackage.json", b"{}"), Format::Fdp);
        assert_eq!(
            Format::detect("a.json", br#"{"resources": []}"#),
            Format::Fdp
        );
        assert_eq!(
            Format::detect("a.json", br#"{"format": "ansan-budget/2"}"#),
            Format::Project
        );
        assert_eq!(
            Format::detect(
                "x.json",
                br#"{"lafCd":"4118000","projects":[{"dbizCd":"1","bdgCashAmt":0}]}"#
            ),
            Format::Lofin365
        );
        assert_eq!(Format::detect("b.csv", b"{a,b"), Format::Csv);
        assert_eq!(Format::detect("b.dat", b"year,amount\n"), Format::Csv);
        for f in Format::ALL {
            assert_eq!(Format::from_tag(f.tag()), Some(f));
        }
    }

    #[test]
    fn json_of_no_format_is_recognised_as_none() {
        // 지방재정365's own summary of a city (Korean keys): none of the formats.
        let totals =
            "{\"결산연도\":\"2024\",\"laf_cd\":\"4119000\",\"지표\":[],\"시계열\":[]}".as_bytes();
        assert_eq!(Format::detect("4119000.json", totals), Format::Project);
        assert_eq!(Format::recognise("4119000.json", totals), None);
        assert_eq!(Format::recognise("a.json", b"[1, 2]"), None);
        // A field's name as a value is no field.
        assert_eq!(
            Format::recognise("a.json", br#"{"kind": "meta", "x": "programs"}"#),
            None
        );
        // The project's file, even broken, is still the project's: its problems are named field by field.
        for text in [
            &br#"{"format": "ansan-budget/9"}"#[..],
            br#"{"meta": {}, "programs": []}"#,
            br#"{ "amounts" : [] }"#,
        ] {
            assert_eq!(Format::recognise("a.json", text), Some(Format::Project));
        }
        // The other formats as detect finds them.
        assert_eq!(
            Format::recognise("pkg/datapackage.json", b"{}"),
            Some(Format::Fdp)
        );
        assert_eq!(Format::recognise("b.csv", b"x,y"), Some(Format::Csv));
    }
}
