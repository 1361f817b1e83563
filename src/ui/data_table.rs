//! Any exported table (`view::export::Table`) as an HTML table: the text alternative of charts whose rows are
//! not figures (the timeline), identical to what their CSV download holds.

use crate::view::export::{Cell, Table};
use crate::view::long_word_class;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub id: AttrValue,
    pub caption: AttrValue,
    pub table: Rc<Table>,
}

#[function_component(DataTable)]
pub fn data_table(props: &DataTableProps) -> Html {
    let caption_id = format!("{}-caption", props.id);
    let cell = |c: &Cell| match c {
        Cell::Text(t) => html! { <td class={ long_word_class(t) }>{ t }</td> },
        Cell::Int(n) => html! { <td class="num">{ n }</td> },
        Cell::Empty => html! { <td></td> },
    };
    html! {
        <div class="table-scroll" role="region" aria-labelledby={ caption_id.clone() } tabindex="0">
            <table id={ props.id.clone() } class="figures">
                <caption id={ caption_id }>{ &props.caption }</caption>
                <thead>
                    <tr>{ for props.table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr>
                </thead>
                <tbody>
                    { for props.table.rows.iter().map(|row| html! { <tr>{ for row.iter().map(cell) }</tr> }) }
                </tbody>
            </table>
        </div>
    }
}
