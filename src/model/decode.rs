//! The JSON tree (`json::Node`) read into the raw format (`RawDataset`), strictly: unknown and repeated keys,
//! missing fields, wrong types, unknown names and amounts that are not whole won are all reported, every one of
//! them, each with its JSON path and the byte offset where it is.
//!
//! Written against the tree instead of derived by serde: serde stops at the first problem, and its derived
//! decoders with serde_json were the largest part of the browser's `.wasm`.

use super::json::{path_string, Node, Step, Value};
use super::money::{Won, EXPECTED_WON};
use super::raw::{
    Comparison, ContextUnit, FigureKind, FundingSource, RawChartTitles, RawContextFigure,
    RawDataset, RawFigure, RawMeta, RawPeriod, RawProgram, RawProvenance, RawSource, Tags, Text,
};

/// A problem the decoder found: JSON path, byte offset, message.
pub type Found = (String, usize, String);

/// The path to a value, as a chain on the stack: built for free, written out only for a problem.
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Option<Step<'a>>,
}

const ROOT: Path<'static> = Path {
    parent: None,
    step: None,
};

impl<'a> Path<'a> {
    fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Some(Step::Key(key)),
        }
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Some(Step::Index(i)),
        }
    }

    fn render(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            steps.extend(p.step.clone());
            at = p.parent;
        }
        steps.reverse();
        path_string(&steps)
    }
}

/// The members of one object, matched to the names its type allows.
struct Fields<'t> {
    at: usize,
    names: &'static [&'static str],
    found: Vec<Option<&'t Node>>,
}

impl<'t> Fields<'t> {
    /// The member called `name` (one of `names`), if the object has it.
    fn get(&self, name: &str) -> Option<&'t Node> {
        let i = self.names.iter().position(|n| *n == name)?;
        self.found.get(i).copied().flatten()
    }
}

struct Decoder {
    problems: Vec<Found>,
}

/// Reads the raw format from a parsed document, or returns every problem found.
pub fn decode(root: &Node) -> Result<RawDataset, Vec<Found>> {
    let mut d = Decoder {
        problems: Vec::new(),
    };
    let raw = RawDataset::read(&mut d, root, &ROOT);
    match raw {
        Some(raw) if d.problems.is_empty() => Ok(raw),
        _ => Err(d.problems),
    }
}

/// `` `a`, `b`, `c` ``, as serde words its lists.
fn one_of(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Decoder {
    fn problem(&mut self, path: &Path, at: usize, message: String) {
        self.problems.push((path.render(), at, message));
    }

    fn expected(&mut self, node: &Node, path: &Path, what: &str) {
        let message = format!("expected {what}, found {}", found(&node.value));
        self.problem(path, node.at, message);
    }

    /// The object's members by name; unknown and repeated keys are problems.
    fn object<'t>(
        &mut self,
        node: &'t Node,
        path: &Path,
        names: &'static [&'static str],
    ) -> Option<Fields<'t>> {
        let Value::Object(members) = &node.value else {
            self.expected(node, path, "an object");
            return None;
        };
        let mut found = vec![None; names.len()];
        for m in members {
            match names
                .iter()
                .position(|n| *n == m.key)
                .and_then(|i| found.get_mut(i))
            {
                Some(slot @ None) => *slot = Some(&m.value),
                Some(Some(_)) => self.problem(
                    &path.key(&m.key),
                    m.at,
                    format!("duplicate field `{}`", m.key),
                ),
                None => self.problem(
                    &path.key(&m.key),
                    m.at,
                    format!(
                        "unknown field `{}`, expected one of {}",
                        m.key,
                        one_of(names)
                    ),
                ),
            }
        }
        Some(Fields {
            at: node.at,
            names,
            found,
        })
    }

    /// A field that must be there. When it is missing or wrong, the problem is recorded and a placeholder
    /// returned: the file is refused anyway, and reading goes on to find every other problem.
    #[inline(never)]
    fn required<T: Read>(&mut self, f: &Fields, name: &str, path: &Path) -> T {
        match f.get(name) {
            Some(node) => T::read(self, node, &path.key(name)),
            None => {
                self.problem(path, f.at, format!("missing field `{name}`"));
                None
            }
        }
        .unwrap_or_else(T::placeholder)
    }

    /// A field that may be missing (or `null`).
    #[inline(never)]
    fn optional<T: Read>(&mut self, f: &Fields, name: &str, path: &Path) -> Option<T> {
        match f.get(name) {
            None
            | Some(Node {
                value: Value::Null, ..
            }) => None,
            Some(node) => T::read(self, node, &path.key(name)),
        }
    }

    /// An integer that fits `T`, written without a fraction or exponent.
    fn int<T: TryFrom<i64> + Bounded>(&mut self, node: &Node, path: &Path) -> Option<T> {
        let what = match &node.value {
            Value::Number(n) if is_integer_literal(n) => {
                match integer(n).and_then(|i| T::try_from(i).ok()) {
                    Some(v) => return Some(v),
                    None => format!("an integer from {} to {}", T::MIN, T::MAX),
                }
            }
            _ => "an integer (digits only: no quotes, decimals or exponent)".to_owned(),
        };
        self.expected(node, path, &what);
        None
    }

    /// One of an enum's names.
    fn tag<T: Tags>(&mut self, node: &Node, path: &Path) -> Option<T> {
        let Value::String(s) = &node.value else {
            self.expected(node, path, "a string");
            return None;
        };
        let found = T::TAGS.iter().find(|(name, _)| name == s).map(|(_, v)| *v);
        if found.is_none() {
            let names: Vec<&str> = T::TAGS.iter().map(|(n, _)| *n).collect();
            let message = format!("unknown variant `{s}`, expected one of {}", one_of(&names));
            self.problem(path, node.at, message);
        }
        found
    }
}

/// A type of the format, read from its JSON value. Problems go to the decoder; `None` means this value is wrong.
trait Read: Sized {
    fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<Self>;
    /// What stands in for a wrong value while the rest of the file is read.
    fn placeholder() -> Self;
}

impl Read for String {
    fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<String> {
        match &node.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                d.expected(node, path, "a string");
                None
            }
        }
    }
    fn placeholder() -> String {
        String::new()
    }
}

impl Read for bool {
    fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                d.expected(node, path, "true or false");
                None
            }
        }
    }
    fn placeholder() -> bool {
        false
    }
}

macro_rules! read_int {
    ($($t:ty),*) => {$(
        impl Read for $t {
            fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<$t> {
                d.int(node, path)
            }
            fn placeholder() -> $t {
                0
            }
        }
    )*};
}
read_int!(i32, u32, i64);

macro_rules! read_tag {
    ($($t:ty => $placeholder:expr),*) => {$(
        impl Read for $t {
            fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<$t> {
                d.tag(node, path)
            }
            fn placeholder() -> $t {
                $placeholder
            }
        }
    )*};
}
read_tag!(
    FigureKind => FigureKind::Total,
    FundingSource => FundingSource::Unknown,
    ContextUnit => ContextUnit::People,
    Comparison => Comparison::Exact
);

impl Read for Won {
    fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<Won> {
        let message = match &node.value {
            Value::Number(n) => match integer(n) {
                Some(i) => return Some(Won::new(i)),
                None if is_integer_literal(n) => {
                    format!("expected {EXPECTED_WON}, found {n}, which is too large")
                }
                None => format!("expected {EXPECTED_WON}, found {n}"),
            },
            Value::String(s) => format!(
                "expected {EXPECTED_WON}, found the string {} (write the number without quotes or units)",
                quoted(s)
            ),
            other => format!("expected {EXPECTED_WON}, found {}", other.kind()),
        };
        d.problem(path, node.at, message);
        None
    }
    fn placeholder() -> Won {
        Won::ZERO
    }
}

/// Every item of an array; a wrong item is reported and left out (the file is refused anyway).
impl<T: Read> Read for Vec<T> {
    fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<Vec<T>> {
        let Value::Array(items) = &node.value else {
            d.expected(node, path, "an array");
            return None;
        };
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| T::read(d, item, &path.index(i)))
                .collect(),
        )
    }
    fn placeholder() -> Vec<T> {
        Vec::new()
    }
}

/// A struct of the format: `$name { field: "json name" (required | optional | defaulted), … }`.
macro_rules! read_struct {
    ($t:ident { $($field:ident: $json:literal $how:ident),* $(,)? }) => {
        impl Read for $t {
            fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<$t> {
                let f = d.object(node, path, &[$($json),*])?;
                Some($t { $($field: read_struct!(@$how d, f, $json, path)),* })
            }
            fn placeholder() -> $t {
                $t::default()
            }
        }
    };
    (@required $d:ident, $f:ident, $json:literal, $path:ident) => {
        $d.required(&$f, $json, $path)
    };
    (@optional $d:ident, $f:ident, $json:literal, $path:ident) => {
        $d.optional(&$f, $json, $path)
    };
    (@defaulted $d:ident, $f:ident, $json:literal, $path:ident) => {
        $d.optional(&$f, $json, $path).unwrap_or_default()
    };
}

read_struct!(Text { ko: "ko" required, en: "en" required });

read_struct!(RawDataset {
    schema: "$schema" optional,
    format: "format" required,
    meta: "meta" required,
    context: "context" defaulted,
    programs: "programs" required,
});

read_struct!(RawMeta {
    id: "id" required,
    title: "title" required,
    source: "source" required,
    as_of_year: "as_of_year" required,
    illustrative: "illustrative" required,
    note: "note" optional,
    charts: "charts" optional,
});

read_struct!(RawChartTitles {
    overview: "overview" optional,
    timeline: "timeline" optional,
});

read_struct!(RawSource {
    title: "title" required,
    kind: "kind" required,
    year: "year" required,
    document: "document" required,
});

read_struct!(RawProgram {
    id: "id" required,
    name: "name" required,
    summary: "summary" required,
    description: "description" required,
    lead: "lead" optional,
    partners: "partners" defaulted,
    period: "period" required,
    headline: "headline" required,
    figures: "figures" required,
    note: "note" optional,
});

read_struct!(RawPeriod {
    start: "start" optional,
    end: "end" optional,
    note: "note" optional,
});

read_struct!(RawFigure {
    id: "id" required,
    label: "label" required,
    kind: "kind" required,
    amount: "amount" required,
    funding: "funding" defaulted,
    approximate: "approximate" defaulted,
    until: "until" optional,
    provenance: "provenance" required,
    note: "note" optional,
});

read_struct!(RawContextFigure {
    id: "id" required,
    label: "label" required,
    value: "value" required,
    unit: "unit" required,
    comparison: "comparison" defaulted,
    provenance: "provenance" required,
});

/// `{"type": "reported" | "derived" | "illustrative", …}`: the fields allowed depend on the type.
impl Read for RawProvenance {
    fn read(d: &mut Decoder, node: &Node, path: &Path) -> Option<RawProvenance> {
        const TYPES: [&str; 3] = ["reported", "derived", "illustrative"];
        let Value::Object(members) = &node.value else {
            d.expected(node, path, "an object");
            return None;
        };
        let Some(tag) = members.iter().find(|m| m.key == "type") else {
            d.problem(path, node.at, "missing field `type`".to_owned());
            return None;
        };
        let kind = match &tag.value.value {
            Value::String(s) if TYPES.contains(&s.as_str()) => s.as_str(),
            Value::String(s) => {
                let message = format!("unknown variant `{s}`, expected one of {}", one_of(&TYPES));
                d.problem(&path.key("type"), tag.value.at, message);
                return None;
            }
            _ => {
                d.expected(&tag.value, &path.key("type"), "a string");
                return None;
            }
        };
        Some(match kind {
            "reported" => {
                let f = d.object(node, path, &["type", "quote", "line"])?;
                RawProvenance::Reported {
                    quote: d.optional(&f, "quote", path),
                    line: d.optional(&f, "line", path),
                }
            }
            "derived" => {
                let f = d.object(node, path, &["type", "formula", "plus", "minus"])?;
                RawProvenance::Derived {
                    formula: d.optional(&f, "formula", path),
                    plus: d.optional(&f, "plus", path).unwrap_or_default(),
                    minus: d.optional(&f, "minus", path).unwrap_or_default(),
                }
            }
            _ => {
                let f = d.object(node, path, &["type", "note"])?;
                RawProvenance::Illustrative {
                    note: d.optional(&f, "note", path),
                }
            }
        })
    }
    fn placeholder() -> RawProvenance {
        RawProvenance::default()
    }
}

/// The integer types the format uses, with their bounds for messages.
trait Bounded {
    const MIN: i64;
    const MAX: i64;
}

impl Bounded for i32 {
    const MIN: i64 = i32::MIN as i64;
    const MAX: i64 = i32::MAX as i64;
}

impl Bounded for u32 {
    const MIN: i64 = 0;
    const MAX: i64 = u32::MAX as i64;
}

impl Bounded for i64 {
    const MIN: i64 = i64::MIN;
    const MAX: i64 = i64::MAX;
}

/// `-?[0-9]+`: written as an integer (JSON has already checked the rest of the grammar).
fn is_integer_literal(n: &str) -> bool {
    let digits = n.strip_prefix('-').unwrap_or(n);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The exact value of an integer literal, `None` for a fraction, an exponent or one beyond `i64`.
fn integer(n: &str) -> Option<i64> {
    if is_integer_literal(n) {
        n.parse().ok()
    } else {
        None
    }
}

/// `s` in double quotes for a message, with `"`, `\` and control characters escaped as Rust's `{:?}` would,
/// and so are the invisible characters of [`hidden`], but Hangul and every other printable character is left as it
/// is (and without linking `{:?}`'s Unicode tables).
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if hidden(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a message writes `c` as its escape (`\u{202e}`) rather than as itself: a control character, or an
/// invisible one that changes how the text around it is shown (bidirectional controls and marks, zero-width spaces
/// and joiners, the byte order mark). Written as itself, a name's U+202E would make the rest of a terminal's line
/// or a message read backwards, and an escape (U+001B) could drive the terminal.
pub fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// `s` with every [`hidden`] character but the line break written as its escape, for a terminal: names and titles
/// printed as they are (no quotes), where a file could otherwise write escape sequences or reorder the line.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| c != '\n' && hidden(c);
    if !s.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if escaped(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// "a string \"x\"", "the number 4.5", "an object": what was found instead.
fn found(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", quoted(s)),
        Value::Bool(b) => format!("{b}"),
        other => other.kind().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::json::parse;
    use super::*;

    fn problems(text: &str) -> Vec<(String, String)> {
        let tree = parse(text).expect("JSON");
        match decode(&tree) {
            Ok(_) => Vec::new(),
            Err(p) => p.into_iter().map(|(path, _, m)| (path, m)).collect(),
        }
    }

    const SHIPPED: &str = include_str!("../../tests/fixtures/ansan-2015.v1.json");

    #[test]
    fn the_shipped_file_decodes() {
        let raw = decode(&parse(SHIPPED).expect("JSON")).expect("decodes");
        assert_eq!(raw.programs.len(), 3);
        assert_eq!(raw.format, "ansan-budget/1");
    }

    #[test]
    fn every_problem_is_found_with_its_path() {
        let text = SHIPPED
            .replacen("\"as_of_year\": 2015", "\"as_of_year\": \"2015\"", 1)
            .replacen(
                "\"amount\": 5000000000",
                "\"amount\": 5e9, \"amount\": 1",
                1,
            )
            .replacen("\"kind\": \"total\"", "\"kind\": \"totl\"", 1);
        let got = problems(&text);
        let want = [
            "meta.as_of_year: expected an integer (digits only: no quotes, decimals or exponent), found the string \"2015\"",
            "programs[0].figures[0].kind: unknown variant `totl`, expected one of `total`, `private_share`",
            "programs[2].figures[0].amount: duplicate field `amount`",
            "programs[2].figures[0].amount: expected whole won as an integer, found 5e9",
        ];
        for w in want {
            assert!(
                got.iter().any(|(p, m)| format!("{p}: {m}").starts_with(w)),
                "{w}\n{got:#?}"
            );
        }
        assert_eq!(got.len(), want.len(), "{got:#?}");
    }

    #[test]
    fn types_missing_fields_and_unknown_keys() {
        let cases = [
            ("[]", ".: expected an object, found an array"),
            ("{}", ".: missing field `format`"),
            (
                r#"{"format": 1, "meta": null, "programs": {}, "extra": 0}"#,
                "extra: unknown field `extra`, expected one of `$schema`, `format`, `meta`, `context`, `programs`",
            ),
            (r#"{"format": 1}"#, "format: expected a string, found the number 1"),
            (r#"{"meta": null}"#, "meta: expected an object, found null"),
            (r#"{"programs": {}}"#, "programs: expected an array, found an object"),
            (
                r#"{"context": [{"provenance": {}}]}"#,
                "context[0].provenance: missing field `type`",
            ),
            (
                r#"{"context": [{"provenance": {"type": "rumour"}}]}"#,
                "context[0].provenance.type: unknown variant `rumour`, expected one of `reported`, `derived`, `illustrative`",
            ),
            (
                r#"{"context": [{"provenance": {"type": "derived", "line": 3}}]}"#,
                "context[0].provenance.line: unknown field `line`, expected one of `type`, `formula`, `plus`, `minus`",
            ),
            (
                r#"{"context": [{"value": 1.5}]}"#,
                "context[0].value: expected an integer (digits only: no quotes, decimals or exponent), found the number 1.5",
            ),
            (
                r#"{"context": [{"provenance": {"type": "reported", "line": -1}}]}"#,
                "context[0].provenance.line: expected an integer from 0 to 4294967295, found the number -1",
            ),
        ];
        for (text, want) in cases {
            let got = problems(text);
            assert!(
                got.iter()
                    .any(|(p, m)| format!("{p}: {m}").starts_with(want)),
                "{text}: want {want}\n{got:#?}"
            );
        }
    }

    #[test]
    fn amounts_are_exact_integers() {
        let amount = |a: &str| {
            let text = SHIPPED.replacen("\"amount\": 5000000000", &format!("\"amount\": {a}"), 1);
            let raw = decode(&parse(&text).expect("JSON"));
            raw.map(|r| r.programs.into_iter().nth(2).map(|p| p.figures[0].amount))
                .map_err(|p| {
                    p.into_iter()
                        .map(|(_, _, m)| m)
                        .collect::<Vec<_>>()
                        .join("; ")
                })
        };
        assert_eq!(
            amount("9007199254740993"),
            Ok(Some(Won::new(9_007_199_254_740_993)))
        );
        assert_eq!(amount("-5"), Ok(Some(Won::new(-5))));
        for (a, want) in [
            ("4.5e11", "found 4.5e11"),
            ("1.0", "found 1.0"),
            ("\"19억\"", "found the string \"19억\""),
            ("18446744073709551615", "which is too large"),
            ("null", "found null"),
        ] {
            let got = amount(a).expect_err(a);
            assert!(got.contains(want), "{a}: {got}");
            assert!(
                got.contains("expected whole won as an integer"),
                "{a}: {got}"
            );
        }
    }

    #[test]
    fn quoted_escapes_like_debug_but_keeps_hangul() {
        for s in [
            "19억",
            "a\"b\\c",
            "tab\there\nline\r",
            "\u{1}\u{7f}\u{85}",
            "<script>",
            "\u{1b}[2J",
            "50\u{202e}억원\u{202c}, \u{2067}x\u{2069}\u{200e}\u{200f}\u{61c}",
            "\u{200b}\u{200d}\u{2060}\u{feff}",
        ] {
            assert_eq!(quoted(s), format!("{s:?}"), "{s}");
        }
    }

    #[test]
    fn printable_escapes_what_would_drive_or_reorder_a_terminal_and_keeps_lines() {
        assert!(matches!(
            printable("안산 19억\n"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            printable("a\u{1b}[31mb\u{202e}c\n\u{0}"),
            "a\\u{1b}[31mb\\u{202e}c\n\\u{0}"
        );
    }

    #[test]
    fn null_means_absent_only_where_a_field_is_optional() {
        let text = SHIPPED.replacen("\"approximate\": true", "\"approximate\": null", 1);
        assert!(problems(&text).is_empty());
        let text = SHIPPED.replacen("\"id\": \"regeneration\"", "\"id\": null", 1);
        assert_eq!(
            problems(&text),
            [(
                "programs[0].id".to_owned(),
                "expected a string, found null".to_owned()
            )]
        );
    }
}
