//! `budget-check`: checks budget data files for the city's data team, natively, before they are published.
//!
//! It reads every format the explorer reads — the project's JSON (format 1 or 2), a Fiscal Data Package
//! (`datapackage.json` and its CSV), 지방재정365 line items as JSON, and CSV with a column mapping — told apart by
//! name and content, or forced with `--format`. Every problem is printed as `file: place: what was expected`.
//! Exit codes: 0 valid, 1 problems found, 2 a file could not be read.

use ansan_budget::import::{self, summary::Summary, Format, Imported};
use ansan_budget::model::{self, format};
use std::path::Path;
use std::process::ExitCode;

/// `println!` for people, which gives up quietly when stdout is closed (`budget-check … | head`) instead of
/// panicking, and writes control characters and bidirectional controls as escapes (`model::printable`): a name in
/// a file must not drive the terminal or reorder the line it is printed in.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), "{}", model::printable(&format!($($arg)*)));
    }};
}

/// `eprintln!` for people, escaped the same way.
macro_rules! tell {
    ($($arg:tt)*) => {{
        eprintln!("{}", model::printable(&format!($($arg)*)));
    }};
}

/// `print!` as it is, for machines (JSON, whose own escapes already keep control characters out), giving up
/// quietly like `say!`.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

/// Problems printed per file: a broken export can have millions; the first ones and a count say enough.
const MAX_SHOWN: usize = 200;

const USAGE: &str = "\
usage: budget-check [OPTIONS] FILE...      check budget data files (exit 0 valid, 1 problems, 2 unreadable)
options:
  --summary            print totals per year × phase × measure, per top-level node and per funding source
  --json               print the summary as JSON (one document per file, one per line)
  --format FORMAT      read every FILE as project, fdp, lofin365 or csv instead of telling by name and content
  --mapping FILE.json  the column mapping for CSV files
  --source DOCUMENT    check every reported quote verbatim against its line of DOCUMENT
  --migrate            print a format-1 project file as format 2 (the budget model written out)
  --schema             print the JSON Schema of the project format, version 1
  --schema-v2          print the JSON Schema of the project format, version 2";

struct Options {
    summary: bool,
    json: bool,
    migrate: bool,
    format: Option<Format>,
    mapping: Option<(String, String)>,
    source: Option<(String, String)>,
    files: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("{USAGE}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    if args.iter().any(|a| a == "--schema-v2") {
        say_raw!("{}", import::project::schema_v2_json());
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--schema") {
        say_raw!("{}", model::schema_json());
        return ExitCode::SUCCESS;
    }
    let options = match parse_args(&args) {
        Ok(o) => o,
        Err(e) => {
            tell!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut worst = 0u8;
    for file in &options.files {
        worst = worst.max(check(file, &options));
    }
    ExitCode::from(worst)
}

fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    model::decode_text(path, &bytes).map_err(|e| e.to_string())
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        summary: false,
        json: false,
        migrate: false,
        format: None,
        mapping: None,
        source: None,
        files: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a}: expected {what}"))
        };
        match a.as_str() {
            "--summary" => o.summary = true,
            "--json" => o.json = true,
            "--migrate" => o.migrate = true,
            "--format" => {
                let f = value("a format: project, fdp, lofin365 or csv")?;
                o.format = Some(Format::from_tag(&f).ok_or_else(|| {
                    format!("--format: expected project, fdp, lofin365 or csv, found {f}")
                })?);
            }
            "--mapping" => {
                let path = value("the path of a column mapping (JSON)")?;
                let text = read_text(&path)?;
                o.mapping = Some((path, text));
            }
            "--source" => {
                let path = value("the path of the source document")?;
                let text = read_text(&path)?;
                o.source = Some((path, text));
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => o.files.push(a.clone()),
        }
    }
    Ok(o)
}

/// Checks one file and prints what it found; returns the exit code it deserves.
fn check(file: &str, o: &Options) -> u8 {
    // `budget-check data/*.json` also matches the schema, which describes data files and is not one.
    let name = Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if name == "schema.json" || (name.starts_with("schema-v") && name.ends_with(".json")) {
        say!("{file}: skipped (the JSON Schema of the format, not a data file)");
        return 0;
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            tell!("{file}: cannot read: {e}");
            return 2;
        }
    };
    let Some(format) = o.format.or_else(|| Format::recognise(file, &bytes)) else {
        // Its encoding first, as for any JSON file: text that is not UTF-8 is named as such before anything else.
        if let Err(e) = model::decode_text(file, &bytes) {
            print_problems(file, &e.problems);
            return 1;
        }
        tell!(
            "{file}: not a kind of file budget-check reads: JSON with none of the fields of the explorer's \
             data (format \"ansan-budget/2\", meta, amounts, nodes, presentation), a Fiscal Data Package \
             (resources) or 지방재정365 line items (bdg_cash_amt, dbiz_cd); --format \
             project|fdp|lofin365 reads it as one"
        );
        return 2;
    };
    let mut v1: Option<model::Dataset> = None;
    let mut presentation = None;
    let imported = match format {
        Format::Csv => {
            let Some((mapping_file, text)) = &o.mapping else {
                tell!("{file}: a CSV file needs its column mapping: --mapping FILE.json (see the README)");
                return 2;
            };
            match import::csv::Mapping::parse(mapping_file, text) {
                Ok(m) => import::csv::import(file, &bytes, &m),
                Err(e) => {
                    print_problems(mapping_file, &e.problems);
                    return 1;
                }
            }
        }
        _ => {
            // The same decision the browser makes: UTF-8 or a named refusal (invalid, not unreadable).
            let text = match model::decode_text(file, &bytes) {
                Ok(t) => t,
                Err(e) => {
                    print_problems(file, &e.problems);
                    return 1;
                }
            };
            match format {
                Format::Lofin365 => import::lofin365::import(file, &text),
                Format::Fdp => {
                    let dir = Path::new(file)
                        .parent()
                        .map(Path::to_path_buf)
                        .unwrap_or_default();
                    // The importer has already refused paths that leave the package.
                    let read = |path: &str| {
                        std::fs::read(dir.join(path))
                            .map_err(|e| format!("cannot read {path}: {e}"))
                    };
                    import::fdp::import(file, &text, &read)
                }
                _ => {
                    // Read once: the budget, and the explorer's view of the file, which the ok line and the
                    // quotes check speak of.
                    let read = import::project::read(file, &text);
                    let is_v2 = read.version == Some(2);
                    if read.version == Some(1) {
                        presentation = import::project::presentation_of_v1(&text);
                    }
                    v1 = read.dataset;
                    let mut imported = read.imported;
                    if let Some((_, doc)) = &o.source {
                        imported.problems.extend(match (&v1, is_v2) {
                            // Format 1 keeps its own check, which also covers the context figures.
                            (Some(d), false) => model::quotes::check_quotes(d, doc),
                            (d, _) => {
                                let mut p = quote_problems(&imported, doc);
                                // Format 2: the amounts' quotes, then the presentation's context figures.
                                if let Some(d) = d {
                                    p.extend(
                                        model::quotes::check_quotes(d, doc)
                                            .into_iter()
                                            .filter(|q| q.path.starts_with("context"))
                                            .map(|mut q| {
                                                q.path = format!("presentation.{}", q.path);
                                                q
                                            }),
                                    );
                                }
                                p
                            }
                        });
                    }
                    imported
                }
            }
        }
    };
    if o.migrate {
        if imported.problems.is_empty() {
            say_raw!(
                "{}",
                import::project::to_v2_json(&imported.budget, presentation)
            );
        } else {
            print_problems(file, &imported.problems);
        }
        return if imported.problems.is_empty() { 0 } else { 1 };
    }
    for note in &imported.notes {
        // With --json, stdout is one JSON document per file: what people read goes to stderr.
        if o.json {
            tell!("{file}: {note}");
        } else {
            say!("{file}: {note}");
        }
    }
    if o.summary || o.json {
        match Summary::of(&imported) {
            Ok(s) if o.json => say_raw!("{}\n", s.to_json(file, &imported.budget)),
            Ok(s) => {
                let m = imported.budget.meta();
                if m.source.is_empty() {
                    say!("{file}: {} (no source named)", m.title);
                } else {
                    say!("{file}: {} ({})", m.title, m.source);
                }
                say_raw!("{}", model::printable(&s.to_text(&imported.budget)));
            }
            Err(e) => tell!("{file}: cannot total: {e}"),
        }
    }
    if !imported.problems.is_empty() {
        print_problems(file, &imported.problems);
        return 1;
    }
    if !o.json {
        print_ok(file, &imported, v1.as_ref(), o);
    }
    0
}

fn print_ok(file: &str, imported: &Imported, v1: Option<&model::Dataset>, o: &Options) {
    let quotes = match &o.source {
        Some((path, _)) => format!(", every quote found in {path}"),
        None => String::new(),
    };
    let Some(d) = v1 else {
        let b = &imported.budget;
        let quoted = b
            .amounts()
            .filter(|a| matches!(a.origin, ansan_budget::budget::Origin::Quote { .. }))
            .count();
        let quotes = match &o.source {
            Some(_) if quoted == 0 => ", no quotes to check".to_owned(),
            _ => quotes,
        };
        let illustrative = if b.meta().illustrative {
            ", illustrative"
        } else {
            ""
        };
        say!(
            "{file}: ok ({} rows read, {} amounts, {} nodes, {} parent rows left out{illustrative}{quotes})",
            imported.rows_read,
            b.len(),
            b.nodes().len(),
            b.rollups()
        );
        return;
    };
    let figures: usize = d.programs().iter().map(|p| p.figures.len()).sum();
    let illustrative = if d.meta().illustrative {
        ", illustrative"
    } else {
        ""
    };
    say!(
        "{file}: ok ({} programs, {figures} figures, {} context figures{illustrative}{quotes})",
        d.programs().len(),
        d.context().len()
    );
    for (p, f) in d.headline_figures() {
        say!(
            "  {:<14} {:<26} {}",
            p.id,
            f.id,
            format::compact_marked(f.amount, f.approximate, model::Lang::Ko)
        );
    }
}

/// Every quoted amount of a budget checked against its line of the document.
fn quote_problems(imported: &Imported, doc: &str) -> Vec<model::Problem> {
    let lines: Vec<&str> = doc.lines().collect();
    let b = &imported.budget;
    b.amounts()
        .enumerate()
        .filter_map(|(i, a)| {
            let ansan_budget::budget::Origin::Quote {
                document,
                line,
                quote,
            } = a.origin
            else {
                return None;
            };
            let message =
                model::quotes::quote_problem(&lines, b.text(*document), *line, b.text(*quote))?;
            Some(model::Problem {
                path: format!("amounts[{i}].origin.quote"),
                position: None,
                message,
            })
        })
        .collect()
}

fn print_problems(file: &str, problems: &[model::Problem]) {
    for p in problems.iter().take(MAX_SHOWN) {
        tell!("{file}: {p}");
    }
    let more = problems.len().saturating_sub(MAX_SHOWN);
    if more > 0 {
        tell!(
            "{file}: … and {more} more problems ({} in all)",
            problems.len()
        );
    }
}
