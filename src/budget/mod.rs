//! The budget model every source is read into: a set of amounts, each on a node of a hierarchy, with its period,
//! phase, measure, direction, funding source, currency, whether it is approximate, and where it comes from.
//!
//! Stored by columns, with every repeated string interned once, so 100,000 amounts cost a few megabytes; the one
//! way to add amounts up is [`Budget::sum_by`], which is checked and never adds what must not be added (phases,
//! measures, periods, directions or currencies). A `Budget` only comes out of the import builder
//! (`crate::import::Builder`), which validates every amount on the way in.

mod strings;
mod sum;

pub use strings::{Strings, Sym};
pub use sum::{Dim, Filter, Group, GroupKey, SumError};

/// Index of a node in [`Budget::nodes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Index of an amount in the budget's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AmountId(pub u32);

/// A name in the source's own language, with an optional translation: Korean with English for Korean data,
/// Spanish or English with an optional Korean name for foreign data (the budget says which languages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Name {
    pub main: Sym,
    pub other: Option<Sym>,
}

/// A place in a hierarchy: a program, a 분야 / 부문 / 정책사업 / 단위사업 / 세부사업, or an FDP classification level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The source's code (kept as a string: `001` stays `001`); the name where the source has no code.
    pub code: Sym,
    pub name: Name,
    pub parent: Option<NodeId>,
    /// What level this is, in the source's words (`분야`, `세부사업`, `CAPITULO`, `program`).
    pub level: Sym,
}

/// When an amount is spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// One fiscal year.
    Year(i32),
    /// From one fiscal year to another, both included.
    Span(i32, i32),
    /// Up to and including a year, start not stated ("오는 2021년까지").
    Until(i32),
    /// The source does not say.
    Unstated,
}

/// Which version of the budget an amount belongs to. Phases are never added together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    /// 계획: a plan announced outside the budget cycle (as the 2015 article reports).
    Plan,
    /// 예산안: proposed to the council.
    Proposed,
    /// 본예산 (당초): the original budget adopted.
    Original,
    /// 추경 n: the n-th supplementary budget (1-based).
    Supplementary(u8),
    /// 최종 (예산현액): the final budget of the year, after every change.
    Final,
    /// 결산: the settled accounts.
    Settled,
}

/// What the amount measures. Different measures are never added together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Money planned for a program or a phase of it.
    Planned,
    /// Money secured from a funder (a grant won).
    Secured,
    /// Money appropriated in a budget (예산액, 예산현액).
    Budgeted,
    /// Money assigned for spending (편성/배정액).
    Allocated,
    /// Money spent (지출액, 집행액, 결산액).
    Executed,
}

/// Spending or income: never added together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// 세출
    Expenditure,
    /// 세입
    Revenue,
}

/// Who pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Funding {
    /// 국비
    National,
    /// 도비 (시도비)
    Provincial,
    /// 시비 (시군구비)
    City,
    /// 민자
    Private,
    /// 기타
    Other,
    /// Public money not split further (국비, 도비 and 시비 together).
    Public,
    /// Not stated, or all sources together.
    Unknown,
}

/// How an amount relates to a split by funding source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// Neither split nor a part of a split.
    Whole,
    /// A whole whose parts are amounts of their own (a 예산현액 with its 국비 / 시도비 / 시군구비 / 기타).
    WholeWithParts,
    /// One funding source's part of a whole.
    Part,
}

/// The names the project's files, mappings and the checker's JSON give these, one table each, read both ways.
macro_rules! tags {
    ($t:ident { $($v:ident = $name:literal),* $(,)? }) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$($t::$v),*];

            /// The name written in files (`national`, `budgeted`, …).
            pub fn tag(self) -> &'static str {
                match self {
                    $($t::$v => $name),*
                }
            }

            pub fn from_tag(name: &str) -> Option<$t> {
                match name {
                    $($name => Some($t::$v),)*
                    _ => None,
                }
            }
        }
    };
}

tags!(Measure { Planned = "planned", Secured = "secured", Budgeted = "budgeted", Allocated = "allocated", Executed = "executed" });
tags!(Direction { Expenditure = "expenditure", Revenue = "revenue" });
tags!(Funding {
    National = "national",
    Provincial = "provincial",
    City = "city",
    Private = "private",
    Other = "other",
    Public = "public",
    Unknown = "unknown",
});
tags!(Split { Whole = "whole", WholeWithParts = "whole_with_parts", Part = "part" });

impl Phase {
    /// The name written in files and mappings: `plan`, `proposed`, `original`, `supplementary-2`, `final`,
    /// `settled`.
    pub fn tag(self) -> String {
        match self {
            Phase::Plan => "plan".into(),
            Phase::Proposed => "proposed".into(),
            Phase::Original => "original".into(),
            Phase::Supplementary(n) => format!("supplementary-{n}"),
            Phase::Final => "final".into(),
            Phase::Settled => "settled".into(),
        }
    }

    /// The inverse of [`Phase::tag`]: `supplementary-1` … `supplementary-99`, without a leading zero (what
    /// format 2's schema pattern says).
    pub fn from_tag(name: &str) -> Option<Phase> {
        Some(match name {
            "plan" => Phase::Plan,
            "proposed" => Phase::Proposed,
            "original" => Phase::Original,
            "final" => Phase::Final,
            "settled" => Phase::Settled,
            _ => {
                let n = name.strip_prefix("supplementary-")?;
                if n.is_empty()
                    || n.len() > 2
                    || n.starts_with('0')
                    || !n.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                Phase::Supplementary(n.parse().ok()?)
            }
        })
    }
}

/// A currency by its ISO 4217 code; amounts are counts of its smallest unit (won; cents for EUR and USD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(pub [u8; 3]);

impl Currency {
    pub const KRW: Currency = Currency(*b"KRW");

    /// Upper-case three-letter code, or `None`.
    pub fn parse(code: &str) -> Option<Currency> {
        match code.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => {
                Some(Currency([*a, *b, *c]))
            }
            _ => None,
        }
    }

    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Digits after the point in the smallest unit: 0 for KRW and JPY, 2 for the rest we meet.
    pub fn minor_digits(&self) -> u32 {
        match &self.0 {
            b"KRW" | b"JPY" => 0,
            _ => 2,
        }
    }
}

/// Where an amount comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// Printed in a document: a verbatim quote and its 1-based line.
    Quote {
        document: Sym,
        line: u32,
        quote: Sym,
    },
    /// A cell of a data file: 1-based row (data rows, the header not counted) and the column's name.
    Cell { file: Sym, row: u32, column: Sym },
    /// amount = Σ plus − Σ minus, checked by the builder: the derivation's index in [`Budget::derivation`] (kept
    /// aside so that every origin stays 16 bytes).
    Derived(u32),
    /// Made up to demonstrate a chart; only in a budget marked illustrative.
    Illustrative,
}

/// How a derived amount is computed: `formula` says it in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Derivation {
    pub formula: Name,
    pub plus: Box<[AmountId]>,
    pub minus: Box<[AmountId]>,
}

/// What a budget is and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub id: String,
    pub title: String,
    /// The title in the other language, if given.
    pub title_other: Option<String>,
    /// Language of `Name::main` and of `Name::other` (BCP 47 tags: `ko`, `en`, `es`).
    pub languages: (String, Option<String>),
    /// Who publishes the figures, as they must be credited ("출처: 행정안전부 지방재정365").
    pub source: String,
    pub illustrative: bool,
}

/// One amount, read out of the columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount<'b> {
    pub id: AmountId,
    /// The source's own id for it, if any (`regeneration-total`).
    pub key: Option<&'b str>,
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
    /// A parent row that repeats the sum of its children: kept, shown, never counted.
    pub rollup: bool,
    pub origin: &'b Origin,
}

/// The amounts' columns: one vector per field, all the same length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Columns {
    /// The few amounts with an id of their own, as (amount, id) in amount order: sparse, since line items have
    /// none and the article has six.
    pub key: Vec<(u32, Sym)>,
    pub node: Vec<NodeId>,
    pub value: Vec<i64>,
    pub currency: Vec<Currency>,
    pub period: Vec<Period>,
    pub phase: Vec<Phase>,
    pub measure: Vec<Measure>,
    pub direction: Vec<Direction>,
    pub funding: Vec<Funding>,
    pub split: Vec<Split>,
    /// Bit 0: approximate; bit 1: rollup.
    pub flags: Vec<u8>,
    pub origin: Vec<Origin>,
}

pub(crate) const APPROXIMATE: u8 = 1;
pub(crate) const ROLLUP: u8 = 2;

/// A validated budget: nodes and amounts, built only by `crate::import::Builder`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    pub(crate) meta: Meta,
    pub(crate) strings: Strings,
    pub(crate) nodes: Vec<Node>,
    pub(crate) columns: Columns,
    pub(crate) derivations: Vec<Derivation>,
}

impl Budget {
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0 as usize)
    }

    /// The text of an interned string ("" for a symbol of another budget).
    pub fn text(&self, sym: Sym) -> &str {
        self.strings.get(sym)
    }

    /// A name's main text.
    pub fn name(&self, name: &Name) -> &str {
        self.text(name.main)
    }

    pub fn len(&self) -> usize {
        self.columns.value.len()
    }

    pub fn is_empty(&self) -> bool {
        self.columns.value.is_empty()
    }

    /// The topmost ancestor of a node (itself if it has no parent). Parents always come before their children,
    /// so the walk ends.
    pub fn root_of(&self, mut id: NodeId) -> NodeId {
        while let Some(parent) = self.node(id).and_then(|n| n.parent) {
            id = parent;
        }
        id
    }

    /// Depth of every node (0 for a root), in one pass: parents come before children.
    pub fn depths(&self) -> Vec<u32> {
        let mut depth = Vec::with_capacity(self.nodes.len());
        for n in &self.nodes {
            let d = n
                .parent
                .and_then(|p| depth.get(p.0 as usize).copied())
                .map_or(0, |d: u32| d + 1);
            depth.push(d);
        }
        depth
    }

    /// How the derived amount with this origin index is computed.
    pub fn derivation(&self, index: u32) -> Option<&Derivation> {
        self.derivations.get(index as usize)
    }

    /// The amount at `id`.
    pub fn amount(&self, id: AmountId) -> Option<Amount<'_>> {
        let i = id.0 as usize;
        let c = &self.columns;
        let flags = *c.flags.get(i)?;
        Some(Amount {
            id,
            key: c
                .key
                .binary_search_by_key(&id.0, |(a, _)| *a)
                .ok()
                .and_then(|k| c.key.get(k))
                .map(|(_, s)| self.strings.get(*s)),
            node: *c.node.get(i)?,
            value: *c.value.get(i)?,
            currency: *c.currency.get(i)?,
            period: *c.period.get(i)?,
            phase: *c.phase.get(i)?,
            measure: *c.measure.get(i)?,
            direction: *c.direction.get(i)?,
            funding: *c.funding.get(i)?,
            split: *c.split.get(i)?,
            approximate: flags & APPROXIMATE != 0,
            rollup: flags & ROLLUP != 0,
            origin: c.origin.get(i)?,
        })
    }

    /// Every amount, in the order read.
    pub fn amounts(&self) -> impl Iterator<Item = Amount<'_>> + '_ {
        (0..self.len() as u32).filter_map(|i| self.amount(AmountId(i)))
    }

    /// How many amounts are parent rows that repeat their children and are left out of every sum.
    pub fn rollups(&self) -> usize {
        self.columns
            .flags
            .iter()
            .filter(|f| **f & ROLLUP != 0)
            .count()
    }

    /// Bytes held by the columns, nodes and strings (capacity, not counting allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        let c = &self.columns;
        c.key.capacity() * std::mem::size_of::<(u32, Sym)>()
            + c.node.capacity() * 4
            + c.value.capacity() * 8
            + c.currency.capacity() * 3
            + c.period.capacity() * std::mem::size_of::<Period>()
            + c.phase.capacity() * std::mem::size_of::<Phase>()
            + c.measure.capacity()
            + c.direction.capacity()
            + c.funding.capacity()
            + c.split.capacity()
            + c.flags.capacity()
            + c.origin.capacity() * std::mem::size_of::<Origin>()
            + self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.strings.heap_bytes()
    }
}
