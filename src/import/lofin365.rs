//! 지방재정365 세부사업별 세출현황 (open API `QWGJK`) line items as JSON, in every shape they come in: popfund's
//! camelCase file `{lafCd, exeYmd, projects: [{dbizCd, bdgCashAmt, …}]}`, and the API's own field names
//! (`dbiz_cd`, `bdg_cash_amt`, …) as a bare array of rows or inside the open-API envelope
//! `{"QWGJK": [{"head": [{"list_total_count": N}, {"RESULT": {"CODE": …}}]}, {"row": […]}]}`.
//!
//! A row is any object of scalars that carries `bdgCashAmt` / `bdg_cash_amt`; wherever it sits, it is read. The
//! file is streamed (json-event-parser's low-level parser, one row's members at a time, no tree), so 100,000 rows
//! cost their amounts and nothing else; nesting deeper than [`MAX_DEPTH`] is refused without recursion. Problems
//! keep byte offsets while reading and get their line and column in one pass at the end.
//!
//! The hierarchy is 분야 > 부문 > 세부사업 (`fld_cd` / `ane_part_cd` as codes when the API gives them, the names
//! otherwise). 회계 (`acntDvNm`) is not a level. Making it the top level would split every 분야 into one copy per
//! 회계 (16–22 in a city), so "the 교육 분야" would no longer be one node and 분야 totals would need a merge by
//! name. It is not needed to keep rows apart either: every row's amounts stay separate amounts, each with its own
//! origin (row, column), and nothing is merged or deduplicated. A 세부사업 code met under a second 회계 lands on
//! the same node, whose total is then the project's total across its accounts, which is what a 세부사업 is.
//! The API writes several rows per (세부사업, 회계), one per department, and all of them count. In popfund's file
//! (one row per (세부사업, 회계), summed by them) a repeated pair would count twice, so it is a problem there.
//! How many codes span several 회계 is said in a note.
//!
//! Amounts are whole won (원, not 천원), as JSON integers or strings of digits (the API writes strings); a
//! fraction, an exponent, a separator or a value beyond i64 is a problem quoting the text. Per row:
//! 예산현액 is the year's current budget (Phase::Final, split into funding parts 국비 / 시도비 / 시군구비 / 기타, and
//! 국비 + 시도비 + 시군구비 + 기타 = 예산현액 is checked; a row that breaks it is reported and kept); 지출액 is
//! money spent so far and 편성/배정액 money allocated. The fiscal year is `fyr`, else the first four digits of
//! `exeYmd` / `exe_ymd` (the snapshot date: popfund fetches with fyr = exe_ymd's year). popfund's
//! `fundRelated` is their own guess, not the government's data, and is ignored like any other unknown field.
//!
//! Names are trimmed and otherwise kept as written: 'ㆍ' (U+318D), '·', and a TAB inside one 포천 project name
//! stay, so a name can be searched for in the source; how to show a TAB is the display's business. An empty or
//! invisible name is reported here, with the builder's own `visible` test, rather than left to `Builder::node`:
//! the builder takes a problem's place when it is reported, and lines and columns are only known at the end.
//!
//! Each amount's origin is `Cell { row, column }`: the n-th row read (1-based: the index in the rows array plus
//! one, for every shape the API and popfund write) and the key as written (`bdgCashAmt` or `bdg_cash_amt`). The
//! API's head is checked: a RESULT code other than INFO-000 is a problem naming it, and a `list_total_count` other
//! than the rows read means the file is one page of a larger answer. Rows that come before the fiscal year is
//! known (popfund's `exeYmd` written after `projects`) are held, as their scalar members only, until it is.

use super::builder::{visible, Builder, Imported, NewAmount, Place, Source};
use crate::budget::{
    Currency, Direction, Funding, Measure, Meta, NodeId, Period, Phase, Split, Sym,
};
use crate::model::decode::quoted;
use crate::model::json::{path_string, positions, Step, MAX_DEPTH};
use json_event_parser::{JsonEvent, LowLevelJsonParser, LowLevelJsonParserResult};
use std::collections::HashMap;

/// What `Meta::source` says: the API's terms ask for this credit.
pub const CREDIT: &str = "출처: 행정안전부 지방재정365";

/// Reads line items from decoded text. Every problem is collected; a syntax error ends the reading, and the rows
/// read before it are kept.
pub fn import(file: &str, text: &str) -> Imported {
    let mut stream = Stream::default();
    let mut reader = Reader::new(file, text);
    stream.run(text, &mut reader);
    reader.finish()
}

/// The fields read from a row; the API's name and popfund's name map to the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum F {
    Code,
    Name,
    Account,
    Fld,
    FldCode,
    Part,
    PartCode,
    Cash,
    National,
    Provincial,
    City,
    Other,
    Spent,
    Allocated,
    Laf,
    Year,
    Date,
}

const FIELDS: usize = 17;

fn field_of(key: &str) -> Option<F> {
    Some(match key {
        "dbizCd" | "dbiz_cd" => F::Code,
        "dbizNm" | "dbiz_nm" => F::Name,
        "acntDvNm" | "acnt_dv_nm" => F::Account,
        "fldNm" | "fld_nm" => F::Fld,
        "fld_cd" => F::FldCode,
        "partNm" | "part_nm" => F::Part,
        "ane_part_cd" => F::PartCode,
        "bdgCashAmt" | "bdg_cash_amt" => F::Cash,
        "bdgNtep" | "bdg_ntep" => F::National,
        "capep" => F::Provincial,
        "sggep" => F::City,
        "etcAmt" | "etc_amt" => F::Other,
        "epAmt" | "ep_amt" => F::Spent,
        "cplAmt" | "cpl_amt" => F::Allocated,
        "lafCd" | "laf_cd" => F::Laf,
        "fyr" => F::Year,
        "exeYmd" | "exe_ymd" => F::Date,
        _ => return None,
    })
}

/// A field's key in the row's own style (popfund's camelCase or the API's names) and what it means, for "missing"
/// messages.
fn field_name(f: F, camel: bool) -> (&'static str, &'static str) {
    let (c, r, ko) = match f {
        F::Code => ("dbizCd", "dbiz_cd", "세부사업코드"),
        F::Name => ("dbizNm", "dbiz_nm", "세부사업명"),
        F::Account => ("acntDvNm", "acnt_dv_nm", "회계"),
        F::Fld => ("fldNm", "fld_nm", "분야"),
        F::FldCode => ("fld_cd", "fld_cd", "분야코드"),
        F::Part => ("partNm", "part_nm", "부문"),
        F::PartCode => ("ane_part_cd", "ane_part_cd", "부문코드"),
        F::Cash => ("bdgCashAmt", "bdg_cash_amt", "예산현액"),
        F::National => ("bdgNtep", "bdg_ntep", "국비"),
        F::Provincial => ("capep", "capep", "시도비"),
        F::City => ("sggep", "sggep", "시군구비"),
        F::Other => ("etcAmt", "etc_amt", "기타"),
        F::Spent => ("epAmt", "ep_amt", "지출액"),
        F::Allocated => ("cplAmt", "cpl_amt", "편성/배정액"),
        F::Laf => ("lafCd", "laf_cd", "자치단체코드"),
        F::Year => ("fyr", "fyr", "회계연도"),
        F::Date => ("exeYmd", "exe_ymd", "기준일"),
    };
    (if camel { c } else { r }, ko)
}

/// The amounts of a row and how each enters the model: measure, funding, split.
const AMOUNTS: [(F, Measure, Funding, Split); 7] = [
    (
        F::Cash,
        Measure::Budgeted,
        Funding::Unknown,
        Split::WholeWithParts,
    ),
    (
        F::National,
        Measure::Budgeted,
        Funding::National,
        Split::Part,
    ),
    (
        F::Provincial,
        Measure::Budgeted,
        Funding::Provincial,
        Split::Part,
    ),
    (F::City, Measure::Budgeted, Funding::City, Split::Part),
    (F::Other, Measure::Budgeted, Funding::Other, Split::Part),
    (F::Spent, Measure::Executed, Funding::Unknown, Split::Whole),
    (
        F::Allocated,
        Measure::Allocated,
        Funding::Unknown,
        Split::Whole,
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Null,
    Bool,
    Number,
    String,
}

impl Kind {
    fn found(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
        }
    }
}

/// One scalar member of the object being read: ranges into [`RowBuf::text`] and byte offsets in the document.
#[derive(Clone, Debug)]
struct Member {
    key: (usize, usize),
    /// The field its key names, found once when the key is read.
    field: Option<F>,
    key_at: usize,
    kind: Kind,
    value: (usize, usize),
    at: usize,
}

/// The scalar members of the innermost open object, in one reused buffer: no allocation per row once warm.
#[derive(Clone, Debug, Default)]
struct RowBuf {
    text: String,
    members: Vec<Member>,
    /// The key read and not yet given a value: its range, offset and field.
    pending: Option<((usize, usize), usize, Option<F>)>,
    /// Where the object starts.
    at: usize,
}

impl RowBuf {
    fn clear(&mut self, at: usize) {
        self.text.clear();
        self.members.clear();
        self.pending = None;
        self.at = at;
    }

    fn key(&self, m: &Member) -> &str {
        self.text.get(m.key.0..m.key.1).unwrap_or_default()
    }

    fn value(&self, m: &Member) -> &str {
        self.text.get(m.value.0..m.value.1).unwrap_or_default()
    }

    fn find(&self, key: &str) -> Option<&Member> {
        self.members.iter().find(|m| self.key(m) == key)
    }
}

/// An array or object still open.
#[derive(Debug)]
enum Frame {
    /// `next`: index of the value being read (values completed so far).
    Array { next: usize },
    Object {
        at: usize,
        /// Where this object's current key starts in [`Stream::keys`], and ends once read.
        base: usize,
        key_end: Option<usize>,
        /// No array or object inside so far: it may be a row.
        scalars: bool,
        /// It has an amount key (`bdgCashAmt` / `bdg_cash_amt`).
        amount_key: bool,
        /// The key under which the first array or object inside was met.
        nested: Option<String>,
    },
}

/// The parser's side: open containers, their keys (one string for the whole stack) and the innermost object's
/// scalar members.
#[derive(Default)]
struct Stream {
    frames: Vec<Frame>,
    keys: String,
    buf: RowBuf,
}

/// Where the next token starts: after whitespace and the `,` or `:` before it.
fn token_start(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b':') = bytes.get(i) {
        i += 1;
    }
    i
}

impl Stream {
    /// The JSON path of the first `n` open containers' current values.
    fn path(&self, n: usize) -> String {
        let steps: Vec<Step> = self
            .frames
            .iter()
            .take(n)
            .filter_map(|f| match f {
                Frame::Array { next } => Some(Step::Index(*next)),
                Frame::Object { base, key_end, .. } => key_end
                    .and_then(|end| self.keys.get(*base..end))
                    .map(Step::Key),
            })
            .collect();
        path_string(&steps)
    }

    fn run(&mut self, text: &str, reader: &mut Reader) {
        let bytes = text.as_bytes();
        let mut parser = LowLevelJsonParser::new().with_max_stack_size(MAX_DEPTH * 2);
        let mut consumed = 0usize;
        let mut offset = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            3
        } else {
            0
        };
        loop {
            let rest = bytes.get(consumed..).unwrap_or_default();
            let LowLevelJsonParserResult {
                consumed_bytes,
                event,
            } = parser.parse_next(rest, true);
            let start = token_start(bytes, offset.max(consumed));
            consumed += consumed_bytes;
            offset = consumed;
            let event = match event {
                // Cannot happen with the whole input given; guards against a loop that reads nothing.
                None if consumed_bytes == 0 => break,
                None => continue,
                Some(Ok(event)) => event,
                Some(Err(e)) => {
                    let at = usize::try_from(e.location().start.offset).unwrap_or(start);
                    let path = self.path(self.frames.len());
                    reader.problem(
                        at.min(text.len()),
                        path,
                        format!("not valid JSON: {}", e.message()),
                    );
                    reader.stopped = true;
                    return;
                }
            };
            match event {
                JsonEvent::Eof => return,
                JsonEvent::StartArray | JsonEvent::StartObject => {
                    if self.frames.len() >= MAX_DEPTH {
                        let path = self.path(self.frames.len());
                        reader.problem(
                            start,
                            path,
                            format!("nested deeper than {MAX_DEPTH} levels"),
                        );
                        reader.stopped = true;
                        return;
                    }
                    if let Some(Frame::Object {
                        scalars,
                        nested,
                        base,
                        key_end,
                        ..
                    }) = self.frames.last_mut()
                    {
                        *scalars = false;
                        if nested.is_none() {
                            let key = key_end.and_then(|e| self.keys.get(*base..e));
                            *nested = Some(key.unwrap_or_default().to_owned());
                        }
                    }
                    if matches!(event, JsonEvent::StartArray) {
                        self.frames.push(Frame::Array { next: 0 });
                    } else {
                        self.buf.clear(start);
                        self.frames.push(Frame::Object {
                            at: start,
                            base: self.keys.len(),
                            key_end: None,
                            scalars: true,
                            amount_key: false,
                            nested: None,
                        });
                    }
                }
                JsonEvent::EndArray => {
                    self.frames.pop();
                    self.value_done();
                }
                JsonEvent::EndObject => {
                    self.end_object(reader);
                    if let Some(Frame::Object { base, .. }) = self.frames.pop() {
                        self.keys.truncate(base);
                    }
                    self.value_done();
                }
                JsonEvent::ObjectKey(key) => {
                    if let Some(Frame::Object {
                        base,
                        key_end,
                        scalars,
                        amount_key,
                        ..
                    }) = self.frames.last_mut()
                    {
                        self.keys.truncate(*base);
                        self.keys.push_str(&key);
                        *key_end = Some(self.keys.len());
                        let field = field_of(&key);
                        *amount_key |= field == Some(F::Cash);
                        if *scalars {
                            let from = self.buf.text.len();
                            self.buf.text.push_str(&key);
                            self.buf.pending = Some(((from, self.buf.text.len()), start, field));
                        }
                    }
                }
                JsonEvent::Null => self.scalar(Kind::Null, "", start, reader),
                JsonEvent::Boolean(b) => {
                    self.scalar(Kind::Bool, if b { "true" } else { "false" }, start, reader)
                }
                JsonEvent::Number(n) => self.scalar(Kind::Number, &n, start, reader),
                JsonEvent::String(s) => self.scalar(Kind::String, &s, start, reader),
            }
        }
    }

    /// A value in an array is complete: the next one gets the next index.
    fn value_done(&mut self) {
        if let Some(Frame::Array { next }) = self.frames.last_mut() {
            *next += 1;
        }
    }

    fn scalar(&mut self, kind: Kind, text: &str, at: usize, reader: &mut Reader) {
        if let Some(Frame::Object { scalars: true, .. }) = self.frames.last() {
            if let Some((key, key_at, field)) = self.buf.pending.take() {
                let from = self.buf.text.len();
                self.buf.text.push_str(text);
                self.buf.members.push(Member {
                    key,
                    field,
                    key_at,
                    kind,
                    value: (from, self.buf.text.len()),
                    at,
                });
            }
        }
        // Members of the document's own object: popfund's `lafCd` and `exeYmd`.
        if let [Frame::Object {
            base,
            key_end: Some(end),
            ..
        }] = self.frames.as_slice()
        {
            if let Some(f) = self.keys.get(*base..*end).and_then(field_of) {
                let path = || self.path(1);
                reader.document_field(f, kind, text, at, &path);
            }
        }
        self.value_done();
    }

    /// The innermost object ends: a row, the API's RESULT or count, or an object holding an amount and more than
    /// scalars (reported).
    fn end_object(&mut self, reader: &mut Reader) {
        let depth = self.frames.len();
        let Some(Frame::Object {
            at,
            scalars,
            amount_key,
            nested,
            ..
        }) = self.frames.last()
        else {
            return;
        };
        let path = || self.path(depth.saturating_sub(1));
        if depth == 1 && *scalars && *amount_key {
            reader.doc_problems.clear();
        }
        match (*scalars, *amount_key) {
            (true, true) => reader.row(&self.buf, &path, false),
            (true, false) => {
                let parent_key = match depth.checked_sub(2).and_then(|i| self.frames.get(i)) {
                    Some(Frame::Object {
                        base,
                        key_end: Some(end),
                        ..
                    }) => self.keys.get(*base..*end),
                    _ => None,
                };
                reader.head(&self.buf, parent_key == Some("RESULT"), &path);
            }
            (false, true) => {
                reader.rows += 1;
                reader.b.row_read();
                let key = nested.as_deref().unwrap_or_default();
                reader.problem(
                    *at,
                    path(),
                    format!(
                        "expected a line item of scalar fields, found an array or object in {}",
                        quoted(key)
                    ),
                );
            }
            (false, false) => {}
        }
    }
}

/// A row read before the fiscal year was known (popfund's `exeYmd` written after `projects`): kept until it is.
struct Pending {
    buf: RowBuf,
    path: String,
    row: u32,
}

/// The model's side: the builder, what the document says about itself, and problems with byte offsets.
struct Reader<'t> {
    text: &'t str,
    b: Builder,
    problems: Vec<(usize, String, String)>,
    stopped: bool,
    /// Problems with the document's own `lafCd` / `exeYmd` / `fyr`, until it is known whether the document is
    /// itself a row (which reports them).
    doc_problems: Vec<(usize, String, String)>,
    /// A year was given and refused: saying that there is none would repeat it.
    year_reported: bool,
    /// Rows met, the one being read included: its number.
    rows: usize,
    /// The local government: its code, and whether a second one was reported.
    laf: Option<String>,
    laf_mixed: bool,
    /// The document's fiscal year (`fyr`, or `exeYmd`'s year), and the first row's.
    doc_year: Option<i32>,
    first_year: Option<i32>,
    pending: Vec<Pending>,
    /// The first row: where a problem about the whole file points.
    first_row: Option<(usize, String)>,
    /// By 세부사업 node: the first 회계 met, its row, and whether another 회계 came.
    accounts: Vec<Option<(Sym, u32, bool)>>,
    /// The rows of a 세부사업's second and further 회계, rare enough for a map.
    more_accounts: HashMap<(NodeId, Sym), u32>,
    /// The last 회계 name met and its symbol: nearly every row is 일반회계.
    last_account: Option<(String, Sym)>,
    /// `list_total_count` from the API's head: the count, its offset and path.
    total_count: Option<(u64, usize, String)>,
    result_error: bool,
    camel_rows: usize,
    scratch: Vec<usize>,
    /// The last (분야 code, 분야, 부문 code, 부문) met and its 부문 node.
    last_part: Option<((String, String, String, String), NodeId)>,
}

/// Text shown in a message: quoted, and cut short so a huge value cannot flood the report.
fn shown(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", quoted(text.get(..cut).unwrap_or_default())),
        None => quoted(text),
    }
}

/// Whole won from a JSON number or a string of digits with an optional leading '-'.
fn parse_won(kind: Kind, text: &str) -> Result<i64, String> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let integer = !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit());
    match kind {
        Kind::Number | Kind::String if integer => text.parse::<i64>().map_err(|_| {
            format!(
                "expected whole won that fits in 64 bits, found {}",
                shown(text)
            )
        }),
        Kind::Number => Err(format!(
            "expected whole won as an integer, found {}",
            shown(text)
        )),
        Kind::String => Err(format!(
            "expected whole won as digits with an optional leading '-', found {}",
            shown(text)
        )),
        Kind::Null | Kind::Bool => Err(format!(
            "expected whole won as an integer, found {}",
            kind.found()
        )),
    }
}

/// A year from `fyr` (`2026`) or a date (`20260705`): four digits, or eight of which the first four.
fn parse_year(f: F, text: &str) -> Option<i32> {
    let ok =
        text.bytes().all(|c| c.is_ascii_digit()) && text.len() == if f == F::Year { 4 } else { 8 };
    ok.then(|| text.get(..4).and_then(|y| y.parse().ok()))
        .flatten()
}

fn year_message(f: F, kind: Kind, text: &str) -> String {
    let (key, ko) = field_name(f, true);
    let what = if kind == Kind::String || kind == Kind::Number {
        shown(text)
    } else {
        kind.found().to_owned()
    };
    if f == F::Year {
        format!("expected {key} ({ko}) as a four-digit year, found {what}")
    } else {
        format!("expected {key} ({ko}) as a date YYYYMMDD, found {what}")
    }
}

/// Problems of one row: offset, the member's key ("" for the row itself), message.
type RowProblems = Vec<(usize, String, String)>;

impl<'t> Reader<'t> {
    fn new(file: &str, text: &'t str) -> Reader<'t> {
        let meta = Meta {
            id: String::new(),
            title: String::new(),
            title_other: None,
            languages: ("ko".to_owned(), None),
            source: CREDIT.to_owned(),
            illustrative: false,
        };
        Reader {
            text,
            b: Builder::new(file, meta),
            problems: Vec::new(),
            stopped: false,
            doc_problems: Vec::new(),
            year_reported: false,
            rows: 0,
            laf: None,
            laf_mixed: false,
            doc_year: None,
            first_year: None,
            pending: Vec::new(),
            first_row: None,
            accounts: Vec::new(),
            more_accounts: HashMap::new(),
            last_account: None,
            total_count: None,
            result_error: false,
            camel_rows: 0,
            scratch: Vec::new(),
            last_part: None,
        }
    }

    fn problem(&mut self, at: usize, path: String, message: String) {
        self.problems.push((at, path, message));
    }

    /// A scalar member of the document's own object.
    fn document_field(
        &mut self,
        f: F,
        kind: Kind,
        text: &str,
        at: usize,
        path: &dyn Fn() -> String,
    ) {
        match f {
            F::Laf => {
                // Held apart: if the document is itself a row, the row reports its own fields.
                let before = self.problems.len();
                self.set_laf(kind, text, at, path);
                let found = self.problems.split_off(before);
                self.doc_problems.extend(found);
            }
            F::Year | F::Date => match parse_year(f, text).filter(|_| kind != Kind::Null) {
                Some(y) => {
                    // `fyr` wins over the snapshot date's year.
                    if self.doc_year.is_none() || f == F::Year {
                        self.doc_year = Some(y);
                    }
                    self.flush_pending();
                }
                None => {
                    self.year_reported = true;
                    self.doc_problems
                        .push((at, path(), year_message(f, kind, text)));
                }
            },
            _ => {}
        }
    }

    /// The local government's code, from the document or a row; a second, different one is a problem.
    fn set_laf(&mut self, kind: Kind, text: &str, at: usize, path: &dyn Fn() -> String) {
        let code = text.trim();
        if !matches!(kind, Kind::String | Kind::Number) || code.is_empty() {
            let (key, ko) = field_name(F::Laf, true);
            let found = if kind == Kind::String {
                shown(text)
            } else {
                kind.found().to_owned()
            };
            self.problem(
                at,
                path(),
                format!("expected {key} ({ko}) as a code such as \"4118000\", found {found}"),
            );
            return;
        }
        match &self.laf {
            None => self.laf = Some(code.to_owned()),
            Some(known) if known == code => {}
            Some(known) => {
                if !self.laf_mixed {
                    self.laf_mixed = true;
                    let message = format!(
                        "expected one local government per file ({}), found another: {}",
                        quoted(known),
                        shown(code)
                    );
                    self.problem(at, path(), message);
                }
            }
        }
    }

    /// An object of scalars without amounts: the API's RESULT (`CODE`, `MESSAGE`) or its `list_total_count`.
    fn head(&mut self, buf: &RowBuf, is_result: bool, path: &dyn Fn() -> String) {
        if is_result {
            if let Some(code) = buf.find("CODE") {
                let value = buf.value(code);
                if value != "INFO-000" {
                    let message = buf.find("MESSAGE").map(|m| buf.value(m)).unwrap_or("");
                    self.result_error = true;
                    self.problem(
                        code.at,
                        format!("{}.CODE", path()),
                        format!(
                            "the API answered {} {}: expected INFO-000 (rows found)",
                            shown(value),
                            shown(message)
                        ),
                    );
                }
            }
        }
        if let Some(m) = buf.find("list_total_count") {
            match buf.value(m).parse::<u64>() {
                Ok(n) if m.kind == Kind::Number || m.kind == Kind::String => {
                    self.total_count = Some((n, m.at, format!("{}.list_total_count", path())))
                }
                _ => self.problem(
                    m.at,
                    format!("{}.list_total_count", path()),
                    format!("expected a count of rows, found {}", shown(buf.value(m))),
                ),
            }
        }
    }

    /// Rows held back for want of a fiscal year, now that there is one.
    fn flush_pending(&mut self) {
        for p in std::mem::take(&mut self.pending) {
            let path = || p.path.clone();
            self.read_row(&p.buf, &path, p.row, true);
        }
    }

    /// A row has ended.
    fn row(&mut self, buf: &RowBuf, path: &dyn Fn() -> String, flushing: bool) {
        self.rows += 1;
        self.b.row_read();
        let row = u32::try_from(self.rows).unwrap_or(u32::MAX);
        if self.first_row.is_none() {
            self.first_row = Some((buf.at, path()));
        }
        self.read_row(buf, path, row, flushing);
    }

    /// Reads one row into the builder, or holds it back until the fiscal year is known.
    fn read_row(&mut self, buf: &RowBuf, path: &dyn Fn() -> String, row: u32, flushing: bool) {
        let mut problems: RowProblems = Vec::new();
        // Which member gives each field; a key given twice is a problem and its first value is used.
        let mut slot: [Option<usize>; FIELDS] = [None; FIELDS];
        let mut unknown = std::mem::take(&mut self.scratch);
        unknown.clear();
        for (i, m) in buf.members.iter().enumerate() {
            let key = buf.key(m);
            match m.field.and_then(|f| slot.get_mut(f as usize)) {
                Some(Some(first)) => {
                    let first_key = buf.members.get(*first).map_or("", |m| buf.key(m));
                    let message = if first_key == key {
                        format!("duplicate key {}: a row gives each field once", quoted(key))
                    } else {
                        format!(
                            "{} repeats {}: a row gives each field once",
                            quoted(key),
                            quoted(first_key)
                        )
                    };
                    problems.push((m.key_at, key.to_owned(), message));
                }
                Some(s) => *s = Some(i),
                None => unknown.push(i),
            }
        }
        // Other keys are ignored, but a repeated one is still a broken row. Sorting keeps a huge row linear-ish.
        if unknown.len() > 1 {
            unknown.sort_by(|a, b| {
                let key = |i: &usize| buf.members.get(*i).map_or("", |m| buf.key(m));
                key(a).cmp(key(b)).then(a.cmp(b))
            });
            for w in unknown.windows(2) {
                if let [a, b] = w {
                    if let (Some(ma), Some(mb)) = (buf.members.get(*a), buf.members.get(*b)) {
                        if buf.key(ma) == buf.key(mb) {
                            let key = buf.key(mb);
                            problems.push((
                                mb.key_at,
                                key.to_owned(),
                                format!(
                                    "duplicate key {}: a row gives each field once",
                                    quoted(key)
                                ),
                            ));
                        }
                    }
                }
            }
        }
        self.scratch = unknown;
        let member = |f: F| -> Option<&Member> {
            slot.get(f as usize)
                .copied()
                .flatten()
                .and_then(|i| buf.members.get(i))
        };
        let camel = member(F::Cash).is_some_and(|m| buf.key(m) == "bdgCashAmt");

        // The fiscal year: the row's `fyr`, its date, or the document's.
        let mut row_year = None;
        let mut year_problems: RowProblems = Vec::new();
        for f in [F::Year, F::Date] {
            if let Some(m) = member(f) {
                match parse_year(f, buf.value(m)).filter(|_| m.kind != Kind::Null) {
                    Some(y) => {
                        row_year = row_year.or(Some(y));
                    }
                    None => year_problems.push((
                        m.at,
                        buf.key(m).to_owned(),
                        year_message(f, m.kind, buf.value(m)),
                    )),
                }
            }
        }
        let period = match row_year.or(self.doc_year) {
            Some(y) => Period::Year(y),
            None if !flushing => {
                self.pending.push(Pending {
                    buf: buf.clone(),
                    path: path(),
                    row,
                });
                return;
            }
            None => Period::Unstated,
        };
        self.year_reported |= !year_problems.is_empty();
        problems.append(&mut year_problems);
        if camel {
            self.camel_rows += 1;
        }
        if let Period::Year(y) = period {
            self.first_year.get_or_insert(y);
        }
        if let Some(m) = member(F::Laf) {
            let key = buf.key(m);
            let member_path = || format!("{}.{key}", path());
            self.set_laf(m.kind, buf.value(m), m.at, &member_path);
        }

        // Names and codes.
        let mut text = |f: F, code: bool, required: bool| -> Option<&str> {
            let (key, ko) = field_name(f, camel);
            let Some(m) = member(f) else {
                if required {
                    problems.push((buf.at, String::new(), format!("missing {key} ({ko})")));
                }
                return None;
            };
            let value = buf.value(m);
            let what = if code { "a code" } else { "a name" };
            match m.kind {
                Kind::String if code && value.trim().is_empty() => {
                    problems.push((
                        m.at,
                        buf.key(m).to_owned(),
                        format!("expected {ko} as a code, found an empty string"),
                    ));
                    None
                }
                Kind::String if !code && !visible(value) => {
                    problems.push((
                        m.at,
                        buf.key(m).to_owned(),
                        "expected a name with visible characters, found an empty or invisible name"
                            .to_owned(),
                    ));
                    None
                }
                Kind::String => Some(value),
                Kind::Number if code => Some(value),
                kind => {
                    problems.push((
                        m.at,
                        buf.key(m).to_owned(),
                        format!(
                            "expected {ko} as {what} in a string, found {}",
                            kind.found()
                        ),
                    ));
                    None
                }
            }
        };
        let fld = text(F::Fld, false, true);
        let fld_code = text(F::FldCode, true, false);
        let part = text(F::Part, false, true);
        let part_code = text(F::PartCode, true, false);
        let code = text(F::Code, true, true);
        let name = text(F::Name, false, true);
        let account = text(F::Account, false, true);

        // Amounts.
        let mut values: [Option<(i64, &str)>; 7] = [None; 7];
        for ((f, ..), v) in AMOUNTS.iter().zip(values.iter_mut()) {
            let (key, ko) = field_name(*f, camel);
            match member(*f) {
                None => problems.push((buf.at, String::new(), format!("missing {key} ({ko})"))),
                Some(m) => match parse_won(m.kind, buf.value(m)) {
                    Ok(n) => *v = Some((n, buf.key(m))),
                    Err(e) => problems.push((m.at, buf.key(m).to_owned(), e)),
                },
            }
        }
        if let [Some((cash, _)), Some((national, _)), Some((provincial, _)), Some((city, _)), Some((other, _)), ..] =
            values
        {
            let parts = national
                .checked_add(provincial)
                .and_then(|s| s.checked_add(city))
                .and_then(|s| s.checked_add(other));
            let (c, n, p, s, o) = (
                field_name(F::Cash, camel).0,
                field_name(F::National, camel).0,
                field_name(F::Provincial, camel).0,
                field_name(F::City, camel).0,
                field_name(F::Other, camel).0,
            );
            match parts {
                Some(sum) if sum == cash => {}
                Some(sum) => problems.push((
                    buf.at,
                    String::new(),
                    format!(
                        "row {row}: expected 국비 + 시도비 + 시군구비 + 기타 = 예산현액, found {n} + {p} + {s} + {o} = \
                         {sum} but {c} = {cash} (the row's amounts are kept)"
                    ),
                )),
                None => problems.push((
                    buf.at,
                    String::new(),
                    format!(
                        "row {row}: 국비 + 시도비 + 시군구비 + 기타 ({n} + {p} + {s} + {o}) does not fit in 64 bits; \
                         expected it to equal {c} = {cash}"
                    ),
                )),
            }
        }

        // The nodes, and the amounts on the 세부사업.
        if let (Some(fld), Some(part), Some(code), Some(name)) = (fld, part, code, name) {
            let place = Place::new(String::new(), None);
            // Rows come grouped by 분야 and 부문: the last pair met is asked first, before the builder's maps.
            let group = (fld_code.unwrap_or(""), fld, part_code.unwrap_or(""), part);
            let parent = match &self.last_part {
                Some((key, id))
                    if (
                        key.0.as_str(),
                        key.1.as_str(),
                        key.2.as_str(),
                        key.3.as_str(),
                    ) == group =>
                {
                    Some(*id)
                }
                _ => {
                    let id = self
                        .b
                        .node(None, "분야", group.0, (fld, None), &place)
                        .and_then(|f| self.b.node(Some(f), "부문", group.2, (part, None), &place));
                    if let Some(id) = id {
                        let owned = (
                            group.0.to_owned(),
                            fld.to_owned(),
                            group.2.to_owned(),
                            part.to_owned(),
                        );
                        self.last_part = Some((owned, id));
                    }
                    id
                }
            };
            let node =
                parent.and_then(|p| self.b.node(Some(p), "세부사업", code, (name, None), &place));
            if let Some(node) = node {
                for ((_, measure, funding, split), v) in AMOUNTS.iter().zip(values) {
                    let Some((value, column)) = v else { continue };
                    let amount = NewAmount {
                        key: None,
                        node,
                        value,
                        currency: Currency::KRW,
                        period,
                        // 예산현액 is the year's budget after every change so far: Final. 지출액 and 편성/배정액 are
                        // measured against it mid-year; they are not 결산 (Settled), which comes only after the
                        // year closes, so they share its phase and differ by measure.
                        phase: Phase::Final,
                        measure: *measure,
                        direction: Direction::Expenditure,
                        funding: *funding,
                        split: *split,
                        approximate: false,
                        source: Source::Cell { row, column },
                    };
                    // Never refused: the node exists, no key, a cell source. An empty place costs nothing per amount.
                    self.b.amount(amount, Place::new(String::new(), None));
                }
                if let Some(account) = account {
                    if let Some(first) = self.account(node, account.trim(), row) {
                        if camel {
                            problems.push((
                                buf.at,
                                String::new(),
                                format!(
                                    "row {row} repeats the 세부사업 {} and 회계 {} of row {first}: popfund writes one \
                                     row per pair, so it would be counted twice",
                                    quoted(code),
                                    quoted(account)
                                ),
                            ));
                        }
                    }
                }
            }
        }

        if !problems.is_empty() {
            let base = path();
            for (at, key, message) in problems {
                let p = if key.is_empty() {
                    base.clone()
                } else if base == "." {
                    key
                } else {
                    format!("{base}.{key}")
                };
                self.problem(at, p, message);
            }
        }
    }

    /// Records that `row` puts the 세부사업 `node` under `account`; the row that did so before, if any.
    fn account(&mut self, node: NodeId, account: &str, row: u32) -> Option<u32> {
        let sym = match &self.last_account {
            Some((text, sym)) if text == account => *sym,
            _ => {
                let sym = self.b.intern(account);
                self.last_account = Some((account.to_owned(), sym));
                sym
            }
        };
        let i = node.0 as usize;
        if self.accounts.len() <= i {
            self.accounts.resize(i + 1, None);
        }
        match self.accounts.get_mut(i) {
            Some(Some((first, first_row, _))) if *first == sym => Some(*first_row),
            Some(Some((_, _, more))) => {
                *more = true;
                self.more_accounts.insert((node, sym), row)
            }
            Some(slot) => {
                *slot = Some((sym, row, false));
                None
            }
            None => None,
        }
    }

    fn finish(mut self) -> Imported {
        let doc_problems = std::mem::take(&mut self.doc_problems);
        self.problems.extend(doc_problems);
        // Rows still waiting for a year: there is none. Said once, unless a refused year already said it.
        let first_pending = self.pending.first().map(|p| (p.buf.at, p.path.clone()));
        self.flush_pending();
        if let (Some((at, path)), false) = (first_pending, self.year_reported) {
            self.problem(
                at,
                path,
                "expected the fiscal year: fyr, or exeYmd / exe_ymd as YYYYMMDD".to_owned(),
            );
        }
        let (first_at, first_path) = self.first_row.clone().unwrap_or((0, ".".to_owned()));
        if self.rows == 0 && !self.result_error && !self.stopped {
            self.problem(
                0,
                ".".to_owned(),
                "found no line items: expected objects with bdgCashAmt or bdg_cash_amt".to_owned(),
            );
        }
        if self.rows > 0 && self.laf.is_none() {
            self.problem(
                first_at,
                first_path,
                "expected the local government's code: lafCd, or laf_cd in each row".to_owned(),
            );
        }
        if let Some((n, at, path)) = self.total_count.take() {
            if !self.stopped && n != self.rows as u64 {
                self.problem(
                    at,
                    path,
                    format!(
                        "the API counts {n} rows and the file holds {}: expected every page of the answer",
                        self.rows
                    ),
                );
            }
        }
        let spanning = self.accounts.iter().flatten().filter(|a| a.2).count();
        if spanning > 0 {
            self.b.note(format!(
                "{spanning} 세부사업 codes appear under more than one 회계; their rows are separate amounts on one node"
            ));
        }
        let laf = self.laf.clone().unwrap_or_default();
        let year = self
            .doc_year
            .or(self.first_year)
            .map_or(String::new(), |y| y.to_string());
        let meta = self.b.meta_mut();
        meta.id = format!("lofin365-{laf}-{year}");
        meta.title = format!("지방재정365 세부사업별 세출현황 {laf} {year}");
        self.b.note(format!(
            "{} line items read ({})",
            self.rows,
            if self.camel_rows > 0 {
                "popfund's camelCase names"
            } else {
                "the API's field names"
            }
        ));
        // Positions in one pass over the text, problems in the file's order.
        self.problems.sort_by_key(|p| p.0);
        let offsets: Vec<usize> = self.problems.iter().map(|p| p.0).collect();
        let found = if offsets.is_empty() {
            Vec::new()
        } else {
            positions(self.text, &offsets)
        };
        for ((_, path, message), position) in self.problems.into_iter().zip(found) {
            self.b.problem(Place::new(path, Some(position)), message);
        }
        self.b.finish()
    }
}

/// Made-up files in popfund's camelCase shape for benchmarks and load tests: 13 분야 and 38 부문 with the real
/// classification's names and the Gyeonggi city's mix of rows, 16-digit codes, a few 특별회계 and 기금, and funding
/// parts that add up to 예산현액 on every row. Not real data.
#[doc(hidden)]
pub mod synthetic {
    /// (분야, 부문, weight): the national classification, weighted by the rows of 4118000.json.
    const PARTS: [(&str, &str, u32); 38] = [
        ("일반공공행정", "입법및선거관리", 5),
        ("일반공공행정", "일반행정", 202),
        ("일반공공행정", "재정ㆍ금융", 7),
        ("일반공공행정", "지방행정ㆍ재정지원", 7),
        ("공공질서및안전", "재난방재ㆍ민방위", 48),
        ("교육", "유아및초중등교육", 10),
        ("교육", "고등교육", 4),
        ("교육", "평생ㆍ직업교육", 37),
        ("문화및관광", "문화예술", 49),
        ("문화및관광", "관광", 21),
        ("문화및관광", "체육", 65),
        ("문화및관광", "국가유산", 10),
        ("문화및관광", "문화및관광일반", 2),
        ("환경", "대기", 15),
        ("환경", "자연", 25),
        ("환경", "폐기물", 13),
        ("사회복지", "기초생활보장", 34),
        ("사회복지", "취약계층지원", 195),
        ("사회복지", "보육", 57),
        ("사회복지", "가족·여성", 55),
        ("사회복지", "노인", 54),
        ("사회복지", "청소년", 42),
        ("사회복지", "노동", 18),
        ("사회복지", "보훈", 20),
        ("사회복지", "사회복지일반", 3),
        ("보건", "보건의료", 113),
        ("보건", "식품의약안전", 11),
        ("농림해양수산", "농업ㆍ농촌", 113),
        ("농림해양수산", "임업ㆍ산촌", 39),
        ("산업ㆍ중소기업및에너지", "산업진흥ㆍ고도화", 20),
        ("산업ㆍ중소기업및에너지", "에너지및자원개발", 11),
        ("교통및물류", "도로", 35),
        ("교통및물류", "대중교통ㆍ물류등기타", 63),
        ("국토및지역개발", "수자원", 17),
        ("국토및지역개발", "지역및도시", 86),
        ("국토및지역개발", "산업단지", 15),
        ("예비비", "예비비", 5),
        ("기타", "기타", 66),
    ];

    const ACCOUNTS: [&str; 8] = [
        "주차장사업특별회계",
        "의료급여기금특별회계",
        "발전소주변지역지원사업특별회계",
        "통합재정안정화기금(통합계정)",
        "재난관리기금",
        "사회복지기금",
        "도시재생특별회계",
        "고향사랑기금",
    ];

    const WORDS: [&str; 12] = [
        "지원",
        "운영",
        "시설 개선",
        "유지관리",
        "활성화",
        "육성",
        "조성사업",
        "상담·의료 지원",
        "대·폐차 비용 지원",
        "기본경비",
        "민간위탁",
        "환경개선",
    ];

    /// splitmix64: small, fast, and the same everywhere.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        /// 0..n (n > 0).
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
    }

    /// A file of `rows` line items, pretty-printed as popfund writes it (two-space indent).
    pub fn generate(rows: usize, seed: u64) -> String {
        use std::fmt::Write;
        let mut rng = Rng(seed);
        let total: u64 = PARTS.iter().map(|p| u64::from(p.2)).sum();
        let mut out = String::with_capacity(rows.saturating_mul(420) + 64);
        out.push_str(
            "{\n  \"lafCd\": \"4118000\",\n  \"exeYmd\": \"20260705\",\n  \"projects\": [",
        );
        for i in 0..rows {
            let mut pick = rng.below(total);
            let (fld, part) = PARTS
                .iter()
                .find(|p| {
                    let w = u64::from(p.2);
                    if pick < w {
                        true
                    } else {
                        pick -= w;
                        false
                    }
                })
                .map_or(("기타", "기타"), |p| (p.0, p.1));
            let account = if rng.below(100) < 97 {
                "일반회계"
            } else {
                ACCOUNTS
                    .get(rng.below(ACCOUNTS.len() as u64) as usize)
                    .copied()
                    .unwrap_or("일반회계")
            };
            let word = WORDS
                .get(rng.below(WORDS.len() as u64) as usize)
                .copied()
                .unwrap_or("지원");
            // One name in 5,000 has a TAB inside, as one real 포천 name does.
            let sep = if rng.below(5000) == 0 { "\\t" } else { " " };
            let cash: i64 = if rng.below(300) == 0 {
                0
            } else {
                (1 + rng.below(999) as i64) * 10_i64.pow(3 + rng.below(7) as u32)
            };
            let thousands = |x: i64| x / 1000 * 1000;
            let national = if rng.below(100) < 22 {
                thousands(cash * (10 + rng.below(80) as i64) / 100)
            } else {
                0
            };
            let provincial = if rng.below(100) < 40 {
                thousands((cash - national) * rng.below(50) as i64 / 100)
            } else {
                0
            };
            let other = if rng.below(100) == 0 {
                thousands((cash - national - provincial) / 10)
            } else {
                0
            };
            let city = cash - national - provincial - other;
            let spent = cash * rng.below(100) as i64 / 100;
            let allocated = if rng.below(10) == 0 {
                thousands(cash * 9 / 10)
            } else {
                cash
            };
            if i > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "\n    {{\n      \"dbizCd\": \"3920000{:09}\",\n      \"dbizNm\": \"{fld}{sep}{word} {i}\",\n      \
                 \"acntDvNm\": \"{account}\",\n      \"fldNm\": \"{fld}\",\n      \"partNm\": \"{part}\",\n      \
                 \"bdgCashAmt\": {cash},\n      \"bdgNtep\": {national},\n      \"capep\": {provincial},\n      \
                 \"sggep\": {city},\n      \"etcAmt\": {other},\n      \"epAmt\": {spent},\n      \
                 \"cplAmt\": {allocated},\n      \"fundRelated\": null\n    }}",
                200_000_000 + i
            );
        }
        out.push_str("\n  ]\n}\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::{Budget, Dim, Filter};

    fn row(extra: &str) -> String {
        format!(
            "{{\"dbizCd\": \"3920000200730006\", \"dbizNm\": \"의정활동지원\", \"acntDvNm\": \"일반회계\", \
             \"fldNm\": \"일반공공행정\", \"partNm\": \"입법및선거관리\", \"bdgCashAmt\": 100, \"bdgNtep\": 10, \
             \"capep\": 20, \"sggep\": 70, \"etcAmt\": 0, \"epAmt\": 40, \"cplAmt\": 100{extra}}}"
        )
    }

    fn doc(rows: &[String]) -> String {
        format!(
            "{{\"lafCd\": \"4118000\", \"exeYmd\": \"20260705\", \"projects\": [{}]}}",
            rows.join(",\n")
        )
    }

    fn messages(i: &Imported) -> Vec<String> {
        i.problems
            .iter()
            .map(|p| format!("{} @{:?}: {}", p.path, p.position, p.message))
            .collect()
    }

    fn names(b: &Budget, level: &str) -> Vec<String> {
        b.nodes()
            .iter()
            .filter(|n| b.text(n.level) == level)
            .map(|n| b.name(&n.name).to_owned())
            .collect()
    }

    #[test]
    fn won_is_read_from_the_text_exactly() {
        assert_eq!(parse_won(Kind::Number, "1424424000"), Ok(1_424_424_000));
        assert_eq!(parse_won(Kind::String, "-5"), Ok(-5));
        assert_eq!(parse_won(Kind::Number, "-0"), Ok(0));
        assert_eq!(parse_won(Kind::String, "9223372036854775807"), Ok(i64::MAX));
        assert_eq!(
            parse_won(Kind::String, "-9223372036854775808"),
            Ok(i64::MIN)
        );
        for (kind, text) in [
            (Kind::Number, "1.5"),
            (Kind::Number, "1e3"),
            (Kind::String, ""),
            (Kind::String, "-"),
            (Kind::String, "+5"),
            (Kind::String, "1,000"),
            (Kind::String, "٣"),
            (Kind::String, "9223372036854775808"),
            (Kind::Null, ""),
            (Kind::Bool, "true"),
        ] {
            assert!(parse_won(kind, text).is_err(), "{kind:?} {text}");
        }
    }

    #[test]
    fn years_come_from_fyr_or_the_date() {
        assert_eq!(parse_year(F::Year, "2026"), Some(2026));
        assert_eq!(parse_year(F::Date, "20260705"), Some(2026));
        for (f, t) in [
            (F::Year, "26"),
            (F::Year, "20260"),
            (F::Date, "2026-07-05"),
            (F::Date, "2026"),
            (F::Date, "２０２６0705"),
        ] {
            assert_eq!(parse_year(f, t), None, "{t}");
        }
    }

    #[test]
    fn long_values_are_cut_short_in_messages() {
        let long = "가".repeat(1000);
        let s = shown(&long);
        assert!(s.chars().count() < 50 && s.ends_with('…'), "{s}");
        assert_eq!(shown("1.5"), "\"1.5\"");
    }

    #[test]
    fn a_tab_inside_a_name_is_kept_and_the_ends_are_trimmed() {
        let r = row("").replace("의정활동지원", "  포천\\t천연가스 ");
        let i = import("t.json", &doc(&[r]));
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        assert_eq!(names(&i.budget, "세부사업"), ["포천\t천연가스"]);
    }

    #[test]
    fn the_year_may_come_after_the_rows() {
        let text = format!(
            "{{\"projects\": [{}, {}], \"lafCd\": \"4118000\", \"exeYmd\": \"20250705\"}}",
            row(""),
            row("").replace("3920000200730006", "B")
        );
        let i = import("late.json", &text);
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        assert_eq!(i.rows_read, 2);
        assert!(i.budget.amounts().all(|a| a.period == Period::Year(2025)));
        assert_eq!(i.budget.meta().id, "lofin365-4118000-2025");
        // The rows keep their numbers.
        let rows: Vec<u32> = i
            .budget
            .amounts()
            .filter_map(|a| match a.origin {
                crate::budget::Origin::Cell { row, .. } => Some(*row),
                _ => None,
            })
            .collect();
        assert_eq!(rows.first(), Some(&1));
        assert_eq!(rows.last(), Some(&2));
    }

    #[test]
    fn without_any_year_the_rows_are_kept_unstated_and_it_is_said_once() {
        let text = format!(
            "{{\"lafCd\": \"1\", \"projects\": [{}, {}]}}",
            row(""),
            row("")
        )
        .replacen("3920000200730006", "A", 1);
        let i = import("noyear.json", &text);
        let found = messages(&i);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("projects[0] @Some((1, 29))"),
            "{found:?}"
        );
        assert!(found[0].contains("fiscal year"), "{found:?}");
        assert_eq!(i.budget.len(), 14);
        assert!(i.budget.amounts().all(|a| a.period == Period::Unstated));
    }

    #[test]
    fn a_row_level_year_wins_and_a_bad_one_is_reported() {
        let i = import("y.json", &doc(&[row(", \"fyr\": \"2024\"")]));
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        assert!(i.budget.amounts().all(|a| a.period == Period::Year(2024)));
        let i = import("y.json", &doc(&[row(", \"fyr\": 26")]));
        let found = messages(&i);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("projects[0].fyr") && found[0].contains("four-digit year"));
        // The document's year is used instead.
        assert!(i.budget.amounts().all(|a| a.period == Period::Year(2026)));
    }

    #[test]
    fn a_refused_year_is_not_also_reported_missing() {
        let text = format!(
            "[{}]",
            row(", \"fyr\": \"26\", \"lafCd\": \"1\"").replace("bdgCashAmt", "bdg_cash_amt")
        );
        let i = import("y.json", &text);
        let found = messages(&i);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("[0].fyr @Some((1, "), "{found:?}");
        assert!(i.budget.amounts().all(|a| a.period == Period::Unstated));
    }

    #[test]
    fn a_pair_repeated_in_popfund_shape_is_a_problem_but_not_in_the_api_shape() {
        let i = import("dup.json", &doc(&[row(""), row("")]));
        let found = messages(&i);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("projects[1]") && found[0].contains("of row 1"),
            "{found:?}"
        );
        assert_eq!(i.budget.len(), 14, "kept");

        // The API writes one row per department: the same pair twice is normal there.
        let raw = |dept: &str| {
            format!(
                "{{\"fyr\": \"2026\", \"laf_cd\": \"4118000\", \"dept_cd\": \"{dept}\", \"dbiz_cd\": \"X\", \
                 \"dbiz_nm\": \"사업\", \"acnt_dv_nm\": \"일반회계\", \"fld_cd\": \"010\", \"fld_nm\": \"일반공공행정\", \
                 \"ane_part_cd\": \"011\", \"part_nm\": \"입법및선거관리\", \"bdg_cash_amt\": \"100\", \
                 \"bdg_ntep\": \"0\", \"capep\": \"0\", \"sggep\": \"100\", \"etc_amt\": \"0\", \"ep_amt\": \"1\", \
                 \"cpl_amt\": \"100\"}}"
            )
        };
        let text = format!("[{}, {}]", raw("1"), raw("2"));
        let i = import("raw.json", &text);
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        let b = &i.budget;
        let filter = Filter {
            measure: Some(Measure::Budgeted),
            ..Filter::default()
        };
        let groups = b.sum_by(&[Dim::Node], &filter).expect("fits");
        assert_eq!(groups.len(), 1);
        assert_eq!(groups.first().map(|g| (g.total, g.rows)), Some((200, 2)));
        // The API's codes are the nodes' codes.
        let codes: Vec<&str> = b.nodes().iter().map(|n| b.text(n.code)).collect();
        assert_eq!(codes, ["010", "011", "X"]);
    }

    #[test]
    fn a_code_under_two_accounts_is_one_node_with_both_rows_and_a_note() {
        let second = row("").replace("일반회계", "주차장사업특별회계");
        let i = import("two.json", &doc(&[row(""), second]));
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        assert_eq!(names(&i.budget, "세부사업").len(), 1);
        assert_eq!(i.budget.len(), 14);
        assert!(
            i.notes.iter().any(|n| n.starts_with("1 세부사업 codes")),
            "{:?}",
            i.notes
        );
    }

    #[test]
    fn a_second_local_government_is_reported_once() {
        let raw = |laf: &str| {
            format!(
                "{{\"laf_cd\": \"{laf}\", \"fyr\": \"2026\", \"dbiz_cd\": \"{laf}\", \"dbiz_nm\": \"a\", \
                 \"acnt_dv_nm\": \"일반회계\", \"fld_nm\": \"f\", \"part_nm\": \"p\", \"bdg_cash_amt\": 0, \
                 \"bdg_ntep\": 0, \"capep\": 0, \"sggep\": 0, \"etc_amt\": 0, \"ep_amt\": 0, \"cpl_amt\": 0}}"
            )
        };
        let text = format!("[{}, {}, {}]", raw("1"), raw("2"), raw("3"));
        let i = import("mixed.json", &text);
        let found = messages(&i);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("[1].laf_cd @Some((1, "), "{found:?}");
        assert_eq!(i.budget.meta().id, "lofin365-1-2026");
    }

    #[test]
    fn a_byte_order_mark_and_a_single_row_at_the_root_are_read() {
        let text = format!(
            "\u{feff}{}",
            row(", \"lafCd\": \"4118000\", \"exeYmd\": \"20260705\"")
        );
        let i = import("one.json", &text);
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        assert_eq!(i.rows_read, 1);
        let broken = format!("\u{feff}{}", row(", \"lafCd\": 5, \"exeYmd\": \"2026\""));
        let found = messages(&import("one.json", &broken));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("exeYmd @Some((1, "), "{found:?}");
    }

    #[test]
    fn synthetic_files_are_deterministic_and_add_up() {
        let text = synthetic::generate(3000, 11);
        assert_eq!(text, synthetic::generate(3000, 11));
        assert_ne!(text, synthetic::generate(3000, 12));
        // Checked with serde_json, not with the importer.
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let rows = v["projects"].as_array().expect("projects");
        assert_eq!(rows.len(), 3000);
        for r in rows {
            let n = |k: &str| r[k].as_i64().expect("integer");
            assert_eq!(
                n("bdgNtep") + n("capep") + n("sggep") + n("etcAmt"),
                n("bdgCashAmt")
            );
            assert!(n("bdgNtep") >= 0 && n("sggep") >= 0 && n("capep") >= 0);
            assert_eq!(r["dbizCd"].as_str().map(str::len), Some(16));
        }
        let i = import("synthetic.json", &text);
        assert!(i.problems.is_empty(), "{:?}", messages(&i));
        assert_eq!(i.rows_read, 3000);
        assert_eq!(names(&i.budget, "분야").len(), 13);
        assert_eq!(names(&i.budget, "부문").len(), 38);
        assert!(synthetic::generate(0, 1).contains("\"projects\": [\n  ]"));
        assert!(import("empty.json", &synthetic::generate(0, 1))
            .problems
            .iter()
            .any(|p| p.message.contains("no line items")));
    }
}
