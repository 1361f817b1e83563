//! The root component: loads the Ansan data file once and shows the overview, or why it cannot.

use super::{fetch_dataset, BarChartCanvas, FiguresTable, LoadError, ScaleToggle};
use crate::chart::Scale;
use crate::model::{Dataset, Lang};
use crate::view::{overview_chart, overview_summary};
use std::rc::Rc;
use yew::prelude::*;

/// Where the app finds its data, relative to the page.
pub const DATA_URL: &str = "data/ansan-2015.json";

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Loaded(Rc<Dataset>),
    Failed(Rc<LoadError>),
}

#[function_component(App)]
pub fn app() -> Html {
    let load = use_state(|| Load::Loading);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match fetch_dataset(DATA_URL).await {
                    Ok(d) => Load::Loaded(Rc::new(d)),
                    Err(e) => Load::Failed(Rc::new(e)),
                });
            });
        });
    }
    let lang = Lang::Ko;
    html! {
        <>
            <header class="site-header">
                <div class="wrap">
                    <p class="site-name">{ "안산시 예산 탐색기" }</p>
                </div>
            </header>
            <main id="main" class="wrap">
                <h1>{ "안산시 3대 경제 프로그램, 얼마를 들이나" }</h1>
                {
                    match &*load {
                        Load::Loading => html! {
                            <p role="status" class="status">{ "자료를 불러오는 중입니다… (Loading the data)" }</p>
                        },
                        Load::Failed(e) => failed(e),
                        Load::Loaded(d) => html! { <Overview dataset={ d.clone() } lang={ lang } /> },
                    }
                }
            </main>
        </>
    }
}

fn failed(e: &LoadError) -> Html {
    let lines: Vec<String> = match e {
        LoadError::Invalid(invalid) => invalid
            .problems
            .iter()
            .map(|p| format!("{}: {p}", invalid.file))
            .collect(),
        other => vec![other.to_string()],
    };
    html! {
        <div role="alert" class="error">
            <p><strong>{ "자료를 보여 줄 수 없습니다. The data could not be shown." }</strong></p>
            <ul>{ for lines.iter().map(|l| html! { <li><code>{ l }</code></li> }) }</ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    dataset: Rc<Dataset>,
    lang: Lang,
}

#[function_component(Overview)]
fn overview(props: &OverviewProps) -> Html {
    let scale = use_state(|| Scale::Linear);
    let d = &props.dataset;
    let chart = use_memo((d.clone(), *scale, props.lang), |(d, scale, lang)| {
        overview_chart(d, *scale, *lang)
    });
    let on_scale = {
        let scale = scale.clone();
        Callback::from(move |s: Scale| scale.set(s))
    };
    let summary = overview_summary(d, props.lang);
    let meta = d.meta();
    html! {
        <>
            <p class="lede">
                { "2015년 보도된 안산시의 세 경제 프로그램에 들어가는 돈을 비교합니다. 모든 금액은 기사 원문의 해당 행과 함께 보여 줍니다." }
            </p>
            <section aria-labelledby="overview-heading">
                <h2 id="overview-heading">{ "사업별 보도 금액" }</h2>
                <ScaleToggle scale={ *scale } on_change={ on_scale } lang={ props.lang } />
                {
                    match &*chart {
                        Ok(c) => html! { <BarChartCanvas id="overview-chart" chart={ c.clone() } summary={ summary } /> },
                        Err(e) => html! { <p role="alert" class="error">{ format!("차트를 그릴 수 없습니다: {e}") }</p> },
                    }
                }
                <p class="note">
                    { "청년 창업 인큐베이팅의 19억원(도비)과 24억원(1차 투자)은 기사가 포함 관계를 밝히지 않아 따로 표시하며 더하지 않습니다." }
                </p>
                <FiguresTable dataset={ d.clone() } lang={ props.lang } />
                <p class="source-note">
                    { format!("출처: {} — {} ({}년)", meta.source.title, meta.source.kind.ko, meta.source.year) }
                </p>
            </section>
        </>
    }
}
