//! Where in a JSON document a parse error happened, as a path (`programs[2].figures[0].amount`): found by
//! scanning the text up to the position serde_json reports, instead of tracking the path during every
//! deserialisation (serde_path_to_error did that; its wrappers, instantiated for every type of the format,
//! were about 5 KB brotli of the `.wasm`, for an error path taken once per bad file).

enum Frame {
    Object {
        /// The member being read, once its key has been read.
        key: Option<String>,
        expect_key: bool,
    },
    Array {
        index: usize,
    },
}

/// Byte offset of serde_json's (1-based line, column) position: the column counts bytes after the line's start.
fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        json.match_indices('\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1)
    };
    start.saturating_add(column).min(json.len())
}

/// The path of the value serde_json was reading at (`line`, `column`); `.` for the document itself. With
/// `whole_object`, the error is about the object being read (a missing field, found at its closing brace),
/// so the last member read is not part of the path.
pub fn json_path_at(json: &str, line: usize, column: usize, whole_object: bool) -> String {
    let end = offset_of(json, line, column);
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // Whether the last thing read closed an object: an error just after it is about that object.
    let mut closed_object = false;
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        if !b.is_ascii_whitespace() {
            closed_object = false;
        }
        match b {
            b'{' => stack.push(Frame::Object {
                key: None,
                expect_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            // A bracket that does not close the innermost container is the syntax error itself.
            b'}' if matches!(stack.last(), Some(Frame::Object { .. })) => {
                stack.pop();
                closed_object = true;
            }
            b']' if matches!(stack.last(), Some(Frame::Array { .. })) => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expect_key }) => {
                    *key = None;
                    *expect_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        *key = json.get(start..i.min(json.len())).map(str::to_owned);
                        *expect_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    if whole_object && !closed_object {
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position serde_json reports for deserialising `json` into `T`, and the path found from it.
    fn located<T: serde::de::DeserializeOwned>(json: &str) -> String {
        let e = serde_json::from_str::<T>(json).err().expect("an error");
        let missing = e.to_string().starts_with("missing field");
        json_path_at(json, e.line(), e.column(), missing)
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        amount: i64,
        #[serde(default)]
        name: String,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Nested {
        meta: Inner,
        items: Vec<Inner>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        items: Vec<Inner>,
        #[serde(default)]
        tags: Vec<u8>,
    }

    /// The path serde_path_to_error (kept as a dev-dependency for this comparison) gives for the same error.
    fn tracked<T: serde::de::DeserializeOwned>(json: &str) -> String {
        let de = &mut serde_json::Deserializer::from_str(json);
        let e = serde_path_to_error::deserialize::<_, T>(de)
            .err()
            .expect("an error");
        e.path().to_string()
    }

    #[test]
    fn paths_of_errors_compact_and_pretty_match_a_path_tracking_deserialiser() {
        let cases = [
            (r#"{"items":[{"amount":1},{"amount":4.5}]}"#, "items[1].amount"),
            (
                "{\n  \"items\": [\n    {\"amount\": 1, \"name\": \"a,\\\"}[b\"},\n    {\"amount\": \"x\"}\n  ]\n}",
                "items[1].amount",
            ),
            (r#"{"items":[{"amount":1,"amout":2}]}"#, "items[0].amout"),
            (r#"{"items":[{"name":"x"}]}"#, "items[0]"),
            (r#"{"tags":[1]}"#, "."),
            (r#"{"items":[],"tags":[1,300]}"#, "tags[1]"),
            (r#"{"items":[{"amount":1},{"amount":2,"name":7}]}"#, "items[1].name"),
            (r#"{"items":{"amount":1}}"#, "items"),
        ];
        for (json, want) in [
            (r#"{"meta":{"name":"x"},"items":[]}"#, "meta"),
            ("{\n  \"meta\": {\n    \"name\": \"x\"\n  }\n}", "meta"),
            (r#"{"meta":{"amount":1}}"#, "."),
            ("{\n  \"meta\": ]\n}", "meta"),
        ] {
            assert_eq!(located::<Nested>(json), want, "{json}");
            assert_eq!(
                tracked::<Nested>(json),
                want,
                "serde_path_to_error on {json}"
            );
        }
        for (json, want) in cases {
            assert_eq!(located::<Outer>(json), want, "{json}");
            assert_eq!(
                tracked::<Outer>(json),
                want,
                "serde_path_to_error on {json}"
            );
        }
    }

    #[test]
    fn never_panics_on_odd_positions() {
        for json in ["", "\"", "{\"a", "[[[", "{\"a\":\"\\"] {
            for line in 0..4 {
                for column in 0..8 {
                    let _ = json_path_at(json, line, column, line % 2 == 0);
                }
            }
        }
    }
}
