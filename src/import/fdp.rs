//! Fiscal Data Package: `datapackage.json` and its CSV resources, read into the budget model.
//!
//! The descriptor's model comes in three spellings — v0.3 `model`, its older name `mapping` (Madrid's), and v1's
//! per-field `columnType` — and all three are turned into the same measures and dimensions before a row is read.
//! One classification dimension becomes the node hierarchy; each measure's cell in a row becomes one amount, its
//! decimal text converted exactly to the currency's smallest unit. Resource paths are checked not to leave the
//! package before the caller's `read` is asked for them; every problem is collected with its place (a JSON path in
//! the descriptor with its line and column, or a resource's row and column).

use super::builder::{Builder, Imported, NewAmount, Place, Source};
use crate::budget::{Currency, Direction, Funding, Measure, Meta, NodeId, Period, Phase, Split};
use crate::model::decode::quoted;
use crate::model::json::{self, Member, Node, Value};
use std::collections::HashMap;

/// `read` returns a resource's bytes by its path inside the package (already checked not to escape it).
pub fn import(file: &str, text: &str, read: &dyn Fn(&str) -> Result<Vec<u8>, String>) -> Imported {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let mut b = Builder::new(file, super::project::empty_meta());
            let position = json::positions(text, &[e.at]).first().copied();
            b.problem(
                Place::new(e.path, position),
                format!("expected the descriptor to be JSON: {}", e.message),
            );
            return b.finish();
        }
    };
    let mut report = Report::default();
    let Some(top) = Obj::of(&root, ".".to_owned(), &mut report) else {
        let mut b = Builder::new(file, super::project::empty_meta());
        report.flush(text, &mut b);
        return b.finish();
    };
    let mut notes = Vec::new();
    let mut b = Builder::new(file, meta(&top, &mut report, &mut notes));
    let resources = resources(&top, &mut report);
    let plans = plans(&top, &resources, &mut report, &mut notes);
    let default_period = fiscal_period(&top, &mut report);
    if plans.iter().any(|p| p.year.is_none()) {
        notes.push(match default_period {
            Period::Unstated => {
                "no year column and no fiscalPeriod: the amounts' year is unstated".to_owned()
            }
            Period::Span(s, e) => {
                format!("no year column: the amounts are given for the fiscalPeriod, {s} to {e}")
            }
            _ => "no year column: the amounts are given for the fiscalPeriod".to_owned(),
        });
    }
    for note in notes {
        b.note(note);
    }
    report.flush(text, &mut b);
    let mut fallback = None;
    for plan in &plans {
        let Some(resource) = resources.get(plan.resource) else {
            continue;
        };
        let mut reading = Reading {
            b: &mut b,
            report: &mut report,
            resource,
            plan,
            default_period,
            fallback: &mut fallback,
        };
        reading.run(read);
    }
    report.flush(text, &mut b);
    b.finish()
}

// ---------------------------------------------------------------------------------------------------------------
// The descriptor, read into measures and dimensions.

/// Descriptor problems with the byte offset of the value they concern, turned into lines and columns in one pass
/// over the descriptor when flushed (a hostile descriptor with many problems stays linear).
#[derive(Default)]
struct Report {
    found: Vec<(String, usize, String)>,
}

impl Report {
    fn at(&mut self, path: &str, at: usize, message: impl Into<String>) {
        self.found.push((path.to_owned(), at, message.into()));
    }

    fn flush(&mut self, text: &str, b: &mut Builder) {
        let offsets: Vec<usize> = self.found.iter().map(|f| f.1).collect();
        let positions = json::positions(text, &offsets);
        for (i, (path, _, message)) in self.found.drain(..).enumerate() {
            b.problem(Place::new(path, positions.get(i).copied()), message);
        }
    }
}

/// A JSON object of the descriptor with its path, for messages.
struct Obj<'a> {
    members: &'a [Member],
    path: String,
    at: usize,
}

impl<'a> Obj<'a> {
    /// The object at `node`, or a problem saying what was found instead.
    fn of(node: &'a Node, path: String, report: &mut Report) -> Option<Obj<'a>> {
        match &node.value {
            Value::Object(members) => Some(Obj {
                members,
                path,
                at: node.at,
            }),
            other => {
                report.at(
                    &path,
                    node.at,
                    format!("expected an object, found {}", other.kind()),
                );
                None
            }
        }
    }

    /// The first member named `key` (a repeated key is not an error of ours: JSON leaves it undefined).
    fn get(&self, key: &str) -> Option<&'a Node> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    fn path_of(&self, key: &str) -> String {
        if self.path == "." {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The object under `key`, if present (a problem if it is not an object).
    fn obj(&self, key: &str, report: &mut Report) -> Option<Obj<'a>> {
        self.get(key)
            .and_then(|n| Obj::of(n, self.path_of(key), report))
    }

    /// The string under `key`, if present (a problem if it is not a string).
    fn str(&self, key: &str, report: &mut Report) -> Option<&'a str> {
        let node = self.get(key)?;
        match &node.value {
            Value::String(s) => Some(s),
            Value::Null => None,
            other => {
                report.at(
                    &self.path_of(key),
                    node.at,
                    format!("expected a string, found {}", other.kind()),
                );
                None
            }
        }
    }

    /// A string, or a number's text (a year, a factor), under `key`.
    fn scalar(&self, key: &str) -> Option<&'a str> {
        match &self.get(key)?.value {
            Value::String(s) | Value::Number(s) => Some(s),
            _ => None,
        }
    }

    fn offset_of(&self, key: &str) -> usize {
        self.get(key).map_or(self.at, |n| n.at)
    }
}

fn meta(top: &Obj, report: &mut Report, notes: &mut Vec<String>) -> Meta {
    let id = top.str("name", report).unwrap_or_default().to_owned();
    let title = top
        .str("title", report)
        .filter(|t| super::builder::visible(t))
        .map_or_else(|| id.clone(), str::to_owned);
    let country = top.scalar("countryCode").unwrap_or_default();
    let language = language_of(country);
    if language != "und" {
        notes.push(format!(
            "names read as {language}, guessed from countryCode {}",
            quoted(country)
        ));
    }
    Meta {
        id,
        title,
        title_other: None,
        languages: (language.to_owned(), None),
        source: source_of(top),
        illustrative: false,
    }
}

/// The likely language of a country's budget names; "und" where a guess would be a coin toss.
fn language_of(country: &str) -> &'static str {
    match country.trim().to_ascii_uppercase().as_str() {
        "ES" | "MX" | "AR" | "CO" | "CL" | "PE" | "UY" | "PY" | "BO" | "EC" | "VE" | "GT"
        | "HN" | "SV" | "NI" | "CR" | "PA" | "DO" | "CU" => "es",
        "KR" => "ko",
        "US" | "GB" | "UK" | "AU" | "NZ" | "IE" | "NG" | "GH" | "KE" | "UG" => "en",
        "FR" => "fr",
        "DE" | "AT" => "de",
        "BR" | "PT" | "AO" | "MZ" => "pt",
        "IT" => "it",
        "JP" => "ja",
        _ => "und",
    }
}

/// Who publishes the figures, from `publisher`, `sources` and `homepage`, as the descriptor words them.
fn source_of(top: &Obj) -> String {
    let mut parts: Vec<String> = Vec::new();
    let name_of = |node: &Node| -> Option<String> {
        match &node.value {
            Value::String(s) => Some(s.clone()),
            Value::Object(members) => ["title", "name", "path", "web"].iter().find_map(|k| {
                members.iter().find_map(|m| match &m.value.value {
                    Value::String(s) if m.key == *k => Some(s.clone()),
                    _ => None,
                })
            }),
            _ => None,
        }
    };
    if let Some(p) = top.get("publisher").and_then(name_of) {
        parts.push(p);
    }
    if let Some(Value::Array(sources)) = top.get("sources").map(|n| &n.value) {
        parts.extend(sources.iter().filter_map(name_of));
    }
    if let Some(h) = top.scalar("homepage") {
        parts.push(h.to_owned());
    }
    parts.retain(|p| super::builder::visible(p));
    parts.join("; ")
}

/// The period of every amount when no row says its year: the descriptor's `fiscalPeriod`.
fn fiscal_period(top: &Obj, report: &mut Report) -> Period {
    let Some(fp) = top.obj("fiscalPeriod", report) else {
        return Period::Unstated;
    };
    let year = |key: &str, report: &mut Report| -> Option<i32> {
        let text = fp.scalar(key)?;
        let y = year_of(text);
        if y.is_none() {
            report.at(
                &fp.path_of(key),
                fp.offset_of(key),
                format!(
                    "expected a date such as \"2015-01-01\", found {}",
                    shown(text)
                ),
            );
        }
        y
    };
    match (year("start", report), year("end", report)) {
        (Some(s), Some(e)) if s == e => Period::Year(s),
        (Some(s), Some(e)) if s < e => Period::Span(s, e),
        (Some(s), None) => Period::Year(s),
        (None, Some(e)) => Period::Until(e),
        _ => Period::Unstated,
    }
}

/// A resource of the package as the descriptor describes it.
struct Resource<'a> {
    /// JSON path (`resources[0]`) and offset.
    path: String,
    name: Option<&'a str>,
    /// Offset of the `path` value.
    path_at: usize,
    /// The file's parts (a data package may split one table over several files), or `None` if refused.
    parts: Option<Vec<&'a str>>,
    /// The path for messages (`data/gastos.csv`).
    label: String,
    dialect: Dialect,
    fields: Vec<Field<'a>>,
}

/// How a CSV resource is written: the table dialect's keys that the csv crate can follow.
#[derive(Clone, Copy)]
struct Dialect {
    delimiter: u8,
    quote: u8,
    double_quote: bool,
    escape: Option<u8>,
    comment: Option<u8>,
    header: bool,
}

impl Dialect {
    fn builder(&self) -> ::csv::ReaderBuilder {
        let mut rb = ::csv::ReaderBuilder::new();
        rb.delimiter(self.delimiter)
            .quote(self.quote)
            .double_quote(self.double_quote)
            .escape(self.escape)
            .comment(self.comment)
            .flexible(true);
        rb
    }
}

/// A schema field (or v1 extra field) of a resource.
struct Field<'a> {
    name: &'a str,
    obj: Obj<'a>,
    column_type: Option<&'a str>,
    /// Written in the descriptor instead of read from a column (v1 `extraFields`).
    constant: Option<&'a str>,
}

fn resources<'a>(top: &Obj<'a>, report: &mut Report) -> Vec<Resource<'a>> {
    let Some(node) = top.get("resources") else {
        report.at(
            ".",
            top.at,
            "expected \"resources\": the package's data files",
        );
        return Vec::new();
    };
    let Value::Array(items) = &node.value else {
        report.at(
            "resources",
            node.at,
            format!(
                "expected an array of resources, found {}",
                node.value.kind()
            ),
        );
        return Vec::new();
    };
    if items.is_empty() {
        report.at("resources", node.at, "expected at least one resource");
    }
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| resource(item, format!("resources[{i}]"), report))
        .collect()
}

fn resource<'a>(node: &'a Node, path: String, report: &mut Report) -> Option<Resource<'a>> {
    let obj = Obj::of(node, path, report)?;
    let name = obj.str("name", report);
    let (parts, label) = match obj.get("path") {
        None => {
            let why = if obj.get("data").is_some() {
                "expected a \"path\" to a CSV file; inline \"data\" is not read"
            } else {
                "expected a \"path\" to a CSV file"
            };
            report.at(&obj.path, obj.at, why);
            (None, name.unwrap_or("?").to_owned())
        }
        Some(p) => resource_parts(p, &obj.path_of("path"), report),
    };
    let format = obj.str("format", report).map(str::to_ascii_lowercase);
    let tsv = format.as_deref() == Some("tsv") || label.to_ascii_lowercase().ends_with(".tsv");
    if let Some(f) = format.as_deref() {
        if f != "csv" && f != "tsv" {
            report.at(
                &obj.path_of("format"),
                obj.offset_of("format"),
                format!("expected a CSV resource, found format {}", shown(f)),
            );
        }
    }
    let dialect = dialect(&obj, tsv, report);
    let mut fields = Vec::new();
    if let Some(schema) = obj.obj("schema", report) {
        for key in ["fields", "extraFields"] {
            let Some(list) = schema.get(key) else {
                continue;
            };
            let Value::Array(items) = &list.value else {
                report.at(
                    &schema.path_of(key),
                    list.at,
                    format!("expected an array of fields, found {}", list.value.kind()),
                );
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let Some(f) = Obj::of(item, format!("{}[{i}]", schema.path_of(key)), report) else {
                    continue;
                };
                let Some(fname) = f.str("name", report) else {
                    report.at(&f.path, f.at, "expected the field's \"name\"");
                    continue;
                };
                let column_type = f.str("columnType", report);
                let constant = if key == "extraFields" {
                    f.scalar("constant")
                } else {
                    None
                };
                fields.push(Field {
                    name: fname,
                    obj: f,
                    column_type,
                    constant,
                });
            }
        }
    }
    Some(Resource {
        path: obj.path.clone(),
        name,
        path_at: obj.offset_of("path"),
        parts,
        label,
        dialect,
        fields,
    })
}

/// The resource's file path (or paths), each checked not to leave the package.
fn resource_parts<'a>(
    node: &'a Node,
    path: &str,
    report: &mut Report,
) -> (Option<Vec<&'a str>>, String) {
    let list: Vec<(&'a str, usize, String)> = match &node.value {
        Value::String(s) => vec![(s.as_str(), node.at, path.to_owned())],
        Value::Array(items) if !items.is_empty() => {
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match &item.value {
                    Value::String(s) => out.push((s.as_str(), item.at, format!("{path}[{i}]"))),
                    other => {
                        report.at(
                            &format!("{path}[{i}]"),
                            item.at,
                            format!("expected a path, found {}", other.kind()),
                        );
                        return (None, "?".to_owned());
                    }
                }
            }
            out
        }
        other => {
            report.at(
                path,
                node.at,
                format!("expected a path or a list of paths, found {}", other.kind()),
            );
            return (None, "?".to_owned());
        }
    };
    let label = list.iter().map(|p| p.0).collect::<Vec<_>>().join(" + ");
    let mut ok = true;
    for (p, at, ppath) in &list {
        if let Some(why) = escapes(p) {
            ok = false;
            report.at(
                ppath,
                *at,
                format!(
                    "expected a path inside the package, found {} ({why}); it was not read",
                    shown(p)
                ),
            );
        }
    }
    (ok.then(|| list.iter().map(|p| p.0).collect()), label)
}

/// Why a resource path could reach outside the package, if it could: the caller's `read` is never asked for such
/// a path. Percent-escapes of `.`, `/` and `\` are undone first, since a URL fetch would undo them too.
fn escapes(path: &str) -> Option<&'static str> {
    if path.trim().is_empty() {
        return Some("it is empty");
    }
    if path.chars().any(|c| c.is_control()) {
        return Some("it holds a control character");
    }
    let decoded = percent_decode_separators(path);
    let p = decoded.as_str();
    if p.starts_with(['/', '\\']) {
        return Some("it is absolute");
    }
    let first = p.split(['/', '\\']).next().unwrap_or(p);
    if first.contains(':') {
        return Some("a URL or a drive is not a path inside the package");
    }
    if p.split(['/', '\\']).any(|seg| seg.trim() == "..") {
        return Some("\"..\" climbs out of the package");
    }
    None
}

/// `%2e`, `%2f` and `%5c` (any case) as the characters they stand for.
fn percent_decode_separators(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(i) = rest.find('%') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i..).unwrap_or_default();
        let code = after.get(1..3).map(str::to_ascii_lowercase);
        let (c, skip) = match code.as_deref() {
            Some("2e") => ('.', 3),
            Some("2f") => ('/', 3),
            Some("5c") => ('\\', 3),
            _ => ('%', 1),
        };
        out.push(c);
        rest = after.get(skip..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn dialect(obj: &Obj, tsv: bool, report: &mut Report) -> Dialect {
    let mut d = Dialect {
        delimiter: if tsv { b'\t' } else { b',' },
        quote: b'"',
        double_quote: true,
        escape: None,
        comment: None,
        header: true,
    };
    let Some(dia) = obj.obj("dialect", report) else {
        return d;
    };
    let byte = |key: &str, report: &mut Report| -> Option<u8> {
        let s = dia.str(key, report)?;
        match s.as_bytes() {
            [b] if b.is_ascii() && !matches!(b, b'\n' | b'\r') => Some(*b),
            _ => {
                report.at(
                    &dia.path_of(key),
                    dia.offset_of(key),
                    format!("expected one ASCII character, found {}", shown(s)),
                );
                None
            }
        }
    };
    if let Some(b) = byte("delimiter", report) {
        d.delimiter = b;
    }
    if let Some(b) = byte("quoteChar", report) {
        d.quote = b;
    }
    d.escape = byte("escapeChar", report);
    d.comment = byte("commentChar", report);
    let flag = |key: &str, report: &mut Report| -> Option<bool> {
        let n = dia.get(key)?;
        match n.value {
            Value::Bool(v) => Some(v),
            _ => {
                report.at(
                    &dia.path_of(key),
                    n.at,
                    format!("expected true or false, found {}", n.value.kind()),
                );
                None
            }
        }
    };
    if let Some(v) = flag("doubleQuote", report) {
        d.double_quote = v;
    }
    if let Some(v) = flag("header", report) {
        d.header = v;
    }
    d
}

/// A value read from a row's cell in the named column, or written once in the descriptor.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Col {
    Column(String),
    Constant(String),
}

/// An attribute of a dimension: a code, or a label for another attribute.
#[derive(Clone, Debug)]
struct Attr {
    name: String,
    col: Col,
    parent: Option<String>,
    labelfor: Option<String>,
    /// The attribute's JSON path.
    path: String,
    /// Where its column is named (`….source`, or a v1 field's `name`), and the offset there.
    col_path: String,
    col_at: usize,
    /// Offsets of the `parent` and `labelfor` values.
    refs_at: (usize, usize),
}

#[derive(Clone, Debug)]
struct Dimension {
    name: String,
    /// Read into the node hierarchy by preference (a functional classification or an activity).
    functional: bool,
    /// Says when (a year or a date), not what.
    date: bool,
    attrs: Vec<Attr>,
    primary_key: Vec<String>,
    path: String,
    at: usize,
}

/// A measure: which column, in what currency and factor, and what the amounts are.
#[derive(Clone, Debug)]
struct MeasureSpec {
    column: String,
    resource: usize,
    currency: Currency,
    /// The factor as an exact decimal: (mantissa, power of ten).
    factor: (i128, i32),
    direction: Direction,
    phase: Phase,
    measure: Measure,
    /// The decimal point and group character of its cells (the schema field's `decimalChar`, `groupChar`).
    point: char,
    group: Option<char>,
    path: String,
    at: usize,
}

/// The decimal point and group character the schema gives a number field; `.` and none by default.
fn number_format(field: Option<&Field>) -> (char, Option<char>) {
    let one_char = |key: &str| {
        field
            .and_then(|f| f.obj.scalar(key))
            .and_then(|s| s.chars().next())
    };
    (
        one_char("decimalChar").unwrap_or('.'),
        one_char("groupChar"),
    )
}

/// What to read from one resource: its measures, and the dimensions they are classified by.
struct Plan {
    resource: usize,
    measures: Vec<MeasureSpec>,
    hierarchy: Vec<Level>,
    /// Where each row's year is, with the descriptor's path and offset for a problem.
    year: Option<(Col, String, usize)>,
}

/// One level of the node hierarchy: its code's column and the column that names it.
#[derive(Clone, Debug)]
struct Level {
    name: String,
    code: Col,
    label: Option<Col>,
    path: String,
    at: usize,
}

/// The measures and dimensions of the package, from whichever spelling the descriptor uses, ready to read.
fn plans(
    top: &Obj,
    resources: &[Resource],
    report: &mut Report,
    notes: &mut Vec<String>,
) -> Vec<Plan> {
    let model = match (top.get("model"), top.get("mapping")) {
        (Some(_), _) => top.obj("model", report),
        (None, Some(_)) => top.obj("mapping", report),
        (None, None) => None,
    };
    if let Some(model) = model {
        if model.key_name() == "mapping" {
            notes.push("model read from \"mapping\", its name before FDP 0.3".to_owned());
        }
        let (measures, dims) = model_v03(&model, resources, report);
        let measures = distinct(measures, report);
        let (hierarchy, year) = choose(&dims, report, notes);
        let mut by_resource: std::collections::BTreeMap<usize, Vec<MeasureSpec>> =
            std::collections::BTreeMap::new();
        for m in measures {
            by_resource.entry(m.resource).or_default().push(m);
        }
        return by_resource
            .into_iter()
            .map(|(resource, measures)| Plan {
                resource,
                measures,
                hierarchy: hierarchy.clone(),
                year: year.clone(),
            })
            .collect();
    }
    if top.get("model").is_some() || top.get("mapping").is_some() {
        return Vec::new();
    }
    let typed = resources
        .iter()
        .any(|r| r.fields.iter().any(|f| f.column_type.is_some()));
    if !typed {
        report.at(
            ".",
            top.at,
            "expected a \"model\" (or \"mapping\") with measures and dimensions, or schema fields with a \"columnType\"",
        );
        return Vec::new();
    }
    notes.push("model read from the fields' columnType (FDP 1.0)".to_owned());
    let mut plans = Vec::new();
    for (ri, r) in resources.iter().enumerate() {
        let (measures, dims) = model_v1(r, ri, report);
        let measures = distinct(measures, report);
        if measures.is_empty() {
            if r.fields.iter().any(|f| f.column_type.is_some()) {
                notes.push(format!("{}: no value column, not read", r.label));
            }
            continue;
        }
        let (hierarchy, year) = choose(&dims, report, notes);
        plans.push(Plan {
            resource: ri,
            measures,
            hierarchy,
            year,
        });
    }
    if plans.is_empty() {
        report.at(
            "resources",
            top.offset_of("resources"),
            "expected a field with columnType \"value\" (the amounts)",
        );
    }
    plans
}

/// The measures without a second one on a column already read: its amounts would be counted twice.
fn distinct(measures: Vec<MeasureSpec>, report: &mut Report) -> Vec<MeasureSpec> {
    let mut seen: HashMap<(usize, String), String> = HashMap::new();
    let mut out = Vec::with_capacity(measures.len());
    for m in measures {
        let key = (m.resource, m.column.trim().to_owned());
        match seen.get(&key) {
            Some(first) => report.at(
                &m.path,
                m.at,
                format!(
                    "expected each measure to read its own column; column {} is already read by {first}",
                    quoted(&m.column)
                ),
            ),
            None => {
                seen.insert(key, m.path.clone());
                out.push(m);
            }
        }
    }
    out
}

impl Obj<'_> {
    /// The last key of this object's path.
    fn key_name(&self) -> &str {
        self.path.rsplit('.').next().unwrap_or(&self.path)
    }
}

fn model_v03(
    model: &Obj,
    resources: &[Resource],
    report: &mut Report,
) -> (Vec<MeasureSpec>, Vec<Dimension>) {
    let mut measures = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (i, r) in resources.iter().enumerate() {
        if let Some(name) = r.name {
            by_name.entry(name).or_insert(i);
        }
    }
    let fields: Vec<HashMap<&str, usize>> = resources
        .iter()
        .map(|r| {
            let mut index = HashMap::new();
            for (i, f) in r.fields.iter().enumerate() {
                index.entry(f.name).or_insert(i);
            }
            index
        })
        .collect();
    match model.obj("measures", report) {
        None if model.get("measures").is_none() => report.at(
            &model.path,
            model.at,
            "expected \"measures\": the columns holding amounts",
        ),
        None => {}
        Some(ms) => {
            if ms.members.is_empty() {
                report.at(&ms.path, ms.at, "expected at least one measure");
            }
            for m in ms.members {
                let Some(obj) = Obj::of(&m.value, ms.path_of(&m.key), report) else {
                    continue;
                };
                let source = obj.str("source", report);
                if source.is_none() {
                    report.at(
                        &obj.path,
                        obj.at,
                        "expected the measure's \"source\" column",
                    );
                }
                let resource = match obj.str("resource", report) {
                    None => 0,
                    Some(name) => match by_name.get(name) {
                        Some(i) => *i,
                        None => {
                            report.at(
                                &obj.path_of("resource"),
                                obj.offset_of("resource"),
                                format!("expected the name of a resource, found {}", shown(name)),
                            );
                            continue;
                        }
                    },
                };
                let options = measure_options(&obj, &obj, None, report);
                if let (Some(source), Some(o)) = (source, options) {
                    let field = fields
                        .get(resource)
                        .and_then(|f| f.get(source))
                        .and_then(|i| resources.get(resource)?.fields.get(*i));
                    let (point, group) = number_format(field);
                    measures.push(MeasureSpec {
                        point,
                        group,
                        column: source.to_owned(),
                        resource,
                        currency: o.currency,
                        factor: o.factor,
                        direction: o.direction,
                        phase: o.phase,
                        measure: o.measure,
                        path: obj.path_of("source"),
                        at: obj.offset_of("source"),
                    });
                }
            }
        }
    }
    let mut dims = Vec::new();
    match model.obj("dimensions", report) {
        None if model.get("dimensions").is_none() => report.at(
            &model.path,
            model.at,
            "expected \"dimensions\": the columns that classify the amounts",
        ),
        None => {}
        Some(ds) => {
            for d in ds.members {
                if let Some(obj) = Obj::of(&d.value, ds.path_of(&d.key), report) {
                    if let Some(dim) = dimension_v03(&d.key, &obj, report) {
                        dims.push(dim);
                    }
                }
            }
        }
    }
    (measures, dims)
}

fn dimension_v03(name: &str, obj: &Obj, report: &mut Report) -> Option<Dimension> {
    let Some(attrs) = obj.obj("attributes", report) else {
        if obj.get("attributes").is_none() {
            report.at(&obj.path, obj.at, "expected the dimension's \"attributes\"");
        }
        return None;
    };
    let mut out: Vec<Attr> = Vec::new();
    for a in attrs.members {
        let Some(ao) = Obj::of(&a.value, attrs.path_of(&a.key), report) else {
            continue;
        };
        let col = match (ao.str("source", report), ao.scalar("constant")) {
            (Some(s), _) => Col::Column(s.to_owned()),
            (None, Some(c)) => Col::Constant(c.to_owned()),
            (None, None) => {
                report.at(
                    &ao.path,
                    ao.at,
                    "expected the attribute's \"source\" column (or a \"constant\")",
                );
                continue;
            }
        };
        out.push(Attr {
            name: a.key.clone(),
            col,
            parent: ao.str("parent", report).map(str::to_owned),
            labelfor: ao.str("labelfor", report).map(str::to_owned),
            path: ao.path.clone(),
            col_path: ao.path_of(if ao.get("source").is_some() {
                "source"
            } else {
                "constant"
            }),
            col_at: ao.offset_of(if ao.get("source").is_some() {
                "source"
            } else {
                "constant"
            }),
            refs_at: (ao.offset_of("parent"), ao.offset_of("labelfor")),
        });
    }
    let known: HashMap<&str, bool> = out
        .iter()
        .map(|a| (a.name.as_str(), a.labelfor.is_none()))
        .collect();
    for a in &out {
        for (key, target, at) in [
            ("parent", &a.parent, a.refs_at.0),
            ("labelfor", &a.labelfor, a.refs_at.1),
        ] {
            if let Some(t) = target {
                if known.get(t.as_str()) != Some(&true) || *t == a.name {
                    report.at(
                        &format!("{}.{key}", a.path),
                        at,
                        format!(
                            "expected the name of another code attribute of dimension {}, found {}",
                            shown(name),
                            shown(t)
                        ),
                    );
                }
            }
        }
    }
    let mut primary_key = Vec::new();
    if let Some(pk) = obj.get("primaryKey") {
        let names: Vec<(&str, usize)> = match &pk.value {
            Value::String(s) => vec![(s.as_str(), pk.at)],
            Value::Array(items) => items
                .iter()
                .filter_map(|i| match &i.value {
                    Value::String(s) => Some((s.as_str(), i.at)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for (n, at) in names {
            if known.contains_key(n) {
                primary_key.push(n.to_owned());
            } else {
                report.at(
                    &obj.path_of("primaryKey"),
                    at,
                    format!("expected the name of an attribute, found {}", shown(n)),
                );
            }
        }
    }
    let kind = |key: &str| obj.scalar(key).unwrap_or_default().to_ascii_lowercase();
    let lname = name.to_ascii_lowercase();
    Some(Dimension {
        name: name.to_owned(),
        functional: kind("classificationType") == "functional"
            || kind("dimensionType") == "activity"
            || matches!(
                lname.as_str(),
                "functional" | "functional-classification" | "activity" | "program" | "programme"
            ),
        date: kind("dimensionType") == "datetime"
            || matches!(
                lname.as_str(),
                "date" | "year" | "fiscal-year" | "fiscal_year" | "fiscalyear" | "time" | "period"
            ),
        attrs: out,
        primary_key,
        path: obj.path.clone(),
        at: obj.at,
    })
}

/// What a measure's amounts are: currency, factor, direction and phase.
struct MeasureOptions {
    currency: Currency,
    factor: (i128, i32),
    direction: Direction,
    phase: Phase,
    measure: Measure,
}

/// Reads a measure's options from `obj` (a v0.3 measure, or a v1 field's `options`), falling back to `field`
/// (the v1 field itself) and to a currency given elsewhere; `None`, with problems, if they cannot be used.
fn measure_options(
    obj: &Obj,
    field: &Obj,
    currency_fallback: Option<&str>,
    report: &mut Report,
) -> Option<MeasureOptions> {
    let pick = |key: &str| -> Option<(&str, String, usize)> {
        [obj, field]
            .iter()
            .find_map(|o| o.scalar(key).map(|v| (v, o.path_of(key), o.offset_of(key))))
    };
    let mut ok = true;
    let currency = match pick("currency") {
        Some((text, path, at)) => match Currency::parse(&text.trim().to_ascii_uppercase()) {
            Some(c) => Some(c),
            None => {
                report.at(
                    &path,
                    at,
                    format!(
                        "expected an ISO 4217 currency code such as \"EUR\", found {}",
                        shown(text)
                    ),
                );
                None
            }
        },
        None => currency_fallback.and_then(|c| Currency::parse(&c.trim().to_ascii_uppercase())),
    };
    if currency.is_none() && pick("currency").is_none() {
        report.at(
            &obj.path,
            obj.at,
            "expected the measure's \"currency\" (an ISO 4217 code such as \"EUR\"): amounts are never assumed to be in one",
        );
    }
    ok &= currency.is_some();
    let factor = match pick("factor") {
        None => (1, 0),
        Some((text, path, at)) => match decimal(text, '.', None, true) {
            Ok(f) if f.0 > 0 => f,
            _ => {
                report.at(
                    &path,
                    at,
                    format!(
                        "expected a positive number as the factor, found {}",
                        shown(text)
                    ),
                );
                ok = false;
                (1, 0)
            }
        },
    };
    let direction = match pick("direction") {
        None => Direction::Expenditure,
        Some((text, path, at)) => match text.trim().to_ascii_lowercase().as_str() {
            "expenditure" => Direction::Expenditure,
            "revenue" | "income" => Direction::Revenue,
            _ => {
                report.at(
                    &path,
                    at,
                    format!(
                        "expected \"expenditure\" or \"revenue\", found {}",
                        shown(text)
                    ),
                );
                ok = false;
                Direction::Expenditure
            }
        },
    };
    let phase = match pick("phase") {
        None => Some((Phase::Original, Measure::Budgeted)),
        Some((text, path, at)) => {
            let p = phase_of(text);
            if p.is_none() {
                report.at(
                    &path,
                    at,
                    format!(
                        "expected \"proposed\", \"approved\", \"adjusted\" or \"executed\", found {}",
                        shown(text)
                    ),
                );
            }
            p
        }
    };
    let (currency, (phase, measure)) = (currency?, phase?);
    ok.then_some(MeasureOptions {
        currency,
        factor,
        direction,
        phase,
        measure,
    })
}

/// The budget model's phase and measure for an FDP phase.
fn phase_of(text: &str) -> Option<(Phase, Measure)> {
    match text.trim().to_ascii_lowercase().as_str() {
        "proposed" => Some((Phase::Proposed, Measure::Budgeted)),
        "approved" => Some((Phase::Original, Measure::Budgeted)),
        "adjusted" => Some((Phase::Final, Measure::Budgeted)),
        "executed" => Some((Phase::Settled, Measure::Executed)),
        _ => None,
    }
}

/// FDP 1.0: measures and dimensions from a resource's fields' `columnType`s. A classification's levels are
/// ordered by their rank (`level1` < `level2`; COFOG division < group < class; program < project < contract), each
/// level's parent the one ranked just above it; a `…:label` field labels the `…:code` field of its level.
fn model_v1(r: &Resource, ri: usize, report: &mut Report) -> (Vec<MeasureSpec>, Vec<Dimension>) {
    let currency_constant = r.fields.iter().find_map(|f| {
        f.column_type
            .filter(|ct| ct.starts_with("value-currency"))
            .and(f.constant)
    });
    let mut measures = Vec::new();
    let mut dims: Vec<Dimension> = Vec::new();
    let mut dim_index: HashMap<&str, usize> = HashMap::new();
    // Per dimension: (rank, level key, attribute index) of its code attributes; and by (dimension, level key).
    let mut codes: Vec<Vec<(u32, String, usize)>> = Vec::new();
    let mut code_of: HashMap<(usize, String), usize> = HashMap::new();
    let mut labels: Vec<Vec<(String, usize)>> = Vec::new();
    for f in &r.fields {
        let Some(ct) = f.column_type else {
            continue;
        };
        let col = match f.constant {
            Some(c) => Col::Constant(c.to_owned()),
            None => Col::Column(f.name.to_owned()),
        };
        let ct_path = f.obj.path_of("columnType");
        let ct_at = f.obj.offset_of("columnType");
        if ct == "value" || ct.starts_with("value:") {
            let options = match f.obj.get("options") {
                Some(n) => Obj::of(n, f.obj.path_of("options"), report),
                None => None,
            };
            let o = measure_options(
                options.as_ref().unwrap_or(&f.obj),
                &f.obj,
                currency_constant,
                report,
            );
            if let Some(o) = o {
                let (point, group) = number_format(Some(f));
                measures.push(MeasureSpec {
                    point,
                    group,
                    column: f.name.to_owned(),
                    resource: ri,
                    currency: o.currency,
                    factor: o.factor,
                    direction: o.direction,
                    phase: o.phase,
                    measure: o.measure,
                    path: f.obj.path_of("name"),
                    at: f.obj.offset_of("name"),
                });
            }
            continue;
        }
        let segments: Vec<&str> = ct.split(':').collect();
        let concept = segments.first().copied().unwrap_or_default();
        let date = concept == "date";
        if !(date || concept.ends_with("-classification") || concept == "activity") {
            continue;
        }
        let role = segments
            .iter()
            .position(|s| matches!(*s, "code" | "label" | "description"));
        let (level_key, role) = match role {
            Some(i) => (
                segments.get(..i).unwrap_or_default().join(":"),
                segments.get(i).copied().unwrap_or("code"),
            ),
            None => (ct.to_owned(), "code"),
        };
        if role == "description" {
            continue;
        }
        let di = match dim_index.get(concept) {
            Some(i) => *i,
            None => {
                dim_index.insert(concept, dims.len());
                dims.push(Dimension {
                    name: concept.to_owned(),
                    functional: concept == "functional-classification" || concept == "activity",
                    date,
                    attrs: Vec::new(),
                    primary_key: Vec::new(),
                    path: ct_path.clone(),
                    at: ct_at,
                });
                codes.push(Vec::new());
                labels.push(Vec::new());
                dims.len() - 1
            }
        };
        let (Some(dim), Some(dim_codes), Some(dim_labels)) =
            (dims.get_mut(di), codes.get_mut(di), labels.get_mut(di))
        else {
            continue;
        };
        if role == "code" && code_of.contains_key(&(di, level_key.clone())) {
            // `…:code:full` and `…:code:part` of one level: the first one names the level.
            continue;
        }
        let ai = dim.attrs.len();
        dim.attrs.push(Attr {
            name: f.name.to_owned(),
            col,
            parent: None,
            labelfor: None,
            path: f.obj.path.clone(),
            col_path: f.obj.path_of("name"),
            col_at: f.obj.offset_of("name"),
            refs_at: (ct_at, ct_at),
        });
        if role == "label" {
            dim_labels.push((level_key, ai));
        } else {
            let rank = level_key.rsplit(':').next().map_or(0, rank_of);
            code_of.insert((di, level_key.clone()), ai);
            dim_codes.push((rank, level_key, ai));
        }
    }
    for (di, ((dim, mut dim_codes), dim_labels)) in
        dims.iter_mut().zip(codes).zip(labels).enumerate()
    {
        dim_codes.sort_by_key(|c| c.0);
        let mut previous: Option<String> = None;
        for (_, _, ai) in &dim_codes {
            if let Some(a) = dim.attrs.get_mut(*ai) {
                a.parent = previous.take();
                previous = Some(a.name.clone());
                dim.primary_key.push(a.name.clone());
            }
        }
        for (key, ai) in dim_labels {
            let target = code_of
                .get(&(di, key.clone()))
                .and_then(|ai| dim.attrs.get(*ai))
                .map(|a| a.name.clone());
            if let Some(a) = dim.attrs.get_mut(ai) {
                // A label without its code is kept out of the hierarchy: it has nothing to name.
                a.labelfor = Some(target.unwrap_or_else(|| format!("{key}:code")));
            }
        }
    }
    // `date:fiscal-year` says the year; other dates are read for theirs only if it is absent.
    if let Some(d) = dims.iter_mut().find(|d| d.date) {
        let fy = r
            .fields
            .iter()
            .find(|f| f.column_type == Some("date:fiscal-year"))
            .map(|f| f.name.to_owned());
        if let Some(fy) = fy {
            d.primary_key = vec![fy];
        }
    }
    (measures, dims)
}

/// Where a classification level comes in its hierarchy, from its name; 0 for a single unnamed level.
fn rank_of(level: &str) -> u32 {
    if let Some(n) = level.strip_prefix("level") {
        return n.parse().unwrap_or(0);
    }
    match level {
        "division" | "program" => 1,
        "group" | "project" => 2,
        "class" | "contract" => 3,
        _ => 0,
    }
}

/// Chooses the dimension read as the node hierarchy and the one that gives each row's year, saying which in a
/// note. A functional classification (or activity) if there is exactly one; otherwise the first dimension whose
/// attributes name parents; otherwise the first with a code.
fn choose(
    dims: &[Dimension],
    report: &mut Report,
    notes: &mut Vec<String>,
) -> (Vec<Level>, Option<(Col, String, usize)>) {
    let year = dims.iter().find(|d| d.date).and_then(|d| {
        let key = d.primary_key.first();
        let attr = key
            .and_then(|k| d.attrs.iter().find(|a| a.name == *k))
            .or_else(|| d.attrs.first())?;
        Some((attr.col.clone(), attr.col_path.clone(), attr.col_at))
    });
    let candidates: Vec<&Dimension> = dims.iter().filter(|d| !d.date).collect();
    let functional: Vec<&&Dimension> = candidates.iter().filter(|d| d.functional).collect();
    let chosen = match functional.as_slice() {
        [one] => Some(**one),
        _ => candidates
            .iter()
            .find(|d| d.attrs.iter().any(|a| a.parent.is_some()))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|d| d.attrs.iter().any(|a| a.labelfor.is_none()))
            })
            .copied(),
    };
    let Some(dim) = chosen else {
        notes.push(
            "no classification dimension: every amount is on one node for the whole package"
                .to_owned(),
        );
        return (Vec::new(), year);
    };
    let levels = levels(dim, report);
    let others: Vec<String> = candidates
        .iter()
        .filter(|d| d.name != dim.name)
        .map(|d| quoted(&d.name))
        .collect();
    let mut note = format!(
        "hierarchy: dimension {}, levels {}",
        quoted(&dim.name),
        levels
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(" > ")
    );
    if !others.is_empty() {
        note.push_str(&format!(
            "; not read (one hierarchy per budget): {}",
            others.join(", ")
        ));
    }
    notes.push(note);
    (levels, year)
}

/// The levels of a dimension, top first: its code attributes along their `parent` chain if they name parents,
/// else in primary-key order, else its first code; each with the attribute that says it is its label.
fn levels(dim: &Dimension, report: &mut Report) -> Vec<Level> {
    let codes: Vec<&Attr> = dim.attrs.iter().filter(|a| a.labelfor.is_none()).collect();
    let by_name: HashMap<&str, &Attr> = codes.iter().map(|a| (a.name.as_str(), *a)).collect();
    let mut chain: Vec<&Attr> = Vec::new();
    if codes.iter().any(|a| a.parent.is_some()) {
        let mut children: HashMap<&str, Vec<&Attr>> = HashMap::new();
        for a in &codes {
            if let Some(p) = a.parent.as_deref().filter(|p| by_name.contains_key(p)) {
                children.entry(p).or_default().push(a);
            }
        }
        let root = codes
            .iter()
            .find(|a| a.parent.is_none() && children.contains_key(a.name.as_str()));
        let Some(root) = root else {
            report.at(
                &dim.path,
                dim.at,
                "expected one attribute without a parent at the top of the hierarchy; the parents form a cycle",
            );
            return Vec::new();
        };
        let mut cur = *root;
        let mut taken: std::collections::HashSet<&str> = std::collections::HashSet::new();
        // Each step takes an attribute not taken before, so the walk ends.
        while taken.insert(cur.name.as_str()) {
            chain.push(cur);
            match children.get(cur.name.as_str()).map(Vec::as_slice) {
                None | Some([]) => break,
                Some([only]) => cur = only,
                Some([first, second, ..]) => {
                    report.at(
                        &format!("{}.parent", second.path),
                        second.refs_at.0,
                        format!(
                            "expected one attribute under {}: {} and {} both name it as parent",
                            shown(&cur.name),
                            shown(&first.name),
                            shown(&second.name)
                        ),
                    );
                    cur = first;
                }
            }
        }
    } else if !dim.primary_key.is_empty() {
        chain = dim
            .primary_key
            .iter()
            .filter_map(|k| by_name.get(k.as_str()).copied())
            .collect();
    }
    if chain.is_empty() {
        chain.extend(codes.first().copied());
    }
    let max = super::builder::MAX_NODE_DEPTH as usize;
    if chain.len() > max {
        report.at(
            &dim.path,
            dim.at,
            format!(
                "expected a hierarchy at most {max} levels deep, found {}",
                chain.len()
            ),
        );
        chain.truncate(max);
    }
    chain
        .into_iter()
        .map(|a| Level {
            name: a.name.clone(),
            code: a.col.clone(),
            label: dim
                .attrs
                .iter()
                .find(|l| l.labelfor.as_deref() == Some(a.name.as_str()))
                .map(|l| l.col.clone()),
            path: a.col_path.clone(),
            at: a.col_at,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// The rows.

/// A column of the resource, resolved against its header: a cell index, or the descriptor's constant.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Index(usize, &'a str),
    Constant(&'a str),
}

impl<'a> Cell<'a> {
    fn of<'s>(&self, record: &'s ::csv::StringRecord) -> &'s str
    where
        'a: 's,
    {
        match self {
            Cell::Index(i, _) => record.get(*i).unwrap_or_default().trim(),
            Cell::Constant(c) => c.trim(),
        }
    }

    fn column(&self) -> &'a str {
        match self {
            Cell::Index(_, name) => name,
            Cell::Constant(_) => "(constant)",
        }
    }
}

struct ResolvedLevel<'a> {
    name: &'a str,
    code: Cell<'a>,
    label: Option<Cell<'a>>,
}

struct Reading<'r, 'a> {
    b: &'r mut Builder,
    report: &'r mut Report,
    resource: &'r Resource<'a>,
    plan: &'r Plan,
    default_period: Period,
    /// The one node for a package without a classification, made when first needed.
    fallback: &'r mut Option<NodeId>,
}

impl Reading<'_, '_> {
    fn run(&mut self, read: &dyn Fn(&str) -> Result<Vec<u8>, String>) {
        let r = self.resource;
        let Some(parts) = &r.parts else {
            return;
        };
        let mut bytes = Vec::new();
        for p in parts {
            match read(p) {
                Ok(b) => bytes.extend_from_slice(&b),
                Err(e) => {
                    self.report.at(
                        &format!("{}.path", r.path),
                        r.path_at,
                        format!("could not read {}: {e}", shown(p)),
                    );
                    return;
                }
            }
        }
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                let line = valid.matches('\n').count() + 1;
                let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                self.b.problem(
                    Place::new(r.label.clone(), Some((line, column))),
                    format!(
                        "expected UTF-8 text; the bytes stop being UTF-8 at byte offset {} (line {line})",
                        e.valid_up_to()
                    ),
                );
                return;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        self.rows(text);
    }

    fn rows(&mut self, text: &str) {
        let r = self.resource;
        let plan = self.plan;
        let mut rdr = r
            .dialect
            .builder()
            .has_headers(r.dialect.header)
            .from_reader(text.as_bytes());
        let header: Vec<String> = if r.dialect.header {
            match rdr.headers() {
                Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
                Err(e) => {
                    self.b.problem(
                        Place::new(format!("{} header", r.label), Some((1, 1))),
                        format!("expected a CSV header row: {e}"),
                    );
                    return;
                }
            }
        } else {
            r.fields
                .iter()
                .filter(|f| f.constant.is_none())
                .map(|f| f.name.to_owned())
                .collect()
        };
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            index.entry(h.as_str()).or_insert(i);
        }
        let hint = std::cell::Cell::new(Some(delimiter_hint(&header, r.dialect.delimiter)));
        // The delimiter hint is given once: every column is missing when it is wrong.
        let missing = |col: &str, path: &str, at: usize, what: &str, report: &mut Report| {
            let hint = hint.take().unwrap_or_default();
            report.at(
                path,
                at,
                format!(
                    "expected {what} column {} in the header of {}{hint}",
                    quoted(col),
                    r.label
                ),
            );
        };
        let mut measures: Vec<(&MeasureSpec, Cell)> = Vec::new();
        for m in &plan.measures {
            match index.get(m.column.trim()) {
                Some(i) => measures.push((m, Cell::Index(*i, m.column.as_str()))),
                None => missing(&m.column, &m.path, m.at, "the measure's", self.report),
            }
        }
        let resolve = |col| resolve(col, &index);
        let mut levels: Vec<ResolvedLevel> = Vec::new();
        for l in &plan.hierarchy {
            let Some(code) = resolve(&l.code) else {
                if let Col::Column(c) = &l.code {
                    missing(c, &l.path, l.at, "the hierarchy's", self.report);
                }
                // A level below a missing one would hang from the wrong parent.
                break;
            };
            let label = match &l.label {
                None => None,
                Some(lc) => {
                    let cell = resolve(lc);
                    if let (None, Col::Column(c)) = (cell, lc) {
                        missing(c, &l.path, l.at, "the label", self.report);
                    }
                    cell
                }
            };
            levels.push(ResolvedLevel {
                name: &l.name,
                code,
                label,
            });
        }
        let year = match &plan.year {
            None => None,
            Some((col, path, at)) => {
                let cell = resolve(col);
                if let (None, Col::Column(c)) = (cell, col) {
                    missing(c, path, *at, "the year", self.report);
                }
                cell
            }
        };
        if measures.is_empty() {
            return;
        }
        let width = header.len();
        let mut record = ::csv::StringRecord::new();
        let mut row = 0usize;
        let mut cache: Vec<(String, NodeId)> = Vec::new();
        let mut empty = 0usize;
        let mut last_error_at = None;
        loop {
            let at = rdr.position().byte();
            match rdr.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    row += 1;
                    self.b.row_read();
                    self.b.problem(
                        Place::new(format!("{} row {row}", r.label), None),
                        format!("expected a CSV row: {e}"),
                    );
                    // An error that does not move the reader on would repeat forever.
                    if last_error_at == Some(at) {
                        break;
                    }
                    last_error_at = Some(at);
                    continue;
                }
            }
            row += 1;
            self.b.row_read();
            let start = record.position().map_or(at, |p| p.byte());
            let line = record.position().map_or(0, |p| p.line() as usize);
            let row_place = || Place::new(format!("{} row {row}", r.label), Some((line, 1)));
            if rdr.position().byte() >= text.len() as u64 {
                let tail = usize::try_from(start)
                    .ok()
                    .and_then(|s| text.get(s..))
                    .unwrap_or_default();
                if !quotes_close(tail, r.dialect) {
                    self.b.problem(
                        row_place(),
                        "a quoted field is not closed before the end of the file (the rest of the file was read into this row)",
                    );
                    continue;
                }
            }
            if record.len() != width {
                self.b.problem(
                    row_place(),
                    format!(
                        "expected {width} fields as in the header, found {}",
                        record.len()
                    ),
                );
                continue;
            }
            let period = match year {
                None => self.default_period,
                Some(cell) => {
                    let text = cell.of(&record);
                    match year_of(text) {
                        Some(y) => Period::Year(y),
                        None => {
                            self.b.problem(
                                self.cell_place(row, cell.column()),
                                format!(
                                    "expected a year (2015) or a date (2015-01-31), found {}",
                                    shown(text)
                                ),
                            );
                            continue;
                        }
                    }
                }
            };
            let Some(node) = self.node(&levels, &record, row, &mut cache) else {
                continue;
            };
            for (m, cell) in &measures {
                let text = cell.of(&record);
                if text.is_empty() {
                    empty += 1;
                    continue;
                }
                let value = match amount(text, m) {
                    Ok(v) => v,
                    Err(message) => {
                        self.b.problem(self.cell_place(row, &m.column), message);
                        continue;
                    }
                };
                self.b.amount(
                    NewAmount {
                        key: None,
                        node,
                        value,
                        currency: m.currency,
                        period,
                        phase: m.phase,
                        measure: m.measure,
                        direction: m.direction,
                        funding: Funding::Unknown,
                        split: Split::Whole,
                        approximate: false,
                        // The CSV resource the amount was read from, not the descriptor.
                        source: Source::CellOf {
                            file: &self.resource.label,
                            row: u32::try_from(row).unwrap_or(u32::MAX),
                            column: &m.column,
                        },
                    },
                    self.cell_place(row, &m.column),
                );
            }
        }
        if empty > 0 {
            self.b.note(format!(
                "{}: {empty} empty amount cells skipped (an empty cell is a missing value)",
                r.label
            ));
        }
    }

    fn cell_place(&self, row: usize, column: &str) -> Place {
        let c = Place::cell(row, column);
        Place::new(format!("{} {}", self.resource.label, c.path), c.position)
    }

    /// The row's node: down the hierarchy's levels while they have a code. The previous row's path is kept, so
    /// a sorted file costs one string comparison per level instead of a lookup.
    fn node(
        &mut self,
        levels: &[ResolvedLevel],
        record: &::csv::StringRecord,
        row: usize,
        cache: &mut Vec<(String, NodeId)>,
    ) -> Option<NodeId> {
        if levels.is_empty() {
            if self.fallback.is_none() {
                let meta = self.b.meta_mut();
                let name = if super::builder::visible(&meta.title) {
                    meta.title.clone()
                } else {
                    "Fiscal Data Package".to_owned()
                };
                *self.fallback =
                    self.b
                        .node(None, "package", "", (&name, None), &Place::new(".", None));
            }
            return *self.fallback;
        }
        let mut parent: Option<NodeId> = None;
        let mut hit = true;
        for (i, level) in levels.iter().enumerate() {
            let code = level.code.of(record);
            if code.is_empty() {
                if i == 0 {
                    self.b.problem(
                        self.cell_place(row, level.code.column()),
                        "expected a code at the top of the hierarchy, found an empty cell",
                    );
                    return None;
                }
                // A row classified only down to a level is that level's; a code below a gap is not.
                if let Some(deeper) = levels
                    .get(i + 1..)
                    .unwrap_or_default()
                    .iter()
                    .find(|l| !l.code.of(record).is_empty())
                {
                    self.b.problem(
                        self.cell_place(row, level.code.column()),
                        format!(
                            "expected a code here, since column {} below it has one",
                            quoted(deeper.code.column())
                        ),
                    );
                    return None;
                }
                break;
            }
            if hit {
                if let Some((c, id)) = cache.get(i) {
                    if c == code {
                        parent = Some(*id);
                        continue;
                    }
                }
                hit = false;
            }
            let name = level
                .label
                .map(|l| l.of(record))
                .filter(|n| super::builder::visible(n))
                .unwrap_or(code);
            let place = self.cell_place(row, level.code.column());
            let id = self
                .b
                .node(parent, level.name, code, (name, None), &place)?;
            cache.truncate(i);
            cache.push((code.to_owned(), id));
            parent = Some(id);
        }
        parent
    }
}

/// A column of the descriptor in this resource's header, or its constant.
fn resolve<'c>(col: &'c Col, index: &HashMap<&str, usize>) -> Option<Cell<'c>> {
    match col {
        Col::Constant(c) => Some(Cell::Constant(c)),
        Col::Column(name) => index
            .get(name.trim())
            .map(|i| Cell::Index(*i, name.as_str())),
    }
}

/// A hint when the header came out as one column holding another delimiter.
fn delimiter_hint(header: &[String], delimiter: u8) -> String {
    let [only] = header else {
        return String::new();
    };
    let found = [b';', b'\t', b',', b'|']
        .into_iter()
        .find(|d| *d != delimiter && only.as_bytes().contains(d));
    match found {
        Some(d) => format!(
            ", whose header reads as one column {}: is the delimiter {}? (give it in the resource's \"dialect\")",
            shown(only),
            quoted(&char::from(d).to_string())
        ),
        None => String::new(),
    }
}

/// Whether the last record's quotes are closed, by the csv crate's own rules: a line added after the record
/// is read as a record of its own only if the record's quotes closed (otherwise it is swallowed into the field).
fn quotes_close(record: &str, dialect: Dialect) -> bool {
    if !record.as_bytes().contains(&dialect.quote) {
        return true;
    }
    let sentinel = if dialect.quote == b'x' { b'y' } else { b'x' };
    let mut probe = Vec::with_capacity(record.len() + 2);
    probe.extend_from_slice(record.as_bytes());
    probe.push(b'\n');
    probe.push(sentinel);
    let mut rdr = dialect
        .builder()
        .has_headers(false)
        .from_reader(probe.as_slice());
    rdr.byte_records().take(2).count() == 2
}

/// The year at the start of a year (`2015`) or date (`2015-01-31`, `2015/16`) cell.
fn year_of(text: &str) -> Option<i32> {
    let t = text.trim().as_bytes();
    let digits = t.get(..4)?;
    if !digits.iter().all(u8::is_ascii_digit) || t.get(4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let y = digits
        .iter()
        .fold(0i32, |acc, d| acc * 10 + i32::from(d - b'0'));
    (1000..=9999).contains(&y).then_some(y)
}

/// Why a decimal text is not a number we can keep.
#[derive(Debug, PartialEq, Eq)]
enum NumError {
    NotNumber,
    TooBig,
}

/// A decimal text as an exact integer mantissa and a power of ten: `12.50` is (125, -1). Group characters are
/// skipped in the integer part; an exponent (`1e3`) only where `exponent` allows (a factor, not an amount).
fn decimal(
    text: &str,
    point: char,
    group: Option<char>,
    exponent: bool,
) -> Result<(i128, i32), NumError> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (mantissa_text, exp_text) = match t.find(['e', 'E']) {
        Some(i) if exponent => (
            t.get(..i).unwrap_or_default(),
            Some(t.get(i + 1..).unwrap_or_default()),
        ),
        _ => (t, None),
    };
    let (int, frac) = match mantissa_text.split_once(point) {
        Some((i, f)) => (i, f),
        None => (mantissa_text, ""),
    };
    // Zeros at the end of the fraction change nothing, and would only make a long text overflow.
    let frac = frac.trim_end_matches('0');
    let mut mantissa: i128 = 0;
    let mut digits = 0usize;
    let mut push = |c: char, mantissa: &mut i128| -> Result<(), NumError> {
        let d = c.to_digit(10).ok_or(NumError::NotNumber)?;
        digits += 1;
        *mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(i128::from(d)))
            .ok_or(NumError::TooBig)?;
        Ok(())
    };
    let mut ok_int = true;
    for c in int.chars() {
        if Some(c) == group {
            continue;
        }
        if !c.is_ascii_digit() {
            ok_int = false;
            break;
        }
        push(c, &mut mantissa)?;
    }
    if !ok_int || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumError::NotNumber);
    }
    for c in frac.chars() {
        push(c, &mut mantissa)?;
    }
    let had_digits = digits > 0 || mantissa_text.contains(|c: char| c.is_ascii_digit());
    if !had_digits {
        return Err(NumError::NotNumber);
    }
    let mut exp = -(i32::try_from(frac.len()).map_err(|_| NumError::TooBig)?);
    if let Some(e) = exp_text {
        let e: i32 = e.parse().map_err(|_| NumError::NotNumber)?;
        exp = exp.checked_add(e).ok_or(NumError::TooBig)?;
    }
    Ok((if negative { -mantissa } else { mantissa }, exp))
}

/// Why an amount could not be counted in the currency's smallest unit.
#[derive(Debug, PartialEq, Eq)]
enum ScaleError {
    TooBig,
    TooFine,
}

/// `amount × factor` in units of 10^-`minor`, exactly, or why not.
fn to_minor(amount: (i128, i32), factor: (i128, i32), minor: u32) -> Result<i64, ScaleError> {
    let mut v = amount.0.checked_mul(factor.0).ok_or(ScaleError::TooBig)?;
    if v == 0 {
        return Ok(0);
    }
    let k = i64::from(amount.1) + i64::from(factor.1) + i64::from(minor);
    // Both loops end within 39 steps: i128 overflows, or a non-zero value runs out of trailing zeros.
    for _ in 0..k.max(0) {
        v = v.checked_mul(10).ok_or(ScaleError::TooBig)?;
    }
    for _ in 0..(-k).max(0) {
        if v % 10 != 0 {
            return Err(ScaleError::TooFine);
        }
        v /= 10;
    }
    i64::try_from(v).map_err(|_| ScaleError::TooBig)
}

/// A measure cell's amount in the currency's smallest unit, or the problem's message.
fn amount(text: &str, m: &MeasureSpec) -> Result<i64, String> {
    let code = m.currency.code();
    let minor = m.currency.minor_digits();
    let factor = || {
        if m.factor == (1, 0) {
            String::new()
        } else {
            format!(" times the factor {}", factor_text(m.factor))
        }
    };
    let parsed = decimal(text, m.point, m.group, false).map_err(|e| match e {
        NumError::NotNumber => format!(
            "expected an amount as a decimal number (like 1234.56), found {}",
            shown(text)
        ),
        NumError::TooBig => too_big(text, code),
    })?;
    to_minor(parsed, m.factor, minor).map_err(|e| match e {
        ScaleError::TooBig => too_big(text, code),
        ScaleError::TooFine if minor == 0 => format!(
            "expected whole {code}{} (its smallest unit), found {}",
            factor(),
            shown(text)
        ),
        ScaleError::TooFine => format!(
            "expected at most {minor} decimal places in {code}{}, found {}",
            factor(),
            shown(text)
        ),
    })
}

fn too_big(text: &str, code: &str) -> String {
    format!(
        "expected an amount that fits in 64 bits of {code}'s smallest unit, found {}",
        shown(text)
    )
}

fn factor_text(f: (i128, i32)) -> String {
    if f.1 >= 0 {
        format!("{}{}", f.0, "0".repeat(f.1.unsigned_abs() as usize))
    } else {
        format!("{}e{}", f.0, f.1)
    }
}

/// A cell or descriptor value for a message: quoted, and cut short if long.
fn shown(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        None => quoted(text),
        Some((i, _)) => format!("{}…", quoted(text.get(..i).unwrap_or_default())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::{Dim, Filter};
    use std::cell::Cell as StdCell;

    fn eur() -> Currency {
        Currency(*b"EUR")
    }

    fn minor(text: &str, factor: &str, currency: Currency) -> Result<i64, String> {
        let m = MeasureSpec {
            column: "m".into(),
            resource: 0,
            currency,
            factor: decimal(factor, '.', None, true).map_err(|e| format!("{e:?}"))?,
            direction: Direction::Expenditure,
            phase: Phase::Original,
            measure: Measure::Budgeted,
            point: '.',
            group: None,
            path: String::new(),
            at: 0,
        };
        amount(text, &m)
    }

    #[test]
    fn amounts_are_exact_in_the_smallest_unit() {
        assert_eq!(minor("1234.5", "1", eur()), Ok(123_450));
        assert_eq!(minor(" -0.07 ", "1", eur()), Ok(-7));
        assert_eq!(minor("1234.500000", "1", eur()), Ok(123_450));
        assert_eq!(minor("12", "1", Currency::KRW), Ok(12));
        assert_eq!(minor("12.0", "1", Currency::KRW), Ok(12));
        assert_eq!(minor("1.5", "1000", eur()), Ok(150_000));
        assert_eq!(minor("1.5", "1e3", eur()), Ok(150_000));
        assert_eq!(minor("1500", "0.001", eur()), Ok(150));
        // The largest amount that fits, and one cent more.
        assert_eq!(minor("92233720368547758.07", "1", eur()), Ok(i64::MAX));
        let e = minor("92233720368547758.08", "1", eur()).unwrap_err();
        assert!(e.contains("64 bits"), "{e}");
        let e = minor(&"9".repeat(60), "1", eur()).unwrap_err();
        assert!(e.contains("64 bits"), "{e}");
        let e = minor("1.234", "1", eur()).unwrap_err();
        assert!(e.contains("at most 2 decimal places in EUR"), "{e}");
        let e = minor("12.5", "1", Currency::KRW).unwrap_err();
        assert!(e.contains("whole KRW"), "{e}");
        let e = minor("1", "0.001", eur()).unwrap_err();
        assert!(e.contains("factor"), "{e}");
        for bad in [
            "12a", "1,234", "1e3", "", "-", ".", "1.2.3", "€12", "0x10", "1 000",
        ] {
            let e = minor(bad, "1", eur()).unwrap_err();
            assert!(e.contains("decimal number"), "{bad}: {e}");
        }
    }

    #[test]
    fn decimals_keep_their_scale() {
        assert_eq!(decimal("12.50", '.', None, false), Ok((125, -1)));
        assert_eq!(decimal("1.234,5", ',', Some('.'), false), Ok((12345, -1)));
        assert_eq!(decimal(".5", '.', None, false), Ok((5, -1)));
        assert_eq!(decimal("5.", '.', None, false), Ok((5, 0)));
        assert_eq!(decimal("2E-3", '.', None, true), Ok((2, -3)));
        assert_eq!(
            decimal(&format!("1.{}", "0".repeat(500)), '.', None, false),
            Ok((1, 0))
        );
        assert_eq!(
            decimal("1e99999999999", '.', None, true),
            Err(NumError::NotNumber)
        );
    }

    #[test]
    fn years_come_from_years_and_dates() {
        assert_eq!(year_of("2015"), Some(2015));
        assert_eq!(year_of(" 2015-01-31 "), Some(2015));
        assert_eq!(year_of("2015/16"), Some(2015));
        assert_eq!(year_of("20151"), None);
        assert_eq!(year_of("15"), None);
        assert_eq!(year_of("year"), None);
        assert_eq!(year_of("0999"), None);
    }

    #[test]
    fn paths_that_leave_the_package_are_named() {
        for ok in [
            "data/x.csv",
            "x.csv",
            "./data/x.csv",
            "data/a b.csv",
            "데이터/x.csv",
        ] {
            assert_eq!(escapes(ok), None, "{ok}");
        }
        for bad in [
            "../x.csv",
            "data/../../x.csv",
            "data\\..\\x.csv",
            "/etc/passwd",
            "\\\\server\\share\\x.csv",
            "C:\\x.csv",
            "c:/x.csv",
            "http://x/y.csv",
            "HTTPS://x/y.csv",
            "file:///etc/passwd",
            "file:x.csv",
            "data:text/csv,a",
            "%2e%2e/x.csv",
            "..%2Fx.csv",
            "%2Fetc/passwd",
            "",
            " ",
            "x\0.csv",
        ] {
            assert!(escapes(bad).is_some(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn quotes_close_by_the_csv_crates_rules() {
        let d = Dialect {
            delimiter: b',',
            quote: b'"',
            double_quote: true,
            escape: None,
            comment: None,
            header: true,
        };
        assert!(quotes_close("a,\"b\"\n", d));
        assert!(quotes_close("a,\"b \"\"x\"\" c\"", d));
        assert!(quotes_close("a,12\" pipe\n", d));
        assert!(!quotes_close("a,\"b\n", d));
        assert!(!quotes_close("a,\"b\"\"", d));
    }

    /// A package in memory: the descriptor and its files.
    fn package(desc: &str, files: &[(&str, &str)]) -> Imported {
        let files: HashMap<String, Vec<u8>> = files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
            .collect();
        import("datapackage.json", desc, &move |p: &str| {
            files.get(p).cloned().ok_or_else(|| format!("no file {p}"))
        })
    }

    const SMALL: &str = r#"{
      "name": "t", "title": "T", "countryCode": "ES",
      "resources": [{"name": "r", "path": "r.csv"}],
      "model": {
        "measures": {"m": {"source": "amount", "currency": "EUR", "phase": "executed"}},
        "dimensions": {
          "f": {"attributes": {"c": {"source": "code"}, "n": {"source": "name", "labelfor": "c"}},
                "primaryKey": "c"},
          "date": {"attributes": {"y": {"source": "year"}}, "primaryKey": "y"}
        }
      }
    }"#;

    #[test]
    fn a_small_package_reads_every_row() {
        let imp = package(
            SMALL,
            &[(
                "r.csv",
                "\u{feff}year,code,name,amount\n2015,001,\"Uno, dos\",1.5\n2016,001,Otro,\n2016,002,,2\n",
            )],
        );
        assert!(imp.problems.is_empty(), "{:?}", imp.problems);
        assert_eq!(imp.rows_read, 3);
        let b = &imp.budget;
        assert_eq!(b.meta().languages.0, "es");
        let codes: Vec<&str> = b.nodes().iter().map(|n| b.text(n.code)).collect();
        assert_eq!(codes, ["001", "002"]);
        // The first name met is kept; a node without a label is named by its code.
        let names: Vec<&str> = b.nodes().iter().map(|n| b.name(&n.name)).collect();
        assert_eq!(names, ["Uno, dos", "002"]);
        let sums = b.sum_by(&[], &Filter::default()).expect("sum");
        let got: Vec<(Period, i64, Phase, Measure)> = sums
            .iter()
            .map(|g| (g.key.period, g.total, g.key.phase, g.key.measure))
            .collect();
        assert_eq!(
            got,
            [
                (Period::Year(2015), 150, Phase::Settled, Measure::Executed),
                (Period::Year(2016), 200, Phase::Settled, Measure::Executed)
            ]
        );
        assert!(
            imp.notes.iter().any(|n| n.contains("1 empty amount cells")),
            "{:?}",
            imp.notes
        );
    }

    #[test]
    fn hostile_paths_are_not_read() {
        for bad in [
            "../x.csv",
            "/etc/passwd",
            "http://x/y.csv",
            "C:\\x.csv",
            "\\\\server\\x.csv",
        ] {
            let desc = SMALL.replace("\"r.csv\"", &format!("{:?}", bad));
            let called = StdCell::new(false);
            let imp = import("datapackage.json", &desc, &|_p: &str| {
                called.set(true);
                Ok(Vec::new())
            });
            assert!(!called.get(), "{bad}: read was called");
            let p = imp
                .problems
                .iter()
                .find(|p| p.path == "resources[0].path")
                .unwrap_or_else(|| panic!("{bad}: {:?}", imp.problems));
            assert!(p.message.contains("inside the package"), "{p:?}");
            assert_eq!(p.position, Some((3, 43)), "{bad}");
        }
    }

    #[test]
    fn ragged_rows_and_bad_cells_are_placed_and_reading_goes_on() {
        let imp = package(
            SMALL,
            &[(
                "r.csv",
                "year,code,name,amount\n2015,001,a,1\n2015,002\n20x5,003,c,1\n2015,004,d,1.001\n2015,005,e,9\n2015,006,f,\"7\n",
            )],
        );
        let got: Vec<String> = imp
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert_eq!(imp.rows_read, 6, "{got:?}");
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[0].starts_with("r.csv row 2: expected 4 fields"),
            "{got:?}"
        );
        assert!(
            got[1].starts_with("r.csv row 3, column \"year\": expected a year"),
            "{got:?}"
        );
        assert!(
            got[2].starts_with("r.csv row 4, column \"amount\": expected at most 2"),
            "{got:?}"
        );
        assert!(
            got[3].starts_with("r.csv row 6: a quoted field is not closed"),
            "{got:?}"
        );
        assert_eq!(imp.problems[0].position, Some((3, 1)));
        let total: i64 = imp.budget.amounts().map(|a| a.value).sum();
        assert_eq!(total, 1000);
        // The hierarchy dimension was chosen (the only one with a code) and said so.
        assert!(
            imp.notes
                .iter()
                .any(|n| n.contains("hierarchy: dimension \"f\"")),
            "{:?}",
            imp.notes
        );
    }

    #[test]
    fn measure_options_are_checked() {
        let desc = SMALL
            .replace(
                "\"phase\": \"executed\"",
                "\"phase\": \"spent\", \"factor\": -2",
            )
            .replace(
                "\"m\": {",
                "\"again\": {\"source\": \"amount\", \"currency\": \"EUR\"}, \"m\": {",
            );
        let imp = package(&desc, &[("r.csv", "year,code,name,amount\n2015,1,a,1\n")]);
        let got: Vec<&str> = imp.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            got,
            ["model.measures.m.factor", "model.measures.m.phase"],
            "{:?}",
            imp.problems
        );
        // The measure that could be read was: one amount, approved by default.
        assert_eq!(imp.budget.len(), 1);
        assert_eq!(
            imp.budget.amounts().next().map(|a| a.phase),
            Some(Phase::Original)
        );

        let twice = SMALL.replace(
            "\"m\": {",
            "\"again\": {\"source\": \"amount\", \"currency\": \"EUR\"}, \"m\": {",
        );
        let imp = package(&twice, &[("r.csv", "year,code,name,amount\n2015,1,a,1\n")]);
        assert_eq!(imp.problems.len(), 1, "{:?}", imp.problems);
        assert!(imp.problems[0]
            .message
            .contains("already read by model.measures.again.source"));
        assert_eq!(imp.budget.len(), 1);

        let v1 = r#"{"resources": [{"path": "r.csv", "schema": {"fields": [
            {"name": "code", "columnType": "activity:generic:program:code"},
            {"name": "amount", "columnType": "value", "options": {"phase": "approved"}}]}}]}"#;
        let imp = package(v1, &[("r.csv", "code,amount\n1,2\n")]);
        assert_eq!(imp.problems.len(), 2, "{:?}", imp.problems);
        assert_eq!(
            imp.problems[0].path,
            "resources[0].schema.fields[1].options"
        );
        assert!(imp.problems[0].message.contains("currency"));
        assert!(imp.problems[1].message.contains("columnType \"value\""));
    }

    #[test]
    fn hierarchies_too_deep_or_circular_are_refused() {
        let attrs: Vec<String> = (0..40)
            .map(|i| match i {
                0 => "\"a0\": {\"source\": \"c0\"}".to_owned(),
                _ => format!(
                    "\"a{i}\": {{\"source\": \"c{i}\", \"parent\": \"a{}\"}}",
                    i - 1
                ),
            })
            .collect();
        let desc = format!(
            r#"{{"resources": [{{"path": "r.csv"}}], "model": {{
              "measures": {{"m": {{"source": "amount", "currency": "KRW"}}}},
              "dimensions": {{"d": {{"attributes": {{{}}}}}}}}}}}"#,
            attrs.join(", ")
        );
        let header: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
        let row: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let csv = format!("{},amount\n{},5\n", header.join(","), row.join(","));
        let imp = package(&desc, &[("r.csv", &csv)]);
        assert_eq!(imp.problems.len(), 1, "{:?}", imp.problems);
        assert!(imp.problems[0].message.contains("at most 32 levels"));
        assert_eq!(imp.budget.nodes().len(), 32);
        assert_eq!(imp.budget.len(), 1);

        let cycle = r#"{"resources": [{"path": "r.csv"}], "model": {
          "measures": {"m": {"source": "amount", "currency": "KRW"}},
          "dimensions": {"d": {"attributes": {
            "a": {"source": "a", "parent": "b"}, "b": {"source": "b", "parent": "a"}}}}}}"#;
        let imp = package(cycle, &[("r.csv", "a,b,amount\n1,2,3\n")]);
        assert_eq!(imp.problems.len(), 1, "{:?}", imp.problems);
        assert!(imp.problems[0].message.contains("cycle"));
    }

    #[test]
    fn a_sum_beyond_i64_is_an_error_not_a_panic() {
        let half = i64::MAX / 2 + 1;
        let desc = SMALL.replace("\"EUR\"", "\"KRW\"");
        let imp = package(
            &desc,
            &[(
                "r.csv",
                &format!("year,code,name,amount\n2015,1,a,{half}\n2015,2,b,{half}\n"),
            )],
        );
        assert!(imp.problems.is_empty(), "{:?}", imp.problems);
        assert!(imp.budget.sum_by(&[Dim::Node], &Filter::default()).is_ok());
        assert!(matches!(
            imp.budget.sum_by(&[], &Filter::default()),
            Err(crate::budget::SumError::Overflow { .. })
        ));
    }
}
