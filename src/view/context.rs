//! Context figures (population, shares, ages) as short stat lines, with their source line.

use super::rows::pick;
use crate::model::format::group_digits;
use crate::model::{Comparison, ContextFigure, ContextUnit, Lang, Provenance};

/// `760,000명`, `40% 이상`, `39세 이하`; `760,000 people`, `over 40%`, `aged 39 or under`.
pub fn context_value(c: &ContextFigure, lang: Lang) -> String {
    let n = group_digits(c.value);
    let base = match (c.unit, lang) {
        (ContextUnit::People, Lang::Ko) => format!("{n}명"),
        (ContextUnit::People, Lang::En) => format!("{n} people"),
        (ContextUnit::Percent, _) => format!("{n}%"),
        (ContextUnit::Years, Lang::Ko) => format!("{n}년"),
        (ContextUnit::Years, Lang::En) => format!("{n} years"),
        (ContextUnit::Age, Lang::Ko) => format!("{n}세"),
        (ContextUnit::Age, Lang::En) => format!("aged {n}"),
        (ContextUnit::Months, Lang::Ko) => format!("{n}개월"),
        (ContextUnit::Months, Lang::En) => format!("{n} months"),
        (ContextUnit::Factories, Lang::Ko) => format!("{n}개 공장"),
        (ContextUnit::Factories, Lang::En) => format!("{n} factories"),
        (ContextUnit::Universities, Lang::Ko) => format!("{n}개 대학"),
        (ContextUnit::Universities, Lang::En) => format!("{n} universities"),
    };
    match (c.comparison, lang) {
        (Comparison::Exact, _) => base,
        (Comparison::Over, Lang::Ko) => format!("{base} 이상"),
        (Comparison::Over, Lang::En) => format!("over {base}"),
        (Comparison::About, Lang::Ko) => format!("약 {base}"),
        (Comparison::About, Lang::En) => format!("about {base}"),
        (Comparison::AtMost, Lang::Ko) => format!("{base} 이하"),
        (Comparison::AtMost, Lang::En) => format!("{base} or under"),
    }
}

/// `기사 4행 “인구 76만의 대도시”`.
pub fn context_source(c: &ContextFigure, lang: Lang) -> String {
    match &c.provenance {
        Provenance::Reported { quote, line } => match lang {
            Lang::Ko => format!("기사 {line}행 “{quote}”"),
            Lang::En => format!("Article line {line}: “{quote}”"),
        },
        Provenance::Derived { formula, .. } => pick(lang, &formula.ko, &formula.en).to_owned(),
        Provenance::Illustrative { .. } => {
            pick(lang, "예시용 가상 수치", "Illustrative figure").to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_values_in_both_languages() {
        let d = crate::import::project::load_dataset(
            "a.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid");
        let cases = [
            ("population", "760,000명", "760,000 people"),
            ("manufacturing-share", "40% 이상", "over 40%"),
            ("complex-age", "35년", "35 years"),
            ("utilisation-decline", "3개월", "3 months"),
            ("smart-factory-target", "10,000개 공장", "10,000 factories"),
            ("universities", "5개 대학", "5 universities"),
            ("incubation-age-limit", "39세 이하", "aged 39 or under"),
        ];
        for (id, ko, en) in cases {
            let c = d.context_figure(id).expect(id);
            assert_eq!(context_value(c, Lang::Ko), ko);
            assert_eq!(context_value(c, Lang::En), en);
        }
        let pop = d.context_figure("population").expect("population");
        assert_eq!(
            context_source(pop, Lang::Ko),
            "기사 4행 “인구 76만의 대도시”"
        );
    }
}
