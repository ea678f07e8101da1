//! The frame around findings: what a report is about, the subjects findings are grouped by,
//! and what it ends with.

use std::borrow::Cow;

use serde::Serialize;

use crate::{Counts, Tone};

/// What the report is, before any finding.
#[derive(Clone, Debug, Default)]
pub struct Head {
    /// The command, as CI servers and annotations name it: `cloudspec diff`.
    pub tool: Cow<'static, str>,
    /// The report's heading in Markdown: `API changes`.
    pub title: Cow<'static, str>,
    /// What was compared or read, shown first: (`Comparing`, `spec/ at main -> ...`).
    pub context: Option<(Cow<'static, str>, String)>,
    /// The width text right-aligns its labels to.
    pub width: usize,
}

impl Head {
    /// The width most reports align their labels to.
    pub const WIDTH: usize = 12;

    pub fn new(tool: impl Into<Cow<'static, str>>, title: impl Into<Cow<'static, str>>) -> Self {
        Self { tool: tool.into(), title: title.into(), context: None, width: Self::WIDTH }
    }
}

/// What a group of findings is about: a document, an endpoint, a capture, an entry of a
/// session; with its verdict when it has one.
#[derive(Clone, Debug, Serialize)]
pub struct Subject {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Findings beyond those a report keeps: counted only.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
    /// What the subject says of itself beyond its findings (the error of a failed build),
    /// shown below it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// A unified diff of the subject (a stale file against what it should be), shown below it
    /// with its added and removed lines in their tones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// What else JSON carries of the subject, beside its other fields, under stable names the
    /// check gives (`entry` of a HAR entry: its method, URL and operation); nothing by default.
    #[serde(flatten)]
    pub data: serde_json::Map<String, serde_json::Value>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl Subject {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            status: None,
            more: 0,
            notes: Vec::new(),
            diff: None,
            data: serde_json::Map::new(),
        }
    }

    #[must_use]
    pub fn status(mut self, status: Status) -> Self {
        self.status = Some(status);
        self
    }
}

/// A subject's verdict: `Valid`, `Stale`, `Conforming`.
#[derive(Clone, Debug, Serialize)]
pub struct Status {
    pub label: Cow<'static, str>,
    #[serde(skip)]
    pub tone: Tone,
    /// Whether the subject fails the run.
    pub fails: bool,
    /// What the verdict line says after the subject's name, separator included: ` (left as
    /// it was)`, `: 2 violations`, `:1:19: expected valid JSON`; empty for nothing.
    #[serde(skip_serializing_if = "String::is_empty", serialize_with = "prose")]
    pub detail: String,
}

/// A detail as JSON gives it: without its leading separator.
#[allow(clippy::ptr_arg)]
fn prose<S: serde::Serializer>(detail: &String, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(detail.trim_start_matches([':', ' ']))
}

impl Status {
    pub fn new(label: impl Into<Cow<'static, str>>, tone: Tone, fails: bool) -> Self {
        Self { label: label.into(), tone, fails, detail: String::new() }
    }

    #[must_use]
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    /// The detail as prose of its own: without its leading separator.
    pub fn detail_text(&self) -> &str {
        self.detail.trim_start_matches([':', ' '])
    }
}

/// An entry of an accepted-findings file that accepts nothing any more: it fails the run
/// until it is removed, so that the file never outlives what it excuses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stale {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A table the report ends with (the coverage of a session).
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// The JSON key and the Markdown heading.
    pub name: Cow<'static, str>,
    pub title: Cow<'static, str>,
    pub columns: Vec<Cow<'static, str>>,
    pub rows: Vec<Vec<String>>,
    /// How text shows a row: a label and a line.
    #[serde(skip)]
    pub text: Vec<(Cow<'static, str>, String)>,
}

/// What a report ends with.
#[derive(Clone, Debug, Default)]
pub struct Tail {
    /// The counts: in words on the summary line (`5 documents: 0 errors, 1 warnings`), and
    /// for machines under stable names.
    pub counts: Counts,
    pub stale: Vec<Stale>,
    pub tables: Vec<Table>,
    /// What to do next, one line each: `run \`cargo xtask generate\` and commit`.
    pub fixes: Vec<String>,
    /// What else JSON carries at its top level, under stable names (`base`, `head`).
    pub data: serde_json::Map<String, serde_json::Value>,
}
