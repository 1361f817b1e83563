//! The data file format as written on disk: what `decode` reads and what `data/schema.json` is generated from
//! (schemars follows the serde attributes here, so the names in the schema are the names `decode` accepts; a
//! test checks the tag tables below against them).
//!
//! Nothing here is trusted. `validate` turns a `RawDataset` into a `Dataset` or says exactly what is wrong.

use super::format::Lang;
use super::money::Won;
use schemars::JsonSchema;
use serde::Serialize;

/// The value `format` must have. Bump it when a change would make old files mean something else.
pub const FORMAT: &str = "ansan-budget/1";

/// A budget data file: metadata, context figures and programs.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Optional pointer to the schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `"ansan-budget/1"`.
    pub format: String,
    pub meta: RawMeta,
    /// Figures that are not money, for captions and per-resident views (population, shares, ages).
    #[serde(default)]
    pub context: Vec<RawContextFigure>,
    /// At most 500 (`validate::MAX_PROGRAMS`): the overview charts each in a row of its own.
    #[schemars(length(max = 500))]
    pub programs: Vec<RawProgram>,
}

/// A text in Korean and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ko: String,
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// Short identifier of the dataset, e.g. `ansan-2015`.
    pub id: String,
    pub title: Text,
    /// The one document every reported figure in this file is quoted from.
    pub source: RawSource,
    /// The year the figures were reported.
    pub as_of_year: i32,
    /// True when the figures are made up to demonstrate a chart. Every chart drawn from such a file says so.
    pub illustrative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Titles of the dataset's charts, as a widget or a downloaded picture shows them. A program's own chart
    /// is titled with the program's name. Where a title is missing, `title` above is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charts: Option<RawChartTitles>,
}

/// The titles of the charts drawn from the whole dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChartTitles {
    /// The comparison of every program's headline amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<Text>,
    /// The programs' periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<Text>,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The document's own title, verbatim.
    pub title: String,
    /// What the document is, in both languages (e.g. a 2015 regional newspaper feature).
    pub kind: Text,
    pub year: i32,
    /// File name of the source text that line numbers refer to (1-based lines).
    pub document: String,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProgram {
    /// Lowercase identifier used in URLs: `regeneration`, `incubation`, `sme`.
    pub id: String,
    pub name: Text,
    /// One line: what the program is for.
    pub summary: Text,
    pub description: Text,
    /// Who runs it, where the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Text>,
    #[serde(default)]
    pub partners: Vec<Text>,
    pub period: RawPeriod,
    /// Ids of this program's figures that the overview compares (at most 12). Two figures of one program are
    /// shown side by side, never added up.
    #[schemars(length(min = 1, max = 12))]
    pub headline: Vec<String>,
    /// At most 200 (`validate::MAX_FIGURES`), and at most 5,000 in the file with the context figures.
    #[schemars(length(max = 200))]
    pub figures: Vec<RawFigure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First year, only where a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i32>,
    /// Last year ("until 2021").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// The program's total.
    Total,
    /// The part paid by private capital (민자).
    PrivateShare,
    /// The part paid from public money (국비/도비/시비 together).
    PublicShare,
    /// A grant from the province (도비).
    ProvincialGrant,
    /// An investment for one phase of the program.
    PhaseInvestment,
    /// A budget set aside for the program.
    Budget,
    /// A budget for one year.
    AnnualBudget,
}

/// Who pays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// 국비
    National,
    /// 도비
    Provincial,
    /// 시비
    City,
    /// 민자
    Private,
    /// Public money of unstated origin (국비, 도비 and 시비 together).
    Public,
    /// Mixed or not stated.
    #[default]
    Unknown,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    /// Unique in the file, e.g. `regeneration-total`.
    pub id: String,
    pub label: Text,
    pub kind: FigureKind,
    /// Whole won, an integer: 4,450억원 is `445000000000`.
    pub amount: Won,
    #[serde(default)]
    pub funding: FundingSource,
    /// True for figures the source gives as approximate ("4천450억여원").
    #[serde(default)]
    pub approximate: bool,
    /// Last year the amount is spent by, where the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i32>,
    pub provenance: RawProvenance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Where a figure comes from.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum RawProvenance {
    /// Printed in the source: its verbatim quote and 1-based line.
    Reported {
        #[serde(default)]
        quote: Option<String>,
        #[serde(default)]
        line: Option<u32>,
    },
    /// Computed from other figures of this file: amount = sum(plus) − sum(minus).
    Derived {
        /// How, in words (e.g. "total minus private share").
        #[serde(default)]
        formula: Option<Text>,
        #[serde(default)]
        plus: Vec<String>,
        #[serde(default)]
        minus: Vec<String>,
    },
    /// Made up to demonstrate a chart; only allowed in a file whose `meta.illustrative` is true.
    Illustrative {
        #[serde(default)]
        note: Option<Text>,
    },
}

/// A figure that is not money.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContextFigure {
    pub id: String,
    pub label: Text,
    pub value: i64,
    pub unit: ContextUnit,
    /// `over` for "more than" (40%가 넘는), `about` for approximate values.
    #[serde(default)]
    pub comparison: Comparison,
    pub provenance: RawProvenance,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContextUnit {
    People,
    /// An age in years (세).
    Age,
    Percent,
    Years,
    Months,
    Factories,
    Universities,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    #[default]
    Exact,
    Over,
    About,
    AtMost,
}

/// Placeholders the decoder fills in while it collects problems; a file with any problem is refused as a whole,
/// so none of these is ever shown.
impl Default for RawFigure {
    fn default() -> RawFigure {
        RawFigure {
            id: String::new(),
            label: Text::default(),
            kind: FigureKind::Total,
            amount: Won::ZERO,
            funding: FundingSource::Unknown,
            approximate: false,
            until: None,
            provenance: RawProvenance::default(),
            note: None,
        }
    }
}

impl Default for RawContextFigure {
    fn default() -> RawContextFigure {
        RawContextFigure {
            id: String::new(),
            label: Text::default(),
            value: 0,
            unit: ContextUnit::People,
            comparison: Comparison::Exact,
            provenance: RawProvenance::default(),
        }
    }
}

impl Default for RawProvenance {
    fn default() -> RawProvenance {
        RawProvenance::Reported {
            quote: None,
            line: None,
        }
    }
}

/// The names each enum has in a data file, in declaration order.
pub trait Tags: Sized + Copy + 'static {
    const TAGS: &'static [(&'static str, Self)];
}

impl Tags for FigureKind {
    const TAGS: &'static [(&'static str, Self)] = &[
        ("total", FigureKind::Total),
        ("private_share", FigureKind::PrivateShare),
        ("public_share", FigureKind::PublicShare),
        ("provincial_grant", FigureKind::ProvincialGrant),
        ("phase_investment", FigureKind::PhaseInvestment),
        ("budget", FigureKind::Budget),
        ("annual_budget", FigureKind::AnnualBudget),
    ];
}

impl Tags for FundingSource {
    const TAGS: &'static [(&'static str, Self)] = &[
        ("national", FundingSource::National),
        ("provincial", FundingSource::Provincial),
        ("city", FundingSource::City),
        ("private", FundingSource::Private),
        ("public", FundingSource::Public),
        ("unknown", FundingSource::Unknown),
    ];
}

impl Tags for ContextUnit {
    const TAGS: &'static [(&'static str, Self)] = &[
        ("people", ContextUnit::People),
        ("age", ContextUnit::Age),
        ("percent", ContextUnit::Percent),
        ("years", ContextUnit::Years),
        ("months", ContextUnit::Months),
        ("factories", ContextUnit::Factories),
        ("universities", ContextUnit::Universities),
    ];
}

impl Tags for Comparison {
    const TAGS: &'static [(&'static str, Self)] = &[
        ("exact", Comparison::Exact),
        ("over", Comparison::Over),
        ("about", Comparison::About),
        ("at_most", Comparison::AtMost),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tag tables name every variant exactly as serde (and so the generated schema) does.
    fn same_as_serde<T: Tags + Serialize + PartialEq + std::fmt::Debug>(all: &[T]) {
        assert_eq!(T::TAGS.len(), all.len());
        for (v, (tag, tagged)) in all.iter().zip(T::TAGS) {
            assert_eq!(v, tagged);
            assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::json!(tag)));
        }
    }

    #[test]
    fn tag_tables_match_the_schema() {
        use FigureKind as K;
        same_as_serde(&[
            K::Total,
            K::PrivateShare,
            K::PublicShare,
            K::ProvincialGrant,
            K::PhaseInvestment,
            K::Budget,
            K::AnnualBudget,
        ]);
        use FundingSource as F;
        same_as_serde(&[
            F::National,
            F::Provincial,
            F::City,
            F::Private,
            F::Public,
            F::Unknown,
        ]);
        use ContextUnit as U;
        same_as_serde(&[
            U::People,
            U::Age,
            U::Percent,
            U::Years,
            U::Months,
            U::Factories,
            U::Universities,
        ]);
        use Comparison as C;
        same_as_serde(&[C::Exact, C::Over, C::About, C::AtMost]);
    }
}
