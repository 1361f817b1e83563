//! A bar chart with its controls (unit, scale), the per-resident formula when that unit is chosen, and the
//! source under it. Control changes rewrite the URL, so the view can be shared as it is.

use super::{BarChartCanvas, RouteHandle, ToggleGroup};
use crate::chart::Scale;
use crate::model::Dataset;
use crate::view::route::{Route, Unit};
use crate::view::rows::pick;
use crate::view::units::{per_resident_formula, population, unit_name};
use crate::view::ChartView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    pub id: AttrValue,
    pub dataset: Rc<Dataset>,
    pub view: Rc<Result<ChartView, String>>,
    pub route: RouteHandle,
    /// Figure id used as the worked example in the per-resident formula.
    pub example_figure: AttrValue,
    #[prop_or_default]
    pub on_open: Option<Callback<usize>>,
}

#[function_component(ChartPanel)]
pub fn chart_panel(props: &ChartPanelProps) -> Html {
    let r: &Route = &props.route.route;
    let lang = r.lang;
    let units: Vec<(AttrValue, bool)> = Unit::ALL
        .iter()
        .map(|u| (AttrValue::from(unit_name(*u, lang)), *u == r.unit))
        .collect();
    let on_unit = {
        let (route, replace) = (r.clone(), props.route.replace.clone());
        Callback::from(move |i: usize| {
            if let Some(u) = Unit::ALL.get(i) {
                replace.emit(route.with_unit(*u));
            }
        })
    };
    let scales = [Scale::Linear, Scale::Log];
    let scale_options: Vec<(AttrValue, bool)> = vec![
        (
            pick(lang, "선형", "Linear").into(),
            r.scale == Scale::Linear,
        ),
        (
            pick(lang, "로그 (10배 눈금)", "Log (×10 steps)").into(),
            r.scale == Scale::Log,
        ),
    ];
    let on_scale = {
        let (route, replace) = (r.clone(), props.route.replace.clone());
        Callback::from(move |i: usize| {
            if let Some(s) = scales.get(i) {
                replace.emit(route.with_scale(*s));
            }
        })
    };
    let formula = (r.unit == Unit::PerResident)
        .then(|| {
            let f = props.dataset.figure(&props.example_figure)?;
            per_resident_formula(f, population(&props.dataset)?, lang)
        })
        .flatten();
    html! {
        <figure class="chart">
            <div class="controls">
                <ToggleGroup id={ format!("{}-unit", props.id) } label={ pick(lang, "단위", "Unit") }
                    options={ units } on_choose={ on_unit } />
                <ToggleGroup id={ format!("{}-scale", props.id) } label={ pick(lang, "눈금", "Scale") }
                    options={ scale_options } on_choose={ on_scale } />
            </div>
            if let Some(f) = formula {
                <p class="formula">{ f }</p>
            }
            {
                match &*props.view {
                    Ok(v) => html! {
                        <BarChartCanvas id={ props.id.clone() } chart={ v.chart.clone() } tips={ v.tips.clone() }
                            summary={ v.summary.clone() } lang={ lang } on_open={ props.on_open.clone() } />
                    },
                    Err(e) => html! { <p role="alert" class="error">{ e }</p> },
                }
            }
            <figcaption class="chart-source">{ crate::view::overview::source_note(&props.dataset, lang) }</figcaption>
        </figure>
    }
}
