//! Trusted budget types: what the rest of the app works with once a file has passed `validate`.
//!
//! Fields are private to this module's parent so a `Dataset` can only come out of validation.

use super::money::Won;
use super::raw::{Comparison, ContextUnit, FigureKind, FundingSource, RawChartTitles, Text};

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub(super) meta: Meta,
    pub(super) context: Vec<ContextFigure>,
    pub(super) programs: Vec<Program>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub id: String,
    pub title: Text,
    pub source: Source,
    pub as_of_year: i32,
    pub illustrative: bool,
    pub note: Option<Text>,
    pub charts: RawChartTitles,
}

impl Meta {
    /// The overview chart's title: its own, or the dataset's.
    pub fn overview_title(&self) -> &Text {
        self.charts.overview.as_ref().unwrap_or(&self.title)
    }

    /// The timeline's title: its own, or the dataset's.
    pub fn timeline_title(&self) -> &Text {
        self.charts.timeline.as_ref().unwrap_or(&self.title)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub kind: Text,
    pub year: i32,
    pub document: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    pub description: Text,
    pub lead: Option<Text>,
    pub partners: Vec<Text>,
    pub period: Period,
    pub headline: Vec<String>,
    pub figures: Vec<Figure>,
    pub note: Option<Text>,
}

/// A program's years. Validation guarantees `start <= end` where both are given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Option<i32>,
    pub end: Option<i32>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub label: Text,
    pub kind: FigureKind,
    /// Positive whole won.
    pub amount: Won,
    pub funding: FundingSource,
    pub approximate: bool,
    pub until: Option<i32>,
    pub provenance: Provenance,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// Printed in the source document: a non-empty verbatim quote and a 1-based line.
    Reported { quote: String, line: u32 },
    /// amount = sum(plus) − sum(minus), checked by validation.
    Derived {
        formula: Text,
        plus: Vec<String>,
        minus: Vec<String>,
    },
    /// Made up to demonstrate a chart (only in a dataset marked illustrative).
    Illustrative { note: Option<Text> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContextFigure {
    pub id: String,
    pub label: Text,
    pub value: i64,
    pub unit: ContextUnit,
    pub comparison: Comparison,
    pub provenance: Provenance,
}

impl Dataset {
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    pub fn programs(&self) -> &[Program] {
        &self.programs
    }

    pub fn context(&self) -> &[ContextFigure] {
        &self.context
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// Any figure of any program, by id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.programs.iter().find_map(|p| p.figure(id))
    }

    pub fn context_figure(&self, id: &str) -> Option<&ContextFigure> {
        self.context.iter().find(|c| c.id == id)
    }

    /// The resident population, for per-resident views: the context figure with unit `people` and id
    /// `population`.
    pub fn population(&self) -> Option<&ContextFigure> {
        self.context
            .iter()
            .find(|c| c.id == "population" && c.unit == ContextUnit::People && c.value > 0)
    }

    /// Every program's headline figures in order, each with its program: what the overview chart compares.
    pub fn headline_figures(&self) -> Vec<(&Program, &Figure)> {
        self.programs
            .iter()
            .flat_map(|p| p.headline_figures().into_iter().map(move |f| (p, f)))
            .collect()
    }
}

impl Program {
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    pub fn headline_figures(&self) -> Vec<&Figure> {
        self.headline
            .iter()
            .filter_map(|id| self.figure(id))
            .collect()
    }
}

impl Figure {
    /// Amount per resident, rounded half away from zero (whole won).
    pub fn per_resident(&self, population: i64) -> Option<Won> {
        self.amount.div_round(population)
    }
}
