//! Linear / log switch for a bar chart: two toggle buttons with `aria-pressed`.

use crate::chart::Scale;
use crate::model::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScaleToggleProps {
    pub scale: Scale,
    pub on_change: Callback<Scale>,
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(ScaleToggle)]
pub fn scale_toggle(props: &ScaleToggleProps) -> Html {
    let ko = props.lang == Lang::Ko;
    let button = |scale: Scale, label: &'static str, hint: &'static str| {
        let on_change = props.on_change.clone();
        let pressed = props.scale == scale;
        html! {
            <button type="button" class="toggle" aria-pressed={ pressed.to_string() } title={ hint }
                onclick={ Callback::from(move |_| on_change.emit(scale)) }>
                { label }
            </button>
        }
    };
    html! {
        <div id="scale-toggle" class="toggle-group" role="group"
            aria-label={ if ko { "눈금 방식" } else { "Scale" } }>
            { button(Scale::Linear, if ko { "선형 눈금" } else { "Linear" },
                if ko { "막대 길이가 금액에 비례합니다" } else { "Bar length proportional to the amount" }) }
            { button(Scale::Log, if ko { "로그 눈금" } else { "Log" },
                if ko { "작은 금액도 잘 보이도록 10배 단위 눈금을 씁니다" } else { "Powers of ten, so small amounts stay visible" }) }
        </div>
    }
}
