//! What `budget-check --summary` prints: the totals of an imported budget per year × phase × measure, per
//! top-level node and per funding source, and the counts (rows read, parent rows left out, problems), as a table
//! for people or as JSON for machines. Every total comes from `Budget::sum_by`, so the same rules hold here as on
//! screen: phases, measures, directions and currencies are never added together.

use super::builder::Imported;
use crate::budget::{Budget, Dim, Direction, Filter, Funding, Group, Period, Phase, SumError};
use crate::model::format::group_digits;
use serde_json::{json, Value};

/// Rows printed per table: a budget with thousands of top-level nodes is summed in full, but `--json` lists them.
const MAX_ROWS: usize = 60;

/// The three tables and the counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub rows_read: usize,
    pub amounts: usize,
    pub nodes: usize,
    pub parent_rows_left_out: usize,
    pub problems: usize,
    pub by_period: Vec<Group>,
    pub by_top_node: Vec<Group>,
    pub by_funding: Vec<Group>,
}

impl Summary {
    pub fn of(imported: &Imported) -> Result<Summary, SumError> {
        let b = &imported.budget;
        let all = Filter::default();
        Ok(Summary {
            rows_read: imported.rows_read,
            amounts: b.len(),
            nodes: b.nodes().len(),
            parent_rows_left_out: b.rollups(),
            problems: imported.problems.len(),
            by_period: b.sum_by(&[], &all)?,
            by_top_node: {
                let mut g = b.sum_by(&[Dim::Depth(0)], &all)?;
                g.sort_by_key(|g| (g.key.node, g.key));
                g
            },
            by_funding: b.sum_by(&[Dim::Funding], &all)?,
        })
    }

    /// A readable table.
    pub fn to_text(&self, b: &Budget) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "  rows read {}, amounts {}, nodes {}, parent rows left out {}, problems {}\n",
            group_digits(self.rows_read as i64),
            group_digits(self.amounts as i64),
            group_digits(self.nodes as i64),
            group_digits(self.parent_rows_left_out as i64),
            group_digits(self.problems as i64),
        ));
        let table = |title: &str, groups: &[Group], first: &dyn Fn(&Group) -> String| {
            let mut t = format!("\n  {title}\n");
            let rows: Vec<[String; 3]> = groups
                .iter()
                .take(MAX_ROWS)
                .map(|g| {
                    // Beside a node or a funding source, the period says which year the total is of.
                    let key = if title.starts_with("total") {
                        key_words(g)
                    } else {
                        format!("{} · {}", period_words(g.key.period), key_words(g))
                    };
                    [first(g), key, amount_text(g)]
                })
                .collect();
            let w0 = rows.iter().map(|r| width(&r[0])).max().unwrap_or(0);
            let w1 = rows.iter().map(|r| width(&r[1])).max().unwrap_or(0);
            let w2 = rows.iter().map(|r| width(&r[2])).max().unwrap_or(0);
            for [a, k, v] in rows {
                t.push_str(&format!(
                    "    {a}{}  {k}{}  {}{v}\n",
                    pad(w0, &a),
                    pad(w1, &k),
                    pad(w2, &v)
                ));
            }
            if groups.is_empty() {
                t.push_str("    (no amounts)\n");
            }
            if groups.len() > MAX_ROWS {
                t.push_str(&format!(
                    "    … and {} more rows (all of them with --json)\n",
                    group_digits((groups.len() - MAX_ROWS) as i64)
                ));
            }
            t
        };
        out.push_str(&table(
            "total per year × phase × measure",
            &self.by_period,
            &|g| period_words(g.key.period),
        ));
        out.push_str(&table("per top-level node", &self.by_top_node, &|g| {
            g.key
                .node
                .and_then(|n| b.node(n))
                .map(|n| b.name(&n.name).to_owned())
                .unwrap_or_default()
        }));
        out.push_str(&table("per funding source", &self.by_funding, &|g| {
            g.key.funding.map(funding_words).unwrap_or("").to_owned()
        }));
        out
    }

    /// The same, for machines: amounts as integers of the currency's smallest unit, with the currency's code.
    pub fn to_json(&self, file: &str, b: &Budget) -> Value {
        let group = |g: &Group| {
            let mut v = json!({
                "period": period_json(g.key.period),
                "phase": g.key.phase.tag(),
                "measure": g.key.measure.tag(),
                "direction": g.key.direction.tag(),
                "currency": g.key.currency.code(),
                "minor_digits": g.key.currency.minor_digits(),
                "total": g.total,
                "rows": g.rows,
                "approximate": g.approximate,
            });
            if let (Some(n), Value::Object(o)) = (g.key.node.and_then(|n| b.node(n)), &mut v) {
                o.insert(
                    "node".into(),
                    json!({ "code": b.text(n.code), "name": b.name(&n.name) }),
                );
            }
            if let (Some(f), Value::Object(o)) = (g.key.funding, &mut v) {
                o.insert("funding".into(), json!(f.tag()));
            }
            v
        };
        json!({
            "file": file,
            "dataset": b.meta().id,
            "source": b.meta().source,
            "rows_read": self.rows_read,
            "amounts": self.amounts,
            "nodes": self.nodes,
            "parent_rows_left_out": self.parent_rows_left_out,
            "problems": self.problems,
            "by_period": self.by_period.iter().map(group).collect::<Vec<_>>(),
            "by_top_node": self.by_top_node.iter().map(group).collect::<Vec<_>>(),
            "by_funding": self.by_funding.iter().map(group).collect::<Vec<_>>(),
        })
    }
}

fn width(s: &str) -> usize {
    // Hangul and other wide characters take two columns in a terminal.
    s.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF00}'..='\u{FF60}' => 2,
            _ => 1,
        })
        .sum()
}

fn pad(w: usize, s: &str) -> String {
    " ".repeat(w.saturating_sub(width(s)))
}

/// `1,442,643,401,709 KRW`, `4,561,234,567.00 EUR`; `≈` before an approximate total.
pub fn amount_text(g: &Group) -> String {
    let approx = if g.approximate { "≈ " } else { "" };
    format!(
        "{approx}{} {}",
        minor_units(g.total, g.key.currency.minor_digits()),
        g.key.currency.code()
    )
}

/// An integer count of a currency's smallest unit, written with its decimal point and thousands separators.
pub fn minor_units(value: i64, digits: u32) -> String {
    if digits == 0 {
        return group_digits(value);
    }
    let scale = 10u64.pow(digits);
    let abs = value.unsigned_abs();
    let whole = group_digits((abs / scale) as i64);
    let sign = if value < 0 { "-" } else { "" };
    format!(
        "{sign}{whole}.{:0width$}",
        abs % scale,
        width = digits as usize
    )
}

fn key_words(g: &Group) -> String {
    let mut s = format!("{} · {}", phase_words(g.key.phase), g.key.measure.tag());
    if g.key.direction == Direction::Revenue {
        s.push_str(" · revenue");
    }
    s
}

pub fn period_words(p: Period) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::Span(a, b) => format!("{a}–{b}"),
        Period::Until(y) => format!("until {y}"),
        Period::Unstated => "year not stated".to_owned(),
    }
}

fn period_json(p: Period) -> Value {
    match p {
        Period::Year(y) => json!({ "year": y }),
        Period::Span(a, b) => json!({ "from": a, "to": b }),
        Period::Until(y) => json!({ "until": y }),
        Period::Unstated => json!("unstated"),
    }
}

pub fn phase_words(p: Phase) -> String {
    match p {
        Phase::Plan => "계획 plan".to_owned(),
        Phase::Proposed => "예산안 proposed".to_owned(),
        Phase::Original => "본예산 original".to_owned(),
        Phase::Supplementary(n) => format!("제{n}회 추경 supplementary {n}"),
        Phase::Final => "최종 final".to_owned(),
        Phase::Settled => "결산 settled".to_owned(),
    }
}

pub fn funding_words(f: Funding) -> &'static str {
    match f {
        Funding::National => "국비 national",
        Funding::Provincial => "도비 provincial",
        Funding::City => "시비 city",
        Funding::Private => "민자 private",
        Funding::Other => "기타 other",
        Funding::Public => "공공 public",
        Funding::Unknown => "not split",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_units_keep_every_digit() {
        assert_eq!(minor_units(1_442_643_401_709, 0), "1,442,643,401,709");
        assert_eq!(minor_units(456_123_456_789, 2), "4,561,234,567.89");
        assert_eq!(minor_units(-1_500_000, 2), "-15,000.00");
        assert_eq!(minor_units(i64::MIN, 2), "-92,233,720,368,547,758.08");
        assert_eq!(minor_units(5, 2), "0.05");
    }

    #[test]
    fn the_article_summary_keeps_its_figures_apart() {
        let imported = super::super::project::import(
            "ansan-2015.json",
            include_str!("../../data/ansan-2015.json"),
        );
        let s = Summary::of(&imported).expect("sums");
        assert_eq!((s.rows_read, s.amounts, s.nodes, s.problems), (6, 6, 3, 0));
        let text = s.to_text(&imported.budget);
        let line = |start: &str| {
            text.lines()
                .find(|l| l.trim_start().starts_with(start))
                .unwrap_or("")
        };
        assert!(
            line("until 2021").ends_with("계획 plan · planned   ≈ 445,000,000,000 KRW"),
            "{text}"
        );
        assert!(
            line("year not stated").ends_with("계획 plan · secured       1,900,000,000 KRW"),
            "{text}"
        );
        assert!(text.contains("민자 private"), "{text}");
        assert!(
            !text.contains("4,300,000,000"),
            "19억 and 24억 are never summed: {text}"
        );
        let j = s.to_json("ansan-2015.json", &imported.budget);
        assert_eq!(j["by_top_node"].as_array().map(Vec::len), Some(4));
    }
}
