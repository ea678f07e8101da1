//! The comparer of one pair of matched operations: where values sit, how a change is
//! recorded, and the generic comparison every value falls back to, so that no difference
//! goes unreported.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use cloudspec_vocabulary::pointer;

use super::date::Date;
use super::rules::{self, Direction, Rule, Verdict};

/// Which version of the documents a change's pointer addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Before,
    After,
}

/// One classified change.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// Names the change across runs: see [`fingerprint`].
    pub fingerprint: String,
    pub rule: Rule,
    pub verdict: Verdict,
    /// The operationId (the new one if it changed), or `METHOD /path` if there is none.
    pub operation: String,
    /// The document the pointer addresses.
    pub document: String,
    /// `after` unless the change is a removal, whose place is only in the old version.
    pub side: Side,
    /// Where the change is: inside `components` when the schema is reached through a `$ref`.
    pub pointer: String,
    /// The value before, `null` when there was none.
    pub before: Option<Value>,
    /// The value after, `null` when there is none.
    pub after: Option<Value>,
    /// The line of the new document the change is shown at (for a removal, the line of the
    /// nearest place that is still there), when the document's text is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Why a reviewer accepted the change, from the accepted-changes file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<String>,
}

impl Change {
    /// Whether the change fails `diff`: breaking and not accepted.
    pub fn fails(&self) -> bool {
        self.verdict == Verdict::Breaking && self.accepted.is_none()
    }
}

/// A short name of a change that stays the same across runs and commits: a hash of the rule,
/// the operation and the pointer, none of which depend on the values' text or order.
pub(crate) fn fingerprint(rule: &str, operation: &str, pointer: &str) -> String {
    let mut hash = cloudspec_findings::fingerprint(&format!("{rule}\n{operation}\n{pointer}"));
    hash.truncate(12);
    hash
}

/// A value and where it sits in its document.
#[derive(Clone, Debug)]
pub(super) struct Loc<'a> {
    pub value: &'a Value,
    pub at: String,
}

impl<'a> Loc<'a> {
    pub(super) fn new(value: &'a Value, at: impl Into<String>) -> Self {
        Self { value, at: at.into() }
    }

    pub(super) fn get(&self, key: &str) -> Option<Loc<'a>> {
        self.value.get(key).map(|value| Loc::new(value, format!("{}/{}", self.at, pointer::escape(key))))
    }

    pub(super) fn index(&self, index: usize) -> Option<Loc<'a>> {
        self.value.get(index).map(|value| Loc::new(value, format!("{}/{index}", self.at)))
    }

    pub(super) fn keys(&self) -> impl Iterator<Item = &'a String> {
        self.value.as_object().into_iter().flat_map(serde_json::Map::keys)
    }

    pub(super) fn array(&self) -> &'a [Value] {
        self.value.as_array().map_or(&[], Vec::as_slice)
    }
}

/// One document of a matched pair.
#[derive(Clone, Copy, Debug)]
pub(super) struct Doc<'a> {
    pub path: &'a str,
    pub value: &'a Value,
}

/// Compares one operation with its match and collects the changes.
#[derive(Debug)]
pub(super) struct Comparer<'a> {
    pub before: Doc<'a>,
    pub after: Doc<'a>,
    pub operation: String,
    /// The day sunsets are judged on.
    pub today: Date,
    /// Pairs of schemas already compared, so that a component reached twice is reported
    /// once and recursive schemas end.
    pub visited: HashSet<(String, String, Direction)>,
    pub changes: Vec<Change>,
}

/// Keys whose change is documentation only (a `$comment` is for readers of the schema).
const DESCRIPTIVE: [&str; 5] = ["description", "summary", "title", "externalDocs", "$comment"];
const EXAMPLES: [&str; 2] = ["example", "examples"];

impl<'a> Comparer<'a> {
    pub(super) fn new(before: Doc<'a>, after: Doc<'a>, operation: String, today: Date) -> Self {
        Self { before, after, operation, today, visited: HashSet::new(), changes: Vec::new() }
    }

    /// Records a change placed at `at` in the after document, or in the before one when the
    /// value is gone.
    pub(super) fn record(
        &mut self,
        rule: Rule,
        side: Side,
        at: &str,
        before: Option<Value>,
        after: Option<Value>,
    ) {
        let document = match side {
            Side::Before => self.before.path,
            Side::After => self.after.path,
        };
        self.changes.push(Change {
            fingerprint: fingerprint(rule.id, &self.operation, at),
            rule,
            verdict: rules::verdict(rule),
            operation: self.operation.clone(),
            document: document.to_owned(),
            side,
            pointer: at.to_owned(),
            before,
            after,
            line: None,
            accepted: None,
        });
    }

    /// Records a change between two places, at the after one if it exists.
    pub(super) fn record_pair(&mut self, rule: Rule, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>) {
        let (side, at) = match (after, before) {
            (Some(after), _) => (Side::After, after.at.as_str()),
            (None, Some(before)) => (Side::Before, before.at.as_str()),
            (None, None) => return,
        };
        let at = at.to_owned();
        self.record(rule, side, &at, before.map(|loc| loc.value.clone()), after.map(|loc| loc.value.clone()));
    }

    /// Compares what no specific rule covers: documentation keys are docs only, anything
    /// else is `other-changed`, reported at the deepest place that differs.
    pub(super) fn generic(&mut self, key: &str, before: Option<&Loc<'_>>, after: Option<&Loc<'_>>) {
        if before.map(|loc| loc.value) == after.map(|loc| loc.value) {
            return;
        }
        if DESCRIPTIVE.contains(&key) {
            return self.record_pair(rules::DESCRIPTION_CHANGED, before, after);
        }
        if EXAMPLES.contains(&key) {
            return self.record_pair(rules::EXAMPLE_CHANGED, before, after);
        }
        match (before, after) {
            (Some(b), Some(a)) if b.value.is_object() && a.value.is_object() => self.generic_keys(b, a, &[]),
            _ => self.record_pair(rules::OTHER_CHANGED, before, after),
        }
    }

    /// [`Self::generic`] over every key of two objects but those in `skip`, which the caller
    /// compares itself. The lifecycle keywords are judged with the holder's deprecation.
    pub(super) fn generic_keys(&mut self, before: &Loc<'_>, after: &Loc<'_>, skip: &[&str]) {
        let mut keys: Vec<&String> = after.keys().collect();
        keys.extend(before.keys().filter(|key| after.value.get(key.as_str()).is_none()));
        let stays_deprecated = after.value.get("deprecated").and_then(Value::as_bool) == Some(true);
        for key in keys {
            if skip.contains(&key.as_str()) {
                continue;
            }
            let (b, a) = (before.get(key), after.get(key));
            if !self.lifecycle(key, b.as_ref(), a.as_ref(), stays_deprecated) {
                self.generic(key, b.as_ref(), a.as_ref());
            }
        }
    }
}
