//! Every chart of the explorer as one section each, with its controls, source line and menu: the overview
//! comparison or a program's own bars (`bar_chart_section`), and the programs' periods (`timeline_section`).
//! The explorer's chart islands and the widget render these same sections, so a chart behaves the same wherever
//! it is shown; what differs (where a program opens, where the view lives) comes in as callbacks. The sections
//! are plain functions; the component holding one keeps its data ([`use_section_data`]).

use super::browser::absolute_url;
use super::chart_menu::ChartMenu;
use super::DataRef;
use super::{chart_panel, timeline_canvas, ChartPanelProps, TimelineCanvasProps};
use crate::chart::timeline::TimelineChart;
use crate::chart::{Scale, Theme};
use crate::model::{Dataset, Lang};
use crate::view::overview::source_note;
use crate::view::route::{Page, Route, Unit};
use crate::view::timeline::{timeline_chart, timeline_summary, timeline_tips};
use crate::view::widget_params::{WidgetChart, WidgetParams};
use crate::view::{overview_chart, program_chart, ChartView, Tip};
use std::rc::Rc;
use yew::prelude::*;

/// The chart's title in `lang`, from the data file: a program's name, or the dataset's chart titles.
pub fn chart_title(d: &Dataset, chart: &WidgetChart, lang: Lang) -> String {
    match chart {
        WidgetChart::Overview => d.meta().overview_title().get(lang).to_owned(),
        WidgetChart::Timeline => d.meta().timeline_title().get(lang).to_owned(),
        WidgetChart::Program(id) => d
            .program(id)
            .map(|p| p.name.get(lang).to_owned())
            .unwrap_or_else(|| d.meta().title.get(lang).to_owned()),
    }
}

/// What a chart's menu links to: the explorer's view of it, and (in the explorer) the generator for it.
#[derive(Clone, PartialEq)]
pub struct Links {
    /// Absolute address of this chart's view in the explorer ("copy link").
    pub view: AttrValue,
    /// The generator page for this chart; `None` inside a widget.
    pub embed: Option<AttrValue>,
}

impl Links {
    /// Links for a chart shown on the explorer's page at `route`, `depth` folders below its root.
    pub fn explorer(route: &Route, depth: usize, chart: WidgetChart) -> Links {
        let (view, embed) = explorer_links(route, depth, chart);
        Links {
            view: view.into(),
            embed: Some(embed.into()),
        }
    }
}

/// The addresses of `chart` shown on the explorer's page at `route`, `depth` folders below its root: its view
/// (absolute, what "copy link" copies) and the generator page for it (relative).
pub fn explorer_links(route: &Route, depth: usize, chart: WidgetChart) -> (String, String) {
    let params = WidgetParams {
        chart,
        lang: route.lang,
        unit: route.unit,
        scale: route.scale,
        ..WidgetParams::default()
    };
    (
        absolute_url(&route.href(depth)),
        route.with_page(Page::Embed(params.to_query())).href(depth),
    )
}

/// What a chart section shows, worked out from the data once for each input: kept by the component that holds
/// the section ([`use_section_data`]), so the sections themselves are plain functions (see `bar_chart_canvas`).
pub enum SectionData {
    /// The overview comparison or a program's own bars, or why they cannot be drawn.
    Bars(Rc<Result<ChartView, String>>),
    /// The programs' periods, and one tooltip per row.
    Timeline(Rc<TimelineChart>, Rc<Vec<Tip>>),
}

/// The data of `chart`'s section, made again only when an input changes.
#[hook]
pub fn use_section_data(
    dataset: &DataRef,
    chart: &WidgetChart,
    unit: Unit,
    scale: Scale,
    lang: Lang,
) -> Rc<SectionData> {
    use_memo(
        (dataset.clone(), chart.clone(), unit, scale, lang),
        |(d, chart, unit, scale, lang)| match chart {
            WidgetChart::Timeline => {
                SectionData::Timeline(timeline_chart(d, *lang), timeline_tips(d, *lang))
            }
            WidgetChart::Program(id) => SectionData::Bars(Rc::new(match d.program(id) {
                Some(p) => program_chart(d, p, *unit, *scale, *lang),
                None => Err(String::new()),
            })),
            WidgetChart::Overview => {
                SectionData::Bars(Rc::new(overview_chart(d, *unit, *scale, *lang)))
            }
        },
    )
}

pub struct BarChartSectionProps {
    /// The canvas's element id.
    pub id: AttrValue,
    pub dataset: DataRef,
    /// `Overview` or `Program(id)`.
    pub chart: WidgetChart,
    /// Its bars ([`SectionData::Bars`]).
    pub view: Rc<Result<ChartView, String>>,
    pub lang: Lang,
    pub unit: Unit,
    pub scale: Scale,
    pub theme: Theme,
    pub on_unit: Callback<Unit>,
    pub on_scale: Callback<Scale>,
    /// Called with a program's id when the reader opens it from the chart.
    pub on_open: Option<Callback<String>>,
    pub show_controls: bool,
    pub show_source: bool,
    pub links: Links,
}

/// The overview comparison or a program's own bars, with its controls, source line and menu.
pub fn bar_chart_section(props: BarChartSectionProps) -> Html {
    let d = &props.dataset;
    let lang = props.lang;
    let view = props.view;
    let program = match &props.chart {
        WidgetChart::Program(id) => d.program(id),
        _ => None,
    };
    let example = program
        .and_then(|p| p.headline.first().cloned())
        .or_else(|| d.headline_figures().first().map(|(_, f)| f.id.clone()))
        .unwrap_or_default();
    let on_open = props.on_open.map(|open| {
        let view = view.clone();
        Callback::from(move |i: usize| {
            if let Some(tip) = view.as_ref().as_ref().ok().and_then(|v| v.tips.get(i)) {
                open.emit(tip.program_id.clone());
            }
        })
    });
    let menu = html! {
        if view.is_ok() {
            <ChartMenu id={ props.id.clone() } dataset={ d.clone() } theme={ props.theme }
                params={ WidgetParams { chart: props.chart.clone(), lang, unit: props.unit, scale: props.scale,
                    ..WidgetParams::default() } }
                link={ props.links.view.clone() } embed_href={ props.links.embed.clone() } />
        }
    };
    chart_panel(ChartPanelProps {
        id: props.id.clone(),
        title: chart_title(d, &props.chart, lang).into(),
        dataset: d.clone(),
        view,
        lang,
        unit: props.unit,
        scale: props.scale,
        theme: props.theme,
        on_unit: props.on_unit,
        on_scale: props.on_scale,
        show_controls: props.show_controls,
        show_source: props.show_source,
        example_figure: example.into(),
        on_open,
        children: menu,
    })
}

pub struct TimelineSectionProps {
    pub id: AttrValue,
    pub dataset: DataRef,
    /// Its periods and tooltips ([`SectionData::Timeline`]).
    pub chart: Rc<TimelineChart>,
    pub tips: Rc<Vec<Tip>>,
    pub lang: Lang,
    pub theme: Theme,
    /// Called with a program's id when the reader opens its row.
    pub on_open: Option<Callback<String>>,
    pub show_source: bool,
    pub links: Links,
}

/// The programs' periods, with the source line and menu.
pub fn timeline_section(props: TimelineSectionProps) -> Html {
    let d = &props.dataset;
    let lang = props.lang;
    let on_open = props.on_open.map(|open| {
        let d = d.clone();
        Callback::from(move |i: usize| {
            if let Some(p) = d.programs().get(i) {
                open.emit(p.id.clone());
            }
        })
    });
    let source = source_note(d, lang);
    html! {
        <figure class="chart" aria-label={ chart_title(d, &WidgetChart::Timeline, lang) }>
            { timeline_canvas(TimelineCanvasProps {
                id: props.id.clone(),
                chart: props.chart,
                tips: props.tips,
                summary: timeline_summary(d, lang).into(),
                lang,
                theme: props.theme,
                on_open,
            }) }
            // Always there, as the chart's description (`{id}-source`); `source=hide` only hides it from the eye.
            <figcaption id={ format!("{}-source", props.id) }
                class={ classes!("chart-source", (!props.show_source).then_some("visually-hidden")) }>
                { super::lang_text(&source, lang) }
            </figcaption>
            <ChartMenu id={ props.id.clone() } dataset={ d.clone() } theme={ props.theme }
                params={ WidgetParams { chart: WidgetChart::Timeline, lang, ..WidgetParams::default() } }
                link={ props.links.view.clone() } embed_href={ props.links.embed.clone() } />
        </figure>
    }
}
