//! Every reported quote checked against the source document it quotes: the line it names must exist and hold the
//! quote verbatim. The checker runs this when it is given the document (`budget-check --source FILE`).

use super::dataset::{Dataset, Provenance};
use super::validate::Problem;

/// The quotes of `d` that are not verbatim on their line of `source`, as problems (empty when all are).
pub fn check_quotes(d: &Dataset, source: &str) -> Vec<Problem> {
    let lines: Vec<&str> = source.lines().collect();
    let document = &d.meta().source.document;
    let mut problems = Vec::new();
    let mut check = |path: String, provenance: &Provenance| {
        let Provenance::Reported { quote, line } = provenance else {
            return;
        };
        if let Some(message) = quote_problem(&lines, document, *line, quote) {
            problems.push(Problem {
                path: format!("{path}.provenance.quote"),
                position: None,
                message,
            });
        }
    };
    for (i, c) in d.context().iter().enumerate() {
        check(format!("context[{i}]"), &c.provenance);
    }
    for (i, p) in d.programs().iter().enumerate() {
        for (j, f) in p.figures.iter().enumerate() {
            check(format!("programs[{i}].figures[{j}]"), &f.provenance);
        }
    }
    problems
}

/// Why `quote` is not verbatim on 1-based `line` of a document split into `lines`, or `None` if it is.
pub fn quote_problem(lines: &[&str], document: &str, line: u32, quote: &str) -> Option<String> {
    let at = usize::try_from(line).ok().and_then(|l| l.checked_sub(1));
    match at.and_then(|i| lines.get(i)) {
        Some(text) if text.contains(quote) => None,
        Some(_) => Some(format!(
            "expected the quote verbatim on line {line} of {document}; it is not there"
        )),
        None => Some(format!(
            "expected line {line} of {document}, which has {} lines",
            lines.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    #[test]
    fn quotes_are_found_on_their_lines_or_reported() {
        let d = model::load(
            "a.json",
            include_str!("../../tests/fixtures/ansan-2015.v1.json"),
        )
        .expect("valid");
        // A stand-in document that has every quote on its line: built from the data itself.
        let mut lines = vec![String::new(); 40];
        let mut put = |p: &Provenance| {
            if let Provenance::Reported { quote, line } = p {
                if let Some(l) = lines.get_mut(*line as usize - 1) {
                    l.push_str(quote);
                    l.push(' ');
                }
            }
        };
        d.context().iter().for_each(|c| put(&c.provenance));
        d.programs()
            .iter()
            .flat_map(|p| &p.figures)
            .for_each(|f| put(&f.provenance));
        let good = lines.join("\n");
        assert_eq!(check_quotes(&d, &good), []);
        // The same document with line 8 emptied, and cut short before line 17.
        let mut bad: Vec<&str> = good.lines().collect();
        bad[7] = "";
        let problems = check_quotes(&d, &bad[..16].join("\n"));
        let said: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert!(
            said.iter().any(|s| s.starts_with(
                "programs[0].figures[0].provenance.quote: expected the quote verbatim on line 8"
            )),
            "{said:#?}"
        );
        assert!(
            said.iter()
                .any(|s| s.contains("expected line 17 of ansan-news-2015.txt, which has")),
            "{said:#?}"
        );
    }
}
