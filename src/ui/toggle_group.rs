//! A labelled group of toggle buttons (`aria-pressed`), for unit and scale: rendered as served, pressed and
//! answered by `live_chart`.

use yew::prelude::*;

pub struct ToggleGroupProps {
    /// The element id of the group (e.g. `unit-toggle`).
    pub id: AttrValue,
    /// The visible label, also the group's accessible name.
    pub label: AttrValue,
    /// (button text, pressed) per option.
    pub options: Vec<(AttrValue, bool)>,
}

/// A plain function, not a component (see `canvas_markup`).
pub fn toggle_group(props: ToggleGroupProps) -> Html {
    let label_id = format!("{}-label", props.id);
    html! {
        <div class="control">
            <span class="control-label" id={ label_id.clone() }>{ &props.label }</span>
            <div id={ props.id.clone() } class="toggle-group" role="group" aria-labelledby={ label_id }>
                { for props.options.iter().map(|(text, pressed)| html! {
                    <button type="button" class="toggle" aria-pressed={ pressed.to_string() }>{ text }</button>
                }) }
            </div>
        </div>
    }
}
