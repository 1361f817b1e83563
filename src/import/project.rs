//! The project's own JSON. Format `ansan-budget/2` is the budget model written out: `meta`, `nodes` (code, name,
//! parent, level) and `amounts` (node, amount, currency, period, phase, measure, direction, funding, split,
//! approximate, origin). Format `ansan-budget/1` (the 2015 article's figures) is still read by its own reader, with
//! the same verdicts and JSON paths as ever, and then migrated: [`from_dataset`].
//!
//! Reading is strict like v1's: unknown keys, wrong types and unknown names are all reported with their JSON path,
//! line and column.

use super::builder::{Builder, Imported, NewAmount, Place, Source};
use crate::budget::{Currency, Direction, Funding, Measure, Meta, Period, Phase, Split};
use crate::model::decode::quoted;
use crate::model::json::{self, path_string, Member, Node, Step, Value};
use crate::model::{Dataset, FigureKind, FundingSource, Invalid, Provenance};
use std::collections::HashMap;

pub const FORMAT_V1: &str = "ansan-budget/1";
pub const FORMAT_V2: &str = "ansan-budget/2";

/// A project file read once: its budget (with every problem), the explorer's dataset where the file has one,
/// and which format it was.
pub struct Read {
    pub imported: Imported,
    /// Format 1's dataset, or format 2's built from its presentation part.
    pub dataset: Option<Dataset>,
    /// 1 or 2; `None` when the text is not JSON or names another format.
    pub version: Option<u8>,
}

/// Reads a project file of either version: the JSON is parsed once, then read by its format's reader.
pub fn read(file: &str, text: &str) -> Read {
    let refused = |place: Place, message: String| {
        let mut b = Builder::new(file, empty_meta());
        b.problem(place, message);
        Read {
            imported: b.finish(),
            dataset: None,
            version: None,
        }
    };
    let tree = match json::parse(text) {
        Ok(t) => t,
        Err(e) => {
            let at = json::positions(text, &[e.at]).first().copied();
            return refused(
                Place::new(e.path, at),
                format!("not valid JSON: {}", e.message),
            );
        }
    };
    let format = match &tree.value {
        Value::Object(members) => members.iter().find(|m| m.key == "format").map(|m| &m.value),
        _ => None,
    };
    match format.map(|n| &n.value) {
        Some(Value::String(f)) if f == FORMAT_V2 => {
            let (imported, dataset) = read_v2(file, text, &tree);
            Read {
                imported,
                dataset,
                version: Some(2),
            }
        }
        Some(Value::String(f)) if f != FORMAT_V1 => {
            let at = format
                .map(|n| n.at)
                .and_then(|at| json::positions(text, &[at]).first().copied());
            refused(
                Place::new("format", at),
                format!(
                    "expected {} or {}, found {}",
                    quoted(FORMAT_V1),
                    quoted(FORMAT_V2),
                    quoted(f)
                ),
            )
        }
        // Format 1, or not said: format 1's reader gives the message it always gave.
        _ => match crate::model::validate::load_parsed(file, text, &tree) {
            Ok(d) => Read {
                imported: from_dataset(file, &d),
                dataset: Some(d),
                version: Some(1),
            },
            Err(invalid) => {
                let mut b = Builder::new(file, empty_meta());
                for p in invalid.problems {
                    b.problem(Place::new(p.path, p.position), p.message);
                }
                Read {
                    imported: b.finish(),
                    dataset: None,
                    version: Some(1),
                }
            }
        },
    }
}

/// Reads a project file of either version into a budget.
pub fn import(file: &str, text: &str) -> Imported {
    read(file, text).imported
}

/// Meta for a budget whose file has not said yet.
pub fn empty_meta() -> Meta {
    Meta {
        id: String::new(),
        title: String::new(),
        title_other: None,
        languages: ("ko".to_owned(), Some("en".to_owned())),
        source: String::new(),
        illustrative: false,
    }
}

/// The 2015 article's dataset (format 1) as a budget: each program a node, each figure an amount.
///
/// What a figure's kind says becomes measure, split and funding: the total is planned money split into parts
/// where the file gives a private or public share; the provincial grant is money secured, not planned (so
/// 19억 and 24억, a grant and a phase's plan, are never added together); periods are "until" the year reported
/// or unstated; the phase is the plan the article reports, never a budget phase.
pub fn from_dataset(file: &str, d: &Dataset) -> Imported {
    let m = d.meta();
    let meta = Meta {
        id: m.id.clone(),
        title: m.title.ko.clone(),
        title_other: Some(m.title.en.clone()),
        languages: ("ko".to_owned(), Some("en".to_owned())),
        source: format!(
            "{} ({}, {})",
            m.source.title, m.source.kind.ko, m.source.year
        ),
        illustrative: m.illustrative,
    };
    let mut b = Builder::new(file, meta);
    for (pi, p) in d.programs().iter().enumerate() {
        let place = Place::new(format!("programs[{pi}]"), None);
        let Some(node) = b.node(
            None,
            "program",
            &p.id,
            (&p.name.ko, Some(&p.name.en)),
            &place,
        ) else {
            continue;
        };
        let has_parts = p
            .figures
            .iter()
            .any(|f| matches!(f.kind, FigureKind::PrivateShare | FigureKind::PublicShare));
        for (fi, f) in p.figures.iter().enumerate() {
            b.row_read();
            let (measure, split) = match f.kind {
                FigureKind::Total if has_parts => (Measure::Planned, Split::WholeWithParts),
                FigureKind::Total | FigureKind::PhaseInvestment => (Measure::Planned, Split::Whole),
                FigureKind::PrivateShare | FigureKind::PublicShare => {
                    (Measure::Planned, Split::Part)
                }
                FigureKind::ProvincialGrant => (Measure::Secured, Split::Whole),
                FigureKind::Budget | FigureKind::AnnualBudget => (Measure::Budgeted, Split::Whole),
            };
            let funding = match f.funding {
                FundingSource::National => Funding::National,
                FundingSource::Provincial => Funding::Provincial,
                FundingSource::City => Funding::City,
                FundingSource::Private => Funding::Private,
                FundingSource::Public => Funding::Public,
                FundingSource::Unknown => Funding::Unknown,
            };
            let source = match &f.provenance {
                Provenance::Reported { quote, line } => Source::Quote {
                    document: &m.source.document,
                    line: *line,
                    quote,
                },
                Provenance::Derived {
                    formula,
                    plus,
                    minus,
                } => Source::Derived {
                    formula: (&formula.ko, Some(&formula.en)),
                    plus: plus.iter().map(String::as_str).collect(),
                    minus: minus.iter().map(String::as_str).collect(),
                },
                Provenance::Illustrative { .. } => Source::Illustrative,
            };
            b.amount(
                NewAmount {
                    key: Some(&f.id),
                    node,
                    value: f.amount.get(),
                    currency: Currency::KRW,
                    period: f.until.map_or(Period::Unstated, Period::Until),
                    phase: Phase::Plan,
                    measure,
                    direction: Direction::Expenditure,
                    funding,
                    split,
                    approximate: f.approximate,
                    source,
                },
                Place::new(format!("programs[{pi}].figures[{fi}]"), None),
            );
        }
    }
    b.finish()
}

/// A problem found while reading: JSON path, byte offset, message.
type Found = (String, usize, String);

/// Reads format 2 from its tree, and its presentation part into the explorer's dataset if it has one.
fn read_v2(file: &str, text: &str, tree: &Node) -> (Imported, Option<Dataset>) {
    let mut r = Reader {
        found: Vec::new(),
        unit: "a whole number",
    };
    let root = r.object(tree, &[], ROOT_KEYS);
    let mut meta = empty_meta();
    let mut currency = Currency::KRW;
    if let Some(node) = root.get("meta") {
        let path = [Step::Key("meta")];
        let o = r.object(node, &path, META_KEYS);
        meta.id = r.string(&o, &path, "id", true).unwrap_or_default();
        meta.title = r.string(&o, &path, "title", true).unwrap_or_default();
        meta.title_other = r.string(&o, &path, "title_other", false);
        meta.source = r.string(&o, &path, "source", true).unwrap_or_default();
        meta.illustrative = r.boolean(&o, &path, "illustrative");
        if let Some(l) = o.get("languages") {
            let p = [Step::Key("meta"), Step::Key("languages")];
            match &l.value {
                Value::Array(items) if (1..=2).contains(&items.len()) => {
                    let tags: Vec<String> = items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, n)| match &n.value {
                            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                            _ => {
                                r.expected(
                                    n,
                                    &[p[0].clone(), p[1].clone(), Step::Index(i)],
                                    "a language tag",
                                );
                                None
                            }
                        })
                        .collect();
                    let mut it = tags.into_iter();
                    if let Some(main) = it.next() {
                        meta.languages = (main, it.next());
                    }
                }
                _ => r.expected(l, &p, "a list of one or two language tags"),
            }
        }
        if let Some(c) = o.get("currency") {
            currency = r
                .currency(c, &[Step::Key("meta"), Step::Key("currency")])
                .unwrap_or(currency);
        }
    } else {
        r.missing(tree, &[], "meta");
    }
    // Offsets of every node and amount, for their places; one pass over the text.
    let empty = Vec::new();
    let list = |key: &str| match root.get(key).map(|n| &n.value) {
        Some(Value::Array(items)) => items,
        _ => &empty,
    };
    let nodes = list("nodes");
    let amounts = list("amounts");
    let offsets: Vec<usize> = nodes.iter().chain(amounts.iter()).map(|n| n.at).collect();
    let positions = json::positions(text, &offsets);
    let position = |i: usize| positions.get(i).copied();
    let mut b = Builder::new(file, meta);
    for key in ["nodes", "amounts"] {
        match root.get(key) {
            None => r.missing(tree, &[], key),
            Some(n) if !matches!(n.value, Value::Array(_)) => {
                r.expected(n, &[Step::Key(key)], "an array")
            }
            _ => {}
        }
    }
    let mut by_code: HashMap<&str, crate::budget::NodeId> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let path = [Step::Key("nodes"), Step::Index(i)];
        let place = Place::new(path_string(&path), position(i));
        let o = r.object(n, &path, NODE_KEYS);
        let code = r.str_ref(&o, &path, "code", true);
        let name = r.str_ref(&o, &path, "name", true);
        let other = r.str_ref(&o, &path, "name_other", false);
        let level = r.str_ref(&o, &path, "level", true);
        let parent = match r.str_ref(&o, &path, "parent", false) {
            None => None,
            Some(pc) => match by_code.get(pc) {
                Some(id) => Some(*id),
                None => {
                    r.problem(
                        &path,
                        "parent",
                        o.get("parent").map_or(n.at, |p| p.at),
                        format!(
                            "expected the code of a node listed before this one, found {}",
                            quoted(pc)
                        ),
                    );
                    continue;
                }
            },
        };
        let (Some(code), Some(name), Some(level)) = (code, name, level) else {
            continue;
        };
        if by_code.contains_key(code) {
            r.problem(
                &path,
                "code",
                n.at,
                format!("duplicate node code {}", quoted(code)),
            );
            continue;
        }
        if let Some(id) = b.node(parent, level, code, (name, other), &place) {
            by_code.insert(code, id);
        }
    }
    for (i, n) in amounts.iter().enumerate() {
        b.row_read();
        let path = [Step::Key("amounts"), Step::Index(i)];
        let place = Place::new(path_string(&path), position(nodes.len() + i));
        let o = r.object(n, &path, AMOUNT_KEYS);
        let key = r.str_ref(&o, &path, "id", false);
        let node = r.str_ref(&o, &path, "node", true).and_then(|c| {
            let id = by_code.get(c).copied();
            if id.is_none() && !by_code.is_empty() {
                r.problem(
                    &path,
                    "node",
                    o.get("node").map_or(n.at, |x| x.at),
                    format!("expected the code of a listed node, found {}", quoted(c)),
                );
            }
            id
        });
        let cur = match o.get("currency") {
            Some(c) => r.currency(
                c,
                &[path[0].clone(), path[1].clone(), Step::Key("currency")],
            ),
            None => Some(currency),
        };
        r.unit = match cur {
            Some(Currency::KRW) => "whole won",
            _ => "a whole count of the currency's smallest unit (cents)",
        };
        let value = r.integer(&o, &path, "amount");
        r.unit = "a whole number";
        let period = r.period(&o, &path);
        let phase = r
            .name(&o, &path, "phase", PHASES, None)
            .and_then(|s| Phase::from_tag(&s));
        let measure = r
            .name(&o, &path, "measure", MEASURES, None)
            .and_then(|s| Measure::from_tag(&s));
        let direction = r
            .name(&o, &path, "direction", DIRECTIONS, Some("expenditure"))
            .and_then(|s| Direction::from_tag(&s));
        let funding = r
            .name(&o, &path, "funding", FUNDINGS, Some("unknown"))
            .and_then(|s| Funding::from_tag(&s));
        let split = r
            .name(&o, &path, "split", SPLITS, Some("whole"))
            .and_then(|s| Split::from_tag(&s));
        let approximate = r.boolean(&o, &path, "approximate");
        let origin = r.origin(&o, &path);
        let (Some(node), Some(value), Some(currency), Some(period), Some(phase), Some(measure)) =
            (node, value, cur, period, phase, measure)
        else {
            continue;
        };
        let (Some(direction), Some(funding), Some(split), Some(origin)) =
            (direction, funding, split, origin)
        else {
            continue;
        };
        let source = match &origin {
            OriginRead::Quote {
                document,
                line,
                quote,
            } => Source::Quote {
                document,
                line: *line,
                quote,
            },
            OriginRead::Cell { file, row, column } => Source::CellOf {
                file,
                row: *row,
                column,
            },
            OriginRead::Derived {
                formula,
                formula_other,
                plus,
                minus,
            } => Source::Derived {
                formula: (formula, formula_other.as_deref()),
                plus: plus.iter().map(String::as_str).collect(),
                minus: minus.iter().map(String::as_str).collect(),
            },
            OriginRead::Illustrative => Source::Illustrative,
        };
        b.amount(
            NewAmount {
                key,
                node,
                value,
                currency,
                period,
                phase,
                measure,
                direction,
                funding,
                split,
                approximate,
                source,
            },
            place,
        );
    }
    // Problems of the reading first, in document order, then the builder's.
    let offsets: Vec<usize> = r.found.iter().map(|(_, at, _)| *at).collect();
    let mut reading = Builder::new(file, empty_meta());
    for ((path, _, message), at) in r.found.into_iter().zip(json::positions(text, &offsets)) {
        reading.problem(Place::new(path, Some(at)), message);
    }
    let mut out = b.finish();
    let mut problems = reading.finish().problems;
    problems.append(&mut out.problems);
    out.problems = problems;
    // The story is read only on a budget without problems: its rules are about amounts already checked.
    let mut dataset = None;
    if let (Some(p), true) = (root.get("presentation"), out.problems.is_empty()) {
        match super::presentation::dataset(file, text, &out.budget, tree, p) {
            Ok(d) => dataset = Some(d),
            Err(e) => out.problems.extend(e.problems),
        }
    }
    (out, dataset)
}

/// The explorer's dataset from a project file: format 1 as it always was read, format 2 through its budget and
/// its presentation part. A format-2 file without one (a budget only) is refused with that said.
pub fn load_dataset(file: &str, text: &str) -> Result<Dataset, Invalid> {
    let r = read(file, text);
    if !r.imported.problems.is_empty() {
        return Err(Invalid {
            file: file.to_owned(),
            problems: r.imported.problems,
        });
    }
    r.dataset.ok_or_else(|| Invalid {
        file: file.to_owned(),
        problems: vec![crate::model::Problem {
            path: "presentation".to_owned(),
            position: None,
            message: "expected a presentation part (programs, headline figures, labels): this file is a budget only, which this page cannot show yet".to_owned(),
        }],
    })
}

const ROOT_KEYS: &[&str] = &[
    "$schema",
    "format",
    "meta",
    "nodes",
    "amounts",
    "presentation",
];
const META_KEYS: &[&str] = &[
    "id",
    "title",
    "title_other",
    "languages",
    "source",
    "illustrative",
    "currency",
];
const NODE_KEYS: &[&str] = &["code", "name", "name_other", "parent", "level"];
const AMOUNT_KEYS: &[&str] = &[
    "id",
    "node",
    "amount",
    "currency",
    "period",
    "phase",
    "measure",
    "direction",
    "funding",
    "split",
    "approximate",
    "origin",
];
pub const PHASES: &[&str] = &[
    "plan",
    "proposed",
    "original",
    "supplementary-N",
    "final",
    "settled",
];
pub const MEASURES: &[&str] = &["planned", "secured", "budgeted", "allocated", "executed"];
pub const DIRECTIONS: &[&str] = &["expenditure", "revenue"];
pub const FUNDINGS: &[&str] = &[
    "national",
    "provincial",
    "city",
    "private",
    "other",
    "public",
    "unknown",
];
pub const SPLITS: &[&str] = &["whole", "whole_with_parts", "part"];

enum OriginRead {
    Quote {
        document: String,
        line: u32,
        quote: String,
    },
    Cell {
        file: String,
        row: u32,
        column: String,
    },
    Derived {
        formula: String,
        formula_other: Option<String>,
        plus: Vec<String>,
        minus: Vec<String>,
    },
    Illustrative,
}

struct Reader {
    found: Vec<Found>,
    /// What the integer being read counts, for messages: format 1's "whole won" for amounts in won.
    unit: &'static str,
}

/// An object's members by name (unknown and repeated keys already reported).
struct Obj<'t> {
    at: usize,
    members: Vec<(&'static str, &'t Node)>,
}

impl<'t> Obj<'t> {
    fn get(&self, name: &str) -> Option<&'t Node> {
        self.members
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, n)| *n)
    }
}

fn join(path: &[Step], key: &str) -> String {
    let mut steps = path.to_vec();
    steps.push(Step::Key(key));
    path_string(&steps)
}

impl Reader {
    fn problem(&mut self, path: &[Step], key: &str, at: usize, message: String) {
        let p = if key.is_empty() {
            path_string(path)
        } else {
            join(path, key)
        };
        self.found.push((p, at, message));
    }

    fn expected(&mut self, node: &Node, path: &[Step], what: &str) {
        let message = format!("expected {what}, found {}", node.value.kind());
        self.found.push((path_string(path), node.at, message));
    }

    fn missing(&mut self, parent: &Node, path: &[Step], key: &str) {
        self.problem(path, "", parent.at, format!("missing field `{key}`"));
    }

    fn object<'t>(
        &mut self,
        node: &'t Node,
        path: &[Step],
        names: &'static [&'static str],
    ) -> Obj<'t> {
        let mut members: Vec<(&'static str, &'t Node)> = Vec::new();
        let Value::Object(list) = &node.value else {
            self.expected(node, path, "an object");
            return Obj {
                at: node.at,
                members,
            };
        };
        for Member { key, at, value } in list {
            match names.iter().find(|n| **n == key) {
                None => self.problem(
                    path,
                    "",
                    *at,
                    format!(
                        "unknown field {}, expected one of {}",
                        quoted(key),
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                Some(name) if members.iter().any(|(k, _)| k == name) => {
                    self.problem(path, key, *at, format!("duplicate field `{key}`"))
                }
                Some(name) => members.push((name, value)),
            }
        }
        Obj {
            at: node.at,
            members,
        }
    }

    fn str_ref<'t>(
        &mut self,
        o: &Obj<'t>,
        path: &[Step],
        key: &str,
        required: bool,
    ) -> Option<&'t str> {
        match o.get(key) {
            None => {
                if required {
                    self.missing_at(o, path, key);
                }
                None
            }
            Some(n) => match &n.value {
                Value::String(s) => Some(s),
                _ => {
                    let mut p = path.to_vec();
                    p.push(Step::Key(key));
                    self.expected(n, &p, "a string");
                    None
                }
            },
        }
    }

    fn string(&mut self, o: &Obj, path: &[Step], key: &str, required: bool) -> Option<String> {
        self.str_ref(o, path, key, required).map(str::to_owned)
    }

    fn boolean(&mut self, o: &Obj, path: &[Step], key: &str) -> bool {
        match o.get(key).map(|n| (n, &n.value)) {
            None => false,
            Some((_, Value::Bool(b))) => *b,
            Some((n, _)) => {
                let mut p = path.to_vec();
                p.push(Step::Key(key));
                self.expected(n, &p, "a boolean");
                false
            }
        }
    }

    fn integer(&mut self, o: &Obj, path: &[Step], key: &str) -> Option<i64> {
        let Some(n) = o.get(key) else {
            self.missing_at(o, path, key);
            return None;
        };
        match &n.value {
            Value::Number(t) => match t.parse::<i64>() {
                Ok(v) => Some(v),
                Err(_) => {
                    self.problem(
                        path,
                        key,
                        n.at,
                        format!("expected {} as an integer, found {t}", self.unit),
                    );
                    None
                }
            },
            Value::String(text) => {
                self.problem(
                    path,
                    key,
                    n.at,
                    format!(
                        "expected {} as an integer, found the string {} (write the number without quotes, separators or units)",
                        self.unit,
                        quoted(text)
                    ),
                );
                None
            }
            _ => {
                let mut p = path.to_vec();
                p.push(Step::Key(key));
                self.expected(n, &p, &format!("{} as an integer", self.unit));
                None
            }
        }
    }

    fn missing_at(&mut self, o: &Obj, path: &[Step], key: &str) {
        self.found
            .push((path_string(path), o.at, format!("missing field `{key}`")));
    }

    fn currency(&mut self, node: &Node, path: &[Step]) -> Option<Currency> {
        match &node.value {
            Value::String(s) => {
                let c = Currency::parse(s);
                if c.is_none() {
                    self.problem(
                        path,
                        "",
                        node.at,
                        format!(
                            "expected a three-letter currency code such as \"KRW\", found {}",
                            quoted(s)
                        ),
                    );
                }
                c
            }
            _ => {
                self.expected(node, path, "a currency code");
                None
            }
        }
    }

    fn name(
        &mut self,
        o: &Obj,
        path: &[Step],
        key: &str,
        names: &[&str],
        default: Option<&str>,
    ) -> Option<String> {
        let Some(n) = o.get(key) else {
            if default.is_none() {
                self.missing_at(o, path, key);
            }
            return default.map(str::to_owned);
        };
        let ok = |s: &str| names.contains(&s) || (key == "phase" && Phase::from_tag(s).is_some());
        match &n.value {
            Value::String(s) if ok(s) => Some(s.clone()),
            Value::String(s) => {
                self.problem(
                    path,
                    key,
                    n.at,
                    format!(
                        "unknown {key} {}, expected one of {}",
                        quoted(s),
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                None
            }
            _ => {
                let mut p = path.to_vec();
                p.push(Step::Key(key));
                self.expected(n, &p, "a string");
                None
            }
        }
    }

    fn year(&mut self, o: &Obj, path: &[Step], key: &str) -> Option<i32> {
        let v = self.integer(o, path, key)?;
        match i32::try_from(v) {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                self.problem(
                    path,
                    key,
                    o.get(key).map_or(o.at, |n| n.at),
                    format!("expected a year between 1900 and 2200, found {v}"),
                );
                None
            }
        }
    }

    fn period(&mut self, parent: &Obj, path: &[Step]) -> Option<Period> {
        let Some(n) = parent.get("period") else {
            self.missing_at(parent, path, "period");
            return None;
        };
        let mut p = path.to_vec();
        p.push(Step::Key("period"));
        match &n.value {
            Value::String(s) if s == "unstated" => Some(Period::Unstated),
            Value::Object(_) => {
                let o = self.object(n, &p, &["year", "from", "to", "until"]);
                match (o.get("year"), o.get("from"), o.get("to"), o.get("until")) {
                    (Some(_), None, None, None) => self.year(&o, &p, "year").map(Period::Year),
                    (None, None, None, Some(_)) => self.year(&o, &p, "until").map(Period::Until),
                    (None, Some(_), Some(_), None) => {
                        let (f, t) = (self.year(&o, &p, "from")?, self.year(&o, &p, "to")?);
                        if f > t {
                            self.problem(
                                &p,
                                "",
                                n.at,
                                format!("expected `from` ({f}) not after `to` ({t})"),
                            );
                            return None;
                        }
                        Some(Period::Span(f, t))
                    }
                    _ => {
                        self.expected(
                            n,
                            &p,
                            "`{\"year\": Y}`, `{\"from\": A, \"to\": B}` or `{\"until\": Y}`",
                        );
                        None
                    }
                }
            }
            _ => {
                self.expected(n, &p, "an object or \"unstated\"");
                None
            }
        }
    }

    fn ids(&mut self, o: &Obj, path: &[Step], key: &str) -> Option<Vec<String>> {
        let Some(n) = o.get(key) else {
            return Some(Vec::new());
        };
        let mut p = path.to_vec();
        p.push(Step::Key(key));
        let Value::Array(items) = &n.value else {
            self.expected(n, &p, "a list of amount ids");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match &item.value {
                Value::String(s) => out.push(s.clone()),
                _ => {
                    let mut q = p.clone();
                    q.push(Step::Index(i));
                    self.expected(item, &q, "an amount id");
                }
            }
        }
        Some(out)
    }

    fn origin(&mut self, parent: &Obj, path: &[Step]) -> Option<OriginRead> {
        let Some(n) = parent.get("origin") else {
            self.missing_at(parent, path, "origin");
            return None;
        };
        let mut p = path.to_vec();
        p.push(Step::Key("origin"));
        let o = self.object(
            n,
            &p,
            &[
                "type",
                "document",
                "line",
                "quote",
                "file",
                "row",
                "column",
                "formula",
                "formula_other",
                "plus",
                "minus",
            ],
        );
        let kind = self.str_ref(&o, &p, "type", true)?;
        let allowed: &[&str] = match kind {
            "quote" => &["type", "document", "line", "quote"],
            "cell" => &["type", "file", "row", "column"],
            "derived" => &["type", "formula", "formula_other", "plus", "minus"],
            "illustrative" => &["type"],
            other => {
                let at = o.get("type").map_or(n.at, |t| t.at);
                self.problem(&p, "type", at, format!("unknown origin {}, expected one of `quote`, `cell`, `derived`, `illustrative`", quoted(other)));
                return None;
            }
        };
        let stray: Vec<(&'static str, usize)> = o
            .members
            .iter()
            .filter(|(k, _)| !allowed.contains(k))
            .map(|(k, v)| (*k, v.at))
            .collect();
        for (k, at) in &stray {
            self.problem(
                &p,
                k,
                *at,
                format!("`{k}` does not belong to a {kind} origin"),
            );
        }
        if !stray.is_empty() {
            return None;
        }
        let line_of = |r: &mut Reader, key: &str| -> Option<u32> {
            let v = r.integer(&o, &p, key)?;
            match u32::try_from(v) {
                Ok(l) if l > 0 => Some(l),
                _ => {
                    r.problem(
                        &p,
                        key,
                        o.get(key).map_or(0, |x| x.at),
                        format!("expected a 1-based {key} number, found {v}"),
                    );
                    None
                }
            }
        };
        Some(match kind {
            "quote" => {
                let document = self.string(&o, &p, "document", true);
                let quote = self.string(&o, &p, "quote", true);
                let line = line_of(self, "line");
                OriginRead::Quote {
                    document: document?,
                    line: line?,
                    quote: quote?,
                }
            }
            "cell" => {
                let file = self.string(&o, &p, "file", true);
                let column = self.string(&o, &p, "column", true);
                let row = line_of(self, "row");
                OriginRead::Cell {
                    file: file?,
                    row: row?,
                    column: column?,
                }
            }
            "derived" => {
                let formula = self.string(&o, &p, "formula", true);
                let formula_other = self.string(&o, &p, "formula_other", false);
                let plus = self.ids(&o, &p, "plus");
                let minus = self.ids(&o, &p, "minus");
                OriginRead::Derived {
                    formula: formula?,
                    formula_other,
                    plus: plus?,
                    minus: minus?,
                }
            }
            _ => OriginRead::Illustrative,
        })
    }
}

/// A budget written out as format 2, the inverse of reading it: `budget-check --migrate` turns a format-1 file
/// into this.
pub fn to_v2_json(
    budget: &crate::budget::Budget,
    presentation: Option<serde_json::Value>,
) -> String {
    use crate::budget::Origin;
    use serde_json::{json, Map, Value as J};
    let m = budget.meta();
    let mut meta = Map::new();
    meta.insert("id".into(), json!(m.id));
    meta.insert("title".into(), json!(m.title));
    if let Some(t) = &m.title_other {
        meta.insert("title_other".into(), json!(t));
    }
    let mut langs = vec![json!(m.languages.0)];
    langs.extend(m.languages.1.iter().map(|l| json!(l)));
    meta.insert("languages".into(), J::Array(langs));
    meta.insert("source".into(), json!(m.source));
    meta.insert("illustrative".into(), json!(m.illustrative));
    let nodes: Vec<J> = budget
        .nodes()
        .iter()
        .map(|n| {
            let mut o = Map::new();
            o.insert("code".into(), json!(budget.text(n.code)));
            o.insert("name".into(), json!(budget.text(n.name.main)));
            if let Some(other) = n.name.other {
                o.insert("name_other".into(), json!(budget.text(other)));
            }
            if let Some(p) = n.parent.and_then(|p| budget.node(p)) {
                o.insert("parent".into(), json!(budget.text(p.code)));
            }
            o.insert("level".into(), json!(budget.text(n.level)));
            J::Object(o)
        })
        .collect();
    let key_of =
        |id: &crate::budget::AmountId| budget.amount(*id).and_then(|a| a.key).unwrap_or("");
    let amounts: Vec<J> = budget
        .amounts()
        .map(|a| {
            let mut o = Map::new();
            if let Some(k) = a.key {
                o.insert("id".into(), json!(k));
            }
            let node = budget.node(a.node).map_or("", |n| budget.text(n.code));
            o.insert("node".into(), json!(node));
            o.insert("amount".into(), json!(a.value));
            o.insert("currency".into(), json!(a.currency.code()));
            let period = match a.period {
                Period::Year(y) => json!({ "year": y }),
                Period::Span(f, t) => json!({ "from": f, "to": t }),
                Period::Until(y) => json!({ "until": y }),
                Period::Unstated => json!("unstated"),
            };
            o.insert("period".into(), period);
            o.insert("phase".into(), json!(a.phase.tag()));
            o.insert("measure".into(), json!(a.measure.tag()));
            if a.direction == Direction::Revenue {
                o.insert("direction".into(), json!("revenue"));
            }
            o.insert("funding".into(), json!(a.funding.tag()));
            match a.split {
                Split::Whole => {}
                Split::WholeWithParts => {
                    o.insert("split".into(), json!("whole_with_parts"));
                }
                Split::Part => {
                    o.insert("split".into(), json!("part"));
                }
            }
            if a.approximate {
                o.insert("approximate".into(), json!(true));
            }
            let origin = match a.origin {
                Origin::Quote { document, line, quote } => json!({
                    "type": "quote", "document": budget.text(*document), "line": line, "quote": budget.text(*quote)
                }),
                Origin::Cell { file, row, column } => json!({
                    "type": "cell", "file": budget.text(*file), "row": row, "column": budget.text(*column)
                }),
                Origin::Derived(index) => {
                    let Some(crate::budget::Derivation { formula, plus, minus }) = budget.derivation(*index) else {
                        return J::Null;
                    };
                    let mut d = Map::new();
                    d.insert("type".into(), json!("derived"));
                    d.insert("formula".into(), json!(budget.text(formula.main)));
                    if let Some(o) = formula.other {
                        d.insert("formula_other".into(), json!(budget.text(o)));
                    }
                    d.insert("plus".into(), J::Array(plus.iter().map(|i| json!(key_of(i))).collect()));
                    if !minus.is_empty() {
                        d.insert("minus".into(), J::Array(minus.iter().map(|i| json!(key_of(i))).collect()));
                    }
                    J::Object(d)
                }
                Origin::Illustrative => json!({ "type": "illustrative" }),
            };
            o.insert("origin".into(), origin);
            J::Object(o)
        })
        .collect();
    let mut doc = json!({
        "$schema": "./schema-v2.json",
        "format": FORMAT_V2,
        "meta": J::Object(meta),
        "nodes": nodes,
        "amounts": amounts,
    });
    if let (Some(p), J::Object(o)) = (presentation, &mut doc) {
        o.insert("presentation".into(), p);
    }
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// The JSON Schema of format 2, built from the same key and name tables the reader checks against, so the two
/// cannot drift (committed as `data/schema-v2.json`; a test compares them). What a schema cannot say — a name with
/// only invisible characters, a number written `1.0` (JSON Schema counts it as an integer), a `parent` listed later,
/// a derived amount whose arithmetic is wrong — only the reader refuses.
pub fn schema_v2_json() -> String {
    use serde_json::json;
    let enum_of = |names: &[&str]| json!({ "type": "string", "enum": names });
    let strict = |props: serde_json::Value, required: &[&str]| json!({ "type": "object", "properties": props, "required": required, "additionalProperties": false });
    let text = json!({ "type": "string", "minLength": 1 });
    let year = json!({ "type": "integer", "minimum": 1900, "maximum": 2200 });
    let positive = json!({ "type": "integer", "minimum": 1, "maximum": u32::MAX });
    let currency = json!({ "type": "string", "pattern": "^[A-Z]{3}$" });
    let ids = json!({ "type": "array", "items": { "type": "string" } });
    let mut phases: Vec<&str> = PHASES
        .iter()
        .copied()
        .filter(|p| *p != "supplementary-N")
        .collect();
    phases.sort_unstable();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Ansan budget explorer data file, format 2: a budget as nodes and amounts",
        "type": "object",
        "properties": {
            "$schema": { "type": "string" },
            "format": { "const": FORMAT_V2 },
            "presentation": { "type": "object", "description":
                "the explorer's story of the budget, in format 1's shapes without the money (checked by the reader)" },
            "meta": strict(json!({
                "id": text, "title": text, "title_other": { "type": "string" },
                "languages": { "type": "array", "items": text, "minItems": 1, "maxItems": 2 },
                "source": text, "illustrative": { "type": "boolean" }, "currency": currency,
            }), &["id", "title", "source"]),
            "nodes": { "type": "array", "items": strict(json!({
                "code": text, "name": text, "name_other": { "type": "string" }, "parent": { "type": "string" },
                "level": text,
            }), &["code", "name", "level"]) },
            "amounts": { "type": "array", "items": strict(json!({
                "id": text,
                "node": { "type": "string" },
                "amount": { "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX,
                            "description": "an integer count of the currency's smallest unit (whole won; cents)" },
                "currency": currency,
                "period": { "oneOf": [
                    { "const": "unstated" },
                    strict(json!({ "year": year }), &["year"]),
                    strict(json!({ "until": year }), &["until"]),
                    strict(json!({ "from": year, "to": year }), &["from", "to"]),
                ] },
                "phase": { "oneOf": [
                    enum_of(&phases),
                    { "type": "string", "pattern": "^supplementary-[1-9][0-9]?$" },
                ] },
                "measure": enum_of(MEASURES),
                "direction": enum_of(DIRECTIONS),
                "funding": enum_of(FUNDINGS),
                "split": enum_of(SPLITS),
                "approximate": { "type": "boolean" },
                "origin": { "oneOf": [
                    strict(json!({ "type": { "const": "quote" }, "document": { "type": "string" }, "line": positive,
                                   "quote": { "type": "string" } }), &["type", "document", "line", "quote"]),
                    strict(json!({ "type": { "const": "cell" }, "file": { "type": "string" }, "row": positive,
                                   "column": { "type": "string" } }), &["type", "file", "row", "column"]),
                    strict(json!({ "type": { "const": "derived" }, "formula": { "type": "string" },
                                   "formula_other": { "type": "string" },
                                   "plus": { "type": "array", "items": { "type": "string" }, "minItems": 1 },
                                   "minus": ids }),
                           &["type", "formula", "plus"]),
                    strict(json!({ "type": { "const": "illustrative" } }), &["type"]),
                ] },
            }), &["node", "amount", "period", "phase", "measure", "origin"]) },
        },
        "required": ["format", "meta", "nodes", "amounts"],
        "additionalProperties": false,
    });
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}

/// The presentation part of a format-1 file: everything but what format 2 keeps in its budget (the dataset's id,
/// title and illustrative flag, the programs' names, the figures' amounts, funding, approximate, until and
/// provenance). `None` if the text is not a format-1 object.
pub fn presentation_of_v1(text: &str) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    let J::Object(mut doc) = serde_json::from_str::<J>(text).ok()? else {
        return None;
    };
    doc.remove("$schema");
    doc.remove("format");
    if let Some(J::Object(meta)) = doc.get_mut("meta") {
        for k in ["id", "title", "illustrative"] {
            meta.remove(k);
        }
    }
    if let Some(J::Array(programs)) = doc.get_mut("programs") {
        for p in programs {
            let J::Object(p) = p else { continue };
            p.remove("name");
            if let Some(J::Array(figures)) = p.get_mut("figures") {
                for f in figures {
                    if let J::Object(f) = f {
                        for k in ["amount", "funding", "approximate", "until", "provenance"] {
                            f.remove(k);
                        }
                    }
                }
            }
        }
    }
    Some(J::Object(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_names_are_the_models_names() {
        use crate::budget::Split;
        let tags = |t: Vec<&'static str>| t;
        assert_eq!(
            MEASURES,
            tags(Measure::ALL.iter().map(|m| m.tag()).collect())
        );
        assert_eq!(
            FUNDINGS,
            tags(Funding::ALL.iter().map(|f| f.tag()).collect())
        );
        assert_eq!(SPLITS, tags(Split::ALL.iter().map(|s| s.tag()).collect()));
        assert_eq!(
            DIRECTIONS,
            tags(Direction::ALL.iter().map(|d| d.tag()).collect())
        );
        for m in Measure::ALL {
            assert_eq!(Measure::from_tag(m.tag()), Some(*m));
        }
        for f in Funding::ALL {
            assert_eq!(Funding::from_tag(f.tag()), Some(*f));
        }
    }
    use crate::budget::{Dim, Filter};

    /// The article's dataset as it was published in format 1.
    const ARTICLE: &str = include_str!("../../tests/fixtures/ansan-2015.v1.json");

    #[test]
    fn the_shipped_article_is_the_format_1_file_migrated() {
        let migrated = to_v2_json(
            &import("a.json", ARTICLE).budget,
            presentation_of_v1(ARTICLE),
        );
        assert_eq!(
            include_str!("../../data/ansan-2015.json"),
            migrated,
            "data/ansan-2015.json differs from `budget-check --migrate tests/fixtures/ansan-2015.v1.json`"
        );
    }

    fn eok(n: i64) -> i64 {
        n * 100_000_000
    }

    #[test]
    fn the_article_migrates_with_its_rules() {
        let imported = import("ansan-2015.json", ARTICLE);
        assert_eq!(imported.problems, vec![]);
        let b = imported.budget;
        assert_eq!(b.nodes().len(), 3);
        let by_node = b.sum_by(&[Dim::Node], &Filter::default()).expect("sums");
        let code = |g: &crate::budget::Group| {
            g.key
                .node
                .and_then(|n| b.node(n))
                .map_or("", |n| b.text(n.code))
                .to_owned()
        };
        // The regeneration total counts once: its private and public parts are not added to it.
        let regen: Vec<_> = by_node
            .iter()
            .filter(|g| code(g) == "regeneration")
            .collect();
        assert_eq!(regen.len(), 1, "{regen:?}");
        assert_eq!(regen[0].total, eok(4450));
        assert!(regen[0].approximate);
        // By funding, the parts: 3,500억 private and the derived 950억 public.
        let by_funding = b
            .sum_by(&[Dim::Node, Dim::Funding], &Filter::default())
            .expect("sums");
        let parts: Vec<(Funding, i64)> = by_funding
            .iter()
            .filter(|g| code(g) == "regeneration")
            .filter_map(|g| Some((g.key.funding?, g.total)))
            .collect();
        assert_eq!(
            parts,
            vec![(Funding::Private, eok(3500)), (Funding::Public, eok(950))]
        );
        // 19억 (a grant secured) and 24억 (a phase's plan) are never one total.
        let inc: Vec<i64> = by_node
            .iter()
            .filter(|g| code(g) == "incubation")
            .map(|g| g.total)
            .collect();
        assert!(inc.contains(&eok(19)) && inc.contains(&eok(24)), "{inc:?}");
        assert!(!inc.contains(&eok(43)));
    }

    #[test]
    fn format_2_reads_back_what_it_wrote() {
        let first = import("ansan-2015.json", ARTICLE).budget;
        let text = to_v2_json(&first, presentation_of_v1(ARTICLE));
        let again = import("ansan-2015.v2.json", &text);
        assert_eq!(again.problems, vec![]);
        let second = again.budget;
        assert_eq!(first.len(), second.len());
        for (a, b) in first.amounts().zip(second.amounts()) {
            assert_eq!(
                (
                    a.key,
                    a.value,
                    a.period,
                    a.phase,
                    a.measure,
                    a.funding,
                    a.split,
                    a.approximate
                ),
                (
                    b.key,
                    b.value,
                    b.period,
                    b.phase,
                    b.measure,
                    b.funding,
                    b.split,
                    b.approximate
                )
            );
        }
        assert_eq!(to_v2_json(&second, presentation_of_v1(ARTICLE)), text);
        // The explorer's dataset from format 2 is format 1's, field for field.
        assert_eq!(
            load_dataset("a.json", &text),
            crate::model::load("a.json", ARTICLE)
        );
    }

    #[test]
    fn format_1_keeps_its_verdicts_and_paths() {
        let broken = ARTICLE.replacen("\"amount\": 445000000000", "\"amount\": 4.45e11", 1);
        let old = crate::model::load("x.json", &broken).expect_err("refused");
        let new = import("x.json", &broken);
        assert_eq!(new.problems, old.problems);
    }

    #[test]
    fn format_2_problems_are_all_named_with_their_places() {
        let text = r#"{
  "format": "ansan-budget/2",
  "meta": {"id": "t", "title": "t", "source": "s", "colour": 1},
  "nodes": [{"code": "a", "name": "A", "level": "program"},
            {"code": "b", "name": "\u200b", "level": "program"},
            {"code": "c", "name": "C", "level": "program", "parent": "zz"}],
  "amounts": [
    {"node": "a", "amount": 1.5, "period": {"year": 2020}, "phase": "original", "measure": "budgeted", "origin": {"type": "illustrative"}},
    {"node": "a", "amount": 5, "period": {"from": 2021, "to": 2020}, "phase": "supplementary-0", "measure": "spent", "origin": {"type": "cell", "file": "f", "row": 0, "column": "x"}},
    {"id": "x", "node": "a", "amount": 5, "period": "unstated", "phase": "plan", "measure": "planned", "origin": {"type": "derived", "formula": "y", "plus": ["y"]}},
    {"id": "y", "node": "a", "amount": 5, "period": "unstated", "phase": "plan", "measure": "planned", "origin": {"type": "derived", "formula": "x", "plus": ["x"]}}
  ]
}"#;
        let got = import("t.json", text);
        let lines: Vec<String> = got.problems.iter().map(|p| p.to_string()).collect();
        let has = |s: &str| lines.iter().any(|l| l.contains(s));
        assert!(has("meta: unknown field \"colour\""), "{lines:#?}");
        assert!(
            has("nodes[1]: expected a name with visible characters"),
            "{lines:#?}"
        );
        assert!(
            has("nodes[2].parent: expected the code of a node listed before"),
            "{lines:#?}"
        );
        assert!(
            has("amounts[0].amount: expected whole won as an integer, found 1.5"),
            "{lines:#?}"
        );
        assert!(
            has("amounts[1].period: expected `from` (2021) not after `to` (2020)"),
            "{lines:#?}"
        );
        assert!(
            has("amounts[1].phase: unknown phase \"supplementary-0\""),
            "{lines:#?}"
        );
        assert!(
            has("amounts[1].measure: unknown measure \"spent\""),
            "{lines:#?}"
        );
        assert!(
            has("amounts[1].origin.row: expected a 1-based row number"),
            "{lines:#?}"
        );
        assert!(has("form a cycle"), "{lines:#?}");
        assert!(
            lines.iter().all(|l| l.contains("(line ")),
            "every problem has its line: {lines:#?}"
        );
    }
}
