//! The widget's address: the documented query parameters of `widget.html`, parsed strictly (every rejected
//! key or value is reported, in both languages) and printed back in canonical order.
//!
//! The query string is a public contract: the city pastes `widget.html?chart=…` into pages that live for
//! years. So a misspelt value is never silently replaced by a default (the page would show the wrong chart
//! and nobody would notice); it is reported, with every other problem, in the order the query gives them.
//! Keys we do not document (`utm_source`, `fbclid`, …) are added by mailers and social sites, not by the
//! city, so they are ignored.

use super::route::{Page, Route, Unit};
use crate::chart::Scale;
use crate::model::Lang;

/// Which chart the widget shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WidgetChart {
    Overview,
    Timeline,
    /// One program's figures, by program id (checked against the data later, not here).
    Program(String),
}

/// Colour scheme; `Auto` follows the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    pub fn tag(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Everything the widget's query string can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetParams {
    pub chart: WidgetChart,
    pub lang: Lang,
    pub unit: Unit,
    pub scale: Scale,
    pub theme: Theme,
    pub show_title: bool,
    pub show_source: bool,
    pub show_controls: bool,
}

impl Default for WidgetParams {
    fn default() -> Self {
        WidgetParams {
            chart: WidgetChart::Overview,
            lang: Lang::Ko,
            unit: Unit::Eok,
            scale: Scale::Linear,
            theme: Theme::Auto,
            show_title: true,
            show_source: true,
            show_controls: true,
        }
    }
}

/// One rejected parameter: the key, the value exactly as decoded from the query, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    pub key: String,
    pub value: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not one of the documented values (which are case-sensitive).
    UnknownValue { expected: &'static [&'static str] },
    /// The key appears more than once; `value` is the second occurrence.
    Repeated,
    /// `key=` or a bare `key`.
    Empty,
    /// `chart=program` without `program=<id>`.
    MissingProgram,
    /// `program=<id>` with a chart other than `program`.
    ProgramWithoutProgramChart,
    /// Not 1–64 ASCII lowercase letters, digits, `-` or `_`.
    BadProgramId,
}

/// Why a query was rejected: every problem, plus the language to explain them in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamErrors {
    /// The `lang` value, when one was given and valid: the messages are then shown in it.
    pub lang: Option<Lang>,
    pub problems: Vec<ParamProblem>,
}

pub const CHART_VALUES: &[&str] = &["overview", "timeline", "program"];
pub const LANG_VALUES: &[&str] = &["ko", "en"];
pub const UNIT_VALUES: &[&str] = &["eok", "won", "per-resident"];
pub const SCALE_VALUES: &[&str] = &["linear", "log"];
pub const THEME_VALUES: &[&str] = &["light", "dark", "auto"];
pub const SHOW_VALUES: &[&str] = &["show", "hide"];

/// The longest program id accepted; ids in the data files are far shorter.
pub const MAX_PROGRAM_ID: usize = 64;

/// How much of a rejected value a message echoes: enough to recognise it, not a wall of text.
const ECHO_CHARS: usize = 40;

/// The documented keys, in canonical order (the order `to_query` prints them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Chart,
    Program,
    Lang,
    Unit,
    Scale,
    Theme,
    Title,
    Source,
    Controls,
}

impl Key {
    const ALL: [Key; 9] = [
        Key::Chart,
        Key::Program,
        Key::Lang,
        Key::Unit,
        Key::Scale,
        Key::Theme,
        Key::Title,
        Key::Source,
        Key::Controls,
    ];

    fn name(self) -> &'static str {
        match self {
            Key::Chart => "chart",
            Key::Program => "program",
            Key::Lang => "lang",
            Key::Unit => "unit",
            Key::Scale => "scale",
            Key::Theme => "theme",
            Key::Title => "title",
            Key::Source => "source",
            Key::Controls => "controls",
        }
    }

    fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// `chart` without its program id, so the id can be checked on its own key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChartKind {
    Overview,
    Timeline,
    Program,
}

impl ChartKind {
    const ALL: [ChartKind; 3] = [ChartKind::Overview, ChartKind::Timeline, ChartKind::Program];

    fn tag(self) -> &'static str {
        match self {
            ChartKind::Overview => "overview",
            ChartKind::Timeline => "timeline",
            ChartKind::Program => "program",
        }
    }
}

fn scale_tag(s: Scale) -> &'static str {
    match s {
        Scale::Linear => "linear",
        Scale::Log => "log",
    }
}

const SCALES: [Scale; 2] = [Scale::Linear, Scale::Log];

fn show_tag(shown: bool) -> &'static str {
    if shown {
        "show"
    } else {
        "hide"
    }
}

/// The value whose tag is `value`; the expected list goes into the problem so the message can name it.
fn one_of<T: Copy>(
    value: &str,
    all: &[T],
    tag: fn(T) -> &'static str,
    expected: &'static [&'static str],
) -> Result<T, ProblemKind> {
    if value.is_empty() {
        return Err(ProblemKind::Empty);
    }
    all.iter()
        .copied()
        .find(|v| tag(*v) == value)
        .ok_or(ProblemKind::UnknownValue { expected })
}

fn program_id(value: &str) -> Result<String, ProblemKind> {
    if value.is_empty() {
        return Err(ProblemKind::Empty);
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if value.len() <= MAX_PROGRAM_ID && value.chars().all(allowed) {
        Ok(value.to_owned())
    } else {
        Err(ProblemKind::BadProgramId)
    }
}

/// Values read so far; `None` where the key was absent or its value rejected.
#[derive(Default)]
struct Read {
    chart: Option<ChartKind>,
    program: Option<String>,
    lang: Option<Lang>,
    unit: Option<Unit>,
    scale: Option<Scale>,
    theme: Option<Theme>,
    title: Option<bool>,
    source: Option<bool>,
    controls: Option<bool>,
}

impl Read {
    /// Checks one key's first value and keeps it when valid.
    fn take(&mut self, key: Key, value: &str) -> Result<(), ProblemKind> {
        match key {
            Key::Chart => {
                self.chart = Some(one_of(
                    value,
                    &ChartKind::ALL,
                    ChartKind::tag,
                    CHART_VALUES,
                )?)
            }
            Key::Program => self.program = Some(program_id(value)?),
            Key::Lang => {
                self.lang = Some(one_of(
                    value,
                    &[Lang::Ko, Lang::En],
                    Lang::tag,
                    LANG_VALUES,
                )?)
            }
            Key::Unit => self.unit = Some(one_of(value, &Unit::ALL, Unit::tag, UNIT_VALUES)?),
            Key::Scale => self.scale = Some(one_of(value, &SCALES, scale_tag, SCALE_VALUES)?),
            Key::Theme => self.theme = Some(one_of(value, &Theme::ALL, Theme::tag, THEME_VALUES)?),
            Key::Title => self.title = Some(one_of(value, &[true, false], show_tag, SHOW_VALUES)?),
            Key::Source => {
                self.source = Some(one_of(value, &[true, false], show_tag, SHOW_VALUES)?)
            }
            Key::Controls => {
                self.controls = Some(one_of(value, &[true, false], show_tag, SHOW_VALUES)?)
            }
        }
        Ok(())
    }
}

fn problem(key: Key, value: &str, kind: ProblemKind) -> ParamProblem {
    ParamProblem {
        key: key.name().to_owned(),
        value: value.to_owned(),
        kind,
    }
}

/// Parses `location.search` (with or without the leading `?`). Every problem is reported, in query order;
/// the two that relate `chart` and `program` come last, as they are about the pair rather than one value.
pub fn parse(search: &str) -> Result<WidgetParams, ParamErrors> {
    let query = search.strip_prefix('?').unwrap_or(search);
    let mut read = Read::default();
    let mut given: Vec<(Key, String)> = Vec::new();
    let mut repeated: Vec<Key> = Vec::new();
    let mut problems = Vec::new();

    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        let Some(key) = Key::from_name(&name) else {
            continue;
        };
        if given.iter().any(|(k, _)| *k == key) {
            if !repeated.contains(&key) {
                repeated.push(key);
                problems.push(problem(key, &value, ProblemKind::Repeated));
            }
            continue;
        }
        if let Err(kind) = read.take(key, &value) {
            problems.push(problem(key, &value, kind));
        }
        given.push((key, value.into_owned()));
    }

    // The pair is judged only when `chart` itself is unambiguous and valid: after `chart=progam` (a typo) or
    // two `chart`s, saying "program is not used with this chart" would be a guess about what was meant.
    let chart_settled = !repeated.contains(&Key::Chart)
        && (read.chart.is_some() || !given.iter().any(|(k, _)| *k == Key::Chart));
    let program_given = given.iter().find(|(k, _)| *k == Key::Program);
    if chart_settled {
        match (read.chart.unwrap_or(ChartKind::Overview), program_given) {
            (ChartKind::Program, None) => {
                problems.push(problem(Key::Program, "", ProblemKind::MissingProgram))
            }
            (ChartKind::Overview | ChartKind::Timeline, Some((_, value))) => problems.push(
                problem(Key::Program, value, ProblemKind::ProgramWithoutProgramChart),
            ),
            _ => {}
        }
    }

    let chart = match (read.chart.unwrap_or(ChartKind::Overview), read.program) {
        (ChartKind::Overview, _) => WidgetChart::Overview,
        (ChartKind::Timeline, _) => WidgetChart::Timeline,
        (ChartKind::Program, Some(id)) => WidgetChart::Program(id),
        // Already reported as MissingProgram, Empty or BadProgramId; the value is never returned.
        (ChartKind::Program, None) => WidgetChart::Overview,
    };
    if !problems.is_empty() {
        return Err(ParamErrors {
            lang: read.lang,
            problems,
        });
    }
    Ok(WidgetParams {
        chart,
        lang: read.lang.unwrap_or_default(),
        unit: read.unit.unwrap_or_default(),
        scale: read.scale.unwrap_or(Scale::Linear),
        theme: read.theme.unwrap_or_default(),
        show_title: read.title.unwrap_or(true),
        show_source: read.source.unwrap_or(true),
        show_controls: read.controls.unwrap_or(true),
    })
}

/// A value fit to show inside a message: control characters and bidirectional overrides removed (a stray
/// U+202E would reverse the rest of the sentence), at most `ECHO_CHARS` characters, then "…".
fn echo(value: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let mut clean = value.chars().filter(|c| !c.is_control() && !bidi(*c));
    let mut out: String = clean.by_ref().take(ECHO_CHARS).collect();
    if clean.next().is_some() {
        out.push('…');
    }
    out
}

/// What a key accepts, as a message would say it.
fn expected_text(key: &str, lang: Lang) -> String {
    let list = match key {
        "chart" => CHART_VALUES,
        "lang" => LANG_VALUES,
        "unit" => UNIT_VALUES,
        "scale" => SCALE_VALUES,
        "theme" => THEME_VALUES,
        "title" | "source" | "controls" => SHOW_VALUES,
        _ => {
            return match lang {
                Lang::Ko => "영문 소문자, 숫자, -, _로 된 1~64자의 사업 ID".to_owned(),
                Lang::En => {
                    "a program id of 1–64 lowercase letters (a–z), digits, - or _".to_owned()
                }
            }
        }
    };
    let list = list.join(", ");
    match lang {
        Lang::Ko => format!("가능한 값: {list}"),
        Lang::En => format!("expected one of: {list}"),
    }
}

impl ParamProblem {
    /// One sentence for the reader, naming the key, the value as given and what is expected.
    pub fn message(&self, lang: Lang) -> String {
        let key = echo(&self.key);
        let value = echo(&self.value);
        match (&self.kind, lang) {
            (ProblemKind::UnknownValue { expected }, Lang::Ko) => format!(
                "{key} 값 \"{value}\"은(는) 쓸 수 없습니다. 가능한 값: {}",
                expected.join(", ")
            ),
            (ProblemKind::UnknownValue { expected }, Lang::En) => format!(
                "{key}=\"{value}\" is not a known value; expected one of: {}",
                expected.join(", ")
            ),
            (ProblemKind::Repeated, Lang::Ko) => format!(
                "{key}이(가) 두 번 이상 주어졌습니다 (두 번째 값 \"{value}\"). 한 번만 써 주세요."
            ),
            (ProblemKind::Repeated, Lang::En) => format!(
                "{key} is given more than once (the second time as \"{value}\"); please give it once"
            ),
            (ProblemKind::Empty, Lang::Ko) => format!(
                "{key}에 값이 없습니다. {}",
                expected_text(&self.key, lang)
            ),
            (ProblemKind::Empty, Lang::En) => format!(
                "{key} has no value; {}",
                expected_text(&self.key, lang)
            ),
            (ProblemKind::MissingProgram, Lang::Ko) => {
                "chart=program에는 사업 ID도 필요합니다 (예: chart=program&program=sme).".to_owned()
            }
            (ProblemKind::MissingProgram, Lang::En) => {
                "chart=program needs a program id too, e.g. chart=program&program=sme".to_owned()
            }
            (ProblemKind::ProgramWithoutProgramChart, Lang::Ko) => format!(
                "{key} 값 \"{value}\"은(는) chart=program일 때만 씁니다. chart=program을 더하거나 {key}을(를) 빼 주세요."
            ),
            (ProblemKind::ProgramWithoutProgramChart, Lang::En) => format!(
                "{key}=\"{value}\" is only used with chart=program; please add chart=program or remove {key}"
            ),
            (ProblemKind::BadProgramId, Lang::Ko) => format!(
                "{key} 값 \"{value}\"은(는) 사업 ID로 쓸 수 없습니다. {}",
                expected_text(&self.key, lang)
            ),
            (ProblemKind::BadProgramId, Lang::En) => format!(
                "{key}=\"{value}\" is not a valid program id; expected {}",
                expected_text(&self.key, lang)
            ),
        }
    }
}

impl WidgetChart {
    /// The explorer page that shows this chart in full (the widget's "open in explorer" link).
    pub fn explorer_page(&self) -> Page {
        match self {
            WidgetChart::Overview | WidgetChart::Timeline => Page::Overview,
            WidgetChart::Program(id) => Page::Program(id.clone()),
        }
    }
}

impl WidgetParams {
    /// The canonical query, without the leading `?`: keys in documented order, `chart` and `lang` always
    /// (so a pasted snippet says what it shows and in which language), other keys only when not default.
    pub fn to_query(&self) -> String {
        let defaults = WidgetParams::default();
        let mut q = form_urlencoded::Serializer::new(String::new());
        match &self.chart {
            WidgetChart::Overview => q.append_pair("chart", "overview"),
            WidgetChart::Timeline => q.append_pair("chart", "timeline"),
            WidgetChart::Program(id) => {
                q.append_pair("chart", "program").append_pair("program", id)
            }
        };
        q.append_pair("lang", self.lang.tag());
        if self.unit != defaults.unit {
            q.append_pair("unit", self.unit.tag());
        }
        if self.scale != defaults.scale {
            q.append_pair("scale", scale_tag(self.scale));
        }
        if self.theme != defaults.theme {
            q.append_pair("theme", self.theme.tag());
        }
        for (key, shown, default) in [
            ("title", self.show_title, defaults.show_title),
            ("source", self.show_source, defaults.show_source),
            ("controls", self.show_controls, defaults.show_controls),
        ] {
            if shown != default {
                q.append_pair(key, show_tag(shown));
            }
        }
        q.finish()
    }

    /// Names this widget in the resize messages it posts to the embedding page.
    pub fn widget_key(&self) -> String {
        match &self.chart {
            WidgetChart::Overview => "overview".to_owned(),
            WidgetChart::Timeline => "timeline".to_owned(),
            WidgetChart::Program(id) => format!("program:{id}"),
        }
    }

    /// The explorer view of the same chart, language, unit and scale.
    pub fn explorer_route(&self) -> Route {
        Route {
            lang: self.lang,
            page: self.chart.explorer_page(),
            unit: self.unit,
            scale: self.scale,
        }
    }
}

/// The iframe height a snippet starts at, before the host script (if any) fits it to the content.
pub const DEFAULT_HEIGHT: u32 = 560;

/// The HTML a web team pastes into a page: the widget's iframe (with a `title`, as KWCAG requires) and the
/// host script that fits its height. `base` is the folder the explorer is served from, ending in `/`.
pub fn embed_snippet(base: &str, params: &WidgetParams, title: &str) -> String {
    let attr = super::html_escape;
    let src = attr(&format!("{base}widget.html?{}", params.to_query()));
    let title = attr(title);
    let script = attr(&format!("{base}embed.js"));
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" data-ansan-budget-widget loading=\"lazy\" \
         allow=\"clipboard-write\" height=\"{DEFAULT_HEIGHT}\" style=\"width:100%;height:{DEFAULT_HEIGHT}px;border:0\"></iframe>\n\
         <script async src=\"{script}\"></script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_escapes_and_points_at_the_base() {
        let p = WidgetParams {
            chart: WidgetChart::Program("sme".into()),
            theme: Theme::Dark,
            ..WidgetParams::default()
        };
        let s = embed_snippet(
            "https://budget.example.org/",
            &p,
            "강소기업 \"히든챔피언\" <육성>",
        );
        assert!(s.starts_with("<iframe src=\"https://budget.example.org/widget.html?chart=program&amp;program=sme&amp;lang=ko&amp;theme=dark\""), "{s}");
        assert!(
            s.contains("title=\"강소기업 &quot;히든챔피언&quot; &lt;육성&gt;\""),
            "{s}"
        );
        assert!(s.contains("height=\"560\""));
        assert!(
            s.ends_with("<script async src=\"https://budget.example.org/embed.js\"></script>"),
            "{s}"
        );
    }

    fn ok(search: &str) -> WidgetParams {
        match parse(search) {
            Ok(p) => p,
            Err(e) => panic!("{search}: {e:?}"),
        }
    }

    fn err(search: &str) -> ParamErrors {
        match parse(search) {
            Ok(p) => panic!("{search} parsed as {p:?}"),
            Err(e) => e,
        }
    }

    fn kinds(search: &str) -> Vec<(String, String, ProblemKind)> {
        err(search)
            .problems
            .into_iter()
            .map(|p| (p.key, p.value, p.kind))
            .collect()
    }

    #[test]
    fn expected_lists_match_the_tags() {
        let tags = |all: &[&'static str]| all.to_vec();
        assert_eq!(
            ChartKind::ALL.map(ChartKind::tag).to_vec(),
            tags(CHART_VALUES)
        );
        assert_eq!(
            [Lang::Ko, Lang::En].map(Lang::tag).to_vec(),
            tags(LANG_VALUES)
        );
        assert_eq!(Unit::ALL.map(Unit::tag).to_vec(), tags(UNIT_VALUES));
        assert_eq!(SCALES.map(scale_tag).to_vec(), tags(SCALE_VALUES));
        assert_eq!(Theme::ALL.map(Theme::tag).to_vec(), tags(THEME_VALUES));
        assert_eq!([true, false].map(show_tag).to_vec(), tags(SHOW_VALUES));
    }

    #[test]
    fn empty_queries_give_the_defaults() {
        for search in ["", "?", "?&", "&&", "?utm_source=x&fbclid=abc"] {
            assert_eq!(ok(search), WidgetParams::default(), "{search:?}");
        }
    }

    #[test]
    fn every_valid_value_is_read() {
        let d = WidgetParams::default;
        let cases: Vec<(&str, WidgetParams)> = vec![
            ("chart=overview", d()),
            (
                "chart=timeline",
                WidgetParams {
                    chart: WidgetChart::Timeline,
                    ..d()
                },
            ),
            (
                "chart=program&program=sme",
                WidgetParams {
                    chart: WidgetChart::Program("sme".into()),
                    ..d()
                },
            ),
            (
                "program=a_b-9&chart=program",
                WidgetParams {
                    chart: WidgetChart::Program("a_b-9".into()),
                    ..d()
                },
            ),
            ("lang=ko", d()),
            (
                "lang=en",
                WidgetParams {
                    lang: Lang::En,
                    ..d()
                },
            ),
            ("unit=eok", d()),
            (
                "unit=won",
                WidgetParams {
                    unit: Unit::Won,
                    ..d()
                },
            ),
            (
                "unit=per-resident",
                WidgetParams {
                    unit: Unit::PerResident,
                    ..d()
                },
            ),
            ("scale=linear", d()),
            (
                "scale=log",
                WidgetParams {
                    scale: Scale::Log,
                    ..d()
                },
            ),
            (
                "theme=light",
                WidgetParams {
                    theme: Theme::Light,
                    ..d()
                },
            ),
            (
                "theme=dark",
                WidgetParams {
                    theme: Theme::Dark,
                    ..d()
                },
            ),
            ("theme=auto", d()),
            ("title=show&source=show&controls=show", d()),
            (
                "title=hide",
                WidgetParams {
                    show_title: false,
                    ..d()
                },
            ),
            (
                "source=hide",
                WidgetParams {
                    show_source: false,
                    ..d()
                },
            ),
            (
                "controls=hide",
                WidgetParams {
                    show_controls: false,
                    ..d()
                },
            ),
            // Percent-escapes and `+` are decoded before matching.
            ("chart=%6Fverview", d()),
            ("%63hart=overview", d()),
            (
                "unit=per%2Dresident",
                WidgetParams {
                    unit: Unit::PerResident,
                    ..d()
                },
            ),
            (
                "chart=timeline&lang=en&unit=won&scale=log&theme=dark&title=hide&source=hide&controls=hide&utm_source=newsletter",
                WidgetParams {
                    chart: WidgetChart::Timeline,
                    lang: Lang::En,
                    unit: Unit::Won,
                    scale: Scale::Log,
                    theme: Theme::Dark,
                    show_title: false,
                    show_source: false,
                    show_controls: false,
                },
            ),
        ];
        for (search, want) in cases {
            assert_eq!(ok(search), want, "{search}");
            assert_eq!(ok(&format!("?{search}")), want, "?{search}");
        }
    }

    #[test]
    fn every_invalid_value_is_rejected() {
        let unknown = |expected| ProblemKind::UnknownValue { expected };
        let cases: Vec<(&str, &str, &str, ProblemKind)> = vec![
            ("chart=Overview", "chart", "Overview", unknown(CHART_VALUES)),
            (
                "chart=overview%20",
                "chart",
                "overview ",
                unknown(CHART_VALUES),
            ),
            (
                "chart=over+view",
                "chart",
                "over view",
                unknown(CHART_VALUES),
            ),
            ("chart=progam", "chart", "progam", unknown(CHART_VALUES)),
            ("chart=bars", "chart", "bars", unknown(CHART_VALUES)),
            ("chart=", "chart", "", ProblemKind::Empty),
            ("chart", "chart", "", ProblemKind::Empty),
            ("lang=kr", "lang", "kr", unknown(LANG_VALUES)),
            ("lang=EN", "lang", "EN", unknown(LANG_VALUES)),
            ("lang=en-US", "lang", "en-US", unknown(LANG_VALUES)),
            ("lang=", "lang", "", ProblemKind::Empty),
            ("lang", "lang", "", ProblemKind::Empty),
            ("unit=kg", "unit", "kg", unknown(UNIT_VALUES)),
            ("unit=Won", "unit", "Won", unknown(UNIT_VALUES)),
            (
                "unit=per_resident",
                "unit",
                "per_resident",
                unknown(UNIT_VALUES),
            ),
            ("unit=", "unit", "", ProblemKind::Empty),
            ("unit", "unit", "", ProblemKind::Empty),
            (
                "scale=logarithmic",
                "scale",
                "logarithmic",
                unknown(SCALE_VALUES),
            ),
            ("scale=LOG", "scale", "LOG", unknown(SCALE_VALUES)),
            ("scale=", "scale", "", ProblemKind::Empty),
            ("scale", "scale", "", ProblemKind::Empty),
            ("theme=black", "theme", "black", unknown(THEME_VALUES)),
            ("theme=Dark", "theme", "Dark", unknown(THEME_VALUES)),
            ("theme=", "theme", "", ProblemKind::Empty),
            ("theme", "theme", "", ProblemKind::Empty),
            ("title=no", "title", "no", unknown(SHOW_VALUES)),
            ("title=false", "title", "false", unknown(SHOW_VALUES)),
            ("title=0", "title", "0", unknown(SHOW_VALUES)),
            ("title=", "title", "", ProblemKind::Empty),
            ("title", "title", "", ProblemKind::Empty),
            ("source=hidden", "source", "hidden", unknown(SHOW_VALUES)),
            ("source=Hide", "source", "Hide", unknown(SHOW_VALUES)),
            ("source=", "source", "", ProblemKind::Empty),
            ("source", "source", "", ProblemKind::Empty),
            ("controls=off", "controls", "off", unknown(SHOW_VALUES)),
            ("controls=1", "controls", "1", unknown(SHOW_VALUES)),
            ("controls=", "controls", "", ProblemKind::Empty),
            ("controls", "controls", "", ProblemKind::Empty),
            ("chart=program&program=", "program", "", ProblemKind::Empty),
            ("chart=program&program", "program", "", ProblemKind::Empty),
            (
                "chart=program&program=SME",
                "program",
                "SME",
                ProblemKind::BadProgramId,
            ),
            (
                "chart=program&program=s%20me",
                "program",
                "s me",
                ProblemKind::BadProgramId,
            ),
            (
                "chart=program&program=s.me",
                "program",
                "s.me",
                ProblemKind::BadProgramId,
            ),
            (
                "chart=program&program=../x",
                "program",
                "../x",
                ProblemKind::BadProgramId,
            ),
            (
                "chart=program&program=%EC%82%AC%EC%97%85",
                "program",
                "사업",
                ProblemKind::BadProgramId,
            ),
            ("chart=program", "program", "", ProblemKind::MissingProgram),
            (
                "program=sme",
                "program",
                "sme",
                ProblemKind::ProgramWithoutProgramChart,
            ),
            (
                "chart=overview&program=sme",
                "program",
                "sme",
                ProblemKind::ProgramWithoutProgramChart,
            ),
            (
                "program=sme&chart=timeline",
                "program",
                "sme",
                ProblemKind::ProgramWithoutProgramChart,
            ),
            ("unit=won&unit=won", "unit", "won", ProblemKind::Repeated),
            ("lang=ko&lang=en", "lang", "en", ProblemKind::Repeated),
            ("chart=overview&chart", "chart", "", ProblemKind::Repeated),
        ];
        for (search, key, value, kind) in cases {
            assert_eq!(
                kinds(search),
                vec![(key.to_owned(), value.to_owned(), kind)],
                "{search}"
            );
        }
    }

    #[test]
    fn program_ids_have_a_length_limit() {
        let longest = "a".repeat(MAX_PROGRAM_ID);
        assert_eq!(
            ok(&format!("chart=program&program={longest}")).chart,
            WidgetChart::Program(longest.clone())
        );
        assert_eq!(
            kinds(&format!("chart=program&program={longest}b")),
            vec![(
                "program".to_owned(),
                format!("{longest}b"),
                ProblemKind::BadProgramId
            )]
        );
    }

    #[test]
    fn every_problem_is_reported_in_query_order() {
        let got =
            kinds("unit=kg&utm_source=x&scale=&unit=won&unit=eok&theme=Dark&chart=program&lang=fr");
        let unknown = |expected| ProblemKind::UnknownValue { expected };
        assert_eq!(
            got,
            vec![
                ("unit".into(), "kg".into(), unknown(UNIT_VALUES)),
                ("scale".into(), "".into(), ProblemKind::Empty),
                // Reported once, however often the key comes back.
                ("unit".into(), "won".into(), ProblemKind::Repeated),
                ("theme".into(), "Dark".into(), unknown(THEME_VALUES)),
                ("lang".into(), "fr".into(), unknown(LANG_VALUES)),
                ("program".into(), "".into(), ProblemKind::MissingProgram),
            ]
        );
        // Bad id and misplaced program are two problems with one key.
        assert_eq!(
            kinds("program=Bad!&chart=timeline"),
            vec![
                ("program".into(), "Bad!".into(), ProblemKind::BadProgramId),
                (
                    "program".into(),
                    "Bad!".into(),
                    ProblemKind::ProgramWithoutProgramChart
                ),
            ]
        );
    }

    #[test]
    fn the_pair_is_not_judged_when_chart_is_in_doubt() {
        assert_eq!(
            kinds("chart=progam&program=sme"),
            vec![(
                "chart".into(),
                "progam".into(),
                ProblemKind::UnknownValue {
                    expected: CHART_VALUES
                }
            )]
        );
        assert_eq!(
            kinds("chart=program&chart=overview&program=sme"),
            vec![("chart".into(), "overview".into(), ProblemKind::Repeated)]
        );
    }

    #[test]
    fn the_language_of_a_failed_parse_is_kept() {
        assert_eq!(err("unit=kg&lang=en").lang, Some(Lang::En));
        assert_eq!(err("lang=ko&unit=kg").lang, Some(Lang::Ko));
        assert_eq!(err("unit=kg").lang, None);
        assert_eq!(err("lang=fr&unit=kg").lang, None);
        // The first `lang` is the one that counts.
        assert_eq!(err("lang=en&lang=ko").lang, Some(Lang::En));
    }

    #[test]
    fn messages_name_key_value_and_expectation() {
        let e = err("unit=kg");
        let [p] = e.problems.as_slice() else {
            panic!("{e:?}")
        };
        assert_eq!(
            p.message(Lang::En),
            "unit=\"kg\" is not a known value; expected one of: eok, won, per-resident"
        );
        assert_eq!(
            p.message(Lang::Ko),
            "unit 값 \"kg\"은(는) 쓸 수 없습니다. 가능한 값: eok, won, per-resident"
        );
        // Every kind says something in both languages, naming the key.
        let all = err("chart=program&unit=&unit=won&theme=x&program=A");
        let kinds: Vec<_> = all.problems.iter().map(|p| p.kind.clone()).collect();
        assert!(kinds.contains(&ProblemKind::Empty));
        assert!(kinds.contains(&ProblemKind::Repeated));
        assert!(kinds.contains(&ProblemKind::BadProgramId));
        let more = err("chart=program").problems;
        let misplaced = err("program=sme").problems;
        for p in all.problems.iter().chain(&more).chain(&misplaced) {
            for lang in [Lang::Ko, Lang::En] {
                let m = p.message(lang);
                assert!(m.contains(&p.key), "{m}");
                assert!(m.contains(&p.value), "{m}");
            }
        }
        assert_eq!(
            more.first().map(|p| p.message(Lang::En)).as_deref(),
            Some("chart=program needs a program id too, e.g. chart=program&program=sme")
        );
        assert_eq!(
            err("controls=")
                .problems
                .first()
                .map(|p| p.message(Lang::En))
                .as_deref(),
            Some("controls has no value; expected one of: show, hide")
        );
    }

    #[test]
    fn hostile_values_are_echoed_as_short_plain_text() {
        let e = err("unit=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        let p = e.problems.first().expect("a problem");
        assert_eq!(p.value, "<script>alert(1)</script>");
        // Shown as text (Yew escapes it), not escaped twice.
        assert!(p
            .message(Lang::En)
            .contains("\"<script>alert(1)</script>\""));

        let long = format!("<script>{}</script>", "x".repeat(100));
        let e = err(&format!("theme={}", long.replace('/', "%2F")));
        let m = e
            .problems
            .first()
            .map(|p| p.message(Lang::Ko))
            .unwrap_or_default();
        let shown: String = long.chars().take(40).collect();
        assert!(m.contains(&format!("\"{shown}…\"")), "{m}");
        assert!(!m.contains("</script>"), "{m}");

        // Control characters and direction overrides are dropped from the echo.
        let e = err("scale=a%00b%0D%0Ac%1B%7Fd%E2%80%AEe");
        let p = e.problems.first().expect("a problem");
        assert_eq!(p.value, "a\0b\r\nc\u{1b}\u{7f}d\u{202e}e");
        assert!(p.message(Lang::En).starts_with("scale=\"abcde\" "));
        assert_eq!(echo(&"가".repeat(40)), "가".repeat(40));
        assert_eq!(echo(&"가".repeat(41)), format!("{}…", "가".repeat(40)));
    }

    #[test]
    fn canonical_query() {
        assert_eq!(WidgetParams::default().to_query(), "chart=overview&lang=ko");
        let p = WidgetParams {
            chart: WidgetChart::Program("sme".into()),
            lang: Lang::En,
            unit: Unit::PerResident,
            scale: Scale::Log,
            theme: Theme::Dark,
            show_title: false,
            show_source: false,
            show_controls: false,
        };
        assert_eq!(
            p.to_query(),
            "chart=program&program=sme&lang=en&unit=per-resident&scale=log&theme=dark&title=hide&source=hide&controls=hide"
        );
        // Out of order and with defaults spelled out, it prints canonically.
        assert_eq!(
            ok("?theme=auto&unit=won&title=show&chart=timeline").to_query(),
            "chart=timeline&lang=ko&unit=won"
        );
    }

    #[test]
    fn round_trips_every_combination() {
        let charts = [
            WidgetChart::Overview,
            WidgetChart::Timeline,
            WidgetChart::Program("incubation".into()),
            WidgetChart::Program("a-1_b".into()),
        ];
        let mut n = 0;
        for chart in &charts {
            for lang in [Lang::Ko, Lang::En] {
                for unit in Unit::ALL {
                    for scale in SCALES {
                        for theme in Theme::ALL {
                            for flags in 0..8u8 {
                                let p = WidgetParams {
                                    chart: chart.clone(),
                                    lang,
                                    unit,
                                    scale,
                                    theme,
                                    show_title: flags & 1 == 0,
                                    show_source: flags & 2 == 0,
                                    show_controls: flags & 4 == 0,
                                };
                                let q = p.to_query();
                                assert_eq!(parse(&q), Ok(p.clone()), "{q}");
                                assert_eq!(parse(&format!("?{q}")), Ok(p), "?{q}");
                                n += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(n, 4 * 2 * 3 * 2 * 3 * 8);
    }

    #[test]
    fn keys_and_explorer_links() {
        let p = ok("chart=program&program=sme&lang=en&unit=won&scale=log&theme=dark");
        assert_eq!(p.widget_key(), "program:sme");
        assert_eq!(
            p.explorer_route().to_hash(),
            "#/en/program/sme?unit=won&scale=log"
        );
        let t = ok("chart=timeline&unit=per-resident");
        assert_eq!(t.widget_key(), "timeline");
        assert_eq!(t.chart.explorer_page(), Page::Overview);
        assert_eq!(t.explorer_route().to_hash(), "#/ko/?unit=per-resident");
        assert_eq!(WidgetParams::default().widget_key(), "overview");
        assert_eq!(WidgetParams::default().explorer_route(), Route::default());
    }
}
