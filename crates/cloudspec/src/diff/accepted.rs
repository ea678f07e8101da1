//! The accepted-changes file: the breaking changes reviewers accepted
//! ([`cloudspec_diff::accepted`]), a YAML list of entries read as every accepted-findings
//! file is ([`crate::datafile`]). An entry that contradicts its change or matches none is the
//! file's error, at the entry's line.

use std::path::Path;

use cloudspec_diff::accepted::{self, Accepted, Written};
use cloudspec_diff::{Change, rules};

use crate::datafile::{self, DataFileError};

/// Where `diff` looks for accepted changes, relative to the workspace root.
pub const ACCEPTED_FILE: &str = ".cloudspec/diff-accepted.yaml";

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
        if rules::find(&entry.key.rule).is_none() {
            let message = format!("no diff rule is called {:?}", entry.key.rule);
            return Err(DataFileError::entry(path, entry.line, message));
        }
    }
    Ok(entries)
}

/// Marks each change an entry accepts, and returns the entries that accept none; an entry
/// that contradicts its change is an error at its line.
pub fn apply(changes: &mut [Change], entries: &[Accepted]) -> Result<Vec<Accepted>, DataFileError> {
    accepted::apply(changes, entries)
        .map_err(|error| DataFileError::entry(Path::new(&error.file), error.line, error.message))
}
