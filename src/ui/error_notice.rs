//! The one way a problem reaches the screen, in the explorer and in widgets: a short sentence in the reader's
//! language, then each problem on its own line (with its file and JSON path where there is one), and where it
//! helps a way on. An alert, so a screen reader says it at once.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// What happened, in one sentence.
    pub summary: AttrValue,
    /// One line per problem.
    pub lines: Vec<String>,
    /// Shown after the lines, e.g. a link to the explorer.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(ErrorNotice)]
pub fn error_notice(props: &ErrorNoticeProps) -> Html {
    html! {
        <div role="alert" class="error">
            <p><strong>{ &props.summary }</strong></p>
            <ul>{ for props.lines.iter().map(|l| html! { <li><code>{ l }</code></li> }) }</ul>
            { props.children.clone() }
        </div>
    }
}
