//! What the screen shows, built from the trusted model: table rows, citations and chart input.
//!
//! Pure and natively tested, so the browser components only lay these values out. Dependencies point one way:
//! `model` ← `chart` ← `view` ← `ui`.

pub mod context;
pub mod export;
pub mod lang_runs;
pub mod overview;
pub mod route;
pub mod rows;
pub mod timeline;
pub mod units;
pub mod widget_params;
pub mod words;

pub use overview::{overview_chart, program_chart, ChartView, Tip};

/// The longest run without a space, in characters, that a table cell keeps whole when its column is narrow: longer
/// than a word or a Korean 어절 of a program's or figure's name (안산스마트허브재생혁신사업 is 13).
pub const LONG_WORD: usize = 24;

/// Whether `text` has a run of more than [`LONG_WORD`] characters without a space. The tables keep words whole
/// (a narrow column never splits "Provincial" or 안산스마트허브), so such a run would make its column, and the
/// table, as wide as the run, with the amounts scrolled out of view; a cell holding one lets it break anywhere.
pub fn has_long_word(text: &str) -> bool {
    text.split(char::is_whitespace)
        .any(|run| run.chars().nth(LONG_WORD).is_some())
}

/// The class of a table cell whose text has a long run ([`has_long_word`]), if it has.
pub fn long_word_class(text: &str) -> Option<&'static str> {
    has_long_word(text).then_some("long-words")
}

/// `s` safe inside HTML text and a double-quoted attribute: the embed snippet and the pre-rendered pages' head.
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
pub use rows::{figure_rows, FigureRow};

#[cfg(test)]
mod tests {
    use super::{has_long_word, long_word_class, LONG_WORD};

    #[test]
    fn only_a_run_longer_than_any_name_s_word_may_break_anywhere() {
        for kept in [
            "",
            "안산스마트허브 재생혁신사업",
            "Provincial grant won (Creativity Award)",
            "총 4천450억여원(민자 3천 500억원)을 들여",
        ] {
            assert!(!has_long_word(kept), "{kept}");
        }
        let edge = "가".repeat(LONG_WORD);
        assert!(
            !has_long_word(&edge),
            "{LONG_WORD} characters are kept whole"
        );
        assert!(has_long_word(&format!("{edge}나")));
        assert!(has_long_word(&format!("예산 {edge}나 사업")));
        assert!(has_long_word(&"https://example.org/".repeat(2)));
        assert_eq!(long_word_class("짧은 이름"), None);
        assert_eq!(
            long_word_class(&format!("짧은 {}", "x".repeat(LONG_WORD + 1))),
            Some("long-words")
        );
    }
}
