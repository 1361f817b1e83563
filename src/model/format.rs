//! Money and number formatting in Korean units (조/억/만원, 천원/백만원) and English, from whole won.
//!
//! Pure integer arithmetic: nothing here goes through a float, so a printed figure is never off by rounding
//! noise. Compact English forms round to one decimal (half away from zero); every other form is exact.

use super::money::{Won, EOK, JO};

/// The two languages of the explorer. Korean comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    /// The BCP 47 tag, for `lang` attributes and URLs.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// The explorer's other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Digits grouped by thousands: `445000000000` → `445,000,000,000`.
pub fn group_digits(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Korean compact form, exact: `4,450억원`, `1조 2,345억원`, `1억 2,345만 6,789원`; below 1억 plain won:
/// `585,526원`.
pub fn korean(won: Won) -> String {
    let n = won.get();
    let sign = if n < 0 { "-" } else { "" };
    let abs = n.unsigned_abs();
    let (jo, eok) = (JO.unsigned_abs(), EOK.unsigned_abs());
    if abs < eok {
        return format!("{}원", group_digits(n));
    }
    let parts = [
        (abs / jo, "조"),
        (abs % jo / eok, "억"),
        (abs % eok / 10_000, "만"),
        (abs % 10_000, ""),
    ];
    let body: Vec<String> = parts
        .iter()
        .filter(|(v, _)| *v > 0)
        .map(|(v, unit)| format!("{}{unit}", group_u64(*v)))
        .collect();
    format!("{sign}{}원", body.join(" "))
}

/// Korean exact form: `445,000,000,000원`.
pub fn korean_exact(won: Won) -> String {
    format!("{}원", group_digits(won.get()))
}

/// English compact form, at most one decimal: `KRW 445 billion`, `KRW 1.9 billion`, `KRW 1.2 trillion`,
/// `KRW 12.3 million`; below a million the exact amount: `KRW 585,526`. A whole number has no `.0`, and an
/// amount that rounds up to the next scale is named in it (`KRW 1 billion`, not `KRW 1,000 million`).
pub fn english(won: Won) -> String {
    let n = won.get();
    let sign = if n < 0 { "-" } else { "" };
    let abs = n.unsigned_abs();
    let scales: [(u64, &str); 3] = [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
    ];
    for (scale, word) in scales {
        // From 0.95 of a scale on, the amount rounds to at least 1.0 of it.
        if abs >= scale - scale / 20 {
            // Tenths of the scale, rounded half away from zero, in u64 (128-bit arithmetic and printing would
            // each link more code into the .wasm): r < scale ≤ 10^12, so r·20 fits; tenths < 10^14.
            let (q, r) = (abs / scale, abs % scale);
            let tenths = q * 10 + (r * 20 + scale) / (scale * 2);
            let whole = group_u64(tenths / 10);
            return match tenths % 10 {
                0 => format!("{sign}KRW {whole} {word}"),
                tenth => format!("{sign}KRW {whole}.{tenth} {word}"),
            };
        }
    }
    format!("KRW {}", group_digits(n))
}

/// English exact form: `445,000,000,000 won`.
pub fn english_exact(won: Won) -> String {
    format!("{} won", group_digits(won.get()))
}

/// Compact form in the given language.
pub fn compact(won: Won, lang: Lang) -> String {
    match lang {
        Lang::Ko => korean(won),
        Lang::En => english(won),
    }
}

/// Exact form in the given language.
pub fn exact(won: Won, lang: Lang) -> String {
    match lang {
        Lang::Ko => korean_exact(won),
        Lang::En => english_exact(won),
    }
}

/// The marker an approximate figure carries in front of its amount.
pub fn approx_marker(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "약 ",
        Lang::En => "about ",
    }
}

/// Compact form with the approximate marker when `approximate`.
pub fn compact_marked(won: Won, approximate: bool, lang: Lang) -> String {
    let body = compact(won, lang);
    if approximate {
        format!("{}{body}", approx_marker(lang))
    } else {
        body
    }
}

/// The units Korean budget tables print amounts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableUnit {
    Won,
    /// 천원
    Thousand,
    /// 백만원
    Million,
    /// 억원
    Eok,
}

impl TableUnit {
    fn divisor(self) -> i64 {
        match self {
            TableUnit::Won => 1,
            TableUnit::Thousand => 1_000,
            TableUnit::Million => 1_000_000,
            TableUnit::Eok => EOK,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            TableUnit::Won => "원",
            TableUnit::Thousand => "천원",
            TableUnit::Million => "백만원",
            TableUnit::Eok => "억원",
        }
    }
}

/// An amount as a budget table prints it, exactly: `445,000백만원`, `585.526백만원` (a remainder becomes
/// exact decimals, never a rounded one).
pub fn in_table_unit(won: Won, unit: TableUnit) -> String {
    let n = won.get();
    let d = unit.divisor();
    let whole = group_digits(n / d);
    let rem = (n % d).unsigned_abs();
    let sign = if n < 0 && n / d == 0 { "-" } else { "" };
    if rem == 0 {
        return format!("{sign}{whole}{}", unit.suffix());
    }
    let width = d.ilog10() as usize;
    let frac = format!("{rem:0width$}");
    format!(
        "{sign}{whole}.{}{}",
        frac.trim_end_matches('0'),
        unit.suffix()
    )
}

fn group_u64(n: u64) -> String {
    i64::try_from(n)
        .map(group_digits)
        .unwrap_or_else(|_| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_units() {
        let cases = [
            (445_000_000_000, "4,450억원"),
            (350_000_000_000, "3,500억원"),
            (95_000_000_000, "950억원"),
            (1_900_000_000, "19억원"),
            (2_400_000_000, "24억원"),
            (5_000_000_000, "50억원"),
            (1_234_500_000_000, "1조 2,345억원"),
            (1_000_000_000_000, "1조원"),
            (2_000_500_000_000, "2조 5억원"),
            (2_000_050_000_000, "2조 5,000만원"),
            (123_456_789, "1억 2,345만 6,789원"),
            (100_000_000, "1억원"),
            (585_526, "585,526원"),
            (99_999_999, "99,999,999원"),
            (0, "0원"),
            (-1_900_000_000, "-19억원"),
            (-585_526, "-585,526원"),
            (i64::MAX, "9,223,372조 368억 5,477만 5,807원"),
        ];
        for (won, want) in cases {
            assert_eq!(korean(Won::new(won)), want, "{won}");
        }
    }

    #[test]
    fn korean_exact_and_english_exact() {
        assert_eq!(korean_exact(Won::new(445_000_000_000)), "445,000,000,000원");
        assert_eq!(
            english_exact(Won::new(445_000_000_000)),
            "445,000,000,000 won"
        );
        assert_eq!(english_exact(Won::new(-1_000)), "-1,000 won");
        assert_eq!(group_digits(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1_000), "1,000");
    }

    #[test]
    fn english_units() {
        let cases = [
            (445_000_000_000, "KRW 445 billion"),
            (95_000_000_000, "KRW 95 billion"),
            (1_900_000_000, "KRW 1.9 billion"),
            (2_400_000_000, "KRW 2.4 billion"),
            (5_000_000_000, "KRW 5 billion"),
            (1_234_500_000_000, "KRW 1.2 trillion"),
            (1_250_000_000_000, "KRW 1.3 trillion"),
            (12_345_678, "KRW 12.3 million"),
            (999_950_000, "KRW 1 billion"),
            (949_949_999, "KRW 949.9 million"),
            (949_950_000, "KRW 950 million"),
            (950_000_000, "KRW 1 billion"),
            (100_000_000_000, "KRW 100 billion"),
            (585_526, "KRW 585,526"),
            (-1_900_000_000, "-KRW 1.9 billion"),
            (0, "KRW 0"),
            (i64::MAX, "KRW 9,223,372 trillion"),
            (i64::MIN, "-KRW 9,223,372 trillion"),
            (1_049_999_999_999, "KRW 1 trillion"),
            (1_050_000_000_000, "KRW 1.1 trillion"),
        ];
        for (won, want) in cases {
            assert_eq!(english(Won::new(won)), want, "{won}");
        }
        // The rounding done in u64 agrees with the same rounding done in 128 bits, at each scale's edges.
        for (scale, word) in [
            (1_000_000_i64, "million"),
            (1_000_000_000, "billion"),
            (1_000_000_000_000, "trillion"),
        ] {
            let top = if word == "trillion" {
                i64::MAX
            } else {
                scale * 950 - 1
            };
            for n in [
                scale - scale / 20,
                scale,
                scale + scale / 20 - 1,
                scale + scale / 20,
                7 * scale + 1,
                top,
            ] {
                let (n128, s128) = (i128::from(n), i128::from(scale));
                let tenths = (n128 * 20 + s128) / (s128 * 2);
                let whole = group_digits(i64::try_from(tenths / 10).expect("fits"));
                let want = match tenths % 10 {
                    0 => format!("KRW {whole} {word}"),
                    t => format!("KRW {whole}.{t} {word}"),
                };
                assert_eq!(english(Won::new(n)), want, "{n}");
            }
        }
    }

    #[test]
    fn table_units_are_exact() {
        let cases = [
            (445_000_000_000, TableUnit::Million, "445,000백만원"),
            (445_000_000_000, TableUnit::Thousand, "445,000,000천원"),
            (445_000_000_000, TableUnit::Eok, "4,450억원"),
            (585_526_000, TableUnit::Million, "585.526백만원"),
            (1_500, TableUnit::Thousand, "1.5천원"),
            (-500, TableUnit::Thousand, "-0.5천원"),
            (585_526, TableUnit::Won, "585,526원"),
        ];
        for (won, unit, want) in cases {
            assert_eq!(in_table_unit(Won::new(won), unit), want, "{won} {unit:?}");
        }
    }

    #[test]
    fn marked_and_lang() {
        assert_eq!(
            compact_marked(Won::new(445_000_000_000), true, Lang::Ko),
            "약 4,450억원"
        );
        assert_eq!(
            compact_marked(Won::new(445_000_000_000), true, Lang::En),
            "about KRW 445 billion"
        );
        assert_eq!(
            compact_marked(Won::new(1_900_000_000), false, Lang::Ko),
            "19억원"
        );
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::Ko.tag(), "ko");
    }
}
