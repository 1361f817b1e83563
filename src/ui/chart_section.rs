//! Every chart of the explorer as one component each, with its controls, source line and menu: the overview
//! comparison or a program's own bars (`BarChartSection`), and the programs' periods (`TimelineSection`).
//! The explorer's pages and the widget render these same components, so a chart behaves the same wherever
//! it is shown; what differs (where a program opens, where the view lives) comes in as callbacks.

use super::browser::absolute_url;
use super::chart_menu::ChartMenu;
use super::DataRef;
use super::{chart_panel, timeline_canvas, ChartPanelProps, TimelineCanvasProps};
use crate::chart::{Scale, Theme};
use crate::model::{Dataset, Lang};
use crate::view::overview::source_note;
use crate::view::route::{Page, Route, Unit};
use crate::view::timeline::{timeline_chart, timeline_summary, timeline_tips};
use crate::view::widget_params::{WidgetChart, WidgetParams};
use crate::view::{overview_chart, program_chart};
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
        let params = WidgetParams {
            chart,
            lang: route.lang,
            unit: route.unit,
            scale: route.scale,
            ..WidgetParams::default()
        };
        Links {
            view: absolute_url(&route.href(depth)).into(),
            embed: Some(
                route
                    .with_page(Page::Embed(params.to_query()))
                    .href(depth)
                    .into(),
            ),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct BarChartSectionProps {
    /// The canvas's element id.
    pub id: AttrValue,
    pub dataset: DataRef,
    /// `Overview` or `Program(id)`.
    pub chart: WidgetChart,
    pub lang: Lang,
    pub unit: Unit,
    pub scale: Scale,
    pub theme: Theme,
    pub on_unit: Callback<Unit>,
    pub on_scale: Callback<Scale>,
    /// Called with a program's id when the reader opens it from the chart.
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
    #[prop_or(true)]
    pub show_controls: bool,
    #[prop_or(true)]
    pub show_source: bool,
    pub links: Links,
}

#[function_component(BarChartSection)]
pub fn bar_chart_section(props: &BarChartSectionProps) -> Html {
    let d = &props.dataset;
    let lang = props.lang;
    let view = use_memo(
        (
            d.clone(),
            props.chart.clone(),
            props.unit,
            props.scale,
            lang,
        ),
        |(d, chart, unit, scale, lang)| match chart {
            WidgetChart::Program(id) => match d.program(id) {
                Some(p) => program_chart(d, p, *unit, *scale, *lang),
                None => Err(String::new()),
            },
            _ => overview_chart(d, *unit, *scale, *lang),
        },
    );
    let program = match &props.chart {
        WidgetChart::Program(id) => d.program(id),
        _ => None,
    };
    let example = program
        .and_then(|p| p.headline.first().cloned())
        .or_else(|| d.headline_figures().first().map(|(_, f)| f.id.clone()))
        .unwrap_or_default();
    let on_open = props.on_open.clone().map(|open| {
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
        view: view.clone(),
        lang,
        unit: props.unit,
        scale: props.scale,
        theme: props.theme,
        on_unit: props.on_unit.clone(),
        on_scale: props.on_scale.clone(),
        show_controls: props.show_controls,
        show_source: props.show_source,
        example_figure: example.into(),
        on_open,
        children: menu,
    })
}

#[derive(Properties, PartialEq)]
pub struct TimelineSectionProps {
    pub id: AttrValue,
    pub dataset: DataRef,
    pub lang: Lang,
    pub theme: Theme,
    /// Called with a program's id when the reader opens its row.
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
    #[prop_or(true)]
    pub show_source: bool,
    pub links: Links,
}

#[function_component(TimelineSection)]
pub fn timeline_section(props: &TimelineSectionProps) -> Html {
    let d = &props.dataset;
    let lang = props.lang;
    let tips = use_memo((d.clone(), lang), |(d, lang)| timeline_tips(d, *lang));
    let chart = use_memo((d.clone(), lang), |(d, lang)| timeline_chart(d, *lang));
    let on_open = props.on_open.clone().map(|open| {
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
                chart: (*chart).clone(),
                tips: (*tips).clone(),
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
