//! A table's bytes as text: UTF-8 (with or without BOM) or CP949 / EUC-KR, decoded with encoding_rs, saying which.
//!
//! Valid UTF-8 is always read as UTF-8, even when its bytes would also pair up as CP949 (a UTF-8 `é` is a CP949
//! Hangul syllable): a table saved as UTF-8 must never come out as mojibake. Only bytes that are not UTF-8 are tried
//! as CP949 (the WHATWG EUC-KR decoder, which is CP949), strictly, without replacement characters. Anything else is
//! refused in the words of `model::encoding` (what the bytes look like, where UTF-8 stops), and so is a file that is
//! UTF-8 for whole lines of Korean and then not: such a file mixes encodings, and no single reading of it is right.

use crate::model::encoding::looks_like;
use crate::model::Invalid;

/// The name given for a table read as CP949.
pub const CP949: &str = "CP949 (EUC-KR)";

/// The text of a table file and the name of its encoding (`UTF-8`, `UTF-8 (with BOM)` or [`CP949`]), or why it
/// cannot be read as one, as a problem of `file`.
pub fn decode_table(file: &str, bytes: &[u8]) -> Result<(String, &'static str), Invalid> {
    let refuse = |message: String| Invalid::whole_file(file, message);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse(
            "expected UTF-8 or CP949 text, found UTF-16 (it starts with a UTF-16 byte order mark): save the file as UTF-8"
                .to_owned(),
        ));
    }
    // Spreadsheets and binary files are refused before any decoding: NUL bytes and a ZIP header are valid UTF-8
    // (or CP949) often enough to be read as a table of garbage otherwise.
    let binary = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
        || bytes.iter().take(4096).filter(|b| **b == 0).count() > 8;
    if binary {
        return Err(refuse(format!(
            "expected a text table (CSV), found {}: save it as CSV in UTF-8",
            looks_like(bytes)
        )));
    }
    let (body, bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let utf8_error = match std::str::from_utf8(body) {
        Ok(text) => {
            let name = if bom == 0 {
                "UTF-8"
            } else {
                "UTF-8 (with BOM)"
            };
            return Ok((text.to_owned(), name));
        }
        Err(e) => e.valid_up_to(),
    };
    let offset = utf8_error + bom;
    if bom > 0 {
        return Err(refuse(format!(
            "expected UTF-8 text after the UTF-8 byte order mark, found bytes that are not UTF-8 from byte {offset}: \
             the file mixes encodings; save it as UTF-8"
        )));
    }
    let valid = body.get(..utf8_error).unwrap_or_default();
    if let Some(line) = utf8_line_before(valid) {
        return Err(refuse(format!(
            "expected one encoding, found UTF-8 text (non-ASCII on line {line}) and then bytes that are not UTF-8 \
             from byte {offset} (line {}): the file mixes encodings; save it as UTF-8",
            line_of(valid, utf8_error)
        )));
    }
    match cp949(body) {
        Ok(text) => Ok((text, CP949)),
        Err(cp_offset) => {
            let what = looks_like(body);
            Err(refuse(format!(
                "expected UTF-8 or CP949 text, found {what}: not UTF-8 from byte {offset}, not CP949 from byte \
                 {cp_offset}; save the file as UTF-8"
            )))
        }
    }
}

/// `bytes` decoded as CP949 without replacement, or the byte offset of the first sequence that is not CP949.
fn cp949(bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding_rs::EUC_KR.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .ok_or(0usize)?;
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(out),
        encoding_rs::DecoderResult::Malformed(bad, extra) => {
            Err(read.saturating_sub(usize::from(extra) + usize::from(bad)))
        }
        encoding_rs::DecoderResult::OutputFull => Err(read),
    }
}

/// The 1-based number of the first whole line of `valid` (UTF-8 that ends where the file stops being UTF-8) that
/// has non-ASCII characters: evidence that the file was written as UTF-8. Text in CP949 almost never forms valid
/// UTF-8 for a whole line of Korean, so this does not refuse CP949 files.
fn utf8_line_before(valid: &[u8]) -> Option<usize> {
    let mut line = 1;
    let mut non_ascii = false;
    for b in valid {
        if *b == b'\n' {
            if non_ascii {
                return Some(line);
            }
            line += 1;
        } else if *b >= 0x80 {
            non_ascii = true;
        }
    }
    None
}

/// The 1-based line of byte `at` of `bytes`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes
        .get(..at)
        .unwrap_or(bytes)
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<(String, &'static str), String> {
        decode_table("t.csv", bytes).map_err(|e| e.to_string())
    }

    #[test]
    fn utf8_is_read_as_utf8_with_or_without_bom() {
        assert_eq!(
            read("분야,금액\n".as_bytes()),
            Ok(("분야,금액\n".to_owned(), "UTF-8"))
        );
        assert_eq!(
            read(b"\xEF\xBB\xBFa,b\n"),
            Ok(("a,b\n".to_owned(), "UTF-8 (with BOM)"))
        );
    }

    #[test]
    fn valid_utf8_whose_bytes_are_also_cp949_stays_utf8() {
        // "é" is C3 A9 in UTF-8, and C3 A9 is a Hangul syllable in CP949: the whole text decodes either way.
        let text = "Café,é\n";
        assert!(encoding_rs::EUC_KR
            .decode_without_bom_handling_and_without_replacement(text.as_bytes())
            .is_some());
        assert_eq!(read(text.as_bytes()), Ok((text.to_owned(), "UTF-8")));
    }

    #[test]
    fn cp949_is_decoded_and_named() {
        // "안산,1" in CP949: 안 = BE C8, 산 = BB EA.
        assert_eq!(
            read(b"\xBE\xC8\xBB\xEA,1\n"),
            Ok(("안산,1\n".to_owned(), CP949))
        );
    }

    #[test]
    fn a_cp949_line_in_a_utf8_file_is_refused_with_its_byte() {
        let mut bytes = "분야,금액\n사회복지,1\n".as_bytes().to_vec();
        let offset = bytes.len();
        bytes.extend_from_slice(b"\xBE\xC8\xBB\xEA,2\n");
        let m = read(&bytes).unwrap_err();
        assert!(
            m.contains("mixes encodings") && m.contains(&format!("from byte {offset} (line 3)")),
            "{m}"
        );
    }

    #[test]
    fn not_utf8_after_a_bom_is_refused() {
        let m = read(b"\xEF\xBB\xBFa,b\n\xBE\xC8,1\n").unwrap_err();
        assert!(m.contains("from byte 7"), "{m}");
    }

    #[test]
    fn other_bytes_are_refused_saying_what_they_look_like() {
        let m = read(b"\xFF\xFEa\x00").unwrap_err();
        assert!(m.contains("UTF-16"), "{m}");
        let m = read(b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert!(m.contains("ZIP") && m.contains(".xlsx"), "{m}");
        let m = read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]).unwrap_err();
        assert!(m.contains(".xls"), "{m}");
        let m = read(&[
            b'a', 0, b'b', 0, b'c', 0, b'd', 0, b'e', 0, b'f', 0, b'g', 0, b'h', 0, b'i', 0,
        ])
        .unwrap_err();
        assert!(m.contains("binary data or UTF-16"), "{m}");
        // Latin-1 "café," : E9 2C is neither UTF-8 nor a CP949 pair.
        let m = read(b"caf\xE9,1\n").unwrap_err();
        assert!(
            m.contains("not UTF-8 from byte 3") && m.contains("not CP949 from byte 3"),
            "{m}"
        );
    }
}
