//! The story a format-2 file can tell about its budget, for the explorer's pages: what the 2015 article's dataset
//! has beyond its amounts — the programs' summaries, partners and periods, the curated headline figures, the
//! figures' labels and wording (`kind`), the context figures (population, shares), the notes and chart titles.
//!
//! The part is written in format 1's shapes, without the money: a figure there names an amount of the file by its
//! id and says how to call it; the amount itself (value, funding, approximate, until, provenance) comes from the
//! budget, and a program's name from its node. The two are put together into a format-1 document and read by
//! format 1's own decoder and validator, so every rule the article's page has always kept (headline limits, quotes
//! and lines, derived formulas, badges) holds for format 2 too; their problems are named under `presentation`.

use crate::budget::{Budget, Funding, Origin, Period};
use crate::model::json::{self, Member, Node, Step, Value};
use crate::model::{Dataset, Invalid, Problem};
use std::collections::HashMap;

/// The explorer's dataset from a budget and its file's `presentation` part (`None` if the file has none).
pub fn dataset(
    file: &str,
    text: &str,
    budget: &Budget,
    root: &Node,
    presentation: &Node,
) -> Result<Dataset, Invalid> {
    let mut found: Vec<(String, usize, String)> = Vec::new();
    let tree = join(budget, presentation, &mut found);
    let raw = match crate::model::decode::decode(&tree) {
        Ok(raw) if found.is_empty() => Some(raw),
        Ok(_) => None,
        Err(more) => {
            found.extend(more);
            None
        }
    };
    if !found.is_empty() {
        let places = Places::new(root, presentation);
        let found: Vec<(String, usize, String)> = found
            .into_iter()
            .map(|(path, at, message)| match places.in_file(&path) {
                Some((path, at)) => (path, at, message),
                None => (under(&path), at, message),
            })
            .collect();
        let offsets: Vec<usize> = found.iter().map(|(_, at, _)| *at).collect();
        let problems = found
            .into_iter()
            .zip(json::positions(text, &offsets))
            .map(|((path, _, message), position)| Problem {
                path,
                position: Some(position),
                message,
            })
            .collect();
        return Err(Invalid {
            file: file.to_owned(),
            problems,
        });
    }
    let Some(raw) = raw else {
        return Err(Invalid {
            file: file.to_owned(),
            problems: Vec::new(),
        });
    };
    crate::model::validate(file, raw).map_err(|mut e| {
        let places = Places::new(root, presentation);
        let mut moved = Vec::new();
        for (i, p) in e.problems.iter_mut().enumerate() {
            match places.in_file(&p.path) {
                Some((path, at)) => {
                    p.path = path;
                    moved.push((i, at));
                }
                None => {
                    if let Some(at) = places.own(&p.path) {
                        moved.push((i, at));
                    }
                    p.path = under(&p.path);
                }
            }
        }
        let offsets: Vec<usize> = moved.iter().map(|(_, at)| *at).collect();
        for ((i, _), position) in moved.into_iter().zip(json::positions(text, &offsets)) {
            if let Some(p) = e.problems.get_mut(i) {
                p.position = Some(position);
            }
        }
        e
    })
}

/// Where the file holds what the format-1 document took from the budget, so a problem found in it is named at
/// its own place: a program's name is its node's (`nodes[4].name_other`, not `presentation.programs[2].name.en`),
/// a figure's amount, funding, period and provenance are its amount's (`amounts[7].origin.formula_other`), and
/// the title and id are the file's `meta`. Built only when there are problems; each lookup is constant time.
struct Places<'t> {
    root: &'t Node,
    presentation: &'t Node,
    nodes: HashMap<&'t str, usize>,
    amounts: HashMap<&'t str, usize>,
}

impl<'t> Places<'t> {
    fn new(root: &'t Node, presentation: &'t Node) -> Places<'t> {
        // Each list's items by their `key` (a node's code, an amount's id): the first holder, as the reader keeps.
        let index = |list: &str, key: &str| {
            let mut out = HashMap::new();
            if let Some(Value::Array(items)) = field(root, list).map(|n| &n.value) {
                for (i, item) in items.iter().enumerate() {
                    if let Some(Value::String(k)) = field(item, key).map(|n| &n.value) {
                        out.entry(k.as_str()).or_insert(i);
                    }
                }
            }
            out
        };
        Places {
            root,
            presentation,
            nodes: index("nodes", "code"),
            amounts: index("amounts", "id"),
        }
    }

    /// The file's path and offset for `path` (a format-1 path of the joined document), if the value there came
    /// from the budget; `None` for the presentation's own values.
    fn in_file(&self, path: &str) -> Option<(String, usize)> {
        let steps = steps(path)?;
        let lang_of = |rest: &[Step]| match rest.first() {
            Some(Step::Key("en")) => Some(true),
            Some(Step::Key("ko")) => Some(false),
            _ => None,
        };
        let named = |main: &'static str, other: &'static str, rest: &[Step]| match lang_of(rest) {
            Some(true) => other,
            _ => main,
        };
        let mut to: Vec<Step> = Vec::new();
        match steps.as_slice() {
            [Step::Key("meta"), Step::Key("title"), rest @ ..] => {
                to.extend([
                    Step::Key("meta"),
                    Step::Key(named("title", "title_other", rest)),
                ]);
            }
            [Step::Key("meta"), Step::Key(k @ ("id" | "illustrative")), ..] => {
                to.extend([Step::Key("meta"), Step::Key(k)]);
            }
            [Step::Key("programs"), Step::Index(i), Step::Key("name"), rest @ ..] => {
                let code = self.id_at(&[Step::Key("programs"), Step::Index(*i)])?;
                let k = *self.nodes.get(code)?;
                to.extend([
                    Step::Key("nodes"),
                    Step::Index(k),
                    Step::Key(named("name", "name_other", rest)),
                ]);
            }
            [Step::Key("programs"), Step::Index(i), Step::Key("figures"), Step::Index(j), Step::Key(f), rest @ ..] =>
            {
                let figure = [
                    Step::Key("programs"),
                    Step::Index(*i),
                    Step::Key("figures"),
                    Step::Index(*j),
                ];
                let field = match *f {
                    "amount" | "funding" | "approximate" => *f,
                    "until" => "period",
                    "provenance" => "origin",
                    _ => return None,
                };
                let id = self.id_at(&figure)?;
                let k = *self.amounts.get(id)?;
                to.extend([Step::Key("amounts"), Step::Index(k), Step::Key(field)]);
                if field == "origin" {
                    match rest {
                        [Step::Key("formula"), tail @ ..] => {
                            to.push(Step::Key(named("formula", "formula_other", tail)));
                        }
                        [Step::Key(k @ ("quote" | "line" | "type" | "plus" | "minus")), tail @ ..] =>
                        {
                            to.push(Step::Key(k));
                            to.extend(tail.iter().cloned());
                        }
                        _ => {}
                    }
                }
            }
            _ => return None,
        }
        Some((json::path_string(&to), self.offset(&to)))
    }

    /// Where the value at `path` of the presentation's own part (or the deepest one along it that the file
    /// has) starts.
    fn own(&self, path: &str) -> Option<usize> {
        Some(deepest(self.presentation, &steps(path)?).at)
    }

    /// The `id` string of the presentation's object at `path`.
    fn id_at(&self, path: &[Step]) -> Option<&'t str> {
        let mut node = self.presentation;
        for step in path {
            node = child(node, step)?;
        }
        match &field(node, "id")?.value {
            Value::String(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// Where the deepest value along `path` that the file has starts (the place of a missing member is its object's).
    fn offset(&self, path: &[Step]) -> usize {
        deepest(self.root, path).at
    }
}

/// The deepest value along `path` from `node` that the document has.
fn deepest<'n>(mut node: &'n Node, path: &[Step]) -> &'n Node {
    for step in path {
        match child(node, step) {
            Some(next) => node = next,
            None => break,
        }
    }
    node
}

fn child<'n>(node: &'n Node, step: &Step) -> Option<&'n Node> {
    match (step, &node.value) {
        (Step::Key(k), Value::Object(_)) => field(node, k),
        (Step::Index(i), Value::Array(items)) => items.get(*i),
        _ => None,
    }
}

/// The steps of a plain path (`programs[2].figures[0].amount`); `None` for one with a quoted key, which no
/// value taken from the budget has.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut indexes) = match part.find('[') {
            Some(at) => (part.get(..at)?, part.get(at..)?),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(rest) = indexes.strip_prefix('[') {
            let end = rest.find(']')?;
            out.push(Step::Index(rest.get(..end)?.parse().ok()?));
            indexes = rest.get(end + 1..)?;
        }
        if !indexes.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// A format-1 path as a path of the `presentation` part.
fn under(path: &str) -> String {
    if path == "." {
        "presentation".to_owned()
    } else if path.starts_with('[') {
        format!("presentation{path}")
    } else {
        format!("presentation.{path}")
    }
}

/// An object's member by name.
fn field<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    match &node.value {
        Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
        _ => None,
    }
}

fn node(at: usize, value: Value) -> Node {
    Node { at, value }
}

fn member(at: usize, key: &str, value: Value) -> Member {
    Member {
        key: key.to_owned(),
        at,
        value: node(at, value),
    }
}

fn text(at: usize, ko: &str, en: &str) -> Value {
    Value::Object(vec![
        member(at, "ko", Value::String(ko.to_owned())),
        member(at, "en", Value::String(en.to_owned())),
    ])
}

/// The format-1 document: the presentation's shapes with the budget's amounts and names put in.
fn join(budget: &Budget, presentation: &Node, found: &mut Vec<(String, usize, String)>) -> Node {
    let at = presentation.at;
    let Value::Object(members) = &presentation.value else {
        found.push((
            ".".to_owned(),
            at,
            format!("expected an object, found {}", presentation.value.kind()),
        ));
        return node(at, Value::Null);
    };
    let meta = budget.meta();
    let nodes: HashMap<&str, &crate::budget::Node> = budget
        .nodes()
        .iter()
        .map(|n| (budget.text(n.code), n))
        .collect();
    let amounts: HashMap<&str, crate::budget::Amount> =
        budget.amounts().filter_map(|a| Some((a.key?, a))).collect();
    // The one document the page cites for every quote (format 1 has one per dataset).
    let document = members
        .iter()
        .find(|m| m.key == "meta")
        .and_then(|m| field(&m.value, "source"))
        .and_then(|source| field(source, "document"))
        .and_then(|d| match &d.value {
            Value::String(s) => Some(s.as_str()),
            _ => None,
        });
    let mut out = vec![member(
        at,
        "format",
        Value::String(crate::model::raw::FORMAT.to_owned()),
    )];
    for m in members {
        let value = match (m.key.as_str(), &m.value.value) {
            ("meta", Value::Object(fields)) => {
                let mut fields = fields.clone();
                let t = meta.title_other.as_deref().unwrap_or("");
                fields.push(member(m.at, "id", Value::String(meta.id.clone())));
                fields.push(member(m.at, "title", text(m.at, &meta.title, t)));
                fields.push(member(m.at, "illustrative", Value::Bool(meta.illustrative)));
                node(m.value.at, Value::Object(fields))
            }
            ("programs", Value::Array(programs)) => {
                let programs = programs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| program(budget, &nodes, &amounts, document, p, i, found))
                    .collect();
                node(m.value.at, Value::Array(programs))
            }
            _ => m.value.clone(),
        };
        out.push(Member {
            key: m.key.clone(),
            at: m.at,
            value,
        });
    }
    node(at, Value::Object(out))
}

fn program(
    budget: &Budget,
    nodes: &HashMap<&str, &crate::budget::Node>,
    amounts: &HashMap<&str, crate::budget::Amount>,
    document: Option<&str>,
    p: &Node,
    i: usize,
    found: &mut Vec<(String, usize, String)>,
) -> Node {
    let Value::Object(fields) = &p.value else {
        return p.clone();
    };
    let mut fields = fields.clone();
    let id = fields
        .iter()
        .find_map(|f| match (&f.key[..], &f.value.value) {
            ("id", Value::String(s)) => Some(s.clone()),
            _ => None,
        });
    if let Some(id) = id {
        match nodes.get(id.as_str()) {
            Some(n) => {
                let en = n.name.other.map_or("", |o| budget.text(o));
                fields.push(member(
                    p.at,
                    "name",
                    text(p.at, budget.text(n.name.main), en),
                ));
            }
            None => found.push((
                format!("programs[{i}].id"),
                p.at,
                format!(
                    "expected the code of a node of the budget, found {}",
                    crate::model::decode::quoted(&id)
                ),
            )),
        }
    }
    for f in &mut fields {
        if f.key != "figures" {
            continue;
        }
        if let Value::Array(figures) = &mut f.value.value {
            for (j, figure) in figures.iter_mut().enumerate() {
                put_amount(
                    budget,
                    amounts,
                    document,
                    figure,
                    &format!("programs[{i}].figures[{j}]"),
                    found,
                );
            }
        }
    }
    node(p.at, Value::Object(fields))
}

/// Puts the amount a presentation figure names into it, in format 1's fields.
fn put_amount(
    budget: &Budget,
    amounts: &HashMap<&str, crate::budget::Amount>,
    cited: Option<&str>,
    figure: &mut Node,
    path: &str,
    found: &mut Vec<(String, usize, String)>,
) {
    let at = figure.at;
    let Value::Object(fields) = &mut figure.value else {
        return;
    };
    let id = fields
        .iter()
        .find_map(|f| match (&f.key[..], &f.value.value) {
            ("id", Value::String(s)) => Some(s.clone()),
            _ => None,
        });
    let Some(id) = id else {
        return;
    };
    let Some(a) = amounts.get(id.as_str()) else {
        found.push((
            format!("{path}.id"),
            at,
            format!(
                "expected the id of an amount of the budget, found {}",
                crate::model::decode::quoted(&id)
            ),
        ));
        return;
    };
    let funding = match a.funding {
        Funding::National => "national",
        Funding::Provincial => "provincial",
        Funding::City => "city",
        Funding::Private => "private",
        Funding::Public => "public",
        Funding::Unknown | Funding::Other => "unknown",
    };
    fields.push(member(at, "amount", Value::Number(a.value.to_string())));
    fields.push(member(at, "funding", Value::String(funding.to_owned())));
    fields.push(member(at, "approximate", Value::Bool(a.approximate)));
    let until = match a.period {
        Period::Until(y) | Period::Year(y) | Period::Span(_, y) => Some(y),
        Period::Unstated => None,
    };
    if let Some(y) = until {
        fields.push(member(at, "until", Value::Number(y.to_string())));
    }
    let key_of = |id: &crate::budget::AmountId| {
        Value::String(
            budget
                .amount(*id)
                .and_then(|a| a.key)
                .unwrap_or("")
                .to_owned(),
        )
    };
    let provenance = match a.origin {
        Origin::Quote {
            line,
            quote,
            document,
        } => {
            let from = budget.text(*document);
            if cited.is_some_and(|c| c != from) {
                found.push((
                    format!("{path}.id"),
                    at,
                    format!(
                        "expected an amount quoted from {}, the document this page cites, found one quoted from {}",
                        crate::model::decode::quoted(cited.unwrap_or("")),
                        crate::model::decode::quoted(from)
                    ),
                ));
            }
            Value::Object(vec![
                member(at, "type", Value::String("reported".to_owned())),
                member(at, "quote", Value::String(budget.text(*quote).to_owned())),
                member(at, "line", Value::Number(line.to_string())),
            ])
        }
        Origin::Derived(index) => {
            let Some(crate::budget::Derivation {
                formula,
                plus,
                minus,
            }) = budget.derivation(*index)
            else {
                return;
            };
            Value::Object(vec![
                member(at, "type", Value::String("derived".to_owned())),
                member(
                    at,
                    "formula",
                    text(
                        at,
                        budget.text(formula.main),
                        formula.other.map_or("", |o| budget.text(o)),
                    ),
                ),
                member(
                    at,
                    "plus",
                    Value::Array(plus.iter().map(|i| node(at, key_of(i))).collect()),
                ),
                member(
                    at,
                    "minus",
                    Value::Array(minus.iter().map(|i| node(at, key_of(i))).collect()),
                ),
            ])
        }
        Origin::Illustrative => Value::Object(vec![member(
            at,
            "type",
            Value::String("illustrative".to_owned()),
        )]),
        Origin::Cell { .. } => {
            found.push((
                path.to_owned(),
                at,
                "expected an amount quoted from the source document: the article's page shows a quote and its line for every figure".to_owned(),
            ));
            return;
        }
    };
    fields.push(member(at, "provenance", provenance));
}

#[cfg(test)]
mod tests {
    use crate::import::project::load_dataset;
    use serde_json::{json, Value};

    const SHIPPED: &str = include_str!("../../data/ansan-2015.json");

    fn problems_of(edit: impl FnOnce(&mut Value)) -> Vec<String> {
        let mut v: Value = serde_json::from_str(SHIPPED).expect("shipped data parses");
        edit(&mut v);
        let text = serde_json::to_string_pretty(&v).expect("serialises");
        match load_dataset("a.json", &text) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn the_shipped_presentation_is_read() {
        assert_eq!(problems_of(|_| {}), Vec::<String>::new());
    }

    #[test]
    fn a_figure_must_name_an_amount_quoted_from_the_cited_document() {
        let p = problems_of(|v| {
            v["presentation"]["programs"][0]["figures"][0]["id"] = json!("no-such-amount");
        });
        assert!(
            p.iter().any(|l| l.starts_with(
                "presentation.programs[0].figures[0].id: expected the id of an amount"
            )),
            "{p:#?}"
        );
        let p = problems_of(|v| {
            v["amounts"][0]["origin"]["document"] = json!("another.txt");
        });
        assert!(
            p.iter().any(|l| l.contains("quoted from \"another.txt\"")),
            "{p:#?}"
        );
        let p = problems_of(|v| {
            v["amounts"][0]["origin"] =
                json!({"type": "cell", "file": "x.csv", "row": 1, "column": "a"});
        });
        assert!(
            p.iter()
                .any(|l| l.contains("quoted from the source document")),
            "{p:#?}"
        );
        // Format 1's rules hold in the presentation too: a headline naming no figure.
        let p = problems_of(|v| {
            v["presentation"]["programs"][1]["headline"] = json!(["nope"]);
        });
        assert!(
            p.iter()
                .any(|l| l.starts_with("presentation.programs[1].headline")),
            "{p:#?}"
        );
        // A program must be a node of the budget.
        let p = problems_of(|v| {
            v["presentation"]["programs"][2]["id"] = json!("elsewhere");
        });
        assert!(
            p.iter()
                .any(|l| l.starts_with("presentation.programs[2].id: expected the code of a node")),
            "{p:#?}"
        );
    }

    type Edit = Box<dyn Fn(&mut Value)>;

    /// The index in `v[list]` of the item whose `key` is `value`.
    fn index_of(v: &Value, list: &str, key: &str, value: &str) -> usize {
        v[list]
            .as_array()
            .and_then(|items| items.iter().position(|i| i[key] == value))
            .unwrap_or_else(|| panic!("no {list} item with {key} {value}"))
    }

    #[test]
    fn a_problem_in_what_the_budget_lends_the_page_is_named_at_its_place_in_the_file() {
        let shipped: Value = serde_json::from_str(SHIPPED).expect("shipped data parses");
        let sme = index_of(&shipped, "nodes", "code", "sme");
        let public = index_of(&shipped, "amounts", "id", "regeneration-public");
        // (edit, the path the problem must be named at). Each would otherwise be named at the place the
        // page's document put it: `presentation.programs[2].name.en`, `presentation.meta.title.en`,
        // `presentation.programs[0].figures[2].provenance.formula.en`.
        let cases: Vec<(Edit, String)> = vec![
            (
                Box::new(move |v| v["nodes"][sme]["name_other"] = json!("SME\u{0}")),
                format!("nodes[{sme}].name_other: expected an English text without control characters"),
            ),
            (
                Box::new(move |v| v["nodes"][sme]["name"] = json!("강소\u{7}기업")),
                format!("nodes[{sme}].name: expected a Korean text without control characters"),
            ),
            (
                Box::new(|v| v["meta"]["title_other"] = json!(" ")),
                "meta.title_other: expected a non-empty English text".to_owned(),
            ),
            (
                Box::new(move |v| {
                    if let Some(o) = v["amounts"][public]["origin"].as_object_mut() {
                        o.remove("formula_other");
                    }
                }),
                format!("amounts[{public}].origin.formula_other: expected a non-empty English text"),
            ),
            (
                Box::new(move |v| v["amounts"][public]["origin"]["formula"] = json!("\u{1b}[31m")),
                format!("amounts[{public}].origin.formula: expected a Korean text without control characters"),
            ),
            // The presentation's own values keep their paths, now with a place too.
            (
                Box::new(|v| v["presentation"]["programs"][1]["figures"][0]["label"]["en"] = json!(" ")),
                "presentation.programs[1].figures[0].label.en: expected a non-empty English text".to_owned(),
            ),
        ];
        for (edit, expected) in cases {
            let p = problems_of(|v| edit(v));
            assert!(
                p.iter()
                    .any(|l| l.starts_with(&expected) && l.contains("(line ")),
                "{expected}: {p:#?}"
            );
            assert!(
                p.iter()
                    .all(|l| !l.contains(".name.") && !l.contains("provenance.formula")),
                "{expected}: {p:#?}"
            );
        }
    }

    #[test]
    fn a_budget_without_a_presentation_is_refused_by_the_page_with_that_said() {
        let p = problems_of(|v| {
            if let Value::Object(o) = v {
                o.remove("presentation");
            }
        });
        assert!(
            p.iter()
                .any(|l| l.starts_with("presentation: expected a presentation part")),
            "{p:#?}"
        );
    }
}
