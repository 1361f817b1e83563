//! Text measurement by estimate: width from character classes, truncation with an ellipsis, greedy wrapping.
//!
//! Layout never asks the backend how wide a string is: on a canvas that costs a DOM layout per label
//! (plotters' web font measures with a hidden `<span>`). A per-character estimate is deterministic, runs
//! natively in tests, and errs wide so labels do not collide.

/// Width of one character in em. Hangul, CJK and other non-ASCII glyphs are treated as full-width (1 em),
/// which is right for Noto Sans CJK and too wide (safe) for accented Latin; ASCII is about half an em.
fn char_em(c: char) -> f64 {
    if c == ' ' {
        0.3
    } else if c.is_ascii() {
        0.55
    } else {
        1.0
    }
}

/// Estimated width in px of `text` at font size `size` px.
pub(crate) fn width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// Bold glyphs run slightly wider; the estimate pads for it rather than risk an overlap.
pub(crate) fn bold_width(text: &str, size: f64) -> f64 {
    width(text, size) * 1.06
}

const ELLIPSIS: char = '…';

/// `text` shortened from the end (with "…") until its estimate fits `max_width`; unchanged if it fits.
pub(crate) fn fit(text: &str, size: f64, max_width: f64, bold: bool) -> String {
    let px_per_em = if bold { size * 1.06 } else { size };
    if width(text, size) * if bold { 1.06 } else { 1.0 } <= max_width {
        return text.to_owned();
    }
    with_ellipsis(text, max_width, px_per_em)
}

/// The longest start of `text` that fits `max_width` with "…" after it (at worst just "…"), found in one pass:
/// widths add up character by character, so nothing is measured twice (an 80,000-character label used to be
/// re-measured 80,000 times).
fn with_ellipsis(text: &str, max_width: f64, px_per_em: f64) -> String {
    let room = max_width - char_em(ELLIPSIS) * px_per_em;
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        used += char_em(c) * px_per_em;
        if used > room {
            break;
        }
        end = i + c.len_utf8();
    }
    // A trailing space before the ellipsis reads as a gap in the wrong place.
    let mut out = text.get(..end).unwrap_or_default().trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// Greedy word wrap into at most `max_lines` lines of `max_width`; words longer than a line break
/// between characters (Korean phrases are often long). Text left over after the last line is cut with "…".
pub(crate) fn wrap(text: &str, size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if max_lines == 0 {
        return lines;
    }
    let mut current = String::new();
    let mut overflow = false;
    'words: for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate, size) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            if lines.len() + 1 >= max_lines {
                overflow = true;
                break 'words;
            }
            lines.push(std::mem::take(&mut current));
        }
        // The word starts a fresh line; split it by characters if it alone is too wide.
        for c in word.chars() {
            let mut next = current.clone();
            next.push(c);
            if width(&next, size) > max_width && !current.is_empty() {
                if lines.len() + 1 >= max_lines {
                    overflow = true;
                    break 'words;
                }
                lines.push(std::mem::take(&mut current));
                current.push(c);
            } else {
                current = next;
            }
        }
    }
    if overflow {
        lines.push(with_ellipsis(&current, max_width, size));
    } else if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    /// The one-pass shortening gives what dropping one character at a time and re-measuring gave.
    fn shortened_slowly(text: &str, size: f64, max_width: f64, bold: bool) -> String {
        let measure = |s: &str| {
            if bold {
                bold_width(s, size)
            } else {
                width(s, size)
            }
        };
        if measure(text) <= max_width {
            return text.to_owned();
        }
        let mut kept: Vec<char> = text.chars().collect();
        loop {
            while kept.last().is_some_and(|c| c.is_whitespace()) {
                kept.pop();
            }
            let mut candidate: String = kept.iter().collect();
            candidate.push(ELLIPSIS);
            if kept.is_empty() || measure(&candidate) <= max_width {
                return candidate;
            }
            kept.pop();
        }
    }

    #[test]
    fn shortening_is_one_pass_and_the_same_as_before() {
        for text in [
            "안산스마트허브 재생혁신사업 총사업비",
            "SME “hidden champion” support",
            "a  b  c d",
            "한",
        ] {
            for max in [0.0, 5.0, 20.0, 47.5, 80.0, 130.0, 400.0] {
                for bold in [false, true] {
                    assert_eq!(
                        fit(text, 13.0, max, bold),
                        shortened_slowly(text, 13.0, max, bold),
                        "{text:?} in {max} px, bold {bold}"
                    );
                }
            }
        }
        let long = "가".repeat(80_000);
        let short = fit(&long, 13.0, 200.0, true);
        assert!(
            short.ends_with(ELLIPSIS) && short.chars().count() < 20,
            "{short}"
        );
    }

    use super::*;

    #[test]
    fn hangul_is_full_width_and_ascii_about_half() {
        assert_eq!(width("청년", 10.0), 20.0);
        assert!((width("ab", 10.0) - 11.0).abs() < 1e-9);
        assert!(width("≈4,450억원", 12.0) > width("4,450", 12.0));
    }

    #[test]
    fn fit_keeps_short_text_and_cuts_long_text_with_ellipsis() {
        assert_eq!(fit("도비 유치", 13.0, 200.0, false), "도비 유치");
        let cut = fit("청년 창업 인큐베이팅 지원 사업", 13.0, 80.0, false);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(width(&cut, 13.0) <= 80.0, "{cut}");
        // Even a zero budget yields a string (just the ellipsis), never a panic.
        assert_eq!(fit("청년", 13.0, 0.0, true), "…");
    }

    #[test]
    fn wrap_breaks_on_words_then_characters_and_caps_lines() {
        let cases: &[(&str, f64, usize, usize)] = &[
            // text, max width, max lines, expected line count
            ("출처: 안산시 예산서", 400.0, 2, 1),
            (
                "출처: 안산시 2025년도 세입세출 예산서 사업명세서",
                150.0,
                2,
                2,
            ),
            ("가나다라마바사아자차카타파하가나다라마바사", 60.0, 2, 2),
            ("", 100.0, 2, 0),
        ];
        for &(text, max_w, max_lines, expected) in cases {
            let lines = wrap(text, 11.0, max_w, max_lines);
            assert_eq!(lines.len(), expected, "{text:?} -> {lines:?}");
            for line in &lines {
                assert!(width(line, 11.0) <= max_w + 1e-9, "{line:?} too wide");
            }
        }
        let long = wrap(
            "출처: 안산시 2025년도 세입세출 예산서 사업명세서",
            11.0,
            100.0,
            2,
        );
        assert!(long.last().is_some_and(|l| l.ends_with('…')), "{long:?}");
    }
}
