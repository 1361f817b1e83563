//! The overview: the three programs side by side, the comparison chart, the programs' periods, the city's
//! context figures, and every figure with its source.

use super::chart_island::island;
use super::DataRef;
use super::{FiguresTable, RouteHandle};
use crate::model::format::compact_marked;
use crate::view::context::{context_source, context_value};
use crate::view::overview::{overview_lede, programs_heading};
use crate::view::route::Page;
use crate::view::rows::pick;
use crate::view::timeline::timeline_note;
use crate::view::widget_params::WidgetChart;
use crate::view::words::period_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OverviewPageProps {
    pub dataset: DataRef,
    pub route: RouteHandle,
}

#[function_component(OverviewPage)]
pub fn overview_page(props: &OverviewPageProps) -> Html {
    let d = &props.dataset;
    let r = &props.route.route;
    let lang = r.lang;
    let chart_island = |chart: WidgetChart| island(d, chart, r, props.route.depth);
    let notes: Vec<Html> = d
        .programs()
        .iter()
        .filter_map(|p| {
            let note = p.note.as_ref()?;
            Some(html! {
                <p key={ p.id.clone() }>{ super::lang_text(&format!("{}: {}", p.name.get(lang), note.get(lang)), lang) }</p>
            })
        })
        .collect();
    html! {
        <>
            // The dataset's own title and a lede worded from its source and count: the page never introduces
            // another file as the article's three programs.
            <h1>{ d.meta().title.get(lang) }</h1>
            <p class="lede">{ super::lang_text(&overview_lede(d, lang), lang) }</p>
            <section aria-labelledby="programs-heading">
                <h2 id="programs-heading">{ programs_heading(d, lang) }</h2>
                <ul class="program-cards">
                    { for d.programs().iter().map(|p| {
                        let href = props.route.href(&r.with_page(Page::Program(p.id.clone())));
                        let headline = p.headline_figures();
                        // Two amounts of one program are each named, so they read as two figures, not parts of a sum.
                        let named = headline.len() > 1;
                        let amounts = headline.iter().map(|f| html! {
                            <p class="card-amount">
                                if named {
                                    <span class="card-kind">{ crate::view::words::kind(f.kind, lang) }</span>
                                }
                                { compact_marked(f.amount, f.approximate, lang) }
                            </p>
                        });
                        html! {
                            <li class="program-card" key={ p.id.clone() }>
                                <h3><a href={ href }>{ pick(lang, &p.name.ko, &p.name.en) }</a></h3>
                                { for amounts }
                                <p class="card-period">{ period_text(p.period.start, p.period.end, lang) }</p>
                                <p class="card-summary">{ pick(lang, &p.summary.ko, &p.summary.en) }</p>
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <section aria-labelledby="compare-heading">
                <h2 id="compare-heading">{ pick(lang, "사업별 보도 금액 비교", "Reported amounts compared") }</h2>
                { chart_island(WidgetChart::Overview) }
                // Each program's own note (why two of its amounts are shown apart and never added, …), from the
                // data, under the chart that shows those amounts side by side.
                if !notes.is_empty() {
                    <aside class="note-box">{ for notes }</aside>
                }
            </section>
            <section aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{ pick(lang, "사업 기간", "When: the programs' periods") }</h2>
                if let Some(note) = timeline_note(d, lang) {
                    <p>{ note }</p>
                }
                { chart_island(WidgetChart::Timeline) }
            </section>
            <section aria-labelledby="context-heading">
                <h2 id="context-heading">{ pick(lang, "안산은 어떤 도시인가", "Ansan in figures") }</h2>
                <ul class="context-figures">
                    { for d.context().iter().map(|c| html! {
                        <li key={ c.id.clone() }>
                            <span class="stat-value">{ context_value(c, lang) }</span>
                            <span class="stat-label">{ pick(lang, &c.label.ko, &c.label.en) }</span>
                            <span class="stat-source">{ super::lang_text(&context_source(c, lang), lang) }</span>
                        </li>
                    }) }
                </ul>
            </section>
            <section aria-labelledby="table-heading">
                <h2 id="table-heading">{ pick(lang, "모든 금액과 출처", "Every amount and its source") }</h2>
                <FiguresTable dataset={ d.clone() } lang={ lang } />
            </section>
        </>
    }
}
