//! The figures as an HTML table beside every chart: the text alternative, with each figure's source.

use super::DataRef;
use crate::model::Lang;
use crate::view::long_word_class;
use crate::view::rows::{figure_rows, Source};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiguresTableProps {
    pub dataset: DataRef,
    #[prop_or_default]
    pub lang: Lang,
    /// Only this program's rows; all rows when `None`.
    #[prop_or_default]
    pub program: Option<AttrValue>,
}

#[function_component(FiguresTable)]
pub fn figures_table(props: &FiguresTableProps) -> Html {
    let mut rows = figure_rows(&props.dataset, props.lang);
    if let Some(id) = &props.program {
        rows.retain(|r| r.program_id.as_str() == id.as_str());
    }
    let ko = props.lang == Lang::Ko;
    let head = |k: &'static str, e: &'static str| if ko { k } else { e };
    html! {
        <div class="table-scroll" role="region" aria-labelledby="figures-caption" tabindex="0">
            <table id="figures-table" class="figures">
                <caption id="figures-caption">
                    { head("보도된 금액과 출처", "Reported amounts and their sources") }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ head("사업", "Program") }</th>
                        <th scope="col">{ head("항목", "Figure") }</th>
                        <th scope="col" class="num">{ head("금액", "Amount") }</th>
                        <th scope="col">{ head("재원", "Funded by") }</th>
                        <th scope="col">{ head("출처", "Source") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr key={r.figure_id.clone()} data-figure={r.figure_id.clone()}>
                            <th scope="row" class={ long_word_class(&r.program) }>{ &r.program }</th>
                            <td class={ long_word_class(&r.label) } data-label={ head("항목", "Figure") }>
                                { &r.label }
                                if let Some(until) = &r.until {
                                    <span class="muted">{ format!(" · {until}") }</span>
                                }
                            </td>
                            <td class="num" data-label={ head("금액", "Amount") }>
                                <span class="amount">{ &r.amount }</span>
                                <br />
                                <span class="exact muted">{ &r.amount_exact }</span>
                            </td>
                            <td data-label={ head("재원", "Funded by") }>{ super::lang_text(r.funding, props.lang) }</td>
                            <td class={ classes!("source", source_long_words(&r.source)) } data-label={ head("출처", "Source") }>{ source_cell(&r.source, props.lang) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn source_long_words(source: &Source) -> Option<&'static str> {
    long_word_class(match source {
        Source::Quote { quote, .. } => quote,
        Source::Derived { how } => how,
        Source::Illustrative { note } => note,
    })
}

fn source_cell(source: &Source, lang: Lang) -> Html {
    match source {
        Source::Quote {
            quote,
            document,
            line,
        } => html! {
            <>
                <q lang="ko">{ quote }</q>
                <br />
                <cite class="muted">{ super::lang_text(&format!("{document}, {line}"), lang) }</cite>
            </>
        },
        Source::Derived { how } => {
            html! { <span class="derived">{ super::lang_text(how, lang) }</span> }
        }
        Source::Illustrative { note } => html! { <span class="illustrative">{ note }</span> },
    }
}
