//! The overview chart: every program's headline figures side by side, one bar each, never summed.

use super::rows::pick;
use crate::chart::{Bar, BarChart, Scale};
use crate::model::format::{compact_marked, english, korean};
use crate::model::{Dataset, Lang, Won};
use std::rc::Rc;

fn tick_ko(v: i64) -> String {
    korean(Won::new(v))
}

fn tick_en(v: i64) -> String {
    english(Won::new(v))
}

/// The chart input for the overview: one bar per headline figure, toned by program.
pub fn overview_chart(d: &Dataset, scale: Scale, lang: Lang) -> Result<Rc<BarChart>, String> {
    let bars: Vec<Bar> = d
        .programs()
        .iter()
        .enumerate()
        .flat_map(|(tone, p)| {
            p.headline_figures().into_iter().map(move |f| Bar {
                key: f.id.clone(),
                group: pick(lang, &p.name.ko, &p.name.en).to_owned(),
                label: pick(lang, &f.label.ko, &f.label.en).to_owned(),
                value: f.amount.get(),
                value_label: compact_marked(f.amount, f.approximate, lang),
                tone,
            })
        })
        .collect();
    if bars.is_empty() {
        return Err(pick(
            lang,
            "비교할 금액이 없습니다",
            "There are no amounts to compare",
        )
        .to_owned());
    }
    Ok(Rc::new(BarChart {
        bars,
        scale,
        axis_title: axis_title(scale, lang).to_owned(),
        source_note: source_note(d, lang),
        tick_label: match lang {
            Lang::Ko => tick_ko,
            Lang::En => tick_en,
        },
    }))
}

fn axis_title(scale: Scale, lang: Lang) -> &'static str {
    match (scale, lang) {
        (Scale::Linear, Lang::Ko) => "금액 (원, 선형 눈금)",
        (Scale::Linear, Lang::En) => "Amount (won, linear scale)",
        (Scale::Log, Lang::Ko) => "금액 (원, 로그 눈금: 한 칸에 10배)",
        (Scale::Log, Lang::En) => "Amount (won, log scale: ×10 per step)",
    }
}

/// Names the source under the chart; an illustrative dataset says so first.
pub fn source_note(d: &Dataset, lang: Lang) -> String {
    let m = d.meta();
    let src = &m.source;
    let mut note = String::new();
    if m.illustrative {
        note.push_str(pick(
            lang,
            "예시용 가상 수치입니다. ",
            "Illustrative figures, not real ones. ",
        ));
    }
    note.push_str(&match lang {
        Lang::Ko => format!("출처: {} ({}년 보도)", src.title, src.year),
        Lang::En => format!(
            "Source: “{}” ({}, Korean newspaper feature)",
            src.title, src.year
        ),
    });
    note
}

/// The chart's accessible name: what it shows and every value, in one sentence.
pub fn overview_summary(d: &Dataset, lang: Lang) -> String {
    let parts: Vec<String> = d
        .headline_figures()
        .into_iter()
        .map(|(p, f)| {
            format!(
                "{} {}: {}",
                pick(lang, &p.name.ko, &p.name.en),
                pick(lang, &f.label.ko, &f.label.en),
                compact_marked(f.amount, f.approximate, lang)
            )
        })
        .collect();
    let head = match lang {
        Lang::Ko => "사업별 보도 금액 막대그래프. ",
        Lang::En => "Bar chart of the reported amounts per program. ",
    };
    let illustrative = if d.meta().illustrative {
        pick(lang, "예시용 가상 수치. ", "Illustrative figures. ")
    } else {
        ""
    };
    format!(
        "{head}{illustrative}{}. {}",
        parts.join(", "),
        source_note(d, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    fn data() -> Dataset {
        model::load(
            "ansan-2015.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid")
    }

    #[test]
    fn one_bar_per_headline_figure_never_summed() {
        let c = overview_chart(&data(), Scale::Linear, Lang::Ko).expect("chart");
        let values: Vec<i64> = c.bars.iter().map(|b| b.value).collect();
        assert_eq!(
            values,
            vec![445_000_000_000, 1_900_000_000, 2_400_000_000, 5_000_000_000]
        );
        let labels: Vec<&str> = c.bars.iter().map(|b| b.value_label.as_str()).collect();
        assert_eq!(labels, vec!["약 4,450억원", "19억원", "24억원", "50억원"]);
        let tones: Vec<usize> = c.bars.iter().map(|b| b.tone).collect();
        assert_eq!(
            tones,
            vec![0, 1, 1, 2],
            "incubation's two bars share a program tone"
        );
        assert_eq!((c.tick_label)(100_000_000_000), "1,000억원");
        assert!(c.source_note.contains("13") || c.source_note.contains("2015"));
    }

    #[test]
    fn english_chart_and_summary() {
        let d = data();
        let c = overview_chart(&d, Scale::Log, Lang::En).expect("chart");
        assert_eq!(c.bars[0].value_label, "about KRW 445.0 billion");
        assert_eq!((c.tick_label)(1_000_000_000), "KRW 1.0 billion");
        assert!(c.axis_title.contains("log"));
        let s = overview_summary(&d, Lang::En);
        assert!(s.contains("Youth start-up incubation Provincial grant won (Creativity Award): KRW 1.9 billion"), "{s}");
        assert!(s.contains("Source:"), "{s}");
    }

    #[test]
    fn illustrative_data_says_so_on_the_chart() {
        let text = include_str!("../../data/ansan-2015.json")
            .replace("\"illustrative\": false", "\"illustrative\": true");
        let d = model::load("x.json", &text).expect("valid");
        let c = overview_chart(&d, Scale::Linear, Lang::Ko).expect("chart");
        assert!(
            c.source_note.starts_with("예시용 가상 수치"),
            "{}",
            c.source_note
        );
        assert!(overview_summary(&d, Lang::Ko).contains("예시용 가상 수치"));
    }
}
