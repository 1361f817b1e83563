//! The pages the build renders (natively, with the app's own components): every page of the shipped data has
//! its figures, their citations and a static chart in its HTML, before any script runs; and the page around it
//! addresses everything relative to its own folder.
#![cfg(not(target_arch = "wasm32"))]

use ansan_budget::model::format::{compact_marked, exact};
use ansan_budget::model::{Lang, Provenance};
mod common;

use ansan_budget::ui::prerender::{
    handover_name, page_html, pages, preview_fonts, preview_picture_path, preview_png, preview_svg,
    render_body, sitemap, widget_guarded, widget_titled, widget_with_handover, Bundle, PublicUrl,
};
use ansan_budget::ui::DataRef;
use ansan_budget::view::route::Page;

fn data() -> DataRef {
    let text = include_str!("../data/ansan-2015.json");
    DataRef::from(
        ansan_budget::import::project::load_dataset("data/ansan-2015.json", text)
            .unwrap_or_else(|e| panic!("{e}")),
    )
}

/// A bundle's `index.html` as Trunk writes it, cut to what the page builder reads.
const TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\" />\n<title>x</title>\n\
    <meta name=\"description\" content=\"x\" />\n<link rel=\"stylesheet\" href=\"./style.css\"/>\n\
    <script type=\"module\">import init, * as bindings from './app.js';\nconst wasm = await init({ module_or_path: './app_bg.wasm' });</script>\n\
    <link rel=\"modulepreload\" href=\"./app.js\"><link rel=\"preload\" href=\"./app_bg.wasm\" as=\"fetch\"></head>\n<body>\n<noscript>old</noscript>\n</body>\n</html>\n";

/// `s` as it appears in HTML text (the renderer escapes these three).
fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test(flavor = "current_thread")]
async fn every_page_has_its_figures_citations_and_a_static_chart() {
    let d = data();
    let list = pages(&d).expect("pages");
    // Root, per language overview + 3 programs + generator, and the not-found page.
    assert_eq!(list.len(), 1 + 2 * (1 + d.programs().len() + 1) + 1);
    for page in &list {
        let body = render_body(d.clone(), page).await;
        let lang = page.route.lang;
        assert!(body.contains("<h1"), "{}: no heading", page.file);
        let (figures, islands): (Vec<_>, Vec<String>) = match &page.route.page {
            Page::Overview => (
                d.headline_figures().into_iter().map(|(_, f)| f).collect(),
                vec!["overview".into(), "timeline".into()],
            ),
            Page::Program(id) => (
                d.program(id).expect("program").figures.iter().collect(),
                vec![format!("program/{id}")],
            ),
            _ => continue,
        };
        // Each chart is an island the browser makes interactive, named by the chart it draws, and nothing else is.
        assert_eq!(
            body.matches("data-island=").count(),
            islands.len(),
            "{}: islands",
            page.file
        );
        for name in &islands {
            let at = body
                .find(&format!("data-island=\"{name}\""))
                .unwrap_or_else(|| panic!("{}: no island {name}", page.file));
            assert!(
                body[at..].contains("data-chart-static"),
                "{}: island {name} has no static chart after it",
                page.file
            );
        }
        assert!(
            body.contains("data-chart-static") && body.contains("<svg"),
            "{}: no static chart",
            page.file
        );
        // Every colour a static chart paints with can follow a dark page: each is a light ink, given as its
        // custom property (with the ink as its fallback), and no colour is left as a plain attribute.
        for prop in ["fill", "stroke"] {
            let plain = body.matches(&format!(" {prop}=\"#")).count();
            let themed = body.matches(&format!("{prop}:var(--chart-ink-")).count();
            assert!(themed > 0, "{}: no {prop} colour", page.file);
            assert_eq!(
                plain, 0,
                "{}: {prop} colours that are not light inks",
                page.file
            );
        }
        // The texts inherit their drawing's font family: it is said once a drawing, not on each text.
        assert!(
            body.matches(" font-family=").count() <= body.matches("<svg").count(),
            "{}: font family repeated on the texts of a static drawing",
            page.file
        );
        assert!(
            !body.contains(" opacity=\"1\""),
            "{}: static drawings keep opacity=\"1\", the default",
            page.file
        );
        for f in figures {
            let amount = compact_marked(f.amount, f.approximate, lang);
            assert!(
                body.contains(&html_text(&amount)),
                "{}: {amount}",
                page.file
            );
            assert!(
                body.contains(&html_text(&exact(f.amount, lang))),
                "{}: exact {}",
                page.file,
                f.id
            );
            if let Provenance::Reported { quote, line } = &f.provenance {
                assert!(
                    body.contains(&html_text(quote)),
                    "{}: quote of {}",
                    page.file,
                    f.id
                );
                let line = ansan_budget::view::words::line(*line, lang);
                assert!(body.contains(&html_text(&line)), "{}: {line}", page.file);
            }
        }
    }
}

/// Each page reads the handover it was built with, named by its content, so its charts never draw other amounts
/// than its tables show when a host or browser keeps an older file; the widget page, which the build makes
/// without rendering it, is told the same name.
#[tokio::test(flavor = "current_thread")]
async fn every_page_reads_the_handover_it_was_built_with() {
    let d = data();
    let bytes = ansan_budget::model::handover::encode(&d);
    let name = handover_name("ansan-2015", &bytes).expect("a name");
    // The same bytes, the same name; a byte more, another.
    assert_eq!(handover_name("ansan-2015", &bytes), Ok(name.clone()));
    let mut other = bytes.clone();
    other.push(0);
    let other = handover_name("ansan-2015", &other).expect("a name");
    assert_ne!(name, other);
    let hex = name
        .strip_prefix("ansan-2015.")
        .and_then(|n| n.strip_suffix(".bin"))
        .unwrap_or_default();
    assert!(
        hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        "{name}"
    );
    // A name that would need escaping in the loader's script is refused, not written.
    for stem in ["", "it's", "a b", "예산", "a/b", "x\"y"] {
        assert!(handover_name(stem, &bytes).is_err(), "{stem:?}");
    }

    let handover = format!("data/{name}");
    let bundle = Bundle {
        handover: Some(handover.clone()),
        ..Bundle::default()
    };
    let list = pages(&d).expect("pages");
    for page in &list {
        let body = render_body(d.clone(), page).await;
        let html = page_html(TEMPLATE, &d, &list, page, &body, &bundle).expect("page");
        let root = if page.depth == 0 {
            "./".to_owned()
        } else {
            "../".repeat(page.depth)
        };
        for needle in [
            format!("data-root=\"{root}\" data-handover=\"{handover}\""),
            format!("fetch('{root}{handover}')"),
        ] {
            assert!(html.contains(&needle), "{}: no {needle}", page.file);
        }
        assert!(!html.contains("ansan-2015.bin"), "{}", page.file);
    }

    // The widget page as the build makes it (the template's preload of the data kept), then made anew from other
    // data: the new name in place of the old, once.
    let widget = "<!DOCTYPE html>\n<html data-page=\"widget\" lang=\"ko\">\n<head>\n\
        <link rel=\"preload\" href=\"./data/ansan-2015.bin\" as=\"fetch\" crossorigin=\"anonymous\" />\n</head>\n";
    let told = widget_with_handover(widget, &handover).expect("told");
    assert!(told.contains(&format!(
        "<html data-page=\"widget\" data-handover=\"{handover}\" lang=\"ko\">"
    )));
    assert!(told.contains(&format!(
        "<link rel=\"preload\" href=\"./{handover}\" as=\"fetch\""
    )));
    let again = widget_with_handover(&told, &format!("data/{other}")).expect("told again");
    assert_eq!(again.matches("data-handover=").count(), 1, "{again}");
    assert!(
        again.contains(&format!("data-handover=\"data/{other}\"")),
        "{again}"
    );
    assert!(
        again.contains(&format!("href=\"./data/{other}\"")),
        "{again}"
    );
    assert!(!again.contains(&name), "{again}");
    assert!(widget_with_handover("<html lang=\"ko\">", &handover).is_err());
}

/// The widget page's guard: before Trunk's loader, saying in both languages what the frame shows when its module
/// fails; written once however often the page is made anew, so its CSP hash stays the one post-build computed.
#[test]
fn the_widget_page_has_its_own_title() {
    use ansan_budget::view::words::widget_heading;
    let widget = "<html data-page=\"widget\">\n<head>\n<title>Explorer & co</title>\n</head>\n";
    let titled = widget_titled(widget).expect("titled");
    let want = format!(
        "<title>{} · {}</title>",
        widget_heading(Lang::Ko),
        widget_heading(Lang::En)
    );
    assert!(titled.contains(&want), "{titled}");
    assert!(!titled.contains("Explorer & co"), "{titled}");
    assert_eq!(titled.matches("<title>").count(), 1, "{titled}");
    assert_eq!(widget_titled(&titled).expect("again"), titled);
    assert!(widget_titled("<html data-page=\"widget\">").is_err());
    assert!(widget_titled("<title>open").is_err());
}

#[test]
fn the_widget_page_is_guarded_once() {
    use ansan_budget::model::Lang;
    use ansan_budget::view::words::{
        opened_from_disk, widget_files_missing, widget_heading, widget_lead,
    };
    let widget = "<html data-page=\"widget\" lang=\"ko\">\n<head>\n<script type=\"module\">import init from './a.js';</script>\n</head>\n";
    let guarded = widget_guarded(widget).expect("guarded");
    let guard = guarded
        .find("<script id=\"widget-guard\">")
        .expect("a guard");
    let loader = guarded
        .find("<script type=\"module\">")
        .expect("the loader kept");
    assert!(
        guard < loader,
        "the guard must run before the loader: {guarded}"
    );
    for lang in [Lang::Ko, Lang::En] {
        let disk = format!("{}{}", widget_lead(lang), opened_from_disk(lang));
        for words in [widget_files_missing(lang), widget_heading(lang), &disk] {
            // As a JavaScript string literal: an apostrophe escaped.
            let literal = words.replace('\'', "\\'");
            assert!(
                guarded.contains(&literal),
                "{lang:?}: no {words:?} in {guarded}"
            );
        }
    }
    // The note goes after the skip link, as the explorer's pages place theirs.
    assert!(guarded.contains("querySelector('.skip-link')"), "{guarded}");
    let again = widget_guarded(&guarded).expect("guarded again");
    assert_eq!(again, guarded);
    // An older guard (another build's words) is replaced, not kept beside the new one.
    let old = guarded.replacen(widget_files_missing(Lang::En), "an older build's words", 1);
    let renewed = widget_guarded(&old).expect("renewed");
    assert_eq!(renewed, guarded);
    assert!(widget_guarded("<html data-page=\"widget\">").is_err());
    assert!(widget_guarded("<script id=\"widget-guard\">(()=>{})();").is_err());
}

#[tokio::test(flavor = "current_thread")]
async fn pages_address_everything_from_their_own_folder() {
    let d = data();
    let list = pages(&d).expect("pages");
    let template = TEMPLATE;
    for page in &list {
        let body = render_body(d.clone(), page).await;
        let html = page_html(template, &d, &list, page, &body, &Bundle::default()).expect("page");
        let up = "../".repeat(page.depth);
        assert_eq!(page.depth, page.file.matches('/').count());
        let root = if up.is_empty() {
            "./".to_owned()
        } else {
            up.clone()
        };
        // The app is started by the page's own loader once the first view is painted, with nothing fetched early.
        for needle in [
            format!("href=\"{root}style.css\""),
            format!("import('{root}app.js')"),
            format!("compileStreaming(fetch('{root}app_bg.wasm'))"),
            format!("'{root}data/ansan-2015.bin'"),
            "largest-contentful-paint".to_owned(),
            format!(
                "<html lang=\"{}\" data-root=\"{root}\"",
                page.route.lang.tag()
            ),
            format!("<div id=\"app\">{body}</div>"),
        ] {
            assert!(html.contains(&needle), "{}: no {needle}", page.file);
        }
        assert!(
            !html.contains("rel=\"modulepreload\"") && !html.contains("rel=\"preload\""),
            "{}",
            page.file
        );
        // The loader comes after the page's content, so no script runs before the first paint.
        let loader = html.find("<script id=\"app-loader\">");
        let content = html.find("<div id=\"app\">");
        assert!(
            matches!((content, loader), (Some(c), Some(l)) if c < l),
            "{}: the loader after the content",
            page.file
        );
        assert!(
            !html.contains("<title>x</title>") && !html.contains("content=\"x\""),
            "{}",
            page.file
        );
        let note = if page.route.lang == Lang::Ko {
            "JavaScript가 꺼져"
        } else {
            "JavaScript is off"
        };
        assert!(html.contains(note), "{}: the no-script line", page.file);
        // A page with charts asks the browser to paint its first frame once its first chart is parsed: the
        // element it names comes after the chart's drawings have all been closed.
        let expect: Vec<&str> = html
            .split("<link rel=\"expect\" href=\"#")
            .skip(1)
            .filter_map(|rest| {
                rest.split_once("\" blocking=\"render\" />")
                    .map(|(id, _)| id)
            })
            .collect();
        if body.contains(" data-island=\"") {
            assert_eq!(expect.len(), 1, "{}: one rel=expect link", page.file);
            let head = html.split("</head>").next().unwrap_or_default();
            assert!(
                head.contains("rel=\"expect\""),
                "{}: the link in the head",
                page.file
            );
            let chart = body.find("data-chart-static").expect("a static chart");
            let after = body
                .find(&format!(" id=\"{}\"", expect[0]))
                .unwrap_or_else(|| panic!("{}: no element #{}", page.file, expect[0]));
            let between = &body[chart..after];
            assert!(
                after > chart
                    && between.matches("</div>").count() > between.matches("<div").count(),
                "{}: #{} is inside the first chart, or before it",
                page.file,
                expect[0]
            );
        } else {
            assert!(
                expect.is_empty(),
                "{}: a rel=expect link on a page without charts",
                page.file
            );
        }
        // Only the root page, where the old hash addresses were published, redirects them.
        assert_eq!(
            html.contains("location.replace"),
            page.file == "index.html",
            "{}",
            page.file
        );
        // The page's own links to other pages are relative to its folder.
        if let Page::Program(_) = page.route.page {
            assert!(
                body.contains(&format!("href=\"{up}{}/\"", page.route.lang.tag())),
                "{}",
                page.file
            );
        }
    }
    let root = list
        .iter()
        .find(|p| p.file == "index.html")
        .expect("root page");
    let html = page_html(template, &d, &list, root, "", &Bundle::default()).expect("page");
    for p in &list {
        if let Some(dir) = p.file.strip_suffix("index.html").filter(|d| !d.is_empty()) {
            assert!(
                html.contains(&format!("\"{dir}\"")),
                "the redirect knows {dir}"
            );
        }
    }
}

#[test]
fn a_program_id_that_cannot_be_a_folder_is_refused() {
    let text = include_str!("../data/ansan-2015.json").replace("\"sme\"", "\"../sme\"");
    let d = ansan_budget::import::project::load_dataset("x.json", &text);
    // The data checker may already refuse such an id; if it does not, the page list must.
    if let Ok(d) = d {
        let e = pages(&d).expect_err("refused");
        assert!(e.contains("../sme"), "{e}");
    }
}

/// The generator's pages load the second module (the widget's), every other page the first view's.
#[tokio::test(flavor = "current_thread")]
async fn generator_pages_load_the_second_module() {
    use ansan_budget::ui::prerender::FullModule;
    let d = data();
    let list = pages(&d).expect("pages");
    let template = "<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\" />\n<title>x</title>\n\
        <meta name=\"description\" content=\"x\" />\n<script type=\"module\">import init, * as bindings from './first.js';\n\
        const wasm = await init({ module_or_path: './first_bg.wasm' });</script>\n</head>\n<body>\n</body>\n</html>\n";
    let bundle = Bundle {
        full: Some(FullModule {
            js: "full.js".into(),
            wasm: "full_bg.wasm".into(),
        }),
        ..Bundle::default()
    };
    let mut generators = 0;
    for page in &list {
        let html = page_html(template, &d, &list, page, "", &bundle).expect("page");
        let generator = matches!(page.route.page, Page::Embed(_));
        generators += usize::from(generator);
        assert_eq!(
            html.contains("full.js'") && html.contains("full_bg.wasm'"),
            generator,
            "{}",
            page.file
        );
        assert_eq!(html.contains("first.js'"), !generator, "{}", page.file);
        // Every page names the second module, where its charts' downloads are made.
        assert!(html.contains(" data-full=\"full\""), "{}", page.file);
    }
    assert_eq!(generators, 2);
}

// The first frame is held for the first chart only where the chart ends within the body's first 32 KiB: a page
// whose chart comes after much else paints as it arrives.
#[tokio::test(flavor = "current_thread")]
async fn the_first_frame_is_held_only_for_a_chart_near_the_top() {
    let d = data();
    let list = pages(&d).expect("pages");
    let template = TEMPLATE;
    let overview = list
        .iter()
        .find(|p| p.route.page == Page::Overview)
        .expect("an overview");
    let body = render_body(d.clone(), overview).await;
    let near = page_html(template, &d, &list, overview, &body, &Bundle::default()).expect("page");
    assert!(
        near.contains("<link rel=\"expect\""),
        "the overview as built"
    );
    // The same body after text that puts its chart's end just within 32 KiB, then just beyond.
    let end = body
        .find(" id=\"overview-chart-hint\"")
        .expect("the overview chart's hint");
    let padded = |bytes: usize| format!("<p>{}</p>{body}", "x".repeat(bytes));
    let within = padded(32 * 1024 - end - 500);
    let beyond = padded(32 * 1024 - end + 500);
    let held = |b: &str| {
        page_html(template, &d, &list, overview, b, &Bundle::default())
            .expect("page")
            .contains("rel=\"expect\"")
    };
    assert!(held(&within), "a chart ending 500 B within 32 KiB");
    assert!(
        !held(&beyond),
        "a chart ending 500 B beyond 32 KiB held the first frame"
    );
}

/// `content` of the page's `<meta {attr}="{name}" content="…">`, as written (escaped).
fn meta<'a>(html: &'a str, attr: &str, name: &str) -> Option<&'a str> {
    let open = format!("<meta {attr}=\"{name}\" content=\"");
    let at = html.find(&open)? + open.len();
    html.get(at..)?.split('"').next()
}

/// Text as a reader sees it: tags dropped, the entities the renderers write decoded.
fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

// A link to any page, shared in a chat or a post, is previewed with the page's own heading, the explorer's name and
// the page's description, in the page's language; the not-found page is kept out of search results instead.
#[tokio::test(flavor = "current_thread")]
async fn every_page_tells_link_previews_its_heading_and_description() {
    let d = data();
    let list = pages(&d).expect("pages");
    for page in &list {
        let body = render_body(d.clone(), page).await;
        let html = page_html(TEMPLATE, &d, &list, page, &body, &Bundle::default()).expect("page");
        let head = html.split("</head>").next().unwrap_or_default();
        if let Page::NotFound(_) = page.route.page {
            assert!(
                head.contains("<meta name=\"robots\" content=\"noindex\" />"),
                "{}",
                page.file
            );
            assert!(!head.contains("og:"), "{}", page.file);
            continue;
        }
        let h1 = body
            .split("<h1")
            .nth(1)
            .and_then(|t| t.split_once('>'))
            .and_then(|(_, t)| t.split("</h1>").next())
            .unwrap_or_else(|| panic!("{}: no h1", page.file));
        let og = |name: &str| {
            meta(head, "property", name).unwrap_or_else(|| panic!("{}: no {name}", page.file))
        };
        assert_eq!(plain(og("og:title")), plain(h1), "{}", page.file);
        // The description, without the heading the preview shows already where it leads with it.
        let description = meta(head, "name", "description").expect("a description");
        assert!(
            og("og:description") == description
                || description == format!("{}: {}", og("og:title"), og("og:description")),
            "{}: {description:?} / {:?}",
            page.file,
            og("og:description")
        );
        assert!(!og("og:description").is_empty(), "{}", page.file);
        let (own, other, site) = if page.route.lang == Lang::Ko {
            ("ko_KR", "en_GB", "안산시 예산 탐색기")
        } else {
            ("en_GB", "ko_KR", "Ansan Budget Explorer")
        };
        assert_eq!(og("og:locale"), own, "{}", page.file);
        assert_eq!(og("og:locale:alternate"), other, "{}", page.file);
        assert_eq!(og("og:site_name"), site, "{}", page.file);
        assert_eq!(og("og:type"), "website", "{}", page.file);
        assert!(!head.contains("noindex"), "{}", page.file);
    }
}

/// Names and titles come from a data file the city publishes; whatever they hold is text on every page (body,
/// head, static drawings, the preview picture's SVG), never markup or script: a file with `</script>`, a comment
/// opener, quotes and an event handler in its titles and a program's names builds pages in which each is escaped.
#[tokio::test(flavor = "current_thread")]
async fn names_from_the_data_file_stay_text_on_every_page() {
    const EVIL: &str =
        "</script><script>pwned()</script><!-- & \"q\" 'a' <img src=x onerror=pwned()>";
    let mut json: serde_json::Value =
        serde_json::from_str(include_str!("../data/ansan-2015.json")).expect("json");
    let mut set = |pointer: &str, lead: &str| {
        let slot = json
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no {pointer} in the shipped data"));
        *slot = serde_json::Value::String(format!("{lead} {EVIL}"));
    };
    set("/meta/title", "안산");
    set("/meta/title_other", "Ansan");
    set("/nodes/1/name", "청년");
    set("/nodes/1/name_other", "Youth");
    set("/presentation/meta/source/title", "기사");
    let text = serde_json::to_string(&json).expect("text");
    let d = DataRef::from(
        ansan_budget::import::project::load_dataset("evil.json", &text)
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let list = pages(&d).expect("pages");
    let mut seen = 0;
    for page in &list {
        let body = render_body(d.clone(), page).await;
        let html = page_html(TEMPLATE, &d, &list, page, &body, &Bundle::default()).expect("page");
        let mut texts = vec![(page.file.clone(), html)];
        if let Ok(svg) = preview_svg(&d, &page.route) {
            texts.push((format!("{} (preview)", page.file), svg));
        }
        for (name, text) in texts {
            for raw in ["<script>pwned", "<!-- &", "<img src=x", "\"q\" 'a' <"] {
                assert!(!text.contains(raw), "{name}: {raw:?} as written");
            }
            // A quote as written is only ever in text between tags: inside a tag it would end an attribute.
            for (at, _) in text.match_indices("\"q\"") {
                let before = text.get(..at).unwrap_or_default();
                assert!(
                    before.rfind('>') >= before.rfind('<'),
                    "{name}: a quote as written inside a tag, at byte {at}"
                );
            }
            seen += text.matches("pwned()").count();
        }
    }
    // The names are on the pages, escaped, not left out.
    assert!(seen > 0, "no page shows the names");
}

/// The `href` of the head's `<link rel="{rel}"[ hreflang="{lang}"] href="…">`.
fn link<'a>(head: &'a str, rel: &str, lang: Option<&str>) -> Option<&'a str> {
    let open = match lang {
        Some(l) => format!("<link rel=\"{rel}\" hreflang=\"{l}\" href=\""),
        None => format!("<link rel=\"{rel}\" href=\""),
    };
    let at = head.find(&open)? + open.len();
    head.get(at..)?.split('"').next()
}

// Where the city says it publishes the explorer, every page names its own address and its two languages' (the
// root page, a copy of the Korean overview, names that), and the sitemap lists each page once; a folder with
// Korean and a space in its name is written percent-escaped. Without the address, none of it.
#[tokio::test(flavor = "current_thread")]
async fn a_public_address_gives_every_page_its_own_and_its_languages() {
    let d = data();
    let list = pages(&d).expect("pages");
    let public = PublicUrl::parse(" https://www.ansan.go.kr/예산 자료/2015 ").expect("an address");
    let base = "https://www.ansan.go.kr/%EC%98%88%EC%82%B0%20%EC%9E%90%EB%A3%8C/2015/";
    assert_eq!(public.of(""), base);
    let with = Bundle {
        public: Some(public.clone()),
        ..Bundle::default()
    };
    let folders: Vec<String> = list
        .iter()
        .filter(|p| p.file != "index.html" && p.file != "404.html")
        .map(|p| format!("{base}{}", p.file.trim_end_matches("index.html")))
        .collect();
    for page in &list {
        let html = page_html(TEMPLATE, &d, &list, page, "", &with).expect("page");
        let head = html.split("</head>").next().unwrap_or_default();
        let plain_html =
            page_html(TEMPLATE, &d, &list, page, "", &Bundle::default()).expect("page");
        for absent in ["rel=\"canonical\"", "hreflang=", "og:url"] {
            assert!(
                !plain_html.contains(absent),
                "{}: {absent} without an address",
                page.file
            );
        }
        if page.file == "404.html" {
            assert!(!head.contains("rel=\"canonical\"") && !head.contains("og:url"));
            continue;
        }
        let own =
            link(head, "canonical", None).unwrap_or_else(|| panic!("{}: no canonical", page.file));
        let expected = if page.file == "index.html" {
            format!("{base}ko/")
        } else {
            format!("{base}{}", page.file.trim_end_matches("index.html"))
        };
        assert_eq!(own, expected, "{}", page.file);
        assert_eq!(meta(head, "property", "og:url"), Some(own), "{}", page.file);
        let ko = link(head, "alternate", Some("ko")).expect("a Korean alternate");
        let en = link(head, "alternate", Some("en")).expect("an English alternate");
        assert_eq!(
            link(head, "alternate", Some("x-default")),
            Some(ko),
            "{}",
            page.file
        );
        let own_lang = if page.route.lang == Lang::Ko { ko } else { en };
        assert_eq!(own_lang, own, "{}", page.file);
        assert!(
            folders.iter().any(|f| f == ko) && folders.iter().any(|f| f == en),
            "{}",
            page.file
        );
        assert_ne!(ko, en);
        assert_eq!(
            ko.replace("/ko/", "/en/"),
            en,
            "{}: the same page in the other language",
            page.file
        );
        // The preview picture beside the page (the root page shows the Korean overview's), named by its head.
        let picture = preview_picture_path(&page.route).expect("a picture");
        assert_eq!(
            format!("{base}{picture}"),
            format!("{own}preview.png"),
            "{}",
            page.file
        );
        assert_eq!(
            meta(head, "property", "og:image"),
            Some(format!("{own}preview.png").as_str())
        );
        assert_eq!(meta(head, "property", "og:image:width"), Some("1200"));
        assert_eq!(meta(head, "property", "og:image:height"), Some("630"));
        assert!(meta(head, "property", "og:image:alt").is_some_and(|a| !a.is_empty()));
        assert_eq!(
            meta(head, "name", "twitter:card"),
            Some("summary_large_image")
        );
        assert_eq!(meta(&plain_html, "name", "twitter:card"), Some("summary"));
        assert!(!plain_html.contains("og:image"), "{}", page.file);
    }
    let map = sitemap(&list, &public);
    assert!(map.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
    assert!(map.ends_with("</urlset>\n"));
    assert_eq!(map.matches("<url>").count(), folders.len());
    assert_eq!(map.matches("<xhtml:link ").count(), 2 * folders.len());
    for f in &folders {
        assert_eq!(map.matches(&format!("<loc>{f}</loc>")).count(), 1, "{f}");
    }
}

#[test]
fn a_public_address_must_be_an_absolute_http_folder() {
    for bad in [
        "",
        "budget/",
        "/budget/",
        "ftp://www.ansan.go.kr/budget/",
        "https://www.ansan.go.kr/budget/?lang=ko",
        "https://www.ansan.go.kr/budget/#top",
        "https://user:secret@www.ansan.go.kr/budget/",
        "file:///var/www/budget/",
    ] {
        let e = PublicUrl::parse(bad).expect_err(bad);
        assert!(
            e.contains("expected the absolute address of the explorer's folder"),
            "{bad}: {e}"
        );
    }
    for (good, written) in [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
        (
            "https://www.ansan.go.kr/budget",
            "https://www.ansan.go.kr/budget/",
        ),
        (
            "https://안산.kr/예산/",
            "https://xn--zf4b17f.kr/%EC%98%88%EC%82%B0/",
        ),
    ] {
        assert_eq!(
            PublicUrl::parse(good).map(|p| p.of("")),
            Ok(written.to_owned()),
            "{good}"
        );
    }
}

// The binary the build runs: with `--public-url` it writes the sitemap beside the pages, with a bad one it writes
// nothing and says which argument and what it expected.
#[test]
fn the_build_step_takes_the_public_address_or_says_what_is_wrong_with_it() {
    let dir = common::TempDir::new("prerender-public-url");
    let template = dir.join("template.html");
    std::fs::write(&template, TEMPLATE).expect("template");
    let run = |out: &str, url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_prerender"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("--data")
            .arg("data/ansan-2015.json")
            .arg("--template")
            .arg(&template)
            .arg("--out")
            .arg(dir.join(out))
            .args(["--public-url", url])
            .output()
            .expect("prerender runs")
    };
    let ok = run("good", "https://www.ansan.go.kr/budget");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let map = std::fs::read_to_string(dir.join("good/sitemap.xml")).expect("a sitemap");
    assert!(
        map.contains("<loc>https://www.ansan.go.kr/budget/en/program/sme/</loc>"),
        "{map}"
    );
    let page = std::fs::read_to_string(dir.join("good/ko/index.html")).expect("a page");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://www.ansan.go.kr/budget/ko/\" />"));
    // Every page's preview picture, a 1200 × 630 PNG, once per page (the root page names the Korean overview's).
    let list = pages(&data()).expect("pages");
    let mut pictures: Vec<String> = list
        .iter()
        .filter_map(|p| preview_picture_path(&p.route))
        .collect();
    pictures.sort();
    pictures.dedup();
    assert_eq!(pictures.len(), list.len() - 2);
    for path in &pictures {
        let png = std::fs::read(dir.join(&format!("good/{path}")))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{path}");
        // IHDR: width and height, big-endian, right after the signature and the chunk's length and type, then
        // 8 bits a sample of RGB (colour type 2): the card is opaque, so no alpha channel is written.
        assert_eq!(
            png.get(16..26),
            Some(&[0, 0, 4, 176, 0, 0, 2, 118, 8, 2][..]),
            "{path}: 1200 × 630, 8-bit RGB"
        );
    }
    let bad = run("bad", "www.ansan.go.kr/budget/");
    assert_eq!(bad.status.code(), Some(2));
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(
        said.contains("--public-url \"www.ansan.go.kr/budget/\"")
            && said.contains("expected the absolute address"),
        "{said}"
    );
    assert!(!dir.join("bad").exists(), "nothing written");
}

// A preview picture is drawn with the build machine's fonts: its Hangul is drawn (not dropped for want of a font),
// and the page's chart with its title and source line fills the card.
#[test]
fn a_preview_picture_draws_its_hangul() {
    use resvg::tiny_skia::Pixmap;
    let fonts = preview_fonts().expect("a Korean font (fonts-noto-cjk)");
    // The Korean faces are read once, not opened and mapped again at every look (~1,000 times a picture).
    let korean: Vec<_> = fonts
        .faces()
        .filter(|f| f.families.iter().any(|(n, _)| n == "Noto Sans CJK KR"))
        .collect();
    assert!(!korean.is_empty(), "Noto Sans CJK KR installed");
    assert!(
        korean
            .iter()
            .all(|f| matches!(f.source, resvg::usvg::fontdb::Source::Binary(_))),
        "the Korean faces in memory"
    );
    let inked = |png: &[u8]| {
        let pixmap = Pixmap::decode_png(png).expect("a PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
        pixmap
            .pixels()
            .iter()
            .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 300)
            .count()
    };
    let hangul = |family: &str| {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"315\"><text x=\"20\" y=\"200\" \
             font-size=\"120\" font-family=\"{family}\">안산시</text></svg>"
        );
        inked(&preview_png(&svg, &fonts).expect("drawn"))
    };
    assert!(
        hangul("'Noto Sans CJK KR', sans-serif") > 5_000,
        "Hangul drawn"
    );
    let d = data();
    let overview = pages(&d)
        .expect("pages")
        .into_iter()
        .find(|p| p.file == "ko/index.html")
        .expect("the overview");
    let svg = preview_svg(&d, &overview.route).expect("the overview's chart");
    assert!(
        svg.contains("출처") && svg.contains("안산스마트허브"),
        "source line and labels"
    );
    assert!(inked(&preview_png(&svg, &fonts).expect("drawn")) > 20_000);
}

/// The shipped data with `n` programs instead of three (at most `model::MAX_PROGRAMS`), each with `bars` figures,
/// all in its headline, so the overview's chart has `n × bars` bars (the quotes are the article's, so the data
/// stays valid).
fn many_programs(n: usize, bars: usize) -> DataRef {
    use serde_json::{json, Value};
    let mut d: Value =
        serde_json::from_str(include_str!("../data/ansan-2015.json")).expect("shipped data");
    let amount = d["amounts"][0].clone();
    let program = d["presentation"]["programs"][1].clone();
    let (mut nodes, mut amounts, mut programs) = (vec![], vec![], vec![]);
    for i in 0..n {
        let code = format!("p{i:04}");
        nodes.push(json!({ "code": code, "level": "program", "name": format!("사업 {i}"), "name_other": format!("Program {i}") }));
        let mut figures = vec![];
        for j in 0..bars {
            let mut a = amount.clone();
            a["id"] = json!(format!("{code}-a{j}"));
            a["node"] = json!(code);
            a["amount"] = json!((i as i64 + 1) * 100_000_000 + j as i64);
            a["split"] = json!("whole");
            amounts.push(a);
            figures.push(json!({ "id": format!("{code}-a{j}"), "kind": "phase_investment", "label": { "ko": format!("금액 {j}"), "en": format!("amount {j}") } }));
        }
        let mut p = program.clone();
        p["id"] = json!(code);
        p["headline"] = json!(figures.iter().map(|f| f["id"].clone()).collect::<Vec<_>>());
        p["figures"] = json!(figures);
        programs.push(p);
    }
    d["nodes"] = Value::Array(nodes);
    d["amounts"] = Value::Array(amounts);
    d["presentation"]["programs"] = Value::Array(programs);
    let text = serde_json::to_string(&d).expect("json");
    DataRef::from(
        ansan_budget::import::project::load_dataset("many.json", &text)
            .unwrap_or_else(|e| panic!("{e}")),
    )
}

#[tokio::test(flavor = "current_thread")]
async fn a_chart_taller_than_any_canvas_is_still_served_for_every_width() {
    // 400 bars are ~26,000 px tall in a phone's column: past what a canvas can be at the screen's density (16,384
    // px), which the served drawing, a vector picture, need not be.
    let d = many_programs(400, 1);
    let list = pages(&d).expect("pages");
    let overview = list
        .iter()
        .find(|p| p.route.page == Page::Overview)
        .expect("overview");
    let body = render_body(d.clone(), overview).await;
    for island in ["overview", "timeline"] {
        let at = body
            .find(&format!("data-island=\"{island}\""))
            .unwrap_or_else(|| panic!("no {island} chart"));
        let rest = &body[at..];
        let hint = format!("id=\"{island}-chart-hint\"");
        let chart = &rest[..rest.find(&hint).expect("the chart's hint after it")];
        for class in ["narrow", "wide", "full"] {
            let svg = chart
                .find(&format!("<svg class=\"{class}\""))
                .unwrap_or_else(|| panic!("{island}: no {class} drawing"));
            let height: u32 = chart[svg..]
                .split_once("height:calc(")
                .and_then(|(_, h)| h.split_once("rem"))
                .and_then(|(h, _)| h.parse().ok())
                .unwrap_or_else(|| panic!("{island} {class}: no height"));
            if class == "narrow" {
                assert!(height > 16_384, "{island}: only {height} px tall");
            }
        }
        // Every bar or row is drawn: its name is in the drawing.
        assert!(
            chart.contains("사업 399"),
            "{island}: the last program drawn"
        );
    }
}

#[test]
fn a_preview_of_many_bars_shows_the_first_and_says_so() {
    let fonts = preview_fonts().expect("a Korean font (fonts-noto-cjk)");
    // The shipped overview's four bars are all in its picture.
    let d = data();
    let list = pages(&d).expect("pages");
    let overview = |list: &[ansan_budget::ui::prerender::PageSpec], file: &str| {
        list.iter()
            .find(|p| p.file == file)
            .expect("the overview")
            .route
            .clone()
    };
    let svg = preview_svg(&d, &overview(&list, "ko/index.html")).expect("drawn");
    assert!(!svg.contains("막대 "), "the shipped chart is whole");
    for name in ["안산스마트허브", "청년 창업", "히든챔피언"] {
        assert!(svg.contains(name), "{name}");
    }
    // 300 bars: the first few, legible on the card, and the source line says how many of how many.
    let many = many_programs(300, 1);
    let list = pages(&many).expect("pages");
    for (file, note) in [
        ("ko/index.html", "막대 300개 중 처음 "),
        ("en/index.html", "the first "),
    ] {
        let svg = preview_svg(&many, &overview(&list, file)).expect("drawn");
        assert!(svg.contains(note), "{file}: {svg}");
        assert!(
            svg.contains("사업 0") || svg.contains("Program 0"),
            "{file}"
        );
        assert!(
            !svg.contains("사업 299") && !svg.contains("Program 299"),
            "{file}"
        );
        assert!(
            svg.contains("출처") || svg.contains("Source"),
            "{file}: the source line kept"
        );
        let height: f64 = svg
            .split_once(" height=\"")
            .and_then(|(_, h)| h.split_once('"'))
            .and_then(|(h, _)| h.parse().ok())
            .expect("the picture's height");
        assert!(height <= 525.0, "{file}: {height} px tall at 600 px wide");
        assert!(preview_png(&svg, &fonts).is_ok());
    }
}

/// The build is given another kind of budget file than the explorer's own (the web team's 지방재정365 download, a
/// Fiscal Data Package, a CSV): it says what the file is and what the pages need, in one line, and writes nothing,
/// rather than refusing it field by field as if it were a project file.
#[test]
fn the_build_names_another_kind_of_budget_file_and_writes_nothing() {
    let dir = common::TempDir::new("prerender-kinds");
    let template = dir.join("index.html");
    std::fs::write(&template, TEMPLATE).expect("write");
    for (name, text, kind) in [
        (
            "4118000.json",
            r#"{"lafCd":"4118000","exeYmd":"20260101","projects":[{"dbizCd":"1","bdgCashAmt":1}]}"#,
            "지방재정365 line items",
        ),
        (
            "datapackage.json",
            r#"{"name":"x","resources":[]}"#,
            "a Fiscal Data Package",
        ),
        ("budget.csv", "a,b\n1,2\n", "a CSV file"),
    ] {
        let data = dir.join(name);
        std::fs::write(&data, text).expect("write");
        let out = dir.join(&format!("out-{name}"));
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_prerender"))
            .args(["--data", &data.to_string_lossy(), "--template"])
            .arg(&template)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("prerender runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{name}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.contains(&format!("found {kind}, which budget-check reads"))
                && first.contains("format \"ansan-budget/2\" with a presentation part"),
            "{name}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 2, "{name}: one message: {stderr}");
        assert!(!out.exists(), "{name}: something was written");
    }
}
