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
    with_ellipsis(text, max_width, measure)
}

/// `text` + "…", dropping characters from the end until the whole fits (at worst just "…").
fn with_ellipsis(text: &str, max_width: f64, measure: impl Fn(&str) -> f64) -> String {
    let mut kept: Vec<char> = text.chars().collect();
    loop {
        // A trailing space before the ellipsis reads as a gap in the wrong place.
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
        lines.push(with_ellipsis(&current, max_width, |s| width(s, size)));
    } else if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
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
