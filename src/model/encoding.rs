//! The bytes of a data file as text: one decision for the browser and the checker alike. UTF-8 (with or without a
//! byte order mark) is read; anything else is refused with what it looks like and where it stops being UTF-8, so no
//! page ever shows mojibake and the checker calls such a file invalid (exit 1), not unreadable.

use super::validate::Invalid;

/// The text of `bytes`, or why it is not a UTF-8 data file, as a problem of `file`.
pub fn decode_text(file: &str, bytes: &[u8]) -> Result<String, Invalid> {
    let refuse = |message: String| Invalid::whole_file(file, message);
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec())
            .map_err(|e| refuse(not_utf8(rest, e.utf8_error().valid_up_to() + 3)));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse(
            "expected UTF-8 text, found UTF-16 (it starts with a UTF-16 byte order mark): save the file as UTF-8"
                .to_owned(),
        ));
    }
    String::from_utf8(bytes.to_vec())
        .map_err(|e| refuse(not_utf8(bytes, e.utf8_error().valid_up_to())))
}

/// What a file that stops being UTF-8 at `offset` looks like.
fn not_utf8(bytes: &[u8], offset: usize) -> String {
    let what = looks_like(bytes);
    format!(
        "expected UTF-8 text, found {what}: not UTF-8 from byte {offset}; save the file as UTF-8"
    )
}

/// What bytes that are not UTF-8 look like, for a message ("a ZIP archive (a spreadsheet such as .xlsx?)"); shared
/// with the table decoder (`import::text`), which words its refusals the same way.
pub(crate) fn looks_like(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"PK\x03\x04") {
        "a ZIP archive (a spreadsheet such as .xlsx?)"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "an old Office document (a .xls spreadsheet?)"
    } else if bytes.iter().take(4096).filter(|b| **b == 0).count() > 8 {
        "binary data or UTF-16 without a byte order mark"
    } else if looks_like_cp949(bytes) {
        "Korean text in CP949 / EUC-KR"
    } else {
        "text in an encoding other than UTF-8"
    }
}

/// Whether the non-ASCII bytes pair up as CP949 (EUC-KR and its extension): a lead byte 0x81–0xFE followed by a
/// trail byte 0x41–0xFE, for nearly all of them.
fn looks_like_cp949(bytes: &[u8]) -> bool {
    let (mut pairs, mut strays) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x41..=0xFE).contains(&t) => {
                pairs += 1;
                i += 2;
            }
            _ => {
                strays += 1;
                i += 1;
            }
        }
    }
    pairs > 0 && strays * 10 <= pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(bytes: &[u8]) -> String {
        match decode_text("x.json", bytes) {
            Ok(t) => format!("ok: {t}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn utf8_with_or_without_a_byte_order_mark_is_read() {
        assert_eq!(message("{\"a\": \"한\"}".as_bytes()), "ok: {\"a\": \"한\"}");
        assert_eq!(message(b"\xEF\xBB\xBF{}"), "ok: {}");
    }

    #[test]
    fn other_encodings_are_named_with_the_byte_where_utf8_stops() {
        // "안산" in CP949 is B0 C8 BB EA.
        let cp949 = b"{\"name\": \"\xBE\xC8\xBB\xEA\"}";
        let m = message(cp949);
        assert!(
            m.contains("CP949 / EUC-KR") && m.contains("from byte 10"),
            "{m}"
        );
        assert!(m.starts_with("x.json: .: expected UTF-8 text"), "{m}");
        let m = message(b"\xFF\xFE{\x00}\x00");
        assert!(m.contains("UTF-16"), "{m}");
        let m = message(b"PK\x03\x04\x14\x00\x06\x00\xA0\xB1\xC2");
        assert!(m.contains("ZIP"), "{m}");
        let m = message(&[0u8, 0x9F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert!(m.contains("binary"), "{m}");
        let m = message(b"{\"a\": \"caf\xE9\"}");
        assert!(
            m.contains("other than UTF-8") && m.contains("from byte 10"),
            "{m}"
        );
    }
}
