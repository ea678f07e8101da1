//! Accepted changes: breaking changes a reviewer has accepted, each with a reason, so that
//! they stop failing. An entry names its change by fingerprint and, for the reader, by rule,
//! operation and pointer; an entry that matches no change any more is stale, so that the
//! list never outlives what it excuses. Entries are accepted findings
//! ([`cloudspec_findings::accepted`]); reading them from a file is the caller's.

use std::fmt;

use cloudspec_findings::accepted;
use serde::Deserialize;

use crate::compare::Change;

/// What an entry names: its change's fingerprint, and for the reader its rule, operation and
/// pointer, which must be the change's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub fingerprint: String,
    pub rule: String,
    pub operation: String,
    pub pointer: String,
}

/// An entry as a file writes it: every field named, no other.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Written {
    fingerprint: String,
    rule: String,
    operation: String,
    pointer: String,
    reason: String,
}

impl From<Written> for accepted::Written<Named> {
    fn from(entry: Written) -> Self {
        let Written { fingerprint, rule, operation, pointer, reason } = entry;
        Self { key: Named { fingerprint, rule, operation, pointer }, reason }
    }
}

/// One accepted change, with its reason, file and line.
pub type Accepted = accepted::Entry<Named>;

/// An entry whose fingerprint is a change's but whose rule, operation or pointer are not:
/// the file was edited by hand or the fingerprint copied to the wrong entry.
#[derive(Debug)]
pub struct Contradiction {
    /// The entry's file, as people are shown it.
    pub file: String,
    /// The line the entry starts on.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Contradiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for Contradiction {}

/// Marks each change an entry accepts, and returns the entries that accept none.
pub fn apply(changes: &mut [Change], entries: &[Accepted]) -> Result<Vec<Accepted>, Contradiction> {
    let accepts = |named: &Named, change: &Change| {
        if change.fingerprint != named.fingerprint {
            return Ok(false);
        }
        let differs = [
            ("rule", change.rule.id, named.rule.as_str()),
            ("operation", change.operation.as_str(), named.operation.as_str()),
            ("pointer", change.pointer.as_str(), named.pointer.as_str()),
        ]
        .into_iter()
        .find(|(_, found, written)| found != written);
        match differs {
            Some((name, found, written)) => Err(format!(
                "fingerprint {} is the change with {name} {found:?}, but the entry says {written:?}",
                named.fingerprint
            )),
            None => Ok(true),
        }
    };
    let accept = |change: &mut Change, entry: &Accepted| change.accepted = Some(entry.reason.clone());
    let stale = accepted::apply(changes, entries, accepts, accept)
        .map_err(|(entry, message)| Contradiction { file: entry.file.clone(), line: entry.line, message })?;
    Ok(stale.into_iter().cloned().collect())
}

/// What names a stale entry in the report.
pub(crate) fn named(entry: &Accepted) -> String {
    let named = &entry.key;
    format!(
        "accepted change {} ({} in {} at {})",
        named.fingerprint, named.rule, named.operation, named.pointer
    )
}
