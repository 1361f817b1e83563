//! One chart of an explorer page, with its controls and menu: the part of a page that the browser makes
//! interactive. The build renders it inside the whole page (`data-island` names the chart), with the default
//! view options; in the browser the first-view module drives that markup where it stands (`take_over`,
//! `live_chart`), and the rest of the page stays as it was served. Its view options (unit, scale) live in the
//! page's address: a change rewrites the current history entry, so a copied or reloaded address shows the same
//! view and Back never walks through clicks. Opening a program from the chart loads that program's page.

use super::chart_section::{chart_section, explorer_links, ChartSectionProps};
use super::DataRef;
use crate::view::route::Route;
use crate::view::widget_params::WidgetChart;
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

/// A page's chart as an island, as the page at `route` (`depth` folders below the root) is served: its
/// `<div data-island>`, which the browser drives, and what is in it.
pub fn island(dataset: &DataRef, chart: WidgetChart, route: &Route, depth: usize) -> Html {
    // The timeline has no view options: its links are the page's own, whatever another chart's are.
    let linked = match chart {
        WidgetChart::Timeline => route.rendered(),
        _ => route.clone(),
    };
    let (_, embed) = explorer_links(&linked, depth, chart.clone());
    let section = chart_section(ChartSectionProps {
        id: canvas_id(&chart).into(),
        dataset: dataset.clone(),
        // The overview's bars and the timeline's rows open their programs; a program's own chart has nowhere
        // else to go.
        opens: !matches!(chart, WidgetChart::Program(_)),
        chart: chart.clone(),
        lang: route.lang,
        unit: route.unit,
        scale: route.scale,
        show_controls: true,
        show_source: true,
        embed_href: Some(embed.into()),
    });
    html! {
        <div class="chart-island" data-island={ island_name(&chart) }>{ section }</div>
    }
}

/// The chart's element id on its page.
pub(super) fn canvas_id(chart: &WidgetChart) -> &'static str {
    match chart {
        WidgetChart::Overview => "overview-chart",
        WidgetChart::Timeline => "timeline-chart",
        WidgetChart::Program(_) => "program-chart",
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
