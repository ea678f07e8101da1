//! The accepted-changes file: breaking changes a reviewer has accepted, each with a reason,
//! so that `diff` stops failing on them. An entry names its change by fingerprint and, for
//! the reader, by rule, operation and pointer; an entry that matches no change any more is
//! stale and fails `diff` until it is removed, so the file never outlives what it excuses.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::compare::Change;
use super::documents::{self, SourceError};
use super::locate;

/// Where `diff` looks for accepted changes, relative to the workspace root.
pub const ACCEPTED_FILE: &str = ".cloudspec/diff-accepted.yaml";

/// The fields every entry has, in the order the file writes them.
const FIELDS: [&str; 5] = ["fingerprint", "rule", "operation", "pointer", "reason"];

/// One accepted change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Accepted {
    pub fingerprint: String,
    pub rule: String,
    pub operation: String,
    pub pointer: String,
    pub reason: String,
    /// The file, as messages show it.
    pub file: String,
    /// The line the entry starts on.
    pub line: usize,
}

/// Reads the accepted changes of `path`, shown as `shown`; a missing file accepts nothing
/// when `required` is false.
pub fn load(path: &Path, shown: &str, required: bool) -> Result<Vec<Accepted>, SourceError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !required => return Ok(Vec::new()),
        Err(source) => return Err(SourceError::Read { path: shown.to_owned(), source }),
    };
    parse(shown, &text)
}

/// Parses the text of an accepted-changes file: a YAML list of entries.
pub fn parse(shown: &str, text: &str) -> Result<Vec<Accepted>, SourceError> {
    let value = documents::parse(shown, text)?;
    let invalid = |line: Option<usize>, message: String| {
        let place = line.map_or_else(|| shown.to_owned(), |line| format!("{shown}:{line}"));
        SourceError::Accepted { place, message }
    };
    let entries = match &value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(entries) => entries,
        _ => return Err(invalid(None, "expected a list of accepted changes".to_owned())),
    };
    let mut accepted = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let line = locate::line(text, &format!("/{index}"));
        let field = |name: &str| -> Result<String, SourceError> {
            entry
                .get(name)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| {
                    invalid(
                        line,
                        format!("entry {index} has no `{name}`: every entry has {}", FIELDS.join(", ")),
                    )
                })
        };
        let rule = field("rule")?;
        if super::rules::find(&rule).is_none() {
            return Err(invalid(line, format!("no diff rule is called {rule:?}")));
        }
        accepted.push(Accepted {
            fingerprint: field("fingerprint")?,
            rule,
            operation: field("operation")?,
            pointer: field("pointer")?,
            reason: field("reason")?,
            file: shown.to_owned(),
            line: line.unwrap_or(1),
        });
    }
    Ok(accepted)
}

/// Marks each change an entry accepts, and returns the entries that accept none. An entry
/// whose fingerprint matches but whose rule, operation or pointer do not is an error: the
/// file was edited by hand or the fingerprint copied to the wrong entry.
pub fn apply(changes: &mut [Change], accepted: &[Accepted]) -> Result<Vec<Accepted>, SourceError> {
    let mut stale = Vec::new();
    for entry in accepted {
        let mut matched = false;
        for change in changes.iter_mut().filter(|change| change.fingerprint == entry.fingerprint) {
            let differs = [
                ("rule", change.rule.id, entry.rule.as_str()),
                ("operation", change.operation.as_str(), entry.operation.as_str()),
                ("pointer", change.pointer.as_str(), entry.pointer.as_str()),
            ]
            .into_iter()
            .find(|(_, found, written)| found != written);
            if let Some((name, found, written)) = differs {
                return Err(SourceError::Accepted {
                    place: format!("{}:{}", entry.file, entry.line),
                    message: format!(
                        "fingerprint {} is the change with {name} {found:?}, but the entry says {written:?}",
                        entry.fingerprint
                    ),
                });
            }
            change.accepted = Some(entry.reason.clone());
            matched = true;
        }
        if !matched {
            stale.push(entry.clone());
        }
    }
    Ok(stale)
}
