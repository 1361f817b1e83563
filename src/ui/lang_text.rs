//! Text with its other-language runs marked: on an English page the Korean article title in
//! `<span lang="ko">`, on a Korean page `Enter` or `PNG` in `<span lang="en">`, so a screen reader switches
//! voice for each (see `view::lang_runs`).

use crate::model::Lang;
use crate::view::lang_runs::lang_runs;
use yew::prelude::*;

/// `text` as nodes, its runs in the language other than `page`'s wrapped in a span with their `lang`.
pub fn lang_text(text: &str, page: Lang) -> Html {
    let pieces = lang_runs(text, page)
        .into_iter()
        .map(|(lang, piece)| match lang {
            Some(l) => html! { <span lang={ l.tag() }>{ piece.to_owned() }</span> },
            None => html! { piece.to_owned() },
        });
    pieces.collect::<Html>()
}
