//! CSV (comma, `;` or tab) with a column mapping given as a small JSON file: which columns make the hierarchy,
//! which hold amounts and what each amount is (measure, phase, direction, funding, split), the year, the unit.
//!
//! The table is decoded by `text::decode_table` (UTF-8, or CP949 for Korean files; the encoding found becomes a
//! note), split by the csv crate, and read row by row into the [`Builder`]: every bad cell, ragged row or
//! unterminated quote is a problem placed at its row (data rows, 1-based, the header not counted), its column's
//! name and its line and column in the file, and the reading goes on with the next row.
//!
//! # The mapping
//!
//! ```json
//! {
//!   "unit": "천원",
//!   "year": 2024,
//!   "phase": "original",
//!   "measure": "budgeted",
//!   "direction": "expenditure",
//!   "levels": [
//!     {"code": "분야코드", "name": "분야", "level": "분야"},
//!     {"name": "부문", "level": "부문", "empty": "stop"},
//!     {"name": "세부사업", "level": "세부사업", "empty": "stop"}
//!   ],
//!   "amounts": [
//!     {"column": "예산액", "split": "whole_with_parts"},
//!     {"column": "국비", "funding": "national", "split": "part", "empty": "zero"},
//!     {"column": "도비", "funding": "provincial", "split": "part", "empty": "zero"},
//!     {"column": "시비", "funding": "city", "split": "part", "empty": "zero"}
//!   ]
//! }
//! ```
//!
//! Every key not listed here is an error, so a misspelt key never passes silently.
//!
//! - `levels` (required, top level first): each `{"code"?: column, "name": column, "level"?: words}`. `level`
//!   names the level in the source's words (default: the name column's header). When a row's code and name are
//!   both empty, `"empty"` says what happens: `"problem"` (default), or `"stop"`: the row's amounts go on the
//!   level above (a subtotal row), and every level below must be empty too. `"fill": "(no department)"` instead
//!   uses that text as the name.
//! - `amounts` (required): each `{"column": column, ...}` with its own `measure`, `phase`, `direction`, `funding`,
//!   `split` and `empty` where it differs from the top level's. One row can so give several amounts: a 예산현액
//!   column as `"split": "whole_with_parts"` and its 국비 / 도비 / 시비 columns as `"split": "part"`.
//! - `measure`: `budgeted`, `executed`, `allocated`, `planned`, `secured`. `phase`: `plan`, `proposed`,
//!   `original`, `supplementary-1` … `supplementary-99` (or `supplementary 1`), `final`, `settled`. `direction`: `expenditure`,
//!   `revenue`. `funding` (default `unknown`): `national`, `provincial`, `city`, `private`, `other`, `public`,
//!   `unknown`. Measure, phase and direction are required (at the top level or on every amount): nothing that
//!   decides what may be added up is guessed. Each is either fixed (`"phase": "final"`) or read per row from a
//!   column, `{"column": "account_type", "values": {"Expense": "expenditure", "Revenue": "revenue"}}`; without
//!   `values`, the cells must hold the names above.
//! - `split`: `whole` (default), `whole_with_parts`, `part`.
//! - `year` (required): a number (`2024`), `"unstated"`, or `{"column": "budget_year"}`. A year cell is a year
//!   (`2024`, `2024년`) or a fiscal year written as a span, `FY13-14`, `FY2013-14`, `2013-2014`: read as the year
//!   the fiscal year STARTS (FY13-14 → 2013). Two-digit years are 20xx. A single `FY2014` is refused: sources
//!   disagree on whether it names the starting or the ending year.
//! - `unit` (required): `원` (or `won`), `천원` (`thousand won`, ×1,000), `백만원` (`million won`, ×1,000,000), or
//!   a currency code for amounts in that currency's major unit (`USD`: `12.50` → 1250 cents). `currency` (default
//!   the unit's, else KRW) must agree with the unit.
//! - `empty` (default `problem`): what an empty amount cell (or a lone `-`, as accounting formats show nothing)
//!   means: `problem`, `zero`, or `skip` (no amount).
//! - `delimiter`: `","`, `";"` or `"\t"` (`"tab"`); if absent, the one of the three that splits the header line
//!   most (tab for a `.tsv` file).
//! - `title`, `source` (who publishes the figures), `language` (BCP 47, default `ko`): the budget's meta.
//!
//! Amount cells: digits with optional `1,234,567` grouping and spaces, minus as a leading `-` or `△` or
//! `(1,000)`, and a fraction only as far as the smallest unit goes (`-15000.0` dollars, `1.5` 천원 = 1,500 won;
//! `1234.5` won is refused). Read exactly from the text, scaled with checked arithmetic; never through a float.

use super::builder::{Builder, Imported, NewAmount, Place, Source};
use super::text::decode_table;
use crate::budget::{Currency, Direction, Funding, Measure, Meta, NodeId, Period, Phase, Split};
use crate::model::decode::quoted;
use crate::model::json::{self, Node as JsonNode, Value};
use crate::model::{Invalid, Problem};
use std::collections::{BTreeMap, HashMap};

/// How a table's columns map onto the model; read from JSON by [`Mapping::parse`], whose format is described in
/// this module's documentation (`import::csv`): `levels`, `amounts` (each with measure, phase, direction,
/// funding, split, empty), `year`, `unit`, `currency`, `empty`, `delimiter`, `title`, `source`, `language`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// `None`: found from the header line.
    pub delimiter: Option<u8>,
    /// The hierarchy, top level first.
    pub levels: Vec<Level>,
    pub amounts: Vec<AmountColumn>,
    pub year: Year,
    pub unit: Unit,
    pub currency: Currency,
    pub title: String,
    pub source: String,
    pub language: String,
}

impl Default for Mapping {
    fn default() -> Mapping {
        Mapping {
            delimiter: None,
            levels: Vec::new(),
            amounts: Vec::new(),
            year: Year::Fixed(Period::Unstated),
            unit: Unit::Won,
            currency: Currency::KRW,
            title: String::new(),
            source: String::new(),
            language: "ko".to_owned(),
        }
    }
}

/// One level of the hierarchy: the columns of its code (if any) and name, and what it is called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    pub code: Option<String>,
    pub name: String,
    pub level: String,
    pub empty: LevelEmpty,
}

/// What a row whose code and name for a level are both empty means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LevelEmpty {
    Problem,
    /// The row stops above this level (a subtotal row); the levels below must be empty too.
    Stop,
    /// This text stands for the missing name.
    Fill(String),
}

/// One amount column and what its amounts are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmountColumn {
    pub column: String,
    pub measure: Field<Measure>,
    pub phase: Field<Phase>,
    pub direction: Field<Direction>,
    pub funding: Field<Funding>,
    pub split: Split,
    pub empty: Empty,
}

/// A value fixed by the mapping, or read from a column (through `values` if given, else by its name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field<T> {
    Fixed(T),
    Column {
        column: String,
        values: BTreeMap<String, T>,
    },
}

/// What an empty amount cell means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    Problem,
    Zero,
    Skip,
}

/// The year of every amount, or the column it is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Year {
    Fixed(Period),
    Column(String),
}

/// The unit amounts are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Won,
    ThousandWon,
    MillionWon,
    /// The currency's major unit (dollars, euros), stored in its smallest (cents).
    Major(Currency),
}

impl Unit {
    /// Powers of ten from the written unit to the stored smallest unit.
    pub fn exponent(self) -> u32 {
        match self {
            Unit::Won => 0,
            Unit::ThousandWon => 3,
            Unit::MillionWon => 6,
            Unit::Major(c) => c.minor_digits(),
        }
    }

    pub fn label(self) -> String {
        match self {
            Unit::Won => "원".to_owned(),
            Unit::ThousandWon => "천원".to_owned(),
            Unit::MillionWon => "백만원".to_owned(),
            Unit::Major(c) => c.code().to_owned(),
        }
    }

    fn parse(s: &str) -> Option<Unit> {
        match s {
            "원" | "won" => Some(Unit::Won),
            "천원" | "thousand won" => Some(Unit::ThousandWon),
            "백만원" | "million won" => Some(Unit::MillionWon),
            _ => Currency::parse(s).map(Unit::Major),
        }
    }
}

/// Names the mapping and the cells use for the model's values.
trait Named: Copy {
    /// "a measure: `budgeted`, …", for messages.
    const WHAT: &'static str;
    fn from_name(s: &str) -> Option<Self>;
}

impl Named for Measure {
    const WHAT: &'static str =
        "a measure: `budgeted`, `executed`, `allocated`, `planned` or `secured`";
    fn from_name(s: &str) -> Option<Measure> {
        Measure::from_tag(s)
    }
}

impl Named for Phase {
    const WHAT: &'static str = "a phase: `plan`, `proposed`, `original`, `supplementary-1` (up to 99; also written `supplementary 1`), `final` or `settled`";
    fn from_name(s: &str) -> Option<Phase> {
        // The project file's names, and `supplementary 2` as a person types it.
        match s.strip_prefix("supplementary ") {
            Some(n) => Phase::from_tag(&format!("supplementary-{n}")),
            None => Phase::from_tag(s),
        }
    }
}

impl Named for Direction {
    const WHAT: &'static str = "a direction: `expenditure` or `revenue`";
    fn from_name(s: &str) -> Option<Direction> {
        Direction::from_tag(s)
    }
}

impl Named for Funding {
    const WHAT: &'static str = "a funding source: `national`, `provincial`, `city`, `private`, `other`, `public` or `unknown`";
    fn from_name(s: &str) -> Option<Funding> {
        Funding::from_tag(s)
    }
}

impl Named for Split {
    const WHAT: &'static str = "a split: `whole`, `whole_with_parts` or `part`";
    fn from_name(s: &str) -> Option<Split> {
        Split::from_tag(s)
    }
}

impl Named for Empty {
    const WHAT: &'static str = "what an empty cell means: `problem`, `zero` or `skip`";
    fn from_name(s: &str) -> Option<Empty> {
        match s {
            "problem" => Some(Empty::Problem),
            "zero" => Some(Empty::Zero),
            "skip" => Some(Empty::Skip),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The mapping's JSON

/// Problems found in the mapping: JSON path, byte offset, message.
struct Doc {
    problems: Vec<(String, usize, String)>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn found(v: &Value) -> String {
    match v {
        Value::String(s) => format!("the string {}", quoted(s)),
        Value::Number(n) => format!("the number {n}"),
        other => other.kind().to_owned(),
    }
}

impl Doc {
    fn problem(&mut self, path: &str, at: usize, message: String) {
        let path = if path.is_empty() { "." } else { path };
        self.problems.push((path.to_owned(), at, message));
    }

    fn expected(&mut self, node: &JsonNode, path: &str, what: &str) {
        let message = format!("expected {what}, found {}", found(&node.value));
        self.problem(path, node.at, message);
    }

    /// The object's members by the names allowed; unknown and repeated keys are problems.
    fn object<'t>(
        &mut self,
        node: &'t JsonNode,
        path: &str,
        names: &[&str],
    ) -> Option<Vec<Option<&'t JsonNode>>> {
        let Value::Object(members) = &node.value else {
            self.expected(node, path, "an object");
            return None;
        };
        let mut out = vec![None; names.len()];
        for m in members {
            match names.iter().position(|n| *n == m.key) {
                None => {
                    let allowed = names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.problem(
                        &join(path, &m.key),
                        m.at,
                        format!("unknown key {}: expected one of {allowed}", quoted(&m.key)),
                    );
                }
                Some(i) => match out.get_mut(i) {
                    Some(slot @ None) => *slot = Some(&m.value),
                    _ => self.problem(
                        &join(path, &m.key),
                        m.at,
                        format!("duplicate key {}", quoted(&m.key)),
                    ),
                },
            }
        }
        Some(out)
    }

    fn string<'t>(&mut self, node: &'t JsonNode, path: &str) -> Option<&'t str> {
        match &node.value {
            Value::String(s) if !s.trim().is_empty() => Some(s),
            _ => {
                self.expected(node, path, "a non-empty string");
                None
            }
        }
    }

    fn named<T: Named>(&mut self, node: &JsonNode, path: &str) -> Option<T> {
        let s = match &node.value {
            Value::String(s) => s,
            _ => {
                self.expected(node, path, T::WHAT);
                return None;
            }
        };
        let v = T::from_name(s);
        if v.is_none() {
            self.expected(node, path, T::WHAT);
        }
        v
    }

    /// A fixed value (a string) or `{"column": …, "values"?: {cell: name}}`.
    fn field<T: Named>(&mut self, node: &JsonNode, path: &str) -> Option<Field<T>> {
        if let Value::String(_) = node.value {
            return self.named(node, path).map(Field::Fixed);
        }
        if !matches!(node.value, Value::Object(_)) {
            let what = format!("{} or {{\"column\": …, \"values\": {{…}}}}", T::WHAT);
            self.expected(node, path, &what);
            return None;
        }
        let f = self.object(node, path, &["column", "values"])?;
        let column = match f.first().copied().flatten() {
            Some(c) => self.string(c, &join(path, "column")),
            None => {
                self.problem(path, node.at, "missing `column`".to_owned());
                None
            }
        };
        let mut values = BTreeMap::new();
        let mut ok = true;
        if let Some(v) = f.get(1).copied().flatten() {
            let vpath = join(path, "values");
            match &v.value {
                Value::Object(members) => {
                    for m in members {
                        let p = join(&vpath, &m.key);
                        match self.named::<T>(&m.value, &p) {
                            Some(t) => {
                                if values.insert(m.key.trim().to_owned(), t).is_some() {
                                    self.problem(
                                        &p,
                                        m.at,
                                        format!("duplicate key {}", quoted(&m.key)),
                                    );
                                }
                            }
                            None => ok = false,
                        }
                    }
                }
                _ => {
                    self.expected(v, &vpath, "an object of cell texts and names");
                    ok = false;
                }
            }
        }
        let column = column?.trim().to_owned();
        ok.then_some(Field::Column { column, values })
    }
}

impl Mapping {
    /// Reads a mapping from its JSON text, reporting every problem with its JSON path and line and column.
    pub fn parse(file: &str, json: &str) -> Result<Mapping, Invalid> {
        let invalid = |problems: Vec<(String, usize, String)>| {
            let offsets: Vec<usize> = problems.iter().map(|p| p.1).collect();
            let positions = json::positions(json, &offsets);
            Invalid {
                file: file.to_owned(),
                problems: problems
                    .into_iter()
                    .zip(positions)
                    .map(|((path, _, message), pos)| Problem {
                        path,
                        position: Some(pos),
                        message,
                    })
                    .collect(),
            }
        };
        let root = match json::parse(json) {
            Ok(root) => root,
            Err(e) => return Err(invalid(vec![(e.path, e.at, e.message)])),
        };
        let mut doc = Doc {
            problems: Vec::new(),
        };
        let mapping = Mapping::read(&mut doc, &root);
        match mapping {
            Some(m) if doc.problems.is_empty() => Ok(m),
            _ if doc.problems.is_empty() => Err(invalid(vec![(
                ".".to_owned(),
                root.at,
                "expected a mapping".to_owned(),
            )])),
            _ => Err(invalid(doc.problems)),
        }
    }

    fn read(doc: &mut Doc, root: &JsonNode) -> Option<Mapping> {
        const KEYS: [&str; 14] = [
            "delimiter",
            "levels",
            "amounts",
            "year",
            "unit",
            "currency",
            "measure",
            "phase",
            "direction",
            "funding",
            "empty",
            "title",
            "source",
            "language",
        ];
        let f = doc.object(root, "", &KEYS)?;
        let get = |name: &str| {
            KEYS.iter()
                .position(|k| *k == name)
                .and_then(|i| f.get(i).copied().flatten())
        };
        let mut ok = true;
        let missing = |doc: &mut Doc, key: &str, what: &str| {
            doc.problem("", root.at, format!("missing `{key}`: {what}"));
        };

        let delimiter = match get("delimiter") {
            None => None,
            Some(n) => match &n.value {
                Value::String(s) if s == "," || s == ";" => s.bytes().next(),
                Value::String(s) if s == "\t" || s == "tab" => Some(b'\t'),
                _ => {
                    doc.expected(n, "delimiter", "`,`, `;` or `\\t` (`tab`)");
                    ok = false;
                    None
                }
            },
        };

        let unit = match get("unit") {
            None => {
                missing(
                    doc,
                    "unit",
                    "the unit amounts are written in: `원`, `천원`, `백만원` or a currency code such as `USD`",
                );
                None
            }
            Some(n) => {
                let u = match &n.value {
                    Value::String(s) => Unit::parse(s),
                    _ => None,
                };
                if u.is_none() {
                    doc.expected(
                        n,
                        "unit",
                        "`원`, `천원`, `백만원` (or `won`, `thousand won`, `million won`) or a currency code such as `USD`",
                    );
                }
                u
            }
        };
        let currency = match get("currency") {
            None => Some(match unit {
                Some(Unit::Major(c)) => c,
                _ => Currency::KRW,
            }),
            Some(n) => {
                let c = match &n.value {
                    Value::String(s) => Currency::parse(s),
                    _ => None,
                };
                if c.is_none() {
                    doc.expected(n, "currency", "a currency code such as `KRW` or `USD`");
                }
                c
            }
        };
        if let (Some(u), Some(c)) = (unit, currency) {
            let agrees = match u {
                Unit::Major(m) => m == c,
                _ => c == Currency::KRW,
            };
            if !agrees {
                let at = get("currency").map_or(root.at, |n| n.at);
                doc.problem(
                    "currency",
                    at,
                    format!(
                        "expected the currency of the unit {}, found {}",
                        u.label(),
                        c.code()
                    ),
                );
                ok = false;
            }
        }

        let year = match get("year") {
            None => {
                missing(
                    doc,
                    "year",
                    "a year (2024), \"unstated\", or {\"column\": …}",
                );
                None
            }
            Some(n) => match &n.value {
                Value::Number(t) => match t.parse::<i32>() {
                    Ok(y) if (1000..=9999).contains(&y) => Some(Year::Fixed(Period::Year(y))),
                    _ => {
                        doc.expected(n, "year", "a four-digit year");
                        None
                    }
                },
                Value::String(s) if s == "unstated" => Some(Year::Fixed(Period::Unstated)),
                Value::Object(_) => {
                    match doc
                        .object(n, "year", &["column"])
                        .map(|y| y.first().copied().flatten())
                    {
                        None => None,
                        Some(Some(c)) => doc
                            .string(c, "year.column")
                            .map(|c| Year::Column(c.trim().to_owned())),
                        Some(None) => {
                            doc.problem("year", n.at, "missing `column`".to_owned());
                            None
                        }
                    }
                }
                _ => {
                    doc.expected(n, "year", "a year (2024), \"unstated\", or {\"column\": …}");
                    None
                }
            },
        };

        let text = |doc: &mut Doc, key: &str| -> Option<String> {
            get(key).and_then(|n| doc.string(n, key).map(str::to_owned))
        };
        let title = text(doc, "title").unwrap_or_default();
        let source = text(doc, "source").unwrap_or_default();
        let language = text(doc, "language").unwrap_or_else(|| "ko".to_owned());

        let default_measure = get("measure").map(|n| doc.field::<Measure>(n, "measure"));
        let default_phase = get("phase").map(|n| doc.field::<Phase>(n, "phase"));
        let default_direction = get("direction").map(|n| doc.field::<Direction>(n, "direction"));
        let default_funding = get("funding").map(|n| doc.field::<Funding>(n, "funding"));
        let default_empty = get("empty").map(|n| doc.named::<Empty>(n, "empty"));
        for d in [
            default_measure.as_ref().map(Option::is_some),
            default_phase.as_ref().map(Option::is_some),
            default_direction.as_ref().map(Option::is_some),
            default_funding.as_ref().map(Option::is_some),
            default_empty.as_ref().map(Option::is_some),
        ] {
            ok &= d != Some(false);
        }

        let levels = match get("levels") {
            None => {
                missing(doc, "levels", "the hierarchy's columns, top level first");
                None
            }
            Some(n) => read_levels(doc, n),
        };

        let amounts = match get("amounts") {
            None => {
                missing(doc, "amounts", "the amount columns");
                None
            }
            Some(n) => {
                let defaults = Defaults {
                    measure: default_measure.clone(),
                    phase: default_phase.clone(),
                    direction: default_direction.clone(),
                    funding: default_funding.clone(),
                    empty: default_empty.flatten().unwrap_or(Empty::Problem),
                };
                read_amounts(doc, n, &defaults)
            }
        };

        let mapping = Mapping {
            delimiter,
            levels: levels?,
            amounts: amounts?,
            year: year?,
            unit: unit?,
            currency: currency?,
            title,
            source,
            language,
        };
        ok.then_some(mapping)
    }
}

/// The top level's values for every amount: `None` if not given, `Some(None)` if given but wrong (already
/// reported, so not reported again as missing).
struct Defaults {
    measure: Option<Option<Field<Measure>>>,
    phase: Option<Option<Field<Phase>>>,
    direction: Option<Option<Field<Direction>>>,
    funding: Option<Option<Field<Funding>>>,
    empty: Empty,
}

fn read_levels(doc: &mut Doc, node: &JsonNode) -> Option<Vec<Level>> {
    let Value::Array(items) = &node.value else {
        doc.expected(node, "levels", "an array of levels, top level first");
        return None;
    };
    if items.is_empty() {
        doc.expected(node, "levels", "at least one level");
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = format!("levels[{i}]");
        let Some(f) = doc.object(item, &path, &["code", "name", "level", "empty", "fill"]) else {
            ok = false;
            continue;
        };
        let [code, name, level, empty, fill] = [0, 1, 2, 3, 4].map(|k| f.get(k).copied().flatten());
        let code = match code {
            None => Some(None),
            Some(c) => doc
                .string(c, &join(&path, "code"))
                .map(|s| Some(s.trim().to_owned())),
        };
        let name = match name {
            None => {
                doc.problem(
                    &path,
                    item.at,
                    "missing `name`: the column of the level's names".to_owned(),
                );
                None
            }
            Some(n) => doc
                .string(n, &join(&path, "name"))
                .map(|s| s.trim().to_owned()),
        };
        let level = match level {
            None => name.clone(),
            Some(l) => doc.string(l, &join(&path, "level")).map(str::to_owned),
        };
        let empty = match (empty, fill) {
            (Some(e), Some(_)) => {
                doc.problem(
                    &join(&path, "fill"),
                    e.at,
                    "expected either `empty` or `fill`, found both".to_owned(),
                );
                None
            }
            (None, Some(t)) => doc
                .string(t, &join(&path, "fill"))
                .map(|t| LevelEmpty::Fill(t.trim().to_owned())),
            (Some(e), None) => match &e.value {
                Value::String(s) if s == "problem" => Some(LevelEmpty::Problem),
                Value::String(s) if s == "stop" => Some(LevelEmpty::Stop),
                _ => {
                    doc.expected(e, &join(&path, "empty"), "`problem` or `stop`");
                    None
                }
            },
            (None, None) => Some(LevelEmpty::Problem),
        };
        match (code, name, level, empty) {
            (Some(code), Some(name), Some(level), Some(empty)) => out.push(Level {
                code,
                name,
                level,
                empty,
            }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_amounts(doc: &mut Doc, node: &JsonNode, d: &Defaults) -> Option<Vec<AmountColumn>> {
    let Value::Array(items) = &node.value else {
        doc.expected(node, "amounts", "an array of amount columns");
        return None;
    };
    if items.is_empty() {
        doc.expected(node, "amounts", "at least one amount column");
        return None;
    }
    let mut out: Vec<AmountColumn> = Vec::with_capacity(items.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = format!("amounts[{i}]");
        let keys = [
            "column",
            "measure",
            "phase",
            "direction",
            "funding",
            "split",
            "empty",
        ];
        let Some(f) = doc.object(item, &path, &keys) else {
            ok = false;
            continue;
        };
        let [column, measure, phase, direction, funding, split, empty] =
            [0, 1, 2, 3, 4, 5, 6].map(|k| f.get(k).copied().flatten());
        let column_at = column.map_or(item.at, |c| c.at);
        let column = match column {
            None => {
                doc.problem(
                    &path,
                    item.at,
                    "missing `column`: the amount's column".to_owned(),
                );
                None
            }
            Some(c) => doc
                .string(c, &join(&path, "column"))
                .map(|s| s.trim().to_owned()),
        };
        if let Some(c) = &column {
            if seen.insert(c.clone(), i).is_some() {
                doc.problem(
                    &join(&path, "column"),
                    column_at,
                    format!("column {} is already read as an amount", quoted(c)),
                );
                ok = false;
            }
        }
        // Own value, else the top level's; a missing required one is a problem here.
        fn pick<T: Named>(
            doc: &mut Doc,
            own: Option<&JsonNode>,
            default: &Option<Option<Field<T>>>,
            path: &str,
            key: &str,
            at: usize,
        ) -> Option<Field<T>> {
            match (own, default) {
                (Some(n), _) => doc.field(n, &join(path, key)),
                (None, Some(d)) => d.clone(),
                (None, None) => {
                    doc.problem(
                        path,
                        at,
                        format!("missing `{key}` (here or at the top level): {}", T::WHAT),
                    );
                    None
                }
            }
        }
        let measure = pick(doc, measure, &d.measure, &path, "measure", item.at);
        let phase = pick(doc, phase, &d.phase, &path, "phase", item.at);
        let direction = pick(doc, direction, &d.direction, &path, "direction", item.at);
        let funding = match funding {
            Some(n) => doc.field(n, &join(&path, "funding")),
            None => match &d.funding {
                None => Some(Field::Fixed(Funding::Unknown)),
                Some(f) => f.clone(),
            },
        };
        let split = match split {
            Some(n) => doc.named(n, &join(&path, "split")),
            None => Some(Split::Whole),
        };
        let empty = match empty {
            Some(n) => doc.named(n, &join(&path, "empty")),
            None => Some(d.empty),
        };
        match (column, measure, phase, direction, funding, split, empty) {
            (
                Some(column),
                Some(measure),
                Some(phase),
                Some(direction),
                Some(funding),
                Some(split),
                Some(empty),
            ) => out.push(AmountColumn {
                column,
                measure,
                phase,
                direction,
                funding,
                split,
                empty,
            }),
            _ => ok = false,
        }
    }
    // A whole "with parts" and no part would vanish from every sum by funding source.
    let wholes = out.iter().any(|a| a.split == Split::WholeWithParts);
    let parts = out.iter().any(|a| a.split == Split::Part);
    if ok && wholes && !parts {
        doc.problem(
            "amounts",
            node.at,
            "expected a `part` column for the `whole_with_parts` one (or make it `whole`)"
                .to_owned(),
        );
        ok = false;
    }
    ok.then_some(out)
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

/// Why an amount cell could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    /// Digits beyond the smallest unit that are not zero.
    Fraction,
    /// Does not fit in an `i64` of the smallest unit.
    TooLarge,
}

/// The value of an amount cell in the smallest unit, `10^exponent` of them to the written unit; `Ok(None)` for an
/// empty cell or a lone `-`. Exact: the decimal text is read digit by digit with checked arithmetic.
pub fn parse_amount(cell: &str, exponent: u32) -> Result<Option<i64>, AmountError> {
    let s: std::borrow::Cow<str> = if cell.contains(char::is_whitespace) {
        cell.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        cell.into()
    };
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    let (negative, body) =
        if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            (true, inner)
        } else if let Some(rest) = s.strip_prefix('-').or_else(|| s.strip_prefix('△')) {
            (true, rest)
        } else {
            (false, &*s)
        };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if int.is_empty() || !grouped_digits(int) {
        return Err(AmountError::NotANumber);
    }
    let frac = match frac {
        None => "",
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => f,
        Some(_) => return Err(AmountError::NotANumber),
    };
    let keep = exponent as usize;
    let (kept, beyond) = frac.split_at(frac.len().min(keep));
    if beyond.bytes().any(|b| b != b'0') {
        return Err(AmountError::Fraction);
    }
    let digits = int
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(kept.bytes())
        .chain(std::iter::repeat_n(b'0', keep - kept.len()));
    let mut magnitude: u128 = 0;
    for d in digits {
        magnitude = magnitude
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(d - b'0')))
            .ok_or(AmountError::TooLarge)?;
    }
    let signed = i128::try_from(magnitude).map_err(|_| AmountError::TooLarge)?;
    let signed = if negative { -signed } else { signed };
    i64::try_from(signed)
        .map(Some)
        .map_err(|_| AmountError::TooLarge)
}

/// Digits, either plain or grouped by three with commas (`1,234,567`): `1,5` or `12,34` is not a number here.
fn grouped_digits(s: &str) -> bool {
    if !s.contains(',') {
        return s.bytes().all(|b| b.is_ascii_digit());
    }
    let mut groups = s.split(',');
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// The fiscal year a cell names: `2024`, `2024년`, or a span (`FY13-14`, `FY2013-14`, `2013-2014`, `13/14`) read as
/// the year it starts. Two-digit years are 20xx.
pub fn parse_year(cell: &str) -> Option<i32> {
    let s = cell.trim();
    let s = s.strip_suffix('년').unwrap_or(s).trim_end();
    let (fy, s) = match s.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("fy") => {
            (true, s.get(2..).unwrap_or_default().trim_start())
        }
        _ => (false, s),
    };
    let number = |t: &str| -> Option<i32> {
        if (t.len() == 2 || t.len() == 4) && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    match s.split_once(['-', '/', '–']) {
        None => {
            // A lone FY2014 is ambiguous (starting or ending year): refused.
            (!fy && s.len() == 4).then_some(())?;
            number(s).filter(|y| *y >= 1000)
        }
        Some((a, b)) => {
            let start = match number(a)? {
                y if a.len() == 2 => 2000 + y,
                y => y,
            };
            let end = match number(b)? {
                y if b.len() == 2 => {
                    let e = start - start % 100 + y;
                    if e <= start {
                        e + 100
                    } else {
                        e
                    }
                }
                y => y,
            };
            (start >= 1000 && end == start + 1).then_some(start)
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the table

/// A field's plan: fixed, or the column index and its value map (empty: cells hold the names).
enum Get<'m, T> {
    Fixed(T),
    Column(usize, &'m str, &'m BTreeMap<String, T>),
}

impl<'m, T: Named> Get<'m, T> {
    fn new(
        field: &'m Field<T>,
        columns: &Columns,
        missing: &mut Vec<String>,
    ) -> Option<Get<'m, T>> {
        match field {
            Field::Fixed(t) => Some(Get::Fixed(*t)),
            Field::Column { column, values } => match columns.find(column, missing) {
                Some(i) => Some(Get::Column(i, column, values)),
                None => None,
            },
        }
    }

    /// The row's value, or the message for the cell.
    fn get(&self, record: &csv::StringRecord) -> Result<T, (usize, &'m str, String)> {
        match self {
            Get::Fixed(t) => Ok(*t),
            Get::Column(i, name, values) => {
                let cell = record.get(*i).unwrap_or_default().trim();
                let found = if values.is_empty() {
                    T::from_name(cell)
                } else {
                    values.get(cell).copied()
                };
                found.ok_or_else(|| {
                    let what = if values.is_empty() {
                        T::WHAT.to_owned()
                    } else {
                        let keys: Vec<String> = values.keys().take(12).map(|k| quoted(k)).collect();
                        let more = if values.len() > 12 { ", …" } else { "" };
                        format!("one of {}{more}", keys.join(", "))
                    };
                    let cell = if cell.is_empty() {
                        "an empty cell".to_owned()
                    } else {
                        shown(cell)
                    };
                    (*i, *name, format!("expected {what}, found {cell}"))
                })
            }
        }
    }
}

/// The header's columns by name.
struct Columns<'h> {
    index: HashMap<&'h str, Vec<usize>>,
}

impl Columns<'_> {
    /// The index of a column named once; a missing or repeated name goes into `missing` as a message.
    fn find(&self, name: &str, missing: &mut Vec<String>) -> Option<usize> {
        match self.index.get(name).map(Vec::as_slice) {
            Some([i]) => Some(*i),
            Some(many) if many.len() > 1 => {
                missing.push(format!(
                    "column {} appears {} times in the header: expected it once",
                    quoted(name),
                    many.len()
                ));
                None
            }
            _ => {
                missing.push(format!("expected a column {}", quoted(name)));
                None
            }
        }
    }
}

struct LevelPlan<'m> {
    code: Option<usize>,
    name: usize,
    spec: &'m Level,
}

struct AmountPlan<'m> {
    column: usize,
    spec: &'m AmountColumn,
    measure: Get<'m, Measure>,
    phase: Get<'m, Phase>,
    direction: Get<'m, Direction>,
    funding: Get<'m, Funding>,
}

enum YearPlan {
    Fixed(Period),
    Column(usize),
}

/// The delimiter of a table whose mapping does not say: tab for `.tsv`, else the one of `,`, `;` and tab that
/// splits the header line most (a comma on a tie).
pub fn detect_delimiter(file: &str, text: &str) -> u8 {
    if file.to_ascii_lowercase().ends_with(".tsv") {
        return b'\t';
    }
    let header = text.split('\n').next().unwrap_or_default();
    let count = |c: char| header.chars().filter(|h| *h == c).count();
    let mut best = (b',', count(','));
    for d in [b';', b'\t'] {
        let n = count(char::from(d));
        if n > best.1 {
            best = (d, n);
        }
    }
    best.0
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b'\t' => "tab",
        b';' => "';'",
        _ => "','",
    }
}

/// A row's raw text, to place a problem at a line and column of the file.
struct RawRow<'t> {
    text: &'t str,
    line: usize,
    delimiter: u8,
}

impl RawRow<'_> {
    /// (line, column in characters) where field `index` starts; quotes are followed so that a delimiter or line
    /// break inside a quoted field is not counted.
    fn position(&self, index: usize) -> (usize, usize) {
        let (mut line, mut column) = (self.line, 1);
        let mut field = 0;
        let mut in_quotes = false;
        for c in self.text.chars() {
            if field == index {
                break;
            }
            column += 1;
            match c {
                '"' => in_quotes = !in_quotes,
                '\n' => {
                    line += 1;
                    column = 1;
                }
                c if !in_quotes && c == char::from(self.delimiter) => field += 1,
                _ => {}
            }
        }
        (line, column)
    }

    fn cell(&self, row: usize, index: usize, column: &str) -> Place {
        let mut place = Place::cell(row, column);
        place.position = Some(self.position(index));
        place
    }
}

/// Reads a table with its mapping into a budget: every row's hierarchy and amounts, every problem placed.
pub fn import(file: &str, bytes: &[u8], mapping: &Mapping) -> Imported {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let meta = Meta {
        id: name.to_owned(),
        title: if mapping.title.is_empty() {
            name.to_owned()
        } else {
            mapping.title.clone()
        },
        title_other: None,
        languages: (mapping.language.clone(), None),
        source: mapping.source.clone(),
        illustrative: false,
    };
    let mut b = Builder::new(file, meta);
    let text = match decode_table(file, bytes) {
        Ok((text, encoding)) => {
            b.note(format!("encoding: {encoding}"));
            text
        }
        Err(invalid) => {
            for p in invalid.problems {
                b.problem(Place::new(p.path, p.position), p.message);
            }
            return b.finish();
        }
    };
    read_table(&mut b, file, &text, mapping);
    b.finish()
}

fn read_table(b: &mut Builder, file: &str, text: &str, mapping: &Mapping) {
    let delimiter = match mapping.delimiter {
        Some(d) => {
            b.note(format!(
                "delimiter: {} (from the mapping)",
                delimiter_name(d)
            ));
            d
        }
        None => {
            let d = detect_delimiter(file, text);
            b.note(format!(
                "delimiter: {} (found in the header)",
                delimiter_name(d)
            ));
            d
        }
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header = ::csv::StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Ok(false) | Err(_) => {
            b.problem(
                Place::new("header", None),
                "expected a header row naming the columns, found an empty file",
            );
            return;
        }
    }
    let names: Vec<String> = header.iter().map(|h| h.trim().to_owned()).collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        index.entry(n.as_str()).or_default().push(i);
    }
    let columns = Columns { index };

    // The plan: every mapped column found once in the header, or nothing is read.
    let mut missing = Vec::new();
    let levels: Vec<Option<LevelPlan>> = mapping
        .levels
        .iter()
        .map(|l| {
            let code = match &l.code {
                Some(c) => Some(columns.find(c, &mut missing)?),
                None => None,
            };
            Some(LevelPlan {
                code,
                name: columns.find(&l.name, &mut missing)?,
                spec: l,
            })
        })
        .collect();
    let amounts: Vec<Option<AmountPlan>> = mapping
        .amounts
        .iter()
        .map(|a| {
            let column = columns.find(&a.column, &mut missing);
            let measure = Get::new(&a.measure, &columns, &mut missing);
            let phase = Get::new(&a.phase, &columns, &mut missing);
            let direction = Get::new(&a.direction, &columns, &mut missing);
            let funding = Get::new(&a.funding, &columns, &mut missing);
            Some(AmountPlan {
                column: column?,
                spec: a,
                measure: measure?,
                phase: phase?,
                direction: direction?,
                funding: funding?,
            })
        })
        .collect();
    let year = match &mapping.year {
        Year::Fixed(p) => Some(YearPlan::Fixed(*p)),
        Year::Column(c) => columns.find(c, &mut missing).map(YearPlan::Column),
    };
    if !missing.is_empty() {
        missing.sort();
        missing.dedup();
        let shown: Vec<String> = names.iter().take(20).map(|n| quoted(n)).collect();
        let more = if names.len() > 20 { ", …" } else { "" };
        let mut hint = String::new();
        if names.len() == 1 {
            let other = [b',', b';', b'\t']
                .into_iter()
                .find(|d| *d != delimiter && names.iter().any(|n| n.contains(char::from(*d))));
            if let Some(d) = other {
                hint = format!(
                    " (the header is one column split by {}: is the delimiter {}?)",
                    delimiter_name(delimiter),
                    delimiter_name(d)
                );
            }
        }
        for m in missing {
            b.problem(
                Place::new("header", Some((1, 1))),
                format!("{m}, found the columns {}{more}{hint}", shown.join(", ")),
            );
        }
        return;
    }
    let (Some(levels), Some(amounts), Some(year)) = (
        levels.into_iter().collect::<Option<Vec<_>>>(),
        amounts.into_iter().collect::<Option<Vec<_>>>(),
        year,
    ) else {
        return;
    };

    let exponent = mapping.unit.exponent();
    let unit = mapping.unit.label();
    let width = names.len();
    let mut record = ::csv::StringRecord::new();
    let mut row = 0usize;
    let mut blank = 0usize;
    let mut reported: Vec<usize> = Vec::new();
    let mut last: Vec<Last> = levels.iter().map(|_| Last::default()).collect();
    loop {
        let start = reader.position().byte() as usize;
        let more = reader.read_record(&mut record);
        let end = reader.position().byte() as usize;
        let line = record.position().map_or(0, |p| p.line() as usize);
        match more {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                row += 1;
                b.row_read();
                b.problem(
                    Place::new(format!("row {row}"), Some((line.max(1), 1))),
                    format!("expected a CSV row, found an error: {e}"),
                );
                if end <= start {
                    break;
                }
                continue;
            }
        }
        row += 1;
        b.row_read();
        let record_start = record.position().map_or(start, |p| p.byte() as usize);
        let raw = RawRow {
            text: text.get(record_start..end).unwrap_or_default(),
            line,
            delimiter,
        };
        let row_place = || Place::new(format!("row {row}"), Some((line, 1)));
        // An opening quote never closed swallows the rest of the file into one field.
        if end >= text.len() && raw.text.matches('"').count() % 2 == 1 {
            b.problem(
                row_place(),
                "unterminated quote: a field opened with \" is not closed before the end of the file",
            );
            continue;
        }
        if record.len() != width {
            b.problem(
                row_place(),
                format!(
                    "expected {width} fields as in the header, found {}",
                    record.len()
                ),
            );
            continue;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            blank += 1;
            continue;
        }
        let row32 = u32::try_from(row).unwrap_or(u32::MAX);
        let period = match year {
            YearPlan::Fixed(p) => p,
            YearPlan::Column(i) => {
                let cell = record.get(i).unwrap_or_default();
                match parse_year(cell) {
                    Some(y) => Period::Year(y),
                    None => {
                        let column = names.get(i).map_or("", String::as_str);
                        b.problem(
                            raw.cell(row, i, column),
                            format!(
                                "expected a year (2024) or a fiscal year span (FY13-14, read as the year it starts), found {}",
                                shown(cell)
                            ),
                        );
                        continue;
                    }
                }
            }
        };
        let Some(node) = row_node(b, &levels, &mut last, &record, &names, &raw, row) else {
            continue;
        };
        reported.clear();
        for a in &amounts {
            let column = a.spec.column.as_str();
            let cell = record.get(a.column).unwrap_or_default();
            let value = match parse_amount(cell, exponent) {
                Ok(Some(v)) => v,
                Ok(None) => match a.spec.empty {
                    Empty::Zero => 0,
                    Empty::Skip => continue,
                    Empty::Problem => {
                        b.problem(
                            raw.cell(row, a.column, column),
                            format!("expected an amount in {unit}, found an empty cell"),
                        );
                        continue;
                    }
                },
                Err(e) => {
                    b.problem(
                        raw.cell(row, a.column, column),
                        amount_message(e, cell, mapping),
                    );
                    continue;
                }
            };
            let fields = (
                a.measure.get(&record),
                a.phase.get(&record),
                a.direction.get(&record),
                a.funding.get(&record),
            );
            let (measure, phase, direction, funding) = match fields {
                (Ok(m), Ok(p), Ok(d), Ok(f)) => (m, p, d, f),
                (m, p, d, f) => {
                    let errors = [m.err(), p.err(), d.err(), f.err()];
                    for (i, name, message) in errors.into_iter().flatten() {
                        if !reported.contains(&i) {
                            reported.push(i);
                            b.problem(raw.cell(row, i, name), message);
                        }
                    }
                    continue;
                }
            };
            b.amount(
                NewAmount {
                    key: None,
                    node,
                    value,
                    currency: mapping.currency,
                    period,
                    phase,
                    measure,
                    direction,
                    funding,
                    split: a.spec.split,
                    approximate: false,
                    source: Source::Cell { row: row32, column },
                },
                raw.cell(row, a.column, column),
            );
        }
    }
    if blank > 0 {
        b.note(format!("{blank} empty rows skipped"));
    }
}

/// The node one level of the previous row went on: rows of a table mostly share their upper levels, and the
/// builder would give the same node for the same parent, code and name, so it is not asked again.
#[derive(Default)]
struct Last {
    parent: Option<NodeId>,
    code: String,
    name: String,
    id: Option<NodeId>,
}

/// The node a row's amounts go on, made level by level; `None` (with a problem) if the row names none.
fn row_node(
    b: &mut Builder,
    levels: &[LevelPlan],
    last: &mut [Last],
    record: &::csv::StringRecord,
    names: &[String],
    raw: &RawRow,
    row: usize,
) -> Option<NodeId> {
    let mut parent: Option<NodeId> = None;
    let mut stopped: Option<&str> = None;
    let column_name = |i: usize| names.get(i).map_or("", String::as_str);
    for (k, l) in levels.iter().enumerate() {
        let code = l
            .code
            .and_then(|i| record.get(i))
            .unwrap_or_default()
            .trim();
        let name = record.get(l.name).unwrap_or_default().trim();
        let place = || raw.cell(row, l.name, column_name(l.name));
        let (code, name) = if code.is_empty() && name.is_empty() {
            match &l.spec.empty {
                LevelEmpty::Stop => {
                    stopped.get_or_insert(column_name(l.name));
                    continue;
                }
                LevelEmpty::Fill(t) => (t.as_str(), t.as_str()),
                LevelEmpty::Problem => {
                    b.problem(
                        place(),
                        format!(
                            "expected a name of the level {}, found an empty cell",
                            quoted(&l.spec.level)
                        ),
                    );
                    return None;
                }
            }
        } else {
            (code, name)
        };
        if let Some(above) = stopped {
            b.problem(
                place(),
                format!(
                    "expected an empty cell, as column {} above is empty (a subtotal row), found {}",
                    quoted(above),
                    shown(name)
                ),
            );
            return None;
        }
        let seen = last.get_mut(k)?;
        let id = match seen.id {
            Some(id) if seen.parent == parent && seen.code == code && seen.name == name => id,
            _ => {
                seen.id = None;
                let id = b.node(parent, &l.spec.level, code, (name, None), &place())?;
                seen.parent = parent;
                seen.code.clear();
                seen.code.push_str(code);
                seen.name.clear();
                seen.name.push_str(name);
                seen.id = Some(id);
                id
            }
        };
        parent = Some(id);
    }
    if parent.is_none() {
        let first = levels.first().map_or("", |l| column_name(l.name));
        b.problem(
            raw.cell(row, levels.first().map_or(0, |l| l.name), first),
            "expected a name on the top level: every level of the row is empty",
        );
    }
    parent
}

/// A cell's text for a message: trimmed, quoted, and cut after 60 characters (a runaway field can be megabytes).
fn shown(cell: &str) -> String {
    let cell = cell.trim();
    match cell.char_indices().nth(60) {
        Some((at, _)) => {
            let mut s = quoted(cell.get(..at).unwrap_or(cell));
            s.push('…');
            s
        }
        None => quoted(cell),
    }
}

fn amount_message(e: AmountError, cell: &str, mapping: &Mapping) -> String {
    let unit = mapping.unit.label();
    let cell = shown(cell);
    match e {
        AmountError::NotANumber => format!(
            "expected an amount in {unit} (digits, 1,234 grouping, a leading - or △ or (parentheses) for minus), found {cell}"
        ),
        AmountError::Fraction => match mapping.unit.exponent() {
            0 => format!("expected a whole number of {unit}, found {cell}"),
            k => format!(
                "expected an amount in {unit} with at most {k} decimals (the smallest unit of {}), found {cell}",
                mapping.currency.code()
            ),
        },
        AmountError::TooLarge => format!(
            "expected an amount that fits in 64 bits in the smallest unit of {}, found {cell}",
            mapping.currency.code()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_exactly_from_their_text() {
        let won = |s| parse_amount(s, 0);
        assert_eq!(won("1,234,567"), Ok(Some(1_234_567)));
        assert_eq!(won(" 1 234 "), Ok(Some(1234)));
        assert_eq!(won("-15000.0"), Ok(Some(-15000)));
        assert_eq!(won("△1,000"), Ok(Some(-1000)));
        assert_eq!(won("△ 1,000"), Ok(Some(-1000)));
        assert_eq!(won("(1,000)"), Ok(Some(-1000)));
        assert_eq!(won("0"), Ok(Some(0)));
        assert_eq!(won("-0"), Ok(Some(0)));
        assert_eq!(won(""), Ok(None));
        assert_eq!(won("  "), Ok(None));
        assert_eq!(won("-"), Ok(None));
        assert_eq!(won("9223372036854775807"), Ok(Some(i64::MAX)));
        assert_eq!(won("-9223372036854775807"), Ok(Some(-i64::MAX)));
        assert_eq!(won("000000000000000000000000000000000042"), Ok(Some(42)));
        for bad in [
            "1,2", "12,34", "1234,567", ",123", "1,", "1.2.3", ".5", "5.", "1e3", "▲1000", "+5",
            "--5", "-(5)", "(5", "5)", "$5", "1,2a", "１２", "NaN",
        ] {
            assert_eq!(won(bad), Err(AmountError::NotANumber), "{bad}");
        }
        assert_eq!(won("1234.5"), Err(AmountError::Fraction));
        assert_eq!(won("9223372036854775808"), Err(AmountError::TooLarge));
        assert_eq!(
            won("99999999999999999999999999999999999999999999"),
            Err(AmountError::TooLarge)
        );
        // 천원: three decimals are still whole won.
        assert_eq!(parse_amount("1.5", 3), Ok(Some(1500)));
        assert_eq!(parse_amount("1,234", 3), Ok(Some(1_234_000)));
        assert_eq!(parse_amount("0.0015", 3), Err(AmountError::Fraction));
        assert_eq!(parse_amount("0.0010", 3), Ok(Some(1)));
        assert_eq!(
            parse_amount("9,223,372,036,854,776", 3),
            Err(AmountError::TooLarge)
        );
        // Dollars to cents.
        assert_eq!(parse_amount("12.50", 2), Ok(Some(1250)));
        assert_eq!(parse_amount("12.5", 2), Ok(Some(1250)));
        assert_eq!(parse_amount("12.345", 2), Err(AmountError::Fraction));
        assert_eq!(parse_amount("-15000.0", 2), Ok(Some(-1_500_000)));
    }

    #[test]
    fn years_are_the_year_the_fiscal_year_starts() {
        assert_eq!(parse_year("2024"), Some(2024));
        assert_eq!(parse_year(" 2024년 "), Some(2024));
        assert_eq!(parse_year("FY13-14"), Some(2013));
        assert_eq!(parse_year("fy 2013-14"), Some(2013));
        assert_eq!(parse_year("FY2013-2014"), Some(2013));
        assert_eq!(parse_year("2099-00"), Some(2099));
        assert_eq!(parse_year("13/14"), Some(2013));
        for bad in [
            "FY2014",
            "FY14",
            "14",
            "FY13-15",
            "2013-2015",
            "FY14-13",
            "",
            "20245",
            "2024.0",
            "year",
        ] {
            assert_eq!(parse_year(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_delimiter_is_the_one_that_splits_the_header_most() {
        assert_eq!(detect_delimiter("a.csv", "a,b;c,d\n1;2"), b',');
        assert_eq!(detect_delimiter("a.csv", "a;b;c\n"), b';');
        assert_eq!(detect_delimiter("a.csv", "a\tb\tc,d\n"), b'\t');
        assert_eq!(detect_delimiter("a.csv", "a\n"), b',');
        assert_eq!(detect_delimiter("A.TSV", "a,b,c\n"), b'\t');
    }

    const GOOD: &str = r#"{
      "unit": "USD", "year": {"column": "budget_year"}, "phase": "supplementary 2", "measure": "budgeted",
      "direction": {"column": "account_type", "values": {"Expense": "expenditure", "Revenue": "revenue"}},
      "levels": [{"code": "c", "name": "n", "level": "분야", "fill": "(none)"}, {"name": "m", "empty": "stop"}],
      "amounts": [{"column": "total", "split": "whole_with_parts"},
                  {"column": "fed", "funding": "national", "split": "part", "empty": "skip"}],
      "delimiter": "tab", "source": "S", "language": "en"
    }"#;

    #[test]
    fn a_mapping_is_read_with_its_defaults() {
        let m = Mapping::parse("m.json", GOOD).unwrap();
        assert_eq!(m.delimiter, Some(b'\t'));
        assert_eq!(m.unit, Unit::Major(Currency(*b"USD")));
        assert_eq!(m.currency, Currency(*b"USD"));
        assert_eq!(m.year, Year::Column("budget_year".to_owned()));
        assert_eq!(m.levels.len(), 2);
        assert_eq!(m.levels[0].empty, LevelEmpty::Fill("(none)".to_owned()));
        assert_eq!(
            m.levels[1].level, "m",
            "the level is named by its column by default"
        );
        assert_eq!(m.levels[1].empty, LevelEmpty::Stop);
        let [total, fed] = m.amounts.as_slice() else {
            panic!("{:?}", m.amounts)
        };
        assert_eq!(total.phase, Field::Fixed(Phase::Supplementary(2)));
        assert_eq!(total.funding, Field::Fixed(Funding::Unknown));
        assert_eq!(total.empty, Empty::Problem);
        assert_eq!(fed.funding, Field::Fixed(Funding::National));
        assert_eq!(fed.split, Split::Part);
        assert_eq!(fed.empty, Empty::Skip);
        assert!(matches!(&fed.direction, Field::Column { column, values }
            if column == "account_type" && values.get("Revenue") == Some(&Direction::Revenue)));
        assert_eq!(m.language, "en");
    }

    fn problems(json: &str) -> Vec<String> {
        match Mapping::parse("m.json", json) {
            Ok(m) => panic!("expected problems, read {m:?}"),
            Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn every_mapping_problem_is_reported_with_its_place() {
        let p = problems(
            r#"{
  "unit": "원", "year": 2024, "phase": "adopted", "direction": "expenditure", "colour": "red",
  "levels": [{"name": "a", "kind": "x"}],
  "amounts": [{"column": "x", "funding": "federal"}, {"column": "x", "measure": "spent"}]
}"#,
        );
        let want = [
            "colour: unknown key \"colour\"",
            "phase: expected a phase",
            "levels[0].kind: unknown key \"kind\"",
            "amounts[0]: missing `measure`",
            "amounts[0].funding: expected a funding source",
            "amounts[1].column: column \"x\" is already read as an amount",
            "amounts[1].measure: expected a measure",
        ];
        for w in want {
            assert!(p.iter().any(|p| p.starts_with(w)), "{w} not in {p:#?}");
        }
        assert!(p[0].contains("(line 2, column"), "{p:#?}");
        // The invalid top-level phase is reported once, not again as missing on every amount.
        assert_eq!(
            p.iter().filter(|p| p.contains("missing `phase`")).count(),
            0,
            "{p:#?}"
        );
    }

    #[test]
    fn required_keys_and_consistency_are_checked() {
        let p = problems(r#"{"levels": [], "amounts": [{"column": "a"}]}"#);
        for w in [
            "missing `unit`",
            "missing `year`",
            "expected at least one level",
        ] {
            assert!(p.iter().any(|p| p.contains(w)), "{w} not in {p:#?}");
        }
        let p = problems(
            r#"{"unit": "천원", "currency": "USD", "year": 2024, "phase": "final", "measure": "budgeted",
                "direction": "revenue", "levels": [{"name": "a"}], "amounts": [{"column": "b", "split": "whole_with_parts"}]}"#,
        );
        assert!(
            p.iter()
                .any(|p| p.contains("expected the currency of the unit 천원, found USD")),
            "{p:#?}"
        );
        assert!(
            p.iter().any(|p| p.contains("expected a `part` column")),
            "{p:#?}"
        );
        let p = problems(r#"{"unit": "원", "year": 2024,"#);
        assert_eq!(p.len(), 1, "{p:#?}");
        let p = problems(
            r#"{"unit": "원", "year": "FY2024", "phase": "final", "measure": "budgeted", "direction": "revenue",
                "levels": [{"name": "a", "empty": "stop", "fill": "x"}], "amounts": [{"column": "b", "empty": "nil"}]}"#,
        );
        for w in [
            "year: expected",
            "levels[0].fill: expected either",
            "amounts[0].empty: expected",
        ] {
            assert!(p.iter().any(|p| p.starts_with(w)), "{w} not in {p:#?}");
        }
    }

    fn mapping(extra: &str) -> Mapping {
        let json = format!(
            r#"{{"unit": "원", "year": 2024, "phase": "final", "measure": "budgeted", "direction": "expenditure",
                {extra}}}"#
        );
        Mapping::parse("m.json", &json).unwrap_or_else(|e| panic!("{e}"))
    }

    fn run(text: &str, m: &Mapping) -> (Imported, Vec<String>) {
        let imported = import("t.csv", text.as_bytes(), m);
        let problems = imported
            .problems
            .iter()
            .map(|p| {
                let pos = p
                    .position
                    .map(|(l, c)| format!(" @{l}:{c}"))
                    .unwrap_or_default();
                format!("{}{pos}: {}", p.path, p.message)
            })
            .collect();
        (imported, problems)
    }

    #[test]
    fn subtotal_rows_stop_and_fill_stands_in_for_a_missing_name() {
        let m = mapping(
            r#""levels": [{"name": "a", "fill": "(none)"}, {"name": "b", "empty": "stop"}, {"name": "c", "empty": "stop"}],
               "amounts": [{"column": "v"}]"#,
        );
        let (imported, p) = run("a,b,c,v\nX,,,30\nX,Y,,30\nX,Y,Z,30\n,Y,Z,5\nX,,Z,1\n", &m);
        assert_eq!(p, vec!["row 5, column \"c\" @6:4: expected an empty cell, as column \"b\" above is empty (a subtotal row), found \"Z\""]);
        let b = &imported.budget;
        let depth_of = |row: u32| {
            let a = b
                .amounts()
                .find(
                    |a| matches!(a.origin, crate::budget::Origin::Cell { row: r, .. } if *r == row),
                )
                .unwrap();
            (
                b.depths()[a.node.0 as usize],
                b.name(&b.node(a.node).unwrap().name).to_owned(),
            )
        };
        assert_eq!(depth_of(1), (0, "X".to_owned()));
        assert_eq!(depth_of(2), (1, "Y".to_owned()));
        assert_eq!(depth_of(3), (2, "Z".to_owned()));
        assert_eq!(
            b.name(
                &b.node(b.root_of(b.amounts().nth(3).unwrap().node))
                    .unwrap()
                    .name
            ),
            "(none)"
        );
        // X and X/Y repeat X/Y/Z: only one 30 is counted.
        let total = b.sum_by(&[], &crate::budget::Filter::default()).unwrap();
        assert_eq!(total[0].total, 35);
    }

    #[test]
    fn an_empty_level_without_a_rule_is_a_problem() {
        let m = mapping(
            r#""levels": [{"name": "a"}, {"code": "k", "name": "b"}], "amounts": [{"column": "v"}]"#,
        );
        let (imported, p) = run("a,k,b,v\nX,1,Y,2\n,,,3\nX,,,4\nX,2,,5\n", &m);
        assert_eq!(
            p,
            vec![
                "row 2, column \"a\" @3:1: expected a name of the level \"a\", found an empty cell",
                "row 3, column \"b\" @4:4: expected a name of the level \"b\", found an empty cell",
                "row 4, column \"b\" @5:5: expected a name with visible characters, found an empty or invisible name",
            ]
        );
        assert_eq!(imported.budget.len(), 1);
        assert_eq!(imported.rows_read, 4);
    }

    #[test]
    fn phases_and_directions_come_from_columns_and_bad_cells_are_placed_once() {
        let m = Mapping::parse(
            "m.json",
            r#"{"unit": "원", "year": {"column": "y"}, "measure": "executed",
                "phase": {"column": "p"}, "direction": {"column": "d", "values": {"세출": "expenditure", "세입": "revenue"}},
                "levels": [{"name": "n"}], "amounts": [{"column": "a"}, {"column": "b", "empty": "skip"}]}"#,
        )
        .unwrap();
        let text = "n,y,p,d,a,b\nX,2024,original,세출,1,\nX,FY24-25,settled,세입,2,3\nX,2024,adopted,세출,4,5\nX,2024,final,지출,6,7\nX,20x4,final,세출,8,9\n";
        let (imported, p) = run(text, &m);
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(
            p[0].starts_with("row 3, column \"p\" @4:8: expected a phase"),
            "{p:#?}"
        );
        assert!(
            p[1].starts_with(
                "row 4, column \"d\" @5:14: expected one of \"세입\", \"세출\", found \"지출\""
            ),
            "{p:#?}"
        );
        assert!(
            p[2].starts_with("row 5, column \"y\" @6:3: expected a year"),
            "{p:#?}"
        );
        let got: Vec<(i64, Phase, Direction, Period)> = imported
            .budget
            .amounts()
            .map(|a| (a.value, a.phase, a.direction, a.period))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    1,
                    Phase::Original,
                    Direction::Expenditure,
                    Period::Year(2024)
                ),
                (2, Phase::Settled, Direction::Revenue, Period::Year(2024)),
                (3, Phase::Settled, Direction::Revenue, Period::Year(2024)),
            ]
        );
    }

    #[test]
    fn positions_follow_quotes_and_line_breaks_inside_them() {
        let m = mapping(r#""levels": [{"name": "n"}], "amounts": [{"column": "v"}]"#);
        let (_, p) = run("n,note,v\n\"a, b\",\"two\nlines, really\",x\nc,d,\n", &m);
        assert_eq!(
            p,
            vec![
                "row 1, column \"v\" @3:16: expected an amount in 원 (digits, 1,234 grouping, a leading - or △ or (parentheses) for minus), found \"x\"",
                "row 2, column \"v\" @4:5: expected an amount in 원, found an empty cell",
            ]
        );
    }

    #[test]
    fn an_empty_file_or_blank_rows_are_said() {
        let m = mapping(r#""levels": [{"name": "n"}], "amounts": [{"column": "v"}]"#);
        let (_, p) = run("", &m);
        assert_eq!(
            p,
            vec!["header: expected a header row naming the columns, found an empty file"]
        );
        let (imported, p) = run("n,v\n,\nA,1\n , \n", &m);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(imported.rows_read, 3);
        assert!(
            imported.notes.iter().any(|n| n == "2 empty rows skipped"),
            "{:?}",
            imported.notes
        );
    }

    #[test]
    fn a_repeated_header_column_is_refused() {
        let m = mapping(r#""levels": [{"name": "n"}], "amounts": [{"column": "v"}]"#);
        let (imported, p) = run("n,v,v\nA,1,2\n", &m);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("column \"v\" appears 2 times"), "{p:?}");
        assert_eq!(imported.rows_read, 0);
    }
}
