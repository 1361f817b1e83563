//! What the charts' menus save: a chart's data as CSV or JSON and its picture as PNG or SVG, rebuilt from the
//! data and the chart's parameters (the widget's own: chart, language, unit, scale, theme), so the same code
//! serves every menu, wherever the chart is.
//!
//! This code is in the second WebAssembly module only (it registers it with `register_exports`). A menu in the
//! first view's module asks that module to do the work (`remote`), loading it the first time: the export code
//! and its tables are 9 KB brotli that no reader pays for before choosing a download.

use super::browser;
use crate::chart::export::{self, Picture};
use crate::chart::Theme;
use crate::model::{Dataset, Lang};
use crate::view::export::{figures_table, timeline_table, to_csv, to_json, JsonMeta};
use crate::view::overview::source_note;
use crate::view::rows::pick;
use crate::view::timeline::timeline_chart;
use crate::view::widget_params::{Theme as Choice, WidgetChart, WidgetParams};
use crate::view::{overview_chart, program_chart};
use std::cell::Cell;

/// Saves the chart `params` names as `action` (`csv`, `json`, `png`, `svg`) at `width` CSS px; what happened,
/// to be announced.
pub type Exporter = fn(&Dataset, &WidgetParams, &str, u32) -> Result<&'static str, String>;

thread_local! {
    static EXPORTER: Cell<Option<Exporter>> = const { Cell::new(None) };
}

/// Makes the exports part of this module (called by the module that carries them).
pub fn register_exports() {
    EXPORTER.with(|e| e.set(Some(export)));
}

/// The exports, if this module carries them.
pub fn exporter() -> Option<Exporter> {
    EXPORTER.with(Cell::get)
}

fn export(
    d: &Dataset,
    params: &WidgetParams,
    action: &str,
    width: u32,
) -> Result<&'static str, String> {
    let lang = params.lang;
    let theme = match params.theme {
        Choice::Dark => Theme::Dark,
        _ => Theme::Light,
    };
    let title = super::chart_section::chart_title(d, &params.chart, lang);
    let (key, table, bars) = match &params.chart {
        WidgetChart::Timeline => ("timeline".to_owned(), timeline_table(d, lang), None),
        chart => {
            let (key, view, figures) = match chart {
                WidgetChart::Program(id) => {
                    let p = d.program(id).ok_or_else(|| format!("no program {id}"))?;
                    (
                        id.clone(),
                        program_chart(d, p, params.unit, params.scale, lang)?,
                        p.figures.iter().map(|f| (p, f)).collect(),
                    )
                }
                _ => (
                    "overview".to_owned(),
                    overview_chart(d, params.unit, params.scale, lang)?,
                    d.headline_figures(),
                ),
            };
            (key, figures_table(d, &figures, lang), Some(view.chart))
        }
    };
    let timeline = bars.is_none().then(|| timeline_chart(d, lang));
    let picture = match (&bars, &timeline) {
        (Some(chart), _) => Picture::Bars(chart),
        (None, Some(t)) => Picture::Timeline(t),
        (None, None) => return Err("no chart".to_owned()),
    };
    let name = format!("{}-{key}-{}.{action}", d.meta().id, lang.tag());
    match action {
        "csv" => browser::save_text(&to_csv(&table), "text/csv;charset=utf-8", &name)
            .map(|_| pick(lang, "CSV 파일을 내려받았습니다.", "CSV file saved.")),
        "json" => {
            let source = source_note(d, lang);
            let meta = JsonMeta {
                title: &title,
                source: &source,
                illustrative: d.meta().illustrative,
                lang,
            };
            browser::save_text(&to_json(&table, &meta), "application/json", &name)
                .map(|_| pick(lang, "JSON 파일을 내려받았습니다.", "JSON file saved."))
        }
        "png" => match png_refused(picture, &title, width, lang) {
            Some(why) => Err(why.to_owned()),
            None => browser::save_png(picture, &title, width, theme, &name)
                .map(|_| pick(lang, "PNG 그림을 내려받았습니다.", "PNG picture saved.")),
        },
        "svg" => export::svg(picture, &title, width, theme)
            .map_err(|e| e.to_string())
            .and_then(|svg| browser::save_text(&svg, "image/svg+xml", &name))
            .map(|_| pick(lang, "SVG 그림을 내려받았습니다.", "SVG picture saved.")),
        other => Err(format!("unknown action {other}")),
    }
}

/// Why `picture` (with `title`, `width` CSS px wide) cannot be saved as a PNG, if it cannot: a canvas has limits
/// an SVG has not (`canvas_ratio`), so a picture past them is offered as SVG.
fn png_refused(picture: Picture<'_>, title: &str, width: u32, lang: Lang) -> Option<&'static str> {
    let frame = export::Frame::new(picture, title, width);
    crate::chart::canvas_ratio(frame.width, frame.height, 1.0)
        .is_err()
        .then(|| {
            pick(
                lang,
                "그림이 너무 커서 PNG로 만들 수 없습니다. SVG로 내려받아 주세요.",
                "The picture is too large for a PNG; please save it as SVG.",
            )
        })
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// Defined by the page's loader (`ui::prerender`): imports the second module (once), starts it as a helper
    /// and has it save the chart.
    #[wasm_bindgen(catch, js_name = ansanBudgetFull)]
    fn run_full(
        js: &str,
        wasm: &str,
        action: &str,
        query: &str,
        width: u32,
    ) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// Asks the second module (named by the page's `<html data-full>`, loaded the first time) to save the chart.
#[cfg(target_arch = "wasm32")]
pub async fn remote(params: &WidgetParams, action: &str, width: u32) -> Result<String, String> {
    let lang = params.lang;
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let root = html
        .as_ref()
        .and_then(|h| h.get_attribute("data-root"))
        .unwrap_or_else(|| "./".to_owned());
    let name = html.and_then(|h| h.get_attribute("data-full"));
    let (before, after) = crate::view::words::download_files_missing(lang);
    let Some(name) = name else {
        // A page from another build (its `<html>` names no module): only a fresh copy of the page helps.
        return Err(format!("{before}?{after}"));
    };
    let (js, wasm) = (format!("{root}{name}.js"), format!("{root}{name}_bg.wasm"));
    let missing = || format!("{before}{js}, {wasm}{after}");
    let promise = run_full(
        &browser::absolute_url(&js),
        &wasm,
        action,
        &params.to_query(),
        width,
    )
    .map_err(|_| missing())?;
    // The module's own refusals come back as text in the page's language; anything else (its files not found,
    // not a module, not WebAssembly) is an error object, which says only that it did not arrive or start.
    let done = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(missing))?;
    Ok(done.as_string().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::png_refused;
    use crate::chart::export::{svg, Picture};
    use crate::chart::{Bar, BarChart, Scale, Theme};
    use crate::model::Lang;

    fn chart(n: usize) -> BarChart {
        BarChart {
            bars: (0..n)
                .map(|i| Bar {
                    key: format!("p{i}"),
                    group: format!("사업 {i}"),
                    label: "금액".to_owned(),
                    value: 100_000_000 * (i as i64 + 1),
                    value_label: format!("{}억원", i + 1),
                    tone: i,
                })
                .collect(),
            scale: Scale::Linear,
            axis_title: "금액 (원)".to_owned(),
            source_note: "출처: 시험".to_owned(),
            tick_label: |v| v.to_string(),
        }
    }

    #[test]
    fn a_picture_too_large_for_a_png_is_offered_as_svg() {
        let small = chart(3);
        assert_eq!(
            png_refused(Picture::Bars(&small), "제목", 800, Lang::Ko),
            None
        );
        // 560 bars at 1,200 px are drawn softer; 1,000 at 800 px pass 16,384 px even at half density.
        let long = chart(560);
        assert_eq!(
            png_refused(Picture::Bars(&long), "제목", 1200, Lang::Ko),
            None
        );
        let tall = chart(1_000);
        let why = png_refused(Picture::Bars(&tall), "제목", 800, Lang::Ko).expect("refused");
        assert!(why.contains("PNG") && why.contains("SVG"), "{why}");
        assert!(png_refused(Picture::Bars(&tall), "title", 800, Lang::En)
            .is_some_and(|w| w.contains("SVG") && !w.contains("그림")));
        // The SVG it offers is drawn.
        assert!(svg(Picture::Bars(&tall), "제목", 800, Theme::Light).is_ok());
    }
}
