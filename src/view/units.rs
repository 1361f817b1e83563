//! Amounts in the unit the reader chose: 억원 (compact), every won, or per resident (a derived figure whose
//! formula is always shown next to it).

use super::route::Unit;
use super::rows::pick;
use crate::model::format::{approx_marker, compact, exact, group_digits};
use crate::model::{Dataset, Figure, Lang, Won};

/// The population figure per-resident amounts divide by, with its source line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Population {
    pub value: i64,
    pub line: Option<u32>,
}

pub fn population(d: &Dataset) -> Option<Population> {
    d.population().map(|c| Population {
        value: c.value,
        line: match c.provenance {
            crate::model::Provenance::Reported { line, .. } => Some(line),
            _ => None,
        },
    })
}

/// The value to draw and its label, in `unit`. `None` for per resident when there is no population figure.
pub fn amount_in(
    f: &Figure,
    unit: Unit,
    pop: Option<Population>,
    lang: Lang,
) -> Option<(Won, String)> {
    let marker = if f.approximate {
        approx_marker(lang)
    } else {
        ""
    };
    match unit {
        Unit::Eok => Some((f.amount, format!("{marker}{}", compact(f.amount, lang)))),
        Unit::Won => Some((f.amount, format!("{marker}{}", exact(f.amount, lang)))),
        Unit::PerResident => {
            let per = f.per_resident(pop?.value)?;
            // Every per-resident amount says so, in both languages: a bare "6,579원" beside a total reads as money.
            let label = match lang {
                Lang::Ko => format!("1인당 {marker}{}", exact(per, lang)),
                Lang::En => format!("{marker}KRW {} per resident", group_digits(per.get())),
            };
            Some((per, label))
        }
    }
}

/// The formula line for per-resident amounts, with one worked example.
pub fn per_resident_formula(example: &Figure, pop: Population, lang: Lang) -> Option<String> {
    let per = example.per_resident(pop.value)?;
    let marker = if example.approximate {
        approx_marker(lang)
    } else {
        ""
    };
    let line = pop
        .line
        .map(|l| match lang {
            Lang::Ko => format!(" (기사 {l}행)"),
            Lang::En => format!(" (article line {l})"),
        })
        .unwrap_or_default();
    Some(match lang {
        Lang::Ko => format!(
            "1인당 금액 = 금액 ÷ 인구 {}명{line}, 원 단위 반올림(0.5원은 올림). 예: {marker}{} ÷ {}명 = {marker}{}. 계산값이며 기사에 나오지 않습니다.",
            group_digits(pop.value),
            compact(example.amount, lang),
            group_digits(pop.value),
            exact(per, lang)
        ),
        Lang::En => format!(
            "Per resident = amount ÷ population {}{line}, rounded to the nearest won (halves up). E.g. {marker}{} ÷ {} = {marker}{}. Computed here, not stated in the article.",
            group_digits(pop.value),
            exact(example.amount, lang),
            group_digits(pop.value),
            exact(per, lang)
        ),
    })
}

/// The unit's name for controls.
pub fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Eok => pick(lang, "억원", "Billions"),
        Unit::Won => pick(lang, "원 (전체 자릿수)", "Won (exact)"),
        Unit::PerResident => pick(lang, "시민 1인당", "Per resident"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_formula() {
        let d = crate::import::project::load_dataset(
            "a.json",
            include_str!("../../data/ansan-2015.json"),
        )
        .expect("valid");
        let pop = population(&d);
        assert_eq!(
            pop,
            Some(Population {
                value: 760_000,
                line: Some(4)
            })
        );
        let total = d.figure("regeneration-total").expect("total");
        let sme = d.figure("sme-budget").expect("sme");
        let cases = [
            (total, Unit::Eok, Lang::Ko, 445_000_000_000, "약 4,450억원"),
            (
                total,
                Unit::Won,
                Lang::Ko,
                445_000_000_000,
                "약 445,000,000,000원",
            ),
            (
                total,
                Unit::PerResident,
                Lang::Ko,
                585_526,
                "1인당 약 585,526원",
            ),
            (
                total,
                Unit::PerResident,
                Lang::En,
                585_526,
                "about KRW 585,526 per resident",
            ),
            (sme, Unit::PerResident, Lang::Ko, 6_579, "1인당 6,579원"),
            (sme, Unit::Eok, Lang::En, 5_000_000_000, "KRW 5 billion"),
        ];
        for (f, unit, lang, value, label) in cases {
            let (v, l) = amount_in(f, unit, pop, lang).expect("amount");
            assert_eq!(
                (v.get(), l.as_str()),
                (value, label),
                "{} {unit:?} {lang:?}",
                f.id
            );
        }
        assert_eq!(amount_in(total, Unit::PerResident, None, Lang::Ko), None);
        let ko = per_resident_formula(total, pop.expect("pop"), Lang::Ko).expect("formula");
        assert!(
            ko.contains("약 4,450억원 ÷ 760,000명 = 약 585,526원"),
            "{ko}"
        );
        assert!(ko.contains("4행"), "{ko}");
        let en = per_resident_formula(total, pop.expect("pop"), Lang::En).expect("formula");
        assert!(
            en.contains("about 445,000,000,000 won ÷ 760,000 = about 585,526 won"),
            "{en}"
        );
    }
}
