//! The app's URL. Every page has a real address relative to wherever the explorer is hosted
//! (`en/program/sme/`, a folder with an `index.html` the build pre-renders), so any static host serves it
//! without rewrite rules; view options are its query (`?unit=won&scale=log`). Links between pages are
//! relative (`../../ko/`), so the explorer works under any base path. Addresses published before these
//! pages existed (`#/en/program/sme?unit=won`) are parsed by [`Route::parse`] and redirected.
//!
//! A hand-written parser rather than yew-router: four routes do not pay for the router's code size in the
//! `.wasm`, and a pure parser tests natively.

use crate::chart::Scale;
use crate::model::Lang;

/// How amounts are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Compact Korean units (억원) or English billions.
    #[default]
    Eok,
    /// Every won.
    Won,
    /// Divided by the population (a derived figure, with its formula shown).
    PerResident,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::Eok, Unit::Won, Unit::PerResident];

    pub fn tag(self) -> &'static str {
        match self {
            Unit::Eok => "eok",
            Unit::Won => "won",
            Unit::PerResident => "per-resident",
        }
    }

    fn from_tag(tag: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.tag() == tag)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Program(String),
    /// The embed-code generator; its query is the widget's own (`chart=program&program=sme&theme=dark`),
    /// kept as written so the widget's parser, not this one, judges it.
    Embed(String),
    /// A path the app does not know; shown as a page with a way back, never a blank screen.
    NotFound(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub lang: Lang,
    pub page: Page,
    pub unit: Unit,
    pub scale: Scale,
}

impl Default for Route {
    fn default() -> Self {
        Route {
            lang: Lang::Ko,
            page: Page::Overview,
            unit: Unit::Eok,
            scale: Scale::Linear,
        }
    }
}

fn scale_tag(s: Scale) -> &'static str {
    match s {
        Scale::Linear => "linear",
        Scale::Log => "log",
    }
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`). Unknown query keys and values are ignored,
    /// so an old or hand-edited link still opens something sensible.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let mut route = Route::default();
        let mut rest: Vec<&str> = Vec::new();
        if let Some(first) = segments.next() {
            match Lang::from_tag(first) {
                Some(lang) => route.lang = lang,
                None => rest.push(first),
            }
        }
        rest.extend(segments);
        route.page = match rest.as_slice() {
            [] => Page::Overview,
            ["program", id] => Page::Program((*id).to_owned()),
            ["embed"] => Page::Embed(query.to_owned()),
            _ => Page::NotFound(path.to_owned()),
        };
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("unit", v)) => route.unit = Unit::from_tag(v).unwrap_or_default(),
                Some(("scale", "log")) => route.scale = Scale::Log,
                Some(("scale", _)) => route.scale = Scale::Linear,
                _ => {}
            }
        }
        route
    }

    /// Reads a page address relative to the explorer's root (`en/program/sme/`, `en/program/sme/index.html`,
    /// or `` for the root page, which is the Korean overview) and its query (with or without `?`).
    pub fn from_path(path: &str, query: &str) -> Route {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.is_empty() {
            Route::parse(&format!("/{path}"))
        } else {
            Route::parse(&format!("/{path}?{query}"))
        }
    }

    /// This route's address relative to the explorer's root: `ko/`, `en/program/sme/?unit=won`,
    /// `ko/embed/?chart=timeline`. Default options are left out so links stay short. An unknown page has no
    /// address of its own: the overview's is given.
    pub fn to_path(&self) -> String {
        let lang = self.lang.tag();
        match &self.page {
            Page::Embed(query) if query.is_empty() => format!("{lang}/embed/"),
            Page::Embed(query) => format!("{lang}/embed/?{query}"),
            Page::Program(id) => format!("{lang}/program/{id}/{}", self.query()),
            Page::Overview | Page::NotFound(_) => format!("{lang}/{}", self.query()),
        }
    }

    /// A link to this route from a page `depth` folders below the explorer's root.
    pub fn href(&self, depth: usize) -> String {
        format!("{}{}", "../".repeat(depth), self.to_path())
    }

    /// The route a page's static HTML was rendered for: the same page and language with the default view
    /// options (and an empty generator query). The browser takes over a page with this route, whatever the
    /// address asks for, and then moves to the address's own options.
    pub fn rendered(&self) -> Route {
        Route {
            lang: self.lang,
            page: match &self.page {
                Page::Embed(_) => Page::Embed(String::new()),
                other => other.clone(),
            },
            ..Route::default()
        }
    }

    /// The view options of this route as an address's query (`?unit=won&scale=log`), or "" for the defaults.
    pub fn query(&self) -> String {
        let mut query = Vec::new();
        if self.unit != Unit::Eok {
            query.push(format!("unit={}", self.unit.tag()));
        }
        if self.scale != Scale::Linear {
            query.push(format!("scale={}", scale_tag(self.scale)));
        }
        if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        }
    }

    /// The hash address of this route as the explorer published them before it had pages (`#/ko/` style).
    pub fn to_hash(&self) -> String {
        let path = match &self.page {
            Page::Overview | Page::NotFound(_) => String::new(),
            Page::Program(id) => format!("program/{id}"),
            Page::Embed(query) if query.is_empty() => {
                return format!("#/{}/embed", self.lang.tag())
            }
            Page::Embed(query) => return format!("#/{}/embed?{query}", self.lang.tag()),
        };
        format!("#/{}/{path}{}", self.lang.tag(), self.query())
    }

    pub fn with_lang(&self, lang: Lang) -> Route {
        Route {
            lang,
            ..self.clone()
        }
    }

    pub fn with_page(&self, page: Page) -> Route {
        Route {
            page,
            ..self.clone()
        }
    }

    pub fn with_unit(&self, unit: Unit) -> Route {
        Route {
            unit,
            ..self.clone()
        }
    }

    pub fn with_scale(&self, scale: Scale) -> Route {
        Route {
            scale,
            ..self.clone()
        }
    }
}

/// How many folders below the explorer's root a page address is: `` and `index.html` 0, `ko/` 1,
/// `ko/program/sme/` 3.
pub fn depth(path: &str) -> usize {
    path.matches('/').count()
}

/// `file` in the same folder as the page at `href` (query and fragment dropped): how the explorer, its widgets
/// and the generator address each other wherever the city hosts them, with no knowledge of the host's root.
pub fn sibling_url(href: &str, file: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    let path = href.get(..end).unwrap_or(href);
    let dir = match path.rfind('/') {
        Some(i) => path.get(..=i).unwrap_or(path),
        None => path,
    };
    format!("{dir}{file}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sibling_urls_stay_in_the_page_folder() {
        let cases = [
            (
                "https://city.example/budget/widget.html?chart=timeline#x",
                "#/ko/",
                "https://city.example/budget/#/ko/",
            ),
            (
                "https://budget.example.org/#/en/program/sme?unit=won",
                "widget.html?chart=overview",
                "https://budget.example.org/widget.html?chart=overview",
            ),
            (
                "http://127.0.0.1:8080/a/b/index.html",
                "embed.js",
                "http://127.0.0.1:8080/a/b/embed.js",
            ),
        ];
        for (href, file, want) in cases {
            assert_eq!(sibling_url(href, file), want, "{href}");
        }
    }

    #[test]
    fn parses_and_prints() {
        let cases = [
            (
                "",
                Lang::Ko,
                Page::Overview,
                Unit::Eok,
                Scale::Linear,
                "#/ko/",
            ),
            (
                "#/",
                Lang::Ko,
                Page::Overview,
                Unit::Eok,
                Scale::Linear,
                "#/ko/",
            ),
            (
                "#/en/",
                Lang::En,
                Page::Overview,
                Unit::Eok,
                Scale::Linear,
                "#/en/",
            ),
            (
                "#/en",
                Lang::En,
                Page::Overview,
                Unit::Eok,
                Scale::Linear,
                "#/en/",
            ),
            (
                "#/en/program/sme",
                Lang::En,
                Page::Program("sme".into()),
                Unit::Eok,
                Scale::Linear,
                "#/en/program/sme",
            ),
            (
                "#/program/sme",
                Lang::Ko,
                Page::Program("sme".into()),
                Unit::Eok,
                Scale::Linear,
                "#/ko/program/sme",
            ),
            (
                "#/ko/?unit=per-resident&scale=log",
                Lang::Ko,
                Page::Overview,
                Unit::PerResident,
                Scale::Log,
                "#/ko/?unit=per-resident&scale=log",
            ),
            (
                "#/ko/?unit=bogus&x=1",
                Lang::Ko,
                Page::Overview,
                Unit::Eok,
                Scale::Linear,
                "#/ko/",
            ),
            (
                "#/fr/program/sme",
                Lang::Ko,
                Page::NotFound("/fr/program/sme".into()),
                Unit::Eok,
                Scale::Linear,
                "#/ko/",
            ),
            (
                "#/en/embed?chart=program&program=sme",
                Lang::En,
                Page::Embed("chart=program&program=sme".into()),
                Unit::Eok,
                Scale::Linear,
                "#/en/embed?chart=program&program=sme",
            ),
            (
                "#/en/nowhere",
                Lang::En,
                Page::NotFound("/en/nowhere".into()),
                Unit::Eok,
                Scale::Linear,
                "#/en/",
            ),
        ];
        for (hash, lang, page, unit, scale, printed) in cases {
            let r = Route::parse(hash);
            assert_eq!(
                (r.lang, &r.page, r.unit, r.scale),
                (lang, &page, unit, scale),
                "{hash}"
            );
            assert_eq!(r.to_hash(), printed, "{hash}");
        }
    }

    #[test]
    fn page_addresses() {
        let cases = [
            ("", "", "ko/", 0),
            ("index.html", "", "ko/", 0),
            ("ko/", "", "ko/", 1),
            ("en/", "?unit=won", "en/?unit=won", 1),
            (
                "en/program/sme/",
                "scale=log",
                "en/program/sme/?scale=log",
                3,
            ),
            ("en/program/sme/index.html", "", "en/program/sme/", 3),
            (
                "ko/embed/",
                "chart=timeline&lang=en",
                "ko/embed/?chart=timeline&lang=en",
                2,
            ),
            ("en/nowhere/", "", "en/", 2),
        ];
        for (path, query, want, d) in cases {
            let r = Route::from_path(path, query);
            assert_eq!(r.to_path(), want, "{path}?{query}");
            assert_eq!(depth(path), d, "{path}");
        }
        assert_eq!(
            Route::from_path("en/nowhere/", "").page,
            Page::NotFound("/en/nowhere/".into())
        );
        let sme = Route::from_path("en/program/sme/", "unit=won");
        assert_eq!(sme.href(3), "../../../en/program/sme/?unit=won");
        assert_eq!(sme.with_page(Page::Overview).href(0), "en/?unit=won");
        // A page is taken over with the options its static HTML was rendered with.
        assert_eq!(sme.rendered().to_path(), "en/program/sme/");
        assert_eq!(
            Route::from_path("ko/embed/", "chart=timeline")
                .rendered()
                .page,
            Page::Embed(String::new())
        );
    }

    #[test]
    fn published_hash_addresses_map_to_pages() {
        for (hash, path) in [
            ("#/en/program/sme?unit=won", "en/program/sme/?unit=won"),
            ("#/ko/", "ko/"),
            ("#/program/sme", "ko/program/sme/"),
            (
                "#/en/embed?chart=program&program=sme",
                "en/embed/?chart=program&program=sme",
            ),
            (
                "#/ko/?unit=per-resident&scale=log",
                "ko/?unit=per-resident&scale=log",
            ),
        ] {
            assert_eq!(Route::parse(hash).to_path(), path, "{hash}");
        }
    }

    #[test]
    fn round_trips() {
        for lang in [Lang::Ko, Lang::En] {
            for unit in Unit::ALL {
                for scale in [Scale::Linear, Scale::Log] {
                    for page in [Page::Overview, Page::Program("incubation".into())] {
                        let r = Route {
                            lang,
                            page,
                            unit,
                            scale,
                        };
                        assert_eq!(Route::parse(&r.to_hash()), r);
                        let path = r.to_path();
                        let (p, q) = path.split_once('?').unwrap_or((&path, ""));
                        assert_eq!(Route::from_path(p, q), r, "{path}");
                    }
                }
            }
        }
    }
}
