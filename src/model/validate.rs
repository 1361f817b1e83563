//! Parsing and validation: raw JSON → `RawDataset` → trusted `Dataset`, or every problem found, each naming
//! the file, the JSON path and what was expected.

use super::dataset::{ContextFigure, Dataset, Figure, Meta, Period, Program, Provenance, Source};
use super::decode::{decode, quoted};
use super::format::{group_digits, korean};
use super::json::positions;
use super::money::Won;
use super::raw::{
    RawContextFigure, RawDataset, RawFigure, RawProgram, RawProvenance, Text, FORMAT,
};
use std::collections::HashMap;
use std::fmt;

/// One thing wrong with a file, at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `programs[2].figures[0].amount`; `.` for the whole document.
    pub path: String,
    /// Line and column in the file, where the parser knows them.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Why a file was refused: its name and every problem found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)?;
        if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {p}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for Invalid {}

impl Invalid {
    /// A file refused as a whole (its bytes, its encoding), with one problem at `.`.
    pub fn whole_file(file: &str, message: String) -> Invalid {
        Invalid {
            file: file.to_owned(),
            problems: vec![Problem {
                path: ".".to_owned(),
                position: None,
                message,
            }],
        }
    }
}

/// Parses and validates one data file. `file` is the name used in messages.
pub fn load(file: &str, json: &str) -> Result<Dataset, Invalid> {
    let raw = parse(file, json)?;
    validate(file, raw)
}

/// Parses JSON into the raw format: a syntax error, or every problem of keys, types and names, each with its
/// JSON path, line and column.
pub fn parse(file: &str, json: &str) -> Result<RawDataset, Invalid> {
    match super::json::parse(json) {
        Err(e) => Err(positioned(
            file,
            json,
            vec![(e.path, e.at, format!("not valid JSON: {}", e.message))],
        )),
        Ok(tree) => decode(&tree).map_err(|found| positioned(file, json, found)),
    }
}

/// Reads and validates a document already parsed into `tree` (from `json`, for positions).
pub fn load_parsed(file: &str, json: &str, tree: &super::json::Node) -> Result<Dataset, Invalid> {
    let raw = decode(tree).map_err(|found| positioned(file, json, found))?;
    validate(file, raw)
}

/// The decoder's problems with their lines and columns, found in one pass over the text.
fn positioned(file: &str, json: &str, found: Vec<super::decode::Found>) -> Invalid {
    let offsets: Vec<usize> = found.iter().map(|(_, at, _)| *at).collect();
    let problems = found
        .into_iter()
        .zip(positions(json, &offsets))
        .map(|((path, _, message), position)| Problem {
            path,
            position: Some(position),
            message,
        })
        .collect();
    Invalid {
        file: file.to_owned(),
        problems,
    }
}

/// Checks everything the decoder cannot: ids, years, provenance, formulas. Collects every problem, not just the first.
pub fn validate(file: &str, raw: RawDataset) -> Result<Dataset, Invalid> {
    let mut v = Validator::default();
    v.check(&raw);
    if v.problems.is_empty() {
        // `build` takes what `check` has vouched for; it has no defaults to fall back on, so anything `check`
        // missed is refused here rather than shown half made.
        build(raw).ok_or_else(|| Invalid {
            file: file.to_owned(),
            problems: vec![Problem {
                path: ".".to_owned(),
                position: None,
                message: "a figure's source is incomplete (its quote and line, or its formula)"
                    .to_owned(),
            }],
        })
    } else {
        Err(Invalid {
            file: file.to_owned(),
            problems: v.problems,
        })
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

/// The ids of one kind (programs, or figures) seen so far: where each was first used, and for a program's figure
/// which program and what amount. One map type for both kinds, looked up in constant time, so a file with
/// 100,000 figures and long headline lists is checked in linear time.
#[derive(Default)]
struct Ids<'r> {
    index: HashMap<&'r str, usize>,
    seen: Vec<Seen>,
}

struct Seen {
    path: String,
    /// For a program's figure: the program's index, its amount and whether the amount is approximate.
    figure: Option<(usize, Won, bool)>,
}

impl<'r> Ids<'r> {
    fn get(&self, id: &str) -> Option<&Seen> {
        self.index.get(id).and_then(|&i| self.seen.get(i))
    }
}

/// The years a file may name; the handover (`handover.rs`) holds decoded data to the same range.
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

enum Unreadable {
    /// Empty, or only spaces and invisible characters.
    Empty,
    /// Which control character is in it.
    Control(&'static str),
    /// A bidirectional control (an embedding, override or isolate, U+202A–U+202E, U+2066–U+2069): it reorders
    /// how what follows it is shown, to the end of its line in a table cell or a chart's label, so "50억원"
    /// could read "원억05". No Korean or English text needs one.
    Bidi(char),
}

impl Unreadable {
    /// "without …, found …" for a text with a character no page shows as written; `None` for an empty one,
    /// which has its own message.
    fn refusal(&self) -> Option<String> {
        match self {
            Unreadable::Empty => None,
            Unreadable::Control(what) => Some(format!("without control characters, found {what}")),
            Unreadable::Bidi(c) => Some(format!(
                "without bidirectional controls, found U+{:04X}, which reorders how the text after it is shown",
                u32::from(*c)
            )),
        }
    }
}

/// Whether `c` changes the direction of the text after it (marks such as U+200E, which only say the direction
/// of a neutral character, are not).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a text shows anything a reader can read: not empty, not only spaces or invisible characters
/// (zero-width spaces and joiners, word joiners, byte order marks, soft hyphens), and free of control characters
/// (NUL, escape, …; a line break is allowed).
fn readable(text: &str) -> Result<(), Unreadable> {
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(Unreadable::Control(if c == '\0' {
            "a NUL character"
        } else {
            "a control character"
        }));
    }
    if let Some(c) = text.chars().find(|c| is_bidi_control(*c)) {
        return Err(Unreadable::Bidi(c));
    }
    let invisible = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
    };
    if text.chars().all(invisible) {
        return Err(Unreadable::Empty);
    }
    Ok(())
}

/// Why `text` is longer than `max` characters (Unicode scalar values, as a reader counts them), or `None`.
/// `what` begins the message's noun: "a Korean" or "an English" for one language of a text, "a" for a text shown
/// as written ("expected a Korean text of at most …"). Counted only past `max` bytes: a character is at least
/// one byte in UTF-8.
fn too_long(text: &str, max: usize, what: &str) -> Option<String> {
    if text.len() <= max {
        return None;
    }
    let count = text.chars().count();
    (count > max).then(|| {
        let kind = if max <= MAX_NAME_CHARS {
            "a name, label or title, which the pages show as a heading and the charts as a label"
        } else {
            "a summary, description, note, quote or formula"
        };
        let n = |c: usize| group_digits(i64::try_from(c).unwrap_or(i64::MAX));
        format!(
            "expected {what} text of at most {} characters ({kind}), found {}",
            n(max),
            n(count)
        )
    })
}

/// Most figures one program may put in the overview: its bars stand side by side in one group. (It also keeps
/// looking a program's headline figures up among its figures linear in the size of the file.)
pub const MAX_HEADLINE: usize = 12;

/// Most programs a file may present: as many as a city department runs, not a whole city's line items (1,592
/// 세부사업 in 동두천시's 지방재정365 file, ../shared/realdata). The overview charts each in a row of its own (64 px on a phone, 46 on a
/// desktop), in both its charts and in three static drawings each, so its page grows by ~16 KB a program: 100 make
/// a 1.6 MB page (91 KB brotli) with a 6,481 px chart on a phone, 500 an 8.4 MB page (433 KB brotli, built in
/// 10 s) with a 32,081 px chart, which the app draws at reduced density or leaves as served where a canvas cannot
/// hold it. 2,000 made a 34 MB overview; 10,000, 174 MB and a build of 9.5 minutes. A budget's other lines stay in
/// its amounts and nodes, which budget-check totals.
pub const MAX_PROGRAMS: usize = 500;

/// Most characters in a name, label or title (a program's name, a figure's label, a chart's title): the pages show
/// it as a heading, a table's row head and a chart's label. A real budget line's name is well under 100.
pub const MAX_NAME_CHARS: usize = 200;

/// Most characters in any other text (a summary, a description, a note, a quote, a formula in words): a paragraph
/// or two. Without a limit one field pasted full of text made a page of megabytes.
pub const MAX_PROSE_CHARS: usize = 2_000;

/// Most figures one program may have: its page charts each in a row, as the overview does its programs.
pub const MAX_FIGURES: usize = 200;

/// Most figures in all, programs' and context figures together: the overview lists every one (its table, its
/// context section), ~0.5 KB each.
pub const MAX_ALL_FIGURES: usize = 5_000;

impl Validator {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            position: None,
            message: message.into(),
        });
    }

    /// A text in both languages: each readable and within `max` characters ([`MAX_NAME_CHARS`] for a name,
    /// [`MAX_PROSE_CHARS`] for anything longer).
    fn text(&mut self, path: &str, t: &Text, max: usize) {
        for (text, lang, name) in [(&t.ko, "ko", "a Korean"), (&t.en, "en", "an English")] {
            if let Some(message) = too_long(text, max, name) {
                self.problem(format!("{path}.{lang}"), message);
            }
            match readable(text) {
                Ok(()) => {}
                Err(Unreadable::Empty) => self.problem(
                    format!("{path}.{lang}"),
                    format!(
                        "expected a non-empty {} text",
                        name.rsplit(' ').next().unwrap_or(name)
                    ),
                ),
                Err(e) => {
                    if let Some(refusal) = e.refusal() {
                        self.problem(
                            format!("{path}.{lang}"),
                            format!("expected {name} text {refusal}"),
                        );
                    }
                }
            }
        }
    }

    /// A text of one language the pages show as written (a document's title, a verbatim quote): empty is
    /// judged by its own rule; control characters and bidirectional controls are refused as in [`Self::text`].
    fn shown(&mut self, path: &str, text: &str, max: usize) {
        if let Some(message) = too_long(text, max, "a") {
            self.problem(path, message);
        }
        if let Some(refusal) = readable(text).err().and_then(|e| e.refusal()) {
            self.problem(path, format!("expected text {refusal}"));
        }
    }

    fn year(&mut self, path: &str, year: i32) {
        if !YEARS.contains(&year) {
            self.problem(
                path,
                format!("expected a year between 1900 and 2100, found {year}"),
            );
        }
    }

    /// Checks an id's spelling and that it is new; records where it is first used.
    fn id<'r>(
        &mut self,
        path: &str,
        id: &'r str,
        ids: &mut Ids<'r>,
        figure: Option<(usize, Won, bool)>,
    ) {
        let slug = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug {
            self.problem(
                path,
                format!(
                    "expected an id of lowercase letters, digits and '-', found {}",
                    quoted(id)
                ),
            );
        }
        if let Some(first) = ids.get(id) {
            let msg = format!(
                "duplicate id {}, already used at {}",
                quoted(id),
                first.path
            );
            self.problem(path, msg);
        } else {
            ids.index.insert(id, ids.seen.len());
            ids.seen.push(Seen {
                path: path.to_owned(),
                figure,
            });
        }
    }

    fn check(&mut self, raw: &RawDataset) {
        if raw.format != FORMAT {
            self.problem(
                "format",
                format!("expected {}, found {}", quoted(FORMAT), quoted(&raw.format)),
            );
        }
        let m = &raw.meta;
        if m.id.trim().is_empty() {
            self.problem("meta.id", "expected a non-empty id");
        }
        self.text("meta.title", &m.title, MAX_NAME_CHARS);
        if let Some(note) = &m.note {
            self.text("meta.note", note, MAX_PROSE_CHARS);
        }
        if let Some(c) = &m.charts {
            if let Some(t) = &c.overview {
                self.text("meta.charts.overview", t, MAX_NAME_CHARS);
            }
            if let Some(t) = &c.timeline {
                self.text("meta.charts.timeline", t, MAX_NAME_CHARS);
            }
        }
        self.text("meta.source.kind", &m.source.kind, MAX_NAME_CHARS);
        if m.source.title.trim().is_empty() {
            self.problem("meta.source.title", "expected the source document's title");
        }
        self.shown("meta.source.title", &m.source.title, MAX_NAME_CHARS);
        self.shown("meta.source.document", &m.source.document, MAX_NAME_CHARS);
        if m.source.document.trim().is_empty() {
            self.problem(
                "meta.source.document",
                "expected the source document's file name",
            );
        }
        self.year("meta.source.year", m.source.year);
        self.year("meta.as_of_year", m.as_of_year);
        if raw.programs.is_empty() {
            self.problem("programs", "expected at least one program");
        }
        self.sizes(raw);

        let mut program_ids = Ids::default();
        // Context figures and programs' figures share one namespace; a program's figure keeps its amount, for
        // checking derived formulas anywhere in the file.
        let mut figure_ids = Ids::default();

        for (i, c) in raw.context.iter().enumerate() {
            let path = format!("context[{i}]");
            self.context_figure(&path, c, m.illustrative, &mut figure_ids);
        }
        for (i, p) in raw.programs.iter().enumerate() {
            let path = format!("programs[{i}]");
            self.program(
                &path,
                i,
                p,
                m.illustrative,
                &mut program_ids,
                &mut figure_ids,
            );
        }
        for (i, p) in raw.programs.iter().enumerate() {
            for (j, f) in p.figures.iter().enumerate() {
                if let RawProvenance::Derived { plus, minus, .. } = &f.provenance {
                    let path = format!("programs[{i}].figures[{j}]");
                    self.formula(&path, f, plus, minus, &figure_ids);
                }
            }
        }
        self.derivation_cycles(raw);
    }

    /// The limits above, each named with what it keeps within.
    fn sizes(&mut self, raw: &RawDataset) {
        if raw.programs.len() > MAX_PROGRAMS {
            self.problem(
                "programs",
                format!(
                    "expected at most {MAX_PROGRAMS} programs, which the overview charts one row each, found {}: \
                     present the programs the pages are about",
                    raw.programs.len()
                ),
            );
        }
        for (i, p) in raw.programs.iter().enumerate() {
            if p.figures.len() > MAX_FIGURES {
                self.problem(
                    format!("programs[{i}].figures"),
                    format!(
                        "expected at most {MAX_FIGURES} figures, which the program's page charts one row each, \
                         found {}",
                        p.figures.len()
                    ),
                );
            }
        }
        let all = raw.context.len() + raw.programs.iter().map(|p| p.figures.len()).sum::<usize>();
        if all > MAX_ALL_FIGURES {
            self.problem(
                "programs",
                format!(
                    "expected at most {MAX_ALL_FIGURES} figures in all (programs' and context figures), which the \
                     overview lists one by one, found {all}"
                ),
            );
        }
    }

    /// Derived figures computed from one another in a circle (a from b, b from a) explain nothing: each needs the
    /// other first, even when the amounts happen to agree. One problem per circle, at the figure it was found
    /// from, naming the circle. Iterative depth-first search: linear, and no recursion for a long chain.
    fn derivation_cycles(&mut self, raw: &RawDataset) {
        let mut nodes: Vec<(String, &str, Vec<&str>)> = Vec::new();
        for (i, p) in raw.programs.iter().enumerate() {
            for (j, f) in p.figures.iter().enumerate() {
                if let RawProvenance::Derived { plus, minus, .. } = &f.provenance {
                    let terms = plus.iter().chain(minus).map(String::as_str).collect();
                    nodes.push((format!("programs[{i}].figures[{j}]"), f.id.as_str(), terms));
                }
            }
        }
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (k, (_, id, _)) in nodes.iter().enumerate() {
            index.entry(id).or_insert(k);
        }
        // 0: not seen, 1: on the current path, 2: done.
        let mut state = vec![0u8; nodes.len()];
        for start in 0..nodes.len() {
            if state.get(start) != Some(&0) {
                continue;
            }
            // (node, next term to look at)
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            if let Some(s) = state.get_mut(start) {
                *s = 1;
            }
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let term = nodes.get(node).and_then(|(_, _, t)| t.get(*next)).copied();
                *next += 1;
                let Some(term) = term else {
                    if let Some(s) = state.get_mut(node) {
                        *s = 2;
                    }
                    stack.pop();
                    continue;
                };
                let Some(&to) = index.get(term) else { continue };
                match state.get(to) {
                    Some(0) => {
                        if let Some(s) = state.get_mut(to) {
                            *s = 1;
                        }
                        stack.push((to, 0));
                    }
                    Some(1) => {
                        let from = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        let circle: Vec<&str> = stack
                            .get(from..)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|(n, _)| nodes.get(*n).map(|(_, id, _)| *id))
                            .chain(nodes.get(to).map(|(_, id, _)| *id))
                            .collect();
                        if let Some((path, _, _)) = nodes.get(to) {
                            self.problem(
                                format!("{path}.provenance"),
                                format!(
                                    "expected a formula over figures not derived from this one, found the circle {}",
                                    circle.join(" → ")
                                ),
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn context_figure<'r>(
        &mut self,
        path: &str,
        c: &'r RawContextFigure,
        illustrative: bool,
        ids: &mut Ids<'r>,
    ) {
        self.id(&format!("{path}.id"), &c.id, ids, None);
        self.text(&format!("{path}.label"), &c.label, MAX_NAME_CHARS);
        if c.value < 0 {
            self.problem(
                format!("{path}.value"),
                format!("expected a value of 0 or more, found {}", c.value),
            );
        }
        if matches!(c.provenance, RawProvenance::Derived { .. }) {
            self.problem(
                format!("{path}.provenance.type"),
                "expected \"reported\" or \"illustrative\": context figures cannot be derived",
            );
        }
        self.provenance(&format!("{path}.provenance"), &c.provenance, illustrative);
    }

    fn program<'r>(
        &mut self,
        path: &str,
        index: usize,
        p: &'r RawProgram,
        illustrative: bool,
        program_ids: &mut Ids<'r>,
        figure_ids: &mut Ids<'r>,
    ) {
        self.id(&format!("{path}.id"), &p.id, program_ids, None);
        self.text(&format!("{path}.name"), &p.name, MAX_NAME_CHARS);
        self.text(&format!("{path}.summary"), &p.summary, MAX_PROSE_CHARS);
        self.text(
            &format!("{path}.description"),
            &p.description,
            MAX_PROSE_CHARS,
        );
        if let Some(lead) = &p.lead {
            self.text(&format!("{path}.lead"), lead, MAX_NAME_CHARS);
        }
        for (k, partner) in p.partners.iter().enumerate() {
            self.text(&format!("{path}.partners[{k}]"), partner, MAX_NAME_CHARS);
        }
        if let Some(note) = &p.period.note {
            self.text(&format!("{path}.period.note"), note, MAX_PROSE_CHARS);
        }
        if let Some(note) = &p.note {
            self.text(&format!("{path}.note"), note, MAX_PROSE_CHARS);
        }
        if let Some(start) = p.period.start {
            self.year(&format!("{path}.period.start"), start);
        }
        if let Some(end) = p.period.end {
            self.year(&format!("{path}.period.end"), end);
        }
        if let (Some(start), Some(end)) = (p.period.start, p.period.end) {
            if end < start {
                self.problem(
                    format!("{path}.period.end"),
                    format!("expected an end year at or after the start year {start}, found {end}"),
                );
            }
        }
        if p.figures.is_empty() {
            self.problem(format!("{path}.figures"), "expected at least one figure");
        }
        for (j, f) in p.figures.iter().enumerate() {
            let path = format!("{path}.figures[{j}]");
            self.figure(&path, f, illustrative);
            let figure = Some((index, f.amount, f.approximate));
            self.id(&format!("{path}.id"), &f.id, figure_ids, figure);
        }
        if p.headline.is_empty() {
            self.problem(
                format!("{path}.headline"),
                "expected the id of at least one figure of this program",
            );
        }
        if p.headline.len() > MAX_HEADLINE {
            self.problem(
                format!("{path}.headline"),
                format!(
                    "expected at most {MAX_HEADLINE} figures, which the overview shows side by side, found {}",
                    p.headline.len()
                ),
            );
        }
        for (k, id) in p.headline.iter().enumerate() {
            // At most 12 entries get this far without a problem already, so looking back is cheap.
            let earlier =
                p.headline.len() <= MAX_HEADLINE && p.headline.iter().take(k).any(|h| h == id);
            if earlier {
                self.problem(
                    format!("{path}.headline[{k}]"),
                    format!("expected each figure once, found {} again", quoted(id)),
                );
                continue;
            }
            let ours = figure_ids
                .get(id)
                .and_then(|seen| seen.figure)
                .is_some_and(|(program, ..)| program == index);
            if !ours {
                self.problem(
                    format!("{path}.headline[{k}]"),
                    format!(
                        "expected the id of a figure of this program, found {}",
                        quoted(id)
                    ),
                );
            }
        }
    }

    fn figure(&mut self, path: &str, f: &RawFigure, illustrative: bool) {
        self.text(&format!("{path}.label"), &f.label, MAX_NAME_CHARS);
        if f.amount <= Won::ZERO {
            self.problem(
                format!("{path}.amount"),
                format!(
                    "expected a positive amount in whole won, found {}",
                    f.amount.get()
                ),
            );
        }
        if let Some(until) = f.until {
            self.year(&format!("{path}.until"), until);
        }
        if let Some(note) = &f.note {
            self.text(&format!("{path}.note"), note, MAX_PROSE_CHARS);
        }
        self.provenance(&format!("{path}.provenance"), &f.provenance, illustrative);
    }

    fn provenance(&mut self, path: &str, p: &RawProvenance, illustrative: bool) {
        match p {
            RawProvenance::Reported { quote, line } => {
                if quote.as_deref().is_none_or(|q| q.trim().is_empty()) {
                    self.problem(
                        format!("{path}.quote"),
                        "expected the verbatim quote from the source: a reported figure needs it",
                    );
                }
                if let Some(q) = quote {
                    self.shown(&format!("{path}.quote"), q, MAX_PROSE_CHARS);
                }
                if line.is_none_or(|l| l == 0) {
                    self.problem(
                        format!("{path}.line"),
                        "expected the source line (1 or more): a reported figure needs it",
                    );
                }
            }
            RawProvenance::Derived { formula, plus, .. } => {
                match formula {
                    Some(t) => self.text(&format!("{path}.formula"), t, MAX_PROSE_CHARS),
                    None => self.problem(
                        format!("{path}.formula"),
                        "expected how the figure is derived, in words (ko and en)",
                    ),
                }
                if plus.is_empty() {
                    self.problem(
                        format!("{path}.plus"),
                        "expected the ids of the figures it is derived from",
                    );
                }
            }
            RawProvenance::Illustrative { note } => {
                if let Some(note) = note {
                    self.text(&format!("{path}.note"), note, MAX_PROSE_CHARS);
                }
                if !illustrative {
                    self.problem(
                        format!("{path}.type"),
                        "expected \"reported\" or \"derived\": illustrative figures belong only in a file whose \
                         meta.illustrative is true",
                    );
                }
            }
        }
    }

    fn formula(
        &mut self,
        path: &str,
        f: &RawFigure,
        plus: &[String],
        minus: &[String],
        figure_ids: &Ids,
    ) {
        let mut terms = Vec::new();
        let mut ok = true;
        for (list, name) in [(plus, "plus"), (minus, "minus")] {
            for (k, id) in list.iter().enumerate() {
                if id == &f.id {
                    self.problem(
                        format!("{path}.provenance.{name}[{k}]"),
                        "a figure cannot be derived from itself",
                    );
                    ok = false;
                } else if let Some((_, amount, approx)) = figure_ids.get(id).and_then(|s| s.figure)
                {
                    terms.push((name == "plus", amount, approx));
                } else {
                    self.problem(
                        format!("{path}.provenance.{name}[{k}]"),
                        format!(
                            "expected the id of a figure in this file, found {}",
                            quoted(id)
                        ),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            return;
        }
        let computed = terms.iter().try_fold(Won::ZERO, |acc, &(add, amount, _)| {
            if add {
                acc.checked_add(amount)
            } else {
                acc.checked_sub(amount)
            }
        });
        match computed {
            None => self.problem(format!("{path}.provenance"), "the formula overflows"),
            Some(c) if c != f.amount => self.problem(
                format!("{path}.amount"),
                format!(
                    "expected {} ({}), as the formula gives, found {} ({})",
                    c.get(),
                    korean(c),
                    f.amount.get(),
                    korean(f.amount)
                ),
            ),
            Some(_) => {}
        }
        if terms.iter().any(|t| t.2) && !f.approximate {
            self.problem(
                format!("{path}.approximate"),
                "expected true: the figure is derived from an approximate figure",
            );
        }
    }
}

/// A figure's source as the trusted model holds it: `None` where the raw one lacks its quote and line (a
/// reported figure) or its formula (a derived one), which `check` refuses first.
fn provenance(raw: RawProvenance) -> Option<Provenance> {
    Some(match raw {
        RawProvenance::Reported { quote, line } => Provenance::Reported {
            quote: quote?,
            line: line.filter(|l| *l > 0)?,
        },
        RawProvenance::Derived {
            formula,
            plus,
            minus,
        } => Provenance::Derived {
            formula: formula?,
            plus,
            minus,
        },
        RawProvenance::Illustrative { note } => Provenance::Illustrative { note },
    })
}

/// The trusted dataset from a raw one `check` found nothing wrong with; `None` if a part it needs is missing.
fn build(raw: RawDataset) -> Option<Dataset> {
    let m = raw.meta;
    Some(Dataset {
        meta: Meta {
            id: m.id,
            title: m.title,
            source: Source {
                title: m.source.title,
                kind: m.source.kind,
                year: m.source.year,
                document: m.source.document,
            },
            as_of_year: m.as_of_year,
            illustrative: m.illustrative,
            note: m.note,
            charts: m.charts.unwrap_or_default(),
        },
        context: raw
            .context
            .into_iter()
            .map(|c| {
                Some(ContextFigure {
                    id: c.id,
                    label: c.label,
                    value: c.value,
                    unit: c.unit,
                    comparison: c.comparison,
                    provenance: provenance(c.provenance)?,
                })
            })
            .collect::<Option<_>>()?,
        programs: raw
            .programs
            .into_iter()
            .map(|p| {
                Some(Program {
                    id: p.id,
                    name: p.name,
                    summary: p.summary,
                    description: p.description,
                    lead: p.lead,
                    partners: p.partners,
                    period: Period {
                        start: p.period.start,
                        end: p.period.end,
                        note: p.period.note,
                    },
                    headline: p.headline,
                    figures: p
                        .figures
                        .into_iter()
                        .map(|f| {
                            Some(Figure {
                                id: f.id,
                                label: f.label,
                                kind: f.kind,
                                amount: f.amount,
                                funding: f.funding,
                                approximate: f.approximate,
                                until: f.until,
                                provenance: provenance(f.provenance)?,
                                note: f.note,
                            })
                        })
                        .collect::<Option<_>>()?,
                    note: p.note,
                })
            })
            .collect::<Option<_>>()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `check` refuses, `build` cannot make either: no empty quote or line 0 stands in for a missing one.
    #[test]
    fn a_source_without_its_parts_is_not_built() {
        let reported = |quote: Option<&str>, line| RawProvenance::Reported {
            quote: quote.map(str::to_owned),
            line,
        };
        assert!(provenance(reported(None, Some(8))).is_none());
        assert!(provenance(reported(Some("총 4천450억여원"), None)).is_none());
        assert!(provenance(reported(Some("총 4천450억여원"), Some(0))).is_none());
        assert_eq!(
            provenance(reported(Some("총 4천450억여원"), Some(8))),
            Some(Provenance::Reported {
                quote: "총 4천450억여원".to_owned(),
                line: 8
            })
        );
        let derived = RawProvenance::Derived {
            formula: None,
            plus: vec!["total".to_owned()],
            minus: vec![],
        };
        assert!(provenance(derived).is_none());
    }
}
