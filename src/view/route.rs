//! The app's URL: language, page and view options live in the location hash (`#/en/program/sme?unit=won`),
//! so every view has its own shareable address, the back button works, a reload keeps the view, and any
//! static host serves it without rewrite rules.
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

    /// The hash for this route, `#/ko/` style; default options are left out so links stay short.
    pub fn to_hash(&self) -> String {
        let path = match &self.page {
            Page::Overview | Page::NotFound(_) => String::new(),
            Page::Program(id) => format!("program/{id}"),
            Page::Embed(query) if query.is_empty() => {
                return format!("#/{}/embed", self.lang.tag())
            }
            Page::Embed(query) => return format!("#/{}/embed?{query}", self.lang.tag()),
        };
        let mut query = Vec::new();
        if self.unit != Unit::Eok {
            query.push(format!("unit={}", self.unit.tag()));
        }
        if self.scale != Scale::Linear {
            query.push(format!("scale={}", scale_tag(self.scale)));
        }
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        format!("#/{}/{path}{query}", self.lang.tag())
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
                    }
                }
            }
        }
    }
}
