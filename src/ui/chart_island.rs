//! One chart of an explorer page, with its controls and menu: the part of a page that the browser makes
//! interactive. The build renders it inside the whole page (`data-island` names the chart); in the browser
//! the first-view module renders it again in place of that markup (`take_over`), and the rest of the page stays
//! as it was served. Its view options (unit, scale) live in the page's address: a change rewrites the current
//! history entry, so a copied or reloaded address shows the same view and Back never walks through clicks.
//! Opening a program from the chart loads that program's page.

use super::chart_section::{
    bar_chart_section, timeline_section, use_section_data, BarChartSectionProps, Links,
    SectionData, TimelineSectionProps,
};
use super::use_route::replace_address;
use super::use_theme::use_theme;
use super::DataRef;
use crate::chart::Scale;
use crate::view::route::{Page, Route, Unit};
use crate::view::widget_params::{Theme as ThemeChoice, WidgetChart};
use yew::prelude::*;

/// The `data-island` value naming `chart`: `overview`, `timeline` or `program/{id}`.
pub fn island_name(chart: &WidgetChart) -> String {
    match chart {
        WidgetChart::Overview => "overview".to_owned(),
        WidgetChart::Timeline => "timeline".to_owned(),
        WidgetChart::Program(id) => format!("program/{id}"),
    }
}

/// The chart a `data-island` value names; `None` for anything else.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn island_chart(name: &str) -> Option<WidgetChart> {
    match name {
        "overview" => Some(WidgetChart::Overview),
        "timeline" => Some(WidgetChart::Timeline),
        _ => name
            .strip_prefix("program/")
            .filter(|id| !id.is_empty())
            .map(|id| WidgetChart::Program(id.to_owned())),
    }
}

/// A page's chart as an island: its `<div data-island>`, which the browser renders again, and what is in it.
pub fn island(dataset: &DataRef, chart: WidgetChart, route: &Route, depth: usize) -> Html {
    html! {
        <div class="chart-island" data-island={ island_name(&chart) }>
            <ChartIsland dataset={ dataset.clone() } { chart } route={ route.clone() } { depth } />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartIslandProps {
    pub dataset: DataRef,
    pub chart: WidgetChart,
    /// The page's route, with the view options the chart starts with.
    pub route: Route,
    /// How many folders below the explorer's root the page is.
    pub depth: usize,
}

/// The chart's element id on its page.
pub(super) fn canvas_id(chart: &WidgetChart) -> &'static str {
    match chart {
        WidgetChart::Overview => "overview-chart",
        WidgetChart::Timeline => "timeline-chart",
        WidgetChart::Program(_) => "program-chart",
    }
}

#[function_component(ChartIsland)]
pub fn chart_island(props: &ChartIslandProps) -> Html {
    let view = use_state_eq(|| (props.route.unit, props.route.scale));
    // The explorer follows the reader's colour scheme.
    let theme = use_theme(ThemeChoice::Auto);
    let route = props.route.with_unit(view.0).with_scale(view.1);
    let depth = props.depth;
    let set_view = {
        let (view, route) = (view.clone(), route.clone());
        Callback::from(move |(unit, scale): (Unit, Scale)| {
            view.set((unit, scale));
            // Where it cannot be (a sandboxed frame), the chart still changes.
            replace_address(&route.with_unit(unit).with_scale(scale).href(depth));
        })
    };
    let on_unit = {
        let (set_view, scale) = (set_view.clone(), view.1);
        Callback::from(move |u: Unit| set_view.emit((u, scale)))
    };
    let on_scale = {
        let unit = view.0;
        Callback::from(move |s: Scale| set_view.emit((unit, s)))
    };
    let on_open = {
        let route = route.clone();
        Callback::from(move |id: String| go_to(&route.with_page(Page::Program(id)).href(depth)))
    };
    let (d, lang, id) = (&props.dataset, route.lang, canvas_id(&props.chart));
    let data = use_section_data(d, &props.chart, view.0, view.1, lang);
    match &*data {
        SectionData::Timeline(chart, tips) => timeline_section(TimelineSectionProps {
            id: id.into(),
            dataset: d.clone(),
            chart: chart.clone(),
            tips: tips.clone(),
            lang,
            theme,
            on_open: Some(on_open),
            show_source: true,
            // The timeline has no view options: its links are the page's own, whatever another chart's are.
            links: Links::explorer(&route.rendered(), depth, WidgetChart::Timeline),
        }),
        SectionData::Bars(bars) => bar_chart_section(BarChartSectionProps {
            id: id.into(),
            dataset: d.clone(),
            chart: props.chart.clone(),
            view: bars.clone(),
            lang,
            unit: view.0,
            scale: view.1,
            theme,
            on_unit,
            on_scale,
            // The overview's bars open their programs; a program's own chart has nowhere else to go.
            on_open: matches!(props.chart, WidgetChart::Overview).then_some(on_open),
            show_controls: true,
            show_source: true,
            links: Links::explorer(&route, depth, props.chart.clone()),
        }),
    }
}

/// Loads another page of the explorer (relative to this one).
pub(super) fn go_to(href: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(href);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn island_names_round_trip() {
        for chart in [
            WidgetChart::Overview,
            WidgetChart::Timeline,
            WidgetChart::Program("sme".to_owned()),
        ] {
            assert_eq!(island_chart(&island_name(&chart)), Some(chart));
        }
        assert_eq!(island_chart("program/"), None);
        assert_eq!(island_chart("bars"), None);
    }
}
