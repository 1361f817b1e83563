//! The one builder every importer feeds: nodes and amounts go in with the place they were read from, every problem
//! is collected (none stops the reading), and `finish` checks what needs the whole budget — derived amounts and
//! their cycles, parent rows that repeat their children — before handing out the `Budget`.

use crate::budget::{
    AmountId, Budget, Columns, Currency, Direction, Funding, Measure, Meta, Name, Node, NodeId,
    Origin, Period, Phase, Split, Strings, Sym, APPROXIMATE, ROLLUP,
};
use crate::model::{Invalid, Problem};
use std::collections::HashMap;

/// Deepest hierarchy accepted: budget classifications have at most seven levels; a deeper chain is a broken or
/// hostile file, and refusing it keeps every step linear.
pub const MAX_NODE_DEPTH: u32 = 32;

/// Where something was read: a JSON path, or a file's row and column, with a line and column if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub position: Option<(usize, usize)>,
}

impl Place {
    pub fn new(path: impl Into<String>, position: Option<(usize, usize)>) -> Place {
        Place {
            path: path.into(),
            position,
        }
    }

    /// Row `row` (1-based, data rows) and the named column of a table.
    pub fn cell(row: usize, column: &str) -> Place {
        Place {
            path: format!("row {row}, column {}", crate::model::decode::quoted(column)),
            position: None,
        }
    }
}

/// Where an amount comes from, as an importer knows it: keys name the amounts a derived one is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    Quote {
        document: &'a str,
        line: u32,
        quote: &'a str,
    },
    Cell {
        row: u32,
        column: &'a str,
    },
    Derived {
        formula: (&'a str, Option<&'a str>),
        plus: Vec<&'a str>,
        minus: Vec<&'a str>,
    },
    Illustrative,
}

/// An amount as an importer read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAmount<'a> {
    pub key: Option<&'a str>,
    pub node: NodeId,
    pub value: i64,
    pub currency: Currency,
    pub period: Period,
    pub phase: Phase,
    pub measure: Measure,
    pub direction: Direction,
    pub funding: Funding,
    pub split: Split,
    pub approximate: bool,
    pub source: Source<'a>,
}

/// What an import produced: the budget (with every amount that could be read), the problems, and counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    pub budget: Budget,
    pub problems: Vec<Problem>,
    /// Data rows (or figures) read from the input.
    pub rows_read: usize,
    /// The file's name, as used in messages.
    pub file: String,
    /// What was learned about the input on the way (the encoding found, the delimiter), for the checker to say.
    pub notes: Vec<String>,
}

impl Imported {
    /// The budget, or every problem as an `Invalid`.
    pub fn into_result(self) -> Result<Budget, Invalid> {
        if self.problems.is_empty() {
            Ok(self.budget)
        } else {
            Err(Invalid {
                file: self.file,
                problems: self.problems,
            })
        }
    }
}

struct PendingDerived {
    amount: AmountId,
    plus: Vec<Sym>,
    minus: Vec<Sym>,
    place: Place,
}

pub struct Builder {
    file: String,
    meta: Meta,
    strings: Strings,
    nodes: Vec<Node>,
    depth: Vec<u32>,
    node_index: HashMap<(Option<NodeId>, Sym), NodeId>,
    columns: Columns,
    keys: HashMap<Sym, AmountId>,
    derived: Vec<PendingDerived>,
    problems: Vec<Problem>,
    rows_read: usize,
    file_sym: Sym,
    notes: Vec<String>,
}

impl Builder {
    pub fn new(file: &str, meta: Meta) -> Builder {
        let mut strings = Strings::default();
        let file_sym = strings.intern(file);
        Builder {
            file: file.to_owned(),
            meta,
            strings,
            nodes: Vec::new(),
            depth: Vec::new(),
            node_index: HashMap::new(),
            columns: Columns::default(),
            keys: HashMap::new(),
            derived: Vec::new(),
            problems: Vec::new(),
            rows_read: 0,
            file_sym,
            notes: Vec::new(),
        }
    }

    pub fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }

    /// Says something about the input that is not a problem (the encoding found).
    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// Counts one data row (or figure) read, whether or not it gave amounts.
    pub fn row_read(&mut self) {
        self.rows_read += 1;
    }

    pub fn problem(&mut self, place: Place, message: impl Into<String>) {
        self.problems.push(Problem {
            path: place.path,
            position: place.position,
            message: message.into(),
        });
    }

    pub fn problems(&self) -> usize {
        self.problems.len()
    }

    pub fn intern(&mut self, text: &str) -> Sym {
        self.strings.intern(text)
    }

    /// The node with `code` under `parent`, made the first time it is met (the name met first is kept: sources
    /// such as Madrid's relabel a code between years). `None`, with a problem, for a name that is empty or only
    /// invisible characters, or a hierarchy deeper than [`MAX_NODE_DEPTH`].
    pub fn node(
        &mut self,
        parent: Option<NodeId>,
        level: &str,
        code: &str,
        name: (&str, Option<&str>),
        place: &Place,
    ) -> Option<NodeId> {
        let code = code.trim();
        let code = if code.is_empty() { name.0.trim() } else { code };
        let code_sym = self.strings.intern(code);
        if let Some(id) = self.node_index.get(&(parent, code_sym)) {
            return Some(*id);
        }
        if !visible(name.0) {
            self.problem(
                place.clone(),
                "expected a name with visible characters, found an empty or invisible name",
            );
            return None;
        }
        let depth = match parent {
            None => 0,
            Some(p) => self.depth.get(p.0 as usize).copied().unwrap_or(0) + 1,
        };
        if depth >= MAX_NODE_DEPTH {
            self.problem(
                place.clone(),
                format!("expected a hierarchy at most {MAX_NODE_DEPTH} levels deep"),
            );
            return None;
        }
        let main = self.strings.intern(name.0.trim());
        let other = name
            .1
            .map(str::trim)
            .filter(|o| visible(o))
            .map(|o| self.strings.intern(o));
        let level = self.strings.intern(level);
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            code: code_sym,
            name: Name { main, other },
            parent,
            level,
        });
        self.depth.push(depth);
        self.node_index.insert((parent, code_sym), id);
        Some(id)
    }

    /// Adds an amount read at `place`; `None`, with a problem, if it cannot be one.
    pub fn amount(&mut self, a: NewAmount, place: Place) -> Option<AmountId> {
        if a.node.0 as usize >= self.nodes.len() {
            self.problem(place, "expected an amount on a known node");
            return None;
        }
        let id = AmountId(self.columns.value.len() as u32);
        let key = match a.key {
            None => None,
            Some(k) if k.trim().is_empty() => {
                self.problem(place, "expected a non-empty id");
                return None;
            }
            Some(k) => {
                let sym = self.strings.intern(k);
                if self.keys.contains_key(&sym) {
                    self.problem(
                        place,
                        format!(
                            "duplicate id {}: every amount needs its own",
                            crate::model::decode::quoted(k)
                        ),
                    );
                    return None;
                }
                self.keys.insert(sym, id);
                Some(sym)
            }
        };
        let origin = match a.source {
            Source::Quote {
                document,
                line,
                quote,
            } => {
                if quote.trim().is_empty() || line == 0 {
                    self.problem(
                        place,
                        "expected a verbatim quote and its 1-based line in the source document",
                    );
                    return None;
                }
                Origin::Quote {
                    document: self.strings.intern(document),
                    line,
                    quote: self.strings.intern(quote),
                }
            }
            Source::Cell { row, column } => Origin::Cell {
                file: self.file_sym,
                row,
                column: self.strings.intern(column),
            },
            Source::Derived {
                formula,
                plus,
                minus,
            } => {
                if plus.is_empty() || !visible(formula.0) {
                    self.problem(
                        place,
                        "expected a derived amount to say how (a formula) and from which amounts (plus)",
                    );
                    return None;
                }
                let plus = plus.iter().map(|k| self.strings.intern(k)).collect();
                let minus = minus.iter().map(|k| self.strings.intern(k)).collect();
                self.derived.push(PendingDerived {
                    amount: id,
                    plus,
                    minus,
                    place: place.clone(),
                });
                let formula = Name {
                    main: self.strings.intern(formula.0),
                    other: formula.1.map(|o| self.strings.intern(o)),
                };
                Origin::Derived {
                    formula,
                    plus: Box::new([]),
                    minus: Box::new([]),
                }
            }
            Source::Illustrative => {
                if !self.meta.illustrative {
                    self.problem(
                        place,
                        "an illustrative amount is allowed only in a dataset marked illustrative",
                    );
                    return None;
                }
                Origin::Illustrative
            }
        };
        let c = &mut self.columns;
        c.key.push(key);
        c.node.push(a.node);
        c.value.push(a.value);
        c.currency.push(a.currency);
        c.period.push(a.period);
        c.phase.push(a.phase);
        c.measure.push(a.measure);
        c.direction.push(a.direction);
        c.funding.push(a.funding);
        c.split.push(a.split);
        c.flags.push(if a.approximate { APPROXIMATE } else { 0 });
        c.origin.push(origin);
        Some(id)
    }

    /// Checks what needs every amount, marks parent rows that repeat their children, and hands out the result.
    pub fn finish(mut self) -> Imported {
        self.resolve_derived();
        let rollups = self.rollups();
        for (i, f) in self.columns.flags.iter_mut().enumerate() {
            if rollups.get(i).copied().unwrap_or(false) {
                *f |= ROLLUP;
            }
        }
        self.columns.key.shrink_to_fit();
        Imported {
            budget: Budget {
                meta: self.meta,
                strings: self.strings,
                nodes: self.nodes,
                columns: self.columns,
            },
            problems: self.problems,
            rows_read: self.rows_read,
            file: self.file,
            notes: self.notes,
        }
    }

    /// Resolves derived amounts' references, checks their arithmetic, and refuses cycles.
    fn resolve_derived(&mut self) {
        let pending = std::mem::take(&mut self.derived);
        // Derived amounts by id, for the cycle search.
        let mut refs: HashMap<AmountId, Vec<AmountId>> = HashMap::new();
        for d in &pending {
            let resolve = |keys: &[Sym], problems: &mut Vec<Problem>| -> Option<Vec<AmountId>> {
                let mut out = Vec::with_capacity(keys.len());
                let mut ok = true;
                for k in keys {
                    match self.keys.get(k) {
                        Some(id) => out.push(*id),
                        None => {
                            ok = false;
                            problems.push(Problem {
                                path: d.place.path.clone(),
                                position: d.place.position,
                                message: format!(
                                    "derived from unknown id {}",
                                    crate::model::decode::quoted(self.strings.get(*k))
                                ),
                            });
                        }
                    }
                }
                ok.then_some(out)
            };
            let plus = resolve(&d.plus, &mut self.problems);
            let minus = resolve(&d.minus, &mut self.problems);
            let (Some(plus), Some(minus)) = (plus, minus) else {
                continue;
            };
            let i = d.amount.0 as usize;
            let value_of = |id: &AmountId| self.columns.value.get(id.0 as usize).copied();
            let sum = plus
                .iter()
                .try_fold(0i64, |acc, id| acc.checked_add(value_of(id)?))
                .and_then(|p| {
                    minus
                        .iter()
                        .try_fold(p, |acc, id| acc.checked_sub(value_of(id)?))
                });
            let own = self.columns.value.get(i).copied();
            let currency = self.columns.currency.get(i).copied();
            let same_currency = plus
                .iter()
                .chain(&minus)
                .all(|id| self.columns.currency.get(id.0 as usize).copied() == currency);
            if !same_currency {
                self.problems.push(Problem {
                    path: d.place.path.clone(),
                    position: d.place.position,
                    message: "derived from amounts in another currency: nothing is converted"
                        .to_owned(),
                });
            } else if sum != own {
                let message = match sum {
                    Some(s) => format!(
                        "expected the amount to equal its formula, {s}, found {}",
                        own.unwrap_or(0)
                    ),
                    None => "the formula's result does not fit in 64 bits".to_owned(),
                };
                self.problems.push(Problem {
                    path: d.place.path.clone(),
                    position: d.place.position,
                    message,
                });
            }
            refs.insert(d.amount, plus.iter().chain(&minus).copied().collect());
            if let Some(Origin::Derived {
                plus: p, minus: m, ..
            }) = self.columns.origin.get_mut(i)
            {
                *p = plus.into_boxed_slice();
                *m = minus.into_boxed_slice();
            }
        }
        // Cycles among derived amounts, by an iterative depth-first search (no recursion: a chain can be long).
        let mut state: HashMap<AmountId, u8> = HashMap::new(); // 1 on the path, 2 done
        for d in &pending {
            if state.contains_key(&d.amount) {
                continue;
            }
            let mut stack: Vec<(AmountId, usize)> = vec![(d.amount, 0)];
            state.insert(d.amount, 1);
            while let Some((node, next)) = stack.last().copied() {
                let children = refs.get(&node).map_or(&[][..], |v| v.as_slice());
                match children.get(next) {
                    None => {
                        state.insert(node, 2);
                        stack.pop();
                    }
                    Some(child) => {
                        if let Some(top) = stack.last_mut() {
                            top.1 += 1;
                        }
                        match state.get(child) {
                            Some(1) => {
                                let name = self
                                    .columns
                                    .key
                                    .get(child.0 as usize)
                                    .copied()
                                    .flatten()
                                    .map(|s| self.strings.get(s).to_owned())
                                    .unwrap_or_default();
                                self.problems.push(Problem {
                                    path: d.place.path.clone(),
                                    position: d.place.position,
                                    message: format!(
                                        "derived amounts form a cycle through {}: each is computed from another",
                                        crate::model::decode::quoted(&name)
                                    ),
                                });
                            }
                            Some(_) => {}
                            None if refs.contains_key(child) => {
                                state.insert(*child, 1);
                                stack.push((*child, 0));
                            }
                            None => {
                                state.insert(*child, 2);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Which amounts are parent rows that repeat the sum of their children, for the same period, phase, measure,
    /// direction, currency and funding: those are left out of every sum. Bottom-up in one pass (children come
    /// after their parents), each (node, key) carried to its parent once; depth is bounded, so this is linear.
    fn rollups(&self) -> Vec<bool> {
        type Key = (Period, Phase, Measure, Direction, Currency, Funding);
        let c = &self.columns;
        let n = c.value.len();
        // Amounts only on leaves (a line-item file): no row can repeat children, and the maps below would cost
        // half of a 100,000-row import for nothing.
        let mut has_children = vec![false; self.nodes.len()];
        for p in self.nodes.iter().filter_map(|n| n.parent) {
            if let Some(h) = has_children.get_mut(p.0 as usize) {
                *h = true;
            }
        }
        if !c
            .node
            .iter()
            .any(|id| has_children.get(id.0 as usize).copied().unwrap_or(false))
        {
            return vec![false; n];
        }
        let key_of = |i: usize| -> Option<Key> {
            Some((
                *c.period.get(i)?,
                *c.phase.get(i)?,
                *c.measure.get(i)?,
                *c.direction.get(i)?,
                *c.currency.get(i)?,
                *c.funding.get(i)?,
            ))
        };
        // own[(node, key)] = sum of the node's own rows; i128 so no file can overflow it.
        let mut own: HashMap<(NodeId, Key), i128> = HashMap::new();
        let mut keys_of: Vec<Vec<Key>> = vec![Vec::new(); self.nodes.len()];
        for i in 0..n {
            if matches!(c.origin.get(i), Some(Origin::Derived { .. })) {
                continue;
            }
            let (Some(node), Some(key), Some(v)) = (c.node.get(i), key_of(i), c.value.get(i))
            else {
                continue;
            };
            let e = own.entry((*node, key)).or_insert_with(|| {
                if let Some(k) = keys_of.get_mut(node.0 as usize) {
                    k.push(key);
                }
                0
            });
            *e += i128::from(*v);
        }
        if self.nodes.iter().all(|n| n.parent.is_none()) {
            return vec![false; n];
        }
        let mut sub: HashMap<(NodeId, Key), i128> = HashMap::new();
        let mut sub_keys: Vec<Vec<Key>> = vec![Vec::new(); self.nodes.len()];
        let mut rolled: std::collections::HashSet<(NodeId, Key)> = std::collections::HashSet::new();
        for i in (0..self.nodes.len()).rev() {
            let id = NodeId(i as u32);
            let mut keys: Vec<Key> = keys_of.get(i).cloned().unwrap_or_default();
            keys.extend(sub_keys.get(i).into_iter().flatten().copied());
            keys.sort_unstable();
            keys.dedup();
            let parent = self.nodes.get(i).and_then(|n| n.parent);
            for key in keys {
                let mine = own.get(&(id, key)).copied();
                let below = sub.get(&(id, key)).copied();
                let total = match (mine, below) {
                    (Some(m), Some(b)) if m == b => {
                        rolled.insert((id, key));
                        m
                    }
                    (m, b) => m.unwrap_or(0) + b.unwrap_or(0),
                };
                if let Some(p) = parent {
                    let e = sub.entry((p, key)).or_insert_with(|| {
                        if let Some(k) = sub_keys.get_mut(p.0 as usize) {
                            k.push(key);
                        }
                        0
                    });
                    *e += total;
                }
            }
        }
        (0..n)
            .map(|i| {
                !matches!(c.origin.get(i), Some(Origin::Derived { .. }))
                    && match (c.node.get(i), key_of(i)) {
                        (Some(node), Some(key)) => rolled.contains(&(*node, key)),
                        _ => false,
                    }
            })
            .collect()
    }
}

/// Whether a name has a character that shows: not only spaces, control characters (NUL) or zero-width ones.
pub fn visible(s: &str) -> bool {
    s.chars().any(|c| {
        !c.is_whitespace()
            && !c.is_control()
            && !matches!(
                c,
                '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(node: NodeId, value: i64) -> NewAmount<'static> {
        NewAmount {
            key: None,
            node,
            value,
            currency: Currency::KRW,
            period: Period::Year(2026),
            phase: Phase::Final,
            measure: Measure::Budgeted,
            direction: Direction::Expenditure,
            funding: Funding::Unknown,
            split: Split::Whole,
            approximate: false,
            source: Source::Cell {
                row: 1,
                column: "x",
            },
        }
    }

    #[test]
    fn a_parent_row_repeating_its_children_is_a_rollup_and_leaves_never_are() {
        let meta = crate::import::project::empty_meta();
        let place = Place::new(".", None);
        let mut b = Builder::new("f", meta.clone());
        let top = b
            .node(None, "분야", "1", ("교육", None), &place)
            .expect("node");
        let a = b
            .node(Some(top), "부문", "2", ("a", None), &place)
            .expect("node");
        let c = b
            .node(Some(top), "부문", "3", ("c", None), &place)
            .expect("node");
        b.amount(amount(top, 30), place.clone());
        b.amount(amount(a, 10), place.clone());
        b.amount(amount(c, 20), place.clone());
        let budget = b.finish().budget;
        assert_eq!(budget.rollups(), 1);
        assert!(budget.amounts().next().is_some_and(|x| x.rollup));

        // The same tree with amounts on its leaves only: nothing is rolled up, whatever the values.
        let mut b = Builder::new("f", meta);
        let top = b
            .node(None, "분야", "1", ("교육", None), &place)
            .expect("node");
        let a = b
            .node(Some(top), "부문", "2", ("a", None), &place)
            .expect("node");
        let c = b
            .node(Some(top), "부문", "3", ("c", None), &place)
            .expect("node");
        b.amount(amount(a, 10), place.clone());
        b.amount(amount(c, 10), place.clone());
        assert_eq!(b.finish().budget.rollups(), 0);
    }
}
