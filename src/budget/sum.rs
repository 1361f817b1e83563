//! The one way amounts are added up: [`Budget::sum_by`], a checked group-by over any dimensions under any filter.
//!
//! What it never does, whatever is asked: add different periods, phases, measures, directions or currencies (they
//! are always part of the group key); count a parent row that repeats its children (a rollup); count a whole and its
//! funding parts together; count a derived amount that restates others (only a derived part completes a split).

use super::{
    AmountId, Budget, Currency, Direction, Funding, Measure, NodeId, Origin, Period, Phase, Split,
};
use std::collections::HashMap;

/// A dimension to group by, besides those always kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    /// The amount's own node.
    Node,
    /// Its ancestor at this depth (0 = top level); amounts on shallower nodes are left out.
    Depth(u32),
    /// The funding source: wholes split into parts are counted by their parts.
    Funding,
}

/// Which amounts take part; `None` lets every value through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only amounts on this node or under it.
    pub under: Option<NodeId>,
    pub period: Option<Period>,
    pub phase: Option<Phase>,
    pub measure: Option<Measure>,
    pub direction: Option<Direction>,
    pub funding: Option<Funding>,
}

/// What one group shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    pub period: Period,
    pub phase: Phase,
    pub measure: Measure,
    pub direction: Direction,
    pub currency: Currency,
    /// With [`Dim::Node`] or [`Dim::Depth`].
    pub node: Option<NodeId>,
    /// With [`Dim::Funding`].
    pub funding: Option<Funding>,
}

/// One group's checked total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    /// In the currency's smallest unit.
    pub total: i64,
    /// Amounts counted.
    pub rows: usize,
    /// Whether any amount counted is approximate.
    pub approximate: bool,
}

/// Why a sum could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SumError {
    /// The group's total does not fit in an `i64`; `at` is the amount that overflowed it.
    Overflow { key: GroupKey, at: AmountId },
    /// Two node dimensions were asked for at once.
    TwoNodeDims,
}

impl std::fmt::Display for SumError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            SumError::Overflow { key, at } => write!(
                f,
                "the total of {:?} {:?} {:?} {:?} in {} does not fit in 64 bits (at amount {})",
                key.period,
                key.phase,
                key.measure,
                key.direction,
                key.currency.code(),
                at.0 + 1
            ),
            SumError::TwoNodeDims => write!(f, "group by one node dimension at a time"),
        }
    }
}

impl std::error::Error for SumError {}

impl Budget {
    /// Totals grouped by `dims` over the amounts `filter` lets through, sorted by key. Linear in the amounts
    /// and nodes, plus sorting the groups.
    pub fn sum_by(&self, dims: &[Dim], filter: &Filter) -> Result<Vec<Group>, SumError> {
        let node_dims = dims
            .iter()
            .filter(|d| matches!(d, Dim::Node | Dim::Depth(_)))
            .count();
        if node_dims > 1 {
            return Err(SumError::TwoNodeDims);
        }
        let by_funding = dims.contains(&Dim::Funding);
        // The node each amount is grouped under, per node: itself, or its ancestor at a depth.
        let group_node: Option<Vec<Option<NodeId>>> = dims.iter().find_map(|d| match d {
            Dim::Node => Some(
                (0..self.nodes.len() as u32)
                    .map(|i| Some(NodeId(i)))
                    .collect(),
            ),
            Dim::Depth(depth) => Some(self.ancestors_at(*depth)),
            Dim::Funding => None,
        });
        let inside: Option<Vec<bool>> = filter.under.map(|root| self.subtree(root));
        // Each amount's group is found by three small integers: its class (period, phase, measure, direction and
        // currency, numbered as met), its node and its funding. Classes are few and repeat from one amount to the
        // next, so a class is looked up among the last few before the map; the integers then hash cheaply. (Node
        // and class numbers are given out here, in order, so no file can choose colliding keys.)
        type Class = (Period, Phase, Measure, Direction, Currency);
        let mut class_ids: HashMap<Class, u32> = HashMap::new();
        let mut recent: [Option<(Class, u32)>; 4] = [None; 4];
        let mut next_slot = 0usize;
        let mut index: rustc_hash::FxHashMap<(u32, u32, u8), usize> = Default::default();
        let mut out: Vec<Group> = Vec::new();
        for (i, amount) in self.amounts().enumerate() {
            if amount.rollup {
                continue;
            }
            let counted = match amount.split {
                Split::Whole => true,
                Split::WholeWithParts => !by_funding,
                Split::Part => by_funding,
            };
            let restates =
                matches!(amount.origin, Origin::Derived(_)) && amount.split != Split::Part;
            if !counted || restates {
                continue;
            }
            let node = amount.node.0 as usize;
            if let Some(inside) = &inside {
                if inside.get(node) != Some(&true) {
                    continue;
                }
            }
            if filter.period.is_some_and(|p| p != amount.period)
                || filter.phase.is_some_and(|p| p != amount.phase)
                || filter.measure.is_some_and(|m| m != amount.measure)
                || filter.direction.is_some_and(|d| d != amount.direction)
                || filter.funding.is_some_and(|f| f != amount.funding)
            {
                continue;
            }
            let group_of = match &group_node {
                None => None,
                Some(map) => match map.get(node).copied().flatten() {
                    Some(n) => Some(n),
                    None => continue,
                },
            };
            let key = GroupKey {
                period: amount.period,
                phase: amount.phase,
                measure: amount.measure,
                direction: amount.direction,
                currency: amount.currency,
                node: group_of,
                funding: by_funding.then_some(amount.funding),
            };
            let class: Class = (
                amount.period,
                amount.phase,
                amount.measure,
                amount.direction,
                amount.currency,
            );
            let class_id = match recent.iter().flatten().find(|(c, _)| *c == class) {
                Some((_, id)) => *id,
                None => {
                    let fresh = class_ids.len() as u32;
                    let id = *class_ids.entry(class).or_insert(fresh);
                    if let Some(slot) = recent.get_mut(next_slot % 4) {
                        *slot = Some((class, id));
                    }
                    next_slot += 1;
                    id
                }
            };
            let small = (
                class_id,
                group_of.map_or(u32::MAX, |n| n.0),
                key.funding.map_or(u8::MAX, |f| f as u8),
            );
            let at = *index.entry(small).or_insert_with(|| {
                out.push(Group {
                    key,
                    total: 0,
                    rows: 0,
                    approximate: false,
                });
                out.len() - 1
            });
            let Some(g) = out.get_mut(at) else {
                continue;
            };
            g.total = g
                .total
                .checked_add(amount.value)
                .ok_or(SumError::Overflow {
                    key,
                    at: AmountId(i as u32),
                })?;
            g.rows += 1;
            g.approximate |= amount.approximate;
        }
        out.sort_unstable_by_key(|g| g.key);
        Ok(out)
    }

    /// For every node, its ancestor (or itself) at `depth`; `None` for shallower nodes. One pass: parents come
    /// before their children.
    fn ancestors_at(&self, depth: u32) -> Vec<Option<NodeId>> {
        let depths = self.depths();
        let mut out: Vec<Option<NodeId>> = Vec::with_capacity(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            let d = depths.get(i).copied().unwrap_or(0);
            let a = if d == depth {
                Some(NodeId(i as u32))
            } else if d > depth {
                n.parent
                    .and_then(|p| out.get(p.0 as usize).copied().flatten())
            } else {
                None
            };
            out.push(a);
        }
        out
    }

    /// Which nodes are `root` or under it, in one pass.
    fn subtree(&self, root: NodeId) -> Vec<bool> {
        let mut inside: Vec<bool> = Vec::with_capacity(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            let yes = i as u32 == root.0
                || n.parent
                    .is_some_and(|p| inside.get(p.0 as usize).copied().unwrap_or(false));
            inside.push(yes);
        }
        inside
    }
}
