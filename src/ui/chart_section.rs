//! Every chart of the explorer as one section, with its controls, source line and menu: the overview comparison
//! or a program's own bars, or the programs' periods ([`chart_section`]). The explorer's chart islands and the
//! widget render these same sections as they are first shown, and `live_chart` drives them, so a chart behaves
//! the same wherever it is shown; what differs (where a program opens, where the view lives) is its `Host`.

use super::browser::absolute_url;
use super::chart_menu::{chart_menu, ChartMenuProps};
use super::DataRef;
use super::{canvas_markup, chart_panel, CanvasMarkupProps, ChartPanelProps};
use crate::chart::export::Picture;
use crate::chart::Scale;
use crate::model::{Dataset, Lang};
use crate::view::overview::source_note;
use crate::view::route::{Page, Route, Unit};
use crate::view::timeline::{timeline_chart, timeline_summary, timeline_tips};
use crate::view::units::{per_resident_formula, population};
use crate::view::widget_params::{WidgetChart, WidgetParams};
use crate::view::{overview_chart, program_chart};
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

/// The per-resident formula shown under `chart`'s controls in `unit` (only per resident, where the data has a
/// population figure): worked for the program's first headline figure, or the overview's first.
pub fn formula(d: &Dataset, chart: &WidgetChart, unit: Unit, lang: Lang) -> Option<String> {
    if unit != Unit::PerResident {
        return None;
    }
    let program = match chart {
        WidgetChart::Program(id) => d.program(id),
        _ => None,
    };
    let example = program
        .and_then(|p| p.headline.first().cloned())
        .or_else(|| d.headline_figures().first().map(|(_, f)| f.id.clone()))?;
    per_resident_formula(d.figure(&example)?, population(d)?, lang)
}

/// What a chart section shows and where it is shown.
pub struct ChartSectionProps {
    /// The canvas's element id.
    pub id: AttrValue,
    pub dataset: DataRef,
    pub chart: WidgetChart,
    pub lang: Lang,
    /// The view options it is shown with (the timeline has none).
    pub unit: Unit,
    pub scale: Scale,
    /// Whether a point opens its program (the hint then promises Enter).
    pub opens: bool,
    pub show_controls: bool,
    pub show_source: bool,
    /// The menu's link to the generator for this chart, where there is one (the explorer).
    pub embed_href: Option<AttrValue>,
}

/// The chart's section: the overview comparison or a program's own bars with their controls, source line and
/// menu, or the programs' periods with the source line and menu.
pub fn chart_section(props: ChartSectionProps) -> Html {
    let d = &props.dataset;
    let lang = props.lang;
    let menu = |id: &AttrValue| {
        chart_menu(ChartMenuProps {
            id: id.clone(),
            lang,
            embed_href: props.embed_href.clone(),
        })
    };
    let view = match &props.chart {
        WidgetChart::Timeline => {
            let source = source_note(d, lang);
            let chart = timeline_chart(d, lang);
            return html! {
                <figure class="chart" aria-label={ chart_title(d, &WidgetChart::Timeline, lang) }>
                    { canvas_markup(CanvasMarkupProps {
                        id: props.id.clone(),
                        picture: Picture::Timeline(&chart),
                        tips: timeline_tips(d, lang),
                        summary: timeline_summary(d, lang).into(),
                        lang,
                        opens: props.opens,
                    }) }
                    // Always there, as the chart's description (`{id}-source`); `source=hide` only hides it from
                    // the eye.
                    <figcaption id={ format!("{}-source", props.id) }
                        class={ classes!("chart-source", (!props.show_source).then_some("visually-hidden")) }>
                        { super::lang_text(&source, lang) }
                    </figcaption>
                    { menu(&props.id) }
                </figure>
            };
        }
        WidgetChart::Program(id) => match d.program(id) {
            Some(p) => program_chart(d, p, props.unit, props.scale, lang),
            None => Err(String::new()),
        },
        WidgetChart::Overview => overview_chart(d, props.unit, props.scale, lang),
    };
    let children = if view.is_ok() {
        menu(&props.id)
    } else {
        Html::default()
    };
    chart_panel(ChartPanelProps {
        id: props.id.clone(),
        title: chart_title(d, &props.chart, lang).into(),
        dataset: d.clone(),
        view: Rc::new(view),
        lang,
        unit: props.unit,
        scale: props.scale,
        show_controls: props.show_controls,
        show_source: props.show_source,
        formula: formula(d, &props.chart, props.unit, lang),
        opens: props.opens,
        children,
    })
}
