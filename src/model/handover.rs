//! The handover: a compact binary copy of a `Dataset` the build has already read and validated, so the browser
//! gets the explorer's data without a JSON parser, importer or validator in its .wasm.
//!
//! Layout: `ABH` and a version byte (`1`), then every field in declaration order: unsigned LEB128 for lengths,
//! counts and `u32`s, zigzag LEB128 for `i64`/`i32`, one byte for a bool, an enum tag or an `Option` (0 none,
//! 1 some, then the value), strings as a length and UTF-8 bytes. Every value has one encoding (numbers in their
//! shortest form), so a decoded handover encodes back to the same bytes.
//!
//! The bytes come from the build, but they are still checked: decoding never panics, is linear in the input (a
//! declared length or count is compared with the bytes left before anything is read or allocated), and keeps
//! the cheap invariants the pages lean on (years in range, start ≤ end, positive amounts, headline figures of
//! their own program, …). The full validator stays out of the wasm.

use super::dataset::{ContextFigure, Dataset, Figure, Meta, Period, Program, Provenance, Source};
use super::money::Won;
use super::raw::{Comparison, ContextUnit, FigureKind, FundingSource, RawChartTitles, Text};
use super::validate::{Invalid, Problem, MAX_HEADLINE, YEARS};

/// What every handover starts with.
pub const MAGIC: &[u8; 3] = b"ABH";
/// The layout's version, after the magic. Bump it when the layout changes: a page then refuses an old file
/// instead of misreading it.
pub const VERSION: u8 = b'1';

/// An enum written as one byte: `ALL[t].tag() == t`, which a test checks for every variant.
trait Tag: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// For messages: "expected a figure kind".
    const WHAT: &'static str;
    fn tag(self) -> u8;
}

impl Tag for FigureKind {
    const ALL: &'static [Self] = &[
        FigureKind::Total,
        FigureKind::PrivateShare,
        FigureKind::PublicShare,
        FigureKind::ProvincialGrant,
        FigureKind::PhaseInvestment,
        FigureKind::Budget,
        FigureKind::AnnualBudget,
    ];
    const WHAT: &'static str = "a figure kind";
    fn tag(self) -> u8 {
        match self {
            FigureKind::Total => 0,
            FigureKind::PrivateShare => 1,
            FigureKind::PublicShare => 2,
            FigureKind::ProvincialGrant => 3,
            FigureKind::PhaseInvestment => 4,
            FigureKind::Budget => 5,
            FigureKind::AnnualBudget => 6,
        }
    }
}

impl Tag for FundingSource {
    const ALL: &'static [Self] = &[
        FundingSource::National,
        FundingSource::Provincial,
        FundingSource::City,
        FundingSource::Private,
        FundingSource::Public,
        FundingSource::Unknown,
    ];
    const WHAT: &'static str = "a funding source";
    fn tag(self) -> u8 {
        match self {
            FundingSource::National => 0,
            FundingSource::Provincial => 1,
            FundingSource::City => 2,
            FundingSource::Private => 3,
            FundingSource::Public => 4,
            FundingSource::Unknown => 5,
        }
    }
}

impl Tag for ContextUnit {
    const ALL: &'static [Self] = &[
        ContextUnit::People,
        ContextUnit::Age,
        ContextUnit::Percent,
        ContextUnit::Years,
        ContextUnit::Months,
        ContextUnit::Factories,
        ContextUnit::Universities,
    ];
    const WHAT: &'static str = "a unit";
    fn tag(self) -> u8 {
        match self {
            ContextUnit::People => 0,
            ContextUnit::Age => 1,
            ContextUnit::Percent => 2,
            ContextUnit::Years => 3,
            ContextUnit::Months => 4,
            ContextUnit::Factories => 5,
            ContextUnit::Universities => 6,
        }
    }
}

impl Tag for Comparison {
    const ALL: &'static [Self] = &[
        Comparison::Exact,
        Comparison::Over,
        Comparison::About,
        Comparison::AtMost,
    ];
    const WHAT: &'static str = "a comparison";
    fn tag(self) -> u8 {
        match self {
            Comparison::Exact => 0,
            Comparison::Over => 1,
            Comparison::About => 2,
            Comparison::AtMost => 3,
        }
    }
}

fn from_tag<T: Tag>(t: u8) -> Option<T> {
    T::ALL.get(usize::from(t)).copied()
}

const REPORTED: u8 = 0;
const DERIVED: u8 = 1;
const ILLUSTRATIVE: u8 = 2;

/// The handover of a dataset. The patterns below name every field, so a field added to a type does not compile
/// until it is written here (and then read in `decode`, which builds each type whole).
pub fn encode(d: &Dataset) -> Vec<u8> {
    let mut o = Out(MAGIC.to_vec());
    o.0.push(VERSION);
    let Dataset {
        meta,
        context,
        programs,
    } = d;
    let Meta {
        id,
        title,
        source,
        as_of_year,
        illustrative,
        note,
        charts: RawChartTitles { overview, timeline },
    } = meta;
    let Source {
        title: source_title,
        kind,
        year,
        document,
    } = source;
    o.str(id);
    o.text(title);
    o.str(source_title);
    o.text(kind);
    o.int((*year).into());
    o.str(document);
    o.int((*as_of_year).into());
    o.flag(*illustrative);
    o.opt(note.as_ref(), Out::text);
    o.opt(overview.as_ref(), Out::text);
    o.opt(timeline.as_ref(), Out::text);
    o.list(context, Out::context_figure);
    o.list(programs, Out::program);
    o.0
}

struct Out(Vec<u8>);

impl Out {
    fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n & 0x7f) as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn flag(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn text(&mut self, t: &Text) {
        let Text { ko, en } = t;
        self.str(ko);
        self.str(en);
    }

    fn opt<T>(&mut self, v: Option<&T>, write: impl FnOnce(&mut Out, &T)) {
        self.flag(v.is_some());
        if let Some(v) = v {
            write(self, v);
        }
    }

    fn list<T>(&mut self, items: &[T], write: impl Fn(&mut Out, &T)) {
        self.uint(items.len() as u64);
        for item in items {
            write(self, item);
        }
    }

    fn context_figure(&mut self, c: &ContextFigure) {
        let ContextFigure {
            id,
            label,
            value,
            unit,
            comparison,
            provenance,
        } = c;
        self.str(id);
        self.text(label);
        self.int(*value);
        self.0.push(unit.tag());
        self.0.push(comparison.tag());
        self.provenance(provenance);
    }

    fn program(&mut self, p: &Program) {
        let Program {
            id,
            name,
            summary,
            description,
            lead,
            partners,
            period:
                Period {
                    start,
                    end,
                    note: period_note,
                },
            headline,
            figures,
            note,
        } = p;
        self.str(id);
        self.text(name);
        self.text(summary);
        self.text(description);
        self.opt(lead.as_ref(), Out::text);
        self.list(partners, Out::text);
        self.opt(start.as_ref(), |o, y| o.int((*y).into()));
        self.opt(end.as_ref(), |o, y| o.int((*y).into()));
        self.opt(period_note.as_ref(), Out::text);
        self.list(headline, |o, id| o.str(id));
        self.list(figures, Out::figure);
        self.opt(note.as_ref(), Out::text);
    }

    fn figure(&mut self, f: &Figure) {
        let Figure {
            id,
            label,
            kind,
            amount,
            funding,
            approximate,
            until,
            provenance,
            note,
        } = f;
        self.str(id);
        self.text(label);
        self.0.push(kind.tag());
        self.int(amount.get());
        self.0.push(funding.tag());
        self.flag(*approximate);
        self.opt(until.as_ref(), |o, y| o.int((*y).into()));
        self.provenance(provenance);
        self.opt(note.as_ref(), Out::text);
    }

    fn provenance(&mut self, p: &Provenance) {
        match p {
            Provenance::Reported { quote, line } => {
                self.0.push(REPORTED);
                self.str(quote);
                self.uint((*line).into());
            }
            Provenance::Derived {
                formula,
                plus,
                minus,
            } => {
                self.0.push(DERIVED);
                self.text(formula);
                self.list(plus, |o, id| o.str(id));
                self.list(minus, |o, id| o.str(id));
            }
            Provenance::Illustrative { note } => {
                self.0.push(ILLUSTRATIVE);
                self.opt(note.as_ref(), Out::text);
            }
        }
    }
}

/// Reads a handover made by [`encode`]. `file` names it in messages, each of which gives the byte offset and
/// what was expected there.
pub fn decode(file: &str, bytes: &[u8]) -> Result<Dataset, Invalid> {
    let mut r = In {
        bytes,
        at: MAGIC.len(),
        illustrative: false,
        failed: None,
    };
    if bytes.get(..MAGIC.len()) != Some(&MAGIC[..]) {
        r.fail(
            0,
            format_args!(
                "expected a handover made by the build (`prerender`), which starts with \"ABH\""
            ),
        );
    } else {
        let version = r.byte("the format version");
        if r.failed.is_none() && version != VERSION {
            r.fail(
                MAGIC.len(),
                format_args!(
                    "expected format version {}, found {}: make the file again with this version's build (`prerender`)",
                    char::from(VERSION),
                    char::from(version).escape_default()
                ),
            );
        }
    }
    let d = r.dataset();
    if r.failed.is_none() && r.at != bytes.len() {
        let more = r.left();
        r.fail(
            r.at,
            format_args!("expected the end of the file, found {more} more bytes"),
        );
    }
    match r.failed {
        None => Ok(d),
        Some((at, message)) => Err(Invalid {
            file: file.to_owned(),
            problems: vec![Problem {
                path: format!("byte {at}"),
                position: None,
                message,
            }],
        }),
    }
}

/// The reader. It keeps the first problem only: every read after it returns an empty value without consuming a
/// byte and every list stops, so the dataset being built is finished (and thrown away) in a few steps. No early
/// return at each field: each would bring its own clean-up of the fields read so far into the wasm (twice the
/// code, measured).
struct In<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Whether the dataset is marked illustrative: only then may a figure be made up.
    illustrative: bool,
    /// The first problem: where, and what was expected.
    failed: Option<(usize, String)>,
}

impl In<'_> {
    fn fail(&mut self, at: usize, message: std::fmt::Arguments) {
        if self.failed.is_none() {
            self.failed = Some((at, message.to_string()));
        }
    }

    fn left(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }

    fn byte(&mut self, what: &str) -> u8 {
        if self.failed.is_some() {
            return 0;
        }
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => {
                self.fail(
                    self.at,
                    format_args!("expected {what}, found the end of the file"),
                );
                0
            }
        }
    }

    fn uint(&mut self, what: &str) -> u64 {
        let at = self.at;
        let mut n = 0u64;
        // Ten bytes of seven bits hold 64; the tenth may add only the top bit.
        for shift in (0..64).step_by(7) {
            let b = self.byte(what);
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                break;
            }
            n |= bits << shift;
            if b & 0x80 == 0 {
                if b == 0 && shift > 0 {
                    self.fail(at, format_args!("expected {what} in its shortest form"));
                }
                return n;
            }
        }
        self.fail(at, format_args!("expected {what} of at most 64 bits"));
        0
    }

    fn int(&mut self, what: &str) -> i64 {
        let z = self.uint(what);
        (z >> 1) as i64 ^ -((z & 1) as i64)
    }

    /// A number that must be in `range`, which `what` describes.
    fn int_in(&mut self, what: &str, range: std::ops::RangeInclusive<i64>) -> i64 {
        let at = self.at;
        let n = self.int(what);
        if !range.contains(&n) {
            self.fail(at, format_args!("expected {what}, found {n}"));
        }
        n
    }

    fn year(&mut self) -> i32 {
        let (lo, hi) = (i64::from(*YEARS.start()), i64::from(*YEARS.end()));
        let y = self.int_in("a year between 1900 and 2100", lo..=hi);
        i32::try_from(y).unwrap_or_default()
    }

    fn flag(&mut self) -> bool {
        let at = self.at;
        let b = self.byte("0 or 1");
        if b > 1 {
            self.fail(at, format_args!("expected 0 or 1, found {b}"));
        }
        b == 1
    }

    /// `None` only after a problem.
    fn tag<T: Tag>(&mut self) -> Option<T> {
        let at = self.at;
        let t = self.byte(T::WHAT);
        let v = from_tag(t);
        if v.is_none() {
            self.fail(
                at,
                format_args!("expected {}, found the unknown tag {t}", T::WHAT),
            );
        }
        v
    }

    fn string(&mut self) -> String {
        let at = self.at;
        let n = self.uint("a string's length");
        let (all, start, left) = (self.bytes, self.at, self.left());
        let Some(s) = usize::try_from(n)
            .ok()
            .filter(|&n| n <= left)
            .and_then(|n| all.get(start..start + n))
        else {
            self.fail(
                at,
                format_args!("expected a string of {n} bytes, {left} are left"),
            );
            return String::new();
        };
        match std::str::from_utf8(s) {
            Ok(s) => {
                self.at = start + s.len();
                s.to_owned()
            }
            Err(e) => {
                self.fail(start + e.valid_up_to(), format_args!("expected UTF-8 text"));
                String::new()
            }
        }
    }

    /// An id as the pages put it in addresses: lowercase letters, digits and '-'.
    fn id(&mut self) -> String {
        let at = self.at;
        let id = self.string();
        let slug = !id.is_empty()
            && id
                .bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-');
        if !slug {
            self.fail(
                at,
                format_args!("expected an id of lowercase letters, digits and '-', found \"{id}\""),
            );
        }
        id
    }

    fn text(&mut self) -> Text {
        Text {
            ko: self.string(),
            en: self.string(),
        }
    }

    fn opt<T>(&mut self, read: fn(&mut Self) -> T) -> Option<T> {
        self.flag().then(|| read(self))
    }

    /// A count, then that many items. Every item takes at least one byte, so a count above the bytes left is
    /// refused before anything is read; the vector grows as items are read, never by the declared count, and
    /// stops at the first problem.
    fn list<T>(&mut self, what: &str, read: fn(&mut Self) -> T) -> Vec<T> {
        let at = self.at;
        let n = self.uint(what);
        let left = self.left();
        if n > left as u64 {
            self.fail(
                at,
                format_args!("expected {what} of at most {left}, the bytes left, found {n}"),
            );
        }
        let mut items = Vec::new();
        while self.failed.is_none() && (items.len() as u64) < n {
            items.push(read(self));
        }
        items
    }

    /// Lists of ids (headline, formula terms) and of texts (partners).
    fn ids(&mut self) -> Vec<String> {
        self.list("a count of ids", In::string)
    }

    fn dataset(&mut self) -> Dataset {
        let id = self.string();
        let title = self.text();
        let source = Source {
            title: self.string(),
            kind: self.text(),
            year: self.year(),
            document: self.string(),
        };
        let as_of_year = self.year();
        self.illustrative = self.flag();
        let meta = Meta {
            id,
            title,
            source,
            as_of_year,
            illustrative: self.illustrative,
            note: self.opt(In::text),
            charts: RawChartTitles {
                overview: self.opt(In::text),
                timeline: self.opt(In::text),
            },
        };
        let context = self.list("a count of context figures", In::context_figure);
        let at = self.at;
        let programs = self.list("a count of programs", In::program);
        if programs.is_empty() {
            self.fail(at, format_args!("expected at least one program"));
        }
        Dataset {
            meta,
            context,
            programs,
        }
    }

    fn context_figure(&mut self) -> ContextFigure {
        let id = self.id();
        let label = self.text();
        let value = self.int_in("a value of 0 or more", 0..=i64::MAX);
        let unit = self.tag().unwrap_or(ContextUnit::People);
        let comparison = self.tag().unwrap_or_default();
        let at = self.at;
        let provenance = self.provenance();
        if matches!(provenance, Provenance::Derived { .. }) {
            self.fail(
                at,
                format_args!("expected a reported context figure, found a derived one"),
            );
        }
        ContextFigure {
            id,
            label,
            value,
            unit,
            comparison,
            provenance,
        }
    }

    fn program(&mut self) -> Program {
        let id = self.id();
        let name = self.text();
        let summary = self.text();
        let description = self.text();
        let lead = self.opt(In::text);
        let partners = self.list("a count of partners", In::text);
        let start = self.opt(In::year);
        let at = self.at;
        let end = self.opt(In::year);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                self.fail(
                    at,
                    format_args!(
                        "expected an end year at or after the start year {start}, found {end}"
                    ),
                );
            }
        }
        let period = Period {
            start,
            end,
            note: self.opt(In::text),
        };
        let headline_at = self.at;
        let headline = self.ids();
        let at = self.at;
        let figures = self.list("a count of figures", In::figure);
        if figures.is_empty() {
            self.fail(at, format_args!("expected at least one figure"));
        }
        if headline.is_empty() || headline.len() > MAX_HEADLINE {
            let n = headline.len();
            self.fail(
                headline_at,
                format_args!("expected 1 to {MAX_HEADLINE} headline figures, found {n}"),
            );
        }
        // At most 12 ids, each looked up among this program's figures: linear in the figures.
        if let Some(stray) = headline
            .iter()
            .take(MAX_HEADLINE)
            .find(|h| !figures.iter().any(|f| &f.id == *h))
        {
            self.fail(
                headline_at,
                format_args!("expected the ids of this program's figures, found \"{stray}\""),
            );
        }
        Program {
            id,
            name,
            summary,
            description,
            lead,
            partners,
            period,
            headline,
            figures,
            note: self.opt(In::text),
        }
    }

    fn figure(&mut self) -> Figure {
        Figure {
            id: self.id(),
            label: self.text(),
            kind: self.tag().unwrap_or(FigureKind::Total),
            amount: Won::new(self.int_in("a positive amount in whole won", 1..=i64::MAX)),
            funding: self.tag().unwrap_or_default(),
            approximate: self.flag(),
            until: self.opt(In::year),
            provenance: self.provenance(),
            note: self.opt(In::text),
        }
    }

    fn provenance(&mut self) -> Provenance {
        let at = self.at;
        match self.byte("a provenance") {
            REPORTED => {
                let quote_at = self.at;
                let quote = self.string();
                if quote.trim().is_empty() {
                    self.fail(quote_at, format_args!("expected a reported figure's quote"));
                }
                let line_at = self.at;
                let n = self.uint("a source line");
                let line = u32::try_from(n).ok().filter(|&l| l > 0);
                if line.is_none() {
                    self.fail(
                        line_at,
                        format_args!("expected a source line from 1 to {}, found {n}", u32::MAX),
                    );
                }
                Provenance::Reported {
                    quote,
                    line: line.unwrap_or_default(),
                }
            }
            DERIVED => {
                let formula = self.text();
                let plus_at = self.at;
                let plus = self.ids();
                if plus.is_empty() {
                    self.fail(
                        plus_at,
                        format_args!("expected the ids a figure is derived from"),
                    );
                }
                Provenance::Derived {
                    formula,
                    plus,
                    minus: self.ids(),
                }
            }
            t => {
                if t != ILLUSTRATIVE {
                    self.fail(
                        at,
                        format_args!("expected a provenance (0, 1 or 2), found {t}"),
                    );
                } else if !self.illustrative {
                    self.fail(
                        at,
                        format_args!(
                            "expected a reported figure, found an illustrative one in a dataset not marked illustrative"
                        ),
                    );
                }
                Provenance::Illustrative {
                    note: self.opt(In::text),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::raw::Tags;
    use std::collections::HashSet;

    fn read(rel: &str) -> String {
        let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn shipped() -> (String, Dataset) {
        let json = read("data/ansan-2015.json");
        let d = crate::import::project::load_dataset("data/ansan-2015.json", &json)
            .unwrap_or_else(|e| panic!("{e}"));
        (json, d)
    }

    fn only_problem(e: &Invalid) -> &Problem {
        assert_eq!(e.problems.len(), 1, "{e}");
        &e.problems[0]
    }

    /// Decodes, expecting a refusal at byte `at` whose message contains `says`.
    fn refused(bytes: &[u8], at: usize, says: &str) {
        match decode("t.bin", bytes) {
            Ok(_) => panic!("accepted, expected a refusal at byte {at} ({says})"),
            Err(e) => {
                assert_eq!(e.file, "t.bin");
                let p = only_problem(&e);
                assert_eq!(p.path, format!("byte {at}"), "{e}");
                assert!(p.message.contains(says), "{e}");
            }
        }
    }

    fn text(s: &str) -> Text {
        Text {
            ko: format!("{s} (ko, 한글)"),
            en: format!("{s} (en)"),
        }
    }

    fn reported(line: u32) -> Provenance {
        Provenance::Reported {
            quote: "「4천450억여원」".to_owned(),
            line,
        }
    }

    fn figure(
        id: &str,
        kind: FigureKind,
        funding: FundingSource,
        provenance: Provenance,
    ) -> Figure {
        Figure {
            id: id.to_owned(),
            label: text(id),
            kind,
            amount: Won::new(445_000_000_000),
            funding,
            approximate: false,
            until: None,
            provenance,
            note: None,
        }
    }

    /// A dataset with every variant of every enum, every provenance and both sides of every `Option`.
    fn every_variant() -> Dataset {
        let mut context: Vec<ContextFigure> = Vec::new();
        for (i, &unit) in ContextUnit::ALL.iter().enumerate() {
            for (j, &comparison) in Comparison::ALL.iter().enumerate() {
                context.push(ContextFigure {
                    id: format!("c-{i}-{j}"),
                    label: text("context"),
                    value: [0, 1, 760_000, i64::MAX][j % 4],
                    unit,
                    comparison,
                    provenance: if j % 2 == 0 {
                        reported(u32::MAX)
                    } else {
                        Provenance::Illustrative {
                            note: (i % 2 == 0).then(|| text("made up")),
                        }
                    },
                });
            }
        }
        let mut figures: Vec<Figure> = Vec::new();
        for (i, &kind) in FigureKind::ALL.iter().enumerate() {
            for (j, &funding) in FundingSource::ALL.iter().enumerate() {
                let mut f = figure(&format!("f-{i}-{j}"), kind, funding, reported(1));
                f.amount = Won::new([1, 127, 128, i64::MAX][(i + j) % 4]);
                f.approximate = j % 2 == 1;
                f.until = (j % 3 == 0).then_some(2021 + j as i32);
                f.note = (j % 2 == 0).then(|| text("note"));
                figures.push(f);
            }
        }
        figures.push(figure(
            "derived",
            FigureKind::PublicShare,
            FundingSource::Public,
            Provenance::Derived {
                formula: text("total minus private"),
                plus: vec!["f-0-0".to_owned()],
                minus: vec!["f-1-3".to_owned(), "f-1-4".to_owned()],
            },
        ));
        figures.push(figure(
            "made-up",
            FigureKind::Budget,
            FundingSource::Unknown,
            Provenance::Illustrative { note: None },
        ));
        let bare = Program {
            id: "bare".to_owned(),
            name: text("bare"),
            summary: text("s"),
            description: Text::default(),
            lead: None,
            partners: Vec::new(),
            period: Period {
                start: None,
                end: None,
                note: None,
            },
            headline: vec!["only".to_owned()],
            figures: vec![figure(
                "only",
                FigureKind::Total,
                FundingSource::City,
                reported(7),
            )],
            note: None,
        };
        let full = Program {
            id: "sme-2".to_owned(),
            name: text("full"),
            summary: text("summary"),
            description: text("description\nwith a line break"),
            lead: Some(text("lead")),
            partners: vec![text("a"), text("b")],
            period: Period {
                start: Some(1900),
                end: Some(2100),
                note: Some(text("period")),
            },
            headline: vec!["f-0-0".to_owned(), "derived".to_owned()],
            figures,
            note: Some(text("program note")),
        };
        Dataset {
            meta: Meta {
                id: "every-variant".to_owned(),
                title: text("title"),
                source: Source {
                    title: "안산시, 지역경제 선순환 ‘올인’".to_owned(),
                    kind: text("kind"),
                    year: 2015,
                    document: "ansan-news-2015.txt".to_owned(),
                },
                as_of_year: 2015,
                illustrative: true,
                note: Some(text("meta note")),
                charts: RawChartTitles {
                    overview: Some(text("overview")),
                    timeline: None,
                },
            },
            context,
            programs: vec![full, bare],
        }
    }

    fn round_trip(d: &Dataset) -> Vec<u8> {
        let bytes = encode(d);
        let back = decode("t.bin", &bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&back, d);
        assert_eq!(encode(&back), bytes, "one encoding per dataset");
        bytes
    }

    #[test]
    fn the_shipped_data_comes_back_whole_and_smaller() {
        let (json, d) = shipped();
        let bytes = round_trip(&d);
        println!(
            "data/ansan-2015.json: {} bytes of JSON, {} bytes of handover",
            json.len(),
            bytes.len()
        );
        assert!(bytes.len() < json.len(), "{} ≥ {}", bytes.len(), json.len());
        assert_eq!(bytes.get(..4), Some(&b"ABH1"[..]));
    }

    #[test]
    fn the_format_1_fixture_comes_back_whole() {
        let rel = "tests/fixtures/ansan-2015.v1.json";
        let d =
            crate::import::project::load_dataset(rel, &read(rel)).unwrap_or_else(|e| panic!("{e}"));
        round_trip(&d);
    }

    #[test]
    fn every_variant_and_option_comes_back_whole() {
        let d = every_variant();
        round_trip(&d);
        // And with each field changed, the bytes change: nothing is dropped on the way.
        let mut other = d.clone();
        other.meta.charts.timeline = Some(text("timeline"));
        assert_ne!(encode(&other), encode(&d));
    }

    /// The variants of an enum as the generated schema names them: derived from the enum itself, so a variant
    /// added to it appears here without anyone listing it.
    fn schema_variants<T: Tags>(def: &str) -> Vec<T> {
        let schema: serde_json::Value =
            serde_json::from_str(&crate::model::schema_json()).expect("the schema is JSON");
        let mut names = Vec::new();
        let mut todo = vec![&schema["$defs"][def]];
        while let Some(v) = todo.pop() {
            match v {
                serde_json::Value::Object(m) => {
                    names.extend(m.get("const").and_then(|c| c.as_str()));
                    if let Some(serde_json::Value::Array(e)) = m.get("enum") {
                        names.extend(e.iter().filter_map(|n| n.as_str()));
                    }
                    todo.extend(m.values());
                }
                serde_json::Value::Array(a) => todo.extend(a),
                _ => {}
            }
        }
        assert!(!names.is_empty(), "no variants of {def} in the schema");
        names
            .iter()
            .map(|n| {
                T::TAGS
                    .iter()
                    .find(|(name, _)| name == n)
                    .map(|(_, v)| *v)
                    .unwrap_or_else(|| panic!("{def}: {n} is in no tag table"))
            })
            .collect()
    }

    fn every_variant_has_its_own_tag<T: Tag + Tags + std::fmt::Debug>(def: &str) {
        let all = schema_variants::<T>(def);
        assert_eq!(all.len(), T::ALL.len(), "{def}: Tag::ALL misses a variant");
        let mut tags = HashSet::new();
        for v in all {
            let t = v.tag();
            assert!(tags.insert(t), "{def}: tag {t} given twice");
            assert_eq!(from_tag::<T>(t), Some(v), "{def}: ALL[{t}] is not {v:?}");
        }
        assert_eq!(from_tag::<T>(T::ALL.len() as u8), None::<T>);
        assert_eq!(from_tag::<T>(255), None::<T>);
    }

    #[test]
    fn every_variant_has_its_own_tag_both_ways() {
        every_variant_has_its_own_tag::<FigureKind>("FigureKind");
        every_variant_has_its_own_tag::<FundingSource>("FundingSource");
        every_variant_has_its_own_tag::<ContextUnit>("ContextUnit");
        every_variant_has_its_own_tag::<Comparison>("Comparison");
        // Provenance: each variant written with its own tag (the round trips above read each one back).
        let d = every_variant();
        let tags: HashSet<u8> = [
            reported(1),
            d.programs[0].figures[d.programs[0].figures.len() - 2]
                .provenance
                .clone(),
            Provenance::Illustrative { note: None },
        ]
        .iter()
        .map(|p| {
            let mut o = Out(Vec::new());
            o.provenance(p);
            o.0[0]
        })
        .collect();
        assert_eq!(tags, HashSet::from([REPORTED, DERIVED, ILLUSTRATIVE]));
    }

    #[test]
    fn numbers_round_trip_at_their_ends() {
        for n in [
            i64::MIN,
            i64::MIN + 1,
            -129,
            -128,
            -1,
            0,
            1,
            63,
            64,
            127,
            128,
            i64::MAX,
        ] {
            let mut o = Out(Vec::new());
            o.int(n);
            let mut r = reader(&o.0);
            assert_eq!(r.int("n"), n);
            assert_eq!((r.at, r.failed), (o.0.len(), None));
        }
        for n in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            let mut o = Out(Vec::new());
            o.uint(n);
            let mut r = reader(&o.0);
            assert_eq!(r.uint("n"), n);
            assert_eq!((r.at, r.failed), (o.0.len(), None));
        }
        // Overlong and too long forms are refused.
        for bad in [
            &[0x80, 0x00][..],
            &[0x81, 0x80, 0x00],
            &[0xff; 10],
            &[0xff; 11],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],
        ] {
            let mut r = reader(bad);
            r.uint("n");
            assert!(r.failed.is_some(), "{bad:?}");
        }
    }

    fn reader(bytes: &[u8]) -> In<'_> {
        In {
            bytes,
            at: 0,
            illustrative: false,
            failed: None,
        }
    }

    #[test]
    fn every_truncation_is_refused() {
        let (_, d) = shipped();
        let bytes = encode(&d);
        for len in 0..bytes.len() {
            let e = decode("t.bin", &bytes[..len]).err();
            let e = e.unwrap_or_else(|| panic!("a prefix of {len} bytes was accepted"));
            let p = only_problem(&e);
            assert!(p.path.starts_with("byte "), "{e}");
        }
        let e = decode("data/ansan-2015.bin", &bytes[..bytes.len() - 3]).err();
        assert!(
            e.is_some_and(|e| e.to_string().starts_with("data/ansan-2015.bin: byte ")),
            "a message names the file and the byte"
        );
    }

    #[test]
    fn random_byte_changes_never_panic_and_anything_accepted_is_canonical() {
        let (_, d) = shipped();
        let good = [encode(&d), encode(&every_variant())];
        let mut state: u64 = 0x2015_a45a;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        let (mut accepted, mut refused) = (0, 0);
        for case in 0..10_000 {
            let mut bytes = good[case % 2].clone();
            // One to four changes: a flipped byte, a byte cut out or a byte put in.
            for _ in 0..=next() % 4 {
                let at = next() as usize % bytes.len();
                match next() % 3 {
                    0 => bytes[at] ^= (next() % 255 + 1) as u8,
                    1 => {
                        bytes.remove(at);
                    }
                    _ => bytes.insert(at, next() as u8),
                }
            }
            match decode("t.bin", &bytes) {
                Ok(d) => {
                    accepted += 1;
                    assert_eq!(
                        encode(&d),
                        bytes,
                        "case {case}: accepted, re-encoded differently"
                    );
                }
                Err(e) => {
                    refused += 1;
                    let p = only_problem(&e);
                    assert!(p.path.starts_with("byte ") && !p.message.is_empty(), "{e}");
                }
            }
        }
        // Most changes hit a length, a tag or an invariant; some only a letter of a text.
        assert!(
            refused > 1000 && accepted > 100,
            "{refused} refused, {accepted} accepted"
        );
    }

    #[test]
    fn huge_lengths_and_counts_are_refused_before_reading() {
        let mut o = Out(b"ABH1".to_vec());
        o.uint(u64::MAX);
        o.0.extend_from_slice(&[b'x'; 64]);
        let started = std::time::Instant::now();
        refused(
            &o.0,
            4,
            &format!("expected a string of {} bytes, 64 are left", u64::MAX),
        );
        // A count of u64::MAX context figures after a valid meta.
        let (_, d) = shipped();
        let at = meta_end(&d.meta);
        let mut bytes = encode(&d)[..at].to_vec();
        bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        bytes.extend_from_slice(&[0; 100]);
        refused(
            &bytes,
            at,
            "of at most 100, the bytes left, found 18446744073709551615",
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    /// Where the context count sits: right after the meta, found by encoding the meta alone (then two empty
    /// counts).
    fn meta_end(meta: &Meta) -> usize {
        let alone = Dataset {
            meta: meta.clone(),
            context: Vec::new(),
            programs: Vec::new(),
        };
        encode(&alone).len() - 2
    }

    #[test]
    fn a_large_handover_is_read_in_linear_time() {
        let mut d = every_variant();
        let f = d.programs[1].figures[0].clone();
        d.programs[1].figures = (0..200_000)
            .map(|i| Figure {
                id: format!("f{i}"),
                ..f.clone()
            })
            .collect();
        d.programs[1].headline = (199_988..200_000).map(|i| format!("f{i}")).collect();
        let bytes = encode(&d);
        let started = std::time::Instant::now();
        assert_eq!(decode("t.bin", &bytes).ok().as_ref(), Some(&d));
        // A headline of 12 ids, each looked up among 200,000 figures, and the figures read once: well under a
        // second even unoptimised; a lookup per pair of figures would take minutes.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{} bytes read in {:?}",
            bytes.len(),
            started.elapsed()
        );
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let mut bytes = encode(&every_variant());
        let end = bytes.len();
        bytes.push(0);
        refused(
            &bytes,
            end,
            "expected the end of the file, found 1 more bytes",
        );
    }

    #[test]
    fn another_file_or_version_is_refused_with_what_to_do() {
        refused(b"{\"format\": 1}", 0, "made by the build (`prerender`)");
        refused(b"", 0, "made by the build (`prerender`)");
        let mut bytes = encode(&every_variant());
        bytes[3] = b'2';
        refused(&bytes, 3, "expected format version 1, found 2");
        refused(
            b"ABH",
            3,
            "expected the format version, found the end of the file",
        );
    }

    #[test]
    fn bad_text_and_unknown_tags_are_refused_where_they_are() {
        // meta.id of two bytes that are not UTF-8.
        refused(b"ABH1\x02a\xff", 6, "expected UTF-8 text");
        let d = every_variant();
        let bytes = encode(&d);
        // The first figure's kind: just after its id and label, found by encoding the dataset with another kind.
        let mut other = d.clone();
        other.programs[0].figures[0].kind = FigureKind::AnnualBudget;
        let at = first_difference(&bytes, &encode(&other));
        let mut bad = bytes.clone();
        bad[at] = FigureKind::ALL.len() as u8;
        refused(&bad, at, "expected a figure kind, found the unknown tag 7");
        let mut bad = bytes.clone();
        bad[at + 1] ^= 0x80; // the amount's first byte now says "more follows" and the rest is misread
        assert!(decode("t.bin", &bad).is_err());
    }

    fn first_difference(a: &[u8], b: &[u8]) -> usize {
        a.iter()
            .zip(b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()))
    }

    /// A dataset that breaks one invariant, encoded as is: decoding names the byte where the value sits.
    fn broken(change: impl FnOnce(&mut Dataset), says: &str) {
        let good = every_variant();
        let mut d = good.clone();
        change(&mut d);
        let bytes = encode(&d);
        let at = first_difference(&bytes, &encode(&good));
        match decode("t.bin", &bytes) {
            Ok(_) => panic!("accepted, expected: {says}"),
            Err(e) => {
                let p = only_problem(&e);
                assert!(p.message.contains(says), "{e}");
                let said: usize = p.path["byte ".len()..].parse().expect("a byte offset");
                // At the value, or near it: the start of its list or provenance, the end year after the start.
                assert!(said.abs_diff(at) < 64, "{e}: the change is at byte {at}");
            }
        }
    }

    #[test]
    fn impossible_values_are_refused() {
        broken(
            |d| d.programs[0].period.start = Some(2101),
            "expected a year between 1900 and 2100, found 2101",
        );
        broken(
            |d| {
                d.programs[0].period = Period {
                    start: Some(2021),
                    end: Some(2015),
                    note: None,
                }
            },
            "expected an end year at or after the start year 2021, found 2015",
        );
        broken(
            |d| d.programs[1].figures[0].amount = Won::ZERO,
            "expected a positive amount in whole won, found 0",
        );
        broken(
            |d| d.programs[1].figures[0].amount = Won::new(-5),
            "found -5",
        );
        broken(|d| d.context[0].value = -1, "expected a value of 0 or more");
        broken(
            |d| d.programs[1].headline = vec!["f-0-0".to_owned()],
            "expected the ids of this program's figures, found \"f-0-0\"",
        );
        broken(
            |d| d.programs[1].headline.clear(),
            "expected 1 to 12 headline figures, found 0",
        );
        broken(
            |d| d.programs[1].id = "Bare/../x".to_owned(),
            "expected an id of lowercase letters",
        );
        broken(
            |d| d.programs[1].figures[0].provenance = reported(0),
            "expected a source line from 1",
        );
        broken(
            |d| {
                d.programs[1].figures[0].provenance = Provenance::Reported {
                    quote: " ".to_owned(),
                    line: 3,
                }
            },
            "expected a reported figure's quote",
        );
        broken(
            |d| {
                d.context[0].provenance = Provenance::Derived {
                    formula: text("f"),
                    plus: vec!["f-0-0".to_owned()],
                    minus: Vec::new(),
                }
            },
            "found a derived one",
        );
        // Refused at the first made-up figure (context[1]), not at the flag.
        let mut d = every_variant();
        d.meta.illustrative = false;
        let e = decode("t.bin", &encode(&d)).expect_err("refused");
        let said: usize = only_problem(&e).path["byte ".len()..]
            .parse()
            .expect("a byte offset");
        assert!(e
            .to_string()
            .contains("found an illustrative one in a dataset not marked illustrative"));
        assert!(said > meta_end(&d.meta), "{e}");
        // Lists that must not be empty.
        broken(
            |d| d.programs[1].figures.clear(),
            "expected at least one figure",
        );
        let mut d = every_variant();
        d.programs.clear();
        let bytes = encode(&d);
        refused(&bytes, bytes.len() - 1, "expected at least one program");
    }
}
