//! What checking a session finds, apart from how the HAR was read and how it is printed: an
//! entry's verdict and its findings, each at a place in the archive and, inside a body, at a
//! JSON pointer, line and column. Plain data, so that the renderers, and any other check
//! reporting the same way, can take it as it is.

use serde::Serialize;

/// What kind of finding: only a violation makes an entry invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The exchange breaks the contract.
    Violation,
    /// A value off an open enum's list: accepted, and told.
    Notice,
    /// Part of the exchange could not be checked (a body the archive does not hold whole).
    Unchecked,
}

/// Where a finding sits inside a body: the JSON pointer of the value, and its line and
/// column in the body's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InBody {
    pub pointer: String,
    pub line: usize,
    pub column: usize,
}

/// One thing found about one entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    /// What was checked: `request-parameter`, `response-status`, `response-body`...
    pub check: &'static str,
    /// The JSON pointer of what was checked in the archive: `/log/entries/3/response/status`.
    pub har: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<InBody>,
    /// What was expected and what was found, with secrets redacted.
    pub message: String,
    /// The rule broken: a pointer into the operation's document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Finding {
    pub fn new(kind: Kind, check: &'static str, har: String, message: String) -> Self {
        Self { kind, check, har, body: None, message, rule: None }
    }

    #[must_use]
    pub fn rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into()).filter(|rule: &String| !rule.is_empty());
        self
    }
}

/// An entry's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Matched, checked whole, and conforming (notices or not).
    Valid,
    /// Breaks the contract, or is no exchange HAR allows.
    Invalid,
    /// Conforming as far as it could be checked, but not checked whole: never valid.
    Unchecked,
    /// No operation of the catalog serves it.
    Unmatched,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "Valid",
            Self::Invalid => "Invalid",
            Self::Unchecked => "Unchecked",
            Self::Unmatched => "Unmatched",
        }
    }
}

/// One entry of a session: what it is, what it matched, what was found, and the verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryReport {
    /// The archive it is in, as named on the command line.
    pub file: String,
    pub index: usize,
    /// Where the entry starts in the archive.
    pub line: usize,
    pub column: usize,
    pub method: String,
    /// With credentials and secret query values redacted.
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// `provider/service/OperationId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
    /// Findings left out of `findings` once an entry has [`MAX_FINDINGS`]; counted only.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
    /// How many findings of each kind, kept or not: the verdict's grounds.
    #[serde(skip)]
    pub counts: Counts,
}

/// How many findings of each kind an entry has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub violations: usize,
    pub notices: usize,
    pub unchecked: usize,
}

/// The most findings an entry keeps: a body with millions of violations is counted, not held.
pub const MAX_FINDINGS: usize = 100;

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl EntryReport {
    /// Keeps `finding`, or counts it once the entry holds [`MAX_FINDINGS`].
    pub fn push(&mut self, finding: Finding) {
        *self.count(finding.kind) += 1;
        if self.findings.len() < MAX_FINDINGS {
            self.findings.push(finding);
        } else {
            self.more += 1;
        }
    }

    fn count(&mut self, kind: Kind) -> &mut usize {
        match kind {
            Kind::Violation => &mut self.counts.violations,
            Kind::Notice => &mut self.counts.notices,
            Kind::Unchecked => &mut self.counts.unchecked,
        }
    }

    /// Counts `count` more findings of `kind` that were not kept: what [`Self::push`] does with
    /// them once the entry keeps [`MAX_FINDINGS`].
    pub fn count_more(&mut self, kind: Kind, count: usize) {
        *self.count(kind) += count;
        self.more += count;
    }

    /// The verdict its findings give, once it matched an operation.
    pub fn judge(&mut self) {
        self.verdict = if self.counts.violations > 0 {
            Verdict::Invalid
        } else if self.counts.unchecked > 0 {
            Verdict::Unchecked
        } else {
            Verdict::Valid
        };
    }

    /// `session.har#3 GET https://...`: the entry in a reviewer's words.
    pub fn label(&self) -> String {
        format!("{}#{} {} {}", self.file, self.index, self.method, self.url)
    }
}
