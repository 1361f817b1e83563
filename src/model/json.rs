//! A JSON document as a tree that remembers where each value starts, so every problem found later can name its
//! place: a JSON path (`programs[2].figures[0].amount`) and a line and column.
//!
//! The syntax is json-event-parser's (strict RFC 8259). Numbers keep the text they were written with, so an
//! amount is read as an exact integer and a float literal is reported as written. Building the tree is one pass,
//! without recursion: nesting deeper than [`MAX_DEPTH`] is refused, so no file can exhaust the stack.

use json_event_parser::{JsonEvent, LowLevelJsonParser, LowLevelJsonParserResult};

/// Deepest nesting of arrays and objects accepted. The data format needs six levels.
pub const MAX_DEPTH: usize = 64;

/// A value and the byte offset in the document where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub at: usize,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written (`445000000000`, `4.5e11`, `-0`).
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in the order written; a repeated key is kept, for the reader to report.
    Object(Vec<Member>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub key: String,
    /// Byte offset of the key's opening quote.
    pub at: usize,
    pub value: Node,
}

impl Value {
    /// What kind of value this is, for "expected …, found …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Why a document is not JSON: the parser's message, where, and the path of the value being read there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub path: String,
    pub message: String,
}

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `programs[2].figures[0].amount`; `.` for the document itself; `meta[" "]` for a key that is blank or holds
/// a path's own characters.
pub fn path_string(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            // A key that would read as part of the path, or not be seen (empty, spaces, `.`, brackets, quotes,
            // control characters), is written quoted: `a[" "]`, `meta["x.y"]`.
            Step::Key(k)
                if k.is_empty()
                    || k.chars().any(|c| {
                        c.is_whitespace() || c.is_control() || matches!(c, '.' | '[' | ']' | '"')
                    }) =>
            {
                out.push('[');
                out.push_str(&super::decode::quoted(k));
                out.push(']');
            }
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// An array or object still being read, and where it started.
enum Open {
    Array(usize, Vec<Node>),
    /// Members so far, and the key (with its offset) whose value comes next.
    Object(usize, Vec<Member>, Option<(String, usize)>),
}

/// The path of the value being read when the parser stopped, from the containers still open.
fn open_path(stack: &[Open]) -> String {
    let steps: Vec<Step> = stack
        .iter()
        .filter_map(|o| match o {
            Open::Array(_, items) => Some(Step::Index(items.len())),
            Open::Object(_, _, Some((key, _))) => Some(Step::Key(key)),
            // Between members: the problem is next to the last one read.
            Open::Object(_, members, None) => members.last().map(|m| Step::Key(&m.key)),
        })
        .collect();
    path_string(&steps)
}

/// Where the next token starts: after whitespace and the `,` or `:` before it.
fn token_start(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b':') = bytes.get(i) {
        i += 1;
    }
    i
}

/// Parses a whole document into a tree, or says where and why it is not JSON. Not inlined into its caller:
/// a small hot function reaches the browser's optimising compiler sooner (measured: 2.6 ms instead of 5.1 ms for
/// the shipped file on a cold load).
#[inline(never)]
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let bytes = text.as_bytes();
    let mut parser = LowLevelJsonParser::new().with_max_stack_size(MAX_DEPTH * 2);
    // Byte offset of the first byte the parser has not consumed yet.
    let mut offset = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let mut consumed_total = 0usize;
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let rest = bytes.get(consumed_total..).unwrap_or_default();
        let LowLevelJsonParserResult {
            consumed_bytes,
            event,
        } = parser.parse_next(rest, true);
        let start = token_start(bytes, offset.max(consumed_total));
        consumed_total += consumed_bytes;
        offset = consumed_total;
        let event = match event {
            None => continue,
            Some(Ok(event)) => event,
            Some(Err(e)) => {
                let at = usize::try_from(e.location().start.offset).unwrap_or(start);
                return Err(SyntaxError {
                    at: at.min(text.len()),
                    path: open_path(&stack),
                    message: e.message().to_owned(),
                });
            }
        };
        let scalar = match event {
            JsonEvent::Eof => break,
            JsonEvent::StartArray => {
                if stack.len() >= MAX_DEPTH {
                    return Err(SyntaxError {
                        at: start,
                        path: open_path(&stack),
                        message: format!("nested deeper than {MAX_DEPTH} levels"),
                    });
                }
                stack.push(Open::Array(start, Vec::new()));
                continue;
            }
            JsonEvent::StartObject => {
                if stack.len() >= MAX_DEPTH {
                    return Err(SyntaxError {
                        at: start,
                        path: open_path(&stack),
                        message: format!("nested deeper than {MAX_DEPTH} levels"),
                    });
                }
                stack.push(Open::Object(start, Vec::new(), None));
                continue;
            }
            JsonEvent::ObjectKey(key) => {
                if let Some(Open::Object(_, _, pending)) = stack.last_mut() {
                    *pending = Some((key.into_owned(), start));
                }
                continue;
            }
            JsonEvent::EndArray | JsonEvent::EndObject => match stack.pop() {
                Some(Open::Array(at, items)) => Node {
                    at,
                    value: Value::Array(items),
                },
                Some(Open::Object(at, members, _)) => Node {
                    at,
                    value: Value::Object(members),
                },
                None => continue,
            },
            JsonEvent::Null => Node {
                at: start,
                value: Value::Null,
            },
            JsonEvent::Boolean(b) => Node {
                at: start,
                value: Value::Bool(b),
            },
            JsonEvent::Number(n) => Node {
                at: start,
                value: Value::Number(n.into_owned()),
            },
            JsonEvent::String(s) => Node {
                at: start,
                value: Value::String(s.into_owned()),
            },
        };
        match stack.last_mut() {
            Some(Open::Array(_, items)) => items.push(scalar),
            Some(Open::Object(_, members, pending)) => {
                if let Some((key, at)) = pending.take() {
                    members.push(Member {
                        key,
                        at,
                        value: scalar,
                    });
                }
            }
            None => root = Some(scalar),
        }
    }
    root.ok_or_else(|| SyntaxError {
        at: 0,
        path: ".".to_owned(),
        message: "the file is empty".to_owned(),
    })
}

/// The (1-based line, 1-based column in characters) of each byte offset. One pass over the text records where
/// lines start and how many characters come before every 4 KB block; each lookup is then a binary search and at
/// most one block's count, so a minified file (one long line) with many problems stays linear.
pub fn positions(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    const BLOCK: usize = 4096;
    let bytes = text.as_bytes();
    let is_char_start = |b: &u8| *b & 0xC0 != 0x80;
    let mut line_starts = vec![0];
    let mut block_chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
    let mut chars = 0;
    for (i, b) in bytes.iter().enumerate() {
        if i % BLOCK == 0 {
            block_chars.push(chars);
        }
        chars += usize::from(is_char_start(b));
        if *b == b'\n' {
            line_starts.push(i + 1);
        }
    }
    let chars_before = |at: usize| {
        let block = at / BLOCK;
        let start = block * BLOCK;
        let base = block_chars.get(block).copied().unwrap_or(chars);
        base + bytes
            .get(start..at)
            .map_or(0, |b| b.iter().filter(|b| is_char_start(b)).count())
    };
    offsets
        .iter()
        .map(|&at| {
            let at = floor_boundary(text, at);
            let line = line_starts.partition_point(|&s| s <= at).max(1);
            let start = line_starts.get(line - 1).copied().unwrap_or(0);
            (line, chars_before(at) - chars_before(start) + 1)
        })
        .collect()
}

/// `at`, within the text and moved back to the start of the character it falls in.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_would_hide_in_a_path_are_quoted() {
        let path = |steps: &[Step]| path_string(steps);
        assert_eq!(path(&[Step::Key("meta"), Step::Key("id")]), "meta.id");
        assert_eq!(
            path(&[Step::Key("시계열"), Step::Index(3), Step::Key("세출")]),
            "시계열[3].세출"
        );
        assert_eq!(path(&[Step::Key(" ")]), "[\" \"]");
        assert_eq!(path(&[Step::Key("meta"), Step::Key("")]), "meta[\"\"]");
        assert_eq!(path(&[Step::Key("a.b"), Step::Key("c")]), "[\"a.b\"].c");
        assert_eq!(path(&[Step::Key("x\u{0}")]), "[\"x\\u{0}\"]");
    }

    fn kinds(node: &Node) -> String {
        match &node.value {
            Value::Array(items) => format!(
                "[{}]",
                items.iter().map(kinds).collect::<Vec<_>>().join(",")
            ),
            Value::Object(ms) => format!(
                "{{{}}}",
                ms.iter()
                    .map(|m| format!("{}@{}:{}", m.key, m.at, kinds(&m.value)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Value::Number(n) => format!("{n}@{}", node.at),
            Value::String(s) => format!("{s:?}@{}", node.at),
            other => format!("{}@{}", other.kind(), node.at),
        }
    }

    #[test]
    fn values_keep_their_offsets_and_numbers_their_text() {
        let text = "{ \"a\": [1, 4.5e11 ,\"x\\n\"], \"b\" :{}, \"a\": null, \"c\": true }";
        let tree = parse(text).expect("valid");
        assert_eq!(
            kinds(&tree),
            "{a@2:[1@8,4.5e11@11,\"x\\n\"@19],b@27:{},a@36:null@41,c@47:a boolean@52}"
        );
        assert_eq!(tree.at, 0);
        // Every recorded offset points at the first character of its token.
        for (at, c) in [
            (8, '1'),
            (11, '4'),
            (19, '"'),
            (27, '"'),
            (41, 'n'),
            (52, 't'),
        ] {
            assert_eq!(text[at..].chars().next(), Some(c), "{at}");
        }
    }

    #[test]
    fn a_byte_order_mark_and_scalars_at_the_root() {
        assert_eq!(
            parse("\u{feff} 12 ").expect("valid").value,
            Value::Number("12".into())
        );
        assert_eq!(parse("\u{feff}[]").expect("valid").at, 3);
        assert_eq!(
            parse("\"한\"").expect("valid").value,
            Value::String("한".into())
        );
    }

    #[test]
    fn syntax_errors_name_the_path_and_place() {
        let cases = [
            ("{\n  \"format\": \"x\",\n  \"meta\": ]\n}", "meta", 3, 11),
            ("{\"a\": [1, 2, }", "a[2]", 1, 14),
            ("{\"a\": [1, 2], \"b\": {\"c\": 01}}", "b.c", 1, 27),
            ("[1, 2,]", "[2]", 1, 7),
            ("", ".", 1, 1),
            ("{\"a\": 1} x", ".", 1, 10),
            ("{\"한글\": \"값\", \"b\": tru}", "b", 1, 18),
            ("{\"a\": \"\u{1}\"}", "a", 1, 8),
        ];
        for (text, path, line, column) in cases {
            let e = parse(text).expect_err(text);
            assert_eq!(e.path, path, "{text}: {e:?}");
            assert_eq!(positions(text, &[e.at]), [(line, column)], "{text}: {e:?}");
            assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).expect_err("too deep");
        assert!(e.message.contains("nested deeper"), "{e:?}");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert!(parse(&objects).is_err());
    }

    #[test]
    fn a_large_document_is_one_pass() {
        let text = format!(
            "[{}]",
            (0..100_000)
                .map(|i| format!("{{\"id\":\"r{i}\",\"amount\":{i}}}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let tree = parse(&text).expect("valid");
        let Value::Array(items) = tree.value else {
            panic!("an array")
        };
        assert_eq!(items.len(), 100_000);
        // One long line, a position near its end for every item: still one pass.
        let ends: Vec<usize> = text.match_indices('}').map(|(i, _)| i).collect();
        let found = positions(&text, &ends);
        assert_eq!(found.len(), 100_000);
        assert_eq!(found.last(), Some(&(1, text.chars().count() - 1)));
    }

    #[test]
    fn positions_count_characters_from_one() {
        let text = "ab\n한글x\r\nz";
        // Out of order, inside a character, past the end: each gets its own answer.
        assert_eq!(
            positions(text, &[text.len() - 1, 0, 9, 3, 4, 99]),
            [(3, 1), (1, 1), (2, 3), (2, 1), (2, 1), (3, 2)]
        );
        assert!(positions(text, &[]).is_empty());
        assert_eq!(path_string(&[]), ".");
        assert_eq!(
            path_string(&[Step::Key("a"), Step::Index(2), Step::Key("b")]),
            "a[2].b"
        );
    }
}
