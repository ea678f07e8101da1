//! Captured response bodies checked against the contract a published document declares:
//! find the document and the schema ([`contract`]), open the capture as a stream ([`input`]),
//! and read it ([`reader`]) while walking it against the schema split for that ([`stream`],
//! [`walk`]), handing on each violation, placed at its line and column, as it is found.
//! Memory stays bounded whatever the capture's size ([`walk::HELD`]).

pub mod contract;
pub mod input;
mod names;
pub mod progress;
pub mod reader;
pub mod report;
pub mod stream;
pub mod walk;

use std::path::{Path, PathBuf};

use crate::capture::contract::Contract;
use crate::capture::input::Source;
use crate::capture::progress::Progress;
use crate::capture::walk::{Failure, Stop};
use crate::json::JsonFileError;
use crate::pointer;
use crate::validate::Violation;

/// A violation and where its value starts in the capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub violation: Violation,
    pub line: usize,
    pub column: usize,
}

/// What checking one capture found.
#[derive(Debug)]
pub enum Outcome {
    /// The capture conforms.
    Valid,
    /// The capture breaks the schema (or repeats a member name): the violations were handed
    /// on as they were found.
    Invalid,
    /// The capture is not JSON text: empty, a byte-order mark, not UTF-8, a syntax error, too
    /// deeply nested, or a number out of range. Nothing after the first bad byte was read.
    Malformed(JsonFileError),
    /// A value that must be held to be checked is larger than validate holds.
    TooLarge(TooLarge),
    /// The capture could not be read.
    Unreadable(JsonFileError),
}

/// A value too large to check in bounded memory, and where it starts.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}:{line}:{column}: {}: {what} is larger than {} MiB, the most validate holds of a capture at once; the capture was checked up to here",
    path.display(), pointer::display(pointer), walk::HELD >> 20
)]
pub struct TooLarge {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub pointer: String,
    pub what: String,
}

/// One capture, how many violations it has, and what checking it found.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    /// The violations handed on, also when the capture turned out malformed after them.
    pub violations: usize,
    pub outcome: Outcome,
}

/// Checks the capture `source` against `contract` while reading it; each violation goes to
/// `sink` as soon as it is found.
pub fn check(
    contract: &Contract,
    source: Source,
    progress: &mut dyn Progress,
    sink: &mut dyn FnMut(Located),
) -> Checked {
    let (violations, outcome) = match input::open(&source, progress) {
        Ok(stream) => {
            judge(source.path(), contract.plan.check(stream, sink, &mut |done| progress.update(done)))
        }
        Err(error) => (0, Outcome::Unreadable(error)),
    };
    progress.end();
    Checked { source, violations, outcome }
}

/// [`check`], keeping every violation: for tests and callers that expect few.
pub fn check_all(
    contract: &Contract,
    source: Source,
    progress: &mut dyn Progress,
) -> (Checked, Vec<Located>) {
    let mut located = Vec::new();
    let checked = check(contract, source, progress, &mut |item| located.push(item));
    (checked, located)
}

/// Every violation of the JSON `text` against `contract`, in the order found; the outcome
/// when the text is not a conforming or non-conforming JSON body.
pub fn validate_text(
    contract: &Contract,
    text: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<Located>, Outcome> {
    let mut located = Vec::new();
    let result = contract.plan.check(text.as_bytes(), &mut |item| located.push(item), progress);
    match judge(Path::new("<text>"), result).1 {
        Outcome::Valid | Outcome::Invalid => Ok(located),
        outcome => Err(outcome),
    }
}

/// The outcome of a walk, and the number of violations it handed on.
fn judge(path: &Path, result: Result<usize, Failure>) -> (usize, Outcome) {
    use crate::capture::reader::Error;
    let Failure { stop, pointer, violations } = match result {
        Ok(0) => return (0, Outcome::Valid),
        Ok(violations) => return (violations, Outcome::Invalid),
        Err(failure) => failure,
    };
    let path = path.to_owned();
    let too_large = |path, at: reader::Position, what| {
        Outcome::TooLarge(TooLarge { path, line: at.line, column: at.column, pointer, what })
    };
    let stop = match stop {
        Stop::Reader(error) => Ok(*error),
        Stop::TooLarge { at, what } => Err((at, what)),
    };
    let outcome = match stop {
        Ok(Error::Io(source)) => Outcome::Unreadable(JsonFileError::Read { path, source }),
        Ok(Error::Syntax { at, message }) => {
            Outcome::Malformed(JsonFileError::Syntax { path, line: at.line, column: at.column, message })
        }
        Ok(Error::NotUtf8 { at, byte }) => {
            Outcome::Malformed(JsonFileError::NotUtf8 { path, line: at.line, column: at.column, byte })
        }
        Ok(Error::Empty) => Outcome::Malformed(JsonFileError::Empty { path }),
        Ok(Error::ByteOrderMark) => Outcome::Malformed(JsonFileError::ByteOrderMark { path }),
        Ok(Error::TooLong { at, what, .. }) => too_large(path, at, format!("a {what}")),
        Err((at, what)) => too_large(path, at, what),
    };
    (violations, outcome)
}
