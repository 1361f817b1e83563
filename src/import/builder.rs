//! The one builder every importer feeds: nodes and amounts go in with the place they were read from, every problem
//! is collected (none stops the reading), and `finish` checks what needs the whole budget — derived amounts and
//! their cycles, parent rows that repeat their children — before handing out the `Budget`.

use crate::budget::{
    AmountId, Budget, Columns, Currency, Derivation, Direction, Funding, Measure, Meta, Name, Node,
    NodeId, Origin, Period, Phase, Split, Strings, Sym, APPROXIMATE, ROLLUP,
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
    /// A cell of another file than the one read (a dataset that cites the file it was made from).
    CellOf {
        file: &'a str,
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
    /// Keyed by symbols this builder gave out in order, never by a file's text: a fast hash is safe here.
    node_index: rustc_hash::FxHashMap<(Option<NodeId>, Sym), NodeId>,
    columns: Columns,
    keys: HashMap<Sym, AmountId>,
    derived: Vec<PendingDerived>,
    derivations: Vec<Derivation>,
    columns_seen: Vec<(String, Sym)>,
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
            node_index: Default::default(),
            columns: Columns::default(),
            keys: HashMap::new(),
            derived: Vec::new(),
            derivations: Vec::new(),
            columns_seen: Vec::new(),
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

    /// A column's name: the same few names on every row, so the last ones are remembered instead of hashed.
    fn column(&mut self, name: &str) -> Sym {
        if let Some((_, sym)) = self.columns_seen.iter().find(|(n, _)| n == name) {
            return *sym;
        }
        let sym = self.strings.intern(name);
        if self.columns_seen.len() < 16 {
            self.columns_seen.push((name.to_owned(), sym));
        }
        sym
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
                column: self.column(column),
            },
            Source::CellOf { file, row, column } => Origin::Cell {
                file: self.strings.intern(file),
                row,
                column: self.column(column),
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
                let index = self.derivations.len() as u32;
                self.derivations.push(Derivation {
                    formula,
                    plus: Box::new([]),
                    minus: Box::new([]),
                });
                Origin::Derived(index)
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
        if let Some(k) = key {
            c.key.push((id.0, k));
        }
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
        // Growth by doubling leaves up to half of each column unused: give it back before the budget is kept.
        let c = &mut self.columns;
        c.key.shrink_to_fit();
        c.node.shrink_to_fit();
        c.value.shrink_to_fit();
        c.currency.shrink_to_fit();
        c.period.shrink_to_fit();
        c.phase.shrink_to_fit();
        c.measure.shrink_to_fit();
        c.direction.shrink_to_fit();
        c.funding.shrink_to_fit();
        c.split.shrink_to_fit();
        c.flags.shrink_to_fit();
        c.origin.shrink_to_fit();
        self.nodes.shrink_to_fit();
        Imported {
            budget: Budget {
                meta: self.meta,
                strings: self.strings,
                nodes: self.nodes,
                columns: self.columns,
                derivations: self.derivations,
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
            if let Some(Origin::Derived(index)) = self.columns.origin.get(i) {
                if let Some(d) = self.derivations.get_mut(*index as usize) {
                    d.plus = plus.into_boxed_slice();
                    d.minus = minus.into_boxed_slice();
                }
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
                                let key = &self.columns.key;
                                let name = key
                                    .binary_search_by_key(&child.0, |(a, _)| *a)
                                    .ok()
                                    .and_then(|k| key.get(k))
                                    .map(|(_, s)| self.strings.get(*s).to_owned())
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
        // Only an amount on a node that has children can repeat them: most files (line items, FDP rows) have
        // amounts on leaves only, and are done here without a hash map.
        let mut has_children = vec![false; self.nodes.len()];
        for node in &self.nodes {
            if let Some(slot) = node.parent.and_then(|p| has_children.get_mut(p.0 as usize)) {
                *slot = true;
            }
        }
        if !c
            .node
            .iter()
            .any(|node| has_children.get(node.0 as usize).copied().unwrap_or(false))
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
            if matches!(c.origin.get(i), Some(Origin::Derived(_))) {
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
                !matches!(c.origin.get(i), Some(Origin::Derived(_)))
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
    use crate::budget::{Dim, Filter, SumError};

    fn meta() -> Meta {
        crate::import::project::empty_meta()
    }

    fn add(b: &mut Builder, node: NodeId, value: i64, phase: Phase, row: u32) {
        b.amount(
            NewAmount {
                key: None,
                node,
                value,
                currency: Currency::KRW,
                period: Period::Year(2024),
                phase,
                measure: Measure::Budgeted,
                direction: Direction::Expenditure,
                funding: Funding::Unknown,
                split: Split::Whole,
                approximate: false,
                source: Source::Cell {
                    row,
                    column: "금액",
                },
            },
            Place::cell(row as usize, "금액"),
        );
    }

    /// A budget book printed level by level: 분야 row, then its 부문 rows, then their 세부사업 rows.
    #[test]
    fn parent_rows_that_repeat_their_children_are_left_out() {
        let mut b = Builder::new("book.csv", meta());
        let p = Place::cell(1, "분야");
        let field = b
            .node(None, "분야", "", ("산업ㆍ중소기업및에너지", None), &p)
            .expect("node");
        let part = b
            .node(Some(field), "부문", "", ("산업진흥ㆍ고도화", None), &p)
            .expect("node");
        let a = b
            .node(Some(part), "세부사업", "001", ("스마트허브", None), &p)
            .expect("node");
        let c = b
            .node(Some(part), "세부사업", "002", ("창업", None), &p)
            .expect("node");
        let other = b
            .node(Some(field), "부문", "", ("에너지", None), &p)
            .expect("node");
        add(&mut b, field, 130, Phase::Original, 1); // = 100 + 30
        add(&mut b, part, 100, Phase::Original, 2); // = 60 + 40
        add(&mut b, a, 60, Phase::Original, 3);
        add(&mut b, c, 40, Phase::Original, 4);
        add(&mut b, other, 30, Phase::Original, 5);
        // A supplementary budget for one project: another phase, never added to the original.
        add(&mut b, a, 70, Phase::Supplementary(1), 6);
        let out = b.finish();
        assert_eq!(out.problems, vec![]);
        let budget = out.budget;
        assert_eq!(budget.rollups(), 2);
        let total = budget.sum_by(&[], &Filter::default()).expect("sums");
        let totals: Vec<(Phase, i64)> = total.iter().map(|g| (g.key.phase, g.total)).collect();
        assert_eq!(
            totals,
            vec![(Phase::Original, 130), (Phase::Supplementary(1), 70)]
        );
        let by_part = budget
            .sum_by(
                &[Dim::Depth(1)],
                &Filter {
                    phase: Some(Phase::Original),
                    ..Filter::default()
                },
            )
            .expect("sums");
        let parts: Vec<i64> = by_part.iter().map(|g| g.total).collect();
        assert_eq!(parts, vec![100, 30]);
        let under = budget
            .sum_by(
                &[],
                &Filter {
                    under: Some(part),
                    phase: Some(Phase::Original),
                    ..Filter::default()
                },
            )
            .expect("sums");
        assert_eq!(under.first().map(|g| g.total), Some(100));
    }

    #[test]
    fn a_parent_with_money_of_its_own_is_counted_with_its_children() {
        let mut b = Builder::new("x.csv", meta());
        let p = Place::cell(1, "x");
        let top = b.node(None, "분야", "", ("가", None), &p).expect("node");
        let child = b
            .node(Some(top), "부문", "", ("나", None), &p)
            .expect("node");
        add(&mut b, top, 5, Phase::Original, 1);
        add(&mut b, child, 7, Phase::Original, 2);
        let budget = b.finish().budget;
        assert_eq!(budget.rollups(), 0);
        let total = budget.sum_by(&[], &Filter::default()).expect("sums");
        assert_eq!(total.first().map(|g| g.total), Some(12));
    }

    #[test]
    fn sums_beyond_64_bits_are_an_error_not_a_panic() {
        let mut b = Builder::new("x.csv", meta());
        let p = Place::cell(1, "x");
        let n = b.node(None, "분야", "1", ("가", None), &p).expect("node");
        let m = b.node(None, "분야", "2", ("나", None), &p).expect("node");
        add(&mut b, n, i64::MAX, Phase::Original, 1);
        add(&mut b, m, 1, Phase::Original, 2);
        let budget = b.finish().budget;
        assert!(matches!(
            budget.sum_by(&[], &Filter::default()),
            Err(SumError::Overflow { .. })
        ));
        // Apart, each fits.
        assert_eq!(
            budget
                .sum_by(&[Dim::Node], &Filter::default())
                .map(|g| g.len()),
            Ok(2)
        );
        assert_eq!(
            budget.sum_by(&[Dim::Node, Dim::Depth(0)], &Filter::default()),
            Err(SumError::TwoNodeDims)
        );
    }

    #[test]
    fn invisible_names_deep_chains_duplicate_ids_and_bad_references_are_problems() {
        let mut b = Builder::new("x.json", meta());
        let p = Place::new("nodes[0]", Some((3, 4)));
        assert_eq!(b.node(None, "x", "", ("\u{0}", None), &p), None);
        assert_eq!(b.node(None, "x", "a", ("\u{200b}\u{feff}", None), &p), None);
        let mut parent = None;
        for i in 0..40 {
            parent = b
                .node(parent, "x", &i.to_string(), ("n", None), &p)
                .or(parent);
        }
        let n = b.node(None, "x", "ok", ("ok", None), &p).expect("node");
        let amount = |key, plus: Vec<&'static str>| NewAmount {
            key: Some(key),
            node: n,
            value: 1,
            currency: Currency::KRW,
            period: Period::Unstated,
            phase: Phase::Plan,
            measure: Measure::Planned,
            direction: Direction::Expenditure,
            funding: Funding::Unknown,
            split: Split::Whole,
            approximate: false,
            source: if plus.is_empty() {
                Source::Illustrative
            } else {
                Source::Derived {
                    formula: ("f", None),
                    plus,
                    minus: vec![],
                }
            },
        };
        b.meta_mut().illustrative = true;
        b.amount(amount("a", vec![]), p.clone());
        b.amount(amount("a", vec![]), p.clone());
        b.amount(amount("d", vec!["nope"]), p.clone());
        let out = b.finish();
        let messages: Vec<String> = out.problems.iter().map(|p| p.to_string()).collect();
        assert!(messages
            .iter()
            .all(|m| m.starts_with("nodes[0]: ") && m.ends_with("(line 3, column 4)")));
        let count = |s: &str| messages.iter().filter(|m| m.contains(s)).count();
        assert_eq!(count("visible characters"), 2, "{messages:#?}");
        // Levels 32 to 39 of the chain, each refused.
        assert_eq!(count("at most 32 levels"), 8, "{messages:#?}");
        assert_eq!(count("duplicate id \"a\""), 1, "{messages:#?}");
        assert_eq!(count("unknown id \"nope\""), 1, "{messages:#?}");
        assert_eq!(messages.len(), 12, "{messages:#?}");
    }
}
