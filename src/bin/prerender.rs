//! `prerender`: renders every page of the shipped data to static HTML, at build time (Trunk's post_build hook
//! runs it through scripts/post-build.mjs), and hands the checked data to the browser in a form it reads
//! without a general parser.
//!
//! usage: prerender --data data/ansan-2015.json --template STAGING/index.html --out STAGING
//!                  [--full-js NAME.js --full-wasm NAME_bg.wasm] [--public-url https://HOST/FOLDER/]
//!                  [--widget STAGING/widget.html]
//!
//! The generator's pages load the second module (`--full-js`, `--full-wasm`: file names in OUT) if given. With
//! `--public-url` (where the explorer is published), every page names its canonical address, its other
//! language's and its link preview picture (`preview.png` beside it, drawn here with the machine's fonts), and
//! `OUT/sitemap.xml` lists them.
//!
//! It checks the data file exactly as `budget-check` does and refuses to write anything if it has a problem;
//! then it writes the handover (see `model::handover`) as `OUT/data/<stem>.<hash>.bin`, named by its content,
//! which every page names and reads (`ui::prerender::handover_name`), and as `OUT/data/<stem>.bin`, a fixed address
//! for anyone else and for pages built before; and one HTML file per page (`index.html`, `ko/index.html`,
//! `en/program/sme/index.html`, …, `404.html`). With `--widget`, that page (which the build makes, not this) is
//! told the handover's name too, and gets its guard (`widget_guarded`: a note when its module fails). Exit
//! codes: 0 written, 1 the data has problems, 2 anything else.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use ansan_budget::model::handover;
    use ansan_budget::ui::prerender::{
        handover_name, page_html, pages, preview_fonts, preview_picture_path, preview_png,
        preview_svg, render_body, sitemap, widget_guarded, widget_titled, widget_with_handover,
        Bundle, FullModule, PublicUrl,
    };
    use ansan_budget::ui::DataRef;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const USAGE: &str = "usage: prerender --data FILE.json --template INDEX.html --out DIR \
                         [--full-js NAME.js --full-wasm NAME_bg.wasm] [--public-url URL] \
                         [--widget WIDGET.html]";

    struct Args {
        data: PathBuf,
        template: PathBuf,
        out: PathBuf,
        bundle: Bundle,
        widget: Option<PathBuf>,
    }

    fn args() -> Result<Args, String> {
        let mut data = None;
        let mut template = None;
        let mut out = None;
        let mut full_js = None;
        let mut full_wasm = None;
        let mut public = None;
        let mut widget = None;
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            let slot = match a.as_str() {
                "--data" => &mut data,
                "--template" => &mut template,
                "--out" => &mut out,
                "--full-js" => &mut full_js,
                "--full-wasm" => &mut full_wasm,
                "--public-url" => &mut public,
                "--widget" => &mut widget,
                other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
            };
            *slot = Some(PathBuf::from(
                it.next()
                    .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))?,
            ));
        }
        let full = match (full_js, full_wasm) {
            (Some(js), Some(wasm)) => Some(FullModule {
                js: js.display().to_string(),
                wasm: wasm.display().to_string(),
            }),
            (None, None) => None,
            _ => return Err(format!("--full-js and --full-wasm go together\n{USAGE}")),
        };
        let public = match public {
            Some(p) => Some(
                PublicUrl::parse(&p.display().to_string())
                    .map_err(|e| format!("--public-url {e}"))?,
            ),
            None => None,
        };
        match (data, template, out) {
            (Some(data), Some(template), Some(out)) => Ok(Args {
                data,
                template,
                out,
                bundle: Bundle {
                    full,
                    public,
                    handover: None,
                },
                widget,
            }),
            _ => Err(USAGE.to_owned()),
        }
    }

    /// What a data file is if not the project's own JSON, said for the web team: the pages are made from a
    /// format-2 file with a presentation part. `None` for a project file, or JSON the project's reader should
    /// judge (its problems are then named field by field).
    fn other_kind(name: &str, bytes: &[u8]) -> Option<String> {
        use ansan_budget::import::Format;
        let (kind, check) = match Format::recognise(name, bytes)? {
            Format::Project => return None,
            Format::Fdp => ("a Fiscal Data Package", ""),
            Format::Lofin365 => ("지방재정365 line items", ""),
            // What is not JSON is taken for CSV; only a file named so is called one.
            Format::Csv => {
                let lower = name.to_ascii_lowercase();
                if !(lower.ends_with(".csv") || lower.ends_with(".tsv")) {
                    return None;
                }
                ("a CSV file", " --mapping MAPPING.json")
            }
        };
        Some(format!(
            "expected the explorer's data file (format \"ansan-budget/2\" with a presentation part: its \
             programs, headline figures and labels, as data/ansan-2015.json), found {kind}, which budget-check \
             reads (budget-check --summary{check} {name}) but the pages cannot show"
        ))
    }

    fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    #[tokio::main(flavor = "current_thread")]
    pub async fn main() -> ExitCode {
        let args = match args() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("prerender: {e}");
                return ExitCode::from(2);
            }
        };
        let name = args.data.display().to_string();
        let bytes = match std::fs::read(&args.data) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("prerender: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        // Another kind of budget file (which budget-check reads) is named as such, not read as the project's own
        // and refused field by field.
        if let Some(other) = other_kind(&name, &bytes) {
            eprintln!("prerender: {name}: {other}");
            eprintln!("prerender: nothing written");
            return ExitCode::from(1);
        }
        let dataset = match ansan_budget::model::decode_text(&name, &bytes)
            .and_then(|text| ansan_budget::import::project::load_dataset(&name, &text))
        {
            Ok(d) => d,
            Err(invalid) => {
                for p in &invalid.problems {
                    eprintln!("prerender: {}: {p}", invalid.file);
                }
                eprintln!("prerender: nothing written; check the file with budget-check");
                return ExitCode::from(1);
            }
        };
        match run(&args, dataset).await {
            Ok(n) => {
                eprintln!(
                    "prerender: {n} pages and the data handover written to {}",
                    args.out.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("prerender: {e}");
                ExitCode::from(2)
            }
        }
    }

    async fn run(args: &Args, dataset: ansan_budget::model::Dataset) -> Result<usize, String> {
        // The fonts for the preview pictures, before anything is written: a machine without a Korean one is
        // told so at once.
        let fonts = match &args.bundle.public {
            Some(_) => Some(preview_fonts()?),
            None => None,
        };
        let template = std::fs::read_to_string(&args.template)
            .map_err(|e| format!("{}: {e}", args.template.display()))?;
        let stem = args
            .data
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("the data file has no name")?;
        let bytes = handover::encode(&dataset);
        let name = handover_name(stem, &bytes)?;
        let handover = format!("data/{name}");
        let widget = match &args.widget {
            Some(path) => {
                let html = std::fs::read_to_string(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let html = widget_with_handover(&html, &handover)
                    .and_then(|html| widget_titled(&html))
                    .and_then(|html| widget_guarded(&html))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Some((path, html))
            }
            None => None,
        };
        write(&args.out.join(&handover), &bytes)?;
        write(&args.out.join("data").join(format!("{stem}.bin")), &bytes)?;
        if let Some((path, html)) = widget {
            write(path, html.as_bytes())?;
        }
        let bundle = Bundle {
            handover: Some(handover),
            ..args.bundle.clone()
        };
        let list = pages(&dataset)?;
        let data = DataRef::from(dataset);
        for page in &list {
            let body = render_body(data.clone(), page).await;
            let html = page_html(&template, &data, &list, page, &body, &bundle)?;
            write(&args.out.join(&page.file), html.as_bytes())?;
        }
        if let (Some(public), Some(fonts)) = (&args.bundle.public, &fonts) {
            write(
                &args.out.join("sitemap.xml"),
                sitemap(&list, public).as_bytes(),
            )?;
            // Each page's link preview picture, which its head names (the root page shares the Korean overview's).
            let mut drawn = std::collections::HashSet::new();
            for page in &list {
                let Some(path) = preview_picture_path(&page.route) else {
                    continue;
                };
                if drawn.insert(path.clone()) {
                    let png = preview_svg(&data, &page.route)
                        .and_then(|svg| preview_png(&svg, fonts))
                        .map_err(|e| format!("{path}: {e}"))?;
                    write(&args.out.join(&path), &png)?;
                }
            }
        }
        Ok(list.len())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// Pages are rendered natively, never in the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
