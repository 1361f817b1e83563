//! Interned strings: each distinct text stored once and named by a `u32`, so a column of 100,000 repeated
//! 분야 names or file names costs 4 bytes a row.

use std::collections::HashMap;
use std::rc::Rc;

/// An interned string of one budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

#[derive(Clone, Debug, Default)]
pub struct Strings {
    list: Vec<Rc<str>>,
    index: HashMap<Rc<str>, Sym>,
}

impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        self.list == other.list
    }
}

impl Eq for Strings {}

impl Strings {
    /// The symbol of `text`, adding it the first time.
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(s) = self.index.get(text) {
            return *s;
        }
        let sym = Sym(self.list.len() as u32);
        let rc: Rc<str> = Rc::from(text);
        self.list.push(rc.clone());
        self.index.insert(rc, sym);
        sym
    }

    /// The symbol of `text` if it was interned.
    pub fn find(&self, text: &str) -> Option<Sym> {
        self.index.get(text).copied()
    }

    /// The text of a symbol; "" for a symbol this table never gave out.
    pub fn get(&self, sym: Sym) -> &str {
        self.list.get(sym.0 as usize).map_or("", |s| s)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Approximate bytes held: each text once, plus the list and the index.
    pub fn heap_bytes(&self) -> usize {
        self.list.iter().map(|s| s.len() + 16).sum::<usize>()
            + self.list.capacity() * 16
            + self.index.capacity() * 24
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
    }
}
