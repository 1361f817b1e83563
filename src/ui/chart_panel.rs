//! A bar chart with its controls (unit, scale; optional), the per-resident formula when that unit is chosen,
//! the source under it (optional) and whatever the page adds below (its menu), as it is served (and as a
//! widget first shows it); `live_chart` changes what a unit or scale changes.

use super::DataRef;
use super::{canvas_markup, toggle_group, CanvasMarkupProps, ToggleGroupProps};
use crate::chart::export::Picture;
use crate::chart::Scale;
use crate::model::Lang;
use crate::view::route::Unit;
use crate::view::rows::pick;
use crate::view::units::unit_name;
use crate::view::ChartView;
use std::rc::Rc;
use yew::prelude::*;

pub struct ChartPanelProps {
    pub id: AttrValue,
    /// The chart's title: the accessible name of its `<figure>`.
    pub title: AttrValue,
    pub dataset: DataRef,
    pub view: Rc<Result<ChartView, String>>,
    pub lang: Lang,
    pub unit: Unit,
    pub scale: Scale,
    pub show_controls: bool,
    pub show_source: bool,
    /// The per-resident formula, where that unit is shown ([`super::chart_section::formula`]).
    pub formula: Option<String>,
    /// Whether a bar opens its program.
    pub opens: bool,
    /// Shown under the chart, inside its figure (the download menu).
    pub children: Html,
}

/// A plain function, not a component (see `canvas_markup`).
pub fn chart_panel(props: ChartPanelProps) -> Html {
    let lang = props.lang;
    let units: Vec<(AttrValue, bool)> = Unit::ALL
        .iter()
        .map(|u| (AttrValue::from(unit_name(*u, lang)), *u == props.unit))
        .collect();
    let scale_options: Vec<(AttrValue, bool)> = vec![
        (
            pick(lang, "선형", "Linear").into(),
            props.scale == Scale::Linear,
        ),
        (
            pick(lang, "로그 (10배 눈금)", "Log (×10 steps)").into(),
            props.scale == Scale::Log,
        ),
    ];
    html! {
        <figure class="chart" aria-label={ props.title.clone() }>
            if props.show_controls {
                <div class="controls">
                    { toggle_group(ToggleGroupProps {
                        id: format!("{}-unit", props.id).into(),
                        label: pick(lang, "단위", "Unit").into(),
                        options: units,
                    }) }
                    { toggle_group(ToggleGroupProps {
                        id: format!("{}-scale", props.id).into(),
                        label: pick(lang, "눈금", "Scale").into(),
                        options: scale_options,
                    }) }
                </div>
            }
            if let Some(f) = props.formula.clone() {
                <p class="formula">{ f }</p>
            }
            {
                match &*props.view {
                    Ok(v) => canvas_markup(CanvasMarkupProps {
                        id: props.id.clone(),
                        picture: Picture::Bars(&v.chart),
                        tips: v.tips.clone(),
                        summary: v.summary.clone().into(),
                        lang,
                        opens: props.opens,
                    }),
                    Err(e) => html! { <p role="alert" class="error">{ e }</p> },
                }
            }
            // Always there, as the chart's description (`{id}-source`); `source=hide` only hides it from the eye.
            <figcaption id={ format!("{}-source", props.id) }
                class={ classes!("chart-source", (!props.show_source).then_some("visually-hidden")) }>
                { super::lang_text(&crate::view::overview::source_note(&props.dataset, lang), lang) }
            </figcaption>
            { props.children.clone() }
        </figure>
    }
}
