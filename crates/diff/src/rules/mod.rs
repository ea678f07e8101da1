//! The classification rules of `diff`: a stable id, a verdict and the clients it breaks for
//! each kind of change, and the catalogue the README's table of rules is generated from.
//!
//! Ids are part of the JSON output, of fingerprints and of reviewers' vocabulary: never
//! rename one. A change that means opposite things for a request (the client writes it) and
//! a response (the client reads it) has one rule per direction, `request-...` and
//! `response-...`.
//!
//! A verdict is **breaking** when some client or request that conformed to the old document
//! stops working under the new one, a client that validates what it reads included (pydantic
//! models, jsonschema): a response value the old schema refused is one such a client rejects.
//! **Potentially breaking** only where that depends on the client (generated code changes
//! shape, or the change cannot be told to widen or narrow); never breaking for a change no
//! client can notice.
//!
//! [`operations`] holds the rules of operations, their lifecycle, parameters, bodies,
//! responses and security; [`schemas`] those of schemas.

mod operations;
mod schemas;

use std::fmt;
use std::fmt::Write as _;

use cloudspec_findings::Level;
use serde::Serialize;

pub(crate) use operations::*;
/// The rule of a change no other rule classifies: the cases of `diff` hold what it catches.
pub use schemas::OTHER_CHANGED;
pub(crate) use schemas::*;

/// How much a change can hurt an existing client, worst first: `diff`'s word for each
/// [`Level`], one to one, which reports label changes with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// An existing client stops working.
    Breaking,
    /// Some clients may stop working: generated code changes shape, or values it did not
    /// expect arrive.
    PotentiallyBreaking,
    /// Existing clients keep working.
    NonBreaking,
    /// Only descriptions or examples changed.
    DocsOnly,
}

impl Verdict {
    pub(crate) const ALL: [Self; 4] =
        [Self::Breaking, Self::PotentiallyBreaking, Self::NonBreaking, Self::DocsOnly];

    /// The name of its count in JSON's `summary`.
    pub(crate) const fn key(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::PotentiallyBreaking => "potentially_breaking",
            Self::NonBreaking => "non_breaking",
            Self::DocsOnly => "docs_only",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Breaking => "breaking",
            Self::PotentiallyBreaking => "potentially breaking",
            Self::NonBreaking => "non-breaking",
            Self::DocsOnly => "docs only",
        }
    }

    /// The level of a change of this verdict: only a breaking one fails `diff`.
    pub(crate) const fn level(self) -> Level {
        match self {
            Self::Breaking => Level::Error,
            Self::PotentiallyBreaking => Level::Warning,
            Self::NonBreaking => Level::Notice,
            Self::DocsOnly => Level::Info,
        }
    }

    /// The verdict of a rule of `level`.
    pub(crate) const fn of(level: Level) -> Self {
        match level {
            Level::Error => Self::Breaking,
            Level::Warning => Self::PotentiallyBreaking,
            Level::Notice => Self::NonBreaking,
            Level::Info => Self::DocsOnly,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One kind of change: its id, [`Verdict`] (as its level), what changed (its summary) and
/// which clients stop working, and why (where the verdict could be argued the other way, the
/// reason it is what it is). The README's table shows `breaks`; the JSON output does not.
pub(crate) use cloudspec_findings::Rule;

/// The verdict of a change of `rule`.
pub(crate) const fn verdict(rule: Rule) -> Verdict {
    Verdict::of(rule.level)
}

/// Who writes a value: the client (a request) or the server (a response). Narrowing what a
/// request accepts breaks clients; widening what a response holds breaks the clients that
/// validate it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Direction {
    Request,
    Response,
}

/// A rule with one verdict for requests and another for responses.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Directed {
    pub request: Rule,
    pub response: Rule,
}

impl Directed {
    pub(crate) fn at(self, direction: Direction) -> Rule {
        match direction {
            Direction::Request => self.request,
            Direction::Response => self.response,
        }
    }
}

/// What a rule that breaks no client says it breaks.
const NONE: &str = Rule::NONE;

const fn rule(id: &'static str, verdict: Verdict, title: &'static str, breaks: &'static str) -> Rule {
    Rule::new(id, verdict.level(), title, breaks)
}

/// One side of a [`Directed`] pair: its id, verdict and the clients it breaks.
type Half = (&'static str, Verdict, &'static str);

/// Two rules that share a title: `request-<stem>` and `response-<stem>`.
const fn directed(request: Half, response: Half, title: &'static str) -> Directed {
    Directed {
        request: rule(request.0, request.1, title, request.2),
        response: rule(response.0, response.1, title, response.2),
    }
}

/// A row of the catalogue: one rule, or a pair by direction.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Entry {
    One(Rule),
    Pair(Directed),
}

/// A group of rules, as the README's table lists them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Section {
    pub title: &'static str,
    pub entries: &'static [Entry],
}

/// Every rule, grouped, in the order the README lists them.
pub(crate) const CATALOGUE: &[Section] = &[
    operations::OPERATIONS,
    operations::LIFECYCLE,
    operations::PARAMETERS,
    operations::BODIES,
    operations::RESPONSES,
    operations::SECURITY,
    schemas::SCHEMAS,
    schemas::SUBSCHEMAS,
    schemas::COMPOSITION,
    schemas::DISCRIMINATORS,
    schemas::ANYTHING_ELSE,
];

/// The `request-` and `response-` rules without a twin, and why: what they judge exists on
/// one side of the exchange only.
pub const UNPAIRED: &[(&str, &str)] = &[
    ("request-body-added-required", BODY_OF_REQUEST),
    ("request-body-added-optional", BODY_OF_REQUEST),
    ("request-body-removed", BODY_OF_REQUEST),
    ("request-body-became-required", BODY_OF_REQUEST),
    ("request-body-became-optional", BODY_OF_REQUEST),
    ("response-status-removed", STATUS_OF_RESPONSE),
    ("response-status-added", STATUS_OF_RESPONSE),
    ("response-header-added", HEADER_OF_RESPONSE),
    ("response-required-header-removed", HEADER_OF_RESPONSE),
    ("response-optional-header-removed", HEADER_OF_RESPONSE),
    ("response-header-became-optional", HEADER_OF_RESPONSE),
    ("response-header-became-required", HEADER_OF_RESPONSE),
];

const BODY_OF_REQUEST: &str = "OpenAPI makes a request body required or not (`requestBody.required`); a \
    response's body comes with its status, judged by the response-status- rules";
const STATUS_OF_RESPONSE: &str = "only a response has a status";
const HEADER_OF_RESPONSE: &str =
    "a request's headers are parameters (`in: header`), judged by the parameter- rules";

/// Every rule, in the order the README lists them.
pub fn all() -> Vec<Rule> {
    let mut rules = Vec::new();
    for section in CATALOGUE {
        for entry in section.entries {
            match entry {
                Entry::One(rule) => rules.push(*rule),
                Entry::Pair(pair) => rules.extend([pair.request, pair.response]),
            }
        }
    }
    rules
}

/// The rule with this id.
pub fn find(id: &str) -> Option<Rule> {
    all().into_iter().find(|rule| rule.id == id)
}

/// The README's table of rules, one row per rule or pair, in Markdown.
pub fn table() -> String {
    let mut out = String::from(
        "| Area | Rule | Verdict | What changed | Which clients it breaks |\n|---|---|---|---|---|\n",
    );
    for section in CATALOGUE {
        for entry in section.entries {
            let (ids, verdicts, title, breaks) = match entry {
                Entry::One(rule) => (
                    format!("`{}`", rule.id),
                    verdict(*rule).to_string(),
                    rule.summary,
                    rule.breaks.to_owned(),
                ),
                Entry::Pair(pair) => (
                    format!("`{}` / `{}`", pair.request.id, pair.response.id),
                    format!("{} / {}", verdict(pair.request), verdict(pair.response)),
                    pair.request.summary,
                    format!("{} / {}", pair.request.breaks, pair.response.breaks),
                ),
            };
            let cell = |text: &str| text.replace('|', "\\|");
            let _ = writeln!(
                out,
                "| {} | {ids} | {verdicts} | {} | {} |",
                section.title,
                cell(title),
                cell(&breaks)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{NONE, Verdict, all, verdict};

    /// A rule that can break a client names it; one that cannot says so. (Unique ids and
    /// request/response pairs are held by the registry's test, with every other registry.)
    #[test]
    fn every_rule_says_which_clients_it_breaks() {
        for rule in all() {
            let verdict = verdict(rule);
            let quiet = matches!(verdict, Verdict::NonBreaking | Verdict::DocsOnly);
            let names_none = rule.breaks == NONE || rule.breaks.starts_with("none:");
            assert_eq!(quiet, names_none, "{}: {:?} for a {verdict} rule", rule.id, rule.breaks);
        }
    }

    #[test]
    fn verdicts_and_levels_are_one_to_one() {
        for verdict in Verdict::ALL {
            assert_eq!(Verdict::of(verdict.level()), verdict);
        }
    }
}
