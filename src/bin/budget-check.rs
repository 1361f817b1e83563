//! `budget-check`: validates budget data files for the city's data team, natively, before they are published.
//!
//! Usage: `budget-check [--source DOCUMENT] FILE...` prints every problem as `file: json.path: what was expected`
//! and exits 1 if any file is invalid (2 if a file cannot be read). With `--source`, every reported quote is also
//! checked verbatim against its line of that document. `budget-check --schema` prints the JSON Schema.

use ansan_budget::model::{self, format};
use std::process::ExitCode;

/// Problems printed per file: a broken export can have millions; the first ones and a count say enough.
const MAX_SHOWN: usize = 200;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: budget-check FILE.json...   validate budget data files");
        eprintln!("       budget-check --source ARTICLE.txt FILE.json...   and check every quote against its line");
        eprintln!("       budget-check --schema        print the JSON Schema of the format");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args.iter().any(|a| a == "--schema") {
        print!("{}", model::schema_json());
        return ExitCode::SUCCESS;
    }
    // `--source DOCUMENT`: the text the data's quotes come from.
    let mut files: Vec<&String> = Vec::new();
    let mut source: Option<(String, String)> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--source" {
            let Some(path) = it.next() else {
                eprintln!("--source: expected the path of the source document");
                return ExitCode::from(2);
            };
            let text = std::fs::read(path)
                .map_err(|e| format!("{path}: cannot read: {e}"))
                .and_then(|b| model::decode_text(path, &b).map_err(|e| e.to_string()));
            match text {
                Ok(t) => source = Some((path.clone(), t)),
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            }
        } else {
            files.push(a);
        }
    }
    let mut worst = 0u8;
    for file in files {
        // `budget-check data/*.json` also matches the schema, which describes data files and is not one.
        if std::path::Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            == Some("schema.json")
        {
            println!("{file}: skipped (the JSON Schema of the format, not a data file)");
            continue;
        }
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                worst = worst.max(2);
                continue;
            }
        };
        // The same decision the browser makes: UTF-8 or a named refusal (invalid, not unreadable).
        let checked = model::decode_text(file, &bytes)
            .and_then(|text| model::load(file, &text))
            .and_then(|d| match &source {
                // Quotes not on their lines make the file invalid like any other problem.
                Some((_, text)) => {
                    let problems = model::quotes::check_quotes(&d, text);
                    if problems.is_empty() {
                        Ok(d)
                    } else {
                        Err(model::Invalid {
                            file: file.clone(),
                            problems,
                        })
                    }
                }
                None => Ok(d),
            });
        match checked {
            Ok(d) => {
                let figures: usize = d.programs().iter().map(|p| p.figures.len()).sum();
                let illustrative = if d.meta().illustrative {
                    ", illustrative"
                } else {
                    ""
                };
                let quotes = match &source {
                    Some((path, _)) => format!(", every quote found in {path}"),
                    None => String::new(),
                };
                println!(
                    "{file}: ok ({} programs, {figures} figures, {} context figures{illustrative}{quotes})",
                    d.programs().len(),
                    d.context().len()
                );
                for (p, f) in d.headline_figures() {
                    println!(
                        "  {:<14} {:<26} {}",
                        p.id,
                        f.id,
                        format::compact_marked(f.amount, f.approximate, model::Lang::Ko)
                    );
                }
            }
            Err(invalid) => {
                for p in invalid.problems.iter().take(MAX_SHOWN) {
                    eprintln!("{file}: {p}");
                }
                let more = invalid.problems.len().saturating_sub(MAX_SHOWN);
                if more > 0 {
                    eprintln!(
                        "{file}: … and {more} more problems ({} in all)",
                        invalid.problems.len()
                    );
                }
                worst = worst.max(1);
            }
        }
    }
    ExitCode::from(worst)
}
