//! The programs' periods as a timeline: end years as reported, start years only where known; the unknown
//! start is drawn from the report year and says so.

use super::overview::source_note;
use super::rows::pick;
use crate::chart::timeline::{Span, TimelineChart};
use crate::model::{Dataset, Lang};
use std::rc::Rc;

pub fn timeline_chart(d: &Dataset, lang: Lang) -> Rc<TimelineChart> {
    let year = d.meta().as_of_year;
    let spans = d
        .programs()
        .iter()
        .enumerate()
        .map(|(tone, p)| Span {
            key: p.id.clone(),
            label: pick(lang, &p.name.ko, &p.name.en).to_owned(),
            start: p.period.start,
            end: p.period.end,
            end_label: match (p.period.end, lang) {
                (Some(e), Lang::Ko) => format!("{e}년까지"),
                (Some(e), Lang::En) => format!("until {e}"),
                (None, _) => String::new(),
            },
            tone,
        })
        .collect();
    Rc::new(TimelineChart {
        spans,
        reported_year: year,
        reported_label: match lang {
            Lang::Ko => format!("{year}년 보도"),
            Lang::En => format!("reported {year}"),
        },
        unknown_start_label: pick(lang, "시작 연도 미보도", "start not reported").to_owned(),
        unknown_end_label: pick(lang, "기간 미보도", "period not reported").to_owned(),
        source_note: source_note(d, lang),
    })
}

/// The accessible name of the timeline.
pub fn timeline_summary(d: &Dataset, lang: Lang) -> String {
    let parts: Vec<String> = d
        .programs()
        .iter()
        .map(|p| {
            let name = pick(lang, &p.name.ko, &p.name.en);
            format!(
                "{name}: {}",
                super::words::period_text(p.period.start, p.period.end, lang)
            )
        })
        .collect();
    let head = pick(
        lang,
        "사업 기간 타임라인",
        "Timeline of the programs' periods",
    );
    // The source describes the chart instead of naming it (see `overview::build`).
    format!(
        "{head}. {}. {}",
        parts.join(", "),
        super::overview::illustrative_note(d, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    #[test]
    fn spans_carry_only_reported_years() {
        let d = model::load("a.json", include_str!("../../data/ansan-2015.json")).expect("valid");
        let t = timeline_chart(&d, Lang::Ko);
        let ends: Vec<(Option<i32>, Option<i32>)> =
            t.spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(
            ends,
            vec![(None, Some(2021)), (None, Some(2017)), (None, Some(2018))]
        );
        assert_eq!(t.reported_year, 2015);
        assert_eq!(t.spans[0].end_label, "2021년까지");
        let s = timeline_summary(&d, Lang::En);
        assert!(s.contains("until 2021 (start not reported)"), "{s}");
    }
}
