//! The programs' periods as a timeline: end years as reported, start years only where known; the unknown
//! start is drawn from the report year and says so.

use super::overview::{source_line, source_note, spoken, Tip};
use super::rows::pick;
use crate::chart::timeline::{Span, TimelineChart};
use crate::model::{Dataset, Lang, Provenance};
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

/// One tooltip per program row: its period as the article gives it, the period's note, and the quote the end
/// year comes from (a reported figure of the program that runs until that year).
pub fn timeline_tips(d: &Dataset, lang: Lang) -> Rc<Vec<Tip>> {
    let tips = d
        .programs()
        .iter()
        .map(|p| {
            let title = pick(lang, &p.name.ko, &p.name.en).to_owned();
            let amount = super::words::period_text(p.period.start, p.period.end, lang);
            let exact = p
                .period
                .note
                .as_ref()
                .map(|n| pick(lang, &n.ko, &n.en).to_owned())
                .unwrap_or_default();
            let kind = pick(lang, "사업 기간", "Period").to_owned();
            let source = p
                .figures
                .iter()
                .find(|f| {
                    f.until.is_some()
                        && f.until == p.period.end
                        && matches!(f.provenance, Provenance::Reported { .. })
                })
                .map(|f| source_line(d, f, lang))
                .unwrap_or_else(|| {
                    pick(
                        lang,
                        "기사가 기간을 밝히지 않습니다",
                        "The article gives no period",
                    )
                    .to_owned()
                });
            let spoken = spoken(&[&title, &amount, &exact, &kind, &source]);
            Tip {
                figure_id: String::new(),
                program_id: p.id.clone(),
                title,
                amount,
                exact,
                kind,
                source,
                share: None,
                spoken,
            }
        })
        .collect();
    Rc::new(tips)
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

/// The paragraph above the timeline, when some row is drawn from the report year because its start year was not
/// reported: it says that the hatched span is not when that program started. Worded from the data (which programs,
/// which year), so a dataset whose starts are all known gets no such paragraph.
pub fn timeline_note(d: &Dataset, lang: Lang) -> Option<String> {
    let year = d.meta().as_of_year;
    let programs = d.programs();
    let undated = programs
        .iter()
        .filter(|p| p.period.start.is_none() && p.period.end.is_some())
        .count();
    if undated == 0 {
        return None;
    }
    let every = undated == programs.len();
    Some(match (every, lang) {
        (true, Lang::Ko) => format!(
            "끝나는 해만 보도되었고 시작 연도는 보도되지 않았습니다. 빗금 구간은 보도 시점({year}년)부터 끝나는 해까지이며, 실제 시작 연도가 아닙니다."
        ),
        (true, Lang::En) => format!(
            "Only the years the programs run until were reported, not when they started. Hatched spans run from the report ({year}) to the end year; they are not actual start dates."
        ),
        (false, Lang::Ko) => format!(
            "시작 연도가 보도되지 않은 사업은 보도 시점({year}년)부터 끝나는 해까지 빗금으로 그렸으며, 실제 시작 연도가 아닙니다."
        ),
        (false, Lang::En) => format!(
            "Where a start year was not reported, the hatched span runs from the report ({year}) to the end year; it is not an actual start date."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_on_hatched_spans_follows_which_starts_are_reported() {
        let shipped = include_str!("../../data/ansan-2015.json");
        let d = crate::import::project::load_dataset("a.json", shipped).expect("valid");
        assert_eq!(
            timeline_note(&d, Lang::Ko).as_deref(),
            Some("끝나는 해만 보도되었고 시작 연도는 보도되지 않았습니다. 빗금 구간은 보도 시점(2015년)부터 끝나는 해까지이며, 실제 시작 연도가 아닙니다.")
        );
        let fixture = include_str!("../../tests/fixtures/ansan-2015.v1.json");
        let load = |text: &str| crate::model::load("x.json", text).expect("valid");
        let base = load(fixture);
        assert_eq!(timeline_note(&base, Lang::En), timeline_note(&d, Lang::En));
        // One program with a reported start: the note speaks of the others only, in the dataset's year.
        let one = fixture
            .replacen("\"end\": 2021", "\"start\": 2013, \"end\": 2021", 1)
            .replace("\"as_of_year\": 2015", "\"as_of_year\": 2016");
        let one = load(&one);
        let en = timeline_note(&one, Lang::En).unwrap_or_default();
        assert!(
            en.starts_with("Where a start year was not reported") && en.contains("(2016)"),
            "{en}"
        );
        // Every start reported: nothing to explain.
        let mut all = fixture.to_owned();
        for end in ["\"end\": 2021", "\"end\": 2017", "\"end\": 2018"] {
            all = all.replacen(end, &format!("\"start\": 2013, {end}"), 1);
        }
        assert_eq!(timeline_note(&load(&all), Lang::Ko), None);
    }

    #[test]
    fn each_row_says_its_period_and_where_the_article_gives_it() {
        let d = crate::import::project::load_dataset(
            "a.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid");
        let ko = timeline_tips(&d, Lang::Ko);
        assert_eq!(ko.len(), 3);
        let hub = &ko[0];
        assert_eq!(hub.program_id, "regeneration");
        assert!(hub.amount.contains("2021년까지"), "{}", hub.amount);
        assert!(hub.source.contains("8행"), "{}", hub.source);
        assert!(
            hub.source.contains("2021년까지"),
            "the quote names the year: {}",
            hub.source
        );
        assert!(hub.spoken.starts_with(&hub.title));
        let en = timeline_tips(&d, Lang::En);
        assert!(en.iter().all(|t| t.source.starts_with("Source:")), "{en:?}");
        assert!(en[1].amount.contains("until 2017"), "{}", en[1].amount);
    }

    #[test]
    fn spans_carry_only_reported_years() {
        let d = crate::import::project::load_dataset(
            "a.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid");
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
