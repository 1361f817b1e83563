//! Which parts of a text are in the other language, so each can carry its own `lang`: the Korean article's
//! title and quotes inside an English sentence, English words inside a Korean one. A screen reader then reads
//! Hangul with Korean rules on an English page.
//!
//! A run of the other language starts at its first letter and ends at its last; spaces, digits and punctuation
//! between two of its letters belong to it (`“안산시, 지역경제 선순환 ‘올인’”` stays one run), those around it
//! stay with the page's language.

use crate::model::Lang;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Hangul,
    Latin,
    Neutral,
}

fn script(c: char) -> Script {
    match c {
        '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
            Script::Hangul
        }
        'A'..='Z' | 'a'..='z' => Script::Latin,
        _ => Script::Neutral,
    }
}

/// `text` cut into consecutive pieces, each with `Some(lang)` where it is in the language other than `page`'s
/// and `None` where it is in the page's language (or neutral). The pieces joined are `text`.
pub fn lang_runs(text: &str, page: Lang) -> Vec<(Option<Lang>, &str)> {
    let (foreign, other) = match page {
        Lang::En => (Script::Hangul, Lang::Ko),
        Lang::Ko => (Script::Latin, Lang::En),
    };
    let mut out = Vec::new();
    // Byte offsets: where the current page-language piece starts, and the current foreign run's bounds.
    let mut start = 0;
    let mut run: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match script(c) {
            s if s == foreign => {
                run = Some(run.map_or((i, end), |(b, _)| (b, end)));
            }
            Script::Neutral => {}
            _ => {
                if let Some((b, e)) = run.take() {
                    push(&mut out, text, start, b, None);
                    push(&mut out, text, b, e, Some(other));
                    start = e;
                }
            }
        }
    }
    if let Some((b, e)) = run {
        push(&mut out, text, start, b, None);
        push(&mut out, text, b, e, Some(other));
        start = e;
    }
    push(&mut out, text, start, text.len(), None);
    out
}

fn push<'a>(
    out: &mut Vec<(Option<Lang>, &'a str)>,
    text: &'a str,
    from: usize,
    to: usize,
    lang: Option<Lang>,
) {
    if let Some(piece) = text.get(from..to).filter(|p| !p.is_empty()) {
        out.push((lang, piece));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, page: Lang) -> String {
        lang_runs(text, page)
            .into_iter()
            .map(|(l, s)| match l {
                Some(l) => format!("[{}:{s}]", l.tag()),
                None => s.to_owned(),
            })
            .collect()
    }

    #[test]
    fn korean_inside_english_and_english_inside_korean() {
        assert_eq!(
            show(
                "Source: “안산시, 지역경제 선순환 ‘올인’” (2015), line 8",
                Lang::En
            ),
            "Source: “[ko:안산시, 지역경제 선순환 ‘올인]’” (2015), line 8"
        );
        assert_eq!(
            show("Provincial grant (도비) of KRW 1.9 billion", Lang::En),
            "Provincial grant ([ko:도비]) of KRW 1.9 billion"
        );
        assert_eq!(
            show("키보드: 화살표로 막대 이동, Enter로 사업 보기.", Lang::Ko),
            "키보드: 화살표로 막대 이동, [en:Enter]로 사업 보기."
        );
        assert_eq!(show("그림 PNG", Lang::Ko), "그림 [en:PNG]");
        assert_eq!(show("only English here", Lang::En), "only English here");
        assert_eq!(show("한국어만", Lang::Ko), "한국어만");
        assert_eq!(show("", Lang::En), "");
        assert_eq!(show("한국어", Lang::En), "[ko:한국어]");
    }

    #[test]
    fn the_pieces_are_the_text() {
        for (text, page) in [
            ("Source: “안산시” (2015) — “오는 2021년까지 총 4천450억여원(민자 3천 500억원)을 들여”", Lang::En),
            ("a한b글c 1, 2 d", Lang::En),
            ("KRW 5 billion 강소 SME", Lang::Ko),
        ] {
            let joined: String = lang_runs(text, page).into_iter().map(|(_, s)| s).collect();
            assert_eq!(joined, text);
        }
    }
}
