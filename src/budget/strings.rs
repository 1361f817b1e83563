//! Interned strings: each distinct text stored once and named by a `u32`, so a column of 100,000 repeated
//! 분야 names or file names costs 4 bytes a row.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// An interned string of one budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

/// No symbol: the end of a chain of symbols whose texts share a hash.
const NONE: u32 = u32::MAX;

/// Every text once, end to end in one arena: 100,000 node names cost their bytes plus about 30 bytes each, not an
/// allocation each.
#[derive(Clone, Debug, Default)]
pub struct Strings {
    arena: String,
    /// Where each symbol's text ends in the arena (it starts where the previous one ends).
    ends: Vec<usize>,
    /// Hash of a text → the last symbol with that hash; `next` chains the others, so a collision costs a
    /// comparison, never a wrong answer.
    index: HashMap<u64, u32>,
    next: Vec<u32>,
    hasher: RandomState,
}

impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        self.arena == other.arena && self.ends == other.ends
    }
}

impl Eq for Strings {}

impl Strings {
    /// The symbol of `text`, adding it the first time.
    pub fn intern(&mut self, text: &str) -> Sym {
        let hash = self.hasher.hash_one(text);
        if let Some(sym) = self.lookup(hash, text) {
            return sym;
        }
        let sym = self.ends.len() as u32;
        self.arena.push_str(text);
        self.ends.push(self.arena.len());
        let previous = self.index.insert(hash, sym).unwrap_or(NONE);
        self.next.push(previous);
        Sym(sym)
    }

    fn lookup(&self, hash: u64, text: &str) -> Option<Sym> {
        let mut at = *self.index.get(&hash)?;
        while at != NONE {
            if self.get(Sym(at)) == text {
                return Some(Sym(at));
            }
            at = self.next.get(at as usize).copied().unwrap_or(NONE);
        }
        None
    }

    /// The symbol of `text` if it was interned.
    pub fn find(&self, text: &str) -> Option<Sym> {
        self.lookup(self.hasher.hash_one(text), text)
    }

    /// The text of a symbol; "" for a symbol this table never gave out.
    pub fn get(&self, sym: Sym) -> &str {
        let i = sym.0 as usize;
        let start = match i.checked_sub(1) {
            None => 0,
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
        };
        self.ends
            .get(i)
            .and_then(|end| self.arena.get(start..*end))
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes held: the arena, the ends and chains, and the index (about 16 bytes a slot).
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.capacity() * std::mem::size_of::<usize>()
            + self.next.capacity() * 4
            + self.index.capacity() * 16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_gets_the_same_symbol() {
        let mut s = Strings::default();
        let a = s.intern("산업ㆍ중소기업및에너지");
        let b = s.intern("일반공공행정");
        assert_ne!(a, b);
        assert_eq!(s.intern("산업ㆍ중소기업및에너지"), a);
        assert_eq!(s.get(a), "산업ㆍ중소기업및에너지");
        assert_eq!(s.len(), 2);
        assert_eq!(s.find("없음"), None);
        assert_eq!(s.get(Sym(99)), "");
        // Many texts, the empty one among them, each back as it went in.
        let texts: Vec<String> = (0..10_000).map(|i| format!("세부사업 {i}")).collect();
        let syms: Vec<Sym> = texts.iter().map(|t| s.intern(t)).collect();
        let empty = s.intern("");
        assert_eq!(s.get(empty), "");
        for (t, sym) in texts.iter().zip(&syms) {
            assert_eq!(s.get(*sym), t);
            assert_eq!(s.find(t), Some(*sym));
        }
        assert_eq!(s.len(), 10_003);
    }
}
