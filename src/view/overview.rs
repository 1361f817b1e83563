//! Chart input built from the model: the overview (every program's headline figures side by side, one bar
//! each, never summed) and each program's own figures; plus the tooltip text for every bar.

use super::route::Unit;
use super::rows::pick;
use super::units::{amount_in, population};
use super::words;
use crate::chart::{Bar, BarChart, Scale};
use crate::model::format::{english, english_exact, exact, korean, korean_exact};
use crate::model::{Dataset, Figure, FigureKind, Lang, Program, Provenance, Won};
use std::rc::Rc;

fn tick_ko(v: i64) -> String {
    korean(Won::new(v))
}
fn tick_ko_exact(v: i64) -> String {
    korean_exact(Won::new(v))
}
fn tick_en(v: i64) -> String {
    english(Won::new(v))
}
fn tick_en_exact(v: i64) -> String {
    english_exact(Won::new(v))
}

fn tick_label(unit: Unit, lang: Lang) -> fn(i64) -> String {
    match (unit, lang) {
        (Unit::Eok, Lang::Ko) => tick_ko,
        (Unit::Won | Unit::PerResident, Lang::Ko) => tick_ko_exact,
        (Unit::Eok | Unit::PerResident, Lang::En) => tick_en,
        (Unit::Won, Lang::En) => tick_en_exact,
    }
}

/// What the reader sees when a bar is hovered, tapped or focused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tip {
    pub figure_id: String,
    pub program_id: String,
    pub title: String,
    /// In the chosen unit, e.g. `약 4,450억원` or `약 585,526원`.
    pub amount: String,
    /// Every won of the figure itself, labelled: `전체 금액: 445,000,000,000원`.
    pub exact: String,
    pub kind: String,
    pub source: String,
    /// Its share of its program's total, where the program reports one and this figure is a part of it
    /// (`총사업비의 약 78.7%`); `None` otherwise. Figures of different programs, or 19억 and 24억, are never
    /// added up to make a total to divide by.
    pub share: Option<String>,
    /// Everything above in one sentence, as a screen reader announces the point.
    pub spoken: String,
}

/// A chart plus, per bar, its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    pub chart: Rc<BarChart>,
    pub tips: Rc<Vec<Tip>>,
    /// The accessible name: what the chart shows and every value.
    pub summary: String,
}

/// The overview: every program's headline figures, toned by program.
pub fn overview_chart(
    d: &Dataset,
    unit: Unit,
    scale: Scale,
    lang: Lang,
) -> Result<ChartView, String> {
    let figures: Vec<(usize, &Program, &Figure)> = d
        .programs()
        .iter()
        .enumerate()
        .flat_map(|(tone, p)| p.headline_figures().into_iter().map(move |f| (tone, p, f)))
        .collect();
    let head = pick(
        lang,
        "사업별 보도 금액 막대그래프",
        "Bar chart of the reported amounts per program",
    );
    build(d, &figures, unit, scale, lang, head)
}

/// One program's figures (all of them, derived ones labelled), toned by program.
pub fn program_chart(
    d: &Dataset,
    program: &Program,
    unit: Unit,
    scale: Scale,
    lang: Lang,
) -> Result<ChartView, String> {
    let tone = d
        .programs()
        .iter()
        .position(|p| p.id == program.id)
        .unwrap_or(0);
    let figures: Vec<(usize, &Program, &Figure)> =
        program.figures.iter().map(|f| (tone, program, f)).collect();
    let head = match lang {
        Lang::Ko => format!("{} 금액 막대그래프", program.name.ko),
        Lang::En => format!("Bar chart of the amounts of {}", program.name.en),
    };
    build(d, &figures, unit, scale, lang, &head)
}

fn build(
    d: &Dataset,
    figures: &[(usize, &Program, &Figure)],
    unit: Unit,
    scale: Scale,
    lang: Lang,
    head: &str,
) -> Result<ChartView, String> {
    let pop = population(d);
    let mut bars = Vec::new();
    let mut tips = Vec::new();
    for &(tone, p, f) in figures {
        let Some((value, value_label)) = amount_in(f, unit, pop, lang) else {
            return Err(pick(
                lang,
                "인구 수치가 없어 1인당 금액을 계산할 수 없습니다",
                "No population figure, so no per-resident amounts",
            )
            .to_owned());
        };
        let derived = matches!(f.provenance, Provenance::Derived { .. });
        let label = pick(lang, &f.label.ko, &f.label.en);
        let label = if derived {
            format!("{label} {}", pick(lang, "(계산값)", "(derived)"))
        } else {
            label.to_owned()
        };
        bars.push(Bar {
            key: f.id.clone(),
            group: pick(lang, &p.name.ko, &p.name.en).to_owned(),
            label,
            value: value.get(),
            value_label: value_label.clone(),
            tone,
        });
        tips.push(tip(d, p, f, value_label, lang));
    }
    if bars.is_empty() {
        return Err(pick(
            lang,
            "비교할 금액이 없습니다",
            "There are no amounts to compare",
        )
        .to_owned());
    }
    let source_note = source_note(d, lang);
    let values: Vec<String> = tips
        .iter()
        .map(|t| format!("{}: {}", t.title, t.amount))
        .collect();
    let unit_word = match (unit, lang) {
        (Unit::PerResident, Lang::Ko) => " (시민 1인당, 계산값)",
        (Unit::PerResident, Lang::En) => " (per resident, derived)",
        _ => "",
    };
    let extremes = extremes(&bars, &tips, lang);
    // The source is not in the name: its Korean title would be read with English rules on an English page. The
    // chart is described by its source line instead, where the title carries its own `lang`.
    let summary = format!(
        "{head}{unit_word}. {}. {extremes}{}",
        values.join(", "),
        illustrative_note(d, lang)
    );
    Ok(ChartView {
        chart: Rc::new(BarChart {
            bars,
            scale,
            axis_title: axis_title(unit, scale, lang),
            source_note,
            tick_label: tick_label(unit, lang),
        }),
        tips: Rc::new(tips),
        summary,
    })
}

/// Where a figure comes from, as a tooltip says it: the article's title, line and quote; or how it is derived.
pub(crate) fn source_line(d: &Dataset, f: &Figure, lang: Lang) -> String {
    let src = &d.meta().source;
    match &f.provenance {
        Provenance::Reported { quote, line } => match lang {
            Lang::Ko => format!("출처: 「{}」({}) {line}행 — “{quote}”", src.title, src.year),
            Lang::En => format!(
                "Source: “{}” ({}), line {line} — “{quote}”",
                src.title, src.year
            ),
        },
        Provenance::Derived { formula, .. } => match lang {
            Lang::Ko => format!("계산값: {}", formula.ko),
            Lang::En => format!("Derived: {}", formula.en),
        },
        Provenance::Illustrative { .. } => {
            pick(lang, "예시용 가상 수치", "Illustrative, made-up figure").to_owned()
        }
    }
}

/// The sentence a screen reader says for a point: its non-empty parts, in order.
pub(crate) fn spoken(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(". ")
}

fn tip(d: &Dataset, p: &Program, f: &Figure, amount: String, lang: Lang) -> Tip {
    let source = source_line(d, f, lang);
    let title = format!(
        "{} · {}",
        pick(lang, &p.name.ko, &p.name.en),
        pick(lang, &f.label.ko, &f.label.en)
    );
    let exact = format!(
        "{}{}",
        pick(lang, "전체 금액: ", "Whole amount: "),
        exact(f.amount, lang)
    );
    let kind = words::kind(f.kind, lang).to_owned();
    let share = share_of_total(p, f, lang);
    // Every point says where it stands against a total, even when the honest answer is that there is none.
    let share_said = share.clone().unwrap_or_else(|| {
        if f.kind == FigureKind::Total {
            pick(lang, "사업 전체 금액", "the program's whole amount").to_owned()
        } else {
            pick(
                lang,
                "비율 없음: 보도된 한 전체의 부분이 아닌 금액",
                "no share: not part of one reported total",
            )
            .to_owned()
        }
    });
    let spoken = spoken(&[&title, &amount, &exact, &share_said, &kind, &source]);
    Tip {
        figure_id: f.id.clone(),
        program_id: p.id.clone(),
        title,
        amount,
        exact,
        kind,
        source,
        share,
        spoken,
    }
}

/// A figure's share of its program's reported total (a figure of kind `total`), to one decimal, in integers.
/// `None` for the total itself, for a program without one, or for a figure larger than it.
fn share_of_total(p: &Program, f: &Figure, lang: Lang) -> Option<String> {
    let total = p
        .figures
        .iter()
        .find(|t| t.kind == FigureKind::Total && t.id != f.id)?;
    let (part, whole) = (f.amount.get(), total.amount.get());
    if whole <= 0 || part < 0 || part > whole {
        return None;
    }
    // Permille, rounded half up, in i64: beyond 4.6·10^15 won both are divided by 1,000 first (a share to 0.1%
    // cannot tell the difference), so part·2000 never overflows.
    let (part, whole) = if whole > i64::MAX / 2000 {
        (part / 1000, whole / 1000)
    } else {
        (part, whole)
    };
    let permille = (part * 2000 + whole) / (2 * whole);
    let percent = format!("{}.{}%", permille / 10, permille % 10);
    let about = f.approximate || total.approximate;
    Some(match lang {
        Lang::Ko => format!(
            "{}의 {}{percent}",
            total.label.ko,
            if about { "약 " } else { "" }
        ),
        // "of the total", not the total's own label: lowercasing it would link Unicode's case tables.
        Lang::En => format!(
            "{}{percent} of the total",
            if about { "about " } else { "" }
        ),
    })
}

/// "Largest: …, smallest: …, about N times." for a chart's summary; empty for fewer than two bars.
fn extremes(bars: &[Bar], tips: &[Tip], lang: Lang) -> String {
    let mut max: Option<(&Bar, &Tip)> = None;
    let mut min: Option<(&Bar, &Tip)> = None;
    for (b, t) in bars.iter().zip(tips) {
        if max.is_none_or(|(m, _)| b.value > m.value) {
            max = Some((b, t));
        }
        if min.is_none_or(|(m, _)| b.value < m.value) {
            min = Some((b, t));
        }
    }
    let (Some((big, big_tip)), Some((small, small_tip))) = (max, min) else {
        return String::new();
    };
    if bars.len() < 2 || small.value <= 0 {
        return String::new();
    }
    let times = (big.value / small.value) + i64::from(2 * (big.value % small.value) >= small.value);
    match lang {
        Lang::Ko => format!(
            "가장 큰 금액: {} {}, 가장 작은 금액: {} {}, 약 {}배 차이. ",
            big_tip.title, big.value_label, small_tip.title, small.value_label, times
        ),
        Lang::En => format!(
            "Largest: {}, {}; smallest: {}, {}; the largest is about {} times the smallest. ",
            big_tip.title, big.value_label, small_tip.title, small.value_label, times
        ),
    }
}

fn axis_title(unit: Unit, scale: Scale, lang: Lang) -> String {
    let what = match (unit, lang) {
        (Unit::PerResident, Lang::Ko) => "시민 1인당 금액 (원)",
        (Unit::PerResident, Lang::En) => "Amount per resident (won)",
        (_, Lang::Ko) => "금액 (원)",
        (_, Lang::En) => "Amount (won)",
    };
    let how = match (scale, lang) {
        (Scale::Linear, Lang::Ko) => "선형 눈금",
        (Scale::Linear, Lang::En) => "linear scale",
        (Scale::Log, Lang::Ko) => "로그 눈금: 한 칸에 10배",
        (Scale::Log, Lang::En) => "log scale: ×10 per step",
    };
    format!("{what}, {how}")
}

/// "Illustrative figures, not real ones. " for a dataset marked illustrative, else nothing: every chart of such
/// a dataset says so, in its name too.
pub fn illustrative_note(d: &Dataset, lang: Lang) -> &'static str {
    if d.meta().illustrative {
        pick(
            lang,
            "예시용 가상 수치입니다. ",
            "Illustrative figures, not real ones. ",
        )
    } else {
        ""
    }
}

/// Names the source under a chart; an illustrative dataset says so first.
pub fn source_note(d: &Dataset, lang: Lang) -> String {
    let m = d.meta();
    let src = &m.source;
    let mut note = illustrative_note(d, lang).to_owned();
    note.push_str(&match lang {
        Lang::Ko => format!("출처: {} ({}년 보도)", src.title, src.year),
        Lang::En => format!(
            "Source: “{}” ({}, Korean newspaper feature)",
            src.title, src.year
        ),
    });
    note
}

/// How many programs, in words where Korean and English use words ("세 프로그램", "the three programs"), in
/// digits past ten.
fn count_words(n: usize, lang: Lang) -> String {
    const KO: [&str; 10] = [
        "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열",
    ];
    const EN: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let words = match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    };
    n.checked_sub(1)
        .and_then(|i| words.get(i))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// "세 사업" / "the three programs": a dataset's programs counted, with `ko_noun` as the Korean noun.
fn counted_programs(n: usize, lang: Lang, ko_noun: &str) -> String {
    match lang {
        Lang::Ko if n <= 10 => format!("{} {ko_noun}", count_words(n, lang)),
        Lang::Ko => format!("{ko_noun} {n}개"),
        Lang::En if n == 1 => "the program".to_owned(),
        Lang::En => format!("the {} programs", count_words(n, lang)),
    }
}

/// The heading over the overview's program cards: "세 프로그램" for the article's three, counted from the data.
pub fn programs_heading(d: &Dataset, lang: Lang) -> String {
    let n = d.programs().len();
    match lang {
        Lang::Ko if n == 1 => "프로그램".to_owned(),
        Lang::Ko => counted_programs(n, lang, "프로그램"),
        Lang::En => counted_programs(n, lang, "").replacen("the", "The", 1),
    }
}

/// The overview's opening line: what is compared, from which source, and what comes with each amount. Counted
/// and named from the data, so another dataset is not introduced as the article's three programs; an illustrative
/// dataset says so first and promises no quotes.
pub fn overview_lede(d: &Dataset, lang: Lang) -> String {
    let m = d.meta();
    let what = counted_programs(d.programs().len(), lang, "사업");
    if m.illustrative {
        return match lang {
            Lang::Ko => format!("{}{what}의 금액을 비교합니다.", illustrative_note(d, lang)),
            Lang::En => format!(
                "{}Compare the amounts of {what}.",
                illustrative_note(d, lang)
            ),
        };
    }
    let src = &m.source;
    match lang {
        Lang::Ko => format!(
            "「{}」({}년)에 보도된 {what}에 들어가는 돈을 비교합니다. 보도된 금액은 원문의 해당 행과, 계산값은 계산 방법과 함께 보여 줍니다.",
            src.title, src.year
        ),
        Lang::En => format!(
            "Compare the money going into {what} reported in “{}” ({}). Each reported amount comes with its line in the source, each derived one with how it was computed.",
            src.title, src.year
        ),
    }
}

/// The line at the foot of every explorer page: where the amounts come from, from the dataset's source, so a file
/// with another source or title never sits under a line naming the article. An illustrative dataset says that
/// instead of claiming quotes.
pub fn site_footer(d: &Dataset, lang: Lang) -> String {
    let m = d.meta();
    let src = &m.source;
    if m.illustrative {
        return format!(
            "{}{}",
            illustrative_note(d, lang),
            pick(
                lang,
                "각 금액의 출처는 표에 밝혀 두었습니다.",
                "Each amount's source is given in the tables."
            )
        );
    }
    match lang {
        Lang::Ko => format!(
            "모든 금액은 「{}」({}년)에서 인용했으며, 원문 행 번호를 함께 표시합니다. 계산값은 계산 방법을 밝힙니다.",
            src.title, src.year
        ),
        Lang::En => format!(
            "Every amount is quoted from “{}” ({}) with its line number; derived values say how they were computed.",
            src.title, src.year
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    /// The test fixture marked illustrative.
    fn illustrative() -> Dataset {
        let text = include_str!("../../tests/fixtures/ansan-2015.v1.json")
            .replace("\"illustrative\": false", "\"illustrative\": true");
        model::load("x.json", &text).expect("valid")
    }

    /// `text` of an illustrative dataset, in both languages, opens with its note and claims none of `claims`.
    fn says_illustrative_and_claims_none(text: fn(&Dataset, Lang) -> String, claims: [&str; 2]) {
        let d = illustrative();
        for lang in [Lang::Ko, Lang::En] {
            let t = text(&d, lang);
            assert!(t.starts_with(illustrative_note(&d, lang)), "{t}");
            assert!(!claims.iter().any(|c| t.contains(c)), "{t}");
        }
    }

    fn data() -> Dataset {
        crate::import::project::load_dataset(
            "ansan-2015.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid")
    }

    #[test]
    fn one_bar_per_headline_figure_never_summed() {
        let v = overview_chart(&data(), Unit::Eok, Scale::Linear, Lang::Ko).expect("chart");
        let c = &v.chart;
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
        assert_eq!(v.tips.len(), 4);
        let t = &v.tips[0];
        assert_eq!(t.exact, "전체 금액: 445,000,000,000원");
        assert_eq!(t.kind, "총사업비");
        assert!(t.source.contains("8행"), "{}", t.source);
        assert_eq!(t.program_id, "regeneration");
    }

    #[test]
    fn points_say_their_share_and_the_summary_names_the_extremes() {
        let d = data();
        let p = d.program("regeneration").expect("program");
        let ko = program_chart(&d, p, Unit::Eok, Scale::Linear, Lang::Ko).expect("chart");
        let shares: Vec<Option<&str>> = ko.tips.iter().map(|t| t.share.as_deref()).collect();
        assert_eq!(
            shares,
            [
                None,
                Some("총사업비의 약 78.7%"),
                Some("총사업비의 약 21.3%")
            ],
            "the total has no share of itself; the parts are shares of the approximate total"
        );
        let t = &ko.tips[1];
        assert_eq!(
            t.spoken,
            format!(
                "{}. {}. {}. 총사업비의 약 78.7%. {}. {}",
                t.title, t.amount, t.exact, t.kind, t.source
            )
        );
        assert!(
            ko.tips[0].spoken.contains("사업 전체 금액"),
            "{}",
            ko.tips[0].spoken
        );
        assert!(
            ko.summary
                .contains("가장 큰 금액: 안산스마트허브 재생혁신사업 · 총사업비 약 4,450억원"),
            "{}",
            ko.summary
        );
        assert!(ko.summary.contains("약 5배 차이"), "{}", ko.summary);
        let en = program_chart(&d, p, Unit::Eok, Scale::Linear, Lang::En).expect("chart");
        assert_eq!(
            en.tips[1].share.as_deref(),
            Some("about 78.7% of the total")
        );

        // The overview's programs are not parts of one total, and incubation's two amounts are never added: no
        // shares there; its extremes are 4,450억 and 19억, about 234 times.
        let o = overview_chart(&d, Unit::Eok, Scale::Linear, Lang::En).expect("chart");
        assert!(o.tips.iter().all(|t| t.share.is_none()));
        // …and each point says so, or that it is the whole.
        assert!(
            o.tips[0].spoken.contains("the program's whole amount"),
            "{}",
            o.tips[0].spoken
        );
        assert!(
            o.tips[1]
                .spoken
                .contains("no share: not part of one reported total"),
            "{}",
            o.tips[1].spoken
        );
        assert!(
            o.summary
                .contains("the largest is about 234 times the smallest"),
            "{}",
            o.summary
        );
        assert!(o.tips.iter().all(|t| t.spoken.starts_with(&t.title)));
    }

    #[test]
    fn per_resident_overview() {
        let v = overview_chart(&data(), Unit::PerResident, Scale::Linear, Lang::Ko).expect("chart");
        assert_eq!(v.chart.bars[0].value, 585_526);
        assert_eq!(v.chart.bars[0].value_label, "1인당 약 585,526원");
        assert_eq!(v.tips[0].amount, "1인당 약 585,526원");
        assert_eq!(
            v.tips[0].exact, "전체 금액: 445,000,000,000원",
            "the tooltip keeps the figure's own exact amount, labelled"
        );
        let en =
            overview_chart(&data(), Unit::PerResident, Scale::Linear, Lang::En).expect("chart");
        assert_eq!(en.tips[0].amount, "about KRW 585,526 per resident");
        assert_eq!(en.tips[0].exact, "Whole amount: 445,000,000,000 won");
        assert!(v.summary.contains("시민 1인당, 계산값"));
    }

    #[test]
    fn program_chart_labels_derived_figures() {
        let d = data();
        let p = d.program("regeneration").expect("program");
        let v = program_chart(&d, p, Unit::Eok, Scale::Linear, Lang::En).expect("chart");
        let labels: Vec<&str> = v.chart.bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "Total",
                "Private capital",
                "Public money (all but private capital) (derived)"
            ]
        );
        assert!(
            v.tips[2]
                .source
                .starts_with("Derived: total of about KRW 445 billion minus"),
            "{}",
            v.tips[2].source
        );
        assert_eq!(v.chart.bars[2].value_label, "about KRW 95 billion");
    }

    #[test]
    fn english_chart_and_summary() {
        let d = data();
        let v = overview_chart(&d, Unit::Eok, Scale::Log, Lang::En).expect("chart");
        assert_eq!(v.chart.bars[0].value_label, "about KRW 445 billion");
        assert_eq!((v.chart.tick_label)(1_000_000_000), "KRW 1 billion");
        assert!(v.chart.axis_title.contains("log"));
        assert!(
            v.summary.contains("Youth start-up incubation · Provincial grant won (Creativity Award): KRW 1.9 billion"),
            "{}",
            v.summary
        );
        // No Hangul in an English chart's name: the Korean source title describes it from the source line.
        assert!(
            !v.summary
                .chars()
                .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
            "{}",
            v.summary
        );
        assert!(!v.summary.contains("Source:"), "{}", v.summary);
    }

    #[test]
    fn the_overview_counts_and_names_its_programs_and_source_from_the_data() {
        let d = data();
        assert_eq!(programs_heading(&d, Lang::Ko), "세 프로그램");
        assert_eq!(programs_heading(&d, Lang::En), "The three programs");
        assert_eq!(
            overview_lede(&d, Lang::Ko),
            "「안산시, 지역경제 선순환 ‘올인’」(2015년)에 보도된 세 사업에 들어가는 돈을 비교합니다. 보도된 금액은 원문의 해당 행과, 계산값은 계산 방법과 함께 보여 줍니다."
        );
        assert!(overview_lede(&d, Lang::En).starts_with(
            "Compare the money going into the three programs reported in “안산시, 지역경제 선순환 ‘올인’” (2015)."
        ));
        for (n, ko, en) in [
            (1, "한", "one"),
            (4, "네", "four"),
            (10, "열", "ten"),
            (11, "11", "11"),
            (0, "0", "0"),
        ] {
            assert_eq!(count_words(n, Lang::Ko), ko);
            assert_eq!(count_words(n, Lang::En), en);
        }
        says_illustrative_and_claims_none(overview_lede, ["보도된", "reported"]);
    }

    #[test]
    fn the_footer_names_the_datasets_own_source_and_an_illustrative_one_claims_no_quotes() {
        let d = data();
        assert_eq!(
            site_footer(&d, Lang::Ko),
            "모든 금액은 「안산시, 지역경제 선순환 ‘올인’」(2015년)에서 인용했으며, 원문 행 번호를 함께 표시합니다. 계산값은 계산 방법을 밝힙니다."
        );
        assert!(site_footer(&d, Lang::En)
            .starts_with("Every amount is quoted from “안산시, 지역경제 선순환 ‘올인’” (2015)"));
        let text = include_str!("../../tests/fixtures/ansan-2015.v1.json")
            .replace(
                "\"title\": \"안산시, 지역경제 선순환 ‘올인’\"",
                "\"title\": \"다른 기사\"",
            )
            .replace("\"year\": 2015", "\"year\": 2016");
        let other = model::load("x.json", &text).expect("valid");
        assert!(
            site_footer(&other, Lang::Ko).contains("「다른 기사」(2016년)"),
            "{}",
            site_footer(&other, Lang::Ko)
        );
        says_illustrative_and_claims_none(site_footer, ["quoted", "인용"]);
    }

    #[test]
    fn illustrative_data_says_so_on_the_chart() {
        let v = overview_chart(&illustrative(), Unit::Eok, Scale::Linear, Lang::Ko).expect("chart");
        assert!(
            v.chart.source_note.starts_with("예시용 가상 수치"),
            "{}",
            v.chart.source_note
        );
        assert!(v.summary.contains("예시용 가상 수치"));
    }
}
