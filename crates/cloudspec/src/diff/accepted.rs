//! The accepted-changes file: breaking changes a reviewer has accepted, each with a reason,
//! so that `diff` stops failing on them. An entry names its change by fingerprint and, for
//! the reader, by rule, operation and pointer; an entry that matches no change any more is
//! stale and fails `diff` until it is removed, so the file never outlives what it excuses.
//! The file is read as every accepted-findings file is ([`cloudspec_findings::accepted`],
//! [`crate::datafile`]).

use std::path::Path;

use cloudspec_findings::accepted;
use serde::Deserialize;

use super::compare::Change;
use crate::datafile::{self, DataFileError};

/// Where `diff` looks for accepted changes, relative to the workspace root.
pub const ACCEPTED_FILE: &str = ".cloudspec/diff-accepted.yaml";

/// What an entry names: its change's fingerprint, and for the reader its rule, operation and
/// pointer, which must be the change's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub fingerprint: String,
    pub rule: String,
    pub operation: String,
    pub pointer: String,
}

/// An entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
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

/// Reads the accepted changes of the file at `path` under `root`; a missing file accepts
/// nothing when `required` is false.
pub fn load(root: &Path, path: &Path, required: bool) -> Result<Vec<Accepted>, DataFileError> {
    let text = match std::fs::read_to_string(root.join(path)) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !required => return Ok(Vec::new()),
        Err(source) => return Err(DataFileError::Read { path: path.to_owned(), source }),
    };
    parse(path, &text)
}

/// Parses the text of the accepted-changes file at `path`: a YAML list of entries.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Accepted>, DataFileError> {
    let written: Option<Vec<Written>> = datafile::parse(path, text)?;
    let written = written.unwrap_or_default().into_iter().map(Into::into);
    let entries = datafile::entries(path, written, &datafile::list_lines(text))?;
    for entry in &entries {
        if super::rules::find(&entry.key.rule).is_none() {
            let message = format!("no diff rule is called {:?}", entry.key.rule);
            return Err(DataFileError::entry(path, entry.line, message));
        }
    }
    Ok(entries)
}

/// Marks each change an entry accepts, and returns the entries that accept none. An entry
/// whose fingerprint matches but whose rule, operation or pointer do not is an error: the
/// file was edited by hand or the fingerprint copied to the wrong entry.
pub fn apply(changes: &mut [Change], entries: &[Accepted]) -> Result<Vec<Accepted>, DataFileError> {
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
        .map_err(|(entry, message)| DataFileError::entry(Path::new(&entry.file), entry.line, message))?;
    Ok(stale.into_iter().cloned().collect())
}

/// What names a stale entry in the report.
pub fn named(entry: &Accepted) -> String {
    let named = &entry.key;
    format!(
        "accepted change {} ({} in {} at {})",
        named.fingerprint, named.rule, named.operation, named.pointer
    )
}
