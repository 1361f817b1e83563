//! One program: what it is for, who runs it, its period, every figure next to its citation, its own chart,
//! and its rows of the figures table.

use super::chart_island::island;
use super::DataRef;
use super::{FiguresTable, RouteHandle};
use crate::model::format::{compact_marked, exact};
use crate::model::{Dataset, Lang, Program, Provenance};
use crate::view::route::Page;
use crate::view::rows::pick;
use crate::view::widget_params::WidgetChart;
use crate::view::words::{self, period_text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgramPageProps {
    pub dataset: DataRef,
    pub program_id: AttrValue,
    pub route: RouteHandle,
}

#[function_component(ProgramPage)]
pub fn program_page(props: &ProgramPageProps) -> Html {
    let d = &props.dataset;
    let r = &props.route.route;
    let lang = r.lang;
    let Some(p) = d.program(&props.program_id) else {
        return html! { <super::NotFoundPage route={ props.route.clone() } /> };
    };
    let home = props.route.href(&r.with_page(Page::Overview));
    let chart = WidgetChart::Program(p.id.clone());
    html! {
        <>
            <nav class="breadcrumb" aria-label={ pick(lang, "현재 위치", "Breadcrumb") }>
                <ol>
                    <li><a href={ home }>{ pick(lang, "개요", "Overview") }</a></li>
                    <li aria-current="page">{ pick(lang, &p.name.ko, &p.name.en) }</li>
                </ol>
            </nav>
            <h1>{ pick(lang, &p.name.ko, &p.name.en) }</h1>
            <p class="lede">{ pick(lang, &p.summary.ko, &p.summary.en) }</p>
            { facts(d, p, lang) }
            if let Some(note) = &p.note {
                <aside class="note-box">{ pick(lang, &note.ko, &note.en) }</aside>
            }
            <section aria-labelledby="figures-heading">
                <h2 id="figures-heading">{ pick(lang, "금액과 인용", "Amounts and where they come from") }</h2>
                <ul class="figure-list">
                    { for p.figures.iter().map(|f| {
                        let src = &d.meta().source;
                        let (badge, cite) = match &f.provenance {
                            Provenance::Reported { quote, line } => (
                                html! { <span class="badge badge-reported">{ pick(lang, "보도", "Reported") }</span> },
                                html! {
                                    <>
                                        <blockquote class="citation" lang="ko"><p>{ quote }</p></blockquote>
                                        <p class="cite-line">{ super::lang_text(&format!("「{}」 ({}), {}", src.title, src.year, words::line(*line, lang)), lang) }</p>
                                    </>
                                },
                            ),
                            Provenance::Derived { formula, .. } => (
                                html! { <span class="badge badge-derived">{ pick(lang, "계산값", "Derived") }</span> },
                                html! { <p class="derivation">{ pick(lang, "계산 방법: ", "How: ") }{ pick(lang, &formula.ko, &formula.en) }</p> },
                            ),
                            Provenance::Illustrative { .. } => (
                                html! { <span class="badge badge-illustrative">{ pick(lang, "예시", "Illustrative") }</span> },
                                html! {},
                            ),
                        };
                        html! {
                            <li class="figure-item" key={ f.id.clone() } data-figure={ f.id.clone() }>
                                <h3>{ pick(lang, &f.label.ko, &f.label.en) }</h3>
                                <p class="badges">
                                    { badge }
                                    if f.approximate {
                                        <span class="badge badge-approx">{ pick(lang, "약 (어림값)", "Approximate") }</span>
                                    }
                                </p>
                                <p class="amount">{ compact_marked(f.amount, f.approximate, lang) }</p>
                                <p class="amount-exact">
                                    { exact(f.amount, lang) }
                                    { super::lang_text(&format!(" · {} · {}", words::kind(f.kind, lang), words::funding(f.funding, lang)), lang) }
                                </p>
                                { cite }
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <section aria-labelledby="program-chart-heading">
                <h2 id="program-chart-heading">{ pick(lang, "금액 그래프", "Chart") }</h2>
                { island(d, chart, r, props.route.depth) }
                <FiguresTable dataset={ d.clone() } lang={ lang } program={ Some(AttrValue::from(p.id.clone())) } />
            </section>
        </>
    }
}

fn facts(d: &Dataset, p: &Program, lang: Lang) -> Html {
    let partners: Vec<&str> = p
        .partners
        .iter()
        .map(|t| pick(lang, &t.ko, &t.en))
        .collect();
    let period_note = p
        .period
        .note
        .as_ref()
        .map(|n| pick(lang, &n.ko, &n.en).to_owned());
    html! {
        <section class="program-facts" aria-label={ pick(lang, "사업 개요", "About the program") }>
            <dl class="facts">
                <dt>{ pick(lang, "기간", "Period") }</dt>
                <dd>
                    { period_text(p.period.start, p.period.end, lang) }
                    if let Some(n) = period_note { <br /><span class="muted">{ n }</span> }
                </dd>
                if let Some(lead) = &p.lead {
                    <dt>{ pick(lang, "운영", "Run by") }</dt>
                    <dd>{ super::lang_text(pick(lang, &lead.ko, &lead.en), lang) }</dd>
                }
                <dt>{ pick(lang, "협력 기관", "Partners") }</dt>
                <dd>{ super::lang_text(&if partners.is_empty() { pick(lang, "보도되지 않음", "Not reported").to_owned() } else { partners.join(", ") }, lang) }</dd>
                <dt>{ pick(lang, "사업 내용", "What it does") }</dt>
                <dd>{ super::lang_text(pick(lang, &p.description.ko, &p.description.en), lang) }</dd>
                <dt>{ pick(lang, "출처", "Source") }</dt>
                <dd>{ super::lang_text(&format!("「{}」 — {}", d.meta().source.title, pick(lang, &d.meta().source.kind.ko, &d.meta().source.kind.en)), lang) }</dd>
            </dl>
        </section>
    }
}
