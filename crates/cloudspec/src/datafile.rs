//! The YAML data files kept beside the code and read by the checks: a conform file's accepted
//! differences, `diff`'s accepted changes, a citations file, the index of the captured
//! sources. One error names what makes such a file unusable, with the file and the place; one
//! reader finds the line each item of a list starts on, which the YAML parser does not keep,
//! and turns accepted entries as written into [`Entry`]s that know their line.

use std::path::{Path, PathBuf};

use cloudspec_findings::accepted::{Entry, Written};
use serde::de::DeserializeOwned;

use crate::workspace;

/// Why a data file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum DataFileError {
    #[error("{}: cannot read: {source}", workspace::display(.path))]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: {message}", workspace::display(.path))]
    Yaml { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{}:{line}: {message}", workspace::display(.path))]
    Entry { path: PathBuf, line: usize, message: String },
}

impl DataFileError {
    /// An error of the item that starts on `line` of the file at `relative`.
    pub fn entry(relative: &Path, line: usize, message: String) -> Self {
        Self::Entry { path: relative.to_owned(), line, message }
    }
}

/// `text`, the file at `relative`, read as one YAML document into `T`.
pub(crate) fn parse<T: DeserializeOwned>(relative: &Path, text: &str) -> Result<T, DataFileError> {
    crate::yaml::parse(text).map_err(|error| DataFileError::Yaml {
        path: relative.to_owned(),
        line: error.line,
        column: error.column,
        message: error.message,
    })
}

/// The line (1-based) each item of the top-level list `key` starts on: the first `- ` lines at
/// one indentation after `key:`, up to the next top-level key. Comments and blank lines are
/// passed over.
pub(crate) fn item_lines(text: &str, key: &str) -> Vec<usize> {
    items(text, Some(&format!("{key}:")))
}

/// The line (1-based) each item of a file that is one list starts on.
pub(crate) fn list_lines(text: &str) -> Vec<usize> {
    items(text, None)
}

/// The lines items start on after `heading`, or from the start when there is none.
fn items(text: &str, heading: Option<&str>) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut inside = heading.is_none();
    let mut indent = None;
    for (index, line) in text.lines().enumerate() {
        if heading.is_some_and(|heading| line.starts_with(heading)) {
            inside = true;
            continue;
        }
        if !inside || line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let depth = line.len() - line.trim_start().len();
        if depth == 0 && !line.starts_with('-') {
            inside = false;
            continue;
        }
        if line.trim_start().starts_with("- ") && *indent.get_or_insert(depth) == depth {
            lines.push(index + 1);
        }
    }
    lines
}

/// The accepted entries `written` in the file at `relative`, entry `i` starting on line
/// `lines[i]`: an entry whose reason is missing or still to write is an error naming its line.
pub(crate) fn entries<K>(
    relative: &Path,
    written: impl IntoIterator<Item = Written<K>>,
    lines: &[usize],
) -> Result<Vec<Entry<K>>, DataFileError> {
    let shown = workspace::display(relative);
    written
        .into_iter()
        .enumerate()
        .map(|(index, written)| {
            let line = lines.get(index).copied().unwrap_or(1);
            Entry::new(written, &shown, line).map_err(|message| DataFileError::entry(relative, line, message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_a_list_by_their_first_line_and_nothing_of_the_next_key() {
        let text = "# a comment\nfacts:\n- at: a\n  cite:\n  - page: p\n\n# between\n- at: \
            b\nnotes:\n  - note: n\n  - note: m\n";
        assert_eq!(item_lines(text, "facts"), [3, 8]);
        assert_eq!(item_lines(text, "notes"), [10, 11]);
        assert!(item_lines(text, "accepted").is_empty());
        let list = "# accepted\n- fingerprint: a\n  reason: b\n\n-   fingerprint: c\n  list:\n  - d\n";
        assert_eq!(list_lines(list), [2, 5]);
    }
}
