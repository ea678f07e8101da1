//! Reading JSON files with errors that name the file, the line and the column.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// A file that could not be read as JSON.
#[derive(Debug, thiserror::Error)]
pub enum JsonFileError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: expected valid JSON: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
}

/// Reads and parses `path`; the error says where the JSON breaks.
pub fn read(path: &Path) -> Result<Value, JsonFileError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| JsonFileError::Read { path: path.to_owned(), source })?;
    parse(path, &text)
}

/// Parses `text`, naming `path` in the error.
pub fn parse(path: &Path, text: &str) -> Result<Value, JsonFileError> {
    serde_json::from_str(text).map_err(|error| {
        // serde_json appends " at line L column C"; we print the place in front instead.
        let message = error.to_string();
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head);
        JsonFileError::Syntax {
            path: path.to_owned(),
            line: error.line(),
            column: error.column(),
            message: message.to_owned(),
        }
    })
}
