//! Rendering the explorer's pages to static HTML at build time (natively, with yew's server renderer): the
//! list of pages the shipped data has, each page's body, and the page around it, made from the bundle's
//! `index.html`. The `prerender` binary writes them; the browser's WebAssembly then takes each one over.

use super::app::{page_name, page_title, site_name, App, AppProps};
use super::DataRef;
use crate::chart::BarChart;
use crate::model::{Dataset, Lang};
use crate::view::html_escape as escape;
use crate::view::route::{Page, Route};
use crate::view::rows::pick;
use crate::view::widget_params::WidgetChart;
use resvg::usvg;

/// The second browser module (the widget and the generator): its JS glue and `.wasm`, by file name in the
/// bundle's root. The generator's pages load it instead of the first view's.
#[derive(Clone, Debug, PartialEq)]
pub struct FullModule {
    pub js: String,
    pub wasm: String,
}

/// Where the city publishes the explorer (`prerender --public-url`, which the build passes from
/// `ANSAN_BUDGET_PUBLIC_URL`): an absolute http(s) address of its folder. Only with it can the pages name their
/// own canonical address, their other language's and their preview picture's, and the build write a sitemap:
/// search engines and link previews want those absolute, and nothing else in the bundle knows where it is hosted. A non-ASCII folder
/// (`/예산/`) or host (`안산.kr`) is written as the address standard has it (percent-escapes, punycode).
#[derive(Clone, Debug, PartialEq)]
pub struct PublicUrl(url::Url);

impl PublicUrl {
    /// `text` as the explorer's folder address; a missing final `/` is added (a folder, not a file).
    pub fn parse(text: &str) -> Result<PublicUrl, String> {
        let text = text.trim();
        let expected = "expected the absolute address of the explorer's folder, such as \
                        https://www.ansan.go.kr/budget/";
        let mut url = url::Url::parse(text).map_err(|e| format!("{text:?}: {e}; {expected}"))?;
        let problem = if !matches!(url.scheme(), "http" | "https") {
            Some("not http or https")
        } else if url.host_str().is_none_or(str::is_empty) {
            Some("no host")
        } else if url.query().is_some() || url.fragment().is_some() {
            Some("a ? or # part, which a folder does not have")
        } else if !url.username().is_empty() || url.password().is_some() {
            Some("a user name or password")
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(format!("{text:?}: {problem}; {expected}"));
        }
        if !url.path().ends_with('/') {
            let folder = format!("{}/", url.path());
            url.set_path(&folder);
        }
        Ok(PublicUrl(url))
    }

    /// The absolute address of `path`, a page's folder below the explorer's (`ko/program/sme/`).
    pub fn of(&self, path: &str) -> String {
        self.0
            .join(path)
            .map(String::from)
            .unwrap_or_else(|_| format!("{}{path}", self.0))
    }
}

/// What the pages are built with besides the data: the second module's files, and where the explorer is
/// published, each if known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bundle {
    pub full: Option<FullModule>,
    pub public: Option<PublicUrl>,
    /// The data handover the pages read, relative to the explorer's root (`data/ansan-2015.<hash>.bin`, see
    /// [`handover_name`]); `None` for `data_source::DATA_URL`.
    pub handover: Option<String>,
}

/// The handover's file name, named by its content (`ansan-2015.3f2a9c0d1e4b5a6c.bin`: the first 8 bytes of the
/// bytes' SHA-256, in hex). A page names the one it was built with, so what the app draws is always what the
/// page's own tables show: a host or a browser that keeps an older file under a fixed name for a while (as many do,
/// by heuristic caching, when the host sends no caching rule) would otherwise give a page rebuilt from new data the
/// old amounts, or an old page the new ones, in the same charts whose static drawings and tables show the others.
/// The name goes into each page's loader and `<html>` as written, and a page reads only a name
/// `data_source::is_handover_path` accepts: a `stem` (the data file's name without `.json`) that would give
/// another is refused.
pub fn handover_name(stem: &str, bytes: &[u8]) -> Result<String, String> {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = format!("{stem}.{hex}.bin");
    if !super::data_source::is_handover_path(&format!("data/{name}")) {
        return Err(format!(
            "the data file's name {stem:?} (without .json) is part of an address every page names: \
             expected ASCII letters, digits, '-', '_' and '.' (not first)"
        ));
    }
    Ok(name)
}

/// `widget.html` (the bundle's page marked `<html data-page="widget">`, which the build makes and this does not
/// render) told which handover to read: its `<html>` names it as every rendered page does, and its preload of the
/// data (the template's, of `data_source::DATA_URL`) asks for that file instead. Told again (a copy of a built
/// site made anew from other data), it names the new one in their place.
pub fn widget_with_handover(html: &str, handover: &str) -> Result<String, String> {
    const TAG: &str = "<html data-page=\"widget\"";
    const ATTR: &str = " data-handover=\"";
    const PRELOAD: &str = "<link rel=\"preload\" href=\"./data/";
    let at = html
        .find(TAG)
        .ok_or_else(|| format!("the widget page has no {TAG}"))?;
    let value = escape(handover);
    let mut out = html.to_owned();
    let after = at + TAG.len();
    match out.get(after..).and_then(|rest| rest.strip_prefix(ATTR)) {
        Some(rest) => {
            let end = rest
                .find('"')
                .ok_or("the widget page's data-handover is not closed")?;
            let from = after + ATTR.len();
            out.replace_range(from..from + end, &value);
        }
        None => out.insert_str(after, &format!("{ATTR}{value}\"")),
    }
    if let Some(link) = out.find(PRELOAD) {
        let from = link + PRELOAD.len() - "data/".len();
        let end = out
            .get(from..)
            .and_then(|rest| rest.find('"'))
            .ok_or("the widget page's preload of the data is not closed")?;
        out.replace_range(from..from + end, &value);
    }
    Ok(out)
}

/// The page's address and its other language's, where the explorer's own is known; `None` for the not-found page,
/// which has no address of its own. The root page is the Korean overview's copy, and names it.
fn addresses(route: &Route, public: &PublicUrl) -> Option<(String, [(Lang, String); 2])> {
    if let Page::NotFound(_) = route.page {
        return None;
    }
    let at = |lang: Lang| {
        public.of(&Route {
            lang,
            ..route.rendered()
        }
        .to_path())
    };
    Some((
        at(route.lang),
        [(Lang::Ko, at(Lang::Ko)), (Lang::En, at(Lang::En))],
    ))
}

/// A link preview's picture: width and height in px (the Open Graph size most sites show whole).
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// Where a page's preview picture is, below the explorer's folder: beside the page, `ko/program/sme/preview.png`
/// (the root page, the Korean overview's copy, shows that page's). `None` for the not-found page.
pub fn preview_picture_path(route: &Route) -> Option<String> {
    match route.page {
        Page::NotFound(_) => None,
        _ => Some(format!("{}preview.png", route.rendered().to_path())),
    }
}

/// The picture a link to the page is previewed with, as SVG: the page's chart (a program's own, else the
/// overview's comparison; the generator's too) as its menu's "Picture as SVG" draws it, title and source line
/// included (an illustrative dataset's chart says so in it), at 600 CSS px; [`preview_png`] makes it a PNG.
pub fn preview_svg(d: &Dataset, route: &Route) -> Result<String, String> {
    use crate::chart::export::{self, Picture};
    let lang = route.lang;
    let defaults = Route::default();
    let chart = preview_chart(route);
    let view = match &chart {
        WidgetChart::Program(id) => {
            let p = d.program(id).ok_or_else(|| format!("no program {id}"))?;
            crate::view::program_chart(d, p, defaults.unit, defaults.scale, lang)?
        }
        _ => crate::view::overview_chart(d, defaults.unit, defaults.scale, lang)?,
    };
    let title = super::chart_section::chart_title(d, &chart, lang);
    let width = PREVIEW_SIZE.0 / 2;
    let bars = preview_bars(&view.chart, &title, width, lang);
    export::svg(
        Picture::Bars(&bars),
        &title,
        width,
        crate::chart::Theme::Light,
    )
    .map_err(|e| e.to_string())
}

/// The tallest a preview's picture may be, in CSS px at half the card's width: drawn on the card at least 1.2
/// times over (the card is twice as wide), so its text stays legible in a link preview.
const PREVIEW_MAX_HEIGHT: u32 = PREVIEW_SIZE.1 * 5 / 6;

/// `chart` as a preview shows it: whole where its picture fits the card legibly, else its first bars, as many as
/// fit, with its source line saying how many of how many are shown (a picture shrunk to fit hundreds of bars is
/// a grey smear). The bars kept are drawn as the page draws them.
fn preview_bars(chart: &BarChart, title: &str, width: u32, lang: Lang) -> BarChart {
    use crate::chart::export::{Frame, Picture};
    let fits =
        |c: &BarChart| Frame::new(Picture::Bars(c), title, width).height <= PREVIEW_MAX_HEIGHT;
    if fits(chart) {
        return chart.clone();
    }
    let all = chart.bars.len();
    // The note after the source line, which starts with an illustrative dataset's mark (kept first, as a note
    // too long for its lines is cut at the end).
    let first = |k: usize| BarChart {
        bars: chart.bars.iter().take(k).cloned().collect(),
        scale: chart.scale,
        axis_title: chart.axis_title.clone(),
        source_note: match lang {
            Lang::Ko => format!("{} · 막대 {all}개 중 처음 {k}개", chart.source_note),
            Lang::En => format!("{} · the first {k} of {all} bars", chart.source_note),
        },
        tick_label: chart.tick_label,
    };
    // Each bar added makes the picture taller: the first that no longer fits ends the search, after a few bars.
    let mut shown = first(1);
    for k in 2..all {
        let more = first(k);
        if !fits(&more) {
            break;
        }
        shown = more;
    }
    shown
}

/// The chart a page's preview picture shows: a program page's own, else the overview's comparison.
fn preview_chart(route: &Route) -> WidgetChart {
    match &route.page {
        Page::Program(id) => WidgetChart::Program(id.clone()),
        _ => WidgetChart::Overview,
    }
}

/// The installed fonts, read once per build: every preview picture is drawn with them, here on the build machine
/// (resvg), not in a reader's browser. One of the families the charts name before the generic one (the Korean
/// fonts of `chart::FONT_FAMILY`) must be installed, or the Hangul would be drawn in whatever font has it.
pub fn preview_fonts() -> Result<std::sync::Arc<usvg::fontdb::Database>, String> {
    let named: Vec<&str> = crate::chart::FONT_FAMILY
        .split(',')
        .map(|f| f.trim().trim_matches('\''))
        .filter(|f| *f != "sans-serif" && *f != crate::chart::PAGE_FACE)
        .collect();
    let mut db = usvg::fontdb::Database::new();
    db.load_system_fonts();
    let korean = named.iter().any(|family| {
        db.query(&usvg::fontdb::Query {
            families: &[usvg::fontdb::Family::Name(family)],
            ..usvg::fontdb::Query::default()
        })
        .is_some()
    });
    if korean {
        keep_in_memory(&mut db, &named);
        Ok(std::sync::Arc::new(db))
    } else {
        Err(format!(
            "no font with Hangul is installed ({}), so the link preview pictures cannot be drawn; on Debian: \
             apt install fonts-noto-cjk",
            named.join(", ")
        ))
    }
}

/// The files of the faces of `families` read into memory once, in place of their faces on disk. fontdb opens
/// and maps a face's file anew for every look at its data: ~1,000 times a picture, 600,000 mmaps (29 s of
/// system time) for the 606 pages of a 300-program build.
fn keep_in_memory(db: &mut usvg::fontdb::Database, families: &[&str]) {
    use usvg::fontdb::Source;
    let mut files: Vec<std::path::PathBuf> = db
        .faces()
        .filter(|f| {
            families
                .iter()
                .any(|name| f.families.iter().any(|(n, _)| n == name))
        })
        .filter_map(|f| match &f.source {
            Source::File(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    files.sort();
    files.dedup();
    for path in files {
        // A file that cannot be read now is left as it was: found on disk at each look, as before.
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let on_disk: Vec<_> = db
            .faces()
            .filter(|f| matches!(&f.source, Source::File(p) if *p == path))
            .map(|f| f.id)
            .collect();
        for id in on_disk {
            db.remove_face(id);
        }
        db.load_font_data(bytes);
    }
}

/// `svg` drawn on a white [`PREVIEW_SIZE`] card, as large as fits and centred, as PNG bytes.
pub fn preview_png(
    svg: &str,
    fonts: &std::sync::Arc<usvg::fontdb::Database>,
) -> Result<Vec<u8>, String> {
    use resvg::tiny_skia::{Color, Pixmap, Transform};
    let options = usvg::Options {
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("the preview's SVG: {e}"))?;
    let (w, h) = PREVIEW_SIZE;
    let size = tree.size();
    let scale = (w as f32 / size.width()).min(h as f32 / size.height());
    if !scale.is_finite() || scale <= 0.0 {
        return Err("the preview's SVG has no size".to_owned());
    }
    let dx = (w as f32 - size.width() * scale) / 2.0;
    let dy = (h as f32 - size.height() * scale) / 2.0;
    let mut card = Pixmap::new(w, h).ok_or("no room for the preview picture")?;
    card.fill(Color::WHITE);
    resvg::render(
        &tree,
        Transform::from_row(scale, 0.0, 0.0, scale, dx, dy),
        &mut card.as_mut(),
    );
    // The card is opaque: written as RGB, with the encoder's best compression (tiny-skia's own PNG is RGBA at its
    // default level, 1.x–2× the bytes).
    let rgb: Vec<u8> = card
        .pixels()
        .iter()
        .flat_map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    encoder
        .write_header()
        .and_then(|mut writer| writer.write_image_data(&rgb))
        .map_err(|e| format!("the preview's PNG: {e}"))?;
    Ok(png)
}

/// `sitemap.xml` for search engines: every page once (not the root's copy of the overview, nor the not-found
/// page), each with its other language.
pub fn sitemap(pages: &[PageSpec], public: &PublicUrl) -> String {
    let xml = |s: &str| escape(s).replace('\'', "&apos;");
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages.iter().filter(|p| p.file != "index.html") {
        let Some((own, langs)) = addresses(&page.route, public) else {
            continue;
        };
        out.push_str(&format!("<url><loc>{}</loc>", xml(&own)));
        for (lang, href) in &langs {
            out.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                lang.tag(),
                xml(href)
            ));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// One page to write: its file below the bundle's root, the route it shows and how deep the file is.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSpec {
    pub file: String,
    pub route: Route,
    pub depth: usize,
}

/// A program id becomes a folder name: only letters, digits, `-` and `_` are safe in every file system and
/// address, so anything else is refused at build time rather than written.
fn folder_safe(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Every page of `d`: the root (the Korean overview, where the explorer has always opened), then per
/// language the overview, each program and the embed-code generator, and a page for unknown addresses.
pub fn pages(d: &Dataset) -> Result<Vec<PageSpec>, String> {
    let spec = |file: String, route: Route| PageSpec {
        depth: file.matches('/').count(),
        file,
        route,
    };
    let mut out = vec![spec("index.html".to_owned(), Route::default())];
    for lang in [Lang::Ko, Lang::En] {
        let home = Route {
            lang,
            ..Route::default()
        };
        out.push(spec(format!("{}index.html", home.to_path()), home.clone()));
        for p in d.programs() {
            if !folder_safe(&p.id) {
                return Err(format!(
                    "program id {:?} cannot be a page address: use only letters, digits, '-' and '_'",
                    p.id
                ));
            }
            let r = home.with_page(Page::Program(p.id.clone()));
            out.push(spec(format!("{}index.html", r.to_path()), r));
        }
        let embed = home.with_page(Page::Embed(String::new()));
        out.push(spec(format!("{}index.html", embed.to_path()), embed));
    }
    out.push(spec(
        "404.html".to_owned(),
        Route::default().with_page(Page::NotFound("/404.html".to_owned())),
    ));
    Ok(out)
}

/// The app's markup for one page: what the browser's first render of `App` will put in its place.
pub async fn render_body(d: DataRef, page: &PageSpec) -> String {
    yew::LocalServerRenderer::<App>::with_props(AppProps {
        dataset: d,
        route: page.route.clone(),
        depth: page.depth,
    })
    // No hydration markers: the browser renders anew (see `take_over`).
    .hydratable(false)
    .render()
    .await
}

/// The template's first line in `<head>`; what is added to the head goes right after it.
pub const CHARSET: &str = "<meta charset=\"utf-8\" />";

/// What search engines and link previews show under the page's title.
fn description(d: &Dataset, route: &Route) -> String {
    let lang = route.lang;
    match &route.page {
        Page::Program(id) => d
            .program(id)
            .map(|p| p.summary.get(lang).to_owned())
            .unwrap_or_default(),
        Page::Embed(_) => pick(
            lang,
            "안산시 예산 차트를 내 웹페이지에 넣는 코드를 만듭니다.",
            "Make the code that puts an Ansan budget chart on your own web page.",
        )
        .to_owned(),
        // The overview's heading and lede, both worded from the data.
        _ => format!(
            "{}: {}",
            d.meta().title.get(lang),
            crate::view::overview::overview_lede(d, lang)
        ),
    }
}

/// With the explorer's own address: the page's, its other language's (and the Korean one for any other reader), and
/// its preview picture's. Nothing for the not-found page.
fn address_tags(d: &Dataset, route: &Route, public: &PublicUrl) -> String {
    let (Some((own, langs)), Some(picture)) =
        (addresses(route, public), preview_picture_path(route))
    else {
        return String::new();
    };
    let mut tags = format!(
        "<link rel=\"canonical\" href=\"{0}\" />\n<meta property=\"og:url\" content=\"{0}\" />\n",
        escape(&own)
    );
    for (lang, href) in &langs {
        tags.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" />\n",
            lang.tag(),
            escape(href)
        ));
    }
    if let Some((_, ko)) = langs.iter().find(|(l, _)| *l == Lang::Ko) {
        tags.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\" />\n",
            escape(ko)
        ));
    }
    tags.push_str(&format!(
        "<meta property=\"og:image\" content=\"{}\" />\n\
<meta property=\"og:image:width\" content=\"{}\" />\n\
<meta property=\"og:image:height\" content=\"{}\" />\n\
<meta property=\"og:image:alt\" content=\"{}\" />\n",
        escape(&public.of(&picture)),
        PREVIEW_SIZE.0,
        PREVIEW_SIZE.1,
        escape(&super::chart_section::chart_title(
            d,
            &preview_chart(route),
            route.lang
        ))
    ));
    tags
}

/// What a link preview (KakaoTalk, Naver, social sites: the Open Graph tags) shows for the page: its own name,
/// the explorer's, the description, and the page's language beside the other one it is published in; where the
/// explorer's address is known, also the page's canonical address, its languages' and its picture's (absolute,
/// as search engines and previews want them). The not-found page gets none of it, and asks search engines not to
/// list it (a host may serve it as an ordinary page). `description` is the page's own (its meta description).
fn preview_meta(
    d: &Dataset,
    route: &Route,
    public: Option<&PublicUrl>,
    description: &str,
) -> String {
    let lang = route.lang;
    if let Page::NotFound(_) = route.page {
        return "<meta name=\"robots\" content=\"noindex\" />\n".to_owned();
    }
    // The page's heading.
    let name = match &route.page {
        Page::Overview => d.meta().title.get(lang).to_owned(),
        Page::Embed(_) => super::embed_page::heading(lang).to_owned(),
        page => page_name(d, page, lang).unwrap_or_default(),
    };
    let locale = |l: Lang| pick(l, "ko_KR", "en_GB");
    let linked = public
        .map(|p| address_tags(d, route, p))
        .unwrap_or_default();
    // A picture whenever the addresses are written (every page but the not-found one, which returned above).
    let card = if linked.is_empty() {
        "summary"
    } else {
        "summary_large_image"
    };
    format!(
        "{linked}<meta property=\"og:type\" content=\"website\" />\n\
<meta property=\"og:site_name\" content=\"{}\" />\n\
<meta property=\"og:title\" content=\"{}\" />\n\
<meta property=\"og:description\" content=\"{}\" />\n\
<meta property=\"og:locale\" content=\"{}\" />\n\
<meta property=\"og:locale:alternate\" content=\"{}\" />\n\
<meta name=\"twitter:card\" content=\"{card}\" />\n",
        escape(site_name(lang)),
        escape(&name),
        // The overview's description leads with its heading, which the preview shows already.
        escape(&match route.page {
            Page::Overview => crate::view::overview::overview_lede(d, lang),
            _ => description.to_owned(),
        }),
        locale(lang),
        locale(lang.other()),
    )
}

/// Published before the explorer had pages: `#/en/program/sme?unit=won` on the root page. Redirects at once
/// (before the app loads) to the page it names, with its options, or to the not-found page with the address
/// asked for kept after its `#` (`404.html#/en/program/nope`), so the reader still sees what was asked for; only
/// addresses of pages that exist are ever produced, and the kept hash stays a fragment of the not-found page, so
/// a crafted hash cannot lead anywhere else.
fn redirect_script(pages: &[PageSpec]) -> String {
    let known: Vec<String> = pages
        .iter()
        .filter_map(|p| p.file.strip_suffix("index.html"))
        .filter(|f| !f.is_empty())
        .map(|f| format!("\"{f}\""))
        .collect();
    format!(
        "<script>(function(){{var m=/^#\\/+([^?]*)(\\?.*)?$/.exec(location.hash);if(!m)return;\
var s=m[1].split('/').filter(Boolean);if(s[0]!=='ko'&&s[0]!=='en')s.unshift('ko');\
var p=s.join('/')+'/',k=[{}];location.replace(k.indexOf(p)<0?'404.html'+location.hash:p+(m[2]||''));}})();</script>",
        known.join(",")
    )
}

/// The whole page: the bundle's `index.html` with this page's language, title, description and depth, its
/// addresses made relative to where the file is, a one-line note for readers without JavaScript, and the
/// rendered body.
pub fn page_html(
    template: &str,
    d: &Dataset,
    pages: &[PageSpec],
    page: &PageSpec,
    body: &str,
    bundle: &Bundle,
) -> Result<String, String> {
    let full = bundle.full.as_ref();
    let lang = page.route.lang;
    let (head, rest) = template
        .split_once("</head>")
        .ok_or("the template has no </head>")?;
    let up = "../".repeat(page.depth);
    let mut head = head.to_owned();
    if page.depth > 0 {
        head = head
            .replace("\"./", &format!("\"{up}"))
            .replace("'./", &format!("'{up}"));
    }
    let root = if up.is_empty() { "./" } else { up.as_str() };
    // Where a chart menu finds the module that makes its downloads (see `menu_export`).
    let full_attr = full
        .and_then(|m| m.js.strip_suffix(".js"))
        .map(|stem| format!(" data-full=\"{}\"", escape(stem)))
        .unwrap_or_default();
    let handover = bundle
        .handover
        .as_deref()
        .unwrap_or(super::data_source::DATA_URL);
    let html_tag = format!(
        "<html lang=\"{}\" data-root=\"{root}\" data-handover=\"{}\"{full_attr}",
        lang.tag(),
        escape(handover)
    );
    if !head.contains("<html lang=\"ko\"") {
        return Err("the template has no <html lang=\"ko\">".to_owned());
    }
    head = head.replacen("<html lang=\"ko\"", &html_tag, 1);
    let title = format!(
        "<title>{}</title>",
        escape(&page_title(d, &page.route.page, lang))
    );
    head = replace_element(&head, "<title>", "</title>", &title)?;
    let description = description(d, &page.route);
    let desc = format!(
        "<meta name=\"description\" content=\"{}\" />",
        escape(&description)
    );
    head = replace_element(&head, "<meta name=\"description\"", "/>", &desc)?;
    head.push_str(&preview_meta(
        d,
        &page.route,
        bundle.public.as_ref(),
        &description,
    ));
    let module = full.filter(|_| matches!(page.route.page, Page::Embed(_)));
    let (without_loader, loader) = defer_app(&head, root, module, handover, lang)?;
    head = without_loader;
    // Without JavaScript the controls and the download menu would do nothing: they are not shown.
    head.push_str(
        // The generator's code needs the page's own address, which only the browser knows.
        "<noscript><style>.chart .controls,.chart-menu,.chart-hint,.embed-options,\
section[aria-labelledby=embed-code-heading],section[aria-labelledby=embed-preview-heading]{display:none!important}</style></noscript>\n",
    );
    if page.file == "index.html" {
        // After the charset, which must stay within the page's first 1024 bytes.
        if !head.contains(CHARSET) {
            return Err(format!("the template has no {CHARSET}"));
        }
        head = head.replacen(
            CHARSET,
            &format!("{CHARSET}\n{}", redirect_script(pages)),
            1,
        );
    }
    // Only where the chart comes early in the page (below).
    if let Some((id, _)) = first_chart_end(body).filter(|(_, at)| *at <= HOLD_FIRST_FRAME_WITHIN) {
        head.push_str(&format!(
            "<link rel=\"expect\" href=\"#{}\" blocking=\"render\" />\n",
            escape(&id)
        ));
    }
    let (before_body, after) = rest
        .split_once("<body>")
        .ok_or("the template has no <body>")?;
    let (_, tail) = after
        .split_once("</body>")
        .ok_or("the template has no </body>")?;
    Ok(format!(
        "{head}</head>{before_body}<body>\n<div id=\"app\">{body}</div>\n{loader}\n</body>{tail}"
    ))
}

/// Trunk's loader starts the app (and its preloads fetch the `.js` and `.wasm`) while the page is still being
/// parsed. The `.wasm` is compiled as it downloads, beside the JS glue's import (a server that does not say
/// `application/wasm` gets it compiled from the whole file). A pre-rendered page needs none of it to be read, so the loader is replaced by one that starts the app
/// once the page's largest text has been painted (or at the reader's first input, or after 1.5 s): the first
/// view never waits on, or competes with, the app's downloads. Lighthouse counts every request made before the
/// largest paint as holding it up (on the overview: 4.4 s of simulated LCP with the preloads, measured).
/// Starting one or two frames after `DOMContentLoaded` instead was ~40 ms sooner at 4× CPU but, in some loads,
/// before the largest paint (measured), so the loader waits for that paint's entry.
///
/// Returns the head without Trunk's loader and preloads, and the page's loader, which goes at the end of the
/// body: a script in the head is run before the first paint, and the first script a page runs also sets up its
/// JavaScript context (first paint at 4× CPU, median of 31 loads of a program page: 285 ms with the loader in the
/// head, 264 ms at the end of the body). The largest paint it waits for is buffered, so seeing it later loses
/// nothing.
fn defer_app(
    head: &str,
    root: &str,
    module: Option<&FullModule>,
    handover: &str,
    lang: Lang,
) -> Result<(String, String), String> {
    let std::ops::Range { start, end } = element_at(
        head,
        "<script type=\"module\">",
        "</script>",
        "the template's loader",
    )?
    .ok_or("the template has no Trunk loader (<script type=\"module\">)")?;
    let loader = head.get(start..end).unwrap_or_default();
    let between = |a: &str, b: &str| -> Result<String, String> {
        let from = loader
            .find(a)
            .map(|i| i + a.len())
            .ok_or_else(|| format!("the Trunk loader has no {a}"))?;
        let rest = loader.get(from..).unwrap_or_default();
        let to = rest
            .find(b)
            .ok_or_else(|| format!("the Trunk loader's {a} is not closed"))?;
        Ok(rest.get(..to).unwrap_or_default().to_owned())
    };
    let (js, wasm) = match module {
        Some(m) => (format!("{root}{}", m.js), format!("{root}{}", m.wasm)),
        None => (between("from '", "'")?, between("module_or_path: '", "'")?),
    };
    // The address the app asks for (`data-root` and `data-handover`), so the app takes this request.
    let data = format!("{root}{handover}");
    // A classic script, run as the parser reaches it (a module script would wait for the whole document), so
    // the largest paint is seen as soon as it happens. It asks for the `.wasm` first (the largest download,
    // compiled as it comes), then the JS glue, then the data, which it leaves for the app's `fetch_dataset`
    // (`ansanBudgetFetched`): a `<link rel=preload>` for it cost ~9 ms of main thread at 4x CPU, measured.
    // It also names the way to the second module, which a chart menu asks for a download
    // (`menu_export::remote`): the page's script, so the first module's glue imports no file of its own.
    // If the app's files do not arrive or the app does not start (a new build on the server while the page was
    // open, deleting the old files; a network cut), the page says so at its top, as the app does when the data
    // fails (`take_over::say_static`), instead of leaving charts that silently do nothing.
    // A toggle or menu item pressed before its chart is driven (a tap while the app is still arriving, up to a
    // second or more on a phone's network; the timeline's menu until the browser is idle) is marked, the last
    // toggle of each group, and pressed again by the app once it drives the chart
    // (`live_chart::LiveChart::replay_early_clicks`), instead of being lost.
    let (before, after) = crate::view::words::app_files_missing(lang);
    let lead = crate::view::words::static_lead(lang);
    let said = js_string(&format!("{lead}{before}{js}, {wasm}{after}"));
    // What a screen reader is told of such a press, in the chart's status line (a live region): the toggle itself
    // only looks as waiting (`aria-pressed` stays false until the chart has changed). Once the page says its charts
    // cannot be made interactive (`say`: its files failed, or it stopped with an error), no press is kept any
    // longer: the marks and those words go (as in `take_over::say_static`), and later presses are not marked.
    let kept = js_string(crate::view::words::early_press_kept(lang));
    // If the app stops with an error once started (a WebAssembly trap: a panic aborts the module), its charts
    // no longer answer: the page says that too, once, in place of silence.
    let stopped = js_string(&format!("{lead}{}", crate::view::words::app_stopped(lang)));
    // Opened from disk (the city's web team looking at a build before publishing it), the files are refused
    // whatever happens, and the note says what does help.
    let disk = js_string(&format!(
        "{lead}{}",
        crate::view::words::opened_from_disk(lang)
    ));
    // Opened from disk, a link to a page's folder (`../program/sme/`) would show the folder's listing: each
    // one is pointed at the folder's `index.html`, so the pages can still be walked through.
    let script = format!(
        "<script id=\"app-loader\">(()=>{{let s=false;{NOTE_JS}const k={kept},say=(n)=>{{for(const e of document.querySelectorAll('[data-early]'))\
e.removeAttribute('data-early');for(const t of document.querySelectorAll('[data-island] [role=status]'))if(t.textContent===k)\
t.textContent='';note(n,'');}};\
if(location.protocol==='file:')addEventListener('DOMContentLoaded',()=>{{for(const a of document.querySelectorAll('a[href]')){{\
const h=a.getAttribute('href'),i=h.search(/[?#]|$/);if(!/^([a-z][a-z0-9+.-]*:|\\/|[?#])/i.test(h)&&h[i-1]==='/')\
a.setAttribute('href',h.slice(0,i)+'index.html'+h.slice(i));}}}});\
addEventListener('error',(e)=>{{if(e.error instanceof WebAssembly.RuntimeError)say({stopped});}});\
const go=()=>{{if(s)return;s=true;\
const w=WebAssembly.compileStreaming(fetch('{wasm}')).catch(()=>fetch('{wasm}')\
.then((r)=>r.arrayBuffer()).then((b)=>WebAssembly.compile(b)));w.catch(()=>{{}});\
const m=import('{js}');const d=fetch('{data}');d.catch(()=>{{}});globalThis.ansanBudgetFetched={{'{data}':d}};\
m.then((m)=>m.default({{module_or_path:w}})).catch(()=>say(location.protocol==='file:'?{disk}:{said}));}};\
new PerformanceObserver(()=>go()).observe({{type:'largest-contentful-paint',buffered:true}});\
for(const e of['pointerdown','keydown','focusin'])addEventListener(e,go,{{once:true,capture:true}});\
setTimeout(go,1500);\
addEventListener('click',(e)=>{{\
const b=e.target.closest?.('[data-island] [role=group] button,[data-island] button[data-action]');\
const i=b?.closest('[data-island]');if(!i||i.hasAttribute('data-live')||document.querySelector('.static-note'))return;\
if(b.parentElement.matches('[role=group]'))for(const o of b.parentElement.children)o.removeAttribute('data-early');\
b.setAttribute('data-early','');const t=i.querySelector('[role=status]');if(t)t.textContent=k;}},true);\
globalThis.ansanBudgetFull=(js,wasm,action,query,width)=>{{globalThis.ansanBudgetHelper=true;\
return import(js).then(async(m)=>{{await m.default({{module_or_path:wasm}});return m.menu_action(action,query,width);}});}};\
}})();</script>"
    );
    let mut out = format!(
        "{}{}",
        head.get(..start).unwrap_or_default(),
        head.get(end..).unwrap_or_default()
    );
    // The early fetches Trunk and the template ask for: each is started by the loader above instead.
    for marker in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(i) = out.find(marker) {
            let Some(j) = out.get(i..).and_then(|t| t.find('>')) else {
                break;
            };
            out.replace_range(i..=i + j, "");
        }
    }
    Ok((out, script))
}

/// JavaScript defining `note(text, heading)`, which shows the one line a page adds when its charts cannot be
/// made interactive, once, where `take_over::say_static` puts it: right after the skip link, which stays the
/// first Tab stop, or at the top of `<body>` where there is none. Where the app rendered nothing (a widget whose
/// module never started), the page gets what every page has, a main part and its heading (`heading`, for screen
/// readers), with the note in it at the top of the frame.
const NOTE_JS: &str = "const note=(t,h)=>{if(document.querySelector('.static-note'))return;\
const p=document.createElement('p');p.className='error static-note';p.setAttribute('role','alert');p.tabIndex=0;\
p.textContent=t;if(document.querySelector('main')){const k=document.querySelector('.skip-link');\
if(k)k.after(p);else document.body.prepend(p);return;}const m=document.createElement('main');\
const e=document.createElement('h1');e.className='visually-hidden';e.textContent=h;m.append(e,p);\
document.body.prepend(m);};";

/// `widget.html` with a title of its own in place of the template's (the explorer's): the widget's heading in
/// Korean and English, as one file serves every chart in both languages. The app then sets the chart's title.
pub fn widget_titled(html: &str) -> Result<String, String> {
    use crate::view::words::widget_heading;
    let at = element_at(html, "<title>", "</title>", "the widget page's <title>")?
        .ok_or("the widget page has no <title>")?;
    let title = format!(
        "<title>{} · {}</title>",
        escape(widget_heading(Lang::Ko)),
        escape(widget_heading(Lang::En))
    );
    let mut out = html.to_owned();
    out.replace_range(at, &title);
    Ok(out)
}

/// `widget.html` with its guard, a script before Trunk's loader: if the second module does not arrive or does not
/// start (its files replaced on the server while a city page was open, a network cut), or the app dies, the frame
/// says so in the widget's language (its address's `lang`) instead of staying empty. What counts: before the app
/// has rendered (no `<main>` yet), a script that failed to load, an uncaught exception or a rejected promise; once
/// it has, only a WebAssembly trap (`RuntimeError`: a panic aborts the module), as the app then shows its own
/// problems. An error event with no error object is a browser's notice, not a failure (Chromium's
/// "ResizeObserver loop completed with undelivered notifications", which a working widget can meet), and an image
/// or other element that failed is not the app. The data's own failures the app shows itself. Told again, the
/// guard is written anew in place of the old, so a copy of a built site made anew from other data keeps one.
pub fn widget_guarded(html: &str) -> Result<String, String> {
    const OPEN: &str = "<script id=\"widget-guard\">";
    const LOADER: &str = "<script type=\"module\">";
    use crate::view::words::{opened_from_disk, widget_files_missing, widget_heading, widget_lead};
    let widget_from_disk = |lang: Lang| format!("{}{}", widget_lead(lang), opened_from_disk(lang));
    let guard = format!(
        "{OPEN}(()=>{{{NOTE_JS}const en=new URLSearchParams(location.search).get('lang')==='en';\
const say=(e)=>{{const w=e.target===window;if(e.type==='error'&&!w&&e.target?.tagName!=='SCRIPT')return;\
const x=e.type==='error'?e.error:e.reason;if(e.type==='error'&&w&&!(x instanceof Error))return;\
if(document.querySelector('main')&&!(x instanceof WebAssembly.RuntimeError))return;\
if(en)document.documentElement.lang='en';const f=location.protocol==='file:';\
note(en?(f?{}:{}):(f?{}:{}),en?{}:{});}};\
addEventListener('error',say,true);addEventListener('unhandledrejection',say);}})();</script>",
        js_string(&widget_from_disk(Lang::En)),
        js_string(widget_files_missing(Lang::En)),
        js_string(&widget_from_disk(Lang::Ko)),
        js_string(widget_files_missing(Lang::Ko)),
        js_string(widget_heading(Lang::En)),
        js_string(widget_heading(Lang::Ko)),
    );
    let mut out = html.to_owned();
    if let Some(at) = element_at(html, OPEN, "</script>", "the widget page's guard")? {
        out.replace_range(at, &guard);
    } else {
        let at = out
            .find(LOADER)
            .ok_or("the widget page has no Trunk loader (<script type=\"module\">) to guard")?;
        out.insert_str(at, &format!("{guard}\n"));
    }
    Ok(out)
}

/// Where the first element that starts with `open` is in `html`, through its `close`: none if there is no such
/// element, an error naming it (`what`) if it is not closed.
fn element_at(
    html: &str,
    open: &str,
    close: &str,
    what: &str,
) -> Result<Option<std::ops::Range<usize>>, String> {
    let Some(start) = html.find(open) else {
        return Ok(None);
    };
    let len = html
        .get(start..)
        .and_then(|rest| rest.find(close))
        .ok_or_else(|| format!("{what} is not closed"))?;
    Ok(Some(start..start + len + close.len()))
}

/// `text` as a JavaScript string literal that is safe inside a `<script>` element.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\x3c"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' | '\u{2029}' => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// The id of the element that follows the page's first chart (its hint, `{canvas id}-hint`), if the page has
/// charts the app takes over: the page's head asks the browser not to paint its first frame before that element
/// is parsed (`<link rel="expect" blocking="render">`, Chromium 124+; other browsers ignore it). Otherwise the
/// first frame often came while the parser was inside the chart, which holds a drawing for each width, and the
/// chart was shown a frame later: interleaved at 4× CPU, 30 loads each, the first chart was visible 16 ms sooner
/// on the overview (292 → 276 ms; its first paint came 44 ms later, with the chart in it) and 28 ms sooner on a
/// program page (288 → 260, its first paint too). The whole page is a few kilobytes compressed, so no network
/// holds the first frame back. If the element were missing, the browser would paint once the page is parsed.
/// Returns the id and where the element is in `body`.
fn first_chart_end(body: &str) -> Option<(String, usize)> {
    let island = body.find(" data-island=\"")?;
    let canvas = body.get(island..)?.find("<canvas ")? + island;
    let tag = body.get(canvas..)?.split('>').next()?;
    let id = tag.split(" id=\"").nth(1)?.split('"').next()?;
    let hint = format!("{id}-hint");
    let at = body.get(canvas..)?.find(&format!(" id=\"{hint}\""))? + canvas;
    Some((hint, at))
}

/// How far into a page's body (raw bytes) its first chart may end for the first frame to be held for it. With
/// the head before it (~29 KB with its stylesheet inline, 5.7 KB brotli), 32 KiB of body (~5 KB brotli) keeps
/// what the first frame waits for within what one round trip brings on a new connection (14.6 KB); the
/// overview's chart ends 21 KB into its body, a program page's 12–26 KB. A page whose first chart comes later
/// (a program with many figures before its chart) paints as it arrives, rather than wait on a slow network for
/// bytes the reader sees later.
const HOLD_FIRST_FRAME_WITHIN: usize = 32 * 1024;

/// `text` with the first element that starts with `open` (up to the next `close`) replaced by `with`.
fn replace_element(text: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let start = text
        .find(open)
        .ok_or_else(|| format!("the template has no {open}"))?;
    let len = text
        .get(start..)
        .and_then(|t| t.find(close))
        .ok_or_else(|| format!("the template's {open} is not closed"))?;
    let end = start + len + close.len();
    Ok(format!(
        "{}{with}{}",
        text.get(..start).unwrap_or_default(),
        text.get(end..).unwrap_or_default()
    ))
}
