//! Reading JSON files with errors that name the file, the line and the column. (Captures,
//! which may be too large to hold, are read by [`crate::capture::reader`].)

use std::path::{Path, PathBuf};

use serde_json::Value;

/// A file that could not be read as JSON.
#[derive(Debug, thiserror::Error)]
pub enum JsonFileError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: expected valid JSON: {message}", path.display())]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{}: the file is empty: expected a JSON value", path.display())]
    Empty { path: PathBuf },
    #[error(
        "{}:1:1: the file starts with a UTF-8 byte-order mark, which JSON (RFC 8259) does not \
        allow: save it without one",
        path.display()
    )]
    ByteOrderMark { path: PathBuf },
    #[error("{}:{line}:{column}: byte 0x{byte:02X} is not UTF-8: JSON text is UTF-8", path.display())]
    NotUtf8 { path: PathBuf, line: usize, column: usize, byte: u8 },
}

impl JsonFileError {
    /// The same error, naming the file `path` instead.
    #[must_use]
    pub fn with_path(self, path: PathBuf) -> Self {
        match self {
            Self::Read { source, .. } => Self::Read { path, source },
            Self::Syntax { line, column, message, .. } => Self::Syntax { path, line, column, message },
            Self::Empty { .. } => Self::Empty { path },
            Self::ByteOrderMark { .. } => Self::ByteOrderMark { path },
            Self::NotUtf8 { line, column, byte, .. } => Self::NotUtf8 { path, line, column, byte },
        }
    }
}

/// Reads and parses `path`; the error says where the JSON breaks.
pub fn read(path: &Path) -> Result<Value, JsonFileError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| JsonFileError::Read { path: path.to_owned(), source })?;
    parse(path, &text)
}

/// Parses `text`, naming `path` in the error.
pub fn parse(path: &Path, text: &str) -> Result<Value, JsonFileError> {
    serde_json::from_str(text).map_err(|error| syntax(path, &error))
}

/// The error of serde_json as a [`JsonFileError::Syntax`] naming `path`.
pub fn syntax(path: &Path, error: &serde_json::Error) -> JsonFileError {
    // serde_json appends " at line L column C"; we print the place in front instead.
    let message = error.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head);
    JsonFileError::Syntax {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        message: message.to_owned(),
    }
}
