//! One finding: a rule broken at one place, and what a reader needs to act on it.

use std::borrow::Cow;

use serde::Serialize;

use crate::Level;

/// A rule broken at one place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id; empty where the check has no rule for it (a capture that is not JSON).
    pub rule: Cow<'static, str>,
    pub level: Level,
    /// The word readers of this check know the finding by (`breaking`, `error`, `Difference`,
    /// `Unsourced`); text and annotations show it.
    pub label: Cow<'static, str>,
    /// The file the finding is in, as people are shown it (relative to the checkout).
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The JSON pointer of the place inside the file; empty for the whole file.
    pub pointer: String,
    pub message: String,
    /// What more the reader is shown below the finding: the value before and after, the
    /// other side, the entry that would accept it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
    /// Names the finding across runs, for accepted-findings files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// Why a reviewer accepted it: an accepted error does not fail the run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

/// A line shown below a finding: `- "old"`, `vendor: ...`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Detail {
    /// What the line is (`before`, `vendor`, `accept`): JSON's key, and text's lead.
    pub name: Cow<'static, str>,
    /// How text leads the line: `- `, `vendor `; empty for none.
    #[serde(skip)]
    pub lead: Cow<'static, str>,
    pub text: String,
    /// The value whole, for JSON, where `text` shows it cut (a schema removed whole).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
}

impl Detail {
    pub fn new(name: impl Into<Cow<'static, str>>, lead: impl Into<Cow<'static, str>>, text: String) -> Self {
        Self { name: name.into(), lead: lead.into(), text, value: None }
    }

    /// The detail with the value it shows, which JSON carries whole.
    #[must_use]
    pub fn value(mut self, value: serde_json::Value) -> Self {
        self.value = Some(value);
        self
    }
}

impl Finding {
    /// A finding of `rule` at `level`, labelled as the level, in `file`.
    pub fn new(
        rule: impl Into<Cow<'static, str>>,
        level: Level,
        label: impl Into<Cow<'static, str>>,
        file: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule: rule.into(),
            level,
            label: label.into(),
            file: file.into(),
            line: None,
            column: None,
            pointer: String::new(),
            message: message.into(),
            details: Vec::new(),
            fingerprint: None,
            accepted: None,
        }
    }

    #[must_use]
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = pointer.into();
        self
    }

    #[must_use]
    pub fn line(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    #[must_use]
    pub fn detail(mut self, detail: Detail) -> Self {
        self.details.push(detail);
        self
    }

    #[must_use]
    pub fn fingerprint(mut self, fingerprint: impl Into<String>) -> Self {
        self.fingerprint = Some(fingerprint.into());
        self
    }

    /// Whether it fails the run: an error no reviewer accepted.
    pub fn fails(&self) -> bool {
        self.level == Level::Error && self.accepted.is_none()
    }

    /// The word a reader knows it by: its label, or its level's name when it has none.
    pub fn shown_label(&self) -> &str {
        if self.label.is_empty() { self.level.as_str() } else { &self.label }
    }

    /// `file:line:column`, or `file` when the line is unknown.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.file),
            (Some(line), None) => format!("{}:{line}", self.file),
            _ => self.file.clone(),
        }
    }

    /// Where it is, for a reader: the location, then `#pointer` when there is one.
    pub fn place(&self) -> String {
        if self.pointer.is_empty() {
            return self.location();
        }
        format!("{}#{}", self.location(), self.pointer)
    }
}
